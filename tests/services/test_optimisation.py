"""The monthly optimisation report (issue 10, R2.4), first slice, on SQLite and PostgreSQL:
the draft assembled from seeded findings, failed backup checks, changes done without notice
and open handover issues; the group's own items; carry-over of unfinished items, overdue;
each role takes only its own step; a return keeps its comment; the approved report refuses
edits; the quality figures."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from supportdesk.db.models import (
    AuditEvent,
    BackupCheck,
    BackupJob,
    ChangeRecord,
    HandoverIssue,
    Host,
    HostInspection,
    InspectionFinding,
    InspectionRun,
    OptimisationItem,
)
from supportdesk.domain.errors import PermissionDeniedError, ValidationError
from supportdesk.domain.optimisation import Category, Decision, ItemForm, ReportState
from supportdesk.domain.roles import Role
from supportdesk.services import optimisation
from tests.reminder_team import Chain, Team

MONTH = "2026-11"
AT = datetime(2026, 11, 12, 3, tzinfo=UTC)


def _project(team: Team) -> int:
    with team.db.read() as s:
        from supportdesk.db.models import System

        system = s.get(System, team.system)
        assert system is not None
        return system.project_id


def _item(month: str, project: int, text: str, due: date) -> ItemForm:
    return ItemForm(month, project, text, Category.OPERATIONS, "运维组", due)


def _seed(team: Team) -> None:
    """What the month left behind: a critical and an ok finding, a failed backup check, a
    change done without notice, and an open handover issue."""
    project = _project(team)
    with team.db.write() as s:
        run = InspectionRun(
            system_id=team.system,
            period=MONTH,
            started_by="admin",
            started_at=AT,
            state="done",
        )
        s.add(run)
        s.flush()
        host = HostInspection(
            run_id=run.id,
            host_name="app1",
            reached=True,
            outcome="ok",
            worst="critical",
            findings_sha256="0" * 64,
            started_at=AT,
            ended_at=AT,
        )
        s.add(host)
        s.flush()
        s.add_all(
            [
                InspectionFinding(
                    host_inspection_id=host.id,
                    key="disk:/data",
                    check="disk",
                    verdict="critical",
                    value="96%",
                    threshold="90%",
                    detail="",
                ),
                InspectionFinding(
                    host_inspection_id=host.id,
                    key="cpu",
                    check="cpu",
                    verdict="ok",
                    value="12%",
                    threshold="85%",
                    detail="",
                ),
            ]
        )
        machine = Host(system_id=team.system, name="bak1", address="10.0.0.9", port=22)
        machine.updated_at = AT
        s.add(machine)
        s.flush()
        job = BackupJob(
            system_id=team.system, host_id=machine.id, name="数据库备份", kind="directory",
            path="/backup", updated_at=AT,
        )  # fmt: skip
        s.add(job)
        s.flush()
        s.add(
            BackupCheck(
                job_id=job.id,
                checked_at=AT,
                passed=False,
                outcome="checked",
                findings="[]",
                checked_by="admin",
            )
        )
        s.add(
            ChangeRecord(
                system_id=team.system,
                title="升级中间件",
                reason="r",
                scope="s",
                planned_start=AT,
                duration_minutes=30,
                impact="i",
                rollback="b",
                executor="张工",
                supervisor=team.login("gongcheng"),
                state="executed",
                executed_at=AT,
                without_notice=True,
                emergency_reason="紧急修复",
                updated_at=AT,
            )
        )
        s.add(
            HandoverIssue(
                project_id=project,
                title="报表导出超时",
                owner="研发部",
                due_on=date(2026, 11, 20),
                updated_at=AT,
            )
        )


def test_the_draft_is_assembled_from_what_the_month_left_behind(chain: Chain) -> None:
    team = chain.team
    _seed(team)
    with team.leader.write() as s:
        report = optimisation.draft(s, MONTH)
        again = optimisation.draft(s, MONTH)  # drafting again adds nothing twice
    assert report.state is ReportState.DRAFT
    assert report.holder is not None
    assert sorted(i.source for i in report.items) == [
        "backup",
        "change",
        "handover_issue",
        "inspection",
    ]
    texts = {i.source: i.description for i in report.items}
    assert "disk critical（96%）" in texts["inspection"]
    assert "数据库备份" in texts["backup"]
    assert "升级中间件" in texts["change"]
    assert texts["handover_issue"] == "遗留问题：报表导出超时"
    assert {i.category for i in report.items} >= {Category.PERFORMANCE, Category.BUG}
    assert all(i.due_on == date(2026, 12, 31) for i in report.items)  # next month's end
    assert len(again.items) == len(report.items)
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        optimisation.draft(s, "2026-10")


def test_the_group_adds_its_own_items_with_department_and_measure(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
        item = optimisation.save_item(
            s,
            ItemForm(
                MONTH,
                _project(team),
                "报表查询慢",
                Category.PERFORMANCE,
                "研发部",
                date(2026, 12, 15),
                "为报表表加索引",
                system_id=team.system,
            ),
        )
    assert (item.source, item.department, item.measure) == ("group", "研发部", "为报表表加索引")
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        optimisation.save_item(
            s, ItemForm(MONTH, _project(team), "  ", Category.BUG, "研发部", date(2026, 12, 1))
        )
    assert caught.value.field == "description"


def test_unfinished_items_carry_over_overdue_until_closed(chain: Chain) -> None:
    team = chain.team
    project = _project(team)
    with team.leader.write() as s:
        optimisation.draft(s, "2026-10")
        late = optimisation.save_item(
            s,
            ItemForm(
                "2026-10", project, "日志未轮转", Category.OPERATIONS, "运维", date(2026, 10, 31)
            ),
        )
        optimisation.save_item(s, _item("2026-10", project, "尚未到期", date(2026, 12, 20)))
        november = optimisation.draft(s, MONTH)
    (carried,) = [i for i in november.items if i.source == "carried"]
    assert (carried.description, carried.carried_from, carried.overdue) == (
        "日志未轮转",
        "2026-10",
        True,
    )
    with team.leader.write() as s:
        december = optimisation.draft(s, "2026-12")
    assert [i.carried_from for i in december.items if i.source == "carried"] == ["2026-10"]
    (again,) = [i for i in december.items if i.source == "carried"]
    with team.leader.write() as s:
        optimisation.set_item_state(s, again.id, True, again.version, on=date(2026, 12, 5))
        january = optimisation.draft(s, "2027-01")
        october = optimisation.show(s, "2026-10")
    assert not [i for i in january.items if i.description == "日志未轮转"]  # closed: no more
    assert next(i for i in october.items if i.id == late.id).state.value == "closed"


def test_each_role_takes_only_its_own_step_and_a_return_keeps_its_comment(chain: Chain) -> None:
    team = chain.team
    _seed(team)
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
    with pytest.raises(ValidationError) as caught, team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    assert caught.value.code == "not_your_step"
    with team.leader.write() as s:
        submitted = optimisation.decide(s, MONTH, Decision.SUBMIT)
    assert submitted.state is ReportState.SUBMITTED
    for wrong in (team.leader, chain.committee):
        with pytest.raises(ValidationError), wrong.write() as s:
            optimisation.decide(s, MONTH, Decision.APPROVE)
    with pytest.raises(ValidationError) as caught, team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.RETURN, "  ")
    assert caught.value.field == "comment"
    with team.director.write() as s:
        returned = optimisation.decide(s, MONTH, Decision.RETURN, "请写明负责部门")
    assert returned.state is ReportState.DRAFT
    assert [(c.by, c.comment) for c in returned.comments] == [
        (team.login("zongjian"), "请写明负责部门")
    ]
    with team.leader.write() as s:
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    with team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    with pytest.raises(ValidationError), team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)  # the committee's step now
    with chain.committee.write() as s:
        approved = optimisation.decide(s, MONTH, Decision.APPROVE, "同意")
    assert approved.state is ReportState.APPROVED
    assert approved.holder is None
    assert [(st.decision.value, st.state_after.value) for st in approved.steps] == [
        ("submit", "submitted"),
        ("return", "draft"),
        ("submit", "submitted"),
        ("approve", "reviewed"),
        ("approve", "approved"),
    ]
    with team.db.read() as s:
        from sqlalchemy import select

        actions = list(
            s.scalars(select(AuditEvent.action).where(AuditEvent.target == f"optimisation:{MONTH}"))
        )
    assert actions.count("optimisation.approve") == 2
    assert "optimisation.return" in actions


def test_the_approved_report_is_frozen(chain: Chain) -> None:
    team = chain.team
    _seed(team)
    with team.leader.write() as s:
        report = optimisation.draft(s, MONTH)
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    with team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    with chain.committee.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    item = report.items[0]
    edits = (
        lambda s: optimisation.draft(s, MONTH),
        lambda s: optimisation.save_item(
            s, ItemForm(MONTH, item.project_id, "新", Category.BUG, "研发部", date(2026, 12, 1))
        ),
        lambda s: optimisation.set_item_state(s, item.id, True, None),
    )
    for edit in edits:
        with pytest.raises(ValidationError), team.leader.write() as s:
            edit(s)


def test_an_empty_report_is_not_submitted(chain: Chain) -> None:
    team = chain.team
    with team.leader.write() as s:
        optimisation.draft(s, "2026-06")
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        optimisation.decide(s, "2026-06", Decision.SUBMIT)
    assert caught.value.code == "empty"


def test_quality_figures_for_the_month_and_the_year(chain: Chain) -> None:
    team = chain.team
    project = _project(team)
    with team.leader.write() as s:
        optimisation.draft(s, "2026-10")
        done = optimisation.save_item(s, _item("2026-10", project, "按时完成", date(2026, 10, 25)))
        optimisation.save_item(
            s,
            ItemForm("2026-10", project, "逾期未完成", Category.BUG, "研发部", date(2026, 10, 28)),
        )
        optimisation.set_item_state(s, done.id, True, done.version, on=date(2026, 10, 20))
        optimisation.draft(s, MONTH)
        october = optimisation.quality(s, "2026-10")
        november = optimisation.quality(s, MONTH)
        year = optimisation.quality(s, MONTH, months=12)
    assert [(q.project, q.found, q.closed_in_time, q.overdue) for q in october] == [
        ("调度平台", 2, 1, 0)
    ]
    assert [(q.found, q.closed_in_time, q.overdue) for q in november] == [(0, 0, 1)]
    assert [(q.found, q.closed_in_time, q.overdue) for q in year] == [(2, 1, 1)]
    with team.db.write() as s:  # keep the column honest: closed late is not in time
        s.execute(update(OptimisationItem).values(closed_on=date(2026, 11, 30)))
        assert [q.closed_in_time for q in optimisation.quality(s, "2026-10")] == [0]


# --- next month's measures into ZenTao --------------------------------------------------------


def _approved_with_measures(chain: Chain) -> tuple[int, int]:
    """An approved November report with two measures, in two projects."""
    team = chain.team
    first = _project(team)
    with team.db.write() as s:
        from supportdesk.domain.registry import ProjectForm
        from supportdesk.services import registry

        second = registry.save_project(s, ProjectForm(team.customer, "营销系统")).id
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
        for project, text, measure in (
            (first, "报表查询慢", "为报表表加索引\n并观察一周"),
            (second, "登录偶发超时", "升级连接池版本"),
        ):
            optimisation.save_item(
                s,
                ItemForm(MONTH, project, text, Category.PERFORMANCE, "研发部",
                         date(2026, 12, 20), measure),
            )  # fmt: skip
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    with team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    with chain.committee.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    return first, second


def test_approved_measures_become_zentao_tasks_once(chain: Chain) -> None:
    from supportdesk.adapters.zentao import ZentaoClient
    from tests.servers.zentao import running_zentao

    first, second = _approved_with_measures(chain)
    with running_zentao({"shouhou": "zt-pass"}) as server:
        client = ZentaoClient(server.url, "shouhou", "zt-pass")
        done = optimisation.push_measures(
            chain.team.db, MONTH, client, {first: 11, second: 12}, "shouhou"
        )
        again = optimisation.push_measures(
            chain.team.db, MONTH, client, {first: 11, second: 12}, "shouhou"
        )
        tasks = server.tasks
    assert [task for _item, task in done.pushed] == [t["id"] for t in tasks]
    assert done.queued == ()
    assert again.pushed == ()  # already in ZenTao: not filed twice
    assert again.queued == ()
    assert [(t["name"], t["execution"]) for t in tasks] == [
        ("为报表表加索引", 11),
        ("升级连接池版本", 12),
    ]
    with chain.team.db.read() as s:
        report = optimisation.show(s, MONTH)
    assert sorted(i.zentao_task_id or 0 for i in report.items) == [t["id"] for t in tasks]


def test_a_refused_measure_stays_queued_with_a_sheet_to_import(
    chain: Chain, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from supportdesk.adapters.zentao import ZentaoClient
    from tests.servers.zentao import running_zentao

    first, second = _approved_with_measures(chain)
    with running_zentao({"shouhou": "zt-pass"}) as server:
        server.forbid(12)
        result = optimisation.push_measures(
            chain.team.db, MONTH, ZentaoClient(server.url, "shouhou", "zt-pass"),
            {first: 11, second: 12}, "shouhou",
        )  # fmt: skip
    assert len(result.pushed) == 1
    assert [reason for _item, reason in result.queued] == ["forbidden"]
    with chain.team.db.read() as s:
        sheet = optimisation.import_sheet(s, MONTH, tmp_path / "导入.xlsx", {second: 12})
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert len(rows) == 2  # the headers and the measure still waiting
    assert "升级连接池版本" in [str(v) for v in rows[1]]


def test_a_bad_zentao_password_stops_at_the_first_refusal(chain: Chain) -> None:
    from supportdesk.adapters.zentao import ZentaoClient
    from tests.servers.zentao import running_zentao

    first, second = _approved_with_measures(chain)
    with running_zentao({"shouhou": "zt-pass"}) as server:
        result = optimisation.push_measures(
            chain.team.db, MONTH, ZentaoClient(server.url, "shouhou", "wrong"),
            {first: 11, second: 12}, "shouhou",
        )  # fmt: skip
        logins = server.login_attempts("shouhou")
    assert result.pushed == ()
    assert [reason for _item, reason in result.queued] == ["auth", "auth"]
    assert logins == 1  # never tried again: ZenTao locks an account after a few


def test_only_an_approved_report_goes_to_zentao(chain: Chain) -> None:
    from supportdesk.adapters.zentao import ZentaoClient

    team = chain.team
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
    with pytest.raises(ValidationError) as caught:
        optimisation.push_measures(
            team.db, MONTH, ZentaoClient("http://127.0.0.1:9", "a", "b"), {}, "a"
        )
    assert caught.value.code == "not_approved"


# --- reminders ---------------------------------------------------------------------------------


def _due(team: Team, rule: str, today: date) -> list[tuple[str, str]]:
    from supportdesk.services import reminder

    with team.db.read() as s:
        return [(d.subject, d.facts["month"]) for d in reminder.due(s, today) if d.rule == rule]


def test_each_step_reminds_whoever_it_waits_for(chain: Chain) -> None:
    from supportdesk.services import reminder

    team = chain.team
    _seed(team)
    today = date(2026, 12, 3)
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    assert _due(team, reminder.OPTIMISATION_REVIEW, today) == [(f"optimisation:{MONTH}:1", MONTH)]
    assert _due(team, reminder.OPTIMISATION_APPROVAL, today) == []
    with team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    assert _due(team, reminder.OPTIMISATION_REVIEW, today) == []
    assert _due(team, reminder.OPTIMISATION_APPROVAL, today) == [(f"optimisation:{MONTH}:2", MONTH)]
    with chain.committee.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)
    assert _due(team, reminder.OPTIMISATION_APPROVAL, today) == []
    assert reminder.RULES[reminder.OPTIMISATION_REVIEW].to == (Role.SALES_DIRECTOR,)
    assert reminder.RULES[reminder.OPTIMISATION_APPROVAL].to == (Role.COMMITTEE,)


def test_a_month_ended_without_a_submitted_report_warns_the_group_leader(chain: Chain) -> None:
    from supportdesk.services import reminder

    team = chain.team
    assert _due(team, reminder.OPTIMISATION_MISSING, date(2026, 12, 1)) == []  # none kept yet
    with team.leader.write() as s:
        optimisation.draft(s, "2026-10")
    assert _due(team, reminder.OPTIMISATION_MISSING, date(2026, 12, 1)) == [
        ("optimisation:2026-11:missing", "2026-11")
    ]
    _seed(team)
    with team.leader.write() as s:
        optimisation.draft(s, MONTH)
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    assert _due(team, reminder.OPTIMISATION_MISSING, date(2026, 12, 1)) == []
    assert reminder.RULES[reminder.OPTIMISATION_MISSING].to == (Role.GROUP_LEADER,)


def test_a_measure_another_process_is_sending_is_not_filed_twice(chain: Chain) -> None:
    from supportdesk.adapters.zentao import ZentaoClient
    from tests.servers.zentao import running_zentao

    first, second = _approved_with_measures(chain)
    db = chain.team.db
    with db.write() as s:
        items = s.scalars(select(OptimisationItem).order_by(OptimisationItem.id)).all()
        busy, stale = items[-2], items[-1]  # the two measures
        busy.zentao_error = optimisation.SENDING  # claimed a moment ago by another desktop
        stale.zentao_error = optimisation.SENDING  # claimed by a process that then crashed
        busy_id, stale_id = busy.id, stale.id
    with db.write() as s:
        s.execute(
            update(OptimisationItem)
            .where(OptimisationItem.id == stale_id)
            .values(updated_at=datetime.now(UTC) - optimisation.SENDING_FOR * 2)
        )
    with running_zentao({"shouhou": "zt-pass"}) as server:
        client = ZentaoClient(server.url, "shouhou", "zt-pass")
        done = optimisation.push_measures(db, MONTH, client, {first: 11, second: 12}, "shouhou")
        tasks = server.tasks
    assert [item for item, _task in done.pushed] == [stale_id]
    assert len(tasks) == 1
    with db.read() as s:
        assert s.get(OptimisationItem, busy_id).zentao_task_id is None  # type: ignore[union-attr]


def test_the_agent_files_what_waits_and_leaves_a_refused_login_to_a_person(
    chain: Chain,
) -> None:
    from supportdesk.adapters.zentao import ZentaoClient
    from supportdesk.scheduling.reminders import ReminderJobs
    from supportdesk.services import team_settings
    from supportdesk.ui.i18n import resource_path
    from tests.servers.zentao import running_zentao

    first, second = _approved_with_measures(chain)
    db = chain.team.db
    with db.write() as s:
        team_settings.set_many(
            s, {"zentao.account": "shouhou", "zentao.executions": f"{first}=11,{second}=12"}
        )
    with running_zentao({"shouhou": "zt-pass"}) as server:

        def jobs(password: str) -> ReminderJobs:
            return ReminderJobs(
                db, lambda _settings, _channels: {},
                resource_path("fonts/SupportDeskSansSC-Regular.ttf"), "agent",
                tracker=lambda _settings: ZentaoClient(server.url, "shouhou", password),
            )  # fmt: skip

        assert jobs("typo").file_measures() == 0
        with db.read() as s:
            assert optimisation.months_waiting(s) == []  # a refused login waits for a person
        assert jobs("typo").file_measures() == 0
        assert server.login_attempts("shouhou") == 1  # never tried again unattended
        with db.write() as s:  # a person pushed once by hand, ZenTao was away for one measure
            s.execute(update(OptimisationItem).values(zentao_error="unreachable"))
        with db.read() as s:
            assert optimisation.months_waiting(s) == [MONTH]
        assert jobs("zt-pass").file_measures() == 2
        assert len(server.tasks) == 2
    with db.read() as s:
        assert optimisation.months_waiting(s) == []
