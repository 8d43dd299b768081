"""Imports from the web against a local HTTP server (127.0.0.1 only): pages, redirects, failures, robots.txt,
pacing, feeds polled again. Every test uses a real SQLite database and the real extractor."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from webkit import Site, page, rss
from workbench.archive import LocalExtractor, import_source
from workbench.fetch import FetchError, Fetcher, FetchLimits, WebSource, normalise_url, read_url_file
from workbench.store import Store

from storekit import db_url  # noqa: F401 - fixture: SQLite, and PostgreSQL when configured

FAST = FetchLimits(allow_private_hosts=True, min_interval_s=0.0, connect_timeout_s=2, read_timeout_s=2, total_s=5, max_bytes=200_000)

DAM = page("Marsh Gazette", "Reservoir level falls to record low", "2026-07-14", [
    "The Kellow reservoir is at 31% of its capacity, the lowest level since records began, the water company said.",
    "About 180,000 households have been asked to cut their use by a fifth until the autumn.",
    "The company will spend £12m on new pipes this year, it said on Monday.",
])
BRIDGE = page("Fenmoor Echo", "Bridge closed for six weeks of repairs", "2026-07-15", [
    "The Ashby bridge will close for six weeks while engineers replace 40 steel cables.",
    "Around 9,500 vehicles cross it every day, according to the county council.",
    "The repairs are expected to cost between £3m and £4m.",
])
WELLS = page("Marsh Gazette", "Wells run dry in three villages", "2026-07-16", [
    "Twelve private wells have run dry in three villages this month, the parish council said.",
    "Tankers are delivering 20,000 litres of water a day to the affected homes.",
])


@pytest.fixture(scope="module")
def extractor():
    with LocalExtractor(1) as ex:
        yield ex


@pytest.fixture()
def site():
    with Site() as s:
        s.text("/robots.txt", "User-agent: *\nDisallow: /private/\n")
        s.html("/news/dam.html", DAM)
        s.html("/news/bridge.html", BRIDGE)
        s.html("/news/wells.html", WELLS)
        s.html("/private/memo.html", WELLS)
        s.html("/news/dam-copy.html", DAM)
        yield s


@pytest.fixture()
def store(db_url: str):  # noqa: F811
    s = Store.open(db_url)
    yield s
    s.close()


def run(store, extractor, **kw):  # type: ignore[no-untyped-def]
    src = WebSource(limits=kw.pop("limits", FAST), **kw)
    return import_source(store, src, extractor=extractor, batch_size=kw.pop("batch_size", 50))


def test_a_page_is_read_with_its_metadata(site: Site, store: Store, extractor) -> None:
    report = run(store, extractor, urls=[("test", site.url("/news/dam.html"))])
    assert (report.articles_new, report.refused_total) == (1, 0)
    (ref,) = store.articles_index()
    art = store.article(ref.id)
    assert art.outlet == "Marsh Gazette"
    assert art.title == "Reservoir level falls to record low"
    assert art.published == "2026-07-14"
    assert art.url == site.url("/news/dam.html")
    assert "180,000 households" in art.text and "Sign up" not in art.text and "Home" not in art.text
    assert {c.surface for c in art.claims} >= {"31%", "About 180,000", "£12m"}


def test_a_redirect_is_followed_and_the_address_remembered(site: Site, store: Store, extractor) -> None:
    site.redirect("/old/dam", "/news/dam.html", 301)
    site.redirect("/short/dam", site.url("/old/dam"), 302)
    report = run(store, extractor, urls=[("test", site.url("/short/dam"))])
    assert report.articles_new == 1
    hits = len(site.hits)
    again = run(store, extractor, urls=[("test", site.url("/short/dam")), ("test", site.url("/news/dam.html"))])
    assert (again.articles_new, again.skipped_known) == (0, 2)
    assert len(site.hits) == hits  # neither address was fetched again


def _trickle(h) -> None:  # type: ignore[no-untyped-def]
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "5000")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b"<p>x</p> ")
        h.wfile.flush()
        time.sleep(0.05)


def _stall(h) -> None:  # type: ignore[no-untyped-def]
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "5000")
    h.end_headers()
    h.wfile.write(b"<html>")
    h.wfile.flush()
    time.sleep(3)


def _endless(h) -> None:  # type: ignore[no-untyped-def]
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.end_headers()  # no Content-Length: the size is known only by reading
    chunk = b"<p>" + b"y" * 8000 + b"</p>"
    for _ in range(100):
        h.wfile.write(chunk)


def _huge(h) -> None:  # type: ignore[no-untyped-def]
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(50_000_000))
    h.end_headers()


FAILURES = [
    # (path, set up, words the reason must hold)
    ("/gone.html", None, "page not found (404)"),
    ("/loop", lambda s: s.redirect("/loop", "/loop", 302), "more than 5 redirects"),
    ("/to-missing", lambda s: s.redirect("/to-missing", "/nowhere.html", 301), "page not found (404) (after redirects"),
    ("/slow.html", lambda s: s.routes.__setitem__("/slow.html", _trickle), "took more than 1 s"),
    ("/stall.html", lambda s: s.routes.__setitem__("/stall.html", _stall), "stopped sending within the read timeout"),
    ("/endless.html", lambda s: s.routes.__setitem__("/endless.html", _endless), "over the limit of 200 kB"),
    ("/huge.html", lambda s: s.routes.__setitem__("/huge.html", _huge), "the page is 50 MB, over the limit of 200 kB"),
    ("/private/memo.html", None, "robots.txt does not allow"),
    ("/to-private", lambda s: s.redirect("/to-private", "/private/memo.html", 302), "robots.txt does not allow"),
    ("/report.pdf", lambda s: s.text("/report.pdf", "%PDF-1.4", "application/pdf"), "not a web page but application/pdf"),
    ("/empty.html", lambda s: s.html("/empty.html", "<html><body><nav>Home</nav></body></html>"), "no article text"),
]


@pytest.mark.parametrize(("path", "setup", "reason"), FAILURES, ids=[f[0] for f in FAILURES])
def test_a_page_that_fails_is_refused_with_its_reason_and_nothing_is_stored(
        site: Site, store: Store, extractor, path: str, setup, reason: str) -> None:  # type: ignore[no-untyped-def]
    if setup:
        setup(site)
    limits = FetchLimits(allow_private_hosts=True, min_interval_s=0.0, read_timeout_s=0.5, total_s=1.0, max_bytes=200_000)
    report = run(store, extractor, urls=[("urls.txt, line 3", site.url(path))], limits=limits)
    assert report.articles_new == 0 and report.refused_total == 1
    (refusal,) = report.refused
    assert refusal.path == "urls.txt, line 3"
    assert reason in refusal.reason
    assert store.counts()["articles"] == 0


def test_a_wait_that_runs_past_the_whole_responses_time_is_reported_as_that_limit(
        site: Site, store: Store, extractor) -> None:  # type: ignore[no-untyped-def]
    """A read that times out once the response's own time is up (a loaded machine, a stalling server) names
    the time limit the page broke, as a slow page's does, not the read timeout."""
    site.routes["/stall.html"] = _stall
    limits = FetchLimits(allow_private_hosts=True, min_interval_s=0.0, read_timeout_s=1.0, total_s=0.3,
                         max_bytes=200_000)
    report = run(store, extractor, urls=[("urls.txt, line 1", site.url("/stall.html"))], limits=limits)
    (refusal,) = report.refused
    assert "took more than 0.3 s" in refusal.reason
    assert store.counts()["articles"] == 0


def test_good_pages_land_and_bad_ones_are_listed(site: Site, store: Store, extractor) -> None:
    urls = [("l1", site.url("/news/dam.html")), ("l2", site.url("/gone.html")), ("l3", site.url("/news/bridge.html")),
            ("l4", site.url("/private/memo.html"))]
    report = run(store, extractor, urls=urls)
    assert report.articles_new == 2
    assert [r.path for r in report.refused] == ["l2", "l4"]
    assert sorted(a.title for a in store.articles_index()) == ["Bridge closed for six weeks of repairs",
                                                               "Reservoir level falls to record low"]


def test_the_same_text_at_two_addresses_is_stored_once(site: Site, store: Store, extractor) -> None:
    report = run(store, extractor, urls=[("a", site.url("/news/dam.html")), ("b", site.url("/news/dam-copy.html"))])
    assert (report.articles_new, report.articles_present) == (1, 1)


def test_an_unreadable_robots_txt_means_nothing_is_fetched_from_that_site(site: Site, store: Store, extractor) -> None:
    site.routes["/robots.txt"] = lambda h: h.send(503, "text/plain", b"busy")
    report = run(store, extractor, urls=[("a", site.url("/news/dam.html"))])
    assert report.articles_new == 0
    assert "robots.txt answered 503" in report.refused[0].reason
    assert "/news/dam.html" not in site.paths_hit()


def test_requests_to_one_host_are_paced(site: Site) -> None:
    f = Fetcher(FetchLimits(allow_private_hosts=True, min_interval_s=0.4))
    for p in ("/news/dam.html", "/news/bridge.html", "/news/wells.html"):
        f.get(site.url(p))
    times = [t for p, t, _h in site.hits if p.startswith("/news/")]
    assert all(b - a >= 0.35 for a, b in zip(times, times[1:]))


def test_the_sites_crawl_delay_is_kept(site: Site) -> None:
    site.text("/robots.txt", "User-agent: *\nCrawl-delay: 1\n")
    f = Fetcher(FetchLimits(allow_private_hosts=True, min_interval_s=0.0))
    f.get(site.url("/news/dam.html"))
    f.get(site.url("/news/bridge.html"))
    times = [t for p, t, _h in site.hits if p.startswith("/news/")]
    assert times[1] - times[0] >= 0.95


def test_a_crawl_delay_beyond_the_limit_refuses_the_site(site: Site) -> None:
    site.text("/robots.txt", "User-agent: *\nCrawl-delay: 600\n")
    with pytest.raises(FetchError, match="asks for 600 s between requests"):
        Fetcher(FetchLimits(allow_private_hosts=True, min_interval_s=0.0)).get(site.url("/news/dam.html"))


def test_local_addresses_are_refused_unless_allowed(site: Site) -> None:
    with pytest.raises(FetchError, match="local or private address"):
        Fetcher(FetchLimits(min_interval_s=0.0)).get(site.url("/news/dam.html"))
    assert site.hits == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/a", "file:///etc/passwd", "javascript:alert(1)", "news.html"])
def test_only_web_addresses_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="not a web address"):
        Fetcher(FAST).get(url)


def feed_items(site: Site, *names: str) -> list[dict[str, str]]:
    return [{"title": n, "link": site.url(f"/news/{n}.html"), "guid": f"urn:test:{n}",
             "pubDate": "Tue, 14 Jul 2026 08:00:00 GMT"} for n in names]


def test_a_feed_with_bad_entries_imports_the_good_ones_and_a_second_poll_only_what_is_new(
        site: Site, store: Store, extractor) -> None:
    items = feed_items(site, "dam", "bridge") + [
        {"title": "No link here", "description": "A note without a page"},
        {"title": "Script link", "link": "javascript:alert(1)", "guid": "urn:test:js"},
        {"title": "Withdrawn story", "link": site.url("/news/withdrawn.html"), "guid": "urn:test:gone"},
    ]
    site.text("/feed.xml", rss("Local news", items), "application/rss+xml")
    feed = site.url("/feed.xml")
    first = run(store, extractor, feeds=[feed])
    assert first.articles_new == 2
    reasons = {r.path: r.reason for r in first.refused}
    assert reasons[f"{feed}, entry 3 (No link here)"] == "has no link to the article's page"
    assert "not a web address" in reasons[f"{feed}, entry 4 (Script link)"]
    assert "page not found (404)" in reasons[f"{feed}: {site.url('/news/withdrawn.html')}"]
    assert store.counts()["articles"] == 2

    site.hits.clear()
    site.text("/feed.xml", rss("Local news", items + feed_items(site, "wells")), "application/rss+xml")
    second = run(store, extractor, feeds=[feed])
    assert second.articles_new == 1 and second.skipped_known == 2
    fetched = site.paths_hit()
    assert "/news/wells.html" in fetched and "/news/withdrawn.html" in fetched  # a failed entry is tried again
    assert "/news/dam.html" not in fetched and "/news/bridge.html" not in fetched
    assert sorted(a.title for a in store.articles_index())[-1] == "Wells run dry in three villages"


def test_an_unchanged_feed_is_not_downloaded_again(site: Site, store: Store, extractor) -> None:
    body = rss("Local news", feed_items(site, "dam")).encode()

    def feed(h) -> None:  # type: ignore[no-untyped-def]
        if h.headers.get("If-None-Match") == '"v1"':
            h.send(304, "application/rss+xml", b"")
        else:
            h.send(200, "application/rss+xml", body, {"ETag": '"v1"'})

    site.routes["/feed.xml"] = feed
    assert run(store, extractor, feeds=[site.url("/feed.xml")]).articles_new == 1
    site.hits.clear()
    again = run(store, extractor, feeds=[site.url("/feed.xml")])
    assert again.articles_new == 0
    assert [p for p in site.paths_hit() if p != "/robots.txt"] == ["/feed.xml"]
    assert [h.get("If-None-Match") for p, _t, h in site.hits if p == "/feed.xml"] == ['"v1"']


def test_what_is_not_a_feed_is_refused(site: Site, store: Store, extractor) -> None:
    report = run(store, extractor, feeds=[site.url("/robots.txt")])
    assert report.articles_new == 0
    assert "not an RSS or Atom feed" in report.refused[0].reason


def test_a_file_of_urls_names_a_bad_line(tmp_path: Path) -> None:
    f = tmp_path / "urls.txt"
    f.write_text("# morning list\nhttps://example.invalid/a\n\nwww.example.invalid/b\n", encoding="utf-8")
    with pytest.raises(FetchError) as exc:
        read_url_file(f)
    assert exc.value.source == f"{f}, line 4"
    assert "give a full http:// or https:// URL" in exc.value.problem


@pytest.mark.parametrize(("a", "b"), [
    ("HTTP://Example.Invalid:80/a#top", "http://example.invalid/a"),
    ("https://example.invalid:443", "https://example.invalid/"),
    ("http://example.invalid:8080/a?x=1", "http://example.invalid:8080/a?x=1"),
])
def test_addresses_are_remembered_in_one_form(a: str, b: str) -> None:
    assert normalise_url(a) == b


def test_the_command_line_imports_a_feed(site: Site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    site.text("/feed.xml", rss("Local news", feed_items(site, "dam")), "application/rss+xml")
    db = tmp_path / "cli.db"
    assert main(["import", "--feed", site.url("/feed.xml"), "--db", str(db)]) == 0
    assert "Imported: 1 new article(s)" in capsys.readouterr().out
    assert main(["import", "--feed", site.url("/feed.xml"), "--url", site.url("/gone.html"), "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert "Imported: 0 new article(s)" in out and "page not found (404)" in out


def test_the_command_line_imports_a_file_of_urls_and_names_a_bad_line(site: Site, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    urls = tmp_path / "morning.txt"
    urls.write_text(f"# today\n{site.url('/news/dam.html')}\n{site.url('/news/bridge.html')}\n", encoding="utf-8")
    db = tmp_path / "cli.db"
    assert main(["import", "--urls", str(urls), "--db", str(db)]) == 0
    assert "Imported: 2 new article(s)" in capsys.readouterr().out
    urls.write_text("example.invalid/page\n", encoding="utf-8")
    assert main(["import", "--urls", str(urls), "--db", str(db)]) == 2
    assert f"{urls}, line 1: not a web address" in capsys.readouterr().err
