"""Plain-Python helpers for the screens: safe Markdown from untrusted text, figures for reading, messages.

Nothing here imports Streamlit, so all of it is tested directly.

Imported text is untrusted. It is never rendered as HTML: every piece of article text that reaches
``st.markdown`` goes through :func:`escape_md`, which backslash-escapes each ASCII punctuation character
(CommonMark allows that for all of them), so emphasis, links, images, headings, lists, HTML tags, entities,
LaTeX (``$``) and Streamlit's own directives (``:red[...]``, ``:material/...:``, emoji short codes) all
show as the characters typed.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence

from workbench.formatting import format_number, format_value
from workbench.models import Kind, Qualifier
from workbench.store.types import ClaimRow, ClaimStatus

__all__ = [
    "escape_md", "highlight", "around_figure", "context_paragraphs", "value_text", "qualifier_text", "status_text",
    "parse_figure", "gap_text", "screen_message", "next_after", "short", "format_number", "quantity_text",
    "group_title", "figures_by_outlet",
]

_PUNCT = frozenset(string.punctuation)


def escape_md(text: str) -> str:
    """``text`` as Markdown that renders literally in ``st.markdown`` (one line: newlines become spaces)."""
    out = []
    for ch in text.replace("\r", " ").replace("\n", " ").replace("\t", " "):
        if ch in _PUNCT:
            out.append("\\" + ch)
        else:
            out.append(ch)
    # Runs of spaces would be collapsed anyway; a leading run could start an indented code block.
    return re.sub(r" {2,}", " ", "".join(out)).strip(" ")


def highlight(text: str, start: int, end: int, *, color: str = "orange") -> str:
    """Markdown of ``text`` with ``text[start:end]`` marked (bold on a coloured background), all escaped."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before, mid, after = text[:start], text[start:end], text[end:]
    pieces = []
    if before:
        pieces.append(escape_md(before) + (" " if before[-1].isspace() else ""))
    if mid:
        pieces.append(f":{color}-background[**{escape_md(mid)}**]")
    if after:
        pieces.append((" " if after[0].isspace() else "") + escape_md(after))
    return "".join(pieces)


def sentence_markdown(row: ClaimRow) -> str:
    """The claim's sentence with its number marked; falls back to finding the surface in the sentence."""
    start = row.start - row.sentence_start if row.sentence_start is not None else -1
    if not (0 <= start and row.sentence[start:start + len(row.surface)] == row.surface):
        start = row.sentence.find(row.surface)
    if start < 0:
        return escape_md(row.sentence)
    return highlight(row.sentence, start, start + len(row.surface))


QUEUE_CONTEXT = 36  # characters of the Review queue's sentence cell: about what its column shows whole


def around_figure(row: ClaimRow, width: int = 110, before_at_most: int | None = None) -> str:
    """The words of the claim's sentence around its figure, about ``width`` characters on one line, cut at
    word boundaries with an ellipsis where words were left out: the part that tells a claim from another
    with the same figure (a headline from the body's sentence), which the sentence's opening may not."""
    flat = " ".join(row.sentence.split())
    if len(flat) <= width:
        return flat
    start = row.start - row.sentence_start if row.sentence_start is not None else -1
    raw = row.sentence
    if not (0 <= start and raw[start:start + len(row.surface)] == row.surface):
        start = raw.find(row.surface)
    if start < 0:
        return short(flat, width)
    before = " ".join(raw[:start].split())
    after = " ".join(raw[start + len(row.surface):].split())
    figure = " ".join(row.surface.split())
    room = max(0, width - len(figure) - 4)  # a space and an ellipsis either side

    def whole_words(text: str, n: int, *, from_end: bool) -> str:
        """As many whole words of ``text`` as fit in ``n`` characters, from its end or its start."""
        words = text.split(" ") if text else []
        kept: list[str] = []
        used = 0
        for word in reversed(words) if from_end else words:
            used += len(word) + (1 if kept else 0)
            if used > n:
                break
            kept.append(word)
        return " ".join(reversed(kept) if from_end else kept)

    head = whole_words(before, room // 2, from_end=True)
    tail = whole_words(after, room - len(head), from_end=False)
    head = whole_words(before, room - len(tail), from_end=True)  # room the tail left unused
    if before_at_most is not None and len(head) > before_at_most:  # the figure stays where a narrow cell shows it
        head = whole_words(before, before_at_most, from_end=True)
    if len(head) < len(before):
        head = "…" + head
    if len(tail) < len(after):
        tail = tail + "…"
    gap_before = " " if raw[:start][-1:].isspace() and head.strip("…") else ""
    gap_after = " " if raw[start + len(row.surface):][:1].isspace() and tail.strip("…") else ""
    return f"{head}{gap_before}{figure}{gap_after}{tail}"


def context_paragraphs(text: str, start: int, end: int, *, around: int = 1) -> list[str]:
    """Markdown paragraphs of an article around ``text[start:end]``: the paragraph holding it (marked) and
    ``around`` paragraphs either side, each escaped."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    if not spans:
        return []
    hit = next((i for i, (a, b) in enumerate(spans) if a <= start < b), 0)
    out = []
    for i in range(max(0, hit - around), min(len(spans), hit + around + 1)):
        a, b = spans[i]
        if i == hit:
            out.append(highlight(text[a:b], start - a, end - a))
        else:
            out.append(escape_md(text[a:b]))
    return out


def value_text(row: ClaimRow) -> str:
    """The typed value as a reader wants it: 'GBP 280m–340m', '7.5%', '2,300'."""
    return format_value(row.to_claim())


def quantity_text(row: ClaimRow) -> str:
    """What the claim measures with the value read for it: 'homes destroyed: 1,200'; the value alone when
    the extractor read no quantity. Plain text: escape it before Markdown."""
    value = value_text(row)
    return f"{row.quantity}: {value}" if row.quantity else value


def group_title(quantity: str | None, label: str) -> str:
    """A group's title: what its claims measure, else its label (the representative's figure and noun)."""
    return quantity.strip() if quantity and quantity.strip() else label


def figures_by_outlet(rows: Sequence[ClaimRow]) -> list[tuple[str, str, str]]:
    """(outlet, figure, source) per claim, the outlets side by side: the value each outlet gives and who it
    attributes the figure to ('' when it names nobody), ordered by value so the spread reads left to right."""
    ordered = sorted(rows, key=lambda r: (r.value, r.outlet, r.id))
    return [(r.outlet, value_text(r), r.attribution or "") for r in ordered]


QUALIFIER_WORDS = {
    Qualifier.EXACT: "exact",
    Qualifier.APPROX: "approximate (about)",
    Qualifier.LOWER_BOUND: "at least (more than)",
    Qualifier.UPPER_BOUND: "at most (almost, up to)",
    Qualifier.RANGE: "a range",
}


def qualifier_text(q: Qualifier | str) -> str:
    return QUALIFIER_WORDS.get(Qualifier(q), str(q))


STATUS_WORDS = {
    ClaimStatus.UNREVIEWED: "to review",
    ClaimStatus.DRAFT: "draft",
    ClaimStatus.SUBMITTED: "reviewed",
    ClaimStatus.DISPUTED: "disputed",
    ClaimStatus.FINAL: "final",
}


def status_text(s: ClaimStatus | str) -> str:
    return STATUS_WORDS.get(ClaimStatus(s), str(s))


_SCALE_WORDS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "b": 1e9, "billion": 1e9,
    "tn": 1e12, "trillion": 1e12,
}
_FIGURE = re.compile(r"^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+)\s*([a-z]*)\s*%?\s*$", re.I)


def parse_figure(text: str) -> float | None:
    """A figure typed in a form: '48,612', '2.3bn', '1.2 million', '7.5%' (-> 7.5); '' -> None.

    Raises ValueError with a sentence saying what would work.
    """
    if text is None or not text.strip():
        return None
    m = _FIGURE.match(text.strip())
    if not m:
        raise ValueError(f"{text.strip()!r} is not a figure; type a number such as 48,612 or 2.3bn or 7.5")
    number = float(m.group(1).replace(",", ""))
    word = m.group(2).lower()
    if word:
        if word not in _SCALE_WORDS:
            raise ValueError(f"{word!r} is not a scale word; use k, m, bn, thousand, million or billion")
        number *= _SCALE_WORDS[word]
    if not math.isfinite(number):
        raise ValueError(f"{text.strip()!r} is too large")
    return number


def gap_text(difference: float | None, percent: float | None) -> str:
    """'+3,400 (+7.5% of the source figure)' or 'matches the source'."""
    if difference is None:
        return "no gap computed (no figure, or the source's unit differs from the claim's)"
    if difference == 0:
        return "matches the source figure"
    sign = "+" if difference > 0 else "−"
    head = f"{sign}{format_number(abs(difference))}"
    if percent is None:
        return f"{head} (the source figure is 0)"
    return f"{head} ({sign}{abs(percent):.1f}% of the source figure)"


# Library messages speak to the command line; on screen the same advice names the form's fields.
_SCREEN_REWRITES = (
    (re.compile(r"pass it with --encoding \(for example --encoding (\S+) or --encoding ([^)\s]+)\)"),
     r"choose it under Encoding (for example \1 or \2)"),
    (re.compile(r"pass one Python knows, e\.g\. --encoding (\S+)"),
     r"type one Python knows in the Encoding field, e.g. \1"),
    (re.compile(r"pass another --encoding or leave it out"), "choose another encoding or leave Encoding empty"),
    (re.compile(r"--encoding"), "the Encoding field"),
    (re.compile(r"pass it with --outlet NAME or put the file in a folder named after it"),
     "type it in the Outlet field"),
    (re.compile(r"add it or pass --outlet NAME"), "add it or type it in the Outlet field"),
    (re.compile(r"--outlet NAME"), "the Outlet field"),
    (re.compile(r"split it or raise the limit with --max-bytes"), "split it into smaller files"),
    (re.compile(r"run `workbench db upgrade`"), "run `workbench db upgrade` in a terminal"),
)


def screen_message(message: str) -> str:
    """A library error message with command-line advice rephrased for the screen."""
    for pattern, repl in _SCREEN_REWRITES:
        message = pattern.sub(repl, message)
    return message


def next_after(before: Sequence[str], after: Sequence[str], current: str) -> str | None:
    """The claim to show after saving ``current``.

    ``before``: the queue page as shown when the save was clicked; ``after``: the same page read again after
    the save (one row longer, so the first row of the next page is known). If ``current`` is still in the
    queue the next one is the row after it; if the save took it out of the queue (a "to review" filter),
    the rows moved up and the next one is at its old place.
    """
    if current in after:
        j = list(after).index(current) + 1
    elif current in before:
        j = list(before).index(current)
    else:
        j = 0
    return after[j] if j < len(after) else None


def short(text: str, n: int = 90) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1].rstrip() + "…"


def kind_text(k: Kind | str) -> str:
    return Kind(k).value
