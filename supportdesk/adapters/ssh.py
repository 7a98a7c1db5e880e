"""RemoteShell over SSH with paramiko: host keys from our own table, only the vault's
credential, a jump host through a direct-tcpip channel, and a time limit on every phase.

paramiko bounds most phases itself (connect, banner, key exchange, authentication, channel
open) but not all: the reply to an exec request is awaited without a timeout. So a monitor
thread watches each run: when a phase overruns its limit, or the caller cancels, it closes the
connection, which wakes whatever call is waiting, and the run ends with that phase's message.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import paramiko

from supportdesk.domain.remote import (
    CommandResult,
    Endpoint,
    HostKey,
    Limits,
    Login,
    Outcome,
    RemoteError,
)

log = logging.getLogger(__name__)

_POLL = 0.1  # seconds between the monitor's and the reader's checks
_CHUNK = 65536


class _Monitor:
    """Closes everything a run opened once the current phase overruns or `cancel` is set."""

    def __init__(self, cancel: threading.Event | None) -> None:
        self._cancel = cancel
        self._closers: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._phase: str | None = None
        self._deadline = 0.0
        self.expired: str | None = None  # the phase that overran, or "cancelled"
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="ssh-monitor", daemon=True)
        self._thread.start()

    def closes(self, closer: Callable[[], None]) -> None:
        with self._lock:
            self._closers.append(closer)

    def phase(self, name: str | None, seconds: float = 0.0) -> None:
        with self._lock:
            self._phase, self._deadline = name, time.monotonic() + seconds

    def _watch(self) -> None:
        while not self._done.wait(_POLL):
            with self._lock:
                if self._cancel is not None and self._cancel.is_set():
                    self.expired = "cancelled"
                elif self._phase is not None and time.monotonic() > self._deadline:
                    self.expired = self._phase
                if self.expired is None:
                    continue
                closers = list(self._closers)
            for close in reversed(closers):
                with contextlib.suppress(Exception):
                    close()
            return

    def stop(self) -> None:
        self._done.set()
        self._thread.join(timeout=2)
        with self._lock:
            closers = list(self._closers)
        for close in reversed(closers):
            with contextlib.suppress(Exception):
                close()


def _load_private_key(host: str, text: str, passphrase: str | None) -> paramiko.PKey:
    """An OpenSSH private key of any type paramiko knows; the error never shows key bytes."""
    wrong_passphrase = False
    for kind in (paramiko.Ed25519Key, paramiko.ECDSAKey, paramiko.RSAKey):
        try:
            return kind.from_private_key(io.StringIO(text), password=passphrase or None)
        except paramiko.PasswordRequiredException:
            raise RemoteError("key_passphrase_needed", host=host) from None
        except (paramiko.SSHException, ValueError) as error:
            # paramiko words a failed decryption differently per key type ("checkints do
            # not match" for the OpenSSH format: the decrypted check words differ).
            said = str(error).lower()
            wrong_passphrase |= any(w in said for w in ("passphrase", "decrypt", "checkint"))
    if wrong_passphrase:
        raise RemoteError("key_wrong_passphrase", host=host) from None
    raise RemoteError("key_unreadable", host=host) from None


class SshShell:
    """The RemoteShell adapter. Stateless: each run opens and closes its own connections, so
    runs on many hosts go side by side in a thread pool."""

    def run(
        self,
        endpoint: Endpoint,
        command: str,
        limits: Limits,
        cancel: threading.Event | None = None,
        stdin: bytes | None = None,
    ) -> CommandResult:
        monitor = _Monitor(cancel)
        try:
            transport = self._connect(endpoint, limits, monitor)
            return self._execute(endpoint, transport, command, limits, monitor, stdin)
        finally:
            monitor.stop()

    # -- connecting ---------------------------------------------------------------------

    def _connect(self, endpoint: Endpoint, limits: Limits, monitor: _Monitor) -> paramiko.Transport:
        """An authenticated transport to `endpoint` (through its jump host, if it has one)."""
        sock: socket.socket | paramiko.Channel
        if endpoint.jump is None:
            sock = self._socket(endpoint, limits, monitor)
        else:
            jump = self._connect(endpoint.jump, limits, monitor)
            monitor.phase("channel_timeout", limits.channel + 1)
            try:
                sock = jump.open_channel(
                    "direct-tcpip",
                    (endpoint.address, endpoint.port),
                    ("127.0.0.1", 0),
                    timeout=limits.channel,
                )
            except paramiko.ChannelException as error:
                raise RemoteError(
                    "connect_failed",
                    host=endpoint.name,
                    detail=f"via {endpoint.jump.name}: {error.text}",
                ) from None
            except (paramiko.SSHException, OSError, EOFError):
                raise self._overrun(monitor, endpoint, "channel_timeout", limits.channel) from None
            monitor.closes(sock.close)
        transport = paramiko.Transport(sock)
        monitor.closes(transport.close)
        transport.banner_timeout = limits.banner
        transport.handshake_timeout = limits.banner
        transport.auth_timeout = limits.auth
        monitor.phase("banner_timeout", limits.banner + 1)
        try:
            # On a timeout start_client returns without raising; the key is then missing.
            transport.start_client(timeout=limits.banner)
            offered = transport.get_remote_server_key()
        except (paramiko.SSHException, OSError, EOFError):
            raise self._overrun(monitor, endpoint, "banner_timeout", limits.banner) from None
        seen = HostKey(offered.get_name(), offered.get_base64())
        # Checked before a single byte of a credential is sent.
        if endpoint.known_key is None:
            raise RemoteError(
                "host_key_unknown", key=seen, host=endpoint.name, fingerprint=seen.fingerprint
            )
        if seen != endpoint.known_key:
            raise RemoteError(
                "host_key_changed",
                key=seen,
                host=endpoint.name,
                old=endpoint.known_key.fingerprint,
                new=seen.fingerprint,
            )
        monitor.phase("auth_timeout", limits.auth + 1)
        self._authenticate(endpoint, transport, limits, monitor)
        monitor.phase(None)
        return transport

    def _socket(self, endpoint: Endpoint, limits: Limits, monitor: _Monitor) -> socket.socket:
        monitor.phase("connect_timeout", limits.connect + 1)
        try:
            sock = socket.create_connection((endpoint.address, endpoint.port), limits.connect)
        except TimeoutError:
            raise RemoteError(
                "connect_timeout", host=endpoint.name, seconds=limits.connect
            ) from None
        except OSError as error:
            detail = error.strerror or type(error).__name__
            raise RemoteError("connect_failed", host=endpoint.name, detail=detail) from None
        monitor.closes(sock.close)
        # One small packet per request and reply: Nagle would hold each back (DESIGN.md).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # A server that accepts and then says nothing is told apart from a slow banner.
        monitor.phase("banner_silent", limits.banner + 1)
        sock.settimeout(limits.banner)
        try:
            first = sock.recv(1, socket.MSG_PEEK)
        except TimeoutError:
            raise RemoteError("banner_silent", host=endpoint.name, seconds=limits.banner) from None
        except OSError:
            raise self._overrun(monitor, endpoint, "banner_silent", limits.banner) from None
        if not first:
            raise RemoteError("connect_failed", host=endpoint.name, detail="closed at once")
        sock.settimeout(None)
        return sock

    def _authenticate(
        self, endpoint: Endpoint, transport: paramiko.Transport, limits: Limits, monitor: _Monitor
    ) -> None:
        login: Login = endpoint.login
        try:
            if login.private_key:
                key = _load_private_key(endpoint.name, login.private_key, login.key_passphrase)
                transport.auth_publickey(login.username, key)
            elif login.password is not None:
                transport.auth_password(login.username, login.password, fallback=False)
            else:
                raise RemoteError("auth_failed", host=endpoint.name, detail="no credential")
        except paramiko.BadAuthenticationType as error:
            allowed = ", ".join(error.allowed_types)
            raise RemoteError(
                "auth_failed", host=endpoint.name, detail=f"the server allows {allowed}"
            ) from None
        except paramiko.AuthenticationException as error:
            if "timeout" in str(error).lower() or monitor.expired:
                raise self._overrun(monitor, endpoint, "auth_timeout", limits.auth) from None
            raise RemoteError("auth_failed", host=endpoint.name, detail="refused") from None
        except (paramiko.SSHException, OSError, EOFError):
            raise self._overrun(monitor, endpoint, "auth_timeout", limits.auth) from None
        if not transport.is_authenticated():
            raise RemoteError("auth_failed", host=endpoint.name, detail="refused")

    @staticmethod
    def _overrun(monitor: _Monitor, endpoint: Endpoint, phase: str, seconds: float) -> RemoteError:
        """The error for a phase that failed: cancelled, overran, or the peer broke off."""
        if monitor.expired == "cancelled":
            return RemoteError("cancelled", host=endpoint.name)
        if monitor.expired is not None:
            phase = monitor.expired
        return RemoteError(phase, host=endpoint.name, seconds=seconds)

    # -- running ------------------------------------------------------------------------

    def _execute(
        self,
        endpoint: Endpoint,
        transport: paramiko.Transport,
        command: str,
        limits: Limits,
        monitor: _Monitor,
        stdin: bytes | None = None,
    ) -> CommandResult:
        offered = transport.get_remote_server_key()
        host_key = HostKey(offered.get_name(), offered.get_base64())
        monitor.phase("channel_timeout", limits.channel + 1)
        started = datetime.now(UTC)
        try:
            channel = transport.open_session(timeout=limits.channel)
            monitor.closes(channel.close)
            channel.exec_command(command)  # waits for the reply with no timeout of its own
            if stdin is not None:
                channel.sendall(stdin)
                channel.shutdown_write()  # then end of input: a command reading on ends
        except (paramiko.SSHException, OSError, EOFError):
            raise self._overrun(monitor, endpoint, "channel_timeout", limits.channel) from None
        # From here on the reader keeps its own time; the monitor only answers a cancel.
        monitor.phase(None)
        out, err = bytearray(), bytearray()
        outcome = self._read(transport, channel, limits, monitor, out, err)
        status = channel.recv_exit_status() if outcome == Outcome.COMPLETED else None
        return CommandResult(
            host=endpoint.name,
            command=command,
            host_key=host_key,
            started_at=started,
            ended_at=datetime.now(UTC),
            stdout=bytes(out),
            stderr=bytes(err),
            exit_status=status,
            outcome=outcome,
        )

    @staticmethod
    def _read(
        transport: paramiko.Transport,
        channel: paramiko.Channel,
        limits: Limits,
        monitor: _Monitor,
        out: bytearray,
        err: bytearray,
    ) -> Outcome:
        """Read until the exit status, keeping whatever arrived if the command never gets
        there; poll exit_status_ready() rather than block in recv_exit_status()."""
        start = last = time.monotonic()
        channel.settimeout(_POLL)
        eof = False

        def drain() -> bool:
            got = False
            while channel.recv_stderr_ready():
                err.extend(channel.recv_stderr(_CHUNK))
                got = True
            while channel.recv_ready():
                data = channel.recv(_CHUNK)
                if not data:
                    break
                out.extend(data)
                got = True
            return got

        while True:
            got = drain()
            if not eof:
                try:
                    data = channel.recv(_CHUNK)
                except TimeoutError:
                    data = None
                eof = data == b""
                if data:
                    out.extend(data)
                    got = True
            else:
                channel.status_event.wait(_POLL)
            now = time.monotonic()
            last = now if got else last
            ended = SshShell._ended(transport, channel, monitor)
            if ended is not None:
                drain()
                return ended
            if now - start > limits.command:
                return Outcome.COMMAND_TIMEOUT
            if now - last > limits.read:
                return Outcome.READ_TIMEOUT

    @staticmethod
    def _ended(
        transport: paramiko.Transport, channel: paramiko.Channel, monitor: _Monitor
    ) -> Outcome | None:
        # paramiko also sets status_event when the channel closes; a real exit status is an
        # unsigned number, so -1 means none came.
        if channel.status_event.is_set() and channel.exit_status >= 0:
            return Outcome.COMPLETED
        if monitor.expired == "cancelled":
            return Outcome.CANCELLED
        if not transport.is_active():
            return Outcome.DROPPED
        if channel.closed:  # closed cleanly, but no exit status came
            return Outcome.NO_EXIT_STATUS
        return None
