"""Export: the verdict CSV, the history CSV and ClaimReview JSON-LD, for the claims the filters select.

"Prepare" builds the three files from the database as it is now (so a download never mixes old filters
with new ones); the preview shows the first rows of the verdict CSV.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from itertools import islice

import streamlit as st

from ui import resources
from ui.session import desk
from ui.text import escape_md, screen_message, short
from workbench.errors import WorkbenchError
from workbench.store import ClaimFilter

P = "export"
PREVIEW_ROWS = 200
ANY = ""
ss = st.session_state
store = resources.store()
me = desk(store)


def current_options() -> dict:
    frm, to = ss.get("export_from"), ss.get("export_to")
    reviewer = ss.get("export_reviewer") or None
    return {
        "filters": ClaimFilter(outlet=ss.get("export_outlet") or None, article_id=ss.get("export_story") or None),
        "reviewer": reviewer,
        "final_only": bool(ss.get("export_final_only")),
        "published_from": frm.isoformat() if isinstance(frm, date) else None,
        "published_to": to.isoformat() if isinstance(to, date) else None,
    }


def prepare() -> None:
    opts = current_options()
    reviewer = opts["reviewer"]
    actor = store.user_by_name(reviewer) if reviewer else None
    try:
        verdicts, history, jsonld = me.export_files(opts, history_actor_id=actor.id if actor else None)
    except WorkbenchError as exc:
        ss.pop("export_prepared", None)
        ss["export_error"] = screen_message(str(exc))
        return
    ss["export_prepared"] = {
        "verdicts": verdicts, "history": history, "claimreview": jsonld,
        "at": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        "stamp": datetime.now().strftime("%Y%m%d-%H%M"),
        "rows": max(0, verdicts.decode("utf-8-sig").count("\r\n") - 1),
        "reviews": len(json.loads(jsonld)),
    }


def stale() -> None:
    ss.pop("export_prepared", None)


st.title("Export")
st.caption("Verdicts for editors and spreadsheets, the full history of who did what, and ClaimReview "
           "JSON-LD for publishing. Spreadsheet formulas in text cells are neutralised.")

c = st.columns(3)
outlets = store.outlets()
c[0].selectbox("Outlet", [ANY, *outlets], key="export_outlet", format_func=lambda o: o or "All outlets",
               on_change=stale, persist_state="session")
stories = store.articles_index(outlet=ss.get("export_outlet") or None, limit=500)
titles = {a.id: f"{short(a.title, 60)} — {a.outlet}" for a in stories}
if ss.get("export_story") and ss["export_story"] not in titles:
    ss["export_story"] = ANY
c[1].selectbox("Story", [ANY, *titles], key="export_story", format_func=lambda a: titles.get(a, "All stories"),
               on_change=stale, persist_state="session")
c[2].selectbox("Reviewer", [ANY, *[u.name for u in store.users()]], key="export_reviewer",
               format_func=lambda r: r or "Anyone", on_change=stale, persist_state="session",
               help="Verdicts decided or given by this person; the history lists only their actions.")
d = st.columns(3)
d[0].date_input("Published from", value=None, key="export_from", on_change=stale, persist_state="session")
d[1].date_input("Published to", value=None, key="export_to", on_change=stale, persist_state="session")
d[2].checkbox("Final verdicts only", key="export_final_only", on_change=stale, persist_state="session")

st.button("Prepare the files", key="export_prepare", type="primary", on_click=prepare)
err = ss.pop("export_error", None)
if err:
    st.error(f"Export failed: {escape_md(err)}")

ready = ss.get("export_prepared")
if ready is None:
    st.info("Choose the filters, then prepare the files.")
    st.stop()

st.caption(f"Prepared at {ready['at']}: {ready['rows']:,} claim row(s), {ready['reviews']:,} ClaimReview item(s).")
b = st.columns(3)
files = (
    ("Verdict CSV", "verdicts", f"verdicts-{ready['stamp']}.csv", "text/csv"),
    ("History CSV", "history", f"history-{ready['stamp']}.csv", "text/csv"),
    ("ClaimReview JSON-LD", "claimreview", f"claimreview-{ready['stamp']}.json", "application/ld+json"),
)
for col, (label, what, name, mime) in zip(b, files):
    col.download_button(label, ready[what], file_name=name, mime=mime, key=f"export_dl_{what}", on_click="ignore",
                        icon=":material/download:", width="stretch")

reader = csv.DictReader(io.StringIO(ready["verdicts"].decode("utf-8-sig"), newline=""))
preview = list(islice((row for row in reader if row.get("verdict")), PREVIEW_ROWS))
st.markdown(f"**Preview: claims with a verdict** (the first {PREVIEW_ROWS} in the file)")
if preview:
    st.dataframe({k: [r[k] for r in preview] for k in ("outlet", "surface", "verdict", "verdict_status", "reviewer",
                                                       "gap_pct", "sentence")},
                 hide_index=True, width="stretch", key="export_preview")
else:
    st.caption("No claim in this selection has a verdict yet.")
