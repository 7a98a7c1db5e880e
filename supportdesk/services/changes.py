"""The change log (issue 8, R3.2). A change is planned with its reason, scope, schedule,
impact and rollback, executed under an after-sales engineer's supervision, and archived:
the changed source (a file, an archive or a commit id) and database scripts by SHA-256, their
hashes in the audit chain, so what runs on each system is pinned.

The customer notice gate: a change to a system under maintenance is marked executed only
once the customer was told its schedule, impact, scope and duration (a phone call recorded
with who and when, or a mail from the app every copy of which the mail server accepted).
An emergency change made first is recorded with its reason and flagged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit, evidence, outbox
from supportdesk.db.models import (
    AuditEvent,
    ChangeArtifact,
    ChangeNotice,
    ChangeRecord,
    Contact,
    Customer,
    Host,
    OutboxMessage,
    Project,
    System,
    User,
)
from supportdesk.domain.changes import (
    MAX_DURATION_MINUTES,
    ArtifactKind,
    ArtifactRow,
    ChangeDetail,
    ChangeForm,
    ChangeRow,
    ChangeState,
    FingerprintDiff,
    NoticeChannel,
    NoticeRow,
    PinnedVersion,
    Stage,
    compare,
    parse_checksums,
)
from supportdesk.domain.delivery import MAIL
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.handover import MAX_MATERIAL_BYTES
from supportdesk.domain.ports import UnitOfWork
from supportdesk.domain.registry import limited, required, valid_email
from supportdesk.domain.remote import Limits, RemoteShell, quote_command
from supportdesk.domain.roles import Permission, Role
from supportdesk.reports.text import append_text_row
from supportdesk.services import team_settings, vault
from supportdesk.services.files import written_beside
from supportdesk.services.users import require

NOTICE_RULE = "change.notice"  # the outbox rule of a notice mailed to the customer
_COMMIT = re.compile(r"^[0-9a-fA-F]{7,64}$")
# What the customer is told (and which customer): changing any makes earlier notices stale.
_TERMS = ("system_id", "planned_start", "duration_minutes", "scope", "impact")
SUPERVISORS = (Role.ENGINEER, Role.GROUP_LEADER)  # the after-sales group (R3.2)
CLOCK_SKEW = timedelta(minutes=5)  # a desktop's clock a little ahead is not "in the future"


def _query() -> Select[ChangeRecord, str, str, bool]:
    return (
        select(ChangeRecord, Customer.name, System.name, System.under_maintenance)
        .join(System, ChangeRecord.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
    )


def _tz(value: datetime) -> datetime:
    """SQLite hands times back without their zone; they are stored in UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _row(c: ChangeRecord, customer: str, system: str, maintained: bool) -> ChangeRow:
    return ChangeRow(
        c.id,
        c.system_id,
        customer,
        system,
        maintained,
        c.title,
        c.reason,
        c.scope,
        _tz(c.planned_start),
        c.duration_minutes,
        c.impact,
        c.rollback,
        c.executor,
        c.supervisor,
        c.state,
        _tz(c.executed_at) if c.executed_at else None,
        c.without_notice,
        c.emergency_reason,
        c.version,
    )


def list_changes(
    session: Session,
    *,
    system_id: int | None = None,
    text: str = "",
    flagged_only: bool = False,
) -> list[ChangeRow]:
    """Newest first; `text` is looked for in the words of the change, its customer and
    system, and its people."""
    query = _query().order_by(ChangeRecord.planned_start.desc(), ChangeRecord.id.desc())
    if system_id is not None:
        query = query.where(ChangeRecord.system_id == system_id)
    if flagged_only:
        query = query.where(ChangeRecord.without_notice)
    needle = text.strip().lower()
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = (
            ChangeRecord.title,
            ChangeRecord.reason,
            ChangeRecord.scope,
            ChangeRecord.impact,
            ChangeRecord.executor,
            ChangeRecord.supervisor,
            Customer.name,
            System.name,
        )
        query = query.where(or_(*(func.lower(c).like(pattern, escape="\\") for c in columns)))
    return [_row(*r) for r in session.execute(query)]


def get(session: Session, change_id: int) -> ChangeRow:
    found = session.execute(_query().where(ChangeRecord.id == change_id)).first()
    if found is None:
        raise NotFoundError("change", change_id)
    return _row(*found)


def _aware(field: str, value: datetime) -> datetime:
    """An instant, kept in UTC (SQLite would drop any other zone and keep the wall time)."""
    if value.tzinfo is None:
        raise ValidationError(field, "bad_value", value=value.isoformat())
    return value.astimezone(UTC)


def _supervisor(session: Session, login: str) -> str:
    who = required("supervisor", login, 63)
    role = session.scalar(select(User.role).where(User.login == who, User.active))
    if role is None:
        raise ValidationError("supervisor", "unknown_user", value=who)
    if role not in SUPERVISORS:
        raise ValidationError("supervisor", "not_after_sales", value=who)
    return who


def save_change(session: Session, form: ChangeForm) -> ChangeRow:
    """Plan a change, or correct a planned one. Changing what the customer is told (the
    schedule, scope, impact or duration) makes earlier notices stale: tell them again."""
    actor = require(session, Permission.CHANGE_EDIT).login
    if form.duration_minutes < 1 or form.duration_minutes > MAX_DURATION_MINUTES:
        raise ValidationError(
            "duration_minutes",
            "out_of_range",
            value=str(form.duration_minutes),
            min=1,
            max=MAX_DURATION_MINUTES,
        )
    values = {
        "system_id": form.system_id,
        "title": required("title", form.title, 300),
        "reason": required("reason", form.reason, 4000),
        "scope": required("scope", form.scope, 4000),
        "planned_start": _aware("planned_start", form.planned_start),
        "duration_minutes": form.duration_minutes,
        "impact": required("impact", form.impact, 4000),
        "rollback": required("rollback", form.rollback, 4000),
        "executor": required("executor", form.executor, 200),
        "supervisor": _supervisor(session, form.supervisor),
    }
    if session.get(System, form.system_id) is None:
        raise NotFoundError("system", form.system_id)
    now = datetime.now(UTC)
    if form.id is None:
        row = ChangeRecord(**values, state=ChangeState.PLANNED.value)
        session.add(row)
    else:
        row = _load(session, form.id, form.version)
        if row.state != ChangeState.PLANNED:
            raise ValidationError("change", "not_planned", value=row.state)
        if any(_comparable(getattr(row, k)) != _comparable(values[k]) for k in _TERMS):
            row.terms_changed_at = now
        for name, value in values.items():
            setattr(row, name, value)
    row.updated_by, row.updated_at = actor, now
    _flush(session, form.id)
    audit.append(
        session,
        f"change.{'add' if form.id is None else 'update'}",
        f"change:{row.id}",
        {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()},
    )
    return get(session, row.id)


def _comparable(value: object) -> object:
    return _tz(value) if isinstance(value, datetime) else value


def _load(session: Session, change_id: int, version: int | None) -> ChangeRecord:
    row = session.get(ChangeRecord, change_id, with_for_update=True)
    if row is None:
        raise NotFoundError("change", change_id)
    if version is not None and row.version != version:
        raise ConflictError("change", change_id, row.updated_by)
    return row


def _flush(session: Session, change_id: int | None) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("change", change_id, None) from None


# --- the customer notice (R3.2) ----------------------------------------------------------


def notices(session: Session, change_id: int) -> list[NoticeRow]:
    """Every notice of a change; a mail's is given when its last copy was accepted."""
    rows = session.scalars(
        select(ChangeNotice).where(ChangeNotice.change_id == change_id).order_by(ChangeNotice.id)
    ).all()
    changed = session.scalar(
        select(ChangeRecord.terms_changed_at).where(ChangeRecord.id == change_id)
    )
    mails = {f"change_notice:{n.id}": n.id for n in rows if n.channel == NoticeChannel.MAIL}
    copies: dict[int, list[tuple[str, datetime | None]]] = {}
    if mails:
        for subject, state, sent_at in session.execute(
            select(OutboxMessage.subject, OutboxMessage.state, OutboxMessage.sent_at).where(
                OutboxMessage.rule == NOTICE_RULE, OutboxMessage.subject.in_(list(mails))
            )
        ):
            copies.setdefault(mails[subject], []).append((state, _tz(sent_at) if sent_at else None))
    result = []
    for n in rows:
        given, pending = (_tz(n.given_at) if n.given_at else None), 0
        if n.channel == NoticeChannel.MAIL:
            sent = copies.get(n.id, [])
            pending = sum(1 for state, _at in sent if state != "sent")
            given = max(at for _s, at in sent if at) if sent and not pending else None
        # A mail says what it said when it was written (queued), whenever it went out.
        said_at = _tz(n.recorded_at) if n.channel == NoticeChannel.MAIL else given
        current = (
            given is not None
            and said_at is not None
            and (changed is None or said_at >= _tz(changed))
        )
        result.append(
            NoticeRow(n.id, n.channel, n.to_whom, given, n.recorded_by, n.note, pending, current)
        )
    return result


def _open(session: Session, change_id: int) -> ChangeRecord:
    row = session.get(ChangeRecord, change_id, with_for_update=True)
    if row is None:
        raise NotFoundError("change", change_id)
    if row.state != ChangeState.PLANNED:
        raise ValidationError("change", "not_planned", value=row.state)
    return row


def notify_by_phone(
    session: Session,
    change_id: int,
    to_whom: str,
    given_at: datetime,
    note: str = "",
    *,
    now: datetime | None = None,
) -> NoticeRow:
    """The customer was told by phone (or in person): who, and when."""
    actor = require(session, Permission.CHANGE_EDIT).login
    change = _open(session, change_id)
    person = required("to_whom", to_whom, 200)
    when = _aware("given_at", given_at)
    if when > (now or datetime.now(UTC)) + CLOCK_SKEW:
        raise ValidationError("given_at", "in_future", value=when.isoformat(timespec="minutes"))
    if change.terms_changed_at is not None and when < _tz(change.terms_changed_at):
        # Told before the schedule or scope last changed: the customer heard something else.
        raise ValidationError("given_at", "before_terms", value=when.isoformat(timespec="minutes"))
    notice = ChangeNotice(
        change_id=change_id,
        channel=NoticeChannel.PHONE.value,
        to_whom=person,
        given_at=when,
        note=limited("note", note, 2000),
        recorded_by=actor,
        recorded_at=datetime.now(UTC),
    )
    session.add(notice)
    session.flush()
    audit.append(
        session,
        "change.notice",
        f"change:{change_id}",
        {"channel": "phone", "to": person, "given_at": when.isoformat(), "note": notice.note},
    )
    return next(n for n in notices(session, change_id) if n.id == notice.id)


def customer_addresses(session: Session, change_id: int) -> list[str]:
    """Where a notice goes by default: the customer's contacts with an address, emergency
    contacts first."""
    customer = session.scalar(
        select(Project.customer_id)
        .join(System, System.project_id == Project.id)
        .join(ChangeRecord, ChangeRecord.system_id == System.id)
        .where(ChangeRecord.id == change_id)
    )
    found = session.scalars(
        select(Contact.email)
        .where(Contact.customer_id == customer, Contact.email != "")
        .order_by(Contact.emergency.desc(), Contact.id)
    ).all()
    return list(dict.fromkeys(found))


def notify_by_mail(
    session: Session, change_id: int, addresses: Sequence[str], *, now: datetime | None = None
) -> NoticeRow:
    """Mail the customer the schedule, impact, scope and duration. The notice is given when
    the mail server has accepted every copy (the deliverer sends them from the outbox)."""
    actor = require(session, Permission.CHANGE_EDIT).login
    _open(session, change_id)
    recipients = list(dict.fromkeys(valid_email("to_whom", a) for a in addresses if a.strip()))
    if not recipients:
        raise ValidationError("to_whom", "required")
    if not team_settings.get(session, "mail.host"):
        raise ValidationError("mail.host", "required")  # nothing could ever send it
    when = now or datetime.now(UTC)
    notice = ChangeNotice(
        change_id=change_id,
        channel=NoticeChannel.MAIL.value,
        to_whom=limited("to_whom", ", ".join(recipients), 1000),
        recorded_by=actor,
        recorded_at=when,
    )
    session.add(notice)
    session.flush()
    row = get(session, change_id)
    subject, text = _compose(row)
    for address in recipients:
        outbox.add_once(
            session,
            {
                "rule": NOTICE_RULE,
                "subject": f"change_notice:{notice.id}",
                "due_on": when.date(),
                "recipient": address,
                "channel": MAIL,
                "title": subject,
                "body": text,
                "state": "pending",
                "attempts": 0,
                "created_at": when,
                "next_attempt_at": when,
                "step": 0,
                "cc": "",
                "last_error": "",
            },
        )
    audit.append(
        session,
        "change.notice",
        f"change:{change_id}",
        {"channel": "mail", "to": recipients, "subject": subject},
    )
    return next(n for n in notices(session, change_id) if n.id == notice.id)


def _compose(change: ChangeRow) -> tuple[str, str]:
    from supportdesk.reports.change_notice import compose  # noqa: PLC0415 - loads QtCore

    return compose(change)


# --- executing, cancelling ---------------------------------------------------------------


def mark_executed(
    session: Session,
    change_id: int,
    executed_at: datetime,
    *,
    emergency_reason: str = "",
    version: int | None = None,
    now: datetime | None = None,
) -> ChangeRow:
    """The change was made. For a system under maintenance the customer must have been told
    first (R3.2); an emergency change made before that is recorded with its reason and
    flagged, so a complaint about it is handled as one."""
    actor = require(session, Permission.CHANGE_EDIT).login
    row = _load(session, change_id, version)
    if row.state != ChangeState.PLANNED:
        raise ValidationError("change", "not_planned", value=row.state)
    when = _aware("executed_at", executed_at)
    if when > (now or datetime.now(UTC)) + CLOCK_SKEW:
        raise ValidationError("executed_at", "in_future", value=when.isoformat(timespec="minutes"))
    system = session.get(System, row.system_id)
    assert system is not None  # the foreign key
    why = limited("emergency_reason", emergency_reason, 2000)
    # R3.2: told before the change, not afterwards.
    told = any(
        n.current and n.given_at is not None and n.given_at <= when
        for n in notices(session, change_id)
    )
    unnoticed = system.under_maintenance and not told
    if unnoticed and not why:
        raise ValidationError("notice", "notice_required")
    row.state, row.executed_at = ChangeState.EXECUTED.value, when
    row.without_notice, row.emergency_reason = unnoticed, why if unnoticed else ""
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    _flush(session, change_id)
    audit.append(
        session,
        "change.executed",
        f"change:{change_id}",
        {"executed_at": when.isoformat(), "without_notice": unnoticed, "emergency_reason": why},
    )
    return get(session, change_id)


def cancel(session: Session, change_id: int, version: int | None = None) -> ChangeRow:
    actor = require(session, Permission.CHANGE_EDIT).login
    row = _load(session, change_id, version)
    if row.state != ChangeState.PLANNED:
        raise ValidationError("change", "not_planned", value=row.state)
    row.state = ChangeState.CANCELLED.value
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    _flush(session, change_id)
    audit.append(session, "change.cancelled", f"change:{change_id}", {})
    return get(session, change_id)


# --- the archive: source and scripts by SHA-256, pinned versions --------------------------


def _artifact_row(a: ChangeArtifact) -> ArtifactRow:
    return ArtifactRow(a.id, a.kind, a.name, a.sha256, a.commit, a.size, a.added_by)


def artifacts(session: Session, change_id: int) -> list[ArtifactRow]:
    query = (
        select(ChangeArtifact)
        .where(ChangeArtifact.change_id == change_id)
        .order_by(ChangeArtifact.id)
    )
    return [_artifact_row(a) for a in session.scalars(query)]


def attach(
    session: Session,
    change_id: int,
    kind: ArtifactKind,
    name: str,
    *,
    data: bytes | None = None,
    commit: str = "",
) -> ArtifactRow:
    """Archive the changed source (a file or archive, or the commit id) or a database
    script; a file is kept by SHA-256 and its hash is chained into the audit log."""
    actor = require(session, Permission.CHANGE_EDIT).login
    change = session.get(ChangeRecord, change_id, with_for_update=True)
    if change is None:
        raise NotFoundError("change", change_id)
    if change.state == ChangeState.CANCELLED:
        raise ValidationError("change", "not_planned", value=change.state)
    label = required("name", name, 255)
    ref = commit.strip()
    if kind is ArtifactKind.COMMIT:
        if not _COMMIT.match(ref):
            raise ValidationError("commit", "bad_commit", value=ref[:80])
        ref, data = ref.lower(), None
    elif data is None:
        raise ValidationError("file", "required")
    elif len(data) > MAX_MATERIAL_BYTES:
        raise ValidationError("file", "too_large", max=f"{MAX_MATERIAL_BYTES // 2**20} MB")
    else:
        ref = ""
    digest = evidence.put(session, data) if data is not None else None
    row = ChangeArtifact(
        change_id=change_id,
        kind=kind.value,
        name=label,
        sha256=digest,
        commit=ref,
        size=len(data) if data is not None else 0,
        added_by=actor,
        added_at=datetime.now(UTC),
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        "change.archive",
        f"change:{change_id}",
        {"artifact": row.id, "kind": kind.value, "name": label, "sha256": digest, "commit": ref},
    )
    return _artifact_row(row)


def artifact_data(session: Session, artifact_id: int) -> tuple[str, bytes]:
    """An archived file's name and bytes, checked against its hash."""
    row = session.get(ChangeArtifact, artifact_id)
    if row is None or row.sha256 is None:
        raise NotFoundError("change_artifact", artifact_id)
    return row.name, evidence.get(session, row.sha256)


def verify_artifacts(session: Session, change_id: int) -> dict[int, bool]:
    """Each archived file still hashes to what was stored, and the audit chain holds it."""
    chained = {
        (payload.get("artifact"), payload.get("sha256"))
        for payload in (
            json.loads(p)
            for (p,) in session.execute(
                select(AuditEvent.payload).where(
                    AuditEvent.action == "change.archive",
                    AuditEvent.target == f"change:{change_id}",
                )
            )
        )
    }
    result = {}
    for a in artifacts(session, change_id):
        ok = (a.id, a.sha256) in chained
        if ok and a.sha256 is not None:
            try:
                evidence.get(session, a.sha256)
            except evidence.EvidenceDamagedError:
                ok = False
        result[a.id] = ok
    return result


def detail(session: Session, change_id: int) -> ChangeDetail:
    return ChangeDetail(
        get(session, change_id),
        tuple(notices(session, change_id)),
        tuple(artifacts(session, change_id)),
    )


def pinned_versions(session: Session) -> list[PinnedVersion]:
    """Per system, the newest executed change that archived something: what runs there."""
    archived = (
        select(ChangeArtifact.change_id)
        .where(ChangeArtifact.kind.in_((ArtifactKind.SOURCE.value, ArtifactKind.COMMIT.value)))
        .distinct()
    )
    newest: dict[int, tuple[ChangeRecord, str, str]] = {}
    query = (
        _query()
        .where(ChangeRecord.state == ChangeState.EXECUTED, ChangeRecord.id.in_(archived))
        .order_by(ChangeRecord.executed_at, ChangeRecord.id)
    )
    for change, customer, system, _maintained in session.execute(query):
        newest[change.system_id] = (change, customer, system)
    pinned = [
        PinnedVersion(
            c.system_id,
            customer,
            system,
            c.id,
            c.title,
            _tz(c.executed_at or c.planned_start),
            tuple(artifacts(session, c.id)),
        )
        for c, customer, system in newest.values()
    ]
    return sorted(pinned, key=lambda p: (p.customer, p.system))


# --- export ------------------------------------------------------------------------------


def export_xlsx(session: Session, path: Path, rows: Sequence[ChangeRow]) -> Path:
    """The change history as a spreadsheet (written beside `path` first: never half a file).
    `rows` are what the user sees (the search or system chosen)."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy, only for spreadsheets

    from supportdesk.reports.change_notice import flag_label, sheet_head, state_label  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(sheet_head())
    for c in rows:
        append_text_row(
            sheet,
            [
                c.id,
                c.customer,
                c.system,
                c.title,
                c.reason,
                c.scope,
                c.planned_start.astimezone().strftime("%Y-%m-%d %H:%M"),
                c.duration_minutes,
                c.impact,
                c.rollback,
                c.executor,
                c.supervisor,
                state_label(c.state),
                c.executed_at.astimezone().strftime("%Y-%m-%d %H:%M") if c.executed_at else "",
                flag_label(c.without_notice),
                c.emergency_reason,
            ],
        )
    with written_beside(path) as part:
        book.save(str(part))
    return path


# --- before/after fingerprints of the deployed files ---------------------------------------


def fingerprint(
    uow: UnitOfWork,
    shell: RemoteShell,
    unlocked: vault.UnlockedVault,
    change_id: int,
    host_id: int,
    paths: Sequence[str],
    stage: Stage,
    *,
    limits: Limits | None = None,
) -> ArtifactRow:
    """The SHA-256 of every file under `paths` on the host, read over SSH the way an
    inspection reads a host, kept as an archived checksum list (`stage` before or after):
    evidence that what ran is what the change says."""
    from supportdesk.services import inspection  # noqa: PLC0415 - avoids a cycle at import

    wanted = [p.strip() for p in paths if p.strip()]
    if not wanted:
        raise ValidationError("paths", "required")
    for path in wanted:
        if not path.startswith("/"):
            raise ValidationError("paths", "not_absolute", value=path[:200])
    with uow.read() as s:
        require(s, Permission.CHANGE_EDIT)
        change = get(s, change_id)
        host = s.get(Host, host_id)
        if host is None or host.system_id != change.system_id:
            raise ValidationError("host", "host_not_in_system", value=str(host_id))
        host_name = host.name
    # Every path must be there (a deploy directory is often a symlink: -H follows it); a
    # missing one is an error, not an empty list that would compare as "all removed".
    command = (
        "export LC_ALL=C; for p in "
        + quote_command(wanted)
        + '; do [ -d "$p" ] || { echo "missing: $p" >&2; exit 3; }; done; find -H '
        + quote_command(wanted)
        + " -type f -print0 | sort -z | xargs -0 -r sha256sum"
    )
    result = inspection.run_on_host(
        uow, shell, unlocked, host_id, f"change {change_id} {stage.value}", command,
        limits or Limits(),
    )  # fmt: skip
    if not result.complete:
        raise ValidationError("paths", "remote_failed", detail=result.outcome.value)
    if result.exit_status != 0 or not result.stdout.strip():
        said = result.stderr.decode("utf-8", "replace").strip()[-300:]
        raise ValidationError("paths", "remote_failed", detail=said or "no files")
    listing = result.stdout
    with uow.write() as s:
        return attach(
            s,
            change_id,
            ArtifactKind.CHECKSUMS,
            f"{stage.value} {host_name}",
            data=listing,
        )


def fingerprint_diff(session: Session, change_id: int) -> FingerprintDiff | None:
    """Before against after, per host (the newest of each stage), once both were taken;
    paths are given as host:path."""
    sums = {a.name: a for a in artifacts(session, change_id) if a.kind == ArtifactKind.CHECKSUMS}
    pairs = [
        (sums[name], sums[f"after {name.removeprefix('before ')}"])
        for name in sums
        if name.startswith("before ") and f"after {name.removeprefix('before ')}" in sums
    ]
    if not pairs:
        return None
    changed: list[str] = []
    added: list[str] = []
    removed: list[str] = []
    for before, after in pairs:
        old = parse_checksums(artifact_data(session, before.id)[1].decode("utf-8", "replace"))
        new = parse_checksums(artifact_data(session, after.id)[1].decode("utf-8", "replace"))
        diff = compare(old, new)
        host = before.name.removeprefix("before ")
        changed += (f"{host}:{p}" for p in diff.changed)
        added += (f"{host}:{p}" for p in diff.added)
        removed += (f"{host}:{p}" for p in diff.removed)
    return FingerprintDiff(tuple(changed), tuple(added), tuple(removed))
