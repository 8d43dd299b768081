"""`workbench extract`, `workbench groups` and `workbench eval` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.cli.extract_cmds import CLAIM_FIELDS, Progress, _cell, format_number, format_value
from workbench.ingest import furniture_spans, in_spans, read_paths
from workbench.models import Article, Claim, Kind, Qualifier

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

GOOD = json.dumps({"id": "a", "outlet": "Vale Post", "title": "T", "text": "About 4,200 dockworkers walked out."})


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def needs(module: str):
    """The module, imported: a module of this tree that fails to import is an error, never a skip."""
    import importlib

    return importlib.import_module(module)


# --------------------------------------------------------------------------------------------------------------
# Bad input: one line on stderr, exit status 2, nothing on stdout
# --------------------------------------------------------------------------------------------------------------

BAD_INPUT = [
    ("missing file", None, (), "workbench: missing.txt: no such file or folder"),
    ("empty file", ("empty.txt", b""), (), "workbench: empty.txt: file is empty; it needs the text of at least one article"),
    ("binary file", ("blob.txt", b"\x00\x01\x02binary"), (),
     "workbench: blob.txt: looks like a binary file, not text; expected .txt, .html, .htm, .jsonl or .csv"),
    ("undetectable encoding", ("odd.txt", bytes(range(128, 256))), (),
     "workbench: odd.txt: cannot tell the text encoding; pass it with --encoding (for example --encoding cp1252 "
     "or --encoding latin-1)"),
    ("bad JSON line", ("a.jsonl", (GOOD + "\n{oops}\n").encode()), (),
     "workbench: a.jsonl, line 2: not valid JSON (Expecting property name enclosed in double quotes at column 2); "
     "each line must hold one JSON object"),
    ("JSON line without text", ("a.jsonl", b'{"id": "a", "outlet": "O"}\n'), (),
     "workbench: a.jsonl, line 1: missing the 'text' field; each line needs at least 'text' (and usually 'id', "
     "'outlet', 'title')"),
    ("CSV without text column", ("a.csv", b"id,outlet,title,body\n1,O,T,hello\n"), (),
     "workbench: a.csv: no 'text' column (columns found: id, outlet, title, body); the first row must name the "
     "columns id, outlet, title, text (url and published optional)"),
    ("oversize", ("big.txt", b"4,000 homes. " * 100), ("--max-bytes", "1k"),
     "workbench: big.txt: file is 1.3 kB, over the limit of 1 kB a file; split it or raise the limit with --max-bytes"),
    ("wrong encoding", ("a.txt", "Café: 5%".encode("latin-1")), ("--encoding", "utf-8"),
     "workbench: a.txt: cannot be decoded as utf-8 (byte 3); pass another --encoding or leave it out to detect it"),
]


@pytest.mark.parametrize("command", ["extract", "groups"])
@pytest.mark.parametrize("case, file, extra, message", BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
def test_bad_input_stops_the_run_with_one_line_and_status_2(tmp_path, monkeypatch, capsys, command, case, file,
                                                            extra, message):
    monkeypatch.chdir(tmp_path)
    name = "missing.txt"
    if file is not None:
        name, data = file
        (tmp_path / name).write_bytes(data)
    code, out, err = run(capsys, command, name, *extra)
    assert (code, out, err) == (2, "", message + "\n")


def test_a_bad_file_among_good_ones_means_no_output_at_all(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.jsonl").write_text(GOOD + "\n")
    (tmp_path / "bad.csv").write_text("id,outlet\n1,O\n")
    code, out, err = run(capsys, "extract", "good.jsonl", "bad.csv", "--format", "table")
    assert code == 2 and out == ""
    assert err.startswith("workbench: bad.csv: no 'text' column") and err.count("\n") == 1


@pytest.mark.parametrize(
    "argv, complaint",
    [
        (["extract", "x.txt", "--jobs", "0"], "argument --jobs: expected 1 or more, got 0"),
        (["extract", "x.txt", "--max-bytes", "lots"], "argument --max-bytes: expected a size such as 20000000, 500k or 50MB, got 'lots'"),
        (["extract", "x.txt", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["groups", "x.txt", "--tolerance", "2"], "argument --tolerance: expected a fraction from 0 to below 1 (0.02 = 2%), got '2'"),
    ],
)
def test_bad_options_are_usage_errors(capsys, argv, complaint):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert complaint in capsys.readouterr().err


def test_max_bytes_accepts_sizes_with_units(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.txt").write_bytes(b"x" * 600_000)
    code, out, err = run(capsys, "extract", "big.txt", "--max-bytes", "500k")
    assert code == 2 and err == ("workbench: big.txt: file is 600 kB, over the limit of 500 kB a file; split it or "
                                 "raise the limit with --max-bytes\n")


def test_help_says_a_bad_file_stops_the_whole_run(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "one bad file" in out and "stops the whole run" in out and "no output at all" in out


# --------------------------------------------------------------------------------------------------------------
# Output formats
# --------------------------------------------------------------------------------------------------------------

FURNISHED = {
    "id": "port-3",
    "outlet": "Harbour Radio",
    "title": "Strike",
    "text": ("Strike could cost nearly £50 million a day\n\nSome 4,200 staff at the port are on strike. "
             "The operator said its 4% offer was \"fair and final\". Read More\n\n"
             "Port profits rose 18% in 2021\n\nFerry operator cuts 300 jobs\n\nRead More"),
}


@pytest.fixture
def furnished(tmp_path) -> Path:
    path = tmp_path / "port.jsonl"
    path.write_text(json.dumps(FURNISHED) + "\n", encoding="utf-8")
    return path


def test_jsonl_claims_follow_the_contract_and_skip_furniture(capsys, furnished):
    needs("workbench.extract")
    code, out, err = run(capsys, "extract", str(furnished))
    assert code == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows, "no claims"
    text = FURNISHED["text"]
    spans = furniture_spans(text)
    for r in rows:
        assert set(CLAIM_FIELDS) <= set(r)
        assert text[r["start"]:r["end"]] == r["surface"]
        assert r["article"] == "port-3" and r["id"] == f"port-3:{r['start']}-{r['end']}"
        assert not in_spans(r["start"], r["end"], spans), r["surface"]
        assert r["group"] is None
    surfaces = {r["surface"] for r in rows}
    assert not any(s in surfaces for s in ("18%", "300 jobs", "300"))
    assert any("4,200" in s for s in surfaces)


def test_csv_has_the_contract_columns_and_the_same_claims_as_jsonl(capsys, furnished):
    needs("workbench.extract")
    _, jsonl_out, _ = run(capsys, "extract", str(furnished))
    code, out, err = run(capsys, "extract", str(furnished), "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == ",".join(CLAIM_FIELDS)
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [json.loads(line) for line in jsonl_out.splitlines()]
    assert [r["id"] for r in rows] == [e["id"] for e in expected]
    assert [float(r["low"]) for r in rows] == [e["low"] for e in expected]


def test_table_aligns_columns(capsys):
    needs("workbench.extract")
    code, out, err = run(capsys, "extract", str(DATA / "txt" / "the-lantern"), "--format", "table")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["OUTLET", "SURFACE", "KIND", "VALUE", "QUALIFIER", "NOUN"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    kind_col = lines[0].index("KIND")
    assert len(lines) > 10
    assert all(line[kind_col:].split()[0] in {k.value for k in Kind} for line in lines[2:])
    assert all(line == line.rstrip() for line in lines)


def test_group_option_adds_a_group_to_every_claim(capsys):
    needs("workbench.group")
    code, out, _ = run(capsys, "extract", str(DATA), "--group")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["group"] for r in rows)
    # the bundled stories are told by several outlets: some groups span outlets
    outlets_by_group: dict[str, set[str]] = {}
    for r in rows:
        outlets_by_group.setdefault(r["group"], set()).add(r["outlet"])
    assert max(len(o) for o in outlets_by_group.values()) >= 3


def test_groups_jsonl_lists_outlets_values_spread_and_flag(capsys):
    needs("workbench.group")
    code, out, _ = run(capsys, "groups", str(DATA), "--format", "jsonl")
    assert code == 0
    groups = [json.loads(line) for line in out.splitlines()]
    assert groups
    for g in groups:
        assert len(g["outlets"]) >= 2
        assert {c["outlet"] for c in g["claims"]} == set(g["outlets"])
        assert g["min"] <= g["median"] <= g["max"]
        assert isinstance(g["discrepant"], bool) and g["spread_pct"] >= 0
    assert any(g["discrepant"] for g in groups)


def test_groups_table_and_csv(capsys):
    needs("workbench.group")
    code, out, _ = run(capsys, "groups", str(DATA))
    assert code == 0
    first = out.splitlines()[0]
    assert first.endswith("discrepant (no single value lies within 2% of every member's figure, hedges and ranges "
                          "allowed)")
    code, out, _ = run(capsys, "groups", str(DATA), "--format", "csv", "--min-outlets", "1", "--tolerance", "5%")
    rows = list(csv.DictReader(io.StringIO(out)))
    extracted = run(capsys, "extract", str(DATA))[1].splitlines()
    assert len(rows) == len(extracted)  # with --min-outlets 1 every claim is in exactly one printed group


def test_eval_prints_the_metrics(capsys, gold_dev_path):
    needs("workbench.evaluate")
    code, out, _ = run(capsys, "eval", str(gold_dev_path), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["articles"] == 10
    assert {"detection", "value", "noun_accuracy", "qualifier_accuracy", "non_claim_hits", "grouping"} <= set(report)
    code, out, _ = run(capsys, "eval", str(gold_dev_path))
    assert code == 0 and "detection" in out and "qualifier accuracy" in out


def test_eval_of_a_missing_gold_file_is_bad_input(tmp_path, capsys):
    needs("workbench.evaluate")
    code, out, err = run(capsys, "eval", str(tmp_path / "nope.jsonl"))
    assert code == 2 and out == "" and str(tmp_path / "nope.jsonl") in err and err.count("\n") == 1


def test_a_reader_that_stops_early_ends_the_command_quietly():
    needs("workbench.extract")
    proc = subprocess.Popen([sys.executable, "-m", "workbench", "extract", str(DATA)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert json.loads(first)["surface"]
    assert err == b""


# --------------------------------------------------------------------------------------------------------------
# Pieces of the output
# --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, cell",
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-5%", "'-5%"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("About 4,200", "About 4,200"),
        (None, ""),
        (48e6, "48000000"),
        (7.5, "7.5"),
        (12, "12"),
        (True, "true"),
    ],
)
def test_csv_cells_are_safe_for_spreadsheets(value, cell):
    assert _cell(value) == cell


@pytest.mark.parametrize(
    "x, text",
    [(4200, "4,200"), (2.3e9, "2.3bn"), (48e6, "48m"), (1.55e9, "1.55bn"), (0.25, "0.25"), (41.2, "41.2"),
     (2.1, "2.1"), (66.66666, "66.67"), (1234.5, "1,234.5"), (3e12, "3tn"), (0, "0")],
)
def test_format_number(x, text):
    assert format_number(x) == text


def _claim(kind, low, high=None, **kw) -> Claim:
    return Claim(article="a", start=0, end=1, surface="x", sentence="x", kind=kind, low=low,
                 high=low if high is None else high, **kw)


@pytest.mark.parametrize(
    "claim, text",
    [
        (_claim(Kind.MONEY, 48e6, currency="GBP", per="day"), "GBP 48m /day"),
        (_claim(Kind.MONEY, 280e6, 340e6, currency="GBP", qualifier=Qualifier.RANGE), "GBP 280m–340m"),
        (_claim(Kind.PERCENT, 7.5), "7.5%"),
        (_claim(Kind.MEASURE, 12500, unit="hectare"), "12,500 hectares"),
        (_claim(Kind.DURATION, 18, unit="month"), "18 months"),
        (_claim(Kind.DURATION, 1, unit="month"), "1 month"),
        (_claim(Kind.DURATION, 0.5, unit="hour"), "0.5 hours"),
        (_claim(Kind.DURATION, 1, 2, unit="year", qualifier=Qualifier.RANGE), "1–2 years"),
        (_claim(Kind.MEASURE, 125, unit="square kilometre"), "125 square kilometres"),
        (_claim(Kind.MEASURE, 30, unit="metre per second"), "30 metres per second"),
        (_claim(Kind.MEASURE, 6, unit="foot"), "6 feet"),
        (_claim(Kind.MEASURE, 18, unit="celsius"), "18 celsius"),
        (_claim(Kind.MEASURE, 4, unit="zorkmid"), "4 zorkmid"),
        (_claim(Kind.COUNT, 60000, per="day"), "60,000 /day"),
        (_claim(Kind.RATIO, 0.2), "0.2"),
    ],
)
def test_format_value(claim, text):
    assert format_value(claim) == text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_for_large_input():
    many = [Article(id=str(i), outlet="O", title="t", text="x") for i in range(Progress.MIN_ARTICLES)]
    few = many[:3]
    term, pipe = _Terminal(), io.StringIO()
    for articles, stream in ((many, pipe), (few, term)):
        bar = Progress.for_input(articles, stream)
        bar.update(1, force=True)
        bar.close()
        assert stream.getvalue() == ""
    bar = Progress.for_input(many, term)
    bar.update(50, force=True)
    bar.close()
    drawn = term.getvalue()
    assert "50/200 articles" in drawn and drawn.endswith("200/200 articles\n")


def test_sample_data_reads_the_same_through_the_cli_and_the_library(capsys):
    needs("workbench.extract")
    arts = {a.id: a for a in read_paths([DATA])}
    code, out, _ = run(capsys, "extract", str(DATA))
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["article"] for r in rows} <= set(arts)
    assert len({r["article"] for r in rows}) == len(arts)  # every sample article holds claims
    for r in rows:
        assert arts[r["article"]].text[r["start"]:r["end"]] == r["surface"]
