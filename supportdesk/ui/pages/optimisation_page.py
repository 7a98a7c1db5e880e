"""The monthly optimisation report (issue 10, R2.4): the month's items with their department,
date and measure, overdue ones marked; the approval bar saying who holds the report, with the
comments of a return and every step; the per-project quality figures of the month or the last
12 months as a table and a chart; the approved report filed into the document folder and its
measures sent to ZenTao, or kept waiting with the reason and offered as ZenTao's import sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QPainter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import NotFoundError
from supportdesk.domain.optimisation import (
    Decision,
    ItemRow,
    ItemState,
    Quality,
    ReportRow,
    ReportState,
    StepRow,
)
from supportdesk.domain.registry import ProjectRow, SystemRow, UserRow, add_months
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.domain.team_settings import executions
from supportdesk.domain.zentao import REASONS, ZentaoError
from supportdesk.services import optimisation, optimisation_export, registry, team_settings, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import local_time
from supportdesk.ui.dialogs.optimisation_dialogs import (
    CommentReturnDialog,
    category_label,
    decide_report,
    item_dialog,
    person_name,
)
from supportdesk.ui.i18n import resource_path
from supportdesk.ui.messages import role_label, zentao_text
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel
from supportdesk.ui.pages.rewards_panel import RewardsPanel
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.status_line import fail, say
from supportdesk.ui.widgets.table import row_table

OVERDUE_COLOUR = QColor(255, 205, 210)
RETURNED_STYLE = "background: #fff3e0; border: 1px solid #ffb74d; padding: 6px;"
FONT = "fonts/SupportDeskSansSC-Regular.ttf"
CHARTED = 10  # projects in the chart; the table lists them all


# -- words ----------------------------------------------------------------------------------


def state_label(state: ReportState) -> str:
    return {
        ReportState.DRAFT: QCoreApplication.translate("OptimisationPage", "draft"),
        ReportState.SUBMITTED: QCoreApplication.translate("OptimisationPage", "submitted"),
        ReportState.REVIEWED: QCoreApplication.translate(
            "OptimisationPage", "reviewed by the sales director"
        ),
        ReportState.APPROVED: QCoreApplication.translate("OptimisationPage", "approved"),
    }[state]


def decision_label(decision: Decision) -> str:
    return {
        Decision.SUBMIT: QCoreApplication.translate("OptimisationPage", "submitted"),
        Decision.APPROVE: QCoreApplication.translate("OptimisationPage", "approved"),
        Decision.RETURN: QCoreApplication.translate("OptimisationPage", "returned"),
    }[decision]


def source_label(source: str) -> str:
    names = {
        "inspection": QCoreApplication.translate("OptimisationPage", "inspection finding"),
        "backup": QCoreApplication.translate("OptimisationPage", "backup check"),
        "change": QCoreApplication.translate("OptimisationPage", "change without notice"),
        "handover_issue": QCoreApplication.translate("OptimisationPage", "handover issue"),
        "group": QCoreApplication.translate("OptimisationPage", "the group's own"),
        "carried": QCoreApplication.translate("OptimisationPage", "carried over"),
    }
    return names.get(source, source)


def item_state_text(row: ItemRow) -> str:
    if row.state is ItemState.CLOSED:
        return QCoreApplication.translate("OptimisationPage", "closed {date}").format(
            date=row.closed_on or ""
        )
    if row.carried_from:
        return QCoreApplication.translate("OptimisationPage", "overdue, since {month}").format(
            month=row.carried_from
        )
    return (
        QCoreApplication.translate("OptimisationPage", "overdue")
        if row.overdue
        else QCoreApplication.translate("OptimisationPage", "open")
    )


def waiting_text(reason: str) -> str:
    """Why a measure is not in ZenTao yet."""
    if reason == optimisation.SENDING:
        return QCoreApplication.translate(
            "OptimisationPage", "another desktop or the agent is sending them right now"
        )
    if reason == "no_execution":
        return QCoreApplication.translate(
            "OptimisationPage", "no ZenTao execution is set for its project (team settings)"
        )
    if reason in REASONS:
        return zentao_text(ZentaoError(reason))
    return reason


def task_url(base: str, task_id: int) -> str:
    """ZenTao's task page; the GET form works whatever URL mode the server uses."""
    return f"{base.rstrip('/')}/index.php?m=task&f=view&taskID={task_id}"


def recent_months(today: date, count: int = 24) -> list[str]:
    """This month and the ones before it, newest first."""
    first = today.replace(day=1)
    return [f"{d.year}-{d.month:02d}" for d in (add_months(first, -k) for k in range(count))]


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shown:
    """The month's report (None before it is drafted) and what the page offers around it."""

    month: str
    report: ReportRow | None
    user: UserRow | None
    people: list[UserRow]
    projects: list[ProjectRow]
    systems: list[SystemRow]
    quality_month: list[Quality]
    quality_year: list[Quality]
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def role(self) -> Role | None:
        return Role(self.user.role) if self.user is not None and self.user.active else None

    def may(self, permission: Permission) -> bool:
        return self.role is not None and allows(self.role, permission)

    def holders(self, role: Role) -> str:
        names = [p.name or p.login for p in self.people if p.active and p.role == role.value]
        return "、".join(names)

    @property
    def waiting(self) -> list[ItemRow]:
        """An approved report's measures not in ZenTao yet."""
        if self.report is None or self.report.state is not ReportState.APPROVED:
            return []
        return [i for i in self.report.items if i.measure and i.zentao_task_id is None]

    @property
    def zentao_url(self) -> str:
        return str(self.settings.get("zentao.url", ""))


def load(session: Any, month: str) -> Shown:
    try:
        report: ReportRow | None = optimisation.show(session, month)
    except NotFoundError:
        report = None
    return Shown(
        month,
        report,
        users.current_user(session),
        users.list_users(session),
        registry.list_projects(session),
        registry.list_systems(session),
        optimisation.quality(session, month, 1),
        optimisation.quality(session, month, 12),
        team_settings.all_values(session),
    )


def _draft(session: Any, month: str) -> ReportRow:
    return optimisation.draft(session, month)


def _set_state(session: Any, item_id: int, closed: bool, version: int) -> ItemRow:
    return optimisation.set_item_state(session, item_id, closed, version)


def _approve(
    session: Any, month: str, version: int, folder: str, font: Path
) -> tuple[ReportRow, list[Path]]:
    """Approve; once the committee has, the frozen report is filed (PDF and DOCX) into the
    document folder in the same transaction, so an approval never lacks its files."""
    report = optimisation.decide(session, month, Decision.APPROVE, "", version)
    if report.state is ReportState.APPROVED and folder:
        return report, optimisation_export.file_approved(session, month, Path(folder), font)
    return report, []


def _export(session: Any, month: str, fmt: str, path: Path, font: Path) -> Path:
    return optimisation_export.export(session, month, fmt, path, font)


def _import_sheet(session: Any, month: str, path: Path, where: dict[int, int]) -> Path:
    return optimisation.import_sheet(session, month, path, where)


# -- the page -------------------------------------------------------------------------------


def _chart() -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class OptimisationPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.shown: Shown | None = None
        self.pushing = False  # a push is under way: the button waits for it
        self.dialog: QWidget | None = None  # the open dialog (tests answer it)
        self.month = QComboBox(self)
        months = recent_months(ctx.today())
        self.month.addItems(months)
        self.month.setCurrentIndex(1)  # last month: its report is written at its end
        self.month.currentIndexChanged.connect(self._on_month_changed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self._build_approval()
        self._build_items()
        self._build_quality()
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.items_box, self.tr("Items"))
        self.tabs.addTab(self.quality_box, self.tr("Quality"))
        self.rewards = RewardsPanel(
            ctx, lambda: [self.month.itemText(k) for k in range(self.month.count())], self
        )
        self.tabs.addTab(self.rewards, self.tr("Rewards"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.approval)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        ctx.events.settings_changed.connect(self.refresh)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def _build_approval(self) -> None:
        self.approval = QGroupBox(self.tr("Approval"), self)
        self.state = QLabel(self.approval)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.submit_button = self._button(self.tr("Submit"), self.submit_report)
        self.approve_button = self._button(self.tr("Approve"), self.approve_report)
        self.return_button = self._button(self.tr("Return…"), self.return_report)
        self.comments = QLabel(self.approval)
        self.comments.setTextFormat(Qt.TextFormat.PlainText)
        self.comments.setWordWrap(True)
        self.comments.setStyleSheet(RETURNED_STYLE)
        self.comments.hide()
        self.history = QLabel(self.approval)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        for button in (self.submit_button, self.approve_button, self.return_button):
            row.addWidget(button)
        box = QVBoxLayout(self.approval)
        box.addLayout(row)
        box.addWidget(self.comments)
        box.addWidget(self.history)

    def _build_items(self) -> None:
        self.items_box = QWidget(self)
        red = lambda r: OVERDUE_COLOUR if r.overdue else None  # noqa: E731
        self.items_model: RowModel[ItemRow] = RowModel(
            [
                Column(self.tr("Customer / project"), lambda r: f"{r.customer} / {r.project}"),
                Column(self.tr("System"), lambda r: r.system),
                Column(self.tr("Bug or problem"), lambda r: r.description),
                Column(self.tr("Category"), lambda r: category_label(r.category)),
                Column(self.tr("Department"), lambda r: r.department),
                Column(self.tr("Due"), lambda r: r.due_on),
                Column(self.tr("Measure for next month"), lambda r: r.measure),
                Column(self.tr("State"), item_state_text, colour=red),
                Column(self.tr("Source"), lambda r: source_label(r.source)),
                Column(self.tr("ZenTao task"), self._task_text),
            ],
            self,
        )
        self.items = row_table(self.items_model, self.items_box, sortable=True)
        self.items.selectionModel().selectionChanged.connect(self._update_buttons)
        self.items.doubleClicked.connect(self.edit_item)
        self.draft_button = self._button(self.tr("Draft from this month"), self.draft_report)
        self.draft_button.setToolTip(
            self.tr(
                "Collect the month's warning and critical findings, failed backup checks, "
                "changes without notice, open handover issues and unfinished items"
            )
        )
        self.add_button = self._button(self.tr("Add item…"), self.add_item)
        self.edit_button = self._button(self.tr("Edit item…"), self.edit_item)
        self.close_button = self._button(self.tr("Close item"), self.toggle_item)
        self.task_button = self._button(self.tr("Open in ZenTao"), self.open_task)
        self.export_button = QPushButton(self.tr("Export"), self)
        menu = QMenu(self.export_button)
        for fmt, text in (
            ("docx", self.tr("Word (DOCX)…")),
            ("pdf", self.tr("PDF…")),
            ("xlsx", self.tr("Excel (XLSX)…")),
        ):
            menu.addAction(text, partial(self.export, fmt))
        self.export_button.setMenu(menu)
        self.waiting = QLabel(self.items_box)
        self.waiting.setWordWrap(True)
        self.waiting.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting.setStyleSheet(RETURNED_STYLE)
        self.push_button = self._button(self.tr("Send to ZenTao"), self.push)
        self.sheet_button = self._button(self.tr("Save import sheet…"), self.save_sheet)
        self.sheet_button.setToolTip(self.tr("The waiting measures in ZenTao's task-import layout"))
        actions = QHBoxLayout()
        for button in (
            self.draft_button,
            self.add_button,
            self.edit_button,
            self.close_button,
            self.task_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        zentao = QHBoxLayout()
        zentao.addWidget(self.waiting, 1)
        zentao.addWidget(self.push_button)
        zentao.addWidget(self.sheet_button)
        self.zentao_row = QFrame(self.items_box)
        self.zentao_row.setLayout(zentao)
        self.empty = QLabel(self.items_box)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self.items_box)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.zentao_row)

    def _build_quality(self) -> None:
        self.quality_box = QWidget(self)
        self.one_month = QRadioButton(self.tr("This month"), self.quality_box)
        self.twelve_months = QRadioButton(self.tr("Last 12 months"), self.quality_box)
        self.one_month.setChecked(True)
        group = QButtonGroup(self.quality_box)
        group.addButton(self.one_month)
        group.addButton(self.twelve_months)
        self.one_month.toggled.connect(self._show_quality)
        self.quality_model: RowModel[Quality] = RowModel(
            [
                Column(self.tr("Customer"), lambda q: q.customer),
                Column(self.tr("Project"), lambda q: q.project),
                Column(self.tr("Found"), lambda q: q.found),
                Column(self.tr("Closed in time"), lambda q: q.closed_in_time),
                Column(self.tr("Overdue"), lambda q: q.overdue),
            ],
            self,
        )
        self.quality = row_table(self.quality_model, self.quality_box, sortable=True)
        self.quality.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.chart = _chart()
        self.chart_view = QChartView(self.chart, self.quality_box)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(140)
        split = QSplitter(Qt.Orientation.Horizontal, self.quality_box)
        split.addWidget(self.quality)
        split.addWidget(self.chart_view)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 680])
        choose = QHBoxLayout()
        choose.addWidget(self.one_month)
        choose.addWidget(self.twelve_months)
        choose.addStretch(1)
        layout = QVBoxLayout(self.quality_box)
        layout.addLayout(choose)
        layout.addWidget(split, 1)

    # -- loading ----------------------------------------------------------------------------

    @property
    def chosen_month(self) -> str:
        return self.month.currentText()

    def choose_month(self, month: str) -> None:
        if self.month.findText(month) < 0:
            self.month.addItem(month)
        self.month.setCurrentText(month)

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load, self.chosen_month, on_done=self._on_loaded, on_error=self._on_failed,
            latest=("optimisation", id(self)),
        )  # fmt: skip

    def _on_month_changed(self, _index: int) -> None:
        self.refresh()

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"optimisation_item", "project", "system", "customer", "user"}:
            self.refresh()

    def _on_failed(self, error: BaseException) -> None:
        fail(self._ctx, self.status, error)

    def _on_loaded(self, shown: Shown) -> None:
        if shown.month != self.chosen_month:
            return  # the user moved on meanwhile; that month's load follows
        self.shown = shown
        report = shown.report
        selected = self.selected()
        self.items_model.set_rows(report.items if report is not None else [])
        if selected is not None:
            self._select(selected.id)
        self.items.resizeColumnsToContents()
        for column in (2, 6):  # long texts: readable, never the whole screen
            self.items.setColumnWidth(column, min(self.items.columnWidth(column), 320))
        self._show_approval()
        self._show_quality()
        self._update_buttons()
        self.rewards.show_month(shown.month, report, shown.people, shown.user)

    def _show_approval(self) -> None:
        shown = self.shown
        assert shown is not None
        report = shown.report
        if report is None:
            self.state.setText(self.tr("{month}: no report yet").format(month=shown.month))
            self.empty.setText(
                self.tr(
                    "The group leader drafts the report from what the month left behind, "
                    "then adds the group's own items."
                )
            )
            self.empty.show()
            self.comments.hide()
            self.history.clear()
            return
        self.empty.setVisible(not report.items)
        self.empty.setText(self.tr("The report has no items yet."))
        text = self.tr("{month}: {state}").format(
            month=report.month, state=state_label(report.state)
        )
        if report.holder is not None:
            people = shown.holders(report.holder)
            text += " — " + self.tr("waiting for the {role}").format(
                role=role_label(report.holder.value)
            )
            if people:
                text += f" ({people})"
        self.state.setText(text)
        returns = report.comments
        if report.state is ReportState.DRAFT and returns:
            last = returns[-1]
            self.comments.setText(
                self.tr("Returned by {who} on {when}: {comment}").format(
                    who=self._name(last.by), when=local_time(last.at), comment=last.comment
                )
            )
            self.comments.show()
        else:
            self.comments.hide()
        self.history.setText("\n".join(self._step_text(s) for s in report.steps))

    def _step_text(self, step: StepRow) -> str:
        text = f"{local_time(step.at)}  {self._name(step.by)}  {decision_label(step.decision)}"
        return f"{text}: {step.comment}" if step.comment else text

    def _name(self, login: str) -> str:
        return person_name(self.shown.people if self.shown is not None else [], login)

    def _task_text(self, row: ItemRow) -> str:
        if row.zentao_task_id is not None:
            return f"#{row.zentao_task_id}"
        if row.zentao_error:
            return self.tr("waits")
        return ""

    def _show_quality(self) -> None:
        if self.shown is None:
            return
        year = self.twelve_months.isChecked()
        rows = self.shown.quality_year if year else self.shown.quality_month
        self.quality_model.set_rows(rows)
        # A chart of its own each time: axes removed from a chart leave their labels behind.
        old, self.chart = self.chart, _chart()
        self.chart_view.setChart(self.chart)
        old.deleteLater()  # the view released it
        self.chart.setTitle(
            self.tr("{first} to {last}").format(
                first=self._months_before(11), last=self.shown.month
            )
            if year
            else self.shown.month
        )
        # The projects with the most items: a chart of fifty bars groups says nothing.
        charted = sorted(rows, key=lambda q: (-q.found - q.overdue, q.customer, q.project))
        charted = list(reversed(charted[:CHARTED]))  # the largest at the top
        series = QHorizontalBarSeries()
        for label, values in (
            (self.tr("Found"), [q.found for q in charted]),
            (self.tr("Closed in time"), [q.closed_in_time for q in charted]),
            (self.tr("Overdue"), [q.overdue for q in charted]),
        ):
            bars = QBarSet(label)
            for value in values:
                bars.append(value)
            series.append(bars)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([f"{q.customer} {q.project}" for q in charted] or [""])
        counts = QValueAxis()
        counts.setLabelFormat("%d")
        top = max([max(q.found, q.closed_in_time, q.overdue) for q in charted] or [1])
        counts.setRange(0, top)
        counts.setTickType(QValueAxis.TickType.TicksDynamic)
        counts.setTickAnchor(0)
        counts.setTickInterval(max(1, -(-top // 8)))  # whole numbers, at most about 8 steps
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(counts)

    def _months_before(self, count: int) -> str:
        assert self.shown is not None
        year, month = map(int, self.shown.month.split("-"))
        first = add_months(date(year, month, 1), -count)
        return f"{first.year}-{first.month:02d}"

    # -- selection and buttons --------------------------------------------------------------

    def selected(self) -> ItemRow | None:
        indexes = self.items.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _select(self, item_id: int) -> None:
        proxy = self.items.model()
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            if index.data(ROW_ROLE).id == item_id:
                self.items.selectRow(row)
                return

    def why_not(self, action: str) -> str | None:
        """Why `action` cannot be taken now, or None when it can (the button's tooltip)."""
        shown = self.shown
        if shown is None:
            return self.tr("Loading…")
        report = shown.report
        if action in {"draft", "add", "edit", "close"}:
            return self._why_not_write(shown, action)
        if report is None and action != "zentao":
            return self.tr("Draft the report first.")
        if action == "zentao":
            row = self.selected()
            if row is None:
                return self.tr("Select an item.")
            if row.zentao_task_id is None or not shown.zentao_url:
                return self.tr("The item's measure is not in ZenTao.")
            return None
        if action in {"submit", "approve", "return"}:
            assert report is not None
            return self._why_not_step(shown, report, action)
        if action in {"push", "sheet"} and not shown.waiting:
            return self.tr("No measure waits for ZenTao.")
        if action == "push" and self.pushing:
            return self.tr("Sending the measures to ZenTao…")
        if action == "push" and not shown.may(Permission.OPTIMISATION_EDIT):
            return self.tr("The group leader sends the measures to ZenTao.")
        return None

    def _why_not_write(self, shown: Shown, action: str) -> str | None:
        report = shown.report
        if not shown.may(Permission.OPTIMISATION_EDIT):
            return self.tr("Only the group leader writes the report.")
        if report is None:
            return None if action == "draft" else self.tr("Draft the report first.")
        if report.state is ReportState.APPROVED:
            return self.tr("The report is approved and frozen.")
        if action != "close" and report.state is not ReportState.DRAFT:
            return self.tr("The report is under review: only a draft is changed.")
        if action in {"edit", "close"} and self.selected() is None:
            return self.tr("Select an item.")
        return None

    def _why_not_step(self, shown: Shown, report: ReportRow, action: str) -> str | None:
        if report.holder is None:
            return self.tr("The report is approved and frozen.")
        if action == "submit" and report.state is not ReportState.DRAFT:
            return self.tr("The report was submitted.")
        if action == "submit" and not report.items:
            return self.tr("The report has no items to submit.")
        if action != "submit" and report.state is ReportState.DRAFT:
            return self.tr("The group leader submits the report first.")
        if shown.role is not report.holder and shown.role is not Role.ADMIN:
            return self.tr("The report waits for the {role}.").format(
                role=role_label(report.holder.value)
            )
        return None

    def _update_buttons(self, *_args: object) -> None:
        for action, button in (
            ("draft", self.draft_button),
            ("add", self.add_button),
            ("edit", self.edit_button),
            ("close", self.close_button),
            ("zentao", self.task_button),
            ("submit", self.submit_button),
            ("approve", self.approve_button),
            ("return", self.return_button),
            ("export", self.export_button),
            ("push", self.push_button),
            ("sheet", self.sheet_button),
        ):
            reason = self.why_not(action)
            button.setEnabled(reason is None)
            if reason is not None or action not in {"draft", "sheet"}:
                button.setToolTip(reason or "")
        if self.shown is not None and self.shown.report is None:
            self.draft_button.setText(self.tr("Draft the report"))
        else:
            self.draft_button.setText(self.tr("Add what is new"))
        row = self.selected()
        closed = row is not None and row.state is ItemState.CLOSED
        self.close_button.setText(self.tr("Reopen item") if closed else self.tr("Close item"))
        waiting = self.shown.waiting if self.shown is not None else []
        self.zentao_row.setVisible(bool(waiting))
        if waiting:
            reasons = sorted({i.zentao_error for i in waiting if i.zentao_error})
            text = self.tr("{count} measures of the approved report are not in ZenTao yet.").format(
                count=len(waiting)
            )
            self.waiting.setText(" ".join([text, *(waiting_text(r) for r in reasons)]))

    # -- actions ----------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        say(self.status, text)
        self.refresh()

    def draft_report(self) -> None:
        if self.why_not("draft") is None:
            self._ctx.tasks.write(
                _draft, self.chosen_month, on_done=lambda _r: self._done(self.tr("Drafted.")),
                on_error=self._on_failed,
            )  # fmt: skip

    def _open(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _row: self.refresh())
        self.dialog = dialog
        dialog.open()

    def add_item(self) -> None:
        if self.why_not("add") is None and self.shown is not None:
            shown = self.shown
            dialog = item_dialog(self._ctx, shown.month, shown.projects, shown.systems, None, self)
            self._open(dialog)

    def edit_item(self, *_args: object) -> None:
        row = self.selected()
        if self.why_not("edit") is None and self.shown is not None and row is not None:
            shown = self.shown
            dialog = item_dialog(self._ctx, shown.month, shown.projects, shown.systems, row, self)
            self._open(dialog)

    def toggle_item(self) -> None:
        row = self.selected()
        if self.why_not("close") is None and row is not None:
            closing = row.state is ItemState.OPEN
            self._ctx.tasks.write(
                _set_state, row.id, closing, row.version,
                on_done=lambda _r: self._done(
                    self.tr("Item closed.") if closing else self.tr("Item reopened.")
                ),
                on_error=self._on_failed,
            )  # fmt: skip

    def open_task(self) -> None:
        row = self.selected()
        if self.why_not("zentao") is None and row is not None and self.shown is not None:
            assert row.zentao_task_id is not None
            QDesktopServices.openUrl(QUrl(task_url(self.shown.zentao_url, row.zentao_task_id)))

    def submit_report(self) -> None:
        report = self.shown.report if self.shown is not None else None
        if self.why_not("submit") is None and report is not None:
            self._ctx.tasks.write(
                decide_report, report.month, Decision.SUBMIT, "", report.version,
                on_done=lambda _r: self._done(self.tr("Submitted to the sales director.")),
                on_error=self._on_failed,
            )  # fmt: skip

    def approve_report(self) -> None:
        report = self.shown.report if self.shown is not None else None
        if self.why_not("approve") is None and report is not None and self.shown is not None:
            folder = str(self._ctx.config.get("documents.folder"))
            settings = self.shown.settings  # as they were on approval, whatever shows later
            self._ctx.tasks.write(
                _approve, report.month, report.version, folder, resource_path(FONT),
                on_done=lambda result: self._on_approved(result, settings),
                on_error=self._on_failed,
            )  # fmt: skip

    def _on_approved(self, result: tuple[ReportRow, list[Path]], settings: dict[str, Any]) -> None:
        report, files = result
        if report.state is not ReportState.APPROVED:
            self._done(self.tr("Approved: the report goes on to the management committee."))
            return
        text = self.tr("Approved: the report is frozen.")
        if files:
            text += " " + self.tr("Filed: {files}").format(files=", ".join(p.name for p in files))
        self._done(text)
        if any(i.measure and i.zentao_task_id is None for i in report.items):
            self._push(report.month, settings)  # next month's measures go to ZenTao (R2.4)

    def return_report(self) -> None:
        report = self.shown.report if self.shown is not None else None
        if self.why_not("return") is None and report is not None:
            dialog = CommentReturnDialog(
                self._ctx,
                self.tr("Return the report of {month}").format(month=report.month),
                self.tr("The report goes back to the group leader as a draft, with your comment."),
                lambda text: (decide_report, (report.month, Decision.RETURN, text, report.version)),
                self,
            )
            dialog.saved.connect(lambda _r: say(self.status, self.tr("Returned to the group.")))
            self._open(dialog)

    def export(self, fmt: str) -> None:
        if self.why_not("export") is not None:
            return
        month = self.chosen_month

        def chosen(path: Path) -> None:
            self._ctx.tasks.read(
                _export, month, fmt, path, resource_path(FONT),
                on_done=lambda p: say(self.status, self.tr("Saved {path}").format(path=p)),
                on_error=self._on_failed,
            )  # fmt: skip

        self.dialog = save_chooser(
            self,
            self._ctx,
            self.tr("Export the report"),
            f"{month} 优化总结及下月措施.{fmt}",
            chosen,
            suffix=fmt,
        )

    def push(self) -> None:
        """The group leader sends the approved report's waiting measures again."""
        shown = self.shown
        if self.why_not("push") is not None or shown is None:
            return
        refused = {i.zentao_error for i in shown.waiting} & {"auth", "locked"}
        if refused and not confirm(
            self,
            self.tr("Send to ZenTao"),
            self.tr(
                "ZenTao refused the login last time. Check the account and its password "
                "credential in the team settings first: ZenTao locks an account after a few "
                "failed logins. Send now?"
            ),
        ):
            return
        self._push(shown.month, shown.settings)

    def _push(self, month: str, settings: dict[str, Any]) -> None:
        """Send `month`'s waiting measures to ZenTao, off the GUI thread; what it refuses
        stays waiting with the reason."""
        make, uow = self._ctx.tracker, self._ctx.tasks.uow

        def body(_task: TaskContext) -> optimisation.PushResult | None:
            tracker = make(settings)  # reads the vault: not on the GUI thread
            if tracker is None:
                return None
            return optimisation.push_measures(
                uow, month, tracker, executions(str(settings["zentao.executions"])),
                str(settings["zentao.account"]),
            )  # fmt: skip

        self.pushing = True
        self._update_buttons()
        say(self.status, self.tr("Sending the measures to ZenTao…"))
        task = Task(body, "push_measures")
        self._ctx.tasks.start(task, "remote", self._on_pushed, self._on_push_failed)

    def _on_push_failed(self, error: BaseException) -> None:
        self.pushing = False
        self._on_failed(error)
        self.refresh()

    def _on_pushed(self, result: optimisation.PushResult | None) -> None:
        self.pushing = False
        if result is None:
            text = self.tr(
                "The measures wait: ZenTao is not set in the team settings, or its password is "
                "in the vault, which is locked here. Open the vault and send them, or save the "
                "import sheet."
            )
        else:
            text = self.tr("{pushed} measures are ZenTao tasks now; {queued} wait.").format(
                pushed=len(result.pushed), queued=len(result.queued)
            )
        self._done(text)

    def save_sheet(self) -> None:
        shown = self.shown
        if self.why_not("sheet") is not None or shown is None:
            return
        where = executions(str(shown.settings["zentao.executions"]))

        def chosen(path: Path) -> None:
            self._ctx.tasks.read(
                _import_sheet, shown.month, path, where,
                on_done=lambda p: say(self.status, self.tr("Saved {path}").format(path=p)),
                on_error=self._on_failed,
            )  # fmt: skip

        self.dialog = save_chooser(
            self,
            self._ctx,
            self.tr("ZenTao import sheet"),
            f"{shown.month} 禅道任务导入.xlsx",
            chosen,
            suffix="xlsx",
        )
