"""What the inspection asks of a remote host over SSH, and what comes back (R2.3)."""

from __future__ import annotations

import base64
import hashlib
import shlex
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from supportdesk.domain.errors import SupportDeskError


@dataclass(frozen=True, slots=True)
class HostKey:
    """A server's public host key, as OpenSSH writes it (type and base64 blob)."""

    key_type: str
    key_base64: str

    @property
    def fingerprint(self) -> str:
        """SHA256:<base64 without padding>, exactly as `ssh-keygen -l` prints it."""
        digest = hashlib.sha256(base64.b64decode(self.key_base64)).digest()
        return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


@dataclass(frozen=True, slots=True)
class Login:
    """How to authenticate: a password, or an OpenSSH private key (with its passphrase). Only
    these: never an agent, never keys lying in ~/.ssh."""

    username: str
    password: str | None = field(default=None, repr=False)
    private_key: str | None = field(default=None, repr=False)
    key_passphrase: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A host to reach: its address, the key we accepted for it (None: never seen), how to
    log in, and the jump host in front of it, if any."""

    name: str
    address: str
    port: int
    login: Login
    known_key: HostKey | None
    jump: Endpoint | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    """Seconds each phase may take. A phase that overruns ends within its limit + 2 s."""

    connect: float = 10.0
    banner: float = 15.0  # the server's SSH banner and key exchange
    auth: float = 20.0
    channel: float = 10.0  # opening a session or a direct-tcpip channel, and the exec request
    command: float = 300.0  # the whole command, start to exit status
    read: float = 60.0  # the longest silence while the command runs


class Outcome(StrEnum):
    """How a command ended. Anything but COMPLETED keeps the partial output, marked
    incomplete."""

    COMPLETED = "completed"  # it ran to its exit status
    COMMAND_TIMEOUT = "command_timeout"
    READ_TIMEOUT = "read_timeout"
    DROPPED = "dropped"  # the connection broke mid-output
    NO_EXIT_STATUS = "no_exit_status"  # the channel closed without an exit status
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CommandResult:
    host: str
    command: str
    host_key: HostKey
    started_at: datetime
    ended_at: datetime
    stdout: bytes
    stderr: bytes
    exit_status: int | None
    outcome: Outcome

    @property
    def complete(self) -> bool:
        return self.outcome == Outcome.COMPLETED


class RemoteError(SupportDeskError):
    """The host could not be inspected at all (nothing ran). Codes:

    host_key_unknown   first contact: `key` is the key offered; accept it explicitly
    host_key_changed   the key differs from the accepted one (`key` the new one)
    connect_failed / connect_timeout / banner_silent / banner_timeout / auth_failed /
    auth_timeout / channel_timeout / ssh_failed
    Every code carries `host`; a failure behind a jump host names the host it happened on.
    """

    def __init__(self, code: str, *, key: HostKey | None = None, **params: str | float) -> None:
        self.key = key
        super().__init__(code, **params)


class RemoteShell(Protocol):
    """Runs one command on one host (the SSH adapter); `cancel` stops it within 2 s. `stdin`
    is written to the command's input, then closed: how a secret reaches a remote tool
    without appearing in its command line (ps, logs, the evidence)."""

    def run(
        self,
        endpoint: Endpoint,
        command: str,
        limits: Limits,
        cancel: threading.Event | None = None,
        stdin: bytes | None = None,
    ) -> CommandResult: ...


def quote_command(argv: Sequence[str]) -> str:
    """One shell word per argument, whatever it holds (quotes, ;|&$, newlines, Chinese)."""
    return " ".join(shlex.quote(a) for a in argv)
