"""Team mode on top of the store: accounts and sign-in, assignment and personal queues, blind double review,
adjudication and agreement.

Every write takes the acting user's stable id, re-reads that user inside the transaction (so a disabled
account or a changed role takes effect at once) and checks the role with :mod:`workbench.auth` before
anything is written. The rules, whatever the request:

- a reviewer saves only their own verdicts, sources and corrections, and only on items assigned to them;
- nobody changes another reviewer's verdict; only a lead or an admin saves a final verdict;
- blind review: a reviewer sees other reviewers' verdicts on an item only after submitting their own, and a
  submitted verdict is then locked for them (they may have seen the others); drafts are private;
- once an item has a final verdict its reviewers' verdicts are closed.

Every other write the team screens make goes through here too, checked against the permission matrix
(:data:`workbench.auth.PERMISSIONS`):

- importing articles (:meth:`Team.import_articles`, :meth:`Team.import_paths`): leads and admins;
- merging and splitting groups (:meth:`Team.add_overrides`, :meth:`Team.remove_override`): leads and
  admins. Not reviewers: regrouping changes which claims every group verdict covers and which items other
  reviewers were assigned (a split group's new half is nobody's assignment), and it can join a group a
  reviewer has not judged to one they have, showing them its verdicts. It is a decision about everyone's
  work, like assigning it;
- the verdict scale (:meth:`Team.update_label`, :meth:`Team.create_scale`, :meth:`Team.set_default_scale`)
  and settings (:meth:`Team.set_setting`): admins;
- exports (:meth:`Team.verdict_csv`, :meth:`Team.history_csv`, :meth:`Team.claimreview_json`): leads and
  admins, since an export shows every reviewer's verdicts.

What a viewer may read is decided here as well: :meth:`Team.review_view` (blind review) and
:meth:`Team.dashboard`, which shows a reviewer only their own progress and verdicts.

Methods that take ``actor`` None treat it as the operator at the command line, who holds the database
itself. Assignments, role changes, sign-ins and automatic acceptances are written to the audit log, so the
history export shows who did what and when.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from workbench import agreement as agr
from workbench import auth, export, review
from workbench.auth import Action, TeamConfig
from workbench.errors import InputError, PermissionDenied, StoreError, WorkbenchError
from workbench.models import Article, LinkKind, Override
from workbench.store import Grouper, Store, audit, disputes, reviewing
from workbench.store import stats as stats_repo
from workbench.store import accounts as account_rows
from workbench.store import assignments as assignment_rows
from workbench.store import engine as eng
from workbench.importing import Progress, default_grouper, extract_new, read_files
from workbench.store.types import (
    Assignment,
    Correction,
    FinalVerdict,
    GroupFilter,
    GroupRow,
    ImportReport,
    LabelSpec,
    RefusedFile,
    RegroupReport,
    Role,
    Scale,
    ScaleLabel,
    Source,
    SourceInput,
    Stats,
    Target,
    TargetKind,
    User,
    Verdict,
    VerdictStatus,
)

__all__ = [
    "AccountLocked",
    "AdjudicationItem",
    "Dashboard",
    "QueueItem",
    "ReviewView",
    "SaveResult",
    "SignInFailed",
    "Team",
    "plan_deal",
]

AUTO_ACCEPT_NOTE = "Accepted automatically: every reviewer gave this verdict."


class SignInFailed(WorkbenchError):
    """Wrong name or password, an unknown or disabled account; the message never says which name exists."""

    exit_code = PermissionDenied.exit_code


class AccountLocked(SignInFailed):
    """Too many failed sign-ins: the account is locked until ``until``."""

    def __init__(self, until: datetime):
        self.until = until
        super().__init__(
            f"too many failed sign-ins: the account is locked until {until:%Y-%m-%d %H:%M} UTC; try again then"
        )


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One item in a reviewer's queue: what to judge, which assignment put it there, where it stands."""

    target: Target
    via: Target  # the assigned claim, group or article
    own_status: VerdictStatus | None  # the reviewer's own verdict, if any
    final: bool  # a final verdict exists: nothing left to do


@dataclass(frozen=True, slots=True)
class ReviewView:
    """What ``viewer`` may see of one item's verdicts."""

    target: Target
    own: Verdict | None
    others: tuple[Verdict, ...]  # other reviewers' submitted verdicts, when the viewer may see them
    blind: bool  # blind review keeps other reviewers' verdicts from the viewer (how many is not told either)
    final: FinalVerdict | None  # shown once the viewer may see the others


@dataclass(frozen=True, slots=True)
class SaveResult:
    verdict: Verdict
    final: FinalVerdict | None  # set when this submission completed an agreed item that was accepted


@dataclass(frozen=True, slots=True)
class AdjudicationItem:
    """An item for the lead: every submitted verdict side by side (labels, notes, sources)."""

    target: Target
    verdicts: tuple[Verdict, ...]
    assignees: tuple[int, ...]
    pending: tuple[int, ...]  # assignees who have not submitted yet
    agreed: bool  # all submitted verdicts carry the same label
    ready: bool  # every assignee has submitted (or, unassigned, enough reviews are in)
    final: FinalVerdict | None


@dataclass(frozen=True, slots=True)
class Dashboard:
    """The dashboard's figures as ``viewer`` may see them.

    Leads and admins see everyone's (``own_only`` False: :meth:`Store.stats`). A reviewer sees only their
    own (``own_only`` True), since blind review keeps other reviewers' verdicts, and whether they have
    submitted, from them: ``per_reviewer`` holds only their row; ``reviewed_claims``,
    ``verdict_distribution`` and the ``rated``/``inaccurate`` counts of ``by_outlet`` count the claims their
    own submitted verdicts cover (a claim's own verdict before its group's); ``final_claims`` counts those
    of them with a final verdict (which they may see once they have submitted). Counts of claims, articles,
    outlets and groups carry no verdicts and are the same for everyone. ``discrepant`` lists the first
    discrepant groups with the review status the viewer may see (a reviewer's own, no final labels).
    """

    stats: Stats
    own_only: bool
    discrepant: tuple[GroupRow, ...]
    discrepant_total: int


def _auth_role(user: User) -> auth.Role:
    return auth.Role(user.role.value if isinstance(user.role, Role) else str(user.role))


_user_from_row = account_rows.user_from_row


def _stamp(moment: datetime) -> str:
    return auth.utc(moment).isoformat(timespec="microseconds")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def plan_deal(
    targets: Sequence[Target],
    reviewer_ids: Sequence[int],
    per_item: int,
    *,
    existing: Mapping[Target, Iterable[int]] | None = None,
    load: Mapping[int, int] | None = None,
) -> dict[Target, list[int]]:
    """Which reviewers to add to each target so that it has ``per_item`` distinct reviewers.

    Reviewers already assigned to a target count towards its ``per_item``. Each new slot goes to the
    reviewer with the fewest assignments so far (``load`` gives the starting counts); ties rotate with the
    target's position, so pairs of reviewers vary, which pairwise agreement needs.
    """
    reviewers = list(dict.fromkeys(reviewer_ids))
    if per_item < 1:
        raise InputError("reviews per item", f"must be 1 or more (it is {per_item})")
    if len(reviewers) < per_item:
        raise InputError(
            "reviewers", f"{per_item} independent reviews per item need at least {per_item} reviewers; "
                         f"{len(reviewers)} given"
        )
    counts = Counter({r: 0 for r in reviewers})
    counts.update({r: n for r, n in (load or {}).items() if r in counts})
    position = {r: i for i, r in enumerate(reviewers)}
    plan: dict[Target, list[int]] = {}
    for i, target in enumerate(dict.fromkeys(targets)):
        have = set((existing or {}).get(target, ()))
        need = per_item - len(have)
        candidates = [r for r in reviewers if r not in have]
        chosen = sorted(candidates, key=lambda r: (counts[r], (position[r] - i) % len(reviewers)))[: max(need, 0)]
        for r in chosen:
            counts[r] += 1
        plan[target] = chosen
    return plan


class Team:
    """Team workflow over a :class:`~workbench.store.Store`. ``clock`` returns the current UTC time."""

    def __init__(
        self,
        store: Store,
        config: TeamConfig | None = None,
        *,
        clock: Callable[[], datetime] = _utcnow,
        trusted: bool = False,
    ):
        self.store = store
        self.config = config or TeamConfig(cookie_secret="")
        self.clock = clock
        # trusted: single-user mode's rules (workbench.desk.SingleUser): every operation is allowed, blind
        # review does not apply, and the acting user is still loaded and recorded.
        self.trusted = trusted

    # --- plumbing -----------------------------------------------------------------------------------------

    def _write(self, fn: Callable[[Connection], Any]) -> Any:
        return eng.run_write(self.store.engine, fn)

    def _read(self):  # type: ignore[no-untyped-def]
        return eng.read_tx(self.store.engine)

    @staticmethod
    def _load_user(conn: Connection, user_id: int) -> User:
        user = account_rows.load(conn, user_id)
        if user is None:
            raise PermissionDenied(f"no user with id {user_id}: sign in again")
        if user.disabled:
            raise PermissionDenied(f"the account {user.name} is disabled")
        return user

    def _actor(self, conn: Connection, actor: User | int, action: Action, **ids: Any) -> User:
        user = self._load_user(conn, actor.id if isinstance(actor, User) else actor)
        if not self.trusted:
            auth.require(_auth_role(user), action, **ids)
        return user

    def _operator(self, conn: Connection, actor: User | int | None, action: Action) -> User | None:
        """``None`` is the operator at the command line, who holds the database itself."""
        if actor is None:
            return None
        return self._actor(conn, actor, action)

    # --- users --------------------------------------------------------------------------------------------

    def add_user(
        self,
        actor: User | int | None,
        name: str,
        *,
        role: Role | str = Role.REVIEWER,
        password: str | None = None,
        display_name: str | None = None,
        external_id: str | None = None,
    ) -> User:
        """Create an account; ``actor`` None is the command line. A password is hashed with argon2id. The
        names the history export gives changes made without a signed-in user are refused."""
        role = Role(role)
        if (name or "").strip().casefold() in export.RESERVED_NAMES:
            raise InputError("user name", f"{name.strip()!r} is how the history names changes made without a "
                                          "signed-in user; choose another name")
        pw_hash = auth.hash_password(password) if password is not None else None

        def _do(conn: Connection) -> User:
            who = self._operator(conn, actor, Action.MANAGE_USERS)
            return self.store.create_user(name, role=role, password_hash=pw_hash, display_name=display_name,
                                          external_id=external_id, actor_id=who.id if who else None)

        return self._write(_do)

    def users(self, *, include_disabled: bool = True) -> list[User]:
        return self.store.users(include_disabled=include_disabled)

    def user(self, name: str) -> User:
        found = self.store.user_by_name(name)
        if found is None:
            known = ", ".join(u.name for u in self.store.users()) or "(none yet)"
            raise InputError("user", f"no user called {name!r}; users: {known}")
        return found

    def _ensure_admin_remains(self, target: User, *, new_role: Role | None = None, disabling: bool = False) -> None:
        if target.role is not Role.ADMIN or target.disabled:
            return
        if new_role in (None, Role.ADMIN) and not disabling:
            return
        others = [u for u in self.store.users(include_disabled=False) if u.role is Role.ADMIN and u.id != target.id]
        if not others:
            raise InputError("user", f"{target.name} is the last active admin; make someone else admin first")

    def set_role(self, actor: User | int | None, name: str, role: Role | str) -> User:
        role = Role(role)

        def _do(conn: Connection) -> User:
            who = self._operator(conn, actor, Action.MANAGE_USERS)
            target = self.user(name)
            self._ensure_admin_remains(target, new_role=role)
            return self.store.update_user(target.id, actor_id=who.id if who else None, role=role)

        return self._write(_do)

    def set_disabled(self, actor: User | int | None, name: str, disabled: bool = True) -> User:
        def _do(conn: Connection) -> User:
            who = self._operator(conn, actor, Action.MANAGE_USERS)
            target = self.user(name)
            if disabled:
                self._ensure_admin_remains(target, disabling=True)
            return self.store.update_user(target.id, actor_id=who.id if who else None, disabled=disabled)

        return self._write(_do)

    def set_password(self, actor: User | int | None, name: str, password: str) -> User:
        """Admins (and the command line) set anyone's password; everyone may set their own."""
        new_hash = auth.hash_password(password)

        def _do(conn: Connection) -> User:
            target = self.user(name)
            if actor is None:
                who = None
            else:
                who = self._load_user(conn, actor.id if isinstance(actor, User) else actor)
                if who.id != target.id and not self.trusted:
                    auth.require(_auth_role(who), Action.MANAGE_USERS)
            return self.store.update_user(target.id, actor_id=who.id if who else None, password_hash=new_hash)

        return self._write(_do)

    # --- sign-in ------------------------------------------------------------------------------------------

    def _signin_state(self, conn: Connection, user_id: int, now: datetime) -> auth.SignInState:
        """Replay recent sign-in events from the audit log (failures since the last success that can still
        matter: within the failure window plus the lockout)."""
        policy = self.config.lockout
        since = _stamp(now - policy.window - policy.lockout)
        rows = account_rows.sign_in_events(conn, user_id, since)
        state = auth.SignInState()
        for r in rows:
            if r.action == "sign_in":
                state = auth.record_success(state)
            else:
                state = auth.record_failure(state, datetime.fromisoformat(r.at), policy)
        return state

    def authenticate(self, name: str, password: str) -> User:
        """The user with this name and password, or :class:`SignInFailed` / :class:`AccountLocked`.

        Failed attempts are recorded in the audit log; ``max_failed_signins`` of them within the window
        lock the account for the lockout period, during which even the right password is refused.
        """
        now = self.clock()
        stamp = _stamp(now)

        def _do(conn: Connection) -> tuple[str, Any]:
            # The account's row is locked for the whole attempt (SQLite: the write transaction is exclusive
            # already), so parallel attempts on one account are counted one after another: once the
            # configured number of failures is recorded, no further password is checked until the lockout ends.
            r = account_rows.by_name_locked(conn, (name or "").strip())
            if r is None:
                auth.verify_unknown_user(password or "")
                return "failed", None
            state = self._signin_state(conn, r.id, now)
            if auth.is_locked(state, now):
                return "locked", state.locked_until
            if not r.password_hash or not auth.verify_password(r.password_hash, password or ""):
                account_rows.record_event(conn, None, "sign_in_failed", r.id, at=stamp)
                after = auth.record_failure(state, now, self.config.lockout)
                if auth.is_locked(after, now):
                    account_rows.record_event(conn, None, "account_locked", r.id,
                                              {"until": _stamp(after.locked_until)}, at=stamp)
                    return "locked", after.locked_until
                return "failed", None
            if r.disabled:
                return "disabled", None
            account_rows.record_event(conn, r.id, "sign_in", r.id, at=stamp)
            if auth.needs_rehash(r.password_hash):
                account_rows.set_password_hash(conn, r.id, auth.rehash_password(password))
            return "ok", _user_from_row(r)

        outcome, value = self._write(_do)
        if outcome == "ok":
            return value
        if outcome == "locked":
            raise AccountLocked(auth.utc(value))
        if outcome == "disabled":
            raise SignInFailed("this account is disabled; ask an admin to enable it")
        raise SignInFailed("wrong name or password")

    def sign_in_external(self, subject: str, email: str | None) -> User:
        """The account for an OpenID Connect identity (``st.user`` ``sub`` and ``email``).

        An account is found by its stored subject, or else by a name equal to the e-mail address (which is
        then linked to the subject). Nobody gets an account just by signing in: an admin adds it first.
        """
        if not subject:
            raise SignInFailed("the sign-in provider gave no subject identifier")
        stamp = _stamp(self.clock())

        def _do(conn: Connection) -> User | None:
            r = account_rows.by_external_id(conn, subject)
            if r is None and email:
                r = account_rows.unlinked_by_name(conn, email.strip())
                if r is not None:
                    account_rows.link_external_id(conn, r.id, subject, at=stamp)
            if r is None or r.disabled:
                return None
            account_rows.record_event(conn, r.id, "sign_in", r.id, {"via": "oidc"}, at=stamp)
            return account_rows.load(conn, r.id)

        user = self._write(_do)
        if user is None:
            raise SignInFailed(
                f"no active account for {email or subject}; ask an admin to add it "
                f"(workbench users add {email or 'NAME'})"
            )
        return user

    # --- assignment ---------------------------------------------------------------------------------------

    def assign(self, actor: User | int, target: Target, user_ids: Sequence[int]) -> list[Assignment]:
        """Put ``target`` (a claim, group or article) in each user's queue (audited)."""
        def _do(conn: Connection) -> list[Assignment]:
            who = self._actor(conn, actor, Action.ASSIGN_WORK)
            return [self.store.assign(target, uid, actor_id=who.id) for uid in dict.fromkeys(user_ids)]

        return self._write(_do)

    def unassign(self, actor: User | int, target: Target, user_id: int) -> bool:
        """Take ``target`` out of the user's queue (audited). Items that were waiting only for that user
        and on which everyone else agrees are then accepted, when automatic acceptance is configured."""
        def _do(conn: Connection) -> bool:
            who = self._actor(conn, actor, Action.ASSIGN_WORK)
            removed = self.store.unassign(target, user_id, actor_id=who.id)
            if removed and self.config.auto_accept_agreement:
                items = [target]
                if target.kind is TargetKind.ARTICLE:
                    items = [Target.claim(c) for c in assignment_rows.claims_of_article(conn, target.id)]
                for t in items:
                    if review.get_final(conn, t) is None:
                        self._auto_accept(conn, t, who)
            return removed

        return self._write(_do)

    def deal(
        self,
        actor: User | int,
        targets: Sequence[Target],
        reviewer_ids: Sequence[int],
        *,
        per_item: int | None = None,
    ) -> list[Assignment]:
        """Assign each target to enough of ``reviewer_ids`` that it gets ``per_item`` independent reviews
        (default: the configured reviews per item), balancing the reviewers' loads. One transaction."""
        per_item = per_item or self.config.reviews_per_item
        stamp = audit.now()

        def _do(conn: Connection) -> list[Assignment]:
            who = self._actor(conn, actor, Action.ASSIGN_WORK)
            for uid in reviewer_ids:
                self._load_user(conn, uid)
            for t in targets:
                self._check_assignable(conn, t)
            existing: dict[Target, set[int]] = defaultdict(set)
            load: Counter = Counter()
            for t, uid in assignment_rows.all_pairs(conn):
                existing[t].add(uid)
                load[uid] += 1
            plan = plan_deal(targets, reviewer_ids, per_item, existing=existing, load=load)
            made: list[Assignment] = []
            for target, chosen in plan.items():
                for uid in chosen:
                    made.append(assignment_rows.insert(conn, target, uid, assigned_by=who.id, at=stamp, dealt=True))
            return made

        return self._write(_do)

    @staticmethod
    def _check_assignable(conn: Connection, target: Target) -> None:
        if target.kind is TargetKind.ARTICLE:
            if not reviewing.article_exists(conn, target.id):
                raise StoreError(f"no article with id {target.id!r}")
        else:
            review.check_target(conn, target)

    @staticmethod
    def _assignees(conn: Connection, target: Target) -> set[int]:
        """Who is assigned to judge ``target``: directly, or (for a claim) through its article."""
        return assignment_rows.assignees(conn, target)

    @staticmethod
    def _may_judge(conn: Connection, target: Target, user_id: int) -> bool:
        """Assigned to the target, its article, or (for a claim) its group."""
        return (user_id in assignment_rows.assignees(conn, target)
                or assignment_rows.assigned_via_group_or_article(conn, target, user_id))

    def queue(self, user: User | int) -> list[QueueItem]:
        """The user's personal queue: assigned claims and groups, and the claims of assigned articles."""
        uid = user.id if isinstance(user, User) else user
        with self._read() as conn:
            items: list[tuple[Target, Target]] = []
            for via in assignment_rows.rows_of(conn, uid):
                if via.kind is TargetKind.ARTICLE:
                    for cid in assignment_rows.claims_of_article(conn, via.id):
                        items.append((Target.claim(cid), via))
                else:
                    items.append((via, via))
            seen: dict[Target, Target] = {}
            for t, via in items:
                seen.setdefault(t, via)
            own = reviewing.own_statuses(conn, uid)
            finals = reviewing.final_targets(conn)
        return [QueueItem(target=t, via=via, own_status=own.get((t.kind, t.id)),
                          final=(t.kind.value, t.id) in finals) for t, via in seen.items()]

    # --- blind review -------------------------------------------------------------------------------------

    @staticmethod
    def _has_submitted(conn: Connection, target: Target, user_id: int) -> bool:
        return assignment_rows.has_submitted(conn, target, user_id)

    def review_view(self, viewer: User | int, target: Target) -> ReviewView:
        """The verdicts on ``target`` that ``viewer`` may see. Blind review: another reviewer's verdict is
        shown only to leads and admins, or once the viewer has submitted their own (on the item, or on the
        claim's group). Drafts are never shown to anyone but their author."""
        with self._read() as conn:
            user = self._load_user(conn, viewer.id if isinstance(viewer, User) else viewer)
            review.check_target(conn, target)
            all_v = reviewing.verdicts_on(conn, target)
            own = next((v for v in all_v if v.reviewer_id == user.id), None)
            others = [v for v in all_v if v.reviewer_id != user.id and v.status is VerdictStatus.SUBMITTED]
            sees = self.trusted or auth.can(_auth_role(user), Action.VIEW_OTHERS_BEFORE_SUBMITTING) or self._has_submitted(
                conn, target, user.id)
            final = review.get_final(conn, target) if sees else None
        if sees:
            return ReviewView(target, own, tuple(others), False, final)
        return ReviewView(target, own, (), True, None)

    def visible_verdicts(self, viewer: User | int, target: Target) -> list[Verdict]:
        """The viewer's own verdict (if any) followed by the others they may see (see :meth:`review_view`)."""
        view = self.review_view(viewer, target)
        return ([view.own] if view.own else []) + list(view.others)

    # --- writes by reviewers ------------------------------------------------------------------------------

    def _check_reviewer_write(self, conn: Connection, user: User, target: Target, *, changing: bool) -> None:
        """A reviewer's write on ``target`` (a verdict, a source): assigned, no final verdict yet, and no
        change to a verdict they already submitted."""
        if self.trusted or auth.can(_auth_role(user), Action.VIEW_OTHERS_BEFORE_SUBMITTING):
            return  # leads and admins (and single-user mode) are not bound by blind review
        what = f"{target.kind.value} {target.id}"
        if not self._may_judge(conn, target, user.id):
            raise PermissionDenied(f"the {what} is not in {user.name}'s queue; ask a lead to assign it")
        if review.get_final(conn, target) is not None:
            raise PermissionDenied(f"the {what} has a final verdict; reviewers' verdicts on it are closed")
        if changing:
            mine = review.get_verdict(conn, target, user.id)
            if mine is not None and mine.status is VerdictStatus.SUBMITTED:
                raise PermissionDenied(
                    f"{user.name}'s verdict on the {what} is submitted and locked (other reviewers' verdicts "
                    "are visible after submitting); ask a lead to record a final verdict instead"
                )

    def save_verdict(
        self,
        actor: User | int,
        target: Target,
        label: str | int | None,
        *,
        note: str = "",
        submit: bool = False,
        expected_version: int | None = None,
        reviewer_id: int | None = None,
    ) -> SaveResult:
        """Save the actor's own verdict (draft, or submitted). ``reviewer_id`` other than the actor's is
        refused: nobody changes another reviewer's verdict. A submission that completes an item on which
        every reviewer agrees accepts that verdict as final when automatic acceptance is configured."""
        actor_id = actor.id if isinstance(actor, User) else actor
        owner = actor_id if reviewer_id is None else reviewer_id

        def _do(conn: Connection) -> SaveResult:
            user = self._actor(conn, actor_id, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=actor_id)
            self._check_reviewer_write(conn, user, target, changing=True)
            saved = review.save_verdict(conn, target, user.id, label, note=note, submit=submit,
                                        expected_version=expected_version)
            final = None
            if submit and self.config.auto_accept_agreement:
                final = self._auto_accept(conn, target, user)
            return SaveResult(saved, final)

        return self._write(_do)

    def _item_state(self, conn: Connection, target: Target) -> AdjudicationItem:
        submitted = [v for v in reviewing.verdicts_on(conn, target)
                     if v.status is VerdictStatus.SUBMITTED]
        assignees = self._assignees(conn, target)
        done = {v.reviewer_id for v in submitted}
        pending = sorted(assignees - done)
        ready = (not pending) if assignees else len(submitted) >= self.config.reviews_per_item
        ready = ready and bool(submitted)
        # agreed or disputed by the one rule of workbench.store.disputes
        given = [disputes.Given(v.id, v.reviewer_id, v.label_id, v.updated_at) for v in submitted]
        standing = disputes.standing(None, None, given, ())
        return AdjudicationItem(
            target=target, verdicts=tuple(submitted), assignees=tuple(sorted(assignees)), pending=tuple(pending),
            agreed=standing.status is disputes.Standing.SUBMITTED, ready=ready, final=review.get_final(conn, target),
        )

    def _auto_accept(self, conn: Connection, target: Target, trigger: User) -> FinalVerdict | None:
        state = self._item_state(conn, target)
        if state.final is not None or not state.ready or not state.agreed:
            return None
        if len(state.verdicts) < min(2, self.config.reviews_per_item):
            return None
        basis = state.verdicts[-1]
        try:
            final = review.save_final_verdict(conn, target, trigger.id, basis.label_id, expected_version=0,
                                              note=AUTO_ACCEPT_NOTE, basis_verdict_id=basis.id)
        except review.StaleSaveError:
            return None  # somebody decided it meanwhile (PostgreSQL, concurrent transactions): theirs stands
        audit.record(conn, trigger.id, disputes.AUTO_ACCEPT_ACTION, "final_verdict", final.id, None,
                     {"target_kind": target.kind.value, "target_id": target.id, "label": final.label,
                      "reviewers": sorted(v.reviewer_id for v in state.verdicts)})
        return final

    def add_source(self, actor: User | int, target: Target, source: SourceInput) -> Source:
        """Attach a source to the actor's own verdict on ``target`` (adding sources to a submitted verdict
        is allowed: it documents the verdict without changing it)."""
        actor_id = actor.id if isinstance(actor, User) else actor

        def _do(conn: Connection) -> Source:
            user = self._actor(conn, actor_id, Action.SAVE_OWN_VERDICT, owner_id=actor_id, actor_id=actor_id)
            self._check_reviewer_write(conn, user, target, changing=False)
            return review.add_source(conn, target, user.id, source)

        return self._write(_do)

    def remove_source(self, actor: User | int, source_id: int) -> None:
        """Remove a source from the actor's own verdict; another reviewer's source is refused."""
        actor_id = actor.id if isinstance(actor, User) else actor
        def _do(conn: Connection) -> None:
            found = reviewing.source_owner(conn, source_id)
            if found is None:
                raise StoreError(f"no source with id {source_id}")
            owner, target = found
            user = self._actor(conn, actor_id, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=actor_id)
            self._check_reviewer_write(conn, user, target, changing=True)
            review.remove_source(conn, source_id, user.id)

        self._write(_do)

    def record_correction(self, actor: User | int, claim_id: str, **fields: Any) -> Correction:
        """Record the actor's own correction of an extracted claim (fields as ``Store.record_correction``)."""
        actor_id = actor.id if isinstance(actor, User) else actor
        owner = fields.pop("reviewer_id", actor_id)
        target = Target.claim(claim_id)

        def _do(conn: Connection) -> Correction:
            user = self._actor(conn, actor_id, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=actor_id)
            self._check_reviewer_write(conn, user, target, changing=False)
            return review.record_correction(conn, claim_id, user.id, **fields)

        return self._write(_do)

    # --- adjudication -------------------------------------------------------------------------------------

    def adjudication_queue(self, actor: User | int, *, include_agreed: bool = True) -> list[AdjudicationItem]:
        """Items without a final verdict for the lead: every disagreement between two or more submitted
        verdicts (also while other assignees are still pending), and, when ``include_agreed``, ready items
        on which everyone agrees but that were not accepted automatically (automatic acceptance off, or a
        single review). Disagreements first, ready items before pending ones."""
        with self._read() as conn:
            self._actor(conn, actor, Action.ADJUDICATE)
            targets = reviewing.open_targets(conn)
            items = [self._item_state(conn, t) for t in targets]
        items = [i for i in items
                 if (not i.agreed and len(i.verdicts) >= 2) or (i.agreed and i.ready and include_agreed)]
        return sorted(items, key=lambda i: (i.agreed, not i.ready, i.target.kind.value, i.target.id))

    def decide(
        self,
        actor: User | int,
        target: Target,
        label: str | int,
        *,
        expected_version: int,
        note: str = "",
        basis_verdict_id: int | None = None,
    ) -> FinalVerdict:
        """The lead's final verdict: versioned (``expected_version`` is the version loaded, 0 for none; a
        stale save is refused with who changed it) and audited."""
        actor_id = actor.id if isinstance(actor, User) else actor

        def _do(conn: Connection) -> FinalVerdict:
            user = self._actor(conn, actor_id, Action.SAVE_FINAL_VERDICT)
            return review.save_final_verdict(conn, target, user.id, label, expected_version=expected_version,
                                             note=note, basis_verdict_id=basis_verdict_id)

        return self._write(_do)

    def accept_agreed(self, actor: User | int) -> list[FinalVerdict]:
        """Accept every ready item on which all submitted verdicts agree, as final verdicts by ``actor``."""
        actor_id = actor.id if isinstance(actor, User) else actor

        def _do(conn: Connection) -> list[FinalVerdict]:
            user = self._actor(conn, actor_id, Action.SAVE_FINAL_VERDICT)
            targets = reviewing.open_targets(conn)
            out = []
            for t in targets:
                made = self._auto_accept(conn, t, user)
                if made is not None:
                    out.append(made)
            return out

        return self._write(_do)

    # --- importing ----------------------------------------------------------------------------------------

    def import_articles(
        self,
        actor: User | int | None,
        new_articles: Sequence[Article],
        *,
        refused: Sequence[RefusedFile] = (),
        jobs: int = 1,
        dry_run: bool = False,
        grouper: Grouper | None = None,
        extractor: Callable[[Sequence[Article]], list[Any]] | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Extract the articles not stored yet, then store and regroup them as ``actor`` (leads and admins):
        the role is checked before extracting and again in the transaction that stores."""
        with self._read() as conn:
            self._operator(conn, actor, Action.IMPORT_ARTICLES)
        found, dropped = extract_new(self.store, new_articles, jobs=jobs, extractor=extractor, progress=progress)

        def _do(conn: Connection) -> ImportReport:
            who = self._operator(conn, actor, Action.IMPORT_ARTICLES)
            return self.store.import_articles(new_articles, found, grouper=grouper or default_grouper,
                                              actor_id=who.id if who else None, refused=refused,
                                              claims_dropped=dropped, dry_run=dry_run)

        return self._write(_do)

    def import_paths(
        self,
        actor: User | int | None,
        paths: Sequence[str | os.PathLike[str]],
        *,
        outlet: str | None = None,
        encoding: str | None = None,
        jobs: int = 1,
        dry_run: bool = False,
        grouper: Grouper | None = None,
        extractor: Callable[[Sequence[Article]], list[Any]] | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Read files or folders (see :func:`workbench.importing.read_files`), then :meth:`import_articles`
        as ``actor``: leads and admins."""
        with self._read() as conn:
            self._operator(conn, actor, Action.IMPORT_ARTICLES)
        found, refused = read_files(paths, outlet=outlet, encoding=encoding, progress=progress)
        return self.import_articles(actor, found, refused=refused, jobs=jobs, dry_run=dry_run, grouper=grouper,
                                    extractor=extractor, progress=progress)

    # --- merging and splitting groups ---------------------------------------------------------------------

    def add_overrides(
        self, actor: User | int, links: Sequence[Override], *, grouper: Grouper | None = None
    ) -> RegroupReport:
        """Record that pairs of claims do (must_link: merge) or do not (cannot_link: split) state the same
        fact, and regroup; leads and admins (see the module docstring). Audited as the actor."""
        def _do(conn: Connection) -> RegroupReport:
            who = self._actor(conn, actor, Action.REGROUP)
            return self.store.add_overrides(links, actor_id=who.id, grouper=grouper or default_grouper)

        return self._write(_do)

    def add_override(
        self, actor: User | int, kind: LinkKind | str, claim_a: str, claim_b: str, *, grouper: Grouper | None = None
    ) -> RegroupReport:
        """One link of :meth:`add_overrides`."""
        return self.add_overrides(actor, [Override(LinkKind(kind), claim_a, claim_b)], grouper=grouper)

    def remove_override(self, actor: User | int, override_id: int, *, grouper: Grouper | None = None) -> RegroupReport:
        """Take back a merge or split and regroup; leads and admins."""
        def _do(conn: Connection) -> RegroupReport:
            who = self._actor(conn, actor, Action.REGROUP)
            return self.store.remove_override(override_id, actor_id=who.id, grouper=grouper or default_grouper)

        return self._write(_do)

    # --- verdict scale and settings -----------------------------------------------------------------------

    def update_label(
        self,
        actor: User | int | None,
        label_id: int,
        *,
        label: str | None = None,
        rating_value: int | None | type[Ellipsis] = ...,
        position: int | None = None,
        key: str | None | type[Ellipsis] = ...,
        inaccurate: bool | None = None,
        description: str | None = None,
    ) -> ScaleLabel:
        """Edit one label of a verdict scale (admins). A label is not empty; a key is one letter or digit,
        stored in capitals, not used by another label of the same scale (``key=None`` clears it)."""
        def _do(conn: Connection) -> Any:
            nonlocal label, key
            who = self._operator(conn, actor, Action.MANAGE_SCALES)
            scale = next((sc for sc in self.store.scales() if any(x.id == label_id for x in sc.labels)), None)
            if scale is None:
                raise StoreError(f"no scale label with id {label_id}")
            if label is not None:
                label = label.strip()
                if not label:
                    raise InputError("label", "is empty; give the verdict's name")
                if any(x.label == label and x.id != label_id for x in scale.labels):
                    raise InputError("label", f"{label!r} is already another verdict of the scale {scale.name!r}")
            if key is not ... and key is not None:
                key = str(key).strip().upper()
                if len(key) != 1 or not key.isalnum():
                    raise InputError("key", f"{key!r} is not one letter or digit")
                taken = next((x for x in scale.labels if x.id != label_id and (x.key or "").upper() == key), None)
                if taken is not None:
                    raise InputError("key", f"{key} is already the key of {taken.label!r}")
            return self.store.update_label(label_id, actor_id=who.id if who else None, label=label,
                                           rating_value=rating_value, position=position, key=key,
                                           inaccurate=inaccurate, description=description)

        return self._write(_do)

    def create_scale(
        self, actor: User | int | None, name: str, labels: Sequence[LabelSpec], *, make_default: bool = False
    ) -> Scale:
        """Add a verdict scale (admins)."""
        def _do(conn: Connection) -> Any:
            who = self._operator(conn, actor, Action.MANAGE_SCALES)
            return self.store.create_scale(name, labels, actor_id=who.id if who else None, make_default=make_default)

        return self._write(_do)

    def set_default_scale(self, actor: User | int | None, scale_id: int) -> None:
        """Make a scale the one verdicts are given on (admins)."""
        def _do(conn: Connection) -> Any:
            who = self._operator(conn, actor, Action.MANAGE_SCALES)
            self.store.set_default_scale(scale_id, actor_id=who.id if who else None)

        self._write(_do)

    def set_setting(self, actor: User | int | None, key: str, value: Any) -> None:
        """Change a setting (admins), e.g. ``claimreview.organisation``."""
        def _do(conn: Connection) -> Any:
            who = self._operator(conn, actor, Action.CHANGE_SETTINGS)
            self.store.set_setting(key, value, actor_id=who.id if who else None)

        self._write(_do)

    # --- exports ------------------------------------------------------------------------------------------

    def verdict_csv(self, actor: User | int, **filters: Any) -> bytes:
        """The verdict CSV (:func:`workbench.export.verdict_csv_bytes`): leads and admins."""
        with self._read() as conn:
            self._actor(conn, actor, Action.EXPORT)
            return export.verdict_csv_bytes(self.store, **filters)

    def history_csv(self, actor: User | int, **kw: Any) -> bytes:
        """The history CSV (:func:`workbench.export.history_csv_bytes`): leads and admins."""
        with self._read() as conn:
            self._actor(conn, actor, Action.EXPORT)
            return export.history_csv_bytes(self.store, **kw)

    def claimreview_json(self, actor: User | int, **kw: Any) -> str:
        """ClaimReview JSON-LD (:func:`workbench.export.claimreview_json`): leads and admins."""
        with self._read() as conn:
            self._actor(conn, actor, Action.EXPORT)
            return export.claimreview_json(self.store, **kw)

    # --- dashboard ----------------------------------------------------------------------------------------

    def dashboard(self, viewer: User | int, *, discrepancies: int = 25) -> Dashboard:
        """The dashboard's figures as ``viewer`` may see them (see :class:`Dashboard`), with the first
        ``discrepancies`` discrepant groups in triage order."""
        with self._read() as conn:
            user = self._load_user(conn, viewer.id if isinstance(viewer, User) else viewer)
            everyone = self.trusted or auth.can(_auth_role(user), Action.VIEW_OTHERS_BEFORE_SUBMITTING)
            if everyone:
                rows, total = self.store.groups_page(GroupFilter(discrepant_only=True), 0, discrepancies)
                return Dashboard(self.store.stats(), False, tuple(rows), total)
            own = self._own_stats(conn, user)
            rows, total = self.store.groups_page(GroupFilter(discrepant_only=True, status_for=user.id), 0,
                                                 discrepancies)
        rows = [replace(r, final_label=None, final_version=0) for r in rows]
        return Dashboard(own, True, tuple(rows), total)

    @staticmethod
    def _own_stats(conn: Connection, user: User) -> Stats:
        """:class:`Stats` from ``user``'s own verdicts only (see :class:`Dashboard`)."""
        return stats_repo.own_stats(conn, user)

    # --- agreement ----------------------------------------------------------------------------------------

    def _ordinal_order(self, conn: Connection) -> list[str]:
        """Labels of the default scale that carry a rating, from the lowest rating to the highest."""
        return reviewing.ordinal_order(conn)

    def ratings(self, actor: User | int) -> list[agr.Rating]:
        """Every submitted verdict as an agreement rating (item = claim or group; reviewer = user name),
        with the claim's article title as its story, its outlet and its kind."""
        with self._read() as conn:
            self._actor(conn, actor, Action.VIEW_AGREEMENT)
            return self._ratings(conn)

    @staticmethod
    def _ratings(conn: Connection) -> list[agr.Rating]:
        return [agr.Rating(r.item, r.reviewer, r.label, story=r.story, outlet=r.outlet, kind=r.kind)
                for r in reviewing.rating_rows(conn)]

    def agreement(self, actor: User | int) -> agr.AgreementReport:
        """Agreement over all submitted verdicts: alpha (nominal, and ordinal over the rated labels of the
        default scale), kappa per reviewer pair, and breakdowns per story, outlet and kind."""
        with self._read() as conn:
            self._actor(conn, actor, Action.VIEW_AGREEMENT)
            rows = self._ratings(conn)
            order = self._ordinal_order(conn)
        return agr.agreement_report(rows, order=order or None)

    def correction_agreement(
        self, actor: User | int, *, rel_tol: float = 1e-3, abs_tol: float = 0.0
    ) -> agr.CorrectionAgreement:
        """Agreement on corrected values of claims that at least one reviewer corrected. A reviewer who
        judged such a claim without correcting it counts as keeping the extracted value; "not a claim"
        corrections carry no value and are left out."""
        with self._read() as conn:
            self._actor(conn, actor, Action.VIEW_AGREEMENT)
            corr, extracted, judged = reviewing.corrections_for_agreement(conn)
        rows: list[agr.Correction] = []
        corrected: dict[str, set[int]] = defaultdict(set)
        for r in corr:
            corrected[r.claim_id].add(r.reviewer_id)
            if r.not_a_claim:
                continue
            low, high = extracted[r.claim_id]
            low = r.low if r.low is not None else low
            high = r.high if r.high is not None else (r.low if r.low is not None else high)
            rows.append(agr.Correction(r.claim_id, str(r.reviewer_id), (low, high)))
        for cid, who in judged.items():
            for uid in sorted(who - corrected[cid]):
                rows.append(agr.Correction(cid, str(uid), extracted[cid]))
        return agr.correction_agreement(rows, rel_tol=rel_tol, abs_tol=abs_tol)

    def agreement_rows(self, actor: User | int) -> list[dict[str, Any]]:
        """The agreement report as CSV-ready rows (see :func:`workbench.agreement.report_rows`)."""
        return agr.report_rows(self.agreement(actor))
