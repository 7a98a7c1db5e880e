"""About SupportDesk: version, Qt, profile, database and log locations."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from supportdesk import __version__


def about_text(profile: str, database: str, log_file: str) -> str:
    return QCoreApplication.translate(
        "Dialogs",
        "<h3>SupportDesk {version}</h3>"
        "<p>The after-sales group's service desk.</p>"
        "<p>Qt {qt}, PySide6 {pyside}</p>"
        "<p>Profile: {profile}<br>Database: {database}<br>Log file: {log}</p>",
    ).format(
        version=__version__,
        qt=qVersion(),
        pyside=PySide6.__version__,
        profile=profile,
        database=database,
        log=log_file,
    )


def show_about(parent: QWidget, profile: str, database: str, log_file: str) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About SupportDesk"),
        about_text(profile, database, log_file),
    )
