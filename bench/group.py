"""Benchmark: grouping claims with blocking against comparing all pairs.

    python bench/group.py [--claims N] [--workers W] [--sample M] [--seed S]

Generates N claims of the shape news gives (default 100,000): many stories, each told by several outlets,
each outlet stating some of the story's facts with its own wording, rounding, hedges, units and now and
then a different figure; in a share of the stories (DISPUTED) the outlets disagree, each giving a figure 5
to 60% off; some stories are set in a town another story is already set in (SHARED_PLACE); stories of one
kind share their sentence patterns (so look-alike sentences with different places and figures abound),
and every article adds a few figures of its own. Then, in one run:

* groups all N claims with ``workbench.group.group_claims`` and times it;
* times RapidFuzz ``cdist`` over all pairs of a sample of M claims' contexts (the text comparison alone,
  the cheapest part of an all-pairs grouping) and extrapolates it to N claims (pairs grow as N²);
* prints both times and their ratio (target: at least 50x at 100,000 claims);
* takes every pair within the sampled stories that the pair score links (same dimension, compatible
  values, score at or above the threshold; scored exactly as the grouping scores pairs) and prints the
  share of them that the blocked grouping also puts in one group (target: at least 0.99);
* prints pairwise precision / recall / F1 against the generator's facts, and the peak memory (RSS).

With ``--claims 1000000`` the targets are: under 2 minutes and under 2 GB.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench import group as G  # noqa: E402
from workbench.models import Claim, Kind, Qualifier  # noqa: E402
from workbench.quantity import describe as describe_quantity  # noqa: E402

# ------------------------------------------------------------------------------------------ the generator

SYLLABLES = ("kel ash mor dun riv east wes brad hal tor lin mar fen cal bro sel ven ark gal hol nor pen "
             "sut tam wick ber dal fal gran").split()
ENDINGS = ("by mouth ton ford holt mere ley wick port field dale stow bury ham").split()
OUTLETS = [f"{a} {b}" for a in ("Morning", "Evening", "Daily", "Weekly", "Coastal", "City", "Valley", "National",
                                 "Northern", "Southern", "Metro", "County")
           for b in ("Wire", "Herald", "Post", "Times", "Gazette", "Courier", "Voice", "Standard", "Echo",
                     "Observer")]
HEDGES = {Qualifier.APPROX: ("about", "around", "some", "roughly"), Qualifier.LOWER_BOUND: ("more than", "at least"),
          Qualifier.UPPER_BOUND: ("nearly", "almost", "up to")}

# A fact pattern: kind, unit/currency/per, value range (log-uniform), nouns, wordings ({v} = the figure).
DOMAINS = {
    "strike": [
        ("count", {}, (300, 30000), ["workers", "dockworkers", "staff"],
         ["{v} {noun} walked out at {place} on Monday", "{v} {noun} at {place} went on strike over pay",
          "the walkout by {v} {noun} has shut {place} port"]),
        ("money", {"currency": "GBP", "per": "day"}, (1e6, 1e8), [None],
         ["the strike will cost the {place} economy {v}", "business leaders say the {place} walkout costs {v}",
          "economists estimate losses at {place} of {v}"]),
        ("percent", {}, (3, 15), [None],
         ["unions at {place} are demanding a {v} pay rise", "the {place} union wants {v} more pay"]),
        ("percent", {}, (1, 6), [None],
         ["the {place} port operator has offered {v}", "management at {place} offered staff {v}"]),
        ("count", {}, (2000, 40000), ["containers"],
         ["{v} {noun} are stranded on the quayside at {place}", "{v} {noun} are waiting to be moved at {place}"]),
        ("duration", {"unit": "day"}, (2, 14), [None],
         ["the {place} stoppage is due to last {v}", "the walkout at {place} will run for {v}"]),
    ],
    "housing": [
        ("money", {"currency": "USD"}, (1e8, 1e10), [None],
         ["the {place} council approved a {v} housing plan", "the {v} programme for {place} passed on Thursday"]),
        ("count", {}, (1000, 50000), ["homes", "houses"],
         ["the plan will build {v} {noun} in {place}", "{v} new {noun} are promised for {place}"]),
        ("percent", {}, (2, 20), [None],
         ["rents in {place} rose {v} last year", "{place} rents have climbed by {v} in twelve months"]),
        ("count", {}, (500, 20000), ["people", "residents"],
         ["{v} {noun} are homeless in {place}", "officials say {v} {noun} in {place} have no home"]),
        ("percent", {}, (0.3, 3), [None],
         ["the {place} plan is funded by a {v} rise in property tax", "property tax in {place} will go up {v}"]),
    ],
    "heat": [
        ("measure", {"unit": "celsius"}, (34, 47), [None],
         ["temperatures reached {v} in {place} on Friday", "the thermometer touched {v} at {place}"]),
        ("count", {}, (50, 3000), ["deaths", "people"],
         ["health officials in {place} recorded {v} excess {noun}", "{v} {noun} have died in the {place} heat"]),
        ("measure", {"unit": "gigawatt"}, (2, 60), [None],
         ["electricity demand around {place} hit a record {v}", "grid operators near {place} saw peak demand of {v}"]),
        ("measure", {"unit": "hectare"}, (500, 90000), [None],
         ["a wildfire near {place} has burned {v}", "the {place} blaze now covers {v}"]),
        ("percent", {}, (10, 70), [None],
         ["rainfall in {place} has been {v} below average", "{place} has had {v} less rain than usual"]),
    ],
    "earnings": [
        ("money", {"currency": "USD"}, (1e9, 1e11), [None],
         ["{place} Corp said quarterly revenue was {v}", "sales at {place} Corp reached {v}"]),
        ("percent", {}, (1, 25), [None],
         ["revenue at {place} Corp rose {v}", "{place} Corp sales grew {v} on a year earlier"]),
        ("count", {}, (200, 15000), ["jobs", "staff", "roles"],
         ["{place} Corp will cut {v} {noun}", "{place} Corp plans to shed {v} {noun}"]),
        ("percent", {}, (1, 15), [None],
         ["{place} Corp shares fell {v} in early trading", "the {place} Corp stock slid {v}"]),
    ],
    "election": [
        ("percent", {}, (35, 80), [None],
         ["turnout in the {place} election reached {v}", "{v} of {place} voters cast a ballot"]),
        ("percent", {}, (40, 65), [None],
         ["the winner in {place} took {v} of the vote", "{place}'s new mayor won {v} of votes cast"]),
        ("count", {}, (300, 20000), ["votes"],
         ["the {place} majority was {v} {noun}", "the {place} race was won by {v} {noun}"]),
        ("count", {}, (5000, 500000), ["ballots", "people"],
         ["{v} {noun} were cast in {place}", "{v} {noun} voted in {place}"]),
    ],
    "flood": [
        ("count", {}, (100, 20000), ["residents", "people"],
         ["{v} {noun} were evacuated from {place}", "emergency services moved {v} {noun} out of {place}"]),
        ("measure", {"unit": "millimetre"}, (40, 300), [None],
         ["{v} of rain fell on {place} in a day", "rainfall at {place} reached {v}"]),
        ("money", {"currency": "EUR"}, (1e6, 5e8), [None],
         ["damage in {place} is put at {v}", "insurers estimate the {place} flood bill at {v}"]),
        ("measure", {"unit": "metre"}, (1, 8), [None],
         ["the river at {place} rose {v}", "water levels in {place} peaked {v} above normal"]),
    ],
}
ONE_OFFS = [
    ("count", {}, (2, 5000), ["members", "seats", "pupils", "buses", "beds"],
     ["the {place} council has {v} {noun}", "{place} now has {v} {noun}", "{v} {noun} were added in {place}"]),
    ("percent", {}, (1, 60), [None], ["{v} of {place} households own a car", "crime in {place} fell {v}"]),
    ("money", {"currency": "GBP"}, (1e4, 1e8), [None], ["the {place} library cost {v}", "{place} spent {v} on roads"]),
    ("duration", {"unit": "year"}, (1, 30), [None], ["the {place} bridge took {v} to build"]),
]
DISPUTED = 0.3  # share of stories whose outlets give different figures for the same facts
SHARED_PLACE = 0.1  # share of stories set in a town another story is already set in
FILLERS = ["officials said", "according to figures released on Tuesday", "a spokesperson confirmed",
           "the report found", "it emerged", "sources said", "data showed", "the statement said"]


def _round_sig(x: float, sig: int) -> float:
    if x == 0:
        return 0.0
    return round(x, sig - 1 - int(math.floor(math.log10(abs(x)))))


def _surface(kind: str, value: float, extra: dict, rng: random.Random) -> tuple[str, dict]:
    """The figure as written, and the claim fields it implies (unit conversions and percent/ratio variants)."""
    fields = dict(extra)
    if kind == "count":
        return f"{value:,.0f}", fields
    if kind == "percent":
        if value in (25, 50, 20, 10) and rng.random() < 0.3:
            words = {25: "one in four", 50: "one in two", 20: "one in five", 10: "one in ten"}[int(value)]
            fields["kind"] = "ratio"
            fields["value"] = value / 100
            return words, fields
        return (f"{value:g}%" if rng.random() < 0.6 else f"{value:g} per cent"), fields
    if kind == "money":
        sym = {"GBP": "£", "USD": "$", "EUR": "€"}[extra["currency"]]
        per = {"day": " a day", "week": " a week"}.get(extra.get("per") or "", "")
        if value >= 1e9:
            return f"{sym}{value / 1e9:g}bn{per}", fields
        if value >= 1e6:
            return f"{sym}{value / 1e6:g}m{per}", fields
        return f"{sym}{value:,.0f}{per}", fields
    unit = extra.get("unit")
    if unit == "hectare" and rng.random() < 0.3:
        fields["unit"] = "square kilometre"
        fields["value"] = value / 100
        return f"{value / 100:g} square kilometres", fields
    if unit == "celsius" and rng.random() < 0.2:
        fields["unit"] = "fahrenheit"
        fields["value"] = value * 9 / 5 + 32
        return f"{fields['value']:.1f}F", fields
    if unit == "day" and rng.random() < 0.2:
        fields["unit"] = "hour"
        fields["value"] = value * 24
        return f"{value * 24:g} hours", fields
    plural = {"celsius": "C", "gigawatt": " gigawatts", "hectare": " hectares", "millimetre": "mm",
              "metre": " metres", "day": " days", "year": " years"}.get(unit or "", f" {unit}s")
    return f"{value:g}{plural}", fields


def generate(n_claims: int, seed: int = 20240601) -> tuple[list[Claim], dict[str, int]]:
    """Claims of realistic shape and the fact each states (claim id -> fact number)."""
    rng = random.Random(seed)
    claims: list[Claim] = []
    facts: dict[str, int] = {}
    places: set[str] = set()
    place_list: list[str] = []
    fact_no = 0
    story = 0
    domains = list(DOMAINS)
    while len(claims) < n_claims:
        story += 1
        if places and rng.random() < SHARED_PLACE:  # another event in a town already in the news
            place = rng.choice(place_list)
        else:
            while True:
                parts = [rng.choice(SYLLABLES) for _ in range(2 + (len(places) > 5000) + (len(places) > 100000))]
                place = ("".join(parts) + rng.choice(ENDINGS)).capitalize()
                if place not in places:
                    places.add(place)
                    place_list.append(place)
                    break
        disputed = rng.random() < DISPUTED  # outlets' figures for one fact differ by 5-60%
        domain = rng.choice(domains)
        story_facts = []
        for kind, extra, (lo, hi), nouns, wordings in DOMAINS[domain]:
            value = _round_sig(math.exp(rng.uniform(math.log(lo), math.log(hi))), rng.choice((2, 2, 3, 3, 4)))
            fact_no += 1
            story_facts.append((fact_no, kind, extra, value, nouns, wordings))
        n_outlets = rng.randint(3, 12)
        for outlet in rng.sample(OUTLETS, n_outlets):
            art = f"s{story}-{outlet.replace(' ', '').lower()}"
            offset = 0
            stated = [f for f in story_facts if rng.random() < 0.7] or [story_facts[0]]
            rng.shuffle(stated)
            items = [(f, False) for f in stated]
            if rng.random() < 0.4:  # the headline restates the first figure
                items.insert(0, (stated[0], True))
            for _ in range(rng.randint(1, 3)):  # figures of this article alone
                kind, extra, (lo, hi), nouns, wordings = rng.choice(ONE_OFFS)
                value = _round_sig(math.exp(rng.uniform(math.log(lo), math.log(hi))), 2)
                fact_no += 1
                items.append(((fact_no, kind, extra, value, nouns, wordings), False))
            figures: dict[int, tuple[float, Qualifier]] = {}  # one outlet gives one figure per fact
            own_facts = {f[0] for f in story_facts}
            for (fid, kind, extra, value, nouns, wordings), headline in items:
                if fid not in figures:
                    v = value
                    q = Qualifier.EXACT
                    r = rng.random()
                    if disputed and fid in own_facts and r < 0.6:  # agencies, sources, updates disagree
                        v = _round_sig(value * (1 + rng.choice((1, -1)) * rng.uniform(0.05, 0.6)), 3)
                    elif r < 0.10:  # a different figure: an update, a mistake, another source
                        v = _round_sig(value * rng.choice((1, -1)) * rng.uniform(0.03, 0.08) + value, 3)
                    elif r < 0.25:
                        q = rng.choice((Qualifier.APPROX, Qualifier.LOWER_BOUND, Qualifier.UPPER_BOUND))
                        v = _round_sig(value, 2)
                        if q is Qualifier.LOWER_BOUND:
                            v = _round_sig(value * 0.98, 2)
                        elif q is Qualifier.UPPER_BOUND:
                            v = _round_sig(value * 1.02, 2)
                    figures[fid] = (v, q)
                v, q = figures[fid]
                surface, fields = _surface(kind, v, extra, rng)
                if q is not Qualifier.EXACT:
                    surface = f"{rng.choice(HEDGES[q])} {surface}"
                noun = rng.choice(nouns)
                wording = rng.choice(wordings)
                text = wording.format(v=surface, noun=noun or "", place=place).replace("  ", " ")
                if headline:
                    sentence = text[0].upper() + text[1:]
                    s0 = 0
                else:
                    sentence = f"{text[0].upper()}{text[1:]}, {rng.choice(FILLERS)}."
                    s0 = offset + 2
                at = sentence.lower().index(surface.lower())
                surface = sentence[at:at + len(surface)]  # capitalised at the start of a sentence
                start = s0 + at
                value_out = fields.pop("value", v)
                kind_out = fields.pop("kind", kind)
                quantity = describe_quantity(sentence, at, at + len(surface), noun, None,
                                             fields.get("unit") or kind_out).phrase  # as the extractor sets it
                c = Claim(article=art, start=start, end=start + len(surface), surface=surface, sentence=sentence,
                          kind=Kind(kind_out), low=float(value_out), high=float(value_out), qualifier=q,
                          currency=fields.get("currency"), unit=fields.get("unit"), noun=noun,
                          per=fields.get("per"), outlet=outlet, sentence_start=s0, quantity=quantity)
                offset = s0 + len(sentence)
                claims.append(c)
                facts[c.id] = fid
    return claims[:n_claims], facts


# ------------------------------------------------------------------------------------------------ helpers


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def pairs_in_same(labels: np.ndarray) -> int:
    counts = np.unique(labels, return_counts=True)[1].astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def pairwise_against_truth(ids: list[str], by_claim: dict[str, str], facts: dict[str, int]) -> tuple[float, float, float]:
    g_codes = {g: k for k, g in enumerate(sorted(set(by_claim.values())))}
    g = np.array([g_codes[by_claim[i]] for i in ids], dtype=np.int64)
    f = np.array([facts[i] for i in ids], dtype=np.int64)
    both = g * (int(f.max()) + 1) + f
    tp, pred, true = pairs_in_same(both), pairs_in_same(g), pairs_in_same(f)
    p = tp / pred if pred else 1.0
    r = tp / true if true else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


# ------------------------------------------------------------------------------------------ the baseline


def compare_with_all_pairs(claims: list[Claim], grouping, n: int, t_group: float, args) -> None:
    """Time all-pairs cdist on a sample and check what blocking and clustering do with all-pairs links."""
    # the sample: every claim of randomly chosen stories, so it holds the pairs that matter
    rng = random.Random(args.seed + 1)
    story_of = [c.article.split("-", 1)[0] for c in claims]
    count = Counter(story_of)
    stories = sorted(count)
    rng.shuffle(stories)
    chosen: set[str] = set()
    total = 0
    for s in stories:
        if total >= args.sample:
            break
        chosen.add(s)
        total += count[s]

    prepared = G._prepare(claims)  # the same words, rarities and stories as the full run
    order = {cid: k for k, cid in enumerate(prepared.ids)}
    sample = np.array(sorted(order[c.id] for c, s in zip(claims, story_of) if s in chosen), dtype=np.int64)
    m = len(sample)
    ctx = prepared.context[sample]
    t0 = time.perf_counter()
    process.cdist(ctx, ctx, scorer=fuzz.token_set_ratio, score_cutoff=G.DEFAULT_THRESHOLD, dtype=np.uint8,
                  workers=args.workers)
    t_sample = time.perf_counter() - t0
    t_all = t_sample * (n / m) ** 2
    print(f"all-pairs cdist (token_set_ratio) on {m:,} sampled claims: {t_sample:.2f} s -> {n:,} claims: "
          f"{t_all:,.0f} s (extrapolated: pairs grow as n^2; the text comparison alone, the cheapest part)")
    print(f"speed-up of blocked grouping over all-pairs: {t_all / t_group:,.0f}x  (target >= 50x)")

    # every pair of the sample, scored exactly as the grouping scores pairs
    ia, ib = np.triu_indices(m, k=1)
    scored = G._score_pairs(prepared, sample[ia], sample[ib], G.DEFAULT_TOLERANCE, G.MAX_GAP, args.workers,
                            G.default_model())
    links = (scored.score >= G.DEFAULT_THRESHOLD) & (prepared.article[scored.a] != prepared.article[scored.b])
    la, lb, ls, lg = scored.a[links], scored.b[links], scored.score[links], scored.gap[links]
    ca, cb = G._candidate_pairs(prepared, G.DEFAULT_TOLERANCE)
    found = np.isin(la * len(prepared.ids) + lb, ca * len(prepared.ids) + cb)
    ids = prepared.ids
    together = np.array([grouping.by_claim[ids[x]] == grouping.by_claim[ids[y]]
                         for x, y in zip(la.tolist(), lb.tolist())], dtype=bool)
    print(f"all-pairs links in the sample (same dimension, compatible values, score >= "
          f"{G.DEFAULT_THRESHOLD:g}): {len(la):,}")
    print(f"  found by blocking (scored by the blocked run): {found.mean():.4f}  (target >= 0.99)")
    print(f"  in one group after clustering: {together.mean():.4f}  (the rest are links clustering refuses: "
          f"they would put two different figures of one article in one group, or stretch a group)")
    # the same clustering on all pairs of the sample: does blocking change the groups?
    apart = list(zip(scored.apart_a.tolist(), scored.apart_b.tolist()))
    clusters = G._cluster(prepared, la, lb, ls, lg, [], [], apart, G.DEFAULT_TOLERANCE, G.MAX_GAP)
    in_sample = set(sample.tolist())
    same_pairs = [(x, y) for members in clusters if len(members) > 1
                  for i, x in enumerate(members) for y in members[i + 1:] if x in in_sample and y in in_sample]
    agree = np.mean([grouping.by_claim[ids[x]] == grouping.by_claim[ids[y]] for x, y in same_pairs]) \
        if same_pairs else 1.0
    print(f"  pairs the all-pairs grouping of the sample puts together that the blocked grouping also does: "
          f"{agree:.4f} of {len(same_pairs):,}")


# ---------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=int, default=3000, help="claims in the all-pairs sample")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--no-baseline", action="store_true", help="skip the all-pairs sample (large runs)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    claims, facts = generate(args.claims, args.seed)
    t_gen = time.perf_counter() - t0
    n = len(claims)
    n_articles = len({c.article for c in claims})
    print(f"generated {n:,} claims in {n_articles:,} articles, {len(set(facts.values())):,} facts "
          f"({t_gen:.1f} s, peak RSS so far {peak_rss_mb():,.0f} MB)")
    gc.collect()

    t0 = time.perf_counter()
    grouping = G.group_claims(claims, workers=args.workers)
    t_group = time.perf_counter() - t0
    rss = peak_rss_mb()
    sizes = Counter(g.size for g in grouping.groups)
    print(f"blocked grouping: {t_group:.2f} s, {len(grouping.groups):,} groups "
          f"({sum(v for k, v in sizes.items() if k > 1):,} with 2+ claims, "
          f"{sum(g.discrepant for g in grouping.groups):,} discrepant); peak RSS {rss:,.0f} MB")
    if n >= 1_000_000:
        print(f"  targets at {n:,} claims: under 120 s ({'met' if t_group < 120 else 'MISSED'}) and under "
              f"2,048 MB peak RSS ({'met' if rss < 2048 else 'MISSED'})")
    ids = [c.id for c in claims]
    p, r, f1 = pairwise_against_truth(ids, grouping.by_claim, facts)
    print(f"pairwise against the generator's facts: precision {p:.3f} recall {r:.3f} F1 {f1:.3f}")
    # baselines in the same run: every pair of one kind and unit linked, within each generated story and
    # across the whole corpus (what grouping without any quantity matching would do)
    for scope in ("story", "corpus"):
        base = {c.id: f"{c.article.split('-', 1)[0] if scope == 'story' else ''}|{c.kind.value}|{c.unit}|"
                      f"{c.currency}|{c.per}" for c in claims}
        bp, br, bf = pairwise_against_truth(ids, base, facts)
        print(f"  baseline, all pairs of one kind and unit within one {scope}: precision {bp:.3f} recall "
              f"{br:.3f} F1 {bf:.3f}")
    disputed = [g for g in grouping.groups if len(g.outlets) > 1 and g.spread_pct > 15]
    print(f"  groups of several outlets whose figures spread more than 15%: {len(disputed):,}")

    if args.no_baseline or n > 200_000:
        print("all-pairs comparison skipped (--no-baseline, or more than 200,000 claims: it prepares the claims "
              "a second time)")
    else:
        compare_with_all_pairs(claims, grouping, n, t_group, args)
    print(f"peak memory (RSS, whole process): {peak_rss_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
