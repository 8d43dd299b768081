"""Lexicons for reading numbers in news text: number words, scale words, currencies and hedges.

Everything here is data plus a few small pure functions; ``workbench.extract`` does the reading. Units
(their names, the words and symbols they are written with, dimensions and factors to each dimension's base
unit) come from :mod:`workbench.units`, the one table extraction, grouping and evaluation share.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------- number words

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mln": 1e6, "bln": 1e9, "mn": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
    # South Asian scale words after a numeral: "Rs 500 crore", "₹45 lakh"
    "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
}
# Suffixes written against the digits: "£48m", "$1.2bn", "€3k", "£2tn".
SCALE_SUFFIXES = {
    "k": 1e3, "K": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "M": 1e6, "bn": 1e9, "b": 1e9, "B": 1e9,
    "bln": 1e9, "tn": 1e12, "trn": 1e12, "tr": 1e12,
}
# Denominators of spoken fractions: "a quarter", "two-thirds", "a fifth".
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "fourth": 4, "fourths": 4, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
    "ninths": 9, "tenth": 10, "tenths": 10,
}
ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth",
    "thousandth", "millionth", "last", "next",
}

NUMBER_WORD_SET = set(UNITS_WORDS) | set(TENS_WORDS) | {"hundred", "thousand", "million", "billion",
                                                        "trillion", "dozen"}

# A cheap test for "this sentence may hold a number": any digit or any number word.
# Words that multiply what follows them ("twice the reduction", "double that of the train"), by their factor
MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "treble": 3.0}

_NUMBER_HINT = re.compile(
    r"[\d½¼¾⅓⅔⅛⅜⅝⅞]|\b(?:" + "|".join(sorted(NUMBER_WORD_SET | set(FRACTION_WORDS) - {"second"}, key=len, reverse=True))
    + r")(?:fold)?\b|\b(?:" + "|".join(MULTIPLIER_WORDS) + r")\b|\b(?:than|nearly|almost|least|most|to|over|about|around|roughly)\s+an?\s+"
    r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century)\b",
    re.IGNORECASE,
)


# The same test for words alone (number words, fractions, a hedged single unit), which decides whether the
# readers of spelled-out numbers need to run on a sentence at all.
_WORD_HINT = re.compile(
    r"\b(?:" + "|".join(sorted(NUMBER_WORD_SET | set(FRACTION_WORDS), key=len, reverse=True))
    + r")(?:fold)?\b|\b(?:than|nearly|almost|least|most|to|over|about|around|roughly|up|close|well|just|no)\s+an?\s+"
    r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century)\b",
    re.IGNORECASE,
)


def has_number_words(text: str) -> bool:
    """True when ``text`` spells out a number, a fraction or a hedged single unit."""
    return _WORD_HINT.search(text) is not None


def may_hold_number(text: str) -> bool:
    """True when ``text`` holds a digit, a number word or a hedged single unit ("more than a year");
    sentences without any are skipped."""
    return _NUMBER_HINT.search(text) is not None


def words_to_number(words: list[str]) -> float | None:
    """Value of a sequence of number words ("two hundred and fifty thousand", "a million", "twenty-five").

    Returns None when the words do not form a number. "and a half" adds one half of the last unit.
    """
    total = 0.0
    current = 0.0
    seen = False
    i = 0
    ws = [w.lower() for w in words]
    while i < len(ws):
        w = ws[i]
        if w in ("a", "an"):
            # "a hundred", "a million", "a dozen" and "and a half"
            if i + 1 < len(ws) and ws[i + 1] in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
                current += 1
                seen = True
            elif i + 1 < len(ws) and ws[i + 1] == "half" and seen:
                pass
            else:
                return None
        elif w == "and":
            pass
        elif w == "half":
            if not seen:
                return None
            current += 0.5
        elif "-" in w:
            parts = w.split("-")
            if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in UNITS_WORDS and 0 < UNITS_WORDS[parts[1]] < 10:
                current += TENS_WORDS[parts[0]] + UNITS_WORDS[parts[1]]
                seen = True
            else:
                return None
        elif w in UNITS_WORDS:
            current += UNITS_WORDS[w]
            seen = True
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALE_WORDS[w]
            current = 0.0
            seen = True
        else:
            return None
        i += 1
    if not seen:
        return None
    return total + current


def parse_numeral(s: str) -> float | None:
    """Value of a written numeral: "94,300", "41.2", ".5", "40 000" (space-grouped thousands); None when it
    is not one."""
    t = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    try:
        return float(t)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------------ currencies

# Symbols written before the amount; the longest match wins, so "US$" beats "$".
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "NT$": "TWD", "$": "USD", "£": "GBP", "€": "EUR",
    "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN", "₪": "ILS", "₴": "UAH",
    "Rs": "INR", "Rs.": "INR", "R": "ZAR", "₿": "XBT",
}
CURRENCY_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD", "SEK",
    "NOK", "DKK", "PLN", "CZK", "HUF", "TRY", "BRL", "MXN", "ZAR", "KRW", "NGN", "KES", "EGP", "ILS", "UAH",
    "AED", "SAR", "IDR", "THB", "PHP", "PKR", "BDT", "VND", "ARS", "CLP", "COP", "TWD", "MYR", "XBT", "BTC",
}
# Words after the amount ("48 million pounds", "2.3 billion dollar programme"). Order: longest first.
CURRENCY_WORDS = {
    "us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD",
    "canadian dollar": "CAD", "hong kong dollars": "HKD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "pounds sterling": "GBP", "pound sterling": "GBP", "swiss francs": "CHF",
    "swiss franc": "CHF", "indian rupees": "INR", "south african rand": "ZAR", "dollars": "USD",
    "dollar": "USD", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "euros": "EUR", "euro": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR", "roubles": "RUB",
    "rouble": "RUB", "rubles": "RUB", "ruble": "RUB", "francs": "CHF", "hryvnias": "UAH", "hryvnia": "UAH",
    "rand": "ZAR", "naira": "NGN", "shekels": "ILS", "lira": "TRY", "liras": "TRY", "won": "KRW",
    "pesos": "MXN", "reais": "BRL", "kronor": "SEK", "kroner": "NOK", "zloty": "PLN",
    # bitcoin has no ISO 4217 code; XBT is the code exchanges use
    "bitcoins": "XBT", "bitcoin": "XBT", "baht": "THB",
}
# Sub-units: "50p", "99 cents", "20 pence".
CURRENCY_SUBUNITS = {"cents": ("USD", 0.01), "cent": ("USD", 0.01), "pence": ("GBP", 0.01),
                     "penny": ("GBP", 0.01), "pennies": ("GBP", 0.01), "p": ("GBP", 0.01)}


# ----------------------------------------------------------------------------------------------------- units

# Unit names, symbols, dimensions and factors live in workbench.units, the one table extraction, grouping
# and evaluation share; readers of this module import it beside it (``from workbench import units as U``).


# ---------------------------------------------------------------------------------------------------- hedges

# Words written before a number that bound or soften it. Longest phrases are tried first.
HEDGES_BEFORE: dict[str, str] = {
    # approx
    "about": "approx", "around": "approx", "roughly": "approx", "some": "approx", "an estimated": "approx",
    "estimated": "approx", "approximately": "approx", "approx.": "approx", "approx": "approx",
    "circa": "approx", "c.": "approx", "~": "approx", "close to": "approx", "nearly": "upper_bound",
    "in the region of": "approx", "some estimated": "approx",
    "about an estimated": "approx", "more or less": "approx", "or so": "approx",
    # lower bound
    "more than": "lower_bound", "over": "lower_bound", "at least": "lower_bound", "upwards of": "lower_bound",
    "well over": "lower_bound", "well above": "lower_bound", "just over": "lower_bound",
    "above": "lower_bound", "in excess of": "lower_bound", "no fewer than": "lower_bound",
    "no less than": "lower_bound", "a minimum of": "lower_bound", "as many as": "upper_bound",
    "as much as": "upper_bound", "exceeding": "lower_bound", "exceeds": "lower_bound",
    "exceeded": "lower_bound", "passes": "lower_bound", "passed": "lower_bound", "surpassed": "lower_bound",
    "surpasses": "lower_bound", "topped": "lower_bound", "tops": "lower_bound", "beyond": "lower_bound",
    "greater than": "lower_bound", "higher than": "lower_bound", "north of": "lower_bound",
    # upper bound
    "up to": "upper_bound", "almost": "upper_bound", "under": "upper_bound", "fewer than": "upper_bound",
    "less than": "upper_bound", "at most": "upper_bound", "just under": "upper_bound",
    "just below": "upper_bound", "below": "upper_bound", "not more than": "upper_bound",
    "no more than": "upper_bound", "a maximum of": "upper_bound", "shy of": "upper_bound",
    "just shy of": "upper_bound", "close on": "upper_bound", "nigh on": "upper_bound", "lower than": "upper_bound",
}
# Verbs that bound a number without being part of its surface ("death toll passes 370").
HEDGE_VERBS = {"passes", "passed", "exceeds", "exceeded", "surpassed", "surpasses", "topped", "tops",
               "exceeding", "surpassing", "topping", "passing"}
# Written after a number: "4,000 or more", "4,000-plus", "4,000+".
HEDGES_AFTER: dict[str, str] = {
    "or more": "lower_bound", "plus": "lower_bound", "+": "lower_bound", "or so": "approx",
    "or fewer": "upper_bound", "or less": "upper_bound", "at most": "upper_bound", "at least": "lower_bound",
    "odd": "approx", "or thereabouts": "approx",
}

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
