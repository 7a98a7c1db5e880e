"""handover: technical materials, FAQ entries, signed versions; amendments; the first
inspection month of a system handed over (R1.2 parts 1 and 4, R1.3, R1.4)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


# Signing a handover marks the systems' credentials rotation due (R1.4), and whoever may use
# the vault may sign, member of it or not. The vault guard (0006) lets only members update a
# credential; this branch lets any vault user raise that one flag and change nothing else.
# Inserted into the live function, before its catch-all branch, so 0006's text stays the one
# source of the rest. Through to_jsonb: PL/pgSQL plans the whole condition, and NEW of the
# other guarded tables has no rotation_due field.
_ANCHOR = "    ELSE  -- credential, credential_history: INSERT or UPDATE\n"
_ROTATION_BRANCH = """\
    ELSIF TG_TABLE_NAME = 'credential' AND TG_OP = 'UPDATE'
          AND to_jsonb(NEW) -> 'rotation_due' = 'true' AND to_jsonb(OLD) -> 'rotation_due' = 'false'
          AND (to_jsonb(NEW) - 'rotation_due') = (to_jsonb(OLD) - 'rotation_due') THEN
        ok := public.supportdesk_vault_user(false);  -- flag raised by a handover (R1.4)
"""


def _guard(change: Callable[[str], str]) -> None:
    source = (
        op.get_bind()
        .exec_driver_sql(
            "SELECT pg_get_functiondef('public.supportdesk_vault_guard()'::regprocedure)"
        )
        .scalar_one()
    )
    changed = change(source)
    if changed == source:
        raise RuntimeError("supportdesk_vault_guard is not the function 0006 created")
    op.execute(changed)


def upgrade() -> None:
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amending", sa.Text(), nullable=True))
    with op.batch_alter_table("system", schema=None) as batch_op:
        batch_op.add_column(sa.Column("maintained_from", sa.Date(), nullable=True))
    op.create_table(
        "handover_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("location", sa.String(length=1000), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(length=63), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_handover_material_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence.sha256"], name=op.f("fk_handover_material_sha256_evidence")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_material")),
    )
    with op.batch_alter_table("handover_material", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handover_material_project_id"), ["project_id"], unique=False
        )
    op.create_table(
        "handover_faq",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=500), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_handover_faq_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_faq")),
    )
    with op.batch_alter_table("handover_faq", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_handover_faq_project_id"), ["project_id"], unique=False
        )
    op.create_table(
        "handover_signoff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("our_signers", sa.String(length=500), nullable=False),
        sa.Column("customer_signers", sa.String(length=500), nullable=False),
        sa.Column("scan_name", sa.String(length=255), nullable=False),
        sa.Column("scan_sha256", sa.String(length=64), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=63), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_handover_signoff_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scan_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_handover_signoff_scan_sha256_evidence"),
        ),
        sa.ForeignKeyConstraint(
            ["package_sha256"],
            ["evidence.sha256"],
            name=op.f("fk_handover_signoff_package_sha256_evidence"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_signoff")),
        sa.UniqueConstraint(
            "project_id", "version_no", name=op.f("uq_handover_signoff_project_id")
        ),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON handover_material TO supportdesk_team")
        op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON handover_faq TO supportdesk_team")
        # A signature is a record of what happened: the team may add one, never change one.
        op.execute("GRANT SELECT, INSERT ON handover_signoff TO supportdesk_team")
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")
        _guard(lambda src: src.replace(_ANCHOR, _ROTATION_BRANCH + _ANCHOR, 1))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _guard(lambda src: src.replace(_ROTATION_BRANCH, "", 1))
    op.drop_table("handover_signoff")
    op.drop_table("handover_faq")
    op.drop_table("handover_material")
    with op.batch_alter_table("system", schema=None) as batch_op:
        batch_op.drop_column("maintained_from")
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.drop_column("amending")
