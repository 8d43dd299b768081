"""Disputed items in a real browser (single-user mode, the sample data): a claim two reviewers judged
differently reads the same on the Dashboard, in the downloaded verdict CSV and in the command line's export;
on the Groups screen the saved group verdict is listed, and what is typed survives a reload."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from test_browser_workbench import ROOT, add_reviewer, expect, go, one, open_app
from workbench.desk import Desk
from workbench.store import ClaimFilter, Store, Target

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _rows(text: str) -> dict[str, dict[str, str]]:
    return {r["claim_id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_a_disputed_claim_reads_the_same_on_the_dashboard_and_in_the_csv(browser, app_server, settle, shot):
    context, page = open_app(browser, app_server.url, settle)  # first start: the sample is imported
    with Store.open(app_server.db_url) as store:  # two reviewers disagree on the first claim of the queue
        desk = Desk(store)
        claim = store.claims_page(ClaimFilter(), 0, 1)[0][0]
        ann, ben = store.ensure_reviewer("Ann"), store.ensure_reviewer("Ben")
        desk.save_verdict(ann, Target.claim(claim.id), "Inaccurate", submit=True)
        desk.save_verdict(ben, Target.claim(claim.id), "Accurate", submit=True)

    go(page, "Dashboard", settle)
    metric = page.get_by_test_id("stMetric")
    expect()(metric.filter(has_text="Disputed")).to_contain_text("1")
    expect()(metric.filter(has_text="Reviewed")).to_contain_text("1")
    expect()(metric.filter(has_text="Final")).to_contain_text("0")
    # neither reviewer's verdict is in force
    expect()(page.get_by_text("No verdict in force yet. 1 disputed claim(s) are in no verdict's share")).to_be_visible()
    shot(page, "dashboard-disputed")

    go(page, "Export", settle)
    page.get_by_role("button", name="Prepare the files").click()
    settle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Verdict CSV").click()
    downloaded = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    cli = subprocess.run([sys.executable, "-m", "workbench", "export", "--format", "csv", "--db", app_server.db_url],
                         cwd=ROOT, capture_output=True, check=True).stdout.decode("utf-8-sig")
    for text in (downloaded, cli):
        rows = _rows(text)
        row = rows[claim.id]
        assert (row["verdict"], row["verdict_status"], row["verdicts_given"], row["reviewer"]) == (
            "", "disputed", "Ann: Inaccurate\nBen: Accurate", "Ann\nBen")
        assert [r["claim_id"] for r in rows.values() if r["verdict_status"]] == [claim.id]
    context.close()


def test_groups_screen_lists_the_saved_verdict_and_keeps_a_draft_across_a_reload(browser, app_server, settle,
                                                                                  shot):
    context, page = open_app(browser, app_server.url, settle)
    add_reviewer(page, "Ann", settle)
    go(page, "Groups", settle)
    heading = page.locator('[data-testid="stMain"] h3').first
    group = heading.inner_text()
    note = page.locator('[class*="st-key-groups_note_"] textarea')
    note.fill("the ministry's table gives 4,100")
    page.get_by_role("heading", name="Groups").click()  # leaving the field commits it (and its draft)
    settle(page)
    page.get_by_text("Source", exact=True).first.click()
    one(page.get_by_label("Source URL")).fill("https://example.org/ministry-table")
    page.wait_for_timeout(1500)  # typed text commits after a pause
    settle(page)

    page.reload()
    expect()(page.get_by_role("heading", name="Groups")).to_be_visible()
    settle(page)
    expect()(heading).to_have_text(group)
    expect()(note).to_have_value("the ministry's table gives 4,100")  # from the server's draft
    page.get_by_text("Source", exact=True).first.click()
    expect()(one(page.get_by_label("Source URL"))).to_have_value("https://example.org/ministry-table")

    page.locator('[class*="st-key-groups_label_"]').get_by_text("Misleading", exact=True).click()
    settle(page)
    page.get_by_role("button", name="Save group verdict").click()
    expect()(page.get_by_text("Saved your verdict on the whole group")).to_be_visible()
    settle(page)
    saved = page.locator(".st-key-groups_saved_so_far")
    expect()(saved).to_contain_text("Yours: Ann: Misleading")
    expect()(saved).to_contain_text("the ministry's table gives 4,100")
    expect()(saved).to_contain_text("example.org/ministry-table")
    shot(page, "groups-saved-verdict-listed")
    context.close()
