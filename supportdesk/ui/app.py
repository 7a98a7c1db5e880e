"""GUI entry point: QApplication, translators, the main window, the global error hook."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from supportdesk import bootstrap
from supportdesk.config import Config, Profile
from supportdesk.domain.errors import SupportDeskError
from supportdesk.ui.dialogs.error_dialog import install_excepthook
from supportdesk.ui.i18n import install_translators, pick_language
from supportdesk.ui.messages import describe

log = logging.getLogger(__name__)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SupportDesk")
    app.setOrganizationName("SupportDesk")
    try:
        profile = Profile.named(args.profile)
        handler = bootstrap.setup_logging(profile)
        language = pick_language(args.lang, Config(profile).get("ui.language"))
        translators = install_translators(app, language)
        opened = bootstrap.open_app(args.profile, args.db)
        if args.demo:
            _fill_demo(opened)
    except SupportDeskError as error:
        # A clear message, never a traceback: e.g. SQLite on a network share.
        QMessageBox.critical(None, "SupportDesk", describe(error))
        return 1
    from supportdesk.ui.context import UiContext  # noqa: PLC0415
    from supportdesk.ui.main_window import MainWindow  # noqa: PLC0415
    from supportdesk.ui.tasks import TaskRunner  # noqa: PLC0415

    log_file = Path(handler.baseFilename)
    ctx = UiContext(TaskRunner(opened.db), opened.config)
    window = MainWindow(ctx, opened.database_label(), log_file=log_file)
    install_excepthook(window.show_error)
    window.show()
    if os.environ.get("SUPPORTDESK_QUIT_AFTER_SHOW"):  # start-up benchmark and smoke tests
        QTimer.singleShot(0, window.close)
    code = app.exec()
    del translators
    opened.close()
    return int(code)


def _fill_demo(opened: bootstrap.App) -> None:
    from supportdesk.services import demo  # noqa: PLC0415

    with opened.db.read() as session:
        empty = demo.is_empty(session)
    if empty:
        with opened.db.write() as session:
            demo.fill(session, 1, date.today())
