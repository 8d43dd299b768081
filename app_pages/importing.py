"""Import: upload article files, fetch pages and feeds from the web, or paste an article; see what was stored.

Files: .txt, .html/.htm, .jsonl and .csv, each up to the upload limit (checked by the server and again by
the library). From the web: page addresses typed one a line or uploaded as a file of addresses, and RSS or
Atom feeds, of which only the entries not imported before are fetched (:mod:`workbench.fetch`: timeouts, a
size limit, robots.txt, one request at a time per site; the server fetches no local or private address
unless ``WORKBENCH_FETCH_LOCAL=1``). Uploads and web imports run in a worker process
(:mod:`workbench.background`), so the server stays free for the other reviewers: a progress bar follows it,
Cancel stops it, and a cancelled or failed import stores nothing. The report lists new and duplicate
articles, the claims found, the groups after regrouping, and every refused file or address with the reason,
as plain text (nothing fetched is ever rendered as HTML or Markdown).

Pasted text, its outlet, title, URL and date are kept on the server as the user's draft until the article is
imported (:class:`workbench.sessions.FormDraft`), so a reload or a crash does not lose them.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui import resources
from ui.session import desk
from ui.text import escape_md, screen_message
from ui.widgets import drafted, forget, server_drafts
from workbench import background
from workbench.errors import InputError, WorkbenchError
from workbench.fetch import FetchLimits, url_lines
from workbench.ingest import SUPPORTED_SUFFIXES, article_from_text
from workbench.models import Article
from workbench.sessions import FormDraft
from workbench.store import ImportReport, RefusedFile

P = "import"
ss = st.session_state
store = resources.store()
me = desk(store)


def extract_with_progress(bar, start: float, span: float):  # type: ignore[no-untyped-def]
    ex = resources.extractor()

    def run(articles: list[Article]) -> list:
        out = []
        for i, a in enumerate(articles):
            bar.progress(start + span * i / max(1, len(articles)),
                         text=f"Finding numbers in article {i + 1} of {len(articles)}: {a.title[:60]}")
            out += ex.extract(a)
        bar.progress(start + span, text="Storing and grouping…")
        return out

    return run


def store_articles(articles: list[Article], refused: list[RefusedFile],
                   bar) -> ImportReport:  # type: ignore[no-untyped-def]
    """Through the desk: in team mode the library refuses anyone but a lead or an admin."""
    return me.import_articles(articles, refused=refused, extractor=extract_with_progress(bar, 0.3, 0.6))


def show_report(report: ImportReport) -> None:
    c = st.columns(4)
    c[0].metric("New articles", report.articles_new)
    c[1].metric("Already imported", report.articles_present)
    c[2].metric("Claims found", report.claims_new)
    c[3].metric("Groups now", report.groups)
    if report.claims_dropped:
        st.caption(f"{report.claims_dropped} number(s) in page furniture (menus, banners, share lines) left out.")
    if report.verdicts_carried:
        st.caption(f"{report.verdicts_carried} group verdict(s) followed their claims into regrouped groups.")
    for note in ss.get("import_notes") or ():
        st.caption(escape_md(note))
    if report.refused:
        web = ss.get("import_report_kind") == "web"
        what = "address(es) or feed entries" if web else "file(s)"
        st.error(f"{len(report.refused)} {what} refused — nothing from them was stored:")
        # a table of plain text: a page's address and a server's answer are shown as they are, never rendered
        st.dataframe({"address" if web else "file": [r.path for r in report.refused],
                      "reason": [screen_message(r.reason) for r in report.refused]},
                     hide_index=True, width="stretch", key="import_refused")
    if report.articles_new:
        st.success("Done. The new claims are in the **Review** queue.")


MAX_FILE_BYTES = min(resources.MAX_UPLOAD_BYTES, background.MAX_FILE_BYTES)


def start_job() -> None:
    """Hand the uploads to a worker process, as the current user (team mode: the library checks the role).
    A button callback, so the page that follows already shows the running import."""
    uploads = ss.get("import_files") or []
    for key in RESULT_KEYS:
        ss.pop(key, None)
    ss["import_report_kind"] = "files"
    try:
        actor = me.user.id if me.user else None
        ss["import_job"] = background.ImportJob.start(
            store.url, [background.Upload(up.name, up.getvalue()) for up in uploads],
            outlet=(ss.get("import_outlet") or "").strip() or None,
            encoding=(ss.get("import_encoding") or "").strip() or None,
            actor_id=actor, team=me.team_mode, max_file=MAX_FILE_BYTES)
    except WorkbenchError as exc:
        ss["import_error"] = screen_message(str(exc))


RESULT_KEYS = ("import_report", "import_error", "import_cancelled", "import_notes", "import_report_kind")
MAX_WEB_URLS = 200  # pages of one web import (one transaction, like an upload)


def web_addresses() -> tuple[list[tuple[str, str]], list[str]]:
    """The page addresses (typed, and from an uploaded file of addresses) and the feeds of the web tab, as
    (where, URL) pairs and feed URLs; a line that is no web address raises InputError naming it."""
    urls: list[tuple[str, str]] = []
    typed = (ss.get("import_web_urls") or "").strip()
    if typed:
        urls += url_lines(typed, "Page addresses", limit=MAX_WEB_URLS)
    listed = ss.get("import_web_list")
    if listed is not None:
        try:
            text = listed.getvalue().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(listed.name, "is not UTF-8 text; give a text file with one address a line") from None
        urls += url_lines(text, listed.name, limit=MAX_WEB_URLS)
    feeds_text = (ss.get("import_web_feeds") or "").strip()
    feeds = [u for _w, u in url_lines(feeds_text, "Feeds", limit=MAX_WEB_URLS)] if feeds_text else []
    if len(urls) > MAX_WEB_URLS:
        raise InputError("Page addresses", f"{len(urls)} addresses in all; one import takes at most "
                                           f"{MAX_WEB_URLS}: import them in parts")
    return urls, feeds


def start_web_job() -> None:
    """Hand the addresses and feeds to a worker process that fetches, reads and imports them (a button
    callback, like :func:`start_job`)."""
    for key in RESULT_KEYS:
        ss.pop(key, None)
    ss["import_report_kind"] = "web"
    try:
        urls, feeds = web_addresses()
        if not urls and not feeds:
            raise InputError("From the web", "give at least one page address or feed")
        actor = me.user.id if me.user else None
        ss["import_job"] = background.ImportJob.start(
            store.url, urls=urls, feeds=feeds, outlet=(ss.get("import_web_outlet") or "").strip() or None,
            actor_id=actor, team=me.team_mode, limits=FetchLimits.from_env())
    except InputError as exc:
        ss["import_error"] = screen_message(f"{exc.source}: {exc.problem}")
    except WorkbenchError as exc:
        ss["import_error"] = screen_message(str(exc))


def _show_job() -> None:
    """The running import's progress and its Cancel button, redrawn twice a second on its own while an
    import runs (and not at all otherwise: an idle screen sends nothing)."""
    job = ss.get("import_job")
    if job is None:
        if ss.get("import_error"):
            st.error(f"Nothing was imported: {escape_md(ss['import_error'])}")
        elif ss.get("import_cancelled"):
            st.info("Import cancelled; nothing of it was stored.")
        return
    state = job.poll()
    if not state.stage.finished:
        st.progress(state.fraction, text=escape_md(state.what) or "Working…")
        st.button("Cancel", key="import_cancel", on_click=job.cancel,
                  help="Stop the import; nothing of it is stored.")
        return
    ss.pop("import_job", None)
    if state.stage is background.Stage.DONE:
        ss["import_report"] = state.report
        ss["import_notes"] = state.notes
    elif state.stage is background.Stage.CANCELLED:
        ss["import_cancelled"] = True
    else:
        ss["import_error"] = screen_message(state.error or "the import stopped")
    st.rerun()


# a job starts in a button's callback and ends with a full rerun, so each run knows whether one is running
show_job = st.fragment(run_every=0.5 if ss.get("import_job") is not None else None)(_show_job)

st.title("Import")
st.caption(f"Article files ({', '.join(SUPPORTED_SUFFIXES)}) of up to {MAX_FILE_BYTES // 1_000_000} MB each, "
           f"{background.MAX_JOB_BYTES // 1_000_000} MB in all; pages and feeds from the web; or one article "
           "pasted as text.")

running = ss.get("import_job") is not None
files_tab, web_tab, paste_tab = st.tabs(["Upload files", "From the web", "Paste an article"])

with files_tab:
    uploads = st.file_uploader(
        "Article files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
        key="import_files", max_upload_size=MAX_FILE_BYTES // 1_000_000,
        help=".txt: one article, title on the first line. .html: a saved web page. .jsonl / .csv: one article "
             "a line or row with id, outlet, title, text (url and published optional).",
    )
    c1, c2 = st.columns(2)
    c1.text_input("Outlet", key="import_outlet", placeholder="taken from the files when empty",
                  help="The outlet of .txt and .html files (before a page's own site name), and of .jsonl/.csv "
                       "rows without one. Empty: the page's site name.")
    c2.text_input("Encoding", key="import_encoding", placeholder="detected when empty",
                  help="Only if the text comes out garbled: e.g. cp1252 or latin-1.")
    st.button("Import files", key="import_files_go", type="primary", disabled=not uploads or running,
              on_click=start_job)

with web_tab:
    st.text_area("Page addresses", key="import_web_urls", height=110, max_chars=200_000,
                 placeholder="https://… one address a line",
                 help="Each page is fetched and its article read with its title, date and site name. Pages "
                      "imported before are not fetched again.")
    st.file_uploader("Or a file of addresses", type=["txt"], key="import_web_list",
                     help="A text file with one address a line; blank lines and lines starting with # are skipped.")
    st.text_area("RSS or Atom feeds", key="import_web_feeds", height=80, max_chars=20_000,
                 placeholder="https://…/feed, one a line",
                 help="The entries of each feed are fetched, except those imported before: poll a feed again "
                      "to import only what is new.")
    st.text_input("Outlet", key="import_web_outlet", placeholder="the site's own name when empty",
                  help="The outlet for every page of this import; empty: each page's site name.")
    has_web = bool((ss.get("import_web_urls") or "").strip() or (ss.get("import_web_feeds") or "").strip()
                   or ss.get("import_web_list") is not None)
    st.button("Fetch and import", key="import_web_go", type="primary", disabled=not has_web or running,
              on_click=start_web_job)

show_job()

PASTE_FIELDS = {"text": "import_paste_text", "outlet": "import_paste_outlet", "title": "import_paste_title",
                "url": "import_paste_url", "published": "import_paste_date"}

with paste_tab:
    # what is pasted is the user's draft on the server until it is imported: back after a reload
    server_drafts(me.user.id if me.user else None, FormDraft("paste"), PASTE_FIELDS, dates=("published",))
    if ss.pop("import_paste_done", False):
        forget(*PASTE_FIELDS.values())  # imported: the draft is gone, and the form is empty again
        for key in PASTE_FIELDS.values():  # set, not only dropped: the browser then clears the fields too
            ss[key] = None if key == "import_paste_date" else ""
    st.text_area("Article text", height=220, max_chars=100_000,
                 placeholder="Paste the article: headline on the first line, then the text.",
                 **drafted("import_paste_text"))
    p1, p2 = st.columns(2)
    p1.text_input("Outlet", placeholder="e.g. The Lantern", **drafted("import_paste_outlet"))
    p2.text_input("Title", placeholder="the first line when empty", **drafted("import_paste_title"))
    p3, p4 = st.columns(2)
    p3.text_input("URL", placeholder="https://…", **drafted("import_paste_url"))
    p4.date_input("Published", max_value=date.today(), **drafted("import_paste_date"),
                  **({} if "import_paste_date" in ss else {"value": None}))
    if me.user is None:
        st.caption("Choose who you are in the sidebar to keep pasted text on the server until it is imported.")
    if st.button("Import this article", key="import_paste_go", type="primary"):
        bar = st.progress(0.0, text="Reading the text…")
        try:
            when = ss.get("import_paste_date")
            article = article_from_text(
                ss.get("import_paste_text") or "", ss.get("import_paste_outlet") or "",
                title=ss.get("import_paste_title"), url=ss.get("import_paste_url"),
                published=when.isoformat() if isinstance(when, date) else None,
            )
            for key in RESULT_KEYS:
                ss.pop(key, None)
            ss["import_report"] = store_articles([article], [], bar)
            ss["import_paste_done"] = True
        except InputError as exc:
            st.error(f"Not imported: the {escape_md(exc.source)} {escape_md(screen_message(exc.problem))}")
        except WorkbenchError as exc:
            st.error(f"Not imported: {escape_md(screen_message(str(exc)))}")
        bar.empty()
        if ss.get("import_paste_done"):
            st.rerun()

report = ss.get("import_report")
if report is not None:
    st.subheader("Last import")
    show_report(report)
