"""The month-end upload of the service manual (issue 9, R2.2): to a real WebDAV server
(wsgidav) under month-stamped Chinese names that a re-run replaces; a failed upload recorded,
reminded to the group leader, and tried again by the daily job until it goes through."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import update

from supportdesk.adapters.upload import FolderUploader, WebDavUploader
from supportdesk.bootstrap import make_uploader
from supportdesk.db.models import FaqRevision
from supportdesk.domain.faq import FaqForm, month_of_upload
from supportdesk.domain.team_settings import TEAM_OPTIONS
from supportdesk.scheduling.reminders import ReminderJobs
from supportdesk.services import faq, reminder, team_settings
from supportdesk.ui.i18n import resource_path
from tests.reminder_team import Team
from tests.servers.webdav import WebDavServer, running_webdav

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
NOVEMBER_END = date(2026, 11, 30)
DECEMBER_FIRST = date(2026, 12, 1)  # the first day after November: its manual is due
NAMES = {
    "售后服务手册_2026年11月.docx",
    "售后服务手册_2026年11月.pdf",
    "售后服务手册本月更新_2026年11月.docx",
    "售后服务手册本月更新_2026年11月.pdf",
}


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDavServer]:
    with running_webdav(tmp_path / "dav") as server:
        yield server


def _published(team: Team, question: str, at: datetime) -> int:
    with team.engineer.write() as s:
        entry_id = faq.save(s, FaqForm(question, solution="重启服务", category="应用")).row.id
        faq.submit(s, entry_id, None)
    with team.leader.write() as s:
        number = faq.publish(s, entry_id, None).revision
    with team.db.write() as s:
        s.execute(
            update(FaqRevision)
            .where(FaqRevision.entry_id == entry_id, FaqRevision.number == number)
            .values(at=at)
        )
    return entry_id


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_months_manual_goes_up_under_chinese_names_and_a_rerun_replaces_it(
    team: Team, dav: WebDavServer, qapp: object
) -> None:
    _published(team, "巡检脚本执行超时怎么办", datetime(2026, 11, 5, 2, tzinfo=UTC))
    uploader = WebDavUploader(dav.url, dav.user, dav.password, wait=lambda _s: None)
    first = faq.upload_month(team.db, "2026-11", uploader, FONT, today=NOVEMBER_END)
    assert {u.file_name for u in first} == NAMES
    assert all(u.ok and u.entries == 1 for u in first)
    assert {p.name for p in dav.root.iterdir()} == NAMES
    assert "巡检脚本执行超时怎么办" in _docx_text(dav.get("售后服务手册_2026年11月.docx"))
    _published(team, "第二个条目", datetime(2026, 11, 20, 2, tzinfo=UTC))
    again = faq.upload_month(team.db, "2026-11", uploader, FONT, today=NOVEMBER_END)
    assert {p.name for p in dav.root.iterdir()} == NAMES  # replaced, not duplicated
    assert all(u.entries == 2 for u in again)
    assert "第二个条目" in _docx_text(dav.get("售后服务手册_2026年11月.docx"))
    with team.db.read() as s:
        recorded = faq.uploads(s, "2026-11")
    assert len(recorded) == 8
    assert all(u.target.startswith(dav.url) for u in recorded)


def test_a_failed_upload_is_reported_and_retried_by_the_daily_job(
    team: Team, dav: WebDavServer, qapp: object
) -> None:
    _published(team, "数据库连接池耗尽", datetime(2026, 11, 5, 2, tzinfo=UTC))
    with team.db.write() as s:
        team_settings.set_many(
            s,
            {"faq.upload.kind": "webdav", "faq.upload.url": dav.url, "faq.upload.user": dav.user},
        )
    waits: list[float] = []

    def uploader(_settings: object) -> WebDavUploader:
        return WebDavUploader(dav.url, dav.user, dav.password, wait=waits.append)

    jobs = ReminderJobs(
        team.db,
        lambda _settings, _channels: {},
        FONT,
        "test",
        today=lambda: DECEMBER_FIRST,
        uploader=uploader,
    )
    dav.stop()
    failed = jobs.month_end()
    assert {(u.ok, u.attempts, u.error) for u in failed} == {(False, 3, "unreachable")}
    assert waits[:2] == [2.0, 4.0]  # backed off between the tries
    with team.db.read() as s:
        assert faq.upload_owed(s, DECEMBER_FIRST, team_settings.all_values(s)) == "2026-11"
        due = [d for d in reminder.due(s, DECEMBER_FIRST) if d.rule == reminder.FAQ_UPLOAD]
    assert [(d.subject, d.facts["error"], d.facts["month"]) for d in due] == [
        ("faq_upload:2026-11", "unreachable", "2026-11")
    ]
    dav.start()
    jobs.today = lambda: date(2026, 12, 2)  # the next day's run catches up
    done = jobs.month_end()
    assert len(done) == 4
    assert all(u.ok for u in done)
    assert {p.name for p in dav.root.iterdir()} == NAMES
    with team.db.read() as s:
        assert faq.upload_owed(s, date(2026, 12, 2), team_settings.all_values(s)) is None
        assert not [d for d in reminder.due(s, date(2026, 12, 2)) if d.rule == reminder.FAQ_UPLOAD]
    assert jobs.month_end() == []  # nothing owed: nothing uploaded again


def test_a_folder_share_is_a_target_too(team: Team, tmp_path: Path, qapp: object) -> None:
    _published(team, "证书过期", datetime(2026, 11, 5, 2, tzinfo=UTC))
    share = tmp_path / "share"
    share.mkdir()
    made = faq.upload_month(team.db, "2026-11", FolderUploader(share), FONT, formats=("docx",))
    assert {u.file_name for u in made} == {n for n in NAMES if n.endswith(".docx")}
    assert "证书过期" in _docx_text((share / "售后服务手册_2026年11月.docx").read_bytes())


def test_which_month_is_due() -> None:
    assert month_of_upload(date(2026, 12, 1)) == "2026-11"  # the first run after month end
    assert month_of_upload(date(2026, 11, 30)) == "2026-10"  # November is not over yet
    assert month_of_upload(date(2027, 1, 15)) == "2026-12"  # a missed run catches up
    assert month_of_upload(date(2027, 3, 1)) == "2027-02"


def test_the_uploader_comes_from_the_settings_and_the_vault(tmp_path: Path) -> None:
    defaults = {key: o.default for key, o in TEAM_OPTIONS.items()}
    assert make_uploader(defaults, lambda _n: "x") is None
    folder = make_uploader(
        {**defaults, "faq.upload.kind": "folder", "faq.upload.folder": "/s"}, str
    )
    assert isinstance(folder, FolderUploader)
    dav = {
        **defaults,
        "faq.upload.kind": "webdav",
        "faq.upload.url": "http://127.0.0.1:1/dav/",
        "faq.upload.user": "dav",
        "faq.upload.credential": "文档系统",
    }
    asked: list[str] = []

    def locked(name: str) -> str | None:
        asked.append(name)
        return None

    assert make_uploader(dav, locked) is None  # its password is in a vault not opened here
    assert asked == ["文档系统"]
    assert isinstance(make_uploader(dav, lambda _n: "pw"), WebDavUploader)


def test_an_upload_by_hand_needs_the_group_leader_and_mid_month_does_not_count(
    team: Team, tmp_path: Path, qapp: object
) -> None:
    from supportdesk.domain.errors import PermissionDeniedError

    share = tmp_path / "share"
    share.mkdir()
    with pytest.raises(PermissionDeniedError):
        faq.upload_month(team.engineer, "2026-11", FolderUploader(share), FONT)
    assert list(share.iterdir()) == []
    with team.db.write() as s:
        team_settings.set_many(s, {"faq.upload.kind": "folder", "faq.upload.folder": str(share)})
    this_month = datetime.now().astimezone().strftime("%Y-%m")
    made = faq.upload_month(team.leader, this_month, FolderUploader(share), FONT)
    assert all(u.ok for u in made)
    first = date.fromisoformat(f"{this_month}-01")
    next_month = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    with team.db.read() as s:
        # Uploaded while the month was still running: the job uploads it again at its end.
        assert faq.upload_owed(s, next_month, team_settings.all_values(s)) == this_month


def test_one_process_uploads_a_month_the_others_leave_it(team: Team) -> None:
    now = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)
    with team.db.write() as s:
        assert faq.claim_upload(s, "2026-11", "agent a", now)
    with team.db.write() as s:
        assert not faq.claim_upload(s, "2026-11", "desktop b", now + timedelta(minutes=1))
        assert faq.claim_upload(s, "2026-11", "agent a", now + timedelta(minutes=2))  # its own
    with team.db.write() as s:  # abandoned for over an hour: another may take it
        assert faq.claim_upload(s, "2026-11", "desktop b", now + timedelta(hours=2))


def test_a_month_nobody_even_tried_to_upload_is_reminded(team: Team) -> None:
    with team.db.write() as s:
        team_settings.set_many(s, {"faq.upload.kind": "folder", "faq.upload.folder": r"\\dms\手册"})
    with team.db.read() as s:
        assert not [d for d in reminder.due(s, DECEMBER_FIRST) if d.rule == reminder.FAQ_UPLOAD]
        due = [d for d in reminder.due(s, date(2026, 12, 3)) if d.rule == reminder.FAQ_UPLOAD]
    assert [(d.subject, d.facts["error"], d.facts["target"]) for d in due] == [
        ("faq_upload:2026-11", "not_tried", r"\\dms\手册")
    ]
