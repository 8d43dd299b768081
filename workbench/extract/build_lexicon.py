"""Regenerate ``lexicon.json``, the unit and currency lexicon extraction reads, from quantulum3 and CLDR.

    python workbench/extract/build_lexicon.py          # rewrites workbench/extract/lexicon.json
    python workbench/extract/build_lexicon.py --check  # exits 1 when the committed file is out of date

(Run as a script, not as a module of the package: the package reads the file this writes.)

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
import unicodedata
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "lexicon.json"

# Which entity a form shared by several units most likely means in the news.
_ENTITY_ORDER = {e: i for i, e in enumerate((
    "data storage", "data transfer rate", "length", "mass", "volume", "area", "time", "speed", "temperature",
    "power", "energy", "frequency", "pressure", "force", "torque", "angle", "current", "electric potential",
))}

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
    out_units = {name: u.entity.name for name, u in sorted(by_name.items()) if u.entity.name not in _SKIP_ENTITIES}

    def choose(primary: dict, every: dict) -> dict[str, str]:
        """One unit per written form: quantulum3's primary reading first, then the entity news most often
        means (data sizes before base pairs and barns), then the name."""
        out: dict[str, str] = {}
        for form in sorted(set(primary) | set(every)):
            cands = [u for u in (primary.get(form) or every.get(form) or ()) if u.name in out_units]
            if cands:
                best = min(cands, key=lambda u: (_ENTITY_ORDER.get(u.entity.name, len(_ENTITY_ORDER)), u.name))
                out[form] = best.name
        return out

    surfaces = choose({k.lower(): v for k, v in units.surfaces.items()},
                      {k.lower(): v for k, v in units.surfaces_all.items()})
    symbols = choose(units.symbols, units.symbols_all)

    # quantulum3's list of everyday words; only those that are also a unit's surface or symbol matter here
    common: set[str] = set()
    try:
        common_path = Path(quantulum3.__file__).parent / "_lang" / "en_US" / "common-words.json"
        data = json.loads(common_path.read_text(encoding="utf-8"))
        for v in (data.values() if isinstance(data, dict) else [data]):
            common.update(w.lower() for w in v if isinstance(w, str))
    except (OSError, ValueError):
        pass
    forms = {f.lower() for f in list(surfaces) + list(symbols)}
    english = set(common)
    common &= forms

    en = Locale("en")
    currencies: dict[str, dict] = {}
    for code, label in sorted(en.currencies.items()):
        name = label.split(" (")[0].strip().lower()
        qualified = " (" in label  # "Turkish Lira (1922–2005)", "Chinese Yuan (offshore)": not the usual one
        plural = en._data["currency_names_plural"].get(code, {}) if "currency_names_plural" in en._data else {}
        names = {name}
        if isinstance(plural, dict):
            names.update(p.split(" (")[0].strip().lower() for p in plural.values() if isinstance(p, str))
        sym = en.currency_symbols.get(code)
        cur_symbols = {sym} if sym and sym != code else set()
        currencies[code] = {"name": name, "names": sorted(names), "symbols": sorted(cur_symbols), "qualified": qualified}
    # symbols written in the currency's own countries ("₡", "₾", "₭", "GH₵"), from every CLDR locale, where
    # one currency alone uses them
    from babel import localedata

    home: dict[str, set[str]] = {}
    for ident in localedata.locale_identifiers():
        try:
            loc = Locale.parse(ident)
        except (ValueError, LookupError):
            continue
        for code, sym in loc.currency_symbols.items():
            if len(sym) <= 4 and "$" not in sym and any(unicodedata.category(ch) == "Sc" for ch in sym):
                home.setdefault(sym, set()).add(code)
    for sym, codes in home.items():
        if len(codes) == 1 and next(iter(codes)) in currencies:
            c = currencies[next(iter(codes))]
            c["symbols"] = sorted(set(c["symbols"]) | {sym})
    for u in units.names.values():
        if u.entity.name != "currency" or not u.currency_code:
            continue
        c = currencies.setdefault(u.currency_code, {"name": u.name, "names": [], "symbols": [], "qualified": False})
        c["names"] = sorted(set(c["names"]) | {s.lower() for s in u.surfaces})
        c["symbols"] = sorted(set(c["symbols"]) | {s for s in u.symbols if s != u.currency_code})

    # the last word of a currency's name stands for it alone when no other current currency ends so and it
    # is no everyday word: "pesetas", "markka", "zloty" (not "dollar", "pound", "mark", "real")
    heads: dict[str, set[str]] = {}
    for code, c in currencies.items():
        if c["qualified"]:
            continue
        for n in c["names"]:
            if " " in n:
                heads.setdefault(n.split()[-1], set()).add(code)
    one_word = {n for c in currencies.values() for n in c["names"] if " " not in n}
    currency_heads = {w: next(iter(codes)) for w, codes in sorted(heads.items())
                      if len(codes) == 1 and w not in english and len(w) > 4 and w not in one_word
                      and w not in surfaces and "-" not in w}

    return {
        "currency_heads": currency_heads,
        "source": f"quantulum3 {getattr(quantulum3, '__version__', '?')} units (en_US); "
                  f"CLDR English currency names via Babel {babel.__version__}",
        "units": out_units,  # name -> entity
        "surfaces": surfaces,  # lower-case surface -> unit name
        "symbols": symbols,  # symbol as written -> unit name
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
