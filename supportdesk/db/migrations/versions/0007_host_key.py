"""host keys: the SSH host key accepted for each host, guarded on PostgreSQL

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

A first key may be accepted by anyone who inspects (engineer, group leader, administrator); a
changed one only by a group leader or administrator (issue 5). On PostgreSQL a trigger checks
that against the signed-in login, as 0006 does for the vault, so psql cannot swap a host's
key for a machine in the middle. Deleting a host still removes its key.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SAFE = "SET search_path = pg_catalog, pg_temp"
# domain/roles.py at the time of writing (tests/db/test_host_key_guard.py keeps them in step).
INSPECT_ROLES = ("engineer", "group_leader", "admin")
REPLACE_ROLES = ("group_leader", "admin")


def _array(roles: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{r}'" for r in roles) + "]"


GUARD_SQL = f"""
CREATE FUNCTION supportdesk_host_key_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    me text := session_user::text;
    allowed text[];
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM public.host h WHERE h.id = OLD.host_id)
    THEN
        RETURN OLD;  -- the host itself was deleted (ON DELETE CASCADE)
    END IF;
    allowed := CASE WHEN TG_OP = 'INSERT' THEN {_array(INSPECT_ROLES)}
                    ELSE {_array(REPLACE_ROLES)} END;
    IF NOT EXISTS (SELECT 1 FROM public.app_user u
                   WHERE u.login::text = me AND u.active AND u.role::text = ANY (allowed))
       OR (TG_OP <> 'DELETE' AND NEW.accepted_by::text IS DISTINCT FROM me) THEN
        RAISE EXCEPTION '% on host_key refused: % may not do this', TG_OP, me
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION supportdesk_host_key_guard() FROM PUBLIC;
CREATE TRIGGER host_key_guard BEFORE INSERT OR UPDATE OR DELETE ON host_key
    FOR EACH ROW EXECUTE FUNCTION supportdesk_host_key_guard();
GRANT SELECT, INSERT, UPDATE, DELETE ON host_key TO supportdesk_team;
"""


def upgrade() -> None:
    op.create_table(
        "host_key",
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("key_type", sa.String(length=40), nullable=False),
        sa.Column("key_base64", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=60), nullable=False),
        sa.Column("accepted_by", sa.String(length=63), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_id"], ["host.id"], name=op.f("fk_host_key_host_id_host"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("host_id", name=op.f("pk_host_key")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER host_key_guard ON host_key")
        op.execute("DROP FUNCTION supportdesk_host_key_guard()")
    op.drop_table("host_key")
