"""backups: jobs and their checks over SSH (R3.3)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "backup_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("path", sa.String(length=1000), nullable=False),
        sa.Column("pattern", sa.String(length=200), nullable=False),
        sa.Column("schedule_hours", sa.Integer(), nullable=False),
        sa.Column("credential", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_id"], ["host.id"], name=op.f("fk_backup_job_host_id_host"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_backup_job_system_id_system"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backup_job")),
        sa.UniqueConstraint("system_id", "name", name=op.f("uq_backup_job_system_id")),
    )
    with op.batch_alter_table("backup_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_backup_job_system_id"), ["system_id"], unique=False)
    op.create_table(
        "backup_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("checked_by", sa.String(length=63), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_backup_check_evidence_sha256_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["backup_job.id"],
            name=op.f("fk_backup_check_job_id_backup_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_backup_check")),
    )
    with op.batch_alter_table("backup_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_backup_check_job_id"), ["job_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON backup_job TO supportdesk_team")
        # A check is evidence of what was found: added, never rewritten.
        op.execute("GRANT SELECT, INSERT ON backup_check TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    op.drop_table("backup_check")
    op.drop_table("backup_job")
