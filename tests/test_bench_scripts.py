"""The benchmark scripts run at a small size, so they cannot rot (their figures are not checked here:
speed is measured by the scripts themselves, never by timed tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
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
    assert "stories against the generator's:" in out and "pairwise precision" in out
    assert "claims in groups of 2 or more:" in out


def test_the_generated_archive_is_the_article_input_format(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    run("bench/newsarchive.py", str(path), "--articles", "50")
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 50 == len({r["id"] for r in recs})
    assert all({"id", "outlet", "title", "text", "url", "published"} <= set(r) for r in recs)
    assert len({r["outlet"] for r in recs}) >= 6
    stories = {r["id"].rsplit("-", 1)[1] for r in recs}
    assert 8 <= len(stories) < 50  # several outlets tell each story


def test_the_generated_archive_dates_its_stories_over_one_year() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from newsarchive import articles, place

    assert len({place(n) for n in range(300)}) == 300
    for n in (60, 3000):
        recs = list(articles(n))
        days = [date.fromisoformat(r["published"]) for r in recs]
        assert days == sorted(days) or max(a - b for a, b in zip(days, days[1:])) <= timedelta(days=2)
        assert days[0] == date(2025, 1, 1) and date(2025, 12, 1) <= days[-1] <= date(2026, 1, 2)
        story_day: dict[str, set[date]] = {}
        for r, d in zip(recs, days):
            story_day.setdefault(r["id"].rsplit("-", 1)[1], set()).add(d)
        assert all(max(v) - min(v) <= timedelta(days=2) for v in story_day.values())  # told within days
    assert list(articles(300)) == list(articles(300))  # deterministic


def test_the_import_bench_scores_stories_by_pairs_per_story() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench" / "import.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    found = [("a-1", "x"), ("b-1", "x"), ("c-1", "y"), ("a-2", "y"), ("b-2", "y")]
    got = mod.story_match(found)
    # pairs found: (a-1, b-1) right; (c-1, a-2) (c-1, b-2) wrong, (a-2, b-2) right; generated: 3 + 1 pairs
    assert got["story_precision"] == 2 / 4 and got["story_recall"] == 2 / 4
    assert (got["stories"], got["true_stories"]) == (2, 2)
