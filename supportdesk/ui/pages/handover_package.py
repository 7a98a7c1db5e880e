"""The handover package editor (issue 7, R1.2-R1.4), under the Handover page's timeline: a tab
per part (technical materials; outstanding issues, the page's own table; the external and the
internal boundary, with the FAQ and the emergency contacts) and the sign-off: what is still
missing, the exports for signature, the signed versions verified, amendments. A signed package
is frozen: its editors are disabled, saying why, until an amendment is under way.

One read loads everything the tabs show (PackageSnapshot); every change is one write, after
which the snapshot is read again, so the completeness list always follows the data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.faq import FaqRow as ManualRow
from supportdesk.domain.handover import (
    DEFAULT_CATEGORIES,
    MISSING,
    BoundaryForm,
    ContactLine,
    FaqRow,
    HandoverState,
    MaterialRow,
    PackageRow,
    SignOffRow,
    Timeline,
)
from supportdesk.domain.registry import add_months
from supportdesk.reports.handover_package import SHORT_SHA, category_label, file_stem
from supportdesk.services import faq as service_manual
from supportdesk.services import handover
from supportdesk.services.files import write_beside
from supportdesk.services.handover import SignatureCheck
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_dialogs import state_label
from supportdesk.ui.dialogs.faq_link_dialog import FaqLinkDialog
from supportdesk.ui.dialogs.handover_package_dialog import (
    AmendmentDialog,
    FaqDialog,
    MaterialDialog,
    SignOffDialog,
    hint,
    package_error_text,
    size_text,
)
from supportdesk.ui.i18n import resource_path
from supportdesk.ui.messages import missing_label
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.entity_panel import EntityPanel
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.status_line import ERROR_STYLE, show_load_error

FONT = "fonts/SupportDeskSansSC-Regular.ttf"
MISSING_TEXT = QColor(198, 40, 40)
READ_ONLY_STYLE = "QPlainTextEdit { background: palette(window); }"
FAILED_COLOUR = QColor(255, 205, 210)  # a signed version that does not verify
FROZEN_STYLE = "background: #fff3cd; color: #5d4200; border: 1px solid #e6c65c; padding: 6px;"
AMENDING_STYLE = "background: #e3f2fd; color: #0d3c61; border: 1px solid #90caf9; padding: 6px;"


def frozen_text() -> str:
    return QCoreApplication.translate(
        "HandoverPackageEditor", "Signed and frozen — start an amendment to change it."
    )


def no_permission_text() -> str:
    return QCoreApplication.translate(
        "HandoverPackageEditor",
        "Only engineers, the group leader and the administrator edit a handover package.",
    )


def verification_text(check: SignatureCheck | None) -> str:
    if check is None:
        return ""
    if check.ok:
        return QCoreApplication.translate("HandoverPackageEditor", "✔ verified")
    reasons = {
        "package_damaged": QCoreApplication.translate(
            "HandoverPackageEditor", "✘ the frozen package was changed"
        ),
        "scan_damaged": QCoreApplication.translate(
            "HandoverPackageEditor", "✘ the scan was changed"
        ),
        "not_in_chain": QCoreApplication.translate(
            "HandoverPackageEditor", "✘ not in the audit chain"
        ),
        "chain_broken": QCoreApplication.translate(
            "HandoverPackageEditor", "✘ the audit chain is broken"
        ),
        "mismatch": QCoreApplication.translate(
            "HandoverPackageEditor", "✘ does not match its record"
        ),
    }
    return reasons.get(check.reason or "", f"✘ {check.reason}")


def joined(codes: list[str]) -> str:
    """The completeness codes worded, as describe() joins them."""
    return QCoreApplication.translate("messages", ", ").join(missing_label(c) for c in codes)


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PackageSnapshot:
    """Everything the package tabs show for one project, read in one transaction."""

    project_id: int
    timeline: Timeline
    categories: tuple[str, ...]  # the team's required material categories
    materials: list[MaterialRow]
    package: PackageRow
    faqs: list[FaqRow]
    contacts: tuple[ContactLine, ...]  # the customer's emergency contacts
    missing: list[str]  # the completeness check's codes; empty: ready to sign
    signoffs: list[SignOffRow]
    checks: dict[int, SignatureCheck]  # by version number
    amendment: str | None  # the reason of the amendment under way
    stem: str  # the default export file name, without suffix
    # R2.2: the service manual entries linked to this handover (not part of the package)
    manual: list[ManualRow] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        return self.timeline.state is HandoverState.SIGNED

    @property
    def frozen(self) -> bool:
        return self.signed and self.amendment is None


def load_package(session: Any, project_id: int) -> PackageSnapshot:
    document = handover.document(session, project_id)
    signed = handover.signoffs(session, project_id)
    # Verifying walks the audit chain: only worth it once something was signed.
    checks = handover.verify_signoffs(session, project_id) if signed else []
    return PackageSnapshot(
        project_id,
        handover.timeline(session, project_id),
        handover.required_categories(session),
        handover.materials(session, project_id),
        handover.package(session, project_id),
        handover.faqs(session, project_id),
        document.contacts,
        handover.missing(session, project_id),
        signed,
        {c.version_no: c for c in checks},
        handover.amendment(session, project_id),
        file_stem(document),
        service_manual.linked_from(session, "handover", project_id),
    )


def _remove_material(session: Any, material_id: int) -> None:
    handover.remove_material(session, material_id)


def _delete_faq(session: Any, faq_id: int, version: int) -> None:
    handover.delete_faq(session, faq_id, version)


def _unlink_manual(session: Any, entry_id: int, project_id: int) -> None:
    service_manual.unlink(session, entry_id, "handover", project_id)


def _save_boundaries(session: Any, form: BoundaryForm) -> PackageRow:
    return handover.save_boundaries(session, form)


def _save_copy(session: Any, material_id: int, path: Path) -> Path:
    _name, data = handover.material_data(session, material_id)  # checked against its SHA-256
    write_beside(path, data, field="file")
    return path


def _export(
    session: Any, project_id: int, fmt: str, path: Path, font: Path, version_no: int | None
) -> Path:
    return handover.export(session, project_id, fmt, path, font, version_no)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def _text_editor(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 2 + 12)
    return edit


def _title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    bold = QFont(label.font())
    bold.setBold(True)
    label.setFont(bold)
    return label


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _plain_panel(title: str, columns: list[Column[Any]], parent: QWidget) -> EntityPanel:
    """A table without the panel's own buttons (the tab has buttons that know permissions),
    in the service's order."""
    panel = EntityPanel(title, columns, parent, searchable=False)
    for button in (panel.add_button, panel.edit_button, panel.delete_button):
        button.hide()
    if not title:
        panel.title.hide()
    panel.view.setSortingEnabled(False)
    panel.proxy.sort(-1)
    return panel


def _bar(*buttons: QPushButton) -> QHBoxLayout:
    bar = QHBoxLayout()
    bar.addStretch(1)
    for button in buttons:
        bar.addWidget(button)
    return bar


def _enable(button: QPushButton, why: str | None, tip: str) -> None:
    button.setEnabled(why is None)
    button.setToolTip(why or tip)


# -- part 1: technical materials ------------------------------------------------------------


class MaterialsTab(QWidget):
    """Part 1: the project's documents and files (stored by SHA-256) and the locations of
    what is not a file to hand over; which required categories are still empty."""

    def __init__(self, editor: HandoverPackageEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.table = _plain_panel(
            "",
            [
                Column(self.tr("Category"), lambda r: category_label(r.category)),
                Column(self.tr("Name"), lambda r: r.name),
                Column(
                    self.tr("Size or location"),
                    lambda r: size_text(r.size) if r.sha256 is not None else r.location,
                ),
                Column(self.tr("SHA-256"), lambda r: (r.sha256 or "")[:SHORT_SHA]),
                Column(self.tr("Note"), lambda r: r.note),
                Column(self.tr("Added by"), lambda r: r.added_by),
            ],
            self,
        )
        self.table.selection_changed.connect(lambda _row: self.update_controls())
        self.missing_line = QLabel(self)
        self.missing_line.setWordWrap(True)
        self.add_file_button = QPushButton(self.tr("Add file…"), self)
        self.add_location_button = QPushButton(self.tr("Add location…"), self)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.save_copy_button = QPushButton(self.tr("Save a copy…"), self)
        self.add_file_button.clicked.connect(self.add_file)
        self.add_location_button.clicked.connect(self.add_location)
        self.remove_button.clicked.connect(self.remove)
        self.save_copy_button.clicked.connect(self.save_copy)
        self.chooser: QFileDialog | None = None
        self.dialog: MaterialDialog | None = None
        self._reveal: int | None = None  # select this material once the list arrives
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing_line)
        layout.addLayout(
            _bar(
                self.add_file_button,
                self.add_location_button,
                self.remove_button,
                self.save_copy_button,
            )
        )

    def show_snapshot(self, snapshot: PackageSnapshot | None) -> None:
        if snapshot is None:
            self.table.set_rows([])
            self.missing_line.clear()
            return
        self.table.set_rows(snapshot.materials, keep=lambda r: r.id)
        if self._reveal is not None:
            self.table.reveal(lambda r: r.id, self._reveal)
            self._reveal = None
        empty = self.empty_categories()
        if empty:
            self.missing_line.setText(
                self.tr("Required, still empty: {categories}").format(
                    categories=QCoreApplication.translate("messages", ", ").join(
                        category_label(c) for c in empty
                    )
                )
            )
            self.missing_line.setStyleSheet(ERROR_STYLE)
        else:
            self.missing_line.setText(self.tr("✔ Every required category has a material."))
            self.missing_line.setStyleSheet("")

    def empty_categories(self) -> list[str]:
        snapshot = self.editor.snapshot
        if snapshot is None:
            return []
        present = {m.category for m in snapshot.materials}
        return [c for c in snapshot.categories if c not in present]

    def category_choices(self) -> list[tuple[str, str]]:
        """The team's required categories first, then the built-in ones, then any other the
        project already uses: (code, label)."""
        snapshot = self.editor.snapshot
        codes: list[str] = list(snapshot.categories) if snapshot is not None else []
        used = [m.category for m in snapshot.materials] if snapshot is not None else []
        for code in (*DEFAULT_CATEGORIES, *used):
            if code not in codes:
                codes.append(code)
        return [(code, category_label(code)) for code in codes]

    def update_controls(self) -> None:
        why = self.editor.why_not_edit()
        row: MaterialRow | None = self.table.selected()
        _enable(
            self.add_file_button,
            why,
            self.tr("Add a document or file of the project; it is kept by its SHA-256."),
        )
        _enable(
            self.add_location_button,
            why,
            self.tr(
                "Record where something lives that is not a file to hand over, such as a "
                "repository URL and commit."
            ),
        )
        _enable(
            self.remove_button,
            why or (self.tr("Select a material first.") if row is None else None),
            self.tr("Remove the selected material from the package."),
        )
        copy_why: str | None = None
        if row is None:
            copy_why = self.tr("Select a material first.")
        elif row.sha256 is None:
            copy_why = self.tr("This material is a location: there is no file to save.")
        _enable(self.save_copy_button, copy_why, self.tr("Save the stored file somewhere."))

    def add_file(self) -> None:
        if self.editor.why_not_edit() is not None:
            return
        chooser = QFileDialog(self, self.tr("Add a file to the package"))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda path: self._open_dialog(Path(path)))
        self.chooser = chooser  # for the tests, and so it is not collected while open
        chooser.open()

    def add_location(self) -> None:
        if self.editor.why_not_edit() is None:
            self._open_dialog(None)

    def _open_dialog(self, path: Path | None) -> None:
        project = self.editor.project
        if project is None or self.editor.why_not_edit() is not None:
            return
        empty = self.empty_categories()
        dialog = MaterialDialog(
            self.editor.ctx,
            project,
            self.category_choices(),
            empty[0] if empty else None,
            path,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_added)
        self.dialog = dialog
        dialog.open()

    def _on_added(self, row: object) -> None:
        if isinstance(row, MaterialRow):
            self._reveal = row.id
            self.editor.say(self.tr("Added {name}.").format(name=row.name))
        self.editor.reload()

    def remove(self) -> None:
        row: MaterialRow | None = self.table.selected()
        if row is None or self.editor.why_not_edit() is not None:
            return
        text = self.tr("Remove {name} ({category}) from the handover package?").format(
            name=row.name, category=category_label(row.category)
        )
        if confirm(self, self.tr("Remove material"), text):
            self.remove_button.setEnabled(False)
            self.editor.write(_remove_material, row.id)

    def save_copy(self) -> None:
        row: MaterialRow | None = self.table.selected()
        if row is None or row.sha256 is None:
            return
        self.chooser = save_chooser(
            self,
            self.editor.ctx,
            self.tr("Save a copy of {name}").format(name=row.name),
            row.name,
            lambda path: self._copy_to(row, path),
        )

    def _copy_to(self, row: MaterialRow, path: Path) -> None:
        self.editor.say(self.tr("Saving a copy of {name}…").format(name=row.name))
        self.editor.ctx.tasks.read(
            _save_copy, row.id, path,
            on_done=lambda p: self.editor.say(self.tr("Saved a copy: {path}").format(path=p)),
            on_error=self.editor.fail,
        )  # fmt: skip


# -- parts 3 and 4: the boundaries ----------------------------------------------------------


class MaintenancePeriod(QWidget):
    """The free maintenance period, or none yet: a check box enables both dates."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreed = QCheckBox(self.tr("From"), self)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.to = QLabel(self.tr("to"), self)
        self.none = QLabel(self.tr("No period yet."), self)
        self.agreed.toggled.connect(self._on_agreed_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.agreed)
        layout.addWidget(self.start)
        layout.addWidget(self.to)
        layout.addWidget(self.end)
        layout.addWidget(self.none)
        layout.addStretch(1)
        self._on_agreed_toggled(False)

    def _on_agreed_toggled(self, on: bool) -> None:
        for widget in (self.start, self.to, self.end):
            widget.setEnabled(on and self.agreed.isEnabled())
        self.none.setVisible(not on)
        self.changed.emit()

    def value(self) -> tuple[date | None, date | None]:
        if not self.agreed.isChecked():
            return None, None
        return _day(self.start), _day(self.end)

    def set_value(self, start: date | None, end: date | None, default_start: date) -> None:
        """`default_start` fills the dates offered when none is agreed yet (a year from it)."""
        first = start or default_start
        last = end or add_months(first, 12) - timedelta(days=1)
        self.start.setDate(_qdate(first))
        self.end.setDate(_qdate(last))
        self.agreed.setChecked(start is not None)
        self._on_agreed_toggled(start is not None)

    def set_editable(self, editable: bool, why: str | None) -> None:
        self.agreed.setEnabled(editable)
        for widget in (self.start, self.to, self.end):
            widget.setEnabled(editable and self.agreed.isChecked())
        self.setToolTip(why or "")


class ExternalBoundaryTab(QWidget):
    """Part 3: what the company maintains, what the customer does, the free maintenance period
    and what happens when it expires."""

    def __init__(self, editor: HandoverPackageEditor) -> None:
        super().__init__(editor)
        self.company = _text_editor(self)
        self.customer = _text_editor(self)
        self.expiry = _text_editor(self)
        self.period = MaintenancePeriod(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.save_button.clicked.connect(editor.save_boundaries)
        self.revert_button.clicked.connect(editor.revert_boundaries)
        for edit in (self.company, self.customer, self.expiry):
            edit.textChanged.connect(editor.update_boundary_controls)
        self.period.changed.connect(editor.update_boundary_controls)
        period_box = QVBoxLayout()
        period_box.addWidget(self.period)
        period_box.addWidget(
            hint(
                self.tr(
                    "Saving the period creates the free maintenance contract of each "
                    "production system, or moves it with the period."
                ),
                self,
            )
        )
        period_box.addStretch(1)
        grid = QGridLayout(self)
        grid.addWidget(_caption(self.tr("The company maintains"), self), 0, 0)
        grid.addWidget(_caption(self.tr("The customer does"), self), 0, 1)
        grid.addWidget(self.company, 1, 0)
        grid.addWidget(self.customer, 1, 1)
        grid.addWidget(_caption(self.tr("When maintenance expires"), self), 2, 0)
        grid.addWidget(_caption(self.tr("Free maintenance period"), self), 2, 1)
        grid.addWidget(self.expiry, 3, 0)
        grid.addLayout(period_box, 3, 1)
        grid.addLayout(_bar(self.revert_button, self.save_button), 4, 0, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)


class InternalBoundaryTab(QWidget):
    """Part 4: the work of after-sales and of the technical support departments, the
    project's FAQ, and the emergency contacts (the customer's, kept in the registry)."""

    def __init__(self, editor: HandoverPackageEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.after_sales = _text_editor(self)
        self.support = _text_editor(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.save_button.clicked.connect(editor.save_boundaries)
        self.revert_button.clicked.connect(editor.revert_boundaries)
        for edit in (self.after_sales, self.support):
            edit.textChanged.connect(editor.update_boundary_controls)
        self.dialog: FaqDialog | None = None
        self.link_dialog: FaqLinkDialog | None = None
        self._reveal: int | None = None
        self._reveal_manual: int | None = None
        self._build_faq()
        self._build_manual()
        self._build_contacts()
        self._build_layout()

    def _build_faq(self) -> None:
        self.faq = _plain_panel(
            "",
            [
                Column(self.tr("Question"), lambda r: r.question),
                Column(self.tr("Answer"), lambda r: " ".join(r.answer.split())),
            ],
            self,
        )
        self.faq.selection_changed.connect(lambda _row: self.update_controls())
        self.faq.edit_requested.connect(lambda _row: self.edit_faq())
        self.add_faq_button = QPushButton(self.tr("Add…"), self)
        self.edit_faq_button = QPushButton(self.tr("Edit…"), self)
        self.delete_faq_button = QPushButton(self.tr("Delete…"), self)
        self.add_faq_button.clicked.connect(self.add_faq)
        self.edit_faq_button.clicked.connect(self.edit_faq)
        self.delete_faq_button.clicked.connect(self.delete_faq)

    def _build_manual(self) -> None:
        # R2.2: entries of the service manual this handover refers to. Links are no part of
        # the signed package, so they stay open to change after sign-off.
        self.manual = _plain_panel(
            "",
            [
                Column(self.tr("Question"), lambda r: r.question),
                Column(self.tr("State"), lambda r: state_label(r.state)),
            ],
            self,
        )
        self.manual.selection_changed.connect(lambda _row: self.update_controls())
        self.link_button = QPushButton(self.tr("Link an entry…"), self)
        self.unlink_button = QPushButton(self.tr("Unlink…"), self)
        self.link_button.clicked.connect(self.link_manual)
        self.unlink_button.clicked.connect(self.unlink_manual)
        self.manual_hint = hint(
            self.tr(
                "On sign-off the questions above become draft manual entries, linked here. "
                "Links are not part of the signed package: they can change at any time."
            ),
            self,
        )

    def _build_contacts(self) -> None:
        self.contacts = _plain_panel(
            "",
            [
                Column(self.tr("Name"), lambda c: c.name),
                Column(self.tr("Role"), lambda c: c.role),
                Column(self.tr("Phone"), lambda c: c.phone),
                Column(self.tr("E-mail"), lambda c: c.email),
            ],
            self,
        )
        self.contacts_hint = hint(
            self.tr(
                "The customer's contacts marked as emergency contacts. Change them on the "
                "Customers page."
            ),
            self,
        )

    def _build_layout(self) -> None:
        # Left the two texts, right the two lists; titles rather than frames, for the room.
        scopes = QWidget(self)
        scopes_layout = QVBoxLayout(scopes)
        scopes_layout.setContentsMargins(0, 0, 0, 0)
        scopes_layout.addWidget(_caption(self.tr("Work of after-sales"), scopes))
        scopes_layout.addWidget(self.after_sales, 1)
        scopes_layout.addWidget(
            _caption(self.tr("Work of the technical support departments"), scopes)
        )
        scopes_layout.addWidget(self.support, 1)
        scopes_layout.addLayout(_bar(self.revert_button, self.save_button))
        faq_box = QWidget(self)
        faq_layout = QVBoxLayout(faq_box)
        faq_layout.setContentsMargins(0, 0, 0, 0)
        faq_layout.addWidget(_title(self.tr("Frequently asked questions"), faq_box))
        faq_layout.addWidget(self.faq, 1)
        faq_layout.addLayout(
            _bar(self.add_faq_button, self.edit_faq_button, self.delete_faq_button)
        )
        manual_box = QWidget(self)
        manual_layout = QVBoxLayout(manual_box)
        manual_layout.setContentsMargins(0, 0, 0, 0)
        manual_layout.addWidget(_title(self.tr("Service manual entries"), manual_box))
        manual_layout.addWidget(self.manual, 1)
        bar = QHBoxLayout()  # the note beside the buttons: the tab has little height to spare
        bar.addWidget(self.manual_hint, 1)
        bar.addWidget(self.link_button)
        bar.addWidget(self.unlink_button)
        manual_layout.addLayout(bar)
        contacts_box = QWidget(self)
        contacts_layout = QVBoxLayout(contacts_box)
        contacts_layout.setContentsMargins(0, 0, 0, 0)
        contacts_layout.addWidget(_title(self.tr("Emergency contacts"), contacts_box))
        contacts_layout.addWidget(self.contacts, 1)
        contacts_layout.addWidget(self.contacts_hint)
        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.addWidget(faq_box)
        lists.addWidget(manual_box)
        lists.addWidget(contacts_box)
        lists.setStretchFactor(0, 3)
        lists.setStretchFactor(1, 2)
        lists.setStretchFactor(2, 2)
        lists.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(scopes)
        split.addWidget(lists)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def show_snapshot(self, snapshot: PackageSnapshot | None) -> None:
        if snapshot is None:
            self.faq.set_rows([])
            self.manual.set_rows([])
            self.contacts.set_rows([])
            return
        self.faq.set_rows(snapshot.faqs, keep=lambda r: r.id)
        if self._reveal is not None:
            self.faq.reveal(lambda r: r.id, self._reveal)
            self._reveal = None
        self.manual.set_rows(snapshot.manual, keep=lambda r: r.id)
        if self._reveal_manual is not None:
            self.manual.reveal(lambda r: r.id, self._reveal_manual)
            self._reveal_manual = None
        self.contacts.set_rows(list(snapshot.contacts))

    def update_controls(self) -> None:
        why = self.editor.why_not_edit()
        none = self.tr("Select a question first.") if self.faq.selected() is None else None
        _enable(self.add_faq_button, why, self.tr("Add a question and its answer."))
        _enable(self.edit_faq_button, why or none, self.tr("Change the selected question."))
        _enable(self.delete_faq_button, why or none, self.tr("Delete the selected question."))
        why_link = self.why_not_link()
        none = self.tr("Select an entry first.") if self.manual.selected() is None else None
        _enable(
            self.link_button,
            why_link,
            self.tr("Link an entry of the service manual to this handover."),
        )
        _enable(
            self.unlink_button,
            why_link or none,
            self.tr("Unlink the selected entry; the entry stays in the manual."),
        )

    def why_not_link(self) -> str | None:
        """Links may change after sign-off (they are not part of the frozen package)."""
        if not self.editor.may_edit:
            return self.tr(
                "Only engineers, the group leader and the administrator link service manual "
                "entries."
            )
        if self.editor.snapshot is None:
            return self.editor.why_no_snapshot()
        return None

    def add_faq(self) -> None:
        self._open_dialog(None)

    def edit_faq(self) -> None:
        row: FaqRow | None = self.faq.selected()
        if row is not None:
            self._open_dialog(row)

    def _open_dialog(self, row: FaqRow | None) -> None:
        project = self.editor.project
        if project is None or self.editor.why_not_edit() is not None:
            return
        dialog = FaqDialog(self.editor.ctx, project, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_saved)
        self.dialog = dialog
        dialog.open()

    def _on_saved(self, row: object) -> None:
        if isinstance(row, FaqRow):
            self._reveal = row.id
        self.editor.reload()

    def delete_faq(self) -> None:
        row: FaqRow | None = self.faq.selected()
        if row is None or self.editor.why_not_edit() is not None:
            return
        text = self.tr("Delete the question “{question}” and its answer?").format(
            question=row.question
        )
        if confirm(self, self.tr("Delete question"), text):
            self.delete_faq_button.setEnabled(False)
            self.editor.write(_delete_faq, row.id, row.version)

    def link_manual(self) -> None:
        snapshot = self.editor.snapshot
        if snapshot is None or self.why_not_link() is not None:
            return
        dialog = FaqLinkDialog(
            self.editor.ctx, "handover", snapshot.project_id, [r.id for r in snapshot.manual], self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.linked.connect(self._on_linked)
        self.link_dialog = dialog
        dialog.open()

    def _on_linked(self, entry_id: int) -> None:
        self._reveal_manual = entry_id
        self.editor.reload()

    def unlink_manual(self) -> None:
        row: ManualRow | None = self.manual.selected()
        snapshot = self.editor.snapshot
        if row is None or snapshot is None or self.why_not_link() is not None:
            return
        text = self.tr(
            "Unlink the service manual entry “{question}” from this handover? The entry "
            "itself stays in the manual."
        ).format(question=row.question)
        if confirm(self, self.tr("Unlink entry"), text):
            self.unlink_button.setEnabled(False)
            self.editor.write(_unlink_manual, row.id, snapshot.project_id)


# -- sign-off -------------------------------------------------------------------------------


class SignOffTab(QWidget):
    """What is still missing (a tick when complete), the exports for signature, recording the
    signature, amendments, and the signed versions with their verification."""

    def __init__(self, editor: HandoverPackageEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.checklist = QListWidget(self)
        self.checklist.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.checklist.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Top to bottom, then in a next column: the whole list in view without scrolling.
        self.checklist.setFlow(QListWidget.Flow.TopToBottom)
        self.checklist.setWrapping(True)
        self.checklist.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.checklist.setSpacing(1)
        self.sign_button = QPushButton(self.tr("Record sign-off…"), self)
        self.amend_button = QPushButton(self.tr("Start amendment…"), self)
        self.sign_button.clicked.connect(self.record_signoff)
        self.amend_button.clicked.connect(self.start_amendment)
        self.export_which = QComboBox(self)
        self.export_which.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_which.setToolTip(
            self.tr("What the exports write: the package as it stands, or a signed version.")
        )
        self.export_docx_button = QPushButton(self.tr("Export DOCX…"), self)
        self.export_pdf_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_docx_button.clicked.connect(lambda: self.export("docx"))
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.exporting = False
        self.chooser: QFileDialog | None = None
        self.dialog: SignOffDialog | AmendmentDialog | None = None
        self._checks: dict[int, SignatureCheck] = {}
        self.versions = _plain_panel(
            self.tr("Signed versions"),
            [
                Column(self.tr("Version"), lambda r: r.version_no, colour=self._failed_colour),
                Column(self.tr("Signed on"), lambda r: r.signed_on, colour=self._failed_colour),
                Column(
                    self.tr("For the company"), lambda r: r.our_signers, colour=self._failed_colour
                ),
                Column(
                    self.tr("For the customer"),
                    lambda r: r.customer_signers,
                    colour=self._failed_colour,
                ),
                Column(self.tr("Reason"), lambda r: r.reason, colour=self._failed_colour),
                Column(
                    self.tr("Package SHA-256"),
                    lambda r: r.package_sha256[:SHORT_SHA],
                    colour=self._failed_colour,
                ),
                Column(
                    self.tr("Verification"),
                    lambda r: verification_text(self._checks.get(r.version_no)),
                    colour=self._failed_colour,
                ),
                Column(self.tr("Recorded by"), lambda r: r.recorded_by, colour=self._failed_colour),
            ],
            self,
        )
        self._build_layout()

    def _build_layout(self) -> None:
        complete = QVBoxLayout()
        complete.addWidget(_title(self.tr("Completeness"), self))
        complete.addWidget(self.summary)
        complete.addWidget(self.checklist, 1)
        actions = QGroupBox(self.tr("Signature and export"), self)
        grid = QGridLayout(actions)
        grid.addWidget(self.sign_button, 0, 0)
        grid.addWidget(self.amend_button, 0, 1)
        grid.addWidget(self.export_which, 1, 0, 1, 2)
        grid.addWidget(self.export_docx_button, 2, 0)
        grid.addWidget(self.export_pdf_button, 2, 1)
        grid.setRowStretch(3, 1)
        top = QHBoxLayout()
        top.addLayout(complete, 1)  # the list flows into columns: it gets the width
        top.addWidget(actions)
        split = QSplitter(Qt.Orientation.Vertical, self)
        upper = QWidget(split)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        split.addWidget(upper)
        split.addWidget(self.versions)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def _failed_colour(self, row: SignOffRow) -> QColor | None:
        check = self._checks.get(row.version_no)
        return FAILED_COLOUR if check is not None and not check.ok else None

    def show_snapshot(self, snapshot: PackageSnapshot | None) -> None:
        self.checklist.clear()
        if snapshot is None:
            self.summary.clear()
            self._checks = {}
            self.versions.set_rows([])
            self.export_which.clear()
            return
        codes = [f"material:{c}" for c in snapshot.categories] + list(MISSING)
        codes += [c for c in snapshot.missing if c not in codes]  # one the UI does not know
        gaps = set(snapshot.missing)
        for code in codes:
            item = QListWidgetItem(f"{'✘' if code in gaps else '✔'} {missing_label(code)}")
            if code in gaps:
                item.setForeground(MISSING_TEXT)
            self.checklist.addItem(item)
        if gaps:
            self.summary.setText(
                self.tr("{count} of {total} still missing before the package can be signed.")
                .format(count=len(gaps), total=len(codes))
            )  # fmt: skip
            self.summary.setStyleSheet(ERROR_STYLE)
        else:
            self.summary.setText(self.tr("✔ The package is complete."))
            self.summary.setStyleSheet("")
        self._checks = dict(snapshot.checks)
        self.versions.set_rows(snapshot.signoffs, keep=lambda r: r.version_no)
        self._fill_export_choices(snapshot)

    def _fill_export_choices(self, snapshot: PackageSnapshot) -> None:
        previous = self.export_which.currentData() if self.export_which.count() else None
        self.export_which.clear()
        self.export_which.addItem(self.tr("The package as it stands"), None)
        for row in snapshot.signoffs:
            self.export_which.addItem(
                self.tr("Version {version} (signed {date})").format(
                    version=row.version_no, date=row.signed_on.isoformat()
                ),
                row.version_no,
            )
        # A frozen package is the last signed version; otherwise the draft for signature.
        wanted = previous
        if wanted is None and snapshot.frozen and snapshot.signoffs:
            wanted = snapshot.signoffs[-1].version_no
        index = self.export_which.findData(wanted) if wanted is not None else 0
        self.export_which.setCurrentIndex(max(index, 0))

    def why_not_sign(self) -> str | None:
        editor = self.editor
        if not editor.may_edit:
            return no_permission_text()
        snapshot = editor.snapshot
        if snapshot is None:
            return editor.why_no_snapshot()
        if snapshot.timeline.state in (HandoverState.PLANNED, HandoverState.JOINED):
            return self.tr("Record first that the handover has started.")
        if snapshot.frozen:
            return self.tr("Already signed: start an amendment to change the package first.")
        if snapshot.missing:
            return self.tr("The package is not complete yet. Missing: {missing}").format(
                missing=joined(snapshot.missing)
            )
        return None

    def why_not_amend(self) -> str | None:
        editor = self.editor
        if not editor.may_edit:
            return no_permission_text()
        snapshot = editor.snapshot
        if snapshot is None:
            return editor.why_no_snapshot()
        if not snapshot.signed:
            return self.tr("Only a signed package can be amended.")
        if snapshot.amendment is not None:
            return self.tr("An amendment is already under way.")
        return None

    def update_controls(self) -> None:
        _enable(
            self.sign_button,
            self.why_not_sign(),
            self.tr("Record the signed paper: who signed, when, and its scan."),
        )
        _enable(
            self.amend_button,
            self.why_not_amend(),
            self.tr("Open the signed package for changes; signing it again makes a new version."),
        )
        why = self.editor.why_no_snapshot() if self.editor.snapshot is None else None
        if why is None and self.exporting:
            why = self.tr("An export is under way.")
        self.export_which.setEnabled(self.editor.snapshot is not None)
        _enable(self.export_docx_button, why, self.tr("Save the package as a Word document."))
        _enable(self.export_pdf_button, why, self.tr("Save the package as a PDF."))

    # -- actions ----------------------------------------------------------------------------

    def record_signoff(self) -> None:
        snapshot = self.editor.snapshot
        if snapshot is None or self.why_not_sign() is not None:
            return
        dialog = SignOffDialog(self.editor.ctx, snapshot.timeline, snapshot.amendment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_signed)
        self.dialog = dialog
        dialog.open()

    def _on_signed(self, row: object) -> None:
        if isinstance(row, SignOffRow):
            self.editor.say(
                self.tr("Version {version} signed and recorded: the package is frozen.").format(
                    version=row.version_no
                )
            )
        self.export_which.clear()  # offer the new version
        # R1.4: the systems are under maintenance now; the handover list shows it signed.
        self.editor.ctx.events.registry_changed.emit("system")
        self.editor.reload()

    def start_amendment(self) -> None:
        snapshot = self.editor.snapshot
        if snapshot is None or self.why_not_amend() is not None:
            return
        dialog = AmendmentDialog(self.editor.ctx, snapshot.timeline, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_amendment_started)
        self.dialog = dialog
        dialog.open()

    def _on_amendment_started(self, _row: object) -> None:
        self.editor.say(self.tr("Amendment started: the package can be changed."))
        self.export_which.clear()
        self.editor.reload()

    def export(self, fmt: str) -> None:
        snapshot = self.editor.snapshot
        if snapshot is None or self.exporting:
            return
        version = self.export_which.currentData()
        stem = snapshot.stem + (f"_v{version}" if version is not None else "")
        self.chooser = save_chooser(
            self,
            self.editor.ctx,
            self.tr("Export the handover package"),
            f"{stem}.{fmt}",
            lambda path: self._export_to(snapshot.project_id, fmt, path, version),
            name_filter=self.tr("Word documents (*.docx)")
            if fmt == "docx"
            else self.tr("PDF files (*.pdf)"),
            suffix=fmt,
        )

    def _export_to(self, project_id: int, fmt: str, path: Path, version: int | None) -> None:
        self.exporting = True
        self.update_controls()
        self.editor.say(self.tr("Exporting to {path}…").format(path=path))
        self.editor.ctx.tasks.read(
            _export, project_id, fmt, path, resource_path(FONT), version,
            on_done=self._on_exported, on_error=self._on_export_failed,
        )  # fmt: skip

    def _on_exported(self, path: Path) -> None:
        self.exporting = False
        self.update_controls()
        self.editor.say(self.tr("Exported: {path}").format(path=path))

    def _on_export_failed(self, error: BaseException) -> None:
        self.exporting = False
        self.update_controls()
        self.editor.fail(error, reload=False)


# -- the editor -----------------------------------------------------------------------------


class TabScroller(QScrollArea):
    """A tab's page, filling the tab, that scrolls only when the window is smaller than the
    page's minimum, so a small window is not made larger by the package. (A resizable
    QScrollArea would size a page with wrapped labels by its preferred height: scroll bars at
    any window size.)"""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(page)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least, room = page.minimumSizeHint(), self.maximumViewportSize()
        width, height = max(room.width(), least.width()), max(room.height(), least.height())
        # A scroll bar in one direction takes its breadth from the other.
        if height > room.height():
            width = max(room.width() - self.verticalScrollBar().sizeHint().width(), least.width())
        if width > room.width():
            bar = self.horizontalScrollBar().sizeHint().height()
            height = max(room.height() - bar, least.height())
        page.resize(width, height)


class HandoverPackageEditor(QWidget):
    """The selected project's package. The page tells it the project (`show_project`) and
    whether the user may edit (`set_may_edit`); it loads and saves on its own."""

    loaded = Signal()  # a snapshot arrived: the page updates what depends on the freeze

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: PackageSnapshot | None = None
        self.project: Timeline | None = None
        self.may_edit = False
        self._boundaries: PackageRow | None = None  # what the boundary editors started from
        self._load_failed = False  # the status line says the package could not be read
        self._saving = False  # parts 3 and 4 are being saved
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.tabs = QTabWidget(self)
        self.materials = MaterialsTab(self)
        self.external = ExternalBoundaryTab(self)
        self.internal = InternalBoundaryTab(self)
        self.signoff = SignOffTab(self)
        self._pages: dict[QWidget, QScrollArea] = {}
        self.tabs.addTab(self._scrolled(self.materials), self.tr("1 Technical materials"))
        self.tabs.addTab(self._scrolled(self.external), self.tr("3 External boundary"))
        self.tabs.addTab(self._scrolled(self.internal), self.tr("4 Internal boundary"))
        self.tabs.addTab(self._scrolled(self.signoff), self.tr("Sign-off"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self._show(None)

    def set_issues(self, issues: QWidget) -> None:
        """Part 2 is the page's own table of outstanding issues."""
        self.tabs.insertTab(1, self._scrolled(issues), self.tr("2 Outstanding issues"))

    def _scrolled(self, page: QWidget) -> QScrollArea:
        area = TabScroller(page, self.tabs)
        self._pages[page] = area
        return area

    # -- the project and the user -----------------------------------------------------------

    def show_project(self, row: Timeline | None) -> None:
        """Show `row`'s package; called again for the same project, read it again (the list
        was refreshed: its state or dates may have changed)."""
        previous = self.project.project_id if self.project is not None else None
        self.project = row
        if (row.project_id if row is not None else None) != previous:
            # Never another project's package under this one (unsaved edits go with it).
            self.snapshot = None
            self._boundaries = None
            self.clear_status()
            self._show(None)
        if row is not None:
            self.reload()

    def set_may_edit(self, may: bool) -> None:
        if may != self.may_edit:
            self.may_edit = may
            self.update_controls()

    def frozen(self) -> bool:
        return self.snapshot is not None and self.snapshot.frozen

    def why_no_snapshot(self) -> str:
        if self.project is None:
            return self.tr("Select a project first.")
        return self.tr("The package is loading…")

    def why_not_edit(self) -> str | None:
        if not self.may_edit:
            return no_permission_text()
        if self.snapshot is None:
            return self.why_no_snapshot()
        if self.snapshot.frozen:
            return frozen_text()
        return None

    # -- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        if self.project is None:
            return
        self.ctx.tasks.read(
            load_package, self.project.project_id, on_done=self._on_loaded,
            on_error=self._on_load_failed, latest=(id(self), "package"),
        )  # fmt: skip

    def _on_load_failed(self, error: BaseException) -> None:
        show_load_error(self.ctx, self.status, error)
        self._load_failed = True
        self.status.setVisible(bool(self.status.text()))

    def _on_loaded(self, snapshot: PackageSnapshot) -> None:
        if self.project is None or snapshot.project_id != self.project.project_id:
            return  # the selection moved on meanwhile
        if self._load_failed:  # that line is stale now; a refusal's stays until the next write
            self._load_failed = False
            self.clear_status()
        self.snapshot = snapshot
        self._show(snapshot)
        self.loaded.emit()

    def _show(self, snapshot: PackageSnapshot | None) -> None:
        self.materials.show_snapshot(snapshot)
        self.internal.show_snapshot(snapshot)
        self.signoff.show_snapshot(snapshot)
        if snapshot is None or not self.boundaries_changed():
            self._show_boundaries(snapshot.package if snapshot is not None else None)
        self._show_banner(snapshot)
        self._mark_tabs(snapshot)
        self.update_controls()

    def _show_banner(self, snapshot: PackageSnapshot | None) -> None:
        if snapshot is None or not snapshot.signed:
            self.banner.hide()
        elif snapshot.amendment is None:
            self.banner.setText(frozen_text())
            self.banner.setStyleSheet(FROZEN_STYLE)
            self.banner.show()
        else:
            self.banner.setText(
                self.tr("Amendment under way: {reason}").format(reason=snapshot.amendment)
            )
            self.banner.setStyleSheet(AMENDING_STYLE)
            self.banner.show()

    def _mark_tabs(self, snapshot: PackageSnapshot | None) -> None:
        """A part with something missing has its tab title in red, the gaps in its tooltip."""
        parts: dict[QWidget, list[str]] = {
            self.materials: [],
            self.external: [],
            self.internal: [],
            self.signoff: [],
        }
        for code in snapshot.missing if snapshot is not None else []:
            if code.startswith("material:"):
                parts[self.materials].append(code)
            elif code in ("company_scope", "customer_scope", "maintenance_period", "expiry_terms"):
                parts[self.external].append(code)
            elif code in ("after_sales_scope", "support_scope", "faq", "emergency_contacts"):
                parts[self.internal].append(code)
            else:
                parts[self.signoff].append(code)
        bar = self.tabs.tabBar()
        for widget, codes in parts.items():
            index = self.tabs.indexOf(self._pages[widget])
            bar.setTabTextColor(index, MISSING_TEXT if codes else QColor())
            bar.setTabToolTip(
                index,
                self.tr("Missing: {missing}").format(missing=joined(codes)) if codes else "",
            )

    def update_controls(self) -> None:
        self.materials.update_controls()
        self.internal.update_controls()
        self.signoff.update_controls()
        self.update_boundary_controls()

    # -- writes -----------------------------------------------------------------------------

    def write(self, fn: Any, *args: Any) -> None:
        """One change through the single writer; the package is read again afterwards."""
        self.ctx.tasks.write(fn, *args, on_done=lambda _r: self._on_written(), on_error=self.fail)

    def _on_written(self) -> None:
        if self.status.styleSheet():
            self.clear_status()  # an earlier refusal no longer applies
        self.reload()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("")
        self.status.show()

    def clear_status(self) -> None:
        self.status.clear()
        self.status.setStyleSheet("")
        self.status.hide()

    def fail(self, error: BaseException, reload: bool = True) -> None:
        if not isinstance(error, SupportDeskError):
            self.ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self.status.setText(package_error_text(error))
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.show()
        if reload:
            self.reload()

    # -- parts 3 and 4 ----------------------------------------------------------------------

    def _texts(self) -> dict[str, QPlainTextEdit]:
        return {
            "company_scope": self.external.company,
            "customer_scope": self.external.customer,
            "expiry_terms": self.external.expiry,
            "after_sales_scope": self.internal.after_sales,
            "support_scope": self.internal.support,
        }

    def _show_boundaries(self, row: PackageRow | None) -> None:
        """Fill the editors with `row` (None: empty) and take it as their starting point."""
        self._boundaries = row
        for name, edit in self._texts().items():
            text = getattr(row, name) if row is not None else ""
            if edit.toPlainText() != text:
                edit.setPlainText(text)
        # Offered when no period is agreed yet: a year from acceptance.
        default = self.project.acceptance if self.project is not None else self.ctx.today()
        self.external.period.set_value(
            row.maintenance_start if row is not None else None,
            row.maintenance_end if row is not None else None,
            default,
        )

    def boundary_form(self) -> BoundaryForm | None:
        if self.project is None:
            return None
        start, end = self.external.period.value()
        texts = {name: edit.toPlainText().strip() for name, edit in self._texts().items()}
        return BoundaryForm(
            self.project.project_id,
            maintenance_start=start,
            maintenance_end=end,
            version=self._boundaries.version if self._boundaries is not None else None,
            **texts,
        )

    def boundaries_changed(self) -> bool:
        """The editors differ from what they were loaded with."""
        form, base = self.boundary_form(), self._boundaries
        if form is None or base is None:
            return False
        return any(
            getattr(form, name) != getattr(base, name)
            for name in (*self._texts(), "maintenance_start", "maintenance_end")
        )

    def update_boundary_controls(self) -> None:
        why = self.why_not_edit()
        for edit in self._texts().values():
            edit.setReadOnly(why is not None)
            edit.setToolTip(why or "")
            # Read-only looks it (the text stays selectable, to copy from a signed package).
            style = "" if why is None else READ_ONLY_STYLE
            if edit.styleSheet() != style:  # this runs on every key: restyle only on a change
                edit.setStyleSheet(style)
        self.external.period.set_editable(why is None, why)
        unchanged = None if self.boundaries_changed() else self.tr("Nothing changed yet.")
        if self._saving:
            unchanged = self.tr("Saving…")
        for tab in (self.external, self.internal):
            _enable(
                tab.save_button,
                why or unchanged,
                self.tr("Save parts 3 and 4 of the package (both tabs)."),
            )
            _enable(
                tab.revert_button,
                why or unchanged,
                self.tr("Throw away the changes and show the package as last saved."),
            )

    def save_boundaries(self) -> None:
        form = self.boundary_form()
        if form is None or self.why_not_edit() is not None:
            return
        self._saving = True
        self.update_boundary_controls()
        self.ctx.tasks.write(
            _save_boundaries, form, on_done=self._on_boundaries_saved,
            on_error=self._on_boundaries_failed,
        )  # fmt: skip

    def _on_boundaries_failed(self, error: BaseException) -> None:
        self._saving = False
        self.update_boundary_controls()
        self.fail(error)

    def _on_boundaries_saved(self, row: PackageRow) -> None:
        self._saving = False
        self.update_boundary_controls()
        if self.project is None or row.project_id != self.project.project_id:
            return
        self._show_boundaries(row)  # as stored (trimmed), the new version to save against
        self.say(self.tr("Parts 3 and 4 saved."))
        if row.maintenance_start is not None:
            self.ctx.events.registry_changed.emit("contract")  # the free contracts followed
        self.reload()

    def revert_boundaries(self) -> None:
        if self.snapshot is not None:
            self._show_boundaries(self.snapshot.package)
        if self.status.styleSheet():
            self.clear_status()
        self.update_boundary_controls()
        self.reload()  # the newest, should someone else have saved meanwhile
