"""Regenerate ``lexicon.json``, the unit and currency lexicon extraction reads, from quantulum3 and CLDR.

    python -m workbench.extract.build_lexicon          # rewrites workbench/extract/lexicon.json
    python -m workbench.extract.build_lexicon --check  # exits 1 when the committed file is out of date

quantulum3's strength is its unit knowledge: several hundred units with their entity (length, data storage,
pressure, ...), surface forms (plurals, spellings, prefixed forms such as "millilitre") and symbols ("mL",
"GB", "Hz", "µm"). Loading it costs seconds of CPU at every start, so it is read here, once, and the result
is committed beside the package. Currency names and symbols come from quantulum3 and from the Unicode CLDR
English data (through Babel), which knows every ISO 4217 code, current and historic ("Finnish Markka",
"CA$", "HK$"). Neither library is imported when the workbench runs.

quantulum3's "common words" (surfaces that are also everyday English: "pair", "point", "mill", "won") are
recorded, so that extraction accepts such a word as a unit only when the number's context says so.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "lexicon.json"

# Entities that are not measures of a thing (quantulum3's "dimensionless" holds "pair", "dozen", "percentage";
# currencies are read separately).
_SKIP_ENTITIES = {"dimensionless", "currency", "unknown", "typographical element"}


def build() -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3
        from quantulum3 import load
        import babel
        from babel import Locale

    units = load.units("en_US")
    by_name: dict[str, object] = {}
    for table in (units.surfaces_all, units.symbols_all):
        for found in table.values():
            for u in found:
                by_name.setdefault(u.name, u)
    out_units: dict[str, dict] = {}
    for name, u in sorted(by_name.items()):
        ent = u.entity.name
        if ent in _SKIP_ENTITIES:
            continue
        surfaces = sorted({s.lower() for s, us in units.surfaces_all.items() if any(x.name == name for x in us)})
        symbols = sorted({s for s, us in units.symbols_all.items() if any(x.name == name for x in us)})
        if not surfaces and not symbols:
            continue
        out_units[name] = {"entity": ent, "surfaces": surfaces, "symbols": symbols}

    # quantulum3's list of everyday words; only those that are also a unit's surface or symbol matter here
    common: set[str] = set()
    try:
        common_path = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "common-words.json"
        data = json.loads(common_path.read_text(encoding="utf-8"))
        for v in (data.values() if isinstance(data, dict) else [data]):
            common.update(w.lower() for w in v if isinstance(w, str))
    except (OSError, ValueError):
        pass
    forms = {f.lower() for u in out_units.values() for f in u["surfaces"] + u["symbols"]}
    english = set(common)
    common &= forms

    en = Locale("en")
    currencies: dict[str, dict] = {}
    for code, label in sorted(en.currencies.items()):
        name = label.split(" (")[0].strip().lower()
        plural = en._data["currency_names_plural"].get(code, {}) if "currency_names_plural" in en._data else {}
        names = {name}
        if isinstance(plural, dict):
            names.update(p.split(" (")[0].strip().lower() for p in plural.values() if isinstance(p, str))
        sym = en.currency_symbols.get(code)
        symbols = {sym} if sym and sym != code else set()
        currencies[code] = {"name": name, "names": sorted(names), "symbols": sorted(symbols)}
    for u in units.names.values():
        if u.entity.name != "currency" or not u.currency_code:
            continue
        c = currencies.setdefault(u.currency_code, {"name": u.name, "names": [], "symbols": []})
        c["names"] = sorted(set(c["names"]) | {s.lower() for s in u.surfaces})
        c["symbols"] = sorted(set(c["symbols"]) | {s for s in u.symbols if s != u.currency_code})

    return {
        "source": f"quantulum3 {getattr(quantulum3, '__version__', '?')} units (en_US); "
                  f"CLDR English currency names via Babel {babel.__version__}",
        "units": out_units,
        "common_words": sorted(common),
        "currencies": currencies,
        # currency codes that are also everyday English words ("all", "top"): read as codes only when ours
        "english_words": sorted(c.lower() for c in currencies if c.lower() in english),
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print("lexicon.json is up to date" if same else "lexicon.json is out of date: run without --check")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
