"""The multi-outlet development sets (tests/data/stories.jsonl, longform1.jsonl to longform3.jsonl) are what
their specs build, and they are what they say they are: stories told by three or four outlets, many of whose
shared facts carry different figures; the long-form sets' articles are as long as real coverage."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest

from workbench.evaluate import load_gold

DATA = Path(__file__).resolve().parent / "data"
# set -> fewest stories, fewest words of an article
SETS = {"stories": (10, 0), "longform1": (3, 250), "longform2": (3, 250), "longform3": (3, 250)}


def _spec(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_spec", DATA / f"{name}_spec.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_file_is_what_the_spec_builds(name):
    assert (DATA / f"{name}.jsonl").read_text(encoding="utf-8") == _spec(name).render(), \
        f"regenerate: .venv/bin/python tests/data/{name}_spec.py"


@pytest.mark.parametrize("name", sorted(SETS))
def test_stories_have_several_outlets_and_disagree_often(name):
    fewest_stories, fewest_words = SETS[name]
    gold = load_gold(DATA / f"{name}.jsonl")
    outlets_by_story: dict[str, set[str]] = defaultdict(set)
    facts: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for g in gold:
        story = g.article.id.rsplit("-", 1)[0]
        outlets_by_story[story].add(g.article.outlet)
        assert len(g.article.text.split()) >= fewest_words, g.article.id
        for c in g.claims:
            assert g.article.text[c.start:c.end] == c.surface
            facts[c.fact].append((g.article.outlet, c.low, c.high))
    assert len(outlets_by_story) >= fewest_stories
    assert all(3 <= len(o) <= 4 for o in outlets_by_story.values())
    multi = {f: v for f, v in facts.items() if len({o for o, _, _ in v}) > 1}
    differing = [f for f, v in multi.items() if len({(lo, hi) for _, lo, hi in v}) > 1]
    assert len(differing) * 3 >= len(multi), (len(differing), len(multi))
