"""Users and their sign-in events: the rows behind accounts and sessions. Every function takes the connection
of the transaction it runs in (see :mod:`workbench.store.engine`); the rules (who may, when an account is
locked) are the caller's."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from workbench.store import audit
from workbench.store.schema import audit_log, users
from workbench.store.types import Role, User

__all__ = ["user_from_row", "load", "by_name_locked", "by_external_id", "unlinked_by_name", "link_external_id",
           "set_password_hash", "sign_in_events", "record_event", "ensure_reviewer"]


def ensure_reviewer(conn: Connection, name: str) -> int:
    """The id of the user called ``name``, created as a reviewer in the caller's transaction if new (the
    creation is audited). Concurrent callers creating one name end with one row."""
    from workbench.store.verdicts import _insert

    found = conn.execute(select(users.c.id).where(users.c.name == name)).first()
    if found is not None:
        return found.id
    conn.execute(_insert(conn, users).values(
        name=name, display_name=name, role="reviewer", created_at=audit.now(), disabled=False,
    ).on_conflict_do_nothing())
    uid = conn.execute(select(users.c.id).where(users.c.name == name)).scalar_one()
    audit.record(conn, uid, "create_user", "user", uid, None, {"name": name, "role": "reviewer"})
    return uid


def user_from_row(r: Any) -> User:
    return User(id=r.id, name=r.name, display_name=r.display_name, role=Role(r.role), disabled=bool(r.disabled),
                has_password=r.password_hash is not None, external_id=r.external_id, created_at=r.created_at)


def load(conn: Connection, user_id: int) -> User | None:
    r = conn.execute(select(users).where(users.c.id == user_id)).first()
    return user_from_row(r) if r is not None else None


def by_name_locked(conn: Connection, name: str) -> Any | None:
    """The account's row (with its password hash), locked until the transaction ends (PostgreSQL: FOR UPDATE;
    SQLite's write transactions are exclusive already), so parallel sign-ins on one account run one after
    another."""
    return conn.execute(select(users).where(users.c.name == name).with_for_update()).first()


def by_external_id(conn: Connection, subject: str) -> Any | None:
    return conn.execute(select(users).where(users.c.external_id == subject)).first()


def unlinked_by_name(conn: Connection, name: str) -> Any | None:
    """An account called ``name`` not yet linked to a provider's subject."""
    return conn.execute(select(users).where(users.c.name == name, users.c.external_id.is_(None))).first()


def link_external_id(conn: Connection, user_id: int, subject: str, *, at: str) -> None:
    conn.execute(users.update().where(users.c.id == user_id).values(external_id=subject))
    audit.record(conn, user_id, "update_user", "user", user_id, {"external_id": None}, {"external_id": subject}, at=at)


def set_password_hash(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(users.update().where(users.c.id == user_id).values(password_hash=password_hash))


def sign_in_events(conn: Connection, user_id: int, since: str) -> list[Any]:
    """The account's sign-ins and failed sign-ins since ``since`` (ISO time), oldest first: (action, at)."""
    return conn.execute(
        select(audit_log.c.action, audit_log.c.at)
        .where(audit_log.c.entity == "user", audit_log.c.entity_id == str(user_id),
               audit_log.c.action.in_(("sign_in", "sign_in_failed")), audit_log.c.at >= since)
        .order_by(audit_log.c.id)
    ).all()


def record_event(conn: Connection, actor_id: int | None, action: str, user_id: int, after: Any = None, *,
                 at: str) -> None:
    """A sign-in event of the account (``sign_in``, ``sign_in_failed``, ``account_locked``) in the audit log."""
    audit.record(conn, actor_id, action, "user", user_id, None, after, at=at)
