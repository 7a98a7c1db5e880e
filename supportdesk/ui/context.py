"""What every page and dialog receives: the task runner, config, clock and change events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal

from supportdesk.config import Config
from supportdesk.domain.ports import TaskTracker, Uploader
from supportdesk.domain.remote import RemoteShell
from supportdesk.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the services layer (and SQLAlchemy) loads after the frame shows
    from supportdesk.services.vault import UnlockedVault


class UiEvents(QObject):
    """Pages refresh on these instead of calling each other."""

    registry_changed = Signal(str)  # entity name: customer, contact, project, system, host, ...
    settings_changed = Signal()
    # The reminder scheduler's daily run finished (emitted from its thread: queued to ours).
    reminders_ran = Signal()


class VaultSession(QObject):
    """The vault the signed-in member opened on the vault page, for the pages that use it
    (the inspection fetches host credentials with it); None while locked."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.opened: UnlockedVault | None = None

    def set(self, opened: UnlockedVault | None) -> None:
        self.opened = opened
        self.changed.emit()


class Scheduler(Protocol):
    """What the window needs of a running scheduler (APScheduler's BackgroundScheduler)."""

    def shutdown(self, wait: bool = True) -> None: ...


# Starts the reminder jobs in the background and returns their scheduler; the argument is
# called (from the scheduler's thread) after each daily run. Runs in a task, never on the
# GUI thread.
StartScheduler = Callable[[Callable[[], None]], Scheduler]


def _no_shell() -> RemoteShell:
    raise RuntimeError("no remote shell: the application passes one in")


@dataclass
class UiContext:
    tasks: TaskRunner
    config: Config
    events: UiEvents = field(default_factory=UiEvents)
    today: Callable[[], date] = date.today
    vault: VaultSession = field(default_factory=VaultSession)
    remote_shell: Callable[[], RemoteShell] = _no_shell  # the SSH adapter, from bootstrap
    # None: no reminder scheduler (tests); ui/app.py passes the real one in.
    start_scheduler: StartScheduler | None = None
    # The document system of the team settings (R2.2: the manual's month-end upload), its
    # password read from the opened vault; None when not configured or out of reach.
    uploader: Callable[[dict[str, Any]], Uploader | None] = lambda _settings: None
    # ZenTao of the team settings (R2.4), its password read from the opened vault; None when
    # not configured or out of reach. Called off the GUI thread (it reads the vault).
    tracker: Callable[[dict[str, Any]], TaskTracker | None] = lambda _settings: None
