"""Background work: one Task type, one TaskRunner that owns, cancels and waits for tasks."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.ports import UnitOfWork

log = logging.getLogger(__name__)


class CancelledError(Exception):
    """Raised inside a task body by `TaskContext.check()` once cancel was requested."""


class TaskContext:
    """What a task body sees: progress reporting and the cancel flag (checked between items)."""

    def __init__(self, signals: TaskSignals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """For work that waits on its own (network I/O): set once cancel was requested."""
        return self._cancel

    def check(self) -> None:
        if self._cancel.is_set():
            raise CancelledError

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._signals.progress.emit(done, total, label)


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    done = Signal()


class Task(QRunnable):
    """Runs `body(ctx)` on a pool thread and posts the outcome back through its signals."""

    def __init__(self, body: Callable[[TaskContext], Any], name: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until `done` has been delivered
        self.name = name
        self.signals = TaskSignals()
        self.context = TaskContext(self.signals)
        self._body = body
        self.finished = threading.Event()

    def cancel(self) -> None:
        self.context._cancel.set()

    def run(self) -> None:
        try:
            if self.context.cancelled:
                raise CancelledError
            result = self._body(self.context)
        except CancelledError:
            self.signals.cancelled.emit()
        except Exception as error:
            if isinstance(error, SupportDeskError):
                log.debug("task %s failed", self.name, exc_info=error)  # the user is told
            else:
                # A bug: the error dialog says its details are in the log file, so they must be.
                log.error("task %s failed", self.name, exc_info=error)
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.finished.set()
            self.signals.done.emit()


class TaskRunner(QObject):
    """Database writes share one single-thread pool (as Anki serialises collection access);
    reads and remote work have pools of their own."""

    busy_changed = Signal(bool)
    progress_reported = Signal(int, int, str)  # from whichever task reported last
    error_raised = Signal(object)  # failures nobody else handled, for the global error dialog

    def __init__(self, uow: UnitOfWork, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self._pools = {
            "write": QThreadPool(self),
            "read": QThreadPool(self),
            "remote": QThreadPool(self),
        }
        self._pools["write"].setMaxThreadCount(1)
        self._pools["read"].setMaxThreadCount(2)
        self._pools["remote"].setMaxThreadCount(8)
        self._running: set[Task] = set()
        self._latest: dict[Hashable, Task] = {}

    @property
    def running(self) -> int:
        return len(self._running)

    def start(
        self,
        task: Task,
        pool: str = "read",
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        if on_done is not None:
            task.signals.succeeded.connect(on_done)
        task.signals.failed.connect(on_error or self.error_raised.emit)
        task.signals.progress.connect(self.progress_reported.emit)
        task.signals.done.connect(lambda: self._finished(task))
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pools[pool].start(task)
        return task

    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        latest: Hashable | None = None,
    ) -> Task:
        """Run `fn(session, *args)` in a read transaction off the GUI thread.

        Reads run side by side, so an older one can finish last: with a `latest` key only the
        newest read under that key delivers its result (a list never goes back in time).
        """

        def body(_ctx: TaskContext) -> Any:
            with self.uow.read() as session:
                return fn(session, *args)

        task = Task(body, getattr(fn, "__name__", "read"))
        if latest is None:
            return self.start(task, "read", on_done, on_error)
        self._latest[latest] = task

        def newest() -> bool:
            if self._latest.get(latest) is not task:
                return False  # superseded: its outcome is of no use (a bug is logged anyway)
            del self._latest[latest]
            return True

        def deliver(result: Any) -> None:
            if newest() and on_done is not None:
                on_done(result)

        def fail(error: BaseException) -> None:
            if newest():
                (on_error or self.error_raised.emit)(error)

        return self.start(task, "read", deliver, fail)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run `fn(session, *args)` as one transaction on the single writer thread."""

        def body(_ctx: TaskContext) -> Any:
            with self.uow.write() as session:
                return fn(session, *args)

        return self.start(Task(body, getattr(fn, "__name__", "write")), "write", on_done, on_error)

    def _finished(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel and wait for every task (on window close): no thread outlives the window."""
        self.cancel_all()
        for pool in self._pools.values():
            pool.clear()
        return all(pool.waitForDone(timeout_ms) for pool in self._pools.values())
