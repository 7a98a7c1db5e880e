"""The one place that turns error codes into (translated) words, for the GUI and the CLI."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from supportdesk.domain.errors import (
    BatchValidationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    SupportDeskError,
    UploadError,
    ValidationError,
)
from supportdesk.domain.zentao import ZentaoError
from supportdesk.reports.handover_package import category_label


def _t(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def field_label(name: str) -> str:
    labels = {
        "name": QT_TRANSLATE_NOOP("messages", "name"),
        "short_name": QT_TRANSLATE_NOOP("messages", "short name"),
        "region": QT_TRANSLATE_NOOP("messages", "region"),
        "engineer": QT_TRANSLATE_NOOP("messages", "responsible engineer"),
        "customer": QT_TRANSLATE_NOOP("messages", "customer"),
        "role": QT_TRANSLATE_NOOP("messages", "role"),
        "phone": QT_TRANSLATE_NOOP("messages", "phone"),
        "email": QT_TRANSLATE_NOOP("messages", "e-mail"),
        "project": QT_TRANSLATE_NOOP("messages", "project"),
        "contract_no": QT_TRANSLATE_NOOP("messages", "contract number"),
        "acceptance_date": QT_TRANSLATE_NOOP("messages", "acceptance date"),
        "maintenance_start": QT_TRANSLATE_NOOP("messages", "start of the maintenance period"),
        "maintenance_end": QT_TRANSLATE_NOOP("messages", "end of the maintenance period"),
        "company_scope": QT_TRANSLATE_NOOP("messages", "what the company maintains"),
        "customer_scope": QT_TRANSLATE_NOOP("messages", "what the customer does"),
        "expiry_terms": QT_TRANSLATE_NOOP("messages", "what happens when maintenance expires"),
        "after_sales_scope": QT_TRANSLATE_NOOP("messages", "work of after-sales"),
        "support_scope": QT_TRANSLATE_NOOP("messages", "work of technical support"),
        "owner": QT_TRANSLATE_NOOP("messages", "owner"),
        "handover": QT_TRANSLATE_NOOP("messages", "handover package"),
        "path": QT_TRANSLATE_NOOP("messages", "directory or repository"),
        "job": QT_TRANSLATE_NOOP("messages", "backup job"),
        "paths": QT_TRANSLATE_NOOP("messages", "deployed paths"),
        "app_dir": QT_TRANSLATE_NOOP("messages", "application directory"),
        "target_dir": QT_TRANSLATE_NOOP("messages", "backup directory"),
        "database": QT_TRANSLATE_NOOP("messages", "database"),
        "database_name": QT_TRANSLATE_NOOP("messages", "database name"),
        "keep_days": QT_TRANSLATE_NOOP("messages", "days kept"),
        "hour": QT_TRANSLATE_NOOP("messages", "hour of the day"),
        "pattern": QT_TRANSLATE_NOOP("messages", "file pattern"),
        "schedule_hours": QT_TRANSLATE_NOOP("messages", "hours between backups"),
        "change": QT_TRANSLATE_NOOP("messages", "change"),
        "scope": QT_TRANSLATE_NOOP("messages", "scope"),
        "impact": QT_TRANSLATE_NOOP("messages", "possible impact"),
        "rollback": QT_TRANSLATE_NOOP("messages", "rollback plan"),
        "executor": QT_TRANSLATE_NOOP("messages", "executor"),
        "supervisor": QT_TRANSLATE_NOOP("messages", "supervisor"),
        "planned_start": QT_TRANSLATE_NOOP("messages", "planned start"),
        "duration_minutes": QT_TRANSLATE_NOOP("messages", "duration (minutes)"),
        "to_whom": QT_TRANSLATE_NOOP("messages", "who was told"),
        "given_at": QT_TRANSLATE_NOOP("messages", "when they were told"),
        "executed_at": QT_TRANSLATE_NOOP("messages", "when it was executed"),
        "emergency_reason": QT_TRANSLATE_NOOP("messages", "emergency reason"),
        "notice": QT_TRANSLATE_NOOP("messages", "customer notice"),
        "commit": QT_TRANSLATE_NOOP("messages", "commit id"),
        "out": QT_TRANSLATE_NOOP("messages", "output file"),
        "handover.categories": QT_TRANSLATE_NOOP("messages", "required material categories"),
        "category": QT_TRANSLATE_NOOP("messages", "category"),
        "location": QT_TRANSLATE_NOOP("messages", "location"),
        "file": QT_TRANSLATE_NOOP("messages", "file"),
        "question": QT_TRANSLATE_NOOP("messages", "question"),
        "answer": QT_TRANSLATE_NOOP("messages", "answer"),
        "our_signers": QT_TRANSLATE_NOOP("messages", "signers for the company"),
        "customer_signers": QT_TRANSLATE_NOOP("messages", "signers for the customer"),
        "scan": QT_TRANSLATE_NOOP("messages", "signed scan"),
        "signed_on": QT_TRANSLATE_NOOP("messages", "date signed"),
        "maintenance_period": QT_TRANSLATE_NOOP("messages", "maintenance period"),
        "faq": QT_TRANSLATE_NOOP("messages", "the project's FAQ entries"),
        "emergency_contacts": QT_TRANSLATE_NOOP("messages", "emergency contacts"),
        "systems": QT_TRANSLATE_NOOP("messages", "the project's systems"),
        "title": QT_TRANSLATE_NOOP("messages", "title"),
        "state": QT_TRANSLATE_NOOP("messages", "state"),
        "detail": QT_TRANSLATE_NOOP("messages", "detail"),
        "planned_acceptance": QT_TRANSLATE_NOOP("messages", "planned acceptance"),
        "system": QT_TRANSLATE_NOOP("messages", "system"),
        "environment": QT_TRANSLATE_NOOP("messages", "environment"),
        "host": QT_TRANSLATE_NOOP("messages", "host"),
        "address": QT_TRANSLATE_NOOP("messages", "address"),
        "port": QT_TRANSLATE_NOOP("messages", "port"),
        "user": QT_TRANSLATE_NOOP("messages", "login user"),
        "jump_host": QT_TRANSLATE_NOOP("messages", "jump host"),
        "credential": QT_TRANSLATE_NOOP("messages", "credential"),
        "tags": QT_TRANSLATE_NOOP("messages", "tags"),
        "start": QT_TRANSLATE_NOOP("messages", "start date"),
        "end": QT_TRANSLATE_NOOP("messages", "end date"),
        "kind": QT_TRANSLATE_NOOP("messages", "type"),
        "secret": QT_TRANSLATE_NOOP("messages", "secret"),
        "username": QT_TRANSLATE_NOOP("messages", "user name"),
        "url": QT_TRANSLATE_NOOP("messages", "URL"),
        "notes": QT_TRANSLATE_NOOP("messages", "notes"),
        "history": QT_TRANSLATE_NOOP("messages", "earlier secret"),
        "access": QT_TRANSLATE_NOOP("messages", "access"),
        "host_key": QT_TRANSLATE_NOOP("messages", "host key"),
        "key_passphrase": QT_TRANSLATE_NOOP("messages", "key passphrase"),
        "period": QT_TRANSLATE_NOOP("messages", "month"),
        "disk_warn": QT_TRANSLATE_NOOP("messages", "disk use warning (%)"),
        "disk_critical": QT_TRANSLATE_NOOP("messages", "disk use critical (%)"),
        "inode_free_warn": QT_TRANSLATE_NOOP("messages", "free inodes warning (%)"),
        "inode_free_critical": QT_TRANSLATE_NOOP("messages", "free inodes critical (%)"),
        "memory_used": QT_TRANSLATE_NOOP("messages", "memory use limit (%)"),
        "swap_free": QT_TRANSLATE_NOOP("messages", "free swap limit (%)"),
        "load_per_cpu": QT_TRANSLATE_NOOP("messages", "load per CPU"),
        "clock_drift_s": QT_TRANSLATE_NOOP("messages", "clock drift (s)"),
        "min_uptime_s": QT_TRANSLATE_NOOP("messages", "minimum uptime (s)"),
        "expected_ports": QT_TRANSLATE_NOOP("messages", "expected listening ports"),
        "expected_processes": QT_TRANSLATE_NOOP("messages", "expected processes"),
        "custom": QT_TRANSLATE_NOOP("messages", "custom check"),
        "manual": QT_TRANSLATE_NOOP("messages", "manual checklist item"),
        "report": QT_TRANSLATE_NOOP("messages", "inspection report"),
        "note": QT_TRANSLATE_NOOP("messages", "note"),
        "screenshot": QT_TRANSLATE_NOOP("messages", "screenshot"),
        "comment": QT_TRANSLATE_NOOP("messages", "comment"),
        "revision": QT_TRANSLATE_NOOP("messages", "revision"),
        "reason": QT_TRANSLATE_NOOP("messages", "reason"),
        "vault": QT_TRANSLATE_NOOP("messages", "vault"),
        "passphrase": QT_TRANSLATE_NOOP("messages", "vault passphrase"),
        "kdf": QT_TRANSLATE_NOOP("messages", "key derivation"),
        "passphrase_file": QT_TRANSLATE_NOOP("messages", "passphrase file"),
        "salesperson": QT_TRANSLATE_NOOP("messages", "salesperson"),
        "notice_months": QT_TRANSLATE_NOOP("messages", "notice period (months)"),
        "login": QT_TRANSLATE_NOOP("messages", "login"),
        "password": QT_TRANSLATE_NOOP("messages", "password"),
        "key": QT_TRANSLATE_NOOP("messages", "setting"),
        "profile": QT_TRANSLATE_NOOP("messages", "profile"),
        "format": QT_TRANSLATE_NOOP("messages", "format"),
        "database.url": QT_TRANSLATE_NOOP("messages", "database URL"),
        "ui.language": QT_TRANSLATE_NOOP("messages", "language"),
        "documents.folder": QT_TRANSLATE_NOOP("messages", "document folder"),
        "documents.webdav_url": QT_TRANSLATE_NOOP("messages", "WebDAV URL"),
        "mail.host": QT_TRANSLATE_NOOP("messages", "SMTP host"),
        "mail.port": QT_TRANSLATE_NOOP("messages", "SMTP port"),
        "mail.user": QT_TRANSLATE_NOOP("messages", "SMTP login"),
        "mail.security": QT_TRANSLATE_NOOP("messages", "mail encryption"),
        "mail.from": QT_TRANSLATE_NOOP("messages", "sender address"),
        "mail.credential": QT_TRANSLATE_NOOP("messages", "SMTP password credential"),
        "robots.dingtalk.url": QT_TRANSLATE_NOOP("messages", "DingTalk webhook"),
        "robots.dingtalk.secret": QT_TRANSLATE_NOOP("messages", "DingTalk signing secret"),
        "robots.wecom.url": QT_TRANSLATE_NOOP("messages", "WeCom webhook"),
        "robots.wecom.secret": QT_TRANSLATE_NOOP("messages", "WeCom signing secret"),
        "robots.feishu.url": QT_TRANSLATE_NOOP("messages", "Feishu webhook"),
        "robots.feishu.secret": QT_TRANSLATE_NOOP("messages", "Feishu signing secret"),
        "reminders.time": QT_TRANSLATE_NOOP("messages", "daily run time"),
        "reminders.escalate_days": QT_TRANSLATE_NOOP("messages", "days before sending again"),
        "reminders.max_escalations": QT_TRANSLATE_NOOP("messages", "times sent again at most"),
        "assign": QT_TRANSLATE_NOOP("messages", "salesperson"),
        "outcome": QT_TRANSLATE_NOOP("messages", "follow-up outcome"),
        "cc": QT_TRANSLATE_NOOP("messages", "copied address"),
        "system_id": QT_TRANSLATE_NOOP("messages", "system"),
        "vault.reason_required": QT_TRANSLATE_NOOP("messages", "reason required"),
        "vault.clipboard_seconds": QT_TRANSLATE_NOOP("messages", "clipboard seconds"),
        "vault.lock_minutes": QT_TRANSLATE_NOOP("messages", "vault lock minutes"),
        # The service manual (issue 9, R2.2).
        "symptom": QT_TRANSLATE_NOOP("messages", "symptom"),
        "cause": QT_TRANSLATE_NOOP("messages", "cause"),
        "solution": QT_TRANSLATE_NOOP("messages", "solution"),
        "workaround": QT_TRANSLATE_NOOP("messages", "workaround"),
        "applies_version": QT_TRANSLATE_NOOP("messages", "applies to version"),
        "customer_id": QT_TRANSLATE_NOOP("messages", "customer"),
        "project_id": QT_TRANSLATE_NOOP("messages", "project"),
        "month": QT_TRANSLATE_NOOP("messages", "month"),
        # Rewards for optimisations with a marked effect (issue 10, R5.4).
        "what_changed": QT_TRANSLATE_NOOP("messages", "what changed"),
        "evidence": QT_TRANSLATE_NOOP("messages", "evidence"),
        "amount": QT_TRANSLATE_NOOP("messages", "amount"),
        "person": QT_TRANSLATE_NOOP("messages", "person rewarded"),
        "item_id": QT_TRANSLATE_NOOP("messages", "optimisation item"),
        "faq.upload.url": QT_TRANSLATE_NOOP("messages", "document system URL"),
        "faq.upload.name": QT_TRANSLATE_NOOP("messages", "uploaded file name"),
        "faq.upload.kind": QT_TRANSLATE_NOOP("messages", "document system"),
        "faq.upload.folder": QT_TRANSLATE_NOOP("messages", "document system folder"),
        "faq.upload.user": QT_TRANSLATE_NOOP("messages", "document system login"),
        "faq.upload.credential": QT_TRANSLATE_NOOP("messages", "document system password"),
    }
    if name not in labels:
        return name
    label = QCoreApplication.translate("messages", str(labels[name]))
    # Config keys are typed on the command line: show the key a user can search for.
    return f"{label} ({name})" if "." in name else label


def _code_text(code: str) -> str:
    texts = {
        "required": QT_TRANSLATE_NOOP("messages", "is required"),
        "too_long": QT_TRANSLATE_NOOP("messages", "is longer than {max} characters"),
        "too_short": QT_TRANSLATE_NOOP("messages", "is shorter than {min} characters"),
        "mismatch": QT_TRANSLATE_NOOP("messages", "the two entries differ"),
        "ambiguous": QT_TRANSLATE_NOOP(
            "messages", "more than one {entity} is called '{value}': pick it in the window"
        ),
        "vault_exists": QT_TRANSLATE_NOOP("messages", "the vault is already set up"),
        "kdf_too_weak": QT_TRANSLATE_NOOP(
            "messages", "the key derivation is weaker than the minimum (Argon2id t=3, 64 MiB, p=4)"
        ),
        "member_not_allowed": QT_TRANSLATE_NOOP(
            "messages",
            "{value} may no longer use the vault (their role changed): remove them from it first",
        ),
        "member_not_vouched": QT_TRANSLATE_NOOP(
            "messages",
            "the vault membership of {value} was not made by a group leader (changed outside "
            "SupportDesk): nothing was changed; remove that member and tell the administrator",
        ),
        "keyring_none": QT_TRANSLATE_NOOP(
            "messages",
            "no keyring backend was found ({detail}): the vault works by passphrase alone",
        ),
        "keyring_unavailable": QT_TRANSLATE_NOOP(
            "messages",
            "the keyring {detail} is not available here ({reason}): "
            "the vault works by passphrase alone",
        ),
        "keyring_disabled": QT_TRANSLATE_NOOP(
            "messages",
            "the keyring is switched off ({detail}): the vault works by passphrase alone",
        ),
        "keyring_plaintext": QT_TRANSLATE_NOOP(
            "messages",
            "the keyring {detail} keeps secrets in plain files and is refused: "
            "the vault works by passphrase alone",
        ),
        "keyring_weak": QT_TRANSLATE_NOOP(
            "messages",
            "the keyring {detail} is not a recommended one ({reason}) and is refused: "
            "the vault works by passphrase alone",
        ),
        "keyring_failed": QT_TRANSLATE_NOOP("messages", "the keyring {detail} failed: {reason}"),
        "not_a_member": QT_TRANSLATE_NOOP(
            "messages", "{value} is not a member of the vault: ask the group leader to add you"
        ),
        "already_member": QT_TRANSLATE_NOOP("messages", "{value} is already a member of the vault"),
        "no_vault_right": QT_TRANSLATE_NOOP(
            "messages", "{value}'s role does not allow using the vault"
        ),
        "last_member": QT_TRANSLATE_NOOP(
            "messages", "{value} is the last member of the vault and cannot be removed"
        ),
        "vault_stale": QT_TRANSLATE_NOOP(
            "messages", "the team key changed since the vault was opened: open it again"
        ),
        "bad_email": QT_TRANSLATE_NOOP("messages", "'{value}' is not an e-mail address"),
        "bad_phone": QT_TRANSLATE_NOOP("messages", "'{value}' is not a phone number"),
        "bad_login": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a valid login (lower-case letters, digits, _ . -)"
        ),
        "bad_address": QT_TRANSLATE_NOOP("messages", "'{value}' is not an IP address or host name"),
        "bad_port": QT_TRANSLATE_NOOP("messages", "{value} is not a port between 1 and 65535"),
        "bad_choice": QT_TRANSLATE_NOOP("messages", "'{value}' is not one of: {choices}"),
        "bad_date": QT_TRANSLATE_NOOP("messages", "'{value}' is not a date (YYYY-MM-DD)"),
        "bad_value": QT_TRANSLATE_NOOP("messages", "'{value}' is not a valid value"),
        "bad_number": QT_TRANSLATE_NOOP("messages", "'{value}' is not a whole number"),
        "out_of_range": QT_TRANSLATE_NOOP("messages", "{value} is not between {min} and {max}"),
        "vault_locked": QT_TRANSLATE_NOOP("messages", "was locked; unlock it and try again"),
        "end_before_start": QT_TRANSLATE_NOOP("messages", "ends before it starts"),
        "bad_notice_months": QT_TRANSLATE_NOOP(
            "messages", "{value} is not between 0 and 24 months"
        ),
        "duplicate": QT_TRANSLATE_NOOP("messages", "'{value}' already exists"),
        "unknown_user": QT_TRANSLATE_NOOP("messages", "no user with login '{value}'"),
        "not_sales": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is neither a salesperson nor a sales director"
        ),
        "unknown_key": QT_TRANSLATE_NOOP("messages", "there is no setting '{value}'"),
        "no_acceptance_date": QT_TRANSLATE_NOOP(
            "messages", "the project has no acceptance date, planned or actual"
        ),
        "bad_transition": QT_TRANSLATE_NOOP(
            "messages", "cannot move from '{current}' to '{value}'"
        ),
        "bad_time": QT_TRANSLATE_NOOP("messages", "'{value}' is not a time of day (HH:MM)"),
        "bad_webhook": QT_TRANSLATE_NOOP(
            "messages", "is not a webhook URL (https://host/path?token)"
        ),
        "unknown_credential": QT_TRANSLATE_NOOP(
            "messages", "the vault has no credential named '{value}'"
        ),
        "not_found": QT_TRANSLATE_NOOP("messages", "{entity} '{value}' does not exist"),
        "jump_host_other_system": QT_TRANSLATE_NOOP(
            "messages", "the jump host must be another host of the same system"
        ),
        "jump_host_self": QT_TRANSLATE_NOOP("messages", "a host cannot be its own jump host"),
        "jump_host_cycle": QT_TRANSLATE_NOOP(
            "messages", "jumping through '{value}' would lead back to this host"
        ),
        "bad_db_url": QT_TRANSLATE_NOOP(
            "messages",
            "'{value}' is not a supported database; use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DATABASE",
        ),
        "unknown_jump_host": QT_TRANSLATE_NOOP(
            "messages", "no host named '{value}' in this system"
        ),
        "inside_app_dir": QT_TRANSLATE_NOOP(
            "messages",
            "'{value}' is inside the application directory: the backups would archive themselves",
        ),
        "remote_failed": QT_TRANSLATE_NOOP("messages", "the host could not be read: {detail}"),
        "setup_failed": QT_TRANSLATE_NOOP(
            "messages", "the backup could not be set up; the host said: {detail}"
        ),
        "not_absolute": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not an absolute path (one starting with /)"
        ),
        "not_planned": QT_TRANSLATE_NOOP(
            "messages", "is {value}: only a planned change can be changed"
        ),
        "not_after_sales": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not an after-sales engineer or group leader"
        ),
        "notice_required": QT_TRANSLATE_NOOP(
            "messages",
            "the customer has not been told of this change yet (schedule, impact, scope, "
            "duration): record the notice first, or give the reason for an emergency change",
        ),
        "before_terms": QT_TRANSLATE_NOOP(
            "messages",
            "{value} is before the change's schedule or scope last changed; tell the customer "
            "again",
        ),
        "bad_commit": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a commit id (7 to 64 hexadecimal digits)"
        ),
        "signed_frozen": QT_TRANSLATE_NOOP(
            "messages", "is signed and frozen; start an amendment to change it"
        ),
        "incomplete": QT_TRANSLATE_NOOP("messages", "is not complete; missing: {missing}"),
        "in_future": QT_TRANSLATE_NOOP("messages", "{value} is in the future"),
        "not_signed": QT_TRANSLATE_NOOP("messages", "has not been signed yet"),
        "amendment_open": QT_TRANSLATE_NOOP("messages", "already has an amendment under way"),
        "tag_has_space": QT_TRANSLATE_NOOP("messages", "tags cannot contain spaces"),
        "last_admin": QT_TRANSLATE_NOOP("messages", "the last administrator cannot lose the role"),
        "bad_profile_name": QT_TRANSLATE_NOOP("messages", "'{value}' is not a valid profile name"),
        "password_in_url": QT_TRANSLATE_NOOP(
            "messages", "must not contain a password; use the keyring or a pgpass file"
        ),
        "unsupported_format": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a JSON, CSV or XLSX file"
        ),
        "unreadable": QT_TRANSLATE_NOOP("messages", "cannot be read: {detail}"),
        "unwritable": QT_TRANSLATE_NOOP("messages", "{value} cannot be written: {detail}"),
        "host_not_in_system": QT_TRANSLATE_NOOP(
            "messages", "the host {value} does not belong to the chosen system"
        ),
        "bad_structure": QT_TRANSLATE_NOOP(
            "messages", "is not in the SupportDesk format: {detail}"
        ),
        "not_empty": QT_TRANSLATE_NOOP("messages", "the profile already holds data"),
        "not_text": QT_TRANSLATE_NOOP("messages", "{value} is not text"),
        "not_bool": QT_TRANSLATE_NOOP("messages", "{value} is not true or false"),
        "not_list": QT_TRANSLATE_NOOP("messages", "{value} is not a list"),
        "not_allowed": QT_TRANSLATE_NOOP(
            "messages", "only an administrator may add the user '{value}'"
        ),
        "connection_failed": QT_TRANSLATE_NOOP(
            "messages", "Cannot connect to the database {url}: {detail}"
        ),
        "sqlite_on_network_share": QT_TRANSLATE_NOOP(
            "messages",
            "The database file {path} is on a network share ({fs}). SQLite can corrupt "
            "data there. Use a team PostgreSQL database instead (Settings → Database, or "
            "SUPPORTDESK_DB=postgresql+psycopg://…).",
        ),
        "disk_full": QT_TRANSLATE_NOOP(
            "messages", "The disk is full. Nothing was saved; free some space and try again."
        ),
        "database_busy": QT_TRANSLATE_NOOP(
            "messages", "The database is busy; try again in a moment."
        ),
        "migration_failed": QT_TRANSLATE_NOOP(
            "messages",
            "Upgrading the database from revision {revision} failed; the old database was "
            "left in place. Details: {detail}",
        ),
        "backup_exists": QT_TRANSLATE_NOOP(
            "messages", "{path} already exists; choose another file"
        ),
        "backup_failed": QT_TRANSLATE_NOOP("messages", "The backup failed: {detail}"),
        "backup_needs_owner": QT_TRANSLATE_NOOP(
            "messages",
            "The login {login} may not read every table of the team database (the vault's "
            "secrets are served to members one audited access at a time). Back it up as the "
            "database's owner.",
        ),
        "login_failed": QT_TRANSLATE_NOOP(
            "messages", "The database login {login} could not be created ({detail})."
        ),
        "pg_dump_missing": QT_TRANSLATE_NOOP(
            "messages", "pg_dump is needed to back up a PostgreSQL database"
        ),
        "secret_damaged": QT_TRANSLATE_NOOP(
            "messages",
            "Secret damaged: it was changed outside SupportDesk and cannot be shown.",
        ),
        "wrong_passphrase": QT_TRANSLATE_NOOP("messages", "Wrong passphrase."),
        "host_key_exists": QT_TRANSLATE_NOOP(
            "messages",
            "a different key is already accepted for {value}: only the group leader can replace it",
        ),
        # The SSH layer (issue 5): each names the host and what did not happen in time.
        "host_key_unknown": QT_TRANSLATE_NOOP(
            "messages",
            "{host} is not known yet. Its host key is {fingerprint}: compare it with the "
            "server's before accepting it. Nothing was sent.",
        ),
        "host_key_changed": QT_TRANSLATE_NOOP(
            "messages",
            "The host key of {host} has changed: it was {old}, it is now {new}. Nothing was "
            "sent. Only the group leader can accept the new key, after checking it with the "
            "customer.",
        ),
        "connect_failed": QT_TRANSLATE_NOOP("messages", "Cannot connect to {host}: {detail}"),
        "connect_timeout": QT_TRANSLATE_NOOP(
            "messages", "{host} did not accept a connection within {seconds} s."
        ),
        "banner_silent": QT_TRANSLATE_NOOP(
            "messages",
            "{host} accepted the connection but sent nothing for {seconds} s: is an SSH server "
            "listening on that port?",
        ),
        "banner_timeout": QT_TRANSLATE_NOOP(
            "messages", "{host} did not complete the SSH greeting within {seconds} s."
        ),
        "auth_failed": QT_TRANSLATE_NOOP("messages", "{host} refused the login ({detail})."),
        "auth_timeout": QT_TRANSLATE_NOOP(
            "messages", "{host} did not answer the login within {seconds} s."
        ),
        "channel_timeout": QT_TRANSLATE_NOOP(
            "messages", "{host} did not start the command within {seconds} s."
        ),
        "cancelled": QT_TRANSLATE_NOOP("messages", "{host}: cancelled."),
        "ssh_failed": QT_TRANSLATE_NOOP(
            "messages", "{host}: the SSH connection failed ({detail})."
        ),
        "evidence_damaged": QT_TRANSLATE_NOOP(
            "messages", "The evidence {sha256} is missing or was changed after it was stored."
        ),
        "bad_period": QT_TRANSLATE_NOOP("messages", "'{value}' is not a month (YYYY-MM)"),
        "jump_loop": QT_TRANSLATE_NOOP(
            "messages", "the jump hosts of {value} go round in a circle or are over three deep"
        ),
        "bad_pattern": QT_TRANSLATE_NOOP(
            "messages", "the pattern of {value} is not a regular expression ({detail})"
        ),
        "bad_process_name": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a process name (one word, as ps shows it)"
        ),
        "command_required": QT_TRANSLATE_NOOP("messages", "{value} needs a command"),
        "only_for_ssh_key": QT_TRANSLATE_NOOP("messages", "only an SSH key has a passphrase"),
        "needs_the_key": QT_TRANSLATE_NOOP(
            "messages", "is saved together with its key: give the key too"
        ),
        "no_key_passphrase": QT_TRANSLATE_NOOP("messages", "{value} has no key passphrase"),
        "bad_status": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not an exit status (a whole number, or empty for any)"
        ),
        "critical_not_worse": QT_TRANSLATE_NOOP(
            "messages", "{value} is not worse than the warning level"
        ),
        "host_not_reached": QT_TRANSLATE_NOOP(
            "messages", "host {value} was not inspected: record why before finalising"
        ),
        "manual_open": QT_TRANSLATE_NOOP(
            "messages", "the required item '{value}' is not ticked yet"
        ),
        "report_not_draft": QT_TRANSLATE_NOOP(
            "messages", "the report is {value}: only a draft can be changed or finalised"
        ),
        "report_not_final": QT_TRANSLATE_NOOP(
            "messages", "the report is {value}: only a finalised report can be reviewed"
        ),
        "run_not_done": QT_TRANSLATE_NOOP(
            "messages", "the inspection run is {value}: only a finished run makes a report"
        ),
        "too_large": QT_TRANSLATE_NOOP("messages", "is larger than {max}"),
        "no_inspection": QT_TRANSLATE_NOOP("messages", "no inspection was run in {value}"),
        "report_not_approved": QT_TRANSLATE_NOOP(
            "messages", "the report is {value}: only an approved report goes to the documents"
        ),
        "no_credential": QT_TRANSLATE_NOOP(
            "messages", "host {value} has no credential in the vault: link one to it"
        ),
        "key_passphrase_needed": QT_TRANSLATE_NOOP(
            "messages",
            "The private key for {host} is encrypted: store its passphrase with the credential.",
        ),
        "key_wrong_passphrase": QT_TRANSLATE_NOOP(
            "messages", "The passphrase stored for the private key of {host} is wrong."
        ),
        "too_many": QT_TRANSLATE_NOOP("messages", "has more than {max} entries"),
        "published_kept": QT_TRANSLATE_NOOP(
            "messages",
            "an entry that was once published cannot be deleted: the manual's history keeps it",
        ),
        "not_an_image": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not an image (PNG, JPEG, GIF or BMP)"
        ),
        "bad_month": QT_TRANSLATE_NOOP("messages", "'{value}' is not a month (YYYY-MM)"),
        # The monthly optimisation report (issue 10, R2.4).
        "not_draft": QT_TRANSLATE_NOOP(
            "messages", "the report is under review or approved: only a draft is changed"
        ),
        "frozen": QT_TRANSLATE_NOOP("messages", "the report of {month} is approved and frozen"),
        "not_your_step": QT_TRANSLATE_NOOP(
            "messages", "this step of the approval chain is not yours to take"
        ),
        "own_reward": QT_TRANSLATE_NOOP(
            "messages", "the reward is yours: another person of that role reviews it"
        ),
        "already_rewarded": QT_TRANSLATE_NOOP(
            "messages", "{person} already has a reward application for this optimisation"
        ),
        "empty": QT_TRANSLATE_NOOP("messages", "the report of {month} has no items to submit"),
        "not_approved": QT_TRANSLATE_NOOP(
            "messages",
            "the report of {month} is not approved yet: only an approved report's measures go "
            "to ZenTao",
        ),
        "bad_id": QT_TRANSLATE_NOOP("messages", "'{value}' is not a ZenTao id"),
        # Rewards for optimisations with a marked effect (issue 10, R5.4).
        "reward_report_not_approved": QT_TRANSLATE_NOOP(
            "messages",
            "the optimisation report of {month} is not approved: a reward is applied for only "
            "from an approved report",
        ),
        "item_not_in_report": QT_TRANSLATE_NOOP(
            "messages", "item {value} is not in the optimisation report of {month}"
        ),
        "reward_not_draft": QT_TRANSLATE_NOOP(
            "messages", "the reward is under review or approved: only a draft is changed"
        ),
        "reward_submitted_kept": QT_TRANSLATE_NOOP(
            "messages", "a reward that was once submitted cannot be deleted: its steps are kept"
        ),
        "inactive_user": QT_TRANSLATE_NOOP("messages", "'{value}' is no longer an active user"),
        "bad_amount": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not an amount in yuan with at most two decimals"
        ),
        "before_start": QT_TRANSLATE_NOOP("messages", "is before the planned start"),
        "negative": QT_TRANSLATE_NOOP("messages", "{value} is below zero"),
        "unknown": QT_TRANSLATE_NOOP("messages", "'{value}' is not known here"),
        "bad_executions": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a pair of a project id and a ZenTao execution id (12=34)"
        ),
        "in_review": QT_TRANSLATE_NOOP(
            "messages", "the group leader is reviewing the entry: return it to draft first"
        ),
        "same_as_current": QT_TRANSLATE_NOOP(
            "messages", "revision {value} says what the entry says now: nothing to restore"
        ),
        "not_configured": QT_TRANSLATE_NOOP(
            "messages", "is not set up: choose a folder or a WebDAV location in the team settings"
        ),
        "bad_url": QT_TRANSLATE_NOOP(
            "messages", "'{value}' is not a web address (http:// or https://, without a password)"
        ),
        "bad_name": QT_TRANSLATE_NOOP(
            "messages", "'{value}' cannot be a file name (no slashes or control characters)"
        ),
        "key_unreadable": QT_TRANSLATE_NOOP(
            "messages", "The private key stored for {host} is not an OpenSSH private key."
        ),
    }
    return _t(str(texts[code])) if code in texts else code


def describe(error: BaseException) -> str:
    """The user-facing sentence for `error`; a bug gets a generic line (details go to the log)."""
    if isinstance(error, ValidationError):
        text = _code_text(error.code)
        params = {
            "value": "",
            "max": "",
            "min": "",
            "choices": "",
            "entity": "",
            "detail": "",
            **error.params,
        }
        params["entity"] = _entity(str(params["entity"]))
        if "missing" in params:  # the completeness check's codes, worded
            joint_list = QCoreApplication.translate("messages", ", ")
            params["missing"] = joint_list.join(
                missing_label(c) for c in str(params["missing"]).split(", ")
            )
        where = field_label(error.field)
        if error.row is not None:
            where = QCoreApplication.translate("messages", "row {row}, {field}").format(
                row=error.row, field=where
            )
        # Chinese puts a full-width colon here, so the joint is translated too.
        joint = QCoreApplication.translate("messages", "{where}: {problem}")
        if error.where:
            where = joint.format(where=error.where, problem=where)
        return joint.format(where=where, problem=text.format(**params))
    if isinstance(error, BatchValidationError):
        return "\n".join(describe(e) for e in error.errors)
    if isinstance(error, ConflictError):
        return QCoreApplication.translate(
            "messages",
            "This {entity} was changed by {user} after you opened it. Reload it and make "
            "your change again.",
        ).format(
            entity=_entity(error.entity),
            user=error.changed_by or QCoreApplication.translate("messages", "someone else"),
        )
    if isinstance(error, NotFoundError):
        return QCoreApplication.translate(
            "messages", "This {entity} no longer exists (it may have been deleted)."
        ).format(entity=_entity(error.entity))
    if isinstance(error, PermissionDeniedError):
        return QCoreApplication.translate(
            "messages", "{actor} may not do this ({permission})."
        ).format(**error.params)
    if isinstance(error, UploadError):
        return upload_text(error)
    if isinstance(error, ZentaoError):
        return zentao_text(error)
    if isinstance(error, SupportDeskError):
        params = {"path": "", "fs": "", "revision": "", "detail": "", "login": "", **error.params}
        return _code_text(error.code).format(**params)
    return QCoreApplication.translate(
        "messages", "An unexpected error occurred. It was written to the log file."
    )


def zentao_text(error: ZentaoError) -> str:
    """Why ZenTao did not take a measure (R2.4), by the adapter's reason."""
    texts = {
        "auth": QT_TRANSLATE_NOOP(
            "messages",
            "ZenTao refused the login: check the account and its password credential. It is "
            "not tried again, since ZenTao locks an account after a few failed logins.",
        ),
        "locked": QT_TRANSLATE_NOOP(
            "messages", "ZenTao has locked the account after failed logins: ask its admin."
        ),
        "forbidden": QT_TRANSLATE_NOOP(
            "messages", "The ZenTao account may not create tasks in that execution."
        ),
        "unsupported": QT_TRANSLATE_NOOP(
            "messages",
            "This ZenTao has no RESTful API v1 (older than 16): import the spreadsheet instead.",
        ),
        "unreachable": QT_TRANSLATE_NOOP("messages", "ZenTao cannot be reached."),
        "timeout": QT_TRANSLATE_NOOP("messages", "ZenTao did not answer in time."),
        "http": QT_TRANSLATE_NOOP("messages", "ZenTao answered with an error ({status})."),
    }
    text = texts.get(error.reason, texts["http"])
    return _t(str(text)).format(status=error.status or "")


def upload_text(error: UploadError) -> str:
    """Why the document system did not take the manual (R2.2), by the adapter's reason."""
    texts = {
        "unreachable": QT_TRANSLATE_NOOP(
            "messages", "The document system {target} cannot be reached. Nothing was uploaded."
        ),
        "auth": QT_TRANSLATE_NOOP(
            "messages",
            "The document system {target} refused the login: check the user and the password "
            "credential in the team settings.",
        ),
        "refused": QT_TRANSLATE_NOOP(
            "messages",
            "The document system {target} refused the file (no such folder, no right to "
            "write, or too large).",
        ),
        "timeout": QT_TRANSLATE_NOOP(
            "messages", "The document system {target} did not answer in time."
        ),
        "http": QT_TRANSLATE_NOOP(
            "messages", "The document system {target} answered with HTTP status {status}."
        ),
        "not_tried": QT_TRANSLATE_NOOP(
            "messages",
            "No upload to {target} was even tried: run `supportdesk agent`, or open the vault "
            "on a group leader's desktop, or upload it from the Service manual page.",
        ),
    }
    target = str(error.params.get("target") or "")
    status = error.params.get("status")
    if error.reason not in texts:
        return QCoreApplication.translate(
            "messages", "The document system {target} did not take the file ({reason})."
        ).format(target=target, reason=error.reason)
    return _t(str(texts[error.reason])).format(
        target=target, status="" if status is None else status
    )


def missing_label(code: str) -> str:
    """One gap the handover completeness check found: a field, or "material:<category>"."""
    if code.startswith("material:"):
        return QCoreApplication.translate("messages", "technical material: {category}").format(
            category=category_label(code.removeprefix("material:"))
        )
    return field_label(code)


def role_label(role: str) -> str:
    names = {
        "engineer": QT_TRANSLATE_NOOP("messages", "after-sales engineer"),
        "group_leader": QT_TRANSLATE_NOOP("messages", "group leader"),
        "sales_director": QT_TRANSLATE_NOOP("messages", "sales director"),
        "salesperson": QT_TRANSLATE_NOOP("messages", "salesperson"),
        "committee": QT_TRANSLATE_NOOP("messages", "management committee"),
        "admin": QT_TRANSLATE_NOOP("messages", "administrator"),
    }
    return _t(str(names[role])) if role in names else role


def _entity(name: str) -> str:
    names = {
        "customer": QT_TRANSLATE_NOOP("messages", "customer"),
        "contact": QT_TRANSLATE_NOOP("messages", "contact"),
        "project": QT_TRANSLATE_NOOP("messages", "project"),
        "system": QT_TRANSLATE_NOOP("messages", "system"),
        "host": QT_TRANSLATE_NOOP("messages", "host"),
        "contract": QT_TRANSLATE_NOOP("messages", "maintenance contract"),
        "user": QT_TRANSLATE_NOOP("messages", "user"),
        "credential": QT_TRANSLATE_NOOP("messages", "credential"),
        "backup_job": QT_TRANSLATE_NOOP("messages", "backup job"),
        "change": QT_TRANSLATE_NOOP("messages", "change"),
        "change_artifact": QT_TRANSLATE_NOOP("messages", "archived file"),
        "handover_issue": QT_TRANSLATE_NOOP("messages", "outstanding issue"),
        "handover_faq": QT_TRANSLATE_NOOP("messages", "FAQ entry"),
        "handover_material": QT_TRANSLATE_NOOP("messages", "technical material"),
        "handover_signoff": QT_TRANSLATE_NOOP("messages", "signed version"),
        "history": QT_TRANSLATE_NOOP("messages", "earlier secret"),
        "reminder": QT_TRANSLATE_NOOP("messages", "reminder"),
        "faq_entry": QT_TRANSLATE_NOOP("messages", "service manual entry"),
        "faq_revision": QT_TRANSLATE_NOOP("messages", "revision"),
        "faq_attachment": QT_TRANSLATE_NOOP("messages", "attachment"),
        "reward": QT_TRANSLATE_NOOP("messages", "reward"),
        "optimisation_report": QT_TRANSLATE_NOOP("messages", "optimisation report"),
        "optimisation_item": QT_TRANSLATE_NOOP("messages", "item of the optimisation report"),
    }
    return _t(str(names[name])) if name in names else name
