"""Invariants of extraction on arbitrary text: it never raises, and every claim's offsets give its surface."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.extract import Extractor, furniture_spans, split_sentences
from workbench.models import Article, Kind, Qualifier

EXTRACTOR = Extractor()

# Pieces that exercise every branch of the reader: numerals, number words, currencies, scale words, units,
# hedges, range words, dates, identifiers, furniture, odd punctuation and whitespace.
PIECES = [
    "1", "12", "2,500", "94,300", "3.5", ".5", "0800 555 0199", "2021", "1990s", "2nd", "-", "–", "—", "%",
    "per cent", "percent", "pc", "$", "£", "€", "US$", "bn", "m", "k", "million", "billion", "a", "an",
    "quarter", "half", "third", "one", "two", "fifteen", "thousand", "and", "in", "to", "between", "of",
    "about", "more than", "up to", "nearly", "passes", "over", "some", "degrees", "C", "GW", "hectares",
    "square", "kilometres", "km", "mph", "knots", "day", "a day", "hour", "-hour", "-strong", "-day", "years",
    "people", "troops", "homes", "Windows", "Section", "HS", "G", "COVID-", "F-", "March", "Monday", "said",
    "according to", "the minister", "Read More", "\n", "\n\n", " ", "  ", ".", ",", ";", ":", "!", "?", "(",
    ")", '"', "“", "”", "'", "’", "/", "+", "~", "°", "6 a.m.", "5pm", "10:30", "https://x.example/1/2",
    "www.example.com", "Updated", "ET", "Oops! Something went wrong.", "\t", "\u00a0", "\u2011", "½",
]

news_like = st.lists(st.sampled_from(PIECES), max_size=40).map(lambda parts: " ".join(parts))
mixed = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=30).map("".join)


def _check(text: str) -> None:
    claims = EXTRACTOR.extract(Article(id="p", outlet="o", title="", text=text))
    last = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.surface
        assert c.sentence_start is not None
        assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
        assert c.sentence_start <= c.start and c.end <= c.sentence_start + len(c.sentence)
        assert isinstance(c.kind, Kind) and isinstance(c.qualifier, Qualifier)
        assert math.isfinite(c.low) and math.isfinite(c.high) and c.low <= c.high
        assert c.start >= last  # text order, no overlap
        last = c.end
        if c.kind is Kind.MONEY:
            assert c.currency and len(c.currency) == 3


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_offsets_hold(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_like)
def test_news_like_text_never_raises_and_offsets_hold(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed)
def test_mixed_text_never_raises_and_offsets_hold(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_sentences_and_furniture_are_inside_the_text(text):
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
    for s, e in furniture_spans(text):
        assert 0 <= s <= e <= len(text)
