"""The rules extraction reads with: sentence splitting, what is never a claim, the atoms of numbers
(numerals, number words, fractions), the lexicons' patterns and the small readers the passes of
:mod:`workbench.extract.passes` share (currencies, nouns, rates, years, attribution).

Currencies and units come from our own tables (:mod:`workbench.numbers`, :mod:`workbench.units`) and, for
what those do not list, from the lexicon built once from quantulum3 and CLDR (:mod:`workbench.extract.lexicon`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench import numbers as N
from workbench import units as U
from workbench.extract.lexicon import lexicon, unit_after  # noqa: F401 (unit_after is read as rules.unit_after)
from workbench.models import Kind, Qualifier

# ---------------------------------------------------------------------------------------- sentence splitting

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "rep",
    "sen", "gov", "no", "nos", "vs", "etc", "inc", "ltd", "corp", "co", "approx", "e.g", "i.e", "u.s",
    "u.k", "u.n", "fig", "est", "dept", "univ", "mt", "ft", "rev", "hon", "pres", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "c", "ca", "vol", "p", "pp", "rs", "rp",
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

# Month names in any case ("oct. 13", "december 1" in lower-cased text), except the lower-case words "may" and
# "march", which are more often a verb.
_MONTH_RE = (r"(?:(?i:January|February|April|June|July|August|September|October|November|December|"
             r"Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|March|May|MARCH|MAY|Mar|MAR)\.?")
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d|\d)"
_NOT_CLAIM_PATTERNS = [
    # URLs, e-mail addresses, handles
    r"\b(?:https?://|www\.)\S+",
    r"\b[\w.+-]+@[\w-]+\.[\w.-]+",
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|io|info|co\.uk|org\.uk|gov\.uk|ac\.uk|news)(?:/\S*)?",
    r"(?<!\w)[@#]\w+",
    # dates
    rf"\b{_MONTH_RE}\s+{_DAY_RE}(?:\s*[-–]\s*{_DAY_RE})?(?:\s*,?\s*(?:1[5-9]|20)\d\d\b)?",
    rf"\b(?:{_DAY_RE}\s*[-–]\s*)?{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}\b(?:\s*,?\s*(?:1[5-9]|20)\d\d\b)?",
    rf"\b{_MONTH_RE}\s*,?\s+(?:of\s+)?(?:1[5-9]|20)\d\d\b",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    r"\b(?:1[5-9]|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}\b",
    r"\b(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:(?:1[5-9]|20)\d\d|\d\d)\b",
    r"\b(?:FY|fy|Q[1-4]|H[12])\s?'?\d{2,4}\b",
    r"\b(?:Q[1-4]|H[12])\b",
    r"\b(?:mid|early|late|end|pre|post)[-‑](?:1[5-9]|20)\d\d(?:s)?\b",
    r"(?<![\w$£€])'?\d0s\b|\b(?:1[5-9]|20)\d\ds\b|'\d\d\b",  # decades, and years whose apostrophe was lost ("2018s")
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
    r"(?<![\w,.$£€-])\d{3}-\d{4}\b(?!\s*%|\s+(?:people|[a-z]+s)\b)",  # not a range of a count: "100-1000 people"
    # a lower-case "may" is a month after a preposition of time: "on 1 may", "by may 19"
    r"\b(?:on|by|since|from|until|till|before|after)\s+(?:\d{1,2}\s+may|may\s+\d{1,2})\b(?![\d,.]\d)",
    # items of a numbered list: "1 ) ...; 2 ) ...", "(3)"
    r"(?:^|[;:]\s|\band\s)\(?\d{1,2}\s?\)",
    # codes of digit groups: account, part and reference numbers ("1111-2222-3333", "4412-123456")
    r"\b\d+(?:-\d+){2,}\b|\b\d+-\d{6,}\b",
    # numbered things: "No. 10", "#1"
    r"\b(?:No|no|Nos|nos|Number|number)\.?\s+\d+\b",
    r"#\d+\b",
    # fractions and references written with a slash
    r"\b\d+/\d+\b",
    # ages that bound a group: "aged 65 and over", "aged 16 to 24", "aged under 18", "aged 50+" (a person's
    # age, "aged 34", is a claim in years of age)
    r"\baged\s+(?:over\s+|under\s+|above\s+|below\s+|between\s+|from\s+)\d{1,3}(?![\d,.]\d)"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,3}(?![\d,.]\d))?",
    r"\b(?:aged|ages)\s+\d{1,3}(?![\d,.]\d)"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,3}(?![\d,.]\d)|\s*\+|\s+(?:and|or)\s+(?:over|above|older|under|younger|below))",
    # service and phone numbers after a verb of calling: "call 101", "dial 999" (not "call 500 volunteers")
    r"\b(?i:call|dial|ring|phone|text|telephone|tel\.?)\s*:?\s+\+?\d(?:[\d -]*\d)?(?![\d,.]?\d)(?!\s+[a-z]+s\b)",
]


def _starts_with(pattern: str) -> str:
    """Which cheap test a non-claim pattern needs before it is worth running: "digit" for patterns whose
    match begins at a digit, sign or bracket, "web" for addresses and handles, "month" for dates written
    with a month's name, "word" for the rest."""
    if any(k in pattern for k in ("https?", "@", "[@#]", "com|org")):
        return "web"
    if "January" in pattern:
        return "month"
    probe = re.sub(r"^(?:\\b|\(\?<!\[[^]]*\]\))+", "", pattern)
    return "digit" if re.match(r"(?:\\d|\(\?:\\\+|\(\?:\\\(|\(\?:\[12\]|\(\?:1\[|\\\(|\\\+|'\?\\d|\[012\]|0\\d|#\\d)", probe) else "word"


_NOT_CLAIM_GROUPS: dict[str, re.Pattern] = {}
for _group in ("digit", "web", "month", "word"):
    _alts = [p for p in _NOT_CLAIM_PATTERNS if _starts_with(p) == _group]
    if _alts:
        _NOT_CLAIM_GROUPS[_group] = re.compile(("(?=[\\d'+(#])" if _group == "digit" else "")
                                               + "(?:" + "|".join(f"(?:{p})" for p in _alts) + ")")
_ENUMERATOR = re.compile(r"\b\d{1,2}\s?\)(?=\s+[a-z])")
_WEB_HINT = re.compile(r"[@#]|://|\bwww\.|\.(?:com|org|net|gov|edu|io|info|uk|news)\b")
_MONTH_HINT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")

# Words that, written before a number, make it a label ("route 66", "platform 9", "article 5").
LABEL_WORDS = {
    "section", "article", "chapter", "clause", "paragraph", "page", "item", "room", "flight", "route",
    "platform", "gate", "terminal", "bus", "line", "model", "version", "level", "phase", "stage", "grade",
    "tier", "category", "zone", "ward", "district", "season", "episode", "series", "act", "rule", "unit",
    "block", "lot", "exit", "junction", "highway", "motorway", "interstate", "freeway", "road", "channel", "apartment", "flat", "suite", "floor", "lane", "track",
    "volume", "issue", "part", "step", "figure", "table", "appendix", "resolution", "bill", "amendment",
    "web", "formula", "mark", "mk", "type", "class",
    "code", "pin", "id", "ticket", "box", "po", "room", "vs", "v", "week", "day", "year", "game", "round",
    "match", "stanza", "verse", "psalm", "top", "hole", "door", "number", "no", "cell", "bay", "pier",
}
LABEL_LIST = re.compile(
    r"(?i)\b(?:" + "|".join(sorted(w for w in LABEL_WORDS if w not in ("day", "year", "week"))) + r")s?\s+\d+\s*(?:,|and|or|to|&)\s*$"
)
NOT_NAME_CAPS = {
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
MONTH_WORDS = N.MONTHS | N.WEEKDAYS


def non_claim_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans in ``sentence`` that can never be (part of) a claim: dates, clock times, ordinals, phone
    numbers, URLs, numbered labels."""
    spans: list[tuple[int, int]] = []
    for group, rx in _NOT_CLAIM_GROUPS.items():
        if group == "web" and not _WEB_HINT.search(sentence):
            continue
        if group == "month" and not _MONTH_HINT.search(sentence):
            continue
        spans.extend(m.span() for m in rx.finditer(sentence) if m.end() > m.start())
    for m in _ENUMERATOR.finditer(sentence):
        if sentence.count("(", 0, m.start()) <= sentence.count(")", 0, m.start()):
            spans.append(m.span())  # "1 ) explains ...": an item of a numbered list, no bracket was opened
    spans.sort()
    return spans


# ------------------------------------------------------------------------------------------------- atoms

# Fractions: "10 1/2", "7 3/4", "1/4 mile", "½"; a lone "a/b" only before a word or a percent sign, so
# dates and references ("9/11", "24/7", "3/2019") stay out.
_FRACTION_DENS = r"(?:2|3|4|8|16|32|10|100)"
_SLASH_FRACTION = re.compile(
    rf"(?<![\w.,/])(?:(?P<whole>\d+)[ \u00a0-])?(?P<num>[1-9]\d?)/(?P<den>{_FRACTION_DENS})(?![\d/])"
    r"(?=(?P<word>\s*(?:%|[^\W\d_])))?"
)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_VULGAR_FRACTION = re.compile(rf"(?<![\w.,])(?:(?P<whole>\d+)\s?)?(?P<frac>[{''.join(_VULGAR)}])")
# Numerals; a letter may touch the digits (codes and symbols are told apart later: "USD2,450", "HS2");
# thousands grouped by commas (also Indian lakh grouping "12,34,567" and tokenised "80, 000") or spaces.
_NUMERAL = re.compile(r"(?<![\d.,_])(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
                      r"\d{1,3}(?:, \d{3})+(?![\d,])|"
                      r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,])(?:\.\d+)?|"
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
    rf"(?i)(?<!\band\s)\b(?:(?P<num>{_FRACTION_NUM})[\s‑-]+(?P<den>{_FRACTION_DEN})(?:\s+of\s+(?:a|an|one))?|half\s+a|half\s+an|"
    rf"(?<!\band\sa\s)(?<!\band\san\s)(?P<bare>quarter|half)(?=[\s‑-]+(?:million|billion|trillion)))"
    r"[\s‑-]+(?P<scale>hundred|thousand|million|billion|trillion)\b"
)
# "three-quarters of an hour", "half an hour", "a quarter of a mile"
_FRACTION_OF_UNIT = re.compile(
    rf"(?i)\b(?:(?P<num>{_FRACTION_NUM})[\s‑-]+(?P<den>{_FRACTION_DEN})\s+of\s+(?:a|an|one)|(?P<half>half)\s+(?:a|an))"
    r"\s+(?P<unit>second|minute|hour|day|week|month|year|decade|century|mile|kilometre|kilometer|metre|meter|"
    r"acre|hectare|tonne|ton|litre|liter|gallon|pound|kilogram|kilo|percentage\s+point)\b"
)
# "a half-point cut", "a quarter-point rise", "three-quarters of a point": a rate moved by a fraction of a
# percentage point
_FRACTION_POINT = re.compile(
    r"(?i)\b(?P<f>half|quarter|three[\s‑-]+quarters?)(?:[\s‑-]+of\s+a)?[\s‑-]+(?:percentage[\s‑-]+)?point\b(?![\s‑-]+(?:lead|gap|margin|deficit))"
)
_FRACTION_POINT_VALUE = {"half": 0.5, "quarter": 0.25}
# "twice the reduction", "roughly double that of the train", "triple what it was": a multiplier, as "three
# times the level" is (not "fined twice", "double to 40", "cases triple as uptake falls", "a double murder", "won
# the double that season")
_MULTIPLIERS = "|".join(N.MULTIPLIER_WORDS)
_MULTIPLIER_WORD = re.compile(rf"(?i)(?<!\bthe\s)(?<!\ba\s)\b(?P<w>twice(?=\s+as\b)|(?:{_MULTIPLIERS})"
                             r"(?=\s+(?:the|that|what|its|their|his|her|our)\b))")
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


# "sixfold", "tenfold", "a hundredfold": a multiplier written as one word
_FOLD = re.compile(rf"(?i)\b(?P<n>{_NW_UNIT}|{_NW_TENS}|hundred|thousand)fold\b")
# scientific notation: "2.998×10−8", "6.02 x 10^23", "1.6×10⁻¹⁹"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SCIENTIFIC = re.compile(r"(?<![\w.,])(?P<mant>\d+(?:\.\d+)?)\s?[×x]\s?10(?:\^|\*\*)?(?P<exp>[-−–]?\d{1,2}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?![\d.,])")


@dataclass
class Atom:
    start: int
    end: int
    value: float
    words: bool  # spelled out
    fixed_kind: Kind | None = None
    fixed_unit: str | None = None
    raw: str = ""


@dataclass
class Expr:
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


def kind_of_unit(unit: str | None) -> Kind:
    """A unit of time makes a figure a duration; any other unit, a measure."""
    return Kind.DURATION if unit in U.TIME_UNITS else Kind.MEASURE


def overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


class SpanSet:
    """Spans that a new span may not overlap, kept sorted so that the test is a binary search rather than a
    scan of every span taken so far (a sentence with thousands of figures). :meth:`overlaps` answers as
    :func:`overlaps` does over the spans held."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._spans = sorted(spans)  # every span held, as given
        self._rebuild()

    def _rebuild(self) -> None:
        self._starts: list[int] = []  # the spans merged where they overlap (touching ones stay apart)
        self._ends: list[int] = []
        self._points: list[int] = []  # empty spans: (p, p) overlaps a span that has p strictly inside
        for s, e in self._spans:
            if s >= e:
                if s == e:
                    bisect.insort(self._points, s)
            elif self._starts and self._ends[-1] > s:
                self._ends[-1] = max(self._ends[-1], e)
            else:
                self._starts.append(s)
                self._ends.append(e)

    def add(self, span: tuple[int, int]) -> None:
        """Hold ``span`` (one that overlaps no span held, as :func:`find_atoms` adds them)."""
        bisect.insort(self._spans, span)
        s, e = span
        if s >= e:
            if s == e:
                bisect.insort(self._points, s)
            return
        i = bisect.bisect_left(self._starts, s)
        while i > 0 and self._ends[i - 1] > s:
            i -= 1
            s, e = min(s, self._starts[i]), max(e, self._ends[i])
            del self._starts[i], self._ends[i]
        while i < len(self._starts) and self._starts[i] < e:
            e = max(e, self._ends[i])
            del self._starts[i], self._ends[i]
        self._starts.insert(i, s)
        self._ends.insert(i, e)

    def overlaps(self, span: tuple[int, int]) -> bool:
        s, e = span
        i = bisect.bisect_left(self._starts, e)  # the merged spans that start before the span ends
        if i > 0 and self._ends[i - 1] > s:
            return True
        k = bisect.bisect_right(self._points, s)
        return k < len(self._points) and self._points[k] < e

    def release(self, start: int, end: int, keep: Callable[[tuple[int, int]], bool]) -> None:
        """Stop holding the spans inside ``start``..``end`` that ``keep`` refuses."""
        lo = bisect.bisect_left(self._spans, (start, start))
        hi = bisect.bisect_right(self._spans, (end, end))
        inside = [t for t in self._spans[lo:hi] if t[1] <= end and not keep(t)]
        if inside:
            gone = set(inside)
            self._spans = [t for t in self._spans if t not in gone]
            self._rebuild()


# Reading back from a figure. The rules that read the words before a figure are anchored at the figure
# (their patterns end in "$"), and each spans a few words. Searching the whole of ``s[:start]`` for every
# figure made a sentence's cost grow with the square of its length; :func:`search_back` searches only the
# last BACK_REACH characters before the figure (white space just before it not counted), which holds every
# match these patterns can make short of a run of BACK_REACH characters inside one of them.
BACK_REACH = 600


def back_start(s: str, end: int) -> int:
    """Where reading back from ``s[end]`` starts."""
    e = end
    while e > 0 and s[e - 1].isspace():
        e -= 1
    return max(0, e - BACK_REACH)


def search_back(pattern: re.Pattern[str] | str, s: str, end: int) -> re.Match[str] | None:
    """``re.search(pattern, s[:end])`` for a pattern anchored at ``end``, read from :func:`back_start` (the
    match's positions are those in ``s``; ``^`` still means the start of ``s``)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    return compiled.search(s, back_start(s, end), end)


def find_atoms(s: str, blocked: list[tuple[int, int]]) -> list[Atom]:
    atoms: list[Atom] = []
    taken = SpanSet(blocked)

    def add(a: Atom) -> None:
        if not taken.overlaps((a.start, a.end)):
            atoms.append(a)
            taken.add((a.start, a.end))

    words = N.has_number_words(s)
    for m in (_UNIT_AND_A_HALF.finditer(s) if words else ()):
        n = word_or_numeral(m.group("num"))
        unit = unit_from_word(m.group("unit"))
        if n is None or unit is None:
            continue
        kind = kind_of_unit(unit)
        add(Atom(m.start(), m.end(), n + 0.5, True, kind, unit, raw=m.group(0)))
    for m in (_HEDGED_UNIT.finditer(s) if words else ()):
        unit = unit_from_word(m.group("unit"))
        add(Atom(m.start("a"), m.end(), 1.0, True, Kind.DURATION, unit, raw=s[m.start("a"):m.end()]))
    for m in (_FRACTION_OF_SCALE.finditer(s) if words else ()):
        num = m.group("num")
        if m.group("bare"):
            frac = N.FRACTION_WORDS[m.group("bare").lower()] ** -1
        elif num is None:
            frac = 0.5
        else:
            n = word_or_numeral(num)
            den = N.FRACTION_WORDS[m.group("den").lower()]
            frac = (n or 0) / den
        add(Atom(m.start(), m.end(), frac * N.SCALE_WORDS[m.group("scale").lower()], True, raw=m.group(0)))
    for m in (_FRACTION_OF_UNIT.finditer(s) if words else ()):
        if m.group("half"):
            frac = 0.5
        else:
            n = word_or_numeral(m.group("num"))
            frac = (n or 0) / N.FRACTION_WORDS[m.group("den").lower()]
        if m.group("unit").lower().startswith("percentage"):
            kind, unit = Kind.PERCENT, "percentage point"  # "a quarter of a percentage point"
        else:
            unit = unit_from_word(m.group("unit"))
            kind = kind_of_unit(unit)
        add(Atom(m.start(), m.end(), frac, True, kind, unit, raw=m.group(0)))
    for m in _FRACTION_POINT.finditer(s):
        f = m.group("f").lower()
        add(Atom(m.start(), m.end(), _FRACTION_POINT_VALUE.get(f, 0.75), True, Kind.PERCENT, "percentage point",
                 raw=m.group(0)))
    for m in _MULTIPLIER_WORD.finditer(s):
        add(Atom(m.start(), m.end(), N.MULTIPLIER_WORDS[m.group("w").lower()], True, Kind.RATIO, raw=m.group(0)))
    for m in _RATIO_IN.finditer(s):
        n = word_or_numeral(m.group("num"))
        d = word_or_numeral(m.group("den"))
        if n is None or d is None or d <= n or d == 0:
            continue
        if re.match(r"\d{4}$", m.group("den")) and 1500 <= d <= 2100:
            continue
        add(Atom(m.start(), m.end(), n / d, True, Kind.RATIO, raw=m.group(0)))
    for m in (_FRACTION.finditer(s) if words else ()):
        num_word = m.group("num").lower()
        den_word = m.group("den").lower()
        after = s[m.end():]
        plural = den_word.endswith("s") and den_word != "halves" or den_word == "halves"
        if num_word in ("a", "an", "one"):
            if plural:
                continue
            # "a third stoppage" is an ordinal; "a third of", "a quarter," are fractions
            hedged = HEDGE_BEFORE.search(s, max(0, m.start() - 25), m.start()) is not None
            if not hedged and (not _FRACTION_FOLLOW.match(after) or re.match(r"\s+in\s+a\s+row\b", after)):
                continue
            if den_word == "half" and num_word in ("a", "an"):
                continue  # "and a half" is read with the number words
        elif not plural and den_word not in ("half",):
            continue  # "two third" is not English; "five second" is a duration
        n = word_or_numeral(num_word)
        if n is None:
            continue
        value = n / N.FRACTION_WORDS[den_word]
        if value >= 1:
            continue
        add(Atom(m.start(), m.end(), value, True, Kind.RATIO, raw=m.group(0)))
    for m in (_FOLD.finditer(s) if words or "fold" in s else ()):
        v = word_or_numeral(m.group("n"))
        if v is not None:
            add(Atom(m.start(), m.end(), v, True, Kind.RATIO, raw=m.group(0)))  # "sixfold": a multiplier
    for m in _SCIENTIFIC.finditer(s):
        exp = int(m.group("exp").translate(_SUPERSCRIPT).replace("−", "-").replace("–", "-"))
        if abs(exp) <= 99:
            add(Atom(m.start(), m.end(), float(m.group("mant")) * 10.0 ** exp, False, raw=m.group(0)))
    for m in (_HALF.finditer(s) if words else ()):
        add(Atom(m.start(), m.end(), 0.5, True, Kind.RATIO, raw=m.group(0)))
    for m in (_HEDGED_HALF.finditer(s) if words else ()):
        add(Atom(m.start("h"), m.end("h"), 0.5, True, Kind.RATIO, raw=m.group("h")))
    for m in (_NUMBER_WORDS.finditer(s) if words else ()):
        for a in word_atoms(s, m.start(), m.end()):
            add(a)
    for m in _SLASH_FRACTION.finditer(s):
        if not (m.group("whole") or m.group("word")):
            continue
        v = int(m.group("num")) / int(m.group("den"))
        if v >= 1:
            continue
        v += int(m.group("whole") or 0)
        a = Atom(m.start(), m.end(), v, False, raw=m.group(0))
        # a slash reference blocked as a non-claim is released when it reads as a fraction of something
        taken.release(a.start, a.end, lambda t: not re.fullmatch(r"\d+/\d+", s[t[0]:t[1]]))
        if not taken.overlaps((a.start, a.end)):
            atoms.append(a)
            taken.add((a.start, a.end))
    for m in _VULGAR_FRACTION.finditer(s):
        add(Atom(m.start(), m.end(), int(m.group("whole") or 0) + _VULGAR[m.group("frac")], False, raw=m.group(0)))
    for m in _NUMERAL.finditer(s):
        v = N.parse_numeral(m.group(0))
        if v is None:
            continue
        add(Atom(m.start(), m.end(), v, False, raw=m.group(0)))
    atoms.sort(key=lambda a: a.start)
    return atoms


def word_atoms(s: str, start: int, end: int) -> list[Atom]:
    """Number-word atoms in s[start:end]; splits the span when the whole does not read as one number."""
    text = s[start:end]
    toks = [(t.start() + start, t.end() + start, t.group(0)) for t in re.finditer(r"[A-Za-z]+(?:[-‑][A-Za-z]+)?", text)]
    out: list[Atom] = []
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
        out.append(Atom(toks[i][0], toks[j - 1][1], v, True, raw=s[toks[i][0]:toks[j - 1][1]]))
        i = j
    return out


def word_or_numeral(w: str) -> float | None:
    w = w.strip().lower()
    if w in ("a", "an"):
        return 1.0
    if w[:1].isdigit():
        return N.parse_numeral(w)
    return N.words_to_number(w.split())


def unit_from_word(w: str) -> str | None:
    w = w.lower()
    if w in U.UNIT_WORDS:
        return U.UNIT_WORDS[w]
    if w + "s" in U.UNIT_WORDS:
        return U.UNIT_WORDS[w + "s"]
    return None


# ------------------------------------------------------------------------------------------ tail patterns

def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_LEX = lexicon()
# Currency symbols, codes and names: ours first, then every one the CLDR-derived lexicon knows.
_CURRENCY_SYMBOLS = {**_LEX.currency_symbols, **N.CURRENCY_SYMBOLS}
_CURRENCY_CODES = set(N.CURRENCY_CODES) | set(_LEX.currency_codes) - set(_LEX.common_codes)
# ISO codes that are also English words written in capitals ("ALL", "TOP"): a currency only in our own table.
_COMMON_WORD_CODES = set(_LEX.common_codes) - set(N.CURRENCY_CODES)
CURRENCY_WORDS = {**{n: c for n, c in _LEX.currency_names.items()},
                   **{n + "s": c for n, c in _LEX.currency_names.items() if not n.endswith(("s", "yen", "yuan", "won", "rand", "baht", "renminbi"))},
                   **N.CURRENCY_WORDS}
# A symbol with letters before "$" may be written lower-case and spaced in tokenised text ("hk $", "c $").
_DOLLAR_LETTERS = sorted({k[:-1] for k in _CURRENCY_SYMBOLS if k.endswith("$") and k[:-1].replace(".", "").isalpha()},
                         key=len, reverse=True)
CUR_PREFIX = re.compile(
    rf"(?:(?<![A-Za-z])(?:{_alt(k for k in _CURRENCY_SYMBOLS if not k[0].isalpha() and k != '$')})"
    rf"|(?<![A-Za-z])(?:(?i:{_alt(_DOLLAR_LETTERS)})|(?:{_alt(_DOLLAR_LETTERS)})\s|(?<![.'’])(?:{_alt(d.lower() for d in _DOLLAR_LETTERS if len(d) == 1 and d != 'A')})\s"
    rf"|(?i:{_alt(d for d in _DOLLAR_LETTERS if len(d) > 1)}|{_alt(c.lower() for c in N.CURRENCY_CODES)})\s?)?\$"
    rf"|\b(?:{_alt(_CURRENCY_CODES)}|Rs\.?|RM|PS(?=\d))"
    r")\s?$")
_CUR_AFTER_CODE = re.compile(
    rf"\s?(?P<m>M(?=[A-Z]{{3}}\b))?(?P<code>{_alt(_CURRENCY_CODES)}|(?i:{_alt(N.CURRENCY_CODES)}))\b"
    rf"|\s?(?P<sym>{_alt(k for k in _CURRENCY_SYMBOLS if not re.search('[A-Za-z]', k))})(?![\w$€£¥])"
)


class _CodeAfter:
    """A currency written after the amount as a code or symbol ("115USD", "10 $", "100元", "30 MUSD")."""

    __slots__ = ("currency", "end", "scale")

    def __init__(self, currency: str, end: int, scale: float) -> None:
        self.currency, self.end, self.scale = currency, end, scale


def currency_after(s: str, pos: int) -> _CodeAfter | None:
    m = _CUR_AFTER_CODE.match(s, pos)
    if not m:
        return None
    if m.group("sym"):
        code = currency_symbol(m.group("sym"))
        return _CodeAfter(code, m.end(), 1.0) if code else None
    code = m.group("code").upper()
    code = CODE_ALIASES.get(code, code)
    scale = 1e6 if m.group("m") else 1.0
    end = m.end()
    msw = SCALE_WORD.match(s, end)  # "75 USD million"
    if msw and scale == 1.0:
        scale = scale_value(msw.group(0))
        end = msw.end()
    return _CodeAfter(code, end, scale)



# Codes written for a currency that has another ISO code: the renminbi's "RMB", bitcoin's "BTC".
CODE_ALIASES = {"RMB": "CNY", "BTC": "XBT"}


def currency_symbol(written: str) -> str | None:
    """The ISO code of a currency written before a number: "$", "US$", "hk $", "EUR", "RM"."""
    sym = re.sub(r"\s+", "", written).rstrip(".")
    if sym.endswith("$"):
        sym = sym[:-1].upper() + "$"
        if sym[:-1] in _CURRENCY_CODES:
            return sym[:-1]  # "usd$", "nzd$"
        if sym not in _CURRENCY_SYMBOLS:
            sym = "$"
    if sym in CODE_ALIASES:
        return CODE_ALIASES[sym]
    if sym == "RM":
        return "MYR"
    if sym == "PS":
        return "GBP"  # the pound sign after a lossy conversion to ASCII, written against the digits
    return _CURRENCY_SYMBOLS.get(sym) or _CURRENCY_SYMBOLS.get(sym + ".") or (sym if sym in _CURRENCY_CODES else None)


def currency_before(s: str, start: int) -> tuple[str, int] | None:
    """(code, where its symbol starts) of a currency written just before ``s[start:]``."""
    m = CUR_PREFIX.search(s, max(0, start - 8), start)
    if not m:
        return None
    code = currency_symbol(m.group(0))
    return (code, m.start()) if code else None


CUR_WORD = re.compile(rf"(?i)(?:\s+|[-‑](?=[a-z]))(?:{_alt(CURRENCY_WORDS)})\b(?![-‑]\w)")  # "48 million pounds", "a one-yen bid"
SUB_AMOUNT_TAIL = re.compile(r"(?i)(?P<sub>\s*(?:cents?|pence|p)\b)|(?=\s*(?:[.,;!?]|$|more\b))")
SUBUNIT = re.compile(r"(?i)[\s‑-]*(?:cents?|pence|penny|pennies)\b|p\b")
SCALE_SUFFIX = re.compile(r"(?:bn|mn|mln|bln|trn|tn|tr|k|K|m|M|b|B)(?![A-Za-z])")
_SPACED_SCALE_LETTERS = {"B": 1e9, "M": 1e6, "K": 1e3}


def scale_value(written: str) -> float:
    """The factor of the scale words matched by SCALE_WORD: "billion" 1e9, "hundred million" 1e8, " B" 1e9."""
    f = 1.0
    for w in re.split(r"[\s‑-]+", written.strip()):
        if w:
            f *= _SPACED_SCALE_LETTERS.get(w) or N.SCALE_WORDS[w.lower()]
    return f


# One scale word or two ("2.3 billion", "3 hundred million", "five hundred thousand"); "9 B people": a spaced
# capital B, M or K before a counted noun.
SCALE_WORD = re.compile(r"(?i)(?:[\s‑-]+(?:hundred|thousand|million|billion|trillion|mln|bln|bn|mn|trn|tn|crores?|lakhs?|lacs?)\b)"
                        r"(?:[\s‑-]+(?:thousand|million|billion|trillion)\b)?"
                        r"|(?-i:\s[BMK])(?=\s+[a-z]+\b)(?!\s+(?:of|in|at|for|to|and|or)\b)")
PERCENT = re.compile(r"(?i)\s?%|\s*per\s?cent\b|\s*percent\b|pc\b|\s+percentage\s+points?\b|\s+pct\b")
# A basis point is a hundredth of a percentage point: "cut by 50 basis points", "a 25bp rise", "14 bps"
BASIS_POINTS = re.compile(r"(?i:[\s-]*basis[\s-]+points?\b)|\s?bps?\b")
# a hyphen may be set apart by a tokeniser: "28 - year - old", "a 3 - inch pipe"
UNIT_WORD_RE = re.compile(rf"(?i)(?:\s[-‑]\s|\s+|[-‑])(?:{_alt(U.UNIT_WORDS)})\b")
UNIT_SYMBOL_RE = re.compile(rf"\s?(?:{_alt(U.UNIT_SYMBOLS)})(?![\w²³])(?!/(?![A-Za-zµμ]))")
_SLASH_UNIT = re.compile(r"/\s?([A-Za-zµμ]+)\b")


def slash_unit(s: str, pos: int) -> tuple[str, int] | None:
    """A unit written after a slash, as the "per" of the unit before it: "50 cm/ms", "12 kg/m3"."""
    m = _SLASH_UNIT.match(s, pos)
    if not m:
        return None
    w = m.group(1)
    name = U.UNIT_SYMBOLS.get(w) or U.UNIT_WORDS.get(w.lower()) or _LEX.symbols.get(w.replace("μ", "µ")) \
        or _LEX.surfaces.get(w.lower())
    return (name, m.end()) if name else None
DEGREES = re.compile(r"(?i)\s*(?:°|º|\s+degrees?\b|[-‑]degrees?\b|\s*deg\b\.?)"
                      r"(?:\s*(?P<scale>celsius|centigrade|centigrate|celcius|fahrenheit|farenheit|fahrenheight|c\b|f\b))?")
# A turn, slope or bearing named before the figure makes its degrees an angle: "rotate it 90°", "a slope of
# 32.5 degrees", "banked at 30 degrees".
ANGLE_BEFORE = re.compile(
    r"(?i)\b(?:rotat\w*|turn\w*|tilt\w*|angle\w*|slope\w*|inclin\w*|bank\w*|lean\w*|pitch\w*|arc|"
    r"bearing|heading|veer\w*|swivel\w*|spin\w*|twist\w*|gradient|latitude|longitude)\b[^.;:!?]{0,30}$"
)
# Ages: "five years old", "a 49-year-old", "18 months of age", "a 87 yo man", "a man of age 87".
AGE_AFTER_UNIT = re.compile(r"(?i)(?:[-‑\s]+old\b|\s+of\s+age\b)")
AGE_ABBREV = re.compile(r"(?i)\s*(?:yo|y/o|y\.o\.|yrs?\.?\s+old)(?![\w/])")
AGE_BEFORE = re.compile(r"(?i)\b(?:aged|age(?:\s+of)?|ages)\s+$")
HYPHEN_WORD = re.compile(r"\s?[-‑]\s?([a-z]+)(?:[-‑]([a-z]+))?\b")
RATE = re.compile(
    r"(?i)[\s‑-]*(?:(?:a|an|per|each|every)[\s‑-]+(?P<unit>day|week|month|year|hour|minute|second|night|fortnight|quarter|"
    r"head|person|capita|household|barrel|tonne|ton|litre|liter|gallon|kilo|kilogram|kilowatt[- ]hour|unit|share|"
    r"passenger|pupil|student|patient|visitor|worker|employee|game|match|mile|kilometre|kilometer|dozen)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|on|previously|beforehand))"
    rf"|(?:per|a|an)[\s‑-]+(?P<phrase>{_alt(w for w in U.UNIT_WORDS if ' ' in w and not w.endswith('s'))})\b"
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


def clause_rate(s: str, pos: int) -> str | None:
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
HEDGE_AFTER = re.compile(r"(?i)(?:\s+(?:or more|or so|or fewer|or less|or thereabouts|odd)\b|[-‑]plus\b|\+)")
HEDGE_BEFORE = re.compile(rf"(?i)(?:^|(?<=[\s(\"“'‘]))(?P<h>{_alt(N.HEDGES_BEFORE)})\s*$")
HEDGE_VERB_BEFORE = re.compile(rf"(?i)\b(?P<h>{_alt(N.HEDGE_VERBS)})\s+(?:a\s+record\s+|a\s+)?$")

_PLURAL_IRREGULAR = {"people", "children", "men", "women", "police", "staff", "aircraft", "sheep", "fish",
                     "cattle", "personnel", "data", "media", "feet", "teeth", "mice", "geese", "troops",
                     "livestock", "crew", "youth", "deer", "offspring", "clergy", "infantry", "militia"}
NP_STOP = {
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
    "own", "being", "ahead", "together", "apart", "away", "back", "home",
    "annually", "daily", "weekly", "monthly", "yearly", "hourly", "worth", "long", "old", "high", "wide",
    "deep", "tall", "away", "earlier", "later", "before", "previously", "recently", "nationwide",
    "worldwide", "abroad", "overseas", "instead", "alike", "yesterday", "today", "tomorrow", "tonight",
    # subordinators and connectives: "€1.55bn once land purchases are included"
    "once", "unless", "although", "though", "whether", "whilst", "lest", "hence", "thus", "therefore",
    "however", "whereby", "including", "excluding", "provided", "given", "despite", "unlike", "following",
    "amid", "amidst", "except", "besides", "rather", "whatever", "whichever", "wherever", "whenever",
}
# Present-tense verbs that end a noun phrase in headlines ("€1.4bn tram line opens"); none is usually a noun.
_HEADLINE_VERBS = {
    "opens", "closes", "rises", "says", "gets", "faces", "sees", "takes", "makes", "leaves", "starts",
    "begins", "returns", "grows", "drops", "jumps", "climbs", "soars", "slumps", "plunges", "doubles", "tops",
    "passes", "reaches", "nears", "approaches", "needs", "wants", "seeks", "warns", "backs", "approves",
    "rejects", "launches", "unveils", "announces", "reveals", "finds", "goes", "comes", "gives", "hits",
    "remain", "remains", "stays", "lose", "loses", "gain", "gains", "wait", "waits", "face", "struggle",
    "struggles", "join", "joins", "strike",
    # verbs that follow a singular noun and are seldom nouns: "two-thirds of the sample appears to be ice"
    "appears", "seems", "means", "suggests", "includes", "contains", "represents", "equals", "requires",
    "involves", "affects", "receives", "expects", "insists", "admits", "allows", "creates", "brings",
    "earns", "injures", "belongs", "depends", "exists", "happens", "occurs", "becomes", "continues",
}
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there", "one",
             "who", "which"}
DETERMINERS_ANAPHORIC = {"the", "these", "those", "its", "their", "his", "her", "our", "my", "your", "both",
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
_ATTR_END = re.compile(r"\s*(?:$|[,.;:!?)\"”’—–])")
_ATTR_CAP_STOP = {"in", "on", "at", "as", "when", "while", "after", "before", "if", "since", "for", "from",
                  "with", "by", "during", "until", "although", "though", "because", "so", "then", "now", "also",
                  "meanwhile", "however", "yesterday", "today", "separately", "earlier", "later"}
_ATTR_STRIP_LEAD = re.compile(r"(?i)^(?:the|a|an|but|and|so|yet|while|however|meanwhile|also|separately|"
                              r"in\s+a\s+statement|on\s+\w+day)\s+")
_ATTR_BAD = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "there", "which", "who", "what",
             "report", "reports", "study", "survey", "figures", "data", "statement"}



_GLUED_SUFFIX = re.compile(
    rf"(?:{_alt(set(U.UNIT_SYMBOLS) | set(N.SCALE_SUFFIXES) | set(N.CURRENCY_CODES) | {'pc', 'pct', 'p'})})(?![A-Za-z])"
)


def glued_identifier(s: str, a: Atom) -> bool:
    """Whether letters written against the numeral make it part of a code or name ("HS2", "F-35", "L202",
    "A320neo", "3D") rather than a quantity: a scale suffix, a currency code or symbol, or a unit symbol
    against the digits ("£48m", "USD2,450", "RM18.40", "64GB", "120Hz", "32m2") is a quantity, unless more
    digits follow it ("24m212")."""
    if search_back(r"[A-Za-z][-‑]$", s, a.start):
        return not search_back(r"(?i)\b(?:minus|magnitude|sub|over|under|near|about)[-‑]$", s, a.start)  # "magnitude-5.4", "sub-7"
    if search_back(r"[A-Za-z]$", s, a.start):
        # a code against the digits is a currency only before an amount ("USD2,450", "RM18.40", "USD115"),
        # not before the short number of a name ("COP28", "G20", "A4")
        if not currency_before(s, a.start) or not re.fullmatch(r"\d{3,}|\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+", a.raw) and not SCALE_SUFFIX.match(s, a.end):
            return True
    if not re.match(r"[A-Za-zµμ°]", s[a.end:]):
        return False
    m = _GLUED_SUFFIX.match(s, a.end)
    end = m.end() if m else None
    if end is None:
        lx = unit_after(s, a.end)
        end = lx[1] if lx else None
    if end is None:
        return True
    return bool(re.match(r"[\w]", s[end:end + 1]))


def rate_unit(m: re.Match) -> str:
    if m.group("unit"):
        u = m.group("unit").lower().replace("-", " ")
        return {"liter": "litre", "kilometer": "kilometre", "capita": "person", "head": "person"}.get(u, u)
    if m.group("phrase"):
        return U.UNIT_WORDS[re.sub(r"\s+", " ", m.group("phrase").lower())]  # "per square foot"
    if m.group("noun"):
        u = m.group("noun").lower()
        return "year" if u == "annum" else u
    if m.group("slash"):
        u = m.group("slash").lower()
        return {"yr": "year", "hr": "hour", "h": "hour", "head": "person"}.get(u, u)
    adv = re.sub(r"\s+", " ", m.group("adv").lower())
    return _RATE_ADVERB.get(adv, adv)


def looks_like_metres(after: str, sentence: str) -> bool:
    """After "100m": metres when a measuring word follows ("100m tall", "a 100m sprint"), millions when a
    plural noun or nothing follows ("1.5m people", "cost 48m.")."""
    m = re.match(r"[\s-]*([A-Za-z]+)", after)
    if not m:
        return re.match(r"\s*(?:[,.;:)]|$)", after) is not None and _MEASURING.search(sentence) is not None
    w = m.group(1).lower()
    if w in ("tall", "high", "long", "wide", "deep", "away", "below", "above", "sprint", "race", "hurdles",
             "freestyle", "backstroke", "breaststroke", "butterfly", "relay", "dash", "final", "world",
             "from", "of", "metres", "across", "underground", "offshore", "inland", "deeper", "higher",
             "taller", "longer", "wider", "further", "farther", "radius", "diameter", "depth", "height", "length"):
        return True
    if w in ("at", "in", "on", "near", "by", "and", "or", "after", "before", "overnight", "this", "last", "is",
             "was", "are", "were", "equals"):
        # a place or time follows: metres when nothing is counted and the sentence measures a height or depth
        return _MEASURING.search(sentence) is not None
    return False


_MEASURING = re.compile(
    r"(?i)\b(?:rivers?|water|tides?|waves?|gauges?|heights?|depths?|deep|tall|snow|snowfall|elevation|altitude|"
    r"surge|crest(?:ed)?|sea\s+level|flood\s+level|above\s+sea|wall|dam|tower|cliff|mast|span|length|width|"
    r"reach|outreach|distance|radius|diameter|(?:kilo|centi|milli|deci)?met(?:re|er)s?)\b"
    r"|\d\s?(?:km|cm|mm|dm)\b"  # another length in the sentence
)


_RACE_DISTANCES = {50, 60, 100, 110, 200, 400, 800, 1500, 3000, 5000, 10000}


def race_distance(s: str, a: Atom) -> bool:
    """"the 100m", "a 400m": a round race distance after an article, with no plural noun after it."""
    if a.value not in _RACE_DISTANCES or not search_back(r"(?i)\b(?:the|a|an|in|over)\s+$", s, a.start):
        return False
    m = re.match(r"m\s+([A-Za-z]+)", s[a.end:])
    return not (m and is_plural(m.group(1)))


def pounds_are_weight(s: str, end: int) -> bool:
    if re.search(r"(?i)\b(?:weigh\w*|heav\w*|lighter|lbs?|kilos?|kg|ounces|grams|tonnes|tons?|body|baby|born|"
                 r"(?:lose|loses|lost|losing|drop|drops|dropped|shed|sheds|gain|gains|gained|put\s+on)\s+(?:about\s+|some\s+)?\d[\d,.]*)\b", s):
        return True
    return bool(re.match(r"\s+of\s+(?!the\b|his\b|her\b|their\b|its\b|public\b|taxpayers)", s[end:]))


def angle_context(s: str, end: int) -> bool:
    return bool(re.match(r"[\s-]*(?:angle|turn|tilt|slope|incline|arc|north|south|east|west|view|rotation|"
                         r"latitude|longitude)\b", s[end:], re.IGNORECASE))


# Beyond 2100 a four-digit number is a year only after a word of time: "by 2150", "until 2300".
_YEAR_AHEAD_CUE = re.compile(r"(?i)\b(?:in|by|until|till|before|after|since|from|through|the\s+year)\s+$")


def year_like(s: str, a: Atom) -> bool:
    raw = s[a.start:a.end]
    if a.words or not re.fullmatch(r"\d{4}", raw):
        return False
    v = int(raw)
    if not 1500 <= v <= 2100 and not (2100 < v < 3000 and search_back(_YEAR_AHEAD_CUE, s, a.start)):
        return False
    after = s[a.end:]
    if re.match(r"\s?(?:%|per\s?cent|percent|bn|m\b|million|billion)", after):
        return False
    if UNIT_WORD_RE.match(after):
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
    # results a year qualifies: "1988 sales", "2023 earnings"
    "sales", "earnings", "profits", "revenues", "losses", "dividends", "shipments", "exports", "imports",
    "deliveries", "returns", "returns", "payouts", "bonuses", "accounts", "filings", "orders",
}


def counted_year(s: str, a: Atom) -> bool:
    """A four-digit number in the range of years that counts something: "2000 people", "some 1500 troops",
    "at least 2000 scientists". A year cue before it ("in", "since", "the", "of") or a noun that years
    modify ("2019 elections", "1990 levels") keeps it a year."""
    prev = search_back(r"([A-Za-z]+)['’]?\.?\s+$", s, a.start)
    if prev and (prev.group(1).lower() in _YEAR_CUES or search_back(r"['’]s?\s+$", s, a.start)):
        return False
    if search_back(r"\b(?:1[5-9]|20)\d\d\s*(?:and|or|to|,|-|–)\s*$", s, a.start):
        return False  # "in 2019 and 2020 elections"
    return counted_noun_after(s, a)


def counted_noun_after(s: str, a: Atom) -> bool:
    """Whether a plural noun that years do not modify follows ``a``: "2000 troops", not "2019 elections"."""
    noun = noun_after(s, a.end, Kind.COUNT)
    if not noun:
        return False
    head = noun.split()[-1]
    return is_plural(head) and head.lower() not in _YEAR_NOUNS


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


def describes_change(s: str, start: int) -> bool:
    """Whether "X to Y" at ``s[start:]`` describes a change ("rose from X to Y", "cut X to Y") rather than a
    range ("range from X to Y", "X to Y people")."""
    if search_back(r"(?i)\bfrom\s+$", s, start):
        return search_back(_CHANGE_BEFORE_FROM, s, start) is not None
    return search_back(_CHANGE_BEFORE_TO, s, start) is not None


RULE_AGE = re.compile(r"(?i)\b(?:pension|retirement|voting|school[-\s]leaving|minimum|legal|drinking|"
                       r"marriage|consent|state\s+pension)\s+age\b[^,;.]{0,25}$|\bage\s+of\s+(?:criminal\s+)?"
                       r"(?:responsibility|consent|retirement)\b[^,;.]{0,25}$")
TIMES = re.compile(r"\s+times\b(?![-‑])")
MULTIPLIER_AFTER = re.compile(
    r"(?i)\s+(?:as|the|that|what|its|their|his|her|our|more|less|fewer|higher|lower|larger|bigger|greater|"
    r"smaller|faster|slower|longer|shorter|cheaper|dearer|wider|deeper|heavier|stronger|weaker|richer|poorer|"
    r"older|younger|likelier|worse|better|above|over\s+the|[a-z]{3,}er\s+than)\b"
)


def time_unit_at(s: str, b: Atom) -> tuple[str | None, int]:
    """The time unit written right after the atom ``b`` ("3 minutes", "43 sec", "20s") and where it ends."""
    if b.fixed_kind is not None:
        return None, 0
    mw = UNIT_WORD_RE.match(s, b.end)
    if mw and not mw.group(0).startswith(("-", "‑")):
        u = U.UNIT_WORDS[mw.group(0).strip().lower()]
        return (u, mw.end()) if u in U.TIME_UNITS else (None, 0)
    if not b.words:
        ms = UNIT_SYMBOL_RE.match(s, b.end)
        if ms:
            sym = ms.group(0).strip()
            if sym in U.ATTACHED_ONLY_SYMBOLS and ms.group(0).startswith(" "):
                return None, 0
            u = U.UNIT_SYMBOLS[sym]
            return (u, ms.end()) if u in U.TIME_UNITS else (None, 0)
    return None, 0


def is_title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", s) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.7


def first_word_end(s: str) -> int:
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


def is_plural(w: str) -> bool:
    wl = w.lower()
    if wl in _PLURAL_IRREGULAR:
        return True
    return (len(wl) > 3 and wl.endswith("s") and not wl.endswith(("ss", "us", "is", "'s", "’s"))
            and w[0].islower())


def noun_after(s: str, pos: int, kind: Kind) -> str | None:
    # "5,000 more troops", "five other victims": the counted thing follows the word that sets it apart
    mmore = re.match(r"\s+(?:more|fewer|other|further)(?=\s+[a-z])", s[pos:])
    if mmore:
        pos += mmore.end()
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
        if wl in NP_STOP or wl in N.MONTHS and w[0].isupper() or wl in N.WEEKDAYS:
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
        if is_plural(w):
            # a plural used as a modifier of a plural head: "police stations", "maths hubs", "staff members"
            m2 = _NP_WORD.match(s, p)
            if m2 and len(words) < 4:
                w2 = m2.group(1)
                w2l = w2.lower()
                if (is_plural(w2) and w2l not in _PLURAL_IRREGULAR and w2l not in NP_STOP
                        and w2l not in _HEADLINE_VERBS and w2l not in U.UNIT_WORDS and not w2l.endswith("ly")
                        and not _VERB_OBJECT.match(s, m2.end())):
                    words.append(w2)
            break
        # a verb right after a singular noun ends the phrase ("1,000 aircraft built")
    # trailing words that cannot be a head: "5,000 new" -> no noun; "65,000 a day expected" -> no noun
    first = words[0] if words else None
    while words and (words[-1].lower() in ("new", "more", "additional", "extra", "other", "further", "such")
                     or (words[-1].lower().endswith("ed") and len(words[-1]) > 4 and words[-1][0].islower())):
        words.pop()
    if not words:
        # people named by what befell them: "1,240 injured in the blast", "300 dead", "12 missing"
        if (kind is Kind.COUNT and first and len(first) > 3 and first[0].islower() and not mmore
                and (first.lower().endswith("ed") or first.lower() in _PEOPLE_ADJECTIVES)
                and _AFTER_PARTICIPLE_NOUN.match(s, pos + len(s[pos:]) - len(s[pos:].lstrip()) + len(first))):
            return first
        return None
    phrase_end = s.find(words[-1], pos) + len(words[-1])
    mco = _COORDINATED.match(s, phrase_end)
    if mco and is_plural(words[-1]) and is_plural(mco.group(2)) and mco.group(2).lower() not in NP_STOP \
            and mco.group(2).lower() not in _HEADLINE_VERBS and mco.group(2).lower() not in U.UNIT_WORDS \
            and not _VERB_OBJECT.match(s, mco.end()):
        words += [mco.group(1), mco.group(2)]  # "450 nurses and paramedics"
    return " ".join(words)


_PEOPLE_ADJECTIVES = {"dead", "missing", "homeless", "unemployed", "jobless", "elderly", "sick", "hurt"}
_AFTER_PARTICIPLE_NOUN = re.compile(r"\s*(?:$|[,.;:!?)]|(?:in|at|after|as|when|during|since|from|by|and|or|were|are)\b)")
_COORDINATED = re.compile(r"\s+(and|or)\s+([a-z][\w'’-]*)\b(?!\s+(?:to|that|which|who)\b)")


def noun_end(s: str, pos: int, noun: str) -> int:
    i = s.find(noun, pos)
    return i + len(noun) if i >= 0 else pos


# a toll of the dead, the injured, ... ; a toll alone, for a count, is the death toll ("the toll has risen to nine")
_TOLL = re.compile(r"(?i)\b(?:(death|casualty|injury|fatality|victim|infection|case)\s+)?tolls?\b(?:\s+\w+){0,4}\s+$")
_NUMBER_OF = re.compile(r"(?i)\b(?:number|total|count|tally)\s+of\s+((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)\b"
                        r"(?:\s+[\w'’-]+){0,10}\s+$")


# The subject of a change or total: "Asylum claims rose 18% to 84,200", "burglaries fell to 8,400",
# "complaints rose by 240", "admissions reached 3,300".
_SUBJECT_VERB = re.compile(
    r"(?i)\b(?P<noun>[a-z][a-z'’-]*)(?:\s+(?:reported|recorded|registered|logged|confirmed|counted))?"
    r"\s+(?:have\s+|has\s+|had\s+)?(?:rose|risen|fell|fallen|climbed|jumped|dropped|grew|grown|increased|"
    r"decreased|declined|dipped|soared|surged|slumped|plunged|doubled|tripled|trebled|halved|edged\s+up|"
    r"edged\s+down|reached|hit|totalled|totaled|numbered|stood\s+at|topped|passed|exceeded|came\s+to|"
    r"amounted\s+to|rise|rises|fall|falls|climb|climbs|grow|grows|reach|reaches|total|totals|number)"
    r"(?:\s+by)?(?:\s+[\d.,]+(?:\s*(?:%|per\s?cent|percent|percentage\s+points?))?|\s+(?:a|one)\s+"
    r"(?:half|third|quarter|fifth|sixth|tenth)|\s+half)?(?:\s+(?:to|by))?\s+$"
)
# Plural subjects that say nothing about what is counted.
_GENERIC_SUBJECTS = {"figures", "numbers", "levels", "totals", "estimates", "data", "statistics", "rates",
                     "values", "results", "counts", "tallies", "prices", "costs", "this", "its", "has", "was"}


def noun_before(s: str, start: int, kind: Kind = Kind.COUNT) -> str | None:
    m = search_back(_TOLL, s, start)
    if m and m.group(1) is None:  # a toll alone counts the dead, and only a count
        if kind is Kind.COUNT:
            return "deaths"
        m = None
    if m:
        w = m.group(1).lower()
        return {"casualty": "casualties", "injury": "injuries", "fatality": "fatalities"}.get(w, w + "s")
    m = search_back(_NUMBER_OF, s, start)
    if m:
        # "the number of patients waiting for treatment ... has risen to": the phrase ends at its plural head
        words = m.group(1).split()
        for k, w in enumerate(words):
            if is_plural(w):
                return " ".join(words[:k + 1])
        return m.group(1)
    if kind is Kind.COUNT:
        m = search_back(_SUBJECT_VERB, s, start)
        if m:
            w = m.group("noun")
            wl = w.lower()
            if (is_plural(wl) and wl not in NP_STOP and wl not in _GENERIC_SUBJECTS and wl not in U.UNIT_WORDS
                    and (w[0].islower() or m.start("noun") == 0 or not s[:m.start("noun")].strip()
                         or search_back(r"[.:!?]\s*$", s, m.start("noun")))):
                return wl
    return None


def attribution(sentence: str) -> str | None:
    m = _ATTR_ACCORDING.search(sentence)
    if m:
        return clean_attr(m.group("who"))
    for m in _ATTR_AFTER_VERB.finditer(sentence):
        # an inverted attribution (", said the agency.") names the speaker and ends the clause; a verb with
        # an object or a clause after it (", estimated peak gusts at", ", said on Monday that") names none
        if not _ATTR_END.match(sentence, m.end()):
            continue
        who = clean_attr(m.group("who"))
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
            stop = (wl in _ATTR_CAP_STOP) if w[0].isupper() else (wl in NP_STOP and wl not in ("of", "for", "and"))
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
        cand = clean_attr(" ".join(keep))
        if cand:
            return cand
    return None


def clean_attr(who: str) -> str | None:
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



# A street address after a number: "10 Downing Street", "221 Baker Street".
STREET_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Square|Place|Way|Boulevard|Terrace|"
    r"Crescent|Close|Court|Park|Gardens|Strasse|Straße|Platz|Gasse|Weg)\b"
    # the street word before the name, as in French, Italian, Spanish, Portuguese: "14 Rue Cler", "3 Via Roma"
    r"|,?\s+(?:Rue|Avenue|Av\.|Boulevard|Bd|Via|Viale|Piazza|Corso|Calle|Avenida|Plaza|Paseo|Rua|Praça|Place)"
    r"\s+(?:de\s+|du\s+|des\s+|della\s+|del\s+|la\s+|le\s+)?[A-Z]"
)


# A count that stands for more of what was counted before: "another 40,000 were damaged", "a further 300",
# "1,200 more were evacuated", "12 others were hurt".
ANAPHORIC_BEFORE = re.compile(r"(?i)\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$")
ANAPHORIC_AFTER = re.compile(r"(?i)\s+(?:more|others|other\s+ones)\b(?!\s+than\b)(?!\s+[a-z]+s\b)")

BRACKETED_UNIT = re.compile(r"\s?[(\[{<]\s?([A-Za-zµμ°][\w/²³°]{0,9})\s?[)\]}>]")

# Words of weather and heat: with them in the sentence, degrees are a temperature whatever else turns.
TEMPERATURE_CONTEXT = re.compile(
    r"(?i)\b(?:temperatures?|heat(?:wave)?|hot(?:ter|test)?|cold(?:er|est)?|warm(?:er|est|ing)?|cool(?:er|ing)?|"
    r"weather|forecast|thermostat|thermometer|fever|frost|freezing|celsius|fahrenheit|highs?|lows?|mercury)\b"
)
