"""rewards: applications for rewards for optimisations with a marked effect and their steps (R5.4)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reward",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("person", sa.String(length=63), nullable=False),
        sa.Column("what_changed", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["optimisation_item.id"],
            name=op.f("fk_reward_item_id_optimisation_item"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["optimisation_report.id"],
            name=op.f("fk_reward_report_id_optimisation_report"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reward")),
    )
    with op.batch_alter_table("reward", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reward_person"), ["person"], unique=False)
        batch_op.create_index(batch_op.f("ix_reward_report_id"), ["report_id"], unique=False)

    # Insert-only: the team may add a step but never change or remove one; and a reward
    # with steps cannot be deleted (no cascade).
    op.create_table(
        "reward_step",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reward_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("state_after", sa.String(length=20), nullable=False),
        sa.Column("by", sa.String(length=63), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reward_id"], ["reward.id"], name=op.f("fk_reward_step_reward_id_reward")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reward_step")),
    )
    with op.batch_alter_table("reward_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reward_step_reward_id"), ["reward_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON reward TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT ON reward_step TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    op.drop_table("reward_step")
    op.drop_table("reward")
