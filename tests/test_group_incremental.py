"""Stories and incremental regrouping: an import regroups only the stories it touches, and the result is
exactly a full regroup; one long number-dense article or one huge story groups in near-linear work."""

from __future__ import annotations

import random
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench import group as G
from workbench.evaluate import load_gold
from workbench.extract import shared_extractor
from workbench.models import Claim, Kind, LinkKind, Override, Qualifier

STORIES = Path(__file__).resolve().parent / "data" / "stories.jsonl"


@lru_cache(maxsize=1)
def corpus() -> tuple[Claim, ...]:
    return tuple(c for g in load_gold(STORIES) for c in shared_extractor().extract(g.article))


def incremental(stored: list[Claim], new: list[Claim], overrides=()) -> tuple[G.Grouping, G.RegroupPlan]:
    before = G.group_claims(stored, overrides)
    plan = G.plan_regroup(stored, new, overrides)
    regrouped = G.group_claims(list(plan.claims), overrides, stories=plan.stories)
    return G.apply_regroup(before, stored, plan, regrouped), plan


def split(claims, new_articles):
    return ([c for c in claims if c.article not in new_articles], [c for c in claims if c.article in new_articles])


def test_importing_a_few_articles_regroups_only_their_stories_and_equals_a_full_regroup():
    claims = list(corpus())
    new_articles = {"st-quake-4", "st-vote-3"}
    stored, new = split(claims, new_articles)
    got, plan = incremental(stored, new)
    full = G.group_claims(claims)
    assert got == full
    stored_articles = {c.article for c in stored}
    assert plan.kept_articles and plan.touched_articles  # some stories are left alone, some regrouped
    assert plan.kept_articles | plan.touched_articles == stored_articles
    assert {c.article for c in plan.claims} == plan.touched_articles | new_articles
    # the quake story's stored articles are among those regrouped
    assert {"st-quake-1", "st-quake-2"} <= plan.touched_articles


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_regrouping_equals_a_full_regroup_for_any_split(data):
    claims = list(corpus())
    articles = sorted({c.article for c in claims})
    new_articles = set(data.draw(st.lists(st.sampled_from(articles), min_size=1, max_size=6, unique=True)))
    ids = [c.id for c in claims]
    links = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=2))
    overrides = [Override(LinkKind.MUST, a, b) for a, b in links if a != b]
    stored, new = split(claims, new_articles)
    got, _ = incremental(stored, new, overrides)
    assert got == G.group_claims(claims, overrides)


def test_stories_follow_shared_rare_words():
    claims = list(corpus())
    story = G.stories(claims)
    assert story["st-quake-1"] == story["st-quake-2"] == story["st-quake-4"]
    assert story["st-bridge-1"] != story["st-quake-1"]
    assert set(story) == {c.article for c in claims}


# ------------------------------------------------------------------------------ long input, near-linear work


WARDS = [a + b for a in ("Ash", "Brook", "Cole", "Dun", "Elm", "Fen", "Gill", "Holt") for b in ("ford", "ley", "wick",
                                                                                            "stow", "mere")]


def long_article(n_sentences: int, seed: int = 7, article: str = "long-1") -> list[Claim]:
    """One generated number-dense article: many sentences, each with three figures."""
    rng = random.Random(seed)
    claims: list[Claim] = []
    offset = 0
    for k in range(n_sentences):
        homes, people, pct = rng.randint(10, 5000), rng.randint(10, 20000), rng.choice((2, 3, 5, 8, 12))
        ward = rng.choice(WARDS)
        sentence = (f"In {ward} ward {k} of Marrowby, {homes:,} homes were flooded and {people:,} people were "
                    f"moved, up {pct}% on the year before.")
        for surface, kind, value, noun in ((f"{homes:,} homes", Kind.COUNT, homes, "homes"),
                                           (f"{people:,} people", Kind.COUNT, people, "people"),
                                           (f"{pct}%", Kind.PERCENT, pct, None)):
            at = sentence.index(surface)
            claims.append(Claim(article=article, start=offset + at, end=offset + at + len(surface),
                                surface=surface, sentence=sentence, kind=kind, low=float(value), high=float(value),
                                qualifier=Qualifier.EXACT, noun=noun, outlet="Marrowby Post", sentence_start=offset))
        offset += len(sentence) + 1
    return claims


def test_one_long_number_dense_article_groups_in_near_linear_work():
    claims = long_article(2500)  # about 250 KB of text, 7,500 figures
    assert sum(len(c.sentence) for c in claims) / 3 > 200_000
    p = G._prepare(claims)
    a, b = G._candidate_pairs(p, G.DEFAULT_TOLERANCE)
    assert len(a) <= 3 * G.BLOCK_LIMIT * len(claims)  # not all pairs: bounded per claim
    grouping = G.group_claims(claims)
    assert sorted(grouping.by_claim) == sorted(c.id for c in claims)
    by_id = {c.id: c for c in claims}
    for g in grouping.groups:  # a group never holds two figures of one sentence
        starts = [by_id[cid].sentence_start for cid in g.claim_ids]
        assert len(starts) == len(set(starts))


def test_one_huge_story_groups_in_near_linear_work():
    claims = []
    for art in range(300):  # three hundred outlets' reports of one flood, each naming a few of its wards
        claims += long_article(4, seed=art, article=f"huge-{art}")
    p = G._prepare(claims)
    assert len(set(p.story_of.tolist())) <= 3  # one story (a few outlets may name no ward another names)
    a, b = G._candidate_pairs(p, G.DEFAULT_TOLERANCE)
    assert len(a) <= 3 * G.BLOCK_LIMIT * len(claims)
    grouping = G.group_claims(claims)
    assert sorted(grouping.by_claim) == sorted(c.id for c in claims)


def test_a_single_article_or_claim_does_not_trip_blocking():
    for claims in (long_article(1), long_article(1)[:1], []):
        grouping = G.group_claims(claims)
        assert len(grouping.by_claim) == len(claims)


# ------------------------------------------------------------------- planning from an index of stored words


class MemoryIndex:
    """The stored articles' words and stories, as a store keeps them (workbench.store.words), in memory."""

    def __init__(self, claims: list[Claim], overrides=()):
        self.words = {a: set(w.words) for a, w in G.article_words(claims).items()}
        self.story = G.stories(claims, overrides)
        self.asked: set[str] = set()  # articles whose words were read

    def counts(self, words):
        return {w: sum(w in ws for ws in self.words.values()) for w in words}

    def holders(self, words):
        return {w: [a for a, ws in self.words.items() if w in ws] for w in words}

    def words_of(self, articles):
        self.asked |= set(articles)
        return {a: self.words[a] for a in articles if a in self.words}

    def stories_of(self, articles):
        return {a: self.story[a] for a in articles if a in self.story}

    def members(self, stories):
        wanted = set(stories)
        out: dict[str, list[str]] = {}
        for a, s in self.story.items():
            if s in wanted:
                out.setdefault(s, []).append(a)
        return out


def must_articles(claims, overrides):
    art = {c.id: c.article for c in claims}
    return [(art[o.a], art[o.b]) for o in overrides if o.kind is LinkKind.MUST and o.a in art and o.b in art]


def check_plan_from_index(stored, new, overrides=()):
    index = MemoryIndex(stored, overrides)
    new_words = {a: w.words for a, w in G.article_words(new).items()}
    plan = G.plan_import(index, new_words, must_articles(stored, overrides))
    full = G.stories([*stored, *new], overrides)
    for a, s in full.items():  # every story after the import: from the plan where it regroups, else as stored
        assert (plan.stories[a] if a in plan.regroup else index.story[a]) == s, a
    assert plan.regroup == plan.touched | set(new_words)
    assert plan.touched == G.plan_regroup(stored, new, overrides).touched_articles
    return plan, index


def test_a_plan_from_stored_words_equals_the_plan_from_every_stored_claim():
    claims = list(corpus())
    plan, index = check_plan_from_index(*split(claims, {"st-quake-4", "st-vote-3"}))
    assert {"st-quake-1", "st-quake-2"} <= plan.touched


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_plan_from_stored_words_equals_a_full_regroup_for_any_split(data):
    claims = list(corpus())
    articles = sorted({c.article for c in claims})
    new_articles = set(data.draw(st.lists(st.sampled_from(articles), min_size=1, max_size=8, unique=True)))
    stored, new = split(claims, new_articles)
    ids = [c.id for c in stored]
    links = data.draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=2))
    check_plan_from_index(stored, new, [Override(LinkKind.MUST, a, b) for a, b in links if a != b])


def test_a_plan_from_stored_words_reads_only_articles_near_the_new_ones():
    """On the grouping benchmark's generated archive (stories sharing vocabulary and places), a few new
    articles read the words of a small part of the stored articles, and the plan still equals a full one."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_group", Path(__file__).resolve().parent.parent / "bench" / "group.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    claims, _ = mod.generate(6000, seed=3)
    articles = sorted({c.article for c in claims})
    new_articles = set(articles[::max(1, len(articles) // 10)][:10])
    stored, new = split(claims, new_articles)
    plan, index = check_plan_from_index(stored, new)
    assert plan.read < len(articles) / 3, (plan.read, len(articles))


class WordsIndex(MemoryIndex):
    """An index over bare word sets (no claims): any articles, any words."""

    def __init__(self, words: dict[str, set[str]], must=()):
        self.words = words
        self.story = stories_of_words(words, must)
        self.asked = set()


def stories_of_words(words: dict[str, set[str]], must=()) -> dict[str, str]:
    """The stories of articles with these words, as :func:`workbench.group.stories` finds them."""
    arts = sorted(words)
    w = G._story_words_of_articles([], {a: G.ArticleWords(a, tuple(sorted(words[a]))) for a in arts})
    code = {a: k for k, a in enumerate(w.articles)}
    extra = [(code[x], code[y]) for x, y in must if x in code and y in code]
    story = G._story_partition(len(w.articles), w.rows, w.cols, extra, G._text_rank(w.words),
                               G._plain_codes(w.words)).tolist()
    first: dict[int, str] = {}
    for k, s in enumerate(story):
        first[s] = min(first.get(s, w.articles[k]), w.articles[k])
    return {a: first[story[k]] for k, a in enumerate(w.articles)}


def check_words_plan(words: dict[str, set[str]], new_arts: set[str], must=()) -> G.ImportPlan:
    """Plan the import of ``new_arts`` into an index of the other articles (must-links between stored ones
    only): the planned stories and the stories it touches are those found from every article."""
    stored = {a: w for a, w in words.items() if a not in new_arts}
    must = [(x, y) for x, y in must if x in stored and y in stored]
    index = WordsIndex(stored, must)
    plan = G.plan_import(index, {a: words[a] for a in new_arts}, must)
    full = stories_of_words(words, must)
    for a, s in full.items():
        assert (plan.stories[a] if a in plan.regroup else index.story[a]) == s, a
    before = {a: {b for b in stored if index.story[b] == index.story[a]} for a in stored}
    after = {a: {b for b in words if full[b] == full[a]} for a in words}
    assert plan.touched == {a for a in stored if before[a] != after[a]}
    return plan


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_plan_from_stored_words_equals_full_stories_on_any_words(data):
    """Articles over a small vocabulary (so that keys are shared, crowd past KEY_MAX_ARTICLES and compete for
    STORY_KEYS), any split into stored and new, any must-links: the planned stories are the full ones."""
    n_words = data.draw(st.integers(5, 60))
    vocab = [f"w{k:02d}" for k in range(n_words)]
    n_art = data.draw(st.integers(2, 70))
    words = {f"a{k:02d}": set(data.draw(st.lists(st.sampled_from(vocab), min_size=1, max_size=16)))
             for k in range(n_art)}
    arts = sorted(words)
    new_arts = set(data.draw(st.lists(st.sampled_from(arts), min_size=1, max_size=6, unique=True)))
    must = data.draw(st.lists(st.tuples(st.sampled_from(arts), st.sampled_from(arts)), max_size=2))
    check_words_plan(words, new_arts, must)


# ------------------------------------------------------- dated keys: a common word crossing KEY_MAX_ARTICLES


def dated(words: set[str], day: int | None) -> set[str]:
    """An article's words with their dated keys, as :func:`workbench.group.article_words` stores them."""
    published = None if day is None else date.fromordinal(date(2026, 1, 1).toordinal() + day).isoformat()
    return words | set(G.dated_words(words, published))


def test_a_word_crossing_the_cap_switches_its_holders_dated_keys_on_and_the_plan_follows():
    """30 stored articles hold "strike" (a key for all of them: one story); three more take it past
    KEY_MAX_ARTICLES, and the strikes now part by date: those within a fortnight stay one story."""
    cap = G.KEY_MAX_ARTICLES
    words = {f"s{k:02d}": dated({"strike", f"own{k:02d}"}, 40 * (k % 3) + k % 2) for k in range(cap)}
    stored_stories = stories_of_words(words)
    assert len(set(stored_stories.values())) == 1  # "strike" is a key: one story
    new = {f"t{k}": dated({"strike", f"own{k}"}, 40 * k) for k in range(3)}
    plan = check_words_plan({**words, **new}, set(new))
    full = stories_of_words({**words, **new})
    assert len(set(full.values())) == 3  # by date: the three spans of 40 days apart
    assert plan.touched == set(words)
    assert full["t0"] == full["s00"] != full["t1"] == full["s01"]


def test_without_dates_a_word_past_the_cap_marks_no_story():
    words = {f"s{k:02d}": dated({"strike", f"own{k:02d}"}, None) for k in range(G.KEY_MAX_ARTICLES + 3)}
    assert len(set(stories_of_words(words).values())) == len(words)


@pytest.mark.parametrize("stored_holders, new_holders", [(30, 1), (30, 4), (28, 3), (31, 2), (20, 5), (0, 33)])
def test_a_common_word_near_the_cap_plans_as_a_full_regroup(stored_holders, new_holders):
    """A table of imports around the cap: stored and new holders of one word, dated over two months, with
    a few rare words of their own that join some of them."""
    rng = random.Random(stored_holders * 100 + new_holders)
    words: dict[str, set[str]] = {}
    for k in range(stored_holders + new_holders):
        own = {f"r{rng.randrange(40):02d}"} if rng.random() < 0.5 else set()
        day = rng.choice([None, *range(0, 60, 3)]) if rng.random() < 0.9 else None
        words[f"a{k:02d}"] = dated({"common", "other", *own}, day)
    new_arts = {f"a{k:02d}" for k in range(stored_holders, stored_holders + new_holders)}
    check_words_plan(words, new_arts)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_plan_equals_full_stories_when_dated_words_cross_the_cap(data):
    """Articles holding a few common words (some of them past KEY_MAX_ARTICLES only once the import is in)
    and rare ones, dated within a few months or not at all; any split, any must-links: the planned stories
    are the full ones."""
    n_art = data.draw(st.integers(2, 48))
    commons = [f"c{k}" for k in range(data.draw(st.integers(1, 3)))]
    rare = [f"w{k:02d}" for k in range(data.draw(st.integers(3, 40)))]
    words = {}
    for k in range(n_art):
        ws = set(data.draw(st.lists(st.sampled_from(commons), min_size=1, max_size=len(commons))))
        ws |= set(data.draw(st.lists(st.sampled_from(rare), max_size=3)))
        day = data.draw(st.one_of(st.none(), st.integers(0, 120)))
        words[f"a{k:02d}"] = dated(ws, day)
    arts = sorted(words)
    new_arts = set(data.draw(st.lists(st.sampled_from(arts), min_size=1, max_size=20, unique=True)))
    must = data.draw(st.lists(st.tuples(st.sampled_from(arts), st.sampled_from(arts)), max_size=2))
    check_words_plan(words, new_arts, must)
