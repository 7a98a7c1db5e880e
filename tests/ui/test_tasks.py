"""Task and TaskRunner: progress, cancel, errors that are never lost, one writer at a time,
and a shutdown that waits."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.domain.errors import NotFoundError
from supportdesk.domain.registry import CustomerForm, CustomerRow
from supportdesk.services import registry
from supportdesk.ui.tasks import Task, TaskContext, TaskRunner

WAIT = 5.0  # seconds a worker thread waits for the test before giving up


@pytest.fixture
def runner(opened: bootstrap.App) -> Iterator[TaskRunner]:
    tasks = TaskRunner(opened.db)
    yield tasks
    assert tasks.shutdown(10_000)


def test_progress_reaches_the_runner_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[int, int, str]] = []
    runner.progress_reported.connect(lambda d, t, label: seen.append((d, t, label)))

    def body(task: TaskContext) -> str:
        for done in range(1, 4):
            task.progress(done, 3, f"host{done}")
        return "finished"

    task = Task(body, "three")
    with qtbot.waitSignal(task.signals.succeeded) as result:
        runner.start(task)
    assert result.args == ["finished"]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(1, 3, "host1"), (2, 3, "host2"), (3, 3, "host3")]


def test_busy_changes_once_for_overlapping_tasks(qtbot: QtBot, runner: TaskRunner) -> None:
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    release = threading.Event()
    tasks = [Task(lambda _t: release.wait(WAIT), f"t{i}") for i in range(3)]
    for task in tasks:
        runner.start(task, "remote")
    assert runner.running == 3
    release.set()
    qtbot.waitUntil(lambda: runner.running == 0)
    assert busy == [True, False]


def test_cancel_stops_a_running_task_between_items(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    items: list[int] = []

    def body(task: TaskContext) -> None:
        started.set()
        for item in range(10_000):
            task.check()  # between items
            items.append(item)
            threading.Event().wait(0.002)

    task = Task(body, "long")
    succeeded: list[object] = []
    task.signals.succeeded.connect(succeeded.append)
    runner.start(task, "remote")
    assert started.wait(WAIT)
    with qtbot.waitSignal(task.signals.cancelled):
        runner.cancel_all()
    qtbot.waitUntil(lambda: runner.running == 0)
    assert succeeded == []
    assert 0 < len(items) < 10_000


def test_a_task_cancelled_before_it_starts_never_runs(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    ran: list[str] = []
    blocker = runner.start(Task(lambda _t: release.wait(WAIT), "blocker"), "write")
    queued = runner.start(Task(lambda _t: ran.append("queued"), "queued"), "write")
    queued.cancel()
    with qtbot.waitSignal(queued.signals.cancelled):
        release.set()
    assert blocker.finished.is_set()
    assert ran == []


def test_an_exception_reaches_error_raised(qtbot: QtBot, runner: TaskRunner) -> None:
    error = RuntimeError("disk on fire")

    def body(_task: TaskContext) -> None:
        raise error

    with qtbot.waitSignal(runner.error_raised) as raised:
        runner.start(Task(body, "failing"))
    assert raised.args == [error]
    qtbot.waitUntil(lambda: runner.running == 0)


def test_a_service_error_reaches_error_raised(qtbot: QtBot, runner: TaskRunner) -> None:
    with qtbot.waitSignal(runner.error_raised) as raised:
        runner.read(registry.get_customer, 987_654)
    (error,) = raised.args
    assert isinstance(error, NotFoundError)
    assert error.entity == "customer"


def test_on_error_takes_the_error_instead(qtbot: QtBot, runner: TaskRunner) -> None:
    global_errors: list[object] = []
    runner.error_raised.connect(global_errors.append)
    handled: list[BaseException] = []
    task = runner.read(registry.get_customer, 987_654, on_error=handled.append)
    qtbot.waitUntil(lambda: runner.running == 0)
    assert task.finished.is_set()
    assert [type(e) for e in handled] == [NotFoundError]
    assert global_errors == []


def test_write_commits_and_delivers_the_row(
    qtbot: QtBot, runner: TaskRunner, opened: bootstrap.App
) -> None:
    delivered: list[CustomerRow] = []
    runner.write(registry.save_customer, CustomerForm("宁波港务局"), on_done=delivered.append)
    qtbot.waitUntil(lambda: len(delivered) == 1)
    with opened.db.read() as session:
        stored = registry.get_customer(session, delivered[0].id)
    assert stored.name == "宁波港务局"


def test_writes_run_one_at_a_time_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    lock = threading.Lock()
    active = [0]
    peak = [0]
    order: list[int] = []

    def fn(_session: object, number: int) -> int:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threading.Event().wait(0.02)
        with lock:
            active[0] -= 1
            order.append(number)
        return number

    for number in range(5):
        runner.write(fn, number)
    qtbot.waitUntil(lambda: runner.running == 0, timeout=10_000)
    assert order == [0, 1, 2, 3, 4]
    assert peak[0] == 1


def test_reads_do_run_side_by_side(qtbot: QtBot, runner: TaskRunner) -> None:
    """The control for the test above: the same probe sees overlap where the pool allows it."""
    both = threading.Barrier(2, timeout=WAIT)
    met: list[int] = []

    def fn(_session: object, number: int) -> None:
        both.wait()  # only returns once the other read is running too
        met.append(number)

    runner.read(fn, 1)
    runner.read(fn, 2)
    qtbot.waitUntil(lambda: runner.running == 0, timeout=10_000)
    assert sorted(met) == [1, 2]


def test_shutdown_cancels_and_waits(runner: TaskRunner) -> None:
    started = threading.Event()
    release = threading.Event()
    ran: list[str] = []

    def slow(task: TaskContext) -> None:
        started.set()
        release.wait(0.3)  # ignores cancel for a while: shutdown must still wait for it
        ran.append("slow")
        task.check()

    first = runner.start(Task(slow, "slow"), "write")
    queued = runner.start(Task(lambda _t: ran.append("queued"), "queued"), "write")
    assert started.wait(WAIT)
    assert runner.shutdown(10_000)
    assert first.finished.is_set()
    assert ran == ["slow"]  # the queued write never started
    assert not queued.finished.is_set()


def test_only_the_newest_read_under_a_key_delivers(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    delivered: list[str] = []

    def slow(_session: object) -> str:
        release.wait(WAIT)
        return "older"

    def quick(_session: object) -> str:
        return "newer"

    runner.read(slow, on_done=delivered.append, latest="list")
    runner.read(quick, on_done=delivered.append, latest="list")
    qtbot.waitUntil(lambda: delivered == ["newer"])
    release.set()  # the older read finishes last
    qtbot.waitUntil(lambda: runner.running == 0)
    assert delivered == ["newer"]
    # Without a key both results arrive, in the order the reads finish.
    runner.read(quick, on_done=delivered.append)
    runner.read(quick, on_done=delivered.append)
    qtbot.waitUntil(lambda: runner.running == 0)
    assert delivered == ["newer", "newer", "newer"]


def test_a_superseded_read_that_fails_is_not_reported(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    errors: list[BaseException] = []
    runner.error_raised.connect(errors.append)
    delivered: list[str] = []

    def slow_failure(_session: object) -> str:
        release.wait(WAIT)
        raise NotFoundError("customer", 1)

    def quick(_session: object) -> str:
        return "newer"

    runner.read(slow_failure, on_done=delivered.append, latest="list")
    runner.read(quick, on_done=delivered.append, latest="list")
    qtbot.waitUntil(lambda: delivered == ["newer"])
    release.set()
    qtbot.waitUntil(lambda: runner.running == 0)
    assert errors == []
    # The newest read's own failure is reported as ever.
    runner.read(slow_failure, on_done=delivered.append, latest="list")
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert isinstance(errors[0], NotFoundError)
