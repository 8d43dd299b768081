"""`workbench import`, `backup` and `db` on the real pipeline (ingest, extraction, grouping) and real files."""

from __future__ import annotations

import json
from pathlib import Path

from storekit import db_url  # noqa: F401 - fixture
from workbench.cli import main
from workbench.store import Store

DATA = Path(__file__).resolve().parent.parent / "data"


def test_import_sample_dry_run_then_real_then_again(db_url: str, capsys) -> None:  # noqa: F811
    assert main(["import", str(DATA), "--db", db_url, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert dry.startswith("Dry run (nothing stored): ")
    s = Store.open(db_url)
    assert s.counts()["articles"] == 0
    s.close()
    assert main(["import", str(DATA), "--db", db_url]) == 0
    real = capsys.readouterr().out
    # the same counts; only the wording of what is stored differs
    assert real.replace("Imported", "Dry run (nothing stored)").replace(
        "in the database", "the database would hold") == dry
    s = Store.open(db_url)
    counts = s.counts()
    assert counts["articles"] >= 10 and counts["claims"] > counts["articles"] and counts["groups"] > 0
    assert s.groups_page()[0][0].n_outlets > 1  # the sample tells the same stories in several outlets
    s.close()
    assert main(["import", str(DATA / "articles.jsonl"), "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert ": 0 new article(s)" in out and "already present, 0 claim(s)" in out


def test_refused_files_are_reported_and_the_rest_imported(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "outlet": "O"}\n', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Council spends £4m on roads\n\nThe council will spend £4m on roads this year, "
                    "officials said.\n", encoding="utf-8")
    assert main(["import", str(bad), str(good), str(tmp_path / "missing.txt"), "--db", url]) == 2
    out = capsys.readouterr().out
    assert "Imported: 1 new article(s)" in out
    assert f"refused {bad}" in out and f"refused {tmp_path / 'missing.txt'}: no such file or folder" in out


def test_numbers_in_page_furniture_of_jsonl_are_left_out(tmp_path) -> None:
    from workbench.ingest import furniture_spans
    from workbench.models import Claim, Kind
    from workbench.desk import Desk

    text = ("Hospital waiting lists grow\n\nThe waiting list grew to 7.6 million people in March, "
            "NHS figures show.\n\nRead More\n5 things to know about 3 new trains\n"
            "Council sells 40 buses for £2m\n")
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "nhs-1", "outlet": "Courier", "title": "Waiting lists", "text": text}) + "\n",
                    encoding="utf-8")

    def claim(surface: str, kind: Kind, value: float) -> Claim:
        start = text.index(surface)
        sentence_start = text.rfind("\n", 0, start) + 1
        return Claim(article="nhs-1", start=start, end=start + len(surface), surface=surface,
                     sentence=text[sentence_start:text.index("\n", start)], kind=kind, low=value, high=value)

    # an extractor that reads every number, furniture included (as a plain reader of .jsonl text would)
    every = [claim("7.6 million", Kind.COUNT, 7.6e6), claim("40 buses", Kind.COUNT, 40), claim("£2m", Kind.MONEY, 2e6)]
    spans = furniture_spans(text)
    inside = [c for c in every if any(s < c.end and c.start < e for s, e in spans)]
    assert inside, "the furniture detector no longer sees the 'Read More' list"
    store = Store.open(f"sqlite:///{tmp_path / 'w.db'}")
    report = Desk(store, grouper=lambda cs, os_: _singletons(cs)).import_paths(None, [path], extractor=lambda arts: every)
    assert report.claims_dropped == len(inside)
    assert [c.surface for c in store.article("nhs-1").claims] == ["7.6 million"]
    store.close()


def _singletons(claims):  # type: ignore[no-untyped-def]
    from workbench.models import Grouping
    from workbench.store import singleton_group

    groups = tuple(singleton_group(c) for c in claims)
    return Grouping(groups=groups, by_claim={g.claim_ids[0]: g.id for g in groups})


def test_backup_command(tmp_path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store.open(url).close()
    assert main(["backup", str(tmp_path / "copy.db"), "--db", url]) == 0
    assert "backup written to" in capsys.readouterr().out
    assert main(["backup", str(tmp_path / "copy.db"), "--db", url]) == 1
    assert "never overwrites" in capsys.readouterr().err
    assert main(["db", "info", "--db", str(tmp_path / "copy.db")]) == 0
    from workbench.store.engine import head_revision

    assert f"schema revision: {head_revision()}" in capsys.readouterr().out
