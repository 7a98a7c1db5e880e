"""handover_package: the external and internal boundaries of a handover (R1.2 parts 3, 4)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover_package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("company_scope", sa.Text(), nullable=False),
        sa.Column("customer_scope", sa.Text(), nullable=False),
        sa.Column("maintenance_start", sa.Date(), nullable=True),
        sa.Column("maintenance_end", sa.Date(), nullable=True),
        sa.Column("expiry_terms", sa.Text(), nullable=False),
        sa.Column("after_sales_scope", sa.Text(), nullable=False),
        sa.Column("support_scope", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_handover_package_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_package")),
        sa.UniqueConstraint("project_id", name=op.f("uq_handover_package_project_id")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON handover_package TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    op.drop_table("handover_package")
