"""The tables of the workbench database (SQLAlchemy Core metadata).

This module describes the *current* schema, used to build queries. The database itself is created and
changed only by the Alembic migrations in ``workbench/migrations``; a test checks that the migrated
database matches this metadata exactly.

Conventions: times are ISO-8601 UTC text (``2025-03-01T10:15:00.123456+00:00``), which sorts correctly
and reads the same on SQLite and PostgreSQL; before/after images in the audit log are JSON text.
A verdict, final verdict or assignment targets a claim, a group or an article (``target_kind`` +
``target_id``); group ids are derived from their member claim ids, so they carry no foreign key.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("role", String(20), nullable=False, server_default="reviewer"),
    Column("password_hash", Text, nullable=True),
    Column("external_id", String(500), nullable=True, unique=True),  # OIDC subject
    Column("disabled", Boolean, nullable=False, server_default="0"),
    Column("created_at", String(40), nullable=False),
    CheckConstraint("role IN ('admin', 'lead', 'reviewer')", name="role"),
)

outlets = Table(
    "outlets",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(300), nullable=False, unique=True),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(300), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("url", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("source", Text, nullable=True),
    Column("text", Text, nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("imported_by", Integer, ForeignKey("users.id"), nullable=True),
)

groups = Table(
    "groups",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("representative", String(400), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("unit", String(100), nullable=True),
    Column("currency", String(10), nullable=True),
    Column("noun", Text, nullable=True),
    Column("label", Text, nullable=False, server_default=""),
    Column("quantity", Text, nullable=True),  # what the group's claims measure (see workbench.quantity)
    Column("size", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("min_value", Double, nullable=False),
    Column("median_value", Double, nullable=False),
    Column("max_value", Double, nullable=False),
    Column("spread_pct", Double, nullable=False),
    Column("discrepant", Boolean, nullable=False),
    Column("created_at", String(40), nullable=False),
    Index("ix_groups_triage", "discrepant", "n_outlets", "spread_pct"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(400), primary_key=True),
    Column("article_id", String(300), ForeignKey("articles.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("surface", Text, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_start", Integer, nullable=True),
    Column("kind", String(20), nullable=False, index=True),
    Column("low", Double, nullable=False),
    Column("high", Double, nullable=False),
    Column("qualifier", String(20), nullable=False),
    Column("currency", String(10), nullable=True),
    Column("unit", String(100), nullable=True),
    Column("noun", Text, nullable=True),
    Column("attribution", Text, nullable=True),
    Column("per", String(100), nullable=True),
    Column("quantity", Text, nullable=True),  # what the value is a value of, as the extractor read it
    Column("outlet_id", Integer, ForeignKey("outlets.id"), nullable=False, index=True),
    Column("group_id", String(64), ForeignKey("groups.id"), nullable=True, index=True),
    Column("position", Integer, nullable=False),  # stable order: import order
    Index("ix_claims_position", "position"),
)

overrides = Table(
    "overrides",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("claim_a", String(400), ForeignKey("claims.id"), nullable=False),
    Column("claim_b", String(400), ForeignKey("claims.id"), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", String(40), nullable=False),
    UniqueConstraint("claim_a", "claim_b", name="uq_overrides_pair"),
    CheckConstraint("kind IN ('must_link', 'cannot_link')", name="kind"),
    CheckConstraint("claim_a < claim_b", name="ordered"),
)

scales = Table(
    "scales",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("is_default", Boolean, nullable=False, server_default="0"),
)

scale_labels = Table(
    "scale_labels",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("scale_id", Integer, ForeignKey("scales.id"), nullable=False),
    Column("label", String(200), nullable=False),
    Column("rating_value", Integer, nullable=True),  # ClaimReview ratingValue; null: not a rating
    Column("position", Integer, nullable=False),
    Column("key", String(5), nullable=True),  # keyboard shortcut
    Column("inaccurate", Boolean, nullable=False, server_default="0"),  # counts as "rated inaccurate"
    Column("description", Text, nullable=False, server_default=""),
    UniqueConstraint("scale_id", "label", name="uq_scale_labels_label"),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(10), nullable=False),
    Column("target_id", String(400), nullable=False),
    Column("reviewer_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("label_id", Integer, ForeignKey("scale_labels.id"), nullable=True),
    Column("status", String(10), nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    UniqueConstraint("target_kind", "target_id", "reviewer_id", name="uq_verdicts_target_reviewer"),
    CheckConstraint("target_kind IN ('claim', 'group')", name="target_kind"),
    CheckConstraint("status IN ('draft', 'submitted')", name="status"),
)

final_verdicts = Table(
    "final_verdicts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(10), nullable=False),
    Column("target_id", String(400), nullable=False),
    Column("label_id", Integer, ForeignKey("scale_labels.id"), nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("decided_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("decided_at", String(40), nullable=False),
    Column("basis_verdict_id", Integer, ForeignKey("verdicts.id"), nullable=True),
    UniqueConstraint("target_kind", "target_id", name="uq_final_verdicts_target"),
    CheckConstraint("target_kind IN ('claim', 'group')", name="target_kind"),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("verdict_id", Integer, ForeignKey("verdicts.id"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("title", Text, nullable=True),
    Column("publisher", Text, nullable=True),
    Column("accessed", String(40), nullable=True),
    Column("archived_url", Text, nullable=True),
    Column("value", Double, nullable=True),
    Column("unit", String(100), nullable=True),
    Column("as_of", String(40), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Column("claimed_value", Double, nullable=True),
    Column("gap", Double, nullable=True),
    Column("gap_pct", Double, nullable=True),
    Column("added_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("added_at", String(40), nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("claim_id", String(400), ForeignKey("claims.id"), nullable=False),
    Column("reviewer_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("low", Double, nullable=True),
    Column("high", Double, nullable=True),
    Column("unit", String(100), nullable=True),
    Column("noun", Text, nullable=True),
    Column("not_a_claim", Boolean, nullable=False, server_default="0"),
    Column("note", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False),
    Column("updated_at", String(40), nullable=False),
    UniqueConstraint("claim_id", "reviewer_id", name="uq_corrections_claim_reviewer"),
)

assignments = Table(
    "assignments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("target_kind", String(10), nullable=False),
    Column("target_id", String(400), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False, index=True),
    Column("assigned_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("assigned_at", String(40), nullable=False),
    UniqueConstraint("target_kind", "target_id", "user_id", name="uq_assignments_target_user"),
    CheckConstraint("target_kind IN ('claim', 'group', 'article')", name="target_kind"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", String(40), nullable=False),
    Column("actor_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("action", String(50), nullable=False),
    Column("entity", String(50), nullable=False),
    Column("entity_id", String(400), nullable=True),
    Column("before", Text, nullable=True),
    Column("after", Text, nullable=True),
    Index("ix_audit_log_entity", "entity", "entity_id"),
)

# Sign-in sessions (team mode): the browser holds only a signed, HttpOnly cookie naming a random token; the
# table holds the token's SHA-256, so a copy of the database signs nobody in. ``credential`` is a digest of
# the account's password hash at sign-in: a changed password ends every session made with the old one.
# ``handoff_hash`` is the one-time code the sign-in screen's page exchanges for the cookie (then cleared).
sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("token_hash", String(64), nullable=True, unique=True),
    Column("handoff_hash", String(64), nullable=True, unique=True),
    Column("handoff_until", String(40), nullable=True),
    Column("credential", String(64), nullable=False),
    Column("signed_in_at", String(40), nullable=False),
    Column("last_seen_at", String(40), nullable=False),
    Column("ended_at", String(40), nullable=True),
    Column("ended_why", String(40), nullable=True),
    Index("ix_sessions_user", "user_id"),
)

# What a reviewer has typed and not saved yet, per reviewer and item (JSON: field name -> value).
drafts = Table(
    "drafts",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("target_kind", String(10), primary_key=True),
    Column("target_id", String(400), primary_key=True),
    Column("fields", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# What one browser chose (reviewer's name in single-user mode, queue filters), keyed by the SHA-256 of the
# random id in its HttpOnly browser cookie.
browser_prefs = Table(
    "browser_prefs",
    metadata,
    Column("browser_hash", String(64), primary_key=True),
    Column("fields", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)

# Indexes used by queue filters (status and group verdict lookups).
Index("ix_verdicts_target", verdicts.c.target_kind, verdicts.c.target_id)
Index("ix_assignments_target", assignments.c.target_kind, assignments.c.target_id)
# The targets in one review state ("claims with a submitted verdict", "groups with a draft by reviewer 3"),
# read from the index alone; and one target's verdicts in one state (the latest submitted verdict).
Index("ix_verdicts_state", verdicts.c.target_kind, verdicts.c.status, verdicts.c.target_id, verdicts.c.reviewer_id)

# Trigram indexes for the free-text filter (ILIKE '%...%'), PostgreSQL only and only where the pg_trgm
# extension is available: created by migration 0002 when it can be, so they are not part of this metadata.
# (table, column) by index name.
TRIGRAM_INDEXES: dict[str, tuple[str, str]] = {
    "ix_claims_sentence_trgm": ("claims", "sentence"),
    "ix_claims_surface_trgm": ("claims", "surface"),
    "ix_claims_noun_trgm": ("claims", "noun"),
    "ix_articles_title_trgm": ("articles", "title"),
}


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Alembic's filter for comparing the database with this metadata: the optional trigram indexes are
    neither missing where the database could not build them nor extra where it could."""
    return not (type_ == "index" and name in TRIGRAM_INDEXES)

# What grouping reads of each stored article to find its story (see workbench.store.words): its distinct
# content words, how many articles hold each word, and the article's story. Kept so that an import reads
# only the articles near its own; filled on first use when absent (settings key "story_index").
story_words = Table(
    "story_words",
    metadata,
    Column("article_id", String(300), ForeignKey("articles.id"), primary_key=True),
    Column("word", Text, primary_key=True),
    Index("ix_story_words_word", "word"),
)

story_word_counts = Table(
    "story_word_counts",
    metadata,
    Column("word", Text, primary_key=True),
    Column("articles", Integer, nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", String(300), ForeignKey("articles.id"), primary_key=True),
    Column("story", String(300), nullable=False, index=True),
)
