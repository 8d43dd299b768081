"""What the team rules read about the state of review, in the caller's transaction: which items have a
final verdict, which have submitted verdicts and no final one, who owns a source, whether an article
exists; and the rows the agreement figures are computed from (submitted verdicts as ratings with their
story, outlet and kind; corrections with the extracted values and who judged each corrected claim).

This module imports nothing above the store; :mod:`workbench.team` applies the rules to what it returns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from workbench.store.schema import (
    articles,
    claims,
    corrections,
    final_verdicts,
    groups,
    outlets,
    scale_labels,
    scales,
    sources,
    users,
    verdicts,
)
from workbench.store.types import Target, TargetKind, Verdict, VerdictStatus
from workbench.store.verdicts import load_verdicts, target_where

__all__ = ["RatingRow", "article_exists", "corrections_for_agreement", "final_targets", "open_targets",
           "ordinal_order", "own_statuses", "rating_rows", "source_owner", "verdicts_on"]


def _chunks(ids: Sequence[str], n: int = 500):  # type: ignore[no-untyped-def]
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def final_targets(conn: Connection) -> set[tuple[str, str]]:
    """(kind, id) of every item with a final verdict."""
    return {(r.target_kind, r.target_id) for r in conn.execute(
        select(final_verdicts.c.target_kind, final_verdicts.c.target_id))}


def open_targets(conn: Connection) -> list[Target]:
    """Items with at least one submitted verdict and no final verdict, in (kind, id) order."""
    finals = final_targets(conn)
    return [Target(TargetKind(r.target_kind), r.target_id) for r in conn.execute(
        select(verdicts.c.target_kind, verdicts.c.target_id).where(verdicts.c.status == "submitted")
        .group_by(verdicts.c.target_kind, verdicts.c.target_id)
        .order_by(verdicts.c.target_kind, verdicts.c.target_id))
        if (r.target_kind, r.target_id) not in finals]


def own_statuses(conn: Connection, user_id: int) -> dict[tuple[TargetKind, str], VerdictStatus]:
    """The status of each of the user's own verdicts, by (kind, id) of its item."""
    return {(v.target.kind, v.target.id): v.status for v in load_verdicts(conn, verdicts.c.reviewer_id == user_id)}


def verdicts_on(conn: Connection, target: Target) -> list[Verdict]:
    """Every verdict on the item, drafts included (see :func:`workbench.store.verdicts.load_verdicts`)."""
    return load_verdicts(conn, target_where(verdicts, target))


def source_owner(conn: Connection, source_id: int) -> tuple[int, Target] | None:
    """The reviewer whose verdict holds the source, and the item of that verdict (None: no such source)."""
    row = conn.execute(select(verdicts.c.reviewer_id, verdicts.c.target_kind, verdicts.c.target_id)
                       .join(sources, sources.c.verdict_id == verdicts.c.id)
                       .where(sources.c.id == source_id)).first()
    return None if row is None else (row.reviewer_id, Target(TargetKind(row.target_kind), row.target_id))


def article_exists(conn: Connection, article_id: str) -> bool:
    return conn.execute(select(articles.c.id).where(articles.c.id == article_id)).first() is not None


def ordinal_order(conn: Connection) -> list[str]:
    """Labels of the default scale that carry a rating, from the lowest rating to the highest."""
    rows = conn.execute(select(scale_labels.c.label, scale_labels.c.rating_value)
                        .join(scales, scales.c.id == scale_labels.c.scale_id)
                        .where(scales.c.is_default.is_(True), scale_labels.c.rating_value.is_not(None))
                        .order_by(scale_labels.c.rating_value, scale_labels.c.position)).all()
    return [r.label for r in rows]


class RatingRow(NamedTuple):
    item: str  # "claim:ID" or "group:ID"
    reviewer: str
    label: str
    story: str | None
    outlet: str | None
    kind: str | None


def rating_rows(conn: Connection) -> list[RatingRow]:
    """Every submitted verdict with a label, oldest first, with the claim's article title as its story, its
    outlet and kind (a group: its kind)."""
    q = (select(verdicts.c.target_kind, verdicts.c.target_id, users.c.name, scale_labels.c.label)
         .join(users, users.c.id == verdicts.c.reviewer_id)
         .join(scale_labels, scale_labels.c.id == verdicts.c.label_id)
         .where(verdicts.c.status == "submitted").order_by(verdicts.c.id))
    rows = conn.execute(q).all()
    claim_ids = sorted({r.target_id for r in rows if r.target_kind == "claim"})
    group_ids = sorted({r.target_id for r in rows if r.target_kind == "group"})
    claim_attrs: dict[str, tuple[str, str, str]] = {}
    for chunk in _chunks(claim_ids):
        for r in conn.execute(select(claims.c.id, articles.c.title, outlets.c.name, claims.c.kind)
                              .join(articles, articles.c.id == claims.c.article_id)
                              .join(outlets, outlets.c.id == claims.c.outlet_id)
                              .where(claims.c.id.in_(chunk))):
            claim_attrs[r.id] = (r.title, r.name, r.kind)
    group_kind: dict[str, str] = {}
    for chunk in _chunks(group_ids):
        for r in conn.execute(select(groups.c.id, groups.c.kind).where(groups.c.id.in_(chunk))):
            group_kind[r.id] = r.kind
    out = []
    for r in rows:
        if r.target_kind == "claim":
            story, outlet, kind = claim_attrs.get(r.target_id, (None, None, None))
        else:
            story, outlet, kind = None, None, group_kind.get(r.target_id)
        out.append(RatingRow(f"{r.target_kind}:{r.target_id}", r.name, r.label, story, outlet, kind))
    return out


def corrections_for_agreement(conn: Connection) -> tuple[list[Any], dict[str, tuple[float, float]],
                                                        dict[str, set[int]]]:
    """Every correction (claim, reviewer, low, high, not a claim), the extracted (low, high) of each
    corrected claim, and who submitted a verdict on each corrected claim."""
    corr = conn.execute(select(corrections.c.claim_id, corrections.c.reviewer_id, corrections.c.low,
                               corrections.c.high, corrections.c.not_a_claim)).all()
    claim_ids = sorted({r.claim_id for r in corr})
    extracted: dict[str, tuple[float, float]] = {}
    judged: dict[str, set[int]] = defaultdict(set)
    for chunk in _chunks(claim_ids):
        for r in conn.execute(select(claims.c.id, claims.c.low, claims.c.high).where(claims.c.id.in_(chunk))):
            extracted[r.id] = (r.low, r.high)
        for r in conn.execute(select(verdicts.c.target_id, verdicts.c.reviewer_id).where(
                verdicts.c.target_kind == "claim", verdicts.c.status == "submitted",
                verdicts.c.target_id.in_(chunk))):
            judged[r.target_id].add(r.reviewer_id)
    return list(corr), extracted, judged
