"""Hosts that hang, drop or never finish: each run ends within its limit + 2 s with its own
message, and output that arrived is kept, marked incomplete (issue 5, "SSH layer").

These faults are what a real sshd cannot produce on demand, so paramiko-based servers play
them (tests/servers/fault_ssh.py)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from supportdesk.adapters.ssh import SshShell
from supportdesk.domain.remote import (
    CommandResult,
    Endpoint,
    HostKey,
    Limits,
    Login,
    Outcome,
    RemoteError,
)
from tests.servers.fault_ssh import FAULT_PASSWORD, FAULT_USER, running_fault_server

pytestmark = pytest.mark.sshd

# Short limits, each phase its own, so the phase that overran is told by the time too.
LIMITS = Limits(connect=2, banner=1.0, auth=1.5, channel=1.2, command=4, read=1.8)
GRACE = 2.0


def _run(kind: str, cancel: threading.Event | None = None) -> tuple[float, Callable[[], object]]:
    """Run `true` against a fault server; (seconds taken, a thunk giving the result or the
    error)."""
    with running_fault_server(kind) as server:
        endpoint = Endpoint(
            f"fault-{kind}",
            server.address,
            server.port,
            Login(FAULT_USER, FAULT_PASSWORD),
            HostKey(server.host_key_type, server.host_key_base64),
        )
        start = time.monotonic()
        try:
            outcome: object = SshShell().run(endpoint, "true", LIMITS, cancel)
        except RemoteError as error:
            outcome = error
        return time.monotonic() - start, lambda: outcome


@pytest.mark.parametrize(
    ("kind", "code", "limit"),
    [
        ("silent", "banner_silent", LIMITS.banner),
        ("slow_banner", "banner_timeout", LIMITS.banner),
        ("auth_unanswered", "auth_timeout", LIMITS.auth),
        ("channel_unanswered", "channel_timeout", LIMITS.channel),
        ("exec_unanswered", "channel_timeout", LIMITS.channel),
    ],
)
def test_a_host_that_hangs_before_the_command_ends_with_its_phase(
    kind: str, code: str, limit: float
) -> None:
    took, result = _run(kind)
    error = result()
    assert isinstance(error, RemoteError), error
    assert (error.code, error.params["host"]) == (code, f"fault-{kind}")
    assert took < limit + GRACE


@pytest.mark.parametrize(
    ("kind", "outcome", "kept", "limit"),
    [
        ("drop_mid_output", Outcome.DROPPED, b"partial-output\n", LIMITS.read),
        ("no_exit_status", Outcome.NO_EXIT_STATUS, b"some output\n", LIMITS.read),
        ("stall_output", Outcome.READ_TIMEOUT, b"first line\n", LIMITS.read),
    ],
)
def test_a_command_that_never_finishes_keeps_its_output_marked_incomplete(
    kind: str, outcome: Outcome, kept: bytes, limit: float
) -> None:
    took, result = _run(kind)
    done = result()
    assert isinstance(done, CommandResult), done
    assert (done.outcome, done.complete, done.exit_status) == (outcome, False, None)
    assert done.stdout == kept
    assert took < limit + GRACE


def test_the_control_server_completes() -> None:
    _took, result = _run("ok")
    done = result()
    assert isinstance(done, CommandResult), done
    assert (done.outcome, done.exit_status, done.stdout) == (Outcome.COMPLETED, 0, b"ok-output\n")


def test_the_whole_command_has_a_limit_even_while_output_trickles() -> None:
    """A host that keeps talking is stopped by the command limit, not the read limit."""
    took, result = _run("trickle")
    done = result()
    assert isinstance(done, CommandResult), done
    assert done.outcome == Outcome.COMMAND_TIMEOUT
    assert done.stdout.startswith(b"tick\n")
    assert took < LIMITS.command + GRACE


def test_cancel_stops_a_running_host_within_two_seconds_and_keeps_its_output() -> None:
    cancel = threading.Event()
    threading.Timer(0.5, cancel.set).start()
    took, result = _run("stall_output", cancel)
    done = result()
    assert isinstance(done, CommandResult), done
    assert (done.outcome, done.stdout) == (Outcome.CANCELLED, b"first line\n")
    assert took < 0.5 + GRACE


def test_cancel_stops_a_host_that_hangs_before_the_command() -> None:
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    took, result = _run("exec_unanswered", cancel)
    error = result()
    assert isinstance(error, RemoteError), error
    assert error.code == "cancelled"
    assert took < 0.3 + GRACE
