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
  history only by members, under their own name, and a secret only under the newest team key
  (rewriting another's secret only inside a key rotation). Clearing a link to a system or host
  passes only once that system or host is gone (ON DELETE SET NULL).
- No team login may SELECT a colleague's sealed private key (a target for offline passphrase
  guessing); its own comes through a function.
- No team login may SELECT a ciphertext. A member gets one through a function that wants a
  ticket: an access (reveal, copy, use, keep for the history, read for a rotation) appended
  to the audit chain under their own name by a transaction that has COMMITTED, within the
  last 10 minutes. A fetch in the transaction that records the access would let a member
  roll the record back after reading (a review reproduced that): so the record commits first,
  and the read comes after. A rotation read also needs the new team key row to be written by
  the reading transaction itself: a real rotation, not a pretext.
- Every audit event must have moved the chain head onto itself by commit: an event appended
  without it would block every later append, and every read now needs one.

The triggers apply to every login, the database owner's too (a superuser can switch them off,
as the tests do to play an attacker with the files); a backup with pg_dump needs the owner,
since team logins read no ciphertext. SQLite has one user who owns the file, so nothing
changes there.
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
MEMBER_COLUMNS = "id, login, public_key, kdf, added_at, added_by"


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

-- Whether the newest team key was written by this transaction: a rotation is under way here.
CREATE FUNCTION supportdesk_vault_rotating() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
    SELECT EXISTS (SELECT 1 FROM public.vault_key k
                   WHERE k.version = (SELECT max(v.version) FROM public.vault_key v)
                     AND k.xmin = pg_current_xact_id()::xid)
$$;

-- Tickets: one per recorded access; only the owner's functions read or write them.
CREATE TABLE vault_access (
    seq bigint PRIMARY KEY,
    login text NOT NULL,
    action text NOT NULL,
    target text NOT NULL,
    xact xid8 NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON vault_access FROM PUBLIC;

-- Make audit event `p_seq`, which this transaction appended, a ticket for its access.
CREATE FUNCTION supportdesk_vault_record_access(p_seq bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    e record;
BEGIN
    SELECT a.xmin AS x, a.actor::text AS actor, a.action::text AS action,
           a.target::text AS target INTO e
    FROM public.audit_event a WHERE a.seq = p_seq;
    IF NOT FOUND OR e.x <> pg_current_xact_id()::xid OR e.actor <> session_user::text
       OR e.action <> ALL (ARRAY['credential.reveal', 'credential.copy', 'credential.use',
                                 'credential.keep', 'vault.rotation_read'])
       OR NOT public.supportdesk_vault_member()
       OR (e.action = 'vault.rotation_read' AND NOT public.supportdesk_vault_user(true)) THEN
        RAISE EXCEPTION 'audit event % is not an access % may record', p_seq, session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.vault_access (seq, login, action, target, xact)
        VALUES (p_seq, e.actor, e.action, e.target, pg_current_xact_id());
END $$;

-- Raises unless session_user is a member holding ticket `p_seq` for one of `p_actions` on
-- `p_target`, committed (never this transaction's own) within the last 10 minutes.
CREATE FUNCTION supportdesk_vault_check_ticket(p_seq bigint, p_actions text[], p_target text)
RETURNS void LANGUAGE plpgsql STABLE SECURITY DEFINER {SAFE} AS $$
BEGIN
    IF NOT public.supportdesk_vault_member() THEN
        RAISE EXCEPTION '% is not a member of the vault', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.vault_access t
                   WHERE t.seq = p_seq AND t.login = session_user::text
                     AND t.action = ANY (p_actions) AND t.target = p_target
                     AND pg_xact_status(t.xact) = 'committed'
                     AND t.at > now() - interval '10 minutes') THEN
        RAISE EXCEPTION 'the access to % is not recorded in a committed audit event', p_target
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END $$;

-- The key version comes with the ciphertext: read apart, a rotation committing in between
-- would pair a new ciphertext with the old version (and show "damaged").
CREATE FUNCTION supportdesk_credential_secret(p_id integer, p_seq bigint)
RETURNS TABLE (key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    PERFORM public.supportdesk_vault_check_ticket(
        p_seq, ARRAY['credential.reveal', 'credential.copy', 'credential.use', 'credential.keep'],
        'credential:' || p_id);
    RETURN QUERY SELECT c.key_version, c.secret FROM public.credential c WHERE c.id = p_id;
END $$;

CREATE FUNCTION supportdesk_history_secret(p_id integer, p_seq bigint)
RETURNS TABLE (key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    PERFORM public.supportdesk_vault_check_ticket(
        p_seq, ARRAY['credential.reveal', 'credential.copy'], 'credential_history:' || p_id);
    RETURN QUERY SELECT h.key_version, h.secret FROM public.credential_history h
                 WHERE h.id = p_id;
END $$;

CREATE FUNCTION supportdesk_vault_rotation_secrets(p_seq bigint)
RETURNS TABLE (record text, id integer, key_version integer, secret bytea)
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    newest integer := (SELECT max(k.version) FROM public.vault_key k);
BEGIN
    IF NOT (public.supportdesk_vault_user(true) AND public.supportdesk_vault_rotating()) THEN
        RAISE EXCEPTION '% is not rotating the team key in this transaction', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM public.supportdesk_vault_check_ticket(
        p_seq, ARRAY['vault.rotation_read'], 'vault_key:' || (newest - 1));
    RETURN QUERY
        SELECT 'credential'::text, c.id, c.key_version, c.secret FROM public.credential c
        UNION ALL
        SELECT 'credential_history'::text, h.id, h.key_version, h.secret
        FROM public.credential_history h;
END $$;

CREATE FUNCTION supportdesk_vault_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
DECLARE
    me text := session_user::text;
    is_admin boolean := public.supportdesk_vault_user(true);
    is_member boolean := public.supportdesk_vault_member();
    newest integer;
    ok boolean;
    new_secret boolean;
BEGIN
    SELECT max(k.version) INTO newest FROM public.vault_key k;
    IF TG_TABLE_NAME = 'vault_key' THEN
        ok := TG_OP = 'INSERT' AND is_admin AND NEW.created_by::text = me
              AND ((newest IS NULL AND NEW.version = 1)
                   OR (is_member AND NEW.version = coalesce(newest, 0) + 1));
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
          AND (to_jsonb(NEW) -> 'system_id' = to_jsonb(OLD) -> 'system_id'
               OR (to_jsonb(NEW) -> 'system_id' = 'null' AND NOT EXISTS (
                   SELECT 1 FROM public.system s
                   WHERE s.id = (to_jsonb(OLD) ->> 'system_id')::integer)))
          AND (to_jsonb(NEW) -> 'host_id' = to_jsonb(OLD) -> 'host_id'
               OR (to_jsonb(NEW) -> 'host_id' = 'null' AND NOT EXISTS (
                   SELECT 1 FROM public.host h
                   WHERE h.id = (to_jsonb(OLD) ->> 'host_id')::integer))) THEN
        ok := true;  -- ON DELETE SET NULL of a deleted system or host: the registry's business
    ELSE  -- credential, credential_history: INSERT or UPDATE
        ok := is_member AND (TG_OP = 'INSERT' OR NEW.id = OLD.id);
        new_secret := TG_OP = 'INSERT' OR NEW.secret IS DISTINCT FROM OLD.secret
                      OR NEW.key_version IS DISTINCT FROM OLD.key_version;
        IF ok AND TG_TABLE_NAME = 'credential' THEN
            -- Under one's own name; another's secret is rewritten only by a key rotation.
            ok := CASE WHEN TG_OP = 'INSERT' OR NEW.updated_by IS DISTINCT FROM OLD.updated_by
                       THEN NEW.updated_by::text = me
                       WHEN new_secret THEN OLD.updated_by::text = me
                                            OR public.supportdesk_vault_rotating()
                       ELSE true END;
        ELSIF ok THEN  -- credential_history
            ok := CASE WHEN TG_OP = 'INSERT' THEN NEW.replaced_by::text = me
                       ELSE NEW.credential_id = OLD.credential_id
                            AND NEW.replaced_by IS NOT DISTINCT FROM OLD.replaced_by
                            -- the entry just added gets its ciphertext (bound to its id)
                            AND (OLD.secret = ''::bytea OR public.supportdesk_vault_rotating())
                       END;
        END IF;
        IF ok AND new_secret AND NEW.key_version IS DISTINCT FROM newest THEN
            RAISE EXCEPTION 'a secret is written under the newest team key (%) only', newest
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION '% on % refused: % may not change the vault this way',
            TG_OP, TG_TABLE_NAME, me USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

-- By commit, the chain head must have moved onto every event appended: an event left behind
-- it would make every later append fail.
CREATE FUNCTION supportdesk_audit_head_moved() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {SAFE} AS $$
BEGIN
    IF (SELECT h.seq FROM public.audit_head h WHERE h.id = 1) < NEW.seq THEN
        RAISE EXCEPTION 'audit event % was appended without moving the chain head onto it',
            NEW.seq USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER audit_event_head_moved AFTER INSERT ON audit_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION supportdesk_audit_head_moved();

-- A login reads only its own sealed private key: another's would invite offline guessing.
CREATE FUNCTION supportdesk_my_sealed_key() RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER {SAFE} AS $$
    SELECT m.sealed_private_key FROM public.vault_member m
    WHERE m.login::text = session_user::text
$$;

REVOKE ALL ON FUNCTION supportdesk_vault_user(boolean), supportdesk_vault_member(),
    supportdesk_vault_rotating(), supportdesk_vault_record_access(bigint),
    supportdesk_vault_check_ticket(bigint, text[], text), supportdesk_vault_guard(),
    supportdesk_credential_secret(integer, bigint), supportdesk_history_secret(integer, bigint),
    supportdesk_vault_rotation_secrets(bigint), supportdesk_audit_head_moved(),
    supportdesk_my_sealed_key() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION supportdesk_vault_record_access(bigint), supportdesk_my_sealed_key(),
    supportdesk_credential_secret(integer, bigint), supportdesk_history_secret(integer, bigint),
    supportdesk_vault_rotation_secrets(bigint) TO supportdesk_team;

{TRIGGERS}
REVOKE TRUNCATE, REFERENCES, TRIGGER ON {ALL_TABLES} FROM supportdesk_team;
REVOKE SELECT ON credential, credential_history FROM supportdesk_team;
GRANT SELECT ({CREDENTIAL_COLUMNS}) ON credential TO supportdesk_team;
GRANT SELECT ({HISTORY_COLUMNS}) ON credential_history TO supportdesk_team;
REVOKE SELECT ON vault_member FROM supportdesk_team;
GRANT SELECT ({MEMBER_COLUMNS}) ON vault_member TO supportdesk_team;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(GUARD_SQL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_event_head_moved ON audit_event")
        for table in TABLES:
            op.execute(f"DROP TRIGGER vault_guard ON {table}")
        op.execute(
            "DROP FUNCTION supportdesk_vault_rotation_secrets(bigint), "
            "supportdesk_credential_secret(integer, bigint), "
            "supportdesk_history_secret(integer, bigint), supportdesk_vault_guard(), "
            "supportdesk_vault_check_ticket(bigint, text[], text), "
            "supportdesk_vault_record_access(bigint), supportdesk_vault_rotating(), "
            "supportdesk_vault_member(), supportdesk_vault_user(boolean), "
            "supportdesk_audit_head_moved(), supportdesk_my_sealed_key()"
        )
        op.execute("DROP TABLE vault_access")
        op.execute(
            "GRANT SELECT ON credential, credential_history, vault_member TO supportdesk_team"
        )
