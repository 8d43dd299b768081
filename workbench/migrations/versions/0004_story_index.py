"""What grouping reads of each stored article to find its story: its distinct content words, how many
articles hold each word, and its story id (``workbench.store.words``).

The tables start empty; the store fills them from the stored claims on the first import that needs them
(the settings key ``story_index`` says whether they are complete), so upgrading a large database is quick
and the index is always built by the grouping the store is handed.

Revision ID: 0004_story_index
Revises: 0003_quantity
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = '0004_story_index'
down_revision = '0003_quantity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'story_words',
        sa.Column('article_id', sa.String(length=300), nullable=False),
        sa.Column('word', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name='fk_story_words_article_id_articles'),
        sa.PrimaryKeyConstraint('article_id', 'word', name='pk_story_words'),
    )
    op.create_index('ix_story_words_word', 'story_words', ['word'])
    op.create_table(
        'story_word_counts',
        sa.Column('word', sa.Text(), nullable=False),
        sa.Column('articles', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('word', name='pk_story_word_counts'),
    )
    op.create_table(
        'story_articles',
        sa.Column('article_id', sa.String(length=300), nullable=False),
        sa.Column('story', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name='fk_story_articles_article_id_articles'),
        sa.PrimaryKeyConstraint('article_id', name='pk_story_articles'),
    )
    op.create_index('ix_story_articles_story', 'story_articles', ['story'])
    op.execute("DELETE FROM settings WHERE key = 'story_index'")


def downgrade() -> None:
    op.drop_index('ix_story_articles_story', table_name='story_articles')
    op.drop_table('story_articles')
    op.drop_table('story_word_counts')
    op.drop_index('ix_story_words_word', table_name='story_words')
    op.drop_table('story_words')
    op.execute("DELETE FROM settings WHERE key = 'story_index'")
