"""Each pass of the expression reader on its own: the draft after the passes up to that one (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from workbench.extract.passes import PASS_NAMES, NotAClaim, read_draft
from workbench.models import Kind, Qualifier


def draft(text: str, surface: str, upto: str, context_noun: str | None = None):
    return read_draft(text, surface, upto, context_noun)


def test_the_passes_run_in_their_documented_order():
    assert PASS_NAMES == (
        "identifier", "sign_and_currency_before", "scale", "currency_after", "percent", "unit", "times",
        "lexicon_unit", "composite_duration", "range_or_change", "year", "hedge", "rate", "age", "noun",
        "counted_words",
    )


def test_an_unknown_pass_name_says_which_exist():
    with pytest.raises(ValueError, match="identifier"):
        read_draft("It cost 5 dollars.", "5", "no-such-pass")


# Each row: sentence, surface of the number, pass, then either "reject" or the fields the draft must hold.
CASES = [
    # identifier
    ("The jets were F-16 models.", "16", "identifier", "reject"),
    ("Fans of the Pixel 8 queued.", "8", "identifier", "reject"),
    ("Turn at junction 14 for the port.", "14", "identifier", "reject"),
    ("Anna Berg, 61, said so.", "61", "identifier", "reject"),
    ("She lives at 9 Mill Lane now.", "9", "identifier", "reject"),
    ("Crews cleared 300 sites.", "300", "identifier", dict(value=300.0)),
    # sign_and_currency_before
    ("Lows of -7C are likely.", "7", "sign_and_currency_before", dict(value=-7.0, negative=True)),
    ("It cost $12 to enter.", "12", "sign_and_currency_before", dict(currency="USD")),
    ("the fee is nz $ 40 a night", "40", "sign_and_currency_before", dict(currency="NZD")),
    ("The bill was EUR 900 in all.", "900", "sign_and_currency_before", dict(currency="EUR")),
    # scale
    ("Losses hit £6m last year.", "6", "scale", dict(value=6e6, scaled=True)),
    ("A further 1.4 billion was lent.", "1.4", "scale", dict(value=1.4e9)),
    ("The tide peaked at 3.1m at the quay.", "3.1", "scale", dict(value=3.1, scaled=False)),
    # currency_after
    ("He was paid 900 euros.", "900", "currency_after", dict(currency="EUR", kind=Kind.MONEY)),
    ("A coffee is 4 € here.", "4", "currency_after", dict(currency="EUR")),
    ("Stamps cost 85p each.", "85", "currency_after", dict(currency="GBP", value=0.85)),
    ("The fare is 6 dollars 40 cents.", "6", "currency_after", dict(value=6.4, used=2)),
    ("She hopes to lose 12 pounds by June.", "12", "currency_after", dict(kind=Kind.MEASURE, unit="pound")),
    # percent
    ("Turnout rose 3.5% on the day.", "3.5", "percent", dict(kind=Kind.PERCENT)),
    ("Support fell 4 percentage points.", "4", "percent", dict(kind=Kind.PERCENT, unit="percentage point")),
    # unit
    ("Highs of 34C are forecast.", "34", "unit", dict(kind=Kind.MEASURE, unit="celsius")),
    ("The roof is tilted at 20 degrees.", "20", "unit", dict(unit="degree")),
    ("It covers 800 hectares of land.", "800", "unit", dict(unit="hectare")),
    ("The boy was seven years old.", "seven", "unit", dict(unit="year of age")),
    ("They wrote a 90-page report.", "90", "unit", dict(hyphen_noun="page")),
    ("A 5,000-strong crowd gathered.", "5,000", "unit", dict(strong=True)),
    ("The team had two-seaters.", "two", "unit", "reject"),
    # times
    ("Costs are five times higher now.", "five", "times", dict(kind=Kind.RATIO)),
    ("She rang nine times.", "nine", "times", dict(repeat=True)),
    # lexicon_unit
    ("The drive holds 512GB of data.", "512", "lexicon_unit", dict(kind=Kind.MEASURE, unit="gigabyte")),
    ("Winds reached 60 knots.", "60", "lexicon_unit", dict(unit="knot")),
    ("Officials put the magnitude at 4.8.", "4.8", "lexicon_unit", dict(unit="magnitude")),
    # composite_duration
    ("She ran it in 2 hours 9 minutes.", "2", "composite_duration", dict(value=129.0, unit="minute", used=2)),
    # range_or_change
    ("Rents of between €300 and €700 a month.", "300", "range_or_change",
     dict(low=300.0, high=700.0, qualifier=Qualifier.RANGE)),
    ("Prices rose from 4% to 6%.", "4", "range_or_change", dict(value=4.0, is_range=False)),
    ("It lasted 2-3 weeks.", "2", "range_or_change", dict(low=2.0, high=3.0, unit="week")),
    ("The war ran between 1939 and 1945.", "1939", "range_or_change", "reject"),
    ("They won 3-1 at home.", "3", "range_or_change", "reject"),
    # year
    ("The mill closed in 1987.", "1987", "year", "reject"),
    ("Some 1800 staff were laid off.", "1800", "year", dict(value=1800.0)),
    # hedge
    ("About 400 people came.", "400", "hedge", dict(qualifier=Qualifier.APPROX, start=0)),
    ("It drew 3,000 or more fans.", "3,000", "hedge", dict(qualifier=Qualifier.LOWER_BOUND)),
    ("Nearly 90 homes flooded.", "90", "hedge", dict(qualifier=Qualifier.UPPER_BOUND)),
    # rate
    ("The scheme costs £3m a week.", "3", "rate", dict(per="week")),
    ("Desks rent at $9 per square foot.", "9", "rate", dict(per="square foot")),
    ("It happened two years ago.", "two", "rate", "reject"),
    # age
    ("A man aged 47 was held.", "47", "age", dict(kind=Kind.MEASURE, unit="year of age")),
    ("The voting age is to fall to 16.", "16", "age", dict(kind=Kind.DURATION, unit="year")),
    # noun
    ("Police deployed 1,200 riot officers.", "1,200", "noun", dict(noun="riot officers")),
    ("The toll rose to 88 after the storm.", "88", "noun", dict(kind=Kind.COUNT)),
    ("Another 300 were rescued.", "300", "noun", dict(noun="sailors"), "sailors"),
    ("The blast left 57 injured.", "57", "noun", dict(noun="injured")),
    # counted_words
    ("The two leaders met.", "two", "counted_words", "reject"),
    ("One day it will open.", "One", "counted_words", "reject"),
    ("Twelve miners were trapped.", "Twelve", "counted_words", dict(noun="miners")),
]


@pytest.mark.parametrize("row", CASES, ids=[f"{r[2]}|{r[1]}|{r[0][:30]}" for r in CASES])
def test_pass(row):
    text, surface, upto, expect = row[:4]
    context = row[4] if len(row) > 4 else None
    if expect == "reject":
        with pytest.raises(NotAClaim):
            draft(text, surface, upto, context)
        return
    d = draft(text, surface, upto, context)
    for k, v in expect.items():
        got = getattr(d, k)
        if isinstance(v, float):
            assert got == pytest.approx(v), (k, got, v, d)
        else:
            assert got == v, (k, got, v, d)


BRACKETS = [
    ("The load is 20 (kg) per crate.", "20", dict(unit="kilogram", kind=Kind.MEASURE)),
    ("Depth: 7 [m] at the pier.", "7", dict(unit="metre")),
    ("The board (of 12) met.", "12", dict(kind=None)),
]


@pytest.mark.parametrize("text, surface, expect", BRACKETS, ids=[r[0][:25] for r in BRACKETS])
def test_lexicon_unit_pass_reads_a_unit_in_brackets(text, surface, expect):
    d = draft(text, surface, "lexicon_unit")
    for k, v in expect.items():
        assert getattr(d, k) == v, (k, d)
