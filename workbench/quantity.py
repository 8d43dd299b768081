"""What a claim measures: the quantity its figure is a value of, read from the words around the figure.

A figure on its own says little: "9%" may be a firm's sales growth or its cloud division's, "2%" a fall in
laptop shipments or a rise in tablets, "18" today's toll or a toll of a flood sixty years ago. The words of
the figure's own clause say which. :func:`describe` reads them into a :class:`Quantity`:

* ``concept`` — the content words nearest the figure inside its clause (the clause ends at punctuation and
  at words that join clauses: "while", "after", "and", ...), up to :data:`SIDE_WORDS` each side, plus the
  counted noun when the extractor found one; reporting verbs, hedges, number words, change verbs and the
  source's own name are left out (who said it is not what is measured). A clause that holds nothing but
  the figure ("The Liberal bloc, with 8.2%, ...") takes the words of the clause before it;
* ``direction`` — ``up`` or ``down`` when a verb or adverb of change governs the figure ("fell 2%",
  "down 3%", "a rise of 8%"), ``for`` or ``against`` for a share of a vote or a poll ("52% against",
  "backed by 48%"); a change verb followed by "to" names the new level, not the change, and gives none;
* ``time`` — what ties the figure to another time or event: a year ("in 1987"), a month ("in March"), or
  a word that points away from the present event ("last", "previous", "earlier", "ago", "before",
  "first", "initial", "from" after a change verb: "down from 16%").

The phrase form (``Quantity.phrase``: "cloud sales, up", "quake killed, 1987") is what the claim output's
``quantity`` field carries; :func:`parse` reads it back. Grouping compares quantities by their concept
words (with RapidFuzz), their direction and their time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Quantity", "describe", "describe_claim", "parse", "refers_back", "SIDE_WORDS"]

SIDE_WORDS = 3  # content words kept on each side of the figure, nearest first

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\d{4}")
_BOUNDARY_CHARS = re.compile(r"[,;:()\u2014\u2013\[\]\"\u201c\u201d]|\s-\s|\.\s")
_JOINERS = frozenset("while whereas but and after before when as with against versus than compared".split())
_OPENS_CLAUSE = frozenset("while whereas but and after before when as".split())  # right after a figure too:
# "the toll climbed to 24 as the search resumed" (not "with", "than", "against": "52% against" takes a side)
_HEDGE_JOINERS = frozenset(("as", "than"))  # "as many as 300", "more than 12": part of the figure's hedge
_UP = frozenset(
    "rose rise rises rising risen grew grow grows growing grown climbed climb climbs climbing increased increase "
    "increases increasing jumped jump jumps jumping gained gain gains up higher soared soar surged surge "
    "boosted more".split()
)
_DOWN = frozenset(
    "fell fall falls falling fallen dropped drop drops dropping declined decline declines declining lost "
    "decreased decrease decreases slid slide slides slipped slip shrank shrink shrinks shrunk lost lose "
    "down lower plunged plunge sank sink tumbled tumble less fewer reduced".split()
)
_FOR = frozenset("for favour favor backed backing back support supported supporting yes approve approved".split())
_AGAINST = frozenset("against opposed opposing oppose no rejected rejecting reject".split())
_SAME_DAY = frozenset("morning afternoon evening midday noon overnight today day dawn night hour hours".split())
_PERIODS = frozenset("year years quarter quarters month months week weeks season ago previous last".split())
_AWAY = frozenset("last previous earlier ago before former first initial prior original".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_NOUN_MONTHS = frozenset(("march",))  # a month name that is also a common news noun ("may" is a modal: a stop word)
_TIME_PREPOSITIONS = frozenset("in since last until by early late mid from on".split())
_REPORTING = frozenset(
    "said says say saying told according estimated estimate estimates reported reports put puts stated "
    "showed shows show suggest suggests suggested claimed claims counted data figures official officials "
    "now also just only still "
    "reached reach reaches hit hits passed passes stood stands totalled totaled topped tops exceeded".split()
)
_SPEECH = frozenset(
    "said says say told warned warns added adds announced announces confirmed confirms insisted insists "
    "believed believes feared fears reported reports estimated estimates claimed claims argued argues "
    "suggested suggests expects expected admitted admits".split()
)
_HEDGES = frozenset("about around some nearly almost roughly approximately just over under".split())
_STOP = frozenset(
    """a an the of in on at to for by with from and or but is are was were be been being has have had it its
    this that these those as their they them he she his her we our you your i not no so if into out there
    here which who whom whose what when where why how will would could should can may might must shall do
    does did than then per cent percent one two three four five six seven eight nine ten eleven twelve
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight overnight morning
    afternoon evening night week weeks day days daily month months year years quarter quarterly despite
    twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion half
    quarter third dozen bn m k mn tn pct another other others further number numbers total totals figure
    level levels""".split()
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure is a value of: concept words, direction and the time or event it is tied to."""

    concept: str
    direction: str | None = None  # "up", "down", "for", "against"
    time: str | None = None  # "1987", "march", "last", "earlier", ...

    @property
    def phrase(self) -> str:
        return ", ".join(p for p in (self.concept, self.direction, self.time) if p)


_DIRECTIONS = ("up", "down", "for", "against")
_FRONTED = re.compile(r"\s*(?:In|During|At|Since|Before|After|Unlike|Like|Last|Back)\b[^.;:]*?,(?:[^,.;:]*,)?")


def parse(phrase: str | None) -> Quantity | None:
    """The :class:`Quantity` a phrase written by :attr:`Quantity.phrase` stands for (None for None)."""
    if phrase is None:
        return None
    parts = [p.strip() for p in phrase.split(",")]
    concept = parts[0] if parts and parts[0] not in _DIRECTIONS else ""
    rest = parts[1:] if concept or (parts and parts[0] not in _DIRECTIONS) else parts
    direction = next((p for p in rest if p in _DIRECTIONS), None)
    time = next((p for p in rest if p and p not in _DIRECTIONS), None)
    return Quantity(concept=concept, direction=direction, time=time)


def _clause(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The text of the figure's clause before and after the figure. A figure in brackets restates what the
    clause before the bracket measures ("more than 12 million people (12,304,117)")."""
    stop = start  # the clause before the figure is sentence[cut:stop]
    j = stop
    while j > 0 and sentence[j - 1].isspace():
        j -= 1
    k = end
    while k < len(sentence) and sentence[k].isspace():
        k += 1
    bracketed = j > 0 and sentence[j - 1] == "(" and k < len(sentence) and sentence[k] == ")"
    if bracketed:
        stop = j - 1
        i = stop
        while i > 0 and sentence[i - 1].isspace():
            i -= 1
        figure_end = i
        while i > 0 and (sentence[i - 1].isdecimal() or sentence[i - 1] in ",."):
            i -= 1
        if i < figure_end:  # the restated figure itself is not part of the concept
            stop = i
    before = sentence[_last_boundary_end(sentence, stop):stop]
    if bracketed:
        return before, ""
    m = _BOUNDARY_CHARS.search(sentence, end)
    return before, sentence[end:m.start() if m else len(sentence)]


@lru_cache(maxsize=4)
def _boundaries(sentence: str) -> list[int]:
    """The ends of the clause boundaries of the whole sentence, as ``_BOUNDARY_CHARS.finditer`` reads them."""
    return [m.end() for m in _BOUNDARY_CHARS.finditer(sentence)]


def _last_boundary_end(sentence: str, stop: int) -> int:
    """Where the last boundary in ``sentence[:stop]`` ends (0 for none), as the last match of
    ``_BOUNDARY_CHARS.finditer(sentence[:stop])``, without reading the whole prefix for every figure: the
    matches of the whole sentence that end by ``stop`` are the prefix's too, and after the last of them the
    prefix can only hold a match within the last three characters (a boundary is at most three long)."""
    ends = _boundaries(sentence)
    k = bisect.bisect_right(ends, stop)
    e0 = ends[k - 1] if k else 0
    last = e0
    for m in _BOUNDARY_CHARS.finditer(sentence, max(e0, stop - 3), stop):
        last = m.end()
    return last


def _tokens(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def _cut_at_joiner(words: list[str], from_end: bool) -> list[str]:
    """Words up to the nearest clause-joining word (searched from the figure outwards)."""
    if from_end:
        if words and words[-1] in _JOINERS and words[-1] not in _HEDGE_JOINERS:
            return []  # the figure opens a clause of its own ("40 homes were lost and 600 people moved")
        for k in range(len(words) - 1, -1, -1):
            if words[k] in _JOINERS and k < len(words) - 1:
                return words[k + 1:]
        return words
    for k, w in enumerate(words):
        if w in _JOINERS and (k > 0 or w in _OPENS_CLAUSE):
            return words[:k]
    return words


def _after_complement(words: list[str]) -> list[str]:
    """The words after the last "that" opening a reported clause ("said on Sunday that it had counted 31"):
    the speaker's words are not what is measured. Only after a verb of speech or thought: a "that" after a
    noun ("a quake that killed 18") ties the figure to that noun. A "that" right before the figure points at
    it instead."""
    for k in range(len(words) - 2, -1, -1):
        if words[k] == "that" and any(w in _SPEECH for w in words[:k]):
            return words[k + 1:]
    return words


def _strip(w: str) -> str:
    return w[:-2] if w.endswith(("'s", "s'")) else w.rstrip("'")


_SIDED_KINDS = frozenset(("percent", "ratio", "count"))  # kinds of figure a vote or a poll gives for or against


def describe(sentence: str, start: int, end: int, noun: str | None = None, attribution: str | None = None,
             fallback: str | None = None, kind: str | None = None) -> Quantity:
    """The quantity stated by the figure at ``sentence[start:end]``.

    ``noun`` is the counted noun the extractor read, ``attribution`` the source the sentence names (its
    words are left out of the concept), ``fallback`` a word for the concept when the clause has none (the
    unit or the kind), ``kind`` the claim's kind when known: only shares and counts take sides ("52% against",
    "312 votes for"); a sum of money or a measure "for" something is not for or against it.
    """
    start = max(0, min(start, len(sentence)))
    end = max(start, min(end, len(sentence)))
    before_text, after_text = _clause(sentence, start, end)
    before = _after_complement(_cut_at_joiner(_tokens(before_text), from_end=True))
    after = _cut_at_joiner(_tokens(after_text), from_end=False)
    source = set(_tokens(attribution)) if attribution else set()

    direction = None
    time = None
    # the word just before the figure (skipping "by", hedges): a change verb governs it ("fell 2%")
    near = [w for w in before if w not in _HEDGES and w not in ("by", "of", "a", "an", "the")]
    lead = near[-1] if near else None
    first_after = after[0] if after else None
    if lead in _UP or first_after in ("up", "higher", "more"):
        direction = "up"
    elif lead in _DOWN or first_after in ("down", "lower", "less", "fewer"):
        direction = "down"
    if lead == "from" and len(near) > 1 and (near[-2] in _UP or near[-2] in _DOWN):
        direction = None
        # "down from 16% a year earlier" is another period's figure; "up from 14 in the morning" is the
        # same running count read earlier on the day
        if not _SAME_DAY.intersection(after[:4]) or _PERIODS.intersection(after[:4]):
            time = "earlier"
    sided = kind is None or kind in _SIDED_KINDS
    if not sided:
        pass
    elif first_after in _AGAINST or lead in ("opposed", "opposing", "rejected"):
        direction = "against"
    elif first_after in _FOR or lead in ("backed", "backing", "supported", "support"):
        direction = "for"
    elif after[:2] == ["in", "favour"] or after[:2] == ["in", "favor"]:
        direction = "for"
    if first_after == "to" and direction in ("up", "down"):
        direction = None  # "fell 2% to 61 million": the 2% is a change, but it is the figure after "to"
    if lead == "to" and len(near) > 1 and (near[-2] in _UP or near[-2] in _DOWN):
        direction = None  # "rose to 23": a level reached

    time = _time_word(before + after, time)

    if time is None:
        # a fronted adverbial ("In the last walkout, in March, ...") ties the rest of the sentence to its time
        m = _FRONTED.match(sentence)
        if m and m.end() <= start:
            words = _tokens(m.group(0))
            for k, w in enumerate(words):
                if (w.isdigit() and len(w) == 4) or w in _AWAY or (w in _MONTHS and k > 0):
                    time = w
                    break

    def content(w: str) -> bool:
        return (w not in _STOP and w not in _HEDGES and w not in _REPORTING and w not in _UP and w not in _DOWN
                and w not in _FOR and w not in _AGAINST and w not in _AWAY and w not in _MONTHS
                and w not in source and not w.isdigit() and len(w) > 1)

    def clause_words(ws: list[str]) -> list[str]:
        out = []
        for k, w in enumerate(map(_strip, ws)):
            if w in _NOUN_MONTHS and not (k > 0 and ws[k - 1] in _TIME_PREPOSITIONS):
                out.append(w)  # "Saturday's march": a noun, not a month
            elif content(w):
                out.append(w)
        return out

    left = _subject_words(before, clause_words) or clause_words(before)[-SIDE_WORDS:]
    right = clause_words(after)[:SIDE_WORDS]
    words = left + right
    if noun:
        for w in _tokens(noun):
            w = _strip(w)
            if content(w) and w not in words:
                words.append(w)
    if not words:
        # a clause of the figure alone ("The Liberal bloc, with 8.2%, ...") measures what the clause
        # before it names, at the time that clause gives: its content words nearest the figure
        prior = _clause_before(sentence, start)
        words = clause_words(prior)[-SIDE_WORDS:]
        if time is None:
            time = _time_word(prior, None)
    if not words and fallback:
        words = [fallback.lower()]
    return Quantity(concept=" ".join(words), direction=direction, time=time)


# Verbs that tie a subject to the figure after them: a level reached or held ("stood at", "reached", "was") or
# a change ("rose to", "fell by"). The words between such a verb and its figure are small ones.
_LEVEL_VERBS = frozenset(
    "stood stands stand remained remains remain reached reaches hit hits was were is are totalled totaled "
    "totals topped tops exceeded exceeds passed passes came comes".split()
) | (_UP | _DOWN) - frozenset("more less fewer up down higher lower".split())
_VERB_TO_FIGURE = frozenset("to at by of a an the unchanged steady".split()) | _HEDGES | frozenset(
    "more less than least over under as many much".split()
)
# Prepositions that open a modifier of the subject's head ("the death toll from the flood in the north")
_MODIFIER_PREPOSITIONS = frozenset(
    "of from in at on for by with across during over under among after since into near between".split()
)


def _subject_words(before: list[str], clause_words) -> list[str]:  # noqa: ANN001 - the describe filter
    """When a verb of level or change links the figure to a subject ("the death toll from the flood rose to
    24", "the number of survivors stood at 118"), what is measured is the subject's head: its content words
    before its first modifying preposition (after it when the head says nothing, as in "the number of"),
    then the modifier's words nearest the head while :data:`SIDE_WORDS` allows. Empty when no such verb
    governs the figure or the subject holds no content word."""
    k = len(before)
    while k > 0 and before[k - 1] in _VERB_TO_FIGURE:
        k -= 1
    if k == 0 or before[k - 1] not in _LEVEL_VERBS or k == len(before) and before[k - 1] in _UP | _DOWN:
        return []  # no verb, or a change verb right before the figure ("fell 2%") reads as today
    subject = before[:k - 1]
    while subject and subject[-1] in ("has", "have", "had", "had been", "been", "be", "will", "would"):
        subject = subject[:-1]
    start = 0
    while True:
        cut = next((j for j in range(start, len(subject)) if subject[j] in _MODIFIER_PREPOSITIONS), len(subject))
        head = clause_words(subject[start:cut])
        if head or cut >= len(subject):
            break
        start = cut + 1
    if not head:
        return []
    head = head[-SIDE_WORDS:]
    return head + clause_words(subject[cut + 1:])[:SIDE_WORDS - len(head)]


# Words by which a clause points back at a quantity the article has already named: "the ministry put the
# figure at 31%", "by evening that number had fallen to 11", "the agency gave a lower figure of 11". Not
# "the number of passengers reached 4,100", which names its own.
_BACK_NOUNS = frozenset("figure number tally estimate total".split())
_BACK_HINT = re.compile(r"(?i)\b(?:" + "|".join(sorted(_BACK_NOUNS)) + r")\b")
_BACK_DETERMINERS = frozenset("the that this its their his her a".split())


def refers_back(sentence: str, start: int, end: int) -> bool:
    """Whether the figure at ``sentence[start:end]`` is given for a quantity named before its clause: a
    determiner and a word such as "figure" or "number" (an adjective may stand between) before the figure,
    not followed by "of" and what it counts."""
    start = max(0, min(start, len(sentence)))
    if not _BACK_HINT.search(sentence, 0, start):  # most figures: no such word before them, no clause to read
        return False
    before_text, _ = _clause(sentence, start, max(start, min(end, len(sentence))))
    words = _cut_at_joiner(_tokens(before_text), from_end=True)
    for k, w in enumerate(words):
        if w in _BACK_NOUNS and (k + 2 >= len(words) or words[k + 1] != "of"):  # "a figure of 11" points back
            if (k >= 1 and words[k - 1] in _BACK_DETERMINERS) or (k >= 2 and words[k - 2] in _BACK_DETERMINERS):
                return True
    return False


def _time_word(words: list[str], found: str | None) -> str | None:
    """The word of a clause that ties its figure to another time: a year; else ``found`` (what the figure's
    change verb already said), else a word pointing away from the present event, else a month after "in",
    "since" or "last"."""
    for w in words:
        if w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2100:
            return w
    if found is not None:
        return found
    for k, w in enumerate(words):
        if w in _AWAY and not _SAME_DAY.intersection(words[k + 1:k + 4]):
            return w  # "earlier in the day", "last night": the same running count read before, no other time
    for k, w in enumerate(words):
        if w in _MONTHS and k > 0 and words[k - 1] in ("in", "since", "last"):
            return w
    return None


def _clause_before(sentence: str, start: int) -> list[str]:
    """The words of the clause before the figure's own, from its last clause-joining word on."""
    cut = _last_boundary_end(sentence, start)
    if cut <= 0:
        return []
    stop = cut
    while stop > 0 and not sentence[stop - 1].isalnum():
        stop -= 1
    return _cut_at_joiner(_tokens(sentence[_last_boundary_end(sentence, stop):stop]), from_end=True)


def describe_claim(claim) -> Quantity:  # noqa: ANN001 - a workbench.models.Claim
    """The quantity of a claim: read back from ``claim.quantity`` when set, else from its sentence."""
    got = parse(claim.quantity)
    if got is not None:
        return got
    sentence = claim.sentence or ""
    if claim.sentence_start is not None:
        a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    else:
        a = sentence.find(claim.surface) if claim.surface else -1
        b = a + len(claim.surface) if a >= 0 else -1
    if not (0 <= a <= b <= len(sentence)):
        a = b = 0
    return describe(sentence, a, b, claim.noun, claim.attribution, claim.unit or claim.kind.value,
                    kind=claim.kind.value)


# Words news uses for one measured thing, by class: what a toll, a crowd or a payroll is called varies by
# outlet ("killed", "died", "dead", "death toll"). A word in a class stands for the class as well when two
# quantities are compared. General news vocabulary, not drawn from any one text.
CONCEPT_CLASSES: dict[str, tuple[str, ...]] = {
    "deaths": ("dead", "died", "die", "dies", "death", "deaths", "killed", "killing", "kills", "kill", "toll",
               "fatalities", "fatality", "lives", "bodies", "perished"),
    "injured": ("injured", "injuries", "injury", "hurt", "wounded", "casualties"),
    "displaced": ("evacuated", "evacuees", "evacuation", "displaced", "homeless", "fled", "shelters",
                  "shelter", "moved", "leave", "flee", "tents"),
    "crowd": ("crowd", "crowds", "protesters", "protestors", "marchers", "marched", "demonstrators", "march",
              "rally", "protest", "turned", "joined"),
    "strikers": ("strike", "strikers", "striking", "walked", "walkout", "stopped", "stoppage", "struck"),
    "jobs": ("jobs", "job", "roles", "posts", "positions", "staff", "employees", "workforce", "workers",
             "redundancies", "layoffs", "lay", "shed", "sheds"),
    "cost": ("cost", "costs", "price", "bill", "spend", "spending", "budget", "funding", "losses", "damage"),
    "revenue": ("revenue", "revenues", "turnover", "sales", "takings"),
    "homes": ("homes", "houses", "households", "properties", "dwellings", "buildings"),
    "population": ("population", "residents", "inhabitants", "census"),
    "votes": ("vote", "votes", "voters", "ballots", "backed", "polled"),
    "length": ("long", "length", "stretches", "stretch", "span", "across", "route"),
    "area": ("area", "burned", "burnt", "covers", "spread", "scorched"),
    "rain": ("rain", "rainfall", "fell", "precipitation"),
}
_CLASS_OF = {w: k for k, ws in CONCEPT_CLASSES.items() for w in ws}


def concept_keys(concept: str) -> str:
    """The concept's words with the class of each word that has one added ("people killed" -> "people
    killed population deaths"), for comparing two quantities."""
    words = concept.split()
    extra = sorted({_CLASS_OF[w] for w in words if w in _CLASS_OF} - set(words))
    return " ".join(words + extra)
