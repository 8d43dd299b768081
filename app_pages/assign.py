"""Assign (leads): put groups, whole stories or single claims in reviewers' queues.

Two ways: deal the chosen items out so that each gets N independent reviews (default from the team
settings; the reviewers with the fewest assignments get the next ones, and pairs of reviewers vary so
agreement can be measured), or give every chosen item to every chosen reviewer. Below: each reviewer's
workload and the assignments made so far, which can be taken back. Every assignment is in the history.
"""

from __future__ import annotations

from collections import Counter

import altair as alt
import pandas as pd
import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.charts import frame_height
from ui.text import escape_md, format_number, screen_message, short
from ui.widgets import flash, show_flash
from workbench.auth import Action
from workbench.errors import WorkbenchError
from workbench.models import Kind
from workbench.store import ClaimFilter, GroupFilter, GroupRow, Role, Target, TargetKind, VerdictStatus

P = "assign"
LIST_LIMIT = 300
ANY = ""
KINDS = {"group": "Groups", "article": "Stories", "claim": "Claims"}
DEAL, EVERYONE = "deal", "everyone"

store = resources.store()
lead, desk = team_ui.guard(store, Action.ASSIGN_WORK)
ss = st.session_state


def fmt_range(g: GroupRow) -> str:
    unit = f"{g.currency} " if g.currency else ""
    tail = "%" if g.kind is Kind.PERCENT else (f" {g.unit}" if g.unit else "")
    lo, hi = format_number(g.min_value), format_number(g.max_value)
    return f"{unit}{lo}{tail}" if lo == hi else f"{unit}{lo}–{hi}{tail}"


def candidates(what: str) -> dict[str, str]:
    """The items the filters list: id -> plain-text name."""
    outlet = ss.get("assign_f_outlet") or None
    kind = ss.get("assign_f_kind") or None
    if what == "group":
        rows, _ = store.groups_page(GroupFilter(
            outlet=outlet, kind=Kind(kind) if kind else None, discrepant_only=bool(ss.get("assign_f_discrepant")),
            min_outlets=int(ss.get("assign_f_min_outlets", 2))), 0, LIST_LIMIT)
        return {g.id: short(f"{g.label} · {fmt_range(g)} · {g.n_outlets} outlet(s), {g.size} claim(s)", 110)
                for g in rows}
    if what == "article":
        return {a.id: short(f"{a.title} — {a.outlet}" + (f", {a.published}" if a.published else "")
                            + f" · {a.claims} claim(s)", 110)
                for a in store.articles_index(outlet=outlet, limit=LIST_LIMIT)}
    rows, _ = store.claims_page(ClaimFilter(outlet=outlet, article_id=ss.get("assign_f_story") or None,
                                            kind=Kind(kind) if kind else None), 0, LIST_LIMIT)
    return {c.id: short(f"{c.outlet}: {c.surface} — {c.sentence}", 110) for c in rows}


def assign(what: str, item_ids: list[str]) -> None:
    who = list(ss.get("assign_who") or [])
    if not item_ids:
        flash(P, "error", "Choose the items to assign first.")
        return
    if not who:
        flash(P, "error", "Choose the reviewers first.")
        return
    targets = [Target(TargetKind(what), i) for i in item_ids]
    try:
        if ss.get("assign_how", DEAL) == DEAL:
            made = desk.deal(lead, targets, who, per_item=int(ss.get("assign_per_item") or 2))
        else:
            made = [a for t in targets for a in desk.assign(lead, t, who)]
    except WorkbenchError as exc:
        flash(P, "error", f"Not assigned: {escape_md(screen_message(str(exc)))}")
        return
    per = Counter(a.user_id for a in made)
    names = {u.id: u.display_name for u in store.users()}
    detail = ", ".join(f"{escape_md(names.get(u, str(u)))} {n}" for u, n in sorted(per.items(),
                                                                                  key=lambda x: names.get(x[0], "")))
    flash(P, "success", f"Made {len(made)} new assignment(s) for {len(targets)} item(s)"
                        + (f": {detail}." if detail else " (everything was already assigned)."))
    ss[f"assign_items_{what}"] = []


def take_back() -> None:
    aid = ss.get("assign_remove")
    found = next((a for a in store.assignments() if a.id == aid), None)
    if found is None:
        flash(P, "error", "Choose an assignment to take back.")
        return
    try:
        desk.unassign(lead, found.target, found.user_id)
    except WorkbenchError as exc:
        flash(P, "error", f"Not taken back: {escape_md(screen_message(str(exc)))}")
        return
    ss["assign_remove"] = None
    flash(P, "success", "Assignment taken back; it is in the history.")


# --- the screen -----------------------------------------------------------------------------------------------

st.title("Assign")
st.caption("Put groups, stories or claims in reviewers' queues. Dealing out gives each item the chosen number "
           "of independent reviews and balances the reviewers' loads; each reviewer sees only their own queue "
           "and, until they submit, not the others' verdicts.")
show_flash(P)

people = store.users(include_disabled=False)
names = {u.id: f"{u.display_name} ({u.role.value})" for u in people}
if not [u for u in people if u.role is Role.REVIEWER]:
    st.info("No reviewer accounts yet. An admin adds them on the **Users** screen (or with "
            "`workbench users add NAME`).", icon=":material/group_add:")

left, right = st.columns([3, 2], gap="large")
with left:
    what = st.segmented_control("What to assign", list(KINDS), format_func=KINDS.get, key="assign_what",
                                default="group", persist_state="session") or "group"
    f = st.columns(4)
    f[0].selectbox("Outlet", [ANY, *store.outlets()], key="assign_f_outlet",
                   format_func=lambda o: o or "All outlets", persist_state="session")
    if what != "article":
        f[1].selectbox("Kind", [ANY, *[k.value for k in Kind]], key="assign_f_kind",
                       format_func=lambda k: k or "All kinds", persist_state="session")
    if what == "group":
        f[2].number_input("At least this many outlets", min_value=1, max_value=50, value=2,
                          key="assign_f_min_outlets", persist_state="session")
        f[3].checkbox("Discrepant only", key="assign_f_discrepant", persist_state="session")
    if what == "claim":
        stories = {a.id: short(f"{a.title} — {a.outlet}", 70)
                   for a in store.articles_index(outlet=ss.get("assign_f_outlet") or None, limit=LIST_LIMIT)}
        if ss.get("assign_f_story") and ss["assign_f_story"] not in stories:
            ss["assign_f_story"] = ANY
        f[2].selectbox("Story", [ANY, *stories], key="assign_f_story",
                       format_func=lambda a: stories.get(a, "All stories"), persist_state="session")

    options = candidates(what)
    items_key = f"assign_items_{what}"
    if ss.get(items_key):
        ss[items_key] = [i for i in ss[items_key] if i in options]
    every = st.checkbox(f"All {len(options):,} listed" + (" (the first ones only)" if len(options) >= LIST_LIMIT
                                                           else ""), key="assign_all")
    chosen_ids = list(options) if every else st.multiselect(
        KINDS[what], list(options), format_func=options.get, key=items_key, placeholder="Choose items…")

with right:
    reviewer_ids = [u.id for u in people if u.role is Role.REVIEWER]
    st.multiselect("Reviewers", [u.id for u in people], format_func=names.get, key="assign_who",
                   default=reviewer_ids, help="Leads and admins can review too.")
    how = st.radio("How", [DEAL, EVERYONE], key="assign_how", horizontal=True,
                   format_func={DEAL: "Deal out", EVERYONE: "Give every item to each"}.get)
    if how == DEAL:
        st.number_input("Independent reviews per item", min_value=1, max_value=10,
                        value=desk.config.reviews_per_item, key="assign_per_item")
    n = len(chosen_ids)
    st.button(f"{'Deal out' if how == DEAL else 'Assign'} {n} item(s)", key="assign_go", type="primary",
              on_click=assign, args=(what, chosen_ids), disabled=n == 0, icon=":material/assignment_ind:")

st.divider()

# --- workload -----------------------------------------------------------------------------------------------
st.subheader("Workload")
load_rows = []
for u in people:
    queue = desk.queue_of(lead, u.id)
    if not queue:
        continue
    counts = Counter("decided" if q.final else "submitted" if q.own_status is VerdictStatus.SUBMITTED
                     else "draft" if q.own_status is VerdictStatus.DRAFT else "to do" for q in queue)
    for state in ("submitted", "draft", "to do", "decided"):
        if counts[state]:
            load_rows.append({"reviewer": u.display_name, "state": state, "items": counts[state]})
if load_rows:
    df = pd.DataFrame(load_rows)
    chart = (alt.Chart(df).mark_bar()
             .encode(y=alt.Y("reviewer:N", title=None, sort="ascending"),
                     x=alt.X("sum(items):Q", title="items in the queue",
                             axis=alt.Axis(tickMinStep=1, format="d")),
                     color=alt.Color("state:N", scale=alt.Scale(
                         domain=["submitted", "draft", "to do", "decided"],
                         range=["#1f5f8b", "#8fb8d6", "#d9dde2", "#6aa56b"]), legend=alt.Legend(orient="bottom")),
                     order=alt.Order("state:N"),
                     tooltip=["reviewer:N", "state:N", "items:Q"])
             .properties(height=max(60, 32 * df["reviewer"].nunique())))
    st.altair_chart(chart, width="stretch", height=frame_height(chart, 160), key="assign_workload")
else:
    st.caption("Nothing is assigned yet.")

# --- the assignments ----------------------------------------------------------------------------------------
st.subheader("Assignments")
all_assignments = store.assignments()
if not all_assignments:
    st.caption("None yet.")
    st.stop()
latest = list(reversed(all_assignments))[:200]
everyone = {u.id: u.display_name for u in store.users()}
titles = {a.target: team_ui.item_title(store, a.target, width=90) for a in latest}
st.caption(f"{len(all_assignments):,} assignment(s)" + (", the latest 200 shown" if len(all_assignments) > 200
                                                      else "") + ".")
st.dataframe(
    {
        "reviewer": [everyone.get(a.user_id, str(a.user_id)) for a in latest],
        "what": [a.target.kind.value for a in latest],
        "item": [titles[a.target] for a in latest],
        "assigned by": [everyone.get(a.assigned_by, "command line") if a.assigned_by else "command line"
                        for a in latest],
        "when (UTC)": [a.assigned_at[:16].replace("T", " ") for a in latest],
    },
    hide_index=True, width="stretch", key="assign_table",
    height=min(420, 38 + 35 * len(latest)),
)
c1, c2 = st.columns([4, 1], vertical_alignment="bottom")
c1.selectbox("Take back an assignment", [a.id for a in latest], index=None, key="assign_remove",
             format_func=lambda i: next(f"{everyone.get(a.user_id, '?')} ← {titles[a.target]}"
                                        for a in latest if a.id == i),
             placeholder="Choose an assignment…")
c2.button("Take back", key="assign_take_back", on_click=take_back, icon=":material/undo:")
