"""The verdict workflow: drafts and submissions, group verdicts, final verdicts, sources, corrections.

Rules:
- One verdict per (claim or group, reviewer), draft or submitted, with a version that grows by one on every
  save. A group verdict applies to each claim of the group unless that claim has its own verdict from the
  same reviewer (:func:`applicable`).
- One final verdict per claim or group, with a version. Saving it names the version the caller loaded
  (``expected_version``; 0 when there was none). If somebody saved in between, the save is refused with a
  :class:`StaleSaveError` carrying who changed it, when, and the value now stored — never last-write-wins.
  The same check applies to a reviewer's own verdict when ``expected_version`` is given.
- Sources belong to a reviewer's verdict; the store computes the gap between the claimed figure and the
  figure the source gives (difference and percent of the sourced figure) and keeps it with the source.

These functions run inside a write transaction opened by :class:`workbench.store.Store`; call them through
the store's methods (``Store.save_verdict`` etc.), which retry transient database busy errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from workbench.errors import ConflictError, InputError, StoreError
from workbench.store import audit
from workbench.store.schema import (
    claims,
    corrections,
    final_verdicts,
    groups,
    scale_labels,
    scales,
    sources,
    users,
    verdicts,
)
from workbench.store.types import (
    Correction,
    FinalVerdict,
    Gap,
    ScaleLabel,
    Source,
    SourceInput,
    Target,
    TargetKind,
    Verdict,
    VerdictStatus,
)


class StaleSaveError(ConflictError):
    """A save refused because somebody changed the same verdict since it was loaded.

    ``current`` is the verdict now stored (None if it was removed), ``changed_by``/``changed_at`` who saved
    it and when, ``expected_version`` the version the caller had loaded, ``attempted`` what the caller
    tried to save (so a form can keep the input).
    """

    def __init__(
        self,
        target: Target,
        expected_version: int,
        current: Verdict | FinalVerdict | None,
        attempted: dict[str, Any],
    ):
        self.target = target
        self.expected_version = expected_version
        self.current = current
        self.attempted = attempted
        if isinstance(current, FinalVerdict):
            self.changed_by, self.changed_at = current.decided_by, current.decided_at
            what = f"final verdict on {target.kind.value} {target.id}"
            now = f"{current.label!r} (version {current.version})"
        elif isinstance(current, Verdict):
            self.changed_by, self.changed_at = current.reviewer, current.updated_at
            what = f"{current.reviewer}'s verdict on {target.kind.value} {target.id}"
            now = f"{current.label!r}, {current.status.value} (version {current.version})"
        else:
            self.changed_by, self.changed_at = None, None
            what = f"verdict on {target.kind.value} {target.id}"
            now = "nothing (it was removed)"
        who = f" by {self.changed_by} at {self.changed_at}" if self.changed_by else ""
        super().__init__(
            f"the {what} was changed{who} since you loaded version {expected_version}; it is now {now}. "
            "Reload, compare, and save again if you still disagree."
        )


# --- gap ---------------------------------------------------------------------------------------------------

def compute_gap(claimed: float | None, sourced: float | None) -> Gap | None:
    """Claimed minus sourced, and as a percent of the sourced figure (None when that is 0)."""
    if claimed is None or sourced is None:
        return None
    diff = claimed - sourced
    pct = None if sourced == 0 else diff / abs(sourced) * 100.0
    return Gap(claimed=claimed, sourced=sourced, difference=diff, percent=pct)


def units_compatible(source_unit: str | None, claim_unit: str | None, claim_currency: str | None) -> bool:
    """A source figure is comparable when it names no unit or the claim's unit / currency."""
    if not source_unit:
        return True
    wanted = {u.strip().casefold() for u in (claim_unit, claim_currency) if u}
    return not wanted or source_unit.strip().casefold() in wanted


# --- rows -> typed values ----------------------------------------------------------------------------------

def _target(kind: str, tid: str) -> Target:
    return Target(TargetKind(kind), tid)


def label_from_row(r: Any) -> ScaleLabel:
    return ScaleLabel(id=r.id, scale_id=r.scale_id, label=r.label, rating_value=r.rating_value,
                      position=r.position, key=r.key, inaccurate=bool(r.inaccurate), description=r.description)


def source_from_row(r: Any) -> Source:
    return Source(id=r.id, verdict_id=r.verdict_id, url=r.url, title=r.title, publisher=r.publisher,
                  accessed=r.accessed, archived_url=r.archived_url, value=r.value, unit=r.unit, as_of=r.as_of,
                  note=r.note, claimed_value=r.claimed_value, gap=r.gap, gap_pct=r.gap_pct,
                  added_by=r.added_by, added_at=r.added_at)


_VERDICT_COLS = (
    verdicts.c.id, verdicts.c.target_kind, verdicts.c.target_id, verdicts.c.reviewer_id,
    users.c.name.label("reviewer"), verdicts.c.label_id, scale_labels.c.label, scale_labels.c.rating_value,
    verdicts.c.status, verdicts.c.note, verdicts.c.version, verdicts.c.created_at, verdicts.c.updated_at,
)


def _verdict_select():  # type: ignore[no-untyped-def]
    return (
        select(*_VERDICT_COLS)
        .select_from(verdicts.join(users, users.c.id == verdicts.c.reviewer_id)
                     .outerjoin(scale_labels, scale_labels.c.id == verdicts.c.label_id))
    )


def _final_select():  # type: ignore[no-untyped-def]
    return (
        select(final_verdicts, scale_labels.c.label, scale_labels.c.rating_value, users.c.name.label("decider"))
        .select_from(final_verdicts.join(users, users.c.id == final_verdicts.c.decided_by)
                     .join(scale_labels, scale_labels.c.id == final_verdicts.c.label_id))
    )


def final_from_row(r: Any) -> FinalVerdict:
    return FinalVerdict(id=r.id, target=_target(r.target_kind, r.target_id), label_id=r.label_id, label=r.label,
                        rating_value=r.rating_value, note=r.note, version=r.version, decided_by_id=r.decided_by,
                        decided_by=r.decider, decided_at=r.decided_at, basis_verdict_id=r.basis_verdict_id)


def load_verdicts(conn: Connection, where: Any) -> list[Verdict]:
    rows = conn.execute(_verdict_select().where(where).order_by(verdicts.c.updated_at, verdicts.c.id)).all()
    srcs = load_sources(conn, [r.id for r in rows])
    return [
        Verdict(id=r.id, target=_target(r.target_kind, r.target_id), reviewer_id=r.reviewer_id, reviewer=r.reviewer,
                label_id=r.label_id, label=r.label, rating_value=r.rating_value, status=VerdictStatus(r.status),
                note=r.note, version=r.version, created_at=r.created_at, updated_at=r.updated_at,
                sources=tuple(srcs.get(r.id, ())))
        for r in rows
    ]


def load_sources(conn: Connection, verdict_ids: Sequence[int]) -> dict[int, list[Source]]:
    out: dict[int, list[Source]] = {}
    ids = list(verdict_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in conn.execute(select(sources).where(sources.c.verdict_id.in_(chunk)).order_by(sources.c.id)):
            out.setdefault(r.verdict_id, []).append(source_from_row(r))
    return out


def target_where(table: Any, target: Target) -> Any:
    return and_(table.c.target_kind == target.kind.value, table.c.target_id == target.id)


def get_verdict(conn: Connection, target: Target, reviewer_id: int) -> Verdict | None:
    found = load_verdicts(conn, and_(target_where(verdicts, target), verdicts.c.reviewer_id == reviewer_id))
    return found[0] if found else None


def get_final(conn: Connection, target: Target) -> FinalVerdict | None:
    r = conn.execute(_final_select().where(target_where(final_verdicts, target))).first()
    return final_from_row(r) if r else None


def load_finals(conn: Connection, where: Any) -> list[FinalVerdict]:
    return [final_from_row(r) for r in conn.execute(_final_select().where(where).order_by(final_verdicts.c.id))]


def applicable(claim_verdicts: Iterable[Verdict], group_verdicts: Iterable[Verdict]) -> list[Verdict]:
    """The verdicts in force for one claim: each reviewer's own claim verdict, else their group verdict."""
    own = {v.reviewer_id: v for v in claim_verdicts}
    out = list(own.values())
    out += [v for v in group_verdicts if v.reviewer_id not in own]
    return sorted(out, key=lambda v: (v.updated_at, v.id))


# --- checks ------------------------------------------------------------------------------------------------

def check_text(field: str, value: str | None) -> None:
    if value is not None and "\x00" in value:
        raise InputError(field, "contains a NUL character, which cannot be stored; remove it")


def check_user(conn: Connection, user_id: int) -> str:
    r = conn.execute(select(users.c.name, users.c.disabled).where(users.c.id == user_id)).first()
    if r is None:
        raise StoreError(f"no user with id {user_id}; add the reviewer first")
    if r.disabled:
        raise StoreError(f"user {r.name} is disabled and cannot write")
    return r.name


def check_target(conn: Connection, target: Target) -> None:
    if target.kind is TargetKind.CLAIM:
        found = conn.execute(select(claims.c.id).where(claims.c.id == target.id)).first()
    elif target.kind is TargetKind.GROUP:
        found = conn.execute(select(groups.c.id).where(groups.c.id == target.id)).first()
    else:
        raise StoreError(f"a verdict is given on a claim or a group, not on {target.kind.value}")
    if found is None:
        raise StoreError(f"no {target.kind.value} with id {target.id!r} (it may have been regrouped; reload)")


def resolve_label(conn: Connection, label: str | int) -> ScaleLabel:
    """A label by id, or by its text (or keyboard key) in the default scale."""
    if isinstance(label, int):
        r = conn.execute(select(scale_labels).where(scale_labels.c.id == label)).first()
    else:
        default = select(scales.c.id).where(scales.c.is_default.is_(True)).scalar_subquery()
        q = select(scale_labels).where(scale_labels.c.scale_id == default)
        r = conn.execute(q.where(scale_labels.c.label == label)).first()
        if r is None:
            r = conn.execute(q.where(scale_labels.c.key == label)).first()
    if r is None:
        names = [x.label for x in conn.execute(
            select(scale_labels.c.label).join(scales, scales.c.id == scale_labels.c.scale_id)
            .where(scales.c.is_default.is_(True)).order_by(scale_labels.c.position))]
        raise InputError("verdict", f"unknown label {label!r}; the scale has: {', '.join(names)}")
    return label_from_row(r)


def _insert(conn: Connection, table: Any):  # type: ignore[no-untyped-def]
    return (pg_insert if conn.dialect.name == "postgresql" else sqlite_insert)(table)


def _verdict_image(v: Verdict | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"target_kind": v.target.kind.value, "target_id": v.target.id, "reviewer_id": v.reviewer_id,
            "label": v.label, "status": v.status.value, "note": v.note, "version": v.version}


def _final_image(f: FinalVerdict | None) -> dict[str, Any] | None:
    if f is None:
        return None
    return {"target_kind": f.target.kind.value, "target_id": f.target.id, "label": f.label, "note": f.note,
            "version": f.version, "decided_by": f.decided_by_id, "basis_verdict_id": f.basis_verdict_id}


# --- writes ------------------------------------------------------------------------------------------------

def save_verdict(
    conn: Connection,
    target: Target,
    reviewer_id: int,
    label: str | int | None,
    *,
    note: str = "",
    submit: bool = False,
    expected_version: int | None = None,
) -> Verdict:
    """Create or update ``reviewer_id``'s verdict on ``target``; returns it with its new version."""
    check_text("note", note)
    check_user(conn, reviewer_id)
    check_target(conn, target)
    lab = resolve_label(conn, label) if label is not None else None
    if submit and lab is None:
        raise InputError("verdict", "a submitted verdict needs a label; save a draft to keep a note only")
    status = VerdictStatus.SUBMITTED if submit else VerdictStatus.DRAFT
    attempted = {"label": lab.label if lab else None, "note": note, "status": status.value}
    stamp = audit.now()
    where = and_(target_where(verdicts, target), verdicts.c.reviewer_id == reviewer_id)
    existing = conn.execute(select(verdicts.c.id, verdicts.c.version).where(where).with_for_update()).first()
    before = get_verdict(conn, target, reviewer_id) if existing else None
    have = existing.version if existing else 0
    if expected_version is not None and expected_version != have:
        raise StaleSaveError(target, expected_version, before, attempted)
    values = {"label_id": lab.id if lab else None, "status": status.value, "note": note, "updated_at": stamp}
    if existing is None:
        ins = _insert(conn, verdicts).values(
            target_kind=target.kind.value, target_id=target.id, reviewer_id=reviewer_id, version=1,
            created_at=stamp, **values,
        ).on_conflict_do_nothing().returning(verdicts.c.id)
        if conn.execute(ins).first() is None:
            # somebody created it between our read and our insert (PostgreSQL, READ COMMITTED)
            current = get_verdict(conn, target, reviewer_id)
            if expected_version is not None:
                raise StaleSaveError(target, expected_version, current, attempted)
            assert current is not None
            conn.execute(update(verdicts).where(where).values(version=verdicts.c.version + 1, **values))
    else:
        res = conn.execute(
            update(verdicts).where(and_(where, verdicts.c.version == existing.version))
            .values(version=verdicts.c.version + 1, **values)
        )
        if res.rowcount != 1:  # pragma: no cover - the row lock above makes this unreachable
            raise StaleSaveError(target, have, get_verdict(conn, target, reviewer_id), attempted)
    after = get_verdict(conn, target, reviewer_id)
    assert after is not None
    audit.record(conn, reviewer_id, "submit_verdict" if submit else "save_draft", "verdict", after.id,
                 _verdict_image(before), _verdict_image(after), at=stamp)
    return after


def save_final_verdict(
    conn: Connection,
    target: Target,
    decided_by: int,
    label: str | int,
    *,
    expected_version: int,
    note: str = "",
    basis_verdict_id: int | None = None,
) -> FinalVerdict:
    """Set the final verdict on ``target``, if its version is still ``expected_version`` (0: none yet)."""
    check_text("note", note)
    check_user(conn, decided_by)
    check_target(conn, target)
    lab = resolve_label(conn, label)
    attempted = {"label": lab.label, "note": note}
    stamp = audit.now()
    before = get_final(conn, target)
    values = {"label_id": lab.id, "note": note, "decided_by": decided_by, "decided_at": stamp,
              "basis_verdict_id": basis_verdict_id}
    if expected_version == 0:
        ins = _insert(conn, final_verdicts).values(
            target_kind=target.kind.value, target_id=target.id, version=1, **values
        ).on_conflict_do_nothing().returning(final_verdicts.c.id)
        ok = conn.execute(ins).first() is not None
    else:
        res = conn.execute(
            update(final_verdicts)
            .where(and_(target_where(final_verdicts, target), final_verdicts.c.version == expected_version))
            .values(version=final_verdicts.c.version + 1, **values)
        )
        ok = res.rowcount == 1
    if not ok:
        raise StaleSaveError(target, expected_version, get_final(conn, target), attempted)
    after = get_final(conn, target)
    assert after is not None
    audit.record(conn, decided_by, "final_verdict", "final_verdict", after.id,
                 _final_image(before), _final_image(after), at=stamp)
    return after


def claimed_value(conn: Connection, target: Target) -> tuple[float | None, str | None, str | None]:
    """The figure a target claims (a group: its representative's) with its unit and currency."""
    cid = target.id
    if target.kind is TargetKind.GROUP:
        cid = conn.execute(select(groups.c.representative).where(groups.c.id == target.id)).scalar_one()
    r = conn.execute(select(claims.c.low, claims.c.high, claims.c.unit, claims.c.currency)
                     .where(claims.c.id == cid)).first()
    if r is None:
        return None, None, None
    return (r.low + r.high) / 2.0, r.unit, r.currency


def add_source(conn: Connection, target: Target, reviewer_id: int, src: SourceInput) -> Source:
    """Attach a source to the reviewer's verdict on ``target`` (a draft verdict is created if needed)."""
    if not src.url or not src.url.strip():
        raise InputError("source url", "is empty; give the address of the page or document")
    for name in ("url", "title", "publisher", "accessed", "archived_url", "unit", "as_of", "note"):
        check_text(f"source {name}", getattr(src, name))
    check_user(conn, reviewer_id)
    check_target(conn, target)
    verdict = get_verdict(conn, target, reviewer_id)
    if verdict is None:
        verdict = save_verdict(conn, target, reviewer_id, None, note="", submit=False)
    claimed, unit, currency = claimed_value(conn, target)
    gap = compute_gap(claimed, src.value) if units_compatible(src.unit, unit, currency) else None
    stamp = audit.now()
    values = dict(
        verdict_id=verdict.id, url=src.url.strip(), title=src.title, publisher=src.publisher,
        accessed=src.accessed, archived_url=src.archived_url, value=src.value, unit=src.unit, as_of=src.as_of,
        note=src.note or "", claimed_value=claimed if src.value is not None else None,
        gap=gap.difference if gap else None, gap_pct=gap.percent if gap else None,
        added_by=reviewer_id, added_at=stamp,
    )
    sid = conn.execute(insert(sources).values(**values).returning(sources.c.id)).scalar_one()
    row = conn.execute(select(sources).where(sources.c.id == sid)).one()
    out = source_from_row(row)
    image = {k: v for k, v in values.items() if k not in ("added_at",)}
    audit.record(conn, reviewer_id, "add_source", "source", sid, None, image, at=stamp)
    return out


def remove_source(conn: Connection, source_id: int, actor_id: int) -> None:
    row = conn.execute(select(sources, verdicts.c.reviewer_id).join(verdicts, verdicts.c.id == sources.c.verdict_id)
                       .where(sources.c.id == source_id)).first()
    if row is None:
        raise StoreError(f"no source with id {source_id}")
    check_user(conn, actor_id)
    before = {k: getattr(row, k) for k in ("verdict_id", "url", "title", "value", "unit", "note")}
    conn.execute(delete(sources).where(sources.c.id == source_id))
    audit.record(conn, actor_id, "remove_source", "source", source_id, before, None)


def record_correction(
    conn: Connection,
    claim_id: str,
    reviewer_id: int,
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
    noun: str | None = None,
    not_a_claim: bool = False,
    note: str = "",
    expected_version: int | None = None,
) -> Correction:
    """Record (or replace) the reviewer's correction of an extracted claim."""
    for name, val in (("unit", unit), ("noun", noun), ("note", note)):
        check_text(name, val)
    if low is not None and high is None:
        high = low
    if low is not None and high is not None and high < low:
        raise InputError("correction", f"high ({high}) is below low ({low})")
    check_user(conn, reviewer_id)
    check_target(conn, Target.claim(claim_id))
    stamp = audit.now()
    where = and_(corrections.c.claim_id == claim_id, corrections.c.reviewer_id == reviewer_id)
    existing = conn.execute(select(corrections).where(where).with_for_update()).first()
    before = _correction_image(existing)
    have = existing.version if existing else 0
    values = {"low": low, "high": high, "unit": unit, "noun": noun, "not_a_claim": not_a_claim, "note": note,
              "updated_at": stamp}
    if expected_version is not None and expected_version != have:
        raise ConflictError(
            f"your correction of claim {claim_id} was changed since you loaded version {expected_version} "
            f"(now version {have}); reload and try again"
        )
    if existing is None:
        conn.execute(insert(corrections).values(claim_id=claim_id, reviewer_id=reviewer_id, version=1, **values))
    else:
        conn.execute(update(corrections).where(where).values(version=corrections.c.version + 1, **values))
    out = load_corrections(conn, where)[0]
    audit.record(conn, reviewer_id, "correct_extraction", "correction", out.id, before,
                 _correction_image(out), at=stamp)
    return out


def _correction_image(r: Any) -> dict[str, Any] | None:
    if r is None:
        return None
    return {k: getattr(r, k) for k in ("claim_id", "reviewer_id", "low", "high", "unit", "noun", "not_a_claim",
                                        "note", "version")}


def load_corrections(conn: Connection, where: Any) -> list[Correction]:
    q = (select(corrections, users.c.name.label("reviewer"))
         .join(users, users.c.id == corrections.c.reviewer_id).where(where).order_by(corrections.c.id))
    return [
        Correction(id=r.id, claim_id=r.claim_id, reviewer_id=r.reviewer_id, reviewer=r.reviewer, low=r.low,
                   high=r.high, unit=r.unit, noun=r.noun, not_a_claim=bool(r.not_a_claim), note=r.note,
                   version=r.version, updated_at=r.updated_at)
        for r in conn.execute(q)
    ]


# --- regrouping --------------------------------------------------------------------------------------------

def carry_group_verdicts(
    conn: Connection,
    old_members: dict[str, list[str]],
    new_by_claim: dict[str, str],
    new_representatives: dict[str, str],
    old_representatives: dict[str, str],
    actor_id: int | None,
) -> int:
    """Move verdicts and final verdicts of dissolved groups to the group holding most of their claims.

    ``old_members``: dissolved group id -> its claim ids. When the receiving group already has a verdict from
    the same reviewer (or a final verdict), the moved one is kept as per-claim verdicts on the old group's
    claims that have none of their own, so no judgement is lost or silently changed. Returns the number of
    verdicts carried.
    """
    if not old_members:
        return 0
    carried = 0
    old_ids = list(old_members)
    has_v = set()
    for i in range(0, len(old_ids), 500):
        chunk = old_ids[i:i + 500]
        has_v |= {r[0] for r in conn.execute(select(verdicts.c.target_id).where(
            and_(verdicts.c.target_kind == "group", verdicts.c.target_id.in_(chunk))))}
        has_v |= {r[0] for r in conn.execute(select(final_verdicts.c.target_id).where(
            and_(final_verdicts.c.target_kind == "group", final_verdicts.c.target_id.in_(chunk))))}
    log: list[dict[str, Any]] = []
    plan: list[tuple[int, str, str]] = []  # (claims carried over, old group, destination)
    for old in sorted(has_v):
        counts: dict[str, int] = {}
        for cid in old_members[old]:
            g = new_by_claim.get(cid)
            if g is not None:
                counts[g] = counts.get(g, 0) + 1
        if not counts:
            continue
        rep_new = new_by_claim.get(old_representatives.get(old, ""))
        dest = max(counts, key=lambda g: (counts[g], g == rep_new, _neg(g)))
        plan.append((counts[dest], old, dest))
    # when groups merge, the one bringing most claims keeps its group verdict; the others become claim verdicts
    plan.sort(key=lambda p: (-p[0], p[1]))
    for _, old, dest in plan:
        members = old_members[old]
        # reviewer verdicts
        for v in load_verdicts(conn, target_where(verdicts, Target.group(old))):
            clash = conn.execute(select(verdicts.c.id).where(and_(
                verdicts.c.target_kind == "group", verdicts.c.target_id == dest,
                verdicts.c.reviewer_id == v.reviewer_id))).first()
            if clash is None:
                conn.execute(update(verdicts).where(verdicts.c.id == v.id).values(target_id=dest))
                log.append({"actor_id": actor_id, "action": "carry_verdict", "entity": "verdict",
                            "entity_id": v.id, "before": {"target_id": old}, "after": {"target_id": dest}})
            else:
                made = _spread_to_claims(conn, v, members)
                conn.execute(delete(sources).where(sources.c.verdict_id == v.id))
                conn.execute(delete(verdicts).where(verdicts.c.id == v.id))
                log.append({"actor_id": actor_id, "action": "carry_verdict_to_claims", "entity": "verdict",
                            "entity_id": v.id, "before": _verdict_image(v),
                            "after": {"claim_verdict_ids": made, "reason": f"group {dest} has its own verdict"}})
            carried += 1
        f = get_final(conn, Target.group(old))
        if f is not None:
            if get_final(conn, Target.group(dest)) is None:
                conn.execute(update(final_verdicts).where(final_verdicts.c.id == f.id).values(target_id=dest))
                log.append({"actor_id": actor_id, "action": "carry_final_verdict", "entity": "final_verdict",
                            "entity_id": f.id, "before": {"target_id": old}, "after": {"target_id": dest}})
            else:
                made = []
                for cid in members:
                    if get_final(conn, Target.claim(cid)) is None:
                        fid = conn.execute(insert(final_verdicts).values(
                            target_kind="claim", target_id=cid, label_id=f.label_id, note=f.note, version=1,
                            decided_by=f.decided_by_id, decided_at=f.decided_at,
                            basis_verdict_id=None,
                        ).returning(final_verdicts.c.id)).scalar_one()
                        made.append(fid)
                conn.execute(delete(final_verdicts).where(final_verdicts.c.id == f.id))
                log.append({"actor_id": actor_id, "action": "carry_final_verdict_to_claims",
                            "entity": "final_verdict", "entity_id": f.id, "before": _final_image(f),
                            "after": {"claim_final_ids": made, "reason": f"group {dest} has its own final verdict"}})
            carried += 1
    audit.record_many(conn, log)
    return carried


def _neg(s: str) -> tuple[int, ...]:
    """Sort key making the smallest id win ties under max()."""
    return tuple(-ord(c) for c in s)


def _spread_to_claims(conn: Connection, v: Verdict, claim_ids: list[str]) -> list[int]:
    made = []
    for cid in claim_ids:
        own = conn.execute(select(verdicts.c.id).where(and_(
            verdicts.c.target_kind == "claim", verdicts.c.target_id == cid,
            verdicts.c.reviewer_id == v.reviewer_id))).first()
        if own is not None:
            continue
        vid = conn.execute(insert(verdicts).values(
            target_kind="claim", target_id=cid, reviewer_id=v.reviewer_id, label_id=v.label_id,
            status=v.status.value, note=v.note, version=1, created_at=v.created_at, updated_at=v.updated_at,
        ).returning(verdicts.c.id)).scalar_one()
        for s in v.sources:
            conn.execute(insert(sources).values(
                verdict_id=vid, url=s.url, title=s.title, publisher=s.publisher, accessed=s.accessed,
                archived_url=s.archived_url, value=s.value, unit=s.unit, as_of=s.as_of, note=s.note,
                claimed_value=s.claimed_value, gap=s.gap, gap_pct=s.gap_pct, added_by=s.added_by,
                added_at=s.added_at,
            ))
        made.append(vid)
    return made


__all__ = [
    "StaleSaveError", "compute_gap", "units_compatible", "applicable", "save_verdict", "save_final_verdict",
    "add_source", "remove_source", "record_correction", "carry_group_verdicts", "get_verdict", "get_final",
    "load_verdicts", "load_finals", "load_corrections", "resolve_label",
]


def set_verdict_time(conn: Connection, target: Target, reviewer_id: int, at: str) -> None:
    """Keep the time a verdict was given when it is restored from an export (the audit log has the import)."""
    conn.execute(update(verdicts).where(and_(target_where(verdicts, target), verdicts.c.reviewer_id == reviewer_id))
                 .values(updated_at=at))


def set_final_time(conn: Connection, target: Target, at: str) -> None:
    conn.execute(update(final_verdicts).where(target_where(final_verdicts, target)).values(decided_at=at))
