"""Extraction decided by context: counts that look like years, ages, scores and tallies, composite and
hedged durations, "from X to Y", multipliers, Indian scale words, service numbers, and what is counted.

Each row is a sentence written for these tests, the surface a claim must overlap (or that no claim may
overlap) and the fields that matter for the case.
"""

from __future__ import annotations

import pytest

from test_extract import check, claims_of, find

# --------------------------------------------------------------------------------------------- claims

CLAIMS = [
    # bare four-digit numbers followed by a counted noun are counts, not years
    ("Police deployed 1500 officers to the border.", "1500", dict(kind="count", low=1500, noun="officers")),
    ("About 2000 people marched through the city.", "About 2000",
     dict(kind="count", low=2000, noun="people", qualifier="approx")),
    ("The charity fed 1800 families last winter.", "1800", dict(kind="count", low=1800, noun="families")),
    ("Well over 1900 Ukrainian soldiers were trained.", "1900",
     dict(kind="count", low=1900, noun="Ukrainian soldiers", qualifier="lower_bound")),
    ("Between 1500 and 2000 troops were sent.", "1500",
     dict(kind="count", low=1500, high=2000, noun="troops", qualifier="range")),
    # tallies written out are counts
    ("The bill passed by 41 votes.", "41 votes", dict(kind="count", low=41, noun="votes")),
    # thousands separated by spaces
    ("The prize is worth €25 000.", "€25 000", dict(kind="money", low=25000, currency="EUR")),
    ("Some 120 000 people live there.", "120 000", dict(kind="count", low=120000, noun="people", qualifier="approx")),
    ("The fine was €3\u00a0500.", "€3\u00a0500", dict(kind="money", low=3500, currency="EUR")),
    # composite durations are one claim in the smallest unit
    ("She finished in 2 hours 18 minutes.", "2 hours 18 minutes", dict(kind="duration", low=138, unit="minute")),
    ("The flight took three hours and twenty minutes.", "three hours and twenty minutes",
     dict(kind="duration", low=200, unit="minute")),
    ("The record stands at 3 min 43 sec.", "3 min 43 sec", dict(kind="duration", low=223, unit="second")),
    # "and a half" after a unit
    ("The project ran a year and a half late.", "a year and a half", dict(kind="duration", low=1.5, unit="year")),
    ("The match lasted an hour and a half.", "an hour and a half", dict(kind="duration", low=1.5, unit="hour")),
    ("After a year and a half of talks, a deal was struck.", "a year and a half",
     dict(kind="duration", low=1.5, unit="year", noun=None)),
    ("It took two and a half hours.", "two and a half hours", dict(kind="duration", low=2.5, unit="hour")),
    # a hedged single unit
    ("Patients waited more than a year for surgery.", "more than a year",
     dict(kind="duration", low=1, unit="year", qualifier="lower_bound")),
    ("The repair took nearly a month.", "nearly a month",
     dict(kind="duration", low=1, unit="month", qualifier="upper_bound")),
    ("They met for about an hour on Monday.", "about an hour",
     dict(kind="duration", low=1, unit="hour", qualifier="approx")),
    # "from X to Y": a range, unless a change is described
    ("Forecasts for the crowd range from 40,000 to 60,000.", "40,000",
     dict(kind="count", low=40000, high=60000, qualifier="range")),
    ("Tickets cost from £40 to £120.", "£40", dict(kind="money", low=40, high=120, currency="GBP", qualifier="range")),
    ("The rate rose from 4% to 5.25%.", "4%", dict(kind="percent", low=4, high=4)),
    ("The rate rose from 4% to 5.25%.", "5.25%", dict(kind="percent", low=5.25, high=5.25)),
    ("The average wait rose from 7.5 to 9.1 weeks.", "7.5", dict(kind="duration", low=7.5, unit="week")),
    ("The average wait rose from 7.5 to 9.1 weeks.", "9.1 weeks", dict(kind="duration", low=9.1, unit="week")),
    ("Membership grew from 5 to 7 million.", "5", dict(kind="count", low=5e6, qualifier="exact")),
    ("Fares were cut from $4.50 to $3.", "$4.50", dict(kind="money", low=4.5, high=4.5, currency="USD")),
    # multipliers and repetitions
    ("Cases are now four times higher than in May.", "four times", dict(kind="ratio", low=4)),
    ("Rents rose 2.5 times as fast as wages.", "2.5 times", dict(kind="ratio", low=2.5)),
    ("Profits were three times the level of 2020.", "three times", dict(kind="ratio", low=3)),
    ("The river has flooded nine times since records began.", "nine times", dict(kind="count", low=9, noun=None)),
    ("The ferry sails 6 times a day.", "6 times", dict(kind="count", low=6, per="day", noun=None)),
    # Indian scale words
    ("The state set aside Rs 1,200 crore for roads.", "Rs 1,200 crore",
     dict(kind="money", low=1.2e10, currency="INR")),
    ("The film earned ₹45 lakh in its first week.", "₹45 lakh", dict(kind="money", low=4.5e6, currency="INR")),
    # a number after "call" is a count when a counted noun follows
    ("The charity will call 500 volunteers.", "500", dict(kind="count", low=500, noun="volunteers")),
    # what is counted
    ("The party took 12 of the 40 council seats.", "12", dict(kind="count", low=12, noun="council seats")),
    ("Only 3 of 20 applicants were accepted.", "3", dict(kind="count", low=3, noun="applicants")),
    ("The force closed 30 police stations.", "30", dict(kind="count", low=30, noun="police stations")),
    ("The college opened 40 new sports halls.", "40", dict(kind="count", low=40, noun="new sports halls")),
    ("The charity hired 200 staff members.", "200", dict(kind="count", low=200, noun="staff members")),
    ("Reported burglaries fell to 8,400 last year.", "8,400", dict(kind="count", low=8400, noun="burglaries")),
    ("Hospital admissions rose 12% to 3,300.", "3,300", dict(kind="count", low=3300, noun="admissions")),
    ("Complaints rose by 240 to 1,900 in a year.", "240", dict(kind="count", low=240, noun="complaints")),
    ("The number of children waiting for a school place in the city's east has risen to 1,240.", "1,240",
     dict(kind="count", low=1240, noun="children")),
    ("The firm will pay about €2bn once taxes are settled.", "€2bn", dict(kind="money", low=2e9, noun=None)),
    ("Half of the sample appears to be ice.", "Half", dict(kind="ratio", low=0.5, noun="sample")),
    ("The council approved a £3m scheme unless costs rise.", "£3m", dict(kind="money", noun="scheme")),
    ("Storm leaves 3,000 homes without power", "3,000", dict(kind="count", noun="homes")),
    ("Rail operator adds 40 trains as demand soars", "40", dict(kind="count", noun="trains")),
    ("The carrier will retire 14 Boeing 737-800 aircraft.", "14",
     dict(kind="count", low=14, noun="Boeing 737-800 aircraft")),
    ("Fines recorded rose by a third to 2,700.", "2,700", dict(kind="count", low=2700, noun="fines")),
    # a hedged lone "half" is a share
    ("More than half said they would leave.", "More than half", dict(kind="ratio", low=0.5, qualifier="lower_bound")),
    # an age set by a rule is a number of years
    ("The pension age rises from 66 to 67 in 2028.", "66", dict(kind="duration", low=66, unit="year")),
    ("The voting age will be lowered to 16.", "16", dict(kind="duration", low=16, unit="year")),
    # an -s word before a number or a determiner is a verb, not part of the noun
    ("£50m plan helps 2,000 families", "£50m", dict(kind="money", noun="plan")),
    ("£2m scheme funds the repairs", "£2m", dict(kind="money", noun="scheme")),
    ("The plant makes 1,000 aircraft parts a year.", "1,000", dict(noun="aircraft parts", per="year")),
    # whitespace of any kind between a numeral and its scale word
    ("The deal is worth 1\t bn dollars.", "1", dict(kind="money", low=1e9, currency="USD")),
    # "m": metres where the sentence measures, millions otherwise
    ("The river peaked at 4.2m at the town bridge.", "4.2m", dict(kind="measure", low=4.2, unit="metre")),
    ("The show drew 4.2m viewers.", "4.2m", dict(kind="count", low=4.2e6, noun="viewers")),
    ("Sales reached 4.2m in March.", "4.2m", dict(kind="count", low=4.2e6)),
]


@pytest.mark.parametrize("text, surface, expect", CLAIMS, ids=[f"{r[1]} | {r[0][:40]}" for r in CLAIMS])
def test_claim_read_from_context(text, surface, expect):
    check(find(text, surface), expect)


# -------------------------------------------------------------------------------------------- not claims

NOT_CLAIMS = [
    # years used as dates, even before a plural noun
    ("The plant has run since 1998 without a stoppage.", "1998"),
    ("Turnout was lower than in the 2019 elections.", "2019"),
    ("Emissions are still below 1990 levels.", "1990"),
    ("In 2000 voters backed the plan.", "2000"),
    ("Around 2000 the firm moved to Leeds.", "2000"),
    ("The trial ran between 2019 and 2023.", "2019"),
    # ages that bound a group (a person's age is a claim: see AGES)
    ("Two-thirds of adults aged 65 and over have had the jab.", "65"),
    ("Most victims were aged 16 to 24.", "16 to 24"),
    ("Most victims were aged 16-24.", "16-24"),
    # scores and tallies written with a hyphen are results, not claims
    ("United beat Villa 2-0 at home.", "2-0"),
    ("The motion passed 312-290 in the Commons.", "312-290"),
    ("The Senate voted 52-48 to confirm her.", "52-48"),
    ("The bill passed 52-48 on Tuesday.", "52-48"),
    # a single unit with an article points at time, it does not measure it
    ("Prices rose 4% on a year earlier.", "a year"),
    ("The plan costs £85m a year.", "a year"),
    ("The fault was found more than a year ago.", "a year"),
    ("More than a year on, the town has recovered.", "a year"),
    ("Nearly half-time, the score was level.", "half"),
    ("The 737 Max 9 was grounded.", "737"),
    # service and phone numbers
    ("For help, call 111 or visit the website.", "111"),
    ("Dial 999 in an emergency.", "999"),
    # a year and a half is not a half
    ("After a year and a half of delays, the line opened.", "half of delays"),
]


@pytest.mark.parametrize("text, surface", NOT_CLAIMS, ids=[f"{r[1]} | {r[0][:40]}" for r in NOT_CLAIMS])
def test_not_a_claim_in_context(text, surface):
    i = text.index(surface)
    j = i + len(surface)
    got = [c for c in claims_of(text) if c.start < j and i < c.end]
    if surface in ("a year", "half of delays"):
        # the span may sit inside a longer claim ("£85m a year", "a year and a half"), never be one of its own
        got = [c for c in got if c.start >= i and c.end <= j]
    assert got == [], [c.surface for c in got]


def test_other_claims_in_a_sentence_with_a_year_and_a_score_survive():
    text = "Rovers beat City 3-1 in 2024 before 41,250 fans, their biggest crowd since 1998."
    assert [(c.surface, c.noun) for c in claims_of(text)] == [("41,250", "fans")]
