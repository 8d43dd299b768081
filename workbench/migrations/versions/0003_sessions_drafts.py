"""Sessions, drafts and browser preferences kept in the database (shared by every app replica).

``sessions``: team-mode sign-ins referenced by a signed HttpOnly cookie (the token's SHA-256 only);
``drafts``: what a reviewer typed and has not saved, per item; ``browser_prefs``: one browser's choices
(reviewer's name, queue filters).

Revision ID: 0003_sessions_drafts
Revises: 0002
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_sessions_drafts'
down_revision = '0002_feeds'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sessions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=True),
        sa.Column('handoff_hash', sa.String(length=64), nullable=True),
        sa.Column('handoff_until', sa.String(length=40), nullable=True),
        sa.Column('credential', sa.String(length=64), nullable=False),
        sa.Column('signed_in_at', sa.String(length=40), nullable=False),
        sa.Column('last_seen_at', sa.String(length=40), nullable=False),
        sa.Column('ended_at', sa.String(length=40), nullable=True),
        sa.Column('ended_why', sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sessions_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sessions')),
        sa.UniqueConstraint('token_hash', name=op.f('uq_sessions_token_hash')),
        sa.UniqueConstraint('handoff_hash', name=op.f('uq_sessions_handoff_hash')),
    )
    op.create_index('ix_sessions_user', 'sessions', ['user_id'], unique=False)
    op.create_table(
        'drafts',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('target_kind', sa.String(length=10), nullable=False),
        sa.Column('target_id', sa.String(length=400), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_drafts_user_id_users')),
        sa.PrimaryKeyConstraint('user_id', 'target_kind', 'target_id', name=op.f('pk_drafts')),
    )
    op.create_table(
        'browser_prefs',
        sa.Column('browser_hash', sa.String(length=64), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint('browser_hash', name=op.f('pk_browser_prefs')),
    )


def downgrade() -> None:
    op.drop_table('browser_prefs')
    op.drop_table('drafts')
    op.drop_index('ix_sessions_user', table_name='sessions')
    op.drop_table('sessions')
