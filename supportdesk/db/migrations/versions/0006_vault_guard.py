"""vault guard: on PostgreSQL the server, not the app, decides who writes the vault and who
reads a ciphertext

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

0005 gave every team login plain DML on the vault tables, so in psql an engineer who is no
member (or a salesperson) could delete every wrapped key and lose the vault for all, swap a
member's public key, or write a secret under a team key a removed member still holds; and a
member could read ciphertexts and decrypt them offline, unaudited. Now:

- One trigger checks every write against the signed-in login (session_user; the functions
  run as their owner, so current_user would be the owner): team keys, members and wrapped
  keys only by an active group leader or administrator who is a member (or who sets up an
  empty vault); a member changes only their own sealed key (re-seal); credentials and their
  history only by members, and a secret only under the newest team key. Updates that only
  clear a link to a deleted system or host pass, so deleting those stays a registry matter.
- No team login may SELECT a ciphertext. A member gets one through a function, and only after
  this same transaction appended the access to the audit chain under their own name:
  credential.reveal/copy/use (or credential.update, which keeps the old secret in history)
  for that credential, credential.reveal/copy on an earlier secret for that one,
  vault.key_rotate for all of them. So the access is recorded before
  any ciphertext leaves the server, and a transaction that does not commit reveals nothing.
  The events of the current transaction are the newest in the chain (it holds the chain
  head's lock from its first append to its commit), so the check reads only those.

Database owners and superusers keep their rights (they could drop the triggers anyway); a
backup of a team database with pg_dump is therefore the owner's job. SQLite has one user who
owns the file, so nothing changes there.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SAFE = "SET search_path = pg_catalog, pg_temp"
# domain/roles.py at the time of writing (tests/db/test_vault_guard.py keeps them in step).
VAULT_USE_ROLES = ("engineer", "group_leader", "admin")
VAULT_ADMIN_ROLES = ("group_leader", "admin")
TABLES = ("vault_key", "vault_member", "vault_wrapped_key", "credential", "credential_history")
CREDENTIAL_COLUMNS = (
    "id, name, kind, system_id, host_id, username, url, notes, tags, key_version, rotation_due, "
    "version, updated_by, updated_at"
)
HISTORY_COLUMNS = "id, credential_id, key_version, replaced_at, replaced_by"


def _array(roles: tuple[str, ...]) -> str:
    return "ARRAY[" + ", ".join(f"'{r}'" for r in roles) + "]"


ALL_TABLES = ", ".join(TABLES)
TRIGGERS = "".join(
    f"CREATE TRIGGER vault_guard BEFORE INSERT OR UPDATE OR DELETE ON {t} "
    "FOR EACH ROW EXECUTE FUNCTION supportdesk_vault_guard();\n"
    for t in TABLES
)

GUARD_SQL = f"""
CREATE FUNCTION supportdesk_vault_user(p_admin boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
    SELECT EXISTS (
        SELECT 1 FROM public.app_user u
        WHERE u.login::text = session_user::text AND u.active
          AND u.role::text = ANY (CASE WHEN p_admin THEN {_array(VAULT_ADMIN_ROLES)}
                                  ELSE {_array(VAULT_USE_ROLES)} END))
$$;

CREATE FUNCTION supportdesk_vault_member() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
    SELECT public.supportdesk_vault_user(false)
       AND EXISTS (SELECT 1 FROM public.vault_member m WHERE m.login::text = session_user::text)
$$;

-- Whether this transaction has appended an event `p_action` on `p_target` as session_user.
CREATE FUNCTION supportdesk_vault_audited(p_actions text[], p_target text) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE} AS $$
DECLARE
    mine xid := pg_current_xact_id()::xid;
    e record;
BEGIN
    FOR e IN SELECT a.xmin AS x, a.actor::text AS actor, a.action::text AS action,
                    a.target::text AS target
             FROM public.audit_event a ORDER BY a.seq DESC LOOP
        EXIT WHEN e.x <> mine;  -- below this transaction's own events
        IF e.actor = session_user::text AND e.action = ANY (p_actions)
           AND e.target = p_target THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

CREATE FUNCTION supportdesk_vault_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    me text := session_user::text;
    is_admin boolean := public.supportdesk_vault_user(true);
    is_member boolean := public.supportdesk_vault_member();
    newest integer;
    ok boolean;
BEGIN
    SELECT max(k.version) INTO newest FROM public.vault_key k;
    IF TG_TABLE_NAME = 'vault_key' THEN
        ok := TG_OP = 'INSERT' AND is_admin AND NEW.created_by::text = me
              AND ((newest IS NULL AND NEW.version = 1)
                   OR (is_member AND NEW.version = newest + 1));
    ELSIF TG_TABLE_NAME = 'vault_member' AND TG_OP = 'INSERT' THEN
        ok := is_admin AND NEW.added_by::text = me
              AND (is_member OR (NEW.login::text = me
                                 AND NOT EXISTS (SELECT 1 FROM public.vault_member)))
              AND EXISTS (SELECT 1 FROM public.app_user u
                          WHERE u.login::text = NEW.login::text AND u.active
                            AND u.role::text = ANY ({_array(VAULT_USE_ROLES)}));
    ELSIF TG_TABLE_NAME = 'vault_member' AND TG_OP = 'UPDATE' THEN
        -- Re-sealing one's own private key; everything else of a member is fixed.
        ok := is_member AND OLD.login::text = me
              AND (to_jsonb(NEW) - 'sealed_private_key' - 'kdf')
                  = (to_jsonb(OLD) - 'sealed_private_key' - 'kdf');
    ELSIF TG_OP = 'DELETE' THEN
        ok := is_admin AND is_member;
    ELSIF TG_TABLE_NAME = 'vault_wrapped_key' THEN
        ok := TG_OP = 'INSERT' AND is_admin AND is_member;
    ELSIF TG_TABLE_NAME = 'credential' AND TG_OP = 'UPDATE'
          AND (to_jsonb(NEW) - 'system_id' - 'host_id') = (to_jsonb(OLD) - 'system_id' - 'host_id')
          AND jsonb_typeof(to_jsonb(NEW) -> 'system_id') IN ('null', 'number')
          AND (to_jsonb(NEW) -> 'system_id' = 'null' OR (to_jsonb(NEW) -> 'system_id'
                                                        = to_jsonb(OLD) -> 'system_id'))
          AND (to_jsonb(NEW) -> 'host_id' = 'null' OR (to_jsonb(NEW) -> 'host_id'
                                                      = to_jsonb(OLD) -> 'host_id')) THEN
        ok := true;  -- ON DELETE SET NULL of a system or host: the registry's business
    ELSE  -- credential, credential_history: INSERT or UPDATE
        ok := is_member AND (TG_OP = 'INSERT' OR NEW.id = OLD.id);
        IF ok AND TG_TABLE_NAME = 'credential_history' AND TG_OP = 'UPDATE' THEN
            ok := NEW.credential_id = OLD.credential_id;
        END IF;
        IF ok AND (TG_OP = 'INSERT' OR NEW.secret IS DISTINCT FROM OLD.secret
                   OR NEW.key_version IS DISTINCT FROM OLD.key_version) THEN
            IF NEW.key_version IS DISTINCT FROM newest THEN
                RAISE EXCEPTION 'a secret is written under the newest team key (%) only', newest
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    END IF;
    IF NOT ok THEN
        RAISE EXCEPTION '% on % refused: % may not change the vault this way',
            TG_OP, TG_TABLE_NAME, me USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

-- Raises unless session_user is a member who has appended one of `p_actions` on `p_target`
-- in this transaction.
CREATE FUNCTION supportdesk_vault_check_access(p_actions text[], p_target text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE} AS $$
BEGIN
    IF NOT public.supportdesk_vault_member() THEN
        RAISE EXCEPTION '% is not a member of the vault', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT public.supportdesk_vault_audited(p_actions, p_target) THEN
        RAISE EXCEPTION 'the access to % is not in the audit chain', p_target
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- The key version comes with the ciphertext: read apart, a rotation committing in between
-- would pair a new ciphertext with the old version (and show "damaged").
CREATE FUNCTION supportdesk_credential_secret(p_id integer)
RETURNS TABLE (key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    PERFORM public.supportdesk_vault_check_access(
        ARRAY['credential.reveal', 'credential.copy', 'credential.use', 'credential.update'],
        'credential:' || p_id);
    RETURN QUERY SELECT c.key_version, c.secret FROM public.credential c WHERE c.id = p_id;
END $$;

CREATE FUNCTION supportdesk_history_secret(p_id integer)
RETURNS TABLE (key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    PERFORM public.supportdesk_vault_check_access(ARRAY['credential.reveal', 'credential.copy'],
                                                  'credential_history:' || p_id);
    RETURN QUERY SELECT h.key_version, h.secret FROM public.credential_history h
                 WHERE h.id = p_id;
END $$;

CREATE FUNCTION supportdesk_vault_rotation_secrets(p_version integer)
RETURNS TABLE (record text, id integer, key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    IF NOT (public.supportdesk_vault_user(true) AND public.supportdesk_vault_member()) THEN
        RAISE EXCEPTION '% may not rotate the team key', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT public.supportdesk_vault_audited(ARRAY['vault.key_rotate'], 'vault_key:' || p_version)
       OR p_version IS DISTINCT FROM (SELECT max(k.version) FROM public.vault_key k) THEN
        RAISE EXCEPTION 'the rotation to team key % is not in the audit chain', p_version
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN QUERY
        SELECT 'credential'::text, c.id, c.key_version, c.secret FROM public.credential c
        UNION ALL
        SELECT 'credential_history'::text, h.id, h.key_version, h.secret
        FROM public.credential_history h;
END $$;

REVOKE ALL ON FUNCTION supportdesk_vault_user(boolean), supportdesk_vault_member(),
    supportdesk_vault_audited(text[], text), supportdesk_vault_check_access(text[], text),
    supportdesk_vault_guard(),
    supportdesk_credential_secret(integer), supportdesk_history_secret(integer),
    supportdesk_vault_rotation_secrets(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION supportdesk_credential_secret(integer),
    supportdesk_history_secret(integer), supportdesk_vault_rotation_secrets(integer)
    TO supportdesk_team;

{TRIGGERS}
REVOKE TRUNCATE, REFERENCES, TRIGGER ON {ALL_TABLES} FROM supportdesk_team;
REVOKE SELECT ON credential, credential_history FROM supportdesk_team;
GRANT SELECT ({CREDENTIAL_COLUMNS}) ON credential TO supportdesk_team;
GRANT SELECT ({HISTORY_COLUMNS}) ON credential_history TO supportdesk_team;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER vault_guard ON {table}")
        op.execute(
            "DROP FUNCTION supportdesk_vault_rotation_secrets(integer), "
            "supportdesk_credential_secret(integer), supportdesk_history_secret(integer), "
            "supportdesk_vault_guard(), "
            "supportdesk_vault_check_access(text[], text), "
            "supportdesk_vault_audited(text[], text), supportdesk_vault_member(), "
            "supportdesk_vault_user(boolean)"
        )
        op.execute("GRANT SELECT ON credential, credential_history TO supportdesk_team")
