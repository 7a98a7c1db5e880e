"""A system's inspection settings (issue 5): every threshold, the expected ports and processes,
custom commands with the exit status or output they must give, and the manual checklist."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.inspection import (
    CustomCheck,
    InspectionSettings,
    ManualItem,
    Thresholds,
    check_settings,
)
from supportdesk.ui.messages import describe, field_label

# (field, suffix, lowest, highest, decimals)
NUMBERS = (
    ("disk_warn", " %", 1, 100, 0),
    ("disk_critical", " %", 1, 100, 0),
    ("inode_free_warn", " %", 0, 99, 0),
    ("inode_free_critical", " %", 0, 99, 0),
    ("memory_used", " %", 1, 100, 0),
    ("swap_free", " %", 0, 100, 0),
    ("load_per_cpu", "", 0.1, 100, 1),
    ("clock_drift_s", " s", 1, 86400, 0),
    ("min_uptime_s", " s", 0, 86400 * 365, 0),
)


class _Grid(QWidget):
    """An editable table (a QStandardItemModel) with Add and Remove."""

    def __init__(self, headers: list[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(0, len(headers), self)
        self.model.setHorizontalHeaderLabels(headers)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(lambda: self.add([""] * len(headers)))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def add(self, values: list[str], checked: bool | None = None) -> None:
        items = [QStandardItem(v) for v in values]
        if checked is not None:
            items[-1].setCheckable(True)
            items[-1].setEditable(False)
            items[-1].setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.model.appendRow(items)

    def _remove(self) -> None:
        for index in sorted(self.view.selectionModel().selectedRows(), reverse=True):
            self.model.removeRow(index.row())

    def rows(self) -> list[list[QStandardItem]]:
        return [
            [self.model.item(r, c) for c in range(self.model.columnCount())]
            for r in range(self.model.rowCount())
        ]


class InspectionSettingsDialog(QDialog):
    def __init__(self, system: str, settings: InspectionSettings, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inspection settings of {system}").format(system=system))
        self.resize(780, 820)
        t = settings.thresholds
        form = QFormLayout()
        self.numbers: dict[str, QDoubleSpinBox] = {}
        for name, suffix, low, high, decimals in NUMBERS:
            box = QDoubleSpinBox(self)
            box.setRange(low, high)
            box.setDecimals(decimals)
            box.setSuffix(suffix)
            box.setValue(float(getattr(t, name)))
            form.addRow(field_label(name), box)
            self.numbers[name] = box
        self.ports = QLineEdit(", ".join(str(p) for p in t.expected_ports), self)
        self.ports.setPlaceholderText(self.tr("e.g. 22, 443, 5432"))
        self.processes = QLineEdit(", ".join(t.expected_processes), self)
        self.processes.setPlaceholderText(self.tr("e.g. sshd, java, postgres"))
        form.addRow(field_label("expected_ports"), self.ports)
        form.addRow(field_label("expected_processes"), self.processes)
        self.custom = _Grid(
            [
                self.tr("Name"),
                self.tr("Command"),
                self.tr("Exit status (empty: any)"),
                self.tr("Output must match (regular expression)"),
            ],
            self,
        )
        for check in t.custom:
            status = "" if check.expect_status is None else str(check.expect_status)
            self.custom.add([check.name, check.command, status, check.expect_pattern])
        for column, width in ((0, 110), (1, 300), (2, 150)):
            self.custom.view.setColumnWidth(column, width)
        self.manual = _Grid([self.tr("Item, ticked by hand"), self.tr("Required")], self)
        for item in settings.manual:
            self.manual.add([item.text, ""], checked=item.required)
        self.manual.view.setColumnWidth(0, 520)
        custom_box, manual_box = QGroupBox(self), QGroupBox(self)
        custom_box.setTitle(self.tr("Custom commands"))
        manual_box.setTitle(self.tr("Manual checklist"))
        QVBoxLayout(custom_box).addWidget(self.custom)
        QVBoxLayout(manual_box).addWidget(self.manual)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(custom_box, 1)
        layout.addWidget(manual_box, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_settings: InspectionSettings | None = None

    def buttons_save(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def settings(self) -> InspectionSettings:
        """The settings as entered; ValidationError names the field that is wrong."""
        values = {name: box.value() for name, box in self.numbers.items()}
        ports = []
        for part in self.ports.text().replace("，", ",").split(","):
            if part.strip():
                if not part.strip().isdigit():
                    raise ValidationError("expected_ports", "bad_port", value=part.strip())
                ports.append(int(part.strip()))
        processes = tuple(
            p.strip() for p in self.processes.text().replace("，", ",").split(",") if p.strip()
        )
        custom = []
        for name, command, status, pattern in self.custom.rows():
            text = status.text().strip()
            if text and not text.lstrip("-").isdigit():
                raise ValidationError("custom", "bad_status", value=text)
            custom.append(
                CustomCheck(
                    name.text().strip(),
                    command.text().strip(),
                    int(text) if text else None,
                    pattern.text(),
                )
            )
        manual = tuple(
            ManualItem(text.text().strip(), required.checkState() == Qt.CheckState.Checked)
            for text, required in self.manual.rows()
        )
        known = {f.name for f in fields(Thresholds)}
        thresholds = Thresholds(
            **{k: v for k, v in values.items() if k in known},
            expected_ports=tuple(ports),
            expected_processes=processes,
            custom=tuple(custom),
        )
        return check_settings(InspectionSettings(thresholds, manual))

    def _on_save(self) -> None:
        try:
            self.result_settings = self.settings()
        except ValidationError as error:
            self.error.setText(describe(error))
            return
        self.accept()
