"""guard hardening: the server-side guards resolve only the system's names, and the audit
actor is the login that authenticated

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Two holes a review found in 0002 and 0003, both reproduced on a real server:

- Where team logins may create objects in schema public (the default up to PostgreSQL 14,
  and kept by pg_upgrade from it), a login could add an operator `=(varchar, text)` that is
  always true. It is an exact match for `login = session_user::text`, so it beat the
  built-in comparison inside the guards: an engineer made everybody administrator, or
  appended audit events under a colleague's name. Now every guard runs with
  `search_path = pg_catalog, pg_temp`, names tables in full and compares text with text,
  and nobody but the owner may create objects in public.
- The audit guard compared the actor with current_user, which `SET ROLE supportdesk_team`
  changes: events could be written under the shared role's name, attributable to nobody.
  The actor is now session_user, the login the server authenticated, as in 0003.

SQLite has one user who owns the file, so nothing changes there.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ROLES = "'engineer', 'group_leader', 'sales_director', 'salesperson', 'committee', 'admin'"
SAFE = "SET search_path = pg_catalog, pg_temp"

HARDEN_SQL = f"""
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM supportdesk_team;

CREATE OR REPLACE FUNCTION audit_event_guard() RETURNS trigger LANGUAGE plpgsql {SAFE} AS $$
DECLARE
    head_seq bigint;
    head_hash text;
BEGIN
    IF NEW.actor::text IS DISTINCT FROM session_user::text THEN
        RAISE EXCEPTION 'audit event actor % is not the signed-in login %',
            NEW.actor, session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT h.seq, h.hash::text INTO head_seq, head_hash FROM public.audit_head h WHERE h.id = 1;
    IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash::text IS DISTINCT FROM head_hash
    THEN
        RAISE EXCEPTION 'audit event % does not follow the chain head %', NEW.seq, head_seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql {SAFE} AS $$
BEGIN
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.seq IS DISTINCT FROM OLD.seq + 1
       OR NOT EXISTS (SELECT 1 FROM public.audit_event e
                      WHERE e.seq = NEW.seq AND e.hash::text = NEW.hash::text) THEN
        RAISE EXCEPTION 'the audit chain head only advances onto the event just appended'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION supportdesk_add_user(
    p_login text, p_role text, p_name text, p_email text
) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    new_id integer;
BEGIN
    LOCK TABLE public.app_user IN SHARE ROW EXCLUSIVE MODE;
    IF NOT EXISTS (SELECT 1 FROM public.app_user u
                   WHERE u.login::text = session_user::text AND u.role::text = 'admin'
                     AND u.active)
       AND NOT (NOT EXISTS (SELECT 1 FROM public.app_user)
                AND p_login = session_user::text AND p_role = 'admin') THEN
        RAISE EXCEPTION 'only an administrator may add users (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ({ROLES}) THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO public.app_user (login, name, email, role, active)
        VALUES (p_login, p_name, p_email, p_role, true) RETURNING id INTO new_id;
    RETURN new_id;
END $$;

CREATE OR REPLACE FUNCTION supportdesk_set_user_role(p_login text, p_role text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    LOCK TABLE public.app_user IN SHARE ROW EXCLUSIVE MODE;
    IF NOT EXISTS (SELECT 1 FROM public.app_user u
                   WHERE u.login::text = session_user::text AND u.role::text = 'admin'
                     AND u.active) THEN
        RAISE EXCEPTION 'only an administrator may change roles (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ({ROLES}) THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'check_violation';
    END IF;
    IF p_role <> 'admin' AND NOT EXISTS (SELECT 1 FROM public.app_user u
            WHERE u.role::text = 'admin' AND u.active AND u.login::text <> p_login) THEN
        RAISE EXCEPTION 'the last administrator cannot lose the role'
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE public.app_user u SET role = p_role WHERE u.login::text = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user %', p_login USING ERRCODE = 'no_data_found';
    END IF;
END $$;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(HARDEN_SQL)


def downgrade() -> None:
    # Back to exactly what 0002 and 0003 created (their SQL, read from their files), and
    # PostgreSQL 14's right for everyone to create in public.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_head_guard ON audit_head")
        op.execute("DROP TRIGGER audit_event_guard ON audit_event")
        op.execute("DROP FUNCTION audit_head_guard(), audit_event_guard()")
        op.execute("DROP FUNCTION supportdesk_set_user_role(text, text)")
        op.execute("DROP FUNCTION supportdesk_add_user(text, text, text, text)")
        op.execute(_guard_sql("0002_audit_guard.py"))
        op.execute(_guard_sql("0003_user_guard.py"))
        op.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")


def _guard_sql(revision_file: str) -> str:
    spec = importlib.util.spec_from_file_location(
        revision_file, Path(__file__).with_name(revision_file)
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.GUARD_SQL)
