"""audit guard: on PostgreSQL the server keeps the chain append-only and attributable

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Without this a team member could INSERT a well-formed event under a colleague's name (the
hash chain alone cannot tell: its algorithm is public), or move the head back to hide the
chain's tail. Now every new event must carry the login the server authenticated, follow
the head exactly, and the head may only advance onto the event just added. SQLite has one
user who owns the file, so nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

GUARD_SQL = """
CREATE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head_seq bigint;
    head_hash varchar;
BEGIN
    IF NEW.actor IS DISTINCT FROM current_user::text THEN
        RAISE EXCEPTION 'audit event actor % is not the signed-in login %',
            NEW.actor, current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE id = 1;
    IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
        RAISE EXCEPTION 'audit event % does not follow the chain head %', NEW.seq, head_seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq + 1
       OR NOT EXISTS (SELECT 1 FROM audit_event WHERE seq = NEW.seq AND hash = NEW.hash) THEN
        RAISE EXCEPTION 'the audit chain head only advances onto the event just appended'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER audit_event_guard BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_guard();
CREATE TRIGGER audit_head_guard BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION audit_head_guard();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_head_guard ON audit_head")
        op.execute("DROP TRIGGER IF EXISTS audit_event_guard ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_head_guard()")
        op.execute("DROP FUNCTION IF EXISTS audit_event_guard()")
