"""user guard: on PostgreSQL team logins no longer write app_user directly

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

0001 granted the team role INSERT/UPDATE/DELETE on every table, app_user included, so any
team member could make themself an administrator with one UPDATE in psql. Now app_user is
read-only for the team; users are added and roles changed through two SECURITY DEFINER
functions that check on the server that the signed-in login (session_user: inside such a
function current_user is the owner) is an active administrator. The first user of an empty
database may add themself as administrator (ensure_first_admin). SQLite has one user who
owns the file, so nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ROLES = "'engineer', 'group_leader', 'sales_director', 'salesperson', 'committee', 'admin'"

GUARD_SQL = f"""
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON app_user FROM supportdesk_team;

CREATE FUNCTION supportdesk_add_user(p_login text, p_role text, p_name text, p_email text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    new_id integer;
BEGIN
    -- One first administrator, even when two people open an empty database at once.
    LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE;
    IF NOT EXISTS (SELECT 1 FROM app_user
                   WHERE login = session_user::text AND role = 'admin' AND active)
       AND NOT (NOT EXISTS (SELECT 1 FROM app_user)
                AND p_login = session_user::text AND p_role = 'admin') THEN
        RAISE EXCEPTION 'only an administrator may add users (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ({ROLES}) THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO app_user (login, name, email, role, active)
        VALUES (p_login, p_name, p_email, p_role, true) RETURNING id INTO new_id;
    RETURN new_id;
END $$;

CREATE FUNCTION supportdesk_set_user_role(p_login text, p_role text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE;
    IF NOT EXISTS (SELECT 1 FROM app_user
                   WHERE login = session_user::text AND role = 'admin' AND active) THEN
        RAISE EXCEPTION 'only an administrator may change roles (% is not one)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ({ROLES}) THEN
        RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = 'check_violation';
    END IF;
    IF p_role <> 'admin' AND NOT EXISTS (SELECT 1 FROM app_user
            WHERE role = 'admin' AND active AND login <> p_login) THEN
        RAISE EXCEPTION 'the last administrator cannot lose the role'
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE app_user SET role = p_role WHERE login = p_login;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user %', p_login USING ERRCODE = 'no_data_found';
    END IF;
END $$;

REVOKE ALL ON FUNCTION supportdesk_add_user(text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION supportdesk_set_user_role(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION supportdesk_add_user(text, text, text, text) TO supportdesk_team;
GRANT EXECUTE ON FUNCTION supportdesk_set_user_role(text, text) TO supportdesk_team;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS supportdesk_set_user_role(text, text)")
        op.execute("DROP FUNCTION IF EXISTS supportdesk_add_user(text, text, text, text)")
        op.execute("GRANT INSERT, UPDATE, DELETE ON app_user TO supportdesk_team")
