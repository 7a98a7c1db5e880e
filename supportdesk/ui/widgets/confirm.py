"""Confirmation before destructive actions (one place, so tests can answer it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not delete
    return box.exec() == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, error: BaseException) -> None:
    """A user error outside a form (e.g. a delete that lost a race) as a plain warning."""
    from supportdesk.ui.messages import describe  # noqa: PLC0415 - keeps this module light

    QMessageBox.warning(
        parent, QCoreApplication.translate("Dialogs", "SupportDesk"), describe(error)
    )
