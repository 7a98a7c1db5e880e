"""Project handovers (issue 7, R1.1): every project's join and due dates, its state, the late
ones flagged, a timeline of the selected one, and the steps planned → joined → in progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.handover import HandoverState, Timeline
from supportdesk.domain.registry import UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import handover, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.widgets.entity_panel import EntityPanel

ERROR_STYLE = "color: #c62828;"
LATE_COLOUR = QColor(255, 205, 210)  # the whole row of a late handover
LATE_TEXT = QColor(198, 40, 40)
WINDOW_COLOUR = QColor(25, 118, 210)  # join → due: the handover's own weeks


def state_label(state: HandoverState) -> str:
    labels = {
        HandoverState.PLANNED: QCoreApplication.translate("HandoverPage", "planned"),
        HandoverState.JOINED: QCoreApplication.translate("HandoverPage", "joined"),
        HandoverState.IN_PROGRESS: QCoreApplication.translate("HandoverPage", "in progress"),
        HandoverState.SIGNED: QCoreApplication.translate("HandoverPage", "signed"),
    }
    return labels.get(state, state.value)


def acceptance_text(row: Timeline) -> str:
    if row.acceptance_is_actual:
        return row.acceptance.isoformat()
    return QCoreApplication.translate("HandoverPage", "{date} (planned)").format(
        date=row.acceptance.isoformat()
    )


def remaining_text(row: Timeline, today: date) -> str:
    """Where the handover stands against its due date, counted from today."""
    if row.state is HandoverState.SIGNED:
        if row.signed_on is None:
            return QCoreApplication.translate("HandoverPage", "Signed")
        return QCoreApplication.translate("HandoverPage", "Signed on {date}").format(
            date=row.signed_on.isoformat()
        )
    days = (row.due_on - today).days
    if days < 0:
        return QCoreApplication.translate("HandoverPage", "Late: due {days} days ago").format(
            days=-days
        )
    if days == 0:
        return QCoreApplication.translate("HandoverPage", "Due today")
    return QCoreApplication.translate("HandoverPage", "Due in {days} days").format(days=days)


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the page shows, read in one transaction."""

    user: UserRow | None
    timelines: list[Timeline]

    def may(self, permission: Permission) -> bool:
        return (
            self.user is not None and self.user.active and allows(Role(self.user.role), permission)
        )


def load(session: Any) -> Snapshot:
    return Snapshot(users.current_user(session), handover.timelines(session))


def _advance(session: Any, project_id: int, to: HandoverState, on: date | None) -> Timeline:
    return handover.advance(session, project_id, to, on)


# -- the timeline drawn ---------------------------------------------------------------------


class HandoverTimeline(QWidget):
    """The join, acceptance and due dates and today on one horizontal line. Today far away
    (a handover long past) is drawn at the edge with an arrow, so the three dates keep their
    room."""

    MARGIN_DAYS = 7

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline: Timeline | None = None
        self.today: date | None = None
        self.setMinimumHeight(self._row() * 5 + 16)

    def _row(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, self._row() * 5 + 16)

    def set_timeline(self, timeline: Timeline | None, today: date) -> None:
        self.timeline, self.today = timeline, today
        self.update()

    def marks(self) -> list[tuple[str, date]]:
        """The labelled dates on the line, left to right (what is drawn, for the tests too)."""
        row = self.timeline
        if row is None:
            return []
        return [
            (self.tr("Group joins"), row.join_on),
            (self.tr("Acceptance"), row.acceptance),
            (self.tr("Handover due"), row.due_on),
        ]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.timeline is None or self.today is None:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Select a project to see its handover timeline."),
            )
        else:
            self._paint(painter, self.timeline, self.today)
        painter.end()

    def _paint(self, painter: QPainter, row: Timeline, today: date) -> None:
        line_height = self._row()
        pad = 16.0
        left, right = pad, float(self.width()) - pad
        first = row.join_on.toordinal() - self.MARGIN_DAYS
        last = row.due_on.toordinal() + self.MARGIN_DAYS
        span = max(last - first, 1)

        def x_of(day: date) -> float:
            return left + (right - left) * (day.toordinal() - first) / span

        # Rows from the top: today's label, the dates' names, the line, the dates.
        today_y = 4.0 + line_height / 2
        names_y = today_y + line_height
        line_y = names_y + line_height
        dates_y = line_y + line_height

        painter.setPen(QPen(self.palette().mid().color(), 2))
        painter.drawLine(QPointF(left, line_y), QPointF(right, line_y))
        painter.setPen(QPen(LATE_TEXT if row.late(today) else WINDOW_COLOUR, 5))
        painter.drawLine(QPointF(x_of(row.join_on), line_y), QPointF(x_of(row.due_on), line_y))
        text = self.palette().windowText().color()
        for name, day in self.marks():
            x = x_of(day)
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(x, line_y - 6), QPointF(x, line_y + 6))
            painter.setPen(QPen(text))
            self._centred(painter, name, x, names_y)
            self._centred(painter, day.isoformat(), x, dates_y)

        # Today: a red marker, at the edge with an arrow when outside the drawn weeks.
        painter.setPen(QPen(LATE_TEXT, 2))
        label = self.tr("Today {date}").format(date=today.isoformat())
        if today.toordinal() < first:
            x, label = left, "◀ " + label
        elif today.toordinal() > last:
            x, label = right, label + " ▶"
        else:
            x = x_of(today)
            painter.drawLine(QPointF(x, today_y + line_height / 2), QPointF(x, line_y + 10))
        painter.setBrush(LATE_TEXT)
        painter.drawEllipse(QPointF(x, line_y), 4, 4)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        self._centred(painter, label, x, today_y)

    def _centred(self, painter: QPainter, text: str, x: float, y: float) -> None:
        """`text` centred on x, kept inside the widget."""
        line_height = self._row()
        width = painter.fontMetrics().horizontalAdvance(text) + 4
        x = min(max(x - width / 2, 0.0), self.width() - width)
        painter.drawText(
            QRectF(x, y - line_height / 2, width, line_height), Qt.AlignmentFlag.AlignCenter, text
        )


# -- the dialog -----------------------------------------------------------------------------


class JoinedDialog(QDialog):
    """The day the group joined the project (default today; not in the future)."""

    saved = Signal(object)

    def __init__(self, ctx: UiContext, row: Timeline, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("The group joined the project"))
        self.setMinimumWidth(420)
        today = ctx.today()
        self.joined_on = QDateEdit(self)
        self.joined_on.setCalendarPopup(True)
        self.joined_on.setDisplayFormat("yyyy-MM-dd")
        self.joined_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.joined_on.setDate(QDate(today.year, today.month, today.day))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Project"), QLabel(f"{row.customer} · {row.project}", self))
        form.addRow(
            self.tr("Planned join date"),
            QLabel(row.join_on.isoformat(), self),
        )
        form.addRow(self.tr("Joined on"), self.joined_on)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def chosen(self) -> date:
        value = self.joined_on.date().toPython()
        assert isinstance(value, date)
        return value

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self._ctx.tasks.write(
            _advance, self.row.project_id, HandoverState.JOINED, self.chosen(),
            on_done=self._on_saved, on_error=self._on_save_failed,
        )  # fmt: skip

    def _on_saved(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe(error))
        self.error.show()


# -- the page -------------------------------------------------------------------------------


class HandoverPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.snapshot = Snapshot(None, [])
        self.dialog: JoinedDialog | None = None
        self.late_only = QCheckBox(self.tr("Late only"), self)
        self.late_only.toggled.connect(lambda _on: self._show_rows())
        self.joined_button = QPushButton(self.tr("The group joined…"), self)
        self.started_button = QPushButton(self.tr("Handover started"), self)
        self.joined_button.clicked.connect(self.record_joined)
        self.started_button.clicked.connect(self.record_started)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._build_table()
        self._build_detail()
        self._build_layout()
        ctx.events.registry_changed.connect(lambda _entity: self.refresh())
        self._update_buttons()
        self.refresh()

    def _late(self, row: Timeline) -> bool:
        return row.late(self._ctx.today())

    def _late_text(self, row: Timeline) -> str:
        return self.tr("late") if self._late(row) else ""

    def _late_colour(self, row: Timeline) -> QColor | None:
        return LATE_COLOUR if self._late(row) else None

    def _build_table(self) -> None:
        colour = self._late_colour
        self.table = EntityPanel(
            self.tr("Handovers"),
            [
                Column(self.tr("Customer"), lambda r: r.customer, colour=colour),
                Column(self.tr("Project"), lambda r: r.project, colour=colour),
                Column(self.tr("Acceptance"), acceptance_text, colour=colour),
                Column(self.tr("Group joins"), lambda r: r.join_on, colour=colour),
                Column(self.tr("Handover due"), lambda r: r.due_on, colour=colour),
                Column(self.tr("State"), lambda r: state_label(r.state), colour=colour),
                Column(self.tr("Late"), self._late_text, colour=colour),
            ],
            self,
        )
        for button in (self.table.add_button, self.table.edit_button, self.table.delete_button):
            button.hide()
        # Soonest due first (the sort is stable: the service's order within a day).
        self.table.view.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.selection_changed.connect(self._on_table_selection_changed)

    def _build_detail(self) -> None:
        self.detail = QGroupBox(self.tr("Timeline"), self)
        self.timeline = HandoverTimeline(self.detail)
        self.heading = QLabel(self.detail)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.facts: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for key, caption in (
            ("state", self.tr("State")),
            ("joined", self.tr("Joined on")),
            ("remaining", self.tr("Due")),
        ):
            value = QLabel(self.detail)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column = len(self.facts) * 3  # caption, value, a gap before the next pair
            grid.addWidget(QLabel(caption, self.detail), 0, column)
            grid.addWidget(value, 0, column + 1)
            grid.setColumnMinimumWidth(column + 2, 32)
            self.facts[key] = value
        grid.setColumnStretch(len(self.facts) * 3 - 1, 1)
        layout = QVBoxLayout(self.detail)
        layout.addWidget(self.heading)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(grid)
        self._show_detail(None)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.late_only)
        bar.addStretch(1)
        bar.addWidget(self.joined_button)
        bar.addWidget(self.started_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load, on_done=self._on_loaded, on_error=self._on_load_failed,
            latest=(id(self), "load"),
        )  # fmt: skip

    def _on_load_failed(self, error: BaseException) -> None:
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self.status.setText(describe(error))
        self.status.setStyleSheet(ERROR_STYLE)

    def _on_loaded(self, snapshot: Snapshot) -> None:
        if self.status.styleSheet():
            self.status.clear()
            self.status.setStyleSheet("")
        self.snapshot = snapshot
        self._show_rows()

    def _show_rows(self) -> None:
        rows = self.snapshot.timelines
        late = [r for r in rows if self._late(r)]
        self.late_only.setText(
            self.tr("Late only ({count})").format(count=len(late)) if late else self.tr("Late only")
        )
        shown = late if self.late_only.isChecked() else rows
        self.table.set_rows(shown, keep=lambda r: r.project_id)
        self._show_detail(self.table.selected())
        self._update_buttons()

    def reveal(self, project_id: int) -> bool:
        return self.table.reveal(lambda r: r.project_id, project_id)

    # -- selection and permissions ----------------------------------------------------------

    def _on_table_selection_changed(self, row: Timeline | None) -> None:
        self._show_detail(row)
        self._update_buttons()

    def _show_detail(self, row: Timeline | None) -> None:
        today = self._ctx.today()
        self.timeline.set_timeline(row, today)
        if row is None:
            self.heading.setText("")
            for label in self.facts.values():
                label.clear()
            return
        self.heading.setText(f"{row.customer} · {row.project}")
        self.facts["state"].setText(state_label(row.state))
        self.facts["joined"].setText(row.joined_on.isoformat() if row.joined_on else "—")
        remaining = self.facts["remaining"]
        remaining.setText(remaining_text(row, today))
        remaining.setStyleSheet(ERROR_STYLE if row.late(today) else "")

    def _why_not(self, row: Timeline | None, want: HandoverState) -> str | None:
        if not self.snapshot.may(Permission.HANDOVER_EDIT):
            return self.tr(
                "Only engineers, the group leader and the administrator record a handover's "
                "progress."
            )
        if row is None:
            return self.tr("Select a project first.")
        if want is HandoverState.JOINED and row.state is not HandoverState.PLANNED:
            return self.tr("The group has already joined this project.")
        if want is HandoverState.IN_PROGRESS:
            if row.state is HandoverState.PLANNED:
                return self.tr("Record first that the group joined the project.")
            if row.state is not HandoverState.JOINED:
                return self.tr("The handover has already started.")
        return None

    def _update_buttons(self) -> None:
        row = self.table.selected()
        for button, want, tip in (
            (
                self.joined_button,
                HandoverState.JOINED,
                self.tr("Record the day the after-sales group joined the project."),
            ),
            (
                self.started_button,
                HandoverState.IN_PROGRESS,
                self.tr("Record that the handover of the project has started."),
            ),
        ):
            why = self._why_not(row, want)
            button.setEnabled(why is None)
            button.setToolTip(why or tip)

    # -- actions ----------------------------------------------------------------------------

    def record_joined(self) -> None:
        row = self.table.selected()
        if row is None or self._why_not(row, HandoverState.JOINED) is not None:
            return
        dialog = JoinedDialog(self._ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_advanced)
        self.dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def record_started(self) -> None:
        row = self.table.selected()
        if row is None or self._why_not(row, HandoverState.IN_PROGRESS) is not None:
            return
        self.started_button.setEnabled(False)
        self._ctx.tasks.write(
            _advance, row.project_id, HandoverState.IN_PROGRESS, None,
            on_done=self._on_advanced, on_error=self._on_action_failed,
        )  # fmt: skip

    def _on_advanced(self, _row: object) -> None:
        if self.status.styleSheet():
            self.status.clear()
            self.status.setStyleSheet("")
        self.refresh()

    def _on_action_failed(self, error: BaseException) -> None:
        if isinstance(error, SupportDeskError):
            self.status.setText(describe(error))
            self.status.setStyleSheet(ERROR_STYLE)
            self.refresh()
        else:
            self._ctx.tasks.error_raised.emit(error)
