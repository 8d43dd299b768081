"""Exchange rates for comparing money across currencies (workbench.rates, the ECB's reference rates)."""

from __future__ import annotations

import pytest

from workbench.group import group_claims, normalised_value
from workbench.models import Claim, Kind
from workbench.rates import usd_per_unit


def test_dollars_are_dollars_and_unknown_currencies_have_no_rate():
    assert usd_per_unit("USD") == 1.0 and usd_per_unit("usd") == 1.0
    assert usd_per_unit(None) is None and usd_per_unit("") is None
    assert usd_per_unit("NGN") is None  # the ECB publishes no naira rate
    assert usd_per_unit("RMB") == usd_per_unit("CNY")  # the renminbi by its name


@pytest.mark.parametrize("day,low,high", [
    ("2008-07-15", 1.55, 1.65),  # the euro at its peak against the dollar
    ("2022-09-28", 0.94, 1.00),  # below parity
])
def test_the_rate_is_the_one_of_the_articles_day(day, low, high):
    assert low < usd_per_unit("EUR", day) < high


def test_a_day_without_a_rate_or_an_unreadable_date_still_gets_one():
    sunday = usd_per_unit("GBP", "2025-06-15")
    assert sunday == pytest.approx(usd_per_unit("GBP", "2025-06-13"), rel=0.02)
    assert usd_per_unit("GBP", "not a date") == usd_per_unit("GBP")


def _money(article, surface, value, currency, outlet, published="2025-06-11"):
    sentence = f"The plan will cost {surface}, the Treasury said."
    start = sentence.index(surface)
    return Claim(article=article, start=start, end=start + len(surface), surface=surface, sentence=sentence,
                 kind=Kind.MONEY, low=value, high=value, currency=currency, outlet=outlet, sentence_start=0,
                 published=published)


def test_one_sum_in_two_currencies_is_one_dimension_and_reads_back_in_the_representatives_currency():
    pounds = _money("a-1", "£86bn", 86e9, "GBP", "City Paper")
    dollars = _money("a-2", "$116bn", 116e9, "USD", "Wire")
    assert normalised_value(pounds)[0] == normalised_value(dollars)[0] == "money"
    assert normalised_value(pounds)[1] == pytest.approx(normalised_value(dollars)[1], rel=0.02)
    g = group_claims([pounds, dollars, _money("a-3", "£86.4bn", 86.4e9, "GBP", "Evening Post")])
    (group,) = [x for x in g.groups if x.size == 3]
    assert group.currency == "GBP" and 85e9 < group.min_value <= group.max_value < 87e9
