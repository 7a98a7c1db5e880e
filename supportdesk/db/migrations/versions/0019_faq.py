"""faq: the service manual's entries, revisions, tags, attachments, links and uploads (R2.2),
with the search indexes: FTS5 (trigram, and one token per character for short terms) on
SQLite, pg_trgm GIN indexes on PostgreSQL

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "faq_upload_claim",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_faq_upload_claim")),
    )
    op.create_table(
        "faq_upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("document", sa.String(length=20), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("target", sa.String(length=1000), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=63), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_upload")),
    )
    with op.batch_alter_table("faq_upload", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_upload_month"), ["month"], unique=False)

    op.create_table(
        "faq_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=500), nullable=False),
        sa.Column("symptom", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("solution", sa.Text(), nullable=False),
        sa.Column("workaround", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("applies_version", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=63), nullable=False),
        sa.Column("reviewer", sa.String(length=63), nullable=False),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("published_revision", sa.Integer(), nullable=True),
        sa.Column("handover_faq_id", sa.Integer(), nullable=True),
        sa.Column("search_title", sa.Text(), nullable=False),
        sa.Column("search_body", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_faq_entry_customer_id_customer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["handover_faq_id"],
            ["handover_faq.id"],
            name=op.f("fk_faq_entry_handover_faq_id_handover_faq"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_faq_entry_project_id_project"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_faq_entry_system_id_system"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_entry")),
        sa.UniqueConstraint("handover_faq_id", name=op.f("uq_faq_entry_handover_faq_id")),
    )
    with op.batch_alter_table("faq_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_entry_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_faq_entry_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_faq_entry_system_id"), ["system_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_faq_entry_state"), ["state"], unique=False)
        batch_op.create_index("ix_faq_entry_updated", ["updated_at", "id"], unique=False)

    op.create_table(
        "faq_attachment",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=63), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_attachment_entry_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence.sha256"], name=op.f("fk_faq_attachment_sha256_evidence")
        ),
        sa.PrimaryKeyConstraint("entry_id", "sha256", name=op.f("pk_faq_attachment")),
    )
    op.create_table(
        "faq_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("linked_by", sa.String(length=63), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_link_entry_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_link")),
        sa.UniqueConstraint("entry_id", "kind", "record_id", name=op.f("uq_faq_link_entry_id")),
    )
    with op.batch_alter_table("faq_link", schema=None) as batch_op:
        batch_op.create_index("ix_faq_link_kind_record", ["kind", "record_id"], unique=False)

    op.create_table(
        "faq_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=63), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("changed", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_revision_entry_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_faq_revision")),
        sa.UniqueConstraint("entry_id", "number", name=op.f("uq_faq_revision_entry_id")),
    )
    with op.batch_alter_table("faq_revision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_faq_revision_at"), ["at"], unique=False)

    op.create_table(
        "faq_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["faq_entry.id"],
            name=op.f("fk_faq_tag_entry_id_faq_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag", name=op.f("pk_faq_tag")),
    )
    with op.batch_alter_table("faq_tag", schema=None) as batch_op:
        batch_op.create_index("ix_faq_tag_tag_entry", ["tag", "entry_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)
    else:
        for statement in POSTGRES_SEARCH:
            op.execute(statement)
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON faq_entry TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, DELETE ON faq_tag TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, DELETE ON faq_attachment TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, DELETE ON faq_link TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT ON faq_revision TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT ON faq_upload TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, UPDATE ON faq_upload_claim TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


# The trigram table reads faq_entry's canonical search columns (external content); the
# short-term table holds one token per character ("_" for a word boundary), made by the
# function sd_unigrams that the engine registers on every SQLite connection
# (domain.faq.unigrams). Triggers keep both in step inside the writing transaction.
SQLITE_SEARCH = (
    """CREATE VIRTUAL TABLE faq_fts_tri USING fts5(
        search_title, search_body, content='faq_entry', content_rowid='id',
        tokenize='trigram case_sensitive 1')""",
    """CREATE VIRTUAL TABLE faq_fts_uni USING fts5(
        title, body, content='', tokenize="unicode61 remove_diacritics 0 tokenchars '_'")""",
    """CREATE TRIGGER faq_entry_search_ai AFTER INSERT ON faq_entry BEGIN
        INSERT INTO faq_fts_tri(rowid, search_title, search_body)
            VALUES (new.id, new.search_title, new.search_body);
        INSERT INTO faq_fts_uni(rowid, title, body)
            VALUES (new.id, sd_unigrams(new.search_title), sd_unigrams(new.search_body));
    END""",
    """CREATE TRIGGER faq_entry_search_ad AFTER DELETE ON faq_entry BEGIN
        INSERT INTO faq_fts_tri(faq_fts_tri, rowid, search_title, search_body)
            VALUES ('delete', old.id, old.search_title, old.search_body);
        INSERT INTO faq_fts_uni(faq_fts_uni, rowid, title, body)
            VALUES ('delete', old.id, sd_unigrams(old.search_title),
                    sd_unigrams(old.search_body));
    END""",
    """CREATE TRIGGER faq_entry_search_au AFTER UPDATE OF search_title, search_body
        ON faq_entry BEGIN
        INSERT INTO faq_fts_tri(faq_fts_tri, rowid, search_title, search_body)
            VALUES ('delete', old.id, old.search_title, old.search_body);
        INSERT INTO faq_fts_uni(faq_fts_uni, rowid, title, body)
            VALUES ('delete', old.id, sd_unigrams(old.search_title),
                    sd_unigrams(old.search_body));
        INSERT INTO faq_fts_tri(rowid, search_title, search_body)
            VALUES (new.id, new.search_title, new.search_body);
        INSERT INTO faq_fts_uni(rowid, title, body)
            VALUES (new.id, sd_unigrams(new.search_title), sd_unigrams(new.search_body));
    END""",
)

# pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
POSTGRES_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_faq_entry_title_trgm ON faq_entry USING gin (search_title gin_trgm_ops)",
    "CREATE INDEX ix_faq_entry_body_trgm ON faq_entry USING gin (search_body gin_trgm_ops)",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS faq_entry_search_{name}")
        op.execute("DROP TABLE IF EXISTS faq_fts_tri")
        op.execute("DROP TABLE IF EXISTS faq_fts_uni")
    for table in (
        "faq_upload_claim",
        "faq_upload",
        "faq_link",
        "faq_attachment",
        "faq_tag",
        "faq_revision",
    ):
        op.drop_table(table)
    op.drop_table("faq_entry")
