"""Numeric claim extraction: named passes over a draft of each number expression.

Reading goes sentence by sentence. Page furniture (error banners, "Read More" headline lists, share lines,
update stamps: the one rule of :func:`workbench.ingest.furniture_spans`, which the command line and the
store importer apply too) is skipped, and so is every sentence that holds neither a digit nor a number
word. In a sentence we first mark what is *not* a claim (dates, clock times, years, ordinals, phone
numbers, URLs, numbers inside names such as HS2, F-35 or Windows 11), then read each number expression
around its numerals and number words (:mod:`workbench.extract.rules`), each through the named passes of
:mod:`workbench.extract.passes`: identifiers, sign and currency, scale, percent, units, multipliers,
ranges and changes, years, hedges, rates, ages, the counted noun. Units and currencies our own tables do
not list come from the lexicon derived once from quantulum3 and CLDR (:mod:`workbench.extract.lexicon`);
quantulum3 itself is never imported at run time. :meth:`Extractor._claim` is where a finished Claim is built.

Decisions the rules take from context (each has table-driven cases in tests/test_extract_context.py):

- A four-digit number from 1500 to 2100 is a year unless a counted plural noun follows it and no year cue
  precedes it: "2000 people", "some 1500 troops" are counts; "in 2000", "the 2019 elections", "below 1990
  levels" are years.
- Scores and tallies joined by a hyphen ("3-1", "52-48") are results, not claims: the contract has no pair
  value and a range would misstate them. A tally written out ("by 41 votes") is a count.
- Ages that bound a group ("aged 65 and over") or stand in apposition ("Jane Doe, 54,") are not claims; a
  person's or a thing's age ("nine years old", "a 49-year-old", "aged 34") is a measure in years (months,
  weeks, days) of age; an age set by a rule ("the pension age rises to 67") is a duration in years.
- A composite duration ("2 hours 3 minutes") is one claim in its smallest unit; "a year and a half" is 1.5
  years; a hedged single unit ("more than a year") is a duration of one.
- "from X to Y" is a range unless a change is described ("rose from 4% to 5%"): then it is two claims and
  the first takes a unit or scale written only after the second ("from 7.5 to 9.1 weeks").
- "N times higher / the level / as many" is a multiplier (ratio N); "nine times" alone is a count with no
  counted noun.

``text[claim.start:claim.end] == claim.surface`` holds for every claim.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from workbench import numbers as N
from workbench.extract import rules as R
from workbench.extract.lexicon import lexicon
from workbench.extract.passes import read_expression
from workbench.extract.rules import Expr, non_claim_spans, split_sentences
from workbench.ingest import furniture_spans
from workbench.models import Article, Claim, Kind
from workbench.quantity import describe as describe_quantity
from workbench.quantity import parse as parse_quantity
from workbench.quantity import refers_back

__all__ = ["Extractor", "extract_text", "shared_extractor", "split_sentences", "non_claim_spans", "furniture_spans"]


# ---------------------------------------------------------------------------------------------- extractor

class Extractor:
    """Reads numeric claims from articles. Cheap to build; the unit lexicon is read once per process."""

    # -- public API ------------------------------------------------------------------------------------

    def warm(self) -> None:
        """Read the unit lexicon now rather than on the first sentence that needs it."""
        lexicon()

    def extract(self, article: Article) -> list[Claim]:
        text = article.text
        furniture = furniture_spans(text)
        claims: list[Claim] = []
        context_noun: str | None = None  # what the article counted last: "another 40,000" counts it too
        for s0, s1 in split_sentences(text):
            if R.overlaps((s0, s1), furniture):
                if any(fs <= s0 and s1 <= fe for fs, fe in furniture):
                    continue
            sentence = text[s0:s1]
            if not N.may_hold_number(sentence):
                continue
            attribution: list[str | None] = []
            exprs = self._sentence(sentence, context_noun)
            context_noun = next((e.noun for e in reversed(exprs) if e.kind is Kind.COUNT and e.noun), context_noun)
            for e in exprs:
                if R.overlaps((s0 + e.start, s0 + e.end), furniture):
                    continue
                if not attribution:
                    attribution.append(R.attribution(sentence))
                claims.append(self._claim(article, text, sentence, s0, e, attribution[0]))
        return _resolve_references(claims)

    def extract_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[Claim]:
        """Claims of each article in turn; with ``jobs`` > 1 articles are read in a process pool (each
        worker builds its own Extractor). Output order is input order."""
        if jobs <= 1:
            for a in articles:
                yield from self.extract(a)
            return
        window = max(4, jobs * 8)
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
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

    def _claim(self, article: Article, text: str, sentence: str, s0: int, e: Expr,
               attribution: str | None) -> Claim:
        """The one place a finished Claim is built from a sentence's expression."""
        start, end = s0 + e.start, s0 + e.end
        return Claim(
            article=article.id, start=start, end=end, surface=text[start:end], sentence=sentence,
            kind=e.kind, low=e.low, high=e.high, qualifier=e.qualifier, currency=e.currency, unit=e.unit,
            noun=e.noun, attribution=attribution, per=e.per, outlet=article.outlet,
            sentence_start=s0, published=article.published,
            quantity=describe_quantity(sentence, e.start, e.end, e.noun, attribution,
                                       e.unit or e.kind.value, kind=e.kind.value).phrase,
        )

    def _sentence(self, s: str, context_noun: str | None = None) -> list[Expr]:
        blocked = non_claim_spans(s)
        atoms = R.find_atoms(s, blocked)
        if not atoms:
            return []
        title_case = R.is_title_case(s)
        first_word_end = R.first_word_end(s)
        exprs: list[Expr] = []
        consumed_until = -1
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if a.start < consumed_until:
                i += 1
                continue
            e, used = read_expression(s, atoms, i, blocked, title_case, first_word_end, context_noun)
            if (e is None and used == 1 and not a.words and i + 1 < len(atoms) and not atoms[i + 1].words
                    and re.fullmatch(r"[-–‑]", s[a.end:atoms[i + 1].start])):
                used = 2
            if e is not None and e.start < consumed_until:
                # a symbol between two amounts belongs to the first ("1 $ 1"): the second starts at its digits
                e.start = a.start if a.start >= consumed_until else e.end
            if e is not None and e.start < e.end:
                exprs.append(e)
                consumed_until = e.tail_end
            i += max(1, used)
        return exprs


def _resolve_references(claims: list[Claim]) -> list[Claim]:
    """A figure given for a quantity named before ("the ministry put the figure at 31%") measures what the
    article's previous figure of its kind measured: it takes that claim's concept, keeping its own
    direction and time."""
    out: list[Claim] = []
    last: dict[Kind, str] = {}  # kind -> the concept of the article's latest claim of that kind
    for c in claims:
        q = parse_quantity(c.quantity)
        if q is not None:
            start = c.start - (c.sentence_start or 0)
            if c.kind in last and refers_back(c.sentence, start, start + (c.end - c.start)):
                q = replace(q, concept=last[c.kind])
                c = replace(c, quantity=q.phrase)
            if q.concept:
                last[c.kind] = q.concept
        out.append(c)
    return out


# ------------------------------------------------------------------------------------- process-pool workers

_WORKER: Extractor | None = None


def _worker_init() -> None:
    global _WORKER
    _WORKER = Extractor()
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

