"""Extraction, case by case: each row is a sentence written for these tests and the claim it must yield.

A row names the surface it expects (the claim must overlap it) and the fields that matter for the case;
fields a row leaves out are not checked.
"""

from __future__ import annotations

import pytest

from workbench.extract import Extractor, extract_text, furniture_spans, split_sentences
from workbench.models import Article, Kind, Qualifier


def claims_of(text: str):
    out = extract_text(text)
    for c in out:
        assert text[c.start:c.end] == c.surface
    return out


def find(text: str, surface: str):
    """The claim overlapping the first occurrence of ``surface``."""
    i = text.index(surface)
    j = i + len(surface)
    got = [c for c in claims_of(text) if c.start < j and i < c.end]
    assert got, f"no claim overlaps {surface!r} in {text!r}: {[c.surface for c in claims_of(text)]}"
    return got[0]


def check(c, expect: dict) -> None:
    for key, want in expect.items():
        got = getattr(c, key)
        if isinstance(got, (Kind, Qualifier)):
            got = got.value
        if isinstance(want, float) or (isinstance(want, int) and key in ("low", "high")):
            assert got == pytest.approx(want, rel=1e-6), f"{key}: {got!r} != {want!r} in {c}"
        else:
            assert got == want, f"{key}: {got!r} != {want!r} in {c}"


# ----------------------------------------------------------------------------------------------- money

MONEY = [
    ("The museum's roof repair will cost $1.2bn, the trust said.", "$1.2bn", dict(kind="money", low=1.2e9, currency="USD")),
    ("The club sold the striker for £350m last summer.", "£350m", dict(kind="money", low=350e6, currency="GBP")),
    ("Tuition rose to €9k per student.", "€9k", dict(kind="money", low=9e3, currency="EUR")),
    ("The rescue package is worth 48 million pounds.", "48 million pounds", dict(kind="money", low=48e6, currency="GBP")),
    ("A 2.3 billion dollar bridge was approved.", "2.3 billion dollar", dict(kind="money", low=2.3e9, currency="USD")),
    ("The national debt passed $34 trillion.", "$34 trillion", dict(kind="money", low=34e12, currency="USD", qualifier="lower_bound")),
    ("The festival raised a quarter of a million pounds.", "a quarter of a million pounds", dict(kind="money", low=250e3, currency="GBP")),
    ("The lottery prize was half a million euros.", "half a million euros", dict(kind="money", low=500e3, currency="EUR")),
    ("Exports fell to A$3.5bn in the quarter.", "A$3.5bn", dict(kind="money", low=3.5e9, currency="AUD")),
    ("The fine was US$45m.", "US$45m", dict(kind="money", low=45e6, currency="USD")),
    ("Tickets cost 50p more than last season.", "50p", dict(kind="money", low=0.5, currency="GBP")),
    ("The ministry spent 5,000,000 rupees on the study.", "5,000,000 rupees", dict(kind="money", low=5e6, currency="INR")),
    ("The mayor pledged EUR 40m for cycle lanes.", "EUR 40m", dict(kind="money", low=40e6, currency="EUR")),
]


@pytest.mark.parametrize("text,surface,expect", MONEY, ids=[m[1] for m in MONEY])
def test_money(text, surface, expect):
    check(find(text, surface), expect)


# ------------------------------------------------------------------------------------ percent and ratios

PERCENT_RATIO = [
    ("Turnout reached 64.2% in the capital.", "64.2%", dict(kind="percent", low=64.2)),
    ("Wages rose 3 per cent last year.", "3 per cent", dict(kind="percent", low=3)),
    ("The vaccine was 90 percent effective in older adults.", "90 percent", dict(kind="percent", low=90)),
    ("Borrowing fell to 4.5pc of national income.", "4.5pc", dict(kind="percent", low=4.5)),
    ("The council wants a rise of nine and a half per cent.", "nine and a half per cent", dict(kind="percent", low=9.5)),
    ("One in four children in the city lives in poverty.", "One in four", dict(kind="ratio", low=0.25, noun="children")),
    ("Three out of five voters backed the measure.", "Three out of five", dict(kind="ratio", low=0.6, noun="voters")),
    ("A quarter of the fleet is grounded.", "A quarter", dict(kind="ratio", low=0.25)),
    ("A fifth of pupils missed school.", "A fifth", dict(kind="ratio", low=0.2, noun="pupils")),
    ("Two-thirds of members voted to strike.", "Two-thirds", dict(kind="ratio", low=2 / 3, noun="members")),
    ("More than half of the forest has burned.", "half", dict(kind="ratio", low=0.5, qualifier="lower_bound")),
    ("Of the budget, about a fifth goes on pensions.", "a fifth", dict(kind="ratio", low=0.2, qualifier="approx")),
    ("Admissions rose by a third in a month.", "a third", dict(kind="ratio", low=1 / 3)),
    ("Interest rates were raised by 0.25 percentage points.", "0.25 percentage points", dict(kind="percent", low=0.25)),
    # a basis point is a hundredth of a percentage point, however it is written
    ("The bank cut rates by 50 basis points.", "50 basis points", dict(kind="percent", low=0.5, unit="percentage point")),
    ("Ten-year yields fell 14 basis points.", "14 basis points", dict(kind="percent", low=0.14, unit="percentage point")),
    ("Traders expect a 25bp cut in June.", "25bp", dict(kind="percent", low=0.25, unit="percentage point")),
    ("The spread widened by 30 bps.", "30 bps", dict(kind="percent", low=0.3, unit="percentage point")),
    ("It was a 75-basis-point rise.", "75-basis-point", dict(kind="percent", low=0.75, unit="percentage point")),
    ("The bank cut rates by a half-point to 8.75%.", "half-point", dict(kind="percent", low=0.5, unit="percentage point")),
    ("One member preferred a quarter-point cut.", "quarter-point", dict(kind="percent", low=0.25, unit="percentage point")),
    ("It raised rates by three-quarters of a point.", "three-quarters of a point", dict(kind="percent", low=0.75)),
    # a multiplier written as a word, as "three times the level" is one
    ("The cut was twice the reduction analysts expected.", "twice", dict(kind="ratio", low=2.0)),
    ("The bus takes roughly double that of the train.", "roughly double", dict(kind="ratio", low=2.0, qualifier="approx")),
    ("Admissions were more than double the number a year earlier.", "more than double",
     dict(kind="ratio", low=2.0, qualifier="lower_bound")),
    ("Twice as many people voted.", "Twice", dict(kind="ratio", low=2.0)),
]

NOT_MULTIPLIERS = ["The operator was fined twice in 2021.", "Measles cases triple as uptake falls.",
                   "It was a double murder.", "The team won the double that season."]


@pytest.mark.parametrize("text", NOT_MULTIPLIERS)
def test_twice_and_double_that_multiply_nothing_are_no_claims(text):
    assert not extract_text(text)


def test_a_half_point_lead_is_no_rate():
    assert not [c for c in extract_text("He holds a half-point lead in the standings.") if c.kind.value == "percent"]


@pytest.mark.parametrize("text,surface,expect", PERCENT_RATIO, ids=[m[1] for m in PERCENT_RATIO])
def test_percent_and_ratio(text, surface, expect):
    check(find(text, surface), expect)


# ------------------------------------------------------------------------------------------------ ranges

RANGES = [
    ("Between 90,000 and 100,000 fans are expected.", "Between 90,000 and 100,000",
     dict(kind="count", low=90000, high=100000, qualifier="range", noun="fans")),
    ("The repairs will take 6 to 8 weeks.", "6 to 8 weeks", dict(kind="duration", low=6, high=8, unit="week", qualifier="range")),
    ("Fares will be €250-€600 for a return.", "€250-€600", dict(kind="money", low=250, high=600, currency="EUR", qualifier="range")),
    ("Analysts expect growth of 2-3%.", "2-3%", dict(kind="percent", low=2, high=3, qualifier="range")),
    ("The bill could reach £20-30bn.", "£20-30bn", dict(kind="money", low=20e9, high=30e9, currency="GBP", qualifier="range")),
    ("Prices are expected to reach between $5m and $7m.", "between $5m and $7m", dict(kind="money", low=5e6, high=7e6, qualifier="range")),
    ("The tremor was felt 10-15km away.", "10-15km", dict(kind="measure", low=10, high=15, unit="kilometre", qualifier="range")),
    ("Some 2 to 3 million people watched.", "2 to 3 million", dict(kind="count", low=2e6, high=3e6, qualifier="range")),
]


@pytest.mark.parametrize("text,surface,expect", RANGES, ids=[m[1] for m in RANGES])
def test_ranges(text, surface, expect):
    check(find(text, surface), expect)


def test_change_from_to_is_two_values_not_a_range():
    text = "The rate rose from 4% to 5.25% in a year."
    got = [(c.surface, c.qualifier.value) for c in claims_of(text)]
    assert got == [("4%", "exact"), ("5.25%", "exact")]


def test_score_is_not_a_range_or_claim():
    assert claims_of("The visitors won 3-1 on Saturday.") == []


# ------------------------------------------------------------------------------------------------ hedges

HEDGES = [
    ("About 3,000 delegates attended.", "About 3,000", "approx"),
    ("Around 40 flights were cancelled.", "Around 40", "approx"),
    ("Roughly 700 jobs are at risk.", "Roughly 700", "approx"),
    ("Some 80,000 refugees crossed the border.", "Some 80,000", "approx"),
    ("An estimated 1.5 million people watched.", "An estimated 1.5 million", "approx"),
    ("The queue stretched to ~400 people.", "~400", "approx"),
    ("More than 12,000 runners took part.", "More than 12,000", "lower_bound"),
    ("Over 300 schools closed.", "Over 300", "lower_bound"),
    ("At least 45 people died in the crash.", "At least 45", "lower_bound"),
    ("Upwards of 2,000 homes lost power.", "Upwards of 2,000", "lower_bound"),
    ("Well over 600 volunteers signed up.", "Well over 600", "lower_bound"),
    ("The number of cases passes 10,000.", "10,000", "lower_bound"),
    ("Up to 5,000 troops could be deployed.", "Up to 5,000", "upper_bound"),
    ("Nearly 90 vessels were stuck.", "Nearly 90", "upper_bound"),
    ("Almost 8% of staff left.", "Almost 8%", "upper_bound"),
    ("Under 200 tickets were sold.", "Under 200", "upper_bound"),
    ("Fewer than 50 beds remain.", "Fewer than 50", "upper_bound"),
    ("Less than 10% of the budget is left.", "Less than 10%", "upper_bound"),
    ("At most 12 teams will qualify.", "At most 12", "upper_bound"),
    ("The hall holds 500 people or more.", "500", "lower_bound"),
]


@pytest.mark.parametrize("text,surface,qualifier", HEDGES, ids=[h[1] for h in HEDGES])
def test_hedges(text, surface, qualifier):
    c = find(text, surface)
    assert c.qualifier.value == qualifier


def test_hedge_word_is_part_of_surface_but_a_verb_is_not():
    assert find("About 3,000 delegates attended.", "3,000").surface == "About 3,000"
    assert find("The toll passes 1,200.", "1,200").surface == "1,200"


def test_a_year_earlier_is_not_a_rate():
    c = find("Arrears hit 1.1 million, up from 800,000 a year earlier.", "800,000")
    assert c.per is None and c.low == 800000


def test_hyphenated_plural_is_a_noun_not_a_count():
    assert [c.surface for c in claims_of("He made 4 three-pointers.")] == ["4"]


def test_over_a_period_is_not_a_bound():
    c = find("The council will build 2,000 flats over ten years.", "ten years")
    assert (c.kind, c.qualifier) == (Kind.DURATION, Qualifier.EXACT)


# ------------------------------------------------------------------------------------------------- nouns

NOUNS = [
    ("Officials said 52,000 Syrian refugees had returned.", "52,000", "refugees"),
    ("The city approved 8,000 affordable homes.", "8,000", "homes"),
    ("A 20,000-strong army crossed the river.", "20,000-strong", "army"),
    ("The airline ordered 30 Embraer E195 jets.", "30", "jets"),
    ("The factory built 1,500 cars before it closed.", "1,500", "cars"),
    ("Some 640 nurses at the hospital went on strike.", "640", "nurses"),
    ("The fire destroyed 15 houses and 3 barns.", "15", "houses"),
    ("Seventy-five children were vaccinated.", "Seventy-five", "children"),
    ("The flood death toll rose to 212.", "212", "deaths"),
    # a toll alone counts the dead, and a small number word with it is a claim, whatever the verb's tense
    ("The toll has risen to nine after a man died.", "nine", "deaths"),
    ("Derailment toll rises to nine as inquiry opens", "nine", "deaths"),
    ("Admissions have fallen to 340 this week.", "340", "admissions"),
    ("About 1,000 of its workers will be furloughed.", "1,000", "workers"),
]


@pytest.mark.parametrize("text,surface,head", NOUNS, ids=[n[1] for n in NOUNS])
def test_counted_noun(text, surface, head):
    c = find(text, surface)
    assert c.noun is not None and c.noun.split()[-1] == head


# ------------------------------------------------------------------------------------------- number words

WORDS = [
    ("Fifteen thousand flats will be built.", "Fifteen thousand", dict(kind="count", low=15000, noun="flats")),
    ("The talks lasted three-quarters of an hour.", "three-quarters of an hour", dict(kind="duration", low=0.75, unit="hour")),
    ("They held a two-hour meeting.", "two-hour", dict(kind="duration", low=2, unit="hour")),
    ("Bus drivers began a ten-day walkout.", "ten-day", dict(kind="duration", low=10, unit="day")),
    ("The ceasefire lasted half an hour.", "half an hour", dict(kind="duration", low=0.5, unit="hour")),
    ("Two hundred and fifty passengers were rescued.", "Two hundred and fifty", dict(kind="count", low=250, noun="passengers")),
    ("A million visitors came last year.", "A million", dict(kind="count", low=1e6, noun="visitors")),
    ("The contract runs for twelve months.", "twelve months", dict(kind="duration", low=12, unit="month")),
    ("The region has two and a half million residents.", "two and a half million", dict(kind="count", low=2.5e6)),
    ("A dozen ministers resigned.", "A dozen", dict(kind="count", low=12, noun="ministers")),
]


@pytest.mark.parametrize("text,surface,expect", WORDS, ids=[w[1] for w in WORDS])
def test_number_words(text, surface, expect):
    check(find(text, surface), expect)


# ---------------------------------------------------------------------------------------- measures, rates

MEASURES = [
    ("The thermometer read 38.5C in the shade.", "38.5C", dict(kind="measure", low=38.5, unit="celsius")),
    ("It was 39 degrees in Seville.", "39 degrees", dict(kind="measure", low=39, unit="celsius")),
    ("Overnight lows of -12°C are forecast.", "-12°C", dict(kind="measure", low=-12, unit="celsius")),
    ("Phoenix hit 118 degrees Fahrenheit.", "118 degrees Fahrenheit", dict(kind="measure", low=118, unit="fahrenheit")),
    ("The new reactor adds 3.2 GW of capacity.", "3.2 GW", dict(kind="measure", low=3.2, unit="gigawatt")),
    ("The solar farm will generate 450 megawatts.", "450 megawatts", dict(kind="measure", low=450, unit="megawatt")),
    ("The blaze covered 8,000 hectares.", "8,000 hectares", dict(kind="measure", low=8000, unit="hectare")),
    ("The reserve spans 40 square kilometres.", "40 square kilometres", dict(kind="measure", low=40, unit="square kilometre")),
    ("The new road is 14km long.", "14km", dict(kind="measure", low=14, unit="kilometre")),
    ("Gusts reached 95 mph on the coast.", "95 mph", dict(kind="measure", low=95, unit="mile per hour")),
    ("The ship carried 3,000 tonnes of grain.", "3,000 tonnes", dict(kind="measure", low=3000, unit="tonne")),
    ("The quake measured magnitude 6.4.", "6.4", dict(kind="measure", low=6.4, unit="magnitude")),
    ("He won the 400m in 43.9 seconds.", "400m", dict(kind="measure", low=400, unit="metre")),
]


@pytest.mark.parametrize("text,surface,expect", MEASURES, ids=[m[1] for m in MEASURES])
def test_measures(text, surface, expect):
    check(find(text, surface), expect)


RATES = [
    ("The dispute is costing farmers £3m a day.", "£3m a day", dict(kind="money", low=3e6, per="day")),
    ("Average rent is $2,100 a month.", "$2,100 a month", dict(kind="money", low=2100, per="month")),
    ("The plant emits 2 million tonnes a year.", "2 million tonnes a year", dict(kind="measure", low=2e6, per="year")),
    ("The bypass carries 30,000 vehicles per day.", "30,000", dict(kind="count", low=30000, per="day")),
    ("Brent crude traded at $81 a barrel.", "$81 a barrel", dict(kind="money", low=81, per="barrel")),
    ("Spending is capped at £9,000 per candidate.", "£9,000 per candidate", dict(kind="money", low=9000, per="candidate")),
    ("Carers earn £24,000 annually.", "£24,000 annually", dict(kind="money", low=24000, per="year")),
    ("The subsidy costs a £1.5bn-a-year.", "£1.5bn-a-year", dict(kind="money", low=1.5e9, per="year")),
]


@pytest.mark.parametrize("text,surface,expect", RATES, ids=[r[1] for r in RATES])
def test_rates(text, surface, expect):
    check(find(text, surface), expect)


# a rate adverb later in the counted thing's clause, after its verb
CLAUSE_RATES = [
    ("Around 52,000 lorries used the tunnel daily.", "52,000", "day"),
    ("Some 7,500 pilgrims walk the route weekly in summer.", "7,500", "week"),
    ("The mill sends 420 tonnes of paper monthly to the port.", "420 tonnes", "month"),
    ("Nearly 3 million people visit the gardens each year.", "3 million", "year"),
    ("About 900 foxes are culled every year.", "900", "year"),
    ("Roughly 11,000 tourists come to the island a year.", "11,000", "year"),
    ("The shelter takes in 640 dogs yearly.", "640", "year"),
    ("The charity hands out 2 million meals per annum.", "2 million", "year"),
    ("The fund pays £4m to the hospital annually.", "£4m", "year"),
    ("The museum drew 350,000 visitors per annum.", "350,000", "year"),
]
NO_CLAUSE_RATE = [
    # a length of time, not a rate
    ("Fourteen volunteers spent a day on patrol.", "Fourteen"),
    ("About 300 engineers took a year to rebuild it.", "300"),
    ("Some 2,000 posts will go over the next year.", "2,000"),
    ("Complaints rose by 240 to 1,900 in a year.", "1,900"),
    ("Some 45 guards patrol the border a day on foot.", "45"),
    # the adverb belongs to another clause or describes a noun
    ("The line carries 80,000 commuters, and trains run daily.", "80,000"),
    ("The 31 victims were named, with updates posted daily.", "31"),
    ("Claims of 5,000 were the highest monthly total on record.", "5,000"),
    # another figure sits between the two
    ("The 12 ferries carry 600 cars daily.", "12"),
]


@pytest.mark.parametrize("text,surface,per", CLAUSE_RATES, ids=[r[0][:40] for r in CLAUSE_RATES])
def test_rate_adverb_later_in_the_clause(text, surface, per):
    check(find(text, surface), dict(per=per))


@pytest.mark.parametrize("text,surface", NO_CLAUSE_RATE, ids=[r[0][:40] for r in NO_CLAUSE_RATE])
def test_no_rate_from_another_clause_or_a_length_of_time(text, surface):
    assert find(text, surface).per is None


# ------------------------------------------------------------------------------------------ attribution

ATTRIBUTION = [
    ("According to the fire service, 40 engines attended.", "40", "fire service"),
    ("Unemployment rose to 5.1%, the statistics office said.", "5.1%", "statistics office"),
    ("The minister told Reuters that 300 soldiers had been sent.", "300", "minister"),
    ("Ticket sales fell 12%, said Maria Lopez, the festival director.", "12%", "Maria Lopez"),
    ("The Environment Agency estimates 5,000 homes are at risk.", "5,000", "Environment Agency"),
    ('"We sold 9,000 tickets," said festival director Ana Ruiz.', "9,000", "festival director Ana Ruiz"),
]


@pytest.mark.parametrize("text,surface,who", ATTRIBUTION, ids=[a[1] for a in ATTRIBUTION])
def test_attribution(text, surface, who):
    assert find(text, surface).attribution == who


def test_no_attribution_when_the_sentence_gives_none():
    assert find("The port handled 4,000 ships.", "4,000").attribution is None


# A speech verb after a comma names its speaker only when the clause ends there (", said the agency.");
# followed by an object or a clause, its words are what was said, not who said it.
NOT_A_SPEAKER = [
    ("The forecasting centre, which averages over a minute, estimated peak gusts at 200 km/h on Friday.",
     "200 km/h", "peak gusts"),
    ("A loss adjuster, hired by the insurers, said on Tuesday that insured losses could reach $2bn this year.",
     "$2bn", "insured losses"),
    ("The council, after a long meeting, reported rents up 6% over the year.", "6%", "rents"),
]


@pytest.mark.parametrize("text,surface,words", NOT_A_SPEAKER, ids=[a[1] for a in NOT_A_SPEAKER])
def test_what_follows_a_speech_verb_is_no_speaker_unless_the_clause_ends(text, surface, words):
    claim = find(text, surface)
    assert words not in (claim.attribution or "")
    assert words.split()[-1] in (claim.quantity or "")


# --------------------------------------------------------------------------------------- what is left out

NOT_CLAIMS = [
    "The talks were held on Wednesday, 4 June 2025, in Oslo.",
    "Voting closes on November 5, 2024.",
    "The meeting starts at 9.30am and ends by 5pm.",
    "Trains leave at 06:45 and 18:10 every day.",
    "The shop opened in 2014 and has grown since 2019.",
    "The law takes effect in April 2026 and must be reviewed by 2030.",
    "It was the third outbreak this year and the 2nd in the region.",
    "The G20 summit discussed HS2 and COVID-19 recovery.",
    "Engineers grounded the F-35 and the A321neo after the fault.",
    "Users of Windows 10 and iPhone 15 were affected, Section 702 critics said.",
    "For help call 0800 123 4567 or +44 20 7946 0000.",
    "Full details are at https://example.org/reports/2023/77 and www.example.com/page5.",
    "LONDON, June 12 (Reuters) - Markets were calm.",
    "Updated 10:05 a.m. ET, Fri June 13, 2025",
    "The band toured in the 1990s and again in the late 2000s.",
    "The two presidents spoke again later.",
    "The S&P 500 and the FTSE 100 were flat.",
    "Regulators grounded the 737 Max 9 again.",
    "The motorway is shut between junctions 4 and 5.",
    "Alice Brown, 61, chairs the committee.",
    "The polls open at 7am on Thursday 4 July.",
    "The 2023/24 accounts were filed late.",
    "Posted 3 hours ago by the newsdesk.",
    "The rules changed two decades ago.",
    "She drove in Formula One before joining Channel Four.",
    "The prime minister returned to 10 Downing Street.",
    "One of the officials declined to comment.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_left_out(text):
    assert [c.surface for c in claims_of(text)] == []


def test_date_next_to_a_claim_is_left_out_but_the_claim_kept():
    text = "On Tuesday, December 9, 2025, officials said about 61,200 troops had gathered."
    got = claims_of(text)
    assert [c.surface for c in got] == ["about 61,200"]
    assert got[0].noun == "troops" and got[0].qualifier is Qualifier.APPROX


# --------------------------------------------------------------------------------------------- furniture

SCRAPED = """Harbour talks to resume next week

  • Oops!
    Something went wrong.
    Please try again later.

Negotiators will meet again on Thursday, March 6, 2025, the union confirmed.
According to the port authority, about 3,100 containers are waiting to be unloaded.

Updated 4:12 p.m. ET, Mon March 3, 2025

Read More

Port strike enters 12th day

Union says 3,000 containers stuck at docks

Share this article
"""


def test_scraped_page_yields_only_the_story_claim():
    got = claims_of(SCRAPED)
    assert [(c.surface, c.noun, c.attribution) for c in got] == [("about 3,100", "containers", "port authority")]


def test_read_more_inline_after_the_last_sentence():
    text = "The firm employs 900 staff. Read More\n\nRival cuts 250 jobs\n\nShares fall 4%"
    assert [c.surface for c in claims_of(text)] == ["900"]
    spans = furniture_spans(text)
    assert any(text[s:e].startswith("Read More") for s, e in spans)


def test_the_extractor_uses_the_one_furniture_rule_of_ingest():
    import workbench.ingest

    assert furniture_spans is workbench.ingest.furniture_spans


@pytest.mark.parametrize(
    "line, is_furniture",
    [
        ("Photo: Jane Smith/Reuters", True),
        ("Image credit: Port authority", True),
        ("12 comments", True),
        ("Up to 5,000 troops could be deployed.", False),  # "troops" holds "oops"
        ("The photo showed 40 troops at the border.", False),
    ],
)
def test_furniture_lines_and_prose_that_resembles_them(line, is_furniture):
    text = f"Border talks resume\n\nNegotiators met for 3 hours on the bridge.\n\n{line}\n"
    i = text.index(line)
    spans = furniture_spans(text)
    assert any(s <= i and i + len(line) <= e for s, e in spans) is is_furniture
    assert any(c.start >= i for c in claims_of(text)) is (not is_furniture)


# --------------------------------------------------------------------------------------------- contract

def test_claims_carry_article_outlet_sentence_and_offsets():
    text = "Intro line.\n\nThe dam holds 30 million cubic metres. It cost $400m."
    art = Article(id="a1", outlet="River News", title="t", text=text)
    got = Extractor().extract(art)
    assert [c.surface for c in got] == ["30 million cubic metres", "$400m"]
    for c in got:
        assert c.article == "a1" and c.outlet == "River News"
        assert text[c.start:c.end] == c.surface
        assert c.sentence_start is not None and text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.start >= c.sentence_start and c.end <= c.sentence_start + len(c.sentence)
    assert got[0].id == f"a1:{got[0].start}-{got[0].end}"


def test_extract_many_keeps_input_order_with_a_process_pool():
    arts = [Article(id=f"a{i}", outlet="o", title="", text=f"The town has {1000 + i} homes. It cost ${i + 1}m.")
            for i in range(12)]
    serial = [c.to_dict() for c in Extractor().extract_many(arts, jobs=1)]
    pooled = [c.to_dict() for c in Extractor().extract_many(iter(arts), jobs=2)]
    assert pooled == serial
    assert [c["article"] for c in serial] == [a.id for a in arts for _ in range(2)]


def test_sentence_splitter_keeps_abbreviations_and_times_inside():
    text = "Mr. Smith arrived at 6 a.m. The talks began. Dr. Jones said 5.5% was fair."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Mr. Smith arrived at 6 a.m.", "The talks began.",
                                             "Dr. Jones said 5.5% was fair."]


def test_extraction_never_imports_quantulum3():
    """Units come from the lexicon built from quantulum3 once; the library itself is not loaded at run time."""
    import subprocess
    import sys

    code = ("import sys; from workbench.extract import extract_text; "
            "cs = extract_text('Winds hit 40 knots; the 64GB phone costs USD2,450.'); "
            "print(len(cs), 'quantulum3' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["3", "False"]


def test_importing_and_extracting_emits_no_warning():
    import subprocess
    import sys

    code = "from workbench.extract import extract_text; print(len(extract_text('Winds of 40 knots and 3 psi.')))"
    out = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""


def test_quantulum_supplies_units_our_tables_lack():
    c = find("The boat reached 35 knots.", "35")
    assert (c.kind, c.unit) == (Kind.MEASURE, "knot")


def test_a_toll_in_money_or_a_toll_road_counts_no_dead():
    assert find("The bridge toll will rise to £5 next year.", "£5").noun is None
    assert find("The M6 toll carries 50,000 vehicles a day.", "50,000").noun == "vehicles"
