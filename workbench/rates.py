"""Exchange rates, for comparing sums of money written in different currencies.

One quantity is often reported in two currencies: an agency writes "86 billion pounds ($116 billion)", a
national paper "£86bn", an American one "$115bn". Grouping compares such figures in one dimension, money in
US dollars, converted at the European Central Bank's reference rate of the article's day (the claim's
``published`` date; the latest rate when the article has no date, and the nearest published one for a day
without a rate). The rates are the ECB's history shipped with the CurrencyConverter package: no network.
A conversion is evidence for the pair model, as any value is, not an exact figure: outlets round the rate
they use, and the spread of a group mixing currencies is read as a spread in dollars.

A currency the ECB does not publish (the naira, the kwacha, ...) is not converted: its figures compare
only with figures of the same currency, as before.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

__all__ = ["usd_per_unit"]

_ALIASES = {"RMB": "CNY"}  # the renminbi written by its name, not its ISO code


@lru_cache(maxsize=1)
def _converter():  # noqa: ANN202 - currency_converter.CurrencyConverter, loaded only when money is compared
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def _day(published: str | None) -> _dt.date | None:
    if not published:
        return None
    try:
        return _dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1 << 14)
def usd_per_unit(currency: str | None, published: str | None = None) -> float | None:
    """US dollars for one unit of ``currency`` (an ISO code) on the day ``published`` (an ISO date; the
    latest rate without one); 1.0 for dollars; None for no currency or one without a published rate."""
    if not currency:
        return None
    code = _ALIASES.get(currency.upper(), currency.upper())
    if code == "USD":
        return 1.0
    conv = _converter()
    if code not in conv.currencies:
        return None
    from currency_converter import RateNotFoundError

    try:
        return float(conv.convert(1.0, code, "USD", date=_day(published)))
    except (RateNotFoundError, ValueError):  # no rate for that currency on or near that day
        return None
