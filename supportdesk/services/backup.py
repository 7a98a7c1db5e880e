"""Backup status over SSH (issue 8, R3.3). Each job names a host, a directory or repository
and how often it runs; a check lists its backups on the host (the repository's own tools,
its password given on input, never on a command line), judges them (domain/backup.assess),
and keeps what the host said as evidence, like an inspection. Hosts are reached the way an
inspection reaches them (services/inspection.run_on_host): the same vault credentials, host
keys and jump hosts."""

from __future__ import annotations

import base64
import json
import re
import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit, evidence
from supportdesk.db.models import (
    AuditEvent,
    BackupCheck,
    BackupDrill,
    BackupJob,
    Credential,
    Customer,
    Host,
    Project,
    System,
)
from supportdesk.domain.backup import (
    DATABASES,
    MAX_SCHEDULE_HOURS,
    REPOSITORIES,
    RETENTION_DAYS,
    UNCHECKED_DAYS,
    BackupKind,
    CheckRow,
    DrillResult,
    DrillRow,
    Finding,
    Job,
    JobForm,
    JobRow,
    SetupForm,
    SetupPlan,
    SystemBackups,
    assess,
    drill_script,
    listing_script,
    parse_drill,
    parse_listing,
    passed,
    setup_plan,
)
from supportdesk.domain.changes import ArtifactKind
from supportdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    SupportDeskError,
    ValidationError,
)
from supportdesk.domain.ports import UnitOfWork
from supportdesk.domain.registry import limited, required
from supportdesk.domain.remote import CommandResult, Limits, RemoteShell
from supportdesk.domain.roles import Permission
from supportdesk.domain.vault import Access
from supportdesk.services import changes, inspection, vault
from supportdesk.services.users import require

# A check the user cancelled is recorded (a host was reached, a credential used) but says
# nothing about the backups: a job's status and its reminders go by the others.
CANCELLED = "cancelled"
LIMITS = Limits(command=900.0, read=600.0)  # a repository's check reads its index: minutes
_EVIDENCE_VERSION = 1


# --- jobs ----------------------------------------------------------------------------------


def _check_row(c: BackupCheck) -> CheckRow:
    checked = c.checked_at
    return CheckRow(
        c.id,
        c.job_id,
        checked,
        c.passed,
        c.outcome,
        tuple(Finding(f["code"], f["ok"], f.get("params", {})) for f in json.loads(c.findings)),
        c.evidence_sha256,
        c.checked_by,
    )


def jobs(session: Session, system_id: int | None = None) -> list[JobRow]:
    """Every job (of a system), with its newest check that was not cancelled."""
    query = (
        select(BackupJob, Customer.name, System.name, Host.name)
        .join(System, BackupJob.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .join(Host, BackupJob.host_id == Host.id)
        .order_by(Customer.name, System.name, BackupJob.name)
    )
    if system_id is not None:
        query = query.where(BackupJob.system_id == system_id)
    rows = session.execute(query).all()
    newest = (
        select(func.max(BackupCheck.id))
        .where(BackupCheck.job_id.in_([j.id for j, *_ in rows]), BackupCheck.outcome != CANCELLED)
        .group_by(BackupCheck.job_id)
    )
    last = {
        c.job_id: _check_row(c)
        for c in session.scalars(select(BackupCheck).where(BackupCheck.id.in_(newest)))
    }
    return [
        JobRow(
            j.id,
            j.system_id,
            customer,
            system,
            j.host_id,
            host,
            j.name,
            j.kind,
            j.path,
            j.pattern,
            j.schedule_hours,
            j.credential,
            j.version,
            last.get(j.id),
            j.updated_at,
        )
        for j, customer, system, host in rows
    ]


def _job_values(session: Session, form: JobForm) -> dict[str, Any]:
    """The job's columns, every field checked (bad input: a ValidationError naming it)."""
    try:
        kind = BackupKind(form.kind)
    except ValueError:
        raise ValidationError(
            "kind", "bad_choice", value=str(form.kind), choices=", ".join(BackupKind)
        ) from None
    path, pattern = form.path.strip(), form.pattern.strip() or "*"
    if not path.startswith("/"):
        raise ValidationError("path", "not_absolute", value=path[:200])
    if "/" in pattern:
        raise ValidationError("pattern", "bad_value", value=pattern[:200])
    if not 1 <= form.schedule_hours <= MAX_SCHEDULE_HOURS:
        raise ValidationError(
            "schedule_hours",
            "out_of_range",
            value=str(form.schedule_hours),
            min=1,
            max=MAX_SCHEDULE_HOURS,
        )
    credential = form.credential.strip()
    if kind in REPOSITORIES and not credential:
        raise ValidationError("credential", "required")
    known = select(Credential.id).where(Credential.name == credential)
    if credential and session.scalar(known) is None:
        raise ValidationError("credential", "unknown_credential", value=credential)
    host = session.get(Host, form.host_id)
    if host is None or host.system_id != form.system_id:
        raise ValidationError("host", "host_not_in_system", value=str(form.host_id))
    name = required("name", form.name, 100)
    clash = select(BackupJob.id).where(
        BackupJob.system_id == form.system_id,
        BackupJob.name == name,
        BackupJob.id != (form.id or 0),
    )
    if session.scalar(clash) is not None:
        raise ValidationError("name", "duplicate", value=name)
    return {
        "system_id": form.system_id,
        "host_id": form.host_id,
        "name": name,
        "kind": kind.value,
        "path": limited("path", path, 1000),
        "pattern": limited("pattern", pattern, 200),
        "schedule_hours": form.schedule_hours,
        "credential": credential,
    }


def save_job(session: Session, form: JobForm) -> JobRow:
    actor = require(session, Permission.REGISTRY_EDIT).login
    values = _job_values(session, form)
    if form.id is None:
        row = BackupJob(**values)
        session.add(row)
    else:
        found = session.get(BackupJob, form.id, with_for_update=True)
        if found is None:
            raise NotFoundError("backup_job", form.id)
        if form.version is not None and found.version != form.version:
            raise ConflictError("backup_job", form.id, found.updated_by)
        row = found
        for key, value in values.items():
            setattr(row, key, value)
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("backup_job", form.id, None) from None
    action = f"backup_job.{'add' if form.id is None else 'update'}"
    audit.append(session, action, f"backup_job:{row.id}", values)
    return next(j for j in jobs(session, form.system_id) if j.id == row.id)


def by_system(session: Session, now: datetime | None = None) -> dict[int, SystemBackups]:
    """Each system's backups in one line (systems without a job are absent)."""
    stale = (now or datetime.now(UTC)) - timedelta(days=UNCHECKED_DAYS)
    found: dict[int, SystemBackups] = {}
    for job in jobs(session):
        last = job.last
        current = found.get(job.system_id, SystemBackups())
        found[job.system_id] = SystemBackups(
            current.jobs + 1,
            current.failing + (last is not None and not last.passed),
            current.unchecked + (last is None or last.checked_at < stale),
        )
    return found


def failing_since(session: Session, job_id: int) -> CheckRow | None:
    """The first failed check after the last one that passed: when the trouble began (None
    while the newest check passed, or there is none). Cancelled checks say nothing."""
    counted = (BackupCheck.job_id == job_id, BackupCheck.outcome != CANCELLED)
    last_passed = session.scalar(
        select(func.max(BackupCheck.id)).where(*counted, BackupCheck.passed)
    )
    first = session.scalars(
        select(BackupCheck)
        .where(*counted, BackupCheck.id > (last_passed or 0))
        .order_by(BackupCheck.id)
        .limit(1)
    ).first()
    return None if first is None else _check_row(first)


def checks(session: Session, job_id: int, limit: int = 50) -> list[CheckRow]:
    query = (
        select(BackupCheck)
        .where(BackupCheck.job_id == job_id)
        .order_by(BackupCheck.id.desc())
        .limit(limit)
    )
    return [_check_row(c) for c in session.scalars(query)]


# --- checking over SSH -------------------------------------------------------------------


def _result_doc(result: CommandResult) -> dict[str, Any]:
    return {
        "command": result.command,
        "host_key": {
            "type": result.host_key.key_type,
            "fingerprint": result.host_key.fingerprint,
        },
        "started_at": result.started_at.isoformat(),
        "ended_at": result.ended_at.isoformat(),
        "exit_status": result.exit_status,
        "outcome": result.outcome.value,
        "stdout": base64.b64encode(result.stdout).decode("ascii"),
        "stderr": base64.b64encode(result.stderr).decode("ascii"),
    }


SET_UP = "backup.set_up"  # the audit event of a job whose backups SupportDesk set up


def _depth_required(uow: UnitOfWork, job_id: int, now: datetime) -> int:
    """R3.3's 60 days; for a backup the group set up itself, no more than it has existed
    (its first run cannot be two months deep). A customer's own backup must be deep now."""
    with uow.read() as s:
        began = s.scalar(
            select(func.max(AuditEvent.at)).where(
                AuditEvent.action == SET_UP, AuditEvent.target == f"backup_job:{job_id}"
            )
        )
    if began is None:
        return RETENTION_DAYS
    age = now - datetime.fromisoformat(str(began))
    return max(0, min(RETENTION_DAYS, age.days))


def check_jobs(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    job_ids: Sequence[int],
    *,
    now: datetime | None = None,
    limits: Limits = LIMITS,
    cancel: threading.Event | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[CheckRow]:
    """Check each job on its host, one after another (each its own connection and its own
    transaction, so a slow or broken host costs only its own result)."""
    with uow.read() as s:
        require(s, Permission.INSPECT)
    done = []
    for index, job_id in enumerate(job_ids):
        if cancel is not None and cancel.is_set():
            break
        done.append(_check_one(uow, shell, unlocked, job_id, now, limits, cancel))
        if progress is not None:
            progress(index + 1, len(job_ids))
    return done


def _check_one(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    job_id: int,
    now: datetime | None,
    limits: Limits,
    cancel: threading.Event | None,
) -> CheckRow:
    with uow.read() as s:
        row = s.get(BackupJob, job_id)
        if row is None:
            raise NotFoundError("backup_job", job_id)
        job = Job(
            BackupKind(row.kind), row.path, row.pattern, row.schedule_hours, bool(row.credential)
        )
        name, host_id, credential, schedule = (
            row.name,
            row.host_id,
            row.credential,
            row.schedule_hours,
        )
    nonce = secrets.token_hex(8)
    script = listing_script(job, nonce)
    doc: dict[str, Any] = {
        "version": _EVIDENCE_VERSION,
        "job": {**asdict(job), "name": name},
        "nonce": nonce,
    }
    findings: list[Finding]
    outcome = "checked"
    try:
        stdin = _repository_secret(uow, unlocked, credential, f"backup check: {name}")
        result = inspection.run_on_host(
            uow, shell, unlocked, host_id, f"backup check {name}", script, limits,
            stdin=stdin, cancel=cancel,
        )  # fmt: skip
    except SupportDeskError as error:
        outcome = error.code
        params = {k: str(v) for k, v in error.params.items()}
        doc.update(error=error.code, params=params, command=script)
        findings = [Finding("unreadable", False, {"error": error.code, **params})]
    else:
        doc.update(_result_doc(result))
        if not result.complete:
            outcome = result.outcome.value
            findings = [Finding("unreadable", False, {"error": outcome})]
        else:
            listing = parse_listing(job, result.stdout.decode("utf-8", "replace"), nonce)
            if not listing.listed:
                findings = [Finding("unreadable", False, {"detail": listing.detail})]
            else:
                at = now or result.ended_at
                findings = assess(
                    listing.items,
                    timedelta(hours=schedule),
                    at,
                    sound=listing.sound,
                    sound_detail=listing.detail,
                    retention_days=_depth_required(uow, job_id, at),
                )
    with uow.write() as s:
        digest = evidence.put(s, json.dumps(doc, ensure_ascii=False, sort_keys=True).encode())
        check = BackupCheck(
            job_id=job_id,
            checked_at=datetime.now(UTC),
            passed=passed(findings),
            outcome=outcome,
            findings=json.dumps(
                [{"code": f.code, "ok": f.ok, "params": f.params} for f in findings],
                ensure_ascii=False,
            ),
            evidence_sha256=digest,
            checked_by=audit.current_actor(s),
        )
        s.add(check)
        s.flush()
        audit.append(
            s,
            "backup.check",
            f"backup_job:{job_id}",
            {"passed": check.passed, "outcome": outcome, "evidence": digest},
        )
        return _check_row(check)


# --- the restore drill -------------------------------------------------------------------


def drill(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    job_id: int,
    file: str = "",
    *,
    limits: Limits = LIMITS,
    cancel: threading.Event | None = None,
) -> DrillRow:
    """Restore one file of the job's backups into a scratch directory on its host (removed
    afterwards) and compare its checksum with the one it should have: the set-up's
    SHA256SUMS, the file as it lies in the backup directory, or the repository's own copy.
    Recorded, with the evidence, whatever the result."""
    with uow.read() as s:
        require(s, Permission.INSPECT)
        row = s.get(BackupJob, job_id)
        if row is None:
            raise NotFoundError("backup_job", job_id)
        job = Job(
            BackupKind(row.kind), row.path, row.pattern, row.schedule_hours, bool(row.credential)
        )
        name, host_id, credential = row.name, row.host_id, row.credential
    wanted = limited("file", file, 1000)
    if job.kind in REPOSITORIES and not wanted.startswith("/"):
        raise ValidationError("file", "not_absolute", value=wanted[:200])
    if job.kind not in REPOSITORIES and "/" in wanted:
        raise ValidationError("file", "bad_value", value=wanted[:200])
    nonce = secrets.token_hex(8)
    script = drill_script(job, nonce, wanted)
    doc: dict[str, Any] = {"version": _EVIDENCE_VERSION, "drill": name, "nonce": nonce}
    try:
        stdin = _repository_secret(uow, unlocked, credential, f"restore drill: {name}")
        result = inspection.run_on_host(
            uow, shell, unlocked, host_id, f"restore drill {name}", script, limits,
            stdin=stdin, cancel=cancel,
        )  # fmt: skip
    except SupportDeskError as error:
        doc.update(error=error.code, command=script)
        outcome = DrillResult(wanted, "", "", "", False, error.code)
    else:
        doc.update(_result_doc(result))
        outcome = parse_drill(result.stdout.decode("utf-8", "replace"), nonce)
        if not result.complete:
            outcome = DrillResult(wanted, "", "", "", False, result.outcome.value)
    with uow.write() as s:
        digest = evidence.put(s, json.dumps(doc, ensure_ascii=False, sort_keys=True).encode())
        record = BackupDrill(
            job_id=job_id,
            drilled_at=datetime.now(UTC),
            file=outcome.file[:1000],
            reference=outcome.reference[:20],
            expected=outcome.expected[:64],
            restored=outcome.restored[:64],
            passed=outcome.passed,
            detail=outcome.detail,
            evidence_sha256=digest,
            drilled_by=audit.current_actor(s),
        )
        s.add(record)
        s.flush()
        audit.append(
            s,
            "backup.drill",
            f"backup_job:{job_id}",
            {"file": outcome.file, "passed": outcome.passed, "evidence": digest},
        )
        return _drill_row(record)


def _repository_secret(
    uow: UnitOfWork, unlocked: vault.UnlockedVault, credential: str, reason: str
) -> bytes | None:
    """The repository password as the command's first input line (None: no password)."""
    if not credential:
        return None
    with uow.write() as s:
        revealed = vault.reveal(s, unlocked, credential, reason, Access.USE)
    if revealed.secret is None:
        raise ValidationError("credential", "secret_damaged", value=credential)
    return revealed.secret.encode() + b"\n"


def _drill_row(d: BackupDrill) -> DrillRow:
    at = d.drilled_at
    return DrillRow(
        d.id, d.job_id, at, d.file, d.reference, d.expected, d.restored, d.passed, d.detail,
        d.evidence_sha256, d.drilled_by,
    )  # fmt: skip


def drills(session: Session, job_id: int, limit: int = 50) -> list[DrillRow]:
    query = (
        select(BackupDrill)
        .where(BackupDrill.job_id == job_id)
        .order_by(BackupDrill.id.desc())
        .limit(limit)
    )
    return [_drill_row(d) for d in session.scalars(query)]


# --- setting a backup up where the customer has none -----------------------------------


_PLAIN_PATH = re.compile(r"^/[^\x00-\x1f\x7f%]*$")  # no control characters, no cron's %
_DATABASE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}$")


def _plain_dir(field_name: str, value: str) -> str:
    path = value.strip().rstrip("/")
    if not path:
        raise ValidationError(field_name, "not_absolute", value=value[:200])
    if not _PLAIN_PATH.match(path):
        code = "not_absolute" if not path.startswith("/") else "bad_value"
        raise ValidationError(field_name, code, value=path[:200])
    return path


def plan_setup(form: SetupForm) -> SetupPlan:
    """The exact commands a set-up will run, checked: shown to the user before anything
    runs (R3.3: where the customer has no backup, the group sets one up)."""
    return setup_plan(checked_setup(form))


def checked_setup(form: SetupForm) -> SetupForm:
    """The form, every field checked and normalised (bad input: a ValidationError naming
    it). What is shown and what runs are made from this one."""
    app_dir = _plain_dir("app_dir", form.app_dir)
    target = _plain_dir("target_dir", form.target_dir)
    if f"{target}/".startswith(f"{app_dir}/"):  # tar would archive its own backups
        raise ValidationError("target_dir", "inside_app_dir", value=target[:200])
    if form.database not in DATABASES:
        raise ValidationError(
            "database", "bad_choice", value=form.database, choices=", ".join(DATABASES)
        )
    name = form.database_name.strip()
    if form.database != "none":
        required("database_name", name, 63)
        if not _DATABASE_NAME.match(name):
            raise ValidationError("database_name", "bad_value", value=name[:63])
    if not 61 <= form.keep_days <= 3650:  # at least the two months R3.3 requires
        raise ValidationError(
            "keep_days", "out_of_range", value=str(form.keep_days), min=61, max=3650
        )
    if not 0 <= form.hour <= 23:
        raise ValidationError("hour", "out_of_range", value=str(form.hour), min=0, max=23)
    return SetupForm(app_dir, target, form.database, name, form.keep_days, form.hour)


def set_up(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    change_id: int,
    host_id: int,
    form: SetupForm,
    *,
    limits: Limits = LIMITS,
) -> list[JobRow]:
    """Install the planned backup on the host, under a change (R3.2): the change must be
    planned for the host's system and, for a system under maintenance, the customer told.
    On success the change is executed with the script archived, and the backup jobs that
    check it from now on are added (or updated)."""
    form = checked_setup(form)
    plan = setup_plan(form)
    with uow.read() as s:
        require(s, Permission.CHANGE_EDIT)
        require(s, Permission.REGISTRY_EDIT)
        detail = changes.detail(s, change_id)
        host = s.get(Host, host_id)
        if host is None or host.system_id != detail.change.system_id:
            raise ValidationError("host", "host_not_in_system", value=str(host_id))
        if detail.change.state != "planned":
            raise ValidationError("change", "not_planned", value=detail.change.state)
        if detail.change.under_maintenance and not detail.noticed:
            raise ValidationError("notice", "notice_required")
        system_id = detail.change.system_id
    result = inspection.run_on_host(
        uow, shell, unlocked, host_id, f"backup set-up (change {change_id})", plan.install, limits
    )
    if not result.complete or result.exit_status != 0:
        said = (result.stderr or result.stdout).decode("utf-8", "replace")[-500:]
        raise ValidationError("host", "setup_failed", detail=said.strip() or result.outcome.value)
    target = form.target_dir.rstrip("/")
    kinds = [("app", BackupKind.DIRECTORY, "app-*.tar.gz")]
    if form.database != "none":
        db_kind = BackupKind.PG_DUMP if form.database == "postgresql" else BackupKind.MYSQL_DUMP
        kinds.append(("db", db_kind, "db-*.sql.gz"))
    with uow.write() as s:
        changes.attach(
            s, change_id, ArtifactKind.SCRIPT, "supportdesk-backup.sh", data=plan.script.encode()
        )
        changes.attach(s, change_id, ArtifactKind.SCRIPT, "install.sh", data=plan.install.encode())
        changes.mark_executed(s, change_id, result.ended_at)
        saved = []
        for prefix, kind, pattern in kinds:
            name = f"{prefix} {target}"[:100]
            existing = s.scalar(
                select(BackupJob).where(BackupJob.system_id == system_id, BackupJob.name == name)
            )
            form_ = JobForm(
                system_id, host_id, name, kind, target, pattern, 24, "",
                existing.id if existing else None, existing.version if existing else None,
            )  # fmt: skip
            saved.append(save_job(s, form_))
            # Its backups begin today: depth is asked of them as they age (_depth_required).
            audit.append(s, SET_UP, f"backup_job:{saved[-1].id}", {"change": change_id})
        return saved
