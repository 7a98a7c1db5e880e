"""The monthly optimisation report (issue 10, R2.4), first slice: the draft assembled from
what the app already knows, the group's own items, carry-over of unfinished items, the
approval chain with every step audited, the frozen approved report, and each project's
quality figures."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit
from supportdesk.db.models import (
    BackupCheck,
    BackupJob,
    ChangeRecord,
    Customer,
    HandoverIssue,
    HostInspection,
    InspectionFinding,
    InspectionRun,
    OptimisationItem,
    OptimisationReport,
    OptimisationStep,
    Project,
    System,
)
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.inspection import Verdict
from supportdesk.domain.optimisation import (
    Category,
    Decision,
    ItemForm,
    ItemRow,
    ItemState,
    Quality,
    ReportRow,
    ReportState,
    StepRow,
    clean,
    holder,
    step,
)
from supportdesk.domain.ports import TaskTracker, UnitOfWork
from supportdesk.domain.registry import add_months, local_midnight, month_bounds
from supportdesk.domain.roles import Permission, Role
from supportdesk.domain.zentao import ZentaoError, ZentaoTask
from supportdesk.reports.zentao_import import execution_label, write_import_xlsx
from supportdesk.services.registry import load_for_update
from supportdesk.services.users import current_user, require


def _month_of(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def _report(session: Session, month: str) -> OptimisationReport:
    found = session.scalars(
        select(OptimisationReport).where(OptimisationReport.month == month)
    ).first()
    if found is None:
        raise NotFoundError("optimisation_report", month)
    return found


def _editable(report: OptimisationReport) -> None:
    if report.state != ReportState.DRAFT.value:
        raise ValidationError("report", "not_draft", state=report.state)


# --- the draft ---------------------------------------------------------------------------------


def draft(session: Session, month: str) -> ReportRow:
    """The month's report, started if need be, with whatever the app found that month and
    was not reported yet, and the unfinished items of earlier months past their date.
    Drafting again adds only what is new; a report under review or approved is left alone."""
    require(session, Permission.OPTIMISATION_EDIT)
    first, after = month_bounds(month)
    actor = audit.current_actor(session)
    now = datetime.now(UTC)
    report = session.scalars(
        select(OptimisationReport).where(OptimisationReport.month == month).with_for_update()
    ).first()
    if report is None:
        report = OptimisationReport(month=month, state="draft", updated_by=actor, updated_at=now)
        session.add(report)
        session.flush()
    _editable(report)
    due = after + timedelta(days=_days_in(after) - 1)  # the end of the next month
    taken = set(
        session.scalars(
            select(OptimisationItem.source_ref).where(OptimisationItem.source_ref.is_not(None))
        )
    )
    added = 0
    for ref, project_id, system_id, category, text in _found(session, month, first, after):
        if ref in taken:
            continue
        taken.add(ref)
        source = ref.split(":", 1)[0]
        session.add(
            OptimisationItem(
                report_id=report.id,
                project_id=project_id,
                system_id=system_id,
                description=text,
                category=category.value,
                due_on=due,
                source=source,
                source_ref=ref,
                updated_by=actor,
                updated_at=now,
            )
        )
        added += 1
    added += _carry_over(session, report, first, actor, now)
    session.flush()
    audit.append(session, "optimisation.draft", f"optimisation:{month}", {"added": added})
    return show(session, month)


def _days_in(first: date) -> int:
    return (add_months(first, 1) - first).days


def _found(
    session: Session, month: str, first: date, after: date
) -> list[tuple[str, int, int | None, Category, str]]:
    """(source_ref, project, system, category, description) of the month's problems."""
    start, end = local_midnight(first), local_midnight(after)
    found: list[tuple[str, int, int | None, Category, str]] = []
    findings = session.execute(
        select(
            InspectionFinding.id,
            InspectionFinding.check,
            InspectionFinding.verdict,
            InspectionFinding.value,
            HostInspection.host_name,
            System.id,
            System.project_id,
            System.name,
        )
        .join(HostInspection, InspectionFinding.host_inspection_id == HostInspection.id)
        .join(InspectionRun, HostInspection.run_id == InspectionRun.id)
        .join(System, InspectionRun.system_id == System.id)
        .where(
            InspectionRun.period == month,
            InspectionFinding.verdict.in_([Verdict.WARNING.value, Verdict.CRITICAL.value]),
        )
        .order_by(InspectionFinding.id)
    )
    for fid, check, verdict, value, host, system_id, project_id, system in findings:
        category = Category.PERFORMANCE if check in _PERFORMANCE else Category.OPERATIONS
        found.append(
            (
                f"inspection:{fid}",
                project_id,
                system_id,
                category,
                f"巡检 {system} {host}：{check} {verdict}（{value}）",
            )
        )
    checks = session.execute(
        select(BackupJob.id, BackupJob.name, System.id, System.project_id, System.name)
        .join(BackupCheck, BackupCheck.job_id == BackupJob.id)
        .join(System, BackupJob.system_id == System.id)
        .where(
            BackupCheck.checked_at >= start,
            BackupCheck.checked_at < end,
            BackupCheck.passed.is_(False),
            BackupCheck.outcome != "cancelled",
        )
        .distinct()
        .order_by(BackupJob.id)
    )
    for job_id, name, system_id, project_id, system in checks:
        found.append(
            (
                f"backup:{job_id}:{month}",
                project_id,
                system_id,
                Category.OPERATIONS,
                f"备份 {system} {name}：本月备份检查未通过",
            )
        )
    changes = session.execute(
        select(ChangeRecord.id, ChangeRecord.title, System.id, System.project_id, System.name)
        .join(System, ChangeRecord.system_id == System.id)
        .where(
            ChangeRecord.executed_at >= start,
            ChangeRecord.executed_at < end,
            ChangeRecord.without_notice.is_(True),
        )
        .order_by(ChangeRecord.id)
    )
    for change_id, title, system_id, project_id, system in changes:
        found.append(
            (
                f"change:{change_id}",
                project_id,
                system_id,
                Category.OPERATIONS,
                f"变更 {system}「{title}」未提前告知客户即执行",
            )
        )
    issues = session.execute(
        select(HandoverIssue.id, HandoverIssue.title, HandoverIssue.project_id)
        .where(HandoverIssue.state == "open", HandoverIssue.due_on < after)
        .order_by(HandoverIssue.id)
    )
    for issue_id, title, project_id in issues:
        found.append(
            (f"handover_issue:{issue_id}", project_id, None, Category.BUG, f"遗留问题：{title}")
        )
    return found


# Inspection checks whose failure is a matter of capacity or speed rather than operations.
_PERFORMANCE = frozenset({"cpu", "load", "memory", "swap", "disk", "inodes", "slow_queries"})


def _carry_over(
    session: Session, report: OptimisationReport, first: date, actor: str, now: datetime
) -> int:
    """Earlier months' open items whose date has passed come into this report, overdue,
    until closed (one carried copy each: the newest carries on)."""
    continued = select(OptimisationItem.carried_from_id).where(
        OptimisationItem.carried_from_id.is_not(None)
    )
    stale = session.scalars(
        select(OptimisationItem)
        .join(OptimisationReport, OptimisationItem.report_id == OptimisationReport.id)
        .where(
            OptimisationReport.month < report.month,
            OptimisationItem.state == ItemState.OPEN.value,
            OptimisationItem.due_on < first,
            OptimisationItem.id.not_in(continued),
        )
        .order_by(OptimisationItem.id)
    ).all()
    for old in stale:
        session.add(
            OptimisationItem(
                report_id=report.id,
                project_id=old.project_id,
                system_id=old.system_id,
                description=old.description,
                category=old.category,
                department=old.department,
                due_on=old.due_on,
                measure=old.measure,
                source="carried",
                carried_from_id=old.id,
                updated_by=actor,
                updated_at=now,
            )
        )
    return len(stale)


# --- items -------------------------------------------------------------------------------------


def save_item(session: Session, form: ItemForm) -> ItemRow:
    """The group's own item, or a change to one (department, date, measure…), in a draft."""
    require(session, Permission.OPTIMISATION_EDIT)
    form = clean(form)
    report = _report(session, form.month)
    _editable(report)
    if session.get(Project, form.project_id) is None:
        raise ValidationError("project_id", "not_found", value=str(form.project_id))
    if form.system_id is not None:
        system = session.get(System, form.system_id)
        if system is None or system.project_id != form.project_id:
            raise ValidationError("system_id", "bad_value", value=str(form.system_id))
    actor, now = audit.current_actor(session), datetime.now(UTC)
    if form.id is None:
        item = OptimisationItem(report_id=report.id, source="group", state="open")
        session.add(item)
    else:
        item = load_for_update(
            session, OptimisationItem, "optimisation_item", form.id, form.version
        )
        if item.report_id != report.id:
            raise ValidationError("month", "bad_value", value=form.month)
    item.project_id, item.system_id = form.project_id, form.system_id
    item.description, item.category = form.description, form.category.value
    item.department, item.due_on, item.measure = form.department, form.due_on, form.measure
    item.updated_by, item.updated_at = actor, now
    _flush(session, form.id)
    return _item_rows(session, [item], report.month)[0]


def set_item_state(
    session: Session, item_id: int, closed: bool, version: int | None, on: date | None = None
) -> ItemRow:
    """Close an item (done) or open it again; allowed in any report but an approved one."""
    require(session, Permission.OPTIMISATION_EDIT)
    item = load_for_update(session, OptimisationItem, "optimisation_item", item_id, version)
    report = session.get(OptimisationReport, item.report_id)
    assert report is not None
    if report.state == ReportState.APPROVED.value:
        raise ValidationError("report", "frozen", month=report.month)
    item.state = ItemState.CLOSED.value if closed else ItemState.OPEN.value
    item.closed_on = (on or date.today()) if closed else None
    item.updated_by, item.updated_at = audit.current_actor(session), datetime.now(UTC)
    # Closing a carried item closes what it continues: the item is one piece of work.
    origin = item.carried_from_id
    while origin is not None:
        earlier = session.get(OptimisationItem, origin)
        if earlier is None:
            break
        earlier.state, earlier.closed_on = item.state, item.closed_on
        origin = earlier.carried_from_id
    _flush(session, item_id)
    return _item_rows(session, [item], report.month)[0]


def _flush(session: Session, key: int | None) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("optimisation_item", key, None) from None


def _item_rows(session: Session, items: list[OptimisationItem], month: str) -> list[ItemRow]:
    projects = {
        pid: (customer, name)
        for pid, customer, name in session.execute(
            select(Project.id, Customer.name, Project.name).join(
                Customer, Project.customer_id == Customer.id
            )
        )
    }
    systems = {int(k): str(v) for k, v in session.execute(select(System.id, System.name))}
    first, _after = month_bounds(month)
    rows = []
    for i in items:
        customer, project = projects.get(i.project_id, ("", ""))
        rows.append(
            ItemRow(
                id=i.id,
                month=month,
                project_id=i.project_id,
                customer=customer,
                project=project,
                system=systems.get(i.system_id or 0, ""),
                description=i.description,
                category=Category(i.category),
                department=i.department,
                due_on=i.due_on,
                measure=i.measure,
                state=ItemState(i.state),
                closed_on=i.closed_on,
                source=i.source,
                carried_from=_origin_month(session, i),
                overdue=i.state == ItemState.OPEN.value and i.due_on < first,
                zentao_task_id=i.zentao_task_id,
                version=i.version,
                system_id=i.system_id,
                zentao_error=i.zentao_error,
            )
        )
    return rows


def _origin_month(session: Session, item: OptimisationItem) -> str | None:
    """The month a carried item was first reported in (following the chain back)."""
    if item.carried_from_id is None:
        return None
    origin = session.get(OptimisationItem, item.carried_from_id)
    while origin is not None and origin.carried_from_id is not None:
        origin = session.get(OptimisationItem, origin.carried_from_id)
    found = session.get(OptimisationReport, origin.report_id) if origin is not None else None
    return found.month if found is not None else None


# --- the report and its approval chain ---------------------------------------------------------


def show(session: Session, month: str) -> ReportRow:
    report = _report(session, month)
    items = list(
        session.scalars(
            select(OptimisationItem)
            .where(OptimisationItem.report_id == report.id)
            .order_by(OptimisationItem.project_id, OptimisationItem.id)
        )
    )
    steps = session.scalars(
        select(OptimisationStep)
        .where(OptimisationStep.report_id == report.id)
        .order_by(OptimisationStep.id)
    )
    state = ReportState(report.state)
    return ReportRow(
        month=report.month,
        state=state,
        holder=holder(state),
        steps=tuple(
            StepRow(
                Decision(s.decision),
                s.by,
                s.at,
                s.comment,
                ReportState(s.state_after),
            )
            for s in steps
        ),
        items=tuple(_item_rows(session, items, report.month)),
        version=report.version,
    )


def decide(
    session: Session, month: str, decision: Decision, comment: str = "", version: int | None = None
) -> ReportRow:
    """Submit (the group leader), approve or return with a comment (the sales director, then
    a committee member). Each step is recorded with who and when, in the audit chain too; a
    return sends the report back to draft with its comment; approval freezes it."""
    report = session.scalars(
        select(OptimisationReport).where(OptimisationReport.month == month).with_for_update()
    ).first()
    if report is None:
        raise NotFoundError("optimisation_report", month)
    if version is not None and report.version != version:
        raise ConflictError("optimisation_report", month, report.updated_by)
    taken = take_step(session, report, decision, comment)
    if decision is Decision.SUBMIT and not session.scalar(
        select(func.count()).where(OptimisationItem.report_id == report.id)
    ):
        raise ValidationError("report", "empty", month=month)
    session.add(OptimisationStep(report_id=report.id, **taken.recorded))
    session.flush()
    audit.append(
        session,
        f"optimisation.{decision.value}",
        f"optimisation:{month}",
        {"state": taken.after.value, "comment": taken.comment,
         "items": _digest(session, report.id)},
    )  # fmt: skip
    return show(session, month)


@dataclass(frozen=True, slots=True)
class Taken:
    """A step of the chain as its step row records it."""

    decision: Decision
    after: ReportState
    by: str
    at: datetime
    comment: str

    @property
    def recorded(self) -> dict[str, object]:
        return {
            "decision": self.decision.value,
            "state_after": self.after.value,
            "by": self.by,
            "at": self.at,
            "comment": self.comment,
        }


def take_step(session: Session, record: Any, decision: Decision, comment: str) -> Taken:
    """The signed-in user takes `decision` on `record` (the report, or a reward application:
    anything with state, updated_by and updated_at) if the chain gives it to their role, and
    the record moves on; the caller adds the step row and the audit event."""
    user = current_user(session)
    if user is None or not user.active:
        raise ValidationError("role", "not_your_step", role="", holder="")
    comment = comment.strip()
    if len(comment) > 2000:
        raise ValidationError("comment", "too_long", max=2000)
    after = step(ReportState(record.state), decision, Role(user.role), comment)
    taken = Taken(decision, after, user.login, datetime.now(UTC), comment)
    record.state = after.value
    record.updated_by, record.updated_at = taken.by, taken.at
    return taken


def _digest(session: Session, report_id: int) -> str:
    """What the step was taken on: the items as they stood (the audit chain keeps it)."""
    rows = session.execute(
        select(
            OptimisationItem.id,
            OptimisationItem.description,
            OptimisationItem.department,
            OptimisationItem.due_on,
            OptimisationItem.measure,
            OptimisationItem.state,
        )
        .where(OptimisationItem.report_id == report_id)
        .order_by(OptimisationItem.id)
    ).all()
    text = json.dumps([[str(v) for v in r] for r in rows], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


# --- quality figures -----------------------------------------------------------------------------


def quality(session: Session, month: str, months: int = 1) -> list[Quality]:
    """Per project, over `months` reports ending with `month` (1: that month, 12: the last
    year): items found (carried copies not counted again), closed by their date, and
    overdue (carried into one of those months)."""
    first, _after = month_bounds(month)
    wanted = [_month_of(add_months(first, -k)) for k in range(months)]
    rows = session.execute(
        select(
            OptimisationItem.project_id,
            OptimisationItem.source,
            OptimisationItem.state,
            OptimisationItem.closed_on,
            OptimisationItem.due_on,
        )
        .join(OptimisationReport, OptimisationItem.report_id == OptimisationReport.id)
        .where(OptimisationReport.month.in_(wanted))
    ).all()
    figures: dict[int, list[int]] = {}
    for project_id, source, state, closed_on, due_on in rows:
        found, in_time, overdue = figures.setdefault(project_id, [0, 0, 0])
        if source == "carried":
            overdue += 1
        else:
            found += 1
            if state == ItemState.CLOSED.value and closed_on is not None and closed_on <= due_on:
                in_time += 1
        figures[project_id] = [found, in_time, overdue]
    names = {
        pid: (customer, name)
        for pid, customer, name in session.execute(
            select(Project.id, Customer.name, Project.name)
            .join(Customer, Project.customer_id == Customer.id)
            .where(Project.id.in_(list(figures)))
        )
    }
    return sorted(
        (
            Quality(pid, *names.get(pid, ("", "")), found, in_time, overdue)
            for pid, (found, in_time, overdue) in figures.items()
        ),
        key=lambda q: (q.customer, q.project),
    )


# --- next month's measures into ZenTao (R2.4) --------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushResult:
    pushed: tuple[tuple[int, int], ...]  # (item id, ZenTao task id)
    queued: tuple[tuple[int, str], ...]  # (item id, why: a ZentaoError reason or no_execution)


def waiting_measures(session: Session, month: str) -> list[OptimisationItem]:
    report = _report(session, month)
    return list(
        session.scalars(
            select(OptimisationItem)
            .where(
                OptimisationItem.report_id == report.id,
                OptimisationItem.measure != "",
                OptimisationItem.zentao_task_id.is_(None),
            )
            .order_by(OptimisationItem.id)
        )
    )


def push_measures(
    db: UnitOfWork, month: str, tracker: TaskTracker, executions: dict[int, int], assignee: str
) -> PushResult:
    """Each measure of an approved report that is not in ZenTao yet becomes a task in its
    project's execution; its task id is stored on the item, each in its own transaction,
    none held across the network. What ZenTao refuses stays queued with the reason; a
    refused login stops at once and is never tried again here (ZenTao locks accounts)."""
    with db.read() as session:
        report = _report(session, month)
        if report.state != ReportState.APPROVED.value:
            raise ValidationError("report", "not_approved", month=month, state=report.state)
        _first, after = month_bounds(month)
        waiting = [
            (i.id, i.project_id, i.description, i.measure, i.due_on)
            for i in waiting_measures(session, month)
        ]
    pushed: list[tuple[int, int]] = []
    queued: list[tuple[int, str]] = []
    stop: str | None = None
    for item_id, project_id, description, measure, due_on in waiting:
        execution = executions.get(project_id)
        reason = stop or ("no_execution" if execution is None else None)
        if reason is None and not _claim(db, item_id):
            continue  # another desktop or the agent is filing it right now
        task_id: int | None = None
        if reason is None and execution is not None:
            task = ZentaoTask(
                name=_task_name(measure),
                description=f"{description}\n\n{measure}",
                kind="devel",
                assigned_to=assignee,
                est_started=after,
                deadline=max(due_on, after),
            )
            try:
                task_id = tracker.create_task(execution, task)
            except ZentaoError as refused:
                reason = refused.reason
                if refused.never_retry or refused.reason == "unsupported":
                    stop = reason  # the rest would fail the same way (or lock the account)
        with db.write() as session:
            item = session.get(OptimisationItem, item_id)
            if item is None:
                continue
            item.zentao_task_id, item.zentao_error = task_id, reason or ""
            if task_id is not None:
                audit.append(
                    session, "optimisation.zentao", f"optimisation:{month}",
                    {"item": item_id, "task": task_id, "execution": execution},
                )  # fmt: skip
        if task_id is not None:
            pushed.append((item_id, task_id))
        else:
            queued.append((item_id, reason or "http"))
    return PushResult(tuple(pushed), tuple(queued))


SENDING = "sending"  # zentao_error while one process files the item
SENDING_FOR = timedelta(minutes=10)  # a claim older than this was left by a crashed process


def _claim(db: UnitOfWork, item_id: int) -> bool:
    """Mark the item as being filed, unless another process is filing it: two desktops (or a
    desktop and the agent) pushing at once must not make the same task twice."""
    now = datetime.now(UTC)
    with db.write() as session:
        item = session.scalars(
            select(OptimisationItem).where(OptimisationItem.id == item_id).with_for_update()
        ).first()
        if item is None or item.zentao_task_id is not None:
            return False
        if item.zentao_error == SENDING and now - item.updated_at < SENDING_FOR:
            return False
        item.zentao_error, item.updated_at = SENDING, now
    return True


def months_waiting(session: Session) -> list[str]:
    """Approved reports with measures still to file, and worth trying again unattended: not
    after a refused login (ZenTao locks the account) or a server without the API."""
    query = (
        select(OptimisationReport.month)
        .join(OptimisationItem, OptimisationItem.report_id == OptimisationReport.id)
        .where(
            OptimisationReport.state == ReportState.APPROVED.value,
            OptimisationItem.measure != "",
            OptimisationItem.zentao_task_id.is_(None),
            OptimisationItem.zentao_error.not_in(["auth", "locked", "unsupported"]),
        )
        .distinct()
        .order_by(OptimisationReport.month)
    )
    return list(session.scalars(query))


def _task_name(measure: str) -> str:
    line = measure.strip().splitlines()[0] if measure.strip() else measure
    return line[:90] + ("…" if len(line) > 90 else "")


def import_sheet(session: Session, month: str, path: Path, executions: dict[int, int]) -> Path:
    """The measures still waiting, as a spreadsheet in ZenTao's task-import layout (when the
    server refuses the API, the group imports this by hand)."""
    query = select(Project.id, Project.name)
    names = {int(pid): str(name) for pid, name in session.execute(query)}
    _first, after = month_bounds(month)
    rows = [
        (
            execution_label(names.get(i.project_id, ""), executions.get(i.project_id)),
            ZentaoTask(
                name=_task_name(i.measure),
                description=f"{i.description}\n\n{i.measure}",
                est_started=after,
                deadline=max(i.due_on, after),
            ),
        )
        for i in waiting_measures(session, month)
    ]
    return write_import_xlsx(rows, path)
