"""The append-only audit log: every change records who, when (UTC), what, and before/after as JSON."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, insert

from workbench.store.schema import audit_log


def now() -> str:
    """The current UTC time as ISO-8601 text with microseconds (sorts correctly as text)."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


def _default(value: Any) -> Any:
    if hasattr(value, "value"):  # enums
        return value.value
    raise TypeError(f"cannot record {type(value).__name__} in the audit log")


def record(
    conn: Connection,
    actor_id: int | None,
    action: str,
    entity: str,
    entity_id: str | int | None,
    before: Any = None,
    after: Any = None,
    *,
    at: str | None = None,
) -> None:
    conn.execute(
        insert(audit_log).values(
            at=at or now(), actor_id=actor_id, action=action, entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            before=_json(before), after=_json(after),
        )
    )


def record_many(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert many audit rows at once; each dict has the arguments of :func:`record`."""
    if not rows:
        return
    stamp = now()
    conn.execute(
        insert(audit_log),
        [
            {
                "at": r.get("at") or stamp, "actor_id": r.get("actor_id"), "action": r["action"],
                "entity": r["entity"], "entity_id": None if r.get("entity_id") is None else str(r["entity_id"]),
                "before": _json(r.get("before")), "after": _json(r.get("after")),
            }
            for r in rows
        ],
    )
