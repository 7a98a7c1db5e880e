"""The reminders page (issue 6, R4.1) on the demo data, each test signed in as the person who
uses it: the sales director acknowledges and assigns, the salesperson records the follow-up,
the engineer only looks; the inbox with its unread count; the group leader's delivery
problems; the notification that fires once per rise of the unread count."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from supportdesk import bootstrap
from supportdesk.db.models import OutboxMessage
from supportdesk.domain.reminder import EXPIRY
from supportdesk.services import reminder, team_settings
from supportdesk.services.reminder import ReminderRow
from supportdesk.ui.context import UiContext
from supportdesk.ui.main_window import MainWindow
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.reminders_page import (
    AssignDialog,
    CustomerCopiesDialog,
    FollowUpDialog,
    RemindersPage,
    UnreadNotifier,
    reason_text,
    rule_label,
    split_addresses,
)
from tests.ui.conftest import TODAY
from tests.ui.helpers import check_model, click, keep, open_dialog, shown_rows, wait_idle
from tests.ui.helpers import select as select_row

DIRECTOR, LEADER, ENGINEER, SALES, OTHER_SALES = "zhouba", "sunqi", "zhangsan", "lisi", "wujiu"

As = Callable[[str], UiContext]


@pytest.fixture
def raised(opened: bootstrap.App) -> list[ReminderRow]:
    """The rules ran today on the demo data (as the scheduler's daily run does), with the
    team's mail server set, so that the sales director also has mail in the outbox."""
    with opened.db.write() as s:
        team_settings.set_many(s, {"mail.host": "smtp.example.cn", "mail.from": "desk@example.cn"})
    with opened.db.write() as s:
        reminder.enqueue(s, TODAY)
    with opened.db.read() as s:
        rows = reminder.list_reminders(s)
    assert any(r.rule == EXPIRY for r in rows)
    return rows


def page_for(qtbot: QtBot, ctx: UiContext) -> RemindersPage:
    page = keep(qtbot, ctx, RemindersPage(ctx))
    page.resize(1200, 800)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def first_expiry(page: RemindersPage, match: Callable[[ReminderRow], bool] = bool) -> ReminderRow:
    return select_row(page.reminders, lambda r: r.rule == EXPIRY and match(r))  # type: ignore[no-any-return]


def stored(opened: bootstrap.App, reminder_id: int) -> ReminderRow:
    with opened.db.read() as s:
        return reminder.get_reminder(s, reminder_id)


def test_the_table_lists_the_reminders_newest_first_and_passes_the_model_test(
    qtbot: QtBot, as_user: As, raised: list[ReminderRow], qtmodeltester: object
) -> None:
    page = page_for(qtbot, as_user(DIRECTOR))
    rows = shown_rows(page.reminders)
    assert [r.id for r in rows] == [r.id for r in raised]  # the service's order: newest first
    assert [r.due_on for r in rows] == sorted((r.due_on for r in rows), reverse=True)
    check_model(qtmodeltester, page.reminders.model)  # type: ignore[arg-type]
    check_model(qtmodeltester, page.inbox_model)  # type: ignore[arg-type]
    row = first_expiry(page)
    assert page.facts["reference"].text().startswith(f"R-{row.id}")
    assert page.facts["customer"].text() == row.facts["customer"]
    assert "days from today" in page.facts["reason"].text()


def test_the_sales_director_acknowledges_and_assigns(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    ctx = as_user(DIRECTOR)
    page = page_for(qtbot, ctx)
    row = first_expiry(page, lambda r: r.acknowledged_at is None)
    assert page.ack_button.isEnabled()
    click(page.ack_button)
    dialog = open_dialog(qtbot, page, AssignDialog)
    offered = [dialog.salesperson.itemData(i) for i in range(dialog.salesperson.count())]
    assert offered == [None, SALES, OTHER_SALES, DIRECTOR]  # active sales people only
    dialog.salesperson.setCurrentIndex(dialog.salesperson.findData(OTHER_SALES))
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert not page.findChildren(AssignDialog)  # closed (and deleted) once saved
    shown = page.reminders.selected()
    assert shown.id == row.id  # the selection stays on the row, which shows the change
    assert (shown.assigned_to, shown.acknowledged_by, shown.outcome) == (
        OTHER_SALES,
        DIRECTOR,
        "pending",
    )
    assert page.facts["assigned"].text() == "吴九"
    row_index = shown_rows(page.reminders).index(shown)
    assert page.reminders.proxy.index(row_index, 5).data() == "吴九"
    after = stored(opened, row.id)
    assert (after.assigned_to, after.acknowledged_by) == (OTHER_SALES, DIRECTOR)
    assert after.acknowledged_at is not None


def test_an_engineer_sees_the_actions_disabled_and_why(
    qtbot: QtBot, as_user: As, raised: list[ReminderRow]
) -> None:
    page = page_for(qtbot, as_user(ENGINEER))
    first_expiry(page)
    for button, who in (
        (page.ack_button, "sales director"),
        (page.follow_up_button, "sales director"),
        (page.cc_button, "group leader"),
    ):
        assert not button.isEnabled()
        assert who in button.toolTip()
    assert page.inbox_model.rowCount() == 0  # reminders go to the director and group leader
    assert not page.tabs.isTabVisible(1)  # no delivery problems for an engineer


def test_a_salesperson_records_the_follow_up_of_their_own_reminder(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    mine, other = [r for r in raised if r.rule == EXPIRY][:2]
    with opened.db.write() as s:  # the administrator stands in for the director here
        reminder.acknowledge(s, mine.id, SALES)
    ctx = as_user(SALES)
    page = page_for(qtbot, ctx)
    assert not page.ack_button.isEnabled()
    select_row(page.reminders, lambda r: r.id == other.id)
    assert not page.follow_up_button.isEnabled()
    assert "not assigned to you" in page.follow_up_button.toolTip()
    select_row(page.reminders, lambda r: r.id == mine.id)
    assert page.follow_up_button.isEnabled()
    click(page.follow_up_button)
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("renewed"))
    dialog.note.setPlainText("客户已签续保合同")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert page.reminders.selected().outcome == "renewed"
    assert page.facts["outcome"].text() == "renewed"
    assert page.facts["note"].text() == "客户已签续保合同"
    after = stored(opened, mine.id)
    assert (after.outcome, after.outcome_note) == ("renewed", "客户已签续保合同")


def test_a_refused_follow_up_keeps_the_dialog_open_and_says_why(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    mine = next(r for r in raised if r.rule == EXPIRY)
    with opened.db.write() as s:
        reminder.acknowledge(s, mine.id, SALES)
    ctx = as_user(SALES)
    page = page_for(qtbot, ctx)
    select_row(page.reminders, lambda r: r.id == mine.id)
    click(page.follow_up_button)
    dialog = open_dialog(qtbot, page, FollowUpDialog)
    with opened.db.write() as s:  # meanwhile the director gives it to someone else
        reminder.acknowledge(s, mine.id, OTHER_SALES)
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert "may not do this" in dialog.error.text()
    assert stored(opened, mine.id).outcome == "pending"
    dialog.reject()


def test_the_inbox_counts_unread_in_bold_and_reading_marks_it_read(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    ctx = as_user(DIRECTOR)
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label()))
    window.show()
    wait_idle(qtbot, ctx)
    page = window.reminders
    unread = sum(r.rule == EXPIRY for r in raised)  # one inbox message each for the director
    assert page.inbox_model.rowCount() == unread > 1
    navigation = window.navigation.model()
    row = [key for key, _t, _p in window.pages].index("reminders")
    assert navigation.index(row, 0).data() == f"Reminders ({unread})"
    assert page.tabs.tabText(0) == f"Inbox ({unread} unread)"
    first = page.inbox_model.index(0, 0)
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    # Offscreen there is no tray: the status bar says it, once.
    assert window.statusBar().currentMessage() == f"{unread} new reminders"
    message = first.data(ROW_ROLE)
    page.inbox_view.selectRow(0)
    wait_idle(qtbot, ctx)
    assert page.inbox_body.toPlainText() == message.body
    assert page.reminders.selected().id == message.reminder_id
    assert page.inbox_model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert navigation.index(row, 0).data() == f"Reminders ({unread - 1})"
    with opened.db.read() as s:
        assert len(reminder.inbox(s, DIRECTOR, unread_only=True)) == unread - 1


def test_delivery_problems_are_shown_to_the_group_leader_who_retries_them(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    later = datetime.now(UTC) + timedelta(hours=3)
    with opened.db.write() as s:
        failing = s.scalars(select(OutboxMessage.id).where(OutboxMessage.channel == "mail")).first()
        s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == failing)
            .values(
                state="failing", attempts=3, last_error="login refused (535)", next_attempt_at=later
            )
        )
    engineer = page_for(qtbot, as_user(ENGINEER))
    assert not engineer.tabs.isTabVisible(1)
    assert engineer.problems_model.rowCount() == 0
    ctx = as_user(LEADER)
    page = page_for(qtbot, ctx)
    assert page.tabs.isTabVisible(1)
    assert page.tabs.tabText(1) == "Delivery problems (1)"
    (problem,) = page.problems_model.rows()
    assert (problem.id, problem.channel, problem.attempts) == (failing, "mail", 3)
    cells = [page.problems_model.index(0, c).data() for c in range(6)]
    assert cells[0] == "e-mail"
    assert cells[1] == "zhouba@example.cn"
    assert cells[5] == "login refused (535)"
    page.problems_view.selectRow(0)
    click(page.retry_button)
    wait_idle(qtbot, ctx)
    assert "1 messages will be tried again" in page.status.text()
    with opened.db.read() as s:
        due = s.scalar(select(OutboxMessage.next_attempt_at).where(OutboxMessage.id == failing))
    assert due is not None
    assert due.replace(tzinfo=due.tzinfo or UTC) <= datetime.now(UTC)
    # Back to "pending": off the problems list unless it keeps failing again.
    assert page.problems_model.rowCount() == 0
    with opened.db.read() as s:
        assert s.scalar(select(OutboxMessage.state).where(OutboxMessage.id == failing)) == "pending"


def test_the_group_leader_edits_a_customers_copies(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, raised: list[ReminderRow]
) -> None:
    ctx = as_user(LEADER)
    page = page_for(qtbot, ctx)
    row = first_expiry(page)
    click(page.cc_button)
    dialog = open_dialog(qtbot, page, CustomerCopiesDialog)
    wait_idle(qtbot, ctx)
    assert dialog.customer.currentText() == row.facts["customer"]  # the selected reminder's
    customer_id = dialog.customer.currentData()
    dialog.addresses.setPlainText("not-an-address")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert "not-an-address" in dialog.error.text()
    dialog.addresses.setPlainText("manager@example.cn，sales@example.cn")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert not page.findChildren(CustomerCopiesDialog)
    with opened.db.read() as s:
        assert reminder.customer_cc(s, customer_id) == ["manager@example.cn", "sales@example.cn"]


def test_addresses_are_split_on_any_separator() -> None:
    assert split_addresses(" a@x.cn,b@x.cn；c@x.cn\nd@x.cn  e@x.cn ") == [
        "a@x.cn",
        "b@x.cn",
        "c@x.cn",
        "d@x.cn",
        "e@x.cn",
    ]


def test_the_notification_fires_once_per_rise(qtbot: QtBot) -> None:
    status = QStatusBar()
    qtbot.addWidget(status)
    notifier = UnreadNotifier(None, status)
    said: list[str] = []
    notifier.announced.connect(said.append)
    for unread in (0, 2, 2, 1, 1, 3, 0, 1):
        notifier.update(unread)
    assert said == ["2 new reminders", "2 new reminders", "1 new reminder"]
    assert status.currentMessage() == "1 new reminder"


# Offscreen has no window stack to raise the window in (and this marker replaces conftest's).
@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
def test_clicking_the_balloon_opens_the_reminders_page(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, title, text, *_a: shown.append((title, text))
    )
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label()))
    window.show()
    wait_idle(qtbot, ctx)
    tray = QSystemTrayIcon(window)
    notifier = UnreadNotifier(tray, window.statusBar(), window)
    notifier.opened.connect(window._on_notifier_opened)
    notifier.update(4)
    assert shown == [("SupportDesk", "4 new reminders")]
    assert window.stack.currentWidget() is not window.reminders
    tray.messageClicked.emit()
    assert window.stack.currentWidget() is window.reminders
    assert window.navigation.currentIndex().row() == window.stack.currentIndex()


@pytest.mark.parametrize(
    ("rule", "facts", "words"),
    [
        (
            reminder.HANDOVER_JOIN,
            {"join_on": "2027-02-28", "acceptance": "2027-03-31"},
            "2027-02-28",
        ),
        (reminder.HANDOVER_DUE, {"due_on": "2027-04-14"}, "2027-04-14"),
        (
            reminder.BACKUP_PROBLEM,
            {"problem": "failed", "since": "2026-11-20", "findings": "gap"},
            "gap",
        ),
        (reminder.BACKUP_PROBLEM, {"problem": "unchecked", "since": "2026-11-20"}, "2026-11-20"),
    ],
)
def test_every_rule_is_named_and_explained_in_words(
    rule: str, facts: dict[str, str], words: str
) -> None:
    row = ReminderRow(
        1, rule, "s", TODAY, "t", "the rule's English", facts, datetime.now(UTC),
        None, None, None, "open", "", 0,
    )  # fmt: skip
    assert rule_label(rule) != rule
    assert words in reason_text(row, TODAY)
    assert reason_text(row, TODAY) != "the rule's English"
