"""Gold sets written as specs: claims named by surface and occurrence, built into the gold JSONL format.

``tests/test_heldout.py`` and ``tests/data/stories_spec.py`` write their articles with :func:`C` and build
``tests/data/*.jsonl`` with :func:`render`; offsets come from ``str.find``, so ``text[start:end] == surface``
always holds.
"""

from __future__ import annotations

import json


def C(surface, low, kind, fact, high=None, qualifier="exact", nth=0, **kw) -> dict:
    """A gold claim: its ``nth`` occurrence of ``surface`` in the article's text."""
    d = dict(surface=surface, low=low, kind=kind, fact=fact, qualifier=qualifier, nth=nth, **kw)
    if high is not None:
        d["high"] = high
    return d


def build(articles: list[dict]) -> list[dict]:
    """The gold articles with exact offsets: each claim's ``nth`` occurrence of its surface in the text."""
    out = []
    for art in articles:
        text = art["text"]
        claims = []
        for c in art["claims"]:
            c = dict(c)
            nth = c.pop("nth")
            i = -1
            for _ in range(nth + 1):
                i = text.find(c["surface"], i + 1)
                if i < 0:
                    raise ValueError(f"{art['id']}: occurrence {nth} of {c['surface']!r} not in the text")
            c["start"], c["end"] = i, i + len(c["surface"])
            c.setdefault("high", c["low"])
            for key in ("currency", "unit", "noun", "per"):
                c.setdefault(key, None)
            claims.append(c)
        claims.sort(key=lambda c: c["start"])
        for nc in art["not_claims"]:
            if nc not in text:
                raise ValueError(f"{art['id']}: not-claim {nc!r} not in the text")
        out.append(dict(id=art["id"], outlet=art["outlet"], title=art["title"], published=art["published"],
                        text=text, claims=claims, not_claims=art["not_claims"]))
    return out


def render(articles: list[dict]) -> str:
    """The gold JSONL of ``articles``, one article a line."""
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in build(articles))
