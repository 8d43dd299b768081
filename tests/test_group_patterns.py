"""How outlets write one quantity and how they disagree: table-driven cases, in both directions.

Each case is a small corpus of one story told by several outlets; claims sharing a fact label must share a
group, claims of different labels must not. ``MUST_LINK`` holds disagreeing figures and writing variants of
one quantity; ``MUST_STAY_APART`` holds the same figure for different things.
"""

from __future__ import annotations

import pytest

from test_group import build, fact_partition, partition
from workbench.group import group_claims

MUST_LINK = {
 "agencies-give-different-magnitudes": [
  ("mg-1", "Wire One", "Strong quake hits Ostrava Hills\n\nA magnitude 5.8 earthquake shook the Ostrava Hills on "
   "Monday, the geological survey said, damaging dozens of buildings.",
   [("5.8", "measure", 5.8, "magnitude", {"unit": "magnitude"})]),
  ("mg-2", "Daily Two", "Ostrava Hills earthquake\n\nThe national seismology centre measured the Ostrava Hills "
   "quake at magnitude 6.2 and said aftershocks were likely.",
   [("6.2", "measure", 6.2, "magnitude", {"unit": "magnitude"})])],
 "organisers-and-police-count-a-crowd": [
  ("cr-1", "Wire One", "Thousands rally in Brisford\n\nOrganisers said 180,000 people marched through Brisford "
   "against the closure of the hospital.",
   [("180,000", "count", 180000, "crowd", {"noun": "people"})]),
  ("cr-2", "Daily Two", "Brisford hospital march\n\nPolice estimated the Brisford crowd at 90,000 as marchers "
   "protested against the hospital closure.",
   [("90,000", "count", 90000, "crowd")])],
 "union-and-hospitals-count-a-strike": [
  ("ns-1", "Health Post", "Nurses strike in Velmar\n\nThe union said 100,000 nurses in Velmar walked out over pay "
   "on Thursday.",
   [("100,000 nurses", "count", 100000, "strikers", {"noun": "nurses"})]),
  ("ns-2", "Evening Sheet", "Velmar nurses' walkout\n\nHospital managers said 65,000 nurses in Velmar joined the "
   "walkout over pay.",
   [("65,000 nurses", "count", 65000, "strikers", {"noun": "nurses"})])],
 "a-running-toll": [
  ("rt-1", "Wire One", "Ferry sinks off Kallis\n\nAt least 7 people died when a ferry sank off Kallis island, "
   "the coastguard said.",
   [("At least 7", "count", 7, "toll", {"noun": "people", "q": "lower_bound"})]),
  ("rt-2", "Daily Two", "Kallis ferry toll rises\n\nThe death toll from the Kallis ferry sinking rose to 23, "
   "rescuers said.",
   [("23", "count", 23, "toll")]),
  ("rt-3", "Radio Three", "Kallis ferry disaster\n\nDivers said 26 people had been killed in the Kallis ferry "
   "sinking.",
   [("26 people", "count", 26, "toll", {"noun": "people"})]),
  ("rt-4", "Morning Four", "Kallis mourns ferry dead\n\nThe number of dead from the Kallis ferry disaster "
   "reached 38 on Wednesday.",
   [("38", "count", 38, "toll")])],
 "a-quarter-of-a-million": [
  ("qm-1", "Wire One", "Tarnow general strike\n\nA quarter of a million workers walked out across Tarnow, the "
   "unions said.",
   [("A quarter of a million", "count", 250000, "strikers", {"noun": "workers"})]),
  ("qm-2", "Daily Two", "Tarnow brought to a halt\n\nSome 250,000 workers in Tarnow joined the general strike.",
   [("Some 250,000", "count", 250000, "strikers", {"noun": "workers", "q": "approx"})]),
  ("qm-3", "Radio Three", "Tarnow strike\n\nThe Tarnow general strike drew 250k workers.",
   [("250k", "count", 250000, "strikers", {"noun": "workers"})])],
 "miles-and-kilometres": [
  ("mk-1", "Wire One", "Lenby tunnel opens\n\nThe new Lenby rail tunnel is 5 miles long.",
   [("5 miles", "measure", 5, "length", {"unit": "mile"})]),
  ("mk-2", "Daily Two", "Lenby tunnel open to trains\n\nTrains now run through the 8 km Lenby rail tunnel.",
   [("8 km", "measure", 8, "length", {"unit": "kilometre"})])],
 "a-decade-and-ten-years": [
  ("dy-1", "Wire One", "Harrow Mill restored\n\nRestoring Harrow Mill took a decade, its trustees said.",
   [("a decade", "duration", 10, "restoration", {"unit": "year"})]),
  ("dy-2", "Daily Two", "Harrow Mill reopens\n\nThe restoration of Harrow Mill took 10 years and cost £4m.",
   [("10 years", "duration", 10, "restoration", {"unit": "year"}),
    ("£4m", "money", 4e6, "cost", {"currency": "GBP"})])],
 "as-many-as-in-two-outlets": [
  ("am-1", "Wire One", "Porta strike\n\nAs many as 300,000 workers joined the Porta strike, unions said.",
   [("As many as 300,000", "count", 300000, "strikers", {"noun": "workers", "q": "upper_bound"})]),
  ("am-2", "Daily Two", "Porta at a standstill\n\nUnions said as many as 300,000 workers took part in the Porta "
   "stoppage.",
   [("as many as 300,000", "count", 300000, "strikers", {"noun": "workers", "q": "upper_bound"})])],
 "rounded-and-exact": [
  ("re-1", "Wire One", "Selwyn census\n\nThe census found more than 12 million people (12,304,117) living in "
   "Selwyn province.",
   [("more than 12 million", "count", 12e6, "population", {"noun": "people", "q": "lower_bound"}),
    ("12,304,117", "count", 12304117, "population")]),
  ("re-2", "Daily Two", "Selwyn grows\n\nSelwyn province now has 12.3 million residents, the census showed.",
   [("12.3 million", "count", 12.3e6, "population", {"noun": "residents"})])],
 "headline-figure-and-body": [
  ("hb-1", "Wire One", "Corvane to cut 9,000\n\nCorvane will cut 9,000 employees worldwide, the company said.",
   [("9,000", "count", 9000, "cuts"), ("9,000 employees", "count", 9000, "cuts", {"noun": "employees"})]),
  ("hb-2", "Daily Two", "Corvane job cuts\n\nCorvane plans to shed 9,000 jobs this year.",
   [("9,000 jobs", "count", 9000, "cuts", {"noun": "jobs"})])],
 # one article gives the toll twice, in different sentences: its earlier figure and the latest one; another
 # outlet has only the latest: all one quantity (the pair model links one article's two figures directly)
 "a-toll-updated-within-one-article": [
  ("ut-1", "Wire One", "Varna mine blast\n\nRescuers said 9 miners had died in the Varna mine blast by noon. "
   "By the evening the mine's owner put the death toll at 15 miners.",
   [("9 miners", "count", 9, "toll", {"noun": "miners"}), ("15 miners", "count", 15, "toll", {"noun": "miners"})]),
  ("ut-2", "Daily Two", "Varna mine toll rises\n\nThe death toll in the Varna mine blast has risen to 15 miners, "
   "the owner said.",
   [("15 miners", "count", 15, "toll", {"noun": "miners"})])],
 # one sum in the outlet's own currency and in another (an agency's conversion in brackets, a foreign paper's
 # own figure): compared in dollars at the day's rate
 "one-sum-in-two-currencies": [
  ("fx-1", "Wire One", "Dornland sets out rail plan\n\nDornland will spend 31 billion euros ($35 billion) on new "
   "rail lines over ten years, the transport ministry said on Tuesday.",
   [("31 billion euros", "money", 31e9, "rail-plan", {"currency": "EUR"}),
    ("$35 billion", "money", 35e9, "rail-plan", {"currency": "USD"})]),
  ("fx-2", "Daily Two", "Dornland's €31bn rail gamble\n\nThe transport ministry's €31bn programme is the largest "
   "in the country's history.",
   [("€31bn", "money", 31e9, "rail-plan", {"currency": "EUR"}), ("€31bn", "money", 31e9, "rail-plan", {"currency": "EUR"})]),
  ("fx-3", "Evening Three", "Dornland plans to spend about $34 billion on rail lines, its transport ministry said.",
   [("about $34 billion", "money", 34e9, "rail-plan", {"currency": "USD", "q": "approx"})])],
 # a clause of the figure alone measures what the clause before it names
 "shares-named-in-the-clause-before": [
  ("sc-1", "Wire One", "Ostmark count ends\n\nThe Farmers' League, with 14.2%, and the Green Union, on 9.8%, "
   "fought for third place in Ostmark.",
   [("14.2%", "percent", 14.2, "farmers-share"), ("9.8%", "percent", 9.8, "greens-share")]),
  ("sc-2", "Daily Two", "Ostmark results\n\nIn Ostmark the Green Union won 10.1% and the Farmers' League 13.9%.",
   [("10.1%", "percent", 10.1, "greens-share"), ("13.9%", "percent", 13.9, "farmers-share")])],
}

MUST_STAY_APART = {
 "sales-and-cloud-sales": [
  ("sc-1", "Wire One", "Dravik results\n\nDravik said its sales rose 9% in the quarter. Its cloud sales also rose "
   "9%.",
   [("9%", "percent", 9, "sales"), ("9%", "percent", 9, "cloud")]),
  ("sc-2", "Daily Two", "Dravik growth\n\nDravik's cloud sales grew 9% in the quarter, the company said.",
   [("9%", "percent", 9, "cloud")])],
 "fell-and-rose": [
  ("fr-1", "Wire One", "PC market report\n\nLaptop shipments fell 2% in the quarter, analysts at Quantis said.",
   [("2%", "percent", 2, "laptops")]),
  ("fr-2", "Daily Two", "Quantis device figures\n\nTablet shipments rose 2% in the quarter, Quantis said.",
   [("2%", "percent", 2, "tablets")])],
 "another-event": [
  ("ae-1", "Wire One", "Doctors strike in Hallin\n\nSome 40,000 doctors in Hallin struck on Tuesday over pay.",
   [("Some 40,000", "count", 40000, "this-strike", {"noun": "doctors", "q": "approx"})]),
  ("ae-2", "Daily Two", "Hallin doctors walk out again\n\nIn the last walkout, in March, 40,000 doctors in Hallin "
   "took part. Hospitals said 12,000 appointments were cancelled on Tuesday.",
   [("40,000 doctors", "count", 40000, "march-strike", {"noun": "doctors"}),
    ("12,000 appointments", "count", 12000, "appointments", {"noun": "appointments"})])],
 "poll-and-result-the-other-way-round": [
  ("pr-1", "Wire One", "Dunvale votes on tram\n\nA poll last week put support for the Dunvale tram at 55%, "
   "with 45% against.",
   [("55%", "percent", 55, "poll-for"), ("45%", "percent", 45, "poll-against")]),
  ("pr-2", "Daily Two", "Dunvale rejects tram\n\nDunvale voters rejected the tram, with 55% against and 45% in "
   "favour.",
   [("55%", "percent", 55, "result-against"), ("45%", "percent", 45, "result-for")])],
 "another-wildfire": [
  ("aw-1", "Wire One", "Pine Hollow fire grows\n\nThe Pine Hollow fire has burned 75,000 acres, fire officials "
   "said.",
   [("75,000 acres", "measure", 75000, "this-fire", {"unit": "acre"})]),
  ("aw-2", "Daily Two", "Pine Hollow blaze\n\nThe Pine Hollow blaze covers 75,000 acres. Last year's Cedar Gap fire "
   "burned 70,000 acres.",
   [("75,000 acres", "measure", 75000, "this-fire", {"unit": "acre"}),
    ("70,000 acres", "measure", 70000, "other-fire", {"unit": "acre"})])],
 "an-old-fire-quoted-for-contrast": [
  ("of-1", "Wire One", "Mill fire in Rothby\n\nA fire at a Rothby textile mill has killed 18 people, police said.",
   [("18 people", "count", 18, "toll", {"noun": "people"})]),
  ("of-2", "Daily Two", "Rothby mill blaze\n\nThe Rothby fire killed 18 workers, officials said. It was the worst "
   "since a 1960 fire that killed 18 people in the same town.",
   [("18 workers", "count", 18, "toll", {"noun": "workers"}),
    ("18 people", "count", 18, "toll-1960", {"noun": "people"})])],
}


# Patterns the grouping misses (kept, and expected to fail until it gets them right): none today.
KNOWN_MISSES: set[str] = set()


def _case(name):
    mark = pytest.mark.xfail(strict=True, reason="the fitted pair model misses this pattern") if name in KNOWN_MISSES else ()
    return pytest.param(name, marks=mark)


@pytest.mark.parametrize("name", [_case(n) for n in sorted(MUST_LINK)])
def test_one_quantity_written_or_counted_differently_is_one_group(name):
    claims, facts = build(MUST_LINK[name])
    grouping = group_claims(claims)
    assert partition(grouping) == fact_partition(facts)


@pytest.mark.parametrize("name", [_case(n) for n in sorted(MUST_STAY_APART)])
def test_the_same_figure_for_different_things_stays_apart(name):
    claims, facts = build(MUST_STAY_APART[name])
    grouping = group_claims(claims)
    assert partition(grouping) == fact_partition(facts)


def test_disagreeing_figures_are_flagged_with_their_spread():
    claims, _ = build(MUST_LINK["a-running-toll"])
    grouping = group_claims(claims)
    (group,) = [g for g in grouping.groups if g.size > 1]
    assert group.discrepant and group.spread_pct > 100 and group.quantity
    assert grouping.groups[0] is group  # discrepant groups come first
