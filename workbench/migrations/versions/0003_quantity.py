"""What is measured: each claim's and each group's quantity phrase ("homes destroyed", "cloud sales, change").

Both columns are nullable: claims stored before the extractor read quantities have none until re-imported,
and a group's phrase is written when it is next regrouped.

Revision ID: 0003_quantity
Revises: 0002_feeds
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_quantity'
down_revision = '0003_sessions_drafts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('claims', sa.Column('quantity', sa.Text(), nullable=True))
    op.add_column('groups', sa.Column('quantity', sa.Text(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35+): a batch copy of ``groups`` would have to drop the
    # table that ``claims`` refers to. What the columns held is lost.
    op.drop_column('groups', 'quantity')
    op.drop_column('claims', 'quantity')
