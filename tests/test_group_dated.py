"""Dated story keys: a word too common to mark a story still marks one within a fortnight, and only the
story partition reads them (the pair features come from the words alone)."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from workbench import group as G
from workbench.models import Claim, Kind

START = date(2026, 1, 5)


def claim(article: str, sentence: str, value: float, day: int | None) -> Claim:
    surface = f"{value:g}"
    return Claim(article=article, start=0, end=len(surface), surface=surface, sentence=f"{surface} {sentence}",
                 kind=Kind.COUNT, low=value, high=value, noun="workers", sentence_start=0,
                 published=None if day is None else (START + timedelta(days=day)).isoformat())


def span_start(day: int) -> int:
    """The first day (counted from START) of the date span holding ``day``, or of the next when ``day`` is the
    last of its span: a story told from it and the day after lies within one span."""
    ordinal = START.toordinal() + day
    while (ordinal + 1) // G.DATE_SPAN != ordinal // G.DATE_SPAN:
        ordinal += 1
    return ordinal - START.toordinal()


def strike_archive(stories: int, per_story: int, days_apart: int, dated: bool = True) -> list[Claim]:
    """``stories`` strikes in one town, about ``days_apart`` days from one to the next, each told by
    ``per_story`` outlets on one day and the next, within one date span: every word is in every article."""
    out = []
    for s in range(stories):
        for k in range(per_story):
            day = span_start(s * days_apart) + k % 2 if dated else None
            out.append(claim(f"o{k}-{s:03d}", "workers walked out in Carfen on Monday, the union said.",
                             1000 + 10 * s, day))
    return out


def test_days_of_one_span_share_its_dated_key_and_spans_never_overlap():
    span = {d: G._date_span(d) for d in range(0, 90)}
    for d in span:
        for e in span:
            same = span[d] == span[e]
            assert same == (d // G.DATE_SPAN == e // G.DATE_SPAN)
            if abs(d - e) >= G.DATE_SPAN:
                assert not same  # a fortnight or more apart: never
    assert len(set(span.values())) == -(-90 // G.DATE_SPAN)  # each span follows the last, none overlaps
    assert G.dated_words(["strike"], None) == []
    assert G.dated_words(["strike"], "not a date") == []
    keys = G.dated_words(["strike"], "2026-03-01")
    assert len(keys) == 1 and all(k.startswith("strike" + G.DATED) for k in keys)
    assert not any(G.DATED in w for w in G._words("user@example.com wrote at 10@home"))  # no word holds it


def test_a_word_in_too_many_articles_marks_stories_by_date():
    claims = strike_archive(stories=12, per_story=4, days_apart=30)  # 48 articles: every word too common
    found = G.stories(claims)
    by_story = {}
    for c in claims:
        by_story.setdefault(c.article.split("-")[1], set()).add(found[c.article])
    assert all(len(v) == 1 for v in by_story.values())  # each strike is one story
    assert len(set(found.values())) == 12  # and the strikes a month apart are not joined
    undated = G.stories(strike_archive(stories=12, per_story=4, days_apart=30, dated=False))
    assert len(set(undated.values())) == 48  # without dates nothing marks a story


def test_stories_of_one_town_every_few_days_do_not_chain_across_the_year():
    """A town's strikes every five days over a year, every word in every article: dated keys join the strikes
    of one span at most, never the year into one story."""
    claims = strike_archive(stories=73, per_story=3, days_apart=5)
    found = G.stories(claims)
    sizes = sorted(Counter(found.values()).values())
    assert max(sizes) <= 3 * (G.DATE_SPAN // 5 + 1)  # the strikes of one span at most
    assert len(sizes) >= 365 // G.DATE_SPAN


def test_a_story_told_on_either_side_of_a_span_end_parts_when_it_shares_only_common_words():
    """The price of spans that do not overlap: outlets a day apart across a span's end share no dated key."""
    claims = strike_archive(stories=12, per_story=4, days_apart=30)
    last = next(d for d in range(G.DATE_SPAN) if (START.toordinal() + d + 1) // G.DATE_SPAN
                != (START.toordinal() + d) // G.DATE_SPAN)
    moved = [c.__class__(**{**{f: getattr(c, f) for f in c.__dataclass_fields__},
                            "published": (START + timedelta(days=last + int(c.article[1]) % 2)).isoformat()})
             if c.article.endswith("-000") else c for c in claims]
    found = G.stories(moved)
    assert len({found[c.article] for c in moved if c.article.endswith("-000")}) == 2
    assert len(set(found.values())) == 13


def test_the_partition_of_group_claims_and_of_stories_and_of_the_word_index_agree():
    claims = strike_archive(stories=10, per_story=4, days_apart=9)
    rng = random.Random(4)
    rng.shuffle(claims)
    found = G.stories(claims)
    p = G._prepare(claims)
    arts = sorted({c.article for c in claims})
    by_prepare = {a: int(p.story_of[k]) for k, a in enumerate(p.articles)}
    assert {frozenset(a for a in arts if found[a] == found[x]) for x in arts} == \
        {frozenset(a for a in arts if by_prepare[a] == by_prepare[x]) for x in arts}
    words = G._story_words_of_articles(claims, G.article_words(claims))
    assert G._stories_of(words, ()) == found
    assert G.stories(list(reversed(claims))) == found  # not the order of the claims


def test_small_sets_keep_the_stories_they_had_whatever_the_dates():
    claims = strike_archive(stories=5, per_story=4, days_apart=30)  # 20 articles: the words are keys
    undated = [c.__class__(**{**{f: getattr(c, f) for f in c.__dataclass_fields__}, "published": None})
               for c in claims]
    assert G.stories(claims) == G.stories(undated)
    assert len(set(G.stories(claims).values())) == 1


def test_dated_keys_mark_stories_only_and_leave_the_pair_features_alone():
    claims = strike_archive(stories=8, per_story=5, days_apart=20)
    undated = [c.__class__(**{**{f: getattr(c, f) for f in c.__dataclass_fields__}, "published": None})
               for c in claims]
    found = G.stories(claims)
    with_dates = G.group_claims(claims, stories=found)
    without = G.group_claims(undated, stories=found)
    assert {frozenset(g.claim_ids) for g in with_dates.groups} == {frozenset(g.claim_ids) for g in without.groups}
    a, b = G._prepare(claims, story_ids=found), G._prepare(undated, story_ids=found)
    assert (a.story.keys == b.story.keys).all() and (a.story.w == b.story.w).all()
    assert (a.topic == b.topic).all()
    assert max(len(g.claim_ids) for g in with_dates.groups) > 1


def test_a_claims_output_leaves_the_article_date_out():
    c = claim("a", "workers walked out.", 5, 3)
    d = c.to_dict()
    assert "published" not in d
    assert Claim.from_dict(d) == c.__class__(**{**{f: getattr(c, f) for f in c.__dataclass_fields__},
                                                "published": None})
