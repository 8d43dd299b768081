"""Every reading stage is bounded by its input: nesting depth, cell and article length, encodings that
are text after all, and characters no file or database can store. Each refusal names the file, the line
or field, the limit and the setting that raises it."""

from __future__ import annotations

import json

import pytest

from workbench.errors import InputError
from workbench.ingest import Limits, html_depth, read_bytes

STORY = "Harbour homes\n\nThe council said 4,200 homes were built last year, up from 3,900 the year before.\n"


def page(body: str, head: str = "") -> bytes:
    return f"<html><head><title>Harbour homes</title>{head}</head><body>{body}</body></html>".encode()


ARTICLE = ("<article><p>The council said 4,200 homes were built last year, up from 3,900 the year before, in "
           "its annual report on housing.</p><p>Rents rose by 12 percent over the same period, it said.</p>"
           "</article>")


# --- HTML nesting ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("html, depth", [
    ("<div><span>a</span><b>b</b></div>", 2),
    ("<ul><li>a<li>b<li>c</ul>", 1),  # end tags left out do not nest
    ("<p>one<p>two<p>three", 0),
    ("<div><br><img src=x><hr/></div>", 1),
    ("<div><script>if (a<b) { '<div><div>' }</script></div>", 1),
    ("<div><!-- <div><div><div> --></div>", 1),
    ("<section><div></section>" * 3, 2),  # an end tag closes what was left open inside it
    ("<a" * 50 + "<!--" * 50 + '<b "' * 50, 0),  # broken markup: no tag ever closes its bracket
])
def test_html_depth_counts_elements_that_nest(html: str, depth: int) -> None:
    assert html_depth(html) == depth


def test_deeply_nested_html_is_refused_naming_the_limit_and_the_setting() -> None:
    deep = "<div>" * 100_000 + "x" + "</div>" * 100_000
    with pytest.raises(InputError) as e:
        read_bytes("deep.html", page(deep), outlet="Gazette")
    msg = str(e.value)
    assert msg.startswith("deep.html: HTML elements are nested more than 400 deep")
    assert "WORKBENCH_MAX_HTML_DEPTH" in msg


def test_nesting_limit_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    nested = "<div>" * 30 + ARTICLE + "</div>" * 30
    assert read_bytes("ok.html", page(nested), outlet="Gazette")[0].text.startswith("Harbour homes")
    monkeypatch.setenv("WORKBENCH_MAX_HTML_DEPTH", "20")
    with pytest.raises(InputError, match="nested more than 20 deep"):
        read_bytes("ok.html", page(nested), outlet="Gazette")
    monkeypatch.setenv("WORKBENCH_MAX_HTML_DEPTH", "deep")
    with pytest.raises(InputError, match="^WORKBENCH_MAX_HTML_DEPTH: expected a whole number, got 'deep'"):
        read_bytes("ok.html", page(nested), outlet="Gazette")


# --- HTML dates -------------------------------------------------------------------------------------------


def test_the_date_of_a_page_comes_from_its_markup() -> None:
    head = '<meta property="article:published_time" content="2024-02-01T09:00:00Z">'
    assert read_bytes("p.html", page(ARTICLE, head), outlet="Gazette")[0].published == "2024-02-01"


def test_dates_in_the_running_text_are_not_the_page_date() -> None:
    body = ARTICLE.replace("The council said", "On 5 March 2021 the council said")
    assert read_bytes("p.html", page(body), outlet="Gazette")[0].published is None


# --- cells and articles -----------------------------------------------------------------------------------


def test_lone_surrogate_in_jsonl_is_a_clear_error() -> None:
    line = '{"id": "a1", "outlet": "Gazette", "title": "Homes", "text": "Built \\ud800 4,200 homes"}\n'
    with pytest.raises(InputError) as e:
        read_bytes("arts.jsonl", ('{"id": "a0", "outlet": "Gazette", "text": "fine"}\n' + line).encode())
    assert str(e.value).startswith("arts.jsonl, line 2: field 'text' holds a lone surrogate \\ud800 at character 7")


def test_surrogate_pair_escapes_are_one_character() -> None:
    line = json.dumps({"id": "a1", "outlet": "Gazette", "text": "Up 4% \U0001f4c8"}, ensure_ascii=True)
    assert read_bytes("arts.jsonl", line.encode())[0].text == "Up 4% \U0001f4c8"


@pytest.mark.parametrize("name, data", [
    ("arts.csv", b'id,outlet,title,text\na1,Gazette,Homes,"' + b"4,200 homes. " * 200 + b'"\n'),
    ("arts.jsonl", json.dumps({"id": "a1", "outlet": "Gazette", "text": "4,200 homes. " * 200}).encode()),
])
def test_cell_over_the_limit_is_refused(name: str, data: bytes) -> None:
    with pytest.raises(InputError) as e:
        read_bytes(name, data, limits=Limits(cell_chars=1000))
    msg = str(e.value)
    assert msg.startswith(f"{name}, line 2:" if name.endswith(".csv") else f"{name}, line 1:")
    assert "1,000" in msg and "WORKBENCH_MAX_CELL_CHARS" in msg


def test_unclosed_quote_runs_into_the_cell_limit_not_past_it() -> None:
    data = b'id,outlet,title,text\na1,Gazette,Homes,"never closed\n' + b"a2,Gazette,More,text\n" * 200
    with pytest.raises(InputError, match="if a double quote is left open, close it"):
        read_bytes("arts.csv", data, limits=Limits(cell_chars=1000))


@pytest.mark.parametrize("name, data", [
    ("story.txt", ("Homes\n\n" + "The council built 4,200 homes. " * 100).encode()),
    ("arts.jsonl", json.dumps({"id": "a1", "outlet": "Gazette", "text": "4,200 homes. " * 300}).encode()),
])
def test_article_over_the_limit_is_refused(name: str, data: bytes) -> None:
    with pytest.raises(InputError) as e:
        read_bytes(name, data, outlet="Gazette", limits=Limits(article_chars=2000))
    msg = str(e.value)
    assert msg.startswith(f"{name}: article ")
    assert "over the limit of 2,000 an article" in msg and "WORKBENCH_MAX_ARTICLE_CHARS" in msg


# --- encodings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_utf16(codec: str) -> None:
    art = read_bytes("story.txt", STORY.replace("\n", "\r\n").encode(codec), outlet="Gazette")[0]
    assert art.title == "Harbour homes"
    assert "4,200 homes" in art.text


def test_broken_utf16_says_utf16_not_binary() -> None:
    data = STORY.encode("utf-16-le")[:-1]  # an odd number of bytes: the last character is cut
    with pytest.raises(InputError) as e:
        read_bytes("story.txt", data, outlet="Gazette")
    assert "UTF-16 (little-endian) text without a byte-order mark" in str(e.value)
    assert "binary" not in str(e.value)


def test_text_that_never_ends_a_sentence_is_refused() -> None:
    figures = " ".join(f"{1000 + i:,} homes" for i in range(20_000))  # 200,000 characters, no full stop
    data = json.dumps({"id": "a1", "outlet": "Gazette", "text": "Homes built: " + figures}).encode()
    with pytest.raises(InputError) as e:
        read_bytes("arts.jsonl", data)
    msg = str(e.value)
    assert msg.startswith("arts.jsonl: article 'a1' runs on for more than 10,000 characters without a sentence end")
    assert "from character 1" in msg and "WORKBENCH_MAX_SENTENCE_CHARS" in msg


def test_long_text_in_sentences_is_read() -> None:
    text = " ".join(f"The council built {1000 + i:,} homes." for i in range(2_000))
    art = read_bytes("arts.jsonl", json.dumps({"id": "a1", "outlet": "Gazette", "text": text}).encode())[0]
    assert art.text == text
