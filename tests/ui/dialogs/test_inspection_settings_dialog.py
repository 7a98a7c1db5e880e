"""A system's inspection settings in the window (issue 5): every threshold, ports, processes,
custom commands and the manual checklist; bad input names the field and saves nothing."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from supportdesk.domain.inspection import (
    CustomCheck,
    InspectionSettings,
    ManualItem,
    Thresholds,
)
from supportdesk.ui.dialogs.inspection_settings_dialog import InspectionSettingsDialog
from tests.ui.helpers import click

CURRENT = InspectionSettings(
    Thresholds(
        disk_warn=70,
        expected_ports=(22,),
        custom=(CustomCheck("health", "curl -fsS http://localhost/health", 0, "UP"),),
    ),
    (ManualItem("机房温度正常"),),
)


def _dialog(qtbot: QtBot) -> InspectionSettingsDialog:
    dialog = InspectionSettingsDialog("调度平台生产", CURRENT, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_it_shows_the_settings_and_returns_them_changed(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot)
    assert dialog.settings() == CURRENT  # what is shown is what is stored
    dialog.numbers["disk_critical"].setValue(85)
    dialog.ports.setText("22，5432, 8080")  # a full-width comma from a Chinese keyboard too
    dialog.processes.setText("sshd, java")
    dialog.custom.add(["db ping", "pg_isready -q", "", ""])
    dialog.manual.add(["UPS 指示灯", ""], checked=False)
    click(dialog.buttons_save())
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = dialog.result_settings
    assert saved is not None
    assert saved.thresholds.disk_critical == 85
    assert saved.thresholds.expected_ports == (22, 5432, 8080)
    assert saved.thresholds.expected_processes == ("sshd", "java")
    assert saved.thresholds.custom[1] == CustomCheck("db ping", "pg_isready -q", None, "")
    assert saved.manual == (ManualItem("机房温度正常"), ManualItem("UPS 指示灯", required=False))


Change = Callable[[InspectionSettingsDialog], None]


def test_bad_input_names_the_field_and_keeps_the_dialog_open(qtbot: QtBot) -> None:
    cases: list[tuple[Change, str]] = [
        (lambda d: d.ports.setText("22, ssh"), "ssh"),
        (lambda d: d.numbers["disk_warn"].setValue(95), "90"),
        (lambda d: d.custom.add(["", "true", "", ""]), ""),
        (lambda d: d.custom.add(["bad", "true", "x", ""]), "x"),
        (lambda d: d.custom.add(["bad", "true", "0", "(unclosed"]), "bad"),
    ]
    for change, word in cases:
        dialog = _dialog(qtbot)
        change(dialog)
        click(dialog.buttons_save())
        assert dialog.isVisible()
        assert dialog.result_settings is None
        assert dialog.error.text()
        assert word in dialog.error.text()
        dialog.reject()
