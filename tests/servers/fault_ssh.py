"""Misbehaving SSH servers on a free loopback port, for the faults a real sshd cannot produce on
demand: silence, a torn banner, requests left unanswered, output cut off or stalled.

Each stall waits on the server's stop event, so leaving the context never hangs on a client that
is still waiting for an answer.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import io
import queue
import socket
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# From paramiko.common: types-paramiko re-exports none of these from the package itself.
from paramiko.common import (
    AUTH_FAILED,
    AUTH_SUCCESSFUL,
    OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED,
    OPEN_SUCCEEDED,
)

FAULT_USER = "fault"
FAULT_PASSWORD = "fault-pw"

RAW_KINDS = ("silent", "slow_banner")
SSH_KINDS = (
    "auth_unanswered",
    "channel_unanswered",
    "exec_unanswered",
    "drop_mid_output",
    "no_exit_status",
    "stall_output",
    "trickle",
    "ok",
)
KINDS = RAW_KINDS + SSH_KINDS

_JOIN_TIMEOUT = 2.0
_POLL = 0.1


@dataclass
class FaultServer:
    address: str
    port: int
    kind: str
    host_key_type: str
    host_key_base64: str
    host_key_fingerprint: str  # "SHA256:...", as `ssh-keygen -lf` prints it


def _new_host_key() -> paramiko.Ed25519Key:
    # paramiko cannot generate Ed25519 keys itself; cryptography can, in OpenSSH format.
    text = (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.OpenSSH,
            serialization.NoEncryption(),
        )
        .decode()
    )
    return paramiko.Ed25519Key(file_obj=io.StringIO(text))


def _fingerprint(key: paramiko.PKey) -> str:
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")


class _Interface(paramiko.ServerInterface):
    """Answers the client as `kind` says; a stall blocks paramiko's transport thread, which is
    exactly what leaves the client's request unanswered."""

    def __init__(self, kind: str, stop: threading.Event) -> None:
        self.kind = kind
        self.stop = stop
        self.exec_channels: queue.Queue[paramiko.Channel] = queue.Queue()

    def _stall(self) -> None:
        self.stop.wait()

    def get_allowed_auths(self, username: str) -> str:
        return "password"

    def check_auth_none(self, username: str) -> int:
        if self.kind == "auth_unanswered":
            self._stall()
        return AUTH_FAILED

    def check_auth_password(self, username: str, password: str) -> int:
        if self.kind == "auth_unanswered":
            self._stall()
            return AUTH_FAILED
        if username == FAULT_USER and password == FAULT_PASSWORD:
            return AUTH_SUCCESSFUL
        return AUTH_FAILED

    def check_auth_publickey(self, username: str, key: paramiko.PKey) -> int:
        if self.kind == "auth_unanswered":
            self._stall()
        return AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if self.kind == "channel_unanswered":
            self._stall()
            return OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED
        if kind == "session":
            return OPEN_SUCCEEDED
        return OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_exec_request(self, channel: paramiko.Channel, command: bytes) -> bool:
        if self.kind == "exec_unanswered":
            self._stall()
            return False
        # The reply goes out when this returns; the output is sent afterwards by the
        # connection's own thread.
        self.exec_channels.put(channel)
        return True


def _close_quietly(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class _Server:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.stop = threading.Event()
        self.host_key = _new_host_key()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(_POLL)
        self.port = int(self.listener.getsockname()[1])
        self.threads: list[threading.Thread] = []
        self.sockets: list[socket.socket] = []
        self.transports: list[paramiko.Transport] = []
        self.lock = threading.Lock()

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        with self.lock:
            self.threads.append(thread)
        thread.start()

    def start(self) -> None:
        self._spawn(self._accept_loop, f"fault-ssh-{self.kind}-accept")

    def _accept_loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # listener closed by close()
            conn.settimeout(None)
            with self.lock:
                self.sockets.append(conn)
            self._spawn(functools.partial(self._serve, conn), f"fault-ssh-{self.kind}-conn")

    def _serve(self, conn: socket.socket) -> None:
        try:
            if self.kind == "silent":
                self.stop.wait()
            elif self.kind == "slow_banner":
                conn.sendall(b"SSH-2.0-")
                self.stop.wait()
            else:
                self._serve_ssh(conn)
        except (OSError, EOFError, paramiko.SSHException):
            pass  # the client went away: what these servers are for
        finally:
            _close_quietly(conn)

    def _serve_ssh(self, conn: socket.socket) -> None:
        transport = paramiko.Transport(conn)
        with self.lock:
            self.transports.append(transport)
        transport.add_server_key(self.host_key)
        interface = _Interface(self.kind, self.stop)
        try:
            transport.start_server(server=interface)
            while not self.stop.is_set() and transport.is_active():
                try:
                    channel = interface.exec_channels.get(timeout=_POLL)
                except queue.Empty:
                    continue
                self._answer_exec(conn, channel)
        finally:
            transport.close()

    def _answer_exec(self, conn: socket.socket, channel: paramiko.Channel) -> None:
        if self.kind == "drop_mid_output":
            channel.sendall(b"partial-output\n")
            # A FIN, no SSH disconnect, no channel close. Not an RST: Linux would discard the
            # output still unread in the client's receive buffer.
            conn.shutdown(socket.SHUT_RDWR)
        elif self.kind == "no_exit_status":
            channel.sendall(b"some output\n")
            channel.shutdown_write()
            channel.close()
        elif self.kind == "stall_output":
            channel.sendall(b"first line\n")
            self.stop.wait()
        elif self.kind == "trickle":  # talks forever, never fast enough to finish
            while not self.stop.wait(0.5):
                channel.sendall(b"tick\n")
        elif self.kind == "ok":
            channel.sendall(b"ok-output\n")
            channel.send_exit_status(0)
            channel.shutdown_write()
            channel.close()

    def close(self) -> None:
        self.stop.set()
        _close_quietly(self.listener)
        with self.lock:
            transports, sockets = list(self.transports), list(self.sockets)
        for transport in transports:
            transport.close()
        for sock in sockets:
            _close_quietly(sock)
        with self.lock:
            threads = list(self.threads)
        for thread in threads:
            thread.join(_JOIN_TIMEOUT)


@contextlib.contextmanager
def running_fault_server(kind: str) -> Iterator[FaultServer]:
    if kind not in KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(KINDS)}")
    server = _Server(kind)
    server.start()
    try:
        yield FaultServer(
            address="127.0.0.1",
            port=server.port,
            kind=kind,
            host_key_type=server.host_key.get_name(),
            host_key_base64=server.host_key.get_base64(),
            host_key_fingerprint=_fingerprint(server.host_key),
        )
    finally:
        server.close()
