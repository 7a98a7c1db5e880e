"""GUI entry point: QApplication, translators, the main window, the global error hook."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from supportdesk.config import Config, Profile
from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.ports import TaskTracker, Uploader
from supportdesk.ui.i18n import install_translators, pick_language

if TYPE_CHECKING:
    from supportdesk import bootstrap
    from supportdesk.ui.context import Scheduler, StartScheduler, VaultSession
    from supportdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)
# Smoke tests and the start-up benchmark: close the window once start-up has finished.
QUIT_AFTER_SHOW = "SUPPORTDESK_QUIT_AFTER_SHOW"
# The start-up benchmark: "supportdesk: shown" and "supportdesk: ready" lines on stderr.
STARTUP_TRACE = "SUPPORTDESK_STARTUP_TRACE"


def run_gui(args: argparse.Namespace) -> int:
    """Shows the main window's frame first, then opens the database and adds the pages.

    Importing SQLAlchemy and Alembic and checking the migrations take several times longer
    than Qt needs to show a window: doing them once the window is up is what makes the
    start feel immediate (issue 3: at most 1.5x a bare QMainWindow)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SupportDesk")
    app.setOrganizationName("SupportDesk")
    try:
        profile = Profile.named(args.profile)
        language = pick_language(args.lang, Config(profile).get("ui.language"))
    except SupportDeskError as error:
        # A clear message, never a traceback: e.g. a config value of the wrong type.
        _critical(None, error)
        return 1
    translators = install_translators(app, language)
    from supportdesk.ui.main_window import MainWindow  # noqa: PLC0415

    window = MainWindow(None, "")
    window.show()
    opened: list[bootstrap.App] = []
    threads: list[threading.Thread] = []
    QTimer.singleShot(0, lambda: _start(app, window, args, profile, opened, threads))
    code = app.exec()
    for thread in threads:  # the window may close while the database is still opening
        thread.join()
    del translators
    for each in opened:
        each.close()
    return int(code)


class _Opening(QObject):
    """Carries the opened database (or the error) from the opening thread to the GUI thread."""

    finished = Signal(object)


def _start(
    app: QApplication,
    window: MainWindow,
    args: argparse.Namespace,
    profile: Profile,
    opened: list[bootstrap.App],
    threads: list[threading.Thread],
) -> None:
    """The first turn of the event loop, the window shown: the database, then the pages.

    The database opens on a thread of its own: a migration (with its backup) or a team server
    that is slow to answer must not freeze the window, which can be moved or closed meanwhile.
    """
    app.processEvents()  # paint the frame (expose and paint are pending) before the long part
    _trace("shown")
    from supportdesk import bootstrap  # noqa: PLC0415
    from supportdesk.ui.dialogs.error_dialog import install_excepthook  # noqa: PLC0415

    install_excepthook(window.show_error)
    handler = bootstrap.setup_logging(profile)
    window.database_label.setText(QCoreApplication.translate("MainWindow", "Opening the database…"))
    opening = _Opening(window)

    def work() -> None:
        result: object
        try:
            db_app = bootstrap.open_app(args.profile, args.db)
            opened.append(db_app)  # run_gui closes it, whatever happens next
            if args.demo:
                _fill_demo(db_app)
            result = db_app
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            result = error
        opening.finished.emit(result)

    def done(result: object) -> None:
        if isinstance(result, SupportDeskError):
            # A clear message, never a traceback: e.g. SQLite on a network share.
            _critical(window, result)
            app.exit(1)
            return
        if isinstance(result, BaseException):
            app.exit(1)  # a bug: the hook logs and shows it, and the program ends with 1
            raise result
        if window.isVisible():  # not closed meanwhile
            _ready(window, opened[0], Path(handler.baseFilename))

    opening.finished.connect(done)
    thread = threading.Thread(target=work, name="open-database", daemon=True)
    threads.append(thread)
    thread.start()


def _ready(window: MainWindow, opened: bootstrap.App, log_file: Path) -> None:
    from supportdesk.ui.context import UiContext  # noqa: PLC0415
    from supportdesk.ui.tasks import TaskRunner  # noqa: PLC0415

    ctx = UiContext(TaskRunner(opened.db), opened.config, remote_shell=opened.remote_shell)
    ctx.start_scheduler = reminder_scheduler(opened, ctx.vault)
    secret = vault_reader(opened, ctx.vault)

    def uploader(settings: dict[str, Any]) -> Uploader | None:
        from supportdesk.bootstrap import make_uploader  # noqa: PLC0415

        return make_uploader(settings, secret)

    def tracker(settings: dict[str, Any]) -> TaskTracker | None:
        from supportdesk.bootstrap import make_tracker  # noqa: PLC0415

        return make_tracker(settings, secret)

    ctx.uploader = uploader
    ctx.tracker = tracker
    window.start(ctx, opened.database_label(), log_file=log_file)
    _trace("ready")
    if os.environ.get(QUIT_AFTER_SHOW):
        QTimer.singleShot(0, window.close)


def vault_reader(opened: bootstrap.App, vault: VaultSession) -> Callable[[str], str | None]:
    """Reads a named credential (a channel's or the document system's secret) from the vault
    the user opened on the vault page: None while it is locked."""
    from supportdesk.bootstrap import vault_secret  # noqa: PLC0415

    def secret(name: str) -> str | None:
        unlocked = vault.opened
        if unlocked is None or not unlocked.keys:  # locked, or locked a moment ago
            return None
        try:
            return vault_secret(opened.db, unlocked)(name)
        except SupportDeskError as error:  # e.g. the credential was renamed: others go on
            log.warning("cannot read %s from the vault: %s", name, error)
            return None

    return secret


def reminder_scheduler(opened: bootstrap.App, vault: VaultSession) -> StartScheduler:
    """The reminder jobs of issue 6 on this desktop, as `supportdesk agent` runs them: the
    outbox makes any number of desktops and agents send each message once. A channel's
    secret is read from the vault the user opened on the vault page; while it is locked
    that channel's messages wait (for an agent, or for the vault to be opened here)."""

    def start(ran: Callable[[], None]) -> Scheduler:
        from supportdesk.bootstrap import make_senders, make_tracker, make_uploader  # noqa: PLC0415
        from supportdesk.scheduling import reminders  # noqa: PLC0415
        from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

        secret = vault_reader(opened, vault)

        jobs = reminders.ReminderJobs(
            opened.db,
            lambda settings, channels: make_senders(settings, channels, secret),
            resource_path("fonts/SupportDeskSansSC-Regular.ttf"),
            f"desktop {socket.gethostname()} {os.getpid()}",
            after_daily=ran,
            uploader=lambda settings: make_uploader(settings, secret),
            tracker=lambda settings: make_tracker(settings, secret),
        )
        return reminders.start(jobs)

    return start


def _critical(parent: MainWindow | None, error: SupportDeskError) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from supportdesk.ui.messages import describe  # noqa: PLC0415

    QMessageBox.critical(parent, "SupportDesk", describe(error))


def _trace(event: str) -> None:
    if os.environ.get(STARTUP_TRACE):
        sys.stderr.write(f"supportdesk: {event} {time.monotonic():.6f}\n")
        sys.stderr.flush()


def _fill_demo(opened: bootstrap.App) -> None:
    from supportdesk.services import demo  # noqa: PLC0415

    with opened.db.read() as session:
        empty = demo.is_empty(session)
    if empty:
        with opened.db.write() as session:
            demo.fill(session, 1, date.today())
