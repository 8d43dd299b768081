"""The workbench in a real browser: import, review with the keyboard, export; two reviewers on one group.

Each test starts `streamlit run` on its own SQLite file (see conftest.py) and saves a screenshot of every
screen it passes through under test-artifacts/screenshots/.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
VIEWPORT = {"width": 1400, "height": 1700}
NASTY = ("Probe headline\n\nOfficials said <script>alert(1)</script> **4,200** homes were hit, "
         "[see](javascript:alert(1)) :red[now] $x$ # too.")


def expect():  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect as _expect

    _expect.set_options(timeout=60_000)  # the first page waits for the parser and, on first start, the sample
    return _expect


def open_app(browser, url: str, settle):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(url)
    expect()(page.get_by_role("heading", name="Review")).to_be_visible()
    settle(page)
    return context, page


def one(locator):  # type: ignore[no-untyped-def]
    """``locator`` once a rerun has replaced its old drawing (for a moment both may be on the page)."""
    expect()(locator).to_have_count(1)
    return locator


KEYS_READY = "() => window.__workbenchKeys && window.__workbenchKeys.ready()"


def press_key(page, key: str) -> None:  # type: ignore[no-untyped-def]
    """Press a review key as a reader would: with the focus on the page, not in a text field, and only once
    the claim has been on screen long enough to be read (the screen drops a verdict key pressed sooner)."""
    page.get_by_role("heading", name="Review", exact=True).click()
    if key.upper() not in ("J", "K"):
        page.wait_for_function(KEYS_READY)
    page.keyboard.press(key)


def add_reviewer(page, name: str, settle) -> None:  # type: ignore[no-untyped-def]
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.get_by_label("Your name")
    box.fill(name)
    box.press("Enter")
    settle(page)
    sidebar.get_by_role("button", name="Add reviewer").click()
    settle(page)
    expect()(sidebar.get_by_text(f"Saving as {name}")).to_be_visible()


def go(page, screen: str, settle) -> None:  # type: ignore[no-untyped-def]
    """Open a screen from the sidebar (again, if a rerun started by a blurred field swallowed the click)."""
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


def choose(page, key: str, option: str, settle) -> None:  # type: ignore[no-untyped-def]
    """Pick ``option`` in the selectbox whose key is ``key`` (again, if a rerun redrew the box while it was
    open: the new box is closed and empty, so the option never shows)."""
    from playwright.sync_api import Error as PlaywrightError

    box = page.locator(f".st-key-{key} input")
    for attempt in range(3):
        # a rerun may draw the new box before the old one is gone, even after the count read one
        expect()(box).to_have_count(1)
        try:
            box.click()
            box.fill(option)
            page.get_by_role("option", name=option, exact=True).click(timeout=20_000)
            break
        except PlaywrightError:
            if attempt == 2:
                raise
            settle(page)
    settle(page)


def test_import_review_with_the_keyboard_and_export(browser, empty_app_server, settle, shot):
    context, page = open_app(browser, empty_app_server.url, settle)
    expect()(page.get_by_text("No claims yet")).to_be_visible()
    add_reviewer(page, "Sam Carter", settle)

    # import: upload the sample files
    go(page, "Import", settle)
    with_outlet = [ROOT / "data/articles.jsonl", ROOT / "data/articles.csv",
                   *sorted((ROOT / "data/html/daily-meridian").glob("*.html"))]
    bare_txt = sorted((ROOT / "data/txt/the-lantern").glob("*.txt"))  # uploaded without their outlet folder
    page.locator(".st-key-import_files input[type=file]").set_input_files([str(f) for f in with_outlet + bare_txt])
    settle(page)
    import_button = page.get_by_role("button", name="Import files")
    expect()(import_button).to_be_enabled()
    import_button.click()
    expect()(page.get_by_text("Last import")).to_be_visible(timeout=120_000)
    settle(page)
    from workbench.ingest import read_paths

    expected = len(read_paths(with_outlet))
    expect()(page.get_by_test_id("stMetric").filter(has_text="New articles")).to_contain_text(str(expected))
    expect()(page.get_by_text(f"{len(bare_txt)} file(s) refused")).to_be_visible()
    shot(page, "import-report")

    # review the first claim with the keyboard
    go(page, "Review", settle)
    sentence = page.locator(".st-key-review_sentence")
    expect()(sentence).to_be_visible()
    reviewed = sentence.inner_text().strip()
    shot(page, "review")
    press_key(page, "4")
    expect()(page.get_by_text("Saved Inaccurate")).to_be_visible()
    settle(page)
    assert sentence.inner_text().strip() != reviewed, "the next claim is shown"

    # typing a verdict key in a text field types it: the export below holds one verdict only
    note = page.locator(".stTextArea textarea").first
    note.fill("checking 4 sources")
    note.press("4")
    expect()(note).to_have_value("checking 4 sources4")
    note.press("Tab")  # the field keeps what was typed once it is left
    settle(page)
    # the unsaved note survives a trip to another screen
    go(page, "Dashboard", settle)
    go(page, "Review", settle)
    expect()(page.locator(".stTextArea textarea").first).to_have_value("checking 4 sources4")

    # the verdict is in the exported CSV
    go(page, "Export", settle)
    page.get_by_role("button", name="Prepare the files").click()
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Verdict CSV").click()
    data = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    rows = [r for r in csv.DictReader(io.StringIO(data, newline="")) if r["verdict"]]
    assert [(r["verdict"], r["reviewer"], r["verdict_status"]) for r in rows] == [("Inaccurate", "Sam Carter",
                                                                                    "submitted")]
    assert rows[0]["sentence"].split() == reviewed.split()
    shot(page, "export")

    go(page, "Groups", settle)
    shot(page, "groups")
    go(page, "Dashboard", settle)
    expect()(page.get_by_test_id("stMetric").filter(has_text="Reviewed")).to_contain_text("1")
    shot(page, "dashboard")

    # a pasted article full of markup is shown as the characters typed
    go(page, "Import", settle)
    page.get_by_role("tab", name="Paste an article").click()
    page.locator(".st-key-import_paste_text textarea").fill(NASTY)
    page.locator(".st-key-import_paste_outlet input").click()  # leaving the text sends it: wait for that rerun
    settle(page)
    page.locator(".st-key-import_paste_outlet input").fill("Probe Times")
    page.locator(".st-key-import_paste_outlet input").press("Enter")
    settle(page)
    page.get_by_role("button", name="Import this article").click()
    # the report of this import (the upload's report stays on screen while the paste is stored in the worker)
    expect()(page.get_by_test_id("stMetric").filter(has_text="New articles")).to_have_text(
        re.compile(r"^\s*New articles\s*1\s*$"), timeout=60_000)
    settle(page)
    go(page, "Review", settle)
    page.get_by_text("Queue filters").click()
    choose(page, "review_f_outlet", "Probe Times", settle)
    expect()(sentence).to_contain_text("<script>alert(1)</script> **4,200** homes were hit, [see](javascript:")
    expect()(sentence).to_contain_text(":red[now] $x$ # too.")
    assert sentence.locator("script, a, img, h1, h2, em, code").count() == 0
    shot(page, "review-escaped-markup")
    context.close()


def test_two_reviewers_on_one_group_see_each_other_and_a_stale_save_is_refused(browser, app_server, settle, shot):
    ann_ctx, ann = open_app(browser, app_server.url, settle)  # first start: the sample is imported
    ben_ctx, ben = open_app(browser, app_server.url, settle)
    add_reviewer(ann, "Ann", settle)
    add_reviewer(ben, "Ben", settle)
    for page in (ann, ben):
        go(page, "Groups", settle)
    heading = ann.locator('[data-testid="stMain"] h3').first.inner_text()
    assert ben.locator('[data-testid="stMain"] h3').first.inner_text() == heading, "both look at the same group"

    # Ann gives her verdict on the whole group; Ben sees it on his next rerun
    ann.locator('[class*="st-key-groups_label_"]').get_by_text("Accurate", exact=True).click()
    settle(ann)
    ann.get_by_role("button", name="Save group verdict").click()
    expect()(ann.get_by_text("Saved your verdict on the whole group")).to_be_visible()
    settle(ann)

    # both choose a final verdict; Ann saves first, Ben's save was based on the old version
    final_key = ann.locator('[class*="st-key-groups_final_label_"]').first.get_attribute("class")
    key = next(c for c in final_key.split() if c.startswith("st-key-")).removeprefix("st-key-")
    choose(ann, key, "Inaccurate", settle)
    choose(ben, key, "Misleading", settle)
    expect()(ben.get_by_text("Ann: Accurate")).to_be_visible()  # Ben's rerun read Ann's saved verdict
    ann.get_by_role("button", name="Save final verdict").click()
    expect()(ann.get_by_text("Final verdict saved: Inaccurate")).to_be_visible()
    settle(ann)
    ben.get_by_role("button", name="Save final verdict").click()
    settle(ben)
    warning = ben.get_by_text("Not saved: Ann changed the final verdict")
    expect()(warning).to_be_visible()
    expect()(ben.locator('[data-testid="stAlert"]').filter(has_text="Not saved")).to_contain_text("Inaccurate")
    expect()(ben.get_by_text("Final: Inaccurate by Ann")).to_be_visible()
    expect()(ben.get_by_role("combobox", name="Final verdict")).to_have_value("Misleading")  # his choice is kept
    shot(ben, "groups-stale-save-refused")

    # having seen Ann's verdict, Ben saves again deliberately; Ann sees his on her next rerun
    ben.get_by_role("button", name="Save final verdict").click()
    expect()(ben.get_by_text("Final verdict saved: Misleading")).to_be_visible()
    go(ann, "Dashboard", settle)
    go(ann, "Groups", settle)
    expect()(ann.get_by_text("Final: Misleading by Ben")).to_be_visible()
    shot(ann, "groups-after-both")
    ann_ctx.close()
    ben_ctx.close()
