"""The :class:`Store`: every read and write of the workbench database goes through it. It opens the
transactions; the rows of each aggregate are read and written by the repositories beside it, each taking the
transaction's connection: :mod:`~workbench.store.articles` (articles, outlets, claims, the claim queue),
:mod:`~workbench.store.groups` (groups, overrides, regrouping, the group queue),
:mod:`~workbench.store.verdicts`, :mod:`~workbench.store.accounts`, :mod:`~workbench.store.sessions`,
:mod:`~workbench.store.assignments` and :mod:`~workbench.store.audit`."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, literal, select, update

from workbench.errors import InputError, StoreError
from workbench.models import Article, Claim, LinkKind, Override
from workbench.store import articles as article_repo
from workbench.store import audit
from workbench.store import engine as eng
from workbench.store import groups as group_repo
from workbench.store import queue
from workbench.store import stats as stats_repo
from workbench.store import verdicts as review
from workbench.store.groups import Grouper, IncrementalGrouper, group_id_for, make_group, singleton_group
from workbench.store.schema import (
    articles,
    assignments,
    audit_log,
    claims,
    corrections,
    final_verdicts,
    groups,
    outlets,
    overrides,
    scale_labels,
    scales,
    settings,
    sources,
    users,
    verdicts,
)
from workbench.store.types import (
    ArticleRef,
    ArticleView,
    Assignment,
    AuditEntry,
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    Correction,
    FinalVerdict,
    GroupDetail,
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
    StoredOverride,
    StoreInfo,
    Target,
    TargetKind,
    User,
    Verdict,
)

# the grouping names, kept importable from here (they live in workbench.store.groups)
__all__ = ["Store", "Grouper", "IncrementalGrouper", "group_id_for", "make_group", "singleton_group"]


class _DryRun(Exception):
    def __init__(self, report: ImportReport):
        self.report = report


class Store:
    """The workbench database. Open with :meth:`Store.open`; thread-safe (one engine, pooled connections)."""

    def __init__(self, engine: Engine, url: str, grouper: Grouper | None = None):
        self.engine = engine
        self.url = url
        self.grouper = grouper  # used when a regrouping write is handed none (the store imports no grouping)

    def _grouper(self, given: Grouper | None) -> Grouper:
        chosen = given or self.grouper
        if chosen is None:
            raise StoreError("regrouping needs a grouper: pass grouper= (workbench.desk.Desk passes the "
                             "workbench's grouping) or open the store with Store.open(url, grouper=...)")
        return chosen

    # --- opening ------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, upgrade: bool = True, grouper: Grouper | None = None) -> "Store":
        """Open the database at ``url`` (else ``$WORKBENCH_DB``, else ``./workbench.db``).

        An empty or older database is migrated to the current schema when ``upgrade`` (the default); a
        database written by a newer version of the workbench is refused with :class:`StoreError`.
        """
        resolved = eng.resolve_url(url)
        engine = eng.make_engine(resolved)
        try:
            eng.ensure_schema(engine, resolved, auto_upgrade=upgrade)
        except Exception:
            engine.dispose()
            raise
        return cls(engine, resolved, grouper)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def info(self) -> StoreInfo:
        with eng.read_tx(self.engine) as conn:
            rev = eng.current_revision(conn)
        return StoreInfo(url=eng.safe_url(self.url), dialect=self.dialect, revision=rev, head=eng.head_revision())

    def upgrade(self) -> tuple[str | None, str]:
        """Apply pending migrations; returns (revision before, revision after)."""
        return eng.upgrade(self.engine, self.url)

    def _write(self, fn: Callable[[Connection], Any]) -> Any:
        return eng.run_write(self.engine, fn)

    def _read(self):  # type: ignore[no-untyped-def]
        return eng.read_tx(self.engine)

    # --- users --------------------------------------------------------------------------------------------

    @staticmethod
    def _user(r: Any) -> User:
        return User(id=r.id, name=r.name, display_name=r.display_name, role=Role(r.role), disabled=bool(r.disabled),
                    has_password=r.password_hash is not None, external_id=r.external_id, created_at=r.created_at)

    def ensure_reviewer(self, name: str) -> User:
        """The user called ``name``, created as a reviewer if new (single-user mode's reviewer picker)."""
        name = (name or "").strip()
        if not name:
            raise InputError("reviewer", "is empty; give the reviewer's name")
        review.check_text("reviewer", name)
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.name == name)).first()
        if r is not None:
            return self._user(r)

        def _do(conn: Connection) -> User:
            ins = review._insert(conn, users).values(
                name=name, display_name=name, role="reviewer", created_at=audit.now(), disabled=False,
            ).on_conflict_do_nothing().returning(users.c.id)
            if conn.execute(ins).first() is not None:
                row = conn.execute(select(users).where(users.c.name == name)).one()
                audit.record(conn, row.id, "create_user", "user", row.id, None,
                             {"name": name, "role": "reviewer"})
            return self._user(conn.execute(select(users).where(users.c.name == name)).one())

        return self._write(_do)

    def create_user(
        self,
        name: str,
        *,
        role: Role = Role.REVIEWER,
        password_hash: str | None = None,
        display_name: str | None = None,
        external_id: str | None = None,
        actor_id: int | None = None,
    ) -> User:
        name = (name or "").strip()
        if not name:
            raise InputError("user name", "is empty")
        review.check_text("user name", name)

        def _do(conn: Connection) -> User:
            if conn.execute(select(users.c.id).where(users.c.name == name)).first() is not None:
                raise InputError("user name", f"{name!r} already exists")
            uid = conn.execute(insert(users).values(
                name=name, display_name=display_name or name, role=Role(role).value, password_hash=password_hash,
                external_id=external_id, disabled=False, created_at=audit.now(),
            ).returning(users.c.id)).scalar_one()
            audit.record(conn, actor_id, "create_user", "user", uid, None,
                         {"name": name, "role": Role(role).value, "external_id": external_id,
                          "password_set": password_hash is not None})
            return self._user(conn.execute(select(users).where(users.c.id == uid)).one())

        return self._write(_do)

    def update_user(
        self,
        user_id: int,
        *,
        actor_id: int | None,
        role: Role | None = None,
        disabled: bool | None = None,
        password_hash: str | None = None,
        display_name: str | None = None,
        external_id: str | None = None,
    ) -> User:
        """Change a user's role, disabled flag, password hash, display name or external id (audited)."""

        def _do(conn: Connection) -> User:
            r = conn.execute(select(users).where(users.c.id == user_id)).first()
            if r is None:
                raise StoreError(f"no user with id {user_id}")
            changes: dict[str, Any] = {}
            if role is not None:
                changes["role"] = Role(role).value
            if disabled is not None:
                changes["disabled"] = bool(disabled)
            if password_hash is not None:
                changes["password_hash"] = password_hash
            if display_name is not None:
                changes["display_name"] = display_name
            if external_id is not None:
                changes["external_id"] = external_id
            if changes:
                conn.execute(update(users).where(users.c.id == user_id).values(**changes))
                shown = {k: ("(changed)" if k == "password_hash" else v) for k, v in changes.items()}
                before = {k: ("(set)" if k == "password_hash" and getattr(r, k) else getattr(r, k))
                          for k in changes}
                audit.record(conn, actor_id, "update_user", "user", user_id, before, shown)
            return self._user(conn.execute(select(users).where(users.c.id == user_id)).one())

        return self._write(_do)

    def user(self, user_id: int) -> User | None:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.id == user_id)).first()
        return self._user(r) if r else None

    def user_by_name(self, name: str) -> User | None:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.name == name)).first()
        return self._user(r) if r else None

    def user_by_external_id(self, external_id: str) -> User | None:
        with self._read() as conn:
            r = conn.execute(select(users).where(users.c.external_id == external_id)).first()
        return self._user(r) if r else None

    def password_hash(self, user_id: int) -> str | None:
        with self._read() as conn:
            return conn.execute(select(users.c.password_hash).where(users.c.id == user_id)).scalar()

    def users(self, *, include_disabled: bool = True) -> list[User]:
        q = select(users).order_by(users.c.name)
        if not include_disabled:
            q = q.where(users.c.disabled.is_(False))
        with self._read() as conn:
            return [self._user(r) for r in conn.execute(q)]

    def reviewers(self) -> list[User]:
        """Users who can write verdicts (not disabled), by name."""
        return self.users(include_disabled=False)

    # --- settings -----------------------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self._read() as conn:
            v = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
        return default if v is None else json.loads(v)

    def set_setting(self, key: str, value: Any, *, actor_id: int | None) -> None:
        def _do(conn: Connection) -> None:
            old = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()
            text_value = json.dumps(value, sort_keys=True)
            if old is None:
                conn.execute(insert(settings).values(key=key, value=text_value))
            else:
                conn.execute(update(settings).where(settings.c.key == key).values(value=text_value))
            audit.record(conn, actor_id, "set_setting", "setting", key,
                         None if old is None else json.loads(old), value)

        self._write(_do)

    # --- scales -------------------------------------------------------------------------------------------

    def scales(self) -> list[Scale]:
        with self._read() as conn:
            return self._scales(conn)

    @staticmethod
    def _scales(conn: Connection) -> list[Scale]:
        labs: dict[int, list[ScaleLabel]] = {}
        for r in conn.execute(select(scale_labels).order_by(scale_labels.c.scale_id, scale_labels.c.position,
                                                             scale_labels.c.id)):
            labs.setdefault(r.scale_id, []).append(review.label_from_row(r))
        return [Scale(id=r.id, name=r.name, is_default=bool(r.is_default), labels=tuple(labs.get(r.id, ())))
                for r in conn.execute(select(scales).order_by(scales.c.id))]

    def default_scale(self) -> Scale:
        for s in self.scales():
            if s.is_default:
                return s
        raise StoreError("no default verdict scale; the database was not migrated (run `workbench db upgrade`)")

    def create_scale(self, name: str, labels: Sequence[LabelSpec], *, actor_id: int | None,
                     make_default: bool = False) -> Scale:
        if not labels:
            raise InputError("scale", "has no labels")
        seen = set()
        for lab in labels:
            if lab.label in seen:
                raise InputError("scale", f"label {lab.label!r} appears twice")
            seen.add(lab.label)

        def _do(conn: Connection) -> Scale:
            if conn.execute(select(scales.c.id).where(scales.c.name == name)).first():
                raise InputError("scale", f"a scale called {name!r} exists")
            sid = conn.execute(insert(scales).values(name=name, is_default=False).returning(scales.c.id)).scalar_one()
            conn.execute(insert(scale_labels), [
                {"scale_id": sid, "label": lab.label, "rating_value": lab.rating_value, "position": i,
                 "key": lab.key, "inaccurate": lab.inaccurate, "description": lab.description}
                for i, lab in enumerate(labels)
            ])
            audit.record(conn, actor_id, "create_scale", "scale", sid, None,
                         {"name": name, "labels": [lab.label for lab in labels]})
            if make_default:
                self._set_default(conn, sid, actor_id)
            return next(s for s in self._scales(conn) if s.id == sid)

        return self._write(_do)

    def _set_default(self, conn: Connection, scale_id: int, actor_id: int | None) -> None:
        if conn.execute(select(scales.c.id).where(scales.c.id == scale_id)).first() is None:
            raise StoreError(f"no scale with id {scale_id}")
        old = conn.execute(select(scales.c.id).where(scales.c.is_default.is_(True))).scalar()
        conn.execute(update(scales).values(is_default=False))
        conn.execute(update(scales).where(scales.c.id == scale_id).values(is_default=True))
        audit.record(conn, actor_id, "set_default_scale", "scale", scale_id, {"default": old}, {"default": scale_id})

    def set_default_scale(self, scale_id: int, *, actor_id: int | None) -> None:
        self._write(lambda conn: self._set_default(conn, scale_id, actor_id))

    def update_label(self, label_id: int, *, actor_id: int | None, label: str | None = None,
                     rating_value: int | None | type[Ellipsis] = ..., position: int | None = None,
                     key: str | None | type[Ellipsis] = ..., inaccurate: bool | None = None,
                     description: str | None = None) -> ScaleLabel:
        """Edit one label of a scale (pass ``rating_value=None`` to clear the rating)."""

        def _do(conn: Connection) -> ScaleLabel:
            r = conn.execute(select(scale_labels).where(scale_labels.c.id == label_id)).first()
            if r is None:
                raise StoreError(f"no scale label with id {label_id}")
            changes: dict[str, Any] = {}
            if label is not None:
                changes["label"] = label
            if rating_value is not ...:
                changes["rating_value"] = rating_value
            if position is not None:
                changes["position"] = position
            if key is not ...:
                changes["key"] = key
            if inaccurate is not None:
                changes["inaccurate"] = inaccurate
            if description is not None:
                changes["description"] = description
            if changes:
                conn.execute(update(scale_labels).where(scale_labels.c.id == label_id).values(**changes))
                audit.record(conn, actor_id, "update_label", "scale_label", label_id,
                             {k: getattr(r, k) for k in changes}, changes)
            return review.label_from_row(conn.execute(select(scale_labels).where(scale_labels.c.id == label_id)).one())

        return self._write(_do)

    # --- import -------------------------------------------------------------------------------------------

    def import_articles(
        self,
        new_articles: Sequence[Article],
        new_claims: Sequence[Claim],
        *,
        grouper: Grouper | None = None,
        actor_id: int | None = None,
        refused: Sequence[RefusedFile] = (),
        claims_dropped: int = 0,
        dry_run: bool = False,
    ) -> ImportReport:
        """Store a batch of articles and their claims in one transaction, then regroup every claim.

        An article whose text (content hash) is already stored adds nothing; its claims are ignored.
        All claims in the database are regrouped with the new ones and the stored overrides (``grouper``,
        default :func:`workbench.group.group_claims`); group verdicts follow their claims (see
        :func:`workbench.review.carry_group_verdicts`). The batch lands whole or not at all. ``dry_run``
        does all of it and rolls back, so the report is exact.
        """
        grouper = self._grouper(grouper)

        def _do(conn: Connection) -> ImportReport:
            report = self._import(conn, new_articles, new_claims, grouper, actor_id, refused, claims_dropped,
                                  dry_run)
            if dry_run:
                raise _DryRun(report)
            return report

        try:
            return self._write(_do)
        except _DryRun as dry:
            return dry.report

    def _import(self, conn: Connection, new_articles: Sequence[Article], new_claims: Sequence[Claim],
                grouper: Grouper, actor_id: int | None, refused: Sequence[RefusedFile], claims_dropped: int,
                dry_run: bool) -> ImportReport:
        eng.serialize_regrouping(conn)
        stamp = audit.now()
        batch = article_repo.store_batch(conn, new_articles, new_claims, actor_id=actor_id, refused=refused,
                                         stamp=stamp)
        regroup = group_repo.regroup(conn, grouper, actor_id, new=batch.claim_ids) if batch.claim_ids else None
        n_groups = regroup.groups if regroup else conn.execute(select(func.count()).select_from(groups)).scalar_one()
        report = ImportReport(
            articles_new=len(batch.fresh), articles_present=batch.present, claims_new=len(batch.claim_ids),
            claims_dropped=claims_dropped, groups=n_groups, refused=batch.refused,
            verdicts_carried=regroup.verdicts_carried if regroup else 0, dry_run=dry_run,
            new_article_ids=tuple(a.id for a in batch.fresh),
        )
        audit.record(conn, actor_id, "import", "import", None, None, {
            "articles_new": report.articles_new, "articles_present": report.articles_present,
            "claims_new": report.claims_new, "refused": [[r.path, r.reason] for r in report.refused],
            "article_ids": list(report.new_article_ids),
        }, at=stamp)
        return report

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these article content hashes are already stored."""
        with self._read() as conn:
            return article_repo.known_hashes(conn, hashes)

    # --- grouping (workbench.store.groups) ----------------------------------------------------------------

    def all_claims(self) -> list[Claim]:
        """Every stored claim as a :class:`workbench.models.Claim` (``group`` set), in import order."""
        with self._read() as conn:
            return article_repo.all_claims(conn)

    def regroup(self, *, actor_id: int | None = None, grouper: Grouper | None = None) -> RegroupReport:
        """Regroup every stored claim with the stored overrides (verdicts follow their claims)."""
        return self._write(lambda conn: group_repo.regroup(conn, self._grouper(grouper), actor_id))

    def add_override(self, kind: LinkKind, claim_a: str, claim_b: str, *, actor_id: int,
                     grouper: Grouper | None = None) -> RegroupReport:
        """Record that two claims do (must_link) or do not (cannot_link) state the same fact, and regroup.

        Merging two groups is a must_link between one claim of each; splitting a claim out is a cannot_link
        between it and the group's other claims (call once per pair, or use :meth:`add_overrides`).
        """
        return self.add_overrides([Override(LinkKind(kind), claim_a, claim_b)], actor_id=actor_id, grouper=grouper)

    def add_overrides(self, links: Sequence[Override], *, actor_id: int,
                      grouper: Grouper | None = None) -> RegroupReport:
        chosen = self._grouper(grouper)
        return self._write(lambda conn: group_repo.add_overrides(conn, links, actor_id=actor_id, grouper=chosen))

    def remove_override(self, override_id: int, *, actor_id: int, grouper: Grouper | None = None) -> RegroupReport:
        chosen = self._grouper(grouper)
        return self._write(lambda conn: group_repo.remove_override(conn, override_id, actor_id=actor_id,
                                                                   grouper=chosen))

    def overrides(self) -> list[StoredOverride]:
        with self._read() as conn:
            return group_repo.stored_overrides(conn)

    # --- queue and detail (workbench.store.articles, workbench.store.groups) -------------------------------

    def claims_page(self, filters: ClaimFilter | None = None, offset: int = 0,
                    limit: int = 50) -> tuple[list[ClaimRow], int]:
        """One page of the review queue (import order) and the number of claims matching ``filters``."""
        with queue.queue_read(self.engine) as conn:
            return article_repo.claims_page(conn, filters or ClaimFilter(), offset, limit)

    def claim_ids_page(self, filters: ClaimFilter | None = None, offset: int = 0, limit: int = 50) -> list[str]:
        """The ids of one page of the review queue, without the count: cheap enough for every keystroke."""
        with queue.queue_read(self.engine) as conn:
            q = article_repo.claim_filter(conn.dialect.name, filters or ClaimFilter())
            return article_repo.claim_ids(conn, q, offset, limit) if limit > 0 else []

    def claim(self, claim_id: str) -> ClaimDetail:
        """A claim with every verdict on it and on its group, the final verdicts and corrections."""
        with self._read() as conn:
            return article_repo.claim_detail(conn, claim_id)

    def groups_page(self, filters: GroupFilter | None = None, offset: int = 0,
                    limit: int = 50) -> tuple[list[GroupRow], int]:
        """Groups ordered for triage: discrepant first, then widest spread, then most outlets."""
        with queue.queue_read(self.engine) as conn:
            return group_repo.groups_page(conn, filters or GroupFilter(), offset, limit)

    def group_detail(self, group_id: str) -> GroupDetail:
        with self._read() as conn:
            return group_repo.group_detail(conn, group_id)

    def article(self, article_id: str) -> ArticleView:
        with self._read() as conn:
            return article_repo.article_view(conn, article_id)

    def article_title(self, article_id: str) -> str | None:
        with self._read() as conn:
            return article_repo.article_title(conn, article_id)

    def group_representative_sentence(self, group_id: str) -> str | None:
        with self._read() as conn:
            return group_repo.representative_sentence(conn, group_id)

    def outlets(self) -> list[str]:
        with self._read() as conn:
            return article_repo.outlet_names(conn)

    def articles_index(self, *, outlet: str | None = None, limit: int | None = None) -> list[ArticleRef]:
        """Articles without their text, newest first then by title, with claim counts (pickers, filters)."""
        with self._read() as conn:
            return article_repo.articles_index(conn, outlet=outlet, limit=limit)

    def counts(self) -> dict[str, int]:
        """Rows per table (for reports and fault tests)."""
        out = {}
        with self._read() as conn:
            for t in (outlets, articles, claims, groups, overrides, users, verdicts, final_verdicts, sources,
                      corrections, assignments, audit_log):
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
        return out

    # --- verdicts (workflow rules in workbench.review) ----------------------------------------------------

    def save_verdict(self, target: Target, reviewer_id: int, label: str | int | None, *, note: str = "",
                     submit: bool = False, expected_version: int | None = None) -> Verdict:
        """Save the reviewer's draft (``submit=False``) or submitted verdict on a claim or group.

        ``label``: a label id, or a label's text or key in the default scale. ``expected_version``: the
        version loaded (0: none); a mismatch raises :class:`workbench.review.StaleSaveError`.
        """
        return self._write(lambda conn: review.save_verdict(conn, target, reviewer_id, label, note=note,
                                                            submit=submit, expected_version=expected_version))

    def verdict(self, target: Target, reviewer_id: int) -> Verdict | None:
        with self._read() as conn:
            return review.get_verdict(conn, target, reviewer_id)

    def verdicts(self, target: Target) -> list[Verdict]:
        with self._read() as conn:
            return review.load_verdicts(conn, review.target_where(verdicts, target))

    def verdicts_by(self, reviewer_id: int) -> list[Verdict]:
        with self._read() as conn:
            return review.load_verdicts(conn, verdicts.c.reviewer_id == reviewer_id)

    def save_final_verdict(self, target: Target, decided_by: int, label: str | int, *, expected_version: int,
                           note: str = "", basis_verdict_id: int | None = None) -> FinalVerdict:
        """Set the final verdict if it is still at ``expected_version`` (0: none yet), else StaleSaveError."""
        return self._write(lambda conn: review.save_final_verdict(
            conn, target, decided_by, label, expected_version=expected_version, note=note,
            basis_verdict_id=basis_verdict_id))

    def final_verdict(self, target: Target) -> FinalVerdict | None:
        with self._read() as conn:
            return review.get_final(conn, target)

    def add_source(self, target: Target, reviewer_id: int, source: SourceInput) -> Source:
        return self._write(lambda conn: review.add_source(conn, target, reviewer_id, source))

    def remove_source(self, source_id: int, *, actor_id: int) -> None:
        self._write(lambda conn: review.remove_source(conn, source_id, actor_id))

    def record_correction(self, claim_id: str, reviewer_id: int, *, low: float | None = None,
                          high: float | None = None, unit: str | None = None, noun: str | None = None,
                          not_a_claim: bool = False, note: str = "",
                          expected_version: int | None = None) -> Correction:
        return self._write(lambda conn: review.record_correction(
            conn, claim_id, reviewer_id, low=low, high=high, unit=unit, noun=noun, not_a_claim=not_a_claim,
            note=note, expected_version=expected_version))

    def corrections(self, claim_id: str | None = None) -> list[Correction]:
        with self._read() as conn:
            where = corrections.c.claim_id == claim_id if claim_id else literal(True)
            return review.load_corrections(conn, where)

    # --- assignments --------------------------------------------------------------------------------------

    def assign(self, target: Target, user_id: int, *, actor_id: int | None) -> Assignment:
        """Put ``target`` (claim, group or article) in ``user_id``'s queue; assigning twice is a no-op."""

        def _do(conn: Connection) -> Assignment:
            review.check_user(conn, user_id)
            if target.kind is TargetKind.ARTICLE:
                if conn.execute(select(articles.c.id).where(articles.c.id == target.id)).first() is None:
                    raise StoreError(f"no article with id {target.id!r}")
            else:
                review.check_target(conn, target)
            where = and_(review.target_where(assignments, target), assignments.c.user_id == user_id)
            r = conn.execute(select(assignments).where(where)).first()
            if r is None:
                conn.execute(review._insert(conn, assignments).values(
                    target_kind=target.kind.value, target_id=target.id, user_id=user_id, assigned_by=actor_id,
                    assigned_at=audit.now()).on_conflict_do_nothing())
                r = conn.execute(select(assignments).where(where)).one()
                audit.record(conn, actor_id, "assign", "assignment", r.id, None,
                             {"target_kind": target.kind.value, "target_id": target.id, "user_id": user_id})
            return Assignment(id=r.id, target=target, user_id=r.user_id, assigned_by=r.assigned_by,
                              assigned_at=r.assigned_at)

        return self._write(_do)

    def unassign(self, target: Target, user_id: int, *, actor_id: int | None) -> bool:
        def _do(conn: Connection) -> bool:
            where = and_(review.target_where(assignments, target), assignments.c.user_id == user_id)
            r = conn.execute(select(assignments).where(where)).first()
            if r is None:
                return False
            conn.execute(delete(assignments).where(assignments.c.id == r.id))
            audit.record(conn, actor_id, "unassign", "assignment", r.id,
                         {"target_kind": target.kind.value, "target_id": target.id, "user_id": user_id}, None)
            return True

        return self._write(_do)

    def assignments(self, *, user_id: int | None = None, target: Target | None = None) -> list[Assignment]:
        q = select(assignments).order_by(assignments.c.id)
        if user_id is not None:
            q = q.where(assignments.c.user_id == user_id)
        if target is not None:
            q = q.where(review.target_where(assignments, target))
        with self._read() as conn:
            return [Assignment(id=r.id, target=Target(TargetKind(r.target_kind), r.target_id), user_id=r.user_id,
                               assigned_by=r.assigned_by, assigned_at=r.assigned_at) for r in conn.execute(q)]

    def stats(self) -> Stats:
        """Figures for the dashboard (:func:`workbench.store.stats.stats`)."""
        with self._read() as conn:
            return stats_repo.stats(conn)

    # --- audit --------------------------------------------------------------------------------------------

    def audit_log(self, *, entity: str | None = None, entity_id: str | None = None, actor_id: int | None = None,
                  since: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Changes, oldest first (``since``: ISO time, inclusive)."""
        return list(self.iter_audit(entity=entity, entity_id=entity_id, actor_id=actor_id, since=since, limit=limit))

    def iter_audit(self, *, entity: str | None = None, entity_id: str | None = None, actor_id: int | None = None,
                   since: str | None = None, limit: int | None = None) -> Iterator[AuditEntry]:
        q = (select(audit_log, users.c.name.label("actor"))
             .outerjoin(users, users.c.id == audit_log.c.actor_id).order_by(audit_log.c.id))
        if entity is not None:
            q = q.where(audit_log.c.entity == entity)
        if entity_id is not None:
            q = q.where(audit_log.c.entity_id == str(entity_id))
        if actor_id is not None:
            q = q.where(audit_log.c.actor_id == actor_id)
        if since is not None:
            q = q.where(audit_log.c.at >= since)
        if limit is not None:
            q = q.limit(limit)
        with eng.read_tx(self.engine, register=False) as conn:
            for r in conn.execution_options(yield_per=2000).execute(q):
                yield AuditEntry(id=r.id, at=r.at, actor_id=r.actor_id, actor=r.actor, action=r.action,
                                 entity=r.entity, entity_id=r.entity_id,
                                 before=None if r.before is None else json.loads(r.before),
                                 after=None if r.after is None else json.loads(r.after))

    # --- backup -------------------------------------------------------------------------------------------

    def backup(self, dest: str | os.PathLike[str]) -> Path:
        """An online, consistent copy of a SQLite database at ``dest`` (which must not exist yet).

        Uses SQLite's backup API, so reviewers can keep working meanwhile. For PostgreSQL raises
        :class:`StoreError` with the pg_dump command to use instead.
        """
        dest = Path(dest)
        if self.dialect != "sqlite":
            plain = eng.safe_url(self.url).replace("postgresql+psycopg://", "postgresql://")
            raise StoreError(
                "backups of a PostgreSQL database are made with its own tools, e.g.\n"
                f"  pg_dump --format=custom --file {dest} '{plain}'\n"
                f"and restored with: pg_restore --dbname <empty database> {dest}"
            )
        if dest.exists():
            raise StoreError(f"{dest} exists; choose a new file name (a backup never overwrites)")
        if not dest.parent.is_dir():
            raise StoreError(f"folder {dest.parent} does not exist")
        tmp = dest.with_name(dest.name + ".partial")
        tmp.unlink(missing_ok=True)
        raw = self.engine.raw_connection()
        try:
            target = sqlite3.connect(str(tmp))
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
                ok = target.execute("PRAGMA integrity_check").fetchone()
                if not ok or ok[0] != "ok":
                    raise StoreError(f"the backup at {tmp} failed its integrity check: {ok}")
            finally:
                target.close()
            os.replace(tmp, dest)
        finally:
            raw.close()
            tmp.unlink(missing_ok=True)
        return dest
