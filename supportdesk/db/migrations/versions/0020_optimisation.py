"""optimisation: the monthly optimisation report, its items and its approval steps (R2.4)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "optimisation_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_optimisation_report")),
        sa.UniqueConstraint("month", name=op.f("uq_optimisation_report_month")),
    )
    op.create_table(
        "optimisation_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("state_after", sa.String(length=20), nullable=False),
        sa.Column("by", sa.String(length=63), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["optimisation_report.id"],
            name=op.f("fk_optimisation_step_report_id_optimisation_report"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_optimisation_step")),
    )
    with op.batch_alter_table("optimisation_step", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_optimisation_step_report_id"), ["report_id"], unique=False
        )

    op.create_table(
        "optimisation_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_ref", sa.String(length=100), nullable=True),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.Column("zentao_task_id", sa.Integer(), nullable=True),
        sa.Column("zentao_error", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["carried_from_id"],
            ["optimisation_item.id"],
            name=op.f("fk_optimisation_item_carried_from_id_optimisation_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_optimisation_item_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["optimisation_report.id"],
            name=op.f("fk_optimisation_item_report_id_optimisation_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_optimisation_item_system_id_system"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_optimisation_item")),
        sa.UniqueConstraint("carried_from_id", name=op.f("uq_optimisation_item_carried_from_id")),
        sa.UniqueConstraint("source_ref", name=op.f("uq_optimisation_item_source_ref")),
    )
    with op.batch_alter_table("optimisation_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_optimisation_item_project_id"), ["project_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_optimisation_item_report_id"), ["report_id"], unique=False
        )

    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE ON optimisation_report TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON optimisation_item TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT ON optimisation_step TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    op.drop_table("optimisation_step")
    op.drop_table("optimisation_item")
    op.drop_table("optimisation_report")
