"""What the review queue prints for a claim: the figure whole, the words around it, units in the plural.

The queue's "figure" column is the claim's surface whole, its "sentence" column :func:`ui.text.around_figure`
and the claim in hand's "Figure" line :func:`ui.text.value_text`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui.text import QUEUE_CONTEXT, around_figure, value_text  # noqa: E402
from workbench.models import Kind, Qualifier  # noqa: E402
from workbench.store import ClaimRow, ClaimStatus  # noqa: E402


def row(sentence: str, surface: str, *, at: int | None = None, kind: Kind = Kind.COUNT, low: float = 1.0,
        high: float | None = None, unit: str | None = None, currency: str | None = None) -> ClaimRow:
    start = sentence.index(surface) if at is None else at
    return ClaimRow(
        id="a:1-2", article_id="a", article_title="t", outlet="Fenwick Radio News", url=None, published=None,
        start=100 + start, end=100 + start + len(surface), surface=surface, sentence=sentence, sentence_start=100,
        kind=kind, low=low, high=low if high is None else high, qualifier=Qualifier.EXACT, currency=currency,
        unit=unit, noun=None, attribution=None, per=None, group_id=None, group_size=1, discrepant=False,
        status=ClaimStatus.UNREVIEWED, final_label=None, final_version=0)


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
FIGURE = st.sampled_from(["Nearly 2,500", "up to £3,000", "1.4 billion euros", "48,612", "18 months", "7.5%"])


@given(before=st.lists(WORD, max_size=40), after=st.lists(WORD, max_size=40), figure=FIGURE,
       width=st.integers(min_value=20, max_value=160))
def test_the_figure_is_never_cut_and_the_line_keeps_to_its_width(before, after, figure, width):
    sentence = " ".join([*before, figure, *after]) + "."
    text = around_figure(row(sentence, figure, at=len(" ".join(before)) + (1 if before else 0)), width)
    assert figure in text
    assert len(text) <= max(width, len(figure) + 2)  # beyond the width only an ellipsis either side
    # what is shown is the sentence's own words, in order, with words left out only at the ends
    core = text.removeprefix("…").removesuffix("…")
    assert core in sentence
    words = sentence.split()
    assert all(w in words or w == figure or w in figure.split() for w in core.split()), "no word cut short"


@pytest.mark.parametrize("sentence, surface, width, shown", [
    ("Nearly 2,500 homes were flooded.", "Nearly 2,500", 110, "Nearly 2,500 homes were flooded."),
    ("The council said on Tuesday, after a long meeting of its finance committee, that up to £3,000 would be "
     "paid to each household affected by the floods in the northern valleys.", "up to £3,000", 60,
     "…finance committee, that up to £3,000 would be paid to each…"),
    ("Flood: 2,500 homes", "2,500", 10, "…2,500…"),
])
def test_the_words_around_the_figure_are_shown(sentence, surface, width, shown):
    assert around_figure(row(sentence, surface), width) == shown


@pytest.mark.parametrize("kw, text", [
    (dict(kind=Kind.DURATION, low=18, unit="month"), "18 months"),
    (dict(kind=Kind.DURATION, low=1, unit="month"), "1 month"),
    (dict(kind=Kind.MEASURE, low=6, unit="foot"), "6 feet"),
    (dict(kind=Kind.MEASURE, low=2500, unit="hectare"), "2,500 hectares"),
    (dict(kind=Kind.COUNT, low=2500), "2,500"),
])
def test_units_read_in_the_plural_where_the_value_calls_for_it(kw, text):
    assert value_text(row("x 1 y", "1", **kw)) == text


@given(before=st.lists(WORD, min_size=8, max_size=40), after=st.lists(WORD, max_size=40), figure=FIGURE)
def test_the_queue_cell_shows_the_figure_in_its_first_half_with_the_words_before_it(before, after, figure):
    # the sentence column shows about QUEUE_CONTEXT characters: two claims of one sentence must read apart
    # there, so the figure and the words right before it come first, not the sentence's opening
    sentence = " ".join([*before, figure, *after]) + "."
    assume(len(" ".join(before)) > QUEUE_CONTEXT)  # a sentence too long for the cell
    text = around_figure(row(sentence, figure, at=len(" ".join(before)) + 1), QUEUE_CONTEXT,
                         before_at_most=QUEUE_CONTEXT // 2)
    assert 0 < text.index(figure) <= QUEUE_CONTEXT // 2 + 2  # an ellipsis, the words before, a space
    assert text.startswith("…")  # the sentence's opening is left out, not the figure's neighbours
    assert len(text) <= max(QUEUE_CONTEXT, len(figure) + 2)
