"""Queue filters against a plain computation: for random verdict states (drafts and submitted verdicts by
several reviewers on claims and groups, final verdicts on claims and groups, claims without a group), every
status filter, with and without a reviewer for blind review and combined with the other filters, returns
exactly the claims (and groups) that reading every row in Python finds, in queue order, with the same count
and the same page boundaries. Runs on SQLite, and on PostgreSQL when WORKBENCH_TEST_PG_URL is set."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, delete, select, update

from storekit import db_url, make_article, make_batch  # noqa: F401 - fixtures
from workbench.models import Claim, Grouping, Kind, Override
from workbench.store import (
    ClaimFilter,
    ClaimStatus,
    GroupFilter,
    Store,
    Target,
)
from workbench.store.core import make_group
from workbench.store.schema import articles, claims, final_verdicts, groups, outlets, sources, verdicts

N_ARTICLES = 12
REVIEWERS = ("ann", "bob", "cy")


def story_grouper(all_claims: list[Claim], _links: list[Override]) -> Grouping:
    """Groups of three or four claims: troops claims of articles with the same number mod 4 (figures alike),
    other nouns by article number mod 3 (odd and even articles differ by 10%: discrepant); a claim of an
    article outside the batch stays alone."""
    keyed: dict[tuple, list[Claim]] = {}
    for c in all_claims:
        i = int(c.article[1:6])
        key = (c.noun, i % 4 if c.noun == "troops" else i % 3) if i < N_ARTICLES else (c.id,)
        keyed.setdefault(key, []).append(c)
    gs = []
    for members in keyed.values():
        g = make_group(members)
        gs.append(replace(g, discrepant=len(members) > 1 and g.spread_pct > 2.0))
    return Grouping(groups=tuple(gs), by_claim={m: g.id for g in gs for m in g.claim_ids})


@dataclass
class Queue:
    store: Store
    users: dict[str, int]
    claim_ids: list[str]
    group_ids: list[str]
    group_of: dict[str, str]  # as imported
    assigned_article: str


@pytest.fixture
def queue(db_url: str) -> Iterator[Queue]:  # noqa: F811
    store = Store.open(db_url)
    arts, cls = make_batch(N_ARTICLES)
    solo, solo_claims = make_article(99, "Solo Times", facts=(3,))
    store.import_articles(arts + [solo], cls + solo_claims, grouper=story_grouper)
    users = {name: store.ensure_reviewer(name).id for name in REVIEWERS}
    with store.engine.connect() as conn:
        rows = conn.execute(select(claims.c.id, claims.c.group_id).order_by(claims.c.position)).all()
    group_of = {r.id: r.group_id for r in rows}
    group_ids = sorted(set(group_of.values()))
    assert len(group_ids) >= 8
    ann = users["ann"]
    ids = [r.id for r in rows]
    store.assign(Target.claim(ids[0]), ann, actor_id=None)
    store.assign(Target.group(group_of[ids[5]]), ann, actor_id=None)
    store.assign(Target.article(arts[4].id), ann, actor_id=None)
    yield Queue(store, users, ids, group_ids, group_of, arts[4].id)
    store.close()


# --- the plain computation -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    id: str
    position: int
    group_id: str | None
    outlet: str
    kind: str
    texts: tuple[str, ...]  # sentence, surface, noun, article title
    article_id: str


def read_everything(store: Store) -> tuple[list[Row], dict[str, bool], list[tuple], set[tuple[str, str]]]:
    """Every claim, each group's discrepant flag, every verdict (kind, target, reviewer, status) and every
    final verdict's target, read with plain selects."""
    with store.engine.connect() as conn:
        q = (select(claims, outlets.c.name.label("outlet_name"), articles.c.title)
             .join(outlets, outlets.c.id == claims.c.outlet_id).join(articles, articles.c.id == claims.c.article_id))
        rows = [Row(r.id, r.position, r.group_id, r.outlet_name, r.kind,
                    (r.sentence, r.surface, r.noun or "", r.title), r.article_id) for r in conn.execute(q)]
        discrepant = {r.id: bool(r.discrepant) for r in conn.execute(select(groups.c.id, groups.c.discrepant))}
        vs = [tuple(r) for r in conn.execute(select(verdicts.c.target_kind, verdicts.c.target_id,
                                                    verdicts.c.reviewer_id, verdicts.c.status))]
        fs = {tuple(r) for r in conn.execute(select(final_verdicts.c.target_kind, final_verdicts.c.target_id))}
    return sorted(rows, key=lambda r: r.position), discrepant, vs, fs


def status_of(targets: list[tuple[str, str | None]], vs: list[tuple], fs: set[tuple[str, str]],
              reviewer: int | None) -> ClaimStatus:
    """Final if a final verdict targets any of ``targets``; else submitted, draft or unreviewed by the
    verdicts on any of them (only ``reviewer``'s when given)."""
    keys = {(k, t) for k, t in targets if t is not None}
    if keys & fs:
        return ClaimStatus.FINAL
    states = {s for k, t, r, s in vs if (k, t) in keys and (reviewer is None or r == reviewer)}
    if "submitted" in states:
        return ClaimStatus.SUBMITTED
    if "draft" in states:
        return ClaimStatus.DRAFT
    return ClaimStatus.UNREVIEWED


EXTRA: dict[str, tuple[dict, Callable[[Row, dict[str, bool], Queue], bool]]] = {
    "none": ({}, lambda r, d, q: True),
    "outlet": ({"outlet": "Morning Post"}, lambda r, d, q: r.outlet == "Morning Post"),
    "unknown outlet": ({"outlet": "Nowhere Weekly"}, lambda r, d, q: False),
    "kind": ({"kind": Kind.MONEY}, lambda r, d, q: r.kind == Kind.MONEY.value),
    "discrepant": ({"discrepant_only": True}, lambda r, d, q: r.group_id is not None and d[r.group_id]),
    "text": ({"text": "TROOPS"}, lambda r, d, q: any("troops" in t.lower() for t in r.texts)),
    "title text": ({"text": "(the cou"}, lambda r, d, q: any("(the cou" in t.lower() for t in r.texts)),
    "article": ({"article_id": "a00003-dai"}, lambda r, d, q: r.article_id == "a00003-dai"),
}


def assigned_to_ann(r: Row, q: Queue) -> bool:
    return (r.id == q.claim_ids[0] or (r.group_id is not None and r.group_id == q.group_of[q.claim_ids[5]])
            or r.article_id == q.assigned_article)


# --- random review states --------------------------------------------------------------------------------------

N_CLAIMS = N_ARTICLES * 3 + 1

verdict_states = st.dictionaries(
    keys=st.tuples(st.sampled_from(["claim", "group"]), st.integers(0, N_CLAIMS - 1), st.sampled_from(REVIEWERS)),
    values=st.sampled_from(["draft", "submitted"]), max_size=24)
final_states = st.sets(st.tuples(st.sampled_from(["claim", "group"]), st.integers(0, N_CLAIMS - 1)), max_size=5)
ungrouped = st.sets(st.integers(0, N_CLAIMS - 1), max_size=3)


def reset(q: Queue) -> None:
    """Back to the imported state: no verdicts, every claim in its imported group."""
    with q.store.engine.begin() as conn:
        conn.execute(delete(final_verdicts))
        conn.execute(delete(sources))
        conn.execute(delete(verdicts))
        conn.execute(update(claims).where(claims.c.id == bindparam("cid")).values(group_id=bindparam("gid")),
                     [{"cid": c, "gid": g} for c, g in q.group_of.items()])


def apply(q: Queue, vstates: dict, fstates: set, loose: set[int]) -> None:
    def target(kind: str, i: int) -> Target:
        cid = q.claim_ids[i]
        return Target.claim(cid) if kind == "claim" else Target.group(q.group_of[cid])

    for (kind, i, who), status in vstates.items():
        q.store.save_verdict(target(kind, i), q.users[who], "Accurate", submit=status == "submitted")
    for kind, i in fstates:
        t = target(kind, i)
        if q.store.final_verdict(t) is None:
            q.store.save_final_verdict(t, q.users["ann"], "Inaccurate", expected_version=0)
    if loose:  # claims without a group: the schema allows it, the filters must cope
        with q.store.engine.begin() as conn:
            conn.execute(update(claims).where(claims.c.id.in_([q.claim_ids[i] for i in loose])).values(group_id=None))


STATUSES = [None, *ClaimStatus]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(vstates=verdict_states, fstates=final_states, loose=ungrouped, extra=st.sampled_from(sorted(EXTRA)),
       mine=st.booleans())
def test_claim_queue_matches_a_plain_computation(queue: Queue, vstates, fstates, loose, extra, mine) -> None:
    q = queue
    reset(q)
    apply(q, vstates, fstates, loose)
    rows, discrepant, vs, fs = read_everything(q.store)
    kwargs, keep = EXTRA[extra]
    if mine:
        kwargs = {**kwargs, "assigned_to": q.users["ann"]}
    for reviewer in (None, q.users["ann"], q.users["bob"]):
        def status(r: Row) -> ClaimStatus:
            return status_of([("claim", r.id), ("group", r.group_id)], vs, fs, reviewer)

        for wanted in STATUSES:
            expected = [r.id for r in rows if keep(r, discrepant, q) and (not mine or assigned_to_ann(r, q))
                        and (wanted is None or status(r) is wanted)]
            flt = ClaimFilter(status=wanted, status_for=reviewer, **kwargs)
            page, total = q.store.claims_page(flt, 0, 100)
            assert (total, [c.id for c in page]) == (len(expected), expected), (wanted, reviewer, extra)
            by_id = {r.id: r for r in rows}
            assert all(c.status is status(by_id[c.id]) for c in page)
            middle, total2 = q.store.claims_page(flt, 3, 5)
            assert total2 == total and [c.id for c in middle] == expected[3:8]
            assert q.store.claim_ids_page(flt, 3, 5) == expected[3:8]
            assert q.store.claims_page(flt, 0, 0) == ([], total)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(vstates=verdict_states, fstates=final_states, discrepant_only=st.booleans())
def test_group_queue_matches_a_plain_computation(queue: Queue, vstates, fstates, discrepant_only) -> None:
    """The status filter lists the groups whose row shows that review state (a group follows its claims:
    tests/test_disputes.py); each row's own status is the group's own verdicts'."""
    q = queue
    reset(q)
    apply(q, vstates, fstates, set())
    _rows, discrepant, vs, fs = read_everything(q.store)
    for reviewer in (None, q.users["ann"], q.users["cy"]):
        every, _ = q.store.groups_page(GroupFilter(status_for=reviewer), 0, 100)
        assert {g.id for g in every} == set(q.group_ids)
        assert all(g.status is status_of([("group", g.id)], vs, fs, reviewer) for g in every)
        review = {g.id: g.review for g in every}
        for wanted in STATUSES:
            expected = {g for g in q.group_ids if (not discrepant_only or discrepant[g])
                        and (wanted is None or review[g] is wanted)}
            page, total = q.store.groups_page(GroupFilter(status=wanted, status_for=reviewer,
                                                          discrepant_only=discrepant_only), 0, 100)
            assert (total, {g.id for g in page}) == (len(expected), expected), (wanted, reviewer)


@pytest.mark.parametrize("wanted, reviewer, expected", [
    # ann has a draft on claim 0; bob submitted on claim 0's group; cy submitted on claim 1 and has a draft
    # on claim 2; claim 3 has a final verdict of its own, claim 4's group has one
    (ClaimStatus.FINAL, None, [("claim", 3), ("group of", 4)]),
    (ClaimStatus.SUBMITTED, None, [("group of", 0), ("claim", 1)]),  # bob's group verdict outranks ann's draft
    (ClaimStatus.DRAFT, None, [("claim", 2)]),
    (ClaimStatus.DRAFT, "ann", [("claim", 0)]),
    (ClaimStatus.SUBMITTED, "ann", []),
    (ClaimStatus.SUBMITTED, "bob", [("group of", 0)]),
    (ClaimStatus.SUBMITTED, "cy", [("claim", 1)]),
    (ClaimStatus.DRAFT, "cy", [("claim", 2)]),
    (ClaimStatus.FINAL, "cy", [("claim", 3), ("group of", 4)]),  # final for everybody
    (ClaimStatus.UNREVIEWED, "ann", [("all but", 0), ("all but", 3), ("all but group of", 4)]),
])
def test_status_cases(queue: Queue, wanted: ClaimStatus, reviewer: str | None, expected: list) -> None:
    q = queue
    ids = q.claim_ids
    assert len({q.group_of[c] for c in ids[:5]}) == 5  # article 0's three figures, two of article 1's
    q.store.save_verdict(Target.claim(ids[0]), q.users["ann"], None, note="looking")
    q.store.save_verdict(Target.group(q.group_of[ids[0]]), q.users["bob"], "Accurate", submit=True)
    q.store.save_verdict(Target.claim(ids[1]), q.users["cy"], "Accurate", submit=True)
    q.store.save_verdict(Target.claim(ids[2]), q.users["cy"], None, note="later")
    q.store.save_final_verdict(Target.claim(ids[3]), q.users["ann"], "Accurate", expected_version=0)
    q.store.save_final_verdict(Target.group(q.group_of[ids[4]]), q.users["ann"], "Accurate", expected_version=0)

    def members(i: int) -> set[str]:
        return {c for c in ids if q.group_of[c] == q.group_of[ids[i]]}

    want: set[str] = set()
    if expected and expected[0][0].startswith("all but"):
        want = set(ids)
    for how, i in expected:
        if how == "claim":
            want.add(ids[i])
        elif how == "group of":
            want |= members(i)
        elif how == "all but":
            want.discard(ids[i])
        else:
            want -= members(i)
    assert len(members(0)) > 1 and len(members(4)) > 1
    flt = ClaimFilter(status=wanted, status_for=q.users[reviewer] if reviewer else None)
    page, total = q.store.claims_page(flt, 0, 100)
    assert {c.id for c in page} == want and total == len(want)


# --- the queue indexes -----------------------------------------------------------------------------------------

def test_queue_index_migration_goes_down_and_up_with_the_data(queue: Queue) -> None:
    from alembic import command
    from sqlalchemy import inspect

    from workbench.store import engine as eng
    from workbench.store.schema import TRIGRAM_INDEXES

    q = queue
    ids = q.claim_ids
    q.store.save_verdict(Target.group(q.group_of[ids[0]]), q.users["bob"], "Accurate", submit=True)
    q.store.save_verdict(Target.claim(ids[1]), q.users["ann"], None, note="draft")
    q.store.save_final_verdict(Target.claim(ids[2]), q.users["ann"], "Inaccurate", expected_version=0)
    filters = [ClaimFilter(status=s, status_for=r) for s in ClaimStatus for r in (None, q.users["ann"])]
    filters.append(ClaimFilter(text="troops"))
    before = [q.store.claims_page(f, 0, 100) for f in filters]
    counts = q.store.counts()

    def indexes() -> set[str]:
        insp = inspect(q.store.engine)
        return {ix["name"] for table in ("verdicts", "claims", "articles") for ix in insp.get_indexes(table)}

    trigram = q.store.dialect == "postgresql" and _trigram_available(q.store)
    assert "ix_verdicts_state" in indexes()
    assert (set(TRIGRAM_INDEXES) <= indexes()) is trigram
    eng.run_write(q.store.engine, lambda conn: command.downgrade(eng._alembic_config(conn), "0001"))
    assert "ix_verdicts_state" not in indexes() and not set(TRIGRAM_INDEXES) & indexes()
    q.store.close()
    store = Store.open(q.store.url)  # upgrades again
    q.store = store
    assert store.info().revision == eng.head_revision()
    assert "ix_verdicts_state" in indexes() and (set(TRIGRAM_INDEXES) <= indexes()) is trigram
    assert store.counts() == counts
    # going below 0003_quantity drops what each claim measures; every other column survives the round trip
    assert all(r.quantity is None for r in store.claims_page(ClaimFilter(), 0, 100)[0])
    assert any(r.quantity for rows, _ in before for r in rows)
    assert [store.claims_page(f, 0, 100) for f in filters] == [
        ([replace(r, quantity=None) for r in rows], n) for rows, n in before]


def _trigram_available(store: Store) -> bool:
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar() == 1
