"""The Dashboard's figures, read in the caller's transaction: everyone's (:func:`stats`) or one reviewer's own
(:func:`own_stats`). A claim counts by the one rule of :mod:`workbench.store.disputes`: the verdict in force
(final, or submitted verdicts that agree) or disputed (submitted verdicts that differ, no final yet: counted
as reviewed and as disputed, in no verdict's share and in no outlet's rated figures)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, func, select

from workbench.store.disputes import Snapshot, Standing
from workbench.store.schema import articles, claims, groups, outlets, scale_labels, users, verdicts
from workbench.store.types import OutletRating, ReviewerProgress, ScaleLabel, Stats, User
from workbench.store.verdicts import label_from_row

__all__ = ["stats", "own_stats"]


def _count(conn: Connection, table: Any, *where: Any) -> int:
    return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def _labels(conn: Connection) -> dict[int, ScaleLabel]:
    return {r.id: label_from_row(r) for r in conn.execute(select(scale_labels))}


def _distribution(labels: dict[int, ScaleLabel], dist: Counter) -> tuple[tuple[str, int], ...]:
    ordered = sorted(labels.values(), key=lambda lab: (lab.scale_id, lab.position))
    return tuple((lab.label, dist[lab.id]) for lab in ordered if lab.id in dist)


def _progress(conn: Connection, user_ids: list[tuple[int, str]]) -> list[ReviewerProgress]:
    """Per reviewer: drafts, submitted verdicts, and the claims their submitted verdicts cover (own claim
    verdicts plus the members of their group verdicts)."""
    member_count = dict(conn.execute(select(groups.c.id, groups.c.size)).all())
    mine: dict[int, list[Any]] = {}
    for r in conn.execute(select(verdicts.c.reviewer_id, verdicts.c.target_kind, verdicts.c.target_id,
                                 verdicts.c.status)):
        mine.setdefault(r.reviewer_id, []).append(r)
    out = []
    for uid, name in user_ids:
        rows = mine.get(uid)
        if not rows:
            continue
        sub = [r for r in rows if r.status == "submitted"]
        own_claims = {r.target_id for r in sub if r.target_kind == "claim"}
        covered = len(own_claims) + sum(member_count.get(r.target_id, 0) for r in sub if r.target_kind == "group")
        out.append(ReviewerProgress(reviewer_id=uid, reviewer=name, drafts=len(rows) - len(sub),
                                    submitted=len(sub), claims_covered=covered))
    return out


def _totals(conn: Connection) -> dict[str, int]:
    return {"claims": _count(conn, claims), "articles": _count(conn, articles), "outlets": _count(conn, outlets),
            "groups": _count(conn, groups), "discrepant_groups": _count(conn, groups, groups.c.discrepant.is_(True))}


def _figures(snap: Snapshot, rows: Any, labels: dict[int, ScaleLabel]) -> dict[str, Any]:
    """Reviewed, final and disputed counts, the verdicts' distribution and the per-outlet shares of
    ``rows`` (claim id, group id, outlet) under the rule."""
    dist: Counter = Counter()
    by_outlet: dict[str, list[int]] = {}
    reviewed = finals = disputed = 0
    for r in rows:
        slot = by_outlet.setdefault(r.outlet, [0, 0, 0])
        slot[0] += 1
        s = snap.claim(r.id, r.group_id)
        if s.status is Standing.UNREVIEWED:
            continue
        reviewed += 1
        finals += s.status is Standing.FINAL
        if s.disputed:
            disputed += 1
            continue
        if s.label_id is None:
            continue
        dist[s.label_id] += 1
        lab = labels[s.label_id]
        if lab.rating_value is not None:
            slot[1] += 1
            slot[2] += int(lab.inaccurate)
    return {"reviewed_claims": reviewed, "final_claims": finals, "disputed_claims": disputed,
            "verdict_distribution": _distribution(labels, dist),
            "by_outlet": tuple(OutletRating(outlet=o, claims=v[0], rated=v[1], inaccurate=v[2])
                               for o, v in sorted(by_outlet.items()))}


def _claim_outlets(conn: Connection, where: Any = None) -> Any:
    q = (select(claims.c.id, claims.c.group_id, outlets.c.name.label("outlet"))
         .join(outlets, outlets.c.id == claims.c.outlet_id))
    return conn.execute(q if where is None else q.where(where))


def stats(conn: Connection) -> Stats:
    """Everyone's figures (leads, admins, single-user mode)."""
    labels = _labels(conn)
    snap = Snapshot.read(conn)
    people = [(r.id, r.name) for r in conn.execute(select(users.c.id, users.c.name).order_by(users.c.name))]
    return Stats(**_totals(conn), **_figures(snap, _claim_outlets(conn), labels),
                 per_reviewer=tuple(_progress(conn, people)))


def own_stats(conn: Connection, user: User) -> Stats:
    """The figures of ``user``'s own verdicts only (a reviewer in blind review): the claims their submitted
    verdicts cover (a claim's own verdict before its group's) by their label; ``final_claims`` those of them
    with a final verdict. Another reviewer's verdict neither disputes nor counts. Counts of claims, articles,
    outlets and groups carry no verdicts and are the same for everyone."""
    labels = _labels(conn)
    snap = Snapshot.read(conn)
    snap.given = {k: [g for g in v if g.reviewer_id == user.id] for k, v in snap.given.items()}
    snap.given = {k: v for k, v in snap.given.items() if v}
    covered_groups = sorted({tid for kind, tid in snap.given if kind == "group"})
    covered_claims = {tid for kind, tid in snap.given if kind == "claim"}
    rows = []
    for i in range(0, len(covered_groups), 500):
        rows += list(_claim_outlets(conn, claims.c.group_id.in_(covered_groups[i:i + 500])))
    ids = sorted(covered_claims - {r.id for r in rows})
    for i in range(0, len(ids), 500):
        rows += list(_claim_outlets(conn, claims.c.id.in_(ids[i:i + 500])))
    # only the reviewer's own verdicts count; a final verdict on what they covered counts as decided, but the
    # label shown is their own
    own = Snapshot(finals={}, given=snap.given)
    fig = _figures(own, rows, labels)
    fig["final_claims"] = sum(1 for r in rows if ("claim", r.id) in snap.finals
                              or (r.group_id is not None and ("group", r.group_id) in snap.finals))
    fig["disputed_claims"] = 0
    everyone = {name: n for name, n in conn.execute(
        select(outlets.c.name, func.count(claims.c.id)).join(claims, claims.c.outlet_id == outlets.c.id)
        .group_by(outlets.c.name)).all()}
    mine = {o.outlet: o for o in fig["by_outlet"]}
    fig["by_outlet"] = tuple(OutletRating(outlet=name, claims=n, rated=mine[name].rated if name in mine else 0,
                                          inaccurate=mine[name].inaccurate if name in mine else 0)
                             for name, n in sorted(everyone.items()))
    progress = _progress(conn, [(user.id, user.name)])
    return Stats(**_totals(conn), **fig, per_reviewer=tuple(progress))
