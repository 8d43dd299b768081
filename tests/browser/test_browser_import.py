"""A big upload in a real browser: the import runs in a worker process with a progress bar and a Cancel
button, another reviewer's key press is answered while it runs, and the cancelled import stores nothing.
(How quickly the server answers meanwhile is measured by bench/edges.py, not timed here.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_browser_workbench import add_reviewer, expect, go, one, open_app, press_key
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
    press_key(other, "4")
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


# --- the web tab and the paste draft, in a real browser -----------------------------------------------------

WEB_ENV = {"WORKBENCH_SAMPLE": "off", "WORKBENCH_FETCH_LOCAL": "1", "WORKBENCH_FETCH_INTERVAL_S": "0",
           "WORKBENCH_FETCH_SECONDS": "5"}


def test_the_web_tab_imports_pages_and_a_feed_and_shows_what_failed_as_plain_text(browser, start_server, settle,
                                                                                  shot):
    from test_fetch import BRIDGE, DAM
    from webkit import Site, rss

    server = start_server(env=WEB_ENV)
    with Site() as site:
        site.html("/news/dam.html", DAM)
        site.html("/news/bridge.html", BRIDGE)
        site.text("/feed.xml", rss("Local news", [
            {"title": "Bridge", "link": site.url("/news/bridge.html"), "guid": "urn:t:bridge"},
            # a hostile entry: its title must reach the screen as text, never as markup
            {"title": "&lt;img src=x onerror=window.__hit=1&gt; &lt;b&gt;Bold&lt;/b&gt;", "description": "no link"},
        ]), "application/rss+xml")
        context, page = open_app(browser, server.url, settle)
        alerts: list[str] = []
        page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
        go(page, "Import", settle)
        page.get_by_role("tab", name="From the web").click()
        page.locator(".st-key-import_web_urls textarea").fill(f"{site.url('/news/dam.html')}\n{site.url('/gone.html')}")
        one(page.locator(".st-key-import_web_feeds textarea")).fill(site.url("/feed.xml"))  # after a rerun
        one(page.locator(".st-key-import_web_outlet input")).click()  # leave the text areas: their text is sent
        settle(page)
        page.get_by_role("button", name="Fetch and import").click()
        expect()(page.get_by_text("Last import")).to_be_visible(timeout=90_000)
        expect()(page.get_by_text("2 address(es) or feed entries refused")).to_be_visible()
        shot(page, "import-web")
        assert page.locator("img[src=x]").count() == 0 and page.locator("b", has_text="Bold").count() == 0
        assert page.evaluate("() => window.__hit === undefined") and alerts == []
        context.close()
    with Store.open(server.db_url) as s:
        assert sorted(a.title for a in s.articles_index()) == ["Bridge closed for six weeks of repairs",
                                                               "Reservoir level falls to record low"]


def test_pasted_text_is_back_after_a_reload_until_it_is_imported(browser, start_server, settle):
    server = start_server(env={"WORKBENCH_SAMPLE": "off"})
    context, page = open_app(browser, server.url, settle)
    add_reviewer(page, "Sam Carter", settle)
    go(page, "Import", settle)
    page.get_by_role("tab", name="Paste an article").click()
    text = "Flood hits 2,000 homes\n\nAbout 2,000 homes were flooded, the council said on Monday."
    page.locator(".st-key-import_paste_text textarea").fill(text)
    page.locator(".st-key-import_paste_outlet input").click()  # leaving the text sends it: wait for that rerun
    settle(page)
    page.locator(".st-key-import_paste_outlet input").fill("Coast Radio")
    page.locator(".st-key-import_paste_title input").click()  # leave the fields: what was typed is sent, and kept
    settle(page)

    page.reload()  # the Import screen again (its address), in a new browser session
    expect()(page.get_by_role("heading", name="Import", exact=True)).to_be_visible()
    settle(page)
    page.get_by_role("tab", name="Paste an article").click()
    expect()(page.locator(".st-key-import_paste_text textarea")).to_have_value(text)
    expect()(page.locator(".st-key-import_paste_outlet input")).to_have_value("Coast Radio")
    page.get_by_role("button", name="Import this article").click()
    expect()(page.get_by_text("Last import")).to_be_visible()
    expect()(page.locator(".st-key-import_paste_text textarea")).to_have_value("")

    page.reload()  # the Import screen again (its address), in a new browser session
    expect()(page.get_by_role("heading", name="Import", exact=True)).to_be_visible()
    settle(page)
    page.get_by_role("tab", name="Paste an article").click()
    expect()(page.locator(".st-key-import_paste_text textarea")).to_have_value("")
    context.close()
    with Store.open(server.db_url) as s:
        assert s.counts()["articles"] == 1
