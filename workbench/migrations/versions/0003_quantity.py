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
down_revision = '0002_feeds'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('quantity', sa.Text(), nullable=True))
    with op.batch_alter_table('groups') as batch:
        batch.add_column(sa.Column('quantity', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('groups') as batch:
        batch.drop_column('quantity')
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('quantity')
