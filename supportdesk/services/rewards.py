"""Rewards for optimisations with a marked effect (issue 10, R5.4): the group leader applies
from an approved optimisation report (what changed, evidence, proposed amount), the sales
director reviews and the committee approves through the report's chain, every step audited;
the ledger of approved rewards per person and month, also as XLSX."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit
from supportdesk.db.models import OptimisationItem, OptimisationReport, Reward, RewardStep, User
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.optimisation import Decision, ReportState, StepRow, holder
from supportdesk.domain.registry import month_bounds
from supportdesk.domain.rewards import LedgerRow, RewardForm, RewardRow, clean
from supportdesk.domain.roles import Permission
from supportdesk.reports.reward_ledger import write_ledger_xlsx
from supportdesk.services.files import written_beside
from supportdesk.services.optimisation import take_step
from supportdesk.services.users import require


def _locked(session: Session, reward_id: int, version: int | None) -> Reward:
    """Lock the row, then check the editor's version: a stale save names who changed it."""
    reward = session.scalars(select(Reward).where(Reward.id == reward_id).with_for_update()).first()
    if reward is None:
        raise NotFoundError("reward", reward_id)
    if version is not None and reward.version != version:
        raise ConflictError("reward", reward_id, reward.updated_by)
    return reward


def _draft_only(reward: Reward) -> None:
    if reward.state != ReportState.DRAFT.value:
        raise ValidationError("state", "reward_not_draft", state=reward.state)


def _approved_report(session: Session, month: str) -> OptimisationReport:
    report = session.scalars(
        select(OptimisationReport).where(OptimisationReport.month == month)
    ).first()
    if report is None or report.state != ReportState.APPROVED.value:
        raise ValidationError(
            "month",
            "reward_report_not_approved",
            month=month,
            state=report.state if report is not None else "none",
        )
    return report


def _earner(session: Session, login: str) -> User:
    user = session.scalars(select(User).where(User.login == login)).first()
    if user is None:
        raise ValidationError("person", "unknown_user", value=login)
    if not user.active:
        raise ValidationError("person", "inactive_user", value=login)
    return user


def apply(session: Session, form: RewardForm) -> RewardRow:
    """A new application (form.id None) or a change to a draft one, by the group leader, from
    the approved report of form.month and, if given, one of its items."""
    require(session, Permission.OPTIMISATION_EDIT)
    form = clean(form)
    report = _approved_report(session, form.month)
    if form.item_id is not None:
        item = session.get(OptimisationItem, form.item_id)
        if item is None or item.report_id != report.id:
            raise ValidationError(
                "item_id", "item_not_in_report", value=str(form.item_id), month=form.month
            )
    _earner(session, form.person)
    if form.item_id is not None:
        # One optimisation earns one person one reward: a second application is a mistake.
        twice = select(Reward.id).where(
            Reward.item_id == form.item_id,
            Reward.person == form.person,
            Reward.id != (form.id or 0),
        )
        if session.scalar(twice.limit(1)) is not None:
            raise ValidationError("item_id", "already_rewarded", person=form.person)
    actor = audit.current_actor(session)  # a query: before the new row, or it autoflushes
    if form.id is None:
        reward = Reward(state=ReportState.DRAFT.value)
    else:
        reward = _locked(session, form.id, form.version)
        _draft_only(reward)
    reward.report_id, reward.item_id, reward.person = report.id, form.item_id, form.person
    reward.what_changed, reward.evidence, reward.amount = (
        form.what_changed,
        form.evidence,
        form.amount,
    )
    reward.updated_by, reward.updated_at = actor, datetime.now(UTC)
    session.add(reward)
    _flush(session, form.id)
    audit.append(
        session,
        "reward.apply" if form.id is None else "reward.edit",
        f"reward:{reward.id}",
        {
            "month": form.month,
            "item": form.item_id,
            "person": form.person,
            "what_changed": form.what_changed,
            "evidence": form.evidence,
            "amount": str(form.amount),
        },
    )
    return show(session, reward.id)


def _flush(session: Session, key: int | None) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("reward", key, None) from None


def decide(
    session: Session,
    reward_id: int,
    decision: Decision,
    comment: str = "",
    version: int | None = None,
) -> RewardRow:
    """Submit (the group leader), approve or return with a comment (the sales director, then
    a committee member), as for the optimisation report (R2.4 chain, R5.4). A return sends it
    back to draft with its comment; approval freezes it."""
    reward = _locked(session, reward_id, version)
    taken = take_step(session, reward, decision, comment)
    if decision is not Decision.SUBMIT and taken.by == reward.person:
        raise ValidationError("role", "own_reward")  # nobody reviews their own reward
    session.add(RewardStep(reward_id=reward.id, **taken.recorded))
    _flush(session, reward_id)
    audit.append(
        session,
        f"reward.{decision.value}",
        f"reward:{reward_id}",
        {
            "state": taken.after.value,
            "comment": taken.comment,
            "person": reward.person,
            "amount": str(reward.amount),
        },
    )
    return show(session, reward_id)


def delete(session: Session, reward_id: int, version: int) -> None:
    """Withdraw a draft that was never submitted (one with steps keeps its history)."""
    require(session, Permission.OPTIMISATION_EDIT)
    reward = _locked(session, reward_id, version)
    _draft_only(reward)
    if session.scalar(select(func.count()).where(RewardStep.reward_id == reward_id)):
        raise ValidationError("state", "reward_submitted_kept")
    payload = {"person": reward.person, "amount": str(reward.amount)}
    session.delete(reward)
    _flush(session, reward_id)
    audit.append(session, "reward.delete", f"reward:{reward_id}", payload)


# --- reading ---------------------------------------------------------------------------------


def _rows(session: Session, rewards: list[Reward]) -> list[RewardRow]:
    if not rewards:
        return []
    ids = [r.id for r in rewards]
    reports = select(OptimisationReport.id, OptimisationReport.month).where(
        OptimisationReport.id.in_({r.report_id for r in rewards})
    )
    months = {int(key): str(month) for key, month in session.execute(reports)}
    wanted = {r.item_id for r in rewards if r.item_id is not None}
    described = select(OptimisationItem.id, OptimisationItem.description).where(
        OptimisationItem.id.in_(wanted)
    )
    items = {int(key): str(text) for key, text in session.execute(described)} if wanted else {}
    people = select(User.login, User.name).where(User.login.in_({r.person for r in rewards}))
    names = {str(login): str(name) for login, name in session.execute(people)}
    steps: dict[int, list[StepRow]] = defaultdict(list)
    for s in session.scalars(
        select(RewardStep).where(RewardStep.reward_id.in_(ids)).order_by(RewardStep.id)
    ):
        steps[s.reward_id].append(
            StepRow(Decision(s.decision), s.by, s.at, s.comment, ReportState(s.state_after))
        )
    rows = []
    for r in rewards:
        state = ReportState(r.state)
        taken = tuple(steps[r.id])
        approved = [s.at for s in taken if s.state_after is ReportState.APPROVED]
        rows.append(
            RewardRow(
                id=r.id,
                month=months[r.report_id],
                item_id=r.item_id,
                item_description=items.get(r.item_id, "") if r.item_id is not None else "",
                person=r.person,
                person_name=names.get(r.person, ""),
                what_changed=r.what_changed,
                evidence=r.evidence,
                amount=Decimal(r.amount).quantize(Decimal("0.01")),
                state=state,
                holder=holder(state),
                steps=taken,
                version=r.version,
                approved_on=approved[-1].astimezone().date() if approved else None,
            )
        )
    return rows


def show(session: Session, reward_id: int) -> RewardRow:
    reward = session.get(Reward, reward_id)
    if reward is None:
        raise NotFoundError("reward", reward_id)
    return _rows(session, [reward])[0]


def rewards(session: Session, month: str | None = None) -> list[RewardRow]:
    """The applications, newest first; of one report month if given."""
    query = select(Reward).order_by(Reward.id.desc())
    if month is not None:
        month_bounds(month)
        query = query.join(OptimisationReport, Reward.report_id == OptimisationReport.id).where(
            OptimisationReport.month == month.strip()
        )
    return _rows(session, list(session.scalars(query)))


def _approved(session: Session, first: str, last: str) -> list[RewardRow]:
    """Approved rewards of report months first..last, by month, person, then id."""
    month_bounds(first)
    month_bounds(last)
    first, last = first.strip(), last.strip()
    if last < first:
        raise ValidationError("end", "end_before_start")
    query = (
        select(Reward)
        .join(OptimisationReport, Reward.report_id == OptimisationReport.id)
        .where(
            Reward.state == ReportState.APPROVED.value,
            OptimisationReport.month >= first,
            OptimisationReport.month <= last,
        )
        .order_by(OptimisationReport.month, Reward.person, Reward.id)
    )
    return _rows(session, list(session.scalars(query)))


def _ledger(approved: list[RewardRow]) -> list[LedgerRow]:
    # Summed here, in Decimal: SQLite keeps NUMERIC as a float and would sum floats.
    totals: dict[tuple[str, str], list[RewardRow]] = defaultdict(list)
    for r in approved:
        totals[(r.month, r.person)].append(r)
    return [
        LedgerRow(
            person=person,
            person_name=rows[0].person_name,
            month=month,
            count=len(rows),
            total=sum((r.amount for r in rows), Decimal("0.00")),
        )
        for (month, person), rows in sorted(totals.items())
    ]


def ledger(session: Session, first: str, last: str) -> list[LedgerRow]:
    """Approved rewards per person and report month, months first..last inclusive, ordered
    by month then person."""
    return _ledger(_approved(session, first, last))


def export_ledger(session: Session, first: str, last: str, path: Path) -> Path:
    """The ledger and the individual approved rewards as XLSX, written beside `path` first
    (never half a file under the real name)."""
    approved = _approved(session, first, last)
    path = Path(path)
    with written_beside(path) as part:
        write_ledger_xlsx(_ledger(approved), approved, part)
    return path
