"""The optimisation report's dialogs (issue 10, R2.4): an item of the group's own (or a change
to any item of the draft), and the comment of an approval step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.optimisation import Category, Decision, ItemForm, ItemRow, ReportRow
from supportdesk.domain.registry import ProjectRow, SystemRow, UserRow
from supportdesk.services import optimisation
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, FormField
from supportdesk.ui.dialogs.handover_package_dialog import WriteDialog


def category_label(category: Category | str) -> str:
    names = {
        Category.BUG: QCoreApplication.translate("OptimisationPage", "bug"),
        Category.PERFORMANCE: QCoreApplication.translate("OptimisationPage", "performance"),
        Category.SECURITY: QCoreApplication.translate("OptimisationPage", "security"),
        Category.OPERATIONS: QCoreApplication.translate("OptimisationPage", "operations"),
        Category.OTHER: QCoreApplication.translate("OptimisationPage", "other"),
    }
    return names.get(Category(category), str(category))


def person_name(people: Sequence[UserRow], login: str) -> str:
    """Who took a step, by name (the login when the person has none, or is gone)."""
    found = next((p for p in people if p.login == login), None)
    return found.name if found is not None and found.name else login


def _save_item(session: Any, form: ItemForm) -> ItemRow:
    return optimisation.save_item(session, form)


def item_dialog(
    ctx: UiContext,
    month: str,
    projects: Sequence[ProjectRow],
    systems: Sequence[SystemRow],
    row: ItemRow | None,
    parent: QWidget | None,
) -> FormDialog:
    """A new item of the group's own in `month`'s draft, or a change to `row`."""
    none = QCoreApplication.translate("OptimisationPage", "(whole project)")
    fields = [
        FormField(
            "project_id",
            QCoreApplication.translate("OptimisationPage", "Project"),
            "choice",
            [(f"{p.customer} / {p.name}", p.id) for p in projects],
        ),
        FormField(
            "system_id",
            QCoreApplication.translate("OptimisationPage", "System"),
            "choice",
            [(none, None)],  # filled with the chosen project's systems below
        ),
        FormField("description", QCoreApplication.translate("OptimisationPage", "Bug or problem")),
        FormField(
            "category",
            QCoreApplication.translate("OptimisationPage", "Category"),
            "choice",
            [(category_label(c), c) for c in Category],
        ),
        FormField(
            "department", QCoreApplication.translate("OptimisationPage", "Responsible department")
        ),
        FormField(
            "due_on",
            QCoreApplication.translate("OptimisationPage", "Suggested completion date"),
            "date",
        ),
        FormField(
            "measure", QCoreApplication.translate("OptimisationPage", "Measure for next month")
        ),
    ]
    values: dict[str, Any] = (
        {
            "project_id": row.project_id,
            "system_id": row.system_id,
            "description": row.description,
            "category": row.category,
            "department": row.department,
            "due_on": row.due_on,
            "measure": row.measure,
        }
        if row is not None
        else {"category": Category.OTHER, "due_on": date.today()}
    )

    def build(v: dict[str, Any]) -> tuple[Callable[..., Any], ItemForm]:
        if v["project_id"] is None:
            raise ValidationError("project_id", "required")
        return _save_item, ItemForm(
            month=month,
            project_id=int(v["project_id"]),
            description=str(v["description"]).strip(),
            category=Category(v["category"]),
            department=str(v["department"]).strip(),
            due_on=v["due_on"],
            measure=str(v["measure"]).strip(),
            system_id=v["system_id"],
            id=row.id if row is not None else None,
            version=row.version if row is not None else None,
        )

    title = (
        QCoreApplication.translate("OptimisationPage", "New item of {month}").format(month=month)
        if row is None
        else QCoreApplication.translate("OptimisationPage", "Item {id}").format(id=row.id)
    )
    dialog = FormDialog(ctx, title, fields, values, build, "optimisation_item", parent)
    dialog.setMinimumWidth(560)
    project, system = dialog.widgets["project_id"], dialog.widgets["system_id"]
    assert isinstance(project, QComboBox)
    assert isinstance(system, QComboBox)

    def offer_systems(keep: int | None) -> None:
        """Only the chosen project's systems (another's would be refused on save)."""
        system.clear()
        system.addItem(none, None)
        for s in systems:
            if s.project_id == project.currentData():
                system.addItem(s.name, s.id)
        system.setCurrentIndex(max(system.findData(keep), 0))

    project.currentIndexChanged.connect(lambda _i: offer_systems(system.currentData()))
    offer_systems(values.get("system_id"))
    return dialog


def decide_report(
    session: Any, month: str, decision: Decision, comment: str, version: int
) -> ReportRow:
    return optimisation.decide(session, month, decision, comment, version)


class CommentReturnDialog(WriteDialog):
    """Send a report or a reward application back to the group leader, saying what to change
    (the comment stays on its record). `write(comment)` names the service call and its
    arguments."""

    def __init__(
        self,
        ctx: UiContext,
        title: str,
        hint: str,
        write: Callable[[str], tuple[Callable[..., Any], tuple[Any, ...]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._writer = write
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        explained = QLabel(hint, self)
        explained.setWordWrap(True)
        explained.setTextFormat(Qt.TextFormat.PlainText)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("What must be changed (required)"))
        self.ok_button.setText(self.tr("Return"))
        form = QFormLayout()
        form.addRow(explained)
        form.addRow(self.tr("Comment"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        fn, args = self._writer(self.comment.toPlainText().strip())
        self._write(fn, *args)
