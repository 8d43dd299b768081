"""Team mode in a real browser: a lead and two reviewers, each signed in in their own browser context.

The lead deals a claim to both reviewers; each submits a different verdict with the keyboard without
seeing the other's; the disagreement reaches the lead's adjudication queue; the lead decides a final
verdict, which the exported verdict CSV then holds. Accounts are made with `workbench users add
--password-stdin` against the server's database before it starts; team mode is switched on by a
`.streamlit/secrets.toml` in the server's working folder. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
VIEWPORT = {"width": 1400, "height": 1500}
SECRETS = """\
[team]
enabled = true
reviews_per_item = 2

[auth]
cookie_secret = "a-test-cookie-secret-that-is-long-enough-0123456789"
"""
ACCOUNTS = {"lena": "lead", "ann": "reviewer", "ben": "reviewer"}


def password(name: str) -> str:
    return f"{name}-secret-pw"


def expect():  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect as _expect

    _expect.set_options(timeout=60_000)
    return _expect


@pytest.fixture()
def team_server(tmp_path, start_server):
    """The app in team mode on a database that holds three accounts (the sample is imported at first start)."""
    db = f"sqlite:///{tmp_path / 'workbench.db'}"
    for name, role in ACCOUNTS.items():
        subprocess.run([sys.executable, "-m", "workbench", "users", "add", name, "--role", role, "--password-stdin",
                        "--db", db], input=password(name) + "\n", text=True, check=True, capture_output=True)
    return start_server(secrets=SECRETS)


def signed_in(browser, url: str, name: str, settle, shot=None):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(url)
    expect()(page.get_by_role("heading", name="Sign in")).to_be_visible()
    settle(page)
    page.locator(".st-key-signin_name input").fill(name)
    page.locator(".st-key-signin_password input").fill("wrong-password" if shot else password(name))
    page.get_by_role("button", name="Sign in").click()
    if shot:  # the first sign-in shows a refused password, then signs in
        expect()(page.get_by_text("wrong name or password")).to_be_visible()
        shot(page, "team-signin")
        page.locator(".st-key-signin_password input").fill(password(name))
        page.get_by_role("button", name="Sign in").click()
    expect()(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    expect()(page.locator('[data-testid="stSidebar"]').get_by_text(f"Signed in as {name}")).to_be_visible()
    settle(page)
    return context, page


def go(page, screen: str, settle) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    heading = page.get_by_role("heading", name=screen, exact=True)
    for _ in range(3):
        settle(page)
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=screen).click()
        try:
            heading.wait_for(timeout=15_000)
            break
        except PlaywrightTimeout:
            continue
    expect()(heading).to_be_visible()
    settle(page)


def press(page, key: str, settle) -> None:  # type: ignore[no-untyped-def]
    from tests.browser.test_browser_workbench import press_key

    press_key(page, key)
    settle(page)


def test_two_reviewers_blind_a_disagreement_and_the_leads_final_verdict_in_the_export(browser, team_server, settle,
                                                                                       shot):
    url = team_server.url
    lead_ctx, lead = signed_in(browser, url, "lena", settle, shot=shot)
    nav = lead.locator('[data-testid="stSidebarNav"]')
    for screen in ("Assign", "Adjudicate", "Agreement", "Export"):
        expect()(nav.get_by_role("link", name=screen)).to_be_visible()
    expect()(nav.get_by_role("link", name="Users")).to_have_count(0)

    # the lead deals the first claim out to both reviewers (two reviews per item by default)
    go(lead, "Assign", settle)
    lead.locator(".st-key-assign_what").get_by_text("Claims", exact=True).click()
    settle(lead)
    lead.locator(".st-key-assign_items_claim input").click()
    option = lead.get_by_role("option").filter(has_text=" — ").first  # a claim, not "select all"
    claim_text = option.inner_text()
    option.click()
    lead.keyboard.press("Escape")
    settle(lead)
    lead.get_by_role("button", name="Deal out 1 item(s)").click()
    expect()(lead.get_by_text("Made 2 new assignment(s) for 1 item(s)")).to_be_visible()
    settle(lead)
    shot(lead, "team-assign")

    # the reviewers sign in; a reviewer's sidebar lists no lead screens
    ann_ctx, ann = signed_in(browser, url, "ann", settle)
    ben_ctx, ben = signed_in(browser, url, "ben", settle)
    expect()(ann.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Assign")).to_have_count(0)
    sentence = ann.locator(".st-key-review_sentence")
    expect()(sentence).to_be_visible()
    figure = claim_text.split(":", 1)[1].split("—")[0].strip()
    expect()(sentence).to_contain_text(figure)
    expect()(ben.locator(".st-key-review_sentence")).to_have_text(sentence.inner_text())

    # Ann: "1" chooses Accurate (a draft), "S" submits it
    press(ann, "1", settle)
    expect()(ann.get_by_text("Saved Accurate (draft)")).to_be_visible()
    press(ann, "s", settle)
    expect()(ann.get_by_text("Saved Accurate (submitted)")).to_be_visible()
    expect()(ann.get_by_text("Your verdict is submitted and locked")).to_be_visible()

    # Ben does not see Ann's verdict before he submits his own (his screen is read afresh)
    go(ben, "Dashboard", settle)
    go(ben, "Review", settle)
    expect()(ben.get_by_text("other reviewers' verdicts stay hidden until you submit yours")).to_be_visible()
    expect()(ben.get_by_text("ann: Accurate")).to_have_count(0)
    shot(ben, "team-review-blind")
    press(ben, "4", settle)
    expect()(ben.get_by_text("Saved Inaccurate (draft)")).to_be_visible()
    expect()(ben.get_by_text("ann: Accurate")).to_have_count(0)
    press(ben, "s", settle)
    expect()(ben.get_by_text("Saved Inaccurate (submitted)")).to_be_visible()
    expect()(ben.locator(".st-key-review_verdicts_so_far")).to_contain_text("ann: Accurate · submitted")
    shot(ben, "team-review-after-submitting")

    # the disagreement is in the lead's queue, verdicts side by side; the lead decides
    go(lead, "Adjudicate", settle)
    expect()(lead.get_by_test_id("stMetric").filter(has_text="Disagreements")).to_contain_text("1")
    expect()(lead.get_by_role("button", name="Accept ann's verdict")).to_be_visible()
    expect()(lead.get_by_role("button", name="Accept ben's verdict")).to_be_visible()
    shot(lead, "team-adjudicate")
    lead.locator('[class*="st-key-adjudicate_label_"]').get_by_text("Misleading", exact=True).click()
    settle(lead)
    lead.get_by_role("button", name="Save final verdict").click()
    expect()(lead.get_by_text("Final verdict saved: Misleading (version 1)")).to_be_visible()
    settle(lead)

    go(lead, "Agreement", settle)
    expect()(lead.get_by_test_id("stMetric").filter(has_text="Items rated")).to_contain_text("1")
    shot(lead, "team-agreement")
    with lead.expect_download() as download:
        lead.get_by_role("button", name="Agreement CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_bytes().decode("utf-8-sig"),
                                           newline="")))
    pair = next(r for r in rows if r["scope"] == "pair")
    assert (pair["reviewer_a"], pair["reviewer_b"], pair["items"], pair["percent_agreement"]) == (
        "ann", "ben", "1", "0")

    # the final verdict is in the verdict CSV the lead downloads
    go(lead, "Export", settle)
    lead.get_by_role("button", name="Prepare the files").click()
    settle(lead)
    with lead.expect_download() as download:
        lead.get_by_role("button", name="Verdict CSV").click()
    data = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    judged = [r for r in csv.DictReader(io.StringIO(data, newline="")) if r["verdict"]]
    assert [(r["surface"], r["verdict"], r["verdict_status"], r["reviewer"]) for r in judged] == [
        (figure, "Misleading", "final", "lena")]
    with lead.expect_download() as download:
        lead.get_by_role("button", name="History CSV").click()
    history = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_bytes().decode("utf-8-sig"),
                                              newline="")))
    acts = [(r["actor"], r["action"]) for r in history if r["action"] in ("assign", "submit_verdict",
                                                                         "final_verdict")]
    assert acts == [("lena", "assign"), ("lena", "assign"), ("ann", "submit_verdict"), ("ben", "submit_verdict"),
                    ("lena", "final_verdict")]
    for ctx in (lead_ctx, ann_ctx, ben_ctx):
        ctx.close()
