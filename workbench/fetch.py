"""Articles from the web: single pages, lists of URLs, and RSS/Atom feeds.

Everything fetched is bounded: a connect and read timeout, a time limit for the whole response, a size
limit (checked against ``Content-Length`` and again while reading), a limited number of redirects (each hop
checked like the first), one request at a time per host with a pause from the end of one to the start of the
next (the longer of :attr:`FetchLimits.min_interval_s` and the site's ``Crawl-delay``), and the site's
robots.txt respected for every URL before it is requested.

Pages are read with trafilatura: the main text, and from the page's metadata its title, date (htmldate's
quick search only: the extensive search can take tens of seconds on one small page), site name (the outlet
unless given) and canonical URL. The text is cleaned of page furniture as a saved .html file is
(:func:`workbench.ingest.clean_text`).

A URL that fails is refused with its reason and the others go on; nothing of it is stored. A feed is read
with feedparser; an entry without a usable link is refused with its position in the feed. What is new is
decided before anything is fetched: a URL imported before (from the web or as a stored article's ``url``)
is skipped, and so is a feed entry imported before (see :mod:`workbench.importstate`). Duplicates by
content are skipped by the store (content hash).

Only ``http`` and ``https`` URLs are fetched.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

from workbench.archive import Record
from workbench.errors import InputError
from workbench.models import Article

USER_AGENT = "ClaimWorkbench/0.1 (fact-checking; +https://github.com/claim-workbench)"
ROBOTS_AGENT = "ClaimWorkbench"


class FetchError(InputError):
    """A URL that could not be fetched or read; ``source`` is the URL, ``problem`` says why and what would work."""


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Bounds on every request. The defaults suit news sites; tests shorten them."""

    connect_timeout_s: float = 10.0
    read_timeout_s: float = 15.0  # longest wait for the next bytes
    total_s: float = 30.0  # longest time for one whole response
    max_bytes: int = 5_000_000  # one page or feed
    max_redirects: int = 5
    min_interval_s: float = 1.0  # between two requests to the same host
    max_crawl_delay_s: float = 30.0  # a robots.txt Crawl-delay above this refuses the site instead of waiting
    max_tree_size: int = 200_000  # HTML elements trafilatura will look at
    allow_private_hosts: bool = False  # loopback, private and link-local addresses (a server must not be
    #                                    made to fetch its own network's pages for whoever types a URL)
    user_agent: str = USER_AGENT


    @classmethod
    def from_env(cls, env: "os._Environ[str] | dict[str, str] | None" = None) -> "FetchLimits":
        """The limits for fetches the app makes, with the settings a desk may change in the environment:
        ``WORKBENCH_FETCH_LOCAL=1`` lets the server fetch loopback and private addresses (a desk whose
        sources are on its own network; tests), ``WORKBENCH_FETCH_SECONDS`` the time for one response,
        ``WORKBENCH_FETCH_MAX_MB`` the size of one page or feed, ``WORKBENCH_FETCH_INTERVAL_S`` the pause
        between two requests to one host. A value that is not a number raises :class:`InputError`."""
        env = os.environ if env is None else env
        base = cls()

        def number(name: str, default: float) -> float:
            raw = (env.get(name) or "").strip()
            if not raw:
                return default
            try:
                value = float(raw)
            except ValueError:
                raise InputError(name, f"expected a number, got {raw!r}") from None
            if value < 0:
                raise InputError(name, f"must be 0 or more, got {raw!r}")
            return value

        total = number(FETCH_SECONDS_ENV, base.total_s)
        return cls(
            connect_timeout_s=min(base.connect_timeout_s, max(total, 0.1)),
            read_timeout_s=min(base.read_timeout_s, max(total, 0.1)),
            total_s=max(total, 0.1),
            max_bytes=int(number(FETCH_MAX_MB_ENV, base.max_bytes / 1e6) * 1e6),
            min_interval_s=number(FETCH_INTERVAL_ENV, base.min_interval_s),
            allow_private_hosts=(env.get(FETCH_LOCAL_ENV) or "").strip().lower() in ("1", "true", "yes", "on"),
        )


FETCH_LOCAL_ENV = "WORKBENCH_FETCH_LOCAL"
FETCH_SECONDS_ENV = "WORKBENCH_FETCH_SECONDS"
FETCH_MAX_MB_ENV = "WORKBENCH_FETCH_MAX_MB"
FETCH_INTERVAL_ENV = "WORKBENCH_FETCH_INTERVAL_S"


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def normalise_url(url: str) -> str:
    """The form a URL is remembered by: no fragment, lower-case scheme and host, default port dropped."""
    url = urldefrag(url.strip())[0]
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def check_url(url: str, source: str | None = None) -> str:
    """``url`` if it can be fetched (http or https with a host), else :class:`FetchError`."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(source or url, f"not a web address: {url[:200]!r}; give a full http:// or https:// URL")
    return url.strip()


class Fetcher:
    """Fetches URLs within :class:`FetchLimits`, one host at a time, as robots.txt allows.

    One Fetcher is meant for one import run: it remembers each host's robots.txt and last request time.
    """

    def __init__(self, limits: FetchLimits | None = None, *, sleep: Callable[[float], None] = time.sleep):
        import urllib3

        self.limits = limits or FetchLimits()
        self._sleep = sleep
        self._pool = urllib3.PoolManager(
            headers={"User-Agent": self.limits.user_agent, "Accept-Encoding": "identity"},
            retries=False,
            timeout=urllib3.Timeout(connect=self.limits.connect_timeout_s, read=self.limits.read_timeout_s),
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    # -- public ------------------------------------------------------------------------------------------

    def get(self, url: str, *, headers: dict[str, str] | None = None, accept_status: Sequence[int] = (200,)) -> Response:
        """Fetch ``url`` following redirects (each hop allowed by robots.txt); :class:`FetchError` otherwise."""
        start = url = check_url(url)
        for _hop in range(self.limits.max_redirects + 1):
            self._allowed(url, start)
            resp = self._request(url, headers or {}, start)
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(start, f"redirect ({resp.status}) without a Location header")
                url = check_url(urljoin(url, location), start)
                continue
            if resp.status not in accept_status:
                raise FetchError(start, _status_problem(resp.status, url if url != start else None))
            return resp
        raise FetchError(start, f"more than {self.limits.max_redirects} redirects; give the page's final address")

    # -- robots.txt and pacing ---------------------------------------------------------------------------

    def _allowed(self, url: str, source: str) -> None:
        parts = urlsplit(url)
        if not self.limits.allow_private_hosts:
            _check_public(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80), source)
        origin = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(origin)
        if rp is None:
            rp = self._robots[origin] = self._read_robots(origin)
        if isinstance(rp, FetchError):
            raise FetchError(source, rp.problem)
        if not rp.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(source, f"the site's robots.txt does not allow fetching {_short(url)}; "
                                     "save the page by hand if you may use it")

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | FetchError:
        rp = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            resp = self._request(origin + "/robots.txt", {}, origin + "/robots.txt")
        except FetchError as exc:
            return FetchError(origin, f"cannot read {origin}/robots.txt ({exc.problem}), so the site's rules are "
                                      "unknown; nothing was fetched from it")
        if resp.status in (401, 403):
            rp.disallow_all = True
        elif 400 <= resp.status < 500 or resp.status in (301, 302, 303, 307, 308):
            rp.allow_all = True  # no robots.txt: everything allowed (a redirected one is not followed)
        elif resp.status >= 500:
            return FetchError(origin, f"{origin}/robots.txt answered {resp.status}, so the site's rules are "
                                      "unknown; nothing was fetched from it (try again later)")
        else:
            rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = rp.crawl_delay(ROBOTS_AGENT)
        if delay is not None and float(delay) > self.limits.max_crawl_delay_s:
            return FetchError(origin, f"the site's robots.txt asks for {delay} s between requests, more than "
                                      f"the {self.limits.max_crawl_delay_s:g} s allowed here")
        return rp

    def _pace(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rp = self._robots.get(origin)
        interval = self.limits.min_interval_s
        if isinstance(rp, urllib.robotparser.RobotFileParser):
            delay = rp.crawl_delay(ROBOTS_AGENT)
            if delay is not None:
                interval = max(interval, float(delay))
        with self._lock:
            last = self._last.get(parts.netloc)
            now = time.monotonic()
            if last is not None and now - last < interval:
                self._sleep(interval - (now - last))
            self._last[parts.netloc] = time.monotonic()

    def _finished(self, url: str) -> None:
        """The pause before the next request to a host counts from the end of this one: however slowly the
        site answered, it sees at least the interval between the two requests."""
        with self._lock:
            self._last[urlsplit(url).netloc] = time.monotonic()

    # -- one request -------------------------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str], source: str) -> Response:
        self._pace(url)
        try:
            return self._read(url, headers, source)
        finally:
            self._finished(url)

    def _read(self, url: str, headers: dict[str, str], source: str) -> Response:
        import urllib3

        lim = self.limits
        deadline = time.monotonic() + lim.total_s
        too_slow = f"the server took more than {lim.total_s:g} s to send the page; try again later"

        def problem(exc: object) -> str:  # a wait that ran past the whole response's time is that limit's
            return too_slow if time.monotonic() > deadline else _network_problem(exc)

        try:
            resp = self._pool.request("GET", url, headers=headers, preload_content=False, redirect=False)
        except urllib3.exceptions.MaxRetryError as exc:
            raise FetchError(source, problem(exc.reason or exc)) from None
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(source, problem(exc)) from None
        complete = False  # the body read to its end: the connection can serve the next request
        try:
            hdrs = {k.lower(): v for k, v in resp.headers.items()}
            if resp.status != 200:  # redirects, errors, 304: the body is not wanted
                return Response(url, resp.status, hdrs, b"")
            length = hdrs.get("content-length", "")
            if length.isdigit() and int(length) > lim.max_bytes:
                raise FetchError(source, f"the page is {_mb(int(length))}, over the limit of {_mb(lim.max_bytes)}")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise FetchError(source, too_slow)
                chunk = resp.read1(65536)
                if not chunk:
                    complete = True
                    break
                size += len(chunk)
                if size > lim.max_bytes:
                    raise FetchError(source, f"the page is over the limit of {_mb(lim.max_bytes)}; "
                                             "nothing of it was kept")
                chunks.append(chunk)
            return Response(url, resp.status, hdrs, b"".join(chunks))
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(source, problem(exc)) from None
        finally:
            if complete:
                resp.release_conn()
            else:  # unread bytes (an error page, a refused body): this connection is not reused
                resp.close()

    def close(self) -> None:
        self._pool.clear()


def _check_public(host: str, port: int, source: str) -> None:
    import ipaddress
    import socket

    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(source, f"the host {host!r} is not known; check the address") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not ip.is_global:
            raise FetchError(source, f"{host} is a local or private address ({ip}); only public sites are "
                                     "fetched here (the command line's --url allows local addresses)")


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "..."


def _mb(n: int) -> str:
    from workbench.ingest import format_bytes

    return format_bytes(n)


def _status_problem(status: int, final: str | None) -> str:
    where = f" (after redirects, at {_short(final)})" if final else ""
    if status == 404 or status == 410:
        return f"page not found ({status}){where}; check the address"
    if status in (401, 403):
        return f"the site refused access ({status}){where}; the page may need a subscription"
    if status == 429:
        return f"the site asks to slow down (429){where}; try again later"
    if status >= 500:
        return f"the site answered with a server error ({status}){where}; try again later"
    return f"unexpected answer {status}{where}"


def _network_problem(exc: object) -> str:
    import urllib3

    if isinstance(exc, (urllib3.exceptions.ReadTimeoutError, TimeoutError)):
        return "the server stopped sending within the read timeout; try again later"
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        return "could not connect within the connect timeout; check the address or try again later"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "could not connect to the server; check the address"
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "the connection broke off while reading; try again later"
    return f"network error ({type(exc).__name__})"


# ------------------------------------------------------------------------------------------------ pages

def read_page(resp: Response, *, source: str, outlet: str | None = None, published: str | None = None,
              title: str | None = None, max_tree_size: int = FetchLimits.max_tree_size) -> Article:
    """The article on a fetched page (see the module docs for what comes from where)."""
    import trafilatura

    from workbench.ingest import clean_text, decode, first_line, make_id

    if resp.content_type and not (resp.content_type.startswith("text/") or "html" in resp.content_type
                                  or "xml" in resp.content_type):
        raise FetchError(source, f"not a web page but {resp.content_type}; save it as text first")
    html = decode(source, resp.body)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            html, url=resp.url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_precision=True, config=_trafilatura_config(max_tree_size),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise FetchError(source, f"cannot be read as HTML ({type(exc).__name__})") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    page_title = " ".join((getattr(doc, "title", None) or title or "").split())
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if page_title and (not paragraphs or paragraphs[0] != page_title):
        paragraphs.insert(0, page_title)
    cleaned = clean_text("\n\n".join(paragraphs))
    if not body or not cleaned or cleaned == page_title:
        raise FetchError(source, "no article text found on this page (an index page, a video, or a page "
                                 "that needs scripts); give the article's own address")
    name = (outlet or "").strip() or " ".join((getattr(doc, "sitename", None) or "").split()) \
        or (urlsplit(resp.url).hostname or "")
    when = published or _iso(getattr(doc, "date", None))
    canonical = getattr(doc, "url", None)
    url = canonical if canonical and urlsplit(canonical).scheme in ("http", "https") else resp.url
    return Article(id=make_id(name, cleaned), outlet=name, title=page_title or first_line(cleaned), text=cleaned,
                   url=url, published=when, source=source)


_CONFIGS: dict[int, object] = {}


def _trafilatura_config(max_tree_size: int):  # type: ignore[no-untyped-def]
    """trafilatura's settings with a bound on the HTML tree it will look at."""
    cfg = _CONFIGS.get(max_tree_size)
    if cfg is None:
        from trafilatura.settings import use_config

        cfg = use_config()
        cfg.set("DEFAULT", "MAX_TREE_SIZE", str(max_tree_size))
        _CONFIGS[max_tree_size] = cfg
    return cfg


def _iso(value: object) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------------ feeds

@dataclass(frozen=True, slots=True)
class FeedEntry:
    key: str  # the entry's id (guid), else its link
    url: str
    title: str | None
    published: str | None  # ISO date


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    refused: tuple[tuple[str, str], ...] = ()  # (where, why) for entries that cannot be used
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


def parse_feed(resp: Response, *, source: str) -> Feed:
    """The entries of an RSS or Atom feed; entries without a usable link are refused with their position."""
    import feedparser

    parsed = feedparser.parse(resp.body, response_headers={"content-location": resp.url,
                                                            "content-type": resp.headers.get("content-type", "")})
    version = getattr(parsed, "version", "") or ""
    if not version and not parsed.entries:
        why = f" ({type(parsed.bozo_exception).__name__})" if getattr(parsed, "bozo", 0) else ""
        raise FetchError(source, f"not an RSS or Atom feed{why}; give the feed's address (often /feed, /rss or "
                                 "/atom.xml), or the page URLs with --url")
    entries: list[FeedEntry] = []
    refused: list[tuple[str, str]] = []
    seen: set[str] = set()
    for i, e in enumerate(parsed.entries, start=1):
        where = f"{source}, entry {i}"
        title = " ".join((e.get("title") or "").split()) or None
        if title:
            where += f" ({title[:60]})"
        link = (e.get("link") or "").strip()
        if not link:
            refused.append((where, "has no link to the article's page"))
            continue
        link = urljoin(resp.url, link)
        try:
            check_url(link)
        except FetchError as exc:
            refused.append((where, exc.problem))
            continue
        key = (e.get("id") or "").strip() or link
        if key in seen:
            continue
        seen.add(key)
        when = None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            try:
                when = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat()
            except ValueError:
                when = None
        entries.append(FeedEntry(key=key, url=link, title=title, published=when))
    title = " ".join((parsed.feed.get("title") or "").split()) or None
    return Feed(url=source, title=title, entries=tuple(entries), refused=tuple(refused),
                etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"))


# ------------------------------------------------------------------------------------------ URL lists

def read_url_file(path: str | Path) -> list[tuple[str, str]]:
    """(where, URL) for each URL of a file of URLs: one a line; blank lines and ``#`` comments skipped.

    A line that is not an http(s) URL refuses the file, naming the line (nothing is fetched).
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(p), "no such file; give a text file with one URL a line") from None
    except UnicodeDecodeError:
        raise InputError(str(p), "is not UTF-8 text; give a text file with one URL a line") from None
    return url_lines(text, str(p))


def url_lines(text: str, source: str, *, limit: int | None = None) -> list[tuple[str, str]]:
    """(where, URL) for each URL of ``text`` (a file of URLs, or what was typed on the Import screen) read
    as :func:`read_url_file` reads a file; ``source`` names it in messages. More than ``limit`` URLs, or a
    line that is not an http(s) URL, raises :class:`InputError` naming the line (nothing is fetched)."""
    out: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{source}, line {n}"
        check_url(line, where)
        out.append((where, line))
    if not out:
        raise InputError(source, "holds no URL; give one http:// or https:// URL a line")
    if limit is not None and len(out) > limit:
        raise InputError(source, f"holds {len(out)} URLs; one import takes at most {limit}: split the list")
    return out


@dataclass
class WebSource:
    """Pages to import from URLs and feeds, fetched lazily, new ones only.

    ``urls``: (where, URL) pairs; ``feeds``: feed URLs. Feeds are fetched (conditionally, with the
    validators of the last poll) when :meth:`records` runs; entries seen before and URLs imported before
    are skipped without fetching.
    """

    urls: Sequence[tuple[str, str]] = ()
    feeds: Sequence[str] = ()
    outlet: str | None = None
    limits: FetchLimits = field(default_factory=FetchLimits)
    skipped: int = 0  # URLs and entries skipped as imported before
    feeds_unchanged: int = 0
    key: str | None = None  # no checkpoint: what is new is decided by URL and feed entry
    unit: str = "page"
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def total(self) -> int | None:
        return None  # known only once the feeds are read

    def records(self, state, start=None) -> Iterator[Record]:  # type: ignore[no-untyped-def]
        fetcher = Fetcher(self.limits)
        n = 0
        try:
            todo: list[tuple[str, str, FeedEntry | None, str | None]] = [(w, u, None, None) for w, u in self.urls]
            for feed_url in self.feeds:
                try:
                    check_url(feed_url)
                    etag, modified = state.feed_validators(feed_url)
                    headers = {}
                    if etag:
                        headers["If-None-Match"] = etag
                    if modified:
                        headers["If-Modified-Since"] = modified
                    resp = fetcher.get(feed_url, headers=headers, accept_status=(200, 304))
                except FetchError as exc:
                    yield Record(where=feed_url, problem=exc.problem)
                    continue
                if resp.status == 304:
                    self.feeds_unchanged += 1
                    continue
                try:
                    feed = parse_feed(resp, source=feed_url)
                except FetchError as exc:
                    yield Record(where=feed_url, problem=exc.problem)
                    continue
                for where, why in feed.refused:
                    yield Record(where=where, problem=why, feed=feed_url)
                seen = state.seen_entries(feed_url, [e.key for e in feed.entries])
                self.skipped += len(seen)
                fresh = [e for e in feed.entries if e.key not in seen]
                todo += [(f"{feed_url}: {e.url}", e.url, e, feed_url) for e in fresh]
                # kept once the feed's entries are all dealt with (see archive.import_source)
                self.validators[feed_url] = (feed.etag, feed.last_modified)
            norm = {u: normalise_url(u) for _w, u, _e, _f in todo}
            known = state.known_urls(list(set(norm.values())))
            done_urls: set[str] = set()
            for where, url, entry, feed_url in todo:
                n += 1
                nurl = norm[url]
                if nurl in known or nurl in done_urls:
                    self.skipped += 1
                    if entry is not None:  # already stored: remember the entry, fetch nothing
                        yield Record(where=where, url=nurl, feed=feed_url, entry=entry.key, done=n)
                    continue
                done_urls.add(nurl)
                try:
                    resp = fetcher.get(url)
                    art = read_page(resp, source=url, outlet=self.outlet,
                                    published=entry.published if entry else None,
                                    title=entry.title if entry else None, max_tree_size=self.limits.max_tree_size)
                except InputError as exc:
                    yield Record(where=where, problem=exc.problem, feed=feed_url, done=n)
                    continue
                own = normalise_url(art.url) if art.url else None
                yield Record(where=where, article=art, url=nurl, feed=feed_url, entry=entry.key if entry else None,
                             also=own if own != nurl else None, done=n)
        finally:
            fetcher.close()

    def feed_validators(self) -> dict[str, tuple[str | None, str | None]]:
        return dict(self.validators)
