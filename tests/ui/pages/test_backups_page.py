"""The Backups page (issue 8, R3.3), on the demo data (real SQLite) and, for the checks, the
real test sshd with dump directories its user owns: a job added through its dialog and
listed, a relative path refused with the field named, a good dump directory checked (✔ and
every finding in words), a missing directory that could not be read (✘), a check cancelled
while a host stalls (the window stays usable, the rest is not checked and nothing half-read
is recorded), and a salesperson who may only read."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.ssh import SshShell
from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.domain.backup import CODES, BackupKind, CheckRow, Finding, JobForm, JobRow
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import backup, host_key, registry, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.backup_dialogs import CheckProgressDialog, JobDialog
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.backups_page import (
    FAILED_COLOUR,
    STALE_COLOUR,
    BackupsPage,
    finding_text,
    status_text,
)
from supportdesk.ui.pages.inspection_page import EvidenceDialog
from supportdesk.ui.tasks import TaskRunner
from tests.backup_helpers import dumps
from tests.servers.fault_ssh import FAULT_PASSWORD, FAULT_USER, running_fault_server
from tests.servers.sshd import SshServer
from tests.ui.conftest import TODAY
from tests.ui.helpers import check_model, click, keep, open_dialog, wait_idle

SALES = "lisi"
CUSTOMER, SYSTEM = "备份页面客户", "备份演示系统"
NO_EDIT = "Only engineers, the group leader and the administrator set up backup jobs."
NO_CHECK = "Only engineers, the group leader and the administrator check backups."
LOCKED = (
    "Open the vault first (on the Vault page): the hosts' credentials and the repositories' "
    "passwords are there."
)


class Site:
    """A customer system with a host (the test sshd when given) and an open vault."""

    def __init__(self, opened: bootstrap.App, server: SshServer | None) -> None:
        self.db = opened.db
        with self.db.write() as s:
            self.vault = vault.init_vault(s, "备份页面-passphrase", vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm(CUSTOMER))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            self.system = registry.save_system(s, SystemForm(project.id, SYSTEM)).id
        with self.db.write() as s:
            vault.save_credential(s, self.vault, CredentialForm("备份仓库", "repo-pw"))
            if server is not None:
                form = CredentialForm(
                    "db root", server.password, kind="server", username=server.user
                )
                vault.save_credential(s, self.vault, form)
        address, port = (server.address, server.port) if server else ("127.0.0.1", 22)
        key = HostKey(server.host_key_type, server.host_key_base64) if server else None
        self.host = self.add_host("db1", address, port, "db root", key)

    def add_host(
        self, name: str, address: str, port: int, credential: str, key: HostKey | None
    ) -> int:
        with self.db.write() as s:
            form = HostForm(self.system, name, address, port, credential=credential)
            host = registry.save_host(s, form).id
            if key is not None:
                host_key.accept_first(s, host, key)
        return host

    def job(self, name: str, path: Path | str, host: int | None = None, **kw: Any) -> JobRow:
        form = JobForm(self.system, host or self.host, name, BackupKind.PG_DUMP, str(path), **kw)
        with self.db.write() as s:
            return backup.save_job(s, form)


@pytest.fixture
def as_user(opened: bootstrap.App, qtbot: QtBot) -> Iterator[Any]:
    """A UiContext whose tasks run as `login`."""
    made: list[tuple[TaskRunner, Database]] = []

    def make(login: str) -> UiContext:
        db = Database(opened.db.url, actor=login)
        runner = TaskRunner(db)
        made.append((runner, db))
        return UiContext(runner, opened.config, today=lambda: TODAY)

    yield make
    for runner, db in made:
        assert runner.shutdown(10_000), "a task outlived its test"
        db.dispose()


def page_for(qtbot: QtBot, ctx: UiContext) -> BackupsPage:
    ctx.remote_shell = SshShell
    page = keep(qtbot, ctx, BackupsPage(ctx))
    page.resize(1280, 800)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def cell(page: BackupsPage, job_id: int, column: int, role: int = 0) -> Any:
    for r in range(page.proxy.rowCount()):
        if page.proxy.index(r, 0).data(ROW_ROLE).id == job_id:
            return page.proxy.index(r, column).data(role)
    raise AssertionError(f"job {job_id} is not shown")


def choose(qtbot: QtBot, ctx: UiContext, page: BackupsPage, job_id: int) -> JobRow:
    assert page._select(job_id), f"job {job_id} is not shown"
    wait_idle(qtbot, ctx)
    row = page.selected()
    assert row is not None
    return row


def closed(page: BackupsPage, kind: type[QWidget]) -> bool:
    return not [d for d in page.findChildren(kind) if d.isVisible()]


def findings(page: BackupsPage) -> list[tuple[str, str]]:
    proxy = page.findings_view.model()
    return [(proxy.index(r, 0).data(), proxy.index(r, 1).data()) for r in range(proxy.rowCount())]


def check_and_wait(qtbot: QtBot, ctx: UiContext, page: BackupsPage) -> None:
    click(page.check_button)
    assert not page.check_button.isEnabled()  # the check goes on in the background
    assert page.check_button.toolTip() == "A check is running."
    qtbot.waitUntil(lambda: page._task is None, timeout=60_000)
    wait_idle(qtbot, ctx)


def test_a_job_is_added_through_the_dialog_and_listed(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)
    page = page_for(qtbot, ctx)
    assert page.shown() == []
    assert (
        page.summary.text() == "Jobs: 0 · failing: 0 · not checked for 7 days: 0 · never checked: 0"
    )
    assert page.edit_button.toolTip() == "Select a job first."
    click(page.add_button)
    dialog = open_dialog(qtbot, page, JobDialog)
    dialog.system.setCurrentIndex(dialog.system.findData(site.system))
    assert [dialog.host.itemData(i) for i in range(dialog.host.count())] == [site.host]
    # A repository asks for the vault credential holding its password, not for a pattern.
    dialog.kind.setCurrentIndex(dialog.kind.findData(BackupKind.RESTIC.value))
    assert dialog.credential.isVisibleTo(dialog)
    assert not dialog.pattern.isVisibleTo(dialog)
    assert dialog.credential.findData("备份仓库") > 0
    dialog.kind.setCurrentIndex(dialog.kind.findData(BackupKind.PG_DUMP.value))
    assert not dialog.credential.isVisibleTo(dialog)
    assert dialog.pattern.isVisibleTo(dialog)
    dialog.name.setText("夜间数据库备份")
    dialog.path.setText("/var/backups/postgresql")
    dialog.pattern.setText("*.sql.gz")
    dialog.schedule.setValue(12)
    assert "18 h" in dialog.schedule_words.text()  # late by half the interval: missed
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, JobDialog))
    wait_idle(qtbot, ctx)
    (row,) = page.shown()
    assert (row.name, row.system, row.kind, row.pattern, row.schedule_hours) == (
        "夜间数据库备份",
        SYSTEM,
        "pg_dump",
        "*.sql.gz",
        12,
    )
    assert page.selected() == row  # the new job is selected and shown in full
    assert cell(page, row.id, 3) == "PostgreSQL dumps"
    assert cell(page, row.id, 4) == "db1:/var/backups/postgresql"
    assert cell(page, row.id, 7) == "never checked"
    assert cell(page, row.id, 0, Qt.ItemDataRole.BackgroundRole).color() == STALE_COLOUR
    assert "Never checked" in cell(page, row.id, 7, Qt.ItemDataRole.ToolTipRole)
    assert page.heading.text() == "夜间数据库备份"
    assert page.facts["where"].text() == "db1:/var/backups/postgresql"
    assert page.facts["schedule"].text().startswith("every 12 h")
    assert page.facts["last"].text() == "never checked"
    assert page.history_model.rows() == []
    assert (
        page.summary.text() == "Jobs: 1 · failing: 0 · not checked for 7 days: 0 · never checked: 1"
    )
    # Corrected: the selection stays, the list shows the new values.
    click(page.edit_button)
    dialog = open_dialog(qtbot, page, JobDialog)
    assert dialog.host.currentData() == site.host
    assert dialog.pattern.text() == "*.sql.gz"
    dialog.schedule.setValue(48)
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, JobDialog))
    wait_idle(qtbot, ctx)
    assert page.selected() is not None
    assert page.selected().schedule_hours == 48  # type: ignore[union-attr]
    assert page.facts["schedule"].text().startswith("every 2 days (48 h)")
    # The filters: a search that hides it, and "needs attention only" that keeps it.
    page.search.setText("no such job")
    assert page.shown() == []
    assert page.check_all_button.toolTip() in ("No jobs are shown.", LOCKED)
    page.search.clear()
    page.problems_only.setChecked(True)
    assert [j.id for j in page.shown()] == [row.id]


def test_a_relative_path_is_refused_with_the_field_named(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)
    page = page_for(qtbot, ctx)
    click(page.add_button)
    dialog = open_dialog(qtbot, page, JobDialog)
    dialog.system.setCurrentIndex(dialog.system.findData(site.system))
    dialog.name.setText("夜间数据库备份")
    dialog.kind.setCurrentIndex(dialog.kind.findData(BackupKind.PG_DUMP.value))
    dialog.path.setText("var/backups")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()  # stays open, with the reason
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "directory or repository: 'var/backups' is not an absolute path (one starting with /)"
    )
    # A repository without its password's credential: named too.
    dialog.path.setText("/srv/restic/erp")
    dialog.kind.setCurrentIndex(dialog.kind.findData(BackupKind.RESTIC.value))
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.error.text() == "credential: is required"
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, JobDialog))
    with site.db.read() as s:
        assert backup.jobs(s, site.system) == []
    assert page.shown() == []


@pytest.mark.sshd
def test_a_good_dump_directory_is_checked_and_passes_with_its_findings(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, sshd: SshServer, store: Path
) -> None:
    site = Site(opened, sshd)
    folder = dumps(store / "page-good", 70)
    job = site.job("夜间数据库备份", folder, pattern="*.sql.gz")
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, job.id)
    assert not page.check_button.isEnabled()
    assert page.check_button.toolTip() == LOCKED
    ctx.vault.set(site.vault)
    assert page.check_button.isEnabled()
    click(page.check_button)
    progress = open_dialog(qtbot, page, CheckProgressDialog)
    assert f"{SYSTEM} · 夜间数据库备份" in progress.label.text()
    qtbot.waitUntil(lambda: page._task is None, timeout=60_000)
    wait_idle(qtbot, ctx)
    assert closed(page, CheckProgressDialog)
    assert page.progress_dialog is None
    assert cell(page, job.id, 7) == "✔ passed"
    assert cell(page, job.id, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert page.status.text() == "Checked 1: 1 passed, 0 failed."
    shown = findings(page)
    assert [mark for mark, _text in shown] == ["✔"] * 5
    texts = [text for _mark, text in shown]
    assert texts[0].startswith("Newest backup 6.")
    assert "within the schedule" in texts[0]
    assert texts[1].startswith("Backups go back 69 days, to ")
    assert texts[1].endswith("(60 required)")
    assert texts[2] == "No gap between backups longer than the schedule allows"
    assert texts[3].startswith("Newest backup ")
    assert ", usually " in texts[3]
    assert texts[4] == "The newest backup is complete and undamaged"
    (check,) = page.history_model.rows()
    assert (check.passed, check.outcome) == (True, "checked")
    assert page.history_view.model().index(0, 1).data() == "✔ passed"
    assert page.history_view.model().index(0, 2).data() == "checked"
    assert page.facts["last"].text().endswith("✔ passed")
    # What the host said.
    click(page.evidence_button)
    evidence = open_dialog(qtbot, page, EvidenceDialog)
    assert sshd.host_key_fingerprint in evidence.facts.text()
    assert "erp-" in evidence.text.toPlainText()
    evidence.reject()
    # A week on without another check: highlighted to be checked again.
    page.now = lambda: datetime.now(UTC) + timedelta(days=8)
    page.refresh_jobs()
    wait_idle(qtbot, ctx)
    assert cell(page, job.id, 0, Qt.ItemDataRole.BackgroundRole).color() == STALE_COLOUR
    assert cell(page, job.id, 7, Qt.ItemDataRole.ToolTipRole) == (
        "Last checked 8 days ago: check it again."
    )
    assert (
        page.summary.text() == "Jobs: 1 · failing: 0 · not checked for 7 days: 1 · never checked: 0"
    )


@pytest.mark.sshd
def test_a_missing_directory_is_a_failed_check_that_could_not_read(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, sshd: SshServer, store: Path
) -> None:
    site = Site(opened, sshd)
    gone = store / "page-nowhere"
    job = site.job("日志备份", gone)
    ctx.vault.set(site.vault)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, job.id)
    check_and_wait(qtbot, ctx, page)
    assert cell(page, job.id, 7) == "✘ failed: could not read"
    for column in range(8):
        assert cell(page, job.id, column, Qt.ItemDataRole.BackgroundRole).color() == FAILED_COLOUR
    words = f"Could not read the backups: there is no directory {gone}"
    assert cell(page, job.id, 7, Qt.ItemDataRole.ToolTipRole) == words
    assert findings(page) == [("✘", words)]
    assert page.history_view.model().index(0, 1).data() == "✘ failed"
    assert page.status.text() == "Checked 1: 0 passed, 1 failed."
    page.problems_only.setChecked(True)
    assert [j.id for j in page.shown()] == [job.id]


@pytest.mark.sshd
def test_cancelling_a_check_keeps_the_window_usable_and_records_no_half_result(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, sshd: SshServer, store: Path
) -> None:
    site = Site(opened, sshd)
    with running_fault_server("stall_output") as fault:
        with site.db.write() as s:
            form = CredentialForm("fault", FAULT_PASSWORD, kind="server", username=FAULT_USER)
            vault.save_credential(s, site.vault, form)
        stalling = site.add_host(
            "stalled01",
            fault.address,
            fault.port,
            "fault",
            HostKey(fault.host_key_type, fault.host_key_base64),
        )
        first = site.job("a 先检查", dumps(store / "page-first", 70), pattern="*.sql.gz")
        stalled = site.job("b 卡住", "/srv/backup", host=stalling)
        after = site.job("c 之后", dumps(store / "page-after", 70), pattern="*.sql.gz")
        ctx.vault.set(site.vault)
        page = page_for(qtbot, ctx)
        assert [j.id for j in page.shown()] == [first.id, stalled.id, after.id]
        click(page.check_all_button)
        progress = open_dialog(qtbot, page, CheckProgressDialog)
        # Live: the first job's result shows while the stalled one is still being checked.
        qtbot.waitUntil(lambda: cell(page, first.id, 7) == "✔ passed", timeout=30_000)
        assert page._task is not None
        assert "b 卡住" in progress.label.text()
        assert "1 of 3 done" in progress.label.text()
        # The window is usable meanwhile: another job is selected and its detail shown.
        page._select(after.id)
        qtbot.waitUntil(lambda: page.heading.text() == "c 之后")
        assert not page.check_all_button.isEnabled()
        assert page.add_button.isEnabled()
        qtbot.wait(500)  # the stalled host has printed its first line, then silence
        started = time.monotonic()
        click(progress.cancel_button)
        assert not progress.cancel_button.isEnabled()
        assert progress.label.text().startswith("Cancelling")
        qtbot.waitUntil(lambda: page._task is None, timeout=5_000)
        assert time.monotonic() - started < 2.5
        wait_idle(qtbot, ctx)
    assert closed(page, CheckProgressDialog)
    assert page.check_all_button.isEnabled()
    assert page.status.text() == (
        "Cancelled after 1 of 3 jobs; the job being checked was recorded as cancelled, "
        "the rest were not checked."
    )
    with site.db.read() as s:
        (cancelled,) = backup.checks(s, stalled.id)
        assert backup.checks(s, after.id) == []  # never started
    # Nothing half-read: no finding came from the listing cut short.
    assert (cancelled.outcome, cancelled.passed) == ("cancelled", False)
    assert [(f.code, f.params.get("error")) for f in cancelled.findings] == [
        ("unreadable", "cancelled")
    ]
    # A cancelled check says nothing about the backups: the job is still never checked.
    assert cell(page, stalled.id, 7) == "never checked"
    assert cell(page, after.id, 7) == "never checked"
    choose(qtbot, ctx, page, stalled.id)
    assert page.history_view.model().index(0, 1).data() == "– cancelled"
    assert page.history_view.model().index(0, 2).data() == "cancelled"


def test_a_salesperson_sees_the_actions_disabled(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App
) -> None:
    site = Site(opened, None)
    job = site.job("夜间数据库备份", "/var/backups/postgresql")
    ctx = as_user(SALES)
    ctx.vault.set(site.vault)  # even with an open vault on this desk
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, job.id)
    assert page.facts["where"].text() == "db1:/var/backups/postgresql"  # reading is allowed
    for button, why in (
        (page.add_button, NO_EDIT),
        (page.edit_button, NO_EDIT),
        (page.check_button, NO_CHECK),
        (page.check_all_button, NO_CHECK),
    ):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == why, button.text()
    assert not page.evidence_button.isEnabled()
    # Nothing opens or runs, even when asked directly.
    page.add_job()
    page.edit_job()
    page.check_selected()
    wait_idle(qtbot, ctx)
    assert page.dialog is None
    assert page.progress_dialog is None


def test_every_finding_has_words() -> None:
    now = datetime(2025, 3, 1, 8, 0, tzinfo=UTC).isoformat()
    params = {
        "newest": now,
        "oldest": now,
        "after": now,
        "before": now,
        "age_hours": "44.7",
        "days": "40",
        "required": "60",
        "hours": "72.0",
        "size": "60",
        "usual": "196",
        "detail": "gzip: unexpected end of file",
    }
    for code in CODES:
        text = finding_text(Finding(code, code in ("fresh", "deep"), params), "pg_dump")
        assert code not in text.split(), code  # worded, not the raw code
    assert finding_text(Finding("stale", False, params)).endswith("— more than the schedule allows")
    assert finding_text(Finding("shallow", False, params)).startswith(
        "Only 40 days of backups (60 required)"
    )
    assert finding_text(Finding("shrunk", False, params)) == (
        "Newest backup 60 bytes, usually 196 bytes — less than half"
    )
    assert finding_text(Finding("unsound", False, params), "restic") == (
        "The repository's check failed: gzip: unexpected end of file"
    )
    unreachable = Finding("unreadable", False, {"error": "connect_failed", "host": "db2",
                                                "detail": "refused"})  # fmt: skip
    assert finding_text(unreachable) == (
        "Could not read the backups: Cannot connect to db2: refused"
    )
    gaps = [Finding("gap", False, params), Finding("gap", False, params)]
    failed = backup_check(Finding("stale", False, params), *gaps)
    assert status_text(failed) == "✘ failed: newest 44.7 h old, 2 gaps"


def backup_check(*found: Finding) -> CheckRow:
    return CheckRow(1, 1, datetime.now(UTC), False, "checked", found, None, "tester")


def test_the_jobs_proxy(
    qtmodeltester: ModelTester, qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)
    site.job("夜间数据库备份", "/var/backups/postgresql")
    page = keep(qtbot, ctx, BackupsPage(ctx))
    wait_idle(qtbot, ctx)
    assert page.proxy.rowCount() == 1
    check_model(qtmodeltester, page.proxy)
    page.problems_only.setChecked(True)
    check_model(qtmodeltester, page.proxy)
