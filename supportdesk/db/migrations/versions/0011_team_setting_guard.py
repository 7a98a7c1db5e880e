"""team setting guard: on PostgreSQL only group leaders and administrators change the
team's delivery settings

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

0001 granted the team role writes on every table, team_setting included: any team login
could point mail.host at a server of its own, or copy a customer's expiry letters to an
outside address, with one UPDATE in psql, past the app's permission check and the audit
trail. A trigger now checks on the server that the signed-in login (session_user) is an
active group leader or administrator. The one key every process writes, the day the rules
last ran, stays open. SQLite has one user who owns the file, so nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

GUARD_SQL = """
CREATE FUNCTION supportdesk_team_setting_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    k text := CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END;
BEGIN
    IF k = 'reminders.last_run'
       OR NOT pg_has_role(session_user, 'supportdesk_team', 'MEMBER')
       OR EXISTS (SELECT 1 FROM app_user WHERE login = session_user::text AND active
                  AND role IN ('admin', 'group_leader')) THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'only a group leader or an administrator may change % (% may not)',
        k, session_user USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER team_setting_guard BEFORE INSERT OR UPDATE OR DELETE ON team_setting
    FOR EACH ROW EXECUTE FUNCTION supportdesk_team_setting_guard();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS team_setting_guard ON team_setting")
        op.execute("DROP FUNCTION IF EXISTS supportdesk_team_setting_guard()")
