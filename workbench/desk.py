"""The desk: the one service the command line and the screens call.

``Desk(store, policy)`` with a policy of :class:`SingleUser` (everything allowed; the acting person is
recorded) or :class:`Team` (``Team(config)``: roles, assignments and blind review). Every method, read or
write, opens ONE transaction (:func:`workbench.store.engine.run_write` / ``run_read``; the store's own methods
join it), loads the acting user in it, checks the permission and does the work, so a changed role or a
disabled account takes effect on the next call and nothing is checked in one transaction and written in
another. Visibility is applied in the read itself: :meth:`Desk.claim` and :meth:`Desk.group` give a
reviewer in blind review no other reviewer's verdict, note, source, correction or count of hidden verdicts
before their own is submitted, so a screen cannot show what its reader may not see.

The import pipeline (read, extract, store, regroup) is a desk operation: reading files and extracting numbers
touch no table and run before the write transaction; the permission check, the insert and the regrouping
run in it.

``actor`` is a :class:`~workbench.store.User` or a user id. In single-user mode it may be None: the
operator at the command line, who holds the database itself (recorded as nobody). In team mode None is the
command line too, for the commands an operator runs on the database (imports, exports, accounts); every
screen passes the signed-in user.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from workbench import auth, export, importing
from workbench import team as team_rules
from workbench.auth import Action, TeamConfig
from workbench.errors import PermissionDenied
from workbench.models import Article, Override
from workbench.store import (
    ClaimDetail,
    Correction,
    FinalVerdict,
    GroupDetail,
    GroupFilter,
    Grouper,
    ImportReport,
    RefusedFile,
    RegroupReport,
    Source,
    SourceInput,
    Store,
    Target,
    User,
    Verdict,
    VerdictStatus,
)
from workbench.store import engine as eng
from workbench.team import Dashboard, ReviewView, SaveResult

Actor = User | int | None

__all__ = ["Desk", "SingleUser", "Team", "Policy", "Actor", "NoActor"]


class NoActor(PermissionDenied):
    """A screen's write with nobody chosen (single-user mode) or signed in (team mode)."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SingleUser:
    """One desk, no roles: everything is allowed; the acting person is recorded on every write."""

    team_mode = False
    # a verdict is saved as given (no private drafts); the queue's statuses are everybody's
    drafts = False
    who_decides_finals = "Anyone may set it."
    config: TeamConfig = field(default_factory=lambda: TeamConfig(cookie_secret=""))

    def allows(self, user: User | None, action: Action, **ids: Any) -> bool:  # noqa: ARG002 - same shape as Team
        return True

    def require(self, user: User | None, action: Action, **ids: Any) -> None:
        return None

    def blind(self, user: User | None) -> bool:  # noqa: ARG002
        return False


@dataclass(frozen=True)
class Team:
    """Team mode: the permission matrix of :mod:`workbench.auth` by the user's role, assignments and blind
    review (the rules of :mod:`workbench.team`)."""

    config: TeamConfig
    clock: Callable[[], datetime] = _utcnow
    team_mode = True
    # a verdict is a private draft until submitted; the statuses in one's own queue are one's own
    drafts = True
    who_decides_finals = "Leads and admins decide it."

    def allows(self, user: User | None, action: Action, **ids: Any) -> bool:
        if user is None:
            return True  # the operator at the command line
        return auth.can(user.role.value, action, **ids)

    def require(self, user: User | None, action: Action, **ids: Any) -> None:
        if user is not None:
            auth.require(user.role.value, action, **ids)

    def blind(self, user: User | None) -> bool:
        """Whether ``user`` sees other reviewers' verdicts only after submitting their own."""
        return user is not None and not auth.can(user.role.value, Action.VIEW_OTHERS_BEFORE_SUBMITTING)


Policy = SingleUser | Team


class Desk:
    """Every operation of the workbench, as one transaction each, under ``policy``."""

    def __init__(self, store: Store, policy: Policy | None = None, *, grouper: Grouper | None = None):
        self.store = store
        self.policy: Policy = policy or SingleUser()
        self.grouper: Grouper = grouper or store.grouper or importing.default_grouper
        self.rules = team_rules.Team(store, self.policy.config, clock=getattr(self.policy, "clock", _utcnow),
                                     trusted=not self.policy.team_mode)

    # --- plumbing -----------------------------------------------------------------------------------------

    @property
    def team_mode(self) -> bool:
        return self.policy.team_mode

    def _write(self, fn: Callable[[Any], Any]) -> Any:
        return eng.run_write(self.store.engine, fn)

    def _read(self, fn: Callable[[Any], Any]) -> Any:
        return eng.run_read(self.store.engine, fn)

    def _load(self, conn: Any, actor: Actor) -> User | None:
        """The acting user, re-read in the transaction (None: the operator at the command line)."""
        if actor is None:
            return None
        return team_rules.Team._load_user(conn, actor.id if isinstance(actor, User) else actor)

    def _person(self, conn: Any, actor: Actor) -> User:
        """The acting user for an operation that must name somebody (a verdict, a source, a correction)."""
        user = self._load(conn, actor)
        if user is None:
            raise NoActor("choose who is reviewing first; every verdict carries a reviewer's name"
                          if not self.team_mode else "sign in first; every verdict carries the signed-in user's name")
        return user

    def _check(self, conn: Any, actor: Actor, action: Action, **ids: Any) -> User | None:
        user = self._load(conn, actor)
        self.policy.require(user, action, **ids)
        return user

    def can(self, user: User | None, action: Action) -> bool:
        """Whether ``user`` may do ``action`` (for choosing what to offer; every operation checks again)."""
        if self.team_mode and user is None:
            return False
        return self.policy.allows(user, action)

    def blind(self, user: User | None) -> bool:
        return self.policy.blind(user)

    # --- reading what a reader may see --------------------------------------------------------------------

    def _sees_others(self, conn: Any, user: User | None, target: Target) -> bool:
        if not self.policy.blind(user):
            return True
        assert user is not None
        return team_rules.Team._has_submitted(conn, target, user.id)

    def review_view(self, actor: Actor, target: Target) -> ReviewView:
        """The verdicts on ``target`` the reader may see; in blind review before their own is submitted only
        their own (``blind`` set; not even how many others there are)."""
        def work(conn: Any) -> ReviewView:
            user = self._load(conn, actor)
            all_v = self.store.verdicts(target)
            own = next((v for v in all_v if user is not None and v.reviewer_id == user.id), None)
            if self._sees_others(conn, user, target):
                others = [v for v in all_v if (user is None or v.reviewer_id != user.id)
                          and (v.status is VerdictStatus.SUBMITTED or not self.team_mode)]
                return ReviewView(target, own, tuple(others), False, self.store.final_verdict(target))
            return ReviewView(target, own, (), True, None)

        return self._read(work)

    def _filter_verdicts(self, conn: Any, user: User | None, target: Target, verdicts: Sequence[Verdict]) -> tuple:
        if not self.team_mode:
            return tuple(verdicts)
        mine = [v for v in verdicts if user is not None and v.reviewer_id == user.id]
        if not self._sees_others(conn, user, target):
            return tuple(mine)
        return tuple(mine + [v for v in verdicts if v not in mine and v.status is VerdictStatus.SUBMITTED])

    def claim(self, actor: Actor, claim_id: str) -> ClaimDetail:
        """One claim with the verdicts, finals and corrections the reader may see."""

        def work(conn: Any) -> ClaimDetail:
            user = self._load(conn, actor)
            detail = self.store.claim(claim_id)
            if not self.team_mode:
                return detail
            t = Target.claim(claim_id)
            sees = self._sees_others(conn, user, t)
            group_t = Target.group(detail.claim.group_id) if detail.claim.group_id else None
            return replace(
                detail,
                verdicts=self._filter_verdicts(conn, user, t, detail.verdicts),
                group_verdicts=(self._filter_verdicts(conn, user, group_t, detail.group_verdicts)
                                if group_t else ()),
                final=detail.final if sees else None,
                group_final=detail.group_final if sees else None,
                corrections=(detail.corrections if sees else
                             tuple(c for c in detail.corrections if user is not None and c.reviewer_id == user.id)),
            )

        return self._read(work)

    def group(self, actor: Actor, group_id: str) -> GroupDetail:
        """One group with the verdicts and finals the reader may see (its claims' exceptions likewise)."""

        def work(conn: Any) -> GroupDetail:
            user = self._load(conn, actor)
            detail = self.store.group_detail(group_id)
            if not self.team_mode:
                return detail
            t = Target.group(group_id)
            sees = self._sees_others(conn, user, t)
            claim_vs = [v for v in detail.claim_verdicts
                        if v in self._filter_verdicts(conn, user, v.target, [v])]
            return replace(
                detail,
                verdicts=self._filter_verdicts(conn, user, t, detail.verdicts),
                final=detail.final if sees else None,
                claim_verdicts=tuple(claim_vs),
                claim_finals=detail.claim_finals if sees else (),
            )

        return self._read(work)

    def visible_verdicts(self, actor: Actor, verdicts: Sequence[Verdict]) -> list[Verdict]:
        """Of ``verdicts``, the ones the reader may see (all of them in single-user mode)."""

        def work(conn: Any) -> list[Verdict]:
            user = self._load(conn, actor)
            allowed: set[int] = set()
            for target in dict.fromkeys(v.target for v in verdicts):
                allowed |= {v.id for v in self._filter_verdicts(conn, user, target,
                                                                 [v for v in verdicts if v.target == target])}
            return [v for v in verdicts if v.id in allowed]

        return self._read(work)

    def dashboard(self, actor: Actor, *, discrepancies: int = 25) -> Dashboard:
        """The dashboard's figures as the reader may see them (a reviewer in team mode: only their own)."""

        def work(conn: Any) -> Dashboard:
            user = self._load(conn, actor)
            if not self.policy.blind(user):
                rows, total = self.store.groups_page(GroupFilter(discrepant_only=True), 0, discrepancies)
                return Dashboard(self.store.stats(), False, tuple(rows), total)
            assert user is not None
            own = team_rules.Team._own_stats(conn, user)
            rows, total = self.store.groups_page(GroupFilter(discrepant_only=True, status_for=user.id), 0,
                                                 discrepancies)
            rows = [replace(r, final_label=None, final_version=0) for r in rows]
            return Dashboard(own, True, tuple(rows), total)

        return self._read(work)

    # --- reviewers' writes --------------------------------------------------------------------------------

    def _reviewer_write(self, conn: Any, user: User, target: Target, *, changing: bool) -> None:
        if self.team_mode:
            self.rules._check_reviewer_write(conn, user, target, changing=changing)

    def save_verdict(self, actor: Actor, target: Target, label: str | int | None, *, note: str = "",
                     submit: bool = False, expected_version: int | None = None,
                     reviewer_id: int | None = None) -> SaveResult:
        """Save the actor's own verdict (a draft, or submitted). Nobody saves another reviewer's verdict in
        team mode; a submission completing an item everyone agrees on becomes final when so configured."""
        def work(conn: Any) -> SaveResult:
            user = self._person(conn, actor)
            owner = user.id if reviewer_id is None else reviewer_id
            self.policy.require(user, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=user.id)
            self._reviewer_write(conn, user, target, changing=True)
            saved = self.store.save_verdict(target, owner, label, note=note, submit=submit,
                                            expected_version=expected_version)
            final = None
            if self.team_mode and submit and self.policy.config.auto_accept_agreement:
                final = self.rules._auto_accept(conn, target, user)
            return SaveResult(saved, final)

        return self._write(work)

    def add_source(self, actor: Actor, target: Target, source: SourceInput) -> Source:
        """Attach a source to the actor's own verdict (also to a submitted one: it documents it)."""
        def work(conn: Any) -> Source:
            user = self._person(conn, actor)
            self.policy.require(user, Action.SAVE_OWN_VERDICT, owner_id=user.id, actor_id=user.id)
            self._reviewer_write(conn, user, target, changing=False)
            return self.store.add_source(target, user.id, source)

        return self._write(work)

    def remove_source(self, actor: Actor, source_id: int) -> None:
        """Remove a source from the actor's own verdict (team mode: another reviewer's is refused)."""
        if self.team_mode:
            self._write(lambda conn: self.rules.remove_source(self._person(conn, actor), source_id))
            return
        self._write(lambda conn: self.store.remove_source(source_id, actor_id=self._person(conn, actor).id))

    def record_correction(self, actor: Actor, claim_id: str, **fields: Any) -> Correction:
        """The actor's own correction of an extracted claim (value, unit, noun, or "not a claim")."""
        def work(conn: Any) -> Correction:
            user = self._person(conn, actor)
            owner = fields.pop("reviewer_id", user.id)
            self.policy.require(user, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=user.id)
            self._reviewer_write(conn, user, Target.claim(claim_id), changing=False)
            return self.store.record_correction(claim_id, owner, **fields)

        return self._write(work)

    def save_final(self, actor: Actor, target: Target, label: str | int, *, expected_version: int,
                   note: str = "", basis_verdict_id: int | None = None) -> FinalVerdict:
        """The desk's final verdict: versioned (a stale save is refused with who changed it), audited."""
        def work(conn: Any) -> FinalVerdict:
            user = self._person(conn, actor)
            self.policy.require(user, Action.SAVE_FINAL_VERDICT)
            return self.store.save_final_verdict(target, user.id, label, expected_version=expected_version,
                                                 note=note, basis_verdict_id=basis_verdict_id)

        return self._write(work)

    # --- grouping -----------------------------------------------------------------------------------------

    def add_overrides(self, actor: Actor, links: Sequence[Override]) -> RegroupReport:
        """Merge (must-link) or split (cannot-link) groups and regroup; team mode: leads and admins."""

        def work(conn: Any) -> RegroupReport:
            user = self._check(conn, actor, Action.REGROUP)
            return self.store.add_overrides(links, actor_id=user.id if user else None, grouper=self.grouper)

        return self._write(work)

    def remove_override(self, actor: Actor, override_id: int) -> RegroupReport:
        def work(conn: Any) -> RegroupReport:
            user = self._check(conn, actor, Action.REGROUP)
            return self.store.remove_override(override_id, actor_id=user.id if user else None,
                                              grouper=self.grouper)

        return self._write(work)

    # --- importing ----------------------------------------------------------------------------------------

    def require_import(self, actor: Actor) -> None:
        """Refuse (:class:`PermissionDenied`) an actor who may not import, before anything is read or
        fetched for them (every import checks again in the transaction that stores)."""
        self._read(lambda conn: self._check(conn, actor, Action.IMPORT_ARTICLES))

    def import_articles(self, actor: Actor, articles: Sequence[Article], *, refused: Sequence[RefusedFile] = (),
                        jobs: int = 1, dry_run: bool = False,
                        extractor: Callable[[Sequence[Article]], list] | None = None,
                        progress: importing.Progress | None = None,
                        then: Callable[[ImportReport], None] | None = None) -> ImportReport:
        """Extract the articles not stored yet, then store and regroup them in one transaction that also
        checks the actor may import (team mode: leads and admins).

        ``then(report)`` runs in that same transaction once the batch is stored (never on a dry run): what an
        import remembers about the batch (an archive's checkpoint, the web pages fetched) commits with it or
        not at all."""
        self._read(lambda conn: self._check(conn, actor, Action.IMPORT_ARTICLES))  # refuse before extracting
        claims, dropped = importing.extract_new(self.store, articles, jobs=jobs, extractor=extractor,
                                                progress=progress)

        def work(conn: Any) -> ImportReport:
            user = self._check(conn, actor, Action.IMPORT_ARTICLES)
            report = self.store.import_articles(articles, claims, grouper=self.grouper,
                                                actor_id=user.id if user else None, refused=refused,
                                                claims_dropped=dropped, dry_run=dry_run)
            if then is not None and not dry_run:
                then(report)
            return report

        return self._write(work)

    def import_paths(self, actor: Actor, paths: Sequence[str | os.PathLike[str]], *, outlet: str | None = None,
                     encoding: str | None = None, jobs: int = 1, dry_run: bool = False,
                     extractor: Callable[[Sequence[Article]], list] | None = None,
                     progress: importing.Progress | None = None) -> ImportReport:
        """Read files or folders (each unreadable one refused with the reason), then :meth:`import_articles`."""
        self._read(lambda conn: self._check(conn, actor, Action.IMPORT_ARTICLES))
        articles, refused = importing.read_files(paths, outlet=outlet, encoding=encoding, progress=progress)
        return self.import_articles(actor, articles, refused=refused, jobs=jobs, dry_run=dry_run,
                                    extractor=extractor, progress=progress)

    # --- exports ------------------------------------------------------------------------------------------

    def verdict_csv(self, actor: Actor, **filters: Any) -> bytes:
        """The verdict CSV; team mode: leads and admins (an export shows every reviewer's verdicts)."""

        def work(conn: Any) -> bytes:
            self._check(conn, actor, Action.EXPORT)
            return export.verdict_csv_bytes(self.store, **filters)

        return self._read(work)

    def history_csv(self, actor: Actor, **kw: Any) -> bytes:
        def work(conn: Any) -> bytes:
            self._check(conn, actor, Action.EXPORT)
            return export.history_csv_bytes(self.store, **kw)

        return self._read(work)

    def claimreview_json(self, actor: Actor, **kw: Any) -> str:
        def work(conn: Any) -> str:
            self._check(conn, actor, Action.EXPORT)
            return export.claimreview_json(self.store, **kw)

        return self._read(work)

    def export_files(self, actor: Actor, options: dict, *, history_actor_id: int | None = None
                     ) -> tuple[bytes, bytes, bytes]:
        """The verdict CSV, the history CSV and ClaimReview JSON-LD for ``options``, from one snapshot."""

        def work(conn: Any) -> tuple[bytes, bytes, bytes]:
            self._check(conn, actor, Action.EXPORT)
            return (export.verdict_csv_bytes(self.store, **options),
                    export.history_csv_bytes(self.store, actor_id=history_actor_id),
                    export.claimreview_json(self.store, **options).encode("utf-8"))

        return self._read(work)

    def exporting(self, actor: Actor, write: Callable[[], Any]) -> Any:
        """Run ``write`` (which writes an export to a file or a stream) in one read transaction that first
        checks the actor may export: every figure it reads comes from the same snapshot."""

        def work(conn: Any) -> Any:
            self._check(conn, actor, Action.EXPORT)
            return write()

        return self._read(work)

    # --- the rest of the workflow: the rules of workbench.team, in one transaction of the desk ----------
    # (single-user mode runs the same rules trusted: everything allowed, the acting user still recorded)

    def _rules_write(self, name: str, actor: Actor, *args: Any, **kw: Any) -> Any:
        return self._write(lambda conn: getattr(self.rules, name)(actor, *args, **kw))

    def _rules_read(self, name: str, actor: Actor, *args: Any, **kw: Any) -> Any:
        return self._read(lambda conn: getattr(self.rules, name)(actor, *args, **kw))

    def set_setting(self, actor: Actor, key: str, value: Any) -> None:
        """Change a setting (e.g. ``claimreview.organisation``); team mode: admins."""
        self._rules_write("set_setting", actor, key, value)

    def update_label(self, actor: Actor, label_id: int, **changes: Any) -> Any:
        """Rename a verdict, change its key or rating; team mode: admins."""
        return self._rules_write("update_label", actor, label_id, **changes)

    def create_scale(self, actor: Actor, name: str, labels: Sequence[Any], *, make_default: bool = False) -> Any:
        return self._rules_write("create_scale", actor, name, labels, make_default=make_default)

    def set_default_scale(self, actor: Actor, scale_id: int) -> None:
        self._rules_write("set_default_scale", actor, scale_id)

    def add_user(self, actor: Actor, name: str, **kw: Any) -> User:
        """Create an account (team mode: admins; a password is hashed with argon2id)."""
        return self._rules_write("add_user", actor, name, **kw)

    def users(self, *, include_disabled: bool = True) -> list[User]:
        return self._read(lambda conn: self.rules.users(include_disabled=include_disabled))

    def user(self, name: str) -> User:
        """The account called ``name``, or InputError listing the accounts there are."""
        return self._read(lambda conn: self.rules.user(name))

    def set_role(self, actor: Actor, name: str, role: Any) -> User:
        return self._rules_write("set_role", actor, name, role)

    def set_disabled(self, actor: Actor, name: str, disabled: bool = True) -> User:
        return self._rules_write("set_disabled", actor, name, disabled)

    def set_password(self, actor: Actor, name: str, password: str) -> User:
        return self._rules_write("set_password", actor, name, password)

    def assign(self, actor: Actor, target: Target, user_ids: Sequence[int]) -> list:
        return self._rules_write("assign", actor, target, user_ids)

    def unassign(self, actor: Actor, target: Target, user_id: int) -> bool:
        return self._rules_write("unassign", actor, target, user_id)

    def deal(self, actor: Actor, targets: Sequence[Target], reviewer_ids: Sequence[int], *,
             per_item: int | None = None) -> list:
        return self._rules_write("deal", actor, targets, reviewer_ids, per_item=per_item)

    def queue(self, actor: Actor) -> list:
        """The actor's own queue (what was assigned to them)."""
        return self._read(lambda conn: self.rules.queue(self._person(conn, actor)))

    def queue_of(self, actor: Actor, user_id: int) -> list:
        """Another user's queue, for whoever assigns work (team mode: leads and admins)."""
        def work(conn: Any) -> list:
            self._check(conn, actor, Action.ASSIGN_WORK)
            return self.rules.queue(user_id)

        return self._read(work)

    # --- signing in (team mode) ---------------------------------------------------------------------------

    def authenticate(self, name: str, password: str) -> User:
        """The account with this name and password, or SignInFailed / AccountLocked (attempts limited and
        audited; see :meth:`workbench.team.Team.authenticate`)."""
        return self.rules.authenticate(name, password)

    def sign_in_external(self, subject: str, email: str | None) -> User:
        """The account of an OpenID Connect identity (:meth:`workbench.team.Team.sign_in_external`)."""
        return self.rules.sign_in_external(subject, email)

    @property
    def config(self) -> TeamConfig:
        """The team settings in force (reviews per item, automatic acceptance, lockout, sessions)."""
        return self.policy.config

    def adjudication_queue(self, actor: Actor, *, include_agreed: bool = True) -> list:
        return self._rules_read("adjudication_queue", actor, include_agreed=include_agreed)

    def accept_agreed(self, actor: Actor) -> list:
        return self._rules_write("accept_agreed", actor)

    def agreement(self, actor: Actor) -> Any:
        return self._rules_read("agreement", actor)

    def agreement_rows(self, actor: Actor) -> list:
        return self._rules_read("agreement_rows", actor)

    def ratings(self, actor: Actor) -> list:
        return self._rules_read("ratings", actor)

    def correction_agreement(self, actor: Actor, **kw: Any) -> Any:
        return self._rules_read("correction_agreement", actor, **kw)
