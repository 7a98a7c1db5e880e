"""The Backups page (issue 8, R3.3), on the demo data (real SQLite) and, for the checks, the
real test sshd with dump directories its user owns: a job added through its dialog and
listed, a relative path refused with the field named, a good dump directory checked (✔ and
every finding in words), a missing directory that could not be read (✘), a check cancelled
while a host stalls (the window stays usable, the rest is not checked and nothing half-read
is recorded), and a salesperson who may only read. Restore drills: a good dump directory
restored and matched (✔, in the drill history), then tampered with (✘ and why); a repository
drill without a file refused in the dialog. Setting a backup up: the exact commands shown
before it may run, a relative directory refused with the field named, a maintained system's
customer not told yet refused with the notice message, and a set-up on the test sshd whose
jobs are then listed."""

from __future__ import annotations

import fcntl
import hashlib
import os
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.ssh import SshShell
from supportdesk.crypto import vault_crypto
from supportdesk.domain.backup import (
    CODES,
    BackupKind,
    CheckRow,
    Finding,
    JobForm,
    JobRow,
    SetupForm,
)
from supportdesk.domain.changes import ChangeForm, ChangeRow
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import backup, changes, host_key, registry, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.backup_dialogs import (
    CheckProgressDialog,
    DrillDialog,
    JobDialog,
    SetupDialog,
)
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.backups_page import (
    FAILED_COLOUR,
    STALE_COLOUR,
    BackupsPage,
    finding_text,
    status_text,
)
from supportdesk.ui.pages.inspection_page import EvidenceDialog
from tests.backup_helpers import dumps, own
from tests.servers.fault_ssh import FAULT_PASSWORD, FAULT_USER, running_fault_server
from tests.servers.sshd import SSH_USER, SshServer
from tests.ui.helpers import answer_modal, check_model, click, keep, open_dialog, wait_idle

SALES = "lisi"
ENGINEER = "zhangsan"
CUSTOMER, SYSTEM = "备份页面客户", "备份演示系统"
NO_EDIT = "Only engineers, the group leader and the administrator set up backup jobs."
NO_CHECK = "Only engineers, the group leader and the administrator check backups."
LOCKED = (
    "Open the vault first (on the Vault page): the hosts' credentials and the repositories' "
    "passwords are there."
)
NO_DRILL = "Only engineers, the group leader and the administrator run restore drills."
NO_SETUP = (
    "Only engineers, the group leader and the administrator set up backups on a host (under a "
    "planned change)."
)
NOT_TOLD = (
    "customer notice: the customer has not been told of this change yet (schedule, impact, "
    "scope, duration): record the notice first, or give the reason for an emergency change"
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

    def job(
        self,
        name: str,
        path: Path | str,
        host: int | None = None,
        kind: BackupKind = BackupKind.PG_DUMP,
        **kw: Any,
    ) -> JobRow:
        form = JobForm(self.system, host or self.host, name, kind, str(path), **kw)
        with self.db.write() as s:
            return backup.save_job(s, form)

    def plan_change(self) -> ChangeRow:
        """A change of the system, planned (supervised by an engineer), the customer not
        told yet."""
        with self.db.write() as s:
            return changes.save_change(
                s,
                ChangeForm(
                    self.system, "设置应用备份", "客户没有备份（R3.3）", "cron 每日备份应用目录",
                    datetime.now(UTC), 10, "无", "删除 crontab 条目", "售后组", ENGINEER,
                ),
            )  # fmt: skip


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


def drill_lines(page: BackupsPage) -> list[tuple[str, str]]:
    proxy = page.drill_lines_view.model()
    return [(proxy.index(r, 0).data(), proxy.index(r, 1).data()) for r in range(proxy.rowCount())]


def drill_row(page: BackupsPage, row: int) -> list[str]:
    proxy = page.drills_view.model()
    return [proxy.index(row, c).data() for c in range(proxy.columnCount())]


def open_drill(qtbot: QtBot, page: BackupsPage) -> DrillDialog:
    """The drill's button is under the drill history: its tab first."""
    page.history_tabs.setCurrentIndex(1)
    assert page.drill_button.isVisible()
    click(page.drill_button)
    return open_dialog(qtbot, page, DrillDialog)


def drill_and_wait(qtbot: QtBot, ctx: UiContext, dialog: DrillDialog) -> None:
    click(dialog.start_button)
    assert dialog.running
    assert dialog.cancel_button.isVisible()
    assert not dialog.close_button.isVisible()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    wait_idle(qtbot, ctx)


def setup_dialog(qtbot: QtBot, ctx: UiContext, page: BackupsPage, system: int) -> SetupDialog:
    click(page.setup_button)
    dialog = open_dialog(qtbot, page, SetupDialog)
    dialog.system.setCurrentIndex(dialog.system.findData(system))
    wait_idle(qtbot, ctx)  # the system's planned changes
    return dialog


def answer(button: QMessageBox.StandardButton, said: list[str]) -> Any:
    """Answer the next confirmation with `button`, keeping what it asked in `said`."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        found = box.button(button)
        assert found is not None
        found.click()

    return answer_modal(handle)


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
        (page.drill_button, NO_DRILL),
        (page.setup_button, NO_SETUP),
    ):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == why, button.text()
    assert not page.evidence_button.isEnabled()
    # Nothing opens or runs, even when asked directly.
    page.add_job()
    page.edit_job()
    page.check_selected()
    page.drill_selected()
    page.set_up_backup()
    wait_idle(qtbot, ctx)
    assert page.dialog is None
    assert page.progress_dialog is None
    assert page.drill_dialog is None
    assert page.setup_dialog is None


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


# -- restore drills ---------------------------------------------------------------------------


@pytest.mark.sshd
def test_a_restore_drill_of_a_good_dump_directory_passes_and_is_kept_in_the_drill_history(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    ctx: UiContext,
    opened: bootstrap.App,
    sshd: SshServer,
    store: Path,
) -> None:
    site = Site(opened, sshd)
    folder = dumps(store / "page-drill", 3)
    newest = sorted(folder.iterdir())[-1]
    digest = hashlib.sha256(newest.read_bytes()).hexdigest()
    sums = folder / "SHA256SUMS"  # as the set-up's backup script writes it
    sums.write_text(f"{digest}  {newest.name}\n")
    own(sums)
    job = site.job("夜间数据库备份", folder, pattern="*.sql.gz")
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, job.id)
    assert page.drill_button.toolTip() == LOCKED
    ctx.vault.set(site.vault)
    dialog = open_drill(qtbot, page)
    assert dialog.windowTitle() == "Restore drill: 夜间数据库备份"
    assert dialog.file.placeholderText() == "empty: the newest backup"
    assert dialog.file_hint.text().endswith("Empty: the newest.")
    assert not page.drill_button.isEnabled()  # one drill at a time
    assert page.drill_button.toolTip() == "A restore drill is open: finish or close it first."
    drill_and_wait(qtbot, ctx, dialog)  # the file left empty: the newest
    shown = [
        f"✔ Restored {newest.name}: the checksum matches",
        "Compared with the checksum the backup script recorded (SHA256SUMS)",
        f"SHA-256 expected {digest[:16]}…, restored {digest[:16]}…",
    ]
    assert dialog.outcome.text().split("\n") == shown
    assert digest in dialog.outcome.toolTip()
    assert not dialog.error.isVisible()
    assert dialog.start_button.text() == "Drill again"
    assert dialog.close_button.isVisible()
    # Kept: the drill history's tab is shown with the drill selected, its result above.
    assert page.status.text() == f"Restore drill of 夜间数据库备份: {shown[0]}"
    qtbot.waitUntil(lambda: page.history_tabs.tabText(1) == "Restore drills (1)")
    assert page.history_tabs.currentIndex() == 1
    assert drill_row(page, 0)[1:4] == ["✔ restored", newest.name, "SHA256SUMS"]
    assert page.findings_box.title().startswith("Restore drill at ")
    assert drill_lines(page) == [("✔", shown[0][2:]), ("", shown[1]), ("", shown[2])]
    check_model(qtmodeltester, page.drills_view.model())
    check_model(qtmodeltester, page.drill_lines_view.model())
    # The backup tampered with since: the same drill now fails, and says why.
    stamp = newest.stat().st_mtime
    newest.write_bytes(newest.read_bytes() + b"tampered")
    os.utime(newest, (stamp, stamp))
    drill_and_wait(qtbot, ctx, dialog)
    failed = dialog.outcome.text().split("\n")
    assert failed[0] == (
        "✘ The restore drill failed: the restored file's checksum differs from the one it "
        "should have"
    )
    assert failed[1] == f"File: {newest.name}"
    assert failed[3].startswith(f"SHA-256 expected {digest[:16]}…, restored ")
    assert not failed[3].endswith(f"{digest[:16]}…")
    qtbot.waitUntil(lambda: page.history_tabs.tabText(1) == "Restore drills (2)")
    assert drill_row(page, 0)[1] == "✘ failed"
    assert drill_row(page, 1)[1] == "✔ restored"
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, DrillDialog))
    assert page.drill_button.isEnabled()
    # What the host said, as for a check.
    click(page.drill_evidence_button)
    evidence = open_dialog(qtbot, page, EvidenceDialog)
    assert sshd.host_key_fingerprint in evidence.facts.text()
    assert "SHA256SUMS" in evidence.text.toPlainText()
    evidence.reject()
    # The checks' tab: the box above says what the selected check found again.
    page.history_tabs.setCurrentIndex(0)
    assert page.findings_box.title() == "Findings"
    with site.db.read() as s:
        assert [d.passed for d in backup.drills(s, job.id)] == [False, True]


def test_a_repository_drill_without_a_file_is_refused_naming_the_file_field(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)  # refused before anything runs: no host is reached
    job = site.job(
        "应用配置 restic", "/srv/restic/erp", kind=BackupKind.RESTIC, credential="备份仓库"
    )
    ctx.vault.set(site.vault)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, job.id)
    dialog = open_drill(qtbot, page)
    assert dialog.file.placeholderText() == "e.g. /etc/nginx/nginx.conf"
    assert dialog.file_hint.text().startswith("Required: the full path of a file")
    click(dialog.start_button)
    assert not dialog.running
    assert dialog.error.isVisible()
    assert dialog.error.text() == "file: is required"
    dialog.file.setText("etc/app.conf")
    click(dialog.start_button)
    assert not dialog.running
    assert dialog.error.text() == (
        "file: 'etc/app.conf' is not an absolute path (one starting with /)"
    )
    assert not dialog.outcome.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, DrillDialog))
    # A directory job takes a file name, not a path.
    other = site.job("夜间数据库备份", "/var/backups/postgresql")
    page.refresh_jobs()
    wait_idle(qtbot, ctx)
    choose(qtbot, ctx, page, other.id)
    dialog = open_drill(qtbot, page)
    dialog.file.setText("../etc/passwd")
    click(dialog.start_button)
    assert dialog.error.text() == "file: '../etc/passwd' is not a valid value"
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, DrillDialog))
    wait_idle(qtbot, ctx)
    with site.db.read() as s:
        assert backup.drills(s, job.id) == []
        assert backup.drills(s, other.id) == []


# -- setting a backup up --------------------------------------------------------------------


def test_the_set_up_dialog_shows_the_commands_before_it_may_run_and_refuses_a_relative_path(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)
    ctx.vault.set(site.vault)
    page = page_for(qtbot, ctx)
    dialog = setup_dialog(qtbot, ctx, page, site.system)
    assert [dialog.host.itemData(i) for i in range(dialog.host.count())] == [site.host]
    # No planned change yet: said, with where to plan one.
    assert dialog.change.currentText() == "(no planned change)"
    assert dialog.change_hint.isVisible()
    assert "plan it on the Changes page" in dialog.change_hint.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == (
        "Choose a planned change of this system (plan one on the Changes page)."
    )
    planned = site.plan_change()
    click(dialog.reload_button)
    wait_idle(qtbot, ctx)
    assert dialog.change.currentData() == planned.id
    assert dialog.change.currentText().endswith("设置应用备份 (the customer is not told yet)")
    assert dialog.change_hint.text().startswith("The customer has not been told")
    assert dialog.ok_button.toolTip() == (
        "Press “Show commands” first: only the commands shown are run."
    )
    # A relative directory: refused, the field named, nothing shown, nothing to run.
    dialog.app_dir.setText("opt/erp")
    dialog.target_dir.setText("/data/backup")
    click(dialog.show_button)
    assert dialog.error.isVisible()
    assert dialog.error.text() == (
        "application directory: 'opt/erp' is not an absolute path (one starting with /)"
    )
    assert dialog.commands.toPlainText() == ""
    assert not dialog.ok_button.isEnabled()
    dialog.app_dir.setText("/opt/erp")
    assert not dialog.database_name.isVisibleTo(dialog)
    dialog.database.setCurrentIndex(dialog.database.findData("postgresql"))
    assert dialog.database_name.isVisibleTo(dialog)
    click(dialog.show_button)
    assert dialog.error.text() == "database name: is required"
    dialog.database_name.setText("erp")
    click(dialog.show_button)
    assert not dialog.error.isVisible()
    plan = backup.plan_setup(SetupForm("/opt/erp", "/data/backup", "postgresql", "erp", 70, 2))
    assert dialog.commands.toPlainText() == plan.install  # exactly what would run
    assert dialog.commands.isReadOnly()
    script = dialog.script.toPlainText()  # the script as the host will have it
    assert script.startswith(plan.script)
    assert script.endswith(plan.cron_line)
    assert "pg_dump" in script
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Run on the host"
    # Any edit withdraws them: only what was shown may run.
    dialog.hour.setValue(3)
    assert dialog.commands.toPlainText() == ""
    assert dialog.script.toPlainText() == ""
    assert not dialog.ok_button.isEnabled()
    click(dialog.show_button)
    assert "0 3 * * *" in dialog.commands.toPlainText()
    # With the vault locked there is nothing to log in with.
    ctx.vault.set(None)
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip().startswith("Open the vault first")
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, SetupDialog))


def test_a_set_up_for_a_maintained_system_whose_customer_was_not_told_is_refused(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    site = Site(opened, None)  # refused before the host is reached
    planned = site.plan_change()
    ctx.vault.set(site.vault)
    page = page_for(qtbot, ctx)
    dialog = setup_dialog(qtbot, ctx, page, site.system)
    dialog.app_dir.setText("/opt/erp")
    dialog.target_dir.setText("/data/backup")
    click(dialog.show_button)
    # Asked first; "Cancel" runs nothing.
    said: list[str] = []
    answered = answer(QMessageBox.StandardButton.Cancel, said)
    click(dialog.ok_button)
    qtbot.waitUntil(answered)
    assert said[0].startswith(
        "Run the commands shown on db1 (127.0.0.1), under the change “设置应用备份”?"
    )
    assert "/data/backup/supportdesk-backup.sh" in said[0]
    assert not dialog.busy
    assert not dialog.error.isVisible()
    answered = answer(QMessageBox.StandardButton.Yes, said)
    click(dialog.ok_button)
    qtbot.waitUntil(answered)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()  # stays open, with the reason
    assert not dialog.busy
    assert dialog.error.text() == NOT_TOLD
    assert dialog.ok_button.isEnabled()  # once told, run again from here
    with site.db.read() as s:
        assert changes.get(s, planned.id).state == "planned"
        assert backup.jobs(s, site.system) == []
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, SetupDialog))


@pytest.mark.sshd
def test_a_backup_is_set_up_on_the_host_and_its_jobs_are_listed(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, sshd: SshServer, store: Path
) -> None:
    site = Site(opened, sshd)
    app = store / "page-setup-app"
    app.mkdir()
    (app / "config.yml").write_text("port: 8080\n")
    target = store / "page-setup-backups"
    target.mkdir()
    own(app)
    own(target)
    planned = site.plan_change()
    with site.db.write() as s:
        changes.notify_by_phone(s, planned.id, "信息科 王工", datetime.now(UTC))
    ctx.vault.set(site.vault)
    page = page_for(qtbot, ctx)
    dialog = setup_dialog(qtbot, ctx, page, site.system)
    assert dialog.change.currentText().endswith("设置应用备份")  # told: nothing to add
    assert not dialog.change_hint.isVisible()
    dialog.app_dir.setText(str(app))
    dialog.target_dir.setText(str(target))
    dialog.hour.setValue(3)
    click(dialog.show_button)
    plan = backup.plan_setup(SetupForm(str(app), str(target), hour=3))
    assert dialog.commands.toPlainText() == plan.install
    said: list[str] = []
    # One crontab for the sshd user: the test runs take turns with it.
    with open("/tmp/supportdesk-test-crontab.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            answered = answer(QMessageBox.StandardButton.Yes, said)
            click(dialog.ok_button)
            qtbot.waitUntil(answered)
            assert dialog.busy
            assert dialog.running_label.text() == f"Running the commands on db1 ({sshd.address})…"
            qtbot.waitUntil(lambda: closed(page, SetupDialog), timeout=60_000)
            wait_idle(qtbot, ctx)
            cron = subprocess.run(
                ["crontab", "-l", "-u", SSH_USER], capture_output=True, text=True, check=True
            ).stdout
            assert plan.cron_line in cron
        finally:
            subprocess.run(["crontab", "-r", "-u", SSH_USER], check=False, capture_output=True)
    name = f"app {target}"
    assert [j.name for j in page.shown()] == [name]
    selected = page.selected()
    assert selected is not None
    assert (selected.name, selected.kind, selected.pattern) == (name, "directory", "app-*.tar.gz")
    assert page.status.text() == (
        f"The backup is set up on db1 and the change recorded as executed; from now on these "
        f"jobs check it: {name}."
    )
    assert (target / "supportdesk-backup.sh").exists()
    with site.db.read() as s:
        assert changes.get(s, planned.id).state == "executed"
