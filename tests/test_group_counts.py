"""`workbench groups` and `workbench import` count the same groups of the same folder: the table's head line
says how many it shows (groups of two or more outlets) of how many in all, and the import reports the
database's total, every group of one outlet included."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_groups_head_line_and_import_count_the_same_groups(capsys, tmp_path):
    code, out = run(capsys, "groups", str(DATA))
    assert code == 0
    head = out.splitlines()[0]
    m = re.match(r"(\d+) groups reported by 2 or more outlets \(of (\d+) groups in all, one per fact\), (\d+) "
                 r"discrepant", head)
    assert m, head
    shown, total = int(m.group(1)), int(m.group(2))
    assert shown == sum(1 for line in out.splitlines() if line.startswith("g-"))
    assert shown < total

    code, every = run(capsys, "groups", str(DATA), "--min-outlets", "1")
    assert code == 0
    assert every.splitlines()[0].startswith(f"{total} groups, ")
    assert sum(1 for line in every.splitlines() if line.startswith("g-")) == total

    db = f"sqlite:///{tmp_path / 'w.db'}"
    code, out = run(capsys, "import", str(DATA), "--db", db)
    assert code == 0
    m = re.search(r"(\d+) group\(s\) in the database", out)
    assert m and int(m.group(1)) == total, out
