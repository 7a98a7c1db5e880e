"""The Qt binding must not corrupt Python's reference counts when it delivers signals.

PySide6 6.12.0 released one reference to None/True/False per signal delivered to a Python
slot; on Python 3.11 those objects are not immortal, so the program aborted ("deallocating
None") after a few thousand signals: every click, task result and progress update counts.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from supportdesk.ui.tasks import Task, TaskContext

DELIVERIES = 3000


class _Sender(QObject):
    value = Signal(object)
    number = Signal(int)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.received = 0

    def on_value(self, _value: object) -> None:
        self.received += 1


def _counts() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_direct_signals_keep_reference_counts(qapp: QApplication) -> None:
    sender, receiver = _Sender(), _Receiver()
    sender.value.connect(receiver.on_value)
    sender.number.connect(receiver.on_value)
    before = _counts()
    for n in range(DELIVERIES):
        sender.value.emit(None)
        sender.number.emit(n)
    after = _counts()
    assert receiver.received == 2 * DELIVERIES
    # Other objects may take references meanwhile; none may be lost.
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)


def test_task_results_from_threads_keep_reference_counts(qapp: QApplication) -> None:
    results: list[object] = []
    before = _counts()
    tasks = []
    pool = QThreadPool()
    for n in range(DELIVERIES // 10):

        def body(_ctx: TaskContext, n: int = n) -> object:
            return None if n % 2 else True

        task = Task(body, "refcount")
        task.signals.succeeded.connect(results.append)
        tasks.append(task)
        pool.start(task)
    pool.waitForDone()
    QCoreApplication.processEvents()
    QCoreApplication.processEvents()
    assert len(results) == len(tasks)
    results.clear()
    tasks.clear()
    after = _counts()
    assert all(a >= b for a, b in zip(after, before, strict=True)), (before, after)
