"""Sessions, drafts and browser preferences: the rows that let any app replica pick up where another left off.

Functions over one open connection (the caller's transaction, see :mod:`workbench.store.engine`); the rules
(lifetimes, what ends a session, what a draft holds) are in :mod:`workbench.sessions`. Only digests of
tokens are stored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from workbench.store.schema import browser_prefs, drafts, sessions, users


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    user_id: int
    credential: str
    signed_in_at: str
    last_seen_at: str
    ended_at: str | None
    ended_why: str | None
    has_token: bool


def _row(r: Any) -> SessionRow:
    return SessionRow(r.id, r.user_id, r.credential, r.signed_in_at, r.last_seen_at, r.ended_at, r.ended_why,
                      r.token_hash is not None)


def create_session(conn: Connection, user_id: int, credential: str, *, handoff_hash: str, handoff_until: str,
                   signed_in_at: str, now: str) -> SessionRow:
    sid = conn.execute(insert(sessions).values(
        user_id=user_id, credential=credential, handoff_hash=handoff_hash, handoff_until=handoff_until,
        signed_in_at=signed_in_at, last_seen_at=now)).inserted_primary_key[0]
    return session_by_id(conn, sid)  # type: ignore[return-value]


def session_by_id(conn: Connection, session_id: int) -> SessionRow | None:
    r = conn.execute(select(sessions).where(sessions.c.id == session_id)).first()
    return _row(r) if r else None


def session_by_token(conn: Connection, token_hash: str) -> SessionRow | None:
    r = conn.execute(select(sessions).where(sessions.c.token_hash == token_hash)).first()
    return _row(r) if r else None


def take_handoff(conn: Connection, handoff_hash: str, token_hash: str, now: str) -> SessionRow | None:
    """Swap a live, unused one-time code for the cookie's token (once: the code is cleared)."""
    r = conn.execute(select(sessions).where(sessions.c.handoff_hash == handoff_hash)
                     .with_for_update()).first()
    if r is None or r.ended_at is not None or (r.handoff_until or "") < now:
        return None
    conn.execute(update(sessions).where(sessions.c.id == r.id)
                 .values(handoff_hash=None, handoff_until=None, token_hash=token_hash))
    return session_by_id(conn, r.id)


def touch_session(conn: Connection, session_id: int, now: str) -> None:
    conn.execute(update(sessions).where(sessions.c.id == session_id, sessions.c.ended_at.is_(None))
                 .values(last_seen_at=now))


def end_session(conn: Connection, session_id: int, now: str, why: str) -> None:
    conn.execute(update(sessions).where(sessions.c.id == session_id, sessions.c.ended_at.is_(None))
                 .values(ended_at=now, ended_why=why, handoff_hash=None))


def end_user_sessions(conn: Connection, user_id: int, now: str, why: str) -> int:
    return conn.execute(update(sessions).where(sessions.c.user_id == user_id, sessions.c.ended_at.is_(None))
                        .values(ended_at=now, ended_why=why, handoff_hash=None)).rowcount


def account(conn: Connection, user_id: int) -> tuple[bool, str | None] | None:
    """(disabled, password hash) of an account, None when it is gone."""
    r = conn.execute(select(users.c.disabled, users.c.password_hash).where(users.c.id == user_id)).first()
    return (bool(r.disabled), r.password_hash) if r else None


# --- drafts ---------------------------------------------------------------------------------------------------

def get_draft(conn: Connection, user_id: int, kind: str, target_id: str) -> dict[str, Any]:
    r = conn.execute(select(drafts.c.fields).where(drafts.c.user_id == user_id, drafts.c.target_kind == kind,
                                                   drafts.c.target_id == target_id)).first()
    return json.loads(r.fields) if r else {}


def put_draft(conn: Connection, user_id: int, kind: str, target_id: str, fields: dict[str, Any], now: str) -> None:
    where = (drafts.c.user_id == user_id, drafts.c.target_kind == kind, drafts.c.target_id == target_id)
    if not fields:
        conn.execute(delete(drafts).where(*where))
        return
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    if conn.execute(update(drafts).where(*where).values(fields=text, updated_at=now)).rowcount == 0:
        conn.execute(insert(drafts).values(user_id=user_id, target_kind=kind, target_id=target_id, fields=text,
                                           updated_at=now))


# --- browser preferences ----------------------------------------------------------------------------------------

def get_prefs(conn: Connection, browser_hash: str) -> dict[str, Any]:
    r = conn.execute(select(browser_prefs.c.fields).where(browser_prefs.c.browser_hash == browser_hash)).first()
    return json.loads(r.fields) if r else {}


def put_prefs(conn: Connection, browser_hash: str, fields: dict[str, Any], now: str) -> None:
    text = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    where = browser_prefs.c.browser_hash == browser_hash
    if conn.execute(update(browser_prefs).where(where).values(fields=text, updated_at=now)).rowcount == 0:
        conn.execute(insert(browser_prefs).values(browser_hash=browser_hash, fields=text, updated_at=now))
