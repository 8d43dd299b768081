"""Scoring on quantity sets (`workbench eval --format quantity-set`) and the unit lexicon behind extraction."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.errors import InputError
from workbench.evaluate_sets import evaluate_sets, gold_unit_key, load_set, score_set
from workbench.extract.lexicon import lexicon

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT.parent / "shared" / "benchmarks" / "quantity-sets"


def write_set(tmp_path: Path, items: list[dict], name: str = "mine.json") -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(items), encoding="utf-8")
    return p


def test_a_set_is_scored_by_value_and_by_value_and_unit(tmp_path):
    p = write_set(tmp_path, [
        {"text": "The ferry carried 420 passengers and cost $3.5 million.",
         "quantities": [{"value": "420", "normalized_unit": "passenger"},
                        {"value": "3500000", "normalized_unit": "dollar"}]},
        {"text": "Stamps rose by 12 cents.", "quantities": [{"value": "12", "normalized_unit": "cent"}]},
        {"text": "The lake is 40 km long.", "quantities": [{"value": "40", "normalized_unit": "mile"}]},
    ])
    (sc,) = evaluate_sets([p])
    assert (sc.sentences, sc.gold, sc.predicted) == (3, 4, 4)
    assert sc.value_hits == 4  # the value as written agrees: 40 and 40
    assert sc.unit_hits == 3  # but 40 km is not 40 miles
    assert sc.value_unit[2] == pytest.approx(0.75)


def test_a_range_must_match_both_bounds(tmp_path):
    p = write_set(tmp_path, [{"text": "Between 20 and 30 boats sank.",
                              "quantities": [{"value": "20-30", "normalized_unit": "boat"}]}])
    assert score_set("r", load_set(p)).unit_hits == 1
    p2 = write_set(tmp_path, [{"text": "Between 20 and 30 boats sank.",
                               "quantities": [{"value": "20-35", "normalized_unit": "boat"}]}], "two.json")
    assert score_set("r", load_set(p2)).value_hits == 0


@pytest.mark.parametrize("unit, kind, name", [
    ("kilometre per hour", "unit", "kilometre per hour"),
    ("pound-mass", "unit", "pound"),
    ("dollar per share", "money", "USD"),
    ("percentage", "percent", "percent"),
    ("-", "bare", ""),
    ("people", "noun", "person"),
])
def test_gold_unit_names(unit, kind, name):
    key, _ = gold_unit_key(unit)
    assert (key.kind, key.name) == (kind, name)


def test_a_malformed_set_names_the_item_and_field(tmp_path):
    p = write_set(tmp_path, [{"text": "ok", "quantities": []}, {"text": "bad", "quantities": [{"value": "lots"}]}])
    with pytest.raises(InputError, match=r"item 1, quantity 0: 'value' 'lots' is not a number"):
        load_set(p)
    (tmp_path / "nolist.json").write_text('{"text": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="JSON list"):
        load_set(tmp_path / "nolist.json")


def test_the_command_prints_one_row_per_set(tmp_path):
    p = write_set(tmp_path, [{"text": "It weighs 7 kg.", "quantities": [{"value": "7", "normalized_unit": "kilogram"}]}])
    out = subprocess.run([sys.executable, "-m", "workbench", "eval", "--format", "quantity-set", str(p)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:4] == ["set", "sentences", "gold", "pred"]
    assert lines[1].split() == ["mine", "1", "1", "1"] + ["1.000"] * 6


def test_the_gold_format_takes_one_file(tmp_path):
    out = subprocess.run([sys.executable, "-m", "workbench", "eval", "a.jsonl", "b.jsonl"],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 2
    assert "one gold file at a time" in out.stderr


@pytest.mark.skipif(not PUBLIC.is_dir(), reason="the public quantity sets live beside the checkout in ../shared")
def test_public_sets_do_not_regress():
    scores = {sc.name: sc for sc in evaluate_sets(sorted(PUBLIC.glob("*.json")))}
    floors = {"currency": (0.95, 0.88), "dimension": (0.95, 0.85), "age": (0.97, 0.97), "temperature": (0.97, 0.95)}
    for name, (value_f1, unit_f1) in floors.items():
        sc = scores[name]
        assert sc.value[2] >= value_f1 and sc.value_unit[2] >= unit_f1, (name, sc.value, sc.value_unit)


# ---------------------------------------------------------------------------------------------- lexicon

def test_the_lexicon_holds_quantulum3_units_and_cldr_currencies():
    lx = lexicon()
    assert lx.symbols["GB"] == "gigabyte" and lx.symbols["Hz"] == "hertz"
    assert lx.symbols["dm"] == "decimetre" and lx.symbols["rad"] == "radian"
    assert lx.surfaces["pounds per square inch"] == "pound per square inch"
    assert lx.currency_names["finnish markka"] == "FIM"
    assert lx.currency_names["turkish lira"] == "TRY"  # the usual lira, not the one of 1922-2005
    assert lx.currency_symbols["HK$"] == "HKD" and lx.currency_symbols["₡"] == "CRC"
    assert "quarter" not in lx.surfaces  # our own table names it and chose not to read it after numbers


def test_the_lexicon_file_names_its_sources():
    data = json.loads((ROOT / "workbench" / "extract" / "lexicon.json").read_text(encoding="utf-8"))
    assert data["source"].startswith("quantulum3 ")
    assert {"units", "surfaces", "symbols", "currencies", "common_words", "currency_heads"} <= set(data)
