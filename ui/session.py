"""Who is working, and the one path every write from the screens takes.

:func:`current_user` is the single place that decides who the current user is; :class:`Desk` is the single
place the screens shared by both modes (review, groups, import, dashboard) write and read verdicts through,
so every write carries that user's id. In single-user mode the sidebar's reviewer picker
(:func:`reviewer_picker`) sets the user. In team mode the sign-in screen sets the same session value,
:func:`current_user` ends the session once it has expired, and :class:`Desk` hands every write to
:class:`workbench.team.Team`, which checks the user's role and assignments before writing. The team-only
screens (assign, adjudicate, agreement, users) write through the :class:`~workbench.team.Team` that
:func:`ui.team.guard` gives them, which checks the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import streamlit as st

from workbench import auth, export
from workbench.auth import Action
from workbench.errors import PermissionDenied
from workbench.models import Article, Override
from workbench.store import (
    Correction,
    FinalVerdict,
    GroupFilter,
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
from workbench.store.importer import import_articles_with_extraction
from workbench.team import Dashboard, ReviewView, Team

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
    uid = st.session_state.get(USER_KEY)
    if uid is None:
        return None
    from ui import team as team_ui

    cfg = team_ui.config()
    if cfg is not None and not team_ui.check_session(cfg):
        return None
    user = store.user(uid)
    if user is None or user.disabled:
        st.session_state.pop(USER_KEY, None)
        if cfg is not None:
            team_ui.end_session("This account has been disabled or removed; ask an admin.")
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
    """Writes made by the current user. Each method raises :class:`NoReviewer` (team mode:
    :class:`NotSignedIn`) when nobody is chosen. In team mode (``team`` set) every write goes through
    :class:`workbench.team.Team`, which refuses what the user's role or assignments do not allow."""

    store: Store
    user: User | None
    team: Team | None = None

    @property
    def team_mode(self) -> bool:
        return self.team is not None

    def me(self) -> User:
        if self.user is None:
            raise NotSignedIn() if self.team is not None else NoReviewer()
        return self.user

    def can(self, action: Action) -> bool:
        """Whether the user may do ``action``: always in single-user mode; by role in team mode."""
        if self.team is None:
            return True
        return self.user is not None and auth.can(self.user.role.value, action)

    @property
    def blind(self) -> bool:
        """Team mode, and the user sees others' verdicts only after submitting their own."""
        return self.team is not None and not self.can(Action.VIEW_OTHERS_BEFORE_SUBMITTING)

    def save_verdict(self, target: Target, label: str | int | None, *, note: str = "", submit: bool = False,
                     expected_version: int | None = None) -> Verdict:
        if self.team is not None:
            return self.team.save_verdict(self.me(), target, label, note=note, submit=submit,
                                          expected_version=expected_version).verdict
        return self.store.save_verdict(target, self.me().id, label, note=note, submit=submit,
                                       expected_version=expected_version)

    def add_source(self, target: Target, source: SourceInput) -> Source:
        if self.team is not None:
            return self.team.add_source(self.me(), target, source)
        return self.store.add_source(target, self.me().id, source)

    def remove_source(self, source_id: int) -> None:
        if self.team is not None:
            self.team.remove_source(self.me(), source_id)
            return
        self.store.remove_source(source_id, actor_id=self.me().id)

    def record_correction(self, claim_id: str, **fields: object) -> Correction:
        if self.team is not None:
            return self.team.record_correction(self.me(), claim_id, **fields)
        return self.store.record_correction(claim_id, self.me().id, **fields)  # type: ignore[arg-type]

    def save_final(self, target: Target, label: str | int, *, expected_version: int, note: str = "",
                   basis_verdict_id: int | None = None) -> FinalVerdict:
        if self.team is not None:
            return self.team.decide(self.me(), target, label, expected_version=expected_version, note=note,
                                    basis_verdict_id=basis_verdict_id)
        return self.store.save_final_verdict(target, self.me().id, label, expected_version=expected_version,
                                             note=note)

    def add_overrides(self, links: Sequence[Override]) -> RegroupReport:
        """Merge or split groups (team mode: leads and admins, see :mod:`workbench.team`)."""
        if self.team is not None:
            return self.team.add_overrides(self.me(), links)
        return self.store.add_overrides(links, actor_id=self.me().id)

    def remove_override(self, override_id: int) -> RegroupReport:
        if self.team is not None:
            return self.team.remove_override(self.me(), override_id)
        return self.store.remove_override(override_id, actor_id=self.me().id)

    def import_articles(self, articles: Sequence[Article], *, refused: Sequence[RefusedFile] = (),
                        extractor: Callable[[Sequence[Article]], list] | None = None) -> ImportReport:
        """Extract and store articles. Team mode: as the signed-in user, leads and admins only. Single-user
        mode: as the chosen reviewer, or (nobody chosen yet) as the operator, as at the command line."""
        if self.team is not None:
            return self.team.import_articles(self.me(), articles, refused=refused, extractor=extractor)
        return import_articles_with_extraction(self.store, articles, refused=refused, extractor=extractor,
                                               actor_id=self.user.id if self.user else None)

    def dashboard(self, *, discrepancies: int = 25) -> Dashboard:
        """The dashboard's figures: everything in single-user mode; in team mode what the user's role lets
        them see (a reviewer only their own progress and verdicts, see :class:`workbench.team.Dashboard`)."""
        if self.team is not None:
            return self.team.dashboard(self.me(), discrepancies=discrepancies)
        rows, total = self.store.groups_page(GroupFilter(discrepant_only=True), 0, discrepancies)
        return Dashboard(self.store.stats(), False, tuple(rows), total)

    def export_files(self, options: dict, *, history_actor_id: int | None = None) -> tuple[bytes, bytes, bytes]:
        """The verdict CSV, the history CSV and ClaimReview JSON-LD for ``options`` (the export filters).
        Team mode: through the library, which lets only leads and admins export."""
        if self.team is not None:
            me = self.me()
            return (self.team.verdict_csv(me, **options),
                    self.team.history_csv(me, actor_id=history_actor_id),
                    self.team.claimreview_json(me, **options).encode("utf-8"))
        return (export.verdict_csv_bytes(self.store, **options),
                export.history_csv_bytes(self.store, actor_id=history_actor_id),
                export.claimreview_json(self.store, **options).encode("utf-8"))

    def review_view(self, target: Target) -> ReviewView | None:
        """Team mode: what the user may see of the verdicts on ``target`` (blind review); else None."""
        if self.team is None or self.user is None:
            return None
        return self.team.review_view(self.me(), target)

    def visible_verdicts(self, verdicts: Sequence[Verdict]) -> list[Verdict]:
        """The verdicts of ``verdicts`` this user may see: all of them in single-user mode; in team mode the
        user's own and, once the library's blind-review rule allows it, the others' submitted verdicts."""
        if self.team is None:
            return list(verdicts)
        if self.user is None:
            return []
        allowed: set[int] = set()
        for target in dict.fromkeys(v.target for v in verdicts):
            view = self.team.review_view(self.user, target)
            allowed.update(v.id for v in ([view.own] if view.own else []) + list(view.others))
        return [v for v in verdicts if v.id in allowed]


def desk(store: Store) -> Desk:
    from ui import team as team_ui

    cfg = team_ui.config()
    return Desk(store, current_user(store), team_ui.team(store, cfg) if cfg is not None else None)
