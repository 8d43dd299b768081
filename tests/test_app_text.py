"""The app's plain helpers: escaped Markdown for untrusted text, queue stepping, figures typed in forms, and
library messages rephrased for the screen."""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ui.text import (  # noqa: E402
    context_paragraphs,
    escape_md,
    gap_text,
    highlight,
    next_after,
    parse_figure,
    screen_message,
)
from workbench.errors import InputError  # noqa: E402
from workbench.ingest import article_from_text, read_bytes  # noqa: E402

ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(md: str) -> str:
    """What CommonMark shows for backslash-escaped text: each escaped punctuation character itself."""
    return ESCAPE.sub(r"\1", md)


def normalise(text: str) -> str:
    return re.sub(r" {2,}", " ", re.sub(r"[\r\n\t]", " ", text)).strip(" ")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_escaped_text_reads_back_as_the_original(text):
    md = escape_md(text)
    assert unescape(md) == normalise(text)
    # no punctuation character is left bare: nothing can open emphasis, a link, HTML, LaTeX or a directive
    bare = ESCAPE.sub("", md)
    assert not any(ch in string.punctuation for ch in bare)


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "**bold** and _it_",
    "[link](javascript:alert(1))",
    "![img](http://x/y.png)",
    ":red[danger] :material/home: :smile:",
    "$x^2$ and $$y$$",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    "&lt;i&gt; &amp;",
    "`code` ~~strike~~ | a | b |",
    "    indented code",
    "back\\slash",
])
def test_markup_is_escaped_character_by_character(text):
    md = escape_md(text)
    assert unescape(md) == normalise(text)
    for ch in set(text) & set(string.punctuation):
        assert md.count("\\" + ch) >= text.count(ch)


def test_highlight_marks_exactly_the_number():
    s = "Almost 2,000 residents <left> the town."
    md = highlight(s, 7, 12)
    assert md.startswith("Almost :orange-background[**2\\,000**] residents \\<left\\>")
    assert unescape(md.replace(":orange-background[**", "").replace("**]", "")) == s


@pytest.mark.parametrize("start,end", [(-5, 3), (0, 0), (10, 500), (20, 10)])
def test_highlight_clamps_bad_offsets(start, end):
    s = "short text"
    md = highlight(s, start, end)
    assert unescape(md.replace(":orange-background[**", "").replace("**]", "")) == s


def test_context_shows_the_paragraph_with_the_claim_and_its_neighbours():
    text = "Head line\n\nFirst para.\n\nThe 4,200 homes.\nSame para.\n\nFourth.\n\nFifth."
    i = text.index("4,200")
    paras = context_paragraphs(text, i, i + 5, around=1)
    assert len(paras) == 3
    assert paras[0] == "First para\\."
    assert ":orange-background[**4\\,200**]" in paras[1] and "Same para" in paras[1]
    assert paras[2] == "Fourth\\."


@pytest.mark.parametrize("before,after,current,expected", [
    (["a", "b", "c"], ["a", "b", "c", "d"], "b", "c"),       # still in the queue: the next row
    (["a", "b", "c"], ["a", "c", "d"], "b", "c"),            # left the queue: rows moved up
    (["a", "b", "c"], ["a", "b", "c", "d"], "c", "d"),       # last on the page: first of the next page
    (["a", "b", "c"], ["a", "b"], "c", None),                # left the queue and nothing follows
    (["a", "b"], ["a", "b"], "b", None),                     # end of the queue
    (["a", "b"], ["x", "y"], "z", "x"),                      # unknown claim: start of the page
])
def test_next_after_a_save(before, after, current, expected):
    assert next_after(before, after, current) == expected


@pytest.mark.parametrize("typed,value", [
    ("48,612", 48612.0), ("2.3bn", 2.3e9), ("1.2 million", 1.2e6), ("7.5%", 7.5), ("  12  ", 12.0),
    ("-3.5", -3.5), ("60k", 60000.0), ("", None), ("   ", None), (".5", 0.5),
])
def test_figures_typed_in_a_form(typed, value):
    assert parse_figure(typed) == value


@pytest.mark.parametrize("typed,says", [
    ("lots", "is not a figure"), ("12 dozen", "'dozen' is not a scale word"), ("1,2,3", "is not a figure"),
])
def test_bad_figures_say_what_would_work(typed, says):
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_figure(typed)


@pytest.mark.parametrize("difference,percent,text", [
    (3400.0, 7.5, "+3,400 (+7.5% of the source figure)"),
    (-2e9, -12.25, "−2bn (−12.2% of the source figure)"),
    (0.0, 0.0, "matches the source figure"),
    (5.0, None, "+5 (the source figure is 0)"),
    (None, None, "no gap computed (no figure, or the source's unit differs from the claim's)"),
])
def test_gap_for_reading(difference, percent, text):
    assert gap_text(difference, percent) == text


def _message(fn) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as exc:
        fn()
    return str(exc.value)


@pytest.mark.parametrize("make", [
    lambda: read_bytes("a.txt", b"\x81\x8d\x8f\x90\x9d" * 40 + bytes(range(128, 256)) * 3),
    lambda: read_bytes("a.txt", b"plain", encoding="no-such-codec"),
    lambda: read_bytes("a.txt", "caf\u00e9 \u20ac".encode("utf-8"), encoding="ascii"),
    lambda: read_bytes("a.txt", b"Flood hits town\n\n2,000 homes flooded."),
    lambda: read_bytes("a.jsonl", b'{"id": "1", "title": "t", "text": "x"}\n'),
    lambda: read_bytes("a.txt", b"x" * 200, max_bytes=100),
])
def test_command_line_advice_is_rephrased_for_the_screen(make):
    raw = _message(make)
    shown = screen_message(raw)
    assert "--" not in shown, shown
    if "--outlet" in raw:
        assert "Outlet field" in shown
    if "--encoding" in raw:
        assert "Encoding" in shown


def test_a_screen_message_keeps_what_went_wrong():
    raw = _message(lambda: article_from_text("some text 12", ""))
    assert screen_message(raw) == raw == "pasted text: needs an outlet name"


def _row(outlet: str, low: float, quantity: str | None = None, attribution: str | None = None, n: int = 0):
    from workbench.models import Kind, Qualifier
    from workbench.store.types import ClaimRow, ClaimStatus

    return ClaimRow(
        id=f"a{n}:0-3", article_id=f"a{n}", article_title="t", outlet=outlet, url=None, published=None, start=0,
        end=3, surface=str(low), sentence=f"{low} marched.", sentence_start=0, kind=Kind.COUNT, low=low, high=low,
        qualifier=Qualifier.EXACT, currency=None, unit=None, noun="marchers", attribution=attribution, per=None,
        group_id=None, group_size=1, discrepant=False, status=ClaimStatus.UNREVIEWED, final_label=None,
        final_version=0, quantity=quantity,
    )


@pytest.mark.parametrize("quantity, label, title", [
    ("marchers in the town", "40,000 (marchers)", "marchers in the town"),
    (None, "40,000 (marchers)", "40,000 (marchers)"),
    ("  ", "40,000 (marchers)", "40,000 (marchers)"),
    (" homes destroyed ", "2,400", "homes destroyed"),
])
def test_a_group_is_titled_by_its_quantity_else_its_label(quantity, label, title):
    from ui.text import group_title

    assert group_title(quantity, label) == title


def test_quantity_text_says_what_is_measured_with_the_value_read():
    from ui.text import quantity_text

    assert quantity_text(_row("A", 40000.0, "marchers")) == "marchers: 40,000"
    assert quantity_text(_row("A", 40000.0)) == "40,000"


@given(st.lists(st.tuples(st.sampled_from(["North", "Vale", "Coast"]), st.floats(1, 1e6),
                          st.one_of(st.none(), st.text(min_size=1, max_size=12))), min_size=1, max_size=6))
def test_outlets_figures_side_by_side_keep_each_source_and_read_low_to_high(items):
    from ui.text import figures_by_outlet

    rows = [_row(o, v, "marchers", a, n) for n, (o, v, a) in enumerate(items)]
    side = figures_by_outlet(rows)
    assert sorted((o, a or "") for o, _, a in items) == sorted((o, a) for o, _, a in side)
    from ui.text import value_text

    assert [f for _, f, _ in side] == [value_text(r) for r in sorted(rows, key=lambda r: r.value)]
