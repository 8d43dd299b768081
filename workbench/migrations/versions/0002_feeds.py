"""Feeds and archives: feeds polled, entries seen, pages fetched, where an archive import stopped.

See :mod:`workbench.importstate` for what each table is for. Nothing here is needed to keep an article from
being stored twice (the content hash does that); these rows make a repeated poll or a resumed import cheap.

Revision ID: 0002_feeds
Revises: 0002
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

# The tables are defined on the store's metadata by this module; importing it here keeps that metadata
# complete wherever the migrations are known (until the definitions move into workbench/store/schema.py).
import workbench.importstate  # noqa: F401

revision = '0002_feeds'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'feeds',
        sa.Column('feed_key', sa.String(length=64), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.Text(), nullable=True),
        sa.Column('polled_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('feed_key', name='pk_feeds'),
    )
    op.create_table(
        'feed_entries',
        sa.Column('feed_key', sa.String(length=64), nullable=False),
        sa.Column('entry_key', sa.String(length=64), nullable=False),
        sa.Column('entry_id', sa.Text(), nullable=False),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('article_id', sa.String(length=300), nullable=True),
        sa.Column('seen_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('feed_key', 'entry_key', name='pk_feed_entries'),
    )
    op.create_table(
        'web_pages',
        sa.Column('url_key', sa.String(length=64), nullable=False),
        sa.Column('url', sa.Text(), nullable=False),
        sa.Column('article_id', sa.String(length=300), nullable=True),
        sa.Column('content_hash', sa.String(length=64), nullable=True),
        sa.Column('fetched_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('url_key', name='pk_web_pages'),
    )
    op.create_index('ix_web_pages_content_hash', 'web_pages', ['content_hash'], unique=False)
    op.create_table(
        'import_checkpoints',
        sa.Column('source_key', sa.String(length=64), nullable=False),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('position', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('source_key', name='pk_import_checkpoints'),
    )


def downgrade() -> None:
    op.drop_table('import_checkpoints')
    op.drop_index('ix_web_pages_content_hash', table_name='web_pages')
    op.drop_table('web_pages')
    op.drop_table('feed_entries')
    op.drop_table('feeds')
