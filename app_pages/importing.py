"""Import: upload article files or paste an article, and see what was stored.

Files: .txt, .html/.htm, .jsonl and .csv, each up to the upload limit (checked by the server and again by
the library). Uploaded files are imported in a worker process (:mod:`workbench.background`), so the server
stays free for the other reviewers: a progress bar follows it, Cancel stops it, and a cancelled or failed
import stores nothing. The report lists new and duplicate articles, the claims found, the groups after
regrouping, and every refused file with the reason.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui import resources
from ui.session import desk
from ui.text import escape_md, screen_message
from workbench import background
from workbench.errors import InputError, WorkbenchError
from workbench.ingest import SUPPORTED_SUFFIXES, article_from_text
from workbench.models import Article
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
    if report.refused:
        st.error(f"{len(report.refused)} file(s) refused — nothing from them was stored:")
        st.dataframe({"file": [r.path for r in report.refused],
                      "reason": [screen_message(r.reason) for r in report.refused]},
                     hide_index=True, width="stretch", key="import_refused")
    if report.articles_new:
        st.success("Done. The new claims are in the **Review** queue.")


MAX_FILE_BYTES = min(resources.MAX_UPLOAD_BYTES, background.MAX_FILE_BYTES)


def start_job() -> None:
    """Hand the uploads to a worker process, as the current user (team mode: the library checks the role).
    A button callback, so the page that follows already shows the running import."""
    uploads = ss.get("import_files") or []
    for key in ("import_report", "import_error", "import_cancelled"):
        ss.pop(key, None)
    try:
        actor = me.user.id if me.user else None
        ss["import_job"] = background.ImportJob.start(
            store.url, [background.Upload(up.name, up.getvalue()) for up in uploads],
            outlet=(ss.get("import_outlet") or "").strip() or None,
            encoding=(ss.get("import_encoding") or "").strip() or None,
            actor_id=actor, team=me.team_mode, max_file=MAX_FILE_BYTES)
    except WorkbenchError as exc:
        ss["import_error"] = screen_message(str(exc))


@st.fragment(run_every=0.5)
def show_job() -> None:
    """The running import's progress and its Cancel button, redrawn twice a second on its own."""
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
    elif state.stage is background.Stage.CANCELLED:
        ss["import_cancelled"] = True
    else:
        ss["import_error"] = screen_message(state.error or "the import stopped")
    st.rerun()


st.title("Import")
st.caption(f"Article files ({', '.join(SUPPORTED_SUFFIXES)}) of up to {MAX_FILE_BYTES // 1_000_000} MB each, "
           f"{background.MAX_JOB_BYTES // 1_000_000} MB in all, or one article pasted as text.")

files_tab, paste_tab = st.tabs(["Upload files", "Paste an article"])

with files_tab:
    uploads = st.file_uploader(
        "Article files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
        key="import_files", max_upload_size=MAX_FILE_BYTES // 1_000_000,
        help=".txt: one article, title on the first line. .html: a saved web page. .jsonl / .csv: one article "
             "a line or row with id, outlet, title, text (url and published optional).",
    )
    c1, c2 = st.columns(2)
    c1.text_input("Outlet", key="import_outlet", placeholder="taken from the files when empty",
                  help="The outlet for .txt and .html files that do not say (and .jsonl/.csv rows without one).")
    c2.text_input("Encoding", key="import_encoding", placeholder="detected when empty",
                  help="Only if the text comes out garbled: e.g. cp1252 or latin-1.")
    running = ss.get("import_job") is not None
    st.button("Import files", key="import_files_go", type="primary", disabled=not uploads or running,
              on_click=start_job)
    show_job()

with paste_tab:
    st.text_area("Article text", key="import_paste_text", height=220, persist_state="session", max_chars=100_000,
                 placeholder="Paste the article: headline on the first line, then the text.")
    p1, p2 = st.columns(2)
    p1.text_input("Outlet", key="import_paste_outlet", persist_state="session", placeholder="e.g. The Lantern")
    p2.text_input("Title", key="import_paste_title", persist_state="session", placeholder="the first line when empty")
    p3, p4 = st.columns(2)
    p3.text_input("URL", key="import_paste_url", persist_state="session", placeholder="https://…")
    p4.date_input("Published", value=None, key="import_paste_date", persist_state="session",
                  max_value=date.today())
    if st.button("Import this article", key="import_paste_go", type="primary"):
        bar = st.progress(0.0, text="Reading the text…")
        try:
            when = ss.get("import_paste_date")
            article = article_from_text(
                ss.get("import_paste_text") or "", ss.get("import_paste_outlet") or "",
                title=ss.get("import_paste_title"), url=ss.get("import_paste_url"),
                published=when.isoformat() if isinstance(when, date) else None,
            )
            ss["import_report"] = store_articles([article], [], bar)
        except InputError as exc:
            st.error(f"Not imported: the {escape_md(exc.source)} {escape_md(screen_message(exc.problem))}")
        except WorkbenchError as exc:
            st.error(f"Not imported: {escape_md(screen_message(str(exc)))}")
        bar.empty()

report = ss.get("import_report")
if report is not None:
    st.subheader("Last import")
    show_report(report)
