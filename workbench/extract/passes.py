"""Reading one number expression: named passes over a small draft record.

A sentence's atoms (numerals, number words, fractions: :func:`workbench.extract.rules.find_atoms`) are read
left to right. For each atom a :class:`Draft` is opened and every pass of :data:`PASSES` runs on it in turn;
a pass reads the text after (or before) what is read so far, fills in the draft's fields and moves
``pos``, or decides that the atom is no claim at all by raising :class:`NotAClaim` (which says how many
atoms it used up). :func:`finish` turns a completed draft into an :class:`Expr`, the sentence-level record
the extractor makes a :class:`~workbench.models.Claim` of.

Each pass has table-driven cases in ``tests/test_extract_passes.py``; :func:`read_draft` runs the passes
up to a named one, so a case can check what that pass alone did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench import numbers as N
from workbench import units as U
from workbench.extract import rules as R
from workbench.extract.rules import Atom, Expr
from workbench.models import Kind, Qualifier


class NotAClaim(Exception):
    """Raised by a pass: the atom (and ``used`` atoms from it) is no claim."""

    def __init__(self, used: int = 1) -> None:
        super().__init__(used)
        self.used = used


@dataclass
class Draft:
    """What is known so far about the number expression that starts at ``atoms[i]``."""

    s: str
    atoms: list[Atom]
    i: int
    blocked: list[tuple[int, int]]
    title_case: bool
    first_word_end: int
    used: int = 1  # atoms this expression takes (a range or a composite duration takes more)
    start: int = 0  # first character of the expression (hedge, sign, currency symbol)
    pos: int = 0  # end of what is read so far
    value: float = 0.0
    kind: Kind | None = None
    unit: str | None = None
    currency: str | None = None
    qualifier: Qualifier = Qualifier.EXACT
    per: str | None = None
    noun: str | None = None
    low: float = 0.0
    high: float = 0.0
    scaled: bool = False  # a scale suffix or word was read ("m", "billion")
    negative: bool = False
    hyphen_noun: str | None = None  # "a 500-page report": the word after the hyphen
    strong: bool = False  # "a 94,000-strong force"
    repeat: bool = False  # "nine times": a count of occasions
    is_range: bool = False
    tail_end: int = 0  # end of the number expression before noun words
    context_noun: str | None = None  # what the article counted last, before this sentence

    @property
    def a(self) -> Atom:
        return self.atoms[self.i]

    @property
    def next_atom(self) -> Atom | None:
        j = self.i + self.used
        return self.atoms[j] if j < len(self.atoms) else None


def open_draft(s: str, atoms: list[Atom], i: int, blocked: list[tuple[int, int]], title_case: bool,
               first_word_end: int, context_noun: str | None = None) -> Draft:
    a = atoms[i]
    return Draft(s, atoms, i, blocked, title_case, first_word_end, start=a.start, pos=a.end, value=a.value,
                 kind=a.fixed_kind, unit=a.fixed_unit, context_noun=context_noun)


# ------------------------------------------------------------------------------------------------ passes

def identifier(d: Draft) -> None:
    """Numbers that are part of a code, label or name: "COVID-19", "HS2", "737-MAX", "route 66",
    "Windows 11", "Formula One", an age in apposition ("Jane Doe, 54,"), a street address."""
    s, a = d.s, d.a
    after = s[a.end:]
    if not a.words:
        if R.glued_identifier(s, a):
            raise NotAClaim
        mid = re.match(r"[-‑](?:[A-Z]{1,4}(?![a-z])|\d+([A-Za-z]+))", after)
        if mid and not (mid.group(1) and (mid.group(1) in N.SCALE_SUFFIXES or mid.group(1) in U.UNIT_SYMBOLS)):
            raise NotAClaim  # "737-MAX", "3-D"
        if re.match(r"\s+(?:Max|MAX|Pro|Plus|Ultra|Mini|Neo|neo|XL|GT|Series|Mk)\b", after):
            raise NotAClaim  # a model name goes on after the number
        if re.match(r"\s+[A-Z][a-z]+\s+\d", after):
            # a name and its number follow; but "50 Tornado 3 jets" counts jets of a named model
            mm = re.match(r"\s+[A-Z][a-z]+\s+\d[\w-]*\s+([a-z]+)", after)
            if not (mm and R.is_plural(mm.group(1))):
                raise NotAClaim
        wb = R.search_back(r"([A-Za-z&][A-Za-z'’.&]*)\s+$", s, a.start)
        if wb:
            w = wb.group(1)
            wl = w.lower().rstrip(".")
            if (wl.endswith("s") and wl[:-1] in R.LABEL_WORDS and wl[:-1] not in ("day", "year", "week")
                    and re.match(r"\s*(?:and|to|or|&|-|–)\s*\d", after)):
                wl = wl[:-1]  # "junctions 10 and 11"
            if wl in ("and", "or", "to") and R.search_back(R.LABEL_LIST, s, a.start):
                raise NotAClaim  # the second label of "junctions 10 and 11"
            if wl in R.LABEL_WORDS and not re.match(r"\s*(?:%|per\s?cent|percent)", after):
                # "page 5" is a label, "5 pages" is a count; "week 3" is a label, "3 weeks" a duration
                if not (wl in ("day", "year", "week") and w[0].islower()
                        and R.search_back(r"\b(?:a|per|each|every)\s+\S+\s+$", s, a.start)):
                    raise NotAClaim
            # a dose or size written against the digits after a brand names a quantity: "Tylenol 500mg"
            dose = re.match(r"[A-Za-zµμ]{2,}", after) and R.unit_after(s, a.end) is not None
            if (w[0].isupper() and wb.start() >= d.first_word_end and not d.title_case
                    and not R.currency_before(s, a.start) and not dose
                    and wl not in R.NOT_NAME_CAPS and wl not in R.MONTH_WORDS and not w.isupper()
                    and not re.match(r"\s?(?:%|per\s?cent|percent|bn|m\b|million|billion|trillion)|\s+times\b", after)):
                raise NotAClaim
            if R.search_back(r"(?:^|\s)[A-Z](?:\s|\s?&\s?)[A-Z]\s+$", s, a.start):
                raise NotAClaim  # an index or name of initials: "S&P 500", "S P 500", "S & P 500"
            if (w.isupper() and len(w) >= 2 and wl not in R.NOT_NAME_CAPS and w not in N.CURRENCY_CODES
                    and not d.title_case and not R.currency_before(s, a.start)):  # "ISK 40 million": a code
                raise NotAClaim
            if re.search(r"[a-z][A-Z]", w):
                raise NotAClaim  # a product name in mixed case before its number
            if (w[0].isupper() and wb.start() < d.first_word_end and wl not in R.NOT_NAME_CAPS
                    and wl not in R.MONTH_WORDS and not w.isupper() and re.fullmatch(r"\d{1,4}", a.raw)
                    and "'" not in w and "’" not in w and not R.currency_before(s, a.start)
                    and not (R.DEGREES.match(s, a.end) or R.UNIT_WORD_RE.match(s, a.end) or R.UNIT_SYMBOL_RE.match(s, a.end))
                    and not re.match(r"\s?(?:%|per\s?cent|percent|bn|m\b|million|billion|trillion)", after)):
                raise NotAClaim  # a name opens the sentence with its number: a model, a version, a route
        if (re.fullmatch(r"\d{1,3}", a.raw) and a.value < 120 and R.search_back(r"[A-Z][\w'’.-]*,\s*$", s, a.start)
                and after.startswith(",")):
            raise NotAClaim  # an age in apposition: "Jane Doe, 54, said"
    if a.words and s[a.start].isupper() and a.start >= d.first_word_end and not d.title_case and a.fixed_kind is None:
        raise NotAClaim  # a number word inside a name: "Formula One", "Channel Four", "the Big Four"
    if R.STREET_AFTER.match(after):
        raise NotAClaim  # a street address: "10 Downing Street"


def sign_and_currency_before(d: Draft) -> None:
    """A minus sign ("-5C", "minus 3", "minus-5") and a currency written before the number ("$", "US$",
    "hk $", "USD", "RM")."""
    s, a = d.s, d.a
    mneg = R.search_back(r"(?:(?:^|(?<=[\s(]))[-−–]|\bminus[\s‑-]+)$", s, a.start)
    if (mneg and not a.words and not R.search_back(r"\d\s*[-−–]$", s, a.start)
            and not R.search_back(r"(?i)plus\s+or\s+minus\s+$", s, a.start)):
        d.negative = True
        d.start = mneg.start()
    mc = R.currency_before(s, d.start)
    if mc and d.kind is None:
        d.currency, d.start = mc
    if d.negative:
        d.value = -d.value


def scale(d: Draft) -> None:
    """A scale suffix ("£48m", "$1.2bn", "1.8M dollars") or word ("2.3 billion", "Rs 500 crore"); "m" is
    metres where the sentence measures ("peaked at 5.8m", "45m2")."""
    s, a = d.s, d.a
    if d.kind is None and not a.words:
        ms = R.SCALE_SUFFIX.match(s, d.pos)
        if ms:
            suf = ms.group(0)
            after = s[ms.end():]
            is_metre = suf == "m" and d.currency is None and (
                re.match(r"[23²³](?!\d)", after) is not None or R.looks_like_metres(after, s) or R.race_distance(s, a))
            if suf in ("b", "B", "M") and d.currency is None and not R.CUR_WORD.match(s, ms.end()):
                pass  # a bare "M" or "B" may be a name
            elif not is_metre:
                d.value *= N.SCALE_SUFFIXES[suf]
                d.pos = ms.end()
                d.scaled = True
    msw = R.SCALE_WORD.match(s, d.pos) if d.kind is None else None
    if msw:
        d.value *= R.scale_value(msw.group(0))
        d.pos = msw.end()
        d.scaled = True


def currency_after(d: Draft) -> None:
    """A currency written after the amount: a code or symbol ("5m USD", "115USD", "15 €", "30 MUSD"), a
    name ("48 million pounds", "420 million finnish markka"), a sub-unit ("50p", "99 cents"); then a second
    smaller unit ("3 dollars 50 cents", "17 USD 25"). "25 pounds" lost or gained is a weight."""
    s, a = d.s, d.a
    if d.kind is None and d.currency is None:
        mcode = R.currency_after(s, d.pos)
        mword = R.CUR_WORD.match(s, d.pos)
        if mword and mword.group(0)[:1] in "-‑" and R.year_like(s, a):
            mword = None  # "the 2019-euro crisis": a year before a hyphen is no amount
        msub = R.SUBUNIT.match(s, d.pos) if not d.scaled else None
        if mcode:
            d.currency = mcode.currency
            d.value *= mcode.scale
            d.scaled = d.scaled or mcode.scale != 1.0
            d.pos = mcode.end
        elif mword:
            word = mword.group(0).strip(" \t\n-‑").lower()
            if word in ("pounds", "pound") and not d.scaled and R.pounds_are_weight(s, mword.end()):
                d.kind, d.unit = Kind.MEASURE, "pound"
                d.pos = mword.end()
            elif not (word == "won" and not d.scaled):
                d.currency = R.CURRENCY_WORDS[word]
                d.pos = mword.end()
        elif msub and (not a.words or msub.group(0).strip(" -‑\t").lower() != "p"):
            word = msub.group(0).strip(" -‑\t").lower()
            cur, factor = N.CURRENCY_SUBUNITS[word]
            if word != "p" or re.match(r"\d", a.raw) and a.end == msub.start():
                d.currency = cur
                d.value *= factor
                d.pos = msub.end()
    if d.currency:
        d.kind = Kind.MONEY
        b = d.next_atom
        if not d.scaled and d.value == int(d.value) and b is not None and d.pos > a.end:
            tail = R.SUB_AMOUNT_TAIL.match(s, b.end)
            if (b.fixed_kind is None and re.fullmatch(r"(?:\s+and)?\s+", s[d.pos:b.start]) and b.value == int(b.value)
                    and 0 < b.value < 100 and tail):
                d.value += b.value / 100 * (1 if d.value >= 0 else -1)
                d.pos = tail.end() if tail.group("sub") else b.end
                d.used += 1


def percent(d: Draft) -> None:
    """"7.5%", "12 per cent", "3 percentage points"; "50 basis points" and "25bp" are 0.5 and 0.25
    percentage points."""
    if d.kind is None:
        mp = R.PERCENT.match(d.s, d.pos)
        if mp:
            d.kind = Kind.PERCENT
            if "point" in mp.group(0).lower():
                d.unit = "percentage point"
            d.pos = mp.end()
            return
        mb = R.BASIS_POINTS.match(d.s, d.pos)
        if mb:
            d.kind, d.unit = Kind.PERCENT, "percentage point"
            d.value /= 100.0
            d.pos = mb.end()


def unit(d: Draft) -> None:
    """A unit after the number from our table: degrees ("41C", "41 degrees Celsius", an angle when a turn
    or slope is named), words ("12,500 hectares", "eight-day", ages "five years old"), symbols ("9.6 GW",
    "12km"); else a hyphenated word ("a 500-page report", "a 30-fold rise", "94,000-strong")."""
    s, a = d.s, d.a
    if d.kind is not None:
        return
    md = R.DEGREES.match(s, d.pos)
    mw = R.UNIT_WORD_RE.match(s, d.pos)
    msym = R.UNIT_SYMBOL_RE.match(s, d.pos) if not a.words else None
    if md and (md.group(0).strip().startswith(("°", "º")) or "deg" in md.group(0).lower()):
        sc = (md.group("scale") or "").lower()
        if sc.startswith("f"):
            d.unit = "fahrenheit"
        elif sc or R.TEMPERATURE_CONTEXT.search(s) or not (R.angle_context(s, md.end())
                                                           or R.search_back(R.ANGLE_BEFORE, s, d.start)):
            d.unit = "celsius"
        else:
            d.unit = "degree"
        d.kind = Kind.MEASURE
        d.pos = md.end()
        spaced_minus = R.search_back(r"(?:^|[\s(:])[-−]\s$", s, d.a.start)
        if d.unit != "degree" and not d.negative and spaced_minus and not R.search_back(r"\d\s*[-−]\s$", s, d.a.start):
            d.value, d.negative = -d.value, True  # "- 20 degrees": a minus sign set apart by a tokeniser
            d.start = spaced_minus.end() - 2
    elif mw:
        u = U.UNIT_WORDS[re.sub(r"^[\s‑-]+", "", mw.group(0)).lower()]
        hyphen = "-" in mw.group(0)[:3] or "‑" in mw.group(0)[:3]
        ordinal = u == "second" and a.words and a.value == 1 and not hyphen  # "one second-round tie"
        if not ordinal and not (u == "magnitude" and not hyphen):
            d.unit = u
            d.kind = R.kind_of_unit(u)
            d.pos = mw.end()
            mage = R.AGE_AFTER_UNIT.match(s, d.pos) if u in ("year", "month", "week", "day") else None
            if mage:
                d.unit, d.kind, d.pos = f"{u} of age", Kind.MEASURE, mage.end()
    elif msym:
        sym = msym.group(0).strip()
        attached = not msym.group(0).startswith(" ")
        ok = not (sym in U.ATTACHED_ONLY_SYMBOLS and not attached)
        if ok and sym == "m" and not (R.looks_like_metres(s[msym.end():], s) or R.race_distance(s, a)):
            ok = False
        if ok:
            d.unit = U.UNIT_SYMBOLS[sym]
            d.kind = R.kind_of_unit(d.unit)
            d.pos = msym.end()
    if d.kind is None:
        mh = R.HYPHEN_WORD.match(s, d.pos)
        if mh:
            w1 = mh.group(1)
            if w1 == "strong":
                d.strong = True
                d.pos = mh.end(1)
            elif w1 == "fold":
                d.kind = Kind.RATIO  # "a 30-fold rise": a multiplier
                d.pos = mh.end(1)
            elif w1 == "plus":
                return
            elif R.is_plural(w1) and w1 not in U.UNIT_WORDS:
                raise NotAClaim  # "three-pointers", "two-seaters": a compound noun, not a count
            elif w1 not in N.NUMBER_WORD_SET and w1 not in ("and", "or", "to"):
                d.hyphen_noun = w1
                d.pos = mh.end(1)


def times(d: Draft) -> None:
    """"four times higher", "three times the level": a multiplier; "nine times": a count of occasions."""
    if d.kind is None and d.hyphen_noun is None and not d.strong:
        mt = R.TIMES.match(d.s, d.pos)
        if mt:
            d.pos = mt.end()
            if R.MULTIPLIER_AFTER.match(d.s, d.pos):
                d.kind = Kind.RATIO
            else:
                d.repeat = True


def lexicon_unit(d: Draft) -> None:
    """A magnitude ("magnitude-5.4", "put the magnitude at 5.9") and the units only the quantulum3-derived
    lexicon knows ("30 knots", "5 psi", "64GB", "120Hz", "½ teaspoon")."""
    s = d.s
    if d.kind is None and R.search_back(r"(?i)\bmagnitude[-‑\s]+(?:of\s+|at\s+)?$", s, d.start):
        d.kind, d.unit = Kind.MEASURE, "magnitude"
        return
    if d.kind is None and not d.a.words:
        mb = R.BRACKETED_UNIT.match(s, d.pos)  # a unit in brackets, as tables write it: "20 (kg)", "7 [m]"
        if mb:
            w = mb.group(1)
            found = R.unit_after(w, 0)
            name = U.UNIT_SYMBOLS.get(w) or U.UNIT_WORDS.get(w.lower()) or (found[0] if found else None)
            if name:
                d.unit, d.pos = name, mb.end()
                d.kind = R.kind_of_unit(name)
    if d.kind is None and d.hyphen_noun is None and not d.strong and not d.a.words:
        m = re.match(r"\s?([^\W\d_][\w/²³]*)", s[d.pos:])
        if not m or m.group(1).lower() in R.NP_STOP:
            return
        found = R.unit_after(s, d.pos)
        if found:
            d.unit, d.pos = found
            d.kind = Kind.MEASURE


def composite_duration(d: Draft) -> None:
    """A duration in two units is one claim in its smallest unit: "2 hours 3 minutes", "3 min 43 sec"."""
    if d.kind is not Kind.DURATION or d.unit not in U.TIME_UNITS:
        return
    s = d.s
    k = d.i + 1
    while k < len(d.atoms):
        b = d.atoms[k]
        if b.fixed_kind is not None or not re.fullmatch(r"\s*(?:,\s*|and\s+)?", s[d.pos:b.start]):
            break
        u2, uend = R.time_unit_at(s, b)
        if u2 is None or U.UNITS[u2].factor >= U.UNITS[d.unit].factor:
            break
        d.value = d.value * U.UNITS[d.unit].factor / U.UNITS[u2].factor + b.value
        d.unit, d.pos = u2, uend
        d.used = k - d.i + 1
        k += 1


def range_or_change(d: Draft) -> None:
    """Two numbers joined by "to", "-", "or", "between ... and": a range ("between €250 and €600",
    "10-15%", "2-3 million", "four to five thousand"), unless a change is described ("rose from 4% to 5%":
    two claims; the first takes a unit or scale written only after the second); year spans and scores
    ("1998-2004", "won 3-1") are no claims."""
    s, a = d.s, d.a
    d.low = d.high = d.value
    between = R.search_back(r"(?i)\bbetween\s+$", s, d.start)
    nxt = d.i + d.used
    b = d.next_atom
    if b is not None and a.fixed_kind is None and not d.repeat and b.fixed_kind is None:
        gap = s[d.pos:b.start]
        mcur_b = R.CUR_PREFIX.search(gap) if d.currency else None
        gap_core = gap[:mcur_b.start()] if mcur_b else gap
        sep = re.fullmatch(r"\s*(?:-|–|—|‑|to|or|and|up\s+to)\s*", gap_core)
        sep_word = re.sub(r"\s+", " ", sep.group(0).strip()) if sep else ""
        from_before = R.search_back(r"(?i)\bfrom\s+$", s, d.start) is not None
        if sep and (R.overlaps((b.start, b.end), d.blocked) or (sep_word == "and" and not between)
                    or (sep_word == "up to" and not from_before)):
            sep = None
        if sep_word == "up to":
            sep_word = "to"  # "from 40 up to 60 dollars"
        second = _second_value(d, b) if sep else None
        if second is not None:
            v2, pos2, kind2, unit2, cur2, scale2, own_unit = second
            # a scale written only after the second number applies to the first when the result is still
            # the lower bound: "2-3 million", "four to five thousand", not "$650,000 to $1.1 million"
            if b.words and not d.scaled and scale2 == 1:
                last = b.raw.split()[-1].lower() if b.raw.split() else ""
                if last in N.SCALE_WORDS and last != "hundred" and d.value < N.SCALE_WORDS[last]:
                    scale2 = N.SCALE_WORDS[last]
            lo = d.value * scale2 if not d.scaled and scale2 != 1 and d.value * scale2 <= v2 else d.value
            same_kind = kind2 == d.kind or (d.kind is None and kind2 is not None)
            same_cur = cur2 == d.currency or d.currency is None or cur2 is None
            # the first's unit carried to a bare second number only where the two read as one range
            # ("10% to 15"), not a change and a level ("added 0.4 percent to 7,112.50")
            plausible = own_unit or d.kind is None or (lo > 0 and v2 / lo <= 10)
            if same_kind and same_cur and plausible and (lo < v2 or (between and lo <= v2)):
                years = R.year_like(s, a) and R.year_like(s, b) and not (
                    R.counted_year(s, a) or R.counted_year(s, b) or R.counted_noun_after(s, b))
                if years and (sep_word in ("-", "–", "—", "‑") or between):
                    raise NotAClaim(d.used + 1)  # "between 2019 and 2023", "1998-2004"
                change = sep_word == "to" and R.describes_change(s, d.start)
                if change and not from_before and d.kind is None and kind2 is not None and lo > 0 and v2 / lo <= 3:
                    change = False  # "fell 2 to 2.5 degrees": the range of a change, its unit written once
                if change:
                    if d.kind is None or kind2 == d.kind:
                        if d.kind is None and kind2 is not None:
                            d.kind, d.unit = kind2, unit2
                            d.currency = d.currency or cur2
                            if d.currency:
                                d.kind = Kind.MONEY
                        d.value = lo
                        d.scaled = d.scaled or scale2 != 1
                else:
                    d.low, d.high = lo, v2
                    if d.kind is None:
                        d.kind, d.unit = kind2, unit2
                    d.currency = d.currency or cur2
                    if d.currency:
                        d.kind = Kind.MONEY
                    d.pos = pos2
                    d.used = nxt - d.i + 1
                    d.is_range = True
                    d.qualifier = Qualifier.RANGE
                    if between:
                        d.start = between.start()
    if not d.is_range and a.fixed_kind is None and b is not None:
        # scores and votes ("a 5-4 ruling", "won 3-1") are not ranges and not claims here
        if re.fullmatch(r"[-–‑]", s[d.pos:b.start]) and not a.words and b.value <= a.value and d.kind is None:
            raise NotAClaim(d.used + 1)


def _second_value(d: Draft, b: Atom):
    """Value, end, kind, unit, currency and scale of the second number of a range, or None when it is
    written in another kind or unit than the first."""
    s = d.s
    v, pos, scale_ = b.value, b.end, 1.0
    k2: Kind | None = None
    u2: str | None = None
    cur2: str | None = None
    if not b.words:
        if R.glued_identifier(s, b):
            return None
        mc = R.currency_before(s, b.start)
        if mc:
            cur2 = mc[0]
        ms = R.SCALE_SUFFIX.match(s, pos)
        if ms and not (ms.group(0) == "m" and d.currency is None and cur2 is None
                       and R.looks_like_metres(s[ms.end():], s)):
            if not (ms.group(0) in ("b", "B", "M") and d.currency is None and cur2 is None):
                scale_ = N.SCALE_SUFFIXES[ms.group(0)]
                pos = ms.end()
    msw = R.SCALE_WORD.match(s, pos)
    if msw:
        scale_ *= R.scale_value(msw.group(0))
        pos = msw.end()
    v *= scale_
    mword = R.CUR_WORD.match(s, pos)
    mcode = R.currency_after(s, pos)
    if cur2 is None and mcode:
        cur2 = mcode.currency
        v *= mcode.scale
        scale_ *= mcode.scale
        pos = mcode.end
    elif cur2 is None and mword and not (mword.group(0).strip(" \t\n-‑").lower() == "won" and scale_ == 1):
        cur2 = R.CURRENCY_WORDS[mword.group(0).strip(" \t\n-‑").lower()]
        pos = mword.end()
    if cur2:
        k2 = Kind.MONEY
    else:
        mp = R.PERCENT.match(s, pos)
        md = R.DEGREES.match(s, pos)
        mw = R.UNIT_WORD_RE.match(s, pos)
        msym = R.UNIT_SYMBOL_RE.match(s, pos) if not b.words else None
        if mp:
            k2 = Kind.PERCENT
            pos = mp.end()
        elif md and (md.group(0).strip().startswith(("°", "º")) or "deg" in md.group(0).lower()):
            sc = (md.group("scale") or "").lower()
            u2 = "fahrenheit" if sc.startswith("f") else ("celsius" if sc or d.unit != "degree" else "degree")
            k2 = Kind.MEASURE
            pos = md.end()
        elif mw:
            u2 = U.UNIT_WORDS[re.sub(r"^[\s‑-]+", "", mw.group(0)).lower()]
            k2 = R.kind_of_unit(u2)
            pos = mw.end()
            mage = R.AGE_AFTER_UNIT.match(s, pos) if u2 in ("year", "month", "week", "day") else None
            if mage:
                u2, k2, pos = f"{u2} of age", Kind.MEASURE, mage.end()
        elif msym:
            sym = msym.group(0).strip()
            if not (sym in U.ATTACHED_ONLY_SYMBOLS and msym.group(0).startswith(" ")) and sym != "m":
                u2 = U.UNIT_SYMBOLS[sym]
                k2 = R.kind_of_unit(u2)
                pos = msym.end()
    own = k2 is not None
    if d.kind is not None and k2 is None:
        k2, u2 = d.kind, d.unit  # "10% to 15": the second keeps the first's unit
    if k2 is not None and d.kind is not None and (k2 != d.kind or (u2 and d.unit and u2 != d.unit)):
        return None
    return v, pos, k2, u2, cur2, scale_, own


def year(d: Draft) -> None:
    """Years used as dates are no claims: "in 2014", "since 2019", "the 2024 budget"; "2000 people" and
    "some 1500 troops" are counts."""
    s, a = d.s, d.a
    if (d.kind is None and not a.words and not d.is_range and R.year_like(s, a) and not d.scaled
            and not R.counted_year(s, a)):
        hb = R.HEDGE_BEFORE.search(s, max(0, d.start - 25), d.start)
        if not hb or hb.group("h").lower() in ("over", "under", "some", "around", "about", "above", "below",
                                                "beyond", "by"):
            raise NotAClaim(d.used)


def hedge(d: Draft) -> None:
    """Hedges before ("about", "more than", "nearly") and after ("or more", "-plus", "+") set the
    qualifier; a hedging verb ("passes 370") bounds without being part of the surface."""
    s = d.s
    if d.qualifier is Qualifier.RANGE:
        return
    hb = R.HEDGE_BEFORE.search(s, max(0, d.start - 25), d.start)
    if hb:
        h = hb.group("h").lower()
        q = Qualifier(N.HEDGES_BEFORE[h])
        include = h not in N.HEDGE_VERBS
        if h == "over" and d.kind is Kind.DURATION and not R.search_back(
                r"(?i)\b(?:for|lasted|lasting|spanning|took|taken|in)\s+$", s, hb.start()):
            q, include = Qualifier.EXACT, False  # "over two days" tells when, not how long at least
        d.qualifier = q
        if include:
            d.start = hb.start()
    elif R.HEDGE_VERB_BEFORE.search(s, max(0, d.start - 30), d.start):
        d.qualifier = Qualifier.LOWER_BOUND
    ma = R.HEDGE_AFTER.match(s, d.pos)
    if ma:
        h = re.sub(r"[\s‑-]+", " ", ma.group(0)).strip().lower()
        d.qualifier = Qualifier(N.HEDGES_AFTER.get(h, "lower_bound"))
        d.pos = ma.end()


def rate(d: Draft) -> None:
    """A rate written after the figure: "£48m a day", "$1,850 a month", "50 people per hour", "per square
    foot"; a duration "ago" points at a time and is no claim."""
    s = d.s
    if d.kind is Kind.DURATION and re.match(r"\s+ago\b", s[d.pos:]):
        raise NotAClaim(d.used)  # "two decades ago" points at a time, like a date
    mr = R.RATE.match(s, d.pos)
    if mr and d.kind is not Kind.DURATION:
        d.per = R.rate_unit(mr)
        d.pos = mr.end()
    elif d.kind is Kind.MEASURE and d.unit and (su := R.slash_unit(s, d.pos)):
        d.per, d.pos = su  # "50 centimetres/millisecond", "120 km/ms"
    d.tail_end = d.pos


def age(d: Draft) -> None:
    """An age set by a rule is a number of years ("the pension age rises to 67"); a person's age is in
    years of age ("aged 34", "a man of age 87", "a 71 yo retiree")."""
    s = d.s
    if d.kind is not None or d.repeat or d.value >= 130:
        return
    if not d.a.words and R.search_back(R.RULE_AGE, s, d.start) and R.noun_after(s, d.pos, Kind.COUNT) is None:
        d.kind, d.unit = Kind.DURATION, "year"
        return
    mab = R.AGE_ABBREV.match(s, d.pos)
    if mab or R.search_back(R.AGE_BEFORE, s, d.start):
        d.kind, d.unit = Kind.MEASURE, "year of age"
        if mab:
            d.pos = d.tail_end = mab.end()


def noun(d: Draft) -> None:
    """What is counted or measured: "94,300 Russian troops", "a 500-page report", "One in five households",
    "the number of patients ... rose to 7,000"; a rate or hedge after the noun ("40,000 vehicles crossed it
    daily", "4,000 people or more")."""
    s = d.s
    if d.kind is None:
        d.kind = Kind.RATIO if d.a.fixed_kind is Kind.RATIO else Kind.COUNT
    if d.hyphen_noun:
        d.noun = d.hyphen_noun if d.kind is Kind.COUNT else None
    elif not d.repeat:
        d.noun = R.noun_after(s, d.pos, d.kind)
    if d.noun is None and d.kind in (Kind.COUNT, Kind.RATIO) and not d.repeat:
        d.noun = R.noun_before(s, d.start, d.kind)
    if (d.kind is Kind.COUNT and d.context_noun and (d.noun is None or d.noun.lower() in ("others", "more"))
            and (R.search_back(R.ANAPHORIC_BEFORE, s, d.start) or R.ANAPHORIC_AFTER.match(s, d.pos))):
        d.noun = d.context_noun  # "another 40,000 were damaged" counts what the sentence before counted
    rated = d.kind in (Kind.COUNT, Kind.MEASURE, Kind.MONEY) and d.per is None
    if d.noun is not None:
        after_noun = R.noun_end(s, d.pos, d.noun)
        if rated:
            mr2 = R.RATE.match(s, after_noun)
            d.per = R.rate_unit(mr2) if mr2 else R.clause_rate(s, after_noun)
        ma2 = re.match(r"(?i)\s+(or more|or fewer|or less|or so)\b", s[after_noun:])
        if ma2 and d.qualifier is Qualifier.EXACT:
            d.qualifier = Qualifier(N.HEDGES_AFTER[ma2.group(1).lower()])
    elif rated and not d.repeat:
        d.per = R.clause_rate(s, d.pos)


def counted_words(d: Draft) -> None:
    """Number words that count nothing worth checking are no claims: "one" alone, "the two presidents",
    "a one-off", "one day"; "the 3rd-placed" is an ordinal."""
    s, a = d.s, d.a
    if d.kind is Kind.COUNT and a.words and not d.scaled:
        if d.value <= 1 and not d.hyphen_noun:
            raise NotAClaim(d.used)
        det = R.search_back(r"(?i)\b(\w+)\s+$", s, d.start)
        if det and det.group(1).lower() in R.DETERMINERS_ANAPHORIC and d.value < 20:
            raise NotAClaim(d.used)
        if d.noun is None and d.value < 100 and d.qualifier is Qualifier.EXACT and not d.repeat:
            raise NotAClaim(d.used)
        if d.value <= 1 and d.hyphen_noun in ("off", "way", "sided", "time", "man", "party"):
            raise NotAClaim(d.used)
    if (d.kind is Kind.DURATION and a.words and d.value == 1 and not d.hyphen_noun
            and re.match(r"(?i)one\s+day\b", s[a.start:])
            and not R.search_back(r"(?i)\b(?:in|for|within|after|just)\s+$", s, a.start)):
        raise NotAClaim(d.used)  # "one day" tells when
    if d.kind is Kind.COUNT and d.hyphen_noun and not a.words and d.hyphen_noun in N.ORDINAL_WORDS:
        raise NotAClaim(d.used)


Pass = Callable[[Draft], None]

# The passes in the order they run; each reads what the ones before it left in the draft.
PASSES: tuple[tuple[str, Pass], ...] = (
    ("identifier", identifier),
    ("sign_and_currency_before", sign_and_currency_before),
    ("scale", scale),
    ("currency_after", currency_after),
    ("percent", percent),
    ("unit", unit),
    ("times", times),
    ("lexicon_unit", lexicon_unit),
    ("composite_duration", composite_duration),
    ("range_or_change", range_or_change),
    ("year", year),
    ("hedge", hedge),
    ("rate", rate),
    ("age", age),
    ("noun", noun),
    ("counted_words", counted_words),
)
PASS_NAMES = tuple(name for name, _ in PASSES)


def finish(d: Draft) -> Expr:
    """The finished expression: bounds in order, the surface trimmed of trailing space."""
    if d.qualifier is Qualifier.RANGE:
        low, high = (d.low, d.high) if d.low <= d.high else (d.high, d.low)
    else:
        low = high = d.value
    end = d.tail_end
    while end > d.start and d.s[end - 1].isspace():
        end -= 1
    assert d.kind is not None
    return Expr(d.start, end, d.kind, low, high, d.qualifier, d.currency, d.unit, d.noun, d.per, d.a.start,
                d.tail_end)


def read_expression(s: str, atoms: list[Atom], i: int, blocked: list[tuple[int, int]], title_case: bool,
                    first_word_end: int, context_noun: str | None = None) -> tuple[Expr | None, int]:
    """The expression that starts at ``atoms[i]`` (or None) and how many atoms it takes; ``context_noun``
    is what the article counted last before this sentence."""
    d = open_draft(s, atoms, i, blocked, title_case, first_word_end, context_noun)
    try:
        for _, run in PASSES:
            run(d)
    except NotAClaim as no:
        return None, no.used
    return finish(d), d.used


def read_draft(s: str, surface: str, upto: str, context_noun: str | None = None) -> Draft:
    """The draft of the atom at ``surface`` in ``s`` after the passes up to and including ``upto``, for
    tests of one pass. Raises NotAClaim when a pass so far rejects it."""
    if upto not in PASS_NAMES:
        raise ValueError(f"no pass named {upto!r}; passes: {', '.join(PASS_NAMES)}")
    blocked = R.non_claim_spans(s)
    atoms = R.find_atoms(s, blocked)
    at = s.index(surface)
    i = next(k for k, a in enumerate(atoms) if a.start >= at)
    d = open_draft(s, atoms, i, blocked, R.is_title_case(s), R.first_word_end(s), context_noun)
    for name, run in PASSES:
        run(d)
        if name == upto:
            break
    return d
