"""The main window as ui/app.py builds it: navigation, status bar, geometry, shutdown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.ui.context import UiContext
from supportdesk.ui.main_window import MainWindow
from supportdesk.ui.pages.backups_page import BackupsPage
from supportdesk.ui.pages.changes_page import ChangesPage
from supportdesk.ui.pages.contracts_page import ContractsPage
from supportdesk.ui.pages.customers_page import CustomersPage
from supportdesk.ui.pages.faq_page import FaqPage
from supportdesk.ui.pages.handover_page import HandoverPage
from supportdesk.ui.pages.home_page import HomePage
from supportdesk.ui.pages.hosts_page import HostsPage
from supportdesk.ui.pages.inspection_page import InspectionPage
from supportdesk.ui.pages.optimisation_page import OptimisationPage
from supportdesk.ui.pages.projects_page import ProjectsPage
from supportdesk.ui.pages.reminders_page import RemindersPage
from supportdesk.ui.pages.vault_page import VaultPage
from supportdesk.ui.tasks import Task, TaskContext
from tests.ui.helpers import keep, wait_idle


def make_window(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App) -> MainWindow:
    log_file = opened.profile.log_dir / "supportdesk.log"
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label(), log_file=log_file))
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, ctx)
    return window


def click_navigation(qtbot: QtBot, window: MainWindow, row: int) -> None:
    index = window.navigation.model().index(row, 0)
    rect = window.navigation.visualRect(index)
    QTest.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_navigation_switches_to_every_page(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    window = make_window(qtbot, ctx, opened)
    expected: list[type[QWidget]] = [
        HomePage,
        CustomersPage,
        ProjectsPage,
        HandoverPage,
        HostsPage,
        ContractsPage,
        InspectionPage,
        ChangesPage,
        BackupsPage,
        FaqPage,
        OptimisationPage,
        VaultPage,
        RemindersPage,
    ]
    model = window.navigation.model()
    assert model.rowCount() == len(expected)
    assert isinstance(window.stack.currentWidget(), HomePage)
    # Backwards, so every click is a real change of page.
    for row in reversed(range(model.rowCount())):
        click_navigation(qtbot, window, row)
        current = window.stack.currentWidget()
        assert isinstance(current, expected[row])
        assert current.isVisible()
    window.show_page("hosts")
    assert window.stack.currentWidget() is window.page("hosts")
    assert window.navigation.currentIndex().row() == 4


def test_pages_show_the_demo_data(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App) -> None:
    window = make_window(qtbot, ctx, opened)
    customers = window.page("customers")
    assert isinstance(customers, CustomersPage)
    assert customers.customers.model.rowCount() == 12
    hosts = window.page("hosts")
    assert isinstance(hosts, HostsPage)
    assert hosts.model.rowCount() > 100
    home = window.page("home")
    assert isinstance(home, HomePage)
    # Demo data holds contracts ending within three months: today has something to do.
    assert home.model.rowCount() > 0
    assert str(home.model.rowCount()) in home.heading.text()


def test_status_bar_names_the_database_and_the_user(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    window = make_window(qtbot, ctx, opened)
    assert str(opened.profile.sqlite_file) in window.database_label.text()
    assert window.database_label.isVisible()
    login = opened.db.actor
    qtbot.waitUntil(lambda: login in window.user_label.text())
    assert "admin" in window.user_label.text()
    # Nothing is running: no progress bar, no cancel button.
    assert not window.progress.isVisible()
    assert not window.cancel_button.isVisible()


def test_window_geometry_is_restored_from_qsettings(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    assert QSettings().value("main_window/geometry") is None
    first = make_window(qtbot, ctx, opened)
    default_size = (first.width(), first.height())
    first.resize(701, 433)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == (701, 433))
    first.close()
    assert QSettings().value("main_window/geometry") is not None

    second_ctx = UiContext(type(ctx.tasks)(opened.db), opened.config, today=ctx.today)
    second = make_window(qtbot, second_ctx, opened)
    assert (second.width(), second.height()) == (701, 433)
    assert default_size != (701, 433)
    second.close()


def test_closing_the_window_cancels_and_waits_for_tasks(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    window = make_window(qtbot, ctx, opened)
    started = threading.Event()
    outcome: list[str] = []

    def body(task: TaskContext) -> None:
        started.set()
        while True:
            try:
                task.check()
            except BaseException:
                outcome.append("cancelled")
                raise
            threading.Event().wait(0.01)

    task = ctx.tasks.start(Task(body, "endless"), "remote")
    assert started.wait(5)
    qtbot.waitUntil(window.progress.isVisible)
    assert window.cancel_button.isVisible()
    window.close()
    # close() returned only after the task stopped: no thread outlives the window.
    assert task.finished.is_set()
    assert outcome == ["cancelled"]


def test_progress_and_cancel_in_the_status_bar(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    window = make_window(qtbot, ctx, opened)
    reported = threading.Event()
    stop = threading.Event()

    def body(task: TaskContext) -> None:
        task.progress(3, 10, "checking")
        reported.set()
        while not task.cancelled:
            stop.wait(0.01)
        task.check()

    task = ctx.tasks.start(Task(body, "slow"), "remote")
    assert reported.wait(5)
    qtbot.waitUntil(lambda: window.progress.value() == 3)
    assert window.progress.maximum() == 10
    assert "checking" in window.progress.format()
    with qtbot.waitSignal(task.signals.cancelled, timeout=5000):
        QTest.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.progress.isVisible())
    assert not window.cancel_button.isVisible()


@pytest.mark.parametrize(
    ("kind", "page_type"),
    [("customer.first_contact_overdue", CustomersPage), ("contract.expiring", ContractsPage)],
)
def test_double_clicking_a_home_item_opens_its_record(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, kind: str, page_type: type[QWidget]
) -> None:
    window = make_window(qtbot, ctx, opened)
    view = window.home.view
    rows = window.home.model.rows()
    # Not the first item of its kind, so that selecting the first row would not pass.
    wanted = [item for item in rows if item.kind == kind][-1]
    index = window.home.model.index(rows.index(wanted), 0)
    where = view.visualRect(index).center()
    # A real double-click: the view reacts to the second press of a press-release pair.
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = window.stack.currentWidget()
    assert isinstance(page, page_type)
    assert window.navigation.currentIndex().row() == window.stack.currentIndex()
    panel = page.customers if isinstance(page, CustomersPage) else page.contracts  # type: ignore[attr-defined]
    assert panel.selected().id == wanted.entity_id
