"""A form dialog built from field specs; a validation error is shown at the field it names."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import ConflictError, ValidationError
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe


@dataclass(frozen=True)
class FormField:
    name: str  # the service's field name, so a ValidationError finds its widget
    label: str
    kind: str = "text"  # text, int, bool, date, optional_date, choice, tags
    choices: Sequence[tuple[str, Any]] = field(default_factory=tuple)
    minimum: int = 0
    maximum: int = 65535


class OptionalDate(QWidget):
    """A date that may be absent: a check box enables the date editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        chosen = self.edit.date().toPython()
        return chosen if self.enabled.isChecked() and isinstance(chosen, date) else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class FormDialog(QDialog):
    """Collects values, hands them to `build(values)` → (service fn, form) and saves through
    the single writer. On a ValidationError the dialog stays open with nothing changed."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        title: str,
        fields: Sequence[FormField],
        values: dict[str, Any],
        build: Callable[[dict[str, Any]], tuple[Callable[..., Any], Any]],
        entity: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._ctx, self._build, self._entity = ctx, build, entity
        self.widgets: dict[str, QWidget] = {}
        self._kinds = {spec.name: spec.kind for spec in fields}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for spec in fields:
            widget = self._make(spec, values.get(spec.name))
            self.widgets[spec.name] = widget
            error = QLabel(self)
            error.setStyleSheet("color: #c62828;")
            error.setWordWrap(True)
            error.hide()
            self.errors[spec.name] = error
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(spec.label, box)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #c62828;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _make(self, spec: FormField, value: Any) -> QWidget:
        if spec.kind == "int":
            spin = QSpinBox(self)
            spin.setRange(spec.minimum, spec.maximum)
            spin.setValue(int(value) if value is not None else spec.minimum)
            return spin
        if spec.kind == "bool":
            check = QCheckBox(self)
            check.setChecked(bool(value))
            return check
        if spec.kind in {"date", "optional_date"}:
            optional = OptionalDate(self)
            optional.set_value(value)
            if spec.kind == "date":
                optional.enabled.setChecked(True)
                optional.enabled.hide()
            return optional
        if spec.kind == "choice":
            combo = QComboBox(self)
            for label, data in spec.choices:
                combo.addItem(label, data)
            found = combo.findData(value)
            combo.setCurrentIndex(max(found, 0))
            return combo
        line = QLineEdit(self)
        if spec.kind == "tags":
            line.setText(" ".join(value or ()))
            line.setPlaceholderText(self.tr("space-separated, e.g. app db"))
        else:
            line.setText("" if value is None else str(value))
        return line

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QSpinBox):
                out[name] = widget.value()
            elif isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, OptionalDate):
                out[name] = widget.value()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
            elif isinstance(widget, QLineEdit):
                text = widget.text()
                out[name] = tuple(text.split()) if self._kinds[name] == "tags" else text
        return out

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general_error.hide()

    def _on_buttons_accepted(self) -> None:
        self._clear_errors()
        try:
            fn, form = self._build(self.values())
        except ValidationError as error:
            self.show_error(error)
            return
        self.buttons.setEnabled(False)
        self._ctx.tasks.write(fn, form, on_done=self._on_saved, on_error=self.show_error)

    def _on_saved(self, row: object) -> None:
        self.buttons.setEnabled(True)
        self._ctx.events.registry_changed.emit(self._entity)
        self.saved.emit(row)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        """Put the message beside the field it names; anything else goes above the buttons."""
        self.buttons.setEnabled(True)
        text = describe(error)
        if isinstance(error, ValidationError) and error.field in self.errors:
            label = self.errors[error.field]
            label.setText(text)
            label.show()
            self.widgets[error.field].setFocus()
            return
        if isinstance(error, ConflictError):
            text += "\n" + self.tr("Close this dialog and open the record again to reload it.")
        self.general_error.setText(text)
        self.general_error.show()
