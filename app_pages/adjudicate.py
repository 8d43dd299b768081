"""Adjudicate (leads): settle the items reviewers disagree on.

The queue lists disagreements first (also while some assignees are still to submit), then items on which
everyone agrees that were not accepted automatically. For the item in hand the claim (or the group's
claims) stands above each reviewer's verdict, note and sources side by side. Accept one reviewer's verdict
with a click, or decide another; the final verdict is versioned (a decision based on an older version is
refused, saying who changed it) and every decision is in the history. "Accept agreed" settles every ready
item on which all reviewers agree in one go.
"""

from __future__ import annotations

import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.text import escape_md, qualifier_text, screen_message, sentence_markdown, short, value_text
from ui.widgets import (
    clear_conflict,
    drafted,
    final_line,
    flash,
    forget,
    remember_conflict,
    show_conflict,
    show_flash,
    sources_list,
    wkey,
)
from workbench.auth import Action
from workbench.errors import StoreError, WorkbenchError
from workbench.review import StaleSaveError
from workbench.store import Target, TargetKind, VerdictStatus
from workbench.team import AdjudicationItem

P = "adjudicate"
RECENT = 30

store = resources.store()
lead, desk = team_ui.guard(store, Action.ADJUDICATE)
ss = st.session_state


def key_of(t: Target) -> str:
    return f"{t.kind.value}:{t.id}"


def target_of(key: str) -> Target:
    kind, _, ident = key.partition(":")
    return Target(TargetKind(kind), ident)


def decide(target: Target, label: int | None, basis_verdict_id: int | None = None, note: str | None = None) -> None:
    if label is None:
        flash(P, "error", "Choose the final verdict first.")
        return
    if note is None:
        note = (ss.get(wkey(P, "note", key_of(target))) or "").strip()
    try:
        f = desk.save_final(lead, target, label, expected_version=ss.get(wkey(P, "base", key_of(target)), 0),
                           note=note, basis_verdict_id=basis_verdict_id)
    except StaleSaveError as exc:
        remember_conflict(P, exc, "final verdict on this item")
        return
    except WorkbenchError as exc:
        flash(P, "error", f"Not saved: {escape_md(screen_message(str(exc)))}")
        return
    clear_conflict(P)
    forget(wkey(P, "note", key_of(target)), wkey(P, "label", key_of(target)))
    flash(P, "success", f"Final verdict saved: **{escape_md(f.label)}** (version {f.version}) on "
                        f"“{escape_md(team_ui.item_title(store, target, width=60))}”.")


def accept_agreed() -> None:
    try:
        made = desk.accept_agreed(lead)
    except WorkbenchError as exc:
        flash(P, "error", f"Not accepted: {escape_md(screen_message(str(exc)))}")
        return
    flash(P, "success", f"Accepted {len(made)} item(s) on which every reviewer agreed." if made
          else "No ready item with agreeing verdicts was waiting.")


def decide_chosen(target: Target, label_key: str) -> None:
    decide(target, ss.get(label_key))


# --- the queue ------------------------------------------------------------------------------------------------

st.title("Adjudicate")
st.caption("Disagreements between reviewers, with their verdicts, notes and sources side by side. Accept one "
           "reviewer's verdict or decide another; each final verdict is versioned and recorded in the history.")
show_flash(P)

scale = store.default_scale()
labels = {lab.id: lab.label for lab in scale.labels}
include_agreed = st.toggle("Also list agreed items not accepted yet", value=True, key="adjudicate_agreed",
                           persist_state="session")
queue = desk.adjudication_queue(lead, include_agreed=include_agreed)
by_key: dict[str, AdjudicationItem] = {key_of(i.target): i for i in queue}
n_dis = sum(1 for i in queue if not i.agreed)
n_ready = sum(1 for i in queue if i.agreed and i.ready)

m = st.columns([1, 1, 2], vertical_alignment="bottom")
m[0].metric("Disagreements", n_dis)
m[1].metric("Agreed, waiting", n_ready, help="Every assignee submitted the same verdict, but it was not accepted "
                                              "automatically (automatic acceptance is off, or a single review).")
m[2].button("Accept agreed", key="adjudicate_accept_agreed", on_click=accept_agreed, icon=":material/done_all:",
            help="Accept every ready item on which all reviewers agree as the final verdict.")

names = {u.id: u.display_name for u in store.users()}


def state_text(i: AdjudicationItem) -> str:
    if not i.agreed:
        text = "disagree"
    else:
        text = "agree"
    if i.pending:
        text += " · waiting for " + ", ".join(names.get(u, str(u)) for u in i.pending)
    return text


recent_finals = [e for e in store.audit_log(entity="final_verdict") if e.action == "final_verdict" and e.after][-RECENT:]
decided_keys = list(dict.fromkeys(f"{e.after['target_kind']}:{e.after['target_id']}"
                                  for e in reversed(recent_finals)))
show_decided = st.toggle("Also list recently decided items (to revise a final verdict)", key="adjudicate_decided",
                         persist_state="session")
options = list(by_key) + ([k for k in decided_keys if k not in by_key] if show_decided else [])
if not options:
    st.success("Nothing to adjudicate: no disagreement is waiting.", icon=":material/task_alt:")
    st.stop()
if ss.get("adjudicate_current") not in options:
    ss["adjudicate_current"] = options[0]

titles = {k: team_ui.item_title(store, target_of(k), width=90) for k in options}
st.dataframe(
    {
        " ": ["▶" if k == ss["adjudicate_current"] else "" for k in options],
        "item": [titles[k] for k in options],
        "verdicts": [" · ".join(f"{v.reviewer}: {v.label}" for v in by_key[k].verdicts) if k in by_key else "decided"
                     for k in options],
        "state": [state_text(by_key[k]) if k in by_key else "decided" for k in options],
    },
    hide_index=True, width="stretch", key="adjudicate_table", height=min(320, 38 + 35 * len(options)),
)
st.selectbox("Item", options, key="adjudicate_current", format_func=lambda k: titles[k],
             on_change=clear_conflict, args=(P,))
cur_key = ss["adjudicate_current"]
target = target_of(cur_key)
item = by_key.get(cur_key)

# --- the item in hand ------------------------------------------------------------------------------------------
st.divider()
try:
    if target.kind is TargetKind.CLAIM:
        claim = store.claim(target.id).claim
        st.markdown(f"#### {escape_md(claim.outlet)} · {escape_md(short(claim.article_title, 90))}")
        with st.container(border=True, key="adjudicate_sentence"):
            st.markdown(sentence_markdown(claim))
        facts = (value_text(claim), qualifier_text(claim.qualifier), claim.kind.value, claim.noun or "")
        st.caption(" · ".join(escape_md(x) for x in facts if x))
    else:
        gd = store.group_detail(target.id)
        st.markdown(f"#### Group: {escape_md(short(gd.group.label, 100))}")
        st.dataframe({"outlet": [c.outlet for c in gd.claims], "figure": [c.surface for c in gd.claims],
                      "reads as": [value_text(c) for c in gd.claims], "sentence": [c.sentence for c in gd.claims]},
                     hide_index=True, width="stretch", key="adjudicate_group_claims")
except StoreError:
    st.warning("This item is no longer in the database (claims were regrouped); pick another.")
    st.stop()

final = store.final_verdict(target)
ss[wkey(P, "base", cur_key)] = final.version if final else 0
verdicts = [v for v in store.verdicts(target) if v.status is VerdictStatus.SUBMITTED]
show_conflict(P, "final verdict on this item")
if final:
    st.markdown(final_line(final))
if item and item.pending:
    st.caption("Still to submit: " + escape_md(", ".join(names.get(u, str(u)) for u in item.pending)))

if verdicts:
    cols = st.columns(min(len(verdicts), 4), gap="medium")
    for i, v in enumerate(verdicts):
        with cols[i % len(cols)].container(border=True, key=f"adjudicate_verdict_{v.id}"):
            st.markdown(f"**{escape_md(v.reviewer)}**")
            st.markdown(f"### {escape_md(v.label or 'no label')}")
            st.caption(f"submitted {escape_md(v.updated_at[:16].replace('T', ' '))} UTC · version {v.version}")
            st.markdown(f"“{escape_md(v.note)}”" if v.note else "_no note_")
            if v.sources:
                sources_list(v.sources)
            else:
                st.caption("no source")
            if v.label_id is not None:
                st.button(f"Accept {v.reviewer}'s verdict", key=f"adjudicate_accept_{v.id}", on_click=decide,
                          args=(target, v.label_id, v.id, f"Accepted {v.reviewer}'s verdict."),
                          icon=":material/check:", width="stretch")
else:
    st.caption("No submitted verdict on this item.")

st.markdown("##### " + ("Revise the final verdict" if final else "Or decide another verdict"))
lk = wkey(P, "label", cur_key)
st.pills("Final verdict", list(labels), format_func=labels.get, **drafted(lk))
st.text_input("Why (kept with the final verdict)", **drafted(wkey(P, "note", cur_key)))
st.button("Save final verdict", key="adjudicate_save", type="primary",
          on_click=decide_chosen, args=(target, lk), icon=":material/gavel:")

# --- recent decisions --------------------------------------------------------------------------------------------
with st.expander("Recent decisions"):
    if recent_finals:
        rows = list(reversed(recent_finals))
        st.dataframe({
            "when (UTC)": [e.at[:16].replace("T", " ") for e in rows],
            "by": [e.actor or "command line" for e in rows],
            "item": [team_ui.item_title(store, Target(TargetKind(e.after["target_kind"]), e.after["target_id"]),
                                        width=70) for e in rows],
            "final verdict": [e.after["label"] for e in rows],
            "version": [e.after["version"] for e in rows],
            "was": [(e.before or {}).get("label") or "" for e in rows],
        }, hide_index=True, width="stretch", key="adjudicate_recent")
    else:
        st.caption("No final verdict yet.")
