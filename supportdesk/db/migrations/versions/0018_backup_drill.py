"""backup_drill: restore drills of backup jobs (R3.3)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backup_drill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("drilled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("file", sa.String(length=1000), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("expected", sa.String(length=64), nullable=False),
        sa.Column("restored", sa.String(length=64), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("drilled_by", sa.String(length=63), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_backup_drill_evidence_sha256_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["backup_job.id"],
            name=op.f("fk_backup_drill_job_id_backup_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backup_drill")),
    )
    with op.batch_alter_table("backup_drill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_backup_drill_job_id"), ["job_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT ON backup_drill TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    op.drop_table("backup_drill")
