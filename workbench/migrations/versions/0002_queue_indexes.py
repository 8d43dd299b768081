"""Queue indexes: review states read from one index; trigram indexes for the free-text filter on PostgreSQL.

``ix_verdicts_state`` (target kind, status, target id, reviewer) lists the claims or groups in one review
state without reading the verdict rows, and finds one target's verdicts in one state. On PostgreSQL, when the pg_trgm extension is installed or this role
may install it, GIN trigram indexes on the claim sentence, surface and noun and on the article title let the
free-text filter (ILIKE '%...%') find its rows without reading every claim; without the extension the filter
works as before, by reading the claims.

Revision ID: 0002
Revises: 0001
Create Date: 2025-03-01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from workbench.store.schema import TRIGRAM_INDEXES

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.create_index('ix_verdicts_state', ['target_kind', 'status', 'target_id', 'reviewer_id'],
                              unique=False)
    conn = op.get_bind()
    if conn.dialect.name == 'postgresql':
        schema = _trigram_schema(conn)
        if schema is not None:
            ops = f'{_quote(conn, schema)}.gin_trgm_ops'
            for name, (table, column) in TRIGRAM_INDEXES.items():
                op.execute(f'CREATE INDEX {name} ON {table} USING gin ({column} {ops})')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for name in TRIGRAM_INDEXES:
            op.execute(f'DROP INDEX IF EXISTS {name}')
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.drop_index('ix_verdicts_state')


def _quote(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _trigram_schema(conn: sa.Connection) -> str | None:
    """The schema pg_trgm is installed in, installing it first (in ``public`` when that schema exists, else
    in the current one) when it is available and this role may; None when it cannot be had."""
    def installed() -> str | None:
        return conn.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'pg_trgm'").scalar()

    found = installed()
    if found is not None:
        return found
    if conn.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").scalar() is None:
        return None
    has_public = conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").scalar() is not None
    for where in ([' SCHEMA public'] if has_public else []) + ['']:
        try:
            with conn.begin_nested():  # a refusal (no privilege) must not abort the migration's transaction
                conn.exec_driver_sql('CREATE EXTENSION IF NOT EXISTS pg_trgm' + where)
        except DBAPIError:
            continue
        return installed()
    return None
