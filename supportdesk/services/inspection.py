"""The monthly inspection (R2.3, R5.3): run the checks on every host of a system over SSH, keep
each host's raw output as evidence, and derive the findings from that evidence only.

A run is many short transactions, none held across the network (DESIGN.md): the plan is read,
each credential is fetched as an audited "use", the hosts run side by side in a bounded pool,
and each host's result is written, with its evidence and an audit event, as it arrives.
"""

from __future__ import annotations

import base64
import calendar
import contextlib
import hashlib
import json
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from supportdesk.db import audit, evidence
from supportdesk.db.models import (
    AuditEvent,
    BackupCheck,
    BackupJob,
    Credential,
    Customer,
    Host,
    HostInspection,
    InspectionConfig,
    InspectionFinding,
    InspectionRun,
    ManualCheck,
    Project,
    System,
)
from supportdesk.domain.errors import NotFoundError, SupportDeskError, ValidationError
from supportdesk.domain.inspection import (
    BackupLine,
    Baseline,
    Coverage,
    CustomCheck,
    Finding,
    HostResult,
    InspectionReport,
    InspectionSettings,
    ManualCheckRow,
    ManualItem,
    ReportFinding,
    ReportHost,
    SystemCoverage,
    Thresholds,
    Verdict,
    check_settings,
    combined_command,
    evaluate,
    new_nonce,
)
from supportdesk.domain.ports import UnitOfWork
from supportdesk.domain.remote import (
    CommandResult,
    Endpoint,
    HostKey,
    Limits,
    Login,
    RemoteError,
    RemoteShell,
)
from supportdesk.domain.roles import Permission
from supportdesk.domain.vault import Access, CredentialKind
from supportdesk.services import host_key, vault
from supportdesk.services.files import digests, written_together
from supportdesk.services.users import require

Progress = Callable[[int, int, str], None]

_EVIDENCE_VERSION = 1


def thresholds_from_dict(data: dict[str, Any]) -> Thresholds:
    """A system's stored settings; unknown keys are ignored, missing ones take the default."""
    known = {f for f in Thresholds.__dataclass_fields__ if f in data}
    values = {k: data[k] for k in known}
    for name in ("expected_ports", "expected_processes"):
        if name in values:
            values[name] = tuple(values[name])
    if "custom" in values:
        values["custom"] = tuple(CustomCheck(**c) for c in values["custom"])
    return Thresholds(**values)


def settings(session: Session, system_id: int) -> InspectionSettings:
    """A system's thresholds, expected ports and processes, custom checks, manual items."""
    row = session.get(InspectionConfig, system_id)
    if row is None:
        return InspectionSettings()
    data = json.loads(row.settings)
    manual = tuple(ManualItem(**m) for m in data.get("manual", []))
    return InspectionSettings(thresholds_from_dict(data.get("thresholds", {})), manual)


def save_settings(session: Session, system_id: int, new: InspectionSettings) -> None:
    """Replace a system's inspection settings (checked first: bad input changes nothing)."""
    login = require(session, Permission.REGISTRY_EDIT).login
    if session.get(System, system_id) is None:
        raise NotFoundError("system", system_id)
    check_settings(new)
    data = {"thresholds": asdict(new.thresholds), "manual": [asdict(m) for m in new.manual]}
    text_ = json.dumps(data, ensure_ascii=False, sort_keys=True)
    row = session.get(InspectionConfig, system_id)
    now = datetime.now(UTC)
    if row is None:
        session.add(
            InspectionConfig(system_id=system_id, settings=text_, updated_by=login, updated_at=now)
        )
    else:
        row.settings, row.updated_by, row.updated_at = text_, login, now
    session.flush()
    audit.append(session, "inspection.settings", f"system:{system_id}", data)


@dataclass(frozen=True, slots=True)
class _Target:
    host_id: int
    name: str
    endpoint: Endpoint | None  # None: cannot be reached (see problem)
    problem: tuple[str, dict[str, str]] | None = None
    baseline: Baseline | None = None
    path: dict[str, int] = field(default_factory=dict)  # host id by name, jump hosts included


@dataclass
class RunSummary:
    run_id: int
    hosts: int = 0
    reached: int = 0
    worst: Verdict = Verdict.OK
    cancelled: bool = False
    not_reached: list[tuple[str, str]] = field(default_factory=list)  # (host, code)


def run_system(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    system_id: int,
    period: str,
    *,
    accept_new_keys: bool = False,
    concurrency: int = 16,
    limits: Limits | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> RunSummary:
    """Inspect every host of `system_id` for `period` (YYYY-MM); every host's result is
    committed as it arrives, so a crash or a cancel keeps the finished ones."""
    limits = limits or Limits()
    with uow.write() as s:
        require(s, Permission.INSPECT)
        system = s.get(System, system_id)
        if system is None:
            raise NotFoundError("system", system_id)
        _check_period(period)
        run = InspectionRun(
            system_id=system_id,
            period=period,
            started_by=audit.current_actor(s),
            started_at=datetime.now(UTC),
            state="running",
        )
        s.add(run)
        s.flush()
        audit.append(s, "inspection.start", f"inspection_run:{run.id}", {"system": system.name})
        summary = RunSummary(run.id)
        configured = settings(s, system_id)
        thresholds = configured.thresholds
        s.add_all(  # the checklist as it stands today; a later change does not alter this run
            ManualCheck(run_id=run.id, position=i, text=m.text, required=m.required)
            for i, m in enumerate(configured.manual)
        )
        hosts = list(s.scalars(select(Host).where(Host.system_id == system_id).order_by(Host.name)))
        baselines = _baselines(s, [h.id for h in hosts])
    summary.hosts = len(hosts)

    names = {h.id: h.name for h in hosts}

    def inspect(host_id: int) -> tuple[_Target, str, Any]:
        name = names[host_id]
        if cancel is not None and cancel.is_set():  # not even the credential is fetched
            return _Target(host_id, name, None, ("cancelled", {"host": name})), "", None
        try:
            # The credential is fetched in the worker too: one by one up front, the fetches
            # (each an audited commit) would hold every host back.
            target = _target(uow, unlocked, host_id, period, baselines.get(host_id))
            return _inspect(uow, shell, target, thresholds, limits, accept_new_keys, cancel)
        except Exception as error:  # noqa: BLE001 - one host's surprise must not end the run
            problem = ("ssh_failed", {"host": name, "detail": type(error).__name__})
            return _Target(host_id, name, None, problem), "", None

    try:
        _run_hosts(uow, summary, hosts, inspect, thresholds, concurrency, progress)
    except BaseException:  # the run ends as failed, never left "running" for ever
        _finish(uow, summary, cancel, failed=True)
        raise
    _finish(uow, summary, cancel)
    return summary


def _run_hosts(
    uow: UnitOfWork,
    summary: RunSummary,
    hosts: list[Host],
    inspect: Callable[[int], tuple[_Target, str, Any]],
    thresholds: Thresholds,
    concurrency: int,
    progress: Progress | None,
) -> None:
    done = 0
    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="inspect") as pool:
        futures: list[Future[tuple[_Target, str, Any]]] = [
            pool.submit(inspect, host.id) for host in hosts
        ]
        for future in as_completed(futures):
            target, nonce, result = future.result()
            if result is None:  # no run: the target's problem says why
                assert target.problem is not None
                result = SupportDeskError(target.problem[0], **target.problem[1])
            verdict = _record_host(uow, summary.run_id, target, nonce, thresholds, result)
            done += 1
            if isinstance(result, CommandResult):
                summary.reached += 1
                if verdict.rank > summary.worst.rank:
                    summary.worst = verdict
            else:
                summary.not_reached.append((target.name, _code(result)))
            if progress is not None:
                progress(done, len(hosts), target.name)


def _finish(
    uow: UnitOfWork, summary: RunSummary, cancel: threading.Event | None, failed: bool = False
) -> None:
    summary.cancelled = cancel is not None and cancel.is_set()
    with uow.write() as s:
        row = s.get(InspectionRun, summary.run_id)
        assert row is not None
        row.state = "failed" if failed else ("cancelled" if summary.cancelled else "done")
        row.finished_at = datetime.now(UTC)
        s.flush()
        audit.append(
            s,
            "inspection.finish",
            f"inspection_run:{summary.run_id}",
            {
                "hosts": summary.hosts,
                "reached": summary.reached,
                "worst": summary.worst.value,
                "state": row.state,
            },
        )


def _check_period(period: str) -> None:
    try:
        datetime.strptime(period, "%Y-%m")
    except ValueError:
        raise ValidationError("period", "bad_period", value=period) from None


def _code(result: Any) -> str:
    return result.code if isinstance(result, SupportDeskError) else str(result)


def _baselines(session: Session, host_ids: list[int]) -> dict[int, Baseline]:
    """Each host's newest baseline from a run that reached it."""
    found: dict[int, Baseline] = {}
    rows = session.execute(
        select(HostInspection.host_id, HostInspection.baseline)
        .where(HostInspection.host_id.in_(host_ids), HostInspection.reached)
        .order_by(HostInspection.id.desc())
    )
    for host_id, baseline in rows:
        if host_id is not None and host_id not in found:
            found[host_id] = Baseline(**json.loads(baseline))
    return found


def _target(
    uow: UnitOfWork,
    unlocked: vault.UnlockedVault,
    host_id: int,
    period: str,
    baseline: Baseline | None,
) -> _Target:
    """The endpoint for a host and its jump hosts, credentials fetched as an audited use."""
    path: dict[str, int] = {}
    try:
        endpoint = _endpoint(uow, unlocked, host_id, f"inspection {period}", path)
    except SupportDeskError as error:
        with uow.read() as s:
            host = s.get(Host, host_id)
            name = host.name if host else str(host_id)
        params = {k: str(v) for k, v in error.params.items()}
        return _Target(host_id, name, None, (error.code, params), baseline)
    return _Target(host_id, endpoint.name, endpoint, None, baseline, path)


def _endpoint(
    uow: UnitOfWork,
    unlocked: vault.UnlockedVault,
    host_id: int,
    purpose: str,
    path: dict[str, int],
) -> Endpoint:
    """`path` collects the host ids along the way, by name (for accepting a first key);
    `purpose` is what the vault's access log says the credentials were used for."""
    if host_id in path.values() or len(path) > 3:
        raise ValidationError("jump_host", "jump_loop", value=str(host_id))
    with uow.read() as s:
        host = s.get(Host, host_id)
        if host is None:
            raise NotFoundError("host", host_id)
        name, address, port, user = host.name, host.address, host.port, host.user
        jump_id, known = host.jump_host_id, host_key.known_key(s, host_id)
        credential = _credential_for(s, host)
    path[name] = host_id
    if credential is None:
        raise ValidationError("credential", "no_credential", value=name)
    cred_name, kind, username = credential
    with uow.write() as s:
        revealed = vault.reveal(s, unlocked, cred_name, f"{purpose}: {name}", Access.USE)
    if revealed.secret is None:
        raise ValidationError("credential", "secret_damaged", value=cred_name)
    login = (
        Login(username or user, private_key=revealed.secret, key_passphrase=revealed.passphrase)
        if kind == CredentialKind.SSH_KEY
        else Login(username or user, password=revealed.secret)
    )
    jump = _endpoint(uow, unlocked, jump_id, purpose, path) if jump_id else None
    return Endpoint(name, address, port, login, known, jump)


def _credential_for(session: Session, host: Host) -> tuple[str, str, str] | None:
    """The host's credential: the one its registry entry names, else one linked to it."""
    query = select(Credential.name, Credential.kind, Credential.username)
    if host.credential:
        found = session.execute(query.where(Credential.name == host.credential)).first()
    else:
        found = session.execute(
            query.where(Credential.host_id == host.id).order_by(Credential.name)
        ).first()
    return None if found is None else (found[0], found[1], found[2])


def _inspect(
    uow: UnitOfWork,
    shell: RemoteShell,
    target: _Target,
    thresholds: Thresholds,
    limits: Limits,
    accept_new_keys: bool,
    cancel: threading.Event | None,
) -> tuple[_Target, str, Any]:
    """Run one host (off the caller's thread): a CommandResult, or the error that stopped it."""
    nonce = new_nonce()
    if target.endpoint is None:
        assert target.problem is not None
        code, params = target.problem
        return target, nonce, SupportDeskError(code, **params)
    if cancel is not None and cancel.is_set():
        return target, nonce, RemoteError("cancelled", host=target.name)
    command = combined_command(nonce, thresholds.custom)
    endpoint = target.endpoint
    for _attempt in range(len(target.path) + 1):  # each first-contact key accepted once
        try:
            return target, nonce, shell.run(endpoint, command, limits, cancel)
        except RemoteError as error:
            name = str(error.params.get("host"))
            if not (accept_new_keys and error.code == "host_key_unknown" and error.key):
                return target, nonce, error
            try:
                with uow.write() as s:
                    host_key.accept_first(s, target.path[name], error.key)
            except SupportDeskError as refused:
                return target, nonce, refused
            endpoint = _expecting(endpoint, name, error.key)
        except Exception as error:  # noqa: BLE001 - one host's surprise must not end the run
            return (
                target,
                nonce,
                RemoteError("ssh_failed", host=target.name, detail=type(error).__name__),
            )
    return target, nonce, RemoteError("host_key_unknown", host=target.name)


def run_on_host(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    host_id: int,
    purpose: str,
    command: str,
    limits: Limits,
    *,
    stdin: bytes | None = None,
    cancel: threading.Event | None = None,
) -> CommandResult:
    """One command on a registry host, reached as an inspection reaches it (the vault's
    credential, our host keys, its jump hosts); other checks over SSH (backups) use this
    rather than a second way in. A host never seen before is refused (accept its key in an
    inspection first). Raises the RemoteError or SupportDeskError that stopped it."""
    path: dict[str, int] = {}
    endpoint = _endpoint(uow, unlocked, host_id, purpose, path)
    return shell.run(endpoint, command, limits, cancel, stdin)


def _expecting(endpoint: Endpoint, name: str, key: HostKey) -> Endpoint:
    """`endpoint` with `key` now expected of the host called `name` on its path."""
    if endpoint.name == name:
        return replace(endpoint, known_key=key)
    if endpoint.jump is None:
        return endpoint
    return replace(endpoint, jump=_expecting(endpoint.jump, name, key))


# --- evidence and results ---------------------------------------------------------------


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _evidence_doc(
    target: _Target, nonce: str, thresholds: Thresholds, result: CommandResult | SupportDeskError
) -> dict[str, Any]:
    """Everything the findings are derived from, and everything a reviewer needs to see."""
    doc: dict[str, Any] = {
        "version": _EVIDENCE_VERSION,
        "host": target.name,
        "nonce": nonce,
        "thresholds": asdict(thresholds),
        "baseline": asdict(target.baseline) if target.baseline else None,
    }
    if isinstance(result, CommandResult):
        doc.update(
            command=result.command,
            host_key={
                "type": result.host_key.key_type,
                "base64": result.host_key.key_base64,
                "fingerprint": result.host_key.fingerprint,
            },
            started_at=result.started_at.isoformat(),
            ended_at=result.ended_at.isoformat(),
            exit_status=result.exit_status,
            outcome=result.outcome.value,
            stdout=base64.b64encode(result.stdout).decode("ascii"),
            stderr=base64.b64encode(result.stderr).decode("ascii"),
        )
    else:
        now = datetime.now(UTC).isoformat()
        doc.update(started_at=now, ended_at=now, error=result.code, params=_params(result, target))
    return doc


def _params(error: SupportDeskError, target: _Target | None = None) -> dict[str, str]:
    """An error's params; a host key refusal also keeps the key offered and the id of the
    host it belongs to (the target or a jump host), so it can be accepted from the results."""
    params = {k: str(v) for k, v in error.params.items()}
    if isinstance(error, RemoteError) and error.key is not None and target is not None:
        params["key_type"], params["key_base64"] = error.key.key_type, error.key.key_base64
        owner = target.path.get(params.get("host", ""))
        if owner is not None:
            params["host_id"] = str(owner)
    return params


def evidence_of(session: Session, digest: str) -> bytes:
    """A stored evidence document, checked against its hash (EvidenceDamagedError if not)."""
    require(session, Permission.INSPECT)
    return evidence.get(session, digest)


def findings_from_evidence(doc: dict[str, Any]) -> tuple[list[Finding], Baseline]:
    """The findings, recomputed from a stored evidence document alone."""
    if "stdout" not in doc:
        return [], Baseline()
    started = datetime.fromisoformat(doc["started_at"]).timestamp()
    ended = datetime.fromisoformat(doc["ended_at"]).timestamp()
    baseline = Baseline(**doc["baseline"]) if doc.get("baseline") else None
    verdict = evaluate(
        base64.b64decode(doc["stdout"]),
        doc["nonce"],
        thresholds_from_dict(doc["thresholds"]),
        baseline,
        (started + ended) / 2,
    )
    return list(verdict.findings), verdict.baseline


def findings_digest(findings: Iterable[tuple[str, str, str, str, str, str]]) -> str:
    return hashlib.sha256(_canonical(sorted(findings))).hexdigest()


def _record_host(
    uow: UnitOfWork,
    run_id: int,
    target: _Target,
    nonce: str,
    thresholds: Thresholds,
    result: CommandResult | SupportDeskError,
) -> Verdict:
    doc = _evidence_doc(target, nonce, thresholds, result)
    findings, baseline = findings_from_evidence(doc)
    rows = [(f.key, f.check, f.verdict.value, f.value, f.threshold, f.detail) for f in findings]
    reached = isinstance(result, CommandResult)
    worst = max((f.verdict for f in findings), key=lambda v: v.rank, default=Verdict.OK)
    if not reached:
        worst = Verdict.UNKNOWN
    with uow.write() as s:
        digest = evidence.put(s, _canonical(doc))
        row = HostInspection(
            run_id=run_id,
            host_id=target.host_id,
            host_name=target.name,
            reached=reached,
            outcome=result.outcome.value if isinstance(result, CommandResult) else result.code,
            error="" if isinstance(result, CommandResult) else json.dumps(_params(result, target)),
            worst=worst.value,
            evidence_sha256=digest,
            findings_sha256=findings_digest(rows),
            baseline=json.dumps(asdict(baseline), ensure_ascii=False),
            started_at=datetime.fromisoformat(doc["started_at"]),
            ended_at=datetime.fromisoformat(doc["ended_at"]),
        )
        s.add(row)
        s.flush()
        s.add_all(
            InspectionFinding(
                host_inspection_id=row.id,
                key=k,
                check=c,
                verdict=v,
                value=val,
                threshold=t,
                detail=d,
            )
            for k, c, v, val, t, d in rows
        )
        s.flush()
        audit.append(
            s,
            "inspection.host",
            f"host_inspection:{row.id}",
            {
                "run": run_id,
                "host": target.name,
                "outcome": row.outcome,
                "evidence": digest,
                "findings": row.findings_sha256,
                "worst": worst.value,
            },
        )
    return worst


def verify_records(session: Session) -> int | None:
    """The audit event of the first host result whose rows no longer match what was recorded
    (findings, outcome, evidence), or whose evidence no longer yields its findings; None if
    all match. `audit verify` runs this after the chain itself."""
    # Filtered here, not in SQL: `audit verify` must hold even where someone planted an
    # operator that answers every text comparison with true (see migration 0004).
    query = select(AuditEvent.seq, AuditEvent.action, AuditEvent.target, AuditEvent.payload)
    events = session.execute(query.order_by(AuditEvent.seq).execution_options(yield_per=5000))
    with contextlib.closing(events):
        recorded = [
            (int(seq), target, payload)
            for seq, action, target, payload in events
            if action == "inspection.host"
        ]
    for seq, target, payload in recorded:
        row = session.get(HostInspection, int(target.split(":")[1]))
        if row is None or not _matches(session, row, json.loads(payload)):
            return seq
    return None


def _matches(session: Session, row: HostInspection, recorded: dict[str, Any]) -> bool:
    stored = session.execute(
        select(
            InspectionFinding.key,
            InspectionFinding.check,
            InspectionFinding.verdict,
            InspectionFinding.value,
            InspectionFinding.threshold,
            InspectionFinding.detail,
        ).where(InspectionFinding.host_inspection_id == row.id)
    ).all()
    if (
        row.evidence_sha256 != recorded["evidence"]
        or row.outcome != recorded["outcome"]
        or row.worst != recorded["worst"]
        or findings_digest((r[0], r[1], r[2], r[3], r[4], r[5]) for r in stored)
        != recorded["findings"]
    ):
        return False
    try:
        doc = json.loads(evidence.get(session, recorded["evidence"]))
    except evidence.EvidenceDamagedError:
        return False
    findings, _baseline = findings_from_evidence(doc)
    derived = [(f.key, f.check, f.verdict.value, f.value, f.threshold, f.detail) for f in findings]
    return bool(findings_digest(derived) == recorded["findings"])


def run_results(session: Session, run_id: int) -> list[HostResult]:
    rows = session.scalars(
        select(HostInspection)
        .where(HostInspection.run_id == run_id)
        .order_by(HostInspection.host_name)
    ).all()
    found: dict[int, list[Finding]] = {r.id: [] for r in rows}
    for f in session.scalars(
        select(InspectionFinding)
        .where(InspectionFinding.host_inspection_id.in_(list(found)))
        .order_by(InspectionFinding.id)
    ):
        found[f.host_inspection_id].append(
            Finding(f.key, f.check, Verdict(f.verdict), f.value, f.threshold, f.detail)
        )
    return [
        HostResult(
            r.host_name,
            r.reached,
            r.outcome,
            json.loads(r.error) if r.error else {},
            r.worst,
            r.evidence_sha256,
            tuple(found[r.id]),
        )
        for r in rows
    ]


def _maintained_in(period: str) -> ColumnElement[bool]:
    """A system handed over mid-month is first inspected the month after (R1.4, R2.3)."""
    first = date(int(period[:4]), int(period[5:]), 1)
    return or_(System.maintained_from.is_(None), System.maintained_from <= first)


def due_systems(session: Session, period: str) -> list[tuple[int, str]]:
    """Systems under maintenance without a finished run for `period` that reached every host."""
    _check_period(period)
    done = (
        select(InspectionRun.system_id)
        .where(InspectionRun.period == period, InspectionRun.state == "done")
        .where(
            ~select(HostInspection.id)
            .where(HostInspection.run_id == InspectionRun.id, ~HostInspection.reached)
            .exists()
        )
    )
    rows = session.execute(
        select(System.id, System.name)
        .where(System.under_maintenance, _maintained_in(period), System.id.not_in(done))
        .order_by(System.name)
    ).all()
    return [(int(i), str(n)) for i, n in rows]


# --- manual items, finalising, review, coverage ----------------------------------------------


def _run(session: Session, run_id: int) -> InspectionRun:
    run = session.get(InspectionRun, run_id, with_for_update=True)
    if run is None:
        raise NotFoundError("inspection_run", run_id)
    return run


def manual_checks(session: Session, run_id: int) -> list[ManualCheckRow]:
    rows = session.scalars(
        select(ManualCheck).where(ManualCheck.run_id == run_id).order_by(ManualCheck.position)
    )
    return [
        ManualCheckRow(
            r.id, r.position, r.text, r.required, r.ticked, r.note, r.screenshot_sha256,
            r.checked_by,
        )
        for r in rows
    ]  # fmt: skip


def tick(
    session: Session,
    run_id: int,
    position: int,
    ticked: bool,
    note: str = "",
    screenshot: bytes | None = None,
) -> None:
    """Tick (or untick) a manual item of a run, with a note and an optional screenshot."""
    login = require(session, Permission.INSPECT).login
    run = _run(session, run_id)
    if run.report_state != "draft":
        raise ValidationError("report", "report_not_draft", value=run.report_state)
    item = session.scalars(
        select(ManualCheck).where(ManualCheck.run_id == run_id, ManualCheck.position == position)
    ).first()
    if item is None:
        raise NotFoundError("manual_check", position)
    if len(note) > 2000:
        raise ValidationError("note", "too_long", max=2000)
    item.ticked, item.note = ticked, note.strip()
    if screenshot is not None:
        if len(screenshot) > 20 * 1024 * 1024:
            raise ValidationError("screenshot", "too_large", max="20 MB")
        item.screenshot_sha256 = evidence.put(session, screenshot)
    item.checked_by, item.checked_at = login, datetime.now(UTC)
    session.flush()
    audit.append(
        session,
        "inspection.manual",
        f"inspection_run:{run_id}",
        {
            "item": item.text,
            "ticked": ticked,
            "note": item.note,
            "screenshot": item.screenshot_sha256,
        },
    )


def finalize(session: Session, run_id: int, reasons: dict[str, str] | None = None) -> None:
    """Finalise a run's report: refused while a required manual item is open, or a host was
    not reached and nobody recorded why (`reasons`, by host name)."""
    require(session, Permission.INSPECT)
    run = _run(session, run_id)
    if run.state != "done":
        raise ValidationError("report", "run_not_done", value=run.state)
    if run.report_state != "draft":
        raise ValidationError("report", "report_not_draft", value=run.report_state)
    given = {k: v.strip() for k, v in (reasons or {}).items() if v.strip()}
    for item in session.scalars(select(ManualCheck).where(ManualCheck.run_id == run_id)):
        if item.required and not item.ticked:
            raise ValidationError("manual", "manual_open", value=item.text)
    hosts = session.scalars(
        select(HostInspection).where(HostInspection.run_id == run_id, ~HostInspection.reached)
    ).all()
    for host in hosts:
        why = given.get(host.host_name) or host.reason
        if not why:
            raise ValidationError("host", "host_not_reached", value=host.host_name)
        host.reason = why[:1000]
    run.report_state = "final"
    run.finalized_by, run.finalized_at = audit.current_actor(session), datetime.now(UTC)
    session.flush()
    audit.append(
        session,
        "inspection.finalize",
        f"inspection_run:{run_id}",
        {"not_reached": {h.host_name: h.reason for h in hosts}},
    )


def review(session: Session, run_id: int, approve: bool, comment: str = "") -> None:
    """The group leader approves a final report, or returns it to draft with a comment."""
    login = require(session, Permission.INSPECTION_REVIEW).login
    run = _run(session, run_id)
    if run.report_state != "final":
        raise ValidationError("report", "report_not_final", value=run.report_state)
    why = comment.strip()
    if not approve and not why:
        raise ValidationError("comment", "required")
    run.report_state = "approved" if approve else "draft"
    run.reviewed_by, run.reviewed_at, run.review_comment = login, datetime.now(UTC), why
    session.flush()
    action = "inspection.approve" if approve else "inspection.return"
    audit.append(session, action, f"inspection_run:{run_id}", {"comment": why})


def coverage(session: Session, period: str, today: date) -> list[SystemCoverage]:
    """Every system under maintenance for `period`: done (a report finalised), overdue (the
    month is over without one), or due."""
    _check_period(period)
    year, month = int(period[:4]), int(period[5:])
    over = today > date(year, month, calendar.monthrange(year, month)[1])
    newest: dict[int, tuple[int, str]] = {}
    runs = session.execute(
        select(InspectionRun.system_id, InspectionRun.id, InspectionRun.report_state)
        .where(InspectionRun.period == period)
        .order_by(InspectionRun.id)
    )
    finished: set[int] = set()
    for system_id, run_id, report_state in runs:
        newest[system_id] = (run_id, report_state)
        if report_state in ("final", "approved"):
            finished.add(system_id)
    rows = session.execute(
        select(System.id, System.name, Customer.name)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .where(System.under_maintenance, _maintained_in(period))
        .order_by(Customer.name, System.name)
    ).all()
    result = []
    for system_id, name, customer in rows:
        state = (
            Coverage.DONE if system_id in finished else (Coverage.OVERDUE if over else Coverage.DUE)
        )
        last = newest.get(system_id)
        result.append(
            SystemCoverage(
                system_id,
                name,
                customer,
                state,
                last[0] if last else None,
                last[1] if last else None,
            )
        )
    return result


def report(session: Session, run_id: int) -> InspectionReport:
    """The monthly report of a run: every host with its checks against last month's, the
    manual items, the follow-ups, who inspected and who reviewed, the evidence hashes."""
    run = session.get(InspectionRun, run_id)
    if run is None:
        raise NotFoundError("inspection_run", run_id)
    system, project, customer = session.execute(
        select(System.name, Project.name, Customer.name)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .where(System.id == run.system_id)
    ).one()
    previous = _previous_values(session, run)
    rows = session.scalars(
        select(HostInspection)
        .where(HostInspection.run_id == run_id)
        .order_by(HostInspection.host_name)
    ).all()
    results = {r.host: r for r in run_results(session, run_id)}
    hosts = []
    for row in rows:
        fingerprint = ""
        if row.evidence_sha256:
            doc = json.loads(evidence.get(session, row.evidence_sha256))
            fingerprint = (doc.get("host_key") or {}).get("fingerprint", "")
        last = previous.get(row.host_name, {})
        hosts.append(
            ReportHost(
                row.host_name,
                row.reached,
                row.outcome,
                json.loads(row.error) if row.error else {},
                row.reason,
                fingerprint,
                row.started_at.isoformat(timespec="seconds"),
                row.ended_at.isoformat(timespec="seconds"),
                row.evidence_sha256,
                tuple(ReportFinding(f, last.get(f.key)) for f in results[row.host_name].findings),
            )
        )
    return InspectionReport(
        run_id,
        customer,
        project,
        system,
        run.period,
        run.started_by,
        run.report_state,
        run.finalized_by,
        run.reviewed_by,
        run.review_comment,
        tuple(hosts),
        tuple(manual_checks(session, run_id)),
        tuple(_backup_lines(session, run.system_id, run.period)),
    )


def _backup_lines(session: Session, system_id: int, period: str) -> list[BackupLine]:
    """Each backup job of the system with its newest check within the month (R3.3)."""
    year, month = int(period[:4]), int(period[5:])
    # The month as the group lives it (local time), not UTC's: in UTC+8 a check at 07:00 on
    # the 1st is that month's.
    start = datetime(year, month, 1).astimezone()
    end = datetime(year + month // 12, month % 12 + 1, 1).astimezone()
    found = []
    for job_id, name, kind in session.execute(
        select(BackupJob.id, BackupJob.name, BackupJob.kind)
        .where(BackupJob.system_id == system_id)
        .order_by(BackupJob.name)
    ):
        check = session.scalars(
            select(BackupCheck)
            .where(
                BackupCheck.job_id == job_id,
                BackupCheck.checked_at >= start,
                BackupCheck.checked_at < end,
                BackupCheck.outcome != "cancelled",  # says nothing about the backups
            )
            .order_by(BackupCheck.id.desc())
            .limit(1)
        ).first()
        if check is None:
            found.append(BackupLine(name, kind, None, None, ()))
            continue
        problems = tuple(f["code"] for f in json.loads(check.findings) if not f["ok"])
        at = check.checked_at
        found.append(BackupLine(name, kind, at, check.passed, problems))
    return found


def _previous_values(session: Session, run: InspectionRun) -> dict[str, dict[str, str]]:
    """Each host's values in the newest earlier run of the system that reached it."""
    earlier = session.execute(
        select(HostInspection.id, HostInspection.host_name)
        .join(InspectionRun, HostInspection.run_id == InspectionRun.id)
        .where(
            InspectionRun.system_id == run.system_id,
            InspectionRun.period < run.period,
            HostInspection.reached,
        )
        .order_by(HostInspection.id.desc())
    ).all()
    newest: dict[str, int] = {}
    for row_id, name in earlier:
        newest.setdefault(name, row_id)
    values: dict[str, dict[str, str]] = {name: {} for name in newest}
    by_id = {v: k for k, v in newest.items()}
    if by_id:
        for row_id, check_key, value in session.execute(
            select(
                InspectionFinding.host_inspection_id, InspectionFinding.key, InspectionFinding.value
            ).where(InspectionFinding.host_inspection_id.in_(list(by_id)))
        ):
            values[by_id[row_id]][check_key] = value
    return values


def newest_run(session: Session, system_id: int, period: str) -> int | None:
    _check_period(period)
    found = session.scalar(
        select(InspectionRun.id)
        .where(InspectionRun.system_id == system_id, InspectionRun.period == period)
        .order_by(InspectionRun.id.desc())
        .limit(1)
    )
    return None if found is None else int(found)


_UNSAFE = str.maketrans(dict.fromkeys('\\/:*?"<>|', "_"))


def export_report(session: Session, run_id: int, folder: Path, font_file: Path) -> list[Path]:
    """Write an approved report as PDF and DOCX into the document folder (R2.3), under a
    month-stamped Chinese name; the same month again replaces the files, never duplicates."""
    from supportdesk.reports import inspection_report  # noqa: PLC0415 - loads QtGui

    run = session.get(InspectionRun, run_id)
    if run is None:
        raise NotFoundError("inspection_run", run_id)
    if run.report_state != "approved":
        raise ValidationError("report", "report_not_approved", value=run.report_state)
    data = report(session, run_id)
    stem = f"{data.period} {data.customer} {data.system} 巡检报告".translate(_UNSAFE)
    filed = [folder / f"{stem}.pdf", folder / f"{stem}.docx"]
    with written_together(filed, "documents.folder", make_folder=True) as (pdf, docx):
        inspection_report.write_pdf(data, pdf, font_file)
        inspection_report.write_docx(data, docx)
        files = digests(filed, [pdf, docx])
        audit.append(session, "inspection.export", f"inspection_run:{run_id}", {"files": files})
    return filed
