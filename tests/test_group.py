"""Grouping near-duplicate claims: table-driven same-fact / different-fact cases, values, overrides, gold set.

Claims are built directly from short news-like articles (the builder finds each surface in the text and
cuts its sentence the way the gold set is read: split on . ! ? and newlines). Each claim carries the
``fact`` it states; a grouping is right when claims share a group exactly when they share a fact.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.errors import WorkbenchError
from workbench.group import (
    DEFAULT_THRESHOLD,
    DuplicateClaimId,
    InvalidClaim,
    OverrideConflict,
    compare,
    context_text,
    group_claims,
    noun_head,
    normalised_value,
    value_interval,
)
from workbench.models import Claim, Kind, LinkKind, Override, Qualifier
from workbench import rates, units

GBP = rates.usd_per_unit("GBP")  # dollars a pound at the latest published rate
# the ECB's reference rate of 11 June 2025 (dollars a euro), as published
EUR_2025_06_11 = 1.1433

_END = re.compile(r"[.!?](?=\s|$)|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding text[start:end] and its offset: split on . ! ? (before a space) and newlines."""
    b, e = 0, len(text)
    for m in _END.finditer(text):
        if m.end() <= start:
            b = m.end()
        elif m.start() >= end:
            e = m.end()
            break
    raw = text[b:e]
    lead = len(raw) - len(raw.lstrip())
    return raw.strip(), b + lead


def build(articles) -> tuple[list[Claim], dict[str, str]]:
    """Claims (and claim id -> fact) from (article id, outlet, text, [(surface, kind, low, fact, {extra})])."""
    claims, facts = [], {}
    for art_id, outlet, text, specs in articles:
        seen: dict[str, int] = {}
        for spec in specs:
            surface, kind, low, fact, *rest = spec
            kw = dict(rest[0]) if rest else {}
            nth = seen.get(surface, 0)
            seen[surface] = nth + 1
            start = -1
            for _ in range(nth + 1):
                start = text.index(surface, start + 1)
            end = start + len(surface)
            sent, s0 = sentence_around(text, start, end)
            c = Claim(article=art_id, start=start, end=end, surface=surface, sentence=sent, kind=Kind(kind),
                      low=float(low), high=float(kw.pop("high", low)), qualifier=Qualifier(kw.pop("q", "exact")),
                      outlet=outlet, sentence_start=s0, **kw)
            claims.append(c)
            facts[c.id] = fact
    return claims, facts


def pairwise(claim_ids, facts: dict[str, str], by_claim: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a grouping against facts (the gold set's grouping metric)."""
    tp = fp = fn = 0
    for x, y in itertools.combinations(sorted(claim_ids), 2):
        same, pred = facts[x] == facts[y], by_claim[x] == by_claim[y]
        tp += same and pred
        fp += pred and not same
        fn += same and not pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def partition(grouping) -> set[frozenset[str]]:
    return {frozenset(g.claim_ids) for g in grouping.groups}


def fact_partition(facts: dict[str, str]) -> set[frozenset[str]]:
    by_fact: dict[str, set[str]] = {}
    for cid, f in facts.items():
        by_fact.setdefault(f, set()).add(cid)
    return {frozenset(s) for s in by_fact.values()}


# ------------------------------------------------------------------------------ same fact / different fact

# Each case: small articles from different outlets; claims sharing a fact label must share a group and no
# others. Traps: alike sentences with different figures, the same figure in unrelated stories, the same
# figure twice in one article for two facts, different currencies, different rates.
CASES = {
 "troops": [
  ("t-1", "Border Watch", "Satellite images show 94,300 troops massed at the border near Valsk, the defence ministry said. "
   "Officials fear an offensive involving up to 175,000 troops by the spring.",
   [("94,300 troops", "count", 94300, "border", {"noun": "troops"}),
    ("up to 175,000 troops", "count", 175000, "offensive", {"noun": "troops", "q": "upper_bound"})]),
  ("t-2", "Evening Post", "Nearly 100,000 troops are now stationed at the border near Valsk, according to the defence ministry.",
   [("Nearly 100,000 troops", "count", 100000, "border", {"noun": "troops", "q": "upper_bound"})])],
 "area": [
  ("a-1", "Hill Courier", "A wildfire near Ostrava Hills has burned 12,500 hectares of pine forest, the fire service said.",
   [("12,500 hectares", "measure", 12500, "fire", {"unit": "hectare"})]),
  ("a-2", "Regional News", "Firefighters say the Ostrava Hills blaze now covers 125 square kilometres of forest.",
   [("125 square kilometres", "measure", 125, "fire", {"unit": "square kilometre"})]),
  ("a-3", "Nature Weekly", "The new national park will cover 125 square kilometres of wetland on the Sarn estuary.",
   [("125 square kilometres", "measure", 125, "park", {"unit": "square kilometre"})])],
 "duration": [
  ("d-1", "Wire", "President Alvarez and Chancellor Brandt spoke by phone for 45 minutes on Tuesday about the grain corridor.",
   [("45 minutes", "duration", 45, "call", {"unit": "minute"})]),
  ("d-2", "Daily", "The call between Alvarez and Brandt lasted three-quarters of an hour and focused on the grain corridor, aides said.",
   [("three-quarters of an hour", "duration", 0.75, "call", {"unit": "hour"})])],
 "ratio": [
  ("r-1", "Tarnby Star", "One in four households in Tarnby now relies on food banks, a charity survey found.",
   [("One in four", "ratio", 0.25, "foodbank", {"noun": "households"})]),
  ("r-2", "North Mail", "A survey by the charity found that 25% of Tarnby households rely on food banks.",
   [("25%", "percent", 25, "foodbank")])],
 # one story, one figure, two different things counted, neither report naming the other's: two facts
 "different-things-counted": [
  ("n-1", "Coast Radio", "Ferry strike\n\nSome 2,400 passengers were stranded at Pellow harbour on Monday as ferry "
   "crews walked out over pay. The strike is the third this year.",
   [("Some 2,400", "count", 2400, "stranded", {"noun": "passengers", "q": "approx"})]),
  ("n-2", "Port Gazette", "Pellow harbour strike\n\nAbout 2,400 cars queued at Pellow harbour on Monday as ferry "
   "crews walked out over pay, the port said.",
   [("About 2,400", "count", 2400, "queued", {"noun": "cars", "q": "approx"})])],
 # one fact counted by two words, one report using the other's word too: one fact
 "same-fact-counted-by-other-words": [
  ("w-1", "Steel News", "Steel plant to close\n\nThe Corby Vale steelworks will close next year with the loss of "
   "1,800 jobs, its owner said.",
   [("1,800 jobs", "count", 1800, "closure", {"noun": "jobs"})]),
  ("w-2", "Midland Post", "Corby Vale closure\n\nSome 1,800 steelworkers will lose their jobs when the Corby Vale "
   "plant shuts next year.",
   [("Some 1,800", "count", 1800, "closure", {"noun": "steelworkers", "q": "approx"})])],
 # one repair's cost in two currencies is one quantity: the figures are compared in dollars, and £48m against
 # $48m is a discrepancy (a currency written wrongly is a classic error), not two facts
 "currency": [
  ("c-1", "City Paper", "The Harbour Bridge repair will cost £48m, the city council said.",
   [("£48m", "money", 48e6, "repair", {"currency": "GBP"})]),
  ("c-2", "Wire", "The Harbour Bridge repair will cost $48m, according to council documents.",
   [("$48m", "money", 48e6, "repair", {"currency": "USD"})])],
 "rates": [
  ("p-1", "Port Gazette", "Economists say the Eastmouth port strike is costing the economy £48m a day.",
   [("£48m a day", "money", 48e6, "cost", {"currency": "GBP", "per": "day"})]),
  ("p-2", "Business Desk", "The Eastmouth port strike costs the economy £336m a week, economists estimate. The port made £48m a year before the strike.",
   [("£336m a week", "money", 336e6, "cost", {"currency": "GBP", "per": "week"}),
    ("£48m a year", "money", 48e6, "profit", {"currency": "GBP", "per": "year"})])],
 "temperature": [
  ("h-1", "Weather Desk", "Temperatures reached 41.2C in Seville on Friday, a new record for the city.",
   [("41.2C", "measure", 41.2, "peak", {"unit": "celsius"})]),
  ("h-2", "US Wire", "The thermometer touched 106.2F in Seville on Friday, a record for the city.",
   [("106.2F", "measure", 106.2, "peak", {"unit": "fahrenheit"})])],
 "grid": [
  ("g-1", "Energy Times", "Grid demand in Norland reached 9.6 GW on Monday, beating the previous record of 9.1 GW set in 2019.",
   [("9.6 GW", "measure", 9.6, "peak", {"unit": "gigawatt"}), ("9.1 GW", "measure", 9.1, "previous", {"unit": "gigawatt"})]),
  ("g-2", "Norland Post", "Peak demand in Norland hit 9.6 gigawatts on Monday evening, the grid operator said.",
   [("9.6 gigawatts", "measure", 9.6, "peak", {"unit": "gigawatt"})])],
 "headline": [
  ("hl-1", "Rail Desk", "Council approves £66bn rail plan\n\nThe council approved the £66bn plan on Monday after a long debate. "
   "An earlier estimate was £55.7bn.",
   [("£66bn", "money", 66e9, "cost", {"currency": "GBP"}), ("£66bn", "money", 66e9, "cost", {"currency": "GBP"}),
    ("£55.7bn", "money", 55.7e9, "earlier", {"currency": "GBP"})])],
 "twofacts": [
  ("n-1", "Care Today", "Waiting lists at Southmere hospitals rose by 4% in a year. Nurses have been offered a 4% pay rise.",
   [("4%", "percent", 4, "lists"), ("4%", "percent", 4, "pay")]),
  ("n-2", "Southmere Standard", "Nurses at Southmere hospitals rejected a 4 per cent pay offer on Monday.",
   [("4 per cent", "percent", 4, "pay")])],
 "names": [
  ("m-1", "Market Wire", "Dunbroley Corp will cut 1,200 jobs, the company said. Shares in Dunbroley Corp fell 4% on the news.",
   [("1,200 jobs", "count", 1200, "dunbroley", {"noun": "jobs"})]),
  ("m-2", "Business Post", "Easthalby Corp will cut 1,200 jobs, the company said. Shares in Easthalby Corp fell 2% on the news.",
   [("1,200 jobs", "count", 1200, "easthalby", {"noun": "jobs"})]),
  ("m-3", "City Times", "Dunbroley Corp plans to shed about 1,200 jobs. Shares in Dunbroley Corp slipped.",
   [("about 1,200 jobs", "count", 1200, "dunbroley", {"noun": "jobs", "q": "approx"})])],
 "sources": [
  ("w-1", "Vale Post", "The Environment Agency said 120mm of rain fell on Marlow Vale in 24 hours.",
   [("120mm", "measure", 120, "rain", {"unit": "millimetre", "attribution": "Environment Agency"})]),
  ("w-2", "Northern Echo", "Almost five inches of rain fell on Marlow Vale in a day, the Met Office said.",
   [("Almost five inches", "measure", 5, "rain", {"unit": "inch", "q": "upper_bound", "attribution": "Met Office"})])],
 "nouns": [
  ("s-1", "Rovers Weekly", "Harlow Rovers played in front of 12,000 fans on Saturday.",
   [("12,000 fans", "count", 12000, "fans", {"noun": "fans"})]),
  ("s-2", "Port Gazette", "About 12,000 containers were stranded at Eastmouth port on Saturday.",
   [("About 12,000 containers", "count", 12000, "containers", {"noun": "containers", "q": "approx"})])],
 # two figures of one sentence written alike are two facts, even when they are close
 "one-sentence": [
  ("os-1", "Money Desk", "The state pension age rises from 66 to 67 between 2026 and 2028. The Treasury expects to "
   "save £10bn a year.",
   [("66", "count", 66, "old-age"), ("67", "count", 67, "new-age"),
    ("£10bn a year", "money", 10e9, "saving", {"currency": "GBP", "per": "year"})]),
  ("os-2", "Retirement Weekly", "Workers will have to wait until 67 for their state pension from 2028, which the "
   "Treasury says will save £10bn a year.",
   [("67", "count", 67, "new-age"), ("£10bn a year", "money", 10e9, "saving", {"currency": "GBP", "per": "year"})])],
 # a hedge does not let one article's figure swallow its other figure
 "hedged-neighbour": [
  ("hn-1", "Schools Week", "Top grades dip to 27.2%\n\nSome 27.2% of entries were awarded the top grade this year, "
   "down from 27.6%, the exams regulator said.",
   [("27.2%", "percent", 27.2, "this-year"), ("Some 27.2%", "percent", 27.2, "this-year", {"q": "approx"}),
    ("27.6%", "percent", 27.6, "last-year")])],
 # ... but the same figure in another unit, in one sentence, is one fact
 "converted-in-sentence": [
  ("cs-1", "Health Wire", "The extra £85m a year promised by ministers works out at about £1.6m a week.",
   [("£85m a year", "money", 85e6, "funding", {"currency": "GBP", "per": "year"}),
    ("about £1.6m a week", "money", 1.6e6, "funding", {"currency": "GBP", "per": "week", "q": "approx"})])],
 # a headline rounds the body's figure: one fact
 "rounded-headline": [
  ("rh-1", "Treasury Times", "Treasury sets £2.5bn flood budget\n\nThe Treasury has set aside £2.48bn for flood "
   "defences, up from £2.1bn last year.",
   [("£2.5bn", "money", 2.5e9, "budget", {"currency": "GBP"}),
    ("£2.48bn", "money", 2.48e9, "budget", {"currency": "GBP"}),
    ("£2.1bn", "money", 2.1e9, "last-year", {"currency": "GBP"})])],
}


# Stories told by one outlet each, side by side: the same figure of the same kind in unrelated stories, with
# the traps such a corpus sets — articles on one subject share its words ("airline", "passengers", "delays"),
# round figures recur ("a quarter", "a year", "45 minutes"), a statistics office or a big firm turns up in
# several stories. None of these may join claims of different stories.
CROSS_STORY_TRAPS = {
 "one-subject": [
  ("x1-a", "Air Ledger", "Norvik Air to cut 1,800 jobs\n\nNorvik Air will cut 1,800 jobs, roughly 9% of its staff, "
   "after a full-year loss of $410m. The airline flew 21 million passengers and will delay delivery of new jets.",
   [("roughly 9%", "percent", 9, "norvik-share", {"q": "approx"}),
    ("1,800 jobs", "count", 1800, "norvik-jobs", {"noun": "jobs"})]),
  ("x1-b", "Transit Review", "Airport rail link opens\n\nRidership on the airport rail link is up 9% to 1.2 million "
   "passengers a month, and delays to airline passengers fell, the operator said.",
   [("9%", "percent", 9, "link-ridership")])],
 "round-figures": [
  ("x2-a", "Evening Chronicle", "Library visits fall\n\nVisits to public libraries fell 7% in the 12 months to March. "
   "One in four branches now opens on fewer than three days.",
   [("12 months", "duration", 12, "libraries-period", {"unit": "month"}),
    ("One in four", "ratio", 0.25, "libraries-branches", {"noun": "branches"})]),
  ("x2-b", "Family Post", "School meals survey\n\nHelp requests from families rose by a quarter on the year, and "
   "one in five parents waited more than a year for a reply.",
   [("a quarter", "ratio", 0.25, "meals-rise"), ("more than a year", "duration", 1, "meals-wait",
                                                  {"unit": "year", "q": "lower_bound"})])],
 "shared-source": [
  ("x3-a", "Retail Week", "Retail sales rose 2% in March, the Office for National Statistics said. Online shopping "
   "made up 27% of all sales.",
   [("2%", "percent", 2, "retail-sales", {"attribution": "Office for National Statistics"}),
    ("27%", "percent", 27, "retail-online")]),
  ("x3-b", "Jobs Daily", "Youth unemployment rose 2% on the quarter, according to the Office for National Statistics. "
   "Some 27% of young people are not in work or study.",
   [("2%", "percent", 2, "youth-unemployment", {"attribution": "Office for National Statistics"}),
    ("Some 27%", "percent", 27, "youth-inactive", {"q": "approx"})])],
 "shared-firm": [
  ("x4-a", "Rail Desk", "Eastline rail costs rise to £41bn\n\nThe cost of the Eastline rail project rose to £41bn, "
   "and ministers blamed inflation of almost 9%. Separately, carriers ordered 60 Vantor jets in June.",
   [("£41bn", "money", 41e9, "eastline-cost", {"currency": "GBP"}),
    ("almost 9%", "percent", 9, "eastline-inflation", {"q": "upper_bound"}),
    ("60 Vantor jets", "count", 60, "carriers-order", {"noun": "jets"})]),
  ("x4-b", "Aviation Daily", "Carrier orders 12 Vantor jets\n\nSkyhall ordered 12 Vantor jets worth $1.4bn. Bus "
   "ridership on its airport routes is up 9% to 800,000 passengers a week.",
   [("12 Vantor jets", "count", 12, "skyhall-order", {"noun": "jets"}),
    ("12 Vantor jets", "count", 12, "skyhall-order", {"noun": "jets"}),
    ("9%", "percent", 9, "skyhall-ridership")])],
 "two-coincidences": [
  ("x5-a", "Harbour News", "New ferry service\n\nThe ferry crossing will take 45 minutes, and the service opens 18 "
   "months late. A single ticket costs £12.",
   [("45 minutes", "duration", 45, "ferry-crossing", {"unit": "minute"}),
    ("18 months", "duration", 18, "ferry-delay", {"unit": "month"})]),
  ("x5-b", "Health Bulletin", "Hospital parking\n\nVisitors wait three-quarters of an hour for a parking space, and "
   "the new car park is a year and a half behind schedule.",
   [("three-quarters of an hour", "duration", 0.75, "parking-wait", {"unit": "hour"}),
    ("a year and a half", "duration", 1.5, "parking-delay", {"unit": "year"})])],
 # one article gives two figures twice, the second time in an aside on another subject: the story's own
 # sentence joins the other reports, the aside (which counts other things) stays apart though it reads alike
 "aside-with-the-same-figures": [
  ("k-1", "Lakeside Herald", "Tunnel fire kills 14\n\nAt least 14 people died when fire swept through the Kessel "
   "rail tunnel on Friday night, officials said. About 300 passengers were on the train at the time. Repairs are "
   "expected to cost £60m and take 18 months. The tunnel, opened in 1971, is used by some 25,000 passengers on "
   "a typical weekday.",
   [("At least 14", "count", 14, "dead", {"noun": "people", "q": "lower_bound"}),
    ("About 300", "count", 300, "on-board", {"noun": "passengers", "q": "approx"}),
    ("£60m", "money", 60e6, "repair-cost", {"currency": "GBP"}),
    ("some 25,000", "count", 25000, "riders", {"noun": "passengers", "q": "approx"})]),
  ("k-2", "Valley Times", "Kessel tunnel death toll rises to 16\n\nThe death toll from Friday's fire in the "
   "Kessel tunnel has risen to 16, rescuers said. Nearly 300 passengers were led out of the burning train. "
   "Engineers put the cost of repairs at £55m to £65m. Around 25,000 passengers use the line on a normal "
   "weekday.",
   [("Nearly 300", "count", 300, "on-board", {"noun": "passengers", "q": "upper_bound"}),
    ("£55m to £65m", "money", 55e6, "repair-cost", {"currency": "GBP", "high": 65e6, "q": "range"}),
    ("Around 25,000", "count", 25000, "riders", {"noun": "passengers", "q": "approx"})]),
  ("k-3", "National Wire", "Fourteen dead in Kessel tunnel blaze\n\nAt least 14 people were confirmed dead after "
   "the fire in the Kessel tunnel. The government has set aside £60 million to restore the line. Separately, "
   "the city's new arena will hold 25,000 fans and cost £60m, its owners said.",
   [("At least 14", "count", 14, "dead", {"noun": "people", "q": "lower_bound"}),
    ("£60 million", "money", 60e6, "repair-cost", {"currency": "GBP"}),
    ("25,000 fans", "count", 25000, "arena-seats", {"noun": "fans"}),
    ("£60m", "money", 60e6, "arena-cost", {"currency": "GBP"})])],
 "same-count-two-strikes": [
  ("x6-a", "Port Gazette", "Some 4,000 dockworkers at Harlby port walked out on Monday over pay.",
   [("Some 4,000", "count", 4000, "harlby-strike", {"noun": "dockworkers", "q": "approx"})]),
  ("x6-b", "Metro Voice", "About 4,000 bus drivers in Tenmouth walked out on Monday over pay.",
   [("About 4,000", "count", 4000, "tenmouth-strike", {"noun": "bus drivers", "q": "approx"})]),
  ("x6-c", "City Wire", "The Harlby port strike by 4,000 workers has halted shipping for a second day.",
   [("4,000 workers", "count", 4000, "harlby-strike", {"noun": "workers"})])],
}


# Facts whose group must (True) or must not (False) be flagged as discrepant.
DISCREPANT = {
    "troops": {"border": True},  # 94,300 vs "nearly 100,000": 97,000 is still 2.9% away
    "rates": {"cost": False},  # £48m a day is £336m a week
    "currency": {"repair": True},  # £48m is more than $48m at any rate of this century
    "temperature": {"peak": False},  # 106.2F is 41.2C
    "area": {"fire": False},
    "duration": {"call": False},
    "sources": {"rain": True},  # 120mm vs "almost five inches" (123-127mm)
}


# Cases the fitted pair model gets wrong (kept, and expected to fail until it gets them right): none today
# (an aside on another subject that repeats a figure of the story was one until the model of 2026-12-04).
KNOWN_MISSES: set[str] = set()


def _case(name):
    mark = pytest.mark.xfail(strict=True, reason="the fitted pair model misses this case") if name in KNOWN_MISSES else ()
    return pytest.param(name, marks=mark)


@pytest.mark.parametrize("name", [_case(n) for n in sorted(CASES)])
def test_same_fact_shares_a_group_and_different_facts_do_not(name):
    claims, facts = build(CASES[name])
    grouping = group_claims(claims)
    assert partition(grouping) == fact_partition(facts)


@pytest.mark.parametrize("name", [_case(n) for n in sorted(CROSS_STORY_TRAPS)])
def test_the_same_figure_in_unrelated_stories_is_not_grouped(name):
    claims, facts = build(CROSS_STORY_TRAPS[name])
    grouping = group_claims(claims)
    assert partition(grouping) == fact_partition(facts)


@pytest.mark.parametrize("name,fact,expected", [(n, f, e) for n, d in sorted(DISCREPANT.items()) for f, e in d.items()])
def test_discrepancy_flag(name, fact, expected):
    claims, facts = build(CASES[name])
    grouping = group_claims(claims)
    (group,) = [g for g in grouping.groups if facts[g.claim_ids[0]] == fact]
    assert group.discrepant is expected


# A held-out style set written for these tests: four stories told by two or three outlets each and a
# sports report, with figures that differ between outlets and figures that coincide across stories.
HELD_OUT = [
 ("flood-1", "Vale Post",
  "Floods force 2,000 from homes in Marlow Vale\n\nAbout 2,000 residents were evacuated from Marlow Vale on Tuesday after "
  "the River Alder burst its banks. The Environment Agency said 120mm of rain fell in 24 hours, more than the usual monthly "
  "total. Insurers estimate the damage at £25m, and 340 properties were flooded. Water levels rose by 3.2 metres overnight.",
  [("2,000", "count", 2000, "flood-evacuated"),
   ("About 2,000", "count", 2000, "flood-evacuated", {"q": "approx", "noun": "residents"}),
   ("120mm", "measure", 120, "flood-rain", {"unit": "millimetre", "attribution": "Environment Agency"}),
   ("24 hours", "duration", 24, "flood-rain-period", {"unit": "hour", "attribution": "Environment Agency"}),
   ("£25m", "money", 25e6, "flood-damage", {"currency": "GBP"}),
   ("340 properties", "count", 340, "flood-flooded", {"noun": "properties"}),
   ("3.2 metres", "measure", 3.2, "flood-level", {"unit": "metre"})]),
 ("flood-2", "Northern Echo Daily",
  "River Alder floods: 340 homes under water\n\nSome 1,900 people had to leave their homes as the River Alder rose 3.2m in "
  "a single night. Almost five inches of rain fell in a day, the Met Office said. The clean-up bill could top £25 million, "
  "according to the Association of British Insurers.",
  [("340 homes", "count", 340, "flood-flooded", {"noun": "homes"}),
   ("Some 1,900", "count", 1900, "flood-evacuated", {"q": "approx", "noun": "people"}),
   ("3.2m", "measure", 3.2, "flood-level", {"unit": "metre"}),
   ("Almost five inches", "measure", 5, "flood-rain", {"unit": "inch", "q": "upper_bound", "attribution": "Met Office"}),
   ("£25 million", "money", 25e6, "flood-damage", {"currency": "GBP", "q": "lower_bound",
                                                   "attribution": "Association of British Insurers"})]),
 ("flood-3", "National Desk",
  "Thousands evacuated as Marlow Vale floods\n\nEmergency services moved 2,100 residents to safety. Rainfall reached 120 "
  "millimetres, and the river peaked 3.5 metres above its normal level. Damage is put at £24.6m. Local schools will stay "
  "closed for two weeks.",
  [("2,100 residents", "count", 2100, "flood-evacuated", {"noun": "residents"}),
   ("120 millimetres", "measure", 120, "flood-rain", {"unit": "millimetre"}),
   ("3.5 metres", "measure", 3.5, "flood-level", {"unit": "metre"}),
   ("£24.6m", "money", 24.6e6, "flood-damage", {"currency": "GBP"}),
   ("two weeks", "duration", 2, "flood-schools", {"unit": "week"})]),
 ("korvex-1", "Market Journal",
  "Korvex revenue rises 4% to $12.4bn\n\nKorvex said revenue rose 4% to $12.4bn in the third quarter, while net profit fell "
  "to $1.1bn. The company will cut 1,200 jobs, about 4% of its workforce. Its shares fell 6.5% in early trading.",
  [("4%", "percent", 4, "korvex-growth"),
   ("$12.4bn", "money", 12.4e9, "korvex-revenue", {"currency": "USD"}),
   ("4%", "percent", 4, "korvex-growth"),
   ("$12.4bn", "money", 12.4e9, "korvex-revenue", {"currency": "USD"}),
   ("$1.1bn", "money", 1.1e9, "korvex-profit", {"currency": "USD"}),
   ("1,200 jobs", "count", 1200, "korvex-jobs", {"noun": "jobs"}),
   ("about 4%", "percent", 4, "korvex-workforce-share", {"q": "approx"}),
   ("6.5%", "percent", 6.5, "korvex-shares")]),
 ("korvex-2", "Tech Ledger",
  "Korvex to shed 1,200 staff as quarterly sales climb\n\nKorvex will lay off about 1,200 employees after sales increased "
  "4 per cent to $12.4 billion. Profit dropped to $1.1 billion. The stock slid 6% on the news.",
  [("1,200 staff", "count", 1200, "korvex-jobs", {"noun": "staff"}),
   ("about 1,200", "count", 1200, "korvex-jobs", {"q": "approx", "noun": "employees"}),
   ("4 per cent", "percent", 4, "korvex-growth"),
   ("$12.4 billion", "money", 12.4e9, "korvex-revenue", {"currency": "USD"}),
   ("$1.1 billion", "money", 1.1e9, "korvex-profit", {"currency": "USD"}),
   ("6%", "percent", 6, "korvex-shares")]),
 ("korvex-3", "City Business",
  "Korvex cuts jobs\n\nThe firm's quarterly revenue of $12.4bn was 4% higher than a year earlier. It plans to cut 1,200 "
  "roles. Korvex employs about 30,000 people worldwide.",
  [("$12.4bn", "money", 12.4e9, "korvex-revenue", {"currency": "USD"}),
   ("4%", "percent", 4, "korvex-growth"),
   ("1,200 roles", "count", 1200, "korvex-jobs", {"noun": "roles"}),
   ("about 30,000", "count", 30000, "korvex-headcount", {"q": "approx", "noun": "people"})]),
 ("vote-1", "Dunholt Gazette",
  "Turnout hits 64% in Dunholt mayoral race\n\nTurnout in the Dunholt mayoral election reached 64%, up from 58% four years "
  "ago. Green candidate Ana Ruiz won with 52% of the vote, a margin of 3,400 votes. About 41,000 ballots were cast.",
  [("64%", "percent", 64, "vote-turnout"),
   ("64%", "percent", 64, "vote-turnout"),
   ("58%", "percent", 58, "vote-turnout-before"),
   ("52%", "percent", 52, "vote-share"),
   ("3,400 votes", "count", 3400, "vote-margin", {"noun": "votes"}),
   ("About 41,000", "count", 41000, "vote-ballots", {"q": "approx", "noun": "ballots"})]),
 ("vote-2", "Radio North",
  "Ruiz elected Dunholt mayor with 52 per cent\n\nAna Ruiz took 52 per cent of the vote on a turnout of 63.8 per cent. "
  "Her majority was 3,412. Some 41,200 people voted.",
  [("52 per cent", "percent", 52, "vote-share"),
   ("52 per cent", "percent", 52, "vote-share"),
   ("63.8 per cent", "percent", 63.8, "vote-turnout"),
   ("3,412", "count", 3412, "vote-margin"),
   ("Some 41,200", "count", 41200, "vote-ballots", {"q": "approx", "noun": "people"})]),
 ("vote-3", "Valley Times",
  "Dunholt voters back Ruiz\n\nRuiz won 52% of votes cast, beating the incumbent by about 3,400. Turnout was 64 percent, "
  "the highest in two decades.",
  [("52%", "percent", 52, "vote-share"),
   ("about 3,400", "count", 3400, "vote-margin", {"q": "approx"}),
   ("64 percent", "percent", 64, "vote-turnout"),
   ("two decades", "duration", 2, "vote-record", {"unit": "decade"})]),
 ("nhs-1", "Care Today",
  "Southmere waiting list tops 52,000\n\nMore than 52,000 patients are waiting for treatment at Southmere hospitals, a rise "
  "of 4% in a year. Nurses have been offered a 4% pay rise, below inflation of 4.6%. The average wait is 18 weeks.",
  [("52,000", "count", 52000, "nhs-list", {"q": "lower_bound"}),
   ("More than 52,000", "count", 52000, "nhs-list", {"q": "lower_bound", "noun": "patients"}),
   ("4%", "percent", 4, "nhs-list-growth"),
   ("4%", "percent", 4, "nhs-pay"),
   ("4.6%", "percent", 4.6, "nhs-inflation"),
   ("18 weeks", "duration", 18, "nhs-wait", {"unit": "week"})]),
 ("nhs-2", "Southmere Standard",
  "Patients wait 18 weeks on average\n\nThe waiting list at Southmere has grown to 52,300, official figures show. Nurses "
  "rejected a 4 per cent pay offer. Inflation stands at 4.6 per cent.",
  [("18 weeks", "duration", 18, "nhs-wait", {"unit": "week"}),
   ("52,300", "count", 52300, "nhs-list"),
   ("4 per cent", "percent", 4, "nhs-pay"),
   ("4.6 per cent", "percent", 4.6, "nhs-inflation")]),
 ("sport-1", "Rovers Weekly",
  "Rovers win in front of 12,000\n\nHarlow Rovers beat Kingsford in front of 12,000 fans. Striker Leo Marsh has now scored "
  "18 goals in 24 games. The club's £4m stadium upgrade will add 2,000 seats.",
  [("12,000", "count", 12000, "sport-fans"),
   ("12,000 fans", "count", 12000, "sport-fans", {"noun": "fans"}),
   ("18 goals", "count", 18, "sport-goals", {"noun": "goals"}),
   ("24 games", "count", 24, "sport-games", {"noun": "games"}),
   ("£4m", "money", 4e6, "sport-upgrade", {"currency": "GBP"}),
   ("2,000 seats", "count", 2000, "sport-seats", {"noun": "seats"})]),
]



def test_held_out_style_articles_group_with_high_pairwise_f1():
    claims, facts = build(HELD_OUT)
    grouping = group_claims(claims)
    p, r, f1 = pairwise(facts, facts, grouping.by_claim)
    # values no longer gate a link (one quantity's figures may differ widely), so a trap may now and then
    # join two facts: precision at least 0.95, not 1, and F1 at least 0.94 (0.948 measured), not 0.95
    assert p >= 0.95, (p, r, f1)
    assert f1 >= 0.94, (p, r, f1)


def test_outlets_that_disagree_are_grouped_and_flagged():
    claims, facts = build(HELD_OUT)
    grouping = group_claims(claims)
    by_fact = {facts[g.claim_ids[0]]: g for g in grouping.groups}
    evacuated = by_fact["flood-evacuated"]  # "About 2,000", "Some 1,900", "2,100 residents"
    assert len(evacuated.outlets) == 3 and evacuated.discrepant
    assert evacuated.min_value == 1900 and evacuated.max_value == 2100
    assert evacuated.spread_pct == pytest.approx(200 / 2000 * 100)
    level = by_fact["flood-level"]  # 3.2 metres, 3.2m and 3.5 metres: the same rise, told differently
    assert level.size == 3 and level.discrepant and level.unit == "metre"
    damage = by_fact["flood-damage"]  # £25m, "could top £25 million", £24.6m
    assert damage.size == 3 and not damage.discrepant
    assert damage.currency == "GBP"
    # triage order: discrepant groups of several outlets first, then more outlets, then the larger spread
    keys = [(not (g.discrepant and len(g.outlets) > 1), -len(g.outlets), -g.spread_pct) for g in grouping.groups]
    assert keys == sorted(keys)
    assert grouping.groups[0] is evacuated


# --------------------------------------------------------------------------------------------- values


def claim(kind="count", low=1.0, high=None, *, article="a", start=0, surface="1", sentence="1 thing.", **kw):
    q = kw.pop("q", "exact")
    return Claim(article=article, start=start, end=start + len(surface), surface=surface, sentence=sentence,
                 kind=Kind(kind), low=float(low), high=float(low if high is None else high),
                 qualifier=Qualifier(q), **kw)


@pytest.mark.parametrize(
    "kind,low,extra,dim,base",
    [
        ("count", 4200, {}, "count", 4200),
        ("percent", 25, {}, "fraction", 0.25),
        ("ratio", 0.25, {}, "fraction", 0.25),
        ("money", 2.3e9, {"currency": "usd"}, "money", 2.3e9),
        ("money", 5, {}, "money:?", 5),
        ("money", 5e9, {"currency": "NGN"}, "money:NGN", 5e9),  # no published rate: its own dimension
        ("measure", 12500, {"unit": "hectare"}, "area", 1.25e8),
        ("measure", 125, {"unit": "square kilometre"}, "area", 1.25e8),
        ("measure", 1, {"unit": "square miles"}, "area", 2589988.110336),
        ("measure", 10, {"unit": "acres"}, "area", 40468.564224),
        ("duration", 45, {"unit": "minutes"}, "time", 2700),
        ("duration", 0.75, {"unit": "hour"}, "time", 2700),
        ("duration", 2, {"unit": "weeks"}, "time", 1209600),
        ("duration", 1, {"unit": "year"}, "time", 31557600),
        ("measure", 41.2, {"unit": "celsius"}, "temperature", 41.2),
        ("measure", 106.16, {"unit": "fahrenheit"}, "temperature", 41.2),
        ("measure", 314.35, {"unit": "kelvin"}, "temperature", 41.2),
        ("measure", 9.6, {"unit": "gigawatt"}, "power", 9.6e9),
        ("measure", 9.6, {"unit": "GW"}, "power", 9.6e9),
        ("measure", 500, {"unit": "megawatts"}, "power", 5e8),
        ("measure", 3, {"unit": "miles"}, "length", 4828.032),
        ("measure", 4.8, {"unit": "kilometres"}, "length", 4800),
        ("measure", 2, {"unit": "tonnes"}, "mass", 2000),
        ("measure", 2000, {"unit": "kg"}, "mass", 2000),
        ("measure", 7, {"unit": "furlong"}, "unit:furlong", 7),
        ("money", 48e6, {"currency": "GBP", "per": "day"}, "money/time", 48e6 / 86400 * GBP),
        ("money", 336e6, {"currency": "GBP", "per": "a week"}, "money/time", 48e6 / 86400 * GBP),
        ("money", 17.52e9, {"currency": "GBP", "per": "annually"}, "money/time", 17.52e9 / 31557600 * GBP),
        ("money", 30, {"currency": "GBP", "per": "per person"}, "money/person", 30 * GBP),
        ("money", 30, {"currency": "EUR", "published": "2025-06-11"}, "money", 30 * EUR_2025_06_11),
    ],
)
def test_normalised_value_in_base_units(kind, low, extra, dim, base):
    d, lo, hi = normalised_value(claim(kind, low, **extra))
    assert d == dim
    assert lo == pytest.approx(base, rel=1e-3) and hi == pytest.approx(base, rel=1e-3)


def test_normalised_value_keeps_a_range_in_order():
    d, lo, hi = normalised_value(claim("money", 600, 250, currency="EUR"))
    rate = rates.usd_per_unit("EUR")
    assert (d, lo, hi) == ("money", 250 * rate, 600 * rate)


@pytest.mark.parametrize(
    "q,low,expected",
    [
        ("exact", 100, (100, 100)),
        ("approx", 100, (97, 103)),
        ("lower_bound", 100, (100, 103)),  # "more than 100"
        ("upper_bound", 100, (97, 100)),  # "nearly 100"
    ],
)
def test_a_hedge_widens_the_value_in_its_direction(q, low, expected):
    _, lo, hi = value_interval(claim("count", low, q=q))
    assert (lo, hi) == pytest.approx(expected)


@pytest.mark.parametrize(
    "written,canonical",
    [("hectares", "hectare"), ("square kilometres", "square kilometre"), ("square kilometers", "square kilometre"),
     ("km²", "square kilometre"), ("sq km", "square kilometre"), ("degree Celsius", "celsius"),
     ("degrees Fahrenheit", "fahrenheit"), ("°C", "celsius"), ("GW", "gigawatt"), ("gigawatts", "gigawatt"),
     ("hrs", "hour"), ("minutes", "minute"), ("feet", "foot"), ("kilowatt-hours", "kilowatt hour"),
     ("miles an hour", "mile per hour"), ("centuries", "century"), ("metres", "metre"), ("meters", "metre")],
)
def test_units_are_read_in_their_usual_forms(written, canonical):
    assert units.canonical_unit(written) == canonical
    assert units.lookup(written) is units.UNITS[canonical]


@pytest.mark.parametrize("per,seconds", [("day", 86400), ("a day", 86400), ("each day", 86400), ("daily", 86400),
                                         ("per hour", 3600), ("annually", 31557600), ("person", None), (None, None)])
def test_time_per(per, seconds):
    assert units.time_seconds(per) == seconds


# ----------------------------------------------------------------------------------------------- text


def test_context_drops_the_number_and_normalises():
    c = claim("money", 48e6, surface="£48m a day", start=71, currency="GBP", per="day",
              sentence="The British Ports Association estimates the strike will cost the regional economy £48m a day.")
    assert context_text(c) == "british port association estimate strike cost regional economy"


@pytest.mark.parametrize("noun,head", [("Russian troops", "troop"), ("containers", "container"),
                                       ("port workers", "worker"), ("households", "household"),
                                       ("people", "people"), (None, None), ("", None)])
def test_noun_head(noun, head):
    assert noun_head(noun) == head


def test_compare_scores_the_same_fact_above_the_default_threshold_and_incompatible_numbers_zero():
    claims, facts = build(CASES["troops"])
    by_fact = {}
    for c in claims:
        by_fact.setdefault(facts[c.id], []).append(c)
    a, b = by_fact["border"]
    assert compare(a, b, others=claims) >= 45
    # another figure of the same article is scored (one article may give one quantity twice), and this one,
    # the forces an offensive may involve, scores well below a link
    assert compare(a, by_fact["offensive"][0], others=claims) < DEFAULT_THRESHOLD / 2
    # figures that cannot be one quantity: of other dimensions, or tenfold apart
    area, _ = build(CASES["area"])
    assert compare(a, area[0], others=[*claims, *area]) == 0.0
    tenfold = replace(b, low=b.low * 20, high=b.high * 20)
    assert compare(a, tenfold, others=[c for c in claims if c.id != b.id]) == 0.0


# ------------------------------------------------------------------------------------------ overrides


def _flood():
    claims, facts = build(HELD_OUT[:3])
    return claims, facts, group_claims(claims)


def test_a_must_link_joins_claims_the_grouping_kept_apart():
    claims, facts, before = _flood()
    ids = {(c.article, c.surface): c.id for c in claims}
    a, b = ids[("flood-1", "120mm")], ids[("flood-3", "2,100 residents")]
    assert before.by_claim[a] != before.by_claim[b]
    after = group_claims(claims, overrides=[Override(LinkKind.MUST, a, b)])
    assert after.by_claim[a] == after.by_claim[b]
    # the reviewer joined a rainfall and a count: the group's members disagree in kind, which is flagged
    (g,) = [g for g in after.groups if a in g.claim_ids]
    assert g.discrepant


def test_a_cannot_link_splits_claims_the_grouping_joined():
    claims, facts, before = _flood()
    ids = {(c.article, c.surface): c.id for c in claims}
    a, b = ids[("flood-1", "£25m")], ids[("flood-3", "£24.6m")]
    assert before.by_claim[a] == before.by_claim[b]
    after = group_claims(claims, overrides=[Override(LinkKind.CANNOT, b, a)])
    assert after.by_claim[a] != after.by_claim[b]


def test_contradicting_overrides_raise_and_name_the_chain():
    claims, _, _ = _flood()
    x, y, z = sorted(c.id for c in claims)[:3]
    overrides = [Override(LinkKind.MUST, x, y), Override(LinkKind.MUST, y, z), Override(LinkKind.CANNOT, z, x)]
    with pytest.raises(OverrideConflict) as err:
        group_claims(claims, overrides=overrides)
    assert isinstance(err.value, WorkbenchError)
    assert err.value.chain == (x, y, z)
    assert f"{x} -> {y} -> {z}" in str(err.value)


def test_a_claim_cannot_be_kept_apart_from_itself():
    claims, _, _ = _flood()
    with pytest.raises(OverrideConflict):
        group_claims(claims, overrides=[Override(LinkKind.CANNOT, claims[0].id, claims[0].id)])


def test_overrides_about_claims_not_in_the_run_are_ignored():
    claims, _, before = _flood()
    after = group_claims(claims, overrides=[Override(LinkKind.MUST, claims[0].id, "elsewhere:1-2"),
                                            Override(LinkKind.CANNOT, "elsewhere:1-2", "elsewhere:3-4")])
    assert partition(after) == partition(before)


# --------------------------------------------------------------------------------------- the result


def test_group_ids_are_stable_and_do_not_depend_on_order():
    claims, _, before = _flood()
    after = group_claims(list(reversed(claims)))
    assert [g.id for g in after.groups] == [g.id for g in before.groups]
    assert all(re.fullmatch(r"g-[0-9a-f]{12}", g.id) for g in before.groups)
    assert before.by_claim == after.by_claim


def test_every_claim_is_in_exactly_one_group_singletons_included():
    claims, facts = build(HELD_OUT)
    grouping = group_claims(claims)
    listed = [cid for g in grouping.groups for cid in g.claim_ids]
    assert sorted(listed) == sorted(c.id for c in claims)
    assert set(grouping.by_claim) == {c.id for c in claims}
    assert any(g.size == 1 for g in grouping.groups)


def test_group_values_are_in_the_representatives_unit():
    claims, facts = build(CASES["area"])
    grouping = group_claims(claims)
    (fire,) = [g for g in grouping.groups if facts[g.claim_ids[0]] == "fire"]
    rep = next(c for c in claims if c.id == fire.representative)
    assert fire.unit == rep.unit
    assert fire.min_value == pytest.approx(rep.low) and fire.max_value == pytest.approx(rep.low)
    assert fire.spread_pct == 0 and fire.outlets == ("Hill Courier", "Regional News")


def test_a_wider_tolerance_accepts_the_discrepancy():
    claims, facts = build(CASES["troops"])
    strict = group_claims(claims)
    loose = group_claims(claims, tolerance=0.1)
    assert partition(strict) == partition(loose)
    assert [g.discrepant for g in loose.groups] == [False, False]


def test_a_higher_threshold_never_joins_more():
    claims, _ = build(HELD_OUT)
    sizes = [len(group_claims(claims, threshold=t).groups) for t in (0, 30, 45, 60, 80, 100)]
    assert sizes == sorted(sizes)


def test_same_claim_twice_is_one_claim_but_two_different_claims_with_one_id_are_refused():
    c = claim("count", 5, article="x", surface="5 votes", sentence="It passed by 5 votes.", start=13)
    assert group_claims([c, c, c.with_group("g-old")]).by_claim == {c.id: group_claims([c]).groups[0].id}
    with pytest.raises(DuplicateClaimId, match="x:13-20"):
        group_claims([c, claim("count", 6, article="x", surface="5 votes", start=13)])


@pytest.mark.parametrize("kw", [{"tolerance": -0.1}, {"tolerance": 2}, {"threshold": 101}, {"threshold": -1}])
def test_bad_settings_are_refused(kw):
    with pytest.raises(ValueError):
        group_claims([claim()], **kw)


def test_no_claims_no_groups():
    g = group_claims([])
    assert g.groups == () and g.by_claim == {}


# -------------------------------------------------------------------------------------------- gold set


def gold_claims(path: Path) -> tuple[list[Claim], dict[str, str], list[dict]]:
    claims, facts, articles = [], {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        articles.append(a)
        for g in a["claims"]:
            sent, s0 = sentence_around(a["text"], g["start"], g["end"])
            c = Claim(article=a["id"], start=g["start"], end=g["end"], surface=g["surface"], sentence=sent,
                      kind=Kind(g["kind"]), low=float(g["low"]), high=float(g.get("high", g["low"])),
                      qualifier=Qualifier(g.get("qualifier", "exact")), currency=g.get("currency"),
                      unit=g.get("unit"), noun=g.get("noun"), per=g.get("per"), outlet=a["outlet"],
                      sentence_start=s0)
            claims.append(c)
            facts[c.id] = g["fact"]
    return claims, facts, articles


def test_gold_grouping_pairwise_f1(gold_dev_path):
    claims, facts, _ = gold_claims(gold_dev_path)
    grouping = group_claims(claims)
    p, r, f1 = pairwise(facts, facts, grouping.by_claim)
    assert f1 >= 0.95, (p, r, f1)


def test_gold_and_held_out_together_keep_their_stories_apart(gold_dev_path):
    gc, gf, _ = gold_claims(gold_dev_path)
    hc, hf = build(HELD_OUT)
    facts = {**gf, **hf}
    grouping = group_claims(gc + hc)
    p, r, f1 = pairwise(facts, facts, grouping.by_claim)
    assert p >= 0.95 and f1 >= 0.95, (p, r, f1)  # values no longer gate a link: see the held-out-style test


def test_grouping_the_extractors_claims_on_the_gold_set(gold_dev_path):
    from workbench import extract
    from workbench.models import Article

    _, _, articles = gold_claims(gold_dev_path)
    extractor = extract.Extractor()
    matched: list[tuple[str, Claim]] = []  # (fact, predicted claim), one prediction per gold claim
    for a in articles:
        preds = extractor.extract(Article(id=a["id"], outlet=a["outlet"], title=a["title"], text=a["text"]))
        used: set[str] = set()
        for g in a["claims"]:
            hit = next((p for p in preds if p.id not in used and p.start < g["end"] and g["start"] < p.end), None)
            if hit is not None:
                used.add(hit.id)
                matched.append((g["fact"], hit))
    assert len(matched) >= 0.9 * sum(len(a["claims"]) for a in articles)
    facts = {p.id: f for f, p in matched}
    grouping = group_claims([p for _, p in matched])
    p, r, f1 = pairwise(facts, facts, grouping.by_claim)
    assert f1 >= 0.95, (p, r, f1)


# ------------------------------------------------------------------------------ corpora, extractor output

# The facts of the sample articles in data/ (seven stories, four outlets each): fact -> (outlet, surface) of
# each claim stating it; a surface stands for all its occurrences in that outlet's article of the story (a
# fact's name starts with its story: steel = Brennick, tram = Carrowby, wind = Greyhaven, flood =
# Hollinsford, wait = Tollmere, march = Elmstead, slide = Kirkmoor). Claims listed nowhere state a fact of their own. A figure given in another
# currency ("1.4 billion euros (about $1.5bn)") is a fact of its own here: without exchange rates the
# workbench compares money in one currency only.
SAMPLE_STORIES = {"steel": "Brennick", "tram": "Carrowby", "wind": "Greyhaven", "flood": "Hollinsford",
                  "wait": "Tollmere", "march": "Elmstead", "slide": "Kirkmoor"}
SAMPLE_FACTS = {
    # Brennick steelworks
    "steel-jobs": [("Daily Meridian", "More than 1,100"), ("Northfield Observer", "1,150"),
        ("The Lantern", "Nearly 1,200"), ("Westbury Chronicle", "1,150")],
    "steel-output": [("Daily Meridian", "1,200,000 tonnes"), ("Northfield Observer", "1.2 million tonnes"),
        ("The Lantern", "1.2m tonnes"), ("Westbury Chronicle", "1.2m tonnes")],
    "steel-losses": [("Daily Meridian", "$2.7 million every week"), ("Northfield Observer", "$2.7m a week"),
        ("The Lantern", "about $140m a year"), ("Westbury Chronicle", "$2.7m a week")],
    "steel-exports": [("Daily Meridian", "68 per cent"), ("Northfield Observer", "68%"),
        ("The Lantern", "more than two-thirds"), ("Westbury Chronicle", "68%")],
    "steel-supply-jobs": [("Daily Meridian", "Up to 4,000"), ("Northfield Observer", "between 3,000 and 4,000"),
        ("The Lantern", "as many as 4,000"), ("Westbury Chronicle", "Between 3,000 and 4,000")],
    "steel-support": [("Daily Meridian", "US$40 million"), ("Northfield Observer", "$40 million"),
        ("Westbury Chronicle", "$40m"), ("The Lantern", "$45m"), ("Northfield Observer", "Forty million dollars")],
    "steel-mill": [("Northfield Observer", "about 300"), ("The Lantern", "around 300")],
    # Carrowby tram
    "tram-delay": [("Daily Meridian", "18 months"), ("Fenwick Radio News", "18 months"), ("The Lantern", "18 months"),
        ("The Lantern", "a year and a half"), ("Westbury Chronicle", "a year and a half")],
    "tram-cost": [("Daily Meridian", "€1,400 million"), ("Fenwick Radio News", "about €1.55bn"),
        ("The Lantern", "€1.4bn"), ("Westbury Chronicle", "1.4 billion euros")],
    "tram-stops": [("Daily Meridian", "thirty-one"), ("Fenwick Radio News", "thirty-one"), ("The Lantern", "31"),
        ("Westbury Chronicle", "31")],
    "tram-passengers": [("Daily Meridian", "sixty thousand"), ("Fenwick Radio News", "60k"),
        ("Westbury Chronicle", "Up to 65,000"), ("Westbury Chronicle", "Up to 65,000 a day"),
        ("The Lantern", "60,000")],
    "tram-fare": [("Daily Meridian", "€2.10"), ("Fenwick Radio News", "€2.10"), ("The Lantern", "€2.10"),
        ("Westbury Chronicle", "€2.10")],
    "tram-length": [("Daily Meridian", "nearly 14 miles"), ("Fenwick Radio News", "22-kilometre"),
        ("The Lantern", "22-kilometre")],
    "tram-trip": [("Daily Meridian", "45 minutes"), ("Fenwick Radio News", "45 minutes"),
        ("The Lantern", "three-quarters of an hour")],
    "tram-overrun": [("Daily Meridian", "12%"), ("The Lantern", "12 per cent"),
        ("Westbury Chronicle", "roughly 12 per cent")],
    "tram-builders": [("The Lantern", "About 900"), ("Westbury Chronicle", "around 900")],
    # Greyhaven Bank wind farm
    "wind-turbines": [("Coastline Courier", "96"), ("Daily Meridian", "Ninety-six"),
        ("Fenwick Radio News", "ninety-six"), ("Northfield Observer", "96")],
    "wind-capacity": [("Coastline Courier", "1.2GW"), ("Daily Meridian", "1,200 megawatts"),
        ("Fenwick Radio News", "1.2 gigawatts"), ("Northfield Observer", "1.2 gigawatts")],
    "wind-homes": [("Coastline Courier", "900k"), ("Daily Meridian", "nearly a million"),
        ("Fenwick Radio News", "almost 1 million"), ("Northfield Observer", "900,000")],
    "wind-distance": [("Coastline Courier", "14 kilometres"), ("Daily Meridian", "nine miles"),
        ("Fenwick Radio News", "about 14km"), ("Northfield Observer", "14km")],
    "wind-cost": [("Daily Meridian", "£2,400m"), ("Fenwick Radio News", "£2.4 billion"),
        ("Northfield Observer", "£2.4bn")],
    "wind-height": [("Daily Meridian", "853 feet"), ("Fenwick Radio News", "260m"),
        ("Northfield Observer", "260 metres")],
    "wind-build-time": [("Daily Meridian", "36 months"), ("Fenwick Radio News", "three years"),
        ("Northfield Observer", "three years")],
    "wind-build-jobs": [("Coastline Courier", "1,500"), ("Fenwick Radio News", "around 1,500"),
        ("Northfield Observer", "1,500"), ("Daily Meridian", "1,500")],
    "wind-lasting-jobs": [("Coastline Courier", "200"), ("Northfield Observer", "about 200")],
    "wind-carbon": [("Coastline Courier", "1.8 million tonnes a year"),
        ("Northfield Observer", "1.8 million tonnes")],
    "wind-fishing": [("Daily Meridian", "about 110 sq km"), ("Northfield Observer", "about 110 square kilometres")],
    # Hollinsford flood
    "flood-homes": [("Coastline Courier", "Nearly 2,500"), ("Northfield Observer", "2,340"),
        ("The Lantern", "More than 2,300"), ("Vale Post", "About 2,400"), ("Vale Post", "about 2,400")],
    "flood-evacuated": [("Coastline Courier", "1,850"), ("Northfield Observer", "About 1,850"),
        ("The Lantern", "Almost 2,000"), ("Vale Post", "Around 1,850")],
    "flood-rain": [("Coastline Courier", "Some 142mm"), ("Northfield Observer", "142mm"), ("The Lantern", "14.2cm"),
        ("Vale Post", "142 millimetres")],
    "flood-rain-period": [("Coastline Courier", "a day and a half"), ("Northfield Observer", "36 hours"),
        ("The Lantern", "a day and a half"), ("Vale Post", "36 hours")],
    "flood-level": [("Coastline Courier", "5.8 metres"), ("Northfield Observer", "5.8 metres"),
        ("The Lantern", "19 feet"), ("Vale Post", "5.8m")],
    "flood-damage": [("Coastline Courier", "310 million pounds"), ("Northfield Observer", "£310m"),
        ("The Lantern", "between £280m and £340m"), ("Vale Post", "£0.31bn")],
    "flood-uninsured": [("Coastline Courier", "one in five"), ("Northfield Observer", "one in five"),
        ("The Lantern", "A fifth"), ("Vale Post", "Twenty per cent")],
    "flood-roads": [("Coastline Courier", "two days"), ("Northfield Observer", "at least 48 hours"),
        ("The Lantern", "two days"), ("Vale Post", "48 hours")],
    "flood-farmland": [("Coastline Courier", "3,400 hectares"), ("Northfield Observer", "3,400 hectares"),
        ("The Lantern", "about 8,400 acres"), ("Vale Post", "some 34 square kilometres")],
    "flood-pumping": [("Coastline Courier", "£1.2m a day"), ("The Lantern", "1.2 million pounds every day"),
        ("Vale Post", "about £1.2m a day"), ("Northfield Observer", "£1.2m")],
    "flood-firefighters": [("Northfield Observer", "120"), ("The Lantern", "A hundred and twenty"),
        ("Vale Post", "120")],
    # Tollmere waiting list
    "wait-list": [("Coastline Courier", "48,000"), ("Coastline Courier", "More than 48,000"),
        ("Fenwick Radio News", "48,612"), ("Northfield Observer", "48,600"), ("Vale Post", "Nearly 50,000")],
    "wait-funding": [("Coastline Courier", "£85 million a year"), ("Fenwick Radio News", "about £1.6m a week"),
        ("Fenwick Radio News", "£85m a year"), ("Northfield Observer", "£85m a year"), ("Vale Post", "£1.6m a week")],
    "wait-growth": [("Coastline Courier", "12 per cent"), ("Fenwick Radio News", "twelve percent"),
        ("Northfield Observer", "12%"), ("Vale Post", "twelve percent")],
    "wait-long-share": [("Coastline Courier", "25%"), ("Fenwick Radio News", "One in four"),
        ("Northfield Observer", "One in four"), ("Vale Post", "A quarter")],
    "wait-long-weeks": [("Coastline Courier", "18 weeks"), ("Fenwick Radio News", "eighteen weeks"),
        ("Northfield Observer", "18 weeks"), ("Vale Post", "more than 18 weeks")],
    "wait-vacancies": [("Coastline Courier", "1,100"), ("Fenwick Radio News", "around 1,100"),
        ("Northfield Observer", "1,100"), ("Vale Post", "about 1,100")],
    "wait-beds": [("Coastline Courier", "300-450"), ("Fenwick Radio News", "between 300 and 450"),
        ("Northfield Observer", "between 300 and 450"), ("Vale Post", "up to 450")],
    "wait-average": [("Coastline Courier", "more than three months"), ("Northfield Observer", "14 weeks"),
        ("Vale Post", "14 weeks")],
    # Elmstead teachers' march: organisers' and police counts, the union's and the council's school closures
    "march-crowd": [("Northfield Observer", "60,000"), ("The Lantern", "22,000"), ("The Lantern", "about 22,000"),
        ("Westbury Chronicle", "More than 50,000"), ("Fenwick Radio News", "around 20,000")],
    "march-schools": [("Northfield Observer", "400"), ("The Lantern", "310"), ("Westbury Chronicle", "Nearly 400"),
        ("Fenwick Radio News", "310")],
    "march-arrests": [("Northfield Observer", "14"), ("The Lantern", "Fourteen"), ("Westbury Chronicle", "16"),
        ("Fenwick Radio News", "Fourteen")],
    # Kirkmoor landslide: a toll rising through two days, the council's and the Red Cross's figures
    "slide-deaths": [("Northfield Observer", "At least 9"), ("The Lantern", "21"), ("Coastline Courier", "14"),
        ("Fenwick Radio News", "17"), ("Fenwick Radio News", "Seventeen")],
    "slide-missing": [("Northfield Observer", "about 30"), ("Fenwick Radio News", "22")],
    "slide-homes": [("Northfield Observer", "40"), ("The Lantern", "40"), ("Coastline Courier", "65")],
    "slide-displaced": [("Northfield Observer", "600"), ("The Lantern", "Some 650"), ("Coastline Courier", "1,100"),
        ("Fenwick Radio News", "About 1,000")],
}


def gold_corpus(path: Path) -> tuple[list[Claim], dict[str, str]]:
    """The extractor's claims of a gold file, and the gold fact of each claim matched to a gold claim."""
    from workbench.evaluate import load_gold, match_article
    from workbench.extract import shared_extractor

    claims: list[Claim] = []
    facts: dict[str, str] = {}
    for g in load_gold(path):
        predicted = shared_extractor().extract(g.article)
        claims += predicted
        facts.update({p.id: gc.fact for gc, p in match_article(g, predicted)})
    return claims, facts


def sample_corpus() -> tuple[list[Claim], dict[str, str]]:
    """The extractor's claims of data/ as `workbench groups data/` reads them, and the fact of each."""
    from workbench.extract import shared_extractor
    from workbench.ingest import furniture_spans, in_spans, read_paths

    label = {(SAMPLE_STORIES[fact.split("-")[0]], outlet, surface): fact
             for fact, entries in SAMPLE_FACTS.items() for outlet, surface in entries}
    claims: list[Claim] = []
    facts: dict[str, str] = {}
    found = set()
    for article in read_paths([Path(__file__).resolve().parent.parent / "data"]):
        (story,) = [s for s in SAMPLE_STORIES.values() if s in article.text]
        furniture = furniture_spans(article.text)
        for c in shared_extractor().extract(article):
            if in_spans(c.start, c.end, furniture):
                continue
            key = (story, c.outlet, c.surface)
            claims.append(c)
            facts[c.id] = label.get(key, c.id)
            found.add(key)
    assert set(label) <= found, f"labelled claims the extractor no longer finds: {sorted(set(label) - found)}"
    return claims, facts


HELD_OUT_FILE = Path(__file__).resolve().parent / "data" / "heldout.jsonl"


@pytest.mark.parametrize("parts", [("held-out",), ("dev", "held-out"), ("sample",), ("dev", "held-out", "sample")],
                         ids="+".join)
def test_corpora_that_mix_stories_group_with_high_pairwise_precision_and_recall(parts, request):
    """Stories told by one outlet (held-out) beside stories told by several (dev, sample): unrelated stories'
    figures stay apart, each story's repeated figures group."""
    claims: list[Claim] = []
    facts: dict[str, str] = {}
    for part in parts:
        if part == "dev":
            c, f = gold_corpus(request.getfixturevalue("gold_dev_path"))
        elif part == "held-out":
            c, f = gold_corpus(HELD_OUT_FILE)
        else:
            c, f = sample_corpus()
        claims += c
        facts.update(f)
    grouping = group_claims(claims)
    p, r, f1 = pairwise(facts, facts, grouping.by_claim)
    assert p >= 0.95 and r >= 0.95, (p, r, f1)


@pytest.mark.parametrize("low,high", [(float("nan"), 1.0), (1.0, float("inf")), (float("-inf"), 0.0)])
def test_a_value_that_is_not_a_finite_number_is_refused_with_the_claim_named(low, high):
    bad = claim("count", low, high, article="art", surface="many", start=4, sentence="Too many here.")
    with pytest.raises(InvalidClaim, match="art:4-8"):
        group_claims([claim(), bad])
