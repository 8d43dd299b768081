"""Groups and the reviewers' overrides: regrouping stored claims (with the grouper the caller hands in; the
store imports no grouping), merging and splitting by must-link and cannot-link overrides, the group queue and
a group's detail. Every function takes the connection of the transaction it runs in (see
:mod:`workbench.store.engine`), or the name of its dialect where it only builds a query."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, and_, bindparam, delete, exists, func, insert, or_, select, update

from workbench.errors import InputError, StoreError
from workbench.models import Claim, Group, Grouping, Kind, LinkKind, Override, group_id
from workbench.store import articles as claim_repo
from workbench.store import audit, disputes
from workbench.store import engine as eng
from workbench.store import queue
from workbench.store import verdicts as review
from workbench.store import words as story_index
from workbench.store.queue import QueueWhere
from workbench.store.schema import assignments, claims, final_verdicts, groups, outlets, overrides, verdicts
from workbench.store.types import ClaimStatus, GroupDetail, GroupFilter, GroupRow, RegroupReport, StoredOverride, Target

__all__ = ["Grouper", "IncrementalGrouper", "group_id_for", "singleton_group", "make_group", "load_overrides",
           "stored_overrides", "regroup", "add_overrides", "remove_override", "group_filter", "groups_page",
           "group_rows", "group_detail", "representative_sentence"]

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


# --- overrides and regrouping -----------------------------------------------------------------------------


def load_overrides(conn: Connection) -> list[Override]:
    return [Override(LinkKind(r.kind), r.claim_a, r.claim_b)
            for r in conn.execute(select(overrides).order_by(overrides.c.id))]


def stored_overrides(conn: Connection) -> list[StoredOverride]:
    return [StoredOverride(id=r.id, kind=LinkKind(r.kind), a=r.claim_a, b=r.claim_b, created_by=r.created_by,
                           created_at=r.created_at)
            for r in conn.execute(select(overrides).order_by(overrides.c.id))]


def regroup(conn: Connection, grouper: Grouper, actor_id: int | None,
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
        found = story_index.import_regroup(conn, grouper, list(new))
        if found is not None:
            scope_claims, regrouped = found
            return write_grouping(conn, scope_claims, {c.id: c for c in scope_claims}, regrouped, True, actor_id)
    elif touched is not None and links_before is not None:
        story_index.links_changed(conn, grouper, list(touched))
    everything = claim_repo.all_claims(conn)
    links = load_overrides(conn)
    if new is None and touched is None and story_index.indexes(grouper):
        story_index.rebuild(conn, grouper, everything, links)  # a full regroup reads every claim anyway
    by_id = {c.id: c for c in everything}
    grouping: Grouping | None = None
    partial = touched is not None
    if new is not None:
        found = _incremental(grouper, everything, set(new), links)
        if found is not None:
            everything, grouping = found
            partial = True
        elif not callable(getattr(grouper, "incremental", None)):
            everything = _affected(everything, by_id, links, new)
            partial = True
    elif touched is not None:
        found = _around(grouper, everything, links_before, links, touched)
        if found is not None:
            everything, grouping = found
        else:
            everything = _affected(everything, by_id, links, touched)
    scope = {c.id for c in everything}
    if grouping is None:
        grouping = grouper([c.with_group(None) for c in everything],
                           [o for o in links if o.a in scope and o.b in scope])
    return write_grouping(conn, everything, by_id, grouping, partial, actor_id)


def write_grouping(conn: Connection, everything: list[Claim], by_id: dict[str, Claim], grouping: Grouping,
                   partial: bool, actor_id: int | None) -> RegroupReport:
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
        conn.execute(insert(groups), [_group_row(gid, new_groups[gid], by_id, stamp) for gid in to_add])
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
    return _scoped(everything, articles, grouping)


def _scoped(everything: list[Claim], articles: set[str], grouping: Grouping
            ) -> tuple[list[Claim], Grouping] | None:
    inside = {c.group for c in everything if c.group is not None and c.article in articles}
    if any(c.group in inside and c.article not in articles for c in everything):
        return None  # a stored group would be cut in two: regroup more widely instead
    return [c for c in everything if c.article in articles], grouping


def _around(grouper: Grouper, everything: list[Claim], links_before: list[Override] | None,
            links: list[Override], touched: Iterable[str]) -> tuple[list[Claim], Grouping] | None:
    """The claims a reviewer's override regroups and their grouping, from a grouper with ``around``."""
    around = getattr(grouper, "around", None)
    if not callable(around) or links_before is None:
        return None
    articles, grouping = around(everything, links_before, links, list(touched))
    return _scoped(everything, set(articles), grouping)


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


def add_overrides(conn: Connection, links: Sequence[Override], *, actor_id: int, grouper: Grouper
                  ) -> RegroupReport:
    """Record that pairs of claims do (must_link) or do not (cannot_link) state the same fact, and regroup
    the stories they touch."""
    review.check_user(conn, actor_id)
    before = load_overrides(conn)
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
    return regroup(conn, grouper, actor_id, touched=[x for link in links for x in (link.a, link.b)],
                   links_before=before)


def remove_override(conn: Connection, override_id: int, *, actor_id: int, grouper: Grouper) -> RegroupReport:
    old = conn.execute(select(overrides).where(overrides.c.id == override_id)).first()
    if old is None:
        raise StoreError(f"no override with id {override_id}")
    before = load_overrides(conn)
    conn.execute(delete(overrides).where(overrides.c.id == override_id))
    audit.record(conn, actor_id, "remove_override", "override", override_id,
                 {"kind": old.kind, "a": old.claim_a, "b": old.claim_b}, None)
    return regroup(conn, grouper, actor_id, touched=[old.claim_a, old.claim_b], links_before=before)


# --- the group queue and a group's detail -----------------------------------------------------------------


def reviewed_group_states(conn: Connection, reviewer: int | None = None) -> dict[str, disputes.Standing]:
    """The review state (:func:`disputes.group_states`) of every group with a verdict or final verdict on it
    or on one of its claims (``reviewer``: only that reviewer's verdicts count, finals as for everyone).
    Every other group is unreviewed. Read to filter groups by status: a group follows its claims, which
    the group's own verdict rows alone cannot say."""
    def targets(table: Any, *where: Any) -> set[str]:
        own = select(table.c.target_id).where(table.c.target_kind == "group", *where)
        of_claims = (select(claims.c.group_id).join(table, and_(table.c.target_kind == "claim",
                                                                table.c.target_id == claims.c.id))
                     .where(claims.c.group_id.is_not(None), *where))
        return {r for r in conn.execute(own.union(of_claims)).scalars() if r is not None}

    mine = [verdicts.c.reviewer_id == reviewer] if reviewer is not None else []
    ids = targets(final_verdicts) | targets(verdicts, *mine)
    return disputes.group_states(conn, sorted(ids), reviewer=reviewer) if ids else {}


def group_filter(conn: Connection, f: GroupFilter) -> QueueWhere:
    dialect = conn.dialect.name
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
        pat = queue.escape_like(f.text.strip())
        conds.append(or_(queue.like(dialect, groups.c.label, pat), queue.like(dialect, groups.c.noun, pat),
                         queue.like(dialect, groups.c.quantity, pat),
                         exists().where(and_(claims.c.group_id == groups.c.id,
                                             queue.like(dialect, claims.c.sentence, pat)))))
    if f.assigned_to is not None:
        conds.append(exists().where(and_(assignments.c.user_id == f.assigned_to,
                                         assignments.c.target_kind == "group",
                                         assignments.c.target_id == groups.c.id)))
    targets = (("group", groups.c.id, False),)
    if f.status is not None:  # the group's review state, as its row shows it (it follows its claims)
        states = reviewed_group_states(conn, f.status_for)
        status = ClaimStatus(f.status)
        if status is ClaimStatus.UNREVIEWED:
            conds.append(groups.c.id.not_in(sorted(g for g, s in states.items() if s.value != status.value)))
        else:
            conds.append(groups.c.id.in_(sorted(g for g, s in states.items() if s.value == status.value)))
    return QueueWhere(groups, tuple(conds), None, (), f.status_for, targets)


def groups_page(conn: Connection, f: GroupFilter, offset: int, limit: int) -> tuple[list[GroupRow], int]:
    """Groups ordered for triage: discrepant first, then widest spread, then most outlets."""
    q = group_filter(conn, f)
    total = queue.count(conn, q)
    rows = conn.execute(select(groups).where(*queue.where(conn.dialect.name, q)).order_by(
        groups.c.discrepant.desc(), groups.c.spread_pct.desc(), groups.c.n_outlets.desc(), groups.c.id,
    ).offset(max(0, offset)).limit(max(0, limit))).all()
    return group_rows(conn, rows, f.status_for), total


def group_rows(conn: Connection, rows: Sequence[Any], reviewer: int | None = None) -> list[GroupRow]:
    gids = [r.id for r in rows]
    if not gids:
        return []
    outs: dict[str, set[str]] = {}
    q = (select(claims.c.group_id, outlets.c.name).join(outlets, outlets.c.id == claims.c.outlet_id)
         .where(claims.c.group_id.in_(gids)).distinct())
    for r in conn.execute(q):
        outs.setdefault(r.group_id, set()).add(r.name)
    finals = claim_repo.finals_by_target(conn, [], gids)
    vstat = claim_repo.verdict_status_by_target(conn, [], gids, reviewer)
    standing = disputes.group_states(conn, gids, reviewer=reviewer)  # follows its claims' verdicts
    out = []
    for r in rows:
        fg = finals.get(("group", r.id))
        states = vstat.get(("group", r.id), set())
        status = (ClaimStatus.FINAL if fg else ClaimStatus.DISPUTED if "disputed" in states
                  else ClaimStatus.SUBMITTED if "submitted" in states
                  else ClaimStatus.DRAFT if "draft" in states else ClaimStatus.UNREVIEWED)
        out.append(GroupRow(
            id=r.id, label=r.label, kind=Kind(r.kind), unit=r.unit, currency=r.currency, noun=r.noun,
            size=r.size, n_outlets=r.n_outlets, outlets=tuple(sorted(outs.get(r.id, ()))),
            representative=r.representative, min_value=r.min_value, median_value=r.median_value,
            max_value=r.max_value, spread_pct=r.spread_pct, discrepant=bool(r.discrepant), status=status,
            final_label=fg[1] if fg else None, final_version=fg[2] if fg else 0,
            quantity=r.quantity, review=ClaimStatus(standing[r.id].value),
        ))
    return out


def group_detail(conn: Connection, group_id: str) -> GroupDetail:
    r = conn.execute(select(groups).where(groups.c.id == group_id)).first()
    if r is None:
        raise StoreError(f"no group with id {group_id!r} (it may have been regrouped; reload)")
    grow = group_rows(conn, [r])[0]
    crs = conn.execute(select(*claim_repo.CLAIM_COLS).select_from(claim_repo.CLAIM_FROM)
                       .where(claims.c.group_id == group_id).order_by(claims.c.position)).all()
    rows = claim_repo.claim_rows(conn, crs)
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


def representative_sentence(conn: Connection, group_id: str) -> str | None:
    return conn.execute(select(claims.c.sentence).join(groups, groups.c.representative == claims.c.id)
                        .where(groups.c.id == group_id)).scalar()
