"""Import: upload article files or paste an article, and see what was stored.

Files: .txt, .html/.htm, .jsonl and .csv, each up to the upload limit (checked by the server and again
here). A progress bar follows reading and extracting; the report lists new and duplicate articles, the claims
found, the groups after regrouping, and every refused file with the reason.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui import resources
from ui.session import desk
from ui.text import escape_md, screen_message
from workbench.errors import InputError, WorkbenchError
from workbench.ingest import SUPPORTED_SUFFIXES, article_from_text, format_bytes, read_bytes
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


st.title("Import")
st.caption(f"Article files ({', '.join(SUPPORTED_SUFFIXES)}) of up to {resources.MAX_UPLOAD_MB} MB each, "
           "or one article pasted as text.")

files_tab, paste_tab = st.tabs(["Upload files", "Paste an article"])

with files_tab:
    uploads = st.file_uploader(
        "Article files", type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES], accept_multiple_files=True,
        key="import_files", max_upload_size=resources.MAX_UPLOAD_MB,
        help=".txt: one article, title on the first line. .html: a saved web page. .jsonl / .csv: one article "
             "a line or row with id, outlet, title, text (url and published optional).",
    )
    c1, c2 = st.columns(2)
    c1.text_input("Outlet", key="import_outlet", placeholder="taken from the files when empty",
                  help="The outlet for .txt and .html files that do not say (and .jsonl/.csv rows without one).")
    c2.text_input("Encoding", key="import_encoding", placeholder="detected when empty",
                  help="Only if the text comes out garbled: e.g. cp1252 or latin-1.")
    if st.button("Import files", key="import_files_go", type="primary", disabled=not uploads):
        bar = st.progress(0.0, text="Reading files…")
        articles: list[Article] = []
        refused: list[RefusedFile] = []
        outlet = (ss.get("import_outlet") or "").strip() or None
        encoding = (ss.get("import_encoding") or "").strip() or None
        for i, up in enumerate(uploads or []):
            bar.progress(0.3 * i / max(1, len(uploads)), text=f"Reading {up.name}")
            if up.size > resources.MAX_UPLOAD_BYTES:
                refused.append(RefusedFile(up.name, f"file is {format_bytes(up.size)}, over the limit of "
                                           f"{resources.MAX_UPLOAD_MB} MB a file; split it into smaller files"))
                continue
            try:
                articles += read_bytes(up.name, up.getvalue(), outlet=outlet, encoding=encoding,
                                       max_bytes=resources.MAX_UPLOAD_BYTES)
            except InputError as exc:
                refused.append(RefusedFile(exc.source, exc.problem))
        try:
            ss["import_report"] = store_articles(articles, refused, bar)
        except WorkbenchError as exc:
            ss.pop("import_report", None)
            st.error(f"Nothing was imported: {escape_md(screen_message(str(exc)))}")
        bar.empty()

with paste_tab:
    st.text_area("Article text", key="import_paste_text", height=220, persist_state="session",
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
