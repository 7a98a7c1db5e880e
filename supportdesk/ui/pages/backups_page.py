"""The backups (issue 8, R3.3): every system's backup jobs with their last check (failed, or
not checked for a week, highlighted), the selected job's settings, its findings in words with
✔/✘ and its check history; jobs added and corrected through a dialog; checks run over SSH off
the GUI thread with progress and cancel, each result shown as it is saved. What a check found
is said here in words (`finding_text`), in both languages, for the report and the CLI too.
A restore drill (one file of a job's backups restored on its host, its checksum compared) is
run from here and kept in a history beside the checks; where a customer has no backup, one is
set up from here too: the exact commands shown first, run under a planned change (R3.2)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.backup import CheckRow, DrillRow, Finding, JobRow
from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.registry import UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import backup, inspection, users
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.backup_dialogs import (
    DRILL_CANCELLED,
    CheckProgressDialog,
    Choices,
    DrillDialog,
    JobDialog,
    SetupDialog,
    allowed_gap_hours,
    checksums_tip,
    drill_lines,
    drill_result_text,
    drill_text,
    is_repository,
    kind_label,
    load_choices,
    names_of,
    reference_label,
)
from supportdesk.ui.dialogs.change_dialogs import local_time
from supportdesk.ui.dialogs.handover_package_dialog import size_text
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import ROW_ROLE, ChineseSortProxy, Column
from supportdesk.ui.pages.changes_page import TipModel
from supportdesk.ui.pages.inspection_page import EvidenceDialog
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.scrolled import fill_scrolled
from supportdesk.ui.widgets.status_line import fail, say
from supportdesk.ui.widgets.table import row_table

CHECK_STALE_DAYS = 7  # a check older than a week proves little about today's backups
FAILED_COLOUR = QColor(255, 205, 210)
STALE_COLOUR = QColor(255, 236, 179)  # not checked for a week, or never
PASSED_COLOUR = QColor(200, 230, 201)
CANCELLED = "cancelled"  # a check stopped by the user says nothing about the backups
CHECKS_TAB, DRILLS_TAB = 0, 1


# -- words ----------------------------------------------------------------------------------


def when_text(value: str) -> str:
    """An instant as a finding carries it (ISO 8601, the host's zone), in local time."""
    try:
        return local_time(datetime.fromisoformat(value))
    except ValueError:
        return value


def bytes_text(value: str) -> str:
    try:
        return size_text(int(value))
    except ValueError:
        return value


def outcome_words(code: str) -> str | None:
    """How a command on the host ended, when it did not run to its end."""
    words = {
        "completed": QCoreApplication.translate("BackupsPage", "completed"),
        "command_timeout": QCoreApplication.translate(
            "BackupsPage", "the listing took longer than allowed"
        ),
        "read_timeout": QCoreApplication.translate("BackupsPage", "the host stopped answering"),
        "dropped": QCoreApplication.translate("BackupsPage", "the connection broke off"),
        "no_exit_status": QCoreApplication.translate(
            "BackupsPage", "the command ended without an exit status"
        ),
        CANCELLED: QCoreApplication.translate("BackupsPage", "cancelled"),
    }
    return words.get(code)


def error_text(code: str, params: dict[str, str]) -> str:
    """What stopped a check (a host unreachable, a host key not accepted yet, …)."""
    words = outcome_words(code)
    if words is not None:
        return words
    try:
        return describe(SupportDeskError(code, **params))
    except (KeyError, IndexError, ValueError):  # words that need a value the check did not keep
        return " ".join([code, *(f"{k}={v}" for k, v in params.items())])


def detail_text(detail: str) -> str:
    """The listing's own reason, in the user's language where we know it."""
    detail = " ".join(detail.split())
    missing = "no such directory: "
    if detail.startswith(missing):
        return QCoreApplication.translate("BackupsPage", "there is no directory {path}").format(
            path=detail[len(missing) :]
        )
    if detail.startswith("the dump does not end with "):
        return QCoreApplication.translate(
            "BackupsPage", "the dump does not end the way a complete dump does"
        )
    return detail or QCoreApplication.translate("BackupsPage", "no reason given")


def reason_text(params: dict[str, str]) -> str:
    if "error" in params:
        rest = {k: v for k, v in params.items() if k != "error"}
        return error_text(params["error"], rest)
    return detail_text(params.get("detail", ""))


def finding_text(finding: Finding, kind: str | None = None) -> str:
    """One finding of a backup check in words (`kind`: the job's kind, for how its soundness
    was checked)."""
    p = finding.params
    code = finding.code
    if code == "unreadable":
        return QCoreApplication.translate(
            "BackupsPage", "Could not read the backups: {reason}"
        ).format(reason=reason_text(p))
    if code == "none":
        return QCoreApplication.translate("BackupsPage", "No backups found")
    if code in ("fresh", "stale"):
        text = (
            QCoreApplication.translate(
                "BackupsPage", "Newest backup {age} h old ({newest}) — within the schedule"
            )
            if code == "fresh"
            else QCoreApplication.translate(
                "BackupsPage",
                "Newest backup {age} h old ({newest}) — more than the schedule allows",
            )
        )
        return text.format(age=p.get("age_hours", "?"), newest=when_text(p.get("newest", "")))
    if code == "deep":
        return QCoreApplication.translate(
            "BackupsPage", "Backups go back {days} days, to {oldest} ({required} required)"
        ).format(
            days=p.get("days", "?"),
            oldest=when_text(p.get("oldest", "")),
            required=p.get("required", "?"),
        )
    if code == "shallow":
        return QCoreApplication.translate(
            "BackupsPage", "Only {days} days of backups ({required} required), the oldest {oldest}"
        ).format(
            days=p.get("days", "?"),
            required=p.get("required", "?"),
            oldest=when_text(p.get("oldest", "")),
        )
    if code == "no_gap":
        return QCoreApplication.translate(
            "BackupsPage", "No gap between backups longer than the schedule allows"
        )
    if code == "gap":
        return QCoreApplication.translate(
            "BackupsPage", "Gap of {hours} h between {after} and {before}"
        ).format(
            hours=p.get("hours", "?"),
            after=when_text(p.get("after", "")),
            before=when_text(p.get("before", "")),
        )
    if code in ("size_ok", "shrunk"):
        text = (
            QCoreApplication.translate("BackupsPage", "Newest backup {size}, usually {usual}")
            if code == "size_ok"
            else QCoreApplication.translate(
                "BackupsPage", "Newest backup {size}, usually {usual} — less than half"
            )
        )
        return text.format(size=bytes_text(p.get("size", "")), usual=bytes_text(p.get("usual", "")))
    if code == "sound":
        if kind is not None and is_repository(kind):
            return QCoreApplication.translate("BackupsPage", "The repository's check passed")
        return QCoreApplication.translate(
            "BackupsPage", "The newest backup is complete and undamaged"
        )
    if code == "unsound":
        detail = detail_text(p.get("detail", ""))
        if kind is not None and is_repository(kind):
            return QCoreApplication.translate(
                "BackupsPage", "The repository's check failed: {detail}"
            ).format(detail=detail)
        return QCoreApplication.translate(
            "BackupsPage", "The newest backup is damaged or incomplete: {detail}"
        ).format(detail=detail)
    return " ".join([code, *(f"{k}={v}" for k, v in p.items())])


def problem_text(finding: Finding) -> str:
    """A failing finding in a few words, for the table."""
    p = finding.params
    words = {
        "unreadable": QCoreApplication.translate("BackupsPage", "could not read"),
        "none": QCoreApplication.translate("BackupsPage", "no backups"),
        "stale": QCoreApplication.translate("BackupsPage", "newest {age} h old"),
        "shallow": QCoreApplication.translate("BackupsPage", "only {days} days"),
        "gap": QCoreApplication.translate("BackupsPage", "gap of {hours} h"),
        "shrunk": QCoreApplication.translate("BackupsPage", "shrunk"),
        "unsound": QCoreApplication.translate("BackupsPage", "damaged"),
    }
    text = words.get(finding.code, finding.code)
    return text.format(
        age=p.get("age_hours", "?"), days=p.get("days", "?"), hours=p.get("hours", "?")
    )


def status_text(check: CheckRow | None) -> str:
    if check is None:
        return QCoreApplication.translate("BackupsPage", "never checked")
    if check.passed:
        return QCoreApplication.translate("BackupsPage", "✔ passed")
    failing = [f for f in check.findings if not f.ok]
    gaps = [f for f in failing if f.code == "gap"]
    problems = [problem_text(f) for f in failing if f.code != "gap" or len(gaps) == 1]
    if len(gaps) > 1:
        problems.append(
            QCoreApplication.translate("BackupsPage", "{count} gaps").format(count=len(gaps))
        )
    joint = QCoreApplication.translate("BackupsPage", ", ")
    return QCoreApplication.translate("BackupsPage", "✘ failed: {problems}").format(
        problems=joint.join(problems)
    )


def result_text(check: CheckRow) -> str:
    if check.outcome == CANCELLED:
        return QCoreApplication.translate("BackupsPage", "– cancelled")
    if check.passed:
        return QCoreApplication.translate("BackupsPage", "✔ passed")
    return QCoreApplication.translate("BackupsPage", "✘ failed")


def outcome_text(check: CheckRow) -> str:
    """How the check went: checked to the end, or what stopped it."""
    if check.outcome == "checked":
        return QCoreApplication.translate("BackupsPage", "checked")
    stopped = next((f for f in check.findings if f.code == "unreadable"), None)
    params = {k: v for k, v in (stopped.params if stopped else {}).items() if k != "error"}
    return error_text(check.outcome, params)


def schedule_text(hours: int) -> str:
    if hours == 24:
        return QCoreApplication.translate("BackupsPage", "every day")
    if hours % 24 == 0:
        return QCoreApplication.translate("BackupsPage", "every {days} days ({hours} h)").format(
            days=hours // 24, hours=hours
        )
    return QCoreApplication.translate("BackupsPage", "every {hours} h").format(hours=hours)


def no_edit_text() -> str:
    return QCoreApplication.translate(
        "BackupsPage", "Only engineers, the group leader and the administrator set up backup jobs."
    )


def no_check_text() -> str:
    return QCoreApplication.translate(
        "BackupsPage", "Only engineers, the group leader and the administrator check backups."
    )


def no_drill_text() -> str:
    return QCoreApplication.translate(
        "BackupsPage",
        "Only engineers, the group leader and the administrator run restore drills.",
    )


def no_setup_text() -> str:
    return QCoreApplication.translate(
        "BackupsPage",
        "Only engineers, the group leader and the administrator set up backups on a host "
        "(under a planned change).",
    )


def locked_text() -> str:
    return QCoreApplication.translate(
        "BackupsPage",
        "Open the vault first (on the Vault page): the hosts' credentials and the "
        "repositories' passwords are there.",
    )


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listing:
    rows: list[JobRow]
    verdicts: dict[int, CheckRow]  # job id → its newest check that was not cancelled

    def verdict(self, job: JobRow) -> CheckRow | None:
        return self.verdicts.get(job.id)


@dataclass(frozen=True, slots=True)
class People:
    """Who is signed in (what they may do), and everyone's name for the "checked by"."""

    user: UserRow | None
    names: dict[str, str]

    def name(self, login: str) -> str:
        return self.names.get(login) or login


def load_people(session: Any) -> People:
    return People(users.current_user(session), {u.login: u.name for u in users.list_users(session)})


@dataclass(frozen=True, slots=True)
class History:
    job_id: int
    checks: list[CheckRow]
    drills: list[DrillRow]


@dataclass(frozen=True, slots=True)
class DrillLine:
    """One line of a restore drill's result: ✔ (True), ✘ (False) or plain (None)."""

    ok: bool | None
    text: str
    tip: str


def load_jobs(session: Any) -> Listing:
    """Every job with its verdict: the newest check that was not cancelled (the service
    leaves cancelled ones out: they found nothing)."""
    rows = backup.jobs(session)
    return Listing(rows, {row.id: row.last for row in rows if row.last is not None})


def load_history(session: Any, job_id: int) -> History:
    return History(job_id, backup.checks(session, job_id), backup.drills(session, job_id))


def _evidence_document(session: Any, digest: str) -> dict[str, Any]:
    return dict(json.loads(inspection.evidence_of(session, digest)))


# -- the jobs table -------------------------------------------------------------------------


class JobProxy(ChineseSortProxy):
    """The search over every column, and "needs attention only"."""

    def __init__(self, needs_attention: Callable[[JobRow], str | None], parent: Any) -> None:
        super().__init__(parent)
        self._needs_attention = needs_attention
        self.problems_only = False

    def set_problems_only(self, on: bool) -> None:
        self.beginFilterChange()
        self.problems_only = on
        self.endFilterChange()

    def filterAcceptsRow(  # noqa: N802
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not super().filterAcceptsRow(source_row, source_parent):
            return False
        if not self.problems_only:
            return True
        row = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        return isinstance(row, JobRow) and self._needs_attention(row) is not None


def _selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def _fit(view: QTableView, widest: int = 300) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


def _with_button(
    view: QTableView, button: QPushButton, leading: QPushButton | None = None
) -> QWidget:
    """A history table with its button under it, right-aligned, and another left (a tab's
    page)."""
    page = QWidget(view.parentWidget())
    bar = QHBoxLayout()
    if leading is not None:
        bar.addWidget(leading)
    bar.addStretch(1)
    bar.addWidget(button)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(view, 1)
    layout.addLayout(bar)
    return page


def _mark(ok: bool | None) -> str:
    return {True: "✔", False: "✘", None: ""}[ok]


def _line_colour(line: DrillLine) -> QColor | None:
    if line.ok is None:
        return None
    return PASSED_COLOUR if line.ok else FAILED_COLOUR


# -- the page -------------------------------------------------------------------------------


class BackupsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.people = People(None, {})
        self.listing = Listing([], {})
        self.history: History | None = None
        self._reveal: int | None = None  # select this job once the list arrives
        self._opening = False  # the dialog's choices are loading
        self._task: Task | None = None
        self._checking: list[JobRow] = []
        self._reveal_drill: int | None = None  # show this drill once the history arrives
        self.dialog: JobDialog | None = None  # the dialog open (for the tests)
        self.progress_dialog: CheckProgressDialog | None = None
        self.evidence_dialog: EvidenceDialog | None = None
        self.drill_dialog: DrillDialog | None = None
        self.setup_dialog: SetupDialog | None = None
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._build_detail()
        self._build_findings()
        self._build_history()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self._build_layout()
        ctx.events.registry_changed.connect(lambda _entity: self.refresh())
        ctx.vault.changed.connect(self._update_buttons)
        self._show_job(None)
        self._update_buttons()
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search customer, system, job, host or path…"))
        self.search.setClearButtonEnabled(True)
        self.problems_only = QCheckBox(self.tr("Needs attention only"), self)
        self.problems_only.setToolTip(
            self.tr(
                "Jobs whose last check failed, that were not checked for {days} days, or never."
            ).format(days=CHECK_STALE_DAYS)
        )
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

    def _build_actions(self) -> None:
        self.add_button = QPushButton(self.tr("Add job…"), self)
        self.edit_button = QPushButton(self.tr("Edit job…"), self)
        self.check_button = QPushButton(self.tr("Check selected"), self)
        self.check_all_button = QPushButton(self.tr("Check all shown"), self)
        self.setup_button = QPushButton(self.tr("Set up a backup…"), self)
        self.drill_button = QPushButton(self.tr("Restore drill…"), self)
        self.add_button.clicked.connect(self.add_job)
        self.edit_button.clicked.connect(self.edit_job)
        self.check_button.clicked.connect(self.check_selected)
        self.check_all_button.clicked.connect(self.check_shown)
        self.setup_button.clicked.connect(self.set_up_backup)
        self.drill_button.clicked.connect(self.drill_selected)

    def _build_table(self) -> None:
        colour = self._row_colour
        self.model: TipModel[JobRow] = TipModel(
            [
                Column(self.tr("Customer"), lambda j: j.customer, colour=colour),
                Column(self.tr("System"), lambda j: j.system, colour=colour),
                Column(self.tr("Job"), lambda j: j.name, colour=colour),
                Column(self.tr("Kind"), lambda j: kind_label(j.kind), colour=colour),
                Column(self.tr("Where"), lambda j: f"{j.host}:{j.path}", colour=colour),
                Column(self.tr("Every (h)"), lambda j: j.schedule_hours, colour=colour),
                Column(self.tr("Last check"), self._last_check_text, colour=colour),
                Column(self.tr("Status"), self._status_text, colour=colour),
            ],
            self._row_tip,
            self,
        )
        self.proxy = JobProxy(self.needs_attention, self)
        self.view = row_table(self.model, self, self.proxy, sortable=True)
        self.proxy.sort(-1)  # the service's order (customer, system, job) until a header click
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.edit_job())
        self.search.textChanged.connect(self._on_filter_changed)
        self.problems_only.toggled.connect(self._on_problems_only_toggled)

    def _build_detail(self) -> None:
        self.detail_box = QGroupBox(self.tr("The job"), self)
        self.heading = QLabel(self.detail_box)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.facts: dict[str, QLabel] = {}
        self._fact_form = QFormLayout()
        self._fact_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in (
            ("system", self.tr("System")),
            ("where", self.tr("Host and path")),
            ("kind", self.tr("Kind")),
            ("pattern", self.tr("Backup files")),
            ("schedule", self.tr("Schedule")),
            ("credential", self.tr("Repository password")),
            ("last", self.tr("Last check")),
        ):
            value = QLabel(self.detail_box)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._fact_form.addRow(caption, value)
            self.facts[key] = value
        fill_scrolled(self.detail_box, self.heading, self._fact_form)

    def _build_findings(self) -> None:
        def colour(f: Finding) -> QColor:
            return PASSED_COLOUR if f.ok else FAILED_COLOUR

        self.findings_model: TipModel[Finding] = TipModel(
            [
                Column("", lambda f: "✔" if f.ok else "✘", colour=colour),
                Column(self.tr("Finding"), self._finding_text, colour=colour),
            ],
            lambda f, _column: self._finding_text(f),
            self,
        )
        self.findings_view = row_table(self.findings_model, self, ChineseSortProxy(self))
        self.findings_view.model().sort(-1)
        self.findings_view.setWordWrap(True)
        self.findings_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.findings_view.horizontalHeader().hide()
        self.drill_lines_model: TipModel[DrillLine] = TipModel(
            [
                Column("", lambda line: _mark(line.ok), colour=_line_colour),
                Column(self.tr("Result"), lambda line: line.text, colour=_line_colour),
            ],
            lambda line, _column: line.tip,
            self,
        )
        self.drill_lines_view = row_table(self.drill_lines_model, self, ChineseSortProxy(self))
        self.drill_lines_view.model().sort(-1)
        self.drill_lines_view.setWordWrap(True)
        self.drill_lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.drill_lines_view.horizontalHeader().hide()
        self.findings_box = QGroupBox(self.tr("Findings"), self)
        # What the selected check found, or what the selected drill did (the tab below).
        self.result_stack = QStackedWidget(self.findings_box)
        self.result_stack.addWidget(self.findings_view)
        self.result_stack.addWidget(self.drill_lines_view)
        layout = QVBoxLayout(self.findings_box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.result_stack)

    def _build_history(self) -> None:
        def colour(c: CheckRow) -> QColor | None:
            return None if c.passed or c.outcome == CANCELLED else FAILED_COLOUR

        self.history_model: TipModel[CheckRow] = TipModel(
            [
                Column(self.tr("Checked at"), lambda c: local_time(c.checked_at), colour=colour),
                Column(self.tr("Result"), result_text, colour=colour),
                Column(self.tr("Outcome"), outcome_text, colour=colour),
                Column(
                    self.tr("Checked by"),
                    lambda c: self.people.name(c.checked_by),
                    colour=colour,
                ),
            ],
            lambda c, _column: "\n".join(
                [outcome_text(c), *(self._finding_text(f) for f in c.findings if not f.ok)]
            ),
            self,
        )
        self.history_view = row_table(self.history_model, self, ChineseSortProxy(self))
        self.history_view.model().sort(-1)  # newest first, as the service lists them
        self.history_view.selectionModel().selectionChanged.connect(
            self._on_history_selection_changed
        )
        self.evidence_button = QPushButton(self.tr("Evidence…"), self)
        self.evidence_button.clicked.connect(self.show_evidence)
        self.history_tabs = QTabWidget(self)
        self.history_tabs.addTab(
            _with_button(self.history_view, self.evidence_button), self.tr("Check history")
        )
        self._build_drills()
        self.history_tabs.addTab(
            _with_button(self.drills_view, self.drill_evidence_button, self.drill_button),
            self.tr("Restore drills"),
        )
        self.history_tabs.currentChanged.connect(self._on_history_tabs_current_changed)

    def _build_drills(self) -> None:
        def colour(d: DrillRow) -> QColor | None:
            return None if d.passed or d.detail == DRILL_CANCELLED else FAILED_COLOUR

        self.drills_model: TipModel[DrillRow] = TipModel(
            [
                Column(self.tr("Drilled at"), lambda d: local_time(d.drilled_at), colour=colour),
                Column(self.tr("Result"), drill_result_text, colour=colour),
                Column(self.tr("File"), lambda d: d.file, colour=colour),
                Column(
                    self.tr("Compared with"), lambda d: reference_label(d.reference), colour=colour
                ),
                Column(
                    self.tr("Drilled by"), lambda d: self.people.name(d.drilled_by), colour=colour
                ),
            ],
            lambda d, _column: "\n".join([self._drill_text(d), checksums_tip(d)]),
            self,
        )
        self.drills_view = row_table(self.drills_model, self, ChineseSortProxy(self))
        self.drills_view.model().sort(-1)  # newest first, as the service lists them
        self.drills_view.selectionModel().selectionChanged.connect(
            self._on_drills_selection_changed
        )
        self.drill_evidence_button = QPushButton(self.tr("Evidence…"), self)
        self.drill_evidence_button.clicked.connect(self.show_drill_evidence)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.problems_only)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.setup_button):
            actions.addWidget(button)
        actions.addSpacing(16)
        # The drill's button sits under the drill history: one more button here would make
        # the page wider than the main window's smallest size allows.
        for button in (self.check_button, self.check_all_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.findings_box)
        right.addWidget(self.history_tabs)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.detail_box)
        lower.addWidget(right)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        lower.setSizes([420, 680])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 390])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # -- what the table says ------------------------------------------------------------------

    def needs_attention(self, job: JobRow) -> str | None:
        """Why the job needs attention: "failed", "stale" (not checked for a week), "never"
        (checked), or None."""
        verdict = self.listing.verdict(job)
        if verdict is None:
            return "never"
        if not verdict.passed:
            return "failed"
        if self.now() - verdict.checked_at > timedelta(days=CHECK_STALE_DAYS):
            return "stale"
        return None

    def _row_colour(self, job: JobRow) -> QColor | None:
        attention = self.needs_attention(job)
        if attention == "failed":
            return FAILED_COLOUR
        return STALE_COLOUR if attention is not None else None

    def _last_check_text(self, job: JobRow) -> str:
        verdict = self.listing.verdict(job)
        return local_time(verdict.checked_at) if verdict is not None else ""

    def _status_text(self, job: JobRow) -> str:
        return status_text(self.listing.verdict(job))

    def _finding_text(self, finding: Finding) -> str:
        job = self.selected()
        return finding_text(finding, job.kind if job is not None else None)

    def _row_tip(self, job: JobRow, column: int) -> str | None:
        verdict = self.listing.verdict(job)
        lines: list[str] = []
        if column == 4:
            lines.append(f"{job.host}:{job.path}")
        attention = self.needs_attention(job)
        if attention == "never":
            lines.append(
                self.tr("Never checked: nothing proves yet that these backups can be restored.")
            )
        elif attention == "stale" and verdict is not None:
            days = (self.now() - verdict.checked_at).days
            lines.append(self.tr("Last checked {days} days ago: check it again.").format(days=days))
        elif verdict is not None and not verdict.passed:
            lines += [finding_text(f, job.kind) for f in verdict.findings if not f.ok]
        return "\n".join(lines) or None

    def _summary_text(self) -> str:
        rows = self.listing.rows
        states = [self.needs_attention(j) for j in rows]
        return self.tr(
            "Jobs: {count} · failing: {failed} · not checked for {days} days: {stale} · "
            "never checked: {never}"
        ).format(
            count=len(rows),
            failed=states.count("failed"),
            stale=states.count("stale"),
            days=CHECK_STALE_DAYS,
            never=states.count("never"),
        )

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load_people, on_done=self._on_people_loaded, on_error=self._on_load_failed,
            latest=(id(self), "people"),
        )  # fmt: skip
        self.refresh_jobs()

    def refresh_jobs(self) -> None:
        self._ctx.tasks.read(
            load_jobs, on_done=self._on_jobs_loaded, on_error=self._on_load_failed,
            latest=(id(self), "jobs"),
        )  # fmt: skip

    def _load_history(self, job_id: int) -> None:
        self._ctx.tasks.read(
            load_history, job_id, on_done=self._on_history_loaded,
            on_error=self._on_load_failed, latest=(id(self), "history"),
        )  # fmt: skip

    def _on_load_failed(self, error: BaseException) -> None:
        self.fail(error)

    def _on_people_loaded(self, people: People) -> None:
        self.people = people
        for history in (self.history_model, self.drills_model):
            if history.rowCount():  # the "checked by" and "drilled by" names
                last = history.index(history.rowCount() - 1, history.columnCount() - 1)
                history.dataChanged.emit(history.index(0, 0), last)
        self._update_buttons()

    def _on_jobs_loaded(self, listing: Listing) -> None:
        wanted = self._reveal
        self._reveal = None
        previous = wanted if wanted is not None else self._selected_id()
        self.listing = listing
        self.model.set_rows(listing.rows)
        _fit(self.view)
        self.summary.setText(self._summary_text())
        if previous is not None and not self._select(previous) and wanted is not None:
            # The job just saved is hidden by the search or the filter: clear them.
            self.search.clear()
            self.problems_only.setChecked(False)
            self._select(wanted)
        self._show_job(self.selected())
        self._update_buttons()

    def _on_history_loaded(self, history: History) -> None:
        if history.job_id != self._selected_id():
            return  # the selection moved on meanwhile
        kept = self.selected_check()
        self.history = history
        self.history_model.set_rows(history.checks)
        _fit(self.history_view, 200)
        wanted = kept.id if kept is not None else None
        proxy = self.history_view.model()
        rows = [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]
        position = next((i for i, c in enumerate(rows) if c.id == wanted), 0)
        if rows:
            self.history_view.selectRow(position)
        else:
            self._show_findings(None)
        self.history_tabs.setTabText(
            CHECKS_TAB, self.tr("Check history ({count})").format(count=len(history.checks))
        )
        self._show_drills(history.drills)
        self._update_buttons()

    def _show_drills(self, drills: list[DrillRow]) -> None:
        """The drill history; the drill just run (revealed: its tab shown), or the one that
        was selected, stays selected."""
        wanted, self._reveal_drill = self._reveal_drill, None
        kept = self.selected_drill()
        self.drills_model.set_rows(drills)
        _fit(self.drills_view, 260)
        proxy = self.drills_view.model()
        ids = [proxy.index(r, 0).data(ROW_ROLE).id for r in range(proxy.rowCount())]
        chosen = wanted if wanted is not None else kept.id if kept is not None else None
        if ids:
            self.drills_view.selectRow(ids.index(chosen) if chosen in ids else 0)
        else:
            self._show_drill(None)
        self.history_tabs.setTabText(
            DRILLS_TAB, self.tr("Restore drills ({count})").format(count=len(drills))
        )
        if wanted is not None and wanted in ids:
            self.history_tabs.setCurrentIndex(DRILLS_TAB)

    # -- selection --------------------------------------------------------------------------

    def selected(self) -> JobRow | None:
        found = _selected(self.view)
        return found if isinstance(found, JobRow) else None

    def _selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def shown(self) -> list[JobRow]:
        """The jobs the table shows, in its order."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def _select(self, job_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            found = index.data(ROW_ROLE)
            if isinstance(found, JobRow) and found.id == job_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        return False

    def selected_check(self) -> CheckRow | None:
        found = _selected(self.history_view)
        return found if isinstance(found, CheckRow) else None

    def selected_drill(self) -> DrillRow | None:
        found = _selected(self.drills_view)
        return found if isinstance(found, DrillRow) else None

    def _on_view_selection_changed(self, *_args: object) -> None:
        self._show_job(self.selected())
        self._update_buttons()

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._after_filter()

    def _on_problems_only_toggled(self, on: bool) -> None:
        self.proxy.set_problems_only(on)
        self._after_filter()

    def _after_filter(self) -> None:
        if self.selected() is None:
            self._show_job(None)
        self._update_buttons()

    def _on_history_selection_changed(self, *_args: object) -> None:
        self._show_findings(self.selected_check())
        self._update_buttons()

    def _on_drills_selection_changed(self, *_args: object) -> None:
        self._show_drill(self.selected_drill())
        self._update_buttons()

    def _on_history_tabs_current_changed(self, _index: int) -> None:
        self._sync_result_box()
        self._update_buttons()

    def _show_job(self, job: JobRow | None) -> None:
        values = dict.fromkeys(self.facts, "")
        if job is None:
            self.heading.setText(self.tr("Select a job to see its checks."))
            self.history = None
            self.history_model.set_rows([])
            self.drills_model.set_rows([])
            self.history_tabs.setTabText(CHECKS_TAB, self.tr("Check history"))
            self.history_tabs.setTabText(DRILLS_TAB, self.tr("Restore drills"))
            self._show_findings(None)
            self._show_drill(None)
        else:
            self.heading.setText(job.name)
            repository = is_repository(job.kind)
            verdict = self.listing.verdict(job)
            values.update(
                system=f"{job.customer} · {job.system}",
                where=f"{job.host}:{job.path}",
                kind=kind_label(job.kind),
                pattern="" if repository else job.pattern,
                schedule=self.tr(
                    "{schedule}; a backup more than {late} h after the one before counts as missed"
                ).format(
                    schedule=schedule_text(job.schedule_hours),
                    late=allowed_gap_hours(job.schedule_hours),
                ),
                credential=self.tr("vault credential {name}").format(name=job.credential)
                if job.credential
                else "",
                last=(
                    self.tr("{at} by {who}: {status}").format(
                        at=local_time(verdict.checked_at),
                        who=self.people.name(verdict.checked_by),
                        status=status_text(verdict),
                    )
                    if verdict is not None
                    else status_text(None)
                ),
            )
            if self.history is None or self.history.job_id != job.id:
                self.history = None
                self.history_model.set_rows([])
                self.drills_model.set_rows([])
                self._show_findings(None)
                self._show_drill(None)
            self._load_history(job.id)
        for key, label in self.facts.items():
            label.setText(values[key])
        self._fact_form.setRowVisible(self.facts["pattern"], bool(values["pattern"]))
        self._fact_form.setRowVisible(self.facts["credential"], bool(values["credential"]))

    def _show_findings(self, check: CheckRow | None) -> None:
        self.findings_model.set_rows(list(check.findings) if check is not None else [])
        self.findings_view.resizeColumnToContents(0)
        self.findings_view.resizeRowsToContents()
        self._sync_result_box()

    def _show_drill(self, drill: DrillRow | None) -> None:
        job = self.selected()
        host = job.host if job is not None else ""
        tip = checksums_tip(drill) if drill is not None else ""
        lines = drill_lines(drill, host) if drill is not None else []
        self.drill_lines_model.set_rows([DrillLine(ok, text, tip) for ok, text in lines])
        self.drill_lines_view.resizeColumnToContents(0)
        self.drill_lines_view.resizeRowsToContents()
        self._sync_result_box()

    def _sync_result_box(self) -> None:
        """The box above the tabs says what the selected check found, or (the drills' tab
        shown) what the selected drill did."""
        if self.history_tabs.currentIndex() == DRILLS_TAB:
            self.result_stack.setCurrentWidget(self.drill_lines_view)
            drill = self.selected_drill()
            self.findings_box.setTitle(
                self.tr("Restore drill at {at}").format(at=local_time(drill.drilled_at))
                if drill is not None
                else self.tr("Restore drill")
            )
            return
        self.result_stack.setCurrentWidget(self.findings_view)
        check = self.selected_check()
        self.findings_box.setTitle(
            self.tr("Findings of the check at {at}").format(at=local_time(check.checked_at))
            if check is not None
            else self.tr("Findings")
        )

    def _drill_text(self, drill: DrillRow) -> str:
        job = self.selected()
        return drill_text(drill, job.host if job is not None else "")

    # -- permissions ------------------------------------------------------------------------

    def may(self, permission: Permission) -> bool:
        user = self.people.user
        return user is not None and user.active and allows(Role(user.role), permission)

    def _why_not_edit(self, selection: bool) -> str | None:
        if not self.may(Permission.REGISTRY_EDIT):
            return no_edit_text()
        if self._opening:
            return self.tr("Loading the systems and hosts…")
        if selection and self.selected() is None:
            return self.tr("Select a job first.")
        return None

    def _why_not_check(self, selection: bool) -> str | None:
        if not self.may(Permission.INSPECT):
            return no_check_text()
        if self._task is not None:
            return self.tr("A check is running.")
        if self._ctx.vault.opened is None:
            return locked_text()
        if selection and self.selected() is None:
            return self.tr("Select a job first.")
        if not selection and not self.shown():
            return self.tr("No jobs are shown.")
        return None

    def _why_not_drill(self) -> str | None:
        if not self.may(Permission.INSPECT):
            return no_drill_text()
        if self.drill_dialog is not None:
            return self.tr("A restore drill is open: finish or close it first.")
        if self._ctx.vault.opened is None:
            return locked_text()
        if self.selected() is None:
            return self.tr("Select a job first.")
        return None

    def _why_not_setup(self) -> str | None:
        if not (self.may(Permission.CHANGE_EDIT) and self.may(Permission.REGISTRY_EDIT)):
            return no_setup_text()
        if self._opening:
            return self.tr("Loading the systems and hosts…")
        if self._ctx.vault.opened is None:
            return self.tr(
                "Open the vault first (on the Vault page): the host's credential is there."
            )
        return None

    def _why_not_evidence(self) -> str | None:
        if not self.may(Permission.INSPECT):
            return self.tr(
                "Only engineers, the group leader and the administrator see what a host said."
            )
        check = self.selected_check()
        if check is None:
            return self.tr("Select a check in the history first.")
        if check.evidence_sha256 is None:
            return self.tr("This check kept no evidence.")
        return None

    def _why_not_drill_evidence(self) -> str | None:
        if not self.may(Permission.INSPECT):
            return self.tr(
                "Only engineers, the group leader and the administrator see what a host said."
            )
        drill = self.selected_drill()
        if drill is None:
            return self.tr("Select a drill in the history first.")
        if drill.evidence_sha256 is None:
            return self.tr("This drill kept no evidence.")
        return None

    def _update_buttons(self) -> None:
        for button, why, tip in (
            (
                self.add_button,
                self._why_not_edit(selection=False),
                self.tr("Add a backup job to a system: where its backups are and how often."),
            ),
            (
                self.edit_button,
                self._why_not_edit(selection=True),
                self.tr("Correct the selected job."),
            ),
            (
                self.check_button,
                self._why_not_check(selection=True),
                self.tr("List and judge the selected job's backups on its host, over SSH."),
            ),
            (
                self.check_all_button,
                self._why_not_check(selection=False),
                self.tr("Check every job the table shows, one after another."),
            ),
            (
                self.evidence_button,
                self._why_not_evidence(),
                self.tr("What the host said in the selected check, and the command it ran."),
            ),
            (
                self.setup_button,
                self._why_not_setup(),
                self.tr(
                    "Where a customer has no backup: install a daily backup on a host of the "
                    "system, under a planned change, and add the jobs that check it."
                ),
            ),
            (
                self.drill_button,
                self._why_not_drill(),
                self.tr(
                    "Restore one file of the selected job's backups on its host and compare "
                    "its checksum: proof that the backups can be restored."
                ),
            ),
            (
                self.drill_evidence_button,
                self._why_not_drill_evidence(),
                self.tr("What the host said in the selected drill, and the command it ran."),
            ),
        ):
            button.setEnabled(why is None)
            button.setToolTip(why or tip)

    # -- status -----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        say(self.status, text)

    def fail(self, error: BaseException) -> None:
        fail(self._ctx, self.status, error)

    # -- adding and editing -----------------------------------------------------------------

    def add_job(self) -> None:
        if self._why_not_edit(selection=False) is None:
            self._open_dialog(None)

    def edit_job(self) -> None:
        job = self.selected()
        if job is not None and self._why_not_edit(selection=True) is None:
            self._open_dialog(job)

    def _open_dialog(self, job: JobRow | None) -> None:
        self._opening = True
        self._update_buttons()
        preferred = self.selected()
        self._ctx.tasks.read(
            load_choices,
            on_done=lambda choices: self._on_choices_loaded(
                choices, job, preferred.system_id if preferred is not None else None
            ),
            on_error=self._on_choices_failed,
        )

    def _on_choices_failed(self, error: BaseException) -> None:
        self._opening = False
        self._update_buttons()
        self.fail(error)

    def _on_choices_loaded(
        self, choices: Choices, job: JobRow | None, preferred: int | None
    ) -> None:
        self._opening = False
        self._update_buttons()
        if not choices.systems:
            self.say(self.tr("Add a system first (Projects and systems)."))
            return
        dialog = JobDialog(self._ctx, choices, job, preferred_system=preferred, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        self.dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def _on_saved(self, job: object) -> None:
        if isinstance(job, JobRow):
            self._reveal = job.id
            self.say(self.tr("Saved the backup job {name}.").format(name=job.name))
        self.refresh_jobs()

    # -- checking ---------------------------------------------------------------------------

    def check_selected(self) -> None:
        job = self.selected()
        if job is not None and self._why_not_check(selection=True) is None:
            self._check([job])

    def check_shown(self) -> None:
        if self._why_not_check(selection=False) is None:
            self._check(self.shown())

    def _check(self, jobs: Sequence[JobRow]) -> None:
        opened = self._ctx.vault.opened
        if opened is None or self._task is not None or not jobs:
            return
        uow, make_shell = self._ctx.tasks.uow, self._ctx.remote_shell
        ids, names = [j.id for j in jobs], names_of(jobs)

        def body(task: TaskContext) -> list[CheckRow]:
            task.progress(0, len(ids), names[0])

            def report(done: int, total: int) -> None:
                task.progress(done, total, names[done] if done < total else "")

            return backup.check_jobs(
                uow, make_shell(), opened, ids, progress=report, cancel=task.cancel_event
            )

        task = Task(body, "backup check")
        task.signals.progress.connect(self._on_task_progress)
        task.signals.done.connect(self._on_task_done)
        self._task, self._checking = task, list(jobs)
        dialog = CheckProgressDialog(len(ids), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.cancel_requested.connect(self.cancel)
        dialog.show_progress(0, len(ids), names[0])
        self.progress_dialog = dialog
        dialog.show()
        self.say(self.tr("Checking backups ({count} to check)…").format(count=len(ids)))
        self._ctx.tasks.start(task, "remote", on_done=self._on_checked, on_error=self.fail)
        self._update_buttons()

    def _on_task_progress(self, done: int, total: int, label: str) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.show_progress(done, total, label)
        if done:
            self.refresh_jobs()  # each result is saved as it comes: show it now

    def _on_checked(self, results: list[CheckRow]) -> None:
        total = len(self._checking)
        finished = [c for c in results if c.outcome != CANCELLED]
        passed = sum(c.passed for c in finished)
        text = self.tr("Checked {checked}: {passed} passed, {failed} failed.").format(
            checked=len(finished), passed=passed, failed=len(finished) - passed
        )
        if self._task is not None and self._task.context.cancelled:
            text = self.tr(
                "Cancelled after {checked} of {total} jobs; the job being checked was recorded "
                "as cancelled, the rest were not checked."
            ).format(checked=len(finished), total=total)
        self.say(text)

    def _on_task_done(self) -> None:
        self._task, self._checking = None, []
        dialog, self.progress_dialog = self.progress_dialog, None
        if dialog is not None:
            dialog.finish()
        self.refresh_jobs()
        self._update_buttons()

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            if self.progress_dialog is not None:
                self.progress_dialog.stopping()
            self.say(self.tr("Cancelling: the job being checked stops within seconds…"))

    # -- evidence ---------------------------------------------------------------------------

    def show_evidence(self) -> None:
        check, job = self.selected_check(), self.selected()
        if check is None or job is None or self._why_not_evidence() is not None:
            return
        self._ctx.tasks.read(
            _evidence_document, check.evidence_sha256 or "",
            on_done=lambda doc: self._open_evidence(f"{job.host} · {job.name}", doc),
            on_error=self.fail,
        )  # fmt: skip

    def _open_evidence(self, title: str, doc: dict[str, Any]) -> None:
        dialog = EvidenceDialog(title, doc, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.evidence_dialog = dialog
        dialog.open()

    # -- restore drills ---------------------------------------------------------------------

    def drill_selected(self) -> None:
        job = self.selected()
        if job is None or self._why_not_drill() is not None:
            return
        dialog = DrillDialog(self._ctx, job, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.drilled.connect(lambda drill: self._on_drilled(job, drill))
        dialog.finished.connect(self._on_drill_dialog_finished)
        self.drill_dialog = dialog
        dialog.show()  # not modal: the page can be read while a drill runs
        self._update_buttons()

    def _on_drilled(self, job: JobRow, drill: object) -> None:
        if not isinstance(drill, DrillRow):
            return
        first = drill_text(drill, job.host).split("\n", 1)[0]
        self.say(self.tr("Restore drill of {job}: {result}").format(job=job.name, result=first))
        if self._selected_id() == job.id:
            self._reveal_drill = drill.id
            self._load_history(job.id)

    def _on_drill_dialog_finished(self, _result: int) -> None:
        self.drill_dialog = None
        self._update_buttons()

    def show_drill_evidence(self) -> None:
        drill, job = self.selected_drill(), self.selected()
        if drill is None or job is None or self._why_not_drill_evidence() is not None:
            return
        self._ctx.tasks.read(
            _evidence_document, drill.evidence_sha256 or "",
            on_done=lambda doc: self._open_evidence(f"{job.host} · {job.name}", doc),
            on_error=self.fail,
        )  # fmt: skip

    # -- setting a backup up ----------------------------------------------------------------

    def set_up_backup(self) -> None:
        if self._why_not_setup() is not None:
            return
        self._opening = True
        self._update_buttons()
        preferred = self.selected()
        self._ctx.tasks.read(
            load_choices,
            on_done=lambda choices: self._on_setup_choices_loaded(
                choices, preferred.system_id if preferred is not None else None
            ),
            on_error=self._on_choices_failed,
        )

    def _on_setup_choices_loaded(self, choices: Choices, preferred: int | None) -> None:
        self._opening = False
        self._update_buttons()
        if not choices.systems:
            self.say(self.tr("Add a system first (Projects and systems)."))
            return
        existing: dict[int, list[str]] = {}
        for job in self.listing.rows:
            existing.setdefault(job.system_id, []).append(job.name)
        dialog = SetupDialog(
            self._ctx, choices, preferred_system=preferred, existing=existing, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_set_up)
        self.setup_dialog = dialog
        dialog.open()

    def _on_set_up(self, jobs: object) -> None:
        if isinstance(jobs, list) and jobs and isinstance(jobs[0], JobRow):
            first: JobRow = jobs[0]
            self._reveal = first.id
            self.say(
                self.tr(
                    "The backup is set up on {host} and the change recorded as executed; "
                    "from now on these jobs check it: {names}."
                ).format(
                    host=first.host,
                    names=self.tr(", ").join(j.name for j in jobs if isinstance(j, JobRow)),
                )
            )
        self.refresh_jobs()
