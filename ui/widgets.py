"""Pieces several screens share: messages that survive a rerun, verdict lists, source forms, conflicts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any

import streamlit as st

from ui.text import escape_md, gap_text, parse_figure, short
from workbench import review
from workbench.errors import InputError
from workbench.store import FinalVerdict, Scale, Source, SourceInput, Verdict, VerdictStatus


def wkey(page: str, name: str, *ids: str) -> str:
    """A widget key: page prefix, a name, and a short hash of any ids (claim ids hold ':' and '-')."""
    if not ids:
        return f"{page}_{name}"
    digest = hashlib.sha1("\x1f".join(ids).encode("utf-8")).hexdigest()[:12]
    return f"{page}_{name}_{digest}"


# --- form input that is never lost ------------------------------------------------------------------------
#
# A widget's value lives in the session while the widget is drawn (``persist_state="session"`` keeps it
# across page switches). A page switch clicked while the rerun started by leaving a text field is still
# running can drop widget values, so each change is also copied to a plain session value, which reruns never
# touch, and put back if the widget comes back without it.

DRAFT = "draft::"


BOUND = "draft_bound"  # widget key -> (user id, target kind, target id, field): kept on the server too
TYPING = "600ms"  # text fields commit (and their draft is saved) after this pause in typing


def keep_draft(key: str) -> None:
    st.session_state[DRAFT + key] = st.session_state.get(key)
    if key in st.session_state.get(BOUND, {}):
        _save_server_draft(*st.session_state[BOUND][key][:3])


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _save_server_draft(user_id: int, kind: str, target_id: str) -> None:
    from ui import resources
    from workbench.sessions import Drafts, FormDraft
    from workbench.store import Target, TargetKind

    ss = st.session_state
    fields = {field: _plain(ss.get(key, ss.get(DRAFT + key))) for key, (u, k, t, field) in ss.get(BOUND, {}).items()
              if (u, k, t) == (user_id, kind, target_id)}
    known = {k.value for k in TargetKind}
    target = Target(TargetKind(kind), target_id) if kind in known else FormDraft(kind, target_id)
    Drafts(resources.store()).put(user_id, target, fields)


def server_drafts(user_id: int | None, target: Any, fields: dict[str, str], *, dates: Sequence[str] = ()) -> None:
    """Keep what is typed in the widgets ``fields`` (field name -> widget key) for ``target`` as the user's
    draft in the database (saved on every change, see :func:`keep_draft`), and bring it back into widgets
    this browser session has not drawn yet: after a reload, a crash, or on another replica. ``dates`` are the
    fields holding a date."""
    if user_id is None:
        return
    ss = st.session_state
    bound = ss.setdefault(BOUND, {})
    kind = getattr(target.kind, "value", target.kind)  # a Target's kind, or a FormDraft's name
    for field, key in fields.items():
        bound[key] = (user_id, kind, target.id, field)
    if any(key in ss or DRAFT + key in ss for key in fields.values()):
        return
    from ui import resources
    from workbench.sessions import Drafts

    for field, value in Drafts(resources.store()).get(user_id, target).items():
        key = fields.get(field)
        if key is None:
            continue
        if field in dates and isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                continue
        ss[key] = ss[DRAFT + key] = value


def restore_draft(key: str) -> None:
    if key not in st.session_state and DRAFT + key in st.session_state:
        st.session_state[key] = st.session_state[DRAFT + key]


def drafted(key: str) -> dict[str, Any]:
    """Keyword arguments for a form widget whose input must survive reruns, page switches and rerun races."""
    restore_draft(key)
    return {"key": key, "persist_state": "session", "on_change": keep_draft, "args": (key,)}


def forget(*keys: str) -> None:
    """Drop saved input: the widget values, their copies and the server's draft of them."""
    items = {st.session_state[BOUND][k][:3] for k in keys if k in st.session_state.get(BOUND, {})}
    for k in keys:
        st.session_state.pop(k, None)
        st.session_state.pop(DRAFT + k, None)
    for item in items:
        _save_server_draft(*item)


def _blank(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, (str, list, tuple, dict, set)) and not value)


def only_this_item(page: str, item: str, keys: Sequence[str], *, derived: Sequence[str] = (),
                   unchosen: Any = None) -> None:
    """Bound the session to the item on screen: the widget values of items no longer shown are dropped when
    they hold nothing typed (an empty note, an unticked box, ``unchosen`` in a picker).

    Widgets kept with ``persist_state`` stay in the session after their item has gone, and every keyed
    widget reads the whole session on each rerun: without this, reruns slow down with every item shown.
    ``keys`` are the item's inputs; what is typed there stays until it is saved or cleared (it is a server
    draft too). ``derived`` are values the screen recomputes whenever it draws the item (the version a save
    expects): dropped as soon as it is off screen. Unlike :func:`forget`, nothing is written to the server:
    what is dropped is empty."""
    ss = st.session_state
    registry: dict[str, tuple[list[str], list[str]]] = ss.setdefault(f"{page}_item_keys", {})
    registry[item] = (list(keys), list(derived))
    bound = ss.get(BOUND, {})
    for other in [o for o in registry if o != item]:
        inputs, recomputed = registry.pop(other)
        for k in recomputed:
            ss.pop(k, None)
        kept = []
        for k in inputs:
            if all(_blank(v) or (unchosen is not None and v == unchosen) for v in (ss.get(k), ss.get(DRAFT + k))):
                ss.pop(k, None)
                ss.pop(DRAFT + k, None)
                bound.pop(k, None)
            else:
                kept.append(k)
        if kept:
            registry[other] = (kept, [])


# --- messages that survive the rerun a callback triggers --------------------------------------------------

def flash(page: str, level: str, text: str) -> None:
    st.session_state.setdefault(f"{page}_flash", []).append((level, text))


def show_flash(page: str, *, until_done: bool = False) -> None:
    """Show the page's messages once. ``until_done``: they are shown again by the next run unless this run
    reaches :func:`flash_done`: a run cut short by the next key press or click (Streamlit stops it and starts
    the next) takes its drawing with it, and a message it had taken away would never be seen."""
    ss = st.session_state
    if until_done:
        msgs = list(ss.get(f"{page}_flash", []))
        ss[f"{page}_flash_shown"] = len(msgs)
    else:
        msgs = ss.pop(f"{page}_flash", [])
    for level, text in msgs:
        {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}[level](text)


def flash_done(page: str) -> None:
    """The end of a run that showed the page's messages with ``until_done``: they have been seen."""
    ss = st.session_state
    shown = ss.pop(f"{page}_flash_shown", 0)
    msgs = ss.get(f"{page}_flash", [])
    ss[f"{page}_flash_seen"], ss[f"{page}_flash"] = msgs[:shown], msgs[shown:]


def flash_again(page: str) -> None:
    """Show the messages the last run showed once more: for a rerun that changed nothing (a key press the
    screen refused), which must not take away a message the reader has barely seen."""
    ss = st.session_state
    again = [m for m in ss.pop(f"{page}_flash_seen", []) if m not in ss.get(f"{page}_flash", [])]
    if again:
        ss[f"{page}_flash"] = again + ss.get(f"{page}_flash", [])


# --- stale saves -----------------------------------------------------------------------------------------

def remember_conflict(page: str, exc: review.StaleSaveError, where: str) -> None:
    """Keep what a refused save found, to show above the form (the form keeps the user's input)."""
    cur = exc.current
    if isinstance(cur, FinalVerdict):
        now = f"final verdict **{escape_md(cur.label)}** (version {cur.version})"
        note = cur.note
    elif isinstance(cur, Verdict):
        now = f"**{escape_md(cur.label or 'no label')}**, {cur.status.value} (version {cur.version})"
        note = cur.note
    else:
        now, note = "nothing (it was removed)", ""
    who = escape_md(exc.changed_by or "somebody")
    when = escape_md((exc.changed_at or "")[:19].replace("T", " "))
    tried = exc.attempted.get("label") or "no label"
    st.session_state[f"{page}_conflict"] = {
        "where": where,
        "text": (f"Not saved: **{who}** changed the {escape_md(where)} at {when} UTC since you opened it. "
                 f"It is now {now}."
                 + (f" Their note: “{escape_md(short(note, 200))}”." if note else "")
                 + f" You chose **{escape_md(str(tried))}**; your input is still in the form. "
                 "Compare, then save again to replace theirs."),
    }


def show_conflict(page: str, where: str) -> None:
    c = st.session_state.get(f"{page}_conflict")
    if c and c["where"] == where:
        st.warning(c["text"], icon=":material/warning:")


def clear_conflict(page: str) -> None:
    st.session_state.pop(f"{page}_conflict", None)


# --- verdicts ------------------------------------------------------------------------------------------

def verdict_line(v: Verdict, *, scope: str = "") -> str:
    label = escape_md(v.label or "no label yet")
    status = "draft" if v.status is VerdictStatus.DRAFT else "submitted"
    when = escape_md(v.updated_at[:16].replace("T", " "))
    line = f"**{escape_md(v.reviewer)}**: {label} · {status} · {when}"
    if scope:
        line += f" · {escape_md(scope)}"
    if v.note:
        line += f" — “{escape_md(short(v.note, 160))}”"
    for s in v.sources:
        line += f"  \n  source: {escape_md(short(s.url, 80))}"
        if s.value is not None:
            line += f" · figure {escape_md(format_figure(s.value))} · gap {escape_md(gap_text(s.gap, s.gap_pct))}"
    return line


def final_line(f: FinalVerdict, *, scope: str = "") -> str:
    when = escape_md(f.decided_at[:16].replace("T", " "))
    line = (f"**Final: {escape_md(f.label)}** by {escape_md(f.decided_by)} · {when} · version {f.version}"
            + (f" · {escape_md(scope)}" if scope else ""))
    if f.note:
        line += f" — “{escape_md(short(f.note, 160))}”"
    return line


def format_figure(x: float) -> str:
    from ui.text import format_number

    return format_number(x)


def label_help(scale: Scale) -> str:
    return "  \n".join(f"**{escape_md(lab.key or '')}** {escape_md(lab.label)}: {escape_md(lab.description)}"
                       for lab in scale.labels)


# --- the source form -----------------------------------------------------------------------------------

SOURCE_FIELDS = ("url", "figure", "unit", "as_of", "note")


def source_form(page: str, ident: str, claimed: float | None, claim_unit: str | None,
                claim_currency: str | None) -> None:
    """URL, the figure the source gives, its unit, as-of date and a note; shows the gap it would make."""
    c1, c2, c3 = st.columns([3, 1, 1])
    c1.text_input("Source URL", placeholder="https://…", live=TYPING, **drafted(wkey(page, "src_url", ident)))
    c2.text_input("Figure the source gives", placeholder="e.g. 48,612", live=TYPING,
                  **drafted(wkey(page, "src_figure", ident)))
    c3.text_input("Unit", placeholder=claim_currency or claim_unit or "same as the claim", live=TYPING,
                  **drafted(wkey(page, "src_unit", ident)))
    d1, d2 = st.columns([1, 4])
    as_of = wkey(page, "src_as_of", ident)
    d1.date_input("As of", **drafted(as_of), **({} if as_of in st.session_state else {"value": None}))
    d2.text_input("What the source says", placeholder="e.g. Table 3, row 'all patients'", live=TYPING,
                  **drafted(wkey(page, "src_note", ident)))
    raw = st.session_state.get(wkey(page, "src_figure", ident)) or ""
    try:
        figure = parse_figure(raw)
    except ValueError as exc:
        st.caption(f"⚠️ {escape_md(str(exc))}")
        return
    if figure is not None and claimed is not None:
        unit = (st.session_state.get(wkey(page, "src_unit", ident)) or "").strip() or None
        if review.units_compatible(unit, claim_unit, claim_currency):
            gap = review.compute_gap(claimed, figure)
            st.caption(f"Gap, claim minus source: **{escape_md(gap_text(gap.difference, gap.percent))}**"
                       if gap else "")
        else:
            st.caption("The source's unit differs from the claim's, so no gap is computed.")


def source_input(page: str, ident: str) -> SourceInput | None:
    """The source typed in :func:`source_form`, or None when its URL is empty. InputError on a bad figure."""
    url = (st.session_state.get(wkey(page, "src_url", ident)) or "").strip()
    raw = st.session_state.get(wkey(page, "src_figure", ident)) or ""
    if not url:
        if raw.strip():
            raise InputError("source", "has a figure but no URL; give the address of the page or document")
        return None
    try:
        figure = parse_figure(raw)
    except ValueError as exc:
        raise InputError("source figure", str(exc)) from None
    as_of = st.session_state.get(wkey(page, "src_as_of", ident))
    return SourceInput(
        url=url, value=figure, unit=(st.session_state.get(wkey(page, "src_unit", ident)) or "").strip() or None,
        as_of=as_of.isoformat() if isinstance(as_of, date) else None,
        note=(st.session_state.get(wkey(page, "src_note", ident)) or "").strip(),
        accessed=date.today().isoformat(),
    )


def clear_source_form(page: str, ident: str) -> None:
    forget(*(wkey(page, f"src_{name}", ident) for name in SOURCE_FIELDS))


def sources_list(sources: Sequence[Source]) -> None:
    for s in sources:
        parts = [escape_md(short(s.url, 90))]
        if s.value is not None:
            parts.append(f"figure {escape_md(format_figure(s.value))}" + (f" {escape_md(s.unit)}" if s.unit else ""))
            parts.append(f"gap {escape_md(gap_text(s.gap, s.gap_pct))}")
        if s.as_of:
            parts.append(f"as of {escape_md(s.as_of)}")
        if s.note:
            parts.append(f"“{escape_md(short(s.note, 120))}”")
        st.markdown("- " + " · ".join(parts))


