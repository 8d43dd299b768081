"""Typed domain objects shared by every part of the workbench.

These are plain frozen dataclasses and string enums: the library passes them between ingest, extraction,
grouping, the store and exports. Their JSON form (``to_dict``) is the claim output contract of
``workbench extract --format jsonl``.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

# The relative difference under which two figures of one fact agree (0.02: 2%); above it a group is
# discrepant. Grouping uses it, and the command line names it in its help.
DEFAULT_TOLERANCE = 0.02


class Kind(str, enum.Enum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    RATIO = "ratio"
    MEASURE = "measure"
    DURATION = "duration"


class Qualifier(str, enum.Enum):
    EXACT = "exact"
    APPROX = "approx"
    LOWER_BOUND = "lower_bound"
    UPPER_BOUND = "upper_bound"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as imported.

    ``text`` is the text claims are extracted from; offsets of claims index into it. For .jsonl and .csv
    input it is the ``text`` field exactly as given; for .txt and .html it is the cleaned main text.
    """

    id: str
    outlet: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    source: str | None = None  # file the article came from, for error messages and reports

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """Stable hash of an article's text (whitespace-normalised), used for ids and de-duplication."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: a typed number in its context.

    ``low``/``high`` are in the stated unit after scale words ($2.3bn -> 2.3e9); equal for a single value.
    Percent values are in percent (7.5 for 7.5%); ratios are fractions (0.25 for "one in four").
    """

    article: str
    start: int
    end: int
    surface: str
    sentence: str
    kind: Kind
    low: float
    high: float
    qualifier: Qualifier = Qualifier.EXACT
    currency: str | None = None
    unit: str | None = None
    noun: str | None = None
    quantity: str | None = None  # what the value is a value of: "homes destroyed", "cloud sales, change"
    attribution: str | None = None
    per: str | None = None  # rates: "£48m a day" -> per="day"
    outlet: str | None = None
    sentence_start: int | None = None  # offset of ``sentence`` in the article text
    group: str | None = None
    published: str | None = None  # the article's ISO date, when known: grouping reads it to date story keys

    @property
    def id(self) -> str:
        return claim_id(self.article, self.start, self.end)

    @property
    def value(self) -> float:
        """A single representative value: the midpoint of a range, else the value."""
        return (self.low + self.high) / 2.0

    def with_group(self, group: str | None) -> "Claim":
        return replace(self, group=group)

    def to_dict(self) -> dict[str, Any]:
        """The claim output contract: the article's date is the article's, not a field of its claims."""
        d = asdict(self)
        del d["published"]
        d["kind"] = self.kind.value
        d["qualifier"] = self.qualifier.value
        d["id"] = self.id
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        names = {f for f in cls.__dataclass_fields__}  # type: ignore[attr-defined]
        kw = {k: v for k, v in d.items() if k in names}
        kw["kind"] = Kind(kw["kind"])
        kw["qualifier"] = Qualifier(kw.get("qualifier") or "exact")
        kw["low"] = float(kw["low"])
        kw["high"] = float(kw.get("high", kw["low"]) if kw.get("high") is not None else kw["low"])
        return cls(**kw)


def claim_id(article: str, start: int, end: int) -> str:
    return f"{article}:{start}-{end}"


def group_id(claim_ids: Iterable[str]) -> str:
    """A group's id, derived from its members: the same claims always make the same id, whoever groups them."""
    digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode("utf-8")).hexdigest()
    return "g-" + digest[:12]


class LinkKind(str, enum.Enum):
    MUST = "must_link"
    CANNOT = "cannot_link"


@dataclass(frozen=True, slots=True)
class Override:
    """A reviewer's statement that two claims do (must_link) or do not (cannot_link) state the same fact."""

    kind: LinkKind
    a: str  # claim id
    b: str  # claim id


@dataclass(frozen=True, slots=True)
class Group:
    """Claims from different articles that state the same fact."""

    id: str
    claim_ids: tuple[str, ...]
    representative: str  # claim id
    outlets: tuple[str, ...]
    kind: Kind
    unit: str | None
    currency: str | None
    noun: str | None
    min_value: float
    median_value: float
    max_value: float
    spread_pct: float
    discrepant: bool
    label: str = ""  # short human label: the representative's noun/surface
    quantity: str | None = None  # what the group's claims measure, from its members' quantity phrases

    @property
    def size(self) -> int:
        return len(self.claim_ids)


@dataclass(frozen=True, slots=True)
class Grouping:
    """The result of grouping: every claim id in exactly one group."""

    groups: tuple[Group, ...]
    by_claim: dict[str, str] = field(default_factory=dict)  # claim id -> group id
