"""The workbench database: SQLAlchemy 2 Core on a SQLite file (default) or PostgreSQL (teams).

Open it::

    from workbench.store import Store, ClaimFilter, Target
    store = Store.open()              # --db URL, else $WORKBENCH_DB, else ./workbench.db; migrates on first use

Public API (all results are frozen dataclasses from :mod:`workbench.store.types`; errors are
:class:`~workbench.errors.StoreError`, :class:`~workbench.errors.InputError` and
:class:`~workbench.review.StaleSaveError` (a :class:`~workbench.errors.ConflictError`)):

Opening and schema
    Store.open(url=None, *, upgrade=True) -> Store;  store.close();  store.info() -> StoreInfo
    store.upgrade() -> (before, after)            # Alembic migrations; a newer database is refused
    resolve_url(url=None) -> str
Import and grouping
    store.import_articles(articles, claims, *, grouper=None, actor_id=None, refused=(), claims_dropped=0,
                          dry_run=False) -> ImportReport            # one transaction: whole or nothing
    (reading and extracting files is the import pipeline above the store: workbench.importing, run by
    workbench.desk.Desk.import_paths; the store regroups with the grouper it is handed)
    store.regroup(*, actor_id=None, grouper=None) -> RegroupReport
    store.add_override(kind, claim_a, claim_b, *, actor_id, grouper=None) -> RegroupReport
    store.add_overrides(links, *, actor_id, grouper=None) -> RegroupReport
    store.remove_override(override_id, *, actor_id, grouper=None) -> RegroupReport
    store.overrides() -> list[StoredOverride];  store.all_claims() -> list[models.Claim]
Queue and detail (filtering and paging in SQL)
    store.claims_page(filters: ClaimFilter = None, offset=0, limit=50) -> (list[ClaimRow], total)
    store.claim_ids_page(filters=None, offset=0, limit=50) -> list[str]   # ids only, no count
    store.groups_page(filters: GroupFilter = None, offset=0, limit=50) -> (list[GroupRow], total)
    store.claim(claim_id) -> ClaimDetail;  store.group_detail(group_id) -> GroupDetail
    store.article(article_id) -> ArticleView;  store.outlets() -> list[str];  store.counts() -> dict
    store.articles_index(*, outlet=None, limit=None) -> list[ArticleRef]   # no text; for pickers
Verdicts (rules in workbench.review)
    store.save_verdict(target, reviewer_id, label, *, note="", submit=False, expected_version=None) -> Verdict
    store.verdict(target, reviewer_id) -> Verdict | None;  store.verdicts(target) -> list[Verdict]
    store.verdicts_by(reviewer_id) -> list[Verdict]
    store.save_final_verdict(target, decided_by, label, *, expected_version, note="",
                             basis_verdict_id=None) -> FinalVerdict
    store.final_verdict(target) -> FinalVerdict | None
    store.add_source(target, reviewer_id, SourceInput) -> Source  (gap computed and kept)
    store.remove_source(source_id, *, actor_id)
    store.record_correction(claim_id, reviewer_id, *, low=None, high=None, unit=None, noun=None,
                            not_a_claim=False, note="", expected_version=None) -> Correction
    store.corrections(claim_id=None) -> list[Correction]
Users, scales, assignments, settings (team mode builds its rules on these)
    store.ensure_reviewer(name) -> User;  store.reviewers() -> list[User];  store.users(include_disabled=True)
    store.create_user(name, *, role, password_hash=None, display_name=None, external_id=None, actor_id=None)
    store.update_user(user_id, *, actor_id, role=None, disabled=None, password_hash=None, display_name=None,
                      external_id=None) -> User
    store.user(id) / store.user_by_name(name) / store.user_by_external_id(sub) -> User | None
    store.password_hash(user_id) -> str | None
    store.scales() -> list[Scale];  store.default_scale() -> Scale
    store.create_scale(name, labels: [LabelSpec], *, actor_id, make_default=False) -> Scale
    store.update_label(label_id, *, actor_id, label=, rating_value=, position=, key=, inaccurate=,
                       description=) -> ScaleLabel;  store.set_default_scale(scale_id, *, actor_id)
    store.assign(target, user_id, *, actor_id) -> Assignment;  store.unassign(target, user_id, *, actor_id)
    store.assignments(*, user_id=None, target=None) -> list[Assignment]
    store.get_setting(key, default=None);  store.set_setting(key, value, *, actor_id)
Dashboard, history, backup
    store.stats() -> Stats;  store.audit_log(*, entity=None, entity_id=None, actor_id=None, since=None,
                                            limit=None) -> list[AuditEntry];  store.iter_audit(...)
    store.backup(dest) -> Path    # SQLite backup API; PostgreSQL: StoreError with the pg_dump command
Exports: see workbench.export (write_verdict_csv, write_history_csv, claimreview, import_verdicts).

Repositories (each function takes the connection of the transaction it runs in; the Store's methods open
that transaction and call them): workbench.store.articles (articles, outlets, claims, the claim queue),
workbench.store.groups (groups, overrides, regrouping, the group queue), workbench.store.queue (review
states as SQL), workbench.store.verdicts, .accounts, .sessions, .assignments, .audit.
"""

from workbench.store.core import Store
from workbench.store.groups import Grouper, IncrementalGrouper, group_id_for, make_group, singleton_group
from workbench.store.engine import resolve_url
from workbench.store.types import (
    ArticleRef,
    ArticleView,
    Assignment,
    AuditEntry,
    ClaimDetail,
    ClaimFilter,
    ClaimRow,
    ClaimStatus,
    Correction,
    FinalVerdict,
    Gap,
    GroupDetail,
    GroupFilter,
    GroupRow,
    ImportReport,
    LabelSpec,
    OutletRating,
    RefusedFile,
    RegroupReport,
    ReviewerProgress,
    Role,
    Scale,
    ScaleLabel,
    Source,
    SourceInput,
    Stats,
    StoredOverride,
    StoreInfo,
    Target,
    TargetKind,
    User,
    Verdict,
    VerdictStatus,
)


__all__ = [
    "Store", "Grouper", "IncrementalGrouper", "group_id_for", "make_group", "singleton_group", "resolve_url",
    "ArticleRef", "ArticleView", "Assignment", "AuditEntry", "ClaimDetail", "ClaimFilter", "ClaimRow",
    "ClaimStatus", "Correction", "FinalVerdict", "Gap", "GroupDetail", "GroupFilter", "GroupRow", "ImportReport",
    "LabelSpec", "OutletRating", "RefusedFile", "RegroupReport", "ReviewerProgress", "Role", "Scale", "ScaleLabel",
    "Source", "SourceInput", "Stats", "StoredOverride", "StoreInfo", "Target", "TargetKind", "User", "Verdict",
    "VerdictStatus",
]
