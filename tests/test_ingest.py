"""Reading articles: formats, page furniture, stable ids, and the exact messages for bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import ExitCode, InputError
from workbench.ingest import (
    DEFAULT_MAX_BYTES,
    article_from_text,
    clean_text,
    decode,
    drop_furniture,
    format_bytes,
    furniture_spans,
    in_spans,
    make_id,
    outlet_for,
    outlet_from_folder,
    read_bytes,
    read_file,
    read_paths,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# A scraped page in the shape real scrapers save: a headline, banners, a stamp, share buttons, the story,
# then a "Read More" list of other headlines (one repeating the story's figure differently).
SCRAPED = """\
Ferry fares to rise by a fifth as operator cites fuel costs

  • Oops!
    Something went wrong.
    Please try again later.
  • Oops!
    Something went wrong.
    Please try again later.

Updated 3:41 p.m. ET, Tue March 5, 2024

Share    Tweet    Email

Fares on the Selmoor ferry will rise by about 20% from April, the operator said, blaming fuel costs that have climbed by £3.1m a year.

"Nobody wants to pay more," said the operator's chief executive. Around 640,000 passengers used the route last year.

Read More

Selmoor ferry fares to go up by 25%, leaked memo shows

Harbour repairs to cost £12m

Ferry fares to rise by a fifth as operator cites fuel costs

Port Ashby named best small town of 2023
"""

SCRAPED_STORY = """\
Ferry fares to rise by a fifth as operator cites fuel costs

Fares on the Selmoor ferry will rise by about 20% from April, the operator said, blaming fuel costs that have climbed by £3.1m a year.

"Nobody wants to pay more," said the operator's chief executive. Around 640,000 passengers used the route last year."""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --------------------------------------------------------------------------------------------------------------
# .txt
# --------------------------------------------------------------------------------------------------------------


def test_txt_article_is_the_cleaned_story_titled_by_its_first_line(tmp_path):
    path = write(tmp_path / "selmoor-gazette" / "ferry.txt", SCRAPED)
    [art] = read_file(path)
    assert art.text == SCRAPED_STORY
    assert art.title == "Ferry fares to rise by a fifth as operator cites fuel costs"
    assert art.outlet == "Selmoor Gazette"
    assert art.source == str(path)
    assert art.id == make_id("Selmoor Gazette", SCRAPED_STORY)
    assert len(art.id) == 12


def test_txt_outlet_option_wins_over_the_folder_name(tmp_path):
    path = write(tmp_path / "downloads" / "ferry.txt", SCRAPED)
    [art] = read_file(path, outlet="Selmoor Gazette")
    assert art.outlet == "Selmoor Gazette"


def test_txt_id_is_stable_and_depends_on_outlet_and_text(tmp_path):
    a = write(tmp_path / "one" / "a.txt", "Headline\n\n4,000 people were evacuated.")
    b = write(tmp_path / "two" / "a.txt", "Headline\n\n4,000 people were evacuated.")
    crlf = write(tmp_path / "one" / "b.txt", b"Headline\r\n\r\n4,000 people were evacuated.\r\n")
    [ra], [rb], [rc] = read_file(a), read_file(b), read_file(crlf)
    assert ra.id == read_file(a)[0].id
    assert ra.id != rb.id  # same wire copy in two outlets stays two articles
    assert rc.text == ra.text and rc.id == ra.id  # line endings do not change the article


@pytest.mark.parametrize(
    "folder, outlet",
    [
        ("harbour-gazette", "Harbour Gazette"),
        ("the_morning_wire", "The Morning Wire"),
        ("metro", "Metro"),
        ("BBC News", "BBC News"),
        ("NorthfieldObserver", "NorthfieldObserver"),
    ],
)
def test_outlet_from_folder(folder, outlet):
    assert outlet_from_folder(folder) == outlet


# --------------------------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------------------------

STORY = "Council approves plan\n\nThe council approved a plan to build 4,000 homes, officials said."


@pytest.mark.parametrize(
    "furniture",
    [
        "Oops! Something went wrong. Please try again later.",
        "Please try again later.",
        "JavaScript is disabled in your browser.",
        "Updated 3:41 p.m. ET, Tue December 7, 2021",
        "By Jane Doe, CNN Updated 3:41 PM ET, Tue December 7, 2021",
        "Published 20 May 2024",
        "Last updated: 12:05 GMT",
        "Updated 2 hours ago",
        "Tuesday, December 7, 2021",
        "10:15 a.m. GMT",
        "2024-05-20",
        "4 min read",
        "Advertisement",
        "Story continues below advertisement",
        "Share this article",
        "Share    Tweet    Email",
        "Facebook | X | WhatsApp | Copy link",
        "12 comments",
        "Sign up for our newsletter",
        "Subscribe for £1 a week",
        "Follow the Selmoor Gazette on X",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Accept all",
        "• • •",
        "© 2024 Selmoor Gazette. All rights reserved.",
        "https://selmoor.example/news/2024/05/20/ferry-fares-rise-20-per-cent",
        "Read more: Council tax to rise 4.9% in April",
        "Home | News | Sport | Business",
        "Home › News › Business",
    ],
)
def test_a_furniture_line_is_removed_wherever_it_stands(furniture):
    title, body = STORY.split("\n\n")
    assert clean_text(f"{title}\n\n{furniture}\n\n{body}") == STORY
    assert clean_text(f"{STORY}\n\n{furniture}") == STORY
    assert clean_text(f"{title}\n{furniture}\n{body}") == f"{title}\n{body}"


@pytest.mark.parametrize(
    "prose",
    [
        "Published figures show that 4,000 homes flooded in March.",
        "Updated figures show 4,000 homes were flooded.",
        "The bakery sold 4,000 cookies a day.",
        "Follow-up talks are due next week.",
        "Subscribers rose 12% to 40,000.",
        "Share prices fell 8% on Monday.",
        "More than 4,000 people were evacuated.",
        "Read more about the plan on page 4.",
        "Latest figures show 4,000 people affected",
        "Home prices rose 5%.",
        "2,340 homes",
        "5 days",
        "Fares, tickets and passes: what changes",
        "Tram / bus / ferry fares rise 5% in January",
        "Something went wrong with the pumps, the engineer said, and 40 homes were flooded before anyone noticed.",
    ],
)
def test_prose_that_looks_like_furniture_is_kept(prose):
    text = f"{STORY}\n\n{prose}"
    assert clean_text(text) == text


def test_read_more_list_runs_to_the_end_and_title_repeated_in_it_is_kept():
    out = clean_text(SCRAPED)
    assert out.startswith("Ferry fares to rise by a fifth")
    assert "25%" not in out and "£12m" not in out and "2023" not in out
    assert "Read More" not in out and "Oops" not in out and "Updated" not in out


def test_a_related_block_stops_at_the_next_paragraph_of_prose():
    text = (
        "Tram fares frozen\n\nThe city froze fares at €2.10.\n\nRelated\n\nBus fares to rise 5% in January\n"
        "Tram drivers vote for 3-day strike\n\nThe freeze will cost the city €4m a year, officials said."
    )
    assert clean_text(text) == (
        "Tram fares frozen\n\nThe city froze fares at €2.10.\n\nThe freeze will cost the city €4m a year, officials said."
    )


def test_short_lines_repeated_are_banners_but_long_repeated_sentences_are_kept():
    banner = "Live updates paused"
    sentence = "The operator said about 640,000 passengers used the route last year, up from 600,000 a year earlier."
    text = f"Ferry story\n\n{banner}\n\n{sentence}\n\n{banner}\n\n{sentence}"
    assert clean_text(text) == f"Ferry story\n\n{sentence}\n\n{sentence}"


def test_furniture_spans_index_the_raw_text_and_cover_an_inline_read_more_list():
    text = (
        "Strike could cost nearly £50 million a day\n\nThe operator said its 4% offer was \"fair and final\". "
        "Read More\n\nPort profits rose 18% in 2021\n\nFerry operator cuts 300 jobs\n\nRead More"
    )
    spans = furniture_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Read More\n\nPort profits rose 18% in 2021\n\nFerry operator cuts 300 jobs\n\nRead More"
    ]
    start = text.index("18%")
    assert in_spans(start, start + 3, spans)
    four = text.index("4%")
    assert not in_spans(four, four + 2, spans)


def test_furniture_spans_of_the_scraped_shape_cover_exactly_what_clean_text_drops():
    spans = furniture_spans(SCRAPED)
    kept = "".join(SCRAPED[a:b] for a, b in _complement(spans, len(SCRAPED)))
    assert " ".join(kept.split()) == " ".join(SCRAPED_STORY.split())


def _complement(spans, n):
    pos = 0
    for s, e in spans:
        yield pos, s
        pos = e
    yield pos, n


def test_drop_furniture_keeps_claims_outside_the_spans():
    class C:
        def __init__(self, start, end):
            self.start, self.end = start, end

    text = "Story\n\nAbout 20% more.\n\nRead More\n\nFares up 25%"
    inside = C(text.index("25%"), text.index("25%") + 3)
    outside = C(text.index("20%"), text.index("20%") + 3)
    assert drop_furniture([inside, outside], text) == [outside]


def test_gold_shaped_jsonl_text_keeps_its_offsets(tmp_path):
    text = "Headline 4%\n\nAbout 4,200 staff. Read More\n\nOther story 18%"
    path = write(tmp_path / "a.jsonl", jsonl({"id": "x", "outlet": "O", "title": "T", "text": text}))
    [art] = read_file(path)
    assert art.text == text  # not cleaned: offsets index into the text as given
    assert [text[s:e] for s, e in furniture_spans(art.text)] == ["Read More\n\nOther story 18%"]


LINES = st.sampled_from(
    SCRAPED.splitlines()
    + [
        "Related",
        "More stories",
        "Share this article",
        "The fire destroyed 37 homes.",
        "“We will rebuild,” the mayor said.",
        "Tram drivers vote for 3-day strike",
        "",
        "",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=60)), max_size=30).map("\n".join))
def test_furniture_spans_are_sorted_disjoint_and_in_bounds_and_cleaning_is_idempotent(text):
    spans = furniture_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
    once = clean_text(text)
    assert clean_text(once) == once
    assert furniture_spans(once) == []


SENTENCE = st.builds(
    lambda words, n: f"The {' '.join(words)} rose by {n:,} last year.",
    st.lists(st.sampled_from("council port board tram city river union farm plant budget".split()), min_size=1,
             max_size=6),
    st.integers(min_value=0, max_value=10**7),
)


@settings(max_examples=200)
@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=8, unique=True))
def test_plain_prose_passes_through_unchanged(paragraphs):
    text = "Headline of the story\n\n" + "\n\n".join(paragraphs)
    assert clean_text(text) == text
    assert furniture_spans(text) == []


# --------------------------------------------------------------------------------------------------------------
# .html
# --------------------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry fares to rise 20% | Selmoor Gazette</title>
<meta property="og:site_name" content="Selmoor Gazette">
<meta property="og:title" content="Ferry fares to rise 20%">
<meta property="og:url" content="https://selmoor.example/ferry">
<meta property="article:published_time" content="2024-03-05T09:00:00+00:00">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe for £1 a week</a></nav></header>
<main><article>
<h1>Ferry fares to rise 20%</h1>
<ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">Email</a></li></ul>
<p>Fares on the Selmoor ferry will rise by about 20% from April, the operator said on Tuesday morning.</p>
<p>Around 640,000 passengers used the route last year, and fuel costs climbed by £3.1m.</p>
</article>
<aside><h2>Read More</h2><ul><li><a href="/a">Harbour repairs to cost £12m</a></li>
<li><a href="/b">Port Ashby named best small town of 2023</a></li></ul></aside>
</main>
<footer><p>© 2024 Selmoor Gazette. All rights reserved.</p></footer>
</body></html>
"""


def test_html_gives_main_text_title_date_site_and_url(tmp_path):
    [art] = read_file(write(tmp_path / "downloads" / "ferry.html", PAGE))
    assert art.title == "Ferry fares to rise 20%"
    assert art.outlet == "Selmoor Gazette"
    assert art.published == "2024-03-05"
    assert art.url == "https://selmoor.example/ferry"
    assert art.text == (
        "Ferry fares to rise 20%\n\n"
        "Fares on the Selmoor ferry will rise by about 20% from April, the operator said on Tuesday morning.\n\n"
        "Around 640,000 passengers used the route last year, and fuel costs climbed by £3.1m."
    )


def test_html_outlet_option_wins_and_folder_is_the_last_resort(tmp_path):
    page_without_site = PAGE.replace('<meta property="og:site_name" content="Selmoor Gazette">', "").replace(
        '<meta property="og:url" content="https://selmoor.example/ferry">', ""
    )
    path = write(tmp_path / "coast-news" / "ferry.htm", page_without_site)
    assert read_file(path)[0].outlet == "Coast News"
    assert read_file(path, outlet="Harbour Radio")[0].outlet == "Harbour Radio"


# One outlet rule for every way in: (file name as given or uploaded, --outlet, what the file says) -> outlet,
# or None for "cannot tell the outlet".
PAGE_NO_SITE = PAGE.replace('<meta property="og:site_name" content="Selmoor Gazette">', "").replace(
    '<meta property="og:url" content="https://selmoor.example/ferry">', "")  # (trafilatura reads a site from it)
OUTLET_CASES = [
    ("harbour-gazette/ferry.txt", None, SCRAPED, "Harbour Gazette"),
    ("harbour-gazette/ferry.txt", "Coast Radio", SCRAPED, "Coast Radio"),
    ("ferry.txt", None, SCRAPED, None),  # no folder named: refused, typed or uploaded
    ("ferry.txt", "  Coast   Radio ", SCRAPED, "Coast Radio"),
    ("./ferry.txt", None, SCRAPED, None),
    ("../ferry.txt", None, SCRAPED, None),
    ("desk/coast-news/ferry.html", None, PAGE_NO_SITE, "Coast News"),
    ("desk/coast-news/ferry.html", None, PAGE, "Selmoor Gazette"),  # the page's site name before the folder
    ("ferry.html", None, PAGE, "Selmoor Gazette"),
    ("ferry.html", "Coast Radio", PAGE, "Coast Radio"),
    ("ferry.html", None, PAGE_NO_SITE, None),
]


@pytest.mark.parametrize("name, given, content, expected", OUTLET_CASES)
def test_one_outlet_rule_for_a_file_on_disk_and_the_same_file_uploaded(tmp_path, monkeypatch, name, given, content,
                                                                      expected):
    work = tmp_path / "newsroom-folder"  # the working folder's own name is never taken for the outlet
    (work / Path(name).parent).mkdir(parents=True, exist_ok=True)
    (work / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(work)
    outcomes = []
    for read in (lambda: read_file(name, outlet=given), lambda: read_bytes(name, content.encode(), outlet=given),
                 lambda: read_bytes(Path(name).name, content.encode(), outlet=given,
                                    folder=Path(name).parent.name)):
        try:
            outcomes.append(read()[0].outlet)
        except InputError as exc:
            assert "cannot tell the outlet" in exc.problem
            outcomes.append(None)
    assert outcomes == [expected] * 3


def test_the_command_line_and_an_upload_refuse_a_bare_file_alike(tmp_path, monkeypatch, capsys):
    from workbench.background import ImportJob, Upload
    from workbench.cli import main

    desk = tmp_path / "harbour-gazette"
    desk.mkdir()
    (desk / "ferry.txt").write_text(SCRAPED, encoding="utf-8")
    monkeypatch.chdir(desk)
    db = tmp_path / "w.db"
    assert main(["import", "ferry.txt", "--db", str(db)]) == int(ExitCode.BAD_INPUT)
    cli_out = capsys.readouterr()
    assert "ferry.txt: cannot tell the outlet" in cli_out.out + cli_out.err
    state = ImportJob.start(f"sqlite:///{db}", [Upload("ferry.txt", SCRAPED.encode())]).wait(120)
    assert [r.reason.split(";")[0] for r in state.report.refused] == ["cannot tell the outlet"]
    monkeypatch.chdir(tmp_path)
    assert main(["import", "harbour-gazette/ferry.txt", "--db", str(db)]) == 0
    capsys.readouterr()
    state = ImportJob.start(f"sqlite:///{db}", [Upload("ferry.txt", SCRAPED.encode())], outlet="Harbour Gazette"
                            ).wait(120)
    assert state.report.articles_present == 1  # the same article as the command line's: same outlet, same id


def test_outlet_for_names_what_would_work():
    assert outlet_for("x/harbour-gazette/a.txt") == "Harbour Gazette"
    with pytest.raises(InputError) as err:
        outlet_for("a.txt")
    assert "--outlet NAME" in err.value.problem and "Outlet field" in err.value.problem


# --------------------------------------------------------------------------------------------------------------
# .jsonl and .csv
# --------------------------------------------------------------------------------------------------------------


def test_jsonl_fields_and_defaults(tmp_path):
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"id": "a1", "outlet": "Vale Post", "title": "T1", "text": "Body one: 4,000 homes.",
             "url": "https://x.example/1", "published": "2024-02-12", "claims": [{"ignored": True}]},
            {"outlet": "Vale Post", "text": "\n  First line is the title\nBody two: 12%."},
            {"id": 7, "title": "T3", "text": "Body three.", "published": "2024-02-12T07:30:00+00:00"},
        )
        + "\n",
    )
    a, b, c = read_file(path, outlet="Fallback Outlet")
    assert (a.id, a.outlet, a.title, a.text, a.url, a.published) == (
        "a1", "Vale Post", "T1", "Body one: 4,000 homes.", "https://x.example/1", "2024-02-12")
    assert b.id == make_id("Vale Post", b.text) and b.title == "First line is the title"
    assert b.text == "\n  First line is the title\nBody two: 12%."
    assert (c.id, c.outlet, c.published) == ("7", "Fallback Outlet", "2024-02-12")
    assert a.source == str(path)


def test_csv_columns_quoted_newlines_and_semicolons(tmp_path):
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["ID", " outlet ", "title", "text", "url"])
    w.writerow(["f1", "Fenwick Radio", "Fares", "Line one, with a comma\r\nLine two: 60k a day.", ""])
    path = write(tmp_path / "a.csv", buf.getvalue())
    [art] = read_file(path)
    assert (art.id, art.outlet, art.title, art.url) == ("f1", "Fenwick Radio", "Fares", None)
    assert art.text == "Line one, with a comma\r\nLine two: 60k a day."

    semi = write(tmp_path / "b.csv", 'outlet;text\nFenwick Radio;"Up 5%; down 2%."\n')
    [art] = read_file(semi)
    assert art.text == "Up 5%; down 2%." and art.title == "Up 5%; down 2%."


TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff") | st.sampled_from("\n\r\t"),
    min_size=1,
).filter(str.strip)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=1, max_size=5))
def test_jsonl_and_csv_keep_text_exactly(tmp_path, texts):
    records = [{"id": f"a{i}", "outlet": "O", "title": "T", "text": t} for i, t in enumerate(texts)]
    arts = read_bytes("x.jsonl", jsonl(*records).encode("utf-8"))
    assert [a.text for a in arts] == texts
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "outlet", "title", "text"])
    w.writeheader()
    w.writerows(records)
    arts = read_bytes("x.csv", buf.getvalue().encode("utf-8"))
    assert [a.text for a in arts] == texts


# --------------------------------------------------------------------------------------------------------------
# Encodings
# --------------------------------------------------------------------------------------------------------------

WESTERN = "Carrowby’s €1.4bn tram opens — fares £2.10, café owners say 12% more trade.\n" * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_are_detected(encoding):
    assert decode("a.txt", WESTERN.encode(encoding)) == WESTERN


def test_cyrillic_single_byte_text_is_detected():
    text = "Более 4000 человек эвакуированы из-за наводнения, сообщили власти в понедельник. " * 3
    assert decode("a.txt", text.encode("cp1251")) == text


def test_explicit_encoding_is_used(tmp_path):
    path = write(tmp_path / "o" / "a.txt", "Caf\xe9 prices up 5%.".encode("latin-1"))
    assert read_file(path, encoding="latin-1")[0].text == "Café prices up 5%."


# --------------------------------------------------------------------------------------------------------------
# Bad input: exact messages
# --------------------------------------------------------------------------------------------------------------

GOOD_LINE = json.dumps({"id": "a", "outlet": "O", "title": "T", "text": "4,000 homes."})

ERROR_CASES = [
    ("missing", None, {}, "missing.txt: no such file or folder"),
    ("empty", ("empty.txt", b""), {}, "empty.txt: file is empty; it needs the text of at least one article"),
    ("blank", ("blank.txt", b"  \n\n \t\n"), {}, "blank.txt: file is empty; it needs the text of at least one article"),
    ("binary", ("blob.txt", b"\x00\x01\x02\x03binary\x00data"), {},
     "blob.txt: looks like a binary file, not text; expected .txt, .html, .htm, .jsonl or .csv"),
    ("pdf", ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {},
     "report.txt: looks like a PDF document, not text; save the article as .txt or .html first"),
    ("undetectable", ("odd.txt", bytes(range(128, 256))), {},
     "odd.txt: cannot tell the text encoding; pass it with --encoding (for example --encoding cp1252 "
     "or --encoding latin-1)"),
    ("wrong encoding", ("a.txt", "Café 5%".encode("latin-1")), {"encoding": "utf-8"},
     "a.txt: cannot be decoded as utf-8 (byte 3); pass another --encoding or leave it out to detect it"),
    ("unknown encoding", ("a.txt", b"4,000 homes"), {"encoding": "klingon"},
     "a.txt: unknown encoding 'klingon'; pass one Python knows, e.g. --encoding cp1252"),
    ("unsupported", ("notes.pdf", b"hello"), {},
     "notes.pdf: unsupported file type '.pdf'; use .txt, .html, .htm, .jsonl or .csv"),
    ("no extension", ("README", b"hello"), {},
     "README: file has no extension; name it .txt, .html, .htm, .jsonl or .csv by its format"),
    ("oversize", ("big.txt", b"x" * 2500), {"max_bytes": 1000},
     "big.txt: file is 2.5 kB, over the limit of 1 kB a file; split it or raise the limit with --max-bytes"),
    ("only furniture", ("a.txt", b"Oops! Something went wrong.\n\nShare this article\n\nAdvertisement\n"), {},
     "a.txt: holds only page furniture (banners, link lists, share lines), no article text"),
    ("html without text", ("page.html", b"<html><head><title>Menu</title></head><body><div></div></body></html>"),
     {}, "page.html: no article text found in this HTML page; save the article's own page, or its text as .txt"),
    ("html only furniture", ("page.html", b'<html><head><title>Menu</title></head><body><nav><a href="/">Home</a>'
                                          b"</nav></body></html>"),
     {}, "page.html: no article text found in this HTML page; save the article's own page, or its text as .txt"),
    ("csv without text column", ("a.csv", b"id,outlet,body\n1,O,hello\n"), {},
     "a.csv: no 'text' column (columns found: id, outlet, body); the first row must name the columns "
     "id, outlet, title, text (url and published optional)"),
    ("csv header only", ("a.csv", b"id,outlet,title,text\n"), {}, "a.csv: has a header row but no articles"),
    ("csv extra field", ("a.csv", b"id,outlet,title,text\n1,O,T,4,000 homes\n"), {},
     "a.csv, line 2: has 5 fields but the first row names 4; put fields that contain the separator in "
     "double quotes"),
    ("csv duplicate column", ("a.csv", b"text,outlet,text\na,O,b\n"), {},
     "a.csv: column 'text' appears twice in the first row; name each column once"),
    ("csv missing outlet", ("a.csv", b'id,title,text\n1,T,"4,000 homes"\n'), {},
     "a.csv, line 2: missing the 'outlet' field; add it or pass --outlet NAME"),
    ("bad json line", ("a.jsonl", (GOOD_LINE + '\n{"id": "b" "text": "x"}\n').encode()), {},
     "a.jsonl, line 2: not valid JSON (Expecting ',' delimiter at column 12); each line must hold one JSON object"),
    ("json line not an object", ("a.jsonl", b'["text"]\n'), {},
     "a.jsonl, line 1: expected a JSON object with id, outlet, title, text (url and published optional), got a list"),
    ("json line without text", ("a.jsonl", (GOOD_LINE + "\n\n" + '{"id": "b", "outlet": "O"}\n').encode()), {},
     "a.jsonl, line 3: missing the 'text' field; each line needs at least 'text' (and usually 'id', 'outlet', "
     "'title')"),
    ("json text not a string", ("a.jsonl", b'{"outlet": "O", "text": 42}\n'), {},
     "a.jsonl, line 1: 'text' must be a string, got a number"),
    ("json text empty", ("a.jsonl", b'{"outlet": "O", "text": "  "}\n'), {},
     "a.jsonl, line 1: 'text' is empty; remove the article or give its text"),
    ("json bad date", ("a.jsonl", b'{"outlet": "O", "text": "x", "published": "March 14"}\n'), {},
     "a.jsonl, line 1: 'published' is not an ISO date (YYYY-MM-DD): 'March 14'"),
    ("json bad outlet type", ("a.jsonl", b'{"outlet": ["O"], "text": "x"}\n'), {},
     "a.jsonl, line 1: 'outlet' must be a string, got a list"),
    ("json duplicate id", ("a.jsonl", (GOOD_LINE + "\n" + GOOD_LINE.replace("4,000", "5,000") + "\n").encode()), {},
     "a.jsonl, line 2: id 'a' is already used on line 1; give each article its own id"),
]


@pytest.mark.parametrize("case, file, kwargs, message", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_input_is_refused_with_a_one_line_message(tmp_path, monkeypatch, case, file, kwargs, message):
    monkeypatch.chdir(tmp_path)
    if file is None:
        name = "missing.txt"
    else:
        name, data = file
        write(tmp_path / name, data)
    with pytest.raises(InputError) as err:
        read_paths([name], **kwargs)
    assert str(err.value) == message
    assert "\n" not in str(err.value)
    assert err.value.exit_code == ExitCode.BAD_INPUT
    assert err.value.source.startswith(name)


def test_default_limit_is_20_mb(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "big.jsonl", b" " * (DEFAULT_MAX_BYTES + 1))
    with pytest.raises(InputError) as err:
        read_paths(["big.jsonl"])
    assert str(err.value) == (
        "big.jsonl: file is 20 MB, over the limit of 20 MB a file; split it or raise the limit with --max-bytes"
    )


@pytest.mark.parametrize("n, text", [(12, "12 bytes"), (1000, "1 kB"), (1536, "1.5 kB"), (20_000_000, "20 MB"),
                                     (25_300_000, "25.3 MB"), (3_000_000_000, "3 GB")])
def test_format_bytes(n, text):
    assert format_bytes(n) == text


def test_folder_errors_and_conflicting_ids_across_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty_dir").mkdir()
    write(tmp_path / "empty_dir" / "notes.md", "not an article")
    with pytest.raises(InputError) as err:
        read_paths(["empty_dir"])
    assert str(err.value) == "empty_dir: no .txt, .html, .htm, .jsonl or .csv files in this folder"

    write(tmp_path / "a.jsonl", GOOD_LINE + "\n")
    write(tmp_path / "b.jsonl", GOOD_LINE.replace("4,000", "5,000") + "\n")
    with pytest.raises(InputError) as err:
        read_paths(["a.jsonl", "b.jsonl"])
    assert str(err.value) == (
        "b.jsonl: article id 'a' is already used by a different article in a.jsonl; give each article its own id"
    )


def test_a_bad_file_anywhere_means_no_articles_at_all(tmp_path):
    good = write(tmp_path / "o" / "good.txt", "Headline\n\n4,000 homes were flooded.")
    bad = write(tmp_path / "o" / "bad.jsonl", GOOD_LINE + "\nnot json\n")
    result = None
    with pytest.raises(InputError):
        result = read_paths([good, bad])
    assert result is None
    with pytest.raises(InputError, match=r"bad\.jsonl, line 2: "):
        read_paths([tmp_path])


def test_folders_are_walked_in_order_skipping_hidden_and_unsupported_files(tmp_path):
    write(tmp_path / "b-outlet" / "story.txt", "B story\n\n1 thing.")
    write(tmp_path / "a-outlet" / "story.txt", "A story\n\n2 things.")
    write(tmp_path / "a-outlet" / ".hidden.txt", "\x00")
    write(tmp_path / ".git" / "x.txt", "\x00")
    write(tmp_path / "a-outlet" / "notes.md", "# notes")
    arts = read_paths([tmp_path, tmp_path / "a-outlet" / "story.txt"])  # the same file twice is read once
    assert [(a.outlet, a.title) for a in arts] == [("A Outlet", "A story"), ("B Outlet", "B story")]


def test_read_bytes_takes_the_format_from_the_name():
    [art] = read_bytes("upload.jsonl", (GOOD_LINE + "\n").encode(), outlet="Ignored")
    assert (art.id, art.outlet) == ("a", "O")
    [art] = read_bytes("harbour-radio/ferry.txt", SCRAPED.encode())
    assert art.outlet == "Harbour Radio" and art.text == SCRAPED_STORY
    [art] = read_bytes("ferry.txt", SCRAPED.encode(), outlet="Harbour Radio")
    assert art.outlet == "Harbour Radio"
    with pytest.raises(InputError) as err:
        read_bytes("ferry.txt", SCRAPED.encode())
    assert str(err.value) == (
        "ferry.txt: cannot tell the outlet; pass it with --outlet NAME (on the Import screen: the Outlet field) "
        "or put the file in a folder named after it"
    )


def test_article_from_pasted_text():
    art = article_from_text(SCRAPED, outlet="Selmoor Gazette", published="2024-03-05")
    assert art.text == SCRAPED_STORY and art.title.startswith("Ferry fares")
    assert art.id == make_id("Selmoor Gazette", SCRAPED_STORY) and art.published == "2024-03-05"
    assert article_from_text(SCRAPED, outlet="X", title="My title").title == "My title"
    for text, message in [
        ("   ", "pasted text: is empty; paste the text of an article"),
        ("Share this article\nAdvertisement", "pasted text: holds only page furniture (banners, link lists, "
                                              "share lines), no article text"),
    ]:
        with pytest.raises(InputError) as err:
            article_from_text(text, outlet="X")
        assert str(err.value) == message
    with pytest.raises(InputError) as err:
        article_from_text("Story\n\n4 homes.", outlet="  ")
    assert str(err.value) == "pasted text: needs an outlet name"


# --------------------------------------------------------------------------------------------------------------
# The bundled sample data
# --------------------------------------------------------------------------------------------------------------


def test_sample_data_loads_in_every_format_without_furniture():
    arts = read_paths([DATA])
    suffixes = {Path(a.source).suffix for a in arts}
    assert suffixes == {".txt", ".html", ".jsonl", ".csv"}
    assert len(arts) >= 15 and len({a.id for a in arts}) == len(arts)
    assert len({a.outlet for a in arts}) >= 5
    for a in arts:
        if Path(a.source).suffix in (".txt", ".html"):
            assert furniture_spans(a.text) == [], a.source
            for junk in ("Oops", "Read More", "Share", "Updated", "cookie", "©"):
                assert junk not in a.text, (a.source, junk)


def test_sample_data_tells_each_story_through_at_least_three_outlets():
    arts = read_paths([DATA])
    stories = {
        "flood": "Hollinsford",
        "tram": "Carrowby",
        "waiting list": "Tollmere",
        "steelworks": "Brennick",
        "wind farm": "Greyhaven",
    }
    for story, place in stories.items():
        outlets = {a.outlet for a in arts if place in a.text}
        assert len(outlets) >= 3, (story, outlets)
