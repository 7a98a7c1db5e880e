"""The inspection page (issue 5, "GUI and CLI") against a real sshd: systems of the month, run
one with live progress, findings in verdict colours, evidence, the host-key decision, and a
cancel that keeps what finished."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.ssh import SshShell
from supportdesk.crypto import vault_crypto
from supportdesk.domain.inspection import Coverage, InspectionSettings, ManualItem
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import host_key, inspection, registry, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.inspection_settings_dialog import InspectionSettingsDialog
from supportdesk.ui.pages.inspection_page import (
    VERDICT_COLOURS,
    ChecklistDialog,
    EvidenceDialog,
    FinaliseDialog,
    HostKeyDialog,
    InspectionPage,
)
from tests.servers.fault_ssh import FAULT_PASSWORD, FAULT_USER, running_fault_server
from tests.servers.sshd import SshServer
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, keep, open_dialog, shown_rows, wait_idle
from tests.ui.helpers import select as select_row

pytestmark = pytest.mark.sshd

SYSTEM = "巡检演示系统"
PREFIX = f"{TODAY:%Y-%m} 巡检页面客户 {SYSTEM} "


class Setup:
    def __init__(self, opened: bootstrap.App, server: SshServer) -> None:
        self.db = opened.db
        with self.db.write() as s:
            self.vault = vault.init_vault(s, "page passphrase 1", vault_crypto.new_kdf_params())
            customer = registry.save_customer(s, CustomerForm("巡检页面客户"))
            project = registry.save_project(s, ProjectForm(customer.id, "项目"))
            self.system = registry.save_system(s, SystemForm(project.id, SYSTEM)).id
        with self.db.write() as s:
            form = CredentialForm("root@app", server.password, kind="server", username=server.user)
            vault.save_credential(s, self.vault, form)
        self.server = server

    def host(self, name: str, port: int, *, key: HostKey | None, credential: str) -> int:
        with self.db.write() as s:
            form = HostForm(self.system, name, "127.0.0.1", port, credential=credential)
            key_id = registry.save_host(s, form).id
            if key is not None:
                host_key.accept_first(s, key_id, key)
        return key_id


@pytest.fixture
def setup(opened: bootstrap.App, sshd: SshServer) -> Setup:
    return Setup(opened, sshd)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, setup: Setup) -> Iterator[InspectionPage]:
    ctx.remote_shell = SshShell
    widget = keep(qtbot, ctx, InspectionPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    yield widget
    widget.cancel()


def _key(server: SshServer) -> HostKey:
    return HostKey(server.host_key_type, server.host_key_base64)


def _pick_system(page: InspectionPage) -> None:
    select_row(page.systems, lambda c: c.system == SYSTEM)


def _run_and_wait(qtbot: QtBot, ctx: UiContext, page: InspectionPage) -> None:
    click(page.run_button)
    assert not page.run_button.isEnabled()  # the run goes on in the background
    qtbot.waitUntil(lambda: page._task is None, timeout=30_000)
    wait_idle(qtbot, ctx)


def test_runs_need_the_open_vault_and_show_findings_in_colour(
    qtbot: QtBot, ctx: UiContext, page: InspectionPage, setup: Setup
) -> None:
    setup.host("app01", setup.server.port, key=_key(setup.server), credential="root@app")
    page.refresh()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    assert not page.run_button.isEnabled()
    assert "vault" in page.status.text().lower()
    ctx.vault.set(setup.vault)
    assert page.run_button.isEnabled()
    mine = next(c for c in shown_rows(page.systems) if c.system == SYSTEM)
    assert mine.state == Coverage.DUE
    _run_and_wait(qtbot, ctx, page)
    assert page.progress.maximum() == 1
    (host,) = shown_rows(page.hosts)
    assert (host.host, host.reached) == ("app01", True)
    select_row(page.hosts, lambda h: h.host == "app01")
    findings = shown_rows(page.findings)
    assert {f.key for f in findings} >= {"memory", "clock", "passwd"}
    verdict_column = 1
    for row, finding in enumerate(findings):
        index = page.findings.proxy.index(row, verdict_column)
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == VERDICT_COLOURS[finding.verdict]
    assert "1 of 1 hosts inspected." in page.status.text()
    # The evidence behind them: the exact command and the host key's fingerprint.
    click(page.evidence_button)
    shown = open_dialog(qtbot, page, EvidenceDialog)
    assert setup.server.host_key_fingerprint in shown.facts.text()
    assert shown.text.toPlainText().startswith("$ sh -c ")
    shown.reject()


def test_a_first_key_is_shown_and_accepted_from_the_results(
    qtbot: QtBot, ctx: UiContext, page: InspectionPage, setup: Setup
) -> None:
    host_id = setup.host("new01", setup.server.port, key=None, credential="root@app")
    ctx.vault.set(setup.vault)
    page.refresh()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    _run_and_wait(qtbot, ctx, page)
    select_row(page.hosts, lambda h: h.host == "new01")
    (host,) = shown_rows(page.hosts)
    assert host.reached is False
    assert setup.server.host_key_fingerprint in page._host_state(host)
    assert page.accept_keys.isEnabled()
    click(page.accept_keys)
    dialog = open_dialog(qtbot, page, HostKeyDialog)
    assert setup.server.host_key_fingerprint in dialog.message.text()
    assert not dialog.reason.isVisible()  # a first key needs no reason; a changed one does
    dialog.accept()
    wait_idle(qtbot, ctx)
    with setup.db.read() as s:
        assert host_key.known_key(s, host_id) == _key(setup.server)
    for box in page.findChildren(QMessageBox):  # "accepted: run again"
        box.close()
    _run_and_wait(qtbot, ctx, page)
    (host,) = shown_rows(page.hosts)
    assert host.reached


def test_cancel_stops_a_stalled_host_within_two_seconds_and_keeps_it(
    qtbot: QtBot, ctx: UiContext, page: InspectionPage, setup: Setup
) -> None:
    with running_fault_server("stall_output") as fault:
        with setup.db.write() as s:
            form = CredentialForm("fault", FAULT_PASSWORD, kind="server", username=FAULT_USER)
            vault.save_credential(s, setup.vault, form)
        key = HostKey(fault.host_key_type, fault.host_key_base64)
        setup.host("stalled01", fault.port, key=key, credential="fault")
        setup.host("app01", setup.server.port, key=_key(setup.server), credential="root@app")
        ctx.vault.set(setup.vault)
        page.refresh()
        wait_idle(qtbot, ctx)
        _pick_system(page)
        click(page.run_button)
        # Live: the quick host's result shows while the stalled one still runs.
        qtbot.waitUntil(
            lambda: [h.host for h in shown_rows(page.hosts)] == ["app01"], timeout=10_000
        )
        assert page._task is not None
        qtbot.wait(500)  # the stalled host has printed its first line, then silence
        started = time.monotonic()
        click(page.cancel_button)
        qtbot.waitUntil(lambda: page._task is None, timeout=5_000)
        assert time.monotonic() - started < 2.5
        wait_idle(qtbot, ctx)
    hosts = {h.host: h for h in shown_rows(page.hosts)}
    assert hosts["app01"].outcome == "completed"
    host = hosts["stalled01"]
    assert (host.host, host.reached, host.outcome) == ("stalled01", True, "cancelled")
    assert "Cancelled" in page.status.text()
    with setup.db.read() as s:
        doc = json.loads(inspection.evidence_of(s, host.evidence or ""))
    assert doc["outcome"] == "cancelled"


def test_checklist_finalise_return_approve_and_file(
    qtbot: QtBot, ctx: UiContext, page: InspectionPage, setup: Setup, tmp_path: Path
) -> None:
    setup.host("app01", setup.server.port, key=_key(setup.server), credential="root@app")
    setup.host("bare01", setup.server.port, key=None, credential="none-such")
    with setup.db.write() as s:
        settings = InspectionSettings(manual=(ManualItem("机房温度正常"),))
        inspection.save_settings(s, setup.system, settings)
    ctx.vault.set(setup.vault)
    ctx.config.set("documents.folder", str(tmp_path / "文档"))
    page.refresh()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    _run_and_wait(qtbot, ctx, page)
    _pick_system(page)
    assert page.finalise_button.isEnabled()
    assert not page.approve_button.isEnabled()
    # The checklist: ticked by hand, with a note.
    click(page.checklist_button)
    checklist = open_dialog(qtbot, page, ChecklistDialog)
    checklist.boxes[0].setChecked(True)
    checklist.notes[0].setText("22℃")
    checklist.accept()
    wait_idle(qtbot, ctx)
    # Finalise: the host not inspected needs a reason.
    _pick_system(page)
    click(page.finalise_button)
    finalise = open_dialog(qtbot, page, FinaliseDialog)
    assert list(finalise.reasons) == ["bare01"]
    finalise.reasons["bare01"].setText("凭据未登记，下月补")
    finalise.accept()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    mine = next(c for c in shown_rows(page.systems) if c.system == SYSTEM)
    assert (mine.state, mine.report_state) == (Coverage.DONE, "final")
    # Returned with a comment, finalised again, approved: filed in the document folder.
    click(page.return_button)
    ask = open_dialog(qtbot, page, QInputDialog)
    ask.setTextValue("请补充说明")
    ask.accept()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    assert shown_rows(page.systems)[0] is not None
    click(page.finalise_button)
    open_dialog(qtbot, page, FinaliseDialog).accept()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    click(page.approve_button)
    wait_idle(qtbot, ctx)
    filed = sorted(p.name for p in (tmp_path / "文档").iterdir())
    assert filed == [f"{p}巡检报告{s}" for p, s in ((PREFIX, ".docx"), (PREFIX, ".pdf"))]
    assert "Approved and filed" in page.status.text() or "已批准" in page.status.text()


def test_the_settings_button_saves_the_systems_settings(
    qtbot: QtBot, ctx: UiContext, page: InspectionPage, setup: Setup
) -> None:
    page.refresh()
    wait_idle(qtbot, ctx)
    _pick_system(page)
    click(page.settings_button)
    dialog = open_dialog(qtbot, page, InspectionSettingsDialog)
    dialog.numbers["disk_warn"].setValue(60)
    dialog.manual.add(["机房巡视", ""], checked=True)
    click(dialog.buttons_save())
    wait_idle(qtbot, ctx)
    with setup.db.read() as s:
        saved = inspection.settings(s, setup.system)
    assert saved.thresholds.disk_warn == 60
    assert saved.manual == (ManualItem("机房巡视"),)
