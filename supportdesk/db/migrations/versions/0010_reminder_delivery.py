"""reminders: acknowledgement and follow-up; the outbox learns escalation steps, leases,
back-off and read marks

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=63), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("assigned_to", sa.String(length=63), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("escalations", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_to"],
            ["app_user.login"],
            name=op.f("fk_reminder_assigned_to_app_user"),
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder")),
        sa.UniqueConstraint("rule", "subject", "due_on", name=op.f("uq_reminder_rule")),
    )
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reminder_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("step", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch_op.add_column(sa.Column("cc", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("lease_owner", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("read_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint("uq_outbox_message_rule", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_outbox_message_rule"),
            ["rule", "subject", "due_on", "recipient", "channel", "step"],
        )
        batch_op.create_index(
            batch_op.f("ix_outbox_message_reminder_id"), ["reminder_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_outbox_message_reminder_id_reminder"),
            "reminder",
            ["reminder_id"],
            ["id"],
            ondelete="CASCADE",
        )
    # The defaults filled the existing rows; the model supplies values from now on.
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        for column in ("step", "cc", "last_error"):
            batch_op.alter_column(column, server_default=None)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON reminder TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    # Escalations cannot exist under the old five-column key: they go with the feature.
    op.execute("DELETE FROM outbox_message WHERE step > 0")
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_constraint("fk_outbox_message_reminder_id_reminder", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_outbox_message_reminder_id"))
        batch_op.drop_constraint("uq_outbox_message_rule", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_outbox_message_rule"),
            ["rule", "subject", "due_on", "recipient", "channel"],
        )
        for column in (
            "read_at",
            "last_error",
            "lease_until",
            "lease_owner",
            "next_attempt_at",
            "cc",
            "step",
            "reminder_id",
        ):
            batch_op.drop_column(column)
    op.drop_table("reminder")
