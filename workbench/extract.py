"""Numeric claim extraction: quantulum3 finds quantities, our layer makes them right.

Reading goes sentence by sentence. Page furniture (error banners, "Read More" headline lists, share lines,
update stamps: the one rule of :func:`workbench.ingest.furniture_spans`, which the command line and the
store importer apply too) is skipped, and so is every sentence that holds neither a digit nor a number
word. In a sentence we first mark what is *not* a claim (dates, clock times, years, ordinals, phone
numbers, URLs, numbers inside names such as HS2, F-35 or Windows 11), then read each number expression
around its numerals and number words: currency, scale words and suffixes, percent, ranges, hedges, units, rates, the
counted noun and who the sentence attributes the figure to. quantulum3 is asked about the units our own
tables do not know; its own typing ("$1.2bn" -> dollar bit newton, "41.2C" -> coulomb) is never trusted.

Decisions the rules take from context (each has table-driven cases in tests/test_extract_context.py):

- A four-digit number from 1500 to 2100 is a year unless a counted plural noun follows it and no year cue
  precedes it: "2000 people", "some 1500 troops" are counts; "in 2000", "the 2019 elections", "below 1990
  levels" are years.
- Scores and tallies joined by a hyphen ("3-1", "52-48") are results, not claims: the contract has no pair
  value and a range would misstate them. A tally written out ("by 41 votes") is a count.
- Ages that describe a person or bound a group ("aged 65 and over", "Jane Doe, 54,") are not claims; an age
  set by a rule ("the pension age rises to 67") is a duration in years.
- A composite duration ("2 hours 3 minutes") is one claim in its smallest unit; "a year and a half" is 1.5
  years; a hedged single unit ("more than a year") is a duration of one.
- "from X to Y" is a range unless a change is described ("rose from 4% to 5%"): then it is two claims and
  the first takes a unit or scale written only after the second ("from 7.5 to 9.1 weeks").
- "N times higher / the level / as many" is a multiplier (ratio N); "nine times" alone is a count with no
  counted noun.

``text[claim.start:claim.end] == claim.surface`` holds for every claim.
"""

from __future__ import annotations

import logging
import re
import threading
import types
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from workbench import numbers as N
from workbench.ingest import furniture_spans
from workbench.quantity import describe as describe_quantity
from workbench.models import Article, Claim, Kind, Qualifier

__all__ = ["Extractor", "extract_text", "split_sentences", "furniture_spans"]

# ---------------------------------------------------------------------------------------- sentence splitting

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "rep",
    "sen", "gov", "no", "nos", "vs", "etc", "inc", "ltd", "corp", "co", "approx", "e.g", "i.e", "u.s",
    "u.k", "u.n", "fig", "est", "dept", "univ", "mt", "ft", "rev", "hon", "pres", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "c", "ca", "vol", "p", "pp",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``: lines are split first, then sentence ends inside a line.

    Offsets index into ``text``; surrounding whitespace is not part of a sentence.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        ls, le = line.span()
        seg_start = ls
        for m in _SENT_END.finditer(text, ls, le):
            end = m.end()
            nxt = re.match(r"\s+([\"'“‘(\[]?)(\S)", text[end:le])
            if not nxt:
                continue
            ch = nxt.group(2)
            if not (ch.isupper() or ch.isdigit() or nxt.group(1)):
                continue
            if text[m.start()] == ".":
                wb = _WORD_BEFORE.search(text, max(ls, m.start() - 12), m.start())
                if wb:
                    w = wb.group(1).lower().rstrip(".")
                    if w in ("a.m", "p.m"):
                        pass  # "at 6 a.m. The union" ends a sentence
                    elif w in _ABBREVIATIONS or (len(w) == 1 and wb.group(1).isupper()):
                        continue
                if re.search(r"\d$", text[max(ls, m.start() - 1):m.start()]) and ch.isdigit():
                    continue
            _add_span(text, seg_start, end, spans)
            seg_start = end
        _add_span(text, seg_start, le, spans)
    return spans


def _add_span(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


# ----------------------------------------------------------------------------------------- non-claim spans

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d|\d)"
_NOT_CLAIM_PATTERNS = [
    # URLs, e-mail addresses, handles
    r"\b(?:https?://|www\.)\S+",
    r"\b[\w.+-]+@[\w-]+\.[\w.-]+",
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|org\.uk|gov\.uk|ac\.uk|news)(?:/\S*)?",
    r"(?<!\w)[@#]\w+",
    # dates
    rf"(?:{_WEEKDAY_RE},?\s+)?\b{_MONTH_RE}\s+{_DAY_RE}(?:\s*,?\s*(?:1[5-9]|20)\d\d\b)?",
    rf"(?:{_WEEKDAY_RE},?\s+)?\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}\b(?:\s*,?\s*(?:1[5-9]|20)\d\d\b)?",
    rf"\b{_MONTH_RE}\s*,?\s+(?:of\s+)?(?:1[5-9]|20)\d\d\b",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    r"\b(?:1[5-9]|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}\b",
    r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:(?:1[5-9]|20)\d\d|\d\d)\b",
    r"\b(?:FY|fy|Q[1-4]|H[12])\s?'?\d{2,4}\b",
    r"\b(?:Q[1-4]|H[12])\b",
    r"\b(?:mid|early|late|end|pre|post)[-‑](?:1[5-9]|20)\d\d(?:s)?\b",
    r"(?<![\w$£€])'?\d0s\b|\b(?:1[5-9]|20)\d0s\b|'\d\d\b",
    # clock times
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b|A\.M\.?|P\.M\.?)",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|CST|CDT|ET|PT|hrs|h))?\b",
    r"\b\d{1,2}\s*o['’]clock\b",
    r"\b[012]\d[0-5]\d\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT|hrs|hours\s+(?:GMT|local|UTC))\b",
    r"\b24/7\b",
    # relative time stamps: "3 hours ago", "5 min read"
    r"\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?|yrs?)\s+ago\b",
    r"\b\d+\s*(?:min|minute)s?\s+read\b",
    # ordinals written as numerals
    r"\b\d+(?:st|nd|rd|th)\b",
    # phone numbers
    r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?0\d{2,4}(?:[\s.-]\d{2,4}){1,3}(?![\w,])",
    r"(?<![\w,.])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?![\w,])",
    r"(?<![\w,.])\(\d{3}\)\s?\d{3}[\s.-]\d{4}\b",
    r"(?<![\w,.$£€])\d{3}[.-]\d{3}[.-]\d{4}\b",
    r"(?<![\w,.$£€-])\d{3}-\d{4}\b",
    # numbered things: "No. 10", "#1"
    r"\b(?:No|no|Nos|nos|Number|number)\.?\s+\d+\b",
    r"#\d+\b",
    # fractions and references written with a slash
    r"\b\d+/\d+\b",
    # ages that describe a person or bound a group: "aged 34", "aged 65 and over", "aged 16 to 24"
    r"\baged\s+(?:over\s+|under\s+|above\s+|below\s+|between\s+|from\s+)?\d{1,3}(?![\d,.]\d)"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,3}(?![\d,.]\d))?(?:\s*\+|\s+(?:and|or)\s+(?:over|above|older|under|younger|below))?",
    # service and phone numbers after a verb of calling: "call 101", "dial 999" (not "call 500 volunteers")
    r"\b(?i:call|dial|ring|phone|text|telephone|tel\.?)\s*:?\s+\+?\d(?:[\d -]*\d)?(?![\d,.]?\d)(?!\s+[a-z]+s\b)",
]
_NOT_CLAIM_RE = re.compile("|".join(f"(?:{p})" for p in _NOT_CLAIM_PATTERNS))

# Words that, written before a number, make it a label ("route 66", "platform 9", "article 5").
_LABEL_WORDS = {
    "section", "article", "chapter", "clause", "paragraph", "page", "item", "room", "flight", "route",
    "platform", "gate", "terminal", "bus", "line", "model", "version", "level", "phase", "stage", "grade",
    "tier", "category", "zone", "ward", "district", "season", "episode", "series", "act", "rule", "unit",
    "block", "lot", "exit", "junction", "channel", "apartment", "flat", "suite", "floor", "lane", "track",
    "volume", "issue", "part", "step", "figure", "table", "appendix", "resolution", "bill", "amendment",
    "covid", "sars", "mh", "ps", "iphone", "galaxy", "pixel", "boeing", "airbus", "windows", "ios",
    "android", "python", "web", "formula", "apollo", "artemis", "soyuz", "mark", "mk", "type", "class",
    "code", "pin", "id", "ticket", "box", "po", "room", "vs", "v", "week", "day", "year", "game", "round",
    "match", "stanza", "verse", "psalm", "top", "hole", "door", "number", "no", "cell", "bay", "pier",
}
_LABEL_LIST = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(w for w in _LABEL_WORDS if w not in ("day", "year", "week"))) + r")s?\s+\d+\s*(?:,|and|or|to|&)\s*$"
)
_NOT_NAME_CAPS = {
    "about", "around", "roughly", "some", "nearly", "almost", "over", "under", "more", "less", "fewer",
    "at", "up", "an", "a", "the", "and", "but", "or", "to", "of", "in", "on", "by", "for", "from", "with",
    "than", "just", "only", "all", "another", "least", "most", "estimated", "approximately", "exactly",
    "between", "since", "after", "before", "during", "until", "as", "if", "when", "while", "whereas",
    "record", "total", "further", "additional", "extra", "another", "i", "we", "they", "it", "he", "she",
    "you", "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "could", "can",
    "said", "says", "say", "cost", "costs", "rose", "fell", "hit", "reached", "reach", "cut", "cuts", "up",
    "down", "top", "tops", "topped", "passes", "passed", "exceeds", "exceeded", "above", "below", "near",
    "per", "each", "every", "only", "now", "then", "still", "also", "than", "our", "their", "its", "his",
    "her", "my", "your", "these", "those", "this", "that", "there", "here", "what", "where", "who", "which",
    "killed", "kills", "killing", "injured", "lost", "lose", "loses", "won", "wins", "win", "gained", "gains",
    "raised", "raise", "raises", "spent", "spend", "spends", "paid", "pay", "pays", "owes", "owe", "earned",
    "earns", "earn", "saw", "sees", "see", "added", "adds", "add", "employs", "employ", "employed", "housed",
    "houses", "built", "builds", "build", "ordered", "orders", "order", "bought", "buys", "sold", "sells",
    "approved", "approves", "includes", "included", "including", "totalled", "totaled", "totals", "numbered",
    "numbers", "counted", "counts", "reported", "reports", "recorded", "records", "registered", "logged",
    "showed", "shows", "shown", "plus", "minus", "nearly", "roughly", "almost", "around", "just", "barely",
    "fully", "only", "merely", "precisely", "exactly", "perhaps", "possibly", "probably", "likely", "maybe",
    "another", "other", "x", "times", "upwards", "well", "north", "south", "east", "west", "beyond",
}
_MONTH_WORDS = N.MONTHS | N.WEEKDAYS


def non_claim_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans in ``sentence`` that can never be (part of) a claim: dates, clock times, ordinals, phone
    numbers, URLs, numbered labels."""
    return [m.span() for m in _NOT_CLAIM_RE.finditer(sentence) if m.end() > m.start()]


# ------------------------------------------------------------------------------------------------- atoms

_NUMERAL = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])(?:\.\d+)?|"
                      r"\d+(?:\.\d+)?|\.\d+)")
_NW_UNIT = "|".join(sorted(N.UNITS_WORDS, key=len, reverse=True))
_NW_TENS = "|".join(N.TENS_WORDS)
_NW_TOKEN = (rf"(?:(?:{_NW_TENS})(?:[-‑ ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_NW_UNIT}|"
             r"hundred|thousand|million|billion|trillion|dozen)")
_NUMBER_WORDS = re.compile(
    rf"(?i)\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{_NW_TOKEN}"
    rf"(?:(?:\s+and\s+|\s+|[-‑])(?:{_NW_TOKEN}))*(?:\s+and\s+a\s+half\b)?\b"
)
_FRACTION_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)")
_FRACTION_DEN = "|".join(sorted(N.FRACTION_WORDS, key=len, reverse=True))
# "a quarter of a million", "half a million", "three-quarters of a billion"
_FRACTION_OF_SCALE = re.compile(
    rf"(?i)\b(?:(?P<num>{_FRACTION_NUM})[\s‑-]+(?P<den>{_FRACTION_DEN})\s+of\s+(?:a|an|one)|half\s+a|half\s+an)"
    r"\s+(?P<scale>hundred|thousand|million|billion|trillion)\b"
)
# "three-quarters of an hour", "half an hour", "a quarter of a mile"
_FRACTION_OF_UNIT = re.compile(
    rf"(?i)\b(?:(?P<num>{_FRACTION_NUM})[\s‑-]+(?P<den>{_FRACTION_DEN})\s+of\s+(?:a|an|one)|(?P<half>half)\s+(?:a|an))"
    r"\s+(?P<unit>second|minute|hour|day|week|month|year|decade|century|mile|kilometre|kilometer|metre|meter|"
    r"acre|hectare|tonne|ton|litre|liter|gallon|pound|kilogram|kilo)\b"
)
# "a year and a half", "two hours and a half", "an hour and a half"
_UNIT_AND_A_HALF = re.compile(
    rf"(?i)\b(?P<num>{_FRACTION_NUM})\s+(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century|"
    r"mile|kilometre|kilometer|metre|meter|acre|hectare|tonne|ton|litre|liter|gallon)s?\s+and\s+a\s+half\b"
)
# a single unit bounded by a hedge: "more than a year", "nearly a month" (not "a year earlier", "a year ago")
_HEDGED_UNIT = re.compile(
    r"(?i)\b(?:more\s+than|less\s+than|fewer\s+than|nearly|almost|at\s+least|at\s+most|up\s+to|just\s+over|"
    r"just\s+under|well\s+over|close\s+to|roughly|about|around|no\s+more\s+than|no\s+less\s+than)\s+"
    r"(?P<a>a|an)\s+(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century)\b"
    r"(?![\s‑-]+(?:ago|earlier|later|before|after|previously|beforehand|or\s+so\s+ago|old|long|and\s+a\s+half)\b)"
    r"(?!\s+on\s*(?:[,.;:]|$))"  # "a year on, the town has recovered"
    r"(?!['’]s)"
)
# "one in four", "1 in 5", "three out of four", "nine out of every 10"
_RATIO_IN = re.compile(
    rf"(?i)\b(?P<num>\d+|{_NW_UNIT}|{_NW_TENS})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>\d[\d,]*|{_NW_UNIT}|{_NW_TENS}|"
    r"a\s+hundred|one\s+hundred|a\s+thousand|one\s+thousand)\b(?![.,]\d)"
)
# "a quarter of", "two-thirds", "a fifth", "half of"
_FRACTION = re.compile(
    rf"(?i)\b(?P<num>{_FRACTION_NUM})[\s‑-]+(?P<den>{_FRACTION_DEN})\b"
)
_FRACTION_FOLLOW = re.compile(
    r"\s*(?:of\b|[,.;:)!?]|$|(?:are|were|is|was|be|been|have|had|has|will|would|could|can|may|might|should|must|"
    r"said|say|says|go|goes|went|come|comes|came|live|lives|lived|do|does|did|get|gets|got|remain|remains|"
    r"in|on|at|for|since|to|from|over|by|between|among|across|during|after|before|than|and|or|but|"
    r"more|less|fewer|now|still|already|also)\b)"
)
_HALF = re.compile(r"(?i)\bhalf\b(?=\s+(?:of|the|its|their|his|her|our|all)\b)")
# "more than half said", "nearly half were": a hedge makes a lone "half" a share
_HEDGED_HALF = re.compile(r"(?i)\b(?:than|nearly|almost|roughly|about|around|over|under)\s+(?P<h>half)\b(?![-‑]|\s+(?:a|an)\s)")


@dataclass
class _Atom:
    start: int
    end: int
    value: float
    words: bool  # spelled out
    fixed_kind: Kind | None = None
    fixed_unit: str | None = None
    raw: str = ""


@dataclass
class _Expr:
    start: int
    end: int
    kind: Kind
    low: float
    high: float
    qualifier: Qualifier = Qualifier.EXACT
    currency: str | None = None
    unit: str | None = None
    noun: str | None = None
    per: str | None = None
    num_start: int = 0  # first character of the number itself (after hedge and currency)
    tail_end: int = 0  # end of the number expression before noun words


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _find_atoms(s: str, blocked: list[tuple[int, int]]) -> list[_Atom]:
    atoms: list[_Atom] = []
    taken: list[tuple[int, int]] = list(blocked)

    def add(a: _Atom) -> None:
        if not _overlaps((a.start, a.end), taken):
            atoms.append(a)
            taken.append((a.start, a.end))

    for m in _UNIT_AND_A_HALF.finditer(s):
        n = _word_or_numeral(m.group("num"))
        unit = _unit_from_word(m.group("unit"))
        if n is None or unit is None:
            continue
        kind = Kind.DURATION if unit in N.TIME_UNITS else Kind.MEASURE
        add(_Atom(m.start(), m.end(), n + 0.5, True, kind, unit, raw=m.group(0)))
    for m in _HEDGED_UNIT.finditer(s):
        unit = _unit_from_word(m.group("unit"))
        add(_Atom(m.start("a"), m.end(), 1.0, True, Kind.DURATION, unit, raw=s[m.start("a"):m.end()]))
    for m in _FRACTION_OF_SCALE.finditer(s):
        num = m.group("num")
        if num is None:
            frac = 0.5
        else:
            n = _word_or_numeral(num)
            den = N.FRACTION_WORDS[m.group("den").lower()]
            frac = (n or 0) / den
        add(_Atom(m.start(), m.end(), frac * N.SCALE_WORDS[m.group("scale").lower()], True, raw=m.group(0)))
    for m in _FRACTION_OF_UNIT.finditer(s):
        if m.group("half"):
            frac = 0.5
        else:
            n = _word_or_numeral(m.group("num"))
            frac = (n or 0) / N.FRACTION_WORDS[m.group("den").lower()]
        unit = _unit_from_word(m.group("unit"))
        kind = Kind.DURATION if unit in N.TIME_UNITS else Kind.MEASURE
        add(_Atom(m.start(), m.end(), frac, True, kind, unit, raw=m.group(0)))
    for m in _RATIO_IN.finditer(s):
        n = _word_or_numeral(m.group("num"))
        d = _word_or_numeral(m.group("den"))
        if n is None or d is None or d <= n or d == 0:
            continue
        if re.match(r"\d{4}$", m.group("den")) and 1500 <= d <= 2100:
            continue
        add(_Atom(m.start(), m.end(), n / d, True, Kind.RATIO, raw=m.group(0)))
    for m in _FRACTION.finditer(s):
        num_word = m.group("num").lower()
        den_word = m.group("den").lower()
        after = s[m.end():]
        plural = den_word.endswith("s") and den_word != "halves" or den_word == "halves"
        if num_word in ("a", "an", "one"):
            if plural:
                continue
            # "a third stoppage" is an ordinal; "a third of", "a quarter," are fractions
            hedged = _HEDGE_BEFORE.search(s, max(0, m.start() - 25), m.start()) is not None
            if not hedged and (not _FRACTION_FOLLOW.match(after) or re.match(r"\s+in\s+a\s+row\b", after)):
                continue
            if den_word == "half" and num_word in ("a", "an"):
                continue  # "and a half" is read with the number words
        elif not plural and den_word not in ("half",):
            continue  # "two third" is not English; "five second" is a duration
        n = _word_or_numeral(num_word)
        if n is None:
            continue
        value = n / N.FRACTION_WORDS[den_word]
        if value >= 1:
            continue
        add(_Atom(m.start(), m.end(), value, True, Kind.RATIO, raw=m.group(0)))
    for m in _HALF.finditer(s):
        add(_Atom(m.start(), m.end(), 0.5, True, Kind.RATIO, raw=m.group(0)))
    for m in _HEDGED_HALF.finditer(s):
        add(_Atom(m.start("h"), m.end("h"), 0.5, True, Kind.RATIO, raw=m.group("h")))
    for m in _NUMBER_WORDS.finditer(s):
        for a in _word_atoms(s, m.start(), m.end()):
            add(a)
    for m in _NUMERAL.finditer(s):
        v = N.parse_numeral(m.group(0))
        if v is None:
            continue
        add(_Atom(m.start(), m.end(), v, False, raw=m.group(0)))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _word_atoms(s: str, start: int, end: int) -> list[_Atom]:
    """Number-word atoms in s[start:end]; splits the span when the whole does not read as one number."""
    text = s[start:end]
    toks = [(t.start() + start, t.end() + start, t.group(0)) for t in re.finditer(r"[A-Za-z]+(?:[-‑][A-Za-z]+)?", text)]
    out: list[_Atom] = []
    i = 0
    while i < len(toks):
        best = None
        for j in range(len(toks), i, -1):
            words = [t[2].replace("‑", "-") for t in toks[i:j]]
            if words[-1].lower() in ("and", "a", "an"):
                continue
            # hyphenated tokens that are not "twenty-five" split: "two-hour" has no number word after "two"
            if any("-" in w and w.split("-")[1].lower() not in N.UNITS_WORDS for w in words):
                continue
            if any(w.lower() == "and" and k > 0 and words[k - 1].lower() not in ("hundred", "thousand", "million", "billion", "trillion") and words[k + 1:k + 2] != ["a"]
                   for k, w in enumerate(words)):
                continue
            v = N.words_to_number(words)
            if v is not None:
                best = (j, v)
                break
        if best is None:
            i += 1
            continue
        j, v = best
        if all(t[2].lower() in ("hundred", "thousand", "million", "billion", "trillion", "dozen") for t in toks[i:j]):
            i = j  # a scale word alone belongs to the numeral before it ("2.3 billion")
            continue
        out.append(_Atom(toks[i][0], toks[j - 1][1], v, True, raw=s[toks[i][0]:toks[j - 1][1]]))
        i = j
    return out


def _word_or_numeral(w: str) -> float | None:
    w = w.strip().lower()
    if w in ("a", "an"):
        return 1.0
    if w[:1].isdigit():
        return N.parse_numeral(w)
    return N.words_to_number(w.split())


def _unit_from_word(w: str) -> str | None:
    w = w.lower()
    if w in N.UNIT_WORDS:
        return N.UNIT_WORDS[w]
    if w + "s" in N.UNIT_WORDS:
        return N.UNIT_WORDS[w + "s"]
    return None


# ------------------------------------------------------------------------------------------ tail patterns

def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CUR_PREFIX = re.compile(rf"(?:(?<![A-Za-z])(?:{_alt(k for k in N.CURRENCY_SYMBOLS if not k[0].isalpha() or '$' in k)})|"
                         rf"\b(?:{_alt(N.CURRENCY_CODES)}|Rs\.?)\s?)$")
_CUR_AFTER_CODE = re.compile(rf"\s?(?:{_alt(N.CURRENCY_CODES)})\b")
_CUR_WORD = re.compile(rf"(?i)\s+(?:{_alt(N.CURRENCY_WORDS)})\b")
_SUBUNIT = re.compile(r"(?i)\s*(?:cents?|pence)\b|p\b")
_SCALE_SUFFIX = re.compile(r"(?:bn|mn|mln|bln|trn|tn|tr|k|K|m|M|b|B)(?![A-Za-z])")
_SCALE_WORD = re.compile(r"(?i)[\s‑-]+(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|trn|tn|crores?|lakhs?|lacs?)\b")
_PERCENT = re.compile(r"(?i)\s?%|\s*per\s?cent\b|\s*percent\b|pc\b|\s+percentage\s+points?\b|\s+pct\b")
_UNIT_WORD_RE = re.compile(rf"(?i)(?:\s+|[-‑])(?:{_alt(N.UNIT_WORDS)})\b")
_UNIT_SYMBOL_RE = re.compile(rf"\s?(?:{_alt(N.UNIT_SYMBOLS)})(?![\w/²³])")
_DEGREES = re.compile(r"(?i)\s*(?:°|º|\s+degrees?\b|[-‑]degrees?\b)(?:\s*(?P<scale>celsius|centigrade|fahrenheit|c\b|f\b))?")
_HYPHEN_WORD = re.compile(r"[-‑]([a-z]+)(?:[-‑]([a-z]+))?\b")
_RATE = re.compile(
    r"(?i)[\s‑-]*(?:(?:a|an|per|each|every)[\s‑-]+(?P<unit>day|week|month|year|hour|minute|second|night|fortnight|quarter|"
    r"head|person|capita|household|barrel|tonne|ton|litre|liter|gallon|kilo|kilogram|kilowatt[- ]hour|unit|share|"
    r"passenger|pupil|student|patient|visitor|worker|employee|game|match|mile|kilometre|kilometer|game)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|on|previously|beforehand))"
    r"|(?:per|for\s+each|for\s+every|each|every)[\s‑-]+(?!cent\b)(?P<noun>[a-z]{3,}(?<!s))\b"
    r"|/\s?(?P<slash>day|week|month|year|yr|hour|hr|h|night|person|head)\b"
    r"|\s+(?P<adv>annually|a\s+year|per\s+annum|yearly|daily|weekly|monthly|hourly)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|on|previously|beforehand)))"
)
_RATE_ADVERB = {"annually": "year", "per annum": "year", "yearly": "year", "daily": "day", "weekly": "week",
                "monthly": "month", "hourly": "hour", "a year": "year"}
# a rate stated later in the counted thing's clause, after its verb: "40,000 vehicles crossed it daily",
# "3 million people visit the park each year". The scan stops at the clause's end (punctuation, a
# conjunction or relative word) and at another figure, which the rate would belong to instead.
_CLAUSE_RATE = re.compile(
    r"(?i)\b(?:(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
    r"(?!\s+(?!(?:in|on|at|to|for|from|by|with|during|last|this|across|through|now|too|again)\b)[a-z])"
    r"|(?:each|every|per)\s+(?P<eunit>day|week|month|year|hour|night|annum)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously|beforehand))"
    r"|(?<!\bin\s)(?<!\bfor\s)(?<!\bover\s)(?<!\bwithin\s)(?<!\bafter\s)(?<!\bjust\s)(?<!\bthe\s)"
    r"(?:a|an)\s+(?P<aunit>day|week|month|year)\s*$)"
)
_CLAUSE_END = re.compile(
    r"(?i)[,.;:!?()\u2013\u2014\d]|\s-\s|\b(?:and|but|or|nor|while|whereas|which|who|whom|whose|that|when|where|"
    r"because|although|though|if|unless|until|since|after|before|as|than|whether|so)\b"
)
# verbs whose object is a length of time, not a rate: "12 officers spent a day there", "it took a year"
_DURATION_VERBS = re.compile(
    r"(?i)\b(?:spen[dt]s?|spending|t[ao]ok|takes?|taken|taking|lasts?|lasted|lasting|wait(?:s|ed|ing)?|"
    r"serve[sd]?|serving|stay(?:s|ed|ing)?|remain(?:s|ed|ing)?|needs?|needed|needing)\b"
)
_CLAUSE_UNIT = {"annum": "year", "nightly": "night"}


def _clause_rate(s: str, pos: int) -> str | None:
    """The rate a later word of the same clause puts on the figure whose counted thing ends at ``pos``."""
    stop = _CLAUSE_END.search(s, pos)
    end = stop.start() if stop else len(s)
    if end - pos > 80:
        return None
    m = _CLAUSE_RATE.search(s, pos, end)  # the clause's end counts as the end of the text
    if not m:
        return None
    if m.group("adv"):
        w = m.group("adv").lower()
        return _CLAUSE_UNIT.get(w) or _RATE_ADVERB.get(w, w)
    if m.group("eunit"):
        u = m.group("eunit").lower()
        return _CLAUSE_UNIT.get(u, u)
    if _DURATION_VERBS.search(s, pos, m.start()):
        return None
    return m.group("aunit").lower()


_RANGE_SEP = re.compile(r"\s*(?:-|–|—|‑|to|or)\s*$")
_HEDGE_AFTER = re.compile(rf"(?i)(?:\s+(?:or more|or so|or fewer|or less|or thereabouts|odd)\b|[-‑]plus\b|\+)")
_HEDGE_BEFORE = re.compile(rf"(?i)(?:^|(?<=[\s(\"“'‘]))(?P<h>{_alt(N.HEDGES_BEFORE)})\s*$")
_HEDGE_VERB_BEFORE = re.compile(rf"(?i)\b(?P<h>{_alt(N.HEDGE_VERBS)})\s+(?:a\s+record\s+|a\s+)?$")

_PLURAL_IRREGULAR = {"people", "children", "men", "women", "police", "staff", "aircraft", "sheep", "fish",
                     "cattle", "personnel", "data", "media", "feet", "teeth", "mice", "geese", "troops",
                     "livestock", "crew", "youth", "deer", "offspring", "clergy", "infantry", "militia"}
_NP_STOP = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "by", "for", "from", "to", "with",
    "without", "into", "onto", "over", "under", "about", "after", "before", "during", "since", "until",
    "than", "as", "per", "each", "every", "across", "along", "among", "amid", "around", "between", "through",
    "via", "against", "toward", "towards", "within", "near", "off", "out", "up", "down", "beyond", "behind",
    "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "who", "whom", "whose",
    "which", "that", "this", "these", "those", "there", "here", "where", "when", "while", "whereas", "if",
    "because", "so", "yet", "not", "no", "also", "still", "now", "then", "already", "just", "only", "even",
    "it", "its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my",
    "said", "says", "say", "told", "tell", "according", "more", "less", "fewer", "most", "least", "ago",
    "last", "next", "this", "year", "years", "since", "compared", "against", "versus", "vs", "plus",
    "minus", "total", "altogether", "overall", "respectively", "apiece", "each", "alone", "again", "too",
    "left", "remain", "remained", "remains", "went", "came", "come", "go", "goes", "got", "get", "gets",
    "face", "faced", "faces", "need", "needs", "needed", "lost", "lose", "won", "win", "took", "take",
    "takes", "made", "make", "makes", "gave", "give", "gives", "built", "build", "fled", "flee", "fell",
    "rose", "rise", "grew", "grow", "ran", "run", "hit", "cut", "put", "set", "held", "hold", "kept",
    "keep", "paid", "pay", "sold", "sell", "spent", "spend", "sent", "send", "fought", "brought", "bought",
    "caught", "thought", "found", "stood", "stand", "sat", "met", "led", "began", "became", "broke",
    "chose", "drove", "flew", "knew", "threw", "wrote", "spoke", "stole", "struck", "stuck", "shot", "slept",
    "swept", "wept", "live", "lives", "work", "works", "wait", "waiting", "died", "die", "dies", "risk",
    "like", "such", "what", "how", "why", "all", "both", "either", "neither", "any", "some", "many", "much",
    "own", "being", "ahead", "together", "apart", "away", "back", "home", "homes" if False else "",
    "annually", "daily", "weekly", "monthly", "yearly", "hourly", "worth", "long", "old", "high", "wide",
    "deep", "tall", "away", "earlier", "later", "before", "previously", "recently", "nationwide",
    "worldwide", "abroad", "overseas", "instead", "alike", "yesterday", "today", "tomorrow", "tonight",
    # subordinators and connectives: "€1.55bn once land purchases are included"
    "once", "unless", "although", "though", "whether", "whilst", "lest", "hence", "thus", "therefore",
    "however", "whereby", "including", "excluding", "provided", "given", "despite", "unlike", "following",
    "amid", "amidst", "except", "besides", "rather", "whatever", "whichever", "wherever", "whenever",
}
_NP_STOP.discard("")
# Present-tense verbs that end a noun phrase in headlines ("€1.4bn tram line opens"); none is usually a noun.
_HEADLINE_VERBS = {
    "opens", "closes", "rises", "says", "gets", "faces", "sees", "takes", "makes", "leaves", "starts",
    "begins", "returns", "grows", "drops", "jumps", "climbs", "soars", "slumps", "plunges", "doubles", "tops",
    "passes", "reaches", "nears", "approaches", "needs", "wants", "seeks", "warns", "backs", "approves",
    "rejects", "launches", "unveils", "announces", "reveals", "finds", "goes", "comes", "gives", "hits",
    "remain", "remains", "stays", "lose", "loses", "gain", "gains", "wait", "waits", "face", "struggle",
    "struggles", "join", "joins", "strike", "strikes" if False else "",
    # verbs that follow a singular noun and are seldom nouns: "two-thirds of the sample appears to be ice"
    "appears", "seems", "means", "suggests", "includes", "contains", "represents", "equals", "requires",
    "involves", "affects", "receives", "expects", "insists", "admits", "allows", "creates", "brings",
    "earns", "injures", "belongs", "depends", "exists", "happens", "occurs", "becomes", "continues",
}
_HEADLINE_VERBS.discard("")
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "one",
             "who", "which", "officials" if False else ""}
_PRONOUNS.discard("")
_DETERMINERS_ANAPHORIC = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both",
                          "all", "whose"}
_SPEECH_VERBS = (r"said|says|say|told|tells|estimated|estimates|estimate|reported|announced|"
                 r"announces|confirmed|confirms|claimed|warned|warns|added|stated|"
                 r"predicted|predicts|calculated|calculates|forecast|noted|insisted|insists|"
                 r"believes|believed|wrote|writes|recorded|counted|found|showed|"
                 r"revealed|reveals|admitted|admits")
_SPEECH_VERB_RE = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
_ATTR_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+(?P<who>[^,.;:!?()\"“”]{2,80})")
_ATTR_AFTER_VERB = re.compile(
    rf"[,\"”]\s*(?:{_SPEECH_VERBS})\s+(?P<who>(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)(?:\s+(?:[A-Z][\w'’.-]*|[a-z][\w'’-]*)){{0,6}})"
)
_ATTR_CAP_STOP = {"in", "on", "at", "as", "when", "while", "after", "before", "if", "since", "for", "from",
                  "with", "by", "during", "until", "although", "though", "because", "so", "then", "now", "also",
                  "meanwhile", "however", "yesterday", "today", "separately", "earlier", "later"}
_ATTR_STRIP_LEAD = re.compile(r"(?i)^(?:the|a|an|but|and|so|yet|while|however|meanwhile|also|separately|"
                              r"in\s+a\s+statement|on\s+\w+day)\s+")
_ATTR_BAD = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "there", "which", "who", "what",
             "report", "reports", "study", "survey", "figures", "data", "statement", "officials said" if False else ""}
_ATTR_BAD.discard("")


# ---------------------------------------------------------------------------------------------- extractor

class _QuantulumLayer:
    """quantulum3, loaded once, with its process-wide side effects neutralised."""

    def __init__(self) -> None:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
            warnings.filterwarnings("ignore", category=UserWarning, module=r"quantulum3.*")
            from quantulum3 import load, parser
        # parse() calls logging.basicConfig on every call; give it a logging module where that is a no-op.
        shim = types.ModuleType("logging")
        shim.__dict__.update(logging.__dict__)
        shim.basicConfig = lambda *a, **k: None  # type: ignore[attr-defined]
        parser.logging = shim  # type: ignore[attr-defined]
        self.parser = parser
        units = load.units("en_US")
        self.symbols = units.symbols
        self.surfaces_lower = units.surfaces_lower
        self._warm = False

    def parse(self, sentence: str) -> list:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning)
            try:
                return self.parser.parse(sentence)
            except Exception:  # quantulum3 raises on odd input; its candidates are optional
                return []

    def warm(self) -> None:
        if not self._warm:
            self.parse("It cost $1.2bn and took 3 hours over 12 km.")
            self._warm = True

    def knows_unit(self, token: str) -> bool:
        return bool(self.symbols.get(token) or self.surfaces_lower.get(token.lower()))


class Extractor:
    """Reads numeric claims from articles. Build one per process (quantulum3 loads once) and reuse it."""

    def __init__(self, quantulum: str = "auto") -> None:
        """``quantulum``: "auto" asks quantulum3 only about sentences with a unit our tables do not know;
        "always" parses every sentence that may hold a number with it as well."""
        if quantulum not in ("auto", "always"):
            raise ValueError(f"quantulum must be 'auto' or 'always', not {quantulum!r}")
        self.mode = quantulum
        self._q: _QuantulumLayer | None = None
        self._lock = threading.Lock()

    # -- public API ------------------------------------------------------------------------------------

    def warm(self) -> None:
        """Load quantulum3's unit tables now rather than on the first sentence that needs them."""
        self._quantulum().warm()

    def extract(self, article: Article) -> list[Claim]:
        text = article.text
        furniture = furniture_spans(text)
        claims: list[Claim] = []
        for s0, s1 in split_sentences(text):
            if _overlaps((s0, s1), furniture):
                if any(fs <= s0 and s1 <= fe for fs, fe in furniture):
                    continue
            sentence = text[s0:s1]
            if not N.may_hold_number(sentence):
                continue
            attribution: list[str | None] = []
            for e in self._sentence(sentence):
                if _overlaps((s0 + e.start, s0 + e.end), furniture):
                    continue
                if not attribution:
                    attribution.append(_attribution(sentence))
                claims.append(self._claim(article, text, sentence, s0, e, attribution[0]))
        return claims

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Claim]:
        """Claims of each article in turn; with ``jobs`` > 1 articles are read in a process pool (each
        worker builds its own Extractor). Output order is input order."""
        if jobs <= 1:
            for a in articles:
                yield from self.extract(a)
            return
        window = max(4, jobs * 8)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(self.mode,)) as pool:
            pending: list = []
            batch: list[Article] = []
            it = iter(articles)
            done = False
            while not done or pending:
                while not done and len(pending) < window:
                    batch = []
                    for a in it:
                        batch.append(a)
                        if sum(len(x.text) for x in batch) > 20000 or len(batch) >= 16:
                            break
                    if not batch:
                        done = True
                        break
                    pending.append(pool.submit(_worker_extract, batch))
                if pending:
                    fut = pending.pop(0)
                    for claims in fut.result():
                        yield from claims

    # -- internals -------------------------------------------------------------------------------------

    def _quantulum(self) -> _QuantulumLayer:
        if self._q is None:
            with self._lock:
                if self._q is None:
                    self._q = _QuantulumLayer()
        return self._q

    def _claim(self, article: Article, text: str, sentence: str, s0: int, e: _Expr,
               attribution: str | None) -> Claim:
        start, end = s0 + e.start, s0 + e.end
        return Claim(
            article=article.id, start=start, end=end, surface=text[start:end], sentence=sentence,
            kind=e.kind, low=e.low, high=e.high, qualifier=e.qualifier, currency=e.currency, unit=e.unit,
            noun=e.noun, attribution=attribution, per=e.per, outlet=article.outlet,
            sentence_start=s0,
            quantity=describe_quantity(sentence, e.start, e.end, e.noun, attribution,
                                       e.unit or e.kind.value).phrase,
        )

    def _sentence(self, s: str) -> list[_Expr]:
        blocked = non_claim_spans(s)
        atoms = _find_atoms(s, blocked)
        if not atoms:
            return []
        title_case = _is_title_case(s)
        first_word_end = _first_word_end(s)
        exprs: list[_Expr] = []
        consumed_until = -1
        i = 0
        qcache: dict[str, list] = {}
        if self.mode == "always":
            qcache[s] = self._quantulum().parse(s)
        while i < len(atoms):
            a = atoms[i]
            if a.start < consumed_until:
                i += 1
                continue
            e, used = self._expression(s, atoms, i, blocked, title_case, first_word_end, qcache)
            if (e is None and used == 1 and not a.words and i + 1 < len(atoms) and not atoms[i + 1].words
                    and re.fullmatch(r"[-–‑]", s[a.end:atoms[i + 1].start])):
                used = 2
            if e is not None:
                exprs.append(e)
                consumed_until = e.tail_end
            i += max(1, used)
        return exprs

    def _quantulum_unit(self, s: str, a_start: int, num_end: int, qcache: dict[str, list]) -> tuple[str, int] | None:
        """Ask quantulum3 whether a unit our tables do not know follows the number at s[a_start:num_end]."""
        m = re.match(r"\s?([^\W\d_][\w/²³]*(?:\s+[^\W\d_][\w]*)?)", s[num_end:])
        if not m:
            return None
        first = m.group(1).split()[0]
        if first.lower() in _NP_STOP or len(first) < 2:
            return None
        q = self._quantulum()
        if self.mode == "auto" and not q.knows_unit(first) and not q.knows_unit(m.group(1)):
            return None
        if s not in qcache:
            qcache[s] = q.parse(s)
        for quant in qcache[s]:
            qs, qe = quant.span
            if qs <= a_start < qe or (qs < num_end <= qe):
                ent = quant.unit.entity.name
                if ent not in N.QUANTULUM_MEASURE_ENTITIES:
                    continue
                unit_text = s[num_end:qe].strip()
                if not unit_text or any(w.lower() in _NP_STOP for w in unit_text.split()):
                    continue
                name = N.QUANTULUM_UNIT_NAMES.get(quant.unit.name, quant.unit.name)
                return name, qe
        return None

    def _expression(self, s: str, atoms: list[_Atom], i: int, blocked: list[tuple[int, int]],
                    title_case: bool, first_word_end: int, qcache: dict[str, list]) -> tuple[_Expr | None, int]:
        a = atoms[i]
        used = 1
        start, num_start = a.start, a.start
        value = a.value
        kind: Kind | None = a.fixed_kind
        unit: str | None = a.fixed_unit
        currency: str | None = None
        qualifier = Qualifier.EXACT
        per: str | None = None
        noun: str | None = None
        pos = a.end
        scaled = False
        before = s[:a.start]

        # identifiers: "COVID-19", "F-35", "HS2" (letters attached) and labels: "Windows 11", "route 66"
        if not a.words:
            if re.search(r"[A-Za-z][-‑]$", before) or re.search(r"[A-Za-z]$", before):
                return None, 1
            if re.match(r"[A-Za-z]", s[a.end:]) and not re.match(
                    r"(?:bn|mn|mln|bln|trn|tn|tr|k|K|m|M|b|B|km|cm|mm|kg|mg|ha|ft|mi|mph|kph|kmh|km/h|kW|MW|GW|TW|"
                    r"kWh|MWh|GWh|TWh|bbl|lbs?|oz|ml|min|mins|hrs?|yrs?|pc|pct|C|F|g|t|l|L|h|s|W|m2|m3|km2|p)(?![A-Za-z])",
                    s[a.end:]):
                return None, 1
            mid = re.match(r"[-‑](?:[A-Z]{1,4}(?![a-z])|\d+([A-Za-z]+))", s[a.end:])
            if mid and not (mid.group(1) and (mid.group(1) in N.SCALE_SUFFIXES or mid.group(1) in N.UNIT_SYMBOLS)):
                return None, 1  # "737-MAX", "3-D"
            if re.match(r"\s+(?:Max|MAX|Pro|Plus|Ultra|Mini|Neo|neo|XL|GT|Series|Mk)\b|\s+[A-Z][a-z]+\s+\d", s[a.end:]):
                # "737 Max 9", "iPhone 15 Pro"; but "50 Boeing 737 jets" counts jets of a named model
                mm = re.match(r"\s+[A-Z][a-z]+\s+\d[\w-]*\s+([a-z]+)", s[a.end:])
                if not (mm and _is_plural(mm.group(1))):
                    return None, 1
            wb = re.search(r"([A-Za-z&][A-Za-z'’.&]*)\s+$", before)
            if wb and wb.end() - wb.start() <= len(before):
                w = wb.group(1)
                wl = w.lower().rstrip(".")
                if wl.endswith("s") and wl[:-1] in _LABEL_WORDS and wl[:-1] not in ("day", "year", "week") and re.match(r"\s*(?:and|to|or|&|-|–)\s*\d", s[a.end:]):
                    wl = wl[:-1]  # "junctions 10 and 11"
                if wl in ("and", "or", "to") and _LABEL_LIST.search(before):
                    return None, 1  # the second label of "junctions 10 and 11"
                if wl in _LABEL_WORDS and not re.match(r"\s*(?:%|per\s?cent|percent)", s[a.end:]):
                    # "page 5" is a label, "5 pages" is a count; "week 3" is a label, "3 weeks" a duration
                    if not (wl in ("day", "year", "week") and w[0].islower() and re.search(r"\b(?:a|per|each|every)\s+\S+\s+$", before)):
                        return None, 1
                if (w[0].isupper() and wb.start() >= first_word_end and not title_case
                        and not _CUR_PREFIX.search(s, max(0, a.start - 6), a.start)
                        and wl not in _NOT_NAME_CAPS and wl not in _MONTH_WORDS and not w.isupper()
                        and not re.match(r"\s?(?:%|per\s?cent|percent|bn|m\b|million|billion|trillion)", s[a.end:])):
                    return None, 1
                if w.isupper() and len(w) >= 2 and wl not in _NOT_NAME_CAPS and w not in N.CURRENCY_CODES and not title_case:
                    return None, 1
        if (not a.words and re.fullmatch(r"\d{1,3}", s[a.start:a.end]) and a.value < 120
                and re.search(r"[A-Z][\w'’.-]*,\s*$", before) and re.match(r",", s[a.end:])):
            return None, 1  # an age in apposition: "Jane Doe, 54, said"
        if a.words and s[a.start].isupper() and a.start >= first_word_end and not title_case and a.fixed_kind is None:
            return None, 1  # a number word inside a name: "Formula One", "Channel Four", "the Big Four"
        if re.match(r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Square|Place|Way|"
                    r"Boulevard|Terrace|Crescent|Close|Court|Park|Gardens)\b", s[a.end:]):
            return None, 1  # a street address: "10 Downing Street"
        # negative numbers: "-5C", "minus 3"
        neg = False
        mneg = re.search(r"(?:(?:^|(?<=[\s(]))[-−–]|\bminus\s+)$", before)
        if mneg and not a.words and not re.search(r"\d\s*[-−–]$", before) and not re.search(r"(?i)plus\s+or\s+minus\s+$", before):
            neg = True
            start = mneg.start()
        # currency before: "$", "US$", "£", "EUR "
        mc = _CUR_PREFIX.search(s, max(0, start - 6), start)
        if mc and kind is None:
            sym = mc.group(0).strip().rstrip(".")
            currency = N.CURRENCY_SYMBOLS.get(sym) or N.CURRENCY_SYMBOLS.get(sym + ".") or (
                "CNY" if sym == "RMB" else sym if sym in N.CURRENCY_CODES else None)
            if currency:
                start = mc.start()
        if neg:
            value = -value

        # scale: suffix ("£48m", "$1.2bn") or word ("2.3 billion")
        if kind is None and not a.words:
            ms = _SCALE_SUFFIX.match(s, pos)
            if ms:
                suf = ms.group(0)
                after = s[ms.end():]
                is_metre = suf == "m" and currency is None and (
                    _looks_like_metres(after, s) or _race_distance(s, a))
                if suf in ("b", "B", "M") and currency is None:
                    ms = None
                elif not is_metre:
                    value *= N.SCALE_SUFFIXES[suf]
                    pos = ms.end()
                    scaled = True
        msw = _SCALE_WORD.match(s, pos) if kind is None else None
        if msw:
            word = re.sub(r"^[\s‑-]+", "", msw.group(0)).lower()
            value *= N.SCALE_WORDS[word]
            pos = msw.end()
            scaled = True

        # currency code or word after: "5m USD", "48 million pounds", "2.3 billion dollar"
        if kind is None and currency is None:
            mcode = _CUR_AFTER_CODE.match(s, pos)
            mword = _CUR_WORD.match(s, pos)
            msub = _SUBUNIT.match(s, pos) if not scaled else None
            if mcode:
                currency = mcode.group(0).strip()
                currency = "CNY" if currency == "RMB" else currency
                pos = mcode.end()
            elif mword:
                word = mword.group(0).strip().lower()
                if word == "won" and not scaled:
                    pass
                elif word in ("pounds", "pound") and not scaled and _pounds_are_weight(s, mword.end()):
                    kind, unit = Kind.MEASURE, "pound"
                    pos = mword.end()
                else:
                    currency = N.CURRENCY_WORDS[word]
                    pos = mword.end()
            elif msub and not a.words:
                word = msub.group(0).strip().lower()
                cur, factor = N.CURRENCY_SUBUNITS[word]
                if word != "p" or re.match(r"\d", s[a.start:a.end]) and a.end == msub.start():
                    currency = cur
                    value *= factor
                    pos = msub.end()
        if currency:
            kind = Kind.MONEY

        # percent
        if kind is None:
            mp = _PERCENT.match(s, pos)
            if mp:
                kind = Kind.PERCENT
                if "point" in mp.group(0).lower():
                    unit = "percentage point"
                pos = mp.end()

        # units: "41.2C", "9.6 GW", "12,500 hectares", "eight-day", "41 degrees Celsius"
        hyphen_noun: str | None = None
        strong = False
        if kind is None:
            md = _DEGREES.match(s, pos)
            mw = _UNIT_WORD_RE.match(s, pos)
            msym = _UNIT_SYMBOL_RE.match(s, pos) if not a.words else None
            if md and (md.group(0).strip().startswith(("°", "º")) or "degree" in md.group(0).lower()):
                sc = (md.group("scale") or "").lower()
                if sc.startswith("f"):
                    unit = "fahrenheit"
                elif sc or md.group(0).strip().startswith(("°", "º")) or not _angle_context(s, md.end()):
                    unit = "celsius"
                else:
                    unit = "degree"
                kind = Kind.MEASURE
                pos = md.end()
            elif mw:
                word = re.sub(r"^[\s‑-]+", "", mw.group(0)).lower()
                u = N.UNIT_WORDS[word]
                hyphen = mw.group(0)[:1] in "-‑"
                if u == "second" and a.words and a.value == 1 and not hyphen:
                    u = None  # "one second" is fine; handled by value below
                if u is not None and not (u == "magnitude" and not hyphen):
                    unit = u
                    kind = Kind.DURATION if u in N.TIME_UNITS else Kind.MEASURE
                    pos = mw.end()
                    if hyphen and u == "year" and re.match(r"[-‑\s]old\b", s[pos:]):
                        pos = re.match(r"[-‑\s]old\b", s[pos:]).end() + pos  # type: ignore[union-attr]
            elif msym:
                sym = msym.group(0).strip()
                attached = not msym.group(0).startswith(" ")
                if sym in N.ATTACHED_ONLY_SYMBOLS and not attached:
                    msym = None
                elif sym in ("m",) and not (_looks_like_metres(s[msym.end():], s) or _race_distance(s, a)):
                    msym = None
                if msym:
                    unit = N.UNIT_SYMBOLS[sym]
                    kind = Kind.DURATION if unit in N.TIME_UNITS else Kind.MEASURE
                    pos = msym.end()
            if kind is None:
                mh = _HYPHEN_WORD.match(s, pos)
                if mh:
                    w1 = mh.group(1)
                    if w1 == "strong":
                        strong = True
                        pos = mh.end(1) + mh.start(1) - mh.start(1)
                        pos = mh.start(1) + len(w1)
                    elif w1 == "plus":
                        pass
                    elif w1 == "fold":
                        kind = Kind.RATIO  # "a 30-fold rise": a multiplier
                        pos = mh.start(1) + len(w1)
                    elif _is_plural(w1) and w1 not in N.UNIT_WORDS:
                        return None, 1  # "three-pointers", "two-seaters": a compound noun, not a count
                    elif w1 not in N.NUMBER_WORD_SET and w1 not in ("and", "or", "to") and not a.words or (
                            a.words and w1 not in N.NUMBER_WORD_SET and w1 not in ("and", "or", "to")):
                        hyphen_noun = w1
                        pos = mh.start(1) + len(w1)

        # "four times higher", "three times the level": a multiplier; "nine times": a count of occasions
        repeat = False
        if kind is None and hyphen_noun is None and not strong:
            mt = _TIMES.match(s, pos)
            if mt:
                pos = mt.end()
                if _MULTIPLIER_AFTER.match(s, pos):
                    kind = Kind.RATIO
                else:
                    repeat = True

        if kind is None and re.search(r"(?i)\bmagnitude[-‑\s]+(?:of\s+)?$", s[:start]):
            kind, unit = Kind.MEASURE, "magnitude"
        # quantulum3 for units our tables do not know ("30 knots", "5 psi", "20 mg")
        if kind is None and hyphen_noun is None and not strong and not a.words:
            qu = self._quantulum_unit(s, a.start, pos, qcache)
            if qu:
                unit, qend = qu
                kind = Kind.MEASURE
                pos = qend

        # a composite duration is one claim in its smallest unit: "2 hours 3 minutes", "3 min 43 sec"
        if kind is Kind.DURATION and unit in N.TIME_UNITS:
            k = i + 1
            while k < len(atoms):
                b = atoms[k]
                if b.fixed_kind is not None or not re.fullmatch(r"\s*(?:,\s*|and\s+)?", s[pos:b.start]):
                    break
                u2, uend = _time_unit_at(s, b)
                if u2 is None or N.UNITS[u2].factor >= N.UNITS[unit].factor:
                    break
                value = value * N.UNITS[unit].factor / N.UNITS[u2].factor + b.value
                unit, pos = u2, uend
                used = k - i + 1
                k += 1

        # range: "between X and Y", "X to Y", "X-Y", "€250-€600", "10-15%"
        low = high = value
        range_ok = False
        between = re.search(r"(?i)\bbetween\s+$", s[:start])
        nxt = i + used
        if nxt < len(atoms) and a.fixed_kind is None and not repeat:
            b = atoms[nxt]
            gap = s[pos:b.start]
            mcur_b = _CUR_PREFIX.search(gap) if currency else None
            gap_core = gap[:mcur_b.start()] if mcur_b else gap
            sep = re.fullmatch(r"\s*(?:-|–|—|‑|to|or|and)\s*", gap_core)
            if sep and b.fixed_kind is None and not (b.start < len(s) and _overlaps((b.start, b.end), blocked)):
                sep_word = sep.group(0).strip()
                if sep_word == "and" and not between:
                    sep = None
            if sep and b.fixed_kind is None:
                sub_atoms = [b]
                e2, _ = self._expression_value(s, b, currency, kind, unit, scaled, atoms, nxt)
                if e2 is not None:
                    v2, pos2, kind2, unit2, cur2, scale2 = e2
                    sep_word = sep.group(0).strip()
                    first_plain = not scaled
                    # a scale or unit written only after the second number applies to both: "2-3 million"
                    lo = value
                    if first_plain and scale2 != 1:
                        lo = value * scale2
                    if (kind2 == kind or (kind is None and kind2 is not None)) and (cur2 == currency or currency is None or cur2 is None):
                        if (lo < v2) or (between and lo <= v2):
                            years = _year_like(s, a) and _year_like(s, b) and not (
                                _counted_year(s, a) or _counted_year(s, b) or _counted_noun_after(s, b))
                            change = sep_word == "to" and _describes_change(s[:start])
                            if years and (sep_word in ("-", "–", "—", "‑") or between):
                                return None, used + 1  # "between 2019 and 2023", "1998-2004"
                            if change and (kind is None or kind2 == kind):
                                # "rose from 7.5 to 9.1 weeks", "grew from 5 to 7 million": the first
                                # number takes the unit and scale written only after the second
                                if kind is None and kind2 is not None:
                                    kind, unit = kind2, unit2
                                    currency = currency or cur2
                                    if currency:
                                        kind = Kind.MONEY
                                value = lo
                                scaled = scaled or scale2 != 1
                            if not change:
                                low, high = lo, v2
                                if kind is None:
                                    kind, unit = kind2, unit2
                                currency = currency or cur2
                                if currency:
                                    kind = Kind.MONEY
                                pos = pos2
                                used = nxt - i + 1
                                range_ok = True
                                qualifier = Qualifier.RANGE
                                if between:
                                    start = between.start()
                    del sub_atoms
        if not range_ok and a.fixed_kind is None and nxt < len(atoms):
            # scores and votes ("a 5-4 ruling", "won 3-1") are not ranges and not claims here
            b = atoms[nxt]
            if re.fullmatch(r"[-–‑]", s[pos:b.start]) and not a.words and b.value <= a.value and kind is None:
                return None, used + 1

        # years used as dates: "in 2014", "since 2019", "the 2024 budget"; not "2000 people", "1500 troops"
        if (kind is None and not a.words and not range_ok and _year_like(s, a) and not scaled
                and not _counted_year(s, a)):
            hb = _HEDGE_BEFORE.search(s, max(0, start - 25), start)
            if not hb or hb.group("h").lower() in ("over", "under", "some", "around", "about", "above", "below", "beyond", "by"):
                return None, used

        # hedges before and after
        hb = _HEDGE_BEFORE.search(s, max(0, start - 25), start)
        if hb and qualifier is not Qualifier.RANGE:
            h = hb.group("h").lower()
            q = Qualifier(N.HEDGES_BEFORE[h])
            include = True
            if h == "over" and kind is Kind.DURATION and not re.search(r"(?i)\b(?:for|lasted|lasting|spanning|took|taken|in)\s+$", s[:hb.start()]):
                q, include = Qualifier.EXACT, False
            if h == "some" and kind is Kind.DURATION and re.search(r"(?i)\bfor\s+$", s[:hb.start()]):
                pass
            if h in ("above", "below", "under", "over", "beyond") and kind in (Kind.MEASURE,) and unit == "celsius":
                pass
            if h in N.HEDGE_VERBS:
                include = False
            qualifier = q
            if include:
                start = hb.start()
        else:
            hv = _HEDGE_VERB_BEFORE.search(s, max(0, start - 30), start)
            if hv and qualifier is not Qualifier.RANGE:
                qualifier = Qualifier.LOWER_BOUND
        ma = _HEDGE_AFTER.match(s, pos)
        if ma and qualifier is not Qualifier.RANGE:
            h = re.sub(r"[\s‑-]+", " ", ma.group(0)).strip().lower()
            qualifier = Qualifier(N.HEDGES_AFTER.get(h, "lower_bound"))
            pos = ma.end()

        if kind is Kind.DURATION and re.match(r"\s+ago\b", s[pos:]):
            return None, used  # "two decades ago" points at a time, like a date
        # rates: "£48m a day", "$1,850 a month", "50 people per hour"
        mr = _RATE.match(s, pos)
        if mr and kind is not Kind.DURATION:
            per = _rate_unit(mr)
            pos = mr.end()

        tail_end = pos
        # an age set by a rule is a number of years: "the pension age rises from 66 to 67", "voting age of 16"
        if (kind is None and not repeat and not a.words and value < 130 and _RULE_AGE.search(s[:start])
                and _noun_after(s, pos, Kind.COUNT) is None):
            kind, unit = Kind.DURATION, "year"
        # what is counted: "94,300 Russian troops", "a 94,000-strong force", "One in five households"
        if kind is None:
            kind = Kind.RATIO if a.fixed_kind is Kind.RATIO else Kind.COUNT
        if hyphen_noun:
            noun = None
            if kind is Kind.COUNT:
                noun = hyphen_noun
        elif not repeat:
            noun = _noun_after(s, pos, kind)
        if noun is None and kind in (Kind.COUNT, Kind.RATIO) and not repeat:
            noun = _noun_before(s, start, kind)
        if noun is not None:
            after_noun = _noun_end(s, pos, noun)
            if kind in (Kind.COUNT, Kind.MEASURE, Kind.MONEY) and per is None:
                mr2 = _RATE.match(s, after_noun)
                if mr2:
                    per = _rate_unit(mr2)
            if kind in (Kind.COUNT, Kind.MEASURE, Kind.MONEY) and per is None:
                per = _clause_rate(s, after_noun)
            ma2 = re.match(r"(?i)\s+(or more|or fewer|or less|or so)\b", s[after_noun:])
            if ma2 and qualifier is Qualifier.EXACT:
                qualifier = Qualifier(N.HEDGES_AFTER[ma2.group(1).lower()])
        elif kind in (Kind.COUNT, Kind.MEASURE, Kind.MONEY) and per is None and not repeat:
            per = _clause_rate(s, pos)

        # counts that are not claims: "one" alone, "the two presidents"
        if kind is Kind.COUNT and a.words and not scaled:
            if value <= 1 and not hyphen_noun:
                return None, used
            det = re.search(r"(?i)\b(\w+)\s+$", s[:start])
            if det and det.group(1).lower() in _DETERMINERS_ANAPHORIC and value < 20:
                return None, used
            if noun is None and value < 100 and qualifier is Qualifier.EXACT and not repeat:
                return None, used
        if kind is Kind.COUNT and a.words and value <= 1 and hyphen_noun and hyphen_noun in ("off", "way", "sided", "time", "man", "party"):
            return None, used
        if kind is Kind.DURATION and a.words and value == 1 and re.match(r"(?i)one\s", s[a.start:]) and not hyphen_noun:
            if re.match(r"(?i)one\s+day\b", s[a.start:]) and not re.search(r"(?i)\b(?:in|for|within|after|just)\s+$", s[:a.start]):
                return None, used
        if kind is Kind.COUNT and strong:
            pass
        if kind is Kind.COUNT and hyphen_noun and not a.words and hyphen_noun in N.ORDINAL_WORDS:
            return None, used
        if kind is Kind.RATIO:
            # ratios are fractions; "one in five households" names what it counts
            pass

        if kind is Kind.COUNT and hyphen_noun and hyphen_noun not in ("strong",):
            # "a 500-page report": the hyphenated word is the counted thing
            noun = hyphen_noun
        end = tail_end
        if qualifier is Qualifier.RANGE:
            low, high = (low, high) if low <= high else (high, low)
        else:
            low = high = value
        while end > start and s[end - 1].isspace():
            end -= 1
        return _Expr(start, end, kind, low, high, qualifier, currency, unit, noun, per, num_start, tail_end), used

    def _expression_value(self, s: str, b: _Atom, currency: str | None, kind: Kind | None, unit: str | None,
                          scaled: bool, atoms: list[_Atom], j: int):
        """Value, end, kind, unit, currency and scale of the second number of a range."""
        v = b.value
        pos = b.end
        scale = 1.0
        k2: Kind | None = None
        u2: str | None = None
        cur2: str | None = None
        if not b.words:
            if re.search(r"[A-Za-z]$", s[:b.start]):
                return None, 0
            mc = _CUR_PREFIX.search(s, max(0, b.start - 6), b.start)
            if mc:
                sym = mc.group(0).strip()
                cur2 = N.CURRENCY_SYMBOLS.get(sym) or (sym if sym in N.CURRENCY_CODES else None)
            ms = _SCALE_SUFFIX.match(s, pos)
            if ms and not (ms.group(0) == "m" and currency is None and cur2 is None and _looks_like_metres(s[ms.end():], s)):
                if not (ms.group(0) in ("b", "B", "M") and currency is None and cur2 is None):
                    scale = N.SCALE_SUFFIXES[ms.group(0)]
                    pos = ms.end()
        msw = _SCALE_WORD.match(s, pos)
        if msw:
            scale *= N.SCALE_WORDS[re.sub(r"^[\s‑-]+", "", msw.group(0)).lower()]
            pos = msw.end()
        v *= scale
        mword = _CUR_WORD.match(s, pos)
        mcode = _CUR_AFTER_CODE.match(s, pos)
        if cur2 is None and mcode:
            cur2 = mcode.group(0).strip()
            pos = mcode.end()
        elif cur2 is None and mword and not (mword.group(0).strip().lower() == "won" and scale == 1):
            cur2 = N.CURRENCY_WORDS[mword.group(0).strip().lower()]
            pos = mword.end()
        if cur2:
            k2 = Kind.MONEY
        else:
            mp = _PERCENT.match(s, pos)
            if mp:
                k2 = Kind.PERCENT
                pos = mp.end()
            else:
                md = _DEGREES.match(s, pos)
                mw = _UNIT_WORD_RE.match(s, pos)
                msym = _UNIT_SYMBOL_RE.match(s, pos) if not b.words else None
                if md and (md.group(0).strip().startswith(("°", "º")) or "degree" in md.group(0).lower()):
                    sc = (md.group("scale") or "").lower()
                    u2 = "fahrenheit" if sc.startswith("f") else "celsius"
                    k2 = Kind.MEASURE
                    pos = md.end()
                elif mw:
                    u2 = N.UNIT_WORDS[re.sub(r"^[\s‑-]+", "", mw.group(0)).lower()]
                    k2 = Kind.DURATION if u2 in N.TIME_UNITS else Kind.MEASURE
                    pos = mw.end()
                elif msym:
                    sym = msym.group(0).strip()
                    if not (sym in N.ATTACHED_ONLY_SYMBOLS and msym.group(0).startswith(" ")) and sym != "m":
                        u2 = N.UNIT_SYMBOLS[sym]
                        k2 = Kind.DURATION if u2 in N.TIME_UNITS else Kind.MEASURE
                        pos = msym.end()
        if kind is not None and k2 is None:
            k2, u2 = kind, unit  # "10 to 15%": the first carries it? no: "10% to 15" keeps the first's unit
        if k2 is not None and kind is not None and (k2 != kind or (u2 and unit and u2 != unit)):
            return None, 0
        return (v, pos, k2, u2, cur2, scale), 1


def _rate_unit(m: re.Match) -> str:
    if m.group("unit"):
        u = m.group("unit").lower().replace("-", " ")
        return {"liter": "litre", "kilometer": "kilometre", "capita": "person", "head": "person"}.get(u, u)
    if m.group("noun"):
        u = m.group("noun").lower()
        return "year" if u == "annum" else u
    if m.group("slash"):
        u = m.group("slash").lower()
        return {"yr": "year", "hr": "hour", "h": "hour", "head": "person"}.get(u, u)
    adv = re.sub(r"\s+", " ", m.group("adv").lower())
    return _RATE_ADVERB.get(adv, adv)


def _looks_like_metres(after: str, sentence: str) -> bool:
    """After "100m": metres when a measuring word follows ("100m tall", "a 100m sprint"), millions when a
    plural noun or nothing follows ("1.5m people", "cost 48m.")."""
    m = re.match(r"[\s-]*([A-Za-z]+)", after)
    if not m:
        return re.match(r"\s*[,.;:)]", after) is not None and _MEASURING.search(sentence) is not None
    w = m.group(1).lower()
    if w in ("tall", "high", "long", "wide", "deep", "away", "below", "above", "sprint", "race", "hurdles",
             "freestyle", "backstroke", "breaststroke", "butterfly", "relay", "dash", "final", "world",
             "from", "of", "metres", "across", "underground", "offshore", "inland", "deeper", "higher",
             "taller", "longer", "wider", "further", "farther", "radius", "diameter", "depth", "height", "length"):
        return True
    if w in ("at", "in", "on", "near", "by", "and", "or", "after", "before", "overnight", "this", "last"):
        # "the river peaked at 5.8m at Hollinsford": nothing is counted and the sentence measures a height
        return _MEASURING.search(sentence) is not None
    return False


_MEASURING = re.compile(
    r"(?i)\b(?:rivers?|water|tides?|waves?|gauges?|heights?|depths?|deep|tall|snow|snowfall|elevation|altitude|"
    r"surge|crest(?:ed)?|sea\s+level|flood\s+level|above\s+sea|wall|dam|tower|cliff|mast|span)\b"
)


_RACE_DISTANCES = {50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000}


def _race_distance(s: str, a: _Atom) -> bool:
    """"the 100m", "a 400m": a round race distance after an article, with no plural noun after it."""
    if a.value not in _RACE_DISTANCES or not re.search(r"(?i)\b(?:the|a|an|in|over)\s+$", s[:a.start]):
        return False
    m = re.match(r"m\s+([A-Za-z]+)", s[a.end:])
    return not (m and _is_plural(m.group(1)))


def _pounds_are_weight(s: str, end: int) -> bool:
    if re.search(r"(?i)\b(?:weigh\w*|heav\w*|lighter|lbs?|kilos?|kg|ounces|grams|tonnes|body|baby|born)\b", s):
        return True
    return bool(re.match(r"\s+of\s+(?!the\b|his\b|her\b|their\b|its\b|public\b|taxpayers)", s[end:]))


def _angle_context(s: str, end: int) -> bool:
    return bool(re.match(r"[\s-]*(?:angle|turn|tilt|slope|incline|arc|north|south|east|west|view|rotation|"
                         r"latitude|longitude)\b", s[end:], re.IGNORECASE))


def _year_like(s: str, a: _Atom) -> bool:
    raw = s[a.start:a.end]
    if a.words or not re.fullmatch(r"\d{4}", raw):
        return False
    v = int(raw)
    if not 1500 <= v <= 2100:
        return False
    after = s[a.end:]
    if re.match(r"\s?(?:%|per\s?cent|percent|bn|m\b|million|billion)", after):
        return False
    if _UNIT_WORD_RE.match(after):
        return False
    return True


# Words before a four-digit number that make it a year even when a plural noun follows ("in 2000 voters
# backed", "the 2019 elections", "below 1990 levels"), and plural nouns a year modifies ("2019 elections").
_YEAR_CUES = {
    "in", "since", "by", "from", "until", "till", "through", "throughout", "during", "before", "after", "of",
    "at", "the", "this", "that", "its", "their", "his", "her", "our", "than", "below", "above", "circa", "c",
    "between", "early", "late", "mid", "spring", "summer", "autumn", "winter", "fall", "year", "years",
    "financial", "fiscal", "calendar", "election", "class", "vintage", "model",
}
_YEAR_NOUNS = {
    "levels", "prices", "figures", "elections", "results", "rates", "values", "terms", "standards", "estimates",
    "budgets", "accounts", "games", "olympics", "championships", "finals", "polls", "numbers", "totals",
    "accords", "targets", "protests", "riots", "attacks", "talks", "reforms", "negotiations", "editions",
    "models", "census", "data", "statistics", "records", "rankings", "accounts", "forecasts", "projections",
}


def _counted_year(s: str, a: _Atom) -> bool:
    """A four-digit number in the range of years that counts something: "2000 people", "some 1500 troops",
    "at least 2000 scientists". A year cue before it ("in", "since", "the", "of") or a noun that years
    modify ("2019 elections", "1990 levels") keeps it a year."""
    before = s[:a.start]
    prev = re.search(r"([A-Za-z]+)['’]?\.?\s+$", before)
    if prev and (prev.group(1).lower() in _YEAR_CUES or re.search(r"['’]s?\s+$", before)):
        return False
    if re.search(r"\b(?:1[5-9]|20)\d\d\s*(?:and|or|to|,|-|–)\s*$", before):
        return False  # "in 2019 and 2020 elections"
    return _counted_noun_after(s, a)


def _counted_noun_after(s: str, a: _Atom) -> bool:
    """Whether a plural noun that years do not modify follows ``a``: "2000 troops", not "2019 elections"."""
    noun = _noun_after(s, a.end, Kind.COUNT)
    if not noun:
        return False
    head = noun.split()[-1]
    return _is_plural(head) and head.lower() not in _YEAR_NOUNS


# Words of change before "from X to Y": then X and Y are two values, not a range ("rose from 4% to 5%").
_CHANGE_WORDS = (
    r"rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increase[sd]?|increasing|decrease[sd]?|"
    r"decreasing|grew|grow|grows|growing|grown|growth|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|drop(?:ped|s|ping)?|"
    r"decline[sd]?|declining|cut|cuts|cutting|raise[sd]?|raising|lower(?:ed|s|ing)?|reduce[sd]?|reducing|"
    r"reduction|slash(?:ed|es|ing)?|up|down|double[sd]?|doubling|halve[sd]?|halving|soar(?:ed|s|ing)?|"
    r"surge[sd]?|surging|slump(?:ed|s|ing)?|plunge[sd]?|plunging|revise[sd]?|revising|change[sd]?|changing|"
    r"move[sd]?|moving|went|gone|goes|going|extend(?:ed|s|ing)?|shr[ai]nk|shrinks|shrinking|expand(?:ed|s|ing)?|"
    r"widen(?:ed|s|ing)?|narrow(?:ed|s|ing)?|shift(?:ed|s|ing)?|switch(?:ed|es|ing)?|improve[sd]?|improving|"
    r"worsen(?:ed|s|ing)?|boost(?:ed|s|ing)?|trim(?:med|s|ming)?|hike[sd]?|hiking|lift(?:ed|s|ing)?|"
    r"dip(?:ped|s)?|tumble[sd]?|recover(?:ed|s)?|rebound(?:ed|s)?|swung|leapt|leaped|spiked|sank|sinks|sunk|"
    r"upgraded|downgraded|fluctuated|swelled|ballooned|accelerated|slowed|eased|edged"
)
_CHANGE_BEFORE_FROM = re.compile(rf"(?i)\b(?:{_CHANGE_WORDS})\b[^,;:()]*\bfrom\s+$")
_CHANGE_BEFORE_TO = re.compile(rf"(?i)\b(?:{_CHANGE_WORDS}|by)\s+$")


def _describes_change(before: str) -> bool:
    """Whether "X to Y" after ``before`` describes a change ("rose from X to Y", "cut X to Y") rather than a
    range ("range from X to Y", "X to Y people")."""
    if re.search(r"(?i)\bfrom\s+$", before):
        return _CHANGE_BEFORE_FROM.search(before) is not None
    return _CHANGE_BEFORE_TO.search(before) is not None


_RULE_AGE = re.compile(r"(?i)\b(?:pension|retirement|voting|school[-\s]leaving|minimum|legal|drinking|"
                       r"marriage|consent|state\s+pension)\s+age\b[^,;.]{0,25}$|\bage\s+of\s+(?:criminal\s+)?"
                       r"(?:responsibility|consent|retirement)\b[^,;.]{0,25}$")
_TIMES = re.compile(r"\s+times\b(?![-‑])")
_MULTIPLIER_AFTER = re.compile(
    r"(?i)\s+(?:as|the|that|what|its|their|his|her|our|more|less|fewer|higher|lower|larger|bigger|greater|"
    r"smaller|faster|slower|longer|shorter|cheaper|dearer|wider|deeper|heavier|stronger|weaker|richer|poorer|"
    r"older|younger|likelier|worse|better|above|over\s+the|[a-z]{3,}er\s+than)\b"
)


def _time_unit_at(s: str, b: _Atom) -> tuple[str | None, int]:
    """The time unit written right after the atom ``b`` ("3 minutes", "43 sec", "20s") and where it ends."""
    if b.fixed_kind is not None:
        return None, 0
    mw = _UNIT_WORD_RE.match(s, b.end)
    if mw and not mw.group(0).startswith(("-", "‑")):
        u = N.UNIT_WORDS[mw.group(0).strip().lower()]
        return (u, mw.end()) if u in N.TIME_UNITS else (None, 0)
    if not b.words:
        ms = _UNIT_SYMBOL_RE.match(s, b.end)
        if ms:
            sym = ms.group(0).strip()
            if sym in N.ATTACHED_ONLY_SYMBOLS and ms.group(0).startswith(" "):
                return None, 0
            u = N.UNIT_SYMBOLS[sym]
            return (u, ms.end()) if u in N.TIME_UNITS else (None, 0)
    return None, 0


def _is_title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", s) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def _first_word_end(s: str) -> int:
    m = re.match(r"\W*[\w'’.-]+", s)
    return m.end() if m else 0


_NP_WORD = re.compile(r"\s*([A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*)")
# What follows a verb but not a noun: a number, an amount, a determiner ("plan helps 2,000 families",
# "scheme funds the repairs"); "a day"/"a year" after a noun is a rate, not an object.
_VERB_OBJECT = re.compile(
    r"\s+(?:[\d£$€¥₹]|(?:the|its|their|his|her|our|my|your|this|these|those|up|down|out|back)\b|"
    r"(?:a|an)\s+(?!(?:day|week|fortnight|month|year|hour|minute|second|night|head|person|time|piece|go)\b))"
)
_NP_MODEL = re.compile(r"\s*(\d+[A-Za-z]*(?:-\d+[A-Za-z]*)?)(?=\s+[A-Za-z])")


def _is_plural(w: str) -> bool:
    wl = w.lower()
    if wl in _PLURAL_IRREGULAR:
        return True
    return (len(wl) > 3 and wl.endswith("s") and not wl.endswith(("ss", "us", "is", "'s", "’s"))
            and w[0].islower())


def _noun_after(s: str, pos: int, kind: Kind) -> str | None:
    rest = s[pos:]
    # "1,000 of its workers", "12,500 hectares of forest", "a quarter of households"
    mof = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|those\s+|these\s+|all\s+|them\b)?", rest)
    if mof:
        if mof.group(0).rstrip().endswith("them"):
            return None
        if kind in (Kind.DURATION,):
            return None
        pos += mof.end()
        # "54 of the 97 seats", "3 of 20 applicants": what the first counts follows the second number
        mnum = re.match(rf"(?i)(?:\d[\d,]*(?:\.\d+)?|{_NW_TENS}|{_NW_UNIT})\s+(?=[a-z])", s[pos:])
        if mnum:
            pos += mnum.end()
        rest = s[pos:]
    elif kind in (Kind.PERCENT, Kind.MEASURE, Kind.DURATION):
        if kind is not Kind.MONEY:
            return None
    words: list[str] = []
    p = pos
    while len(words) < 4:
        m = _NP_WORD.match(s, p)
        if not m and words and words[-1][0].isupper():
            m = _NP_MODEL.match(s, p)  # model numbers inside a name: "50 Boeing 737 jets"
        if not m:
            break
        w = m.group(1)
        wl = w.lower()
        if wl in _NP_STOP or wl in N.MONTHS and w[0].isupper() or wl in N.WEEKDAYS:
            break
        if wl.endswith("ly") and wl not in ("family", "supply", "ally", "belly", "rally", "assembly", "italy", "fly", "july", "anomaly"):
            break
        if words and (wl.endswith("ed") or wl.endswith("ing")) and not w[0].isupper():
            break
        if words and wl in _HEADLINE_VERBS:
            break
        if words and wl.endswith("s") and _VERB_OBJECT.match(s, m.end()):
            break  # "£50m plan helps 2,000 families": an -s word before a number or determiner is a verb
        if wl in N.NUMBER_WORD_SET:
            break
        words.append(w)
        p = m.end()
        if _is_plural(w):
            # a plural used as a modifier of a plural head: "police stations", "maths hubs", "staff members"
            m2 = _NP_WORD.match(s, p)
            if m2 and len(words) < 4:
                w2 = m2.group(1)
                w2l = w2.lower()
                if (_is_plural(w2) and w2l not in _PLURAL_IRREGULAR and w2l not in _NP_STOP
                        and w2l not in _HEADLINE_VERBS and w2l not in N.UNIT_WORDS and not w2l.endswith("ly")
                        and not _VERB_OBJECT.match(s, m2.end())):
                    words.append(w2)
            break
        # a verb right after a singular noun ends the phrase ("1,000 aircraft built")
    # trailing words that cannot be a head: "5,000 new" -> no noun; "65,000 a day expected" -> no noun
    while words and (words[-1].lower() in ("new", "more", "additional", "extra", "other", "further", "such")
                     or (words[-1].lower().endswith("ed") and len(words[-1]) > 4 and words[-1][0].islower())):
        words.pop()
    if not words:
        return None
    if kind is Kind.MONEY and not mof and len(words) > 0:
        # money names what it pays for only when a noun follows directly: "$2.3bn plan"
        pass
    return " ".join(words)


def _noun_end(s: str, pos: int, noun: str) -> int:
    i = s.find(noun, pos)
    return i + len(noun) if i >= 0 else pos


_TOLL = re.compile(r"(?i)\b(death|casualty|injury|fatality|victim|infection|case)\s+tolls?\b(?:\s+\w+){0,4}\s+$")
_NUMBER_OF = re.compile(r"(?i)\b(?:number|total|count|tally)\s+of\s+((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\b"
                        r"(?:\s+[\w'’-]+){0,10}\s+$")


# The subject of a change or total: "Asylum claims rose 18% to 84,200", "burglaries fell to 8,400",
# "complaints rose by 240", "admissions reached 3,300".
_SUBJECT_VERB = re.compile(
    r"(?i)\b(?P<noun>[a-z][a-z'’-]*)(?:\s+(?:reported|recorded|registered|logged|confirmed|counted))?"
    r"\s+(?:have\s+|has\s+)?(?:rose|fell|climbed|jumped|dropped|grew|increased|"
    r"decreased|declined|dipped|soared|surged|slumped|plunged|doubled|tripled|trebled|halved|edged\s+up|"
    r"edged\s+down|reached|hit|totalled|totaled|numbered|stood\s+at|topped|passed|exceeded|came\s+to|"
    r"amounted\s+to|rise|rises|fall|falls|climb|climbs|grow|grows|reach|reaches|total|totals|number)"
    r"(?:\s+by)?(?:\s+[\d.,]+(?:\s*(?:%|per\s?cent|percent|percentage\s+points?))?|\s+(?:a|one)\s+"
    r"(?:half|third|quarter|fifth|sixth|tenth)|\s+half)?(?:\s+(?:to|by))?\s+$"
)
# Plural subjects that say nothing about what is counted.
_GENERIC_SUBJECTS = {"figures", "numbers", "levels", "totals", "estimates", "data", "statistics", "rates",
                     "values", "results", "counts", "tallies", "prices", "costs", "this", "its", "has", "was"}


def _noun_before(s: str, start: int, kind: Kind = Kind.COUNT) -> str | None:
    before = s[:start]
    m = _TOLL.search(before)
    if m:
        w = m.group(1).lower()
        return {"casualty": "casualties", "injury": "injuries", "fatality": "fatalities"}.get(w, w + "s")
    m = _NUMBER_OF.search(before)
    if m:
        # "the number of patients waiting for treatment ... has risen to": the phrase ends at its plural head
        words = m.group(1).split()
        for k, w in enumerate(words):
            if _is_plural(w):
                return " ".join(words[:k + 1])
        return m.group(1)
    if kind is Kind.COUNT:
        m = _SUBJECT_VERB.search(before)
        if m:
            w = m.group("noun")
            wl = w.lower()
            if (_is_plural(wl) and wl not in _NP_STOP and wl not in _GENERIC_SUBJECTS and wl not in N.UNIT_WORDS
                    and (w[0].islower() or m.start("noun") == 0 or not before[:m.start("noun")].strip()
                         or re.search(r"[.:!?]\s*$", before[:m.start("noun")]))):
                return wl
    return None


def _attribution(sentence: str) -> str | None:
    m = _ATTR_ACCORDING.search(sentence)
    if m:
        return _clean_attr(m.group("who"))
    m = _ATTR_AFTER_VERB.search(sentence)
    if m:
        who = _clean_attr(m.group("who"))
        if who:
            return who
    for m in _SPEECH_VERB_RE.finditer(sentence):
        # the words just before the verb, back to the last clause break: ", officials said" -> officials
        before = sentence[max(0, m.start() - 160):m.start()]
        before = re.sub(r"\s+(?:has|have|had)\s*$", " ", before)
        tokens = re.findall(r"[\w'’.-]+|[^\w\s]", before)
        keep: list[str] = []
        for w in reversed(tokens):
            if len(keep) >= 7 or not re.match(r"[A-Za-z]", w):
                break
            wl = w.lower()
            stop = (wl in _ATTR_CAP_STOP) if w[0].isupper() else (wl in _NP_STOP and wl not in ("of", "for", "and"))
            if stop or re.search(r"\d", w):
                break
            keep.append(w)
        keep.reverse()
        while keep and keep[0].lower() in ("of", "for", "and"):
            keep.pop(0)
        if not keep or keep[-1].lower() in ("of", "for", "and"):
            continue
        if len(keep) > 3 and all(w[0].islower() for w in keep):
            continue
        cand = _clean_attr(" ".join(keep))
        if cand:
            return cand
    return None


def _clean_attr(who: str) -> str | None:
    who = re.split(r"\s+of\s+\d|\s+\d", who)[0]
    who = who.strip(" ,\"'“”‘’")
    for _ in range(3):
        who2 = _ATTR_STRIP_LEAD.sub("", who)
        if who2 == who:
            break
        who = who2
    who = re.sub(r"\s+(?:on|in|at|last|this|yesterday|today|earlier|late|early)\b.*$", "", who)
    who = who.strip().rstrip(".,;:")
    if not who or who.lower() in _ATTR_BAD or who.lower() in _PRONOUNS:
        return None
    if len(who.split()) > 8:
        return None
    return who


# ------------------------------------------------------------------------------------- process-pool workers

_WORKER: Extractor | None = None


def _worker_init(mode: str) -> None:
    global _WORKER
    _WORKER = Extractor(mode)
    _WORKER.warm()


def _worker_extract(batch: list[Article]) -> list[list[Claim]]:
    assert _WORKER is not None
    return [_WORKER.extract(a) for a in batch]


# ---------------------------------------------------------------------------------------------- shared one

_SHARED: Extractor | None = None
_SHARED_LOCK = threading.Lock()


def shared_extractor() -> Extractor:
    """The module-level Extractor used by :func:`extract_text`."""
    global _SHARED
    if _SHARED is None:
        with _SHARED_LOCK:
            if _SHARED is None:
                _SHARED = Extractor()
    return _SHARED


def extract_text(text: str, article_id: str = "text", outlet: str = "") -> list[Claim]:
    """Claims in ``text`` read as one article."""
    return shared_extractor().extract(Article(id=article_id, outlet=outlet, title="", text=text))

