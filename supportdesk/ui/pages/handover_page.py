"""Project handovers (issue 7, R1.1): every project's join and due dates, its state, the late
ones flagged, a timeline of the selected one, and the steps planned → joined → in progress.
Under the timeline, the selected project's handover package (R1.2-R1.4, handover_package.py),
whose part 2 is this page's table of outstanding issues: each with an owner and a completion
date, tracked until closed, the overdue ones flagged. A signed package keeps its issues as
they are, but closing and reopening them stays allowed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.handover import HandoverState, IssueForm, IssueRow, Timeline
from supportdesk.domain.registry import UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import handover, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.pages.handover_package import HandoverPackageEditor, frozen_text
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.entity_panel import EntityPanel
from supportdesk.ui.widgets.status_line import ERROR_STYLE, clear_load_error, show_load_error

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


def issue_state_label(state: str) -> str:
    labels = {
        "open": QCoreApplication.translate("HandoverPage", "open"),
        "closed": QCoreApplication.translate("HandoverPage", "closed"),
    }
    return labels.get(state, state)


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


def _issues(session: Any, project_id: int) -> tuple[int, list[IssueRow]]:
    return project_id, handover.issues(session, project_id)


def _save_issue(session: Any, form: IssueForm) -> IssueRow:
    return handover.save_issue(session, form)


def _set_issue_state(session: Any, issue_id: int, closed: bool, version: int, on: date) -> IssueRow:
    return handover.set_issue_state(session, issue_id, closed, version, on)


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
        self.setMinimumHeight(self._row() * 4 + 8)

    def _row(self) -> int:
        return self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, self._row() * 4 + 8)

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


class IssueDialog(QDialog):
    """Add or change one outstanding issue: title, owner, completion date and detail. A
    refused save keeps the dialog open with the reason, naming the field."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        project: Timeline,
        issue: IssueRow | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.project = project
        self.issue = issue
        self.setWindowTitle(self.tr("Add an issue") if issue is None else self.tr("Edit the issue"))
        self.setMinimumWidth(480)
        self.title = QLineEdit(self)
        self.title.setMaxLength(300)
        self.owner = QLineEdit(self)
        self.owner.setMaxLength(200)
        self.owner.setPlaceholderText(self.tr("A person or a department"))
        self.due_on = QDateEdit(self)
        self.due_on.setCalendarPopup(True)
        self.due_on.setDisplayFormat("yyyy-MM-dd")
        self.detail = QPlainTextEdit(self)
        self.detail.setTabChangesFocus(True)
        due = issue.due_on if issue is not None else ctx.today()
        self.due_on.setDate(QDate(due.year, due.month, due.day))
        if issue is not None:
            self.title.setText(issue.title)
            self.owner.setText(issue.owner)
            self.detail.setPlainText(issue.detail)
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
        form.addRow(self.tr("Project"), QLabel(f"{project.customer} · {project.project}", self))
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Completion date"), self.due_on)
        form.addRow(self.tr("Detail"), self.detail)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def form(self) -> IssueForm:
        due = self.due_on.date().toPython()
        assert isinstance(due, date)
        return IssueForm(
            self.project.project_id,
            self.title.text().strip(),
            self.owner.text().strip(),
            due,
            self.detail.toPlainText().strip(),
            id=self.issue.id if self.issue is not None else None,
            version=self.issue.version if self.issue is not None else None,
        )

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self._ctx.tasks.write(
            _save_issue, self.form(), on_done=self._on_saved, on_error=self._on_save_failed
        )

    def _on_saved(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self.error.setText(describe(error))
        self.error.show()


# -- the page -------------------------------------------------------------------------------


class HandoverPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.snapshot = Snapshot(None, [])
        self.dialog: JoinedDialog | None = None
        self.issue_dialog: IssueDialog | None = None
        self._issues_of: int | None = None  # the project whose issues the table shows
        self._reveal_issue: int | None = None  # select this issue once the list arrives
        self.late_only = QCheckBox(self.tr("Late only"), self)
        self.late_only.toggled.connect(lambda _on: self._show_rows())
        self.joined_button = QPushButton(self.tr("The group joined…"), self)
        self.started_button = QPushButton(self.tr("Handover started"), self)
        self.joined_button.clicked.connect(self.record_joined)
        self.started_button.clicked.connect(self.record_started)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()  # shown only with something to say: the package needs the room
        self._build_table()
        self._build_detail()
        self._build_issues()
        self.package = HandoverPackageEditor(ctx, self)
        self.package.set_issues(self.issues_box)
        self.package.loaded.connect(self._update_issue_buttons)
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
        grid = QFormLayout()
        for key, caption in (
            ("state", self.tr("State")),
            ("joined", self.tr("Joined on")),
            ("remaining", self.tr("Due")),
        ):
            value = QLabel(self.detail)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addRow(QLabel(caption, self.detail), value)
            self.facts[key] = value
        # The facts beside the drawing: the band stays low, the package below gets the room.
        facts = QVBoxLayout()
        facts.addWidget(self.heading)
        facts.addLayout(grid)
        facts.addStretch(1)
        layout = QHBoxLayout(self.detail)
        layout.addLayout(facts)
        layout.addSpacing(16)
        layout.addWidget(self.timeline, 1)
        self.detail.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._show_detail(None)

    def _overdue(self, row: IssueRow) -> bool:
        return row.overdue(self._ctx.today())

    def _overdue_colour(self, row: IssueRow) -> QColor | None:
        return LATE_COLOUR if self._overdue(row) else None

    def _build_issues(self) -> None:
        colour = self._overdue_colour
        self.issues = EntityPanel(
            self.tr("Outstanding issues"),
            [
                Column(self.tr("Title"), lambda r: r.title, colour=colour),
                Column(self.tr("Owner"), lambda r: r.owner, colour=colour),
                Column(self.tr("Completion date"), lambda r: r.due_on, colour=colour),
                Column(self.tr("State"), lambda r: issue_state_label(r.state), colour=colour),
                Column(self.tr("Closed on"), lambda r: r.closed_on, colour=colour),
                Column(
                    self.tr("Overdue"),
                    lambda r: self.tr("overdue") if self._overdue(r) else "",
                    colour=colour,
                ),
            ],
            self,
            searchable=False,
        )
        for button in (self.issues.add_button, self.issues.edit_button, self.issues.delete_button):
            button.hide()
        self.issues.title.hide()  # the package's tab names it
        # The service's order: open ones first, then by completion date.
        self.issues.view.setSortingEnabled(False)
        self.issues.proxy.sort(-1)
        self.issues.selection_changed.connect(lambda _row: self._update_issue_buttons())
        self.issues.edit_requested.connect(lambda _row: self.edit_issue())
        self.add_issue_button = QPushButton(self.tr("Add issue…"), self)
        self.edit_issue_button = QPushButton(self.tr("Edit…"), self)
        self.issue_state_button = QPushButton(self.tr("Close issue"), self)
        self.add_issue_button.clicked.connect(self.add_issue)
        self.edit_issue_button.clicked.connect(self.edit_issue)
        self.issue_state_button.clicked.connect(self.toggle_issue)
        self.issues_box = QWidget(self)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in (self.add_issue_button, self.edit_issue_button, self.issue_state_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self.issues_box)
        layout.addWidget(self.issues, 1)
        layout.addLayout(bar)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.late_only)
        bar.addStretch(1)
        bar.addWidget(self.joined_button)
        bar.addWidget(self.started_button)
        # Below the list, full width: the selected project's timeline, a low band, and under
        # it its package, whose five tabs and their tables need the width.
        below = QWidget(self)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.detail)
        below_layout.addWidget(self.package, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(below)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([1000, 2000])
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
        show_load_error(self._ctx, self.status, error)
        self.status.setVisible(bool(self.status.text()))

    def _on_loaded(self, snapshot: Snapshot) -> None:
        clear_load_error(self.status)
        self.status.setVisible(bool(self.status.text()))
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
        shown = self.package.project
        if (
            shown is not None
            and (row is None or row.project_id != shown.project_id)
            and self.package.boundaries_changed()
            and not self._discard(shown)
        ):
            # Back to the project being edited, its unsaved text kept.
            back = shown.project_id
            QTimer.singleShot(0, lambda: self.reveal(back))
            return
        self._show_detail(row)
        self._update_buttons()
        self._load_issues(row)
        self.package.show_project(row)

    def _discard(self, shown: Timeline) -> bool:
        return confirm(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Parts 3 and 4 of the package of {project} have changes that are not saved. "
                "Discard them?"
            ).format(project=shown.project),
        )

    # -- the outstanding issues -------------------------------------------------------------

    def _load_issues(self, row: Timeline | None) -> None:
        project_id = row.project_id if row is not None else None
        if project_id != self._issues_of:
            self._issues_of = project_id
            self.issues.set_rows([])  # never another project's issues under this one
        if project_id is None:
            return
        self._ctx.tasks.read(
            _issues, project_id, on_done=self._on_issues_loaded,
            on_error=self._on_load_failed, latest=(id(self), "issues"),
        )  # fmt: skip

    def refresh_issues(self) -> None:
        self._load_issues(self.table.selected())

    def _on_issues_loaded(self, result: tuple[int, list[IssueRow]]) -> None:
        project_id, rows = result
        if project_id != self._issues_of:
            return  # the selection moved on meanwhile
        self.issues.set_rows(rows, keep=lambda r: r.id)
        if self._reveal_issue is not None:
            self.issues.reveal(lambda r: r.id, self._reveal_issue)
            self._reveal_issue = None
        self._update_issue_buttons()

    def _why_not_issue(self, need_issue: bool, edit: bool = True) -> str | None:
        """Why the issue buttons are off; `edit`: adding or changing one, which a signed
        package refuses (R1.3) while closing and reopening stay allowed."""
        if not self.snapshot.may(Permission.HANDOVER_EDIT):
            return self.tr(
                "Only engineers, the group leader and the administrator keep a handover's "
                "outstanding issues."
            )
        if self.table.selected() is None:
            return self.tr("Select a project first.")
        if edit and self.package.frozen():
            return frozen_text()
        if need_issue and self.issues.selected() is None:
            return self.tr("Select an issue first.")
        return None

    def _update_issue_buttons(self) -> None:
        issue: IssueRow | None = self.issues.selected()
        closing = issue is None or issue.state == "open"
        self.issue_state_button.setText(self.tr("Close issue") if closing else self.tr("Reopen"))
        for button, need_issue, edit, tip in (
            (
                self.add_issue_button,
                False,
                True,
                self.tr("Add an outstanding issue to the project."),
            ),
            (self.edit_issue_button, True, True, self.tr("Change the selected issue.")),
            (
                self.issue_state_button,
                True,
                False,
                self.tr("Close the selected issue as done today.")
                if closing
                else self.tr("Open the selected issue again."),
            ),
        ):
            why = self._why_not_issue(need_issue, edit)
            button.setEnabled(why is None)
            button.setToolTip(why or tip)

    def add_issue(self) -> None:
        self._open_issue_dialog(None)

    def edit_issue(self) -> None:
        issue = self.issues.selected()
        if issue is not None:
            self._open_issue_dialog(issue)

    def _open_issue_dialog(self, issue: IssueRow | None) -> None:
        project = self.table.selected()
        if project is None or self._why_not_issue(issue is not None) is not None:
            return
        dialog = IssueDialog(self._ctx, project, issue, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_issue_saved)
        self.issue_dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def toggle_issue(self) -> None:
        issue: IssueRow | None = self.issues.selected()
        if issue is None or self._why_not_issue(True, edit=False) is not None:
            return
        self.issue_state_button.setEnabled(False)
        self._ctx.tasks.write(
            _set_issue_state, issue.id, issue.state == "open", issue.version, self._ctx.today(),
            on_done=self._on_issue_saved, on_error=self._on_issue_failed,
        )  # fmt: skip

    def _on_issue_saved(self, row: object) -> None:
        if self.status.styleSheet():
            self.status.clear()
            self.status.setStyleSheet("")
            self.status.hide()
        if isinstance(row, IssueRow):
            self._reveal_issue = row.id
        self.refresh_issues()

    def _on_issue_failed(self, error: BaseException) -> None:
        if isinstance(error, SupportDeskError):
            self.status.setText(describe(error))
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.show()
            self.refresh_issues()
        else:
            self._ctx.tasks.error_raised.emit(error)

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
        self.package.set_may_edit(self.snapshot.may(Permission.HANDOVER_EDIT))
        self._update_issue_buttons()

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
            self.status.hide()
        self.refresh()

    def _on_action_failed(self, error: BaseException) -> None:
        if isinstance(error, SupportDeskError):
            self.status.setText(describe(error))
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.show()
            self.refresh()
        else:
            self._ctx.tasks.error_raised.emit(error)
