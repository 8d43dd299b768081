"""Fuzz targets, one per importer: whatever the bytes, reading either gives articles or raises InputError
(never another exception), within a deadline. The inputs that once crashed or hung a reader are kept as
explicit examples. Bounded for CI: a fixed number of examples each, and a per-example deadline."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from workbench import export
from workbench.errors import InputError
from workbench.ingest import Limits, decode, read_bytes

FUZZ = settings(max_examples=120, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
SMALL = Limits(html_depth=400, cell_chars=50_000, article_chars=50_000)


def read_or_refuse(name: str, data: bytes) -> None:
    try:
        arts = read_bytes(name, data, outlet="Fuzz Gazette", limits=SMALL)
    except InputError as exc:
        assert str(exc).startswith(name), str(exc)
        assert "\n" not in exc.source
        return
    assert arts
    for a in arts:
        assert a.text.strip() and a.outlet and a.id
        a.text.encode("utf-8")  # storable: no lone surrogates


WORDS = st.sampled_from(["The council built", "4,200", "homes", "£2.3bn", "up 12%", "Read more", "\n", "\r\n",
                         "\t", "•", " ", "Updated 3 March 2024", "\u200b", "\ufeff", "\u2028", "é", "😀", "\x1b[31m"])
TEXTISH = st.lists(WORDS, max_size=60).map(" ".join)


@FUZZ
@given(st.one_of(st.binary(max_size=2000), TEXTISH.map(lambda t: t.encode("utf-8")),
                 TEXTISH.map(lambda t: t.encode("utf-16-le")), TEXTISH.map(lambda t: t.encode("utf-16-be")),
                 TEXTISH.map(lambda t: t.encode("cp1252", "replace"))))
@example("Harbour homes\n\nThe council built 4,200 homes.".encode("utf-16-le"))  # once refused as "binary"
@example("Harbour homes\n\nThe council built 4,200 homes.".encode("utf-16-le")[:-1])
@example(b"\xff\xfe")
@example(b"%PDF-1.4")
def test_fuzz_txt(data: bytes) -> None:
    read_or_refuse("fuzz.txt", data)


TAGS = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<span class='date'>", "</span>", "<article>", "</article>", "<!--", "-->",
    "<script>", "</script>", "<style>", "<a href='", "'>", "<", ">", "</", "<br/>", "&amp;", "&#0;", "&#x110000;",
    "<meta property='article:published_time' content='2024-02-01'>", "<time datetime='2024-13-45'>", "</time>",
    "<title>", "</title>", "<table><tr><td>", "</td></tr></table>", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
    "The council built 4,200 homes last year, up from 3,900, a rise of 7.7 percent.", "5 de marzo de 2021",
])
HTML = st.lists(TAGS, max_size=80).map("".join)


@FUZZ
@given(HTML)
@example("<div>" * 100_000)  # once took 23 s before trafilatura refused it
@example("<a" * 20_000)  # unclosed tags: the depth scan stays linear
@example("<!--" * 20_000)
@example('<b "' * 20_000)
@example("<html><body><div class='date'>5 de marzo de 2021, 9:00</div><p>x</p></body></html>")  # date search
def test_fuzz_html(html: str) -> None:
    read_or_refuse("fuzz.html", html.encode("utf-8", "surrogatepass"))


VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40)),
                     lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3)),
                     max_leaves=8)
RECORD = st.fixed_dictionaries({}, optional={"id": VALUE, "outlet": VALUE, "title": VALUE, "text": st.one_of(TEXTISH, VALUE),
                                             "url": VALUE, "published": st.one_of(VALUE, st.dates().map(str))})


@FUZZ
@given(st.lists(st.one_of(RECORD.map(json.dumps), st.text(max_size=40)), max_size=6))
@example(['{"id": "a", "outlet": "O", "text": "Built \\ud800 4,200 homes"}'])  # once a traceback when stored
@example(["[" * 100_000 + "]" * 100_000])  # once a RecursionError
@example(['{"id": ' + "9" * 5000 + ', "outlet": "O", "text": "x"}'])  # once a ValueError
@example(['{"text": "\\u2028 4,200 homes", "outlet": "O"}'])
def test_fuzz_jsonl(lines: list[str]) -> None:
    read_or_refuse("fuzz.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))


CELL = st.one_of(TEXTISH, st.text(max_size=30), st.sampled_from(['"', '""', '"a,b"', ";", "\t", "\r", "\n", "=1+1"]))


@FUZZ
@given(st.sampled_from([",", ";", "\t"]), st.lists(st.lists(CELL, min_size=1, max_size=5), max_size=6),
       st.booleans())
@example(",", [["1", "O", "T", '"never closed\n2,O,T,x']], False)  # unclosed quote runs to the cell limit
@example(",", [["1", "O", "T", "4,200 homes. " * 5000]], True)  # one cell over the limit
def test_fuzz_csv(sep: str, rows: list[list[str]], quoted: bool) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL)
    w.writerow(["id", "outlet", "title", "text"])
    w.writerows(rows)
    raw = buf.getvalue() if quoted else sep.join(["id", "outlet", "title", "text"]) + "\n" + "\n".join(
        sep.join(r) for r in rows)
    read_or_refuse("fuzz.csv", raw.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=600))
def test_fuzz_decode(data: bytes) -> None:
    try:
        text = decode("fuzz.txt", data)
    except InputError:
        return
    text.encode("utf-8", "surrogatepass")


VERDICT_CELL = st.one_of(st.text(max_size=20), st.sampled_from(["claim", "group", "final", "submitted", "Accurate",
                                                                "command line", "not a time", "[{", "[]", "ann"]))


@FUZZ
@given(st.lists(st.lists(VERDICT_CELL, min_size=len(export.VERDICT_COLUMNS), max_size=len(export.VERDICT_COLUMNS)),
                max_size=4), st.booleans())
def test_fuzz_verdict_csv_reader(rows: list[list[str]], header: bool) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    if header:
        w.writerow(export.VERDICT_COLUMNS)
    w.writerows(rows)
    buf.seek(0)
    try:
        export.read_verdict_csv(buf)
    except InputError:
        return


@pytest.mark.parametrize("name", ["reviewer", "ann\u202e", "command line", "  Command   LINE ", "a\u0000b", "\u2066x",
                                  "Zoë O'Brien-Ngữ", "李小龍"])
def test_name_problem_is_total(name: str) -> None:
    problem = export.name_problem(name)
    assert problem is None or isinstance(problem, str)
    assert (problem is None) == (name in ("reviewer", "Zoë O'Brien-Ngữ", "李小龍"))
