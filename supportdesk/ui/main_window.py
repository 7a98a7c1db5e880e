"""The main window: navigation, pages, status bar with progress and cancel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStringListModel, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

# Start-up shows this window before anything else loads: what only the pages, dialogs or
# status messages need is imported where it is used (several milliseconds each, and
# `from PySide6.QtCore import Qt` alone builds every Qt.* enum).
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from supportdesk.domain.registry import AttentionItem, UserRow
    from supportdesk.ui.context import Scheduler, UiContext
    from supportdesk.ui.pages.backups_page import BackupsPage
    from supportdesk.ui.pages.changes_page import ChangesPage
    from supportdesk.ui.pages.faq_page import FaqPage
    from supportdesk.ui.pages.handover_page import HandoverPage
    from supportdesk.ui.pages.home_page import HomePage
    from supportdesk.ui.pages.reminders_page import RemindersPage, UnreadNotifier


class MainWindow(QMainWindow):
    """Built in two steps so that start-up shows it at once: the frame (navigation, menus,
    status bar) needs no database; `start` adds the pages once the database is open. Given a
    `ctx`, the constructor does both."""

    def __init__(
        self,
        ctx: UiContext | None,
        database_label: str,
        log_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx: UiContext | None = None
        self._database_label = database_label
        self._log_file = log_file
        # Set by the scheduler's start task (on a pool thread), read on close.
        self.scheduler: Scheduler | None = None
        self.setWindowTitle(self.tr("SupportDesk"))
        self.resize(1200, 760)

        self.pages: list[tuple[str, str, QWidget]] = []
        titles = [
            self.tr("Today"),
            self.tr("Customers"),
            self.tr("Projects and systems"),
            self.tr("Handover"),
            self.tr("Hosts"),
            self.tr("Maintenance contracts"),
            self.tr("Inspection"),
            self.tr("Changes"),
            self.tr("Backups"),
            self.tr("Service manual"),
            self.tr("Optimisation report"),
            self.tr("Vault"),
            self.tr("Reminders"),
        ]
        self.stack = QStackedWidget(self)
        self.navigation = QListView(self)
        self.navigation.setModel(QStringListModel(titles, self))
        self.navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigation.selectionModel().currentChanged.connect(
            lambda current, _previous: self.stack.setCurrentIndex(current.row())
        )
        self.navigation.setCurrentIndex(self.navigation.model().index(0, 0))
        # Horizontal by default; QSplitter(orientation, parent) would build all of Qt's enums
        # (~15 ms) before the window shows.
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1030])
        self.setCentralWidget(splitter)

        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        if ctx is not None:
            self.start(ctx, database_label, log_file)

    def start(self, ctx: UiContext, database_label: str, log_file: Path | None = None) -> None:
        """The pages and whatever else needs the database (their modules import the services
        layer, and with it SQLAlchemy: start-up shows the frame before paying for that)."""
        from supportdesk.ui.pages import registry_pages  # noqa: PLC0415
        from supportdesk.ui.pages.backups_page import BackupsPage  # noqa: PLC0415
        from supportdesk.ui.pages.changes_page import ChangesPage  # noqa: PLC0415
        from supportdesk.ui.pages.faq_page import FaqPage  # noqa: PLC0415
        from supportdesk.ui.pages.handover_page import HandoverPage  # noqa: PLC0415
        from supportdesk.ui.pages.home_page import HomePage  # noqa: PLC0415
        from supportdesk.ui.pages.optimisation_page import OptimisationPage  # noqa: PLC0415
        from supportdesk.ui.pages.reminders_page import RemindersPage  # noqa: PLC0415

        self._ctx = ctx
        self._database_label = database_label
        self._log_file = log_file
        self.database_label.setText(self.tr("Database: {db}").format(db=database_label))
        self.home: HomePage = HomePage(ctx, self)
        self.home.opened.connect(self._on_home_item_opened)
        self.reminders: RemindersPage = RemindersPage(ctx, self)
        self.handover: HandoverPage = HandoverPage(ctx, self)
        self.changes: ChangesPage = ChangesPage(ctx, self)
        self.backups: BackupsPage = BackupsPage(ctx, self)
        self.faq: FaqPage = FaqPage(ctx, self)
        self.optimisation: OptimisationPage = OptimisationPage(ctx, self)
        pages: list[tuple[str, QWidget]] = [("home", self.home)]
        for key, _title, page in registry_pages(ctx):
            pages.append((key, page))
            if key == "projects":  # R1.1: the handover follows from the projects' dates
                pages.append(("handover", self.handover))
            if key == "inspection":  # R3.2: changes to the systems in maintenance
                pages.append(("changes", self.changes))
                pages.append(("backups", self.backups))  # R3.3: and their backups
                pages.append(("faq", self.faq))  # R2.2: what the group learned from them
                pages.append(("optimisation", self.optimisation))  # R2.4: the month's report
        pages.append(("reminders", self.reminders))
        model = self.navigation.model()
        self.pages = [
            (key, model.index(row, 0).data(), page) for row, (key, page) in enumerate(pages)
        ]
        for _key, _title, page in self.pages:
            self.stack.addWidget(page)
        self.stack.setCurrentIndex(self.navigation.currentIndex().row())
        self.cancel_button.clicked.connect(ctx.tasks.cancel_all)
        ctx.tasks.busy_changed.connect(self._on_tasks_busy_changed)
        ctx.tasks.progress_reported.connect(self._on_tasks_progress_reported)
        ctx.tasks.error_raised.connect(self.show_error)
        ctx.tasks.read(_current_user, on_done=self._on_user_loaded)
        # Here rather than in the frame: converting a standard key builds all of Qt's enums.
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.notifier = self._make_notifier()
        self.reminders.unread_changed.connect(self._on_reminders_unread_changed)
        if ctx.start_scheduler is not None:
            # After the pages are up: the window paints first, the scheduler follows.
            QTimer.singleShot(0, self._start_scheduler)

    def _make_notifier(self) -> UnreadNotifier:
        from PySide6.QtWidgets import QStyle, QSystemTrayIcon  # noqa: PLC0415

        from supportdesk.ui.pages.reminders_page import UnreadNotifier  # noqa: PLC0415

        tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = self.windowIcon()
            if icon.isNull():
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            tray = QSystemTrayIcon(icon, self)
            tray.setToolTip(self.tr("SupportDesk"))
            tray.show()
        notifier = UnreadNotifier(tray, self.statusBar(), self)
        notifier.opened.connect(self._on_notifier_opened)
        return notifier

    def _start_scheduler(self) -> None:
        from supportdesk.ui.tasks import Task, TaskContext  # noqa: PLC0415

        ctx = self._ctx
        if ctx is None or ctx.start_scheduler is None or self.scheduler is not None:
            return
        start, ran = ctx.start_scheduler, ctx.events.reminders_ran.emit

        def body(_task: TaskContext) -> None:
            # Kept here, not delivered through a signal: if the window closes meanwhile,
            # closeEvent waits for this task and then finds the scheduler to stop.
            self.scheduler = start(ran)

        ctx.tasks.start(Task(body, "reminder scheduler"), "remote")

    def stop_scheduler(self) -> None:
        """Without waiting: a send in flight finishes on its own, and its lease keeps any
        other desktop or agent from sending that message meanwhile."""
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None:
            scheduler.shutdown(wait=False)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)  # its shortcut: see start()
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.settings_action = QAction(self.tr("&This computer…"), self)
        self.settings_action.triggered.connect(self._on_settings_triggered)
        # The team's settings, in the database: enabled once the user may edit them.
        self.team_settings_action = QAction(self.tr("&Team settings…"), self)
        self.team_settings_action.setEnabled(False)
        self.team_settings_action.triggered.connect(self._on_team_settings_triggered)
        settings_menu.addAction(self.settings_action)
        settings_menu.addAction(self.team_settings_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About SupportDesk…"), self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.database_label = QLabel(
            self.tr("Database: {db}").format(db=self._database_label), self
        )
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self._on_tasks_busy_changed(False)

    def page(self, key: str) -> QWidget:
        return next(page for k, _t, page in self.pages if k == key)

    def show_page(self, key: str) -> None:
        row = next(i for i, (k, _t, _p) in enumerate(self.pages) if k == key)
        self.navigation.setCurrentIndex(self.navigation.model().index(row, 0))

    def show_error(self, error: BaseException) -> None:
        from supportdesk.ui.dialogs.error_dialog import error_box  # noqa: PLC0415

        error_box(self, error, self._log_file).open()

    def _on_user_loaded(self, user: UserRow | None) -> None:
        from supportdesk.domain.roles import Permission, Role, allows  # noqa: PLC0415
        from supportdesk.ui.messages import role_label  # noqa: PLC0415

        self.user_label.setText(
            self.tr("Signed in: {name} ({role})").format(name=user.name, role=role_label(user.role))
            if user
            else self.tr("Signed in: unknown user (read only)")
        )
        may = user is not None and user.active and allows(Role(user.role), Permission.SETTINGS_EDIT)
        self.team_settings_action.setEnabled(may)
        self.team_settings_action.setToolTip(
            "" if may else self.tr("Only the group leader changes how reminders are delivered.")
        )

    def _on_reminders_unread_changed(self, unread: int) -> None:
        row = next(i for i, (k, _t, _p) in enumerate(self.pages) if k == "reminders")
        title = (
            self.tr("Reminders ({count})").format(count=unread) if unread else self.tr("Reminders")
        )
        self.navigation.model().setData(self.navigation.model().index(row, 0), title)
        self.notifier.update(unread)

    def _on_notifier_opened(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_page("reminders")

    def _on_home_item_opened(self, item: AttentionItem | None) -> None:
        """A double-click on the home page opens the record it is about."""
        key = {"customer": "customers", "contract": "contracts"}.get(item.entity if item else "")
        if item is None or key is None:
            return
        self.show_page(key)
        reveal = getattr(self.page(key), "reveal", None)
        if reveal is not None:
            reveal(item.entity_id)

    def _on_tasks_busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until a task reports real progress

    def _on_tasks_progress_reported(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{label} %v/%m" if label else "%v/%m")

    def _on_settings_triggered(self) -> None:
        if self._ctx is None:  # still starting
            return
        from supportdesk.ui.dialogs.settings_dialog import SettingsDialog  # noqa: PLC0415

        dialog = SettingsDialog(self._ctx.config, self)
        dialog.accepted.connect(self._ctx.events.settings_changed.emit)
        dialog.open()

    def _on_team_settings_triggered(self) -> None:
        if self._ctx is None:
            return
        from supportdesk.ui.dialogs.team_settings_dialog import open_team_settings  # noqa: PLC0415

        open_team_settings(self._ctx, self, on_saved=self._on_team_settings_saved)

    def _on_team_settings_saved(self) -> None:
        # The daily time is read when the scheduler starts: start it again with the new one.
        if self.scheduler is not None:
            self.stop_scheduler()
            self._start_scheduler()

    def _on_about_triggered(self) -> None:
        if self._ctx is None:
            return
        from supportdesk.ui.dialogs.about_dialog import show_about  # noqa: PLC0415

        show_about(
            self,
            str(self._ctx.config.profile.root),
            self._database_label,
            str(self._log_file or ""),
        )

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        # No thread may outlive the window: cancel and wait for every task (the scheduler's
        # start among them), then stop the scheduler.
        if self._ctx is not None:
            self.reminders.timer.stop()
            self.changes.timer.stop()
            self.notifier.hide()
            self._ctx.tasks.shutdown()
        self.stop_scheduler()
        super().closeEvent(event)


def _current_user(session: Any) -> UserRow | None:
    from supportdesk.services import users  # noqa: PLC0415 - SQLAlchemy only once started

    return users.current_user(session)
