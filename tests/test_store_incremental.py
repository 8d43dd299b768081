"""Importing into a stored database regroups only the stories the import touches, and the stored grouping
equals a full regroup of the same claims; quantities round-trip; verdicts and overrides are carried."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from storekit import BACKENDS, PgSchema, db_url, store  # noqa: F401 - fixtures

from workbench import group as G
from workbench.evaluate import load_gold
from workbench.extract import shared_extractor
from workbench.importing import WorkbenchGrouper, default_grouper
from workbench.models import Article, Claim, LinkKind
from workbench.store import Store
from workbench.store.types import Target

STORIES = Path(__file__).resolve().parent / "data" / "stories.jsonl"


@lru_cache(maxsize=1)
def corpus() -> tuple[tuple[Article, ...], tuple[Claim, ...]]:
    arts = tuple(g.article for g in load_gold(STORIES))
    return arts, tuple(c for a in arts for c in shared_extractor().extract(a))


def batch(articles: set[str]) -> tuple[list[Article], list[Claim]]:
    arts, claims = corpus()
    return [a for a in arts if a.id in articles], [c for c in claims if c.article in articles]


def partition(store: Store) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for c in store.all_claims():
        by.setdefault(c.group or "", set()).add(c.id)
    return {frozenset(v) for v in by.values()}


def quantities(store: Store) -> dict[frozenset[str], str | None]:
    out = {}
    with store._read() as conn:
        from sqlalchemy import select

        from workbench.store.schema import claims, groups
        members: dict[str, set[str]] = {}
        for r in conn.execute(select(claims.c.id, claims.c.group_id)):
            members.setdefault(r.group_id, set()).add(r.id)
        for r in conn.execute(select(groups.c.id, groups.c.quantity)):
            out[frozenset(members.get(r.id, ()))] = r.quantity
    return out


class Recording(WorkbenchGrouper):
    """The workbench's grouper, recording how many claims each call grouped."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def _grouped(self, claims, links, stories):  # type: ignore[no-untyped-def]
        self.sizes.append(len(claims))
        return super()._grouped(claims, links, stories)


def plain(claims, links):  # type: ignore[no-untyped-def]
    """A grouper that only groups (no story index): the store regroups every claim of the batch's kinds."""
    return default_grouper(claims, links)


def index_state(store: Store) -> tuple[dict[str, str], dict[str, set[str]], dict[str, int]]:
    """The story index as stored: article -> story, article -> words, word -> articles holding it."""
    from sqlalchemy import select

    from workbench.store.schema import story_articles, story_word_counts, story_words
    with store._read() as conn:
        st = {a: s for a, s in conn.execute(select(story_articles.c.article_id, story_articles.c.story))}
        words: dict[str, set[str]] = {}
        for a, w in conn.execute(select(story_words.c.article_id, story_words.c.word)):
            words.setdefault(a, set()).add(w)
        counts = {w: n for w, n in conn.execute(select(story_word_counts.c.word, story_word_counts.c.articles))}
    return st, words, counts


def assert_index_is_current(store: Store) -> None:
    stored = store.all_claims()
    st, words, counts = index_state(store)
    assert st == G.stories(stored, overrides_of(store))
    assert words == {a: set(w.words) for a, w in G.article_words(stored).items()}
    want: dict[str, int] = {}
    for ws in words.values():
        for w in ws:
            want[w] = want.get(w, 0) + 1
    assert counts == want


def assert_equals_full_regroup(store: Store) -> None:
    full = G.group_claims([c.with_group(None) for c in store.all_claims()], overrides_of(store))
    assert partition(store) == {frozenset(g.claim_ids) for g in full.groups}
    assert quantities(store) == {frozenset(g.claim_ids): g.quantity for g in full.groups}


def test_incremental_import_equals_a_full_regroup(store: Store) -> None:
    arts, claims = corpus()
    ids = [a.id for a in arts]
    first, rest = set(ids[: len(ids) // 2]), ids[len(ids) // 2:]
    store.import_articles(*batch(first), grouper=default_grouper)
    partial = []
    for i in range(0, len(rest), 3):  # several small imports
        rec = Recording()
        store.import_articles(*batch(set(rest[i:i + 3])), grouper=rec)
        assert len(rec.sizes) == 1  # one regrouping, of the touched stories
        partial.append(rec.sizes[0] < len(store.all_claims()))
    assert any(partial)  # some imports left stored stories alone
    incremental = partition(store), quantities(store)
    full = G.group_claims([c.with_group(None) for c in store.all_claims()])
    assert incremental[0] == {frozenset(g.claim_ids) for g in full.groups}
    assert incremental[1] == {frozenset(g.claim_ids): g.quantity for g in full.groups}
    store.regroup(grouper=default_grouper)
    assert (partition(store), quantities(store)) == incremental


def test_quantity_round_trips_through_the_store(store: Store) -> None:
    arts, claims = corpus()
    store.import_articles(list(arts), list(claims), grouper=default_grouper)
    stored = {c.id: c.quantity for c in store.all_claims()}
    assert stored == {c.id: c.quantity for c in claims}
    assert any(stored.values())
    rows, _ = store.claims_page(limit=500)
    assert {r.id: r.quantity for r in rows} == {r.id: stored[r.id] for r in rows}
    full = G.group_claims(list(claims))
    groups, _ = store.groups_page(limit=500)
    want = {g.id: g.quantity for g in full.groups}
    assert {g.id: g.quantity for g in groups} == {g.id: want[g.id] for g in groups}
    assert any(g.quantity for g in groups)


def test_an_import_leaves_other_stories_groups_and_verdicts_alone(store: Store) -> None:
    arts, claims = corpus()
    stories = G.stories(list(claims))
    by_story: dict[str, list[str]] = {}
    for a in arts:
        by_story.setdefault(stories[a.id], []).append(a.id)
    multi = [s for s, members in by_story.items() if len(members) >= 2]
    assert len(multi) >= 2
    kept_story, touched_story = multi[0], multi[1]
    later = by_story[touched_story][-1]
    store.import_articles(*batch({a.id for a in arts} - {later}), grouper=default_grouper)
    ann = store.ensure_reviewer("ann")
    gid_of = {c.id: c.group for c in store.all_claims()}
    kept_claim = next(c for c in claims if c.article in by_story[kept_story] and len(
        [x for x, g in gid_of.items() if g == gid_of[c.id]]) > 1)
    kept_gid = gid_of[kept_claim.id]
    store.save_verdict(Target.group(kept_gid), ann.id, "Inaccurate", submit=True)
    touched = [c for c in claims if c.article in by_story[touched_story] and c.article != later]
    a, b = touched[0], next(c for c in touched if c.article != touched[0].article)
    store.add_override(LinkKind.CANNOT, a.id, b.id, actor_id=ann.id, grouper=default_grouper)
    store.import_articles(*batch({later}), grouper=default_grouper)
    after = {c.id: c.group for c in store.all_claims()}
    assert after[kept_claim.id] == kept_gid  # the kept story's group is the same row
    assert store.verdict(Target.group(kept_gid), ann.id) is not None
    assert after[a.id] != after[b.id]  # the reviewer's cannot-link still holds in the regrouped story


def overrides_of(store: Store):  # type: ignore[no-untyped-def]
    from workbench.models import Override

    return [Override(o.kind, o.a, o.b) for o in store.overrides()]


def test_merging_and_splitting_regroup_their_stories_as_a_full_regroup_would(store: Store) -> None:
    arts, claims = corpus()
    store.import_articles(list(arts), list(claims), grouper=default_grouper)
    ann = store.ensure_reviewer("ann")

    def full() -> set[frozenset[str]]:
        g = G.group_claims([c.with_group(None) for c in store.all_claims()], overrides_of(store))
        return {frozenset(x.claim_ids) for x in g.groups}

    by_group: dict[str, list[Claim]] = {}
    for c in store.all_claims():
        by_group.setdefault(c.group or "", []).append(c)
    multi = [m for m in by_group.values() if len(m) >= 2]
    split_a, split_b = multi[0][0], multi[0][1]
    store.add_override(LinkKind.CANNOT, split_a.id, split_b.id, actor_id=ann.id, grouper=default_grouper)
    assert partition(store) == full()
    after = {c.id: c.group for c in store.all_claims()}
    assert after[split_a.id] != after[split_b.id]
    stories = G.stories(list(claims))
    x = claims[0]
    y = next(c for c in claims if stories[c.article] != stories[x.article] and c.kind == x.kind)
    store.add_override(LinkKind.MUST, x.id, y.id, actor_id=ann.id, grouper=default_grouper)  # across stories
    assert partition(store) == full()
    after = {c.id: c.group for c in store.all_claims()}
    assert after[x.id] == after[y.id]
    for o in store.overrides():
        store.remove_override(o.id, actor_id=ann.id, grouper=default_grouper)
        assert partition(store) == full()


def test_a_regroup_fills_the_quantity_of_groups_stored_without_one(store: Store) -> None:
    arts, claims = corpus()
    store.import_articles(list(arts), list(claims), grouper=default_grouper)
    from sqlalchemy import update

    from workbench.store.schema import groups
    with store.engine.begin() as conn:  # as a database upgraded from before quantities were stored
        conn.execute(update(groups).values(quantity=None))
    assert not any(quantities(store).values())
    store.regroup(grouper=default_grouper)
    want = {frozenset(g.claim_ids): g.quantity for g in G.group_claims(list(claims)).groups}
    assert quantities(store) == want and any(want.values())


def test_imports_keep_the_story_index_current_and_read_only_what_they_touch(store: Store) -> None:
    arts, claims = corpus()
    ids = [a.id for a in arts]
    store.import_articles(*batch(set(ids[:20])), grouper=default_grouper)
    assert_index_is_current(store)
    partial = []
    for i in range(20, len(ids), 4):
        rec = Recording()
        stored = store.all_claims()
        new = batch(set(ids[i:i + 4]))
        plan = G.plan_regroup([c.with_group(None) for c in stored], new[1])
        store.import_articles(*new, grouper=rec)
        # exactly the claims of the stories the import changes, as planned from every stored claim
        assert rec.sizes == [len(plan.claims)]
        partial.append(len(plan.claims) < len(stored) + len(new[1]))
        assert_index_is_current(store)
        assert_equals_full_regroup(store)
    assert any(partial)


def test_must_links_change_stories_and_later_imports_follow(store: Store) -> None:
    arts, claims = corpus()
    ids = [a.id for a in arts]
    later = set(ids[::5])
    store.import_articles(*batch(set(ids) - later), grouper=default_grouper)
    ann = store.ensure_reviewer("ann")
    stored = store.all_claims()
    stories = G.stories(stored)
    x = stored[0]
    y = next(c for c in stored if stories[c.article] != stories[x.article] and c.kind == x.kind)
    store.add_override(LinkKind.MUST, x.id, y.id, actor_id=ann.id, grouper=default_grouper)  # joins two stories
    assert_index_is_current(store)
    store.import_articles(*batch(later), grouper=default_grouper)
    assert_index_is_current(store)
    assert_equals_full_regroup(store)
    for o in store.overrides():
        store.remove_override(o.id, actor_id=ann.id, grouper=default_grouper)  # they part again
    assert_index_is_current(store)
    assert_equals_full_regroup(store)


def test_an_import_without_the_index_marks_it_stale_and_the_next_one_rebuilds_it(store: Store) -> None:
    from workbench.store import words

    arts, claims = corpus()
    ids = [a.id for a in arts]
    store.import_articles(*batch(set(ids[:15])), grouper=default_grouper)
    store.import_articles(*batch(set(ids[15:25])), grouper=plain)
    with store._read() as conn:
        assert not words.is_current(conn)
    store.import_articles(*batch(set(ids[25:])), grouper=default_grouper)
    with store._read() as conn:
        assert words.is_current(conn)
    assert_index_is_current(store)
    assert_equals_full_regroup(store)


def test_a_database_upgraded_from_before_the_index_builds_it_on_the_first_import(store: Store) -> None:
    from alembic import command

    from workbench.store import engine as eng

    arts, claims = corpus()
    ids = [a.id for a in arts]
    store.import_articles(*batch(set(ids[:25])), grouper=default_grouper)
    ann = store.ensure_reviewer("ann")
    gid = store.all_claims()[0].group
    store.save_verdict(Target.group(gid), ann.id, "Inaccurate", submit=True)
    eng.run_write(store.engine, lambda conn: command.downgrade(eng._alembic_config(conn), "0003_quantity"))
    eng.run_write(store.engine, lambda conn: command.upgrade(eng._alembic_config(conn), "head"))
    assert index_state(store) == ({}, {}, {})  # the upgrade leaves the tables empty
    store.import_articles(*batch(set(ids[25:])), grouper=default_grouper)
    assert_index_is_current(store)
    assert_equals_full_regroup(store)
    holder = {c.id: c.group for c in store.all_claims()}
    assert store.verdict(Target.group(holder[store.all_claims()[0].id]), ann.id) is not None


def test_an_index_of_an_earlier_version_is_rebuilt_with_the_dated_keys(store: Store) -> None:
    from sqlalchemy import delete, update

    from workbench.store import words as story_index
    from workbench.store.schema import settings, story_words

    arts, _ = corpus()
    ids = [a.id for a in arts]
    store.import_articles(*batch(set(ids[:10])), grouper=default_grouper)
    assert any(G.DATED in w for ws in index_state(store)[1].values() for w in ws)  # dated articles: dated keys

    def downgrade(conn) -> None:  # type: ignore[no-untyped-def]
        conn.execute(delete(story_words).where(story_words.c.word.contains(G.DATED)))
        conn.execute(update(settings).where(settings.c.key == story_index.KEY).values(value='"1"'))

    store._write(downgrade)
    with store._read() as conn:
        assert not story_index.is_current(conn)
    store.import_articles(*batch(set(ids[10:14])), grouper=default_grouper)
    assert_index_is_current(store)
    assert_equals_full_regroup(store)
