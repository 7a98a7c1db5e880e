"""Backup status over SSH (issue 8, R3.3). Each job names a host, a directory or repository
and how often it runs; a check lists its backups on the host (the repository's own tools,
its password given on input, never on a command line), judges them (domain/backup.assess),
and keeps what the host said as evidence, like an inspection. Hosts are reached the way an
inspection reaches them (services/inspection.run_on_host): the same vault credentials, host
keys and jump hosts."""

from __future__ import annotations

import base64
import json
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
    BackupCheck,
    BackupJob,
    Credential,
    Customer,
    Host,
    Project,
    System,
)
from supportdesk.domain.backup import (
    MAX_SCHEDULE_HOURS,
    REPOSITORIES,
    BackupKind,
    CheckRow,
    Finding,
    Job,
    JobForm,
    JobRow,
    assess,
    listing_script,
    parse_listing,
    passed,
)
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
from supportdesk.services import inspection, vault
from supportdesk.services.users import require

LIMITS = Limits(command=900.0, read=600.0)  # a repository's check reads its index: minutes
_EVIDENCE_VERSION = 1


# --- jobs ----------------------------------------------------------------------------------


def _check_row(c: BackupCheck) -> CheckRow:
    checked = c.checked_at if c.checked_at.tzinfo else c.checked_at.replace(tzinfo=UTC)
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
    """Every job (of a system), with its newest check."""
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
        .where(BackupCheck.job_id.in_([j.id for j, *_ in rows]))
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
            j.updated_at if j.updated_at.tzinfo else j.updated_at.replace(tzinfo=UTC),
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


def failing_since(session: Session, job_id: int) -> CheckRow | None:
    """The first failed check after the last one that passed: when the trouble began (None
    while the newest check passed, or there is none)."""
    first = None
    for check in checks(session, job_id):
        if check.passed:
            break
        first = check
    return first


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
        stdin = None
        if credential:
            with uow.write() as s:
                revealed = vault.reveal(
                    s, unlocked, credential, f"backup check: {name}", Access.USE
                )
            if revealed.secret is None:
                raise ValidationError("credential", "secret_damaged", value=credential)
            stdin = revealed.secret.encode() + b"\n"
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
                findings = assess(
                    listing.items,
                    timedelta(hours=schedule),
                    now or result.ended_at,
                    sound=listing.sound,
                    sound_detail=listing.detail,
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
