"""Who is working, and the one path every write from the screens takes.

:func:`current_user` is the single place that decides who the current user is; :class:`Desk` is the single
place screens write through, so every write carries that user's id. In single-user mode the sidebar's
reviewer picker (:func:`reviewer_picker`) sets the user; a sign-in screen sets the same session value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from workbench.errors import PermissionDenied
from workbench.models import Override
from workbench.store import (
    Correction,
    FinalVerdict,
    RegroupReport,
    Source,
    SourceInput,
    Store,
    Target,
    User,
    Verdict,
)

USER_KEY = "app_user_id"  # session value: the id of the user every write is made as
PICKER_KEY = "sidebar_reviewer"
NEW_NAME_KEY = "sidebar_new_reviewer"
NEW_OPTION = "Add a reviewer…"


class NoReviewer(PermissionDenied):
    """A write was attempted before anyone said who is reviewing."""

    def __init__(self) -> None:
        super().__init__("choose who is reviewing in the sidebar first; every verdict carries a reviewer's name")


def current_user(store: Store) -> User | None:
    """The user writes are made as, or None. Re-read from the store, so a disabled account stops at once."""
    uid = st.session_state.get(USER_KEY)
    if uid is None:
        return None
    user = store.user(uid)
    if user is None or user.disabled:
        st.session_state.pop(USER_KEY, None)
        return None
    return user


def _add_reviewer(store: Store) -> None:
    from workbench.errors import InputError

    name = (st.session_state.get(NEW_NAME_KEY) or "").strip()
    try:
        user = store.ensure_reviewer(name)
    except InputError as exc:
        st.session_state["sidebar_error"] = str(exc)
        return
    st.session_state[PICKER_KEY] = user.name
    st.session_state[USER_KEY] = user.id
    st.session_state[NEW_NAME_KEY] = ""


def reviewer_picker(store: Store) -> User | None:
    """Single-user mode: the sidebar's "who is reviewing" picker. Returns the current user."""
    people = [u.name for u in store.reviewers()]
    chosen = st.session_state.get(PICKER_KEY)
    if chosen not in people and chosen != NEW_OPTION:
        st.session_state.pop(PICKER_KEY, None)
    if people:
        options = [*people, NEW_OPTION]
        pick = st.selectbox("Who is reviewing", options, index=None, key=PICKER_KEY,
                            placeholder="Choose your name",
                            help="Every verdict, source and correction is saved under this name.")
    else:
        pick = st.session_state[PICKER_KEY] = NEW_OPTION  # stays chosen if somebody else is added meanwhile
        st.markdown("**Who is reviewing?** Add your name to start saving verdicts.")
    if pick == NEW_OPTION:
        st.text_input("Your name", key=NEW_NAME_KEY, placeholder="e.g. Sam Carter")
        st.button("Add reviewer", key="sidebar_add_reviewer", on_click=_add_reviewer, args=(store,))
        err = st.session_state.pop("sidebar_error", None)
        if err:
            from ui.text import escape_md

            st.error(escape_md(err))
        st.session_state.pop(USER_KEY, None)
    elif pick:
        user = store.user_by_name(pick)
        st.session_state[USER_KEY] = user.id if user else None
    else:
        st.session_state.pop(USER_KEY, None)
    return current_user(store)


@dataclass(frozen=True)
class Desk:
    """Writes made by the current user. Each method raises :class:`NoReviewer` when nobody is chosen."""

    store: Store
    user: User | None

    def me(self) -> User:
        if self.user is None:
            raise NoReviewer()
        return self.user

    def save_verdict(self, target: Target, label: str | int | None, *, note: str = "", submit: bool = False,
                     expected_version: int | None = None) -> Verdict:
        return self.store.save_verdict(target, self.me().id, label, note=note, submit=submit,
                                       expected_version=expected_version)

    def add_source(self, target: Target, source: SourceInput) -> Source:
        return self.store.add_source(target, self.me().id, source)

    def remove_source(self, source_id: int) -> None:
        self.store.remove_source(source_id, actor_id=self.me().id)

    def record_correction(self, claim_id: str, **fields: object) -> Correction:
        return self.store.record_correction(claim_id, self.me().id, **fields)  # type: ignore[arg-type]

    def save_final(self, target: Target, label: str | int, *, expected_version: int, note: str = "") -> FinalVerdict:
        return self.store.save_final_verdict(target, self.me().id, label, expected_version=expected_version,
                                             note=note)

    def add_overrides(self, links: Sequence[Override]) -> RegroupReport:
        return self.store.add_overrides(links, actor_id=self.me().id)

    def visible_verdicts(self, verdicts: Sequence[Verdict]) -> list[Verdict]:
        """Other people's verdicts this user may see (single-user mode: all of them)."""
        return list(verdicts)


def desk(store: Store) -> Desk:
    return Desk(store, current_user(store))
