"""credential vault: team key versions, members, credentials and their history

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Only ciphertext and public keys: a copy of the database alone reveals no secret.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "vault_key",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=63), nullable=False),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_vault_key")),
    )
    op.create_table(
        "vault_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("public_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("sealed_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("kdf", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("added_by", sa.String(length=63), nullable=False),
        sa.ForeignKeyConstraint(
            ["login"],
            ["app_user.login"],
            name=op.f("fk_vault_member_login_app_user"),
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vault_member")),
        sa.UniqueConstraint("login", name=op.f("uq_vault_member_login")),
    )
    op.create_table(
        "vault_wrapped_key",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_version"],
            ["vault_key.version"],
            name=op.f("fk_vault_wrapped_key_key_version_vault_key"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["vault_member.id"],
            name=op.f("fk_vault_wrapped_key_member_id_vault_member"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("member_id", "key_version", name=op.f("pk_vault_wrapped_key")),
    )
    op.create_table(
        "credential",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=True),
        sa.Column("host_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tags", sa.String(length=400), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("rotation_due", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.String(length=63), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_id"], ["host.id"], name=op.f("fk_credential_host_id_host"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["key_version"], ["vault_key.version"], name=op.f("fk_credential_key_version_vault_key")
        ),
        sa.ForeignKeyConstraint(
            ["system_id"],
            ["system.id"],
            name=op.f("fk_credential_system_id_system"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential")),
        sa.UniqueConstraint("name", name=op.f("uq_credential_name")),
    )
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_credential_system_id"), ["system_id"], unique=False)

    op.create_table(
        "credential_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("credential_id", sa.Integer(), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("key_version", sa.Integer(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_by", sa.String(length=63), nullable=False),
        sa.ForeignKeyConstraint(
            ["credential_id"],
            ["credential.id"],
            name=op.f("fk_credential_history_credential_id_credential"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["key_version"],
            ["vault_key.version"],
            name=op.f("fk_credential_history_key_version_vault_key"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credential_history")),
    )
    with op.batch_alter_table("credential_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credential_history_credential_id"), ["credential_id"], unique=False
        )

    if op.get_bind().dialect.name == "postgresql":
        # 0001 granted the team the tables that existed then; these are new.
        op.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON vault_key, vault_member, vault_wrapped_key, "
            "credential, credential_history TO supportdesk_team"
        )
        op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO supportdesk_team")


def downgrade() -> None:
    with op.batch_alter_table("credential_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credential_history_credential_id"))

    op.drop_table("credential_history")
    with op.batch_alter_table("credential", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credential_system_id"))

    op.drop_table("credential")
    op.drop_table("vault_wrapped_key")
    op.drop_table("vault_member")
    op.drop_table("vault_key")
