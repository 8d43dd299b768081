"""import-verdicts checks every row before it writes, names every bad cell by line and column, and then
saves the whole file in one transaction: a file with any bad cell saves nothing. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from storekit import BACKENDS, PgSchema, make_batch, noun_grouper  # noqa: F401
from workbench import export
from workbench.cli import main
from workbench.models import Kind
from workbench.store import ClaimFilter, Store, Target


@pytest.fixture(params=BACKENDS)
def urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    else:
        with PgSchema() as ua, PgSchema() as ub:
            yield ua, ub


def exported(url_a: str, url_b: str) -> list[dict[str, str]]:
    """Two databases holding the same claims; the first has two submitted verdicts with sources. The
    verdict CSV of the first, as rows (cells as written, neutralising prefixes included)."""
    a, b = Store.open(url_a), Store.open(url_b)
    for s in (a, b):
        arts, cls = make_batch(3)
        s.import_articles(arts, cls, grouper=noun_grouper)
    ann = a.ensure_reviewer("ann")
    for kind in (Kind.MONEY, Kind.PERCENT):
        c = a.claims_page(ClaimFilter(kind=kind))[0][0]
        a.save_verdict(Target.claim(c.id), ann.id, "Inaccurate", note="checked", submit=True)
        a.add_source(Target.claim(c.id), ann.id, export.SourceInput(url="https://stats.example", value=4.0))
    rows = list(csv.DictReader(io.StringIO(export.verdict_csv_bytes(a).decode("utf-8-sig"), newline="")))
    a.close()
    b.close()
    return [r for r in rows if r["verdict"]]


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=export.VERDICT_COLUMNS, lineterminator="\r\n")
        w.writeheader()
        w.writerows(rows)
    return path


def stored_verdicts(url: str) -> tuple[int, int]:
    with Store.open(url) as s:
        c = s.counts()
    return c.get("verdicts", 0), c.get("users", 0)


COLUMN = {name: i + 1 for i, name in enumerate(export.VERDICT_COLUMNS)}


@pytest.mark.parametrize("column, value, says", [
    ("sources_detail", '[{"url": "https://x.example", "value": 4', "sources_detail): is not JSON"),
    ("sources_detail", '{"url": "https://x.example"}', "is not a JSON list of sources"),
    ("sources_detail", '[{"url": "https://x.example", "value": "four"}]', "value 'four' is not a number"),
    ("time", "not a time", "'not a time' is not a time"),
    ("reviewer", "command line", "'command line' is reserved"),
    ("reviewer", "Not Signed  In", "is reserved"),
    ("reviewer", "ann\u202eevil", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("reviewer", "ann\u2066x", "U+2066"),
    ("reviewer", "ann\x1b[31m", "U+001B"),
    ("reviewer", "", "no reviewer named"),
    ("verdict", "Sort of", "unknown label 'Sort of'"),
    ("verdict_scope", "story", "'story' is neither claim nor group"),
    ("claim_id", "no-such-claim", "no claim 'no-such-claim' in this database"),
])
def test_a_bad_cell_in_row_two_saves_nothing(urls: tuple[str, str], tmp_path: Path, column: str, value: str,
                                            says: str) -> None:
    url_a, url_b = urls
    rows = exported(url_a, url_b)
    rows[1][column] = value
    path = write(tmp_path / "v.csv", rows)
    before = stored_verdicts(url_b)
    with Store.open(url_b) as b, pytest.raises(export.VerdictFileError) as e:
        export.import_verdicts(b, path)
    assert e.value.problems[0][:3] == (3, COLUMN[column], column)
    assert says in str(e.value)
    assert f"line 3, column {COLUMN[column]} ({column})" in str(e.value)
    assert stored_verdicts(url_b) == before  # not even row 1, not even the reviewer


def test_every_bad_cell_is_named(urls: tuple[str, str], tmp_path: Path) -> None:
    url_a, url_b = urls
    rows = exported(url_a, url_b)
    rows[0]["time"] = "yesterday"
    rows[1]["reviewer"] = "command line"
    rows[1]["sources_detail"] = "[1]"
    path = write(tmp_path / "v.csv", rows)
    with Store.open(url_b) as b, pytest.raises(export.VerdictFileError) as e:
        export.import_verdicts(b, path)
    assert [(line, col) for line, _, col, _ in e.value.problems] == [
        (2, "time"), (3, "reviewer"), (3, "sources_detail")]
    assert str(e.value).startswith(f"{path}: 3 bad cell(s), nothing was imported")


def test_a_good_file_lands_whole(urls: tuple[str, str], tmp_path: Path) -> None:
    url_a, url_b = urls
    rows = exported(url_a, url_b)
    path = write(tmp_path / "v.csv", rows)
    with Store.open(url_b) as b:
        report = export.import_verdicts(b, path)
        assert report.verdicts_saved == 2 and report.skipped == ()
        ann = b.user_by_name("ann")
        assert ann is not None
        saved = b.verdicts_by(ann.id)
        assert {v.label for v in saved} == {"Inaccurate"}
        assert all(v.sources[0].url == "https://stats.example" for v in saved)


def test_cli_refuses_a_bad_file_with_exit_status_2(urls: tuple[str, str], tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url_a, url_b = urls
    rows = exported(url_a, url_b)
    rows[1]["time"] = "not a time"
    path = write(tmp_path / "v.csv", rows)
    assert main(["import-verdicts", str(path), "--db", url_b]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"workbench: {path}: 1 bad cell(s), nothing was imported")
    assert "Traceback" not in err
    assert stored_verdicts(url_b)[0] == 0
