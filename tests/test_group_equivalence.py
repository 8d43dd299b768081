"""The fast paths of grouping give what their plain counterparts give.

* content words: one cached call per token equals filtering and stemming each token;
* quantity similarity scored once per distinct pair of phrases equals scoring every pair;
* :func:`plan_regroup` with per-article words kept by a store equals reading every stored sentence, on a
  corpus from the grouping benchmark's generator and with a reviewer's must-link.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench import group as G
from workbench.models import LinkKind, Override

BENCH = Path(__file__).resolve().parent.parent / "bench" / "group.py"


def _generator():
    spec = importlib.util.spec_from_file_location("bench_group", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod.generate


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdefisngdyAEST ,.'-019", max_size=80))
def test_content_words_equal_filtering_each_token(text):
    plain = [G._stem(w) for w in G._NON_LETTERS.split(text.lower()) if len(w) > 1 and w not in G._STOP]
    assert G._words(text) == plain


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["jobs cut", "deaths", "homes destroyed", "sales change", "", "crowd marched"]),
                min_size=1, max_size=6, unique=True),
       st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=30))
def test_quantity_ratio_per_distinct_pair_equals_every_pair(texts, pairs):
    pairs = [(x % len(texts), y % len(texts)) for x, y in pairs]
    a = np.array([x for x, _ in pairs], dtype=np.int64)
    b = np.array([y for _, y in pairs], dtype=np.int64)
    arr = np.array(texts, dtype=object)
    code = np.arange(len(texts), dtype=np.int64)
    got = G._distinct_ratio(code, arr, a, b, 1)
    want = G._ratio(arr[a], arr[b], 1) if len(a) else np.zeros(0)
    assert np.array_equal(got, want)


@pytest.fixture(scope="module")
def corpus():
    claims, _ = _generator()(3000, seed=7)
    articles = sorted({c.article for c in claims})
    new_articles = set(articles[::max(1, len(articles) // 12)][:12])
    stored = [c for c in claims if c.article not in new_articles]
    new = [c for c in claims if c.article in new_articles]
    return stored, new


def test_plan_with_stored_words_equals_reading_every_sentence(corpus):
    stored, new = corpus
    plain = G.plan_regroup(stored, new)
    cached = G.plan_regroup(stored, new, stored_words=G.article_words(stored))
    assert plain.touched_articles  # the import does touch stored stories
    assert cached == plain


def test_plan_with_part_of_the_words_and_a_must_link_equals_plain(corpus):
    stored, new = corpus
    words = G.article_words(stored)
    some = dict(list(words.items())[::2])  # the store lacks half the articles: those are read from the claims
    by_article: dict[str, list] = {}
    for c in stored:
        by_article.setdefault(c.article, []).append(c)
    arts = sorted(by_article)
    must = [Override(LinkKind.MUST, by_article[arts[0]][0].id, by_article[arts[-1]][0].id)]
    plain = G.plan_regroup(stored, new, must)
    cached = G.plan_regroup(stored, new, must, stored_words=some)
    assert cached == plain
