"""Who is working, and the one path every write from the screens takes.

:func:`current_user` is the single place that decides who the current user is; :class:`Desk` is the single
place the screens shared by both modes (review, groups, import, dashboard) write and read verdicts through,
so every write carries that user's id. In single-user mode the sidebar's reviewer picker
(:func:`reviewer_picker`) sets the user. In team mode the sign-in screen, or the session cookie of a
reload or another tab, sets the same session value; :func:`current_user` ends the session once it is over. :class:`Desk` binds the library's
:class:`workbench.desk.Desk` to that user; the desk's policy (single-user or team) checks every read and
write, so this module decides no policy. The team-only
screens (assign, adjudicate, agreement, users) call the same desk, which :func:`ui.team.guard` gives them
with the signed-in user: each operation re-reads the user and checks the permission in its transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from workbench.auth import Action
from workbench.desk import Desk as LibraryDesk
from workbench.desk import SingleUser
from workbench.desk import Team as TeamPolicy
from workbench.errors import PermissionDenied
from workbench.models import Article, Override
from workbench.store import (
    ClaimDetail,
    Correction,
    FinalVerdict,
    GroupDetail,
    ImportReport,
    RefusedFile,
    RegroupReport,
    Source,
    SourceInput,
    Store,
    Target,
    User,
    Verdict,
)
from workbench.team import Dashboard, ReviewView

USER_KEY = "app_user_id"  # session value: the id of the user every write is made as
PICKER_KEY = "sidebar_reviewer"
NEW_NAME_KEY = "sidebar_new_reviewer"
NEW_OPTION = "Add a reviewer…"


class NoReviewer(PermissionDenied):
    """A write was attempted before anyone said who is reviewing."""

    def __init__(self) -> None:
        super().__init__("choose who is reviewing in the sidebar first; every verdict carries a reviewer's name")


class NotSignedIn(PermissionDenied):
    """A write was attempted in team mode without a live session."""

    def __init__(self) -> None:
        super().__init__("sign in first; every verdict carries the signed-in user's name")


def current_user(store: Store) -> User | None:
    """The user writes are made as, or None. Re-read from the store, so a disabled account stops at once
    (and a changed role applies at once). In team mode an expired session ends here."""
    from ui import team as team_ui

    cfg = team_ui.config()
    if cfg is not None and not team_ui.check_session(cfg):  # also picks up the session a cookie names
        return None
    uid = st.session_state.get(USER_KEY)
    if uid is None:
        return None
    user = store.user(uid)
    if user is None or user.disabled:
        st.session_state.pop(USER_KEY, None)
        if cfg is not None:
            team_ui.end_session("This account has been disabled or removed; ask an admin.")
        return None
    return user


BROWSER_ID = "app_browser_id"
PREFS = "app_browser_prefs"  # what is stored for this browser (a copy, to write only changes)


def browser_prefs() -> None:
    """This browser's kept choices (the reviewer's name, the queue filters), put back into a new browser
    session (a reload, a new tab) before any widget is drawn. The browser is named by the HttpOnly
    preferences cookie; a browser without one gets it from the app's route (ui.web) on its first visit."""
    from ui import resources
    from workbench.sessions import BROWSER_COOKIE, BrowserPrefs

    ss = st.session_state
    if BROWSER_ID in ss:
        return
    bid = st.context.cookies.get(BROWSER_COOKIE)
    if not isinstance(bid, str) or not bid:
        bid = BrowserPrefs.new_id()
        import json

        from ui import team as team_ui

        team_ui.post_to_app("/account/browser", json.dumps({"id": bid}))
        ss[BROWSER_ID], ss[PREFS] = bid, {}
        return
    ss[BROWSER_ID] = bid
    kept = BrowserPrefs(resources.store()).get(bid)
    ss[PREFS] = dict(kept)
    for key, value in kept.items():
        if key not in ss:
            ss[key] = value


def keep_prefs(keys: Sequence[str]) -> None:
    """Store this browser's current values of ``keys`` when they changed (one small write)."""
    from ui import resources
    from workbench.sessions import BrowserPrefs

    ss = st.session_state
    bid = ss.get(BROWSER_ID)
    if not bid:
        return
    kept = dict(ss.get(PREFS, {}))
    for key in keys:
        value = ss.get(key)
        if isinstance(value, (str, int, float, bool)) or value is None:
            if value is None:
                kept.pop(key, None)
            else:
                kept[key] = value
    if kept != ss.get(PREFS):
        BrowserPrefs(resources.store()).put(bid, kept)
        ss[PREFS] = kept


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
    keep_prefs([PICKER_KEY] if pick != NEW_OPTION else [])
    return current_user(store)


@dataclass(frozen=True)
class Desk:
    """The library's :class:`workbench.desk.Desk` bound to the current user: every read and write of the
    shared screens goes through it as that user, and the desk's policy (single-user or team) decides what
    is allowed and what the user may see. Each write raises :class:`NoReviewer` (team mode:
    :class:`NotSignedIn`) when nobody is chosen."""

    store: Store
    user: User | None
    desk: LibraryDesk

    @property
    def team_mode(self) -> bool:
        return self.desk.team_mode

    def me(self) -> User:
        if self.user is None:
            raise NotSignedIn() if self.desk.team_mode else NoReviewer()
        return self.user

    def can(self, action: Action) -> bool:
        """Whether the user may do ``action`` (the desk checks again on every operation)."""
        return self.desk.can(self.user, action)

    @property
    def drafts(self) -> bool:
        """A verdict is a private draft until submitted, and the statuses in one's queue are one's own (the
        policy's rule: team mode)."""
        return self.desk.policy.drafts

    @property
    def who_decides_finals(self) -> str:
        return self.desk.policy.who_decides_finals

    @property
    def blind(self) -> bool:
        """The user sees others' verdicts only after submitting their own (the policy's blind review)."""
        return self.desk.blind(self.user)

    def save_verdict(self, target: Target, label: str | int | None, *, note: str = "", submit: bool = False,
                     expected_version: int | None = None) -> Verdict:
        return self.desk.save_verdict(self.me(), target, label, note=note, submit=submit,
                                      expected_version=expected_version).verdict

    def add_source(self, target: Target, source: SourceInput) -> Source:
        return self.desk.add_source(self.me(), target, source)

    def remove_source(self, source_id: int) -> None:
        self.desk.remove_source(self.me(), source_id)

    def record_correction(self, claim_id: str, **fields: object) -> Correction:
        return self.desk.record_correction(self.me(), claim_id, **fields)

    def save_final(self, target: Target, label: str | int, *, expected_version: int, note: str = "",
                   basis_verdict_id: int | None = None) -> FinalVerdict:
        return self.desk.save_final(self.me(), target, label, expected_version=expected_version, note=note,
                                    basis_verdict_id=basis_verdict_id)

    def add_overrides(self, links: Sequence[Override]) -> RegroupReport:
        """Merge or split groups (team mode: leads and admins, see :mod:`workbench.team`)."""
        return self.desk.add_overrides(self.me(), links)

    def remove_override(self, override_id: int) -> RegroupReport:
        return self.desk.remove_override(self.me(), override_id)

    def import_articles(self, articles: Sequence[Article], *, refused: Sequence[RefusedFile] = (),
                        extractor: Callable[[Sequence[Article]], list] | None = None) -> ImportReport:
        """Extract and store articles as the current user (single-user mode with nobody chosen yet: as the
        operator, as at the command line; team mode: the signed-in user, leads and admins only)."""
        actor = self.me() if self.desk.team_mode else self.user
        return self.desk.import_articles(actor, articles, refused=refused, extractor=extractor)

    def dashboard(self, *, discrepancies: int = 25) -> Dashboard:
        """The dashboard's figures as the user may see them (see :class:`workbench.team.Dashboard`)."""
        return self.desk.dashboard(self.me() if self.desk.team_mode else self.user, discrepancies=discrepancies)

    def export_files(self, options: dict, *, history_actor_id: int | None = None) -> tuple[bytes, bytes, bytes]:
        """The verdict CSV, the history CSV and ClaimReview JSON-LD for ``options`` (the export filters)."""
        actor = self.me() if self.desk.team_mode else self.user
        return self.desk.export_files(actor, options, history_actor_id=history_actor_id)

    def claim(self, claim_id: str) -> ClaimDetail:
        """The claim with what the user may see of its verdicts (blind review applied in the read)."""
        return self.desk.claim(self.user, claim_id)

    def group(self, group_id: str) -> GroupDetail:
        return self.desk.group(self.user, group_id)

    def review_view(self, target: Target) -> ReviewView | None:
        """What the user may see of the verdicts on ``target``; None with nobody chosen."""
        if self.user is None:
            return None
        return self.desk.review_view(self.user, target)

    def visible_verdicts(self, verdicts: Sequence[Verdict]) -> list[Verdict]:
        """The verdicts of ``verdicts`` this user may see (the desk's blind-review rule)."""
        if self.user is None and self.desk.team_mode:
            return []
        return self.desk.visible_verdicts(self.user, verdicts)


def library_desk(store: Store) -> LibraryDesk:
    """The desk for this app: the team policy when team mode is on, else single-user."""
    from ui import team as team_ui

    cfg = team_ui.config()
    return LibraryDesk(store, TeamPolicy(cfg) if cfg is not None else SingleUser())


def desk(store: Store) -> Desk:
    return Desk(store, current_user(store), library_desk(store))
