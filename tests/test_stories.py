"""The multi-outlet development set (tests/data/stories.jsonl) is what its spec builds, and it is what it
says it is: stories told by three or four outlets, many of whose shared facts carry different figures."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

from workbench.evaluate import load_gold

DATA = Path(__file__).resolve().parent / "data"
STORIES = DATA / "stories.jsonl"


def _spec():
    spec = importlib.util.spec_from_file_location("stories_spec", DATA / "stories_spec.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_file_is_what_the_spec_builds():
    assert STORIES.read_text(encoding="utf-8") == _spec().render(), \
        "regenerate: .venv/bin/python tests/data/stories_spec.py"


def test_stories_have_several_outlets_and_disagree_often():
    gold = load_gold(STORIES)
    outlets_by_story: dict[str, set[str]] = defaultdict(set)
    facts: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for g in gold:
        story = g.article.id.rsplit("-", 1)[0]
        outlets_by_story[story].add(g.article.outlet)
        for c in g.claims:
            assert g.article.text[c.start:c.end] == c.surface
            facts[c.fact].append((g.article.outlet, c.low, c.high))
    assert len(outlets_by_story) >= 10
    assert all(3 <= len(o) <= 4 for o in outlets_by_story.values())
    multi = {f: v for f, v in facts.items() if len({o for o, _, _ in v}) > 1}
    differing = [f for f, v in multi.items() if len({(lo, hi) for _, lo, hi in v}) > 1]
    assert len(differing) * 3 >= len(multi), (len(differing), len(multi))
