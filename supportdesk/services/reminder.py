"""Reminders (issue 6, R4.1): rules say what is due; each due reminder becomes one `reminder`
row (what the sales director acknowledges and assigns) and one outbox message per recipient,
channel and escalation step, exactly once however often and wherever the rules run.

Other areas plug their rules in with `register` (a rule finds what is due on a day and
names who receives it); this module delivers the expiry rule and the inspection-overdue rule.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from supportdesk.db import audit, outbox
from supportdesk.db.models import (
    AuditEvent,
    ChangeRecord,
    Contract,
    Credential,
    Customer,
    HostInspection,
    InspectionFinding,
    InspectionRun,
    OptimisationReport,
    OptimisationStep,
    OutboxMessage,
    Project,
    Reminder,
    Reward,
    RewardStep,
    Setting,
    System,
    User,
)
from supportdesk.domain.backup import UNCHECKED_DAYS
from supportdesk.domain.delivery import INBOX, MAIL, ROBOTS, Attachment
from supportdesk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from supportdesk.domain.handover import DUE_SOON_DAYS, HandoverState
from supportdesk.domain.inspection import Coverage
from supportdesk.domain.registry import month_bounds, valid_email
from supportdesk.domain.reminder import (
    EXPIRY,
    ContractFacts,
    Due,
    Letter,
    ServiceLine,
    expiry_due,
)
from supportdesk.domain.roles import Permission, Role
from supportdesk.services import team_settings
from supportdesk.services.users import require

OUTCOMES = ("pending", "renewed", "lost")
STUCK_AFTER = timedelta(hours=1)
CLOSED = ("renewed", "lost")
INSPECTION_OVERDUE = "inspection.overdue"
ROTATION_DUE = "vault.rotation_due"
HANDOVER_JOIN = "handover.join"
HANDOVER_DUE = "handover.due"
BACKUP_PROBLEM = "backup.problem"
FAQ_UPLOAD = "faq.upload_failed"
OPTIMISATION_REVIEW = "optimisation.review"  # a submitted report waits for the sales director
OPTIMISATION_APPROVAL = "optimisation.approval"  # a reviewed one waits for the committee
OPTIMISATION_MISSING = "optimisation.missing"  # month end passed without a submitted report
REWARD_REVIEW = "reward.review"  # R5.4: a submitted reward waits for the sales director
REWARD_APPROVAL = "reward.approval"  # a reviewed one waits for the committee
UNCHECKED_AFTER = timedelta(days=UNCHECKED_DAYS)  # a backup job nobody checked (R3.3)
UPLOAD_UNTRIED = timedelta(days=2)  # R2.2: a month's manual nobody even tried to upload


@dataclass(frozen=True, slots=True)
class Rule:
    """`find` says what is due on a day; `to` receive it, `cc` are copied. With `escalate`,
    a reminder nobody acknowledged is sent again every `reminders.escalate_days`."""

    name: str
    find: Callable[[Session, date], list[Due]]
    to: tuple[Role, ...]
    cc: tuple[Role, ...] = ()
    escalate: bool = False


RULES: dict[str, Rule] = {}


def register(rule: Rule) -> None:
    RULES[rule.name] = rule


# --- the rules ---------------------------------------------------------------------------


def _contracts(session: Session) -> list[ContractFacts]:
    later = aliased(Contract)
    renewed = (
        select(later.id)
        .where(later.system_id == Contract.system_id, later.end > Contract.end)
        .exists()
    )
    rows = session.execute(
        select(
            Contract.id,
            Customer.name,
            Project.name,
            System.name,
            Contract.start,
            Contract.end,
            Contract.notice_months,
            Contract.salesperson,
            renewed,
        )
        .join(System, Contract.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .order_by(Contract.end, Contract.id)
    ).all()
    return [ContractFacts(*row) for row in rows]


def _expiry(session: Session, today: date) -> list[Due]:
    return [d for c in _contracts(session) if (d := expiry_due(c, today)) is not None]


def _previous_period(today: date) -> str:
    last = today.replace(day=1) - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def _inspection_overdue(session: Session, today: date) -> list[Due]:
    """R2.3: last month ended without a finalised inspection report for a system."""
    from supportdesk.services import inspection  # noqa: PLC0415 - avoids a cycle at import

    period = _previous_period(today)
    return [
        Due(
            INSPECTION_OVERDUE,
            f"system:{c.system_id}:{period}",
            today.replace(day=1),
            f"{c.customer} {c.system}",
            f"no inspection report finalised for {period}",
            {"customer": c.customer, "system": c.system, "period": period},
        )
        for c in inspection.coverage(session, period, today)
        if c.state is Coverage.OVERDUE
    ]


register(Rule(EXPIRY, _expiry, to=(Role.SALES_DIRECTOR,), cc=(Role.GROUP_LEADER,), escalate=True))
register(Rule(INSPECTION_OVERDUE, _inspection_overdue, to=(Role.GROUP_LEADER,)))


def _rotation_due(session: Session, _today: date) -> list[Due]:
    """R1.4/R3.1: a credential marked "rotation due" (a handover finished, a member left)
    until its new secret is saved. Due from the day it was marked (its audit event), so
    marking it again later makes a new reminder. Names only: no secret is read."""
    marked = dict(
        session.execute(
            select(AuditEvent.target, func.max(AuditEvent.at))
            .where(AuditEvent.action == "credential.rotation_due")
            .group_by(AuditEvent.target)
        ).all()
    )
    rows = session.execute(
        select(Credential.id, Credential.name)
        .where(Credential.rotation_due)
        .order_by(Credential.name)
    ).all()
    found = []
    for key, name in rows:
        at = marked.get(f"credential:{key}")
        if at is None:
            continue
        found.append(
            Due(
                ROTATION_DUE,
                f"credential:{key}",
                date.fromisoformat(str(at)[:10]),
                str(name),
                "the secret must be changed with the customer",
                {"credential": str(name)},
            )
        )
    return found


register(Rule(ROTATION_DUE, _rotation_due, to=(Role.GROUP_LEADER,)))


def _handover(rule: str) -> Callable[[Session, date], list[Due]]:
    """R1.1: the group leader is told on the join date (one month before acceptance) that
    the group joins, and three days before the due date that the handover must be signed.
    The acceptance date is in the key: a moved acceptance makes new reminders."""

    def find(session: Session, today: date) -> list[Due]:
        from supportdesk.services import handover  # noqa: PLC0415 - avoids a cycle at import

        found = []
        for t in handover.timelines(session):
            if rule == HANDOVER_JOIN:
                start, reason = t.join_on, "the group joins the project"
                due_now = t.state is HandoverState.PLANNED and start <= today <= t.due_on
            else:
                start, reason = (
                    t.due_on - timedelta(days=DUE_SOON_DAYS),
                    "the handover must be signed",
                )
                due_now = t.state is not HandoverState.SIGNED and start <= today
            if due_now:
                facts = {
                    "customer": t.customer,
                    "project": t.project,
                    "acceptance": t.acceptance.isoformat(),
                    "join_on": t.join_on.isoformat(),
                    "due_on": t.due_on.isoformat(),
                }
                subject = f"project:{t.project_id}:{t.acceptance.isoformat()}"
                found.append(Due(rule, subject, start, f"{t.customer} {t.project}", reason, facts))
        return found

    return find


register(Rule(HANDOVER_JOIN, _handover(HANDOVER_JOIN), to=(Role.GROUP_LEADER,)))
register(Rule(HANDOVER_DUE, _handover(HANDOVER_DUE), to=(Role.GROUP_LEADER,)))


def _backup_problem(session: Session, today: date) -> list[Due]:
    """R3.3: a job's backup check failed (once per failure: from its first failed check
    after the last that passed), or nobody checked it for a week."""
    from supportdesk.services import backup  # noqa: PLC0415 - avoids a cycle at import

    found = []
    for job in backup.jobs(session):
        title = f"{job.customer} {job.system} {job.name}"
        facts = {"customer": job.customer, "system": job.system, "job": job.name}
        failing = backup.failing_since(session, job.id)
        if failing is not None:
            day = failing.checked_at.astimezone().date()
            bad = ", ".join(f.code for f in failing.findings if not f.ok)
            found.append(
                Due(
                    BACKUP_PROBLEM,
                    f"backup_job:{job.id}:failed",
                    day,
                    title,
                    f"backup check failed: {bad}",
                    {**facts, "problem": "failed", "findings": bad, "since": day.isoformat()},
                )
            )
            continue
        last = job.last.checked_at if job.last is not None else job.since
        if last is None or today < last.astimezone().date() + UNCHECKED_AFTER:
            continue
        since = last.astimezone().date()
        found.append(
            Due(
                BACKUP_PROBLEM,
                f"backup_job:{job.id}:unchecked",
                since + UNCHECKED_AFTER,
                title,
                "backups not checked for a week",
                {**facts, "problem": "unchecked", "since": since.isoformat()},
            )
        )
    return found


register(Rule(BACKUP_PROBLEM, _backup_problem, to=(Role.GROUP_LEADER,)))


def _faq_upload(session: Session, today: date) -> list[Due]:
    """R2.2: the month-end upload of the service manual failed and has not gone through
    since (one reminder per month; the job keeps trying every day)."""
    from supportdesk.services import faq  # noqa: PLC0415 - avoids a cycle at import

    settings = team_settings.all_values(session)
    month = faq.upload_owed(session, today, settings)
    if not month:
        return []
    failed = [u for u in faq.uploads(session, month) if not u.ok]
    if failed:
        last = failed[0]
        day, error, target = last.at.astimezone().date(), last.error, last.target
    else:
        # Nothing tried yet: no agent running, or only desktops whose vault stayed locked.
        _first, after = month_bounds(month)
        day, error = after + UPLOAD_UNTRIED, "not_tried"
        target = str(settings["faq.upload.url"] or settings["faq.upload.folder"])
        if today < day:
            return []
    return [
        Due(
            FAQ_UPLOAD,
            f"faq_upload:{month}",
            day,
            f"service manual {month}",
            f"upload failed: {error}",
            {"month": month, "target": target, "error": error},
        )
    ]


register(Rule(FAQ_UPLOAD, _faq_upload, to=(Role.GROUP_LEADER,)))


def _last_steps(session: Session, owner: Any, ids: list[int]) -> dict[int, tuple[int, Any]]:
    """Per record of `ids`: how many steps of the approval chain it has had, and its last
    one (`owner` is the step table's column naming the record; one query for them all)."""
    found: dict[int, tuple[int, Any]] = {}
    if not ids:
        return found
    table = owner.class_
    for row in session.scalars(select(table).where(owner.in_(ids)).order_by(table.id)):
        key = getattr(row, owner.key)
        found[key] = (found.get(key, (0, None))[0] + 1, row)
    return found


def _optimisation_waiting(rule: str, state: str) -> Callable[[Session, date], list[Due]]:
    """R2.4: a report waiting for a step tells whoever takes it, from the day it began to
    wait (a report returned and submitted again waits anew: the step count is in the key)."""

    def find(session: Session, _today: date) -> list[Due]:
        found = []
        reports = session.scalars(
            select(OptimisationReport).where(OptimisationReport.state == state)
        ).all()
        taken = _last_steps(session, OptimisationStep.report_id, [r.id for r in reports])
        for report in reports:
            if report.id not in taken:
                continue
            count, last = taken[report.id]
            found.append(
                Due(
                    rule,
                    f"optimisation:{report.month}:{count}",
                    last.at.astimezone().date(),
                    f"optimisation report {report.month}",
                    "the optimisation report waits for your review",
                    {"month": report.month, "by": last.by, "state": state},
                )
            )
        return found

    return find


def _optimisation_missing(session: Session, today: date) -> list[Due]:
    """R2.4: the month ended and its optimisation report was not submitted. Only once the
    group keeps its reports here (any report at all): a team that writes them elsewhere is
    not told every month."""
    if not session.scalar(select(func.count()).select_from(OptimisationReport)):
        return []
    first = today.replace(day=1)
    last_month = first - timedelta(days=1)
    month = f"{last_month.year}-{last_month.month:02d}"
    state = session.scalar(
        select(OptimisationReport.state).where(OptimisationReport.month == month)
    )
    if state not in (None, "draft"):
        return []
    return [
        Due(
            OPTIMISATION_MISSING,
            f"optimisation:{month}:missing",
            first,
            f"optimisation report {month}",
            "the month ended without a submitted optimisation report",
            {"month": month, "state": state or "none"},
        )
    ]


register(
    Rule(
        OPTIMISATION_REVIEW,
        _optimisation_waiting(OPTIMISATION_REVIEW, "submitted"),
        to=(Role.SALES_DIRECTOR,),
    )
)
register(
    Rule(
        OPTIMISATION_APPROVAL,
        _optimisation_waiting(OPTIMISATION_APPROVAL, "reviewed"),
        to=(Role.COMMITTEE,),
    )
)
register(Rule(OPTIMISATION_MISSING, _optimisation_missing, to=(Role.GROUP_LEADER,)))


def _reward_waiting(rule: str, state: str) -> Callable[[Session, date], list[Due]]:
    """R5.4: a reward application waiting for a step tells whoever takes it, from the day it
    began to wait (returned and submitted again, it waits anew: the step count is in the key)."""

    def find(session: Session, _today: date) -> list[Due]:
        found = []
        reports = select(OptimisationReport.id, OptimisationReport.month)
        months = {int(key): str(month) for key, month in session.execute(reports)}
        waiting = session.scalars(select(Reward).where(Reward.state == state).order_by(Reward.id))
        rewards = waiting.all()
        taken = _last_steps(session, RewardStep.reward_id, [r.id for r in rewards])
        for reward in rewards:
            if reward.id not in taken:
                continue
            count, last = taken[reward.id]
            month = months.get(reward.report_id, "")
            found.append(
                Due(
                    rule,
                    f"reward:{reward.id}:{count}",
                    last.at.astimezone().date(),
                    f"reward {reward.id} ({reward.person}, {month})",
                    "the reward application waits for your review",
                    {
                        "reward": str(reward.id),
                        "month": month,
                        "person": reward.person,
                        "amount": f"{reward.amount:.2f}",
                        "by": last.by,
                        "state": state,
                    },
                )
            )
        return found

    return find


register(
    Rule(REWARD_REVIEW, _reward_waiting(REWARD_REVIEW, "submitted"), to=(Role.SALES_DIRECTOR,))
)
register(Rule(REWARD_APPROVAL, _reward_waiting(REWARD_APPROVAL, "reviewed"), to=(Role.COMMITTEE,)))


def due(session: Session, today: date) -> list[Due]:
    """Every reminder due on `today`, with its reason."""
    return [d for rule in RULES.values() for d in rule.find(session, today)]


# --- into the outbox ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Person:
    login: str
    name: str
    email: str
    role: str


def _people(session: Session) -> list[Person]:
    rows = session.execute(
        select(User.login, User.name, User.email, User.role).where(User.active).order_by(User.login)
    ).all()
    return [Person(login, name or login, email or "", role) for login, name, email, role in rows]


def customer_cc_key(customer_id: int) -> str:
    return f"reminders.cc.customer:{customer_id}"


def customer_cc(session: Session, customer_id: int) -> list[str]:
    row = session.get(Setting, customer_cc_key(customer_id))
    return list(row.value) if row is not None and isinstance(row.value, list) else []


def set_customer_cc(session: Session, customer_id: int, addresses: Sequence[str]) -> list[str]:
    """Per-customer addresses copied on its expiry mails (an account manager, say)."""
    require(session, Permission.SETTINGS_EDIT)
    if session.get(Customer, customer_id) is None:
        raise NotFoundError("customer", customer_id)
    clean = [valid_email("cc", a) for a in addresses if a.strip()]
    key = customer_cc_key(customer_id)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=clean))
    else:
        row.value = clean
    audit.append(session, "reminder.customer_cc", f"customer:{customer_id}", {"cc": clean})
    return clean


def _customers_of_contracts(session: Session, contract_ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(Contract.id, Project.customer_id)
        .join(System, Contract.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .where(Contract.id.in_(contract_ids))
    ).all()
    return {int(c): int(p) for c, p in rows}


def _all_customer_cc(session: Session) -> dict[int, list[str]]:
    prefix = customer_cc_key(0)[:-1]
    rows = session.execute(select(Setting.key, Setting.value).where(Setting.key.like(f"{prefix}%")))
    return {int(k[len(prefix) :]): list(v) for k, v in rows if isinstance(v, list)}


def _reminders(
    session: Session, found: list[Due], now: datetime
) -> dict[tuple[str, str, date], Reminder]:
    """The reminder row of each due reminder, raised (once) where missing: one query when
    they all exist, as on every run after the first of the day."""

    def existing() -> dict[tuple[str, str, date], Reminder]:
        rows = session.scalars(
            select(Reminder).where(Reminder.due_on >= min(d.due_on for d in found))
        )
        return {(r.rule, r.subject, r.due_on): r for r in rows}

    rows = existing()
    missing = [d for d in found if (d.rule, d.subject, d.due_on) not in rows]
    if missing:
        outbox.insert_many_once(
            session,
            Reminder,
            [
                {
                    "rule": d.rule,
                    "subject": d.subject,
                    "due_on": d.due_on,
                    "title": d.title,
                    "reason": d.reason,
                    "facts": json.dumps(d.facts, ensure_ascii=False),
                    "created_at": now,
                    "outcome": "open",
                    "outcome_note": "",
                    "escalations": 0,
                }
                for d in missing
            ],
        )
        rows = existing()
    return rows


def _step(rule: Rule, row: Reminder, today: date, every: int, most: int) -> int:
    """0 for the reminder itself; k once it went k * `every` days unacknowledged (from the
    day it was first raised, so a late first run never sends two steps at once)."""
    if not rule.escalate or row.acknowledged_at is not None or row.outcome in CLOSED:
        return 0
    raised_on = row.created_at.astimezone().date()  # the local calendar day it was raised
    return max(0, min(most, (today - raised_on).days // every))


Compose = Callable[[str, str, str, str, dict[str, str], int], tuple[str, str]]


def _default_compose(
    rule: str, reference: str, title: str, reason: str, facts: dict[str, str], step: int
) -> tuple[str, str]:
    from supportdesk.reports.reminder_message import compose  # noqa: PLC0415 - loads QtCore

    return compose(rule, reference, title, reason, facts, step)


def enqueue(
    session: Session, today: date, *, now: datetime | None = None, compose: Compose | None = None
) -> int:
    """Raise what is due on `today` and add each of its messages that is not there yet; the
    number of messages added (0 when the rules already ran today, here or elsewhere).

    A few set-wise queries whatever the number of reminders: what exists is read once, and
    only what is missing is composed and inserted (ON CONFLICT DO NOTHING, for the racing
    machine that inserted it in between)."""
    found = due(session, today)
    if not found:
        return 0
    now = now or datetime.now(UTC)
    compose = compose or _default_compose
    settings = team_settings.all_values(session)
    channels = [INBOX]
    if settings["mail.host"]:
        channels.append(MAIL)
    channels += [kind for kind in ROBOTS if settings[f"robots.{kind}.url"]]
    every = int(settings["reminders.escalate_days"])
    most = int(settings["reminders.max_escalations"])
    people = _people(session)
    rows = _reminders(session, found, now)
    sent = set(
        session.execute(
            select(
                OutboxMessage.reminder_id,
                OutboxMessage.step,
                OutboxMessage.channel,
                OutboxMessage.recipient,
            ).where(OutboxMessage.reminder_id.in_([r.id for r in rows.values()]))
        ).all()
    )
    expiring = [_key(d) for d in found if d.rule == EXPIRY]
    customer_of = _customers_of_contracts(session, expiring) if expiring else {}
    cc_of = _all_customer_cc(session) if expiring else {}
    batch: list[dict[str, Any]] = []
    for d in found:
        rule = RULES[d.rule]
        row = rows[(d.rule, d.subject, d.due_on)]
        step = _step(rule, row, today, every, most)
        if step > row.escalations:
            row.escalations = step
            audit.append(session, "reminder.escalate", f"reminder:{row.id}", {"step": step})
        to = [p for p in people if p.role in rule.to]
        cc = [p for p in people if p.role in rule.cc]
        wanted: list[tuple[str, str, str]] = [(INBOX, p.login, "") for p in to + cc]
        if MAIL in channels:
            mail_to = [p.email for p in to if p.email] or [p.email for p in cc if p.email]
            copied = [p.email for p in cc if p.email and p.email not in mail_to]
            if d.rule == EXPIRY:
                copied += cc_of.get(customer_of.get(_key(d), 0), [])
            wanted += [(MAIL, address, ",".join(copied)) for address in mail_to]
        wanted += [(kind, kind, "") for kind in channels if kind in ROBOTS]
        wanted = [w for w in wanted if (row.id, step, w[0], w[1]) not in sent]
        if not wanted:
            continue
        facts = {**d.facts, "reason": d.reason}
        subject, text = compose(d.rule, f"R-{row.id}", d.title, d.reason, facts, step)
        for channel, recipient, copied_to in wanted:
            inbox_entry = channel == INBOX  # delivered the moment it is written
            batch.append(
                {
                    "rule": d.rule,
                    "subject": d.subject,
                    "due_on": d.due_on,
                    "recipient": recipient,
                    "channel": channel,
                    "step": step,
                    "reminder_id": row.id,
                    "title": subject,
                    "body": text,
                    "cc": copied_to,
                    "state": "sent" if inbox_entry else "pending",
                    "sent_at": now if inbox_entry else None,
                    "next_attempt_at": None if inbox_entry else now,
                    "attempts": 0,
                    "created_at": now,
                    "last_error": "",
                }
            )
    added = outbox.insert_many_once(session, OutboxMessage, batch) if batch else 0
    if added:
        audit.append(session, "reminder.enqueue", f"day:{today.isoformat()}", {"added": added})
    return added


LAST_RUN = "reminders.last_run"  # the day the rules last ran, on any machine


def mark_ran(session: Session, day: date) -> None:
    row = session.get(Setting, LAST_RUN, with_for_update=True)
    if row is None:
        outbox.insert_once(session, Setting, {"key": LAST_RUN, "value": day.isoformat()})
    elif str(row.value) < day.isoformat():
        row.value = day.isoformat()


def last_run(session: Session) -> date | None:
    row = session.get(Setting, LAST_RUN)
    return None if row is None else date.fromisoformat(str(row.value))


def _key(d: Due | Reminder) -> int:
    return int(d.subject.split(":")[1])  # "contract:12:2027-05-31"


# --- acknowledge, assign, follow up --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReminderRow:
    id: int
    rule: str
    subject: str
    due_on: date
    title: str
    reason: str
    facts: dict[str, str]
    created_at: datetime
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    assigned_to: str | None
    outcome: str
    outcome_note: str
    escalations: int


def _row(r: Reminder) -> ReminderRow:
    return ReminderRow(
        r.id,
        r.rule,
        r.subject,
        r.due_on,
        r.title,
        r.reason,
        json.loads(r.facts),
        r.created_at,
        r.acknowledged_by,
        r.acknowledged_at,
        r.assigned_to,
        r.outcome,
        r.outcome_note,
        r.escalations,
    )


def list_reminders(session: Session, *, open_only: bool = False) -> list[ReminderRow]:
    query = select(Reminder).order_by(Reminder.due_on.desc(), Reminder.id.desc())
    if open_only:
        query = query.where(Reminder.outcome.in_(("open", "pending")))
    return [_row(r) for r in session.scalars(query)]


def get_reminder(session: Session, reminder_id: int) -> ReminderRow:
    return _row(_locked(session, reminder_id))


def _locked(session: Session, reminder_id: int) -> Reminder:
    row = session.get(Reminder, reminder_id, with_for_update=True)
    if row is None:
        raise NotFoundError("reminder", reminder_id)
    return row


def acknowledge(
    session: Session, reminder_id: int, assign: str | None = None, *, now: datetime | None = None
) -> ReminderRow:
    """The sales director has read it (escalation stops) and, optionally, assigns the
    salesperson who follows up (R4.1). Acknowledging again only changes the assignment."""
    user = require(session, Permission.REMINDER_ACK)
    row = _locked(session, reminder_id)
    if assign is not None:
        person = session.scalars(select(User).where(User.login == assign.strip())).first()
        if person is None or not person.active:
            raise ValidationError("assign", "unknown_user", value=assign)
        if person.role not in (Role.SALESPERSON.value, Role.SALES_DIRECTOR.value):
            raise ValidationError("assign", "not_sales", value=assign)
        row.assigned_to = person.login
        if row.outcome == "open":
            row.outcome = "pending"
    if row.acknowledged_at is None:
        row.acknowledged_at, row.acknowledged_by = now or datetime.now(UTC), user.login
        _cancel_escalations(session, row.id)
    audit.append(
        session,
        "reminder.acknowledge",
        f"reminder:{row.id}",
        {"assigned_to": row.assigned_to},
    )
    mark_read(session, user.login, reminder_id=row.id)
    return _row(row)


def record_outcome(session: Session, reminder_id: int, outcome: str, note: str = "") -> ReminderRow:
    """The follow-up: renewed, lost, or still pending. The sales director, or the salesperson
    the reminder is assigned to."""
    if outcome not in OUTCOMES:
        raise ValidationError("outcome", "bad_choice", value=outcome, choices=", ".join(OUTCOMES))
    user = require(session, Permission.REMINDER_FOLLOW_UP)
    row = _locked(session, reminder_id)
    if user.role == Role.SALESPERSON.value and row.assigned_to != user.login:
        raise PermissionDeniedError(user.login, Permission.REMINDER_FOLLOW_UP)
    row.outcome, row.outcome_note = outcome, note.strip()[:2000]
    if outcome in CLOSED:
        _cancel_escalations(session, row.id)
    audit.append(
        session, "reminder.outcome", f"reminder:{row.id}", {"outcome": outcome, "note": note}
    )
    return _row(row)


def _cancel_escalations(session: Session, reminder_id: int) -> None:
    """Read or settled: an escalation still waiting to be sent would only say "nobody has
    acknowledged this", which is no longer true."""
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.reminder_id == reminder_id,
            OutboxMessage.step > 0,
            OutboxMessage.state.in_(("pending", "failing")),
        )
        .values(state="cancelled", lease_owner=None, lease_until=None)
    )


# --- the inbox and the outbox as people see them ------------------------------------------


@dataclass(frozen=True, slots=True)
class InboxItem:
    id: int
    reminder_id: int | None
    title: str
    body: str
    created_at: datetime
    read: bool


def inbox(session: Session, login: str, *, unread_only: bool = False) -> list[InboxItem]:
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.channel == INBOX, OutboxMessage.recipient == login)
        .order_by(OutboxMessage.id.desc())
    )
    if unread_only:
        query = query.where(OutboxMessage.read_at.is_(None))
    return [
        InboxItem(m.id, m.reminder_id, m.title, m.body, m.created_at, m.read_at is not None)
        for m in session.scalars(query)
    ]


def mark_read(session: Session, login: str, *, reminder_id: int | None = None) -> int:
    query = update(OutboxMessage).where(
        OutboxMessage.channel == INBOX,
        OutboxMessage.recipient == login,
        OutboxMessage.read_at.is_(None),
    )
    if reminder_id is not None:
        query = query.where(OutboxMessage.reminder_id == reminder_id)
    return int(session.execute(query.values(read_at=datetime.now(UTC))).rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    reminder_id: int | None
    channel: str
    recipient: str
    title: str
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str


def outbox_rows(session: Session, *, problems_only: bool = False) -> list[OutboxRow]:
    """Messages not in the inbox; with `problems_only`, those delivery keeps failing on."""
    query = select(OutboxMessage).where(OutboxMessage.channel != INBOX)
    if problems_only:
        stuck = datetime.now(UTC) - STUCK_AFTER
        query = query.where(
            or_(
                OutboxMessage.state == "failing",
                # No process has sent it for an hour: no sender has its settings or secret.
                and_(OutboxMessage.state == "pending", OutboxMessage.next_attempt_at < stuck),
                # Sent, but a copied address was refused.
                and_(OutboxMessage.state == "sent", OutboxMessage.last_error != ""),
            )
        )
    return [
        OutboxRow(
            m.id,
            m.reminder_id,
            m.channel,
            m.recipient,
            m.title,
            m.state,
            m.attempts,
            m.next_attempt_at,
            m.last_error,
        )
        for m in session.scalars(query.order_by(OutboxMessage.id))
    ]


def pending(session: Session) -> list[tuple[int, str, str, str, str]]:
    """(id, channel, recipient, title, state) of messages not yet sent."""
    return [
        (r.id, r.channel, r.recipient, r.title, r.state)
        for r in outbox_rows(session)
        if r.state != "sent"
    ]


# --- the written letter attached to the expiry mail ---------------------------------------


def letter(session: Session, reminder_id: int, today: date) -> Letter | None:
    """The expiry letter of a reminder (None for other rules): the contract as the rule
    found it, and the service delivered within the contract period."""
    row = session.get(Reminder, reminder_id)
    if row is None or row.rule != EXPIRY:
        return None
    facts = json.loads(row.facts)
    start, end = date.fromisoformat(facts["start"]), date.fromisoformat(facts["end"])
    system_id = session.scalar(select(Contract.system_id).where(Contract.id == _key(row)))
    people = _people(session)
    inspections: list[ServiceLine] = []
    open_issues: list[ServiceLine] = []
    changes: list[ServiceLine] = []
    if system_id is not None:
        executed = session.execute(
            select(ChangeRecord.executed_at, ChangeRecord.title, ChangeRecord.id)
            .where(
                ChangeRecord.system_id == system_id,
                ChangeRecord.state == "executed",
                ChangeRecord.executed_at
                >= datetime(start.year, start.month, start.day).astimezone(),
                ChangeRecord.executed_at
                < datetime(end.year, end.month, end.day).astimezone() + timedelta(days=1),
            )
            .order_by(ChangeRecord.executed_at, ChangeRecord.id)
        ).all()
        changes = [  # R3.2's change log: what was changed for the customer this period
            ServiceLine(
                at.astimezone().date(),
                "change",
                f"{title} (#{key})",
            )
            for at, title, key in executed
            if at is not None
        ]
        runs = session.execute(
            select(InspectionRun.id, InspectionRun.period, InspectionRun.finalized_at)
            .where(
                InspectionRun.system_id == system_id,
                InspectionRun.report_state.in_(("final", "approved")),
                InspectionRun.period >= f"{start:%Y-%m}",
                InspectionRun.period <= f"{end:%Y-%m}",
            )
            .order_by(InspectionRun.period, InspectionRun.id)
        ).all()
        inspections = [
            # Language-neutral: the letter's section heading says what these are.
            ServiceLine((at or datetime.now(UTC)).date(), "inspection", f"{period} (#{run_id})")
            for run_id, period, at in runs
        ]
        if runs:  # what the newest report left to follow up
            newest = runs[-1][0]
            findings = session.execute(
                select(HostInspection.host_name, InspectionFinding.check, InspectionFinding.value)
                .join(HostInspection, InspectionFinding.host_inspection_id == HostInspection.id)
                .where(
                    HostInspection.run_id == newest,
                    InspectionFinding.verdict.in_(("warning", "critical")),
                )
                .order_by(HostInspection.host_name, InspectionFinding.key)
            ).all()
            day = inspections[-1].day
            open_issues = [
                ServiceLine(day, "issue", f"{host}: {check} {value}")
                for host, check, value in findings
            ]
    return Letter(
        written_on=today,
        to_names=tuple(p.name for p in people if p.role == Role.SALES_DIRECTOR.value),
        cc_names=tuple(p.name for p in people if p.role == Role.GROUP_LEADER.value),
        customer=facts["customer"],
        project=facts["project"],
        system=facts["system"],
        contract_start=start,
        contract_end=end,
        days_left=(end - today).days,
        salesperson=row.assigned_to or facts.get("salesperson", ""),
        inspections=tuple(inspections),
        changes=tuple(changes),
        open_issues=tuple(open_issues),
        reference=f"R-{row.id}",
    )


def letter_attachments(
    session: Session, reminder_id: int, font_file: Path, today: date | None = None
) -> tuple[Attachment, ...]:
    """The letter as DOCX and PDF, for the mail (made when it is sent, so "days left" is
    counted from the day the director receives it)."""
    found = letter(session, reminder_id, today or date.today())
    if found is None:
        return ()
    from supportdesk.reports import reminder_letter  # noqa: PLC0415 - loads QtGui

    with tempfile.TemporaryDirectory(prefix="supportdesk-letter-") as folder:
        docx, pdf = reminder_letter.letter_files(found, Path(folder), font_file)
        return (
            Attachment(docx.name, docx.read_bytes(), DOCX_MIME),
            Attachment(pdf.name, pdf.read_bytes(), "application/pdf"),
        )


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
