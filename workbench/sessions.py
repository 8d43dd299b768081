"""Sign-in sessions kept in the database, drafts of unsaved input, and one browser's preferences.

A session (team mode) is a row of the ``sessions`` table; the browser holds an HttpOnly, SameSite cookie
whose value is a random token signed with the secrets file's ``auth.cookie_secret`` (itsdangerous); the
table keeps only the token's SHA-256. Every replica of the app reads the same table, so a reload, a second
tab or a request that reaches another replica finds the session. It ends:

- after the configured idle time or maximum life (:class:`workbench.auth.SessionPolicy`);
- when its holder signs out (in any tab: the row is ended, so every tab sharing it is signed out);
- when the account is disabled or removed, or its password changes (the row keeps a digest of the password
  hash at sign-in; a different hash ends it on the next check).

The cookie is set by an HTTP response, never by the page's script: sign-in happens in the app's websocket
session, which creates the row with a one-time code (valid :data:`HANDOFF_TTL`); the page posts the code to
the app's own ``/account/session`` route (``ui.web``), which swaps it, once, for a new token and sets the
cookie. No token or code ever travels in a URL.

Drafts: what a reviewer typed for an item and has not saved (a JSON object of field name to value), per
reviewer and item, removed when saved. An item is a claim or a group, or a form of its own
(:class:`FormDraft`: the Import screen's pasted article, kept until it is imported). Browser preferences: a random id in a second HttpOnly cookie names a
row of choices (the reviewer's name in single-user mode, the queue filters).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from itsdangerous import BadSignature, URLSafeSerializer

from workbench import auth
from workbench.store import Store, Target
from workbench.store import engine as eng
from workbench.store import sessions as rows
from workbench.store.sessions import SessionRow

SESSION_COOKIE = "workbench_session"
BROWSER_COOKIE = "workbench_browser"
HANDOFF_TTL = timedelta(minutes=2)
TOUCH_EVERY = timedelta(seconds=30)  # last activity is written at most this often (a write per key is waste)

__all__ = ["Sessions", "Live", "Ended", "SESSION_COOKIE", "BROWSER_COOKIE", "digest", "Drafts", "BrowserPrefs",
           "FormDraft"]


@dataclass(frozen=True, slots=True)
class FormDraft:
    """What a draft is kept for when it is no claim or group: a form of its own, by name (at most 10
    characters, the drafts table's kind column), e.g. ``FormDraft("paste")`` for the Import screen."""

    kind: str
    id: str = ""


def _kind(target: Target | FormDraft) -> str:
    return target.kind if isinstance(target, FormDraft) else target.kind.value


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _credential(password_hash: str | None) -> str:
    return digest("pw:" + (password_hash or ""))


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Live:
    session_id: int
    user_id: int
    signed_in_at: datetime


@dataclass(frozen=True, slots=True)
class Ended:
    """A session that is over, and why: ``idle``, ``max_age``, ``signed_out``, ``disabled``, ``password``,
    ``unknown`` (no such session: a forged, old or foreign cookie)."""

    why: str
    session_id: int | None = None


class Sessions:
    """The session rules over one store: start, hand off to a cookie, check, end."""

    def __init__(self, store: Store, cookie_secret: str, policy: auth.SessionPolicy = auth.SessionPolicy(),
                 *, clock: Callable[[], datetime] = _utcnow):
        if not cookie_secret:
            raise ValueError("a cookie secret is needed to sign session cookies")
        self.store = store
        self.policy = policy
        self.clock = clock
        self._signer = URLSafeSerializer(cookie_secret, salt="workbench-session")

    # --- the cookie's value -----------------------------------------------------------------------------

    def sign(self, token: str) -> str:
        return self._signer.dumps(token)

    def unsign(self, value: str | None) -> str | None:
        """The token in a cookie value, or None when it is missing or not signed with this secret."""
        if not isinstance(value, str) or not value:
            return None
        try:
            token = self._signer.loads(value)
        except BadSignature:
            return None
        return token if isinstance(token, str) else None

    # --- lifecycle --------------------------------------------------------------------------------------

    def start(self, user_id: int, *, signed_in_at: datetime | None = None) -> tuple[Live, str]:
        """A new session for ``user_id`` and its one-time code for :meth:`exchange`."""
        now = self.clock()
        code = secrets.token_urlsafe(32)

        def work(conn: Any) -> SessionRow:
            acct = rows.account(conn, user_id)
            if acct is None:
                raise ValueError(f"no user {user_id}")
            return rows.create_session(conn, user_id, _credential(acct[1]), handoff_hash=digest(code),
                                       handoff_until=(now + HANDOFF_TTL).isoformat(),
                                       signed_in_at=(signed_in_at or now).isoformat(), now=now.isoformat())

        row = eng.run_write(self.store.engine, work)
        return Live(row.id, row.user_id, datetime.fromisoformat(row.signed_in_at)), code

    def exchange(self, code: str) -> str | None:
        """Swap a one-time code for the signed cookie value (None: unknown, used or expired code)."""
        if not code or len(code) > 200:
            return None
        token = secrets.token_urlsafe(32)
        now = self.clock().isoformat()
        row = eng.run_write(self.store.engine, lambda conn: rows.take_handoff(conn, digest(code), digest(token), now))
        return self.sign(token) if row is not None else None

    def check(self, session_id: int) -> Live | Ended:
        """Whether session ``session_id`` is alive now (and mark the activity); ends it when it is not."""
        return self._decide(lambda conn: rows.session_by_id(conn, session_id))

    def resume(self, cookie_value: str | None) -> Live | Ended:
        """The live session a cookie names (a reload, a new tab, another replica), or why there is none."""
        token = self.unsign(cookie_value)
        if token is None:
            return Ended("unknown")
        return self._decide(lambda conn: rows.session_by_token(conn, digest(token)))

    def _decide(self, find: Callable[[Any], SessionRow | None]) -> Live | Ended:
        """Read the session and its account; write only to end it or to mark activity (every
        :data:`TOUCH_EVERY` at most), so a rerun of a live session usually costs one read."""
        now = self.clock()

        def read(conn: Any) -> tuple[SessionRow | None, tuple[bool, str | None] | None]:
            r = find(conn)
            return r, (rows.account(conn, r.user_id) if r is not None else None)

        row, acct = eng.run_read(self.store.engine, read)
        if row is None:
            return Ended("unknown")
        if row.ended_at is not None:
            return Ended(row.ended_why or "signed_out", row.id)
        signed_in = datetime.fromisoformat(row.signed_in_at)
        last_seen = datetime.fromisoformat(row.last_seen_at)
        why = None
        if acct is None or acct[0]:
            why = "disabled"
        elif _credential(acct[1]) != row.credential:
            why = "password"
        elif auth.session_expired(signed_in, last_seen, now, self.policy):
            why = "idle" if auth.utc(now) - auth.utc(last_seen) >= self.policy.idle else "max_age"
        if why is not None:
            eng.run_write(self.store.engine, lambda conn: rows.end_session(conn, row.id, now.isoformat(), why))
            return Ended(why, row.id)
        if auth.utc(now) - auth.utc(last_seen) >= TOUCH_EVERY:
            eng.run_write(self.store.engine, lambda conn: rows.touch_session(conn, row.id, now.isoformat()))
        return Live(row.id, row.user_id, signed_in)

    def end(self, session_id: int, why: str = "signed_out") -> None:
        now = self.clock().isoformat()
        eng.run_write(self.store.engine, lambda conn: rows.end_session(conn, session_id, now, why))

    def end_by_cookie(self, cookie_value: str | None) -> None:
        token = self.unsign(cookie_value)
        if token is None:
            return
        now = self.clock().isoformat()

        def work(conn: Any) -> None:
            row = rows.session_by_token(conn, digest(token))
            if row is not None:
                rows.end_session(conn, row.id, now, "signed_out")

        eng.run_write(self.store.engine, work)

    def end_all(self, user_id: int, why: str) -> int:
        """End every session of an account (e.g. an admin's "sign out everywhere")."""
        now = self.clock().isoformat()
        return eng.run_write(self.store.engine, lambda conn: rows.end_user_sessions(conn, user_id, now, why))


class Drafts:
    """What a reviewer typed for an item and has not saved, kept in the database."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = _utcnow):
        self.store = store
        self.clock = clock

    def get(self, user_id: int, target: Target | FormDraft) -> dict[str, Any]:
        return eng.run_read(self.store.engine,
                            lambda conn: rows.get_draft(conn, user_id, _kind(target), target.id))

    def put(self, user_id: int, target: Target | FormDraft, fields: dict[str, Any]) -> None:
        """Keep ``fields`` (empty values dropped) as the draft; nothing left removes the draft."""
        kept = {k: v for k, v in fields.items() if v not in (None, "", False)}
        now = self.clock().isoformat()
        eng.run_write(self.store.engine,
                      lambda conn: rows.put_draft(conn, user_id, _kind(target), target.id, kept, now))

    def discard(self, user_id: int, target: Target | FormDraft, names: list[str] | None = None) -> None:
        """Forget the whole draft, or only the fields ``names`` (what was just saved)."""
        now = self.clock().isoformat()

        def work(conn: Any) -> None:
            if names is None:
                rows.put_draft(conn, user_id, _kind(target), target.id, {}, now)
                return
            left = {k: v for k, v in rows.get_draft(conn, user_id, _kind(target), target.id).items()
                    if k not in names}
            rows.put_draft(conn, user_id, _kind(target), target.id, left, now)

        eng.run_write(self.store.engine, work)


class BrowserPrefs:
    """One browser's choices, named by the random id in its browser cookie (stored as its digest)."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = _utcnow):
        self.store = store
        self.clock = clock

    @staticmethod
    def new_id() -> str:
        return secrets.token_urlsafe(24)

    def get(self, browser_id: str) -> dict[str, Any]:
        return eng.run_read(self.store.engine, lambda conn: rows.get_prefs(conn, digest(browser_id)))

    def put(self, browser_id: str, fields: dict[str, Any]) -> None:
        now = self.clock().isoformat()
        eng.run_write(self.store.engine, lambda conn: rows.put_prefs(conn, digest(browser_id), fields, now))
