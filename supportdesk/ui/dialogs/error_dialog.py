"""The global error dialog: a plain sentence, details folded away, where the log is."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.secrets import redact
from supportdesk.ui.messages import describe

log = logging.getLogger("supportdesk.ui")


def error_box(parent: QWidget | None, error: BaseException, log_file: Path | None) -> QMessageBox:
    """A user error is a warning; a bug gets the traceback folded under 'Show Details'."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "SupportDesk"))
    box.setText(describe(error))
    if isinstance(error, SupportDeskError):
        box.setIcon(QMessageBox.Icon.Warning)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        if log_file is not None:
            box.setInformativeText(
                QCoreApplication.translate("Dialogs", "The details were written to {path}.").format(
                    path=str(log_file)
                )
            )
        # An exception's text can quote a connection URL: never show its password.
        box.setDetailedText(redact("".join(traceback.format_exception_only(type(error), error))))
    return box


def install_excepthook(
    show: Callable[[BaseException], None],
) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """Bugs are logged with their traceback (the log redacts secrets) and shown, never lost."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unhandled error", exc_info=(kind, error, tb))
        show(error)

    sys.excepthook = hook
    return hook
