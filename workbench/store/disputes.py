"""The one rule for where an item stands: final, submitted (one verdict, or several that agree), disputed.

Every reader of verdicts in force uses it: the verdict CSV and ClaimReview (:mod:`workbench.export`), the
Dashboard's figures (:func:`workbench.store.stats.stats`), the review state of groups on the Dashboard and
the Groups screen, and the adjudication queue and agreement figures (:mod:`workbench.team`).

The rule, for one claim:

1. A final verdict decides: the claim's own, else its group's. It is credited to whoever decided it, or,
   when it was accepted automatically because every reviewer gave the same verdict (and nobody has changed
   it since), to every reviewer who gave that verdict.
2. Else the submitted verdicts decide, the claim's own before its group's (a verdict on the claim is an
   exception to its group's): when they all give the same verdict it is in force, credited to every
   reviewer who gave it; when they differ the item is **disputed**: no verdict is in force, and the
   verdicts given are listed, one per reviewer. Drafts never count.
3. Else the claim is unreviewed.

A group follows its claims (:func:`group_standing`): final when the group or every one of its claims has
a final verdict; disputed when the group's own verdicts or any claim's differ; submitted when any verdict
is submitted on the group or a claim; else draft or unreviewed from the drafts.

This module imports only the store's schema and types; the pure rule (:func:`standing`) takes plain values,
and :class:`Snapshot` reads what it needs in the caller's transaction.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, func, select

from workbench.store.schema import audit_log, claims, final_verdicts, verdicts

__all__ = [
    "AUTO_ACCEPT_ACTION",
    "Final",
    "Given",
    "InForce",
    "Snapshot",
    "Standing",
    "group_standing",
    "standing",
]

AUTO_ACCEPT_ACTION = "auto_accept"  # the audit action of a final verdict accepted because everyone agreed


class Standing(str, enum.Enum):
    """Where an item stands under the rule (the CSV's ``verdict_status``; None there when unreviewed)."""

    FINAL = "final"
    SUBMITTED = "submitted"
    DISPUTED = "disputed"
    DRAFT = "draft"  # groups only: a draft on the group or a claim, nothing submitted
    UNREVIEWED = "unreviewed"


@dataclass(frozen=True, slots=True)
class Given:
    """One submitted verdict."""

    verdict_id: int
    reviewer_id: int
    label_id: int | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class Final:
    id: int
    label_id: int
    decided_by: int
    basis_verdict_id: int | None
    automatic: bool  # accepted automatically because every reviewer agreed, unchanged since


@dataclass(frozen=True, slots=True)
class InForce:
    """What stands for one item: its status, the verdict in force (None when disputed or unreviewed), the
    scope it was given on, the verdict whose note, time and sources go with it, who is credited, and the
    submitted verdicts given on that scope (oldest first)."""

    status: Standing
    scope: str | None = None  # "claim" or "group"
    label_id: int | None = None
    final: Final | None = None
    basis: Given | None = None  # the latest submitted verdict of the agreeing (or disputing) reviewers
    credited: tuple[int, ...] = ()  # reviewer ids: the decider, or everyone who gave the verdict in force
    given: tuple[Given, ...] = ()

    @property
    def disputed(self) -> bool:
        return self.status is Standing.DISPUTED


UNREVIEWED = InForce(Standing.UNREVIEWED)


def _latest(given: Sequence[Given]) -> Given:
    return max(given, key=lambda g: (g.updated_at, g.verdict_id))


def standing(final_claim: Final | None, final_group: Final | None, claim_given: Sequence[Given],
             group_given: Sequence[Given]) -> InForce:
    """The rule (see the module docstring) for one claim, from its and its group's final verdicts and
    submitted verdicts. For a group on its own, pass the group's as the claim's."""
    if final_claim is not None:
        final, scope, given = final_claim, "claim", claim_given
    elif final_group is not None:
        final, scope, given = final_group, "group", group_given
    else:
        final, scope, given = None, ("claim" if claim_given else "group"), (claim_given or group_given)
    ordered = tuple(sorted(given, key=lambda g: g.verdict_id))
    if final is not None:
        if final.automatic:
            credited = tuple(dict.fromkeys(g.reviewer_id for g in ordered if g.label_id == final.label_id))
        else:
            credited = (final.decided_by,)
        basis = next((g for g in ordered if g.verdict_id == final.basis_verdict_id), None)
        return InForce(Standing.FINAL, scope, final.label_id, final, basis, credited or (final.decided_by,),
                       ordered)
    if not ordered:
        return UNREVIEWED
    labels = {g.label_id for g in ordered}
    reviewers = tuple(dict.fromkeys(g.reviewer_id for g in ordered))
    if len(labels) > 1:
        return InForce(Standing.DISPUTED, scope, None, None, _latest(ordered), reviewers, ordered)
    return InForce(Standing.SUBMITTED, scope, next(iter(labels)), None, _latest(ordered), reviewers, ordered)


def group_standing(own: InForce, members: Iterable[InForce], *, drafts: bool = False) -> Standing:
    """A group's review state from its own standing and its claims' (see the module docstring); ``drafts``:
    a draft exists on the group or one of its claims."""
    members = list(members)
    if own.status is Standing.FINAL or (members and all(m.status is Standing.FINAL for m in members)):
        return Standing.FINAL
    if own.disputed or any(m.disputed for m in members):
        return Standing.DISPUTED
    if own.status is Standing.SUBMITTED or any(m.status in (Standing.SUBMITTED, Standing.FINAL) for m in members):
        return Standing.SUBMITTED
    return Standing.DRAFT if drafts else Standing.UNREVIEWED


def _chunks(ids: Sequence[str], n: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


@dataclass
class Snapshot:
    """The final and submitted verdicts of one read transaction, by target, to apply :func:`standing` to
    many claims. :meth:`read` reads every verdict (exports, statistics); :meth:`read_for` only those on
    given claims and groups (a page of groups)."""

    finals: dict[tuple[str, str], Final] = field(default_factory=dict)
    given: dict[tuple[str, str], list[Given]] = field(default_factory=dict)
    final_rows: dict[int, Any] = field(default_factory=dict)  # final id -> its row (note, time...)
    verdict_rows: dict[int, Any] = field(default_factory=dict)  # submitted verdict id -> its row

    @classmethod
    def read(cls, conn: Connection) -> Snapshot:
        snap = cls()
        auto = cls._automatic(conn)
        for r in conn.execute(select(final_verdicts)):
            snap._add_final(r, auto)
        for r in conn.execute(select(verdicts).where(verdicts.c.status == "submitted")):
            snap._add_verdict(r)
        return snap

    @classmethod
    def read_for(cls, conn: Connection, claim_ids: Sequence[str], group_ids: Sequence[str]) -> Snapshot:
        snap = cls()
        auto = cls._automatic(conn)
        for kind, ids in (("claim", sorted(set(claim_ids))), ("group", sorted(set(group_ids)))):
            for chunk in _chunks(ids):
                for r in conn.execute(select(final_verdicts).where(
                        final_verdicts.c.target_kind == kind, final_verdicts.c.target_id.in_(chunk))):
                    snap._add_final(r, auto)
                for r in conn.execute(select(verdicts).where(
                        verdicts.c.target_kind == kind, verdicts.c.status == "submitted",
                        verdicts.c.target_id.in_(chunk))):
                    snap._add_verdict(r)
        return snap

    @staticmethod
    def _automatic(conn: Connection) -> set[str]:
        """Ids (as text) of final verdicts that were accepted automatically."""
        return set(conn.execute(select(audit_log.c.entity_id).where(
            and_(audit_log.c.entity == "final_verdict", audit_log.c.action == AUTO_ACCEPT_ACTION))).scalars())

    def _add_final(self, r: Any, auto: set[str]) -> None:
        self.final_rows[r.id] = r
        self.finals[(r.target_kind, r.target_id)] = Final(
            r.id, r.label_id, r.decided_by, r.basis_verdict_id, automatic=str(r.id) in auto and r.version == 1)

    def _add_verdict(self, r: Any) -> None:
        self.verdict_rows[r.id] = r
        self.given.setdefault((r.target_kind, r.target_id), []).append(
            Given(r.id, r.reviewer_id, r.label_id, r.updated_at))

    def claim(self, claim_id: str, group_id: str | None) -> InForce:
        """Where the claim stands (its own verdicts, else its group's)."""
        fc, cg = self.finals.get(("claim", claim_id)), self.given.get(("claim", claim_id), ())
        if fc is None and not cg and not group_id:
            return UNREVIEWED
        fg = self.finals.get(("group", group_id)) if group_id else None
        gg = self.given.get(("group", group_id), ()) if group_id else ()
        if fc is None and fg is None and not cg and not gg:
            return UNREVIEWED
        return standing(fc, fg, cg, gg)

    def group(self, group_id: str) -> InForce:
        """Where the group's own verdicts stand (without its claims')."""
        return standing(None, self.finals.get(("group", group_id)), (), self.given.get(("group", group_id), ()))


def group_states(conn: Connection, group_ids: Sequence[str], *, reviewer: int | None = None
                 ) -> dict[str, Standing]:
    """The review state of each group (:func:`group_standing`), following its claims' verdicts.

    ``reviewer``: the state as that reviewer's own work shows it (blind review: their own verdicts on the
    group or its claims; another reviewer's verdict neither disputes nor submits it), with final verdicts
    as for everyone."""
    gids = sorted(set(group_ids))
    members: dict[str, list[str]] = {g: [] for g in gids}
    for chunk in _chunks(gids):
        for r in conn.execute(select(claims.c.id, claims.c.group_id).where(claims.c.group_id.in_(chunk))):
            members[r.group_id].append(r.id)
    cids = [c for g in gids for c in members[g]]
    snap = Snapshot.read_for(conn, cids, gids)
    if reviewer is not None:
        snap.given = {k: [g for g in v if g.reviewer_id == reviewer] for k, v in snap.given.items()}
    drafts: set[tuple[str, str]] = set()
    for kind, ids in (("claim", cids), ("group", gids)):
        for chunk in _chunks(ids):
            q = select(verdicts.c.target_id).where(verdicts.c.target_kind == kind, verdicts.c.status == "draft",
                                                   verdicts.c.target_id.in_(chunk))
            if reviewer is not None:
                q = q.where(verdicts.c.reviewer_id == reviewer)
            drafts.update((kind, t) for t in conn.execute(q).scalars())
    out: dict[str, Standing] = {}
    for g in gids:
        has_draft = ("group", g) in drafts or any(("claim", c) in drafts for c in members[g])
        out[g] = group_standing(snap.group(g), (snap.claim(c, g) for c in members[g]), drafts=has_draft)
    return out


def disputed_targets(kind: str, reviewer: int | None = None) -> Any:
    """SQL: the ids of the claims or groups (``kind``) whose submitted verdicts differ (of one reviewer's,
    never: a reviewer gives one verdict per item)."""
    q = select(verdicts.c.target_id).where(verdicts.c.target_kind == kind, verdicts.c.status == "submitted")
    if reviewer is not None:
        q = q.where(verdicts.c.reviewer_id == reviewer)
    return q.group_by(verdicts.c.target_id).having(func.count(func.distinct(verdicts.c.label_id)) > 1)


def names(reviewer_ids: Iterable[int], users: Mapping[int, str]) -> str:
    """Reviewers' names, one a line (a name holds no line break), as the CSV's ``reviewer`` cell."""
    return "\n".join(users.get(i, f"user {i}") for i in reviewer_ids)
