"""The story index: what grouping reads of each stored article to find its story, kept in the database.

Grouping (``workbench.group``) puts articles into stories by the rare content words they share, then groups
claims within a story. A story depends only on the articles near it (those sharing rare words with it), so
an import needs only the new articles' words, the stored articles holding them, and those articles' stories
and claims: never every stored claim. This module keeps, per stored article, its distinct content words
and their dated keys (``story_words``, indexed by word; a dated article holds each word also within its
date span, ``word@a..``, which marks stories once the word alone is too common), how many
articles hold each (``story_word_counts``) and its story id (``story_articles``), and answers the questions
of :class:`workbench.group.StoryIndex` from them.

The store imports nothing above it: the words and stories are computed by the grouper it is handed (an
:class:`IndexingGrouper`, such as ``workbench.importing.default_grouper``). The index is complete when the
settings key ``story_index`` holds :data:`VERSION` (an index of an earlier version, without dated keys or
with overlapping date spans, counts as not current); an import with a grouper that cannot index, or an override change it
cannot follow, clears the key, and the next indexing import rebuilds the index from the stored claims (one
pass, as every import took before the index existed). A freshly migrated database starts that way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.orm import aliased

from workbench.models import Claim, Grouping, LinkKind, Override
from workbench.store import articles as claim_repo
from workbench.store.schema import claims, overrides, settings, story_articles, story_word_counts, story_words

KEY = "story_index"
VERSION = '"3"'  # settings values are JSON text; "2": dated keys indexed; "3": one date span per day
CHUNK = 500  # ids per IN (...) list


class StoryPlan(Protocol):
    regroup: frozenset[str]  # article ids to regroup: stored ones whose story changes, and the new ones
    touched: frozenset[str]  # the stored ones among them
    stories: Mapping[str, str]  # article id -> story id, for each of ``regroup``


class IndexingGrouper(Protocol):
    """A grouper that finds stories from a :class:`SqlStoryIndex` (see ``workbench.importing``)."""

    def __call__(self, claims: list[Claim], links: list[Override]) -> Grouping: ...

    def index_words(self, claims: Sequence[Claim]) -> Mapping[str, Collection[str]]:
        """Per article of ``claims``: its distinct content words."""
        ...

    def stories(self, claims: Sequence[Claim], links: Sequence[Override]) -> Mapping[str, str]:
        """Per article of ``claims``: its story id."""
        ...

    def plan_import(self, index: "SqlStoryIndex", new_words: Mapping[str, Collection[str]],
                    must_links: Sequence[tuple[str, str]], seeds: Collection[str] = ()) -> StoryPlan:
        """What an import of articles with ``new_words`` (and must-links changed at ``seeds``) regroups."""
        ...

    def group(self, claims: list[Claim], links: list[Override], stories: Mapping[str, str]) -> Grouping:
        """The grouping of ``claims``, whose articles' stories are given."""
        ...


def indexes(grouper: Any) -> bool:
    return all(callable(getattr(grouper, name, None)) for name in ("index_words", "stories", "plan_import", "group"))


def _chunks(xs: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(xs), CHUNK):
        yield xs[i:i + CHUNK]


class SqlStoryIndex:
    """:class:`workbench.group.StoryIndex` over the index tables, within one transaction."""

    def __init__(self, conn: Connection):
        self.conn = conn

    def counts(self, words: Collection[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in _chunks(sorted(set(words))):
            out.update((w, n) for w, n in self.conn.execute(
                select(story_word_counts.c.word, story_word_counts.c.articles)
                .where(story_word_counts.c.word.in_(part))))
        return out

    def holders(self, words: Collection[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(sorted(set(words))):
            for w, a in self.conn.execute(select(story_words.c.word, story_words.c.article_id)
                                          .where(story_words.c.word.in_(part))):
                out.setdefault(w, []).append(a)
        return out

    def words_of(self, articles: Collection[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(sorted(set(articles))):
            for a, w in self.conn.execute(select(story_words.c.article_id, story_words.c.word)
                                          .where(story_words.c.article_id.in_(part))):
                out.setdefault(a, []).append(w)
        return out

    def stories_of(self, articles: Collection[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in _chunks(sorted(set(articles))):
            out.update((a, st) for a, st in self.conn.execute(
                select(story_articles.c.article_id, story_articles.c.story)
                .where(story_articles.c.article_id.in_(part))))
        return out

    def members(self, stories: Collection[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for part in _chunks(sorted(set(stories))):
            for s, a in self.conn.execute(select(story_articles.c.story, story_articles.c.article_id)
                                          .where(story_articles.c.story.in_(part))):
                out.setdefault(s, []).append(a)
        return out


# --- state ------------------------------------------------------------------------------------------------


def is_current(conn: Connection) -> bool:
    return conn.execute(select(settings.c.value).where(settings.c.key == KEY)).scalar_one_or_none() == VERSION


def mark_stale(conn: Connection) -> None:
    """The index no longer says what grouping would find: the next indexing import rebuilds it."""
    conn.execute(delete(settings).where(settings.c.key == KEY))


def _mark_current(conn: Connection) -> None:
    if not is_current(conn):
        mark_stale(conn)
        conn.execute(insert(settings).values(key=KEY, value=VERSION))


def must_links(conn: Connection) -> list[tuple[str, str]]:
    """(article, article) of every reviewer's must-link between stored claims."""
    ca, cb = aliased(claims), aliased(claims)
    q = (select(ca.c.article_id, cb.c.article_id)
         .select_from(overrides.join(ca, ca.c.id == overrides.c.claim_a).join(cb, cb.c.id == overrides.c.claim_b))
         .where(overrides.c.kind == LinkKind.MUST.value))
    return [(a, b) for a, b in conn.execute(q)]


# --- writing ----------------------------------------------------------------------------------------------


def rebuild(conn: Connection, grouper: IndexingGrouper, stored: Sequence[Claim], links: Sequence[Override]) -> None:
    """Fill the index from ``stored`` (every stored claim) in one pass."""
    conn.execute(delete(story_words))
    conn.execute(delete(story_word_counts))
    conn.execute(delete(story_articles))
    words = grouper.index_words(stored)
    add_words(conn, words, {})
    set_stories(conn, dict(grouper.stories(stored, links)))
    _mark_current(conn)


def add_words(conn: Connection, words: Mapping[str, Collection[str]], known: Mapping[str, int] | None = None
              ) -> None:
    """Index the words of new articles and count them. ``known``: the stored counts of (some of) their words,
    when already read."""
    rows = [{"article_id": a, "word": w} for a, ws in words.items() for w in sorted(set(ws))]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(story_words), rows[i:i + 5000])
    added: dict[str, int] = {}
    for r in rows:
        added[r["word"]] = added.get(r["word"], 0) + 1
    stored = dict(known or {})
    ask = [w for w in added if w not in stored]
    stored.update(SqlStoryIndex(conn).counts(ask))
    fresh = [{"word": w, "articles": n} for w, n in added.items() if not stored.get(w)]
    grown = [{"w": w, "n": stored[w] + n} for w, n in added.items() if stored.get(w)]
    for i in range(0, len(fresh), 5000):
        conn.execute(insert(story_word_counts), fresh[i:i + 5000])
    if grown:
        from sqlalchemy import bindparam

        conn.execute(update(story_word_counts).where(story_word_counts.c.word == bindparam("w"))
                     .values(articles=bindparam("n")), grown)


def set_stories(conn: Connection, stories: Mapping[str, str]) -> None:
    """Write these articles' story ids (replacing what is stored for them)."""
    ids = sorted(stories)
    for part in _chunks(ids):
        conn.execute(delete(story_articles).where(story_articles.c.article_id.in_(part)))
    rows = [{"article_id": a, "story": stories[a]} for a in ids]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(story_articles), rows[i:i + 5000])


def count_indexed(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(story_articles)).scalar_one()


def _overrides(conn: Connection) -> list[Override]:
    return [Override(LinkKind(r.kind), r.claim_a, r.claim_b)
            for r in conn.execute(select(overrides).order_by(overrides.c.id))]


# --- the two uses: an import, and a reviewer's override ------------------------------------------------------


def _claims_in(conn: Connection, column: Any, values: Collection[str]) -> list[Claim]:
    out: list[Claim] = []
    for part in _chunks(sorted(set(values))):
        out += claim_repo.all_claims(conn, column.in_(part))
    return out


def _ensure(conn: Connection, grouper: IndexingGrouper, leave_out: set[str]) -> None:
    """Build the index when it is not current, from every stored claim but ``leave_out`` (claim ids)."""
    if not is_current(conn):
        stored = [c for c in claim_repo.all_claims(conn) if c.id not in leave_out]
        links = [o for o in _overrides(conn) if o.a not in leave_out and o.b not in leave_out]
        rebuild(conn, grouper, stored, links)


def import_regroup(conn: Connection, grouper: Any, new_ids: list[str]) -> tuple[list[Claim], Grouping] | None:
    """Regroup after an import of the claims ``new_ids`` (stored already, in no group), reading only the
    stories the import touches; the index learns the new articles. None when the grouper cannot index (the
    index is then marked stale) or when a stored group would be cut in two (a grouping made by another
    grouper): the caller then regroups as before. Otherwise the claims regrouped (as stored, with their
    groups) and their new grouping, for the caller to write."""
    if not indexes(grouper):
        mark_stale(conn)
        return None
    new_set = set(new_ids)
    _ensure(conn, grouper, new_set)
    new_claims = _claims_in(conn, claims.c.id, new_set)
    new_words = {a: frozenset(ws) for a, ws in grouper.index_words(new_claims).items()}
    plan = grouper.plan_import(SqlStoryIndex(conn), new_words, must_links(conn))
    add_words(conn, new_words)
    set_stories(conn, {a: plan.stories[a] for a in plan.regroup})
    new_articles = {c.article for c in new_claims}
    scope = [c for c in _claims_in(conn, claims.c.article_id, plan.touched) if c.id not in new_set]
    scope += new_claims
    articles_in = set(plan.touched) | new_articles
    # a stored group whose claims lie partly outside the regrouped articles would be cut in two
    held: dict[str, int] = {}
    for c in scope:
        if c.group is not None:
            held[c.group] = held.get(c.group, 0) + 1
    for part in _chunks(sorted(held)):
        for gid, n in conn.execute(select(claims.c.group_id, func.count()).where(claims.c.group_id.in_(part))
                                   .group_by(claims.c.group_id)):
            if n != held[gid]:
                return None
    ids = {c.id for c in scope}
    links = [o for o in _overrides(conn) if o.a in ids and o.b in ids]
    grouping = grouper.group([c.with_group(None) for c in scope], links,
                             {a: plan.stories[a] for a in articles_in})
    return scope, grouping


def links_changed(conn: Connection, grouper: Any, claim_ids: list[str]) -> None:
    """A reviewer's must-link was added, changed or removed at these claims: the stories of their articles
    are found again (reading only those stories), or the index is marked stale."""
    if not indexes(grouper) or not is_current(conn):
        mark_stale(conn)
        return
    seeds = {r[0] for part in _chunks(sorted(set(claim_ids)))
             for r in conn.execute(select(claims.c.article_id).where(claims.c.id.in_(part)))}
    plan = grouper.plan_import(SqlStoryIndex(conn), {}, must_links(conn), seeds)
    set_stories(conn, {a: plan.stories[a] for a in plan.regroup})
