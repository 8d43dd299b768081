"""Assignments: who is to judge which claim, group or article, and the reads the team rules make of them.
Every function takes the connection of the transaction it runs in."""

from __future__ import annotations

from sqlalchemy import Connection, and_, or_, select

from workbench.store import audit
from workbench.store.schema import assignments, claims, verdicts
from workbench.store.types import Assignment, Target, TargetKind

__all__ = ["assignees", "assigned_via_group_or_article", "has_submitted", "rows_of", "claims_of_article",
           "all_pairs", "insert"]


def assignees(conn: Connection, target: Target) -> set[int]:
    """Who is assigned to judge ``target``: directly, or (for a claim) through its article."""
    conds = [and_(assignments.c.target_kind == target.kind.value, assignments.c.target_id == target.id)]
    if target.kind is TargetKind.CLAIM:
        article = conn.execute(select(claims.c.article_id).where(claims.c.id == target.id)).scalar()
        if article is not None:
            conds.append(and_(assignments.c.target_kind == "article", assignments.c.target_id == article))
    return {r[0] for r in conn.execute(select(assignments.c.user_id).where(or_(*conds)))}


def assigned_via_group_or_article(conn: Connection, target: Target, user_id: int) -> bool:
    """A claim assigned through its group, or a group through one of its claims' articles."""
    if target.kind is TargetKind.CLAIM:
        group = conn.execute(select(claims.c.group_id).where(claims.c.id == target.id)).scalar()
        if group is not None:
            return conn.execute(select(assignments.c.id).where(
                assignments.c.target_kind == "group", assignments.c.target_id == group,
                assignments.c.user_id == user_id)).first() is not None
    if target.kind is TargetKind.GROUP:
        members = select(claims.c.article_id).where(claims.c.group_id == target.id)
        return conn.execute(select(assignments.c.id).where(
            assignments.c.target_kind == "article", assignments.c.target_id.in_(members),
            assignments.c.user_id == user_id)).first() is not None
    return False


def has_submitted(conn: Connection, target: Target, user_id: int) -> bool:
    """The user has submitted a verdict on ``target`` (or, for a claim, on its group)."""
    conds = [and_(verdicts.c.target_kind == target.kind.value, verdicts.c.target_id == target.id)]
    if target.kind is TargetKind.CLAIM:
        group = conn.execute(select(claims.c.group_id).where(claims.c.id == target.id)).scalar()
        if group is not None:
            conds.append(and_(verdicts.c.target_kind == "group", verdicts.c.target_id == group))
    return conn.execute(select(verdicts.c.id).where(
        or_(*conds), verdicts.c.reviewer_id == user_id, verdicts.c.status == "submitted")).first() is not None


def rows_of(conn: Connection, user_id: int) -> list[Target]:
    """What was assigned to the user, in the order it was assigned."""
    return [Target(TargetKind(r.target_kind), r.target_id) for r in conn.execute(
        select(assignments.c.target_kind, assignments.c.target_id).where(assignments.c.user_id == user_id)
        .order_by(assignments.c.id))]


def claims_of_article(conn: Connection, article_id: str) -> list[str]:
    return [cid for (cid,) in conn.execute(select(claims.c.id).where(claims.c.article_id == article_id)
                                           .order_by(claims.c.position))]


def all_pairs(conn: Connection) -> list[tuple[Target, int]]:
    """Every (target, user id) assignment."""
    return [(Target(TargetKind(r.target_kind), r.target_id), r.user_id) for r in conn.execute(
        select(assignments.c.target_kind, assignments.c.target_id, assignments.c.user_id))]


def insert(conn: Connection, target: Target, user_id: int, *, assigned_by: int, at: str, dealt: bool) -> Assignment:
    aid = conn.execute(assignments.insert().values(
        target_kind=target.kind.value, target_id=target.id, user_id=user_id, assigned_by=assigned_by,
        assigned_at=at).returning(assignments.c.id)).scalar_one()
    audit.record(conn, assigned_by, "assign", "assignment", aid, None,
                 {"target_kind": target.kind.value, "target_id": target.id, "user_id": user_id, "dealt": dealt},
                 at=at)
    return Assignment(id=aid, target=target, user_id=user_id, assigned_by=assigned_by, assigned_at=at)
