"""Real-world ways of writing figures, one table per class of writing (sentences written for these tests)."""

from __future__ import annotations

import pytest

from workbench.extract import extract_text
from workbench.models import Kind


def claims_of(text: str):
    return extract_text(text)


def find(text: str, surface: str):
    i = text.index(surface)
    j = i + len(surface)
    got = [c for c in claims_of(text) if c.start < j and i < c.end]
    assert got, f"no claim at {surface!r} in {text!r}: {[c.surface for c in claims_of(text)]}"
    return got[0]


def check(c, expect: dict) -> None:
    for k, v in expect.items():
        got = getattr(c, k)
        got = got.value if hasattr(got, "value") and not isinstance(got, (int, float)) else got
        if isinstance(v, float):
            assert got == pytest.approx(v), (k, got, v, c)
        else:
            assert got == v, (k, got, v, c)


# ------------------------------------------------------------------------------ units against the digits

GLUED_UNITS = [
    ("The phone ships with 64GB of storage.", "64GB", dict(kind="measure", low=64.0, unit="gigabyte")),
    ("Its panel refreshes at 120Hz.", "120Hz", dict(kind="measure", low=120.0, unit="hertz")),
    ("Add 50mL of water.", "50mL", dict(kind="measure", low=50.0, unit="millilitre")),
    ("The engine makes 640bhp.", "640bhp", dict(kind="measure", low=640.0, unit="horsepower")),
    ("A studio flat of 32m2 went for sale.", "32m2", dict(kind="measure", low=32.0, unit="square metre")),
    ("The pores are 5µm wide.", "5µm", dict(kind="measure", low=5.0, unit="micrometre")),
    ("The gusts reached 35 knots at sea.", "35 knots", dict(kind="measure", low=35.0, unit="knot")),
    ("Tyres run at 32 psi.", "32 psi", dict(kind="measure", low=32.0, unit="pound per square inch")),
    ("It delivers 590 pound-feet of torque.", "590 pound-feet", dict(kind="measure", low=590.0, unit="pound-foot")),
]


@pytest.mark.parametrize("text, surface, expect", GLUED_UNITS, ids=[r[1] for r in GLUED_UNITS])
def test_units_written_against_the_digits(text, surface, expect):
    check(find(text, surface), expect)


# ----------------------------------------------------------------------------------------- currencies

CURRENCIES = [
    ("The fee rose to USD2,450 this year.", "USD2,450", dict(kind="money", low=2450.0, currency="USD")),
    ("A meal costs RM18.40 in the capital.", "RM18.40", dict(kind="money", low=18.4, currency="MYR")),
    ("The group raised HK$2.9bn in its listing.", "HK$2.9bn", dict(kind="money", low=2.9e9, currency="HKD")),
    ("The miner paid A$40m for the site.", "A$40m", dict(kind="money", low=4e7, currency="AUD")),
    ("the board approved a c$ 12 million loan", "c$ 12 million", dict(kind="money", low=1.2e7, currency="CAD")),
    ("imports rose to hk $ 3.5 billion last year", "hk $ 3.5 billion", dict(kind="money", low=3.5e9, currency="HKD")),
    ("the bank lent $ 75 million to the city", "$ 75 million", dict(kind="money", low=7.5e7, currency="USD")),
    ("Tickets are 15 € at the door.", "15 €", dict(kind="money", low=15.0, currency="EUR")),
    ("The bill came to 120USD.", "120USD", dict(kind="money", low=120.0, currency="USD")),
    ("They lost 75 USD million on the deal.", "75 USD million", dict(kind="money", low=7.5e7, currency="USD")),
    ("Costs overran by 30 MEUR.", "30 MEUR", dict(kind="money", low=3e7, currency="EUR")),
    ("He sold the farm for 420 million finnish markka.", "420 million finnish markka",
     dict(kind="money", low=4.2e8, currency="FIM")),
    ("The bond paid 900 million Swiss francs.", "900 million Swiss francs", dict(kind="money", currency="CHF")),
    # any ISO code the currency lexicon knows, written before the amount, is a currency, not a name's capitals
    ("The fund holds ISK 40 million in bonds.", "ISK 40 million", dict(kind="money", low=4e7, currency="ISK")),
    ("Rents rose to ISK 17,000 a month.", "ISK 17,000 a month", dict(kind="money", low=17000.0, currency="ISK")),
    ("The loan is worth GHS 300 million.", "GHS 300 million", dict(kind="money", low=3e8, currency="GHS")),
]


@pytest.mark.parametrize("text, surface, expect", CURRENCIES, ids=[r[1] for r in CURRENCIES])
def test_currencies_as_real_text_writes_them(text, surface, expect):
    check(find(text, surface), expect)


def test_a_dollar_after_the_article_a_stays_us_dollars():
    check(find("It is a $2.3bn plan.", "$2.3bn"), dict(currency="USD"))


def test_a_symbol_between_two_amounts_belongs_to_one_claim_only():
    cs = claims_of("1 $ 1")
    assert [c.start for c in cs] == sorted(c.start for c in cs)
    assert all(a.end <= b.start for a, b in zip(cs, cs[1:]))


# ------------------------------------------------------------------------------------------ fractions

FRACTIONS = [
    ("The pipe runs for 10 1/2 miles under the bay.", "10 1/2 miles", dict(kind="measure", low=10.5, unit="mile")),
    ("The track is a 1/4 mile oval.", "1/4 mile", dict(kind="measure", low=0.25, unit="mile")),
    ("The notes carry a 7 3/4 % coupon.", "7 3/4 %", dict(kind="percent", low=7.75)),
    ("Stir in ½ teaspoon of salt.", "½ teaspoon", dict(kind="measure", low=0.5, unit="teaspoon")),
    ("The state counted 12,34,567 voters.", "12,34,567", dict(kind="count", low=1234567.0)),
    ("about 80, 000 fans came", "80, 000", dict(kind="count", low=80000.0)),
]


@pytest.mark.parametrize("text, surface, expect", FRACTIONS, ids=[r[1] for r in FRACTIONS])
def test_fractions_and_digit_grouping(text, surface, expect):
    check(find(text, surface), expect)


# ---------------------------------------------------------------------------------------------- ages

AGES = [
    ("She was nine years old when the war began.", "nine years old", dict(kind="measure", low=9.0, unit="year of age")),
    ("A 49-year-old man was charged.", "49-year-old", dict(kind="measure", low=49.0, unit="year of age")),
    ("A man aged 34 was arrested.", "34", dict(kind="measure", low=34.0, unit="year of age")),
    ("The calf was six months old.", "six months old", dict(kind="measure", low=6.0, unit="month of age")),
    ("Most are treated by 18 months of age.", "18 months of age", dict(kind="measure", unit="month of age")),
    ("The driver, a 71 yo retiree, was unhurt.", "71 yo", dict(kind="measure", low=71.0, unit="year of age")),
    ("The pension age rises to 68 in 2040.", "68", dict(kind="duration", low=68.0, unit="year")),
]


@pytest.mark.parametrize("text, surface, expect", AGES, ids=[r[1] for r in AGES])
def test_ages_are_years_of_age(text, surface, expect):
    check(find(text, surface), expect)


# ---------------------------------------------------------------------------------- degrees of heat and turn

DEGREES = [
    ("It was 31 deg C in the shade.", "31 deg C", dict(kind="measure", low=31.0, unit="celsius")),
    ("the water stood at 12.5 celcius", "12.5 celcius", dict(unit="celsius")),
    ("Overnight it fell to - 8 degrees fahrenheit.", "- 8 degrees fahrenheit", dict(low=-8.0, unit="fahrenheit")),
    ("Lows of minus-5C are forecast.", "minus-5C", dict(low=-5.0, unit="celsius")),
    ("The ramp has a slope of 12 degrees.", "12 degrees", dict(unit="degree")),
    ("The crane can rotate 270° on its base.", "270°", dict(unit="degree")),
    ("Highs of 38 degrees are expected on Friday.", "38 degrees", dict(unit="celsius")),
]


@pytest.mark.parametrize("text, surface, expect", DEGREES, ids=[r[1] for r in DEGREES])
def test_degrees_of_heat_and_of_turn(text, surface, expect):
    check(find(text, surface), expect)


# ------------------------------------------------------------------------------------------ not claims

NOT_CLAIMS = [
    ("Delegates met at COP28 in the Gulf.", "28"),
    ("The part number is 24703L202.", "24703"),
    ("Ask for item 24703m212 at the desk.", "24703"),
    ("Adults aged 65 and over get it free.", "65"),
    ("The service runs 24/7 across the city.", "24/7"),
]


@pytest.mark.parametrize("text, surface", NOT_CLAIMS, ids=[r[1] for r in NOT_CLAIMS])
def test_codes_and_bounds_are_not_claims(text, surface):
    i = text.index(surface)
    j = i + len(surface)
    assert [c.surface for c in claims_of(text) if c.start < j and i < c.end] == []


def test_weight_in_pounds_is_told_from_money_by_context():
    assert find("She wants to lose 20 pounds before summer.", "20 pounds").unit == "pound"
    c = find("The fine was 200 pounds.", "200 pounds")
    assert (c.kind, c.currency) == (Kind.MONEY, "GBP")


# ------------------------------------------------------------------------------ amounts and scale words

AMOUNTS = [
    ("The ticket cost 4 dollars 20 cents.", "4 dollars 20 cents", dict(kind="money", low=4.2, currency="USD")),
    ("she paid twelve euros and fifty cents", "twelve euros and fifty cents", dict(kind="money", low=12.5, currency="EUR")),
    ("The fare is 9 dollars and 75.", "9 dollars and 75", dict(kind="money", low=9.75)),
    ("A half-million people fled the coast.", "half-million", dict(kind="count", low=5e5, noun="people")),
    ("The deal is worth a quarter million dollars.", "quarter million dollars", dict(kind="money", low=2.5e5, currency="USD")),
    ("Exports hit three quarters billion euros.", "three quarters billion euros", dict(kind="money", low=7.5e8)),
    ("The house sold for 2.4M dollars.", "2.4M dollars", dict(kind="money", low=2.4e6, currency="USD")),
    ("It declared a 15-cent-a-share dividend.", "15-cent-a-share", dict(kind="money", low=0.15, currency="USD", per="share")),
]


@pytest.mark.parametrize("text, surface, expect", AMOUNTS, ids=[r[1] for r in AMOUNTS])
def test_amounts_in_two_units_and_scale_fractions(text, surface, expect):
    check(find(text, surface), expect)


def test_a_count_after_an_amount_stays_its_own_claim():
    cs = claims_of("They paid 40 dollars 12 times.")
    assert [(c.surface, c.low) for c in cs] == [("40 dollars", 40.0), ("12 times", 12.0)]


LOWER_CASE_DATES = [
    ("shares closed higher on oct. 13 in new york", "13"),
    ("the payment is due december 1 at the latest", "1"),
    ("the 1988 quarter brought gains", "1988"),
    ("the firm had 1988 sales of $ 14 million", "1988"),
    ("traffic on highway 35 was stopped", "35"),
]


@pytest.mark.parametrize("text, surface", LOWER_CASE_DATES, ids=[r[0][:30] for r in LOWER_CASE_DATES])
def test_dates_years_and_roads_in_lower_case_text_are_not_claims(text, surface):
    i = text.index(surface)
    j = i + len(surface)
    assert [c.surface for c in claims_of(text) if c.start < j and i < c.end] == []


MORE_NOT_CLAIMS = [
    ("and on 3 may that year the club was fined", "3"),
    ("the order ships by may 14 at the latest", "14"),
    ("the memo: 1 ) names the risk; 2 ) sets a budget", "1"),
    ("the memo: 1 ) names the risk; 2 ) sets a budget", "2"),
    ("transfer it to account 4021-77310012-09 today", "4021"),
    ("Call 555-1234 for tickets.", "555-1234"),
]


@pytest.mark.parametrize("text, surface", MORE_NOT_CLAIMS, ids=[r[0][:30] + "|" + r[1] for r in MORE_NOT_CLAIMS])
def test_lower_case_may_lists_and_digit_codes_are_not_claims(text, surface):
    i = text.index(surface)
    j = i + len(surface)
    assert [c.surface for c in claims_of(text) if c.start < j and i < c.end] == []


def test_a_hyphenated_range_of_a_count_is_no_phone_number():
    c = find("Crowds of 300-2000 people gathered.", "300-2000")
    assert (c.low, c.high, c.qualifier.value) == (300.0, 2000.0, "range")


def test_a_may_verb_after_a_count_leaves_the_count():
    c = find("Officials said 40 may lose their jobs.", "40")
    assert c.low == 40.0


# ------------------------------------------------------------------------------------------------ nouns

NOUNS = [
    ("About 9,000 cars were recalled. Another 2,500 were checked.", "2,500", "cars"),
    ("Some 80 staff left. A further 25 were moved, and 10 more resigned.", "25", "staff"),
    ("Some 80 staff left. A further 25 were moved, and 10 more resigned.", "10", "staff"),
    ("Guards stopped 14 trucks. 6 others were waved through.", "6", "trucks"),
    ("The quake left 2,310 injured in the province.", "2,310", "injured"),
    ("By night 75 were dead and 19 missing.", "19", "missing"),
    ("The strike drew 620 drivers and conductors.", "620", "drivers and conductors"),
    ("The firm hired 35 more engineers.", "35", "engineers"),
]


@pytest.mark.parametrize("text, surface, noun", NOUNS, ids=[f"{r[1]}|{r[2]}" for r in NOUNS])
def test_what_is_counted(text, surface, noun):
    assert find(text, surface).noun == noun


def test_more_than_is_no_anaphor():
    cs = claims_of("Some 80 staff left. More than 25 were moved.")
    assert [c.noun for c in cs if c.low == 25.0] == [None]


# ------------------------------------------------------------------------------ ranges, changes, scales

RANGES = [
    ("Overnight lows fell 3 to 4.5 degrees.", "3 to 4.5 degrees", dict(low=3.0, high=4.5, unit="celsius", qualifier="range")),
    ("Flats sold for $480,000 to $1.2 million.", "$480,000 to $1.2 million", dict(low=4.8e5, high=1.2e6, qualifier="range")),
    ("Some six to seven thousand fans came.", "six to seven thousand", dict(low=6000.0, high=7000.0)),
    ("Tickets cost eleven or twelve euros.", "eleven or twelve euros", dict(low=11.0, high=12.0, currency="EUR")),
    ("Fares went from 30 up to 45 dollars.", "30", dict(low=30.0, kind="money")),
    ("It now has 4 hundred million users.", "4 hundred million", dict(low=4e8, noun="users")),
    ("Nearly 8 B people live on Earth.", "8 B", dict(low=8e9, noun="people")),
    ("Exports grew ninefold in a decade.", "ninefold", dict(kind="ratio", low=9.0)),
    ("Only one fourth of members voted.", "one fourth", dict(kind="ratio", low=0.25)),
    ("The constant is 6.63×10−34 in these units.", "6.63×10−34", dict(low=6.63e-34)),
    ("Offices rent at £52 per square foot.", "£52 per square foot", dict(currency="GBP", per="square foot")),
    ("A magnitude-6.1 quake hit the coast.", "6.1", dict(kind="measure", unit="magnitude", low=6.1)),
    ("Seismologists put the magnitude at 5.2.", "5.2", dict(kind="measure", unit="magnitude")),
    ("Patients took Nurofen 200mg twice a day.", "200mg", dict(kind="measure", unit="milligram", low=200.0)),
]


@pytest.mark.parametrize("text, surface, expect", RANGES, ids=[r[1] for r in RANGES])
def test_ranges_changes_and_scales(text, surface, expect):
    check(find(text, surface), expect)


def test_a_change_and_a_level_are_two_claims():
    cs = claims_of("The index gained 0.6 percent to 8,215.40.")
    assert [(c.low, c.kind.value) for c in cs] == [(0.6, "percent"), (8215.4, "count")]


MORE_NOT_CLAIMS_2 = [
    ("The S P 500 rose on Friday.", "500"),
    ("The S&P 500 fell 2% in a week.", "500"),
    ("By 2250 the coast will look different.", "2250"),
    ("Firms of the 2019s were different.", "2019s"),
    ("The festival runs Oct. 3-7 in the old town.", "3-7"),
    ("Her office is at 27 Rue Lepic in Paris.", "27"),
]


@pytest.mark.parametrize("text, surface", MORE_NOT_CLAIMS_2, ids=[r[1] for r in MORE_NOT_CLAIMS_2])
def test_index_names_far_years_date_ranges_and_addresses_are_not_claims(text, surface):
    i = text.index(surface)
    j = i + len(surface)
    assert [c.surface for c in claims_of(text) if c.start < j and i < c.end] == []


def test_sub_units_written_in_words():
    c = find("The shares closed one penny lower.", "one penny")
    assert (c.kind, c.currency, c.low) == (Kind.MONEY, "GBP", pytest.approx(0.01))
    assert find("Bread went up ten cents.", "ten cents").low == pytest.approx(0.1)


def test_a_name_before_a_count_of_occasions_leaves_the_count():
    assert find("She had called Tom 4 times by noon.", "4").low == 4.0


SLASH_AND_SYMBOL_UNITS = [
    ("The probe flew at 40 km/ms.", "40 km/ms", dict(unit="kilometre", per="millisecond")),
    ("Feed 3 kg/day to each calf.", "3 kg/day", dict(unit="kilogram", per="day")),
    ("The lag was 30 ms at worst.", "30 ms", dict(unit="millisecond")),
    ("A coffee here is 900 ₡.", "900 ₡", dict(kind="money", currency="CRC")),
    ("It was a 20-dollar note.", "20-dollar", dict(kind="money", currency="USD")),
]


@pytest.mark.parametrize("text, surface, expect", SLASH_AND_SYMBOL_UNITS, ids=[r[1] for r in SLASH_AND_SYMBOL_UNITS])
def test_units_after_a_slash_and_local_currency_symbols(text, surface, expect):
    check(find(text, surface), expect)


def test_a_one_letter_time_symbol_stays_a_code_letter():
    assert [c.surface for c in claims_of("Take exit 11a for the port.") if "11" in c.surface] == []


def test_a_fraction_of_a_percentage_point():
    c = find("The bank cut rates by a quarter of a percentage point.", "a quarter of a percentage point")
    assert (c.kind, c.unit, c.low) == (Kind.PERCENT, "percentage point", 0.25)


def test_a_model_name_after_its_number_is_no_count():
    cs = claims_of("The 320 Pro 5 units shipped late; 80 crates came.")
    assert [c.surface for c in cs] == ["80"]


def test_a_hyphenated_scale_word_and_an_abbreviated_currency():
    assert find("The $5-billion deal closed.", "$5-billion").low == 5e9
    c = find("The flat cost Rs. 45 lakh in all.", "45 lakh")
    assert (c.currency, c.low) == ("INR", 4.5e6)


TOKENISED = [
    ("the 34 - year - old driver was held", "34", dict(unit="year of age", low=34.0)),
    ("a 3 - inch pipe burst", "3", dict(unit="inch")),
    ("a 4 - door model sold well", "4", dict(kind="count", noun="door")),
]


@pytest.mark.parametrize("text, surface, expect", TOKENISED, ids=[r[0][:25] for r in TOKENISED])
def test_hyphens_set_apart_by_a_tokeniser(text, surface, expect):
    check(find(text, surface), expect)


def test_weather_words_keep_degrees_a_temperature_whatever_turns():
    assert find("Temperatures turned colder, dropping to 5 degrees.", "5 degrees").unit == "celsius"


def test_ages_that_bound_a_group_written_with_ages():
    assert [c.surface for c in claims_of("Children ages 5 to 11 can get the shot.")] == []
