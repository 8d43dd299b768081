"""The verdict workflow on a real database (SQLite, and PostgreSQL when configured): drafts and
submissions, versions, stale-save refusal, final verdicts, group verdicts with per-claim exceptions,
sources with the computed gap, and the audit trail of each change."""

from __future__ import annotations

import math

import pytest

from storekit import db_url, make_batch, noun_grouper, store  # noqa: F401 - fixtures
from workbench.errors import ConflictError, InputError, StoreError
from workbench.models import Kind
from workbench.review import StaleSaveError, applicable, compute_gap, units_compatible
from workbench.store import ClaimFilter, GroupFilter, SourceInput, Store, Target, VerdictStatus


@pytest.fixture
def ready(store: Store) -> Store:
    arts, cls = make_batch(6)
    store.import_articles(arts, cls, grouper=noun_grouper)
    return store


def first_claim(store: Store, kind: Kind = Kind.COUNT):  # type: ignore[no-untyped-def]
    return store.claims_page(ClaimFilter(kind=kind), 0, 1)[0][0]


def test_draft_then_submit_bumps_the_version(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    t = Target.claim(first_claim(ready).id)
    d = ready.save_verdict(t, ann.id, None, note="looking for the source")
    assert (d.status, d.version, d.label) == (VerdictStatus.DRAFT, 1, None)
    s = ready.save_verdict(t, ann.id, "Mostly accurate", note="ONS", submit=True, expected_version=1)
    assert (s.status, s.version, s.label, s.rating_value, s.id) == (VerdictStatus.SUBMITTED, 2, "Mostly accurate", 4, d.id)
    hist = ready.audit_log(entity="verdict", entity_id=str(d.id))
    assert [h.action for h in hist] == ["save_draft", "submit_verdict"]
    assert hist[1].before["label"] is None and hist[1].after["label"] == "Mostly accurate"
    assert hist[1].actor == "ann"


def test_submit_without_label_is_refused(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    with pytest.raises(InputError, match="needs a label"):
        ready.save_verdict(Target.claim(first_claim(ready).id), ann.id, None, submit=True)


def test_unknown_target_and_user_are_clear_errors(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    with pytest.raises(StoreError, match="no claim with id 'nope'"):
        ready.save_verdict(Target.claim("nope"), ann.id, "Accurate")
    with pytest.raises(StoreError, match="regrouped"):
        ready.save_verdict(Target.group("gdeadbeef"), ann.id, "Accurate")
    with pytest.raises(StoreError, match="no user with id 999"):
        ready.save_verdict(Target.claim(first_claim(ready).id), 999, "Accurate")


def test_stale_own_verdict_is_refused_with_the_current_value(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    t = Target.claim(first_claim(ready).id)
    ready.save_verdict(t, ann.id, "Accurate", submit=True, expected_version=0)  # tab 1
    with pytest.raises(StaleSaveError) as err:  # tab 2 loaded before tab 1 saved
        ready.save_verdict(t, ann.id, "Inaccurate", note="mine", submit=True, expected_version=0)
    e = err.value
    assert isinstance(e, ConflictError)
    assert e.changed_by == "ann" and e.current.label == "Accurate" and e.current.version == 1
    assert e.attempted == {"label": "Inaccurate", "note": "mine", "status": "submitted"}
    assert ready.verdict(t, ann.id).label == "Accurate"  # type: ignore[union-attr]


def test_lost_update_two_leads_load_the_same_final_version(ready: Store) -> None:
    lee = ready.ensure_reviewer("lee")
    max_ = ready.ensure_reviewer("max")
    t = Target.group(ready.groups_page(GroupFilter(text="troops"))[0][0].id)
    base = ready.save_final_verdict(t, lee.id, "Accurate", expected_version=0)
    v = base.version  # both load version 1
    first = ready.save_final_verdict(t, lee.id, "Inaccurate", note="lee's reading", expected_version=v)
    with pytest.raises(StaleSaveError) as err:
        ready.save_final_verdict(t, max_.id, "Misleading", expected_version=v)
    assert err.value.changed_by == "lee"
    assert err.value.current.label == "Inaccurate" and err.value.current.version == 2
    assert "lee" in str(err.value) and "'Inaccurate' (version 2)" in str(err.value)
    kept = ready.final_verdict(t)
    assert kept == first and kept.note == "lee's reading"  # type: ignore[union-attr]
    # with the fresh version the second lead can decide
    assert ready.save_final_verdict(t, max_.id, "Misleading", expected_version=2).version == 3
    assert [e.action for e in ready.audit_log(entity="final_verdict")] == ["final_verdict"] * 3


def test_first_final_verdict_race_is_refused(ready: Store) -> None:
    lee = ready.ensure_reviewer("lee")
    max_ = ready.ensure_reviewer("max")
    t = Target.claim(first_claim(ready).id)
    ready.save_final_verdict(t, lee.id, "Accurate", expected_version=0)
    with pytest.raises(StaleSaveError, match="changed by lee"):
        ready.save_final_verdict(t, max_.id, "Inaccurate", expected_version=0)


def test_group_verdict_applies_unless_the_claim_has_its_own(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    bob = ready.ensure_reviewer("bob")
    g = ready.groups_page(GroupFilter(text="troops"))[0][0]
    detail = ready.group_detail(g.id)
    odd = detail.claims[0]
    ready.save_verdict(Target.group(g.id), ann.id, "Inaccurate", submit=True)
    ready.save_verdict(Target.group(g.id), bob.id, "Misleading", submit=True)
    ready.save_verdict(Target.claim(odd.id), ann.id, "Accurate", submit=True)
    d = ready.claim(odd.id)
    in_force = applicable(d.verdicts, d.group_verdicts)
    assert sorted((v.reviewer, v.label, v.target.kind.value) for v in in_force) == [
        ("ann", "Accurate", "claim"), ("bob", "Misleading", "group")]
    other = ready.claim(detail.claims[1].id)
    assert sorted(v.label for v in applicable(other.verdicts, other.group_verdicts)) == ["Inaccurate", "Misleading"]
    gd = ready.group_detail(g.id)
    assert [v.label for v in gd.claim_verdicts] == ["Accurate"] and len(gd.verdicts) == 2


@pytest.mark.parametrize("claimed, sourced, diff, pct", [
    (120.0, 100.0, 20.0, 20.0),
    (80.0, 100.0, -20.0, -20.0),
    (5.0, 0.0, 5.0, None),
    (-3.0, -4.0, 1.0, 25.0),
    (2.3e9, 2.3e9, 0.0, 0.0),
])
def test_compute_gap(claimed: float, sourced: float, diff: float, pct: float | None) -> None:
    g = compute_gap(claimed, sourced)
    assert g is not None and math.isclose(g.difference, diff)
    assert (g.percent is None) if pct is None else math.isclose(g.percent, pct, abs_tol=1e-9)


@pytest.mark.parametrize("source_unit, unit, currency, ok", [
    (None, None, "GBP", True), ("gbp", None, "GBP", True), ("USD", None, "GBP", False),
    ("hectare", "hectare", None, True), ("acre", "hectare", None, False), ("people", None, None, True),
])
def test_units_compatible(source_unit, unit, currency, ok) -> None:  # type: ignore[no-untyped-def]
    assert units_compatible(source_unit, unit, currency) is ok


def test_sources_keep_the_gap_with_the_verdict(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    money = first_claim(ready, Kind.MONEY)  # £2.3bn
    t = Target.claim(money.id)
    s1 = ready.add_source(t, ann.id, SourceInput(
        url=" https://budget.example/table ", title="Budget 2025", publisher="Treasury", accessed="2025-03-02",
        archived_url="https://archive.example/x", value=2.0e9, unit="GBP", as_of="2025-01", note="table 3"))
    assert s1.url == "https://budget.example/table"
    assert math.isclose(s1.gap, 0.3e9) and math.isclose(s1.gap_pct, 15.0) and s1.claimed_value == 2.3e9
    s2 = ready.add_source(t, ann.id, SourceInput(url="https://fx.example", value=2.9e9, unit="USD"))
    assert s2.gap is None  # another currency: no gap
    v = ready.verdict(t, ann.id)
    assert v is not None and v.status is VerdictStatus.DRAFT and [s.id for s in v.sources] == [s1.id, s2.id]
    ready.remove_source(s2.id, actor_id=ann.id)
    assert [s.id for s in ready.verdict(t, ann.id).sources] == [s1.id]  # type: ignore[union-attr]
    with pytest.raises(InputError, match="source url"):
        ready.add_source(t, ann.id, SourceInput(url="  "))
    assert [e.action for e in ready.audit_log(entity="source")] == ["add_source", "add_source", "remove_source"]


def test_group_source_gap_uses_the_representative(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    g = ready.groups_page(GroupFilter(text="turnout"))[0][0]
    rep = ready.claim(g.representative).claim
    s = ready.add_source(Target.group(g.id), ann.id, SourceInput(url="https://elections.example", value=60.0))
    assert s.claimed_value == rep.value and math.isclose(s.gap, rep.value - 60.0)


def test_nul_in_a_note_is_refused(ready: Store) -> None:
    ann = ready.ensure_reviewer("ann")
    with pytest.raises(InputError, match="NUL"):
        ready.save_verdict(Target.claim(first_claim(ready).id), ann.id, "Accurate", note="a\x00b")
