"""Handover timeline (issue 7, first slice): every project with an acceptance date has one;
the group joins and starts it; the group leader is reminded on the join date and three days
before the due date, once each. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, OutboxMessage
from supportdesk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from supportdesk.domain.handover import (
    DEFAULT_CATEGORIES,
    MISSING,
    BoundaryForm,
    FaqForm,
    HandoverState,
    IssueForm,
)
from supportdesk.domain.registry import ContactForm, ProjectForm, SystemForm
from supportdesk.services import handover, registry, reminder
from tests.reminder_team import Team


def _project(team: Team, planned: date | None, actual: date | None = None) -> int:
    with team.db.write() as s:
        customer = registry.list_customers(s)[0].id
        project = registry.save_project(
            s,
            ProjectForm(
                customer, "调度自动化二期", planned_acceptance=planned, acceptance_date=actual
            ),
        )
        return project.id


def test_the_timeline_follows_the_acceptance_date(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))
    with team.db.read() as s:
        t = handover.timeline(s, project)
    assert (t.join_on, t.due_on, t.state, t.acceptance_is_actual) == (
        date(2027, 2, 28),
        date(2027, 4, 14),
        HandoverState.PLANNED,
        False,
    )
    with team.db.write() as s:
        (row,) = [p for p in registry.list_projects(s) if p.id == project]
        registry.save_project(
            s,
            ProjectForm(
                row.customer_id,
                row.name,
                planned_acceptance=date(2027, 3, 31),
                acceptance_date=date(2027, 4, 2),  # the actual date wins
                id=row.id,
                version=row.version,
            ),
        )
    with team.db.read() as s:
        t = handover.timeline(s, project)
        assert [x.project_id for x in handover.timelines(s)] == [project]  # no date: not listed
    assert (t.acceptance, t.acceptance_is_actual, t.due_on) == (
        date(2027, 4, 2),
        True,
        date(2027, 4, 16),
    )


def test_it_moves_forward_one_step_at_a_time_audited(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.advance(s, project, HandoverState.IN_PROGRESS)
    assert (bad.value.field, bad.value.code) == ("state", "bad_transition")
    with team.engineer.write() as s:
        joined = handover.advance(s, project, HandoverState.JOINED, date(2027, 2, 27))
    assert (joined.state, joined.joined_on) == (HandoverState.JOINED, date(2027, 2, 27))
    with team.engineer.write() as s:
        assert handover.advance(s, project, HandoverState.IN_PROGRESS).state is (
            HandoverState.IN_PROGRESS
        )
    with pytest.raises(ValidationError), team.engineer.write() as s:
        handover.advance(s, project, HandoverState.SIGNED)  # only with the signed package
    with pytest.raises(PermissionDeniedError), team.sales.write() as s:
        handover.advance(s, project, HandoverState.JOINED)
    with team.db.read() as s:
        states = s.scalars(
            select(AuditEvent.payload).where(
                AuditEvent.target == f"project:{project}", AuditEvent.action == "handover.state"
            )
        ).all()
    assert [('"joined"' in p, '"in_progress"' in p) for p in states] == [
        (True, False),
        (False, True),
    ]


def test_the_group_leader_is_reminded_at_join_and_three_days_before_due(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))

    def rules(day: date) -> set[str]:
        with team.db.read() as s:
            return {d.rule for d in reminder.due(s, day) if d.subject.startswith("project:")}

    assert rules(date(2027, 2, 27)) == set()
    assert rules(date(2027, 2, 28)) == {reminder.HANDOVER_JOIN}
    assert rules(date(2027, 4, 11)) == {reminder.HANDOVER_JOIN, reminder.HANDOVER_DUE}

    def run(*days: date) -> None:
        for day in days:
            with team.db.write() as s:
                reminder.enqueue(s, day)

    run(date(2027, 2, 28), date(2027, 3, 1))  # the join reminder, once
    with team.engineer.write() as s:
        handover.advance(s, project, HandoverState.JOINED)
    assert rules(date(2027, 4, 11)) == {reminder.HANDOVER_DUE}
    assert rules(date(2027, 5, 1)) == {reminder.HANDOVER_DUE}  # late: still on the list
    run(date(2027, 4, 11), date(2027, 4, 12))  # the due reminder, once
    with team.db.read() as s:
        sent = s.execute(
            select(OutboxMessage.rule, OutboxMessage.channel, OutboxMessage.recipient).where(
                OutboxMessage.rule.like("handover.%")
            )
        ).all()
    leader = team.login("zuzhang")
    assert sorted(sent) == sorted(
        [
            ("handover.due", "inbox", leader),
            ("handover.due", "mail", "leader@example.cn"),
            ("handover.join", "inbox", leader),
            ("handover.join", "mail", "leader@example.cn"),
        ]
    )


def test_a_project_without_acceptance_date_has_no_handover_yet(team: Team, db: Database) -> None:
    project = _project(team, None)
    with pytest.raises(ValidationError) as bad, team.db.read() as s:
        handover.timeline(s, project)
    assert bad.value.code == "no_acceptance_date"


def test_outstanding_issues_are_tracked_until_closed(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.save_issue(s, IssueForm(project, "报表导出超时", " ", date(2027, 4, 30)))
    assert (bad.value.field, bad.value.code) == ("owner", "required")
    with team.db.read() as s:
        assert handover.issues(s, project) == []  # nothing half-saved
    with team.engineer.write() as s:
        first = handover.save_issue(
            s, IssueForm(project, "报表导出超时", "研发二部 李工", date(2027, 4, 30))
        )
        handover.save_issue(s, IssueForm(project, "历史数据迁移", "客户信息科", date(2027, 5, 31)))
    assert first.overdue(date(2027, 4, 30)) is False
    assert first.overdue(date(2027, 5, 1)) is True
    with team.engineer.write() as s:
        closed = handover.set_issue_state(s, first.id, True, first.version, date(2027, 5, 2))
    assert (closed.state, closed.closed_on, closed.overdue(date(2027, 6, 1))) == (
        "closed",
        date(2027, 5, 2),
        False,
    )
    with pytest.raises(ConflictError), team.engineer.write() as s:  # a stale edit names it
        handover.save_issue(
            s,
            IssueForm(project, "x", "y", date(2027, 4, 30), id=first.id, version=first.version),
        )
    with pytest.raises(PermissionDeniedError), team.sales.write() as s:
        handover.save_issue(s, IssueForm(project, "z", "y", date(2027, 4, 30)))
    with team.db.read() as s:
        rows = handover.issues(s, project)
    assert [(r.title, r.state) for r in rows] == [
        ("历史数据迁移", "open"),
        ("报表导出超时", "closed"),
    ]


def _boundaries(
    project: int, start: date | None, end: date | None, version: int | None = None, **texts: str
) -> BoundaryForm:
    values = {
        "company_scope": "应用系统及数据库的日常维护",
        "customer_scope": "机房、网络与操作系统补丁",
        "expiry_terms": "到期后按年签订有偿维保合同",
        "after_sales_scope": "巡检、备份检查、故障处理",
        "support_scope": "二次开发与性能优化由技术支持部负责",
        **texts,
    }
    return BoundaryForm(
        project, maintenance_start=start, maintenance_end=end, version=version, **values
    )


def test_the_maintenance_period_becomes_each_systems_contract_and_moves_with_it(
    team: Team,
) -> None:
    project = _project(team, date(2027, 3, 31))
    with team.db.write() as s:
        for name in ("生产环境", "灾备环境"):
            registry.save_system(s, SystemForm(project, name))
    with team.engineer.write() as s:
        saved = handover.save_boundaries(
            s, _boundaries(project, date(2027, 4, 1), date(2028, 3, 31))
        )
    with team.db.read() as s:
        contracts = [c for c in registry.list_contracts(s) if c.system in ("生产环境", "灾备环境")]
    assert sorted((c.system, c.start, c.end, c.kind) for c in contracts) == [
        ("灾备环境", date(2027, 4, 1), date(2028, 3, 31), "free"),
        ("生产环境", date(2027, 4, 1), date(2028, 3, 31), "free"),
    ]
    with team.engineer.write() as s:  # a corrected period moves the same contracts
        handover.save_boundaries(
            s,
            _boundaries(project, date(2027, 4, 15), date(2028, 4, 14), version=saved.version),
        )
    with team.db.read() as s:
        moved = [c for c in registry.list_contracts(s) if c.system in ("生产环境", "灾备环境")]
        due = [d for d in reminder.due(s, date(2028, 1, 20)) if d.rule == "contract.expiry"]
    assert sorted(c.id for c in moved) == sorted(c.id for c in contracts)
    assert {(c.start, c.end) for c in moved} == {(date(2027, 4, 15), date(2028, 4, 14))}
    assert {d.facts["system"] for d in due} >= {"生产环境", "灾备环境"}  # the reminders use them


def test_bad_boundaries_change_nothing(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.save_boundaries(s, _boundaries(project, date(2027, 4, 1), date(2027, 3, 1)))
    assert (bad.value.field, bad.value.code) == ("maintenance_end", "end_before_start")
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        handover.save_boundaries(s, _boundaries(project, date(2027, 4, 1), None))
    assert bad.value.field == "maintenance_end"
    with team.db.read() as s:
        assert handover.package(s, project).version is None


def test_the_completeness_check_lists_what_is_missing(team: Team) -> None:
    project = _project(team, date(2027, 3, 31))
    with team.db.read() as s:
        assert handover.missing(s, project) == [
            *(f"material:{c}" for c in DEFAULT_CATEGORIES),
            *MISSING,
        ]
    with team.engineer.write() as s:
        handover.save_boundaries(
            s, _boundaries(project, date(2027, 4, 1), date(2028, 3, 31), support_scope=" ")
        )
        registry.save_system(s, SystemForm(project, "生产环境"))
        for category in DEFAULT_CATEGORIES[1:]:
            handover.add_material(s, project, category, f"{category}.docx", data=b"x")
        handover.save_faq(s, FaqForm(project, "如何重启调度服务？", "systemctl restart dispatch"))
    with team.db.read() as s:
        assert handover.missing(s, project) == [
            "material:requirements",
            "support_scope",
            "emergency_contacts",
        ]
        customer = handover.timeline(s, project).customer
    with team.engineer.write() as s:
        customer_id = next(c.id for c in registry.list_customers(s) if c.name == customer)
        registry.save_contact(
            s, ContactForm(customer_id, "王工", phone="13800000000", emergency=True)
        )
        saved = handover.package(s, project)
        handover.save_boundaries(
            s,
            _boundaries(project, date(2027, 4, 1), date(2028, 3, 31), version=saved.version),
        )
        handover.add_material(
            s, project, "requirements", "需求规格说明书", location="svn://docs/req@1024"
        )
    with team.db.read() as s:
        assert handover.missing(s, project) == []
