"""Review: work through a queue of claims, one at a time, with the keyboard.

The queue is filtered and paged in the database (outlet, story, group, kind, status, discrepant only,
assigned to me, free text). For the claim in hand the screen shows its sentence with the number marked,
the typed value, qualifier, noun and attribution, and the article around it. A verdict key (or click) saves
the verdict, with the note and source typed so far, and moves to the next claim. What is typed stays in
the form across reruns and page switches until it is saved, and is kept as the reviewer's draft in the
database as they type, so a reload, a crash or another replica brings it back. A save made stale by a change elsewhere is
refused, shows that change, and keeps the input.

In team mode a reviewer's queue is what was assigned to them, and review is blind: other reviewers' verdicts
(and corrections) stay hidden until the reviewer submits their own. A verdict key then only chooses (saved
as a private draft); S submits it, locks it, and moves on.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from ui import resources
from ui.keys import review_keys
from ui.session import desk, keep_prefs
from ui.text import (
    QUEUE_CONTEXT,
    around_figure,
    context_paragraphs,
    escape_md,
    next_after,
    qualifier_text,
    screen_message,
    sentence_markdown,
    short,
    status_text,
    quantity_text,
    value_text,
)
from ui.widgets import (
    clear_conflict,
    clear_source_form,
    drafted,
    final_line,
    flash,
    flash_again,
    flash_done,
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
from workbench.errors import StoreError, WorkbenchError
from workbench.models import Kind
from workbench.review import StaleSaveError
from workbench.store import ClaimFilter, ClaimRow, ClaimStatus, Target, VerdictStatus

P = "review"
PAGE_SIZE = 50
STORY_LIST_LIMIT = 500
ANY = ""
STATUS_OPTIONS = [ANY, *[s.value for s in ClaimStatus]]
FILTER_KEYS = ("review_f_outlet", "review_f_story", "review_f_kind", "review_f_status", "review_f_text",
               "review_f_discrepant", "review_f_mine")
DRAFT_FIELDS = ("note", "src_url", "src_figure", "src_unit", "src_as_of", "src_note", "fix_low", "fix_high",
                "fix_unit", "fix_noun", "fix_not_claim", "fix_note")

store = resources.store()
me = desk(store)
ss = st.session_state


# --- the queue -------------------------------------------------------------------------------------------

def own_queue() -> bool:
    """The claims assigned to the user: always for a team-mode reviewer, else when "Assigned to me" is on."""
    return me.user is not None and (me.blind or bool(ss.get("review_f_mine")))


def queue_filter() -> ClaimFilter:
    kind = ss.get("review_f_kind") or None
    status = ss.get("review_f_status", ClaimStatus.UNREVIEWED.value) or None
    mine = own_queue()
    return ClaimFilter(
        outlet=ss.get("review_f_outlet") or None,
        article_id=ss.get("review_f_story") or None,
        group_id=ss.get("review_f_group") or None,
        kind=Kind(kind) if kind else None,
        status=ClaimStatus(status) if status else None,
        discrepant_only=bool(ss.get("review_f_discrepant")),
        assigned_to=me.user.id if mine and me.user else None,
        # in team mode "status" in one's own queue is one's own: other reviewers' work never moves it
        status_for=me.user.id if mine and me.drafts and me.user else None,
        text=(ss.get("review_f_text") or "").strip() or None,
    )


def reset_queue() -> None:
    ss["review_page"] = 0
    ss["review_current"] = None
    clear_conflict(P)


def clear_group_filter() -> None:
    ss["review_f_group"] = None
    reset_queue()


TRAIL = "review_trail"  # the claims left, newest last: K goes back along it


def go(claim_id: str | None, page: int | None = None, *, back: bool = False) -> None:
    if page is not None:
        ss["review_page"] = page
    cur = ss.get("review_current")
    if not back and cur is not None and claim_id != cur:
        ss[TRAIL] = [*ss.get(TRAIL, [])[-49:], cur]
    ss["review_current"] = claim_id
    clear_conflict(P)


def advance(current: str) -> None:
    """Move to the claim after ``current`` in the queue as it stands after the save."""
    page = ss.get("review_page", 0)
    before = ss.get("review_page_ids", [])
    after = store.claim_ids_page(queue_filter(), page * PAGE_SIZE, PAGE_SIZE + 1)
    nxt = next_after(before, after, current)
    if nxt is None:
        flash(P, "info", "That was the last claim in this queue.")
        go(current)
        return
    go(nxt, page + 1 if after.index(nxt) >= PAGE_SIZE else page)


def step(delta: int) -> None:
    """Move ``delta`` claims along the queue (across pages), as J / K do."""
    for _ in range(abs(delta)):
        if not _step1(1 if delta > 0 else -1):
            break


def _step1(delta: int) -> bool:
    if delta < 0 and ss.get(TRAIL):  # back to the claim left last, even one that has left the queue since
        trail = ss[TRAIL]
        go(trail.pop(), back=True)
        ss[TRAIL] = trail
        return True
    ids = ss.get("review_page_ids", [])
    cur = ss.get("review_current")
    page = ss.get("review_page", 0)
    i = ids.index(cur) if cur in ids else 0
    j = i + delta
    if 0 <= j < len(ids):
        go(ids[j])
        return True
    if j >= len(ids) and len(ids) == PAGE_SIZE:
        nxt = store.claim_ids_page(queue_filter(), (page + 1) * PAGE_SIZE, PAGE_SIZE)
        if nxt:
            ss["review_page_ids"] = nxt
            go(nxt[0], page + 1)
            return True
    elif j < 0 and page > 0:
        prev = store.claim_ids_page(queue_filter(), (page - 1) * PAGE_SIZE, PAGE_SIZE)
        if prev:
            ss["review_page_ids"] = prev
            go(prev[-1], page - 1)
            return True
    return False


KEYS = "review_keys"
MOVES_APPLIED = "review_moves_applied"


def key_moves() -> None:
    """J / K: move by the presses counted since the last move applied (none lost during a rerun)."""
    moves = (ss.get(KEYS) or {}).get("moves")
    if not isinstance(moves, int):
        return
    delta = moves - ss.get(MOVES_APPLIED, 0)
    ss[MOVES_APPLIED] = moves
    if delta:
        step(delta)


def key_press() -> None:
    """A verdict key or S: applied to the claim it was pressed on, at the version shown then, only if that
    is still what is on screen; a press made while the next claim was loading is dropped."""
    press = (ss.get(KEYS) or {}).get("press")
    if not isinstance(press, dict):
        return
    claim_id, version, action = press.get("claim"), press.get("version"), press.get("action")
    if claim_id != ss.get("review_current") or version != ss.get(wkey(P, "base", claim_id or "")):
        flash_again(P)  # pressed on what was on screen before: nothing changes, the last message stays
        return
    if action == "submit":
        label = ss.get("review_keep_label")
        if label is not None and me.drafts:
            save(claim_id, label, True, True)
        return
    if isinstance(action, int) and not ss.get("review_locked"):
        save(claim_id, action, not me.drafts, not me.drafts)


def pick_row(table_key: str) -> None:
    sel = ss.get(table_key)
    rows = sel["selection"]["rows"] if sel else []
    ids = ss.get("review_page_ids", [])
    if rows and rows[0] < len(ids):
        go(ids[rows[0]])
    ss["review_queue_gen"] = ss.get("review_queue_gen", 0) + 1  # a fresh table: no row stays ticked


def turn_page(delta: int) -> None:
    page = max(0, ss.get("review_page", 0) + delta)
    first = store.claim_ids_page(queue_filter(), page * PAGE_SIZE, 1)
    if first:
        go(first[0], page)


# --- saving ----------------------------------------------------------------------------------------------

def save(claim_id: str, label: int | None, submit: bool, then_next: bool) -> None:
    target = Target.claim(claim_id)
    note = ss.get(wkey(P, "note", claim_id), "") or ""
    try:
        src = source_input(P, claim_id)
        saved = me.save_verdict(target, label, note=note, submit=submit,
                                expected_version=ss.get(wkey(P, "base", claim_id), 0))
        if src is not None:
            me.add_source(target, src)
    except StaleSaveError as exc:
        remember_conflict(P, exc, "verdict on this claim")
        ss[wkey(P, "base", claim_id)] = exc.current.version if exc.current is not None else 0
        return
    except WorkbenchError as exc:
        flash(P, "error", f"Not saved: {escape_md(screen_message(str(exc)))}")
        return
    clear_conflict(P)
    clear_source_form(P, claim_id)
    forget(wkey(P, "note", claim_id))
    what = f"**{escape_md(saved.label)}**" if saved.label else "a draft"
    flash(P, "success", f"Saved {what} ({'submitted' if submit else 'draft'}) for "
                        f"“{escape_md(short(ss.get('review_surface', claim_id), 40))}”.")
    if then_next:
        advance(claim_id)


def add_source_only(claim_id: str) -> None:
    """Team mode, a submitted (locked) verdict: a source documents it without changing it."""
    target = Target.claim(claim_id)
    try:
        src = source_input(P, claim_id)
        if src is None:
            flash(P, "error", "Type the source's URL first.")
            return
        me.add_source(target, src)
    except WorkbenchError as exc:
        flash(P, "error", f"Not saved: {escape_md(screen_message(str(exc)))}")
        return
    clear_source_form(P, claim_id)
    flash(P, "success", "Source added to your submitted verdict.")


def save_correction(claim_id: str) -> None:
    def num(name: str) -> float | None:
        from ui.text import parse_figure

        return parse_figure(ss.get(wkey(P, name, claim_id)) or "")

    try:
        try:
            low, high = num("fix_low"), num("fix_high")
        except ValueError as exc:
            from workbench.errors import InputError

            raise InputError("corrected value", str(exc)) from None
        me.record_correction(
            claim_id, low=low, high=high,
            unit=(ss.get(wkey(P, "fix_unit", claim_id)) or "").strip() or None,
            noun=(ss.get(wkey(P, "fix_noun", claim_id)) or "").strip() or None,
            not_a_claim=bool(ss.get(wkey(P, "fix_not_claim", claim_id))),
            note=(ss.get(wkey(P, "fix_note", claim_id)) or "").strip(),
            expected_version=ss.get(wkey(P, "fix_base", claim_id), 0),
        )
    except WorkbenchError as exc:
        flash(P, "error", f"Correction not saved: {escape_md(screen_message(str(exc)))}")
        return
    forget(*(wkey(P, name, claim_id) for name in ("fix_low", "fix_high", "fix_unit", "fix_noun", "fix_not_claim",
                                                   "fix_note")))
    flash(P, "success", "Correction recorded.")


def open_group(group_id: str) -> None:
    ss["groups_current"] = group_id


# --- the screen ------------------------------------------------------------------------------------------

st.title("Review")
show_flash(P, until_done=True)

scale = store.default_scale()
outlets = store.outlets()

# the expanders draw what is inside them only while open: a closed one costs a rerun nothing, and the widgets
# in it keep their values in the session (persist_state) while they are not drawn
filters = st.expander("Queue filters", key="review_filters_open", on_change="rerun")
if filters.open:
    with filters:
        c = st.columns([2, 3, 2, 2])
        c[0].selectbox("Outlet", [ANY, *outlets], key="review_f_outlet", on_change=reset_queue,
                       format_func=lambda o: o or "All outlets", persist_state="session")
        chosen_outlet = ss.get("review_f_outlet") or None
        stories = store.articles_index(outlet=chosen_outlet, limit=STORY_LIST_LIMIT + 1)
        story_ids = [a.id for a in stories[:STORY_LIST_LIMIT]]
        titles = {a.id: f"{a.title} — {a.outlet}" + (f", {a.published}" if a.published else "") for a in stories}
        if ss.get("review_f_story") and ss["review_f_story"] not in titles:
            ss["review_f_story"] = ANY
        c[1].selectbox("Story", [ANY, *story_ids], key="review_f_story", on_change=reset_queue,
                       format_func=lambda a: short(titles.get(a, a), 70) if a else "All stories",
                       help=("Only the newest stories are listed; choose an outlet to narrow the list."
                             if len(stories) > STORY_LIST_LIMIT else None), persist_state="session")
        c[2].selectbox("Kind", [ANY, *[k.value for k in Kind]], key="review_f_kind", on_change=reset_queue,
                       format_func=lambda k: k or "All kinds", persist_state="session")
        c[3].selectbox("Status", STATUS_OPTIONS, index=1, key="review_f_status", on_change=reset_queue,
                       format_func=lambda s: status_text(s) if s else "Any status", persist_state="session")
        d = st.columns([4, 2, 2])
        d[0].text_input("Text", key="review_f_text", on_change=reset_queue, persist_state="session",
                        placeholder="words in the sentence, figure, noun or headline")
        d[1].checkbox("Discrepant groups only", key="review_f_discrepant", on_change=reset_queue,
                      persist_state="session")
        if not me.blind:
            d[2].checkbox("Assigned to me", key="review_f_mine", on_change=reset_queue, persist_state="session",
                          disabled=me.user is None)

if me.blind:
    st.caption("Your queue: the claims, groups and stories assigned to you.")
keep_prefs(FILTER_KEYS)  # this browser's filters, back after a reload

if ss.get("review_f_group"):
    g1, g2 = st.columns([5, 1])
    g1.info("Showing the claims of one group.", icon=":material/join_inner:")
    g2.button("Show all groups", key="review_clear_group", on_click=clear_group_filter)

flt = queue_filter()
page = ss.get("review_page", 0)
rows, total = store.claims_page(flt, page * PAGE_SIZE, PAGE_SIZE)
if not rows and page > 0:
    page = ss["review_page"] = 0
    rows, total = store.claims_page(flt, 0, PAGE_SIZE)
ids = [r.id for r in rows]
ss["review_page_ids"] = ids

current_id = ss.get("review_current")
if current_id is None and ids:
    current_id = ss["review_current"] = ids[0]

if not ids and current_id is None:
    if store.counts()["claims"] == 0:
        st.info("No claims yet. Import articles on the **Import** screen to start.")
    elif me.blind and not store.assignments(user_id=me.user.id):
        st.info("Nothing is assigned to you yet. A lead assigns claims, groups and stories on the **Assign** "
                "screen.", icon=":material/assignment_ind:")
    else:
        st.success("Nothing left in this queue. Change the filters (status, outlet, story) to see more.")
    flash_done(P)
    st.stop()

try:
    detail = me.claim(current_id) if current_id else None
except StoreError:
    detail = None
if detail is None:
    current_id = ss["review_current"] = ids[0] if ids else None
    detail = me.claim(current_id) if current_id else None
    if detail is None:
        st.stop()
claim: ClaimRow = detail.claim
ss["review_surface"] = claim.surface

# Team mode: what the library lets this user see of other people's verdicts (blind review)
view = me.review_view(Target.claim(claim.id))
group_view = me.review_view(Target.group(claim.group_id)) if view is not None and claim.group_id else None
final = detail.final if view is None else view.final
group_final = detail.group_final if view is None else (group_view.final if group_view else None)
hidden = bool(view and view.blind) or bool(group_view and group_view.blind)

pos = ids.index(claim.id) + 1 + page * PAGE_SIZE if claim.id in ids else None
n_pages = max(1, -(-total // PAGE_SIZE))

left, right = st.columns([8, 5], gap="large")

# --- left: the queue ------------------------------------------------------------------------------------
with left:
    st.caption(f"{total:,} claim(s) in this queue · page {page + 1} of {n_pages:,}"
               + (f" · this is claim {pos:,}" if pos else " · the claim shown has left this queue"))
    table_key = f"review_queue_{ss.get('review_queue_gen', 0)}"
    table = {  # the figure and its outlet first, each whole, then the words around the figure
        # the claim on screen is marked in its figure's cell: a column of its own would cost the width that
        # lets the outlet show whole in a 1,280-pixel window
        "figure": [("▶ " if r.id == claim.id else "") + " ".join(r.surface.split()) for r in rows],
        "outlet": [r.outlet for r in rows],
        # about what the column shows (some 30 characters): the words either side of the figure, not the
        # sentence's opening, which two claims of one sentence share (a headline from a body reads apart too)
        "sentence": [around_figure(r, QUEUE_CONTEXT, before_at_most=QUEUE_CONTEXT // 2) for r in rows],
    }

    def fit(values: list[str], least: int = 60, most: int = 260) -> int:
        """A column wide enough to show its longest value whole (about 7 px a character)."""
        return max(least, min(most, int(7 * max((len(v) for v in values), default=0)) + 20))

    if not flt.status:
        table["status"] = [status_text(r.status) for r in rows]
    st.dataframe(
        table,
        key=table_key, on_select=partial(pick_row, table_key), selection_mode="single-row",
        hide_index=True, height=min(560, 38 + 35 * max(1, len(rows))), width="stretch",
        column_config={
            "figure": st.column_config.TextColumn(width=fit(table["figure"])),
            "outlet": st.column_config.TextColumn(width=fit(table["outlet"])),
            "sentence": st.column_config.TextColumn(width="medium"),
            "status": st.column_config.TextColumn(width="small"),
        },
    )
    b = st.columns(2)
    b[0].button("◀ Previous page", key="review_prev_page", on_click=turn_page, args=(-1,), disabled=page == 0,
                width="stretch")
    b[1].button("Next page ▶", key="review_next_page", on_click=turn_page, args=(1,),
                disabled=(page + 1) * PAGE_SIZE >= total, width="stretch")

# --- right: the claim in hand ---------------------------------------------------------------------------
with right:
    head = f"{escape_md(claim.outlet)} · {escape_md(short(claim.article_title, 90))}"
    st.markdown(f"#### {head}")
    # blind review: the status shown is the reviewer's own (the queue's), never what others have done
    status = next((r.status for r in rows if r.id == claim.id), None) if me.blind else claim.status
    meta = [escape_md(claim.published) if claim.published else "no date", *([status_text(status)] if status else [])]
    if claim.final_label and (final or group_final):
        meta.append(f"final: {escape_md(claim.final_label)}")
    st.caption(" · ".join(meta))

    with st.container(border=True, key="review_sentence"):
        st.markdown(sentence_markdown(claim))

    facts = [
        ("Figure", value_text(claim)),
        ("Measures", quantity_text(claim) if claim.quantity else "—"),
        ("Qualifier", qualifier_text(claim.qualifier)),
        ("Kind", claim.kind.value),
        ("Counts or measures", claim.noun or "—"),
        ("Attributed to", claim.attribution or "—"),
    ]
    st.markdown("  \n".join(f"**{k}:** {escape_md(v)}" for k, v in facts))

    if claim.group_id and claim.group_size > 1:
        gtext = (f"Same fact in **{claim.group_size}** claims"
                 + (" — **the outlets' figures disagree**" if claim.discrepant else ""))
        gc1, gc2 = st.columns([3, 2])
        gc1.markdown(gtext)
        if gc2.button("Open group", key="review_open_group", on_click=open_group, args=(claim.group_id,)):
            st.switch_page("app_pages/groups.py")

    around = st.expander("The article around it", key="review_article_open", on_change="rerun")
    if around.open:
        with around:
            art = store.article(claim.article_id)
            for para in context_paragraphs(art.text, claim.start, claim.end, around=1):
                st.markdown(para)
            if art.url and art.url.startswith(("http://", "https://")):
                st.link_button("Open the article", art.url)
            if st.toggle("Show the whole article", key="review_whole_article"):
                st.divider()
                for para in context_paragraphs(art.text, claim.start, claim.end, around=10_000):
                    st.markdown(para)

    others = [v for v in me.visible_verdicts(detail.verdicts) if not me.user or v.reviewer_id != me.user.id]
    group_vs = me.visible_verdicts(detail.group_verdicts)
    if hidden:
        st.caption(":material/visibility_off: Blind review: other reviewers' verdicts stay hidden until you "
                   "submit yours.")
    if others or group_vs or final or group_final:
        with st.container(border=True, key="review_verdicts_so_far"):
            st.markdown("**Verdicts so far**")
            if final:
                st.markdown(final_line(final))
            if group_final:
                st.markdown(final_line(group_final, scope="on the whole group"))
            for v in others:
                st.markdown(verdict_line(v))
            for v in group_vs:
                st.markdown(verdict_line(v, scope="on the whole group"))

    own = next((v for v in detail.verdicts if me.user and v.reviewer_id == me.user.id), None)
    ss[wkey(P, "base", claim.id)] = own.version if own else 0  # what this screen shows: a save expects it

    st.markdown("##### Your verdict")
    if me.user is None:
        st.info("Choose who is reviewing in the sidebar to save verdicts.", icon=":material/person:")
    elif own is not None:
        st.caption(f"Yours: {escape_md(own.label or 'no label yet')} ({own.status.value}, "
                   f"saved {escape_md(own.updated_at[:16].replace('T', ' '))})")
    show_conflict(P, "verdict on this claim")

    note_key = wkey(P, "note", claim.id)
    # what was typed and not saved is the user's draft on the server too: back after a reload or a crash
    server_drafts(me.user.id if me.user else None, Target.claim(claim.id),
                  {name: wkey(P, name, claim.id) for name in DRAFT_FIELDS}, dates=("src_as_of",))
    only_this_item(P, claim.id, [wkey(P, name, claim.id) for name in DRAFT_FIELDS],
                   derived=[wkey(P, "base", claim.id), wkey(P, "fix_base", claim.id)])
    note_args = drafted(note_key)  # unsaved input first, then what is stored
    if note_key not in ss and own is not None:
        ss[note_key] = own.note
    st.text_area("Note", height=68, placeholder="Why: what the source says, how the figure was checked",
                 disabled=me.blind and own is not None and own.status is VerdictStatus.SUBMITTED, **note_args)
    if ss.get("review_source_for") != claim.id:  # a claim comes up: its source box opens if a source is typed
        ss["review_source_for"] = claim.id
        if ss.get(wkey(P, "src_url", claim.id)):
            ss["review_source_open"] = True
    source_box = st.expander("Source", key="review_source_open", on_change="rerun")
    if source_box.open:
        with source_box:
            if own is not None and own.sources:
                sources_list(own.sources)
            source_form(P, claim.id, claim.value, claim.unit, claim.currency)

    keep_label = own.label_id if own is not None else None
    keep_submitted = own is not None and own.status is VerdictStatus.SUBMITTED
    locked = me.blind and keep_submitted  # the library refuses changes to a submitted verdict in blind review
    ss["review_keep_label"], ss["review_locked"] = keep_label, locked
    if me.user is not None:
        shortcuts: dict[str, object] = {lab.key.upper(): lab.id for lab in scale.labels
                                        if lab.key and lab.key.upper() not in ("C", "R", "S", "J", "K")}
        if me.drafts:
            shortcuts["S"] = "submit"
    else:
        shortcuts = {}
    review_keys(KEYS, claim_id=claim.id, version=own.version if own else 0, keys=shortcuts,
                moves=ss.get(MOVES_APPLIED, 0), on_moves=key_moves, on_press=key_press)
    if not me.drafts:
        st.caption("Press a verdict's key (or click it): the note and source are saved with it and the next "
                   "claim comes up. J skips to the next claim, K goes back.")
    elif locked:
        st.success("Your verdict is submitted and locked; the other reviewers' verdicts are shown above. "
                   "A lead settles disagreements. You can still add a source.", icon=":material/lock:")
    else:
        st.caption("Press a verdict's key (or click it) to choose it: it is saved as your draft, which nobody "
                   "else sees. Then press **S** (Submit) to submit it with the note and source and go to the next "
                   "claim. Once submitted, your verdict is locked and the other reviewers' verdicts are shown. "
                   "J skips to the next claim, K goes back.")
    with st.container(horizontal=True, wrap=True, gap="small"):
        for lab in scale.labels:
            st.button(
                lab.label, key=f"review_verdict_{lab.id}", on_click=save,
                # no drafts (single-user mode): the key saves and moves on; else it chooses (a draft)
                args=(claim.id, lab.id, not me.drafts, not me.drafts),
                help=lab.description, disabled=me.user is None or locked,
                type="primary" if own is not None and own.label_id == lab.id else "secondary",
            )
    with st.container(horizontal=True, wrap=True, gap="small"):
        if me.drafts:
            st.button("Submit", key="review_submit", on_click=save, args=(claim.id, keep_label, True, True),
                      type="primary", icon=":material/send:",
                      disabled=me.user is None or keep_label is None or locked,
                      help="Submit your chosen verdict with the note and source, and go to the next claim.")
        if locked:
            st.button("Add source", key="review_add_source", on_click=add_source_only, args=(claim.id,),
                      type="tertiary", icon=":material/add_link:")
        else:
            st.button("Save note and source" if keep_submitted else "Save draft", key="review_save_draft",
                      on_click=save, args=(claim.id, keep_label, keep_submitted, False), disabled=me.user is None,
                      type="tertiary", icon=":material/save:")
        st.button("Previous", key="review_prev", on_click=step, args=(-1,), type="tertiary",
                  icon=":material/arrow_back:")
        st.button("Skip to next", key="review_next", on_click=step, args=(1,), type="tertiary",
                  icon=":material/arrow_forward:")

    fix_box = st.expander("Correct the extraction", key="review_fix_open", on_change="rerun")
    # the version a correction expects is read whether the box is open or not
    mine = next((c for c in detail.corrections if me.user and c.reviewer_id == me.user.id), None)
    ss[wkey(P, "fix_base", claim.id)] = mine.version if mine else 0
    if fix_box.open:
        with fix_box:
            shown = [c for c in detail.corrections if not me.blind or (me.user and c.reviewer_id == me.user.id)]
            for c in shown:
                what = "not a claim" if c.not_a_claim else ", ".join(
                    x for x in (
                        f"value {c.low:g}" + (f"–{c.high:g}" if c.high is not None and c.high != c.low else "")
                        if c.low is not None else "",
                        f"unit {c.unit}" if c.unit else "", f"noun {c.noun}" if c.noun else "") if x)
                st.markdown(f"- **{escape_md(c.reviewer)}**: {escape_md(what or 'note only')}"
                            + (f" — “{escape_md(short(c.note, 120))}”" if c.note else ""))
            f1, f2, f3, f4 = st.columns(4)
            f1.text_input("Right value (low)", placeholder=f"{claim.low:g}", **drafted(wkey(P, "fix_low", claim.id)))
            f2.text_input("High (for a range)", placeholder=f"{claim.high:g}", **drafted(wkey(P, "fix_high", claim.id)))
            f3.text_input("Unit", placeholder=claim.unit or claim.currency or "", **drafted(wkey(P, "fix_unit", claim.id)))
            f4.text_input("Noun", placeholder=claim.noun or "", **drafted(wkey(P, "fix_noun", claim.id)))
            st.checkbox("This is not a claim (a date, a name, page furniture)",
                        **drafted(wkey(P, "fix_not_claim", claim.id)))
            st.text_input("Correction note", **drafted(wkey(P, "fix_note", claim.id)))
            st.button("Record correction", key="review_save_fix", on_click=save_correction, args=(claim.id,),
                      disabled=me.user is None)

flash_done(P)  # the messages shown above have been seen: this run was not cut short
