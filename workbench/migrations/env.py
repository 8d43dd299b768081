"""Alembic environment for the workbench database.

The store runs migrations on a connection it already holds (inside its own write transaction), passed as
``config.attributes["connection"]``; SQLite gets batch mode so that column changes work there too.
"""

from __future__ import annotations

from alembic import context

from workbench.store.schema import include_object, metadata

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        from workbench.store.engine import resolve_url

        engine = create_engine(resolve_url(config.get_main_option("sqlalchemy.url") or None))
        with engine.begin() as conn:
            _run(conn)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - SQL scripts are not offered
    raise SystemExit("offline migrations are not supported; run `workbench db upgrade`")
run_migrations()
