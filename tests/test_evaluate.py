"""The evaluator: matching and metrics on small gold files written here, plus the gold set's thresholds."""

from __future__ import annotations

import json

import pytest

from workbench.errors import InputError
from workbench.evaluate import (EvalReport, GoldClaim, evaluate, format_report, head_word, load_gold, score,
                                value_agrees)
from workbench.models import Claim, Kind, Qualifier


def gold_line(text: str, claims: list[dict], not_claims: list[str] | None = None, id: str = "g1") -> str:
    for c in claims:
        c.setdefault("start", text.index(c["surface"]))
        c.setdefault("end", c["start"] + len(c["surface"]))
        c.setdefault("high", c["low"])
    return json.dumps(dict(id=id, outlet="O", title="", text=text, claims=claims, not_claims=not_claims or []))


def claim(surface: str, text: str, kind: str, low: float, high: float | None = None, **kw) -> Claim:
    start = text.index(surface)
    return Claim(article=kw.pop("article", "g1"), start=start, end=start + len(surface), surface=surface,
                 sentence=text, kind=Kind(kind), low=low, high=low if high is None else high,
                 qualifier=Qualifier(kw.pop("qualifier", "exact")), **kw)


def g(kind: str, low: float, high: float | None = None, **kw) -> GoldClaim:
    return GoldClaim(surface="x", start=0, end=1, kind=kind, low=low, high=low if high is None else high, **kw)


def c(kind: str, low: float, high: float | None = None, **kw) -> Claim:
    return Claim(article="a", start=0, end=1, surface="x", sentence="x", kind=Kind(kind), low=low,
                 high=low if high is None else high, **kw)


VALUE_CASES = [
    (g("percent", 25), c("ratio", 0.25), True),
    (g("ratio", 0.2), c("percent", 20.1), True),
    (g("count", 1000), c("count", 1009), True),
    (g("count", 1000), c("count", 1011), False),
    (g("money", 5e6, currency="GBP"), c("money", 5e6, currency="GBP"), True),
    (g("money", 5e6, currency="GBP"), c("money", 5e6, currency="USD"), False),
    (g("duration", 45, unit="minute"), c("duration", 0.75, unit="hour"), True),
    (g("measure", 125, unit="square kilometre"), c("measure", 12500, unit="hectare"), True),
    (g("measure", 100, unit="celsius"), c("measure", 212, unit="fahrenheit"), True),
    (g("measure", 9.6, unit="gigawatt"), c("measure", 9.6, unit="megawatt"), False),
    (g("count", 5), c("duration", 5, unit="year"), False),
    (g("count", 90, high=100), c("count", 90, high=100), True),
    (g("count", 90, high=100), c("count", 95), False),
]


@pytest.mark.parametrize("gold,pred,agrees", VALUE_CASES)
def test_value_agreement(gold, pred, agrees):
    assert value_agrees(gold, pred) is agrees


@pytest.mark.parametrize("noun,head", [("Russian troops", "troop"), ("troops", "troop"), ("homes", "home"),
                                       ("new homes", "home"), ("people", "person"), ("staff", "staff"),
                                       ("aircraft", "aircraft"), ("bus", "bus"), (None, None), ("", None)])
def test_head_word(noun, head):
    assert head_word(noun) == head


TEXT = "About 4,200 workers left on March 14. Costs hit £48m a day, 12% more. It was the third strike."


@pytest.fixture()
def gold_file(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(gold_line(TEXT, [
        dict(surface="About 4,200", low=4200, kind="count", qualifier="approx", noun="workers", fact="w"),
        dict(surface="£48m a day", low=48e6, kind="money", currency="GBP", per="day", fact="c"),
        dict(surface="12%", low=12, kind="percent", fact="p"),
    ], ["March 14", "third"]) + "\n", encoding="utf-8")
    return p


def test_score_counts_hits_values_nouns_qualifiers_and_non_claims(gold_file):
    gold = load_gold(gold_file)
    preds = [
        claim("4,200 workers", TEXT, "count", 4200, noun="workers"),  # hit, value ok, qualifier wrong
        claim("£48m", TEXT, "money", 48e6, currency="USD"),  # hit, wrong currency
        claim("14", TEXT, "count", 14),  # overlaps a not-claim
        claim("12%", TEXT, "percent", 12),  # hit, right
    ]
    r = score(gold, {"g1": preds}, group=False)
    assert (r.detection.tp, r.detection.predicted, r.detection.gold) == (3, 4, 3)
    assert r.detection.precision == pytest.approx(0.75) and r.detection.recall == pytest.approx(1.0)
    assert (r.value.tp, r.value.predicted, r.value.gold) == (2, 4, 3)
    assert r.value.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert r.noun_accuracy == 1.0 and r.noun_total == 1
    assert r.qualifier_accuracy == 0.5 and r.qualifier_total == 2
    assert r.non_claim_hits == 1 and "March 14" in r.non_claim_list[0]
    assert r.grouping is None


def test_one_prediction_per_gold_claim(gold_file):
    gold = load_gold(gold_file)
    twice = [claim("12%", TEXT, "percent", 12), claim("12% more", TEXT, "percent", 12)]
    r = score(gold, {"g1": twice}, group=False)
    assert r.detection.tp == 1 and r.detection.predicted == 2


def test_evaluate_runs_the_extractor_and_reports(gold_file):
    r = evaluate(gold_file, group=False)
    assert isinstance(r, EvalReport)
    assert r.detection.gold == 3
    assert r.non_claim_hits == 0
    d = r.to_dict()
    assert d["value"]["gold"] == 3 and json.dumps(d)
    table = format_report(r)
    assert "detection" in table and "value" in table and "noun accuracy" in table


@pytest.mark.parametrize("content,problem", [
    ("{not json\n", "line is not valid JSON"),
    ('["a list"]\n', "line is not a JSON object"),
    ('{"id": "x", "text": "t"}\n', "missing field 'claims'"),
    ('{"id": "x", "text": "abc", "claims": [{"surface": "b", "start": 0, "end": 1, "kind": "count", "low": 1}]}\n',
     "claim 0: text[0:1] is not 'b'"),
])
def test_bad_gold_lines_name_file_line_and_problem(tmp_path, content, problem):
    p = tmp_path / "bad.jsonl"
    p.write_text("\n" + content, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_gold(p)
    assert str(exc.value).startswith(f"{p}:2: ")
    assert problem in str(exc.value)


def test_missing_gold_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "nope.jsonl")


def test_gold_dev_set_meets_the_targets(gold_dev_path):
    r = evaluate(gold_dev_path)
    assert r.value.f1 >= 0.95, format_report(r, misses=True)
    assert r.noun_accuracy is not None and r.noun_accuracy >= 0.9, format_report(r, misses=True)
    assert r.qualifier_accuracy is not None and r.qualifier_accuracy >= 0.9, format_report(r, misses=True)
    assert r.non_claim_hits == 0, format_report(r, misses=True)


def test_eval_lists_the_discrepant_facts_found_and_missed():
    from pathlib import Path

    from workbench.evaluate import evaluate, format_report

    report = evaluate(Path(__file__).resolve().parent / "data" / "stories.jsonl")
    facts = {d.fact: d for d in report.discrepant}
    # facts whose outlets give different figures, however far apart (a running toll, two crowd counts)
    assert {"quake-deaths", "march-crowd", "quake-magnitude"} <= set(facts)
    assert all(d.status in ("found", "partly", "missed") and len(d.figures) >= 2 for d in report.discrepant)
    assert facts["quake-deaths"].outlets == 4
    found = sum(d.status == "found" for d in report.discrepant)
    text = format_report(report)
    assert f"found {found}," in text and "quake-deaths" in text
    assert "discrepant" in report.to_dict()
