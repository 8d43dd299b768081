"""Groups: the same fact as told by several outlets, ordered for triage.

The table lists groups with the most outlets and the widest disagreement first. For the chosen group the
outlets' claims stand side by side with a chart of their spread. One verdict covers the whole group, with
exceptions for single claims; the final verdict is shared and version-checked, so two people cannot
overwrite each other unseen. Merging two groups and splitting claims out are stored as reviewer overrides.

In team mode a reviewer sees the groups assigned to them, saves a draft or submits (then the verdict is
locked and the other reviewers' verdicts are shown: blind review); final verdicts, merging and splitting are
for leads.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui import resources
from ui.charts import frame_height, spread_chart
from ui.session import desk
from ui.text import (
    escape_md,
    figures_by_outlet,
    format_number,
    group_title,
    qualifier_text,
    screen_message,
    short,
    status_text,
    value_text,
)
from ui.widgets import (
    clear_conflict,
    clear_source_form,
    drafted,
    final_line,
    flash,
    forget,
    only_this_item,
    remember_conflict,
    server_drafts,
    show_conflict,
    show_flash,
    source_form,
    source_input,
    sources_list,
    verdict_line,
    wkey,
)
from ui.widgets import TYPING
from workbench.auth import Action
from workbench.errors import StoreError, WorkbenchError
from workbench.models import Kind, LinkKind, Override
from workbench.review import StaleSaveError
from workbench.store import ClaimStatus, GroupFilter, GroupRow, Target, VerdictStatus

P = "groups"
PAGE_SIZE = 50
ANY = ""
SAME = 0  # "same as the group" in the per-claim exception pickers
# the fields kept on the server as the reviewer's draft of the group verdict while they type
DRAFT_FIELDS = ("note", "src_url", "src_figure", "src_unit", "src_as_of", "src_note", "final_note")

store = resources.store()
me = desk(store)
ss = st.session_state


def group_filter() -> GroupFilter:
    kind = ss.get("groups_f_kind") or None
    status = ss.get("groups_f_status") or None
    mine = me.user is not None and (me.blind or bool(ss.get("groups_f_mine")))
    return GroupFilter(
        outlet=ss.get("groups_f_outlet") or None, kind=Kind(kind) if kind else None,
        status=ClaimStatus(status) if status else None, discrepant_only=bool(ss.get("groups_f_discrepant")),
        min_outlets=int(ss.get("groups_f_min_outlets", 2)),
        assigned_to=me.user.id if mine and me.user else None,
        status_for=me.user.id if mine and me.drafts and me.user else None,
        text=(ss.get("groups_f_text") or "").strip() or None,
    )


def reset() -> None:
    ss["groups_page"] = 0
    ss["groups_current"] = None
    clear_conflict(P)


def pick_row(table_key: str) -> None:
    sel = ss.get(table_key)
    rows = sel["selection"]["rows"] if sel else []
    ids = ss.get("groups_page_ids", [])
    if rows and rows[0] < len(ids):
        ss["groups_current"] = ids[rows[0]]
        clear_conflict(P)
    ss["groups_table_gen"] = ss.get("groups_table_gen", 0) + 1


def turn_page(delta: int) -> None:
    ss["groups_page"] = max(0, ss.get("groups_page", 0) + delta)
    ss["groups_current"] = None


def fmt_range(g: GroupRow) -> str:
    unit = f"{g.currency} " if g.currency else ""
    tail = "%" if g.kind is Kind.PERCENT else (f" {g.unit}" if g.unit else "")
    if g.min_value == g.max_value:
        return f"{unit}{format_number(g.min_value)}{tail}"
    return f"{unit}{format_number(g.min_value)}–{format_number(g.max_value)}{tail}"


# --- writes ----------------------------------------------------------------------------------------------

def save_group_verdict(group_id: str, claim_ids: list[str], submit: bool = True) -> None:
    label = ss.get(wkey(P, "label", group_id))
    if label is None:
        flash(P, "error", "Choose a verdict for the group first.")
        return
    target = Target.group(group_id)
    try:
        src = source_input(P, group_id)
        me.save_verdict(target, label, note=ss.get(wkey(P, "note", group_id), "") or "", submit=submit,
                        expected_version=ss.get(wkey(P, "base", group_id), 0))
        if src is not None:
            me.add_source(target, src)
        n_exc = 0
        for cid in claim_ids:
            exc_label = ss.get(wkey(P, "except", group_id, cid), SAME)
            if exc_label and exc_label != label:
                me.save_verdict(Target.claim(cid), exc_label, submit=submit,
                                note=f"Exception to the group verdict. {ss.get(wkey(P, 'note', group_id), '')}".strip(),
                                expected_version=ss.get(wkey(P, "cbase", group_id, cid), 0))
                n_exc += 1
    except StaleSaveError as exc:
        remember_conflict(P, exc, "your verdict on this group")
        return
    except WorkbenchError as exc:
        flash(P, "error", f"Not saved: {escape_md(screen_message(str(exc)))}")
        return
    clear_conflict(P)
    clear_source_form(P, group_id)
    forget(wkey(P, "note", group_id))  # saved: the form shows the stored note, the server's draft is gone
    what = "Saved" if not me.drafts else "Submitted" if submit else "Saved a draft of"
    flash(P, "success", f"{what} your verdict on the whole group"
                        + (f", with {n_exc} exception(s)." if n_exc else "."))


def save_final(group_id: str) -> None:
    label = ss.get(wkey(P, "final_label", group_id))
    if label is None:
        flash(P, "error", "Choose the final verdict first.")
        return
    try:
        f = me.save_final(Target.group(group_id), label, note=ss.get(wkey(P, "final_note", group_id), "") or "",
                          expected_version=ss.get(wkey(P, "final_base", group_id), 0))
    except StaleSaveError as exc:
        remember_conflict(P, exc, "final verdict on this group")
        return
    except WorkbenchError as exc:
        flash(P, "error", f"Not saved: {escape_md(screen_message(str(exc)))}")
        return
    clear_conflict(P)
    forget(wkey(P, "final_note", group_id))
    flash(P, "success", f"Final verdict saved: **{escape_md(f.label)}** (version {f.version}).")


def split_out(group_id: str, claim_ids: list[str]) -> None:
    out = ss.get(wkey(P, "split", group_id)) or []
    rest = [c for c in claim_ids if c not in out]
    if not out or not rest:
        flash(P, "error", "Choose some, but not all, of the group's claims to split out.")
        return
    links = [Override(LinkKind.CANNOT, a, b) for a in out for b in rest]
    try:
        rep = me.add_overrides(links)
    except WorkbenchError as exc:
        flash(P, "error", f"Not split: {escape_md(screen_message(str(exc)))}")
        return
    ss["groups_current"] = None
    flash(P, "success", f"Split {len(out)} claim(s) out of the group ({rep.groups:,} groups now"
                        + (f"; {rep.verdicts_carried} verdict(s) followed their claims" if rep.verdicts_carried else "")
                        + ").")


def merge_with(group_id: str, representative: str) -> None:
    other = ss.get(wkey(P, "merge", group_id))
    if not other:
        flash(P, "error", "Choose the group to merge with.")
        return
    try:
        other_rep = store.group_detail(other).group.representative
        rep = me.add_overrides([Override(LinkKind.MUST, representative, other_rep)])
    except WorkbenchError as exc:
        flash(P, "error", f"Not merged: {escape_md(screen_message(str(exc)))}")
        return
    ss["groups_current"] = None
    flash(P, "success", f"Merged the two groups ({rep.groups:,} groups now).")


def review_claims(group_id: str) -> None:
    ss["review_f_group"] = group_id
    ss["review_f_status"] = ANY
    ss["review_page"] = 0
    ss["review_current"] = None


# --- the screen ------------------------------------------------------------------------------------------

st.title("Groups")
st.caption("One quantity of one story across outlets. Discrepant groups first, widest spread first.")
show_flash(P)
scale = store.default_scale()
labels = {lab.id: lab.label for lab in scale.labels}

with st.expander("Filters"):
    c = st.columns([2, 2, 2, 2])
    c[0].selectbox("Outlet", [ANY, *store.outlets()], key="groups_f_outlet", on_change=reset,
                   format_func=lambda o: o or "All outlets", persist_state="session")
    c[1].selectbox("Kind", [ANY, *[k.value for k in Kind]], key="groups_f_kind", on_change=reset,
                   format_func=lambda k: k or "All kinds", persist_state="session")
    c[2].selectbox("Status", [ANY, *[s.value for s in ClaimStatus]], key="groups_f_status", on_change=reset,
                   format_func=lambda s: status_text(s) if s else "Any status", persist_state="session")
    c[3].number_input("At least this many outlets", min_value=1, max_value=50, value=2, step=1,
                      key="groups_f_min_outlets", on_change=reset, persist_state="session")
    d = st.columns([4, 2, 2])
    d[0].text_input("Text", key="groups_f_text", on_change=reset, persist_state="session",
                    placeholder="words in a sentence or in the group's label")
    d[1].checkbox("Discrepant only", key="groups_f_discrepant", on_change=reset, persist_state="session")
    if me.blind:
        d[2].caption("Your queue: the groups assigned to you.")
    else:
        d[2].checkbox("Assigned to me", key="groups_f_mine", on_change=reset, persist_state="session",
                      disabled=me.user is None)

page = ss.get("groups_page", 0)
flt = group_filter()
rows, total = store.groups_page(flt, page * PAGE_SIZE, PAGE_SIZE)
if not rows and page > 0:
    page = ss["groups_page"] = 0
    rows, total = store.groups_page(flt, 0, PAGE_SIZE)
ids = [g.id for g in rows]
ss["groups_page_ids"] = ids

current = ss.get("groups_current")
if current is None and ids:
    current = ss["groups_current"] = ids[0]
if current is None:
    if me.blind:
        st.info("No group assigned to you matches. A lead assigns groups on the **Assign** screen; groups of a "
                "single outlet show with \"At least this many outlets\" set to 1.")
    else:
        st.info("No groups match. Import articles, or loosen the filters (fewer outlets, any status).")
    st.stop()

readonly = me.blind and current not in ids  # opened from a claim, but not assigned: read, not judged
try:
    detail = me.group(current)  # what this reader may see of its verdicts (blind review in the read)
except StoreError:
    # regrouped by somebody meanwhile: the group's claims now live in other groups
    flash(P, "info", "That group changed since it was shown (claims were merged or split); pick again.")
    ss["groups_current"] = None
    st.rerun()
g = detail.group

st.caption(f"{total:,} group(s) · page {page + 1} of {max(1, -(-total // PAGE_SIZE)):,}")
table_key = f"groups_table_{ss.get('groups_table_gen', 0)}"
st.dataframe(
    {
        " ": ["▶" if r.id == g.id else "" for r in rows],
        "what is measured": [short(group_title(r.quantity, r.label), 60) for r in rows],
        "outlets": [r.n_outlets for r in rows],
        "claims": [r.size for r in rows],
        "figures": [fmt_range(r) for r in rows],
        "spread %": [round(r.spread_pct, 1) for r in rows],
        "discrepant": ["yes" if r.discrepant else "" for r in rows],
        # where the group's review stands, following its claims' verdicts too (the one rule of the library)
        "status": [status_text(r.review) + (f": {r.final_label}" if r.final_label and not me.blind else "")
                   for r in rows],
    },
    key=table_key, on_select=partial(pick_row, table_key), selection_mode="single-row", hide_index=True,
    height=min(320, 38 + 35 * max(1, len(rows))), width="stretch",
)
pc = st.columns([1, 1, 4])
pc[0].button("◀ Previous page", key="groups_prev_page", on_click=turn_page, args=(-1,), disabled=page == 0)
pc[1].button("Next page ▶", key="groups_next_page", on_click=turn_page, args=(1,),
             disabled=(page + 1) * PAGE_SIZE >= total)

st.divider()
st.markdown(f"### {escape_md(short(group_title(g.quantity, g.label), 100))}")
st.caption(" · ".join([
    *([f"as first read: {escape_md(short(g.label, 60))}"] if g.quantity else []),
    f"{g.size} claims from {g.n_outlets} outlet(s)", f"figures {escape_md(fmt_range(g))}",
    f"spread {g.spread_pct:.1f}% of the median", "**discrepant**" if g.discrepant else "figures agree",
    *([] if me.blind else [status_text(g.review)]),  # in blind review everybody's status would tell too much
]))

st.dataframe(
    {
        "outlet": [c.outlet for c in detail.claims],
        "figure": [c.surface for c in detail.claims],
        "reads as": [value_text(c) for c in detail.claims],
        "measures": [c.quantity or "" for c in detail.claims],
        "source": [c.attribution or "" for c in detail.claims],
        "qualifier": [qualifier_text(c.qualifier) for c in detail.claims],
        "date": [c.published or "" for c in detail.claims],
        "sentence": [c.sentence for c in detail.claims],
    },
    key="groups_claims", hide_index=True, width="stretch",
    column_config={"sentence": st.column_config.TextColumn(width="large")},
)
side = figures_by_outlet(detail.claims)
st.markdown("**The outlets' figures**")
cols = st.columns(min(len(side), 6) or 1)
for k, (outlet, figure, source) in enumerate(side):
    with cols[k % len(cols)].container(border=True, key=f"groups_side_{k}"):
        st.text(outlet)  # st.text: never Markdown, never HTML
        st.text(figure)
        st.caption(f"source: {escape_md(source)}" if source else "source: not named")
chart = spread_chart(detail.claims, g)
st.altair_chart(chart, width="stretch", height=frame_height(chart), key="groups_spread")

b1, b2 = st.columns([2, 3])
if b1.button("Review its claims one by one", key="groups_review_claims", on_click=review_claims, args=(g.id,)):
    st.switch_page("app_pages/review.py")

own = next((v for v in detail.verdicts if me.user and v.reviewer_id == me.user.id), None)
ss[wkey(P, "base", g.id)] = own.version if own else 0
own_claim = {v.target.id: v for v in detail.claim_verdicts if me.user and v.reviewer_id == me.user.id}
for c in detail.claims:
    ss[wkey(P, "cbase", g.id, c.id)] = own_claim[c.id].version if c.id in own_claim else 0
ss[wkey(P, "final_base", g.id)] = detail.final.version if detail.final else 0
view = me.review_view(Target.group(g.id))  # team mode: what blind review lets this user see
shown_final = detail.final if view is None else view.final
locked = me.blind and own is not None and own.status is VerdictStatus.SUBMITTED

vcol, fcol = st.columns(2, gap="large")
with vcol:
    st.markdown("##### Your verdict on the whole group")
    if me.user is None:
        st.info("Choose who is reviewing in the sidebar to save verdicts.", icon=":material/person:")
    show_conflict(P, "your verdict on this group")
    others = [v for v in me.visible_verdicts(detail.verdicts) if not me.user or v.reviewer_id != me.user.id]
    by_claim = {c.id: c for c in detail.claims}
    exceptions = me.visible_verdicts(detail.claim_verdicts)
    if view is not None and view.blind:
        st.caption(":material/visibility_off: Blind review: other reviewers' verdicts stay hidden until you "
                   "submit yours.")
    if locked:
        st.success("Your verdict on this group is submitted and locked; a lead settles disagreements.",
                   icon=":material/lock:")
    if readonly:
        st.info("This group is not in your queue: you can read it, not judge it.", icon=":material/visibility:")
    own_exceptions = [v for v in detail.claim_verdicts if me.user and v.reviewer_id == me.user.id]
    exceptions = [v for v in exceptions if v not in own_exceptions]
    if own is not None or others or exceptions or own_exceptions:
        with st.container(border=True, key="groups_saved_so_far"):
            st.caption("Saved so far")
            if own is not None:  # the verdict just saved is listed, like everyone else's
                st.markdown("Yours: " + verdict_line(own))
            for v in own_exceptions:
                c = by_claim.get(v.target.id)
                st.markdown("Yours: " + verdict_line(v, scope=f"only {c.outlet}: {c.surface}" if c else "one claim"))
            for v in others:
                st.markdown(verdict_line(v))
            for v in exceptions:
                c = by_claim.get(v.target.id)
                st.markdown(verdict_line(v, scope=f"only {c.outlet}: {c.surface}" if c else "one claim"))
    label_key = wkey(P, "label", g.id)
    label_args = drafted(label_key)
    if label_key not in ss and own is not None and own.label_id is not None:
        ss[label_key] = own.label_id
    st.pills("Verdict", list(labels), format_func=labels.get, wrap=True, width="stretch", **label_args)
    note_key = wkey(P, "note", g.id)
    # what is typed and not saved is the user's draft on the server too: back after a reload or a crash
    server_drafts(me.user.id if me.user else None, Target.group(g.id),
                  {name: wkey(P, name, g.id) for name in DRAFT_FIELDS}, dates=("src_as_of",))
    only_this_item(P, g.id, [*(wkey(P, name, g.id) for name in (*DRAFT_FIELDS, "label", "final_label", "split", "merge")),
                             *(wkey(P, "except", g.id, c.id) for c in detail.claims)],
                   derived=[wkey(P, "base", g.id), wkey(P, "final_base", g.id),
                            *(wkey(P, "cbase", g.id, c.id) for c in detail.claims)], unchosen=SAME)
    note_args = drafted(note_key)
    if note_key not in ss and own is not None:
        ss[note_key] = own.note
    st.text_area("Note", height=68, **note_args)
    with st.expander("Source"):
        if own is not None and own.sources:
            sources_list(own.sources)
        rep = next((c for c in detail.claims if c.id == g.representative), detail.claims[0])
        source_form(P, g.id, rep.value, rep.unit, rep.currency)
    with st.expander("Exceptions: claims that deserve another verdict"):
        for c in detail.claims:
            k = wkey(P, "except", g.id, c.id)
            exc_args = drafted(k)
            if k not in ss and c.id in own_claim and own_claim[c.id].label_id is not None:
                ss[k] = own_claim[c.id].label_id
            st.selectbox(escape_md(f"{c.outlet}: {c.surface}"), [SAME, *labels],
                         format_func=lambda x: "same as the group" if x == SAME else labels[x], **exc_args)
    claim_ids = [c.id for c in detail.claims]
    if me.drafts:
        with st.container(horizontal=True, gap="small"):
            st.button("Submit group verdict", key="groups_submit_verdict", type="primary",
                      on_click=save_group_verdict, args=(g.id, claim_ids, True),
                      disabled=me.user is None or locked or readonly,
                      help="Submitted verdicts are locked; the other reviewers' verdicts are then shown.")
            st.button("Save draft", key="groups_save_draft", on_click=save_group_verdict,
                      args=(g.id, claim_ids, False), disabled=me.user is None or locked or readonly,
                      type="tertiary",
                      icon=":material/save:")
    else:
        st.button("Save group verdict", key="groups_save_verdict", type="primary", on_click=save_group_verdict,
                  args=(g.id, claim_ids), disabled=me.user is None)

with fcol:
    st.markdown("##### Final verdict")
    if not me.can(Action.SAVE_FINAL_VERDICT):
        st.caption("Decided by a lead once the reviewers have submitted.")
        if shown_final:
            st.markdown(final_line(shown_final))
    else:
        st.caption("The verdict the desk publishes; a save based on an older version is refused. "
                   + me.who_decides_finals)
        show_conflict(P, "final verdict on this group")
        if detail.final:
            st.markdown(final_line(detail.final))
        else:
            st.caption("No final verdict yet.")
        fk = wkey(P, "final_label", g.id)
        final_args = drafted(fk)
        st.selectbox("Final verdict", list(labels), format_func=labels.get, placeholder="Choose…",
                     **({} if fk in ss else {"index": None}), **final_args)
        st.text_input("Why", live=TYPING, **drafted(wkey(P, "final_note", g.id)))
        st.button("Save final verdict", key="groups_save_final", on_click=save_final, args=(g.id,),
                  disabled=me.user is None)

if me.can(Action.REGROUP):  # team mode: regrouping changes every reviewer's items, so leads and admins do it
    with st.expander("Merge or split"):
        st.caption("Stored as reviewer overrides: regrouping keeps them, and verdicts follow their claims.")
        names = {c.id: f"{c.outlet}: {c.surface} — {short(c.sentence, 60)}" for c in detail.claims}
        st.multiselect("Claims that state a different fact", list(names), format_func=names.get,
                       key=wkey(P, "split", g.id))
        st.button("Split them out", key="groups_split", on_click=split_out, args=(g.id, list(names)),
                  disabled=me.user is None or len(names) < 2)
        same_kind, _ = store.groups_page(GroupFilter(kind=g.kind), 0, 200)
        others_g = {o.id: f"{short(o.label, 50)} · {fmt_range(o)} · {', '.join(o.outlets)[:60]}"
                    for o in same_kind if o.id != g.id}
        st.selectbox("Group stating the same fact", list(others_g), index=None, format_func=others_g.get,
                      key=wkey(P, "merge", g.id), placeholder="Choose a group of the same kind…")
        st.button("Merge with this group", key="groups_merge", on_click=merge_with,
                  args=(g.id, g.representative), disabled=me.user is None)
