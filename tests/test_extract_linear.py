"""The indexes that keep extraction near-linear in a long sentence answer exactly as the scans they replace.

- ``rules.SpanSet`` (sorted, merged spans) against ``rules.overlaps`` over the plain list of spans;
- ``rules.search_back`` (a window before the figure) against ``re.search(pattern, s[:end])``, for the
  patterns the rules read back with, on text shorter than the window and on text far longer;
- ``quantity._clause`` (boundaries of the whole sentence, bisected) against the prefix-scanning reading it
  replaced, kept here as the oracle.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench import quantity
from workbench.extract import rules as R

spans = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=12), st.lists(st.tuples(st.sampled_from(["add", "ask", "release"]), spans),
                                                max_size=40))
def test_span_set_answers_as_the_plain_list(blocked, ops):
    model = list(blocked)
    fast = R.SpanSet(blocked)
    for op, span in ops:
        if op == "add":
            if not R.overlaps(span, model):  # as find_atoms adds: only a span that overlaps nothing held
                model.append(span)
                fast.add(span)
        elif op == "release":
            def keep(t):
                return (t[0] + t[1]) % 3 != 0
            model = [t for t in model if not (span[0] <= t[0] and t[1] <= span[1] and not keep(t))]
            fast.release(span[0], span[1], keep)
        assert fast.overlaps(span) == R.overlaps(span, model), (op, span, model)


BACK_PATTERNS = [
    R.LABEL_LIST, R.RULE_AGE, R.AGE_BEFORE, R.ANAPHORIC_BEFORE, R.ANGLE_BEFORE, R._TOLL, R._NUMBER_OF,
    R._SUBJECT_VERB, R._CHANGE_BEFORE_FROM, R._CHANGE_BEFORE_TO, R._YEAR_AHEAD_CUE,
    re.compile(r"([A-Za-z&][A-Za-z'’.&]*)\s+$"), re.compile(r"(?:(?:^|(?<=[\s(]))[-−–]|\bminus[\s‑-]+)$"),
    re.compile(r"(?:^|\s)[A-Z](?:\s|\s?&\s?)[A-Z]\s+$"), re.compile(r"(?i)\b(\w+)\s+$"),
]
WORDS = ["the", "number", "of", "patients", "rose", "from", "to", "between", "and", "minus", "-", "S", "&", "P",
         "pension", "age", "aged", "another", "death", "toll", "reached", "in", "2019", "12", "4,000", ",", "(",
         "turned", "junctions", "10", "or", "by", "\n", "  "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.integers(0, 400))
def test_search_back_is_the_search_of_the_prefix(words, pad):
    head = " ".join(words) + " "
    for s in (head, "x " * pad + head):  # shorter than the window, and (often) far longer
        for end in [m.end() for m in re.finditer(r"\s+", s)][-8:]:  # the figure would follow here
            for pattern in BACK_PATTERNS:
                fast, slow = R.search_back(pattern, s, end), pattern.search(s[:end])
                assert (fast and fast.span()) == (slow and slow.span()), (pattern.pattern[:40], s[:end][-80:])


def _clause_by_prefix_scan(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The reading quantity._clause replaced: every boundary of the prefix scanned for every figure."""
    before = sentence[:start]
    after = sentence[end:]
    if before.rstrip().endswith("(") and after.lstrip().startswith(")"):
        before = before.rstrip()[:-1]
        after = ""
        m = re.search(r"[\d,.]+\s*$", before)
        if m:
            before = before[:m.start()]
    cuts = list(quantity._BOUNDARY_CHARS.finditer(before))
    if cuts:
        before = before[cuts[-1].end():]
    m = quantity._BOUNDARY_CHARS.search(after)
    if m:
        after = after[:m.start()]
    return before, after


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" -.,;:()[]\"\u2014\u2013a1\n\u00b2", max_size=40), st.data())
def test_clause_is_the_prefix_scan(sentence, data):
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, len(sentence)))
    assert quantity._clause(sentence, start, end) == _clause_by_prefix_scan(sentence, start, end)
