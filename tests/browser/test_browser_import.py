"""A big upload in a real browser: the import runs in a worker process with a progress bar and a Cancel
button, another reviewer's key press is answered while it runs, and the cancelled import stores nothing.
(How quickly the server answers meanwhile is measured by bench/edges.py, not timed here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_browser_workbench import add_reviewer, expect, go, open_app
from workbench.store import Store

pytestmark = pytest.mark.browser


def five_mb(path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        i = 0
        while fh.tell() < 5_000_000:
            fh.write(json.dumps({"id": f"big{i}", "outlet": ["Gazette", "Courier", "Ledger"][i % 3],
                                 "title": f"Story {i}",
                                 "text": (f"The council built {4200 + i:,} homes last year, up {i % 40}% on the year "
                                          f"before. It spent £{i % 900 + 2}m on {i % 70 + 3} new schools. ") * 12})
                     + "\n")
            i += 1
    return path


def test_a_big_upload_runs_beside_review_and_can_be_cancelled(browser, app_server, settle, shot, tmp_path):
    ctx_a, page = open_app(browser, app_server.url, settle)  # first start: the sample is imported
    ctx_b, other = open_app(browser, app_server.url, settle)
    add_reviewer(page, "Sam Carter", settle)
    add_reviewer(other, "Ada Reyes", settle)
    with Store.open(app_server.db_url) as s:
        before = s.counts()["articles"]
    go(page, "Import", settle)
    page.locator(".st-key-import_files input[type=file]").set_input_files(str(five_mb(tmp_path / "big.jsonl")))
    settle(page)
    page.get_by_role("button", name="Import files").click()
    expect()(page.get_by_test_id("stProgress")).to_be_visible(timeout=60_000)
    expect()(page.get_by_test_id("stProgress")).to_contain_text("finding numbers", timeout=60_000)
    shot(page, "import-running")

    # a second reviewer works meanwhile: the verdict key is answered at once
    settle(other)
    expect()(other.locator(".st-key-review_sentence")).to_be_visible()
    other.get_by_role("heading", name="Review").click()  # focus on the page, not in a text field
    other.keyboard.press("4")
    expect()(other.get_by_text("Saved Inaccurate")).to_be_visible()
    shot(other, "import-beside-review")
    # answered while the import still runs (how fast: bench/edges.py measures it against an idle server)
    expect()(page.get_by_test_id("stProgress")).to_be_visible()
    assert page.get_by_role("button", name="Cancel").is_visible()

    page.get_by_role("button", name="Cancel").click()
    expect()(page.get_by_text("Import cancelled; nothing of it was stored.")).to_be_visible(timeout=30_000)
    shot(page, "import-cancelled")
    with Store.open(app_server.db_url) as s:
        assert s.counts()["articles"] == before
    ctx_b.close()
    ctx_a.close()
