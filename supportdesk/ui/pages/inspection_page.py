"""The monthly inspection (issue 5, R2.3): this month's systems as due, done or overdue; run
one or all due over SSH with live per-host progress and cancel; each host's findings in
verdict colours, its evidence, and the host-key decisions. Results come only from running the
checks: nothing here enters or imports a result (R5.3)."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.inspection import (
    Coverage,
    Finding,
    HostResult,
    InspectionSettings,
    ManualCheckRow,
    SystemCoverage,
    Verdict,
)
from supportdesk.domain.remote import HostKey
from supportdesk.services import host_key, inspection
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.inspection_settings_dialog import InspectionSettingsDialog
from supportdesk.ui.i18n import resource_path
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.confirm import warn
from supportdesk.ui.widgets.entity_panel import EntityPanel

VERDICT_COLOURS = {
    Verdict.OK: QColor(200, 230, 201),
    Verdict.WARNING: QColor(255, 224, 130),
    Verdict.CRITICAL: QColor(239, 154, 154),
    Verdict.UNKNOWN: QColor(224, 224, 224),
}


def verdict_label(value: str) -> str:
    labels = {
        "ok": QCoreApplication.translate("InspectionPage", "OK"),
        "warning": QCoreApplication.translate("InspectionPage", "warning"),
        "critical": QCoreApplication.translate("InspectionPage", "critical"),
        "unknown": QCoreApplication.translate("InspectionPage", "unknown"),
    }
    return labels.get(value, value)


def check_label(finding: Finding) -> str:
    """The check's name in the user's language, with its item (a mount point, a port)."""
    names = {
        "disk": QCoreApplication.translate("InspectionPage", "disk use"),
        "inodes": QCoreApplication.translate("InspectionPage", "free inodes"),
        "memory": QCoreApplication.translate("InspectionPage", "memory use"),
        "swap": QCoreApplication.translate("InspectionPage", "free swap"),
        "load": QCoreApplication.translate("InspectionPage", "load per CPU"),
        "clock": QCoreApplication.translate("InspectionPage", "clock drift"),
        "uptime": QCoreApplication.translate("InspectionPage", "uptime"),
        "failed_units": QCoreApplication.translate("InspectionPage", "failed services"),
        "port": QCoreApplication.translate("InspectionPage", "listening port"),
        "ports": QCoreApplication.translate("InspectionPage", "listening ports"),
        "process": QCoreApplication.translate("InspectionPage", "process"),
        "processes": QCoreApplication.translate("InspectionPage", "processes"),
        "os_release": QCoreApplication.translate("InspectionPage", "operating system"),
        "kernel": QCoreApplication.translate("InspectionPage", "kernel"),
        "passwd": QCoreApplication.translate("InspectionPage", "/etc/passwd checksum"),
        "custom": QCoreApplication.translate("InspectionPage", "custom check"),
    }
    name = names.get(finding.check, finding.check)
    item = finding.key.partition(":")[2]
    return f"{name} {item}" if item else name


def detail_label(value: str) -> str:
    words = {
        "first inspection": QCoreApplication.translate("InspectionPage", "first inspection"),
        "unchanged": QCoreApplication.translate("InspectionPage", "unchanged"),
        "changed": QCoreApplication.translate("InspectionPage", "changed since last month"),
        "no systemd": QCoreApplication.translate("InspectionPage", "no systemd"),
        "no answer": QCoreApplication.translate("InspectionPage", "no answer"),
    }
    return words.get(value, value)


def coverage_label(value: Coverage) -> str:
    labels = {
        Coverage.DUE: QCoreApplication.translate("InspectionPage", "due"),
        Coverage.DONE: QCoreApplication.translate("InspectionPage", "done"),
        Coverage.OVERDUE: QCoreApplication.translate("InspectionPage", "overdue"),
    }
    return labels[value]


def report_label(value: str | None) -> str:
    labels = {
        "draft": QCoreApplication.translate("InspectionPage", "draft"),
        "final": QCoreApplication.translate("InspectionPage", "final"),
        "approved": QCoreApplication.translate("InspectionPage", "approved"),
    }
    return labels.get(value or "", value or "")


def _months(today: date, count: int = 12) -> list[str]:
    year, month, found = today.year, today.month, []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return found


class EvidenceDialog(QDialog):
    """What a host's findings come from: command, host key, times and raw output."""

    def __init__(self, host: str, doc: dict[str, Any], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence of {host}").format(host=host))
        self.resize(820, 560)
        key = doc.get("host_key") or {}
        facts = [
            self.tr("Host key: {fingerprint}").format(fingerprint=key.get("fingerprint", "-")),
            self.tr("Started: {at}  Ended: {end}").format(
                at=doc.get("started_at", ""), end=doc.get("ended_at", "")
            ),
            self.tr("Outcome: {outcome}, exit status {status}").format(
                outcome=doc.get("outcome", doc.get("error", "")),
                status=doc.get("exit_status", "-"),
            ),
        ]
        self.facts = QLabel("\n".join(facts), self)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        stdout = base64.b64decode(doc.get("stdout", "")).decode("utf-8", errors="replace")
        stderr = base64.b64decode(doc.get("stderr", "")).decode("utf-8", errors="replace")
        self.text.setPlainText(
            "$ " + str(doc.get("command", "")) + "\n\n" + stdout + ("\n" + stderr if stderr else "")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class HostKeyDialog(QDialog):
    """Accept a host's first key, or (group leader) a changed one with a reason: the user
    compares the fingerprint with the server's before saying yes."""

    def __init__(self, host: str, error: dict[str, str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.changed = "old" in error
        self.setWindowTitle(self.tr("Host key of {host}").format(host=host))
        self.setMinimumWidth(520)
        if self.changed:
            text = self.tr(
                "The host key of {host} has CHANGED.\nAccepted: {old}\nNow: {new}\n"
                "Accept the new key only after checking it with the customer (group leader)."
            ).format(host=host, old=error.get("old", ""), new=error.get("new", ""))
        else:
            text = self.tr(
                "{host} is not known yet. Its key fingerprint is\n{fingerprint}\n"
                "Compare it with the one on the server (ssh-keygen -lf) before accepting."
            ).format(host=host, fingerprint=error.get("fingerprint", ""))
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the key changed (required)"))
        self.reason.setVisible(self.changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Accept this key"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)


class ChecklistDialog(QDialog):
    """The run's manual items (marked manual: a person ticks them, nothing else does), each
    with a note and an optional screenshot."""

    def __init__(self, items: list[ManualCheckRow], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manual checklist"))
        self.setMinimumWidth(560)
        self.items = items
        self.boxes: list[QCheckBox] = []
        self.notes: list[QLineEdit] = []
        self.shots: dict[int, bytes] = {}
        layout = QVBoxLayout(self)
        marked = QLabel(self.tr("Ticked by hand: these items are not checked over SSH."), self)
        marked.setStyleSheet("color: palette(mid);")
        layout.addWidget(marked)
        for item in items:
            row = QHBoxLayout()
            box = QCheckBox(item.text + ("" if item.required else self.tr(" (optional)")), self)
            box.setChecked(item.ticked)
            note = QLineEdit(item.note, self)
            note.setPlaceholderText(self.tr("Note"))
            shot = QPushButton(self.tr("Screenshot…"), self)
            shot.clicked.connect(lambda _c=False, p=item.position: self._pick(p))
            row.addWidget(box, 2)
            row.addWidget(note, 2)
            row.addWidget(shot)
            layout.addLayout(row)
            self.boxes.append(box)
            self.notes.append(note)
        if not items:
            layout.addWidget(QLabel(self.tr("This system has no manual items."), self))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _pick(self, position: int) -> None:
        chooser = QFileDialog(self, self.tr("Screenshot"))
        chooser.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg)"))
        chooser.fileSelected.connect(lambda path: self._read(position, path))
        chooser.open()

    def _read(self, position: int, path: str) -> None:
        self.shots[position] = Path(path).read_bytes()

    def changes(self) -> list[tuple[int, bool, str, bytes | None]]:
        """(position, ticked, note, screenshot) of every item whose state the user changed."""
        found = []
        for item, box, note in zip(self.items, self.boxes, self.notes, strict=True):
            shot = self.shots.get(item.position)
            if box.isChecked() != item.ticked or note.text() != item.note or shot is not None:
                found.append((item.position, box.isChecked(), note.text(), shot))
        return found


class FinaliseDialog(QDialog):
    """Finalising asks why each host that was not inspected was not (R2.3)."""

    def __init__(self, missed: list[HostResult], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Finalise the report"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        text = (
            self.tr("Record why these hosts were not inspected:")
            if missed
            else self.tr("Every host was inspected. Finalise the report?")
        )
        layout.addWidget(QLabel(text, self))
        self.reasons: dict[str, QLineEdit] = {}
        for host in missed:
            edit = QLineEdit(self)
            edit.setPlaceholderText(self.tr("Why {host} was not inspected").format(host=host.host))
            layout.addWidget(QLabel(host.host, self))
            layout.addWidget(edit)
            self.reasons[host.host] = edit
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class InspectionPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._task: Task | None = None
        self._host_states: dict[str, str] = {}
        self.period = QComboBox(self)
        self.period.addItems(_months(ctx.today()))
        self.period.currentTextChanged.connect(lambda _p: self.refresh())
        self.run_button = QPushButton(self.tr("Run selected"), self)
        self.run_due_button = QPushButton(self.tr("Run all due"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.accept_keys = QPushButton(self.tr("Host key…"), self)
        self.evidence_button = QPushButton(self.tr("Evidence…"), self)
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        self.settings_button.clicked.connect(self.edit_settings)
        self.checklist_button = QPushButton(self.tr("Checklist…"), self)
        self.finalise_button = QPushButton(self.tr("Finalise…"), self)
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.checklist_button.clicked.connect(self.edit_checklist)
        self.finalise_button.clicked.connect(self.finalise)
        self.approve_button.clicked.connect(lambda: self.review(approve=True))
        self.return_button.clicked.connect(lambda: self.review(approve=False))
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.status = QLabel(self)
        self.run_button.clicked.connect(self.run_selected)
        self.run_due_button.clicked.connect(self.run_all_due)
        self.cancel_button.clicked.connect(self.cancel)
        self.accept_keys.clicked.connect(self.decide_host_key)
        self.evidence_button.clicked.connect(self.show_evidence)
        self._build_panels()
        self._build_layout()
        ctx.vault.changed.connect(self._update_buttons)
        ctx.events.registry_changed.connect(lambda _e: self.refresh())
        self._update_buttons()
        self.refresh()

    def _build_panels(self) -> None:
        self.systems = EntityPanel(
            self.tr("Systems under maintenance"),
            [
                Column(
                    QCoreApplication.translate("InspectionPage", "Customer"), lambda c: c.customer
                ),
                Column(QCoreApplication.translate("InspectionPage", "System"), lambda c: c.system),
                Column(
                    QCoreApplication.translate("InspectionPage", "This month"),
                    lambda c: coverage_label(c.state),
                    highlight=lambda c: c.state == Coverage.OVERDUE,
                ),
                Column(
                    QCoreApplication.translate("InspectionPage", "Report"),
                    lambda c: report_label(c.report_state),
                ),
            ],
            self,
        )
        self.hosts = EntityPanel(
            self.tr("Hosts"),
            [
                Column(QCoreApplication.translate("InspectionPage", "Host"), lambda h: h.host),
                Column(
                    QCoreApplication.translate("InspectionPage", "Result"),
                    self._host_state,
                ),
                Column(
                    QCoreApplication.translate("InspectionPage", "Worst"),
                    lambda h: verdict_label(h.worst),
                ),
            ],
            self,
            searchable=False,
        )
        self.findings = EntityPanel(
            self.tr("Findings"),
            [
                Column(QCoreApplication.translate("InspectionPage", "Check"), check_label),
                Column(
                    QCoreApplication.translate("InspectionPage", "Verdict"),
                    lambda f: verdict_label(f.verdict.value),
                    colour=lambda f: VERDICT_COLOURS[f.verdict],
                ),
                Column(QCoreApplication.translate("InspectionPage", "Value"), lambda f: f.value),
                Column(
                    QCoreApplication.translate("InspectionPage", "Threshold"), lambda f: f.threshold
                ),
                Column(
                    QCoreApplication.translate("InspectionPage", "Detail"),
                    lambda f: detail_label(f.detail),
                ),
            ],
            self,
        )
        for panel in (self.systems, self.hosts, self.findings):
            for button in (panel.add_button, panel.edit_button, panel.delete_button):
                button.hide()
        self.systems.selection_changed.connect(lambda _s: self.load_results())
        self.hosts.selection_changed.connect(self._on_host_selected)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:"), self))
        bar.addWidget(self.period)
        bar.addWidget(self.run_button)
        bar.addWidget(self.run_due_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress, 1)
        # The report's actions under the systems, the host's under the hosts: no row so wide
        # that the window cannot be made small.
        report = QHBoxLayout()
        report.addStretch(1)
        for button in (
            self.settings_button,
            self.checklist_button,
            self.finalise_button,
            self.approve_button,
            self.return_button,
        ):
            report.addWidget(button)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.systems, 1)
        upper_layout.addLayout(report)
        host_actions = QHBoxLayout()
        host_actions.addWidget(self.accept_keys)
        host_actions.addWidget(self.evidence_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.hosts, 1)
        left_layout.addLayout(host_actions)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(left)
        lower.addWidget(self.findings)
        lower.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        period, today = self.period.currentText(), self._ctx.today()
        self._ctx.tasks.read(
            inspection.coverage, period, today,
            on_done=self._on_coverage_loaded, latest=(id(self), "coverage"),
        )  # fmt: skip

    def _on_coverage_loaded(self, rows: list[SystemCoverage]) -> None:
        self.systems.set_rows(rows, keep=lambda c: c.system_id)
        self._update_buttons()
        self.load_results()

    def load_results(self) -> None:
        chosen = self.systems.selected()
        if chosen is None or chosen.run_id is None:
            self.hosts.set_rows([])
            self.findings.set_rows([])
            self._update_buttons()
            return
        self._ctx.tasks.read(
            inspection.run_results, chosen.run_id,
            on_done=self._on_results_loaded, latest=(id(self), "results"),
        )  # fmt: skip

    def _on_results_loaded(self, rows: list[HostResult]) -> None:
        if self._task is None:
            self._host_states = {}
        self.hosts.set_rows(rows, keep=lambda h: h.host)
        self._on_host_selected(self.hosts.selected())

    def _on_host_selected(self, host: HostResult | None) -> None:
        self.findings.set_rows(list(host.findings) if host else [])
        self._update_buttons()

    def _host_state(self, host: HostResult) -> str:
        if host.host in self._host_states:
            return self._host_states[host.host]
        if host.reached:
            return self.tr("inspected")
        return describe(SupportDeskError(host.outcome, **host.error))

    def _update_buttons(self) -> None:
        running = self._task is not None
        opened = self._ctx.vault.opened is not None
        chosen = self.systems.selected()
        self.run_button.setEnabled(opened and not running and chosen is not None)
        self.run_due_button.setEnabled(opened and not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        host = self.hosts.selected()
        state = chosen.report_state if chosen is not None else None
        self.settings_button.setEnabled(chosen is not None)
        self.checklist_button.setEnabled(not running and state == "draft")
        self.finalise_button.setEnabled(not running and state == "draft")
        self.approve_button.setEnabled(not running and state == "final")
        self.return_button.setEnabled(not running and state == "final")
        self.evidence_button.setEnabled(host is not None and host.evidence is not None)
        self.accept_keys.setEnabled(
            host is not None and host.outcome in ("host_key_unknown", "host_key_changed")
        )
        hint = self.tr("Open the vault first: the hosts' credentials are there.")
        if not opened and not running:
            self.status.setText(hint)
        elif self.status.text() == hint:
            self.status.clear()

    # -- running --------------------------------------------------------------------------

    def run_selected(self) -> None:
        chosen = self.systems.selected()
        if chosen is not None:
            self._run([(chosen.system_id, chosen.system)])

    def run_all_due(self) -> None:
        due = [
            (c.system_id, c.system) for c in self.systems.model.rows() if c.state != Coverage.DONE
        ]
        if due:
            self._run(due)

    def _run(self, systems: list[tuple[int, str]]) -> None:
        opened = self._ctx.vault.opened
        if opened is None or self._task is not None:
            return
        uow, period = self._ctx.tasks.uow, self.period.currentText()
        concurrency = int(self._ctx.config.get("inspection.concurrency"))
        make_shell = self._ctx.remote_shell

        def body(task: TaskContext) -> list[inspection.RunSummary]:
            summaries = []
            for system_id, name in systems:
                if task.cancelled:
                    break

                def report(done: int, total: int, host: str, name: str = name) -> None:
                    task.progress(done, total, f"{name} · {host}")

                summaries.append(
                    inspection.run_system(
                        uow,
                        make_shell(),
                        opened,
                        system_id,
                        period,
                        concurrency=concurrency,
                        progress=report,
                        cancel=task.cancel_event,
                    )
                )
            return summaries

        self._task = Task(body, "inspection")
        self._task.signals.progress.connect(self._on_progress)
        self._task.signals.done.connect(self._on_run_done)
        self._host_states = {}
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Inspecting…"))
        self._ctx.tasks.start(
            self._task, "remote", on_done=self._on_run_finished, on_error=lambda e: warn(self, e)
        )
        self._update_buttons()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")
        self.status.setText(self.tr("Finished: {host}").format(host=label))
        # Each host's result is committed as it arrives: show it now, not at the end.
        self.refresh()

    def _on_run_finished(self, summaries: list[inspection.RunSummary]) -> None:
        reached = sum(s.reached for s in summaries)
        hosts = sum(s.hosts for s in summaries)
        cancelled = any(s.cancelled for s in summaries)
        text = self.tr("{reached} of {hosts} hosts inspected.").format(reached=reached, hosts=hosts)
        if cancelled:
            text += " " + self.tr("Cancelled: finished hosts are kept.")
        self.status.setText(text)

    def _on_run_done(self) -> None:
        self._task = None
        self.refresh()
        self._update_buttons()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Cancelling: running hosts stop within 2 s…"))

    # -- checklist, finalising, review --------------------------------------------------

    def edit_settings(self) -> None:
        chosen = self.systems.selected()
        if chosen is None:
            return

        def open_dialog(current: InspectionSettings) -> None:
            dialog = InspectionSettingsDialog(chosen.system, current, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._save_settings(chosen.system_id, dialog))
            self.settings_dialog = dialog
            dialog.open()

        self._ctx.tasks.read(inspection.settings, chosen.system_id, on_done=open_dialog)

    def _save_settings(self, system_id: int, dialog: InspectionSettingsDialog) -> None:
        if dialog.result_settings is not None:
            self._ctx.tasks.write(
                inspection.save_settings, system_id, dialog.result_settings,
                on_error=lambda e: warn(self, e),
            )  # fmt: skip

    def _chosen_run(self) -> int | None:
        chosen = self.systems.selected()
        return None if chosen is None else chosen.run_id

    def edit_checklist(self) -> None:
        run_id = self._chosen_run()
        if run_id is None:
            return

        def open_dialog(items: list[ManualCheckRow]) -> None:
            dialog = ChecklistDialog(items, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self._save_checklist(run_id, dialog.changes()))
            self.checklist_dialog = dialog
            dialog.open()

        self._ctx.tasks.read(inspection.manual_checks, run_id, on_done=open_dialog)

    def _save_checklist(
        self, run_id: int, changes: list[tuple[int, bool, str, bytes | None]]
    ) -> None:
        if changes:
            self._ctx.tasks.write(
                _save_checklist, run_id, changes,
                on_done=lambda _r: self.refresh(), on_error=lambda e: warn(self, e),
            )  # fmt: skip

    def finalise(self) -> None:
        run_id = self._chosen_run()
        if run_id is None:
            return
        missed = [h for h in self.hosts.model.rows() if not h.reached]
        dialog = FinaliseDialog(missed, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._ctx.tasks.write(
                inspection.finalize,
                run_id,
                {host: edit.text() for host, edit in dialog.reasons.items()},
                on_done=lambda _r: self.refresh(),
                on_error=lambda e: warn(self, e),
            )
        )
        self.finalise_dialog = dialog
        dialog.open()

    def review(self, approve: bool) -> None:
        run_id = self._chosen_run()
        if run_id is None:
            return
        if approve:
            self._review(run_id, True, "")
            return
        ask = QInputDialog(self)
        ask.setWindowTitle(self.tr("Return the report"))
        ask.setLabelText(self.tr("What must be changed? (required)"))
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(lambda text: self._review(run_id, False, text))
        self.return_dialog = ask
        ask.open()

    def _review(self, run_id: int, approve: bool, comment: str) -> None:
        folder = str(self._ctx.config.get("documents.folder"))
        font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
        self._ctx.tasks.write(
            _approve_and_file, run_id, folder, font, approve, comment,
            on_done=self._on_reviewed, on_error=lambda e: warn(self, e),
        )  # fmt: skip

    def _on_reviewed(self, files: list[Path]) -> None:
        if files:
            self.status.setText(
                self.tr("Approved and filed: {files}").format(
                    files=", ".join(p.name for p in files)
                )
            )
        self.refresh()

    # -- evidence and host keys ------------------------------------------------------------

    def show_evidence(self) -> None:
        host = self.hosts.selected()
        if host is None or host.evidence is None:
            return
        self._ctx.tasks.read(
            _evidence_document, host.evidence,
            on_done=lambda doc: self._open_evidence(host.host, doc),
            on_error=lambda e: warn(self, e),
        )  # fmt: skip

    def _open_evidence(self, host: str, doc: dict[str, Any]) -> None:
        dialog = EvidenceDialog(host, doc, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def decide_host_key(self) -> None:
        host = self.hosts.selected()
        chosen = self.systems.selected()
        if host is None or chosen is None or "key_base64" not in host.error:
            return
        dialog = HostKeyDialog(host.error.get("host", host.host), host.error, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._accept_key(host, dialog.changed, dialog.reason.text())
        )
        dialog.open()

    def _accept_key(self, host: HostResult, changed: bool, reason: str) -> None:
        key = HostKey(host.error["key_type"], host.error["key_base64"])
        host_id = int(host.error["host_id"])
        task: tuple[Any, ...] = (
            (host_key.replace, host_id, key, reason)
            if changed
            else (host_key.accept_first, host_id, key)
        )
        self._ctx.tasks.write(
            *task,
            on_done=lambda _r: self._on_key_accepted(host.host),
            on_error=lambda e: warn(self, e),
        )

    def _on_key_accepted(self, host: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Host key accepted"),
            self.tr("The key of {host} is accepted. Run the inspection again.").format(host=host),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # never exec(): the window stays responsive


def _evidence_document(session: Any, digest: str) -> dict[str, Any]:
    return dict(json.loads(inspection.evidence_of(session, digest)))


def _save_checklist(
    session: Any, run_id: int, changes: list[tuple[int, bool, str, bytes | None]]
) -> None:
    for position, ticked, note, shot in changes:
        inspection.tick(session, run_id, position, ticked, note, shot)


def _approve_and_file(
    session: Any, run_id: int, folder: str, font: Path, approve: bool, comment: str
) -> list[Path]:
    """Approve (and, with a document folder set, file the report there) or return it."""
    inspection.review(session, run_id, approve, comment)
    if approve and folder:
        return inspection.export_report(session, run_id, Path(folder), font)
    return []
