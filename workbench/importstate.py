"""What imports remember between runs: feeds polled, feed entries seen, pages fetched, where an archive stopped.

Four small tables, created by the migration ``0002_feeds`` and defined here on the store's one
:data:`workbench.store.schema.metadata`:

- ``feeds``: one row a feed URL, with the validators of its last answer (``ETag``, ``Last-Modified``) so a
  feed that has not changed is not downloaded again.
- ``feed_entries``: one row a (feed, entry) already imported or found already present; a feed polled again
  imports only entries it has no row for.
- ``web_pages``: one row a page URL imported from the web (normalised), with the article it gave; a URL met
  again is skipped without being fetched.
- ``import_checkpoints``: one row an archive (a JSON Lines file or a folder), with the position after the
  last batch that was stored; an import started again seeks there instead of reading everything again.

None of these rows is what keeps an article from being stored twice: the store refuses a second copy of a
text by its content hash. They make repeated work cheap. An import writes them in the transaction of the
batch they describe (the writers below join a transaction already running on the engine), so they commit
with the batch or not at all: a checkpoint never points past a batch that was rolled back, nor behind one
that was stored.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Column, Connection, Engine, Index, String, Table, Text, delete, insert, select, update

from workbench.store.engine import read_tx, run_write
from workbench.store.schema import articles, metadata


def _now() -> str:
    return datetime.now(timezone.utc).isoformat()


def key_of(text: str) -> str:
    """A fixed-length key for a URL, an entry id or an archive path (primary keys stay short on every engine)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


feeds = Table(
    "feeds",
    metadata,
    Column("feed_key", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("etag", Text, nullable=True),
    Column("last_modified", Text, nullable=True),
    Column("polled_at", String(40), nullable=False),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_key", String(64), primary_key=True),
    Column("entry_key", String(64), primary_key=True),
    Column("entry_id", Text, nullable=False),
    Column("url", Text, nullable=True),
    Column("article_id", String(300), nullable=True),
    Column("seen_at", String(40), nullable=False),
)

web_pages = Table(
    "web_pages",
    metadata,
    Column("url_key", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("article_id", String(300), nullable=True),
    Column("content_hash", String(64), nullable=True),
    Column("fetched_at", String(40), nullable=False),
)
Index("ix_web_pages_content_hash", web_pages.c.content_hash)

import_checkpoints = Table(
    "import_checkpoints",
    metadata,
    Column("source_key", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("position", Text, nullable=False),  # JSON: where the next run starts
    Column("updated_at", String(40), nullable=False),
)


class ImportState:
    """Reads and writes the rows above on one database engine (a :class:`~workbench.store.Store`'s)."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- archive checkpoints -----------------------------------------------------------------------------

    def checkpoint(self, source: str) -> dict[str, Any] | None:
        with read_tx(self.engine) as conn:
            row = conn.execute(select(import_checkpoints.c.position)
                               .where(import_checkpoints.c.source_key == key_of(source))).first()
        return None if row is None else json.loads(row.position)

    def save_checkpoint(self, source: str, position: dict[str, Any]) -> None:
        k, value, stamp = key_of(source), json.dumps(position, sort_keys=True), _now()
        def _do(conn: Connection) -> None:
            done = conn.execute(update(import_checkpoints).where(import_checkpoints.c.source_key == k)
                                .values(position=value, updated_at=stamp)).rowcount
            if not done:
                conn.execute(insert(import_checkpoints).values(source_key=k, source=source, position=value,
                                                               updated_at=stamp))

        run_write(self.engine, _do)

    def forget_checkpoint(self, source: str) -> None:
        run_write(self.engine, lambda conn: conn.execute(
            delete(import_checkpoints).where(import_checkpoints.c.source_key == key_of(source))))

    # -- feeds -------------------------------------------------------------------------------------------

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) of the feed's last answer, for a conditional request."""
        with read_tx(self.engine) as conn:
            row = conn.execute(select(feeds.c.etag, feeds.c.last_modified)
                               .where(feeds.c.feed_key == key_of(url))).first()
        return (None, None) if row is None else (row.etag, row.last_modified)

    def save_feed(self, url: str, etag: str | None, last_modified: str | None) -> None:
        k, stamp = key_of(url), _now()
        def _do(conn: Connection) -> None:
            done = conn.execute(update(feeds).where(feeds.c.feed_key == k)
                                .values(etag=etag, last_modified=last_modified, polled_at=stamp)).rowcount
            if not done:
                conn.execute(insert(feeds).values(feed_key=k, url=url, etag=etag, last_modified=last_modified,
                                                  polled_at=stamp))

        run_write(self.engine, _do)

    def seen_entries(self, feed_url: str, entry_ids: Sequence[str]) -> set[str]:
        """Which of these entry ids of the feed were imported (or found present) before."""
        fk = key_of(feed_url)
        by_key = {key_of(e): e for e in entry_ids}
        out: set[str] = set()
        keys = list(by_key)
        with read_tx(self.engine) as conn:
            for i in range(0, len(keys), 500):
                out |= {by_key[r.entry_key] for r in conn.execute(
                    select(feed_entries.c.entry_key).where(feed_entries.c.feed_key == fk,
                                                           feed_entries.c.entry_key.in_(keys[i:i + 500])))}
        return out

    def mark_entries(self, feed_url: str, entries: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Remember entries (entry id, page URL, article id) of a feed as done."""
        fk, stamp = key_of(feed_url), _now()
        rows = {key_of(e): {"feed_key": fk, "entry_key": key_of(e), "entry_id": e, "url": u, "article_id": a,
                            "seen_at": stamp} for e, u, a in entries}
        if not rows:
            return
        def _do(conn: Connection) -> None:
            have = self._present(conn, feed_entries.c.entry_key, list(rows), feed_entries.c.feed_key == fk)
            fresh = [r for k, r in rows.items() if k not in have]
            if fresh:
                conn.execute(insert(feed_entries), fresh)

        run_write(self.engine, _do)

    # -- pages -------------------------------------------------------------------------------------------

    def known_urls(self, urls: Sequence[str]) -> set[str]:
        """Which of these (normalised) URLs were imported before, from the web or as an article's ``url``."""
        by_key = {key_of(u): u for u in urls}
        urls = list(dict.fromkeys(urls))
        out: set[str] = set()
        with read_tx(self.engine) as conn:
            keys = list(by_key)
            for i in range(0, len(keys), 500):
                out |= {by_key[r.url_key] for r in conn.execute(
                    select(web_pages.c.url_key).where(web_pages.c.url_key.in_(keys[i:i + 500])))}
            for i in range(0, len(urls), 500):
                out |= {r.url for r in conn.execute(select(articles.c.url).where(articles.c.url.in_(urls[i:i + 500])))}
        return out

    def mark_pages(self, pages: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Remember pages (normalised URL, article id, content hash) as imported."""
        stamp = _now()
        rows = {key_of(u): {"url_key": key_of(u), "url": u, "article_id": a, "content_hash": h, "fetched_at": stamp}
                for u, a, h in pages}
        if not rows:
            return
        def _do(conn: Connection) -> None:
            have = self._present(conn, web_pages.c.url_key, list(rows))
            fresh = [r for k, r in rows.items() if k not in have]
            if fresh:
                conn.execute(insert(web_pages), fresh)

        run_write(self.engine, _do)

    @staticmethod
    def _present(conn, col, keys: list[str], *where) -> set[str]:  # type: ignore[no-untyped-def]
        out: set[str] = set()
        for i in range(0, len(keys), 500):
            out |= {r[0] for r in conn.execute(select(col).where(col.in_(keys[i:i + 500]), *where))}
        return out
