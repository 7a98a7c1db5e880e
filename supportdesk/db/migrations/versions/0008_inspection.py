"""inspection: evidence by SHA-256, runs, host results and findings, per-system settings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence")),
    )
    op.create_table(
        "inspection_config",
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_inspection_config_system_id_system"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("system_id", name=op.f("pk_inspection_config")),
    )
    op.create_table(
        "inspection_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("started_by", sa.String(length=63), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("report_state", sa.String(length=20), nullable=False),
        sa.Column("finalized_by", sa.String(length=63), nullable=True),
        sa.Column("finalized_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.String(length=63), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_inspection_run_system_id_system"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_run")),
    )
    with op.batch_alter_table("inspection_run", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_run_period"), ["period"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inspection_run_system_id"), ["system_id"], unique=False
        )
    op.create_table(
        "host_inspection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("host_name", sa.String(length=100), nullable=False),
        sa.Column("reached", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("worst", sa.String(length=20), nullable=False),
        sa.Column("evidence_sha256", sa.String(length=64), nullable=True),
        sa.Column("findings_sha256", sa.String(length=64), nullable=False),
        sa.Column("baseline", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_host_inspection_evidence_sha256_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["host_id"],
            ["host.id"],
            name=op.f("fk_host_inspection_host_id_host"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["inspection_run.id"],
            name=op.f("fk_host_inspection_run_id_inspection_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_host_inspection")),
    )
    with op.batch_alter_table("host_inspection", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_host_inspection_host_id"), ["host_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_host_inspection_run_id"), ["run_id"], unique=False)
    op.create_table(
        "inspection_finding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host_inspection_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("check", sa.String(length=40), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("threshold", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_inspection_id"],
            ["host_inspection.id"],
            name=op.f("fk_inspection_finding_host_inspection_id_host_inspection"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_finding")),
    )
    with op.batch_alter_table("inspection_finding", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inspection_finding_host_inspection_id"),
            ["host_inspection_id"],
            unique=False,
        )
    op.create_table(
        "manual_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("ticked", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("screenshot_sha256", sa.String(length=64), nullable=True),
        sa.Column("checked_by", sa.String(length=63), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["inspection_run.id"],
            name=op.f("fk_manual_check_run_id_inspection_run"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["screenshot_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_manual_check_screenshot_sha256_evidence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_check")),
    )
    with op.batch_alter_table("manual_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_manual_check_run_id"), ["run_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON evidence, inspection_config, inspection_run,"
            " host_inspection, inspection_finding, manual_check TO supportdesk_team"
        )
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    for table, indexes in (
        ("manual_check", ["ix_manual_check_run_id"]),
        ("inspection_finding", ["ix_inspection_finding_host_inspection_id"]),
        ("host_inspection", ["ix_host_inspection_run_id", "ix_host_inspection_host_id"]),
        ("inspection_run", ["ix_inspection_run_system_id", "ix_inspection_run_period"]),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for index in indexes:
                batch_op.drop_index(index)
        op.drop_table(table)
    op.drop_table("inspection_config")
    op.drop_table("evidence")
