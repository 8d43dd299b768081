"""The benchmark scripts run at a small size, so they cannot rot (their figures are not checked here:
speed is measured by the scripts themselves, never by timed tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, timeout: float = 600) -> str:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


@pytest.mark.slow
def test_the_import_bench_runs_end_to_end_at_small_size() -> None:
    out = run("bench/import.py", "--small", "--profile", "--top", "5")
    assert "archive: 200 generated short news articles" in out
    assert "articles per CPU-second (median); target 150" in out
    lines = {ln.split()[1]: ln for ln in out.splitlines() if ln.startswith("--jobs ")}
    assert set(lines) == {"1", "2"}
    claims = {j: int(ln.split()[-2].replace(",", "")) for j, ln in lines.items()}
    assert claims["1"] == claims["2"] > 200  # both runs stored the same claims, and there are claims
    assert "CPU by owner" in out and "extraction (workbench.extract)" in out


def test_the_generated_archive_is_the_article_input_format(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    run("bench/newsarchive.py", str(path), "--articles", "50")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 50 == len({r["id"] for r in recs})
    assert all({"id", "outlet", "title", "text", "url", "published"} <= set(r) for r in recs)
    assert len({r["outlet"] for r in recs}) >= 6
    stories = {r["id"].rsplit("-", 1)[1] for r in recs}
    assert 8 <= len(stories) < 50  # several outlets tell each story
