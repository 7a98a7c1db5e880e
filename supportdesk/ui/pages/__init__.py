"""Pages of the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from supportdesk.ui.context import UiContext


def registry_pages(ctx: UiContext) -> list[tuple[str, str, QWidget]]:
    """(key, title, page) for the registry; imported lazily so start-up stays quick."""
    from supportdesk.ui.pages.contracts_page import ContractsPage  # noqa: PLC0415
    from supportdesk.ui.pages.customers_page import CustomersPage  # noqa: PLC0415
    from supportdesk.ui.pages.hosts_page import HostsPage  # noqa: PLC0415
    from supportdesk.ui.pages.inspection_page import InspectionPage  # noqa: PLC0415
    from supportdesk.ui.pages.projects_page import ProjectsPage  # noqa: PLC0415
    from supportdesk.ui.pages.vault_page import VaultPage  # noqa: PLC0415

    return [
        ("customers", QCoreApplication.translate("MainWindow", "Customers"), CustomersPage(ctx)),
        (
            "projects",
            QCoreApplication.translate("MainWindow", "Projects and systems"),
            ProjectsPage(ctx),
        ),
        ("hosts", QCoreApplication.translate("MainWindow", "Hosts"), HostsPage(ctx)),
        (
            "contracts",
            QCoreApplication.translate("MainWindow", "Maintenance contracts"),
            ContractsPage(ctx),
        ),
        (
            "inspection",
            QCoreApplication.translate("MainWindow", "Inspection"),
            InspectionPage(ctx),
        ),
        ("vault", QCoreApplication.translate("MainWindow", "Vault"), VaultPage(ctx)),
    ]
