"""The change log (issue 8, R3.2), on SQLite and PostgreSQL: a change to a system under
maintenance cannot be marked executed before the customer was told (by phone, or by a mail
the real SMTP server accepted); a notice about an earlier schedule does not count; an
emergency change is flagged; source and scripts are archived by SHA-256, chained into the
audit log and verified; the history is searchable and exports to XLSX."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update
from sqlalchemy.exc import DBAPIError

from supportdesk.adapters.mail import SmtpSender
from supportdesk.db import audit
from supportdesk.db.models import ChangeNotice, Evidence
from supportdesk.domain.changes import ArtifactKind, ChangeForm, ChangeState
from supportdesk.domain.delivery import MAIL
from supportdesk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from supportdesk.domain.registry import ContactForm, SystemForm
from supportdesk.services import changes, delivery, registry, team_settings
from tests.reminder_team import Team
from tests.servers.smtp import SmtpServer, running_smtp

# Past the clock's now: saving a change stamps it with the real time, and a notice older than
# a change to the schedule must not count.
NOW = (datetime.now(UTC) - timedelta(days=3)).replace(second=0, microsecond=0)
START = NOW + timedelta(days=2, hours=13)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with running_smtp("plain") as server:
        yield server


def _form(team: Team, system: int | None = None, **changes_: object) -> ChangeForm:
    form = ChangeForm(
        system or team.system,
        "升级调度服务至 3.2 版",
        "修复夜间批处理内存泄漏",
        "调度服务应用与配置；数据库新增两张表",
        START,
        90,
        "升级期间调度页面不可用约 30 分钟",
        "回退到 3.1 版安装包并执行回滚脚本",
        "研发部 李工",
        team.login("gongcheng"),
    )
    return replace(form, **changes_)  # type: ignore[arg-type]


def _add(team: Team, system: int | None = None, **changes_: object) -> int:
    with team.engineer.write() as s:
        return changes.save_change(s, _form(team, system, **changes_)).id


def test_a_change_needs_every_part_and_an_after_sales_supervisor(team: Team) -> None:
    for changes_, field, code in (
        ({"title": " "}, "title", "required"),
        ({"rollback": ""}, "rollback", "required"),
        ({"duration_minutes": 0}, "duration_minutes", "out_of_range"),
        ({"planned_start": START.replace(tzinfo=None)}, "planned_start", "bad_value"),
        ({"supervisor": "nobody"}, "supervisor", "unknown_user"),
        ({"supervisor": team.login("xiaoshou")}, "supervisor", "not_after_sales"),
    ):
        with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
            changes.save_change(s, _form(team, **changes_))
        assert (bad.value.field, bad.value.code) == (field, code)
    with pytest.raises(PermissionDeniedError), team.sales.write() as s:
        changes.save_change(s, _form(team))
    with team.db.read() as s:
        assert changes.list_changes(s) == []
    key = _add(team)
    with team.db.read() as s:
        row = changes.get(s, key)
    assert (row.customer, row.system, row.state) == ("华东电力", "调度平台生产", "planned")
    assert row.planned_start == START  # an instant, whichever database keeps it
    with pytest.raises(ConflictError), team.engineer.write() as s:
        changes.save_change(s, _form(team, id=key, version=row.version + 1))


def test_no_execution_before_the_customer_is_told_by_phone(team: Team) -> None:
    key = _add(team)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, key, START, now=START)
    assert (bad.value.field, bad.value.code) == ("notice", "notice_required")
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.notify_by_phone(s, key, "王工", NOW + timedelta(days=1), now=NOW)
    assert (bad.value.field, bad.value.code) == ("given_at", "in_future")
    with team.engineer.write() as s:
        changes.notify_by_phone(s, key, "信息科 王工", NOW, "同意周六晚执行", now=NOW)
        done = changes.mark_executed(
            s, key, START + timedelta(minutes=80), now=START + timedelta(hours=2)
        )
    assert (done.state, done.without_notice) == (ChangeState.EXECUTED, False)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, key, START, now=START)
    assert (bad.value.field, bad.value.code) == ("change", "not_planned")


def test_a_notice_about_an_earlier_schedule_does_not_count(team: Team) -> None:
    key = _add(team)
    with team.engineer.write() as s:
        changes.notify_by_phone(s, key, "王工", NOW - timedelta(days=1), now=NOW)
        row = changes.get(s, key)
        changes.save_change(  # the wording of the reason changes nothing the customer heard
            s, _form(team, reason="修复内存泄漏（夜间批处理）", id=key, version=row.version)
        )
        row = changes.get(s, key)
        assert changes.detail(s, key).noticed
    with team.engineer.write() as s:
        changes.save_change(
            s, _form(team, planned_start=START + timedelta(days=7), id=key, version=row.version)
        )
    with team.db.read() as s:
        (stale,) = changes.notices(s, key)
        assert (stale.given_at is not None, stale.current) == (True, False)
        assert not changes.detail(s, key).noticed
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, key, START, now=START + timedelta(days=8))
    assert bad.value.code == "notice_required"
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:  # the old call
        changes.notify_by_phone(s, key, "王工", NOW - timedelta(days=1))
    assert (bad.value.field, bad.value.code) == ("given_at", "before_terms")


def test_an_emergency_change_is_recorded_and_flagged(team: Team) -> None:
    key = _add(team)
    with team.engineer.write() as s:
        done = changes.mark_executed(
            s, key, START, emergency_reason="数据库宕机，需立即处理", now=START
        )
    assert (done.state, done.without_notice) == ("executed", True)
    with team.db.read() as s:
        assert [c.id for c in changes.list_changes(s, flagged_only=True)] == [key]
        event = audit.verify(s)
    assert event.ok


def test_a_system_not_under_maintenance_needs_no_notice(team: Team) -> None:
    with team.db.write() as s:
        project = registry.list_systems(s, system_id=team.system)[0].project_id
        test_system = registry.save_system(s, SystemForm(project, "调度平台测试", "test", False)).id
    key = _add(team, system=test_system)
    with team.engineer.write() as s:
        done = changes.mark_executed(s, key, START, now=START)
    assert (done.state, done.without_notice) == ("executed", False)


def test_a_mailed_notice_counts_once_the_server_accepted_it(team: Team, smtp: SmtpServer) -> None:
    with team.db.write() as s:
        registry.save_contact(
            s, ContactForm(team.customer, "王工", email="wang@huadong.cn", emergency=True)
        )
        team_settings.set_many(
            s, {"mail.host": smtp.host, "mail.port": str(smtp.port), "mail.security": "none"}
        )
    key = _add(team)
    with team.engineer.write() as s:
        assert changes.customer_addresses(s, key) == ["wang@huadong.cn"]
        notice = changes.notify_by_mail(s, key, changes.customer_addresses(s, key), now=NOW)
    assert (notice.given_at, notice.pending) == (None, 1)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, key, START, now=START)
    assert bad.value.code == "notice_required"  # queued is not told
    sent = delivery.deliver(
        team.db, {MAIL: SmtpSender(smtp.settings(), timeout=5)}, owner="t", now=lambda: NOW
    )
    assert sent.sent == 1
    (mail,) = smtp.messages
    body = mail.message.get_content()
    assert mail.rcpt_tos == ("wang@huadong.cn",)
    assert "升级调度服务至 3.2 版" in str(mail.message["Subject"])
    for part in (
        START.astimezone().strftime("%Y-%m-%d %H:%M"),
        "1 h 30 min",
        "调度服务应用与配置",
        "升级期间调度页面不可用约 30 分钟",
    ):
        assert part in body, part
    with team.engineer.write() as s:
        (given,) = changes.notices(s, key)
        done = changes.mark_executed(s, key, START, now=START)
    assert given.given_at == NOW
    assert done.without_notice is False


def test_source_and_scripts_are_archived_by_hash_and_pin_the_running_version(team: Team) -> None:
    key = _add(team)
    with team.engineer.write() as s:
        changes.notify_by_phone(s, key, "王工", NOW, now=NOW)
        source = changes.attach(s, key, ArtifactKind.SOURCE, "dispatch-3.2.tar.gz", data=b"tarball")
        script = changes.attach(
            s, key, ArtifactKind.SCRIPT, "V3_2__新增表.sql", data="CREATE TABLE 调度;".encode()
        )
        changes.attach(s, key, ArtifactKind.COMMIT, "commit", commit="A1B2C3D4E5F6")
        changes.mark_executed(s, key, START, now=START)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.attach(s, key, ArtifactKind.COMMIT, "commit", commit="not-a-commit")
    assert (bad.value.field, bad.value.code) == ("commit", "bad_commit")
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.attach(s, key, ArtifactKind.SCRIPT, "empty.sql")
    assert (bad.value.field, bad.value.code) == ("file", "required")
    with team.db.read() as s:
        assert changes.artifact_data(s, script.id) == (
            "V3_2__新增表.sql",
            "CREATE TABLE 调度;".encode(),
        )
        assert set(changes.verify_artifacts(s, key).values()) == {True}
        (pinned,) = changes.pinned_versions(s)
    assert (pinned.system, pinned.change_id) == ("调度平台生产", key)
    assert [(a.kind, a.commit) for a in pinned.artifacts][-1] == ("commit", "a1b2c3d4e5f6")
    with team.db.write() as s:  # the archived tarball is swapped behind the app's back
        s.execute(
            update(Evidence)
            .where(Evidence.sha256 == source.sha256)
            .values(data=zlib.compress(b"evil"))
        )
    with team.db.read() as s:
        verified = changes.verify_artifacts(s, key)
    assert verified[source.id] is False
    assert verified[script.id] is True


def test_the_history_is_searchable_and_exports_to_xlsx(team: Team, tmp_path: Path) -> None:
    first = _add(team)
    _add(team, title="更换数据库备份脚本", planned_start=START + timedelta(days=1))
    with team.db.read() as s:
        assert [c.id for c in changes.list_changes(s, text="升级调度服务")] == [first]
        assert len(changes.list_changes(s, text="华东")) == 2  # the customer's name
        assert changes.list_changes(s, text="100%") == []  # % is a character, not a wildcard
        rows = changes.list_changes(s, system_id=team.system)
        path = changes.export_xlsx(s, tmp_path / "变更记录.xlsx", rows)
    assert [r.title for r in rows] == [
        "更换数据库备份脚本",
        "升级调度服务至 3.2 版",
    ]  # newest first
    sheet = load_workbook(path).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][3] == "更换数据库备份脚本"
    assert values[2][1] == "华东电力"
    assert len(values) == 3


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)  # SQLite has no logins
def test_a_notice_cannot_be_rewritten_by_the_team(team: Team) -> None:
    key = _add(team)
    with team.engineer.write() as s:
        changes.notify_by_phone(s, key, "王工", NOW, now=NOW)
    with pytest.raises(DBAPIError, match="permission denied"), team.engineer.write() as s:
        s.execute(update(ChangeNotice).values(to_whom="别人"))


def test_a_notice_counts_only_for_the_system_told_and_before_the_change(
    team: Team, smtp: SmtpServer, tmp_path: Path
) -> None:
    key = _add(team)
    with team.db.write() as s:
        project = registry.list_systems(s, system_id=team.system)[0].project_id
        other = registry.save_system(s, SystemForm(project, "调度平台灾备")).id
    with team.engineer.write() as s:
        changes.notify_by_phone(s, key, "王工", NOW, now=NOW)
        row = changes.get(s, key)
        changes.save_change(s, _form(team, other, id=key, version=row.version))  # moved
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, key, NOW + timedelta(hours=1), now=NOW + timedelta(hours=2))
    assert bad.value.code == "notice_required"  # the customer heard of another system
    late = _add(team)
    with team.engineer.write() as s:
        changes.notify_by_phone(s, late, "王工", NOW, now=NOW)
    with pytest.raises(ValidationError) as bad, team.engineer.write() as s:
        changes.mark_executed(s, late, NOW - timedelta(hours=1), now=NOW)  # done before told
    assert bad.value.code == "notice_required"
    with team.db.write() as s:  # a queued mail overtaken by a new schedule says the old one
        team_settings.set_many(
            s, {"mail.host": smtp.host, "mail.port": str(smtp.port), "mail.security": "none"}
        )
    queued = _add(team)
    with team.engineer.write() as s:
        changes.notify_by_mail(s, queued, ["wang@huadong.cn"])
        row = changes.get(s, queued)
        changes.save_change(
            s, _form(team, planned_start=START + timedelta(days=3), id=queued, version=row.version)
        )
    delivery.deliver(team.db, {MAIL: SmtpSender(smtp.settings(), timeout=5)}, owner="t")
    with team.db.read() as s:
        (mailed,) = changes.notices(s, queued)
    assert mailed.given_at is not None
    assert not mailed.current


def test_exported_text_stays_text(team: Team, tmp_path: Path) -> None:
    _add(team, title='=HYPERLINK("http://x")', reason="换行\x0b符")
    with team.db.read() as s:
        path = changes.export_xlsx(s, tmp_path / "x.xlsx", changes.list_changes(s))
    sheet = load_workbook(path).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=4)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    assert sheet.cell(row=2, column=5).value == "换行符"
