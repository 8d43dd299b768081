"""Typed values the store takes and returns (frozen dataclasses and string enums)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from workbench.models import Claim, Kind, LinkKind, Qualifier


class TargetKind(str, enum.Enum):
    CLAIM = "claim"
    GROUP = "group"
    ARTICLE = "article"  # assignments only: a whole story/article


@dataclass(frozen=True, slots=True)
class Target:
    """What a verdict, final verdict or assignment is about."""

    kind: TargetKind
    id: str

    @classmethod
    def claim(cls, claim_id: str) -> "Target":
        return cls(TargetKind.CLAIM, claim_id)

    @classmethod
    def group(cls, group_id: str) -> "Target":
        return cls(TargetKind.GROUP, group_id)

    @classmethod
    def article(cls, article_id: str) -> "Target":
        return cls(TargetKind.ARTICLE, article_id)


class VerdictStatus(str, enum.Enum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


class ClaimStatus(str, enum.Enum):
    """Where a claim (or group) stands in review; a group verdict counts for its claims."""

    UNREVIEWED = "unreviewed"
    DRAFT = "draft"  # somebody saved a draft, nobody submitted
    SUBMITTED = "submitted"  # at least one submitted verdict, no final verdict
    DISPUTED = "disputed"  # submitted verdicts that differ, no final verdict (workbench.store.disputes)
    FINAL = "final"  # a final verdict exists


class Role(str, enum.Enum):
    ADMIN = "admin"
    LEAD = "lead"
    REVIEWER = "reviewer"


@dataclass(frozen=True, slots=True)
class User:
    """A person who writes to the store (a reviewer in single-user mode; an account in team mode)."""

    id: int
    name: str
    display_name: str
    role: Role
    disabled: bool
    has_password: bool
    external_id: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class ScaleLabel:
    id: int
    scale_id: int
    label: str
    rating_value: int | None  # ClaimReview ratingValue; None: not a rating of the claim's accuracy
    position: int
    key: str | None
    inaccurate: bool
    description: str = ""


@dataclass(frozen=True, slots=True)
class Scale:
    id: int
    name: str
    is_default: bool
    labels: tuple[ScaleLabel, ...]

    @property
    def best_rating(self) -> int | None:
        values = [lab.rating_value for lab in self.labels if lab.rating_value is not None]
        return max(values) if values else None

    @property
    def worst_rating(self) -> int | None:
        values = [lab.rating_value for lab in self.labels if lab.rating_value is not None]
        return min(values) if values else None

    def label(self, name_or_key: str) -> ScaleLabel:
        for lab in self.labels:
            if lab.label == name_or_key or (lab.key is not None and lab.key == name_or_key):
                return lab
        raise KeyError(name_or_key)


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """A label when creating a scale."""

    label: str
    rating_value: int | None
    key: str | None = None
    inaccurate: bool = False
    description: str = ""


@dataclass(frozen=True, slots=True)
class SourceInput:
    """A source as a reviewer enters it. ``value``/``unit``/``as_of``: the figure the source gives."""

    url: str
    title: str | None = None
    publisher: str | None = None
    accessed: str | None = None  # ISO date the reviewer read it
    archived_url: str | None = None
    value: float | None = None
    unit: str | None = None
    as_of: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Gap:
    """Claimed minus sourced figure, and that difference as a percent of the sourced figure."""

    claimed: float
    sourced: float
    difference: float
    percent: float | None  # None when the source figure is 0


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    verdict_id: int
    url: str
    title: str | None
    publisher: str | None
    accessed: str | None
    archived_url: str | None
    value: float | None
    unit: str | None
    as_of: str | None
    note: str
    claimed_value: float | None
    gap: float | None
    gap_pct: float | None
    added_by: int
    added_at: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """One reviewer's verdict on a claim or group (draft or submitted)."""

    id: int
    target: Target
    reviewer_id: int
    reviewer: str
    label_id: int | None
    label: str | None
    rating_value: int | None
    status: VerdictStatus
    note: str
    version: int
    created_at: str
    updated_at: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class FinalVerdict:
    id: int
    target: Target
    label_id: int
    label: str
    rating_value: int | None
    note: str
    version: int
    decided_by_id: int
    decided_by: str
    decided_at: str
    basis_verdict_id: int | None


@dataclass(frozen=True, slots=True)
class Correction:
    """A reviewer's correction of an extraction: the right value, unit, noun, or "not a claim"."""

    id: int
    claim_id: str
    reviewer_id: int
    reviewer: str
    low: float | None
    high: float | None
    unit: str | None
    noun: str | None
    not_a_claim: bool
    note: str
    version: int
    updated_at: str


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Filters for the review queue; every field narrows the result, None means "any".

    ``status`` counts everybody's verdicts unless ``status_for`` names a reviewer (blind review: only that
    reviewer's own verdicts count). ``text`` matches sentence, surface, noun and article title,
    case-insensitively.
    """

    outlet: str | None = None
    article_id: str | None = None
    group_id: str | None = None
    kind: Kind | None = None
    status: ClaimStatus | None = None
    status_for: int | None = None
    discrepant_only: bool = False
    assigned_to: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class GroupFilter:
    outlet: str | None = None
    kind: Kind | None = None
    status: ClaimStatus | None = None
    status_for: int | None = None
    discrepant_only: bool = False
    min_outlets: int = 1
    assigned_to: int | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """A claim as the review queue shows it, with its article, group and review state."""

    id: str
    article_id: str
    article_title: str
    outlet: str
    url: str | None
    published: str | None
    start: int
    end: int
    surface: str
    sentence: str
    sentence_start: int | None
    kind: Kind
    low: float
    high: float
    qualifier: Qualifier
    currency: str | None
    unit: str | None
    noun: str | None
    attribution: str | None
    per: str | None
    group_id: str | None
    group_size: int
    discrepant: bool
    status: ClaimStatus
    final_label: str | None  # the final verdict in force: the claim's own, else its group's
    final_version: int  # version of the claim's own final verdict (0: none yet)
    quantity: str | None = None  # what the value is a value of, as the extractor read it

    @property
    def value(self) -> float:
        return (self.low + self.high) / 2.0

    def to_claim(self) -> Claim:
        return Claim(
            article=self.article_id, start=self.start, end=self.end, surface=self.surface,
            sentence=self.sentence, kind=self.kind, low=self.low, high=self.high,
            qualifier=self.qualifier, currency=self.currency, unit=self.unit, noun=self.noun,
            attribution=self.attribution, per=self.per, outlet=self.outlet,
            sentence_start=self.sentence_start, group=self.group_id, quantity=self.quantity,
            published=self.published,
        )


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: str
    label: str
    kind: Kind
    unit: str | None
    currency: str | None
    noun: str | None
    size: int
    n_outlets: int
    outlets: tuple[str, ...]
    representative: str
    min_value: float
    median_value: float
    max_value: float
    spread_pct: float
    discrepant: bool
    status: ClaimStatus
    final_label: str | None
    final_version: int
    quantity: str | None = None  # what the group's claims measure
    # where the group's review stands, following its claims' verdicts too (workbench.store.disputes);
    # ``status`` is the state of the verdicts given on the group itself, which the status filter selects by
    review: ClaimStatus = ClaimStatus.UNREVIEWED


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: ClaimRow
    verdicts: tuple[Verdict, ...]  # on the claim itself
    group_verdicts: tuple[Verdict, ...]  # on its group (apply unless the reviewer has a claim verdict)
    final: FinalVerdict | None
    group_final: FinalVerdict | None
    corrections: tuple[Correction, ...]


@dataclass(frozen=True, slots=True)
class GroupDetail:
    group: GroupRow
    claims: tuple[ClaimRow, ...]
    verdicts: tuple[Verdict, ...]
    final: FinalVerdict | None
    claim_verdicts: tuple[Verdict, ...]  # per-claim exceptions inside the group
    claim_finals: tuple[FinalVerdict, ...]


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article as a picker lists it: no text, with the number of claims read from it."""

    id: str
    outlet: str
    title: str
    published: str | None
    claims: int


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    outlet: str
    title: str
    url: str | None
    published: str | None
    text: str
    source: str | None
    content_hash: str
    imported_at: str
    claims: tuple[ClaimRow, ...]


@dataclass(frozen=True, slots=True)
class RefusedFile:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    articles_new: int
    articles_present: int
    claims_new: int
    claims_dropped: int  # e.g. inside page furniture
    groups: int  # groups in the database after the import
    refused: tuple[RefusedFile, ...]
    verdicts_carried: int  # group verdicts moved to a regrouped group
    dry_run: bool
    new_article_ids: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        head = "Dry run (nothing stored)" if self.dry_run else "Imported"
        out = [
            f"{head}: {self.articles_new} new article(s), {self.articles_present} already present, "
            f"{self.claims_new} claim(s), {self.groups} group(s) "
            f"{'the database would hold' if self.dry_run else 'in the database'} (one per fact, one outlet or more)",
        ]
        if self.claims_dropped:
            out.append(f"  {self.claims_dropped} number(s) in page furniture left out")
        if self.verdicts_carried:
            out.append(f"  {self.verdicts_carried} group verdict(s) carried to regrouped groups")
        for r in self.refused:
            out.append(f"  refused {r.path}: {r.reason}")
        return out


@dataclass(frozen=True, slots=True)
class RegroupReport:
    groups: int
    changed: int  # groups created or dissolved
    verdicts_carried: int


@dataclass(frozen=True, slots=True)
class StoredOverride:
    id: int
    kind: LinkKind
    a: str
    b: str
    created_by: int | None
    created_at: str


@dataclass(frozen=True, slots=True)
class Assignment:
    id: int
    target: Target
    user_id: int
    assigned_by: int | None
    assigned_at: str


@dataclass(frozen=True, slots=True)
class ReviewerProgress:
    reviewer_id: int
    reviewer: str
    drafts: int
    submitted: int
    claims_covered: int  # claims with a submitted verdict by this reviewer (own or via the group)


@dataclass(frozen=True, slots=True)
class OutletRating:
    outlet: str
    claims: int
    rated: int  # claims with a verdict in force that carries a rating
    inaccurate: int

    @property
    def inaccurate_rate(self) -> float | None:
        return self.inaccurate / self.rated if self.rated else None


@dataclass(frozen=True, slots=True)
class Stats:
    claims: int
    articles: int
    outlets: int
    groups: int
    discrepant_groups: int
    reviewed_claims: int  # claims with a submitted or final verdict in force, or disputed
    final_claims: int
    per_reviewer: tuple[ReviewerProgress, ...]
    verdict_distribution: tuple[tuple[str, int], ...]  # label -> claims, in scale order (disputed ones not)
    by_outlet: tuple[OutletRating, ...]
    disputed_claims: int = 0  # claims whose submitted verdicts differ, no final verdict yet


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor_id: int | None
    actor: str | None
    action: str
    entity: str
    entity_id: str | None
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class StoreInfo:
    url: str  # password hidden
    dialect: str
    revision: str | None
    head: str
