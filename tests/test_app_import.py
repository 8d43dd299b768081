"""The import screen under AppTest: uploads run in a worker process with a progress bar and a Cancel
button; the report appears when the worker is done; a cancelled import stores nothing. Nothing in
Streamlit or the store is patched."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.text import escape_md  # noqa: E402
from workbench.store import Store  # noqa: E402

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture()
def empty_db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", "off")
    return url


def import_screen() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/importing.py").run()
    assert not at.exception, at.exception
    return at


def until(at: AppTest, done, limit_s: float = 120) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + limit_s
    while not done(at):
        assert time.monotonic() < end, "the import did not finish"
        time.sleep(0.2)
        at.run()
        assert not at.exception, at.exception


def many(n: int) -> bytes:
    return "".join(json.dumps({"id": f"m{i}", "outlet": "Gazette", "title": f"Story {i}",
                               "text": f"The council built {4200 + i} homes, up {i % 30}% on the year. " * 10}) + "\n"
                   for i in range(n)).encode()


def test_uploads_import_in_a_worker_with_a_progress_bar(empty_db: str) -> None:
    at = import_screen()
    good = (ROOT / "data/articles.jsonl").read_bytes()
    at.file_uploader(key="import_files").set_value([("articles.jsonl", good, "application/jsonl")]).run()
    at.button(key="import_files_go").click().run()
    assert not at.exception, at.exception
    assert "import_job" in at.session_state
    assert at.button(key="import_files_go").disabled, "one import at a time"
    until(at, lambda a: "import_job" not in a.session_state)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New articles"] == "7"
    with Store.open(empty_db) as s:
        assert s.counts()["articles"] == 7


def test_cancel_stops_the_import_and_stores_nothing(empty_db: str) -> None:
    at = import_screen()
    at.file_uploader(key="import_files").set_value([("many.jsonl", many(400), "application/jsonl")]).run()
    at.button(key="import_files_go").click().run()
    until(at, lambda a: len(a.progress) > 0 and a.session_state["import_job"].poll().stage.value == "extracting")
    at.button(key="import_cancel").click().run()
    until(at, lambda a: "import_job" not in a.session_state, 60)
    assert [i.value for i in at.info] == ["Import cancelled; nothing of it was stored."]
    assert not at.error
    with Store.open(empty_db) as s:
        assert s.counts()["articles"] == 0


# --- from the web: a local HTTP server (127.0.0.1), no outside network --------------------------------------

from test_fetch import BRIDGE, DAM, WELLS, _huge, _trickle, feed_items  # noqa: E402
from webkit import Site, rss  # noqa: E402


@pytest.fixture()
def site(monkeypatch):  # type: ignore[no-untyped-def]
    # the settings a desk would give the server: its own network allowed, short limits for the test
    monkeypatch.setenv("WORKBENCH_FETCH_LOCAL", "1")
    # the slow page takes 5 s; 3 s leaves the other pages time enough on a loaded machine, where the site's
    # thread shares this process with the app under test
    monkeypatch.setenv("WORKBENCH_FETCH_SECONDS", "3")
    monkeypatch.setenv("WORKBENCH_FETCH_MAX_MB", "0.2")
    monkeypatch.setenv("WORKBENCH_FETCH_INTERVAL_S", "0")
    with Site() as s:
        s.text("/robots.txt", "User-agent: *\nDisallow: /private/\n")
        s.html("/news/dam.html", DAM)
        s.html("/news/bridge.html", BRIDGE)
        s.html("/news/wells.html", WELLS)
        s.redirect("/old/bridge", "/news/bridge.html", 301)
        s.routes["/slow.html"] = _trickle
        s.routes["/huge.html"] = _huge
        yield s


def refused_table(at: AppTest) -> dict[str, str]:
    for df in at.dataframe:
        if "address" in df.value.columns:
            return dict(zip(df.value["address"], df.value["reason"]))
    raise AssertionError("no table of refused addresses")


def titles(url: str) -> list[str]:
    with Store.open(url) as s:
        return sorted(a.title for a in s.articles_index())


def test_pages_a_file_of_addresses_and_a_feed_import_and_each_failure_is_listed(empty_db: str, site: Site) -> None:
    items = feed_items(site, "wells") + [
        {"title": "No link here", "description": "<b>A note</b> without a page"},
        {"title": "Withdrawn <i>story</i>", "link": site.url("/news/withdrawn.html"), "guid": "urn:test:gone"},
    ]
    site.text("/feed.xml", rss("Local news", items), "application/rss+xml")
    feed = site.url("/feed.xml")
    at = import_screen()
    at.text_area(key="import_web_urls").input("\n".join([
        site.url("/news/dam.html"), "# a comment line", site.url("/old/bridge"), site.url("/gone.html")])).run()
    listed = f"{site.url('/slow.html')}\n{site.url('/huge.html')}\n".encode()
    at.file_uploader(key="import_web_list").set_value([("desk-urls.txt", listed, "text/plain")]).run()
    at.text_area(key="import_web_feeds").input(feed).run()
    at.button(key="import_web_go").click().run()
    assert not at.exception, at.exception
    assert "import_job" in at.session_state and at.button(key="import_web_go").disabled
    until(at, lambda a: "import_job" not in a.session_state)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["New articles"], metrics["Already imported"]) == ("3", "0")
    assert titles(empty_db) == ["Bridge closed for six weeks of repairs", "Reservoir level falls to record low",
                                "Wells run dry in three villages"]
    reasons = refused_table(at)
    assert "page not found (404)" in reasons["Page addresses, line 4"]
    assert "took more than 3 s" in reasons["desk-urls.txt, line 1"]
    assert "over the limit of 200 kB" in reasons["desk-urls.txt, line 2"]
    assert reasons[f"{feed}, entry 2 (No link here)"] == "has no link to the article's page"
    assert "page not found (404)" in reasons[f"{feed}: {site.url('/news/withdrawn.html')}"]
    assert len(reasons) == 5
    assert "5 address(es) or feed entries refused" in at.error[0].value
    with Store.open(empty_db) as s:
        bridge = next(a for a in s.articles_index() if a.title.startswith("Bridge"))
        assert s.article(bridge.id).url == site.url("/news/bridge.html")  # the address the redirect led to

    # the feed polled again: only the new entry and the one that failed before are fetched
    site.hits.clear()
    site.html("/news/withdrawn.html", DAM.replace("Reservoir level", "Withdrawn: reservoir level"))
    site.text("/feed.xml", rss("Local news", items + feed_items(site, "bridge")), "application/rss+xml")
    at.text_area(key="import_web_urls").input("").run()
    at.file_uploader(key="import_web_list").set_value([]).run()
    at.button(key="import_web_go").click().run()
    until(at, lambda a: "import_job" not in a.session_state)
    fetched = site.paths_hit()
    assert "/news/wells.html" not in fetched and "/news/withdrawn.html" in fetched
    assert "/news/bridge.html" not in fetched  # its address was imported through the redirect before
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New articles"] == "1"
    assert [c.value for c in at.caption if "not fetched again" in c.value] == [
        escape_md("2 page(s) or feed entries imported before: not fetched again.")]  # wells, bridge
    assert len(titles(empty_db)) == 4


def test_a_line_that_is_no_web_address_is_refused_before_anything_is_fetched(empty_db: str, site: Site) -> None:
    at = import_screen()
    at.text_area(key="import_web_urls").input(f"{site.url('/news/dam.html')}\nfile:///etc/passwd\n").run()
    at.button(key="import_web_go").click().run()
    assert "import_job" not in at.session_state
    (err,) = at.error
    assert err.value == "Nothing was imported: " + escape_md(
        "Page addresses, line 2: not a web address: 'file:///etc/passwd'; give a full http:// or https:// URL")
    assert site.paths_hit() == []
    assert titles(empty_db) == []


def test_a_web_import_cancelled_while_fetching_stores_nothing(empty_db: str, site: Site, monkeypatch) -> None:
    monkeypatch.setenv("WORKBENCH_FETCH_SECONDS", "30")  # the slow page keeps the worker fetching
    at = import_screen()
    at.text_area(key="import_web_urls").input(f"{site.url('/news/dam.html')}\n{site.url('/slow.html')}").run()
    at.button(key="import_web_go").click().run()
    until(at, lambda a: "/slow.html" in site.paths_hit())
    at.button(key="import_cancel").click().run()
    until(at, lambda a: "import_job" not in a.session_state, 60)
    assert [i.value for i in at.info] == ["Import cancelled; nothing of it was stored."]
    assert titles(empty_db) == []  # the page fetched before the cancel is not stored either


def test_a_reviewer_in_team_mode_cannot_make_the_server_fetch(tmp_path, site: Site) -> None:
    from workbench.background import ImportJob
    from workbench.fetch import FetchLimits
    url = f"sqlite:///{tmp_path / 'team.db'}"
    with Store.open(url) as s:
        reviewer = s.ensure_reviewer("Rae")  # a reviewer: in team mode, only leads and admins import
    state = ImportJob.start(url, urls=[("line 1", site.url("/news/dam.html"))], actor_id=reviewer.id, team=True,
                            limits=FetchLimits.from_env()).wait(120)
    assert state.stage.value == "failed" and "import" in (state.error or "").lower()
    assert "/news/dam.html" not in site.paths_hit()
    assert titles(url) == []


# --- pasted text: the user's draft on the server until it is imported ----------------------------------------

def test_pasted_text_survives_a_reload_until_it_is_imported(empty_db: str) -> None:
    with Store.open(empty_db) as s:
        s.ensure_reviewer("Alice")

    def as_alice() -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        at.selectbox(key="sidebar_reviewer").select("Alice").run()
        at.switch_page("app_pages/importing.py").run()
        assert not at.exception, at.exception
        return at

    text = "Flood hits 2,000 homes\n\nAbout 2,000 homes were flooded, the council said on Monday."
    at = as_alice()
    at.text_area(key="import_paste_text").input(text).run()
    at.text_input(key="import_paste_outlet").input("Coast Radio").run()

    again = as_alice()  # a reload: a new browser session, nothing of the old one
    assert again.text_area(key="import_paste_text").value == text
    assert again.text_input(key="import_paste_outlet").value == "Coast Radio"
    again.button(key="import_paste_go").click().run()
    assert not again.exception, again.exception
    assert {m.label: m.value for m in again.metric}["New articles"] == "1"
    assert again.text_area(key="import_paste_text").value == ""  # imported: the form is empty again

    after = as_alice()
    assert after.text_area(key="import_paste_text").value == ""
    assert after.text_input(key="import_paste_outlet").value == ""
