"""Properties of grouping that hold for any claims and any consistent reviewer overrides."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.group import MAX_GAP, OverrideConflict, group_claims, value_interval
from workbench.models import Claim, Kind, LinkKind, Override, Qualifier

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

OUTLETS = ["Harbour Gazette", "Morning Wire", "Coastal Times", "City Herald", "Metro Daily", "Valley Times"]
PLACES = ["Eastmouth", "Rivertown", "Kelby", "Dunholt", "Marlow Vale", "Southmere"]
SUBJECTS = ["dockworkers walked out", "homes will be built", "residents were evacuated", "the budget rose",
            "patients are waiting", "the fire burned forest", "turnout reached a record"]
NOUNS = [None, None, "workers", "homes", "residents", "containers", "people", "staff"]
VALUES = [4, 4.2, 7.5, 11, 12, 12.5, 48, 50, 370, 4000, 4200, 12000, 12500]

# (kind, unit, currency, scale): a few dimensions, some with units that convert into each other
SHAPES = [
    (Kind.COUNT, None, None, 1.0),
    (Kind.PERCENT, None, None, 1.0),
    (Kind.RATIO, None, None, 0.01),
    (Kind.MONEY, None, "GBP", 1e6),
    (Kind.MONEY, None, "USD", 1e6),
    (Kind.MEASURE, "hectare", None, 1.0),
    (Kind.MEASURE, "square kilometre", None, 0.01),
    (Kind.DURATION, "minute", None, 1.0),
    (Kind.DURATION, "hour", None, 1 / 60),
]


@st.composite
def claim_sets(draw, max_size=24):
    n = draw(st.integers(1, max_size))
    n_articles = draw(st.integers(1, 6))
    claims = []
    for k in range(n):
        art = draw(st.integers(0, n_articles - 1))
        kind, unit, currency, scale = draw(st.sampled_from(SHAPES))
        value = draw(st.sampled_from(VALUES)) * scale * draw(st.sampled_from([1.0, 1.0, 1.03, 0.95]))
        high = value * draw(st.sampled_from([1.0, 1.0, 1.0, 1.5]))
        qualifier = Qualifier.RANGE if high != value else draw(st.sampled_from(list(Qualifier)))
        place = PLACES[draw(st.integers(0, len(PLACES) - 1))]
        subject = draw(st.sampled_from(SUBJECTS))
        surface = f"{value:g}"
        headline = draw(st.integers(0, 3)) == 0
        sentence = f"{place}: {surface} {subject}" if headline else f"In {place} {surface} {subject}, officials said."
        per = draw(st.sampled_from([None, None, "day", "week"])) if kind is Kind.MONEY else None
        claims.append(Claim(
            article=f"art-{art}", start=100 * k + 3 + len(place), end=100 * k + 3 + len(place) + len(surface),
            surface=surface, sentence=sentence, kind=kind, low=value, high=high, qualifier=qualifier,
            currency=currency, unit=unit, noun=draw(st.sampled_from(NOUNS)), per=per,
            outlet=OUTLETS[art % len(OUTLETS)], sentence_start=None if headline else 100 * k,
        ))
    return claims


@st.composite
def claims_with_overrides(draw):
    """Claims, a hidden true partition, and overrides consistent with it (so never contradictory)."""
    claims = draw(claim_sets())
    labels = {c.id: draw(st.integers(0, 3)) for c in claims}
    ids = sorted(labels)
    overrides = []
    for _ in range(draw(st.integers(0, 8))):
        a, b = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        if a == b:
            continue
        kind = LinkKind.MUST if labels[a] == labels[b] else LinkKind.CANNOT
        overrides.append(Override(kind, a, b))
    return claims, overrides


def _shuffled(items, seed):
    items = list(items)
    random.Random(seed).shuffle(items)
    return items


@SETTINGS
@given(claim_sets())
def test_every_claim_is_in_exactly_one_group(claims):
    grouping = group_claims(claims)
    listed = [cid for g in grouping.groups for cid in g.claim_ids]
    assert sorted(listed) == sorted({c.id for c in claims})
    assert len({g.id for g in grouping.groups}) == len(grouping.groups)
    assert grouping.by_claim == {cid: g.id for g in grouping.groups for cid in g.claim_ids}
    for g in grouping.groups:
        assert g.representative in g.claim_ids
        assert g.min_value <= g.median_value <= g.max_value
        assert g.spread_pct >= 0
        assert list(g.outlets) == sorted(set(g.outlets))


@SETTINGS
@given(claims_with_overrides(), st.integers(0, 2**32 - 1))
def test_the_result_does_not_depend_on_input_order(data, seed):
    claims, overrides = data
    a = group_claims(claims, overrides)
    b = group_claims(_shuffled(claims, seed), _shuffled(overrides, seed + 1))
    assert a == b


@SETTINGS
@given(claims_with_overrides())
def test_grouping_twice_gives_the_same_groups(data):
    claims, overrides = data
    first = group_claims(claims, overrides)
    again = group_claims(claims, overrides)
    assert first == again
    # regrouping claims that already carry their group changes nothing either
    tagged = [c.with_group(first.by_claim[c.id]) for c in claims]
    assert group_claims(tagged, overrides) == first


@SETTINGS
@given(claims_with_overrides())
def test_overrides_are_always_respected(data):
    claims, overrides = data
    grouping = group_claims(claims, overrides)
    for o in overrides:
        together = grouping.by_claim[o.a] == grouping.by_claim[o.b]
        assert together is (o.kind is LinkKind.MUST), o


@SETTINGS
@given(claim_sets(max_size=10), st.data())
def test_contradicting_overrides_raise_and_consistent_ones_do_not(claims, data):
    ids = sorted({c.id for c in claims})
    overrides = [Override(data.draw(st.sampled_from(list(LinkKind))), data.draw(st.sampled_from(ids)),
                          data.draw(st.sampled_from(ids))) for _ in range(data.draw(st.integers(0, 8)))]
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for o in overrides:
        if o.kind is LinkKind.MUST:
            parent[find(o.a)] = find(o.b)
    contradictory = any(o.kind is LinkKind.CANNOT and find(o.a) == find(o.b) for o in overrides)
    try:
        group_claims(claims, overrides)
    except OverrideConflict:
        assert contradictory
    else:
        assert not contradictory


@SETTINGS
@given(claim_sets())
def test_a_group_never_mixes_dimensions_or_stretches_beyond_the_widest_gap(claims):
    grouping = group_claims(claims)
    by_id = {c.id: c for c in claims}
    for g in grouping.groups:
        intervals = [value_interval(by_id[cid]) for cid in g.claim_ids]
        assert len({dim for dim, _, _ in intervals}) == 1
        max_lo = max(lo for _, lo, _ in intervals)
        min_hi = min(hi for _, _, hi in intervals)
        if max_lo > min_hi:
            assert (max_lo - min_hi) / max(abs(max_lo), abs(min_hi)) <= MAX_GAP + 1e-9


@SETTINGS
@given(claim_sets())
def test_one_sentence_never_puts_two_different_figures_in_one_group(claims):
    # one article may give one quantity twice, differently (the toll at noon and at dusk); one sentence may not
    grouping = group_claims(claims)
    by_id = {c.id: c for c in claims}
    for g in grouping.groups:
        per_sentence: dict[tuple, list] = {}
        for cid in g.claim_ids:
            c = by_id[cid]
            per_sentence.setdefault((c.article, c.sentence_start, c.sentence), []).append(value_interval(c))
        for intervals in per_sentence.values():
            max_lo = max(lo for _, lo, _ in intervals)
            min_hi = min(hi for _, _, hi in intervals)
            assert max_lo <= min_hi or (max_lo - min_hi) / max(abs(max_lo), abs(min_hi)) <= 0.02 + 1e-9


@SETTINGS
@given(claim_sets())
def test_groups_are_ordered_for_triage(claims):
    groups = group_claims(claims).groups
    # discrepant groups of several outlets first (where outlets disagree is what the desk checks), then
    # more outlets, then wider spread
    keys = [(not (g.discrepant and len(g.outlets) > 1), -len(g.outlets), -g.spread_pct) for g in groups]
    assert keys == sorted(keys)


@st.composite
def odd_claims(draw):
    """Claims with any finite values: zero, negative, tiny, huge, ranges in either order."""
    n = draw(st.integers(1, 16))
    values = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
    out = []
    for k in range(n):
        kind, unit, currency, _ = draw(st.sampled_from(SHAPES + [(Kind.MEASURE, "celsius", None, 1.0)]))
        low, high = draw(values), draw(st.one_of(st.none(), values))
        out.append(Claim(article=f"a{draw(st.integers(0, 3))}", start=10 * k, end=10 * k + 2, surface="xx",
                         sentence="About xx of them, it said.", kind=kind, low=low,
                         high=low if high is None else high, qualifier=draw(st.sampled_from(list(Qualifier))),
                         unit=unit, currency=currency))
    return out


@SETTINGS
@given(odd_claims(), st.integers(0, 2**32 - 1))
def test_any_finite_values_group_into_one_group_each_whatever_the_order(claims, seed):
    grouping = group_claims(claims)
    assert sorted(cid for g in grouping.groups for cid in g.claim_ids) == sorted({c.id for c in claims})
    assert group_claims(_shuffled(claims, seed)) == grouping


@st.composite
def sentences_with_two_figures(draw):
    """Articles whose sentences hold two figures of one kind ("rose from 66 to 67"), and other articles that
    repeat either figure alone."""
    claims = []
    n_articles = draw(st.integers(1, 5))
    for art in range(n_articles):
        place = draw(st.sampled_from(PLACES))
        kind, unit, currency, scale = draw(st.sampled_from(SHAPES))
        text = ""
        for _ in range(draw(st.integers(1, 3))):
            v1 = draw(st.sampled_from(VALUES)) * scale
            v2 = v1 * draw(st.sampled_from([1.0, 1.01, 1.015, 1.03, 1.1]))
            pair = draw(st.booleans())
            start = len(text)
            s1, s2 = f"{v1:g}", f"{v2:g}"
            sentence = (f"In {place} the figure went from {s1} to {s2}, officials said." if pair
                        else f"In {place} the figure reached {s1}, officials said.")
            q = draw(st.sampled_from([Qualifier.EXACT, Qualifier.APPROX]))
            at1 = start + sentence.index(s1)
            claims.append(Claim(article=f"art-{art}", start=at1, end=at1 + len(s1), surface=s1, sentence=sentence,
                                kind=kind, low=v1, high=v1, qualifier=q, unit=unit, currency=currency,
                                outlet=OUTLETS[art % len(OUTLETS)], sentence_start=start))
            if pair:
                at2 = start + sentence.rindex(s2)
                claims.append(Claim(article=f"art-{art}", start=at2, end=at2 + len(s2), surface=s2,
                                    sentence=sentence, kind=kind, low=v2, high=v2, qualifier=Qualifier.EXACT,
                                    unit=unit, currency=currency, outlet=OUTLETS[art % len(OUTLETS)],
                                    sentence_start=start))
            text += sentence + " "
    return claims


@SETTINGS
@given(sentences_with_two_figures())
def test_two_figures_of_one_sentence_written_alike_never_share_a_group(claims):
    grouping = group_claims(claims)
    by_id = {c.id: c for c in claims}
    for g in grouping.groups:
        seen = set()
        for cid in g.claim_ids:
            c = by_id[cid]
            key = (c.article, c.sentence_start, c.kind, c.unit, c.currency, c.per)
            assert key not in seen, g.claim_ids
            seen.add(key)
