"""The :class:`Store`: every read and write of the workbench database goes through it."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    union,
    update,
)

from workbench.store import verdicts as review
from workbench.errors import InputError, StoreError
from workbench.models import Article, Claim, Group, Grouping, Kind, LinkKind, Override, Qualifier, group_id
from workbench.store import audit
from workbench.store import words as story_index
from workbench.store import engine as eng
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
    ClaimStatus,
    Correction,
    FinalVerdict,
    GroupDetail,
    GroupFilter,
    GroupRow,
    ImportReport,
    LabelSpec,
    OutletRating,
    RefusedFile,
    RegroupReport,
    ReviewerProgress,
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

Grouper = Callable[[list[Claim], list[Override]], Grouping]


class IncrementalGrouper(Protocol):
    """A grouper that can also regroup only what an import touches.

    ``incremental(stored, new, links)`` returns the ids of the articles whose claims must be regrouped (the
    stored ones it touches; the new ones are always regrouped) and the grouping of exactly those articles'
    claims. Every other stored group stays as it is.
    """

    def __call__(self, claims: list[Claim], links: list[Override]) -> Grouping: ...

    def incremental(self, stored: list[Claim], new: list[Claim], links: list[Override]
                    ) -> tuple[Iterable[str], Grouping]: ...

    def around(self, claims: list[Claim], links_before: list[Override], links: list[Override],
               touched: list[str]) -> tuple[Iterable[str], Grouping]:
        """After a reviewer's overrides change from ``links_before`` to ``links``: the ids of the articles
        to regroup (those of the stories of the ``touched`` claims, before and after) and their grouping."""
        ...


def group_id_for(claim_ids: Iterable[str]) -> str:
    """A group's id, derived from its members (the same scheme as :func:`workbench.models.group_id`)."""
    return group_id(claim_ids)


def singleton_group(c: Claim) -> Group:
    return make_group([c])


def make_group(members: Sequence[Claim], like: Group | None = None) -> Group:
    """A group of ``members`` with its figures computed (kind, unit and label from ``like`` if given)."""
    values = sorted(c.value for c in members)
    median = statistics.median(values)
    spread = 0.0 if median == 0 else (values[-1] - values[0]) / abs(median) * 100.0
    rep = like.representative if like is not None and like.representative in {c.id for c in members} else members[0].id
    first = members[0]
    return Group(
        id=group_id_for(c.id for c in members), claim_ids=tuple(c.id for c in members), representative=rep,
        outlets=tuple(sorted({c.outlet or "" for c in members})),
        kind=like.kind if like else first.kind, unit=like.unit if like else first.unit,
        currency=like.currency if like else first.currency, noun=like.noun if like else first.noun,
        min_value=values[0], median_value=median, max_value=values[-1], spread_pct=spread,
        discrepant=bool(like.discrepant) if like and len(members) > 1 else False,
        label=(like.label if like else "") or first.noun or first.surface,
        quantity=like.quantity if like else first.quantity,
    )


class _DryRun(Exception):
    def __init__(self, report: ImportReport):
        self.report = report


_QueueTarget = tuple[str, Any, bool]  # (target kind, column holding the target id, column may be NULL)


@dataclass(frozen=True)
class _QueueWhere:
    """A queue filter as SQL: plain conditions on ``table``, the status's own state (or None) and the states
    that must not reach a row, kept apart so that counting can use them differently from paging."""

    table: Any
    plain: tuple[Any, ...]
    reached: Any | None
    absent: tuple[str, ...]
    reviewer: int | None
    targets: tuple[_QueueTarget, ...]
    either: tuple[Any, ...] = ()  # at least one must hold (the free-text match: claim text, article title)


def _escape_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


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
        refused_out = list(refused)
        hashes: dict[str, Article] = {}
        for a in new_articles:
            hashes.setdefault(a.content_hash, a)
        stored_hash: set[str] = set()
        stored_ids: dict[str, str] = {}
        hash_list, id_list = list(hashes), [a.id for a in hashes.values()]
        for i in range(0, len(hash_list), 500):
            stored_hash |= {r[0] for r in conn.execute(
                select(articles.c.content_hash).where(articles.c.content_hash.in_(hash_list[i:i + 500])))}
            stored_ids.update({r.id: r.content_hash for r in conn.execute(
                select(articles.c.id, articles.c.content_hash).where(articles.c.id.in_(id_list[i:i + 500])))})
        present = len(new_articles) - len(hashes)  # repeats inside the batch
        fresh: list[Article] = []
        seen_ids: set[str] = set()
        for h, a in hashes.items():
            if h in stored_hash:
                present += 1
            elif a.id in stored_ids or a.id in seen_ids:
                refused_out.append(RefusedFile(a.source or a.id, f"article id {a.id!r} is already used by an "
                                               "article with different text; give it another id"))
            else:
                for name in ("id", "outlet", "title", "text", "url", "published", "source"):
                    review.check_text(f"{a.source or a.id}: {name}", getattr(a, name))
                fresh.append(a)
                seen_ids.add(a.id)
        # outlets
        names = sorted({a.outlet for a in fresh})
        outlet_ids = self._outlet_ids(conn, names)
        if fresh:
            conn.execute(insert(articles), [
                {"id": a.id, "content_hash": a.content_hash, "outlet_id": outlet_ids[a.outlet], "title": a.title,
                 "url": a.url, "published": a.published, "source": a.source, "text": a.text,
                 "imported_at": stamp, "imported_by": actor_id}
                for a in fresh
            ])
        by_article = {a.id: a for a in fresh}
        pos = conn.execute(select(func.coalesce(func.max(claims.c.position), 0))).scalar_one()
        rows = []
        seen_claims: set[str] = set()
        for c in new_claims:
            a = by_article.get(c.article)
            if a is None or c.id in seen_claims:
                continue
            for name in ("surface", "sentence", "noun", "attribution", "unit", "currency", "per", "quantity"):
                review.check_text(f"{a.source or a.id}: claim {c.id} {name}", getattr(c, name))
            seen_claims.add(c.id)
            pos += 1
            rows.append({
                "id": c.id, "article_id": c.article, "start": c.start, "end": c.end, "surface": c.surface,
                "sentence": c.sentence, "sentence_start": c.sentence_start, "kind": Kind(c.kind).value,
                "low": float(c.low), "high": float(c.high), "qualifier": Qualifier(c.qualifier).value,
                "currency": c.currency, "unit": c.unit, "noun": c.noun, "attribution": c.attribution, "per": c.per,
                "quantity": c.quantity, "outlet_id": outlet_ids[a.outlet], "group_id": None, "position": pos,
            })
        for i in range(0, len(rows), 2000):
            conn.execute(insert(claims), rows[i:i + 2000])
        regroup = self._regroup(conn, grouper, actor_id, new=[r["id"] for r in rows]) if rows else None
        n_groups = regroup.groups if regroup else conn.execute(select(func.count()).select_from(groups)).scalar_one()
        report = ImportReport(
            articles_new=len(fresh), articles_present=present, claims_new=len(rows), claims_dropped=claims_dropped,
            groups=n_groups, refused=tuple(refused_out), verdicts_carried=regroup.verdicts_carried if regroup else 0,
            dry_run=dry_run, new_article_ids=tuple(a.id for a in fresh),
        )
        audit.record(conn, actor_id, "import", "import", None, None, {
            "articles_new": report.articles_new, "articles_present": report.articles_present,
            "claims_new": report.claims_new, "refused": [[r.path, r.reason] for r in report.refused],
            "article_ids": list(report.new_article_ids),
        }, at=stamp)
        return report

    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        """Which of these article content hashes are already stored."""
        out: set[str] = set()
        hashes = list(hashes)
        with self._read() as conn:
            for i in range(0, len(hashes), 500):
                out |= {r[0] for r in conn.execute(select(articles.c.content_hash)
                                                   .where(articles.c.content_hash.in_(hashes[i:i + 500])))}
        return out

    def _outlet_ids(self, conn: Connection, names: Sequence[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for name in names:
            r = conn.execute(select(outlets.c.id).where(outlets.c.name == name)).first()
            if r is None:
                out[name] = conn.execute(insert(outlets).values(name=name).returning(outlets.c.id)).scalar_one()
            else:
                out[name] = r.id
        return out

    # --- grouping -----------------------------------------------------------------------------------------

    def _all_claims(self, conn: Connection, where: Any = None) -> list[Claim]:
        q = (select(claims, outlets.c.name.label("outlet_name"))
             .join(outlets, outlets.c.id == claims.c.outlet_id).order_by(claims.c.position))
        if where is not None:
            q = q.where(where)
        return [
            Claim(article=r.article_id, start=r.start, end=r.end, surface=r.surface, sentence=r.sentence,
                  kind=Kind(r.kind), low=r.low, high=r.high, qualifier=Qualifier(r.qualifier), currency=r.currency,
                  unit=r.unit, noun=r.noun, attribution=r.attribution, per=r.per, outlet=r.outlet_name,
                  sentence_start=r.sentence_start, group=r.group_id, quantity=r.quantity)
            for r in conn.execute(q)
        ]

    def all_claims(self) -> list[Claim]:
        """Every stored claim as a :class:`workbench.models.Claim` (``group`` set), in import order."""
        with self._read() as conn:
            return self._all_claims(conn)

    def _overrides(self, conn: Connection) -> list[Override]:
        return [Override(LinkKind(r.kind), r.claim_a, r.claim_b)
                for r in conn.execute(select(overrides).order_by(overrides.c.id))]

    def _regroup(self, conn: Connection, grouper: Grouper, actor_id: int | None,
                 touched: Iterable[str] | None = None, new: Iterable[str] | None = None,
                 links_before: list[Override] | None = None) -> RegroupReport:
        """Regroup stored claims. With ``touched`` (claim ids), only the claims that could group with them are
        regrouped: those of the same kind, unit and currency (groups never mix them), closed over current
        groups and overrides. With ``new`` (the claim ids an import just stored) and a grouper that can
        regroup incrementally (see :class:`IncrementalGrouper`), only the articles it names are regrouped;
        a grouper that cannot is treated as with ``touched=new``. With ``touched`` and ``links_before`` (the
        overrides before a reviewer's change) a grouper with ``around`` regroups only the stories of the
        touched claims, before and after the change. Other groups are left as they are."""
        eng.serialize_regrouping(conn)
        if new is not None:
            done = story_index.import_regroup(self, conn, grouper, actor_id, list(new))
            if done is not None:
                return done
        elif touched is not None and links_before is not None:
            story_index.links_changed(self, conn, grouper, list(touched))
        everything = self._all_claims(conn)
        links = self._overrides(conn)
        if new is None and touched is None and story_index.indexes(grouper):
            story_index.rebuild(conn, grouper, everything, links)  # a full regroup reads every claim anyway
        by_id = {c.id: c for c in everything}
        grouping: Grouping | None = None
        partial = touched is not None
        if new is not None:
            found = self._incremental(grouper, everything, set(new), links)
            if found is not None:
                everything, grouping = found
                partial = True
            elif not callable(getattr(grouper, "incremental", None)):
                everything = self._affected(everything, by_id, links, new)
                partial = True
        elif touched is not None:
            found = self._around(grouper, everything, links_before, links, touched)
            if found is not None:
                everything, grouping = found
            else:
                everything = self._affected(everything, by_id, links, touched)
        scope = {c.id for c in everything}
        if grouping is None:
            grouping = grouper([c.with_group(None) for c in everything],
                               [o for o in links if o.a in scope and o.b in scope])
        return self._write_grouping(conn, everything, by_id, grouping, partial, actor_id)

    def _write_grouping(self, conn: Connection, everything: list[Claim], by_id: dict[str, Claim],
                        grouping: Grouping, partial: bool, actor_id: int | None) -> RegroupReport:
        """Store ``grouping`` of the claims ``everything`` (as read, with their stored groups): new groups
        inserted, claims moved, dissolved groups' verdicts carried and the groups deleted. ``partial``: other
        stored groups stay (only groups of these claims are read)."""
        scope = {c.id for c in everything}
        new_groups: dict[str, Group] = {}
        covered: set[str] = set()
        for g in grouping.groups:
            members = [m for m in dict.fromkeys(g.claim_ids) if m in scope and m not in covered]
            if not members:
                continue
            covered.update(members)
            if len(members) != len(g.claim_ids):  # the grouper repeated or invented ids: keep what is real
                g = make_group([by_id[m] for m in members], g)
            new_groups[group_id_for(members)] = g
        for c in everything:
            if c.id not in covered:
                s = singleton_group(c)
                new_groups[s.id] = s
        new_by_claim = {m: gid for gid, g in new_groups.items() for m in g.claim_ids}
        old_members: dict[str, list[str]] = {}
        for c in everything:
            if c.group is not None:
                old_members.setdefault(c.group, []).append(c.id)
        if partial:  # only the groups these claims are in, or would be in
            wanted = sorted(set(old_members) | set(new_groups))
            old_rows = [r for i in range(0, len(wanted), 500) for r in conn.execute(
                select(groups.c.id, groups.c.representative, groups.c.quantity)
                .where(groups.c.id.in_(wanted[i:i + 500])))]
        else:
            old_rows = conn.execute(select(groups.c.id, groups.c.representative, groups.c.quantity)).all()
        old_reps = {r.id: r.representative for r in old_rows}
        # groups that stay but now know what they measure (stored before quantities were read, say)
        requantified = [{"gid": r.id, "q": new_groups[r.id].quantity} for r in old_rows
                        if r.id in new_groups and new_groups[r.id].quantity != r.quantity]
        for i in range(0, len(requantified), 2000):
            conn.execute(update(groups).where(groups.c.id == bindparam("gid")).values(quantity=bindparam("q")),
                         requantified[i:i + 2000])
        in_scope = set(old_members) if partial else set(old_reps)
        to_add = [gid for gid in new_groups if gid not in old_reps]
        dissolved = {gid: old_members.get(gid, []) for gid in in_scope if gid in old_reps and gid not in new_groups}
        stamp = audit.now()
        if to_add:
            conn.execute(insert(groups), [self._group_row(gid, new_groups[gid], by_id, stamp) for gid in to_add])
        changed = [{"cid": cid, "gid": gid} for cid, gid in new_by_claim.items() if by_id[cid].group != gid]
        for i in range(0, len(changed), 2000):
            conn.execute(update(claims).where(claims.c.id == bindparam("cid")).values(group_id=bindparam("gid")),
                         changed[i:i + 2000])
        carried = review.carry_group_verdicts(
            conn, dissolved, new_by_claim, {gid: g.representative for gid, g in new_groups.items()}, old_reps,
            actor_id,
        )
        gone = list(dissolved)
        for i in range(0, len(gone), 500):
            conn.execute(delete(groups).where(groups.c.id.in_(gone[i:i + 500])))
        total = conn.execute(select(func.count()).select_from(groups)).scalar_one()
        return RegroupReport(groups=total, changed=len(to_add) + len(gone), verdicts_carried=carried)

    @staticmethod
    def _incremental(grouper: Grouper, everything: list[Claim], new: set[str], links: list[Override]
                     ) -> tuple[list[Claim], Grouping] | None:
        """The claims an import regroups and their grouping, from a grouper that regroups incrementally; None
        when it cannot, or when a stored group would be cut in two by the articles it names (a grouping
        stored by another grouper): then everything is regrouped."""
        incremental = getattr(grouper, "incremental", None)
        if not callable(incremental):
            return None
        # the claims go as read (with their stored group): copying 100,000 of them costs more than the planning
        articles, grouping = incremental([c for c in everything if c.id not in new],
                                         [c for c in everything if c.id in new], links)
        articles = set(articles) | {c.article for c in everything if c.id in new}
        return Store._scoped(everything, articles, grouping)

    @staticmethod
    def _scoped(everything: list[Claim], articles: set[str], grouping: Grouping
                ) -> tuple[list[Claim], Grouping] | None:
        inside = {c.group for c in everything if c.group is not None and c.article in articles}
        if any(c.group in inside and c.article not in articles for c in everything):
            return None  # a stored group would be cut in two: regroup more widely instead
        return [c for c in everything if c.article in articles], grouping

    @staticmethod
    def _around(grouper: Grouper, everything: list[Claim], links_before: list[Override] | None,
                links: list[Override], touched: Iterable[str]) -> tuple[list[Claim], Grouping] | None:
        """The claims a reviewer's override regroups and their grouping, from a grouper with ``around``."""
        around = getattr(grouper, "around", None)
        if not callable(around) or links_before is None:
            return None
        articles, grouping = around(everything, links_before, links, list(touched))
        return Store._scoped(everything, set(articles), grouping)

    @staticmethod
    def _affected(everything: list[Claim], by_id: dict[str, Claim], links: list[Override],
                  touched: Iterable[str]) -> list[Claim]:
        def key(c: Claim) -> tuple[str, str | None, str | None]:
            return (Kind(c.kind).value, (c.unit or "").casefold() or None, (c.currency or "").upper() or None)

        seeds = {cid for cid in touched if cid in by_id}
        keys = {key(by_id[cid]) for cid in seeds}
        chosen = {c.id for c in everything if key(c) in keys} | seeds
        members: dict[str, list[str]] = {}
        for c in everything:
            if c.group is not None:
                members.setdefault(c.group, []).append(c.id)
        grown = True
        while grown:  # close over current groups and overrides
            grown = False
            for ids in members.values():
                if any(i in chosen for i in ids) and not all(i in chosen for i in ids):
                    chosen.update(ids)
                    grown = True
            for o in links:
                if (o.a in chosen) != (o.b in chosen) and o.a in by_id and o.b in by_id:
                    chosen.update((o.a, o.b))
                    grown = True
        return [c for c in everything if c.id in chosen]

    @staticmethod
    def _group_row(gid: str, g: Group, by_id: dict[str, Claim], stamp: str) -> dict[str, Any]:
        rep = g.representative if g.representative in by_id else g.claim_ids[0]
        members = [by_id[m] for m in g.claim_ids]
        values = sorted(c.value for c in members)
        return {
            "id": gid, "representative": rep, "kind": Kind(g.kind).value, "unit": g.unit, "currency": g.currency,
            "noun": g.noun, "label": g.label or "", "quantity": g.quantity, "size": len(members),
            "n_outlets": len({c.outlet for c in members}), "min_value": float(g.min_value if g.min_value is not None else values[0]),
            "median_value": float(g.median_value if g.median_value is not None else statistics.median(values)),
            "max_value": float(g.max_value if g.max_value is not None else values[-1]),
            "spread_pct": float(g.spread_pct or 0.0), "discrepant": bool(g.discrepant), "created_at": stamp,
        }

    def regroup(self, *, actor_id: int | None = None, grouper: Grouper | None = None) -> RegroupReport:
        """Regroup every stored claim with the stored overrides (verdicts follow their claims)."""
        return self._write(lambda conn: self._regroup(conn, self._grouper(grouper), actor_id))

    def add_override(self, kind: LinkKind, claim_a: str, claim_b: str, *, actor_id: int,
                     grouper: Grouper | None = None) -> RegroupReport:
        """Record that two claims do (must_link) or do not (cannot_link) state the same fact, and regroup.

        Merging two groups is a must_link between one claim of each; splitting a claim out is a cannot_link
        between it and the group's other claims (call once per pair, or use :meth:`add_overrides`).
        """
        return self.add_overrides([Override(LinkKind(kind), claim_a, claim_b)], actor_id=actor_id, grouper=grouper)

    def add_overrides(self, links: Sequence[Override], *, actor_id: int,
                      grouper: Grouper | None = None) -> RegroupReport:
        def _do(conn: Connection) -> RegroupReport:
            review.check_user(conn, actor_id)
            before = self._overrides(conn)
            for link in links:
                a, b = sorted((link.a, link.b))
                if a == b:
                    raise InputError("override", f"links claim {a} to itself")
                for cid in (a, b):
                    review.check_target(conn, Target.claim(cid))
                old = conn.execute(select(overrides).where(and_(overrides.c.claim_a == a,
                                                                overrides.c.claim_b == b))).first()
                if old is None:
                    oid = conn.execute(insert(overrides).values(
                        kind=LinkKind(link.kind).value, claim_a=a, claim_b=b, created_by=actor_id,
                        created_at=audit.now()).returning(overrides.c.id)).scalar_one()
                    audit.record(conn, actor_id, "add_override", "override", oid, None,
                                 {"kind": LinkKind(link.kind).value, "a": a, "b": b})
                elif old.kind != LinkKind(link.kind).value:
                    conn.execute(update(overrides).where(overrides.c.id == old.id).values(
                        kind=LinkKind(link.kind).value, created_by=actor_id, created_at=audit.now()))
                    audit.record(conn, actor_id, "change_override", "override", old.id,
                                 {"kind": old.kind, "a": a, "b": b}, {"kind": LinkKind(link.kind).value, "a": a, "b": b})
            return self._regroup(conn, self._grouper(grouper), actor_id,
                                 touched=[x for link in links for x in (link.a, link.b)], links_before=before)

        return self._write(_do)

    def remove_override(self, override_id: int, *, actor_id: int, grouper: Grouper | None = None) -> RegroupReport:
        def _do(conn: Connection) -> RegroupReport:
            old = conn.execute(select(overrides).where(overrides.c.id == override_id)).first()
            if old is None:
                raise StoreError(f"no override with id {override_id}")
            before = self._overrides(conn)
            conn.execute(delete(overrides).where(overrides.c.id == override_id))
            audit.record(conn, actor_id, "remove_override", "override", override_id,
                         {"kind": old.kind, "a": old.claim_a, "b": old.claim_b}, None)
            return self._regroup(conn, self._grouper(grouper), actor_id, touched=[old.claim_a, old.claim_b],
                                 links_before=before)

        return self._write(_do)

    def overrides(self) -> list[StoredOverride]:
        with self._read() as conn:
            return [StoredOverride(id=r.id, kind=LinkKind(r.kind), a=r.claim_a, b=r.claim_b, created_by=r.created_by,
                                   created_at=r.created_at)
                    for r in conn.execute(select(overrides).order_by(overrides.c.id))]

    # --- queue queries ------------------------------------------------------------------------------------

    _CLAIM_COLS = (
        claims.c.id, claims.c.article_id, articles.c.title.label("article_title"), outlets.c.name.label("outlet"),
        articles.c.url, articles.c.published, claims.c.start, claims.c.end, claims.c.surface, claims.c.sentence,
        claims.c.sentence_start, claims.c.kind, claims.c.low, claims.c.high, claims.c.qualifier, claims.c.currency,
        claims.c.unit, claims.c.noun, claims.c.attribution, claims.c.per, claims.c.group_id, claims.c.quantity,
        func.coalesce(groups.c.size, 1).label("group_size"),
        func.coalesce(groups.c.discrepant, False).label("discrepant"),
    )
    _CLAIM_FROM = (claims.join(articles, articles.c.id == claims.c.article_id)
                   .join(outlets, outlets.c.id == claims.c.outlet_id)
                   .outerjoin(groups, groups.c.id == claims.c.group_id))

    # Review states as SQL. A claim is in a state when a row in that state targets the claim itself or its
    # group (a group verdict counts for every member claim); a group when a row targets the group. Each state
    # is a set of target ids read from an index ("final": final_verdicts; "submitted", "draft", "any":
    # verdicts, of one reviewer under blind review), so a status filter is a membership test per target:
    # IN for the state the status needs, an anti-join for the states that must be absent.
    _STATUS_STATES: dict[ClaimStatus, tuple[str | None, tuple[str, ...]]] = {
        ClaimStatus.FINAL: ("final", ()),
        ClaimStatus.SUBMITTED: ("submitted", ("final",)),
        ClaimStatus.DRAFT: ("draft", ("final", "submitted")),
        ClaimStatus.UNREVIEWED: (None, ("final", "any")),  # statuses are draft or submitted: "any" is both
    }

    @staticmethod
    def _state_rows(state: str, reviewer: int | None) -> tuple[Any, list[Any]]:
        """The table whose rows put a target in ``state``, and the conditions on those rows."""
        if state == "final":
            return final_verdicts, []
        where = [] if state == "any" else [verdicts.c.status == state]
        if reviewer is not None:
            where.append(verdicts.c.reviewer_id == reviewer)
        return verdicts, where

    def _reached(self, state: str, reviewer: int | None, targets: Sequence[_QueueTarget]) -> Any:
        """True where a row in ``state`` targets the row or (for claims) its group."""
        table, where = self._state_rows(state, reviewer)
        return or_(*[col.in_(select(table.c.target_id).where(table.c.target_kind == kind, *where))
                     for kind, col, _ in targets])

    def _unreached(self, state: str, reviewer: int | None, targets: Sequence[_QueueTarget],
                   few_rows: bool = False) -> Any:
        """True where no row in ``state`` targets the row nor its group.

        ``few_rows``: the query stops after a few rows (a page near the start of the queue)."""
        table, where = self._state_rows(state, reviewer)
        conds = []
        for kind, col, nullable in targets:
            if self.dialect == "sqlite" and not few_rows:
                # SQLite lists the target ids once and probes the list per row, cheaper than an index search
                # per row when many rows are read; target ids are never NULL, a claim's group id may be
                absent = col.not_in(select(table.c.target_id).where(table.c.target_kind == kind, *where))
                conds.append(or_(col.is_(None), absent) if nullable else absent)
            else:
                # an index search per row read (SQLite, first pages: no need to list every verdict first);
                # PostgreSQL plans NOT EXISTS as an anti-join, hashed or index searches as the rows read
                # require (NOT IN would scan the list per row once it outgrows work_mem)
                conds.append(~exists().where(table.c.target_kind == kind, table.c.target_id == col, *where))
        return and_(*conds)

    def _status_parts(self, status: ClaimStatus | None, reviewer: int | None,
                      targets: Sequence[_QueueTarget]) -> tuple[Any | None, tuple[str, ...]]:
        """(condition for the state the status needs or None, states that must not reach the row)."""
        if status is None:
            return None, ()
        need, absent = self._STATUS_STATES[ClaimStatus(status)]
        return (self._reached(need, reviewer, targets) if need else None), absent

    def _like(self, col: Any, pat: str) -> Any:
        # SQLite's LIKE ignores ASCII case already and its lower() folds only ASCII, so plain LIKE matches
        # exactly what lower(x) LIKE lower(p) does, without two function calls per row
        if self.dialect == "sqlite":
            return col.like(pat, escape="\\")
        return col.ilike(pat, escape="\\")

    def _claim_filter(self, f: ClaimFilter) -> _QueueWhere:
        """The review-queue filter on the claims table alone (outlet, article title and group via subqueries),
        so counting and paging read claims and the verdict indexes only."""
        conds: list[Any] = []
        if f.outlet:
            conds.append(claims.c.outlet_id == select(outlets.c.id).where(outlets.c.name == f.outlet)
                         .scalar_subquery())
        if f.article_id:
            conds.append(claims.c.article_id == f.article_id)
        if f.group_id:
            conds.append(claims.c.group_id == f.group_id)
        if f.kind is not None:
            conds.append(claims.c.kind == Kind(f.kind).value)
        if f.discrepant_only:
            discrepant = claims.c.group_id.in_(select(groups.c.id).where(groups.c.discrepant.is_(True)))
            if self.dialect == "sqlite":
                # a hint that this holds for many claims: without it SQLite reads every claim of every
                # discrepant group and sorts them, rather than walking the queue order up to one page
                discrepant = func.likelihood(discrepant, literal_column("0.25"))
            conds.append(discrepant)
        either: tuple[Any, ...] = ()
        if f.text and f.text.strip():
            pat = _escape_like(f.text.strip())
            either = (or_(self._like(claims.c.sentence, pat), self._like(claims.c.surface, pat),
                          self._like(claims.c.noun, pat)),
                      claims.c.article_id.in_(select(articles.c.id).where(self._like(articles.c.title, pat))))
        if f.assigned_to is not None:
            conds.append(exists().where(and_(assignments.c.user_id == f.assigned_to, or_(
                and_(assignments.c.target_kind == "claim", assignments.c.target_id == claims.c.id),
                and_(assignments.c.target_kind == "group", assignments.c.target_id == claims.c.group_id),
                and_(assignments.c.target_kind == "article", assignments.c.target_id == claims.c.article_id),
            ))))
        targets = (("claim", claims.c.id, False), ("group", claims.c.group_id, True))
        reached, absent = self._status_parts(f.status, f.status_for, targets)
        return _QueueWhere(claims, tuple(conds), reached, absent, f.status_for, targets, either)

    def _claim_conds(self, f: ClaimFilter) -> list[Any]:
        return self._where(self._claim_filter(f))

    def _where(self, q: _QueueWhere, few_rows: bool = False, *, either: bool = True) -> list[Any]:
        conds = list(q.plain)
        if either and q.either:
            conds.append(or_(*q.either))
        if q.reached is not None:
            conds.append(q.reached)
        conds += [self._unreached(s, q.reviewer, q.targets, few_rows) for s in q.absent]
        return conds

    def _count(self, conn: Connection, q: _QueueWhere) -> int:
        """How many rows match. On SQLite, "to review" (no verdict of any kind) is counted as all rows minus
        those a verdict or final verdict reaches: the first count reads one index, the second starts from the
        targets the verdict tables name, instead of probing every row against them. (A status that needs a
        verdict starts from those targets anyway.)"""
        if self._by_arms(q):
            arms = union(*[select(claims.c.id).where(arm, *self._where(q, either=False)) for arm in q.either])
            return conn.execute(select(func.count()).select_from(arms.subquery())).scalar_one()
        if self.dialect != "sqlite" or q.reached is not None or not q.absent:
            return conn.execute(select(func.count()).select_from(q.table).where(*self._where(q))).scalar_one()
        reached_any = or_(*[self._reached(s, q.reviewer, q.targets) for s in q.absent])
        base = list(q.plain) + ([or_(*q.either)] if q.either else [])
        every = select(func.count()).select_from(q.table).where(*base).scalar_subquery()
        excluded = select(func.count()).select_from(q.table).where(*base, reached_any).scalar_subquery()
        return conn.execute(select(every - excluded)).scalar_one()

    _FEW_ROWS = 2000  # pages ending before this row are read with an index search per claim

    def _by_arms(self, q: _QueueWhere) -> bool:
        """Whether to search each alternative of the free-text match on its own (PostgreSQL): the claim text
        through its trigram indexes, the article title through its own and then the claims by article. An
        OR across the two tables would make PostgreSQL read every claim."""
        return self.dialect == "postgresql" and len(q.either) > 1 and q.table is claims

    def _claim_ids(self, conn: Connection, q: _QueueWhere, offset: int, limit: int) -> list[str]:
        offset, limit = max(0, offset), max(0, limit)
        few = offset + limit <= self._FEW_ROWS
        if self._by_arms(q):
            # the first offset + limit claims of each alternative, in queue order (each planned on its own:
            # an index search for a rare word, the queue order for a common one), merged
            rest = self._where(q, few, either=False)
            arms = union(*[select(claims.c.id, claims.c.position).where(arm, *rest).order_by(claims.c.position)
                           .limit(offset + limit).subquery().select() for arm in q.either]).subquery()
            return list(conn.execute(select(arms.c.id).order_by(arms.c.position).offset(offset).limit(limit))
                        .scalars())
        return list(conn.execute(select(claims.c.id).where(*self._where(q, few)).order_by(claims.c.position)
                                 .offset(offset).limit(limit)).scalars())

    def claims_page(self, filters: ClaimFilter | None = None, offset: int = 0,
                    limit: int = 50) -> tuple[list[ClaimRow], int]:
        """One page of the review queue (import order) and the number of claims matching ``filters``."""
        f = filters or ClaimFilter()
        q = self._claim_filter(f)
        with self._queue_read() as conn:
            total = self._count(conn, q)
            ids = self._claim_ids(conn, q, offset, limit) if limit > 0 else []
            rows: list[Any] = []
            for i in range(0, len(ids), 500):
                rows += conn.execute(select(*self._CLAIM_COLS).select_from(self._CLAIM_FROM)
                                     .where(claims.c.id.in_(ids[i:i + 500]))).all()
            at = {cid: k for k, cid in enumerate(ids)}
            rows.sort(key=lambda r: at[r.id])
            return self._claim_rows(conn, rows, f.status_for), total

    def claim_ids_page(self, filters: ClaimFilter | None = None, offset: int = 0, limit: int = 50) -> list[str]:
        """The ids of one page of the review queue, without the count: cheap enough for every keystroke."""
        q = self._claim_filter(filters or ClaimFilter())
        with self._queue_read() as conn:
            return self._claim_ids(conn, q, offset, limit) if limit > 0 else []

    @contextmanager
    def _queue_read(self) -> Iterator[Connection]:
        """A read transaction for queue queries. On PostgreSQL each is planned for its own values: a prepared
        statement's generic plan knows neither how rare the searched text is nor how many targets a review
        state has, and would read every claim where an index finds a handful."""
        with self._read() as conn:
            if self.dialect == "postgresql" and (conn.dialect.server_version_info or (0,)) >= (12,):
                conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")  # PostgreSQL 12 on
            yield conn

    def _claim_rows(self, conn: Connection, rows: Sequence[Any], reviewer: int | None = None) -> list[ClaimRow]:
        if not rows:
            return []
        cids = [r.id for r in rows]
        gids = sorted({r.group_id for r in rows if r.group_id})
        finals = self._finals_by_target(conn, cids, gids)
        vstat = self._verdict_status_by_target(conn, cids, gids, reviewer)
        out = []
        for r in rows:
            fc, fg = finals.get(("claim", r.id)), finals.get(("group", r.group_id))
            states = vstat.get(("claim", r.id), set()) | vstat.get(("group", r.group_id), set())
            if fc or fg:
                status = ClaimStatus.FINAL
            elif "submitted" in states:
                status = ClaimStatus.SUBMITTED
            elif "draft" in states:
                status = ClaimStatus.DRAFT
            else:
                status = ClaimStatus.UNREVIEWED
            out.append(ClaimRow(
                id=r.id, article_id=r.article_id, article_title=r.article_title, outlet=r.outlet, url=r.url,
                published=r.published, start=r.start, end=r.end, surface=r.surface, sentence=r.sentence,
                sentence_start=r.sentence_start, kind=Kind(r.kind), low=r.low, high=r.high,
                qualifier=Qualifier(r.qualifier), currency=r.currency, unit=r.unit, noun=r.noun,
                attribution=r.attribution, per=r.per, group_id=r.group_id, group_size=int(r.group_size),
                discrepant=bool(r.discrepant), status=status,
                final_label=(fc or fg or (None, None, 0))[1], final_version=fc[2] if fc else 0,
                quantity=r.quantity,
            ))
        return out

    @staticmethod
    def _finals_by_target(conn: Connection, cids: Sequence[str], gids: Sequence[str]) -> dict[tuple[str, str], tuple]:
        out: dict[tuple[str, str], tuple] = {}
        for kind, ids in (("claim", cids), ("group", gids)):
            ids = list(ids)
            for i in range(0, len(ids), 500):
                q = (select(final_verdicts.c.target_id, final_verdicts.c.id, scale_labels.c.label,
                            final_verdicts.c.version)
                     .join(scale_labels, scale_labels.c.id == final_verdicts.c.label_id)
                     .where(final_verdicts.c.target_kind == kind, final_verdicts.c.target_id.in_(ids[i:i + 500])))
                for r in conn.execute(q):
                    out[(kind, r.target_id)] = (r.id, r.label, r.version)
        return out

    @staticmethod
    def _verdict_status_by_target(conn: Connection, cids: Sequence[str], gids: Sequence[str],
                                  reviewer: int | None) -> dict[tuple[str, str], set[str]]:
        out: dict[tuple[str, str], set[str]] = {}
        for kind, ids in (("claim", cids), ("group", gids)):
            ids = list(ids)
            for i in range(0, len(ids), 500):
                q = select(verdicts.c.target_id, verdicts.c.status).where(
                    verdicts.c.target_kind == kind, verdicts.c.target_id.in_(ids[i:i + 500]))
                if reviewer is not None:
                    q = q.where(verdicts.c.reviewer_id == reviewer)
                for r in conn.execute(q):
                    out.setdefault((kind, r.target_id), set()).add(r.status)
        return out

    def claim(self, claim_id: str) -> ClaimDetail:
        """A claim with every verdict on it and on its group, the final verdicts and corrections."""
        with self._read() as conn:
            r = conn.execute(select(*self._CLAIM_COLS).select_from(self._CLAIM_FROM)
                             .where(claims.c.id == claim_id)).first()
            if r is None:
                raise StoreError(f"no claim with id {claim_id!r}")
            row = self._claim_rows(conn, [r])[0]
            own = review.load_verdicts(conn, review.target_where(verdicts, Target.claim(claim_id)))
            grp = (review.load_verdicts(conn, review.target_where(verdicts, Target.group(row.group_id)))
                   if row.group_id else [])
            return ClaimDetail(
                claim=row, verdicts=tuple(own), group_verdicts=tuple(grp),
                final=review.get_final(conn, Target.claim(claim_id)),
                group_final=review.get_final(conn, Target.group(row.group_id)) if row.group_id else None,
                corrections=tuple(review.load_corrections(conn, corrections.c.claim_id == claim_id)),
            )

    def _group_filter(self, f: GroupFilter) -> _QueueWhere:
        conds: list[Any] = []
        if f.outlet:
            conds.append(exists().where(and_(claims.c.group_id == groups.c.id, claims.c.outlet_id == outlets.c.id,
                                             outlets.c.name == f.outlet)))
        if f.kind is not None:
            conds.append(groups.c.kind == Kind(f.kind).value)
        if f.discrepant_only:
            conds.append(groups.c.discrepant.is_(True))
        if f.min_outlets > 1:
            conds.append(groups.c.n_outlets >= f.min_outlets)
        if f.text and f.text.strip():
            pat = _escape_like(f.text.strip())
            conds.append(or_(self._like(groups.c.label, pat), self._like(groups.c.noun, pat),
                             self._like(groups.c.quantity, pat),
                             exists().where(and_(claims.c.group_id == groups.c.id,
                                                 self._like(claims.c.sentence, pat)))))
        if f.assigned_to is not None:
            conds.append(exists().where(and_(assignments.c.user_id == f.assigned_to,
                                             assignments.c.target_kind == "group",
                                             assignments.c.target_id == groups.c.id)))
        targets = (("group", groups.c.id, False),)
        reached, absent = self._status_parts(f.status, f.status_for, targets)
        return _QueueWhere(groups, tuple(conds), reached, absent, f.status_for, targets)

    def _group_conds(self, f: GroupFilter) -> list[Any]:
        return self._where(self._group_filter(f))

    def groups_page(self, filters: GroupFilter | None = None, offset: int = 0,
                    limit: int = 50) -> tuple[list[GroupRow], int]:
        """Groups ordered for triage: discrepant first, then widest spread, then most outlets."""
        f = filters or GroupFilter()
        q = self._group_filter(f)
        with self._queue_read() as conn:
            total = self._count(conn, q)
            rows = conn.execute(select(groups).where(*self._where(q)).order_by(
                groups.c.discrepant.desc(), groups.c.spread_pct.desc(), groups.c.n_outlets.desc(), groups.c.id,
            ).offset(max(0, offset)).limit(max(0, limit))).all()
            return self._group_rows(conn, rows, f.status_for), total

    def _group_rows(self, conn: Connection, rows: Sequence[Any], reviewer: int | None = None) -> list[GroupRow]:
        gids = [r.id for r in rows]
        if not gids:
            return []
        outs: dict[str, set[str]] = {}
        q = (select(claims.c.group_id, outlets.c.name).join(outlets, outlets.c.id == claims.c.outlet_id)
             .where(claims.c.group_id.in_(gids)).distinct())
        for r in conn.execute(q):
            outs.setdefault(r.group_id, set()).add(r.name)
        finals = self._finals_by_target(conn, [], gids)
        vstat = self._verdict_status_by_target(conn, [], gids, reviewer)
        out = []
        for r in rows:
            fg = finals.get(("group", r.id))
            states = vstat.get(("group", r.id), set())
            status = (ClaimStatus.FINAL if fg else ClaimStatus.SUBMITTED if "submitted" in states
                      else ClaimStatus.DRAFT if "draft" in states else ClaimStatus.UNREVIEWED)
            out.append(GroupRow(
                id=r.id, label=r.label, kind=Kind(r.kind), unit=r.unit, currency=r.currency, noun=r.noun,
                size=r.size, n_outlets=r.n_outlets, outlets=tuple(sorted(outs.get(r.id, ()))),
                representative=r.representative, min_value=r.min_value, median_value=r.median_value,
                max_value=r.max_value, spread_pct=r.spread_pct, discrepant=bool(r.discrepant), status=status,
                final_label=fg[1] if fg else None, final_version=fg[2] if fg else 0,
                quantity=r.quantity,
            ))
        return out

    def group_detail(self, group_id: str) -> GroupDetail:
        with self._read() as conn:
            r = conn.execute(select(groups).where(groups.c.id == group_id)).first()
            if r is None:
                raise StoreError(f"no group with id {group_id!r} (it may have been regrouped; reload)")
            grow = self._group_rows(conn, [r])[0]
            crs = conn.execute(select(*self._CLAIM_COLS).select_from(self._CLAIM_FROM)
                               .where(claims.c.group_id == group_id).order_by(claims.c.position)).all()
            rows = self._claim_rows(conn, crs)
            cids = [c.id for c in rows]
            cv = review.load_verdicts(conn, and_(verdicts.c.target_kind == "claim", verdicts.c.target_id.in_(cids)))
            cf = review.load_finals(conn, and_(final_verdicts.c.target_kind == "claim",
                                               final_verdicts.c.target_id.in_(cids)))
            return GroupDetail(
                group=grow, claims=tuple(rows),
                verdicts=tuple(review.load_verdicts(conn, review.target_where(verdicts, Target.group(group_id)))),
                final=review.get_final(conn, Target.group(group_id)), claim_verdicts=tuple(cv),
                claim_finals=tuple(cf),
            )

    def article(self, article_id: str) -> ArticleView:
        with self._read() as conn:
            r = conn.execute(select(articles, outlets.c.name.label("outlet"))
                             .join(outlets, outlets.c.id == articles.c.outlet_id)
                             .where(articles.c.id == article_id)).first()
            if r is None:
                raise StoreError(f"no article with id {article_id!r}")
            crs = conn.execute(select(*self._CLAIM_COLS).select_from(self._CLAIM_FROM)
                               .where(claims.c.article_id == article_id).order_by(claims.c.start)).all()
            return ArticleView(id=r.id, outlet=r.outlet, title=r.title, url=r.url, published=r.published,
                               text=r.text, source=r.source, content_hash=r.content_hash, imported_at=r.imported_at,
                               claims=tuple(self._claim_rows(conn, crs)))

    def article_title(self, article_id: str) -> str | None:
        with self._read() as conn:
            return conn.execute(select(articles.c.title).where(articles.c.id == article_id)).scalar()

    def group_representative_sentence(self, group_id: str) -> str | None:
        with self._read() as conn:
            return conn.execute(select(claims.c.sentence).join(groups, groups.c.representative == claims.c.id)
                                .where(groups.c.id == group_id)).scalar()

    def outlets(self) -> list[str]:
        with self._read() as conn:
            return [r[0] for r in conn.execute(select(outlets.c.name).order_by(outlets.c.name))]

    def articles_index(self, *, outlet: str | None = None, limit: int | None = None) -> list[ArticleRef]:
        """Articles without their text, newest first then by title, with claim counts (pickers, filters)."""
        n_claims = (select(func.count()).select_from(claims).where(claims.c.article_id == articles.c.id)
                    .correlate(articles).scalar_subquery())
        q = (select(articles.c.id, outlets.c.name.label("outlet"), articles.c.title, articles.c.published,
                    n_claims.label("claims"))
             .join(outlets, outlets.c.id == articles.c.outlet_id)
             .order_by(articles.c.published.desc().nulls_last(), articles.c.title, articles.c.id))
        if outlet:
            q = q.where(outlets.c.name == outlet)
        if limit is not None:
            q = q.limit(max(0, limit))
        with self._read() as conn:
            return [ArticleRef(id=r.id, outlet=r.outlet, title=r.title, published=r.published, claims=r.claims)
                    for r in conn.execute(q)]

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

    # --- verdicts in force (export, dashboard) ------------------------------------------------------------

    def _in_force_query(self, where: Sequence[Any] = ()) -> Any:
        def latest(kind: str, col: Any) -> Any:
            return (select(verdicts.c.id).where(verdicts.c.target_kind == kind, verdicts.c.target_id == col,
                                                verdicts.c.status == "submitted")
                    .order_by(verdicts.c.updated_at.desc(), verdicts.c.id.desc()).limit(1)
                    .correlate(claims).scalar_subquery())

        def final(kind: str, col: Any) -> Any:
            return (select(final_verdicts.c.id).where(final_verdicts.c.target_kind == kind,
                                                      final_verdicts.c.target_id == col)
                    .correlate(claims).scalar_subquery())

        return (select(*self._CLAIM_COLS, claims.c.position,
                       final("claim", claims.c.id).label("final_claim"),
                       final("group", claims.c.group_id).label("final_group"),
                       latest("claim", claims.c.id).label("verdict_claim"),
                       latest("group", claims.c.group_id).label("verdict_group"))
                .select_from(self._CLAIM_FROM).where(*where).order_by(claims.c.position))

    def iter_in_force(self, filters: ClaimFilter | None = None, *, batch: int = 5000) -> Iterator[Any]:
        """Every matching claim with the ids of the verdicts in force (used by exports and statistics).

        Yields rows with the ClaimRow columns plus ``final_claim``, ``final_group``, ``verdict_claim``,
        ``verdict_group`` (ids or None).
        """
        conds = self._claim_conds(filters or ClaimFilter())
        with eng.read_tx(self.engine, register=False) as conn:
            result = conn.execution_options(yield_per=batch).execute(self._in_force_query(conds))
            yield from result

    def stats(self) -> Stats:
        """Figures for the dashboard."""
        with self._read() as conn:
            n = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                 for t in (claims, articles, outlets, groups)}
            disc = conn.execute(select(func.count()).select_from(groups)
                                .where(groups.c.discrepant.is_(True))).scalar_one()
            labels = {r.id: review.label_from_row(r) for r in conn.execute(select(scale_labels))}
            final_label = dict(conn.execute(select(final_verdicts.c.id, final_verdicts.c.label_id)).all())
            verdict_label = dict(conn.execute(select(verdicts.c.id, verdicts.c.label_id)
                                              .where(verdicts.c.status == "submitted")).all())
            dist: dict[int, int] = {}
            by_outlet: dict[str, list[int]] = {}
            reviewed = finals = 0
            for r in conn.execute(self._in_force_query()):
                lab_id = None
                if r.final_claim or r.final_group:
                    finals += 1
                    lab_id = final_label[r.final_claim or r.final_group]
                elif r.verdict_claim or r.verdict_group:
                    lab_id = verdict_label.get(r.verdict_claim or r.verdict_group)
                slot = by_outlet.setdefault(r.outlet, [0, 0, 0])
                slot[0] += 1
                if lab_id is not None:
                    reviewed += 1
                    dist[lab_id] = dist.get(lab_id, 0) + 1
                    lab = labels[lab_id]
                    if lab.rating_value is not None:
                        slot[1] += 1
                        slot[2] += int(lab.inaccurate)
            progress = []
            member_count = dict(conn.execute(select(groups.c.id, groups.c.size)).all())
            for u in conn.execute(select(users).order_by(users.c.name)):
                rows = conn.execute(select(verdicts.c.target_kind, verdicts.c.target_id, verdicts.c.status)
                                    .where(verdicts.c.reviewer_id == u.id)).all()
                if not rows:
                    continue
                drafts = sum(1 for r in rows if r.status == "draft")
                sub = [r for r in rows if r.status == "submitted"]
                own_claims = {r.target_id for r in sub if r.target_kind == "claim"}
                covered = len(own_claims) + sum(member_count.get(r.target_id, 0) for r in sub
                                                if r.target_kind == "group")
                progress.append(ReviewerProgress(reviewer_id=u.id, reviewer=u.name, drafts=drafts,
                                                 submitted=len(sub), claims_covered=covered))
        ordered = sorted(labels.values(), key=lambda lab: (lab.scale_id, lab.position))
        return Stats(
            claims=n["claims"], articles=n["articles"], outlets=n["outlets"], groups=n["groups"],
            discrepant_groups=disc, reviewed_claims=reviewed, final_claims=finals, per_reviewer=tuple(progress),
            verdict_distribution=tuple((lab.label, dist[lab.id]) for lab in ordered if lab.id in dist),
            by_outlet=tuple(OutletRating(outlet=o, claims=v[0], rated=v[1], inaccurate=v[2])
                            for o, v in sorted(by_outlet.items())),
        )

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
