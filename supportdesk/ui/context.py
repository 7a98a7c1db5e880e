"""What every page and dialog receives: the task runner, config, clock and change events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from supportdesk.config import Config
from supportdesk.ui.tasks import TaskRunner


class UiEvents(QObject):
    """Pages refresh on these instead of calling each other."""

    registry_changed = Signal(str)  # entity name: customer, contact, project, system, host, ...
    settings_changed = Signal()


@dataclass
class UiContext:
    tasks: TaskRunner
    config: Config
    events: UiEvents = field(default_factory=UiEvents)
    today: Callable[[], date] = date.today
