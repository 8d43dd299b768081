"""Units: the one table of unit names, symbols, dimensions and factors to each dimension's base unit.

Extraction reads units with it (the words and symbols written after a number), and grouping and
evaluation compare claims after conversion with it, so that ``12,500 hectare`` equals ``125 square
kilometre``, ``45 minute`` equals ``0.75 hour`` and ``25 percent`` equals the ratio ``0.25``. Base units:
second (time), square metre (area), metre (length), kilogram (mass), litre (volume), watt (power), joule
(energy), metre per second (speed), degree Celsius (temperature).

Unit names are the canonical singular British spellings of the claim contract (``hectare``, ``square
kilometre``, ``gigawatt``, ``celsius``); :func:`lookup` also accepts plurals, American spellings, common
symbols and quantulum3's names. A unit nobody knows keeps its own name as its dimension, so two claims in
the same unknown unit still compare, and never with anything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # canonical singular name used in claims
    dimension: str  # time, length, area, mass, volume, power, energy, speed, temperature, ...
    factor: float  # value_in_base = value * factor + offset
    offset: float = 0.0  # added after factor (temperatures)

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset


def _u(name: str, dimension: str, factor: float, offset: float = 0.0) -> tuple[str, Unit]:
    return name, Unit(name, dimension, factor, offset)


YEAR_SECONDS = 365.25 * 86400

UNITS: dict[str, Unit] = dict([
    # time; base: second
    _u("second", "time", 1), _u("minute", "time", 60), _u("hour", "time", 3600), _u("day", "time", 86400),
    _u("week", "time", 7 * 86400), _u("fortnight", "time", 14 * 86400), _u("month", "time", YEAR_SECONDS / 12),
    _u("quarter", "time", YEAR_SECONDS / 4), _u("year", "time", YEAR_SECONDS),
    _u("decade", "time", 10 * YEAR_SECONDS), _u("century", "time", 100 * YEAR_SECONDS),
    # area; base: square metre
    _u("square metre", "area", 1), _u("square kilometre", "area", 1e6), _u("hectare", "area", 1e4),
    _u("acre", "area", 4046.8564224), _u("square mile", "area", 2589988.110336),
    _u("square foot", "area", 0.09290304), _u("square yard", "area", 0.83612736),
    # length; base: metre
    _u("millimetre", "length", 1e-3), _u("centimetre", "length", 1e-2), _u("metre", "length", 1),
    _u("kilometre", "length", 1e3), _u("inch", "length", 0.0254), _u("foot", "length", 0.3048),
    _u("yard", "length", 0.9144), _u("mile", "length", 1609.344), _u("nautical mile", "length", 1852),
    # mass; base: kilogram
    _u("milligram", "mass", 1e-6), _u("gram", "mass", 1e-3), _u("kilogram", "mass", 1),
    _u("tonne", "mass", 1000), _u("ton", "mass", 1000), _u("pound", "mass", 0.45359237),
    _u("ounce", "mass", 0.028349523125), _u("stone", "mass", 6.35029318),
    # volume; base: litre
    _u("millilitre", "volume", 1e-3), _u("litre", "volume", 1), _u("cubic metre", "volume", 1000),
    _u("gallon", "volume", 3.785411784), _u("barrel", "volume", 158.987294928),
    # power; base: watt
    _u("watt", "power", 1), _u("kilowatt", "power", 1e3), _u("megawatt", "power", 1e6),
    _u("gigawatt", "power", 1e9), _u("terawatt", "power", 1e12),
    # energy; base: joule
    _u("joule", "energy", 1), _u("kilowatt hour", "energy", 3.6e6), _u("megawatt hour", "energy", 3.6e9),
    _u("gigawatt hour", "energy", 3.6e12), _u("terawatt hour", "energy", 3.6e15),
    # speed; base: metre per second
    _u("metre per second", "speed", 1), _u("kilometre per hour", "speed", 1 / 3.6),
    _u("mile per hour", "speed", 0.44704), _u("knot", "speed", 1852 / 3600),
    # temperature; base: degree Celsius
    _u("celsius", "temperature", 1), _u("fahrenheit", "temperature", 5 / 9, -160 / 9),
    _u("kelvin", "temperature", 1, -273.15),
    # age; base: year of age (an age is not a length of time: it is not grouped with durations)
    _u("year of age", "age", 1), _u("month of age", "age", 1 / 12), _u("week of age", "age", 7 / 365.25),
    _u("day of age", "age", 1 / 365.25),
    # torque; base: newton metre
    _u("newton metre", "torque", 1), _u("pound-foot", "torque", 1.3558179483314004),
    # other
    _u("magnitude", "magnitude", 1), _u("degree", "angle", 1), _u("horsepower", "power", 745.69987158227022),
])

# Units of the duration kind (a claim in one of these is a duration, not a measure).
TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade", "century"}

# Surface forms written after a number, case-insensitive, as whole words (plural or singular).
UNIT_WORDS: dict[str, str] = {
    "seconds": "second", "second": "second", "secs": "second", "sec": "second",
    "minutes": "minute", "minute": "minute", "mins": "minute", "min": "minute",
    "hours": "hour", "hour": "hour", "hrs": "hour", "hr": "hour",
    "days": "day", "day": "day", "weeks": "week", "week": "week", "fortnights": "fortnight", "fortnight": "fortnight",
    "months": "month", "month": "month", "years": "year", "year": "year", "yrs": "year", "yr": "year",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "degrees celsius": "celsius", "degree celsius": "celsius", "degrees centigrade": "celsius",
    "degrees fahrenheit": "fahrenheit", "degree fahrenheit": "fahrenheit", "degrees kelvin": "kelvin",
    "kelvin": "kelvin", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "kilometres": "kilometre", "kilometre": "kilometre", "kilometers": "kilometre", "kilometer": "kilometre",
    "metres": "metre", "metre": "metre", "meters": "metre", "meter": "metre",
    "centimetres": "centimetre", "centimetre": "centimetre", "centimeters": "centimetre", "centimeter": "centimetre",
    "millimetres": "millimetre", "millimetre": "millimetre", "millimeters": "millimetre", "millimeter": "millimetre",
    "nautical miles": "nautical mile", "nautical mile": "nautical mile", "miles": "mile", "mile": "mile",
    "feet": "foot", "foot": "foot", "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard",
    "hectares": "hectare", "hectare": "hectare", "acres": "acre", "acre": "acre",
    "square kilometres": "square kilometre", "square kilometre": "square kilometre",
    "square kilometers": "square kilometre", "square kilometer": "square kilometre",
    "sq km": "square kilometre", "sq kilometres": "square kilometre",
    "square miles": "square mile", "square mile": "square mile", "sq miles": "square mile", "sq mi": "square mile",
    "square metres": "square metre", "square metre": "square metre", "square meters": "square metre",
    "square meter": "square metre", "sq m": "square metre",
    "square feet": "square foot", "square foot": "square foot", "sq ft": "square foot",
    "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "kilo": "kilogram",
    "grams": "gram", "gram": "gram", "milligrams": "milligram", "milligram": "milligram",
    "metric tonnes": "tonne", "metric tons": "tonne", "tonnes": "tonne", "tonne": "tonne", "tons": "ton", "ton": "ton",
    "ounces": "ounce", "ounce": "ounce",
    "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre",
    "millilitres": "millilitre", "millilitre": "millilitre", "milliliters": "millilitre", "milliliter": "millilitre",
    "gallons": "gallon", "gallon": "gallon", "barrels": "barrel", "barrel": "barrel",
    "cubic metres": "cubic metre", "cubic metre": "cubic metre", "cubic meters": "cubic metre",
    "cubic meter": "cubic metre",
    "watts": "watt", "watt": "watt", "kilowatts": "kilowatt", "kilowatt": "kilowatt",
    "megawatts": "megawatt", "megawatt": "megawatt", "gigawatts": "gigawatt", "gigawatt": "gigawatt",
    "terawatts": "terawatt", "terawatt": "terawatt",
    "kilowatt hours": "kilowatt hour", "kilowatt-hours": "kilowatt hour", "kilowatt hour": "kilowatt hour",
    "megawatt hours": "megawatt hour", "megawatt-hours": "megawatt hour", "megawatt hour": "megawatt hour",
    "gigawatt hours": "gigawatt hour", "gigawatt-hours": "gigawatt hour", "gigawatt hour": "gigawatt hour",
    "terawatt hours": "terawatt hour", "terawatt-hours": "terawatt hour", "terawatt hour": "terawatt hour",
    "miles per hour": "mile per hour", "miles an hour": "mile per hour", "mph": "mile per hour",
    "kilometres per hour": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "kilometres an hour": "kilometre per hour", "kilometers an hour": "kilometre per hour",
    "knots": "knot", "metres per second": "metre per second", "meters per second": "metre per second",
    "magnitude": "magnitude",
    # common misspellings of the temperature scales
    "celcius": "celsius", "farenheit": "fahrenheit", "fahrenheight": "fahrenheit", "centigrade": "celsius",
    # torque and engine power
    "pound-feet": "pound-foot", "pound-foot": "pound-foot", "pound feet": "pound-foot", "lb-ft": "pound-foot",
    "lb ft": "pound-foot", "newton metres": "newton metre", "newton metre": "newton metre",
    "newton meters": "newton metre", "newton-metres": "newton metre", "horsepower": "horsepower",
}
# Symbols, case-sensitive; may be written against the digits ("41.2C", "12km", "9.6 GW").
UNIT_SYMBOLS: dict[str, str] = {
    "°C": "celsius", "° C": "celsius", "ºC": "celsius", "C": "celsius", "°F": "fahrenheit", "ºF": "fahrenheit",
    "F": "fahrenheit", "K": "kelvin",
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "mi": "mile", "ft": "foot",
    "ha": "hectare", "km2": "square kilometre", "km²": "square kilometre", "sq km": "square kilometre",
    "m2": "square metre", "m²": "square metre",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "t": "tonne", "lb": "pound", "lbs": "pound", "oz": "ounce",
    "l": "litre", "L": "litre", "ml": "millilitre", "mL": "millilitre", "bbl": "barrel", "m3": "cubic metre", "m³": "cubic metre",
    "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt",
    "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour",
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "kmh": "kilometre per hour",
    "kmph": "kilometre per hour", "km/hr": "kilometre per hour", "mph": "mile per hour", "m/s": "metre per second", "kt": "knot",
    "h": "hour", "hrs": "hour", "hr": "hour", "min": "minute", "mins": "minute", "s": "second",
    "yrs": "year", "yr": "year", "Nm": "newton metre", "hp": "horsepower", "bhp": "horsepower",
}
# Symbols that are only a unit when written against the digits ("41.2C", "24h"), never after a space.
ATTACHED_ONLY_SYMBOLS = {"C", "F", "K", "g", "t", "l", "h", "s", "W", "L", "m"}

# quantulum3 unit names that differ from ours.
QUANTULUM_UNIT_NAMES = {
    "degree Celsius": "celsius", "degree fahrenheit": "fahrenheit", "degree Fahrenheit": "fahrenheit",
    "kilometre per hour": "kilometre per hour", "mile per hour": "mile per hour", "pound-mass": "pound",
    "metre per second": "metre per second", "kilowatt hour": "kilowatt hour", "megawatt hour": "megawatt hour",
    "gigawatt hour": "gigawatt hour", "terawatt hour": "terawatt hour",
}

# Dimensions whose values are compared on an absolute scale near zero: a relative difference between 0.5 C
# and 1 C means little. The floor is the magnitude below which differences are measured against it.
ABSOLUTE_FLOOR: dict[str, float] = {"temperature": 10.0}

# Names :func:`lookup` reads besides the canonical ones: every word and symbol extraction reads (symbols
# lowercased), quantulum3's names, and a few more abbreviations and spellings.
_ALIASES: dict[str, str] = {
    **{k.lower(): v for k, v in UNIT_SYMBOLS.items()},
    **{k.lower(): v for k, v in QUANTULUM_UNIT_NAMES.items()},
    **UNIT_WORDS,
    # symbols and abbreviations (matched case-sensitively first, then lowercased)
    "s": "second", "sec": "second", "secs": "second", "min": "minute", "mins": "minute", "h": "hour",
    "hr": "hour", "hrs": "hour", "yr": "year", "yrs": "year", "wk": "week", "wks": "week",
    "m2": "square metre", "m²": "square metre", "sq m": "square metre", "km2": "square kilometre",
    "km²": "square kilometre", "sq km": "square kilometre", "ha": "hectare", "sq mi": "square mile",
    "sq ft": "square foot", "mm": "millimetre", "cm": "centimetre", "m": "metre", "km": "kilometre",
    "in": "inch", "ft": "foot", "feet": "foot", "yd": "yard", "mi": "mile", "mg": "milligram", "g": "gram",
    "kg": "kilogram", "kilo": "kilogram", "kilos": "kilogram", "t": "tonne", "metric ton": "tonne",
    "metric tonne": "tonne", "lb": "pound", "lbs": "pound", "pound-mass": "pound", "pound mass": "pound", "oz": "ounce",
    "ml": "millilitre", "l": "litre", "m3": "cubic metre", "m³": "cubic metre", "bbl": "barrel",
    "w": "watt", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "tw": "terawatt", "j": "joule",
    "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour", "twh": "terawatt hour",
    "m/s": "metre per second", "km/h": "kilometre per hour", "kph": "kilometre per hour",
    "kmh": "kilometre per hour", "mph": "mile per hour", "kt": "knot", "kn": "knot",
    "c": "celsius", "°c": "celsius", "ºc": "celsius", "degree celsius": "celsius", "degree centigrade": "celsius",
    "centigrade": "celsius", "f": "fahrenheit", "°f": "fahrenheit", "ºf": "fahrenheit",
    "degree fahrenheit": "fahrenheit", "k": "kelvin", "degree kelvin": "kelvin",
    # words written with "per"/"an" in them
    "miles an hour": "mile per hour", "kilometres an hour": "kilometre per hour",
    "metres a second": "metre per second",
}

_IRREGULAR_SINGULAR = {"feet": "foot", "inches": "inch", "centuries": "century", "knots": "knot"}


def _singular_phrase(name: str) -> str:
    words = name.split(" ")
    # plural lives on the head word: "square kilometres", "kilowatt hours", "miles per hour", "degrees celsius"
    out = []
    for w in words:
        if w in _IRREGULAR_SINGULAR:
            out.append(_IRREGULAR_SINGULAR[w])
        elif w.endswith("ies") and len(w) > 4:
            out.append(w[:-3] + "y")
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3 and w not in ("celsius", "degrees"):
            out.append(w[:-1])
        else:
            out.append(w)
    return " ".join(out)


_SPACES = re.compile(r"[\s\-_]+")


@lru_cache(maxsize=4096)
def canonical_unit(name: str | None) -> str | None:
    """The canonical name of a unit written in any of its usual forms, or the cleaned name when unknown."""
    if name is None:
        return None
    raw = name.strip()
    if not raw:
        return None
    if raw in UNITS:
        return raw
    if raw.lower() in _ALIASES:
        return _ALIASES[raw.lower()]
    low = _SPACES.sub(" ", raw.lower()).replace("meter", "metre").replace("liter", "litre")
    low = low.replace("degrees ", "degree ")
    for cand in (low, _singular_phrase(low)):
        if cand in UNITS:
            return cand
        if cand in _ALIASES:
            return _ALIASES[cand]
    if low.startswith("degree "):
        rest = low[len("degree "):]
        if rest in UNITS:
            return rest
    return low


def lookup(name: str | None) -> Unit | None:
    """The unit for a name in any usual form (``"hectares"``, ``"km²"``, ``"degree Celsius"``), else None."""
    canon = canonical_unit(name)
    return UNITS.get(canon) if canon else None


@lru_cache(maxsize=4096)
def time_seconds(name: str | None) -> float | None:
    """Seconds in one of a time unit (``"day"`` -> 86400), None when ``name`` is not a unit of time.

    Also reads the words rates are written with: ``"a day"``, ``"each day"``, ``"per day"``, ``"daily"``,
    ``"annually"``, ``"a year"``.
    """
    if not name:
        return None
    low = _SPACES.sub(" ", name.strip().lower())
    for lead in ("per ", "a ", "an ", "each ", "every ", "the "):
        if low.startswith(lead):
            low = low[len(lead):]
    low = _ADVERBS.get(low, low)
    unit = lookup(low)
    if unit is None or unit.dimension != "time":
        return None
    return unit.factor


_ADVERBS = {"hourly": "hour", "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
            "annually": "year", "annual": "year", "quarterly": "quarter", "annum": "year"}


def unit_info(name: str | None) -> Unit | None:
    """The unit of a canonical name exactly as claims write it (``"hectare"``), else None."""
    if not name:
        return None
    return UNITS.get(name)


def to_base(value: float, unit: str | None) -> tuple[str | None, float]:
    """(dimension, value in the dimension's base unit) for a canonical unit name; an unknown unit keeps its
    name as its dimension and its value as it is."""
    u = unit_info(unit)
    if u is None:
        return (unit, value)
    return (u.dimension, u.to_base(value))


def dimension_and_base(value: float, unit: str | None) -> tuple[str, float]:
    """(dimension, value in the base unit). An unknown or missing unit keeps its name as its dimension."""
    u = lookup(unit)
    if u is None:
        return ("unit:" + (canonical_unit(unit) or "?"), value)
    return (u.dimension, u.to_base(value))
