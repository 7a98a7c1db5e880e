"""The change log (issue 8, R3.2): every change to a handed-over system, searched as you type,
by system, or only those executed without notice (flagged in red, the emergency reason in the
tooltip); the selected change in full with its customer notices and its archive (files and
commits, verified against their SHA-256 and the audit chain); the actions that plan, notify,
execute, cancel and archive, each disabled with the reason why; and what runs where (the
pinned versions)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.changes import (
    ArtifactKind,
    ArtifactRow,
    ChangeDetail,
    ChangeRow,
    ChangeState,
    NoticeChannel,
    NoticeRow,
    PinnedVersion,
)
from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.registry import SystemRow, UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.reports.change_notice import state_label
from supportdesk.services import changes, registry, users
from supportdesk.services.changes import SUPERVISORS
from supportdesk.services.files import write_beside
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import (
    ArtifactFileDialog,
    ChangeDialog,
    ChangeWriteDialog,
    CommitDialog,
    ExecutedDialog,
    NoticeDialog,
    channel_label,
    kind_label,
    local_time,
    notice_given_text,
    person_label,
    reference,
    schedule_text,
)
from supportdesk.ui.dialogs.handover_package_dialog import size_text
from supportdesk.ui.models.row_model import ROW_ROLE, ChineseSortProxy, Column, Index, RowModel
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.scrolled import fill_scrolled
from supportdesk.ui.widgets.status_line import ERROR_STYLE, fail, say
from supportdesk.ui.widgets.table import row_table

T = TypeVar("T")
FLAGGED_COLOUR = QColor(255, 205, 210)  # executed without notice (R3.2)
FAILED_COLOUR = QColor(255, 205, 210)  # an archived file that no longer verifies
FLAGGED_TEXT = QColor(198, 40, 40)
PENDING_REFRESH_MS = 30_000  # while a mailed notice is queued, look again now and then


def no_permission_text() -> str:
    return QCoreApplication.translate(
        "ChangesPage",
        "Only engineers, the group leader and the administrator record changes.",
    )


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NoticeState:
    """What the table says about a change's customer notice."""

    told: bool
    queued: int  # mail copies not yet accepted by the mail server


@dataclass(frozen=True, slots=True)
class Lookups:
    """Who is signed in, the systems and the people: what the filters and dialogs offer."""

    user: UserRow | None
    systems: list[SystemRow]
    people: list[UserRow]

    def may(self, permission: Permission) -> bool:
        return (
            self.user is not None and self.user.active and allows(Role(self.user.role), permission)
        )

    @property
    def supervisors(self) -> list[UserRow]:
        """The after-sales group: who may supervise a change (R3.2)."""
        return [p for p in self.people if p.active and p.role in SUPERVISORS]

    def name(self, login: str) -> str:
        found = next((p for p in self.people if p.login == login), None)
        return person_label(found) if found is not None else login

    def short_name(self, login: str) -> str:
        """The person's name alone, for a table column (the login in its tooltip)."""
        found = next((p for p in self.people if p.login == login), None)
        return found.name if found is not None and found.name else login


@dataclass(frozen=True, slots=True)
class Listing:
    rows: list[ChangeRow]
    notices: dict[int, NoticeState]

    @property
    def queued(self) -> bool:
        return any(n.queued for n in self.notices.values())


@dataclass(frozen=True, slots=True)
class Shown:
    """The selected change in full, with each archived file's verification."""

    detail: ChangeDetail
    verified: dict[int, bool]


def load_lookups(session: Any) -> Lookups:
    return Lookups(
        users.current_user(session), registry.list_systems(session), users.list_users(session)
    )


def _notice_state(notices: Sequence[NoticeRow]) -> NoticeState:
    told = any(n.current for n in notices)
    queued = sum(
        n.pending for n in notices if n.channel == NoticeChannel.MAIL and n.given_at is None
    )
    return NoticeState(told, queued)


def load_changes(session: Any, system_id: int | None, text: str, flagged: bool) -> Listing:
    rows = changes.list_changes(session, system_id=system_id, text=text, flagged_only=flagged)
    return Listing(rows, {r.id: _notice_state(changes.notices(session, r.id)) for r in rows})


def load_detail(session: Any, change_id: int) -> Shown:
    detail = changes.detail(session, change_id)
    # Verifying reads every archived file: only worth it when there is something archived.
    verified = changes.verify_artifacts(session, change_id) if detail.artifacts else {}
    return Shown(detail, verified)


def _cancel(session: Any, change_id: int, version: int) -> ChangeRow:
    return changes.cancel(session, change_id, version)


def _save_copy(session: Any, artifact_id: int, path: Path) -> Path:
    _name, data = changes.artifact_data(session, artifact_id)  # checked against its SHA-256
    write_beside(path, data)
    return path


def _export(session: Any, path: Path, rows: list[ChangeRow]) -> Path:
    return changes.export_xlsx(session, path, rows)


# -- words ----------------------------------------------------------------------------------


def notice_text(state: NoticeState | None) -> str:
    if state is not None and state.told:
        return QCoreApplication.translate("ChangesPage", "told")
    if state is not None and state.queued:
        return QCoreApplication.translate("ChangesPage", "mail queued ({count})").format(
            count=state.queued
        )
    return QCoreApplication.translate("ChangesPage", "not told")


def flagged_tip(row: ChangeRow) -> str:
    return QCoreApplication.translate(
        "ChangesPage", "Executed without telling the customer first. Emergency reason: {reason}"
    ).format(reason=row.emergency_reason)


def artifacts_text(artifacts: Sequence[ArtifactRow], kinds: Sequence[str]) -> str:
    return "; ".join(
        f"{a.name} {reference(a)}" if a.kind != ArtifactKind.COMMIT else reference(a)
        for a in artifacts
        if a.kind in kinds
    )


def artifacts_tip(artifacts: Sequence[ArtifactRow]) -> str:
    return "\n".join(f"{kind_label(a.kind)}: {a.name} {a.sha256 or a.commit}" for a in artifacts)


# -- a table model with tooltips --------------------------------------------------------------


class TipModel(RowModel[T]):
    """Rows with a tooltip of their own (`tip(row, column)`)."""

    def __init__(
        self,
        columns: Sequence[Column[T]],
        tip: Callable[[T, int], str | None],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._tip = tip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = super().data(index, ROW_ROLE)
            return self._tip(row, index.column()) if row is not None else None
        return super().data(index, role)


def _selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def _fit(view: QTableView, widest: int = 320) -> None:
    """Columns as wide as their contents, none wider than `widest` (the tooltip or the
    detail has the rest)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > widest:
            header.resizeSection(column, widest)


# -- the page -------------------------------------------------------------------------------


class ChangesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.lookups = Lookups(None, [], [])
        self.listing = Listing([], {})
        self.shown: Shown | None = None  # the selected change's detail, once loaded
        self._detail_of: int | None = None  # the change whose detail is shown or loading
        self._reveal: int | None = None  # select this change once the list arrives
        self.dialog: ChangeWriteDialog | None = None  # the dialog open (for the tests)
        self.chooser: QFileDialog | None = None
        self.exporting = False
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._build_detail()
        self._build_notices()
        self._build_archive()
        self._build_versions()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self._build_layout()
        self.timer = QTimer(self)
        self.timer.setInterval(PENDING_REFRESH_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()
        ctx.events.registry_changed.connect(lambda _entity: self.refresh())
        ctx.events.reminders_ran.connect(self.refresh_changes)  # mails may have gone out
        self._show_detail(None)
        self._update_buttons()
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search title, reason, scope, impact, people, customer or system…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh_changes())
        self.system = QComboBox(self)
        # Long system names must not widen the page: the popup shows them in full.
        self.system.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.system.setMinimumContentsLength(14)
        self.system.addItem(self.tr("All systems"), None)
        self.system.currentIndexChanged.connect(lambda _i: self.refresh_changes())
        self.flagged_only = QCheckBox(self.tr("Executed without notice only"), self)
        self.flagged_only.toggled.connect(lambda _on: self.refresh_changes())
        self.export_button = QPushButton(self.tr("Export XLSX…"), self)
        self.export_button.clicked.connect(self.export)

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("New change…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.notify_button = QPushButton(self.tr("Tell the customer…"), self)
        self.executed_button = QPushButton(self.tr("Mark executed…"), self)
        self.cancel_button = QPushButton(self.tr("Cancel change…"), self)
        self.new_button.clicked.connect(self.new_change)
        self.edit_button.clicked.connect(self.edit_change)
        self.notify_button.clicked.connect(self.tell_customer)
        self.executed_button.clicked.connect(self.mark_executed)
        self.cancel_button.clicked.connect(self.cancel_change)

    def _flag_colour(self, row: ChangeRow) -> QColor | None:
        return FLAGGED_COLOUR if row.without_notice else None

    def _row_tip(self, row: ChangeRow, column: int) -> str | None:
        if row.without_notice:
            return flagged_tip(row)
        if column == 5 and not row.under_maintenance:
            return self.tr("Not under maintenance: no customer notice is required.")
        if column == 3:
            return row.title
        return None

    def _build_table(self) -> None:
        colour = self._flag_colour
        self.model: TipModel[ChangeRow] = TipModel(
            [
                Column(
                    self.tr("Planned start"), lambda r: local_time(r.planned_start), colour=colour
                ),
                Column(self.tr("Customer"), lambda r: r.customer, colour=colour),
                Column(self.tr("System"), lambda r: r.system, colour=colour),
                Column(self.tr("Title"), lambda r: r.title, colour=colour),
                Column(self.tr("State"), self._state_text, colour=colour),
                Column(
                    self.tr("Customer notice"),
                    lambda r: notice_text(self.listing.notices.get(r.id)),
                    colour=colour,
                ),
            ],
            self._row_tip,
            self,
        )
        self.view = row_table(self.model, self, sortable=True)
        # The title takes the room left; the other columns fit their contents.
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.proxy = self.view.model()
        # Newest first, as the service lists them (the sort is stable within a minute).
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(lambda _index: self.edit_change())

    def _state_text(self, row: ChangeRow) -> str:
        if row.without_notice:
            return self.tr("{state}, flagged").format(state=state_label(row.state))
        return state_label(row.state)

    def _build_detail(self) -> None:
        self.detail_box = QGroupBox(self.tr("The change"), self)
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
            ("state", self.tr("State")),
            ("flag", self.tr("Flagged")),
            ("schedule", self.tr("Planned")),
            ("reason", self.tr("Reason")),
            ("scope", self.tr("Scope")),
            ("impact", self.tr("Possible impact")),
            ("rollback", self.tr("Rollback plan")),
            ("executor", self.tr("Executor")),
            ("supervisor", self.tr("Supervisor")),
            ("notice", self.tr("Customer notice")),
        ):
            value = QLabel(self.detail_box)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self._fact_form.addRow(caption, value)
            self.facts[key] = value
        self.facts["flag"].setStyleSheet(ERROR_STYLE)
        fill_scrolled(self.detail_box, self.heading, self._fact_form)

    def _build_notices(self) -> None:
        self.notices_model: TipModel[NoticeRow] = TipModel(
            [
                Column(self.tr("Channel"), lambda n: channel_label(n.channel)),
                Column(self.tr("To whom"), lambda n: n.to_whom),
                Column(self.tr("Told at"), notice_given_text),
                Column(self.tr("Recorded by"), lambda n: self.lookups.short_name(n.recorded_by)),
                Column(self.tr("Note"), lambda n: n.note),
            ],
            lambda n, _column: "\n".join(
                part for part in (n.to_whom, n.note, self.lookups.name(n.recorded_by)) if part
            ),
            self,
        )
        self.notices_view = row_table(self.notices_model, self, ChineseSortProxy(self))
        self.notices_box = QGroupBox(self.tr("Customer notices"), self)
        layout = QVBoxLayout(self.notices_box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.notices_view)

    def _verified_text(self, row: ArtifactRow) -> str:
        ok = self.shown.verified.get(row.id) if self.shown is not None else None
        if ok is None:
            return ""
        return self.tr("✔ verified") if ok else self.tr("✘ does not verify")

    def _verified_colour(self, row: ArtifactRow) -> QColor | None:
        ok = self.shown.verified.get(row.id) if self.shown is not None else None
        return FAILED_COLOUR if ok is False else None

    def _build_archive(self) -> None:
        colour = self._verified_colour
        self.archive_model: TipModel[ArtifactRow] = TipModel(
            [
                Column(self.tr("Kind"), lambda a: kind_label(a.kind), colour=colour),
                Column(self.tr("Name"), lambda a: a.name, colour=colour),
                Column(self.tr("SHA-256 or commit"), reference, colour=colour),
                Column(
                    self.tr("Size"),
                    lambda a: size_text(a.size) if a.sha256 is not None else "",
                    colour=colour,
                ),
                Column(self.tr("Verified"), self._verified_text, colour=colour),
                Column(
                    self.tr("Added by"),
                    lambda a: self.lookups.short_name(a.added_by),
                    colour=colour,
                ),
            ],
            lambda a, _column: f"{a.sha256 or a.commit}\n{self.lookups.name(a.added_by)}",
            self,
        )
        self.archive_view = row_table(self.archive_model, self, ChineseSortProxy(self))
        header = self.archive_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name
        self.archive_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.archive_file_button = QPushButton(self.tr("Archive file…"), self)
        self.archive_commit_button = QPushButton(self.tr("Archive commit…"), self)
        self.save_copy_button = QPushButton(self.tr("Save a copy…"), self)
        self.archive_file_button.clicked.connect(self.archive_file)
        self.archive_commit_button.clicked.connect(self.archive_commit)
        self.save_copy_button.clicked.connect(self.save_copy)
        self.archive_box = QGroupBox(self.tr("Archive: changed source and database scripts"), self)
        bar = QHBoxLayout()
        bar.addStretch(1)
        for button in (
            self.archive_file_button,
            self.archive_commit_button,
            self.save_copy_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self.archive_box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.archive_view, 1)
        layout.addLayout(bar)

    def _build_versions(self) -> None:
        self.versions_model: TipModel[PinnedVersion] = TipModel(
            [
                Column(self.tr("Customer"), lambda p: p.customer),
                Column(self.tr("System"), lambda p: p.system),
                Column(self.tr("Change"), lambda p: f"{p.change_id} · {p.title}"),
                Column(self.tr("Executed at"), lambda p: local_time(p.executed_at)),
                Column(
                    self.tr("Source or commit"),
                    lambda p: artifacts_text(
                        p.artifacts, (ArtifactKind.SOURCE, ArtifactKind.COMMIT)
                    ),
                ),
                Column(
                    self.tr("Database scripts"),
                    lambda p: artifacts_text(p.artifacts, (ArtifactKind.SCRIPT,)),
                ),
            ],
            lambda p, _column: artifacts_tip(p.artifacts),
            self,
        )
        self.versions_view = row_table(self.versions_model, self, sortable=True)
        self.versions_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.versions_view.doubleClicked.connect(self._on_versions_view_double_clicked)
        self.versions = QWidget(self)
        layout = QVBoxLayout(self.versions)
        explained = QLabel(
            self.tr(
                "What runs on each system: its newest executed change that archived source, "
                "a commit or scripts. Double-click a row to see the change."
            ),
            self.versions,
        )
        explained.setWordWrap(True)
        layout.addWidget(explained)
        layout.addWidget(self.versions_view, 1)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.system, 2)
        filters.addWidget(self.flagged_only)
        filters.addWidget(self.export_button)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.notify_button,
            self.executed_button,
            self.cancel_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.notices_box)
        right.addWidget(self.archive_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.detail_box)
        lower.addWidget(right)
        lower.setStretchFactor(0, 2)
        lower.setStretchFactor(1, 3)
        lower.setSizes([440, 660])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 390])
        split.setChildrenCollapsible(False)
        log = QWidget(self)
        log_layout = QVBoxLayout(log)
        log_layout.addLayout(filters)
        log_layout.addLayout(actions)
        log_layout.addWidget(split, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(log, self.tr("Change log"))
        self.tabs.addTab(self.versions, self.tr("Running versions"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Everything: who may do what, the systems and people, the list, the detail."""
        self._ctx.tasks.read(
            load_lookups, on_done=self._on_lookups_loaded, on_error=self._on_load_failed,
            latest=(id(self), "lookups"),
        )  # fmt: skip
        self.refresh_changes()
        if self.tabs.currentWidget() is self.versions:
            self.refresh_versions()

    def refresh_changes(self) -> None:
        """The list for the search and filters as they are now; never blocks the typing."""
        self._ctx.tasks.read(
            load_changes, self.system.currentData(), self.search.text(),
            self.flagged_only.isChecked(),
            on_done=self._on_changes_loaded, on_error=self._on_load_failed,
            latest=(id(self), "changes"),
        )  # fmt: skip

    def refresh_versions(self) -> None:
        self._ctx.tasks.read(
            changes.pinned_versions, on_done=self._on_versions_loaded,
            on_error=self._on_load_failed, latest=(id(self), "versions"),
        )  # fmt: skip

    def _load_detail(self, change_id: int) -> None:
        self._ctx.tasks.read(
            load_detail, change_id, on_done=self._on_detail_loaded,
            on_error=self._on_load_failed, latest=(id(self), "detail"),
        )  # fmt: skip

    def _on_timer_timeout(self) -> None:
        if self.isVisible() and self.listing.queued:
            self.refresh_changes()

    def _on_load_failed(self, error: BaseException) -> None:
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)
            return
        self.fail(error)

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.lookups = lookups
        chosen = self.system.currentData()
        offered = [self.system.itemData(i) for i in range(1, self.system.count())]
        if offered != [s.id for s in lookups.systems]:
            self.system.blockSignals(True)
            try:
                self.system.clear()
                self.system.addItem(self.tr("All systems"), None)
                for s in lookups.systems:
                    self.system.addItem(f"{s.customer} · {s.name}", s.id)
                found = self.system.findData(chosen)
                self.system.setCurrentIndex(max(found, 0))
            finally:
                self.system.blockSignals(False)
            if chosen is not None and found < 0:
                self.refresh_changes()  # the system chosen is gone
        self._update_buttons()

    def _filtered(self) -> bool:
        return bool(
            self.search.text().strip()
            or self.system.currentData() is not None
            or self.flagged_only.isChecked()
        )

    def _on_changes_loaded(self, listing: Listing) -> None:
        wanted = self._reveal
        previous = wanted if wanted is not None else self._selected_id()
        shown = self._detail_of
        self._reveal = None
        if wanted is not None and self._filtered() and all(r.id != wanted for r in listing.rows):
            # The change just saved is hidden by the search or a filter: clear them.
            self.reveal(wanted)
            return
        self.listing = listing
        self.model.set_rows(listing.rows)
        _fit(self.view)
        self.tabs.setTabText(0, self.tr("Change log ({count})").format(count=len(listing.rows)))
        if previous is not None:
            self._select(previous)
        current = self.selected()
        if current is None:
            self._show_detail(None)
        elif current.id == shown:
            # The same change as before (after a write, say): its notices and archive may
            # have changed. A newly selected one is loaded by the selection handler.
            self._load_detail(current.id)
        self._update_buttons()

    def _on_detail_loaded(self, shown: Shown) -> None:
        current = self.selected()
        if current is None or shown.detail.change.id != current.id:
            return  # the selection moved on meanwhile
        self._show_detail(shown)
        self._update_buttons()

    def _on_versions_loaded(self, pinned: list[PinnedVersion]) -> None:
        self.versions_model.set_rows(pinned)
        _fit(self.versions_view, 360)

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.versions:
            self.refresh_versions()

    def _on_versions_view_double_clicked(self, index: QModelIndex) -> None:
        pinned = index.data(ROW_ROLE)
        if isinstance(pinned, PinnedVersion):
            self.reveal(pinned.change_id)

    def reveal(self, change_id: int) -> None:
        """Show the change log with this change selected (the filters cleared, which may
        hide it)."""
        self.tabs.setCurrentIndex(0)
        self._reveal = change_id
        for widget in (self.search, self.system, self.flagged_only):
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.system.setCurrentIndex(0)
            self.flagged_only.setChecked(False)
        finally:
            for widget in (self.search, self.system, self.flagged_only):
                widget.blockSignals(False)
        self.refresh_changes()

    # -- selection --------------------------------------------------------------------------

    def selected(self) -> ChangeRow | None:
        found = _selected(self.view)
        return found if isinstance(found, ChangeRow) else None

    def _selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def _select(self, change_id: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            found = index.data(ROW_ROLE)
            if isinstance(found, ChangeRow) and found.id == change_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        return False

    def selected_artifact(self) -> ArtifactRow | None:
        found = _selected(self.archive_view)
        return found if isinstance(found, ArtifactRow) else None

    def _on_view_selection_changed(self, *_args: object) -> None:
        row = self.selected()
        if row is None:
            self._show_detail(None)
        elif row.id != self._detail_of:
            self._show_detail(None)  # never another change's notices under this one
            self._detail_of = row.id
            self.heading.setText(f"{row.id} · {row.title}")
            self._load_detail(row.id)
        self._update_buttons()

    def _show_detail(self, shown: Shown | None) -> None:
        self.shown = shown
        values: dict[str, str] = dict.fromkeys(self.facts, "")
        if shown is None:
            self._detail_of = None
            self.heading.setText(self.tr("Select a change to see it in full."))
            self.notices_model.set_rows([])
            self.archive_model.set_rows([])
        else:
            detail = shown.detail
            c = detail.change
            self._detail_of = c.id
            self.heading.setText(f"{c.id} · {c.title}")
            maintained = (
                self.tr("under maintenance")
                if c.under_maintenance
                else self.tr("not under maintenance")
            )
            state = state_label(c.state)
            if c.executed_at is not None:
                state = self.tr("{state} at {at}").format(state=state, at=local_time(c.executed_at))
            values.update(
                system=self.tr("{customer} · {system} ({maintenance})").format(
                    customer=c.customer, system=c.system, maintenance=maintained
                ),
                state=state,
                flag=flagged_tip(c) if c.without_notice else "",
                schedule=schedule_text(c),
                reason=c.reason,
                scope=c.scope,
                impact=c.impact,
                rollback=c.rollback,
                executor=c.executor,
                supervisor=self.lookups.name(c.supervisor),
                notice=self._notice_summary(detail),
            )
            self.notices_model.set_rows(list(detail.notices))
            _fit(self.notices_view, 220)
            self.archive_model.set_rows(list(detail.artifacts))
            _fit(self.archive_view, 260)
        for key, label in self.facts.items():
            label.setText(values[key])
        self._fact_form.setRowVisible(self.facts["flag"], bool(values["flag"]))
        self.notices_box.setTitle(
            self.tr("Customer notices ({count})").format(count=len(shown.detail.notices))
            if shown is not None and shown.detail.notices
            else self.tr("Customer notices")
        )

    def _notice_summary(self, detail: ChangeDetail) -> str:
        state = _notice_state(detail.notices)
        if state.told:
            given = [n for n in detail.notices if n.current][-1]
            return self.tr("Told by {channel}: {who}, {when}").format(
                channel=channel_label(given.channel),
                who=given.to_whom,
                when=local_time(given.given_at),
            )
        if state.queued:
            return self.tr(
                "Mail queued: it counts once the mail server has accepted every copy "
                "({count} not yet)."
            ).format(count=state.queued)
        if any(n.given_at is not None for n in detail.notices):
            return self.tr(
                "Told before the schedule, scope, impact or duration changed: tell the "
                "customer again."
            )
        if detail.change.state != ChangeState.PLANNED:
            return self.tr("Not told.")
        if detail.change.under_maintenance:
            return self.tr("Not told yet: required before the change (R3.2).")
        return self.tr("Not told (not required: the system is not under maintenance).")

    # -- permissions ------------------------------------------------------------------------

    def _why_not_write(self, need: str = "planned") -> str | None:
        """Why the change actions are off. `need`: "none" (a new change), "planned" (edit,
        notify, execute, cancel) or "open" (archive: a planned or executed change)."""
        if not self.lookups.may(Permission.CHANGE_EDIT):
            return no_permission_text()
        if need == "none":
            if not self.lookups.systems:
                return self.tr("Add a system first (Projects and systems).")
            return None
        row = self.selected()
        if row is None:
            return self.tr("Select a change first.")
        if need == "planned" and row.state != ChangeState.PLANNED:
            return self.tr("This change is {state}: only a planned change can be changed.").format(
                state=state_label(row.state)
            )
        if need == "open" and row.state == ChangeState.CANCELLED:
            return self.tr("This change was cancelled: there is nothing to archive.")
        return None

    def _why_not_execute(self) -> str | None:
        why = self._why_not_write()
        if why is None and (
            self.shown is None or self.shown.detail.change.id != self._selected_id()
        ):
            return self.tr("The change is loading…")
        return why

    def _why_not_copy(self) -> str | None:
        artifact = self.selected_artifact()
        if artifact is None:
            return self.tr("Select an archived file first.")
        if artifact.sha256 is None:
            return self.tr("A commit is a reference: there is no file to save.")
        return None

    def _update_buttons(self) -> None:
        exporting = self.tr("Exporting…") if self.exporting else None
        for button, why, tip in (
            (
                self.new_button,
                self._why_not_write("none"),
                self.tr(
                    "Plan a change to a system: reason, scope, schedule, impact, rollback, "
                    "executor and supervisor."
                ),
            ),
            (
                self.edit_button,
                self._why_not_write(),
                self.tr(
                    "Correct the planned change. Changing its schedule, scope, impact or "
                    "duration means telling the customer again."
                ),
            ),
            (
                self.notify_button,
                self._why_not_write(),
                self.tr(
                    "Record that the customer was told the schedule, possible impact, scope "
                    "and duration: by phone, or by mail from SupportDesk."
                ),
            ),
            (
                self.executed_button,
                self._why_not_execute(),
                self.tr("Record that the change was made, and when."),
            ),
            (self.cancel_button, self._why_not_write(), self.tr("Cancel the planned change.")),
            (
                self.archive_file_button,
                self._why_not_write("open"),
                self.tr(
                    "Archive the changed source (a file or an archive) or a database script; "
                    "it is kept by its SHA-256."
                ),
            ),
            (
                self.archive_commit_button,
                self._why_not_write("open"),
                self.tr("Archive the commit the change was built from."),
            ),
            (
                self.save_copy_button,
                self._why_not_copy(),
                self.tr("Save a copy of the archived file (checked against its SHA-256)."),
            ),
            (
                self.export_button,
                exporting
                or (None if self.listing.rows else self.tr("No changes are shown to export.")),
                self.tr("Save the changes shown as an Excel workbook."),
            ),
        ):
            button.setEnabled(why is None)
            button.setToolTip(why or tip)

    # -- status -----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        say(self.status, text)

    def fail(self, error: BaseException) -> None:
        fail(self._ctx, self.status, error)

    def _clear_status(self) -> None:
        self.status.clear()
        self.status.setStyleSheet("")
        self.status.hide()

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: ChangeWriteDialog, on_saved: Callable[[object], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(on_saved)
        self.dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def _on_written(self, result: object) -> None:
        """After every write: the list again (keeping the selection) and the detail."""
        self._clear_status()
        if isinstance(result, ChangeRow):
            self._reveal = result.id
        self.refresh_changes()
        if self.tabs.currentWidget() is self.versions:
            self.refresh_versions()

    def new_change(self) -> None:
        if self._why_not_write("none") is not None:
            return
        user = self.lookups.user
        me = user.login if user is not None and user.role in SUPERVISORS else None
        dialog = ChangeDialog(
            self._ctx,
            self.lookups.systems,
            self.lookups.supervisors,
            None,
            preferred_system=self.system.currentData(),
            me=me,
            parent=self,
        )
        self._open(dialog, self._on_written)

    def edit_change(self) -> None:
        row = self.selected()
        if row is None or self._why_not_write() is not None:
            return
        dialog = ChangeDialog(
            self._ctx, self.lookups.systems, self.lookups.supervisors, row, parent=self
        )
        self._open(dialog, self._on_written)

    def tell_customer(self) -> None:
        row = self.selected()
        if row is None or self._why_not_write() is not None:
            return
        self._open(NoticeDialog(self._ctx, row, self), self._on_notified)

    def _on_notified(self, notice: object) -> None:
        if isinstance(notice, NoticeRow) and notice.given_at is None:
            self._on_written(None)
            self.say(
                self.tr("The notice mail is queued: it counts once the mail server accepts it.")
            )
        else:
            self._on_written(None)

    def mark_executed(self) -> None:
        if self._why_not_execute() is not None or self.shown is None:
            return
        self._open(ExecutedDialog(self._ctx, self.shown.detail, self), self._on_written)

    def cancel_change(self) -> None:
        row = self.selected()
        if row is None or self._why_not_write() is not None:
            return
        text = self.tr(
            "Cancel change {id}, {title}, planned for {start} on {system}? A cancelled change "
            "stays in the log and cannot be executed."
        ).format(id=row.id, title=row.title, start=local_time(row.planned_start), system=row.system)
        if not confirm(self, self.tr("Cancel change"), text):
            return
        self.cancel_button.setEnabled(False)
        self._ctx.tasks.write(
            _cancel, row.id, row.version, on_done=self._on_written, on_error=self._on_write_failed
        )

    def _on_write_failed(self, error: BaseException) -> None:
        self.fail(error)
        self.refresh_changes()

    def archive_file(self) -> None:
        if self._why_not_write("open") is not None:
            return
        chooser = QFileDialog(self, self.tr("Archive a file of the change"))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilters(
            [
                self.tr("All files (*)"),
                self.tr("Database scripts (*.sql)"),
                self.tr("Archives (*.zip *.tar *.gz *.tgz *.7z *.rar)"),
            ]
        )
        chooser.fileSelected.connect(lambda path: self._open_file_dialog(Path(path)))
        self.chooser = chooser  # for the tests, and so it is not collected while open
        chooser.open()

    def _open_file_dialog(self, path: Path) -> None:
        row = self.selected()
        if row is None or self._why_not_write("open") is not None:
            return
        self._open(ArtifactFileDialog(self._ctx, row, path, self), self._on_archived)

    def archive_commit(self) -> None:
        row = self.selected()
        if row is None or self._why_not_write("open") is not None:
            return
        self._open(CommitDialog(self._ctx, row, self), self._on_archived)

    def _on_archived(self, artifact: object) -> None:
        self._on_written(None)
        if isinstance(artifact, ArtifactRow):
            self.say(
                self.tr("Archived {name} ({reference}).").format(
                    name=artifact.name, reference=reference(artifact)
                )
            )

    def save_copy(self) -> None:
        artifact = self.selected_artifact()
        if artifact is None or self._why_not_copy() is not None:
            return
        self.chooser = save_chooser(
            self,
            self._ctx,
            self.tr("Save a copy of {name}").format(name=artifact.name),
            artifact.name,
            lambda path: self._copy_to(artifact, path),
        )

    def _copy_to(self, artifact: ArtifactRow, path: Path) -> None:
        self.say(self.tr("Saving a copy of {name}…").format(name=artifact.name))
        self._ctx.tasks.read(
            _save_copy, artifact.id, path,
            on_done=lambda p: self.say(self.tr("Saved a copy: {path}").format(path=p)),
            on_error=self.fail,
        )  # fmt: skip

    def export(self) -> None:
        rows = self.listing.rows
        if not rows or self.exporting:
            return
        name = self.tr("change-log_{date}").format(date=self._ctx.today().isoformat())
        self.chooser = save_chooser(
            self,
            self._ctx,
            self.tr("Export the change log"),
            f"{name}.xlsx",
            lambda path: self._export_to(path, rows),
            name_filter=self.tr("Excel workbooks (*.xlsx)"),
            suffix="xlsx",
        )

    def _export_to(self, path: Path, rows: list[ChangeRow]) -> None:
        self.exporting = True
        self._update_buttons()
        self.say(self.tr("Exporting {count} changes to {path}…").format(count=len(rows), path=path))
        self._ctx.tasks.read(
            _export, path, rows, on_done=self._on_exported, on_error=self._on_export_failed
        )

    def _on_exported(self, path: Path) -> None:
        self.exporting = False
        self._update_buttons()
        self.say(self.tr("Exported: {path}").format(path=path))

    def _on_export_failed(self, error: BaseException) -> None:
        self.exporting = False
        self._update_buttons()
        self.fail(error)
