"""Projects (acceptance dates, R1.1) and the systems each one runs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from supportdesk.domain.backup import SystemBackups
from supportdesk.domain.registry import ProjectRow, SystemRow
from supportdesk.services import backup, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.registry_dialog import (
    environment_label,
    project_dialog,
    system_dialog,
)
from supportdesk.ui.models.row_model import Column
from supportdesk.ui.widgets.confirm import confirm, warn
from supportdesk.ui.widgets.entity_panel import EntityPanel


def load_systems(session: Any, project_id: int) -> tuple[list[SystemRow], dict[int, SystemBackups]]:
    """The project's systems, and how their backups stand (R3.3)."""
    return registry.list_systems(session, project_id), backup.by_system(session)


def backups_text(status: SystemBackups | None) -> str:
    if status is None:
        return QCoreApplication.translate("ProjectsPage", "no backup job")
    if status.failing:
        return QCoreApplication.translate("ProjectsPage", "✘ {failing} of {jobs} failing").format(
            failing=status.failing, jobs=status.jobs
        )
    if status.unchecked:
        return QCoreApplication.translate(
            "ProjectsPage", "⚠ {count} not checked for a week"
        ).format(count=status.unchecked)
    return QCoreApplication.translate("ProjectsPage", "✔ {jobs} recoverable").format(
        jobs=status.jobs
    )


class ProjectsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.projects = EntityPanel(
            self.tr("Projects"),
            [
                Column(
                    QCoreApplication.translate("ProjectsPage", "Customer"), lambda p: p.customer
                ),
                Column(QCoreApplication.translate("ProjectsPage", "Project"), lambda p: p.name),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Contract number"),
                    lambda p: p.contract_no,
                ),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Planned acceptance"),
                    lambda p: p.planned_acceptance,
                ),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Final acceptance"),
                    lambda p: p.acceptance_date,
                ),
            ],
            self,
        )
        self.systems = EntityPanel(
            self.tr("Systems of the selected project"),
            [
                Column(QCoreApplication.translate("ProjectsPage", "System"), lambda s: s.name),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Environment"),
                    lambda s: environment_label(s.environment),
                ),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Under maintenance"),
                    lambda s: s.under_maintenance,
                ),
                Column(
                    QCoreApplication.translate("ProjectsPage", "Backups"),
                    lambda s: backups_text(self._backups.get(s.id)),
                ),
            ],
            self,
            searchable=False,
        )
        self._backups: dict[int, SystemBackups] = {}
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.projects)
        splitter.addWidget(self.systems)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.projects.selection_changed.connect(self._on_projects_selection_changed)
        self.projects.add_requested.connect(lambda: self._edit_project(None))
        self.projects.edit_requested.connect(self._edit_project)
        self.projects.delete_requested.connect(self._on_projects_delete_requested)
        self.systems.add_requested.connect(lambda: self._edit_system(None))
        self.systems.edit_requested.connect(self._edit_system)
        self.systems.delete_requested.connect(self._on_systems_delete_requested)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self.systems.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        self._ctx.tasks.read(
            registry.list_projects,
            on_done=self._on_projects_loaded,
            latest=(id(self), "projects"),
        )

    def _on_projects_loaded(self, rows: list[ProjectRow]) -> None:
        self.projects.set_rows(rows, keep=lambda p: p.id)

    def _on_registry_changed(self, entity: str) -> None:
        if entity in {"customer", "project", "system"}:
            self.refresh()

    def _on_projects_selection_changed(self, project: ProjectRow | None) -> None:
        self.systems.setEnabled(project is not None)
        if project is None:
            self.systems.set_rows([])
            return
        self._ctx.tasks.read(
            load_systems,
            project.id,
            on_done=self._on_systems_loaded,
            latest=(id(self), "systems"),
        )

    def _on_systems_loaded(self, loaded: tuple[list[SystemRow], dict[int, SystemBackups]]) -> None:
        rows, self._backups = loaded
        project = self.projects.selected()
        if project is not None and all(r.project_id == project.id for r in rows):
            self.systems.set_rows(rows, keep=lambda s: s.id)

    def _edit_project(self, row: ProjectRow | None) -> None:
        def open_dialog(customers: Any) -> None:
            project_dialog(self._ctx, customers, row, self).open()

        self._ctx.tasks.read(registry.list_customers, on_done=open_dialog)

    def _edit_system(self, row: SystemRow | None) -> None:
        project = self.projects.selected()
        if project is not None:
            system_dialog(self._ctx, project.id, row, self).open()

    def _on_projects_delete_requested(self, row: ProjectRow) -> None:
        text = self.tr(
            "Delete project {name} of {customer} with all its systems, hosts and contracts?"
        ).format(name=row.name, customer=row.customer)
        if confirm(self, self.tr("Delete project"), text):
            self._delete(registry.delete_project, row.id, row.version, "project")

    def _on_systems_delete_requested(self, row: SystemRow) -> None:
        text = self.tr("Delete system {name} with its hosts and contracts?").format(name=row.name)
        if confirm(self, self.tr("Delete system"), text):
            self._delete(registry.delete_system, row.id, row.version, "system")

    def _delete(self, fn: Any, key: int, version: int, entity: str) -> None:
        self._ctx.tasks.write(
            fn,
            key,
            version,
            on_done=lambda _r: self._ctx.events.registry_changed.emit(entity),
            on_error=lambda e: warn(self, e),
        )
