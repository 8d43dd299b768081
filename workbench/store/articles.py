"""Articles, their outlets and claims: storing an import's batch, reading claims back for grouping, the claim
queue, a claim's and an article's detail, and the claims with the verdicts in force (exports, statistics).
Every function takes the connection of the transaction it runs in (see :mod:`workbench.store.engine`), or
the name of its dialect where it only builds a query; the rules are the caller's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, exists, func, insert, literal_column, or_, select, union

from workbench.models import Article, Claim, Kind, Qualifier
from workbench.store import queue
from workbench.store import verdicts as review
from workbench.store.queue import QueueWhere
from workbench.store.schema import (
    articles,
    assignments,
    claims,
    corrections,
    final_verdicts,
    groups,
    outlets,
    scale_labels,
    verdicts,
)
from workbench.errors import StoreError
from workbench.store.types import (
    ArticleRef,
    ArticleView,
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    ClaimStatus,
    RefusedFile,
    Target,
)

__all__ = ["StoredBatch", "store_batch", "known_hashes", "outlet_ids", "all_claims", "CLAIM_COLS", "CLAIM_FROM",
           "claim_filter", "claim_conds", "claim_ids", "claims_page", "claim_rows", "finals_by_target",
           "verdict_status_by_target", "claim_detail", "article_view", "article_title", "outlet_names",
           "articles_index", "FEW_ROWS"]


# --- storing ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoredBatch:
    """What :func:`store_batch` wrote: the new articles, the ids of the new claims, how many articles were
    stored already (or repeated in the batch) and the files refused, with those the caller refused before."""

    fresh: tuple[Article, ...]
    claim_ids: tuple[str, ...]
    present: int
    refused: tuple[RefusedFile, ...]


def store_batch(conn: Connection, new_articles: Sequence[Article], new_claims: Sequence[Claim], *,
                actor_id: int | None, refused: Sequence[RefusedFile], stamp: str) -> StoredBatch:
    """Insert the articles whose text (content hash) is not stored yet, their outlets and their claims (not
    yet grouped). An article whose id is taken by other text is refused; the claims of articles not stored
    are ignored."""
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
    ids_of_outlets = outlet_ids(conn, names)
    if fresh:
        conn.execute(insert(articles), [
            {"id": a.id, "content_hash": a.content_hash, "outlet_id": ids_of_outlets[a.outlet], "title": a.title,
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
            "quantity": c.quantity, "outlet_id": ids_of_outlets[a.outlet], "group_id": None, "position": pos,
        })
    for i in range(0, len(rows), 2000):
        conn.execute(insert(claims), rows[i:i + 2000])
    return StoredBatch(fresh=tuple(fresh), claim_ids=tuple(r["id"] for r in rows), present=present,
                       refused=tuple(refused_out))


def known_hashes(conn: Connection, hashes: Sequence[str]) -> set[str]:
    """Which of these article content hashes are already stored."""
    out: set[str] = set()
    hashes = list(hashes)
    for i in range(0, len(hashes), 500):
        out |= {r[0] for r in conn.execute(select(articles.c.content_hash)
                                           .where(articles.c.content_hash.in_(hashes[i:i + 500])))}
    return out


def outlet_ids(conn: Connection, names: Sequence[str]) -> dict[str, int]:
    """The ids of these outlets, each created if new."""
    out: dict[str, int] = {}
    for name in names:
        r = conn.execute(select(outlets.c.id).where(outlets.c.name == name)).first()
        if r is None:
            out[name] = conn.execute(insert(outlets).values(name=name).returning(outlets.c.id)).scalar_one()
        else:
            out[name] = r.id
    return out


def all_claims(conn: Connection, where: Any = None) -> list[Claim]:
    """Every stored claim (or those matching ``where``) as a :class:`workbench.models.Claim` (``group`` set), in
    import order."""
    q = (select(claims, outlets.c.name.label("outlet_name"), articles.c.published.label("article_published"))
         .join(outlets, outlets.c.id == claims.c.outlet_id).join(articles, articles.c.id == claims.c.article_id)
         .order_by(claims.c.position))
    if where is not None:
        q = q.where(where)
    return [
        Claim(article=r.article_id, start=r.start, end=r.end, surface=r.surface, sentence=r.sentence,
              kind=Kind(r.kind), low=r.low, high=r.high, qualifier=Qualifier(r.qualifier), currency=r.currency,
              unit=r.unit, noun=r.noun, attribution=r.attribution, per=r.per, outlet=r.outlet_name,
              sentence_start=r.sentence_start, group=r.group_id, quantity=r.quantity, published=r.article_published)
        for r in conn.execute(q)
    ]


# --- the claim queue --------------------------------------------------------------------------------------

CLAIM_COLS = (
    claims.c.id, claims.c.article_id, articles.c.title.label("article_title"), outlets.c.name.label("outlet"),
    articles.c.url, articles.c.published, claims.c.start, claims.c.end, claims.c.surface, claims.c.sentence,
    claims.c.sentence_start, claims.c.kind, claims.c.low, claims.c.high, claims.c.qualifier, claims.c.currency,
    claims.c.unit, claims.c.noun, claims.c.attribution, claims.c.per, claims.c.group_id, claims.c.quantity,
    func.coalesce(groups.c.size, 1).label("group_size"),
    func.coalesce(groups.c.discrepant, False).label("discrepant"),
)
CLAIM_FROM = (claims.join(articles, articles.c.id == claims.c.article_id)
              .join(outlets, outlets.c.id == claims.c.outlet_id)
              .outerjoin(groups, groups.c.id == claims.c.group_id))

FEW_ROWS = 2000  # pages ending before this row are read with an index search per claim


def claim_filter(dialect: str, f: ClaimFilter) -> QueueWhere:
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
        if dialect == "sqlite":
            # a hint that this holds for many claims: without it SQLite reads every claim of every
            # discrepant group and sorts them, rather than walking the queue order up to one page
            discrepant = func.likelihood(discrepant, literal_column("0.25"))
        conds.append(discrepant)
    either: tuple[Any, ...] = ()
    if f.text and f.text.strip():
        pat = queue.escape_like(f.text.strip())
        either = (or_(queue.like(dialect, claims.c.sentence, pat), queue.like(dialect, claims.c.surface, pat),
                      queue.like(dialect, claims.c.noun, pat)),
                  claims.c.article_id.in_(select(articles.c.id).where(queue.like(dialect, articles.c.title, pat))))
    if f.assigned_to is not None:
        conds.append(exists().where(and_(assignments.c.user_id == f.assigned_to, or_(
            and_(assignments.c.target_kind == "claim", assignments.c.target_id == claims.c.id),
            and_(assignments.c.target_kind == "group", assignments.c.target_id == claims.c.group_id),
            and_(assignments.c.target_kind == "article", assignments.c.target_id == claims.c.article_id),
        ))))
    targets = (("claim", claims.c.id, False), ("group", claims.c.group_id, True))
    reached, absent = queue.status_parts(f.status, f.status_for, targets)
    return QueueWhere(claims, tuple(conds), reached, absent, f.status_for, targets, either)


def claim_conds(dialect: str, f: ClaimFilter) -> list[Any]:
    return queue.where(dialect, claim_filter(dialect, f))


def claim_ids(conn: Connection, q: QueueWhere, offset: int, limit: int) -> list[str]:
    dialect = conn.dialect.name
    offset, limit = max(0, offset), max(0, limit)
    few = offset + limit <= FEW_ROWS
    if queue.by_arms(dialect, q):
        # the first offset + limit claims of each alternative, in queue order (each planned on its own:
        # an index search for a rare word, the queue order for a common one), merged
        rest = queue.where(dialect, q, few, either=False)
        arms = union(*[select(claims.c.id, claims.c.position).where(arm, *rest).order_by(claims.c.position)
                       .limit(offset + limit).subquery().select() for arm in q.either]).subquery()
        return list(conn.execute(select(arms.c.id).order_by(arms.c.position).offset(offset).limit(limit))
                    .scalars())
    return list(conn.execute(select(claims.c.id).where(*queue.where(dialect, q, few)).order_by(claims.c.position)
                             .offset(offset).limit(limit)).scalars())


def claims_page(conn: Connection, f: ClaimFilter, offset: int, limit: int) -> tuple[list[ClaimRow], int]:
    """One page of the review queue (import order) and the number of claims matching ``f``."""
    q = claim_filter(conn.dialect.name, f)
    total = queue.count(conn, q)
    ids = claim_ids(conn, q, offset, limit) if limit > 0 else []
    rows: list[Any] = []
    for i in range(0, len(ids), 500):
        rows += conn.execute(select(*CLAIM_COLS).select_from(CLAIM_FROM)
                             .where(claims.c.id.in_(ids[i:i + 500]))).all()
    at = {cid: k for k, cid in enumerate(ids)}
    rows.sort(key=lambda r: at[r.id])
    return claim_rows(conn, rows, f.status_for), total


def claim_rows(conn: Connection, rows: Sequence[Any], reviewer: int | None = None) -> list[ClaimRow]:
    """Rows of :data:`CLAIM_COLS` as :class:`ClaimRow`, each with its review status (of ``reviewer`` alone
    when given) and final label."""
    if not rows:
        return []
    cids = [r.id for r in rows]
    gids = sorted({r.group_id for r in rows if r.group_id})
    finals = finals_by_target(conn, cids, gids)
    vstat = verdict_status_by_target(conn, cids, gids, reviewer)
    out = []
    for r in rows:
        fc, fg = finals.get(("claim", r.id)), finals.get(("group", r.group_id))
        states = vstat.get(("claim", r.id), set()) | vstat.get(("group", r.group_id), set())
        if fc or fg:
            status = ClaimStatus.FINAL
        elif "disputed" in (own if "submitted" in (own := vstat.get(("claim", r.id), set()))
                            else vstat.get(("group", r.group_id), set())):
            status = ClaimStatus.DISPUTED  # the claim's own verdicts, else its group's (store.disputes)
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


def finals_by_target(conn: Connection, cids: Sequence[str], gids: Sequence[str]) -> dict[tuple[str, str], tuple]:
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


def verdict_status_by_target(conn: Connection, cids: Sequence[str], gids: Sequence[str],
                             reviewer: int | None) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = {}
    for kind, ids in (("claim", cids), ("group", gids)):
        ids = list(ids)
        for i in range(0, len(ids), 500):
            q = select(verdicts.c.target_id, verdicts.c.status, verdicts.c.label_id).where(
                verdicts.c.target_kind == kind, verdicts.c.target_id.in_(ids[i:i + 500]))
            if reviewer is not None:
                q = q.where(verdicts.c.reviewer_id == reviewer)
            labels: dict[str, set[int | None]] = {}
            for r in conn.execute(q):
                out.setdefault((kind, r.target_id), set()).add(r.status)
                if r.status == "submitted":
                    labels.setdefault(r.target_id, set()).add(r.label_id)
            for tid, given in labels.items():
                if len(given) > 1:  # differing submitted verdicts (store.disputes)
                    out[(kind, tid)].add("disputed")
    return out


# --- detail -----------------------------------------------------------------------------------------------


def claim_detail(conn: Connection, claim_id: str) -> ClaimDetail:
    """A claim with every verdict on it and on its group, the final verdicts and corrections."""
    r = conn.execute(select(*CLAIM_COLS).select_from(CLAIM_FROM).where(claims.c.id == claim_id)).first()
    if r is None:
        raise StoreError(f"no claim with id {claim_id!r}")
    row = claim_rows(conn, [r])[0]
    own = review.load_verdicts(conn, review.target_where(verdicts, Target.claim(claim_id)))
    grp = (review.load_verdicts(conn, review.target_where(verdicts, Target.group(row.group_id)))
           if row.group_id else [])
    return ClaimDetail(
        claim=row, verdicts=tuple(own), group_verdicts=tuple(grp),
        final=review.get_final(conn, Target.claim(claim_id)),
        group_final=review.get_final(conn, Target.group(row.group_id)) if row.group_id else None,
        corrections=tuple(review.load_corrections(conn, corrections.c.claim_id == claim_id)),
    )


def article_view(conn: Connection, article_id: str) -> ArticleView:
    r = conn.execute(select(articles, outlets.c.name.label("outlet"))
                     .join(outlets, outlets.c.id == articles.c.outlet_id)
                     .where(articles.c.id == article_id)).first()
    if r is None:
        raise StoreError(f"no article with id {article_id!r}")
    crs = conn.execute(select(*CLAIM_COLS).select_from(CLAIM_FROM)
                       .where(claims.c.article_id == article_id).order_by(claims.c.start)).all()
    return ArticleView(id=r.id, outlet=r.outlet, title=r.title, url=r.url, published=r.published,
                       text=r.text, source=r.source, content_hash=r.content_hash, imported_at=r.imported_at,
                       claims=tuple(claim_rows(conn, crs)))


def article_title(conn: Connection, article_id: str) -> str | None:
    return conn.execute(select(articles.c.title).where(articles.c.id == article_id)).scalar()


def outlet_names(conn: Connection) -> list[str]:
    return [r[0] for r in conn.execute(select(outlets.c.name).order_by(outlets.c.name))]


def articles_index(conn: Connection, *, outlet: str | None = None, limit: int | None = None) -> list[ArticleRef]:
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
    return [ArticleRef(id=r.id, outlet=r.outlet, title=r.title, published=r.published, claims=r.claims)
            for r in conn.execute(q)]
