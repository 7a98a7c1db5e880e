"""The SSH test servers themselves do what the adapter tests rely on."""

from __future__ import annotations

import contextlib
import io
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import paramiko
import pytest

from tests.servers.fault_ssh import FAULT_PASSWORD, FAULT_USER, running_fault_server
from tests.servers.sshd import SshServer, running_sshd

pytestmark = pytest.mark.sshd

TIMEOUT = 5.0
SHORT = 0.5


@pytest.fixture(scope="module")
def sshd() -> Iterator[SshServer]:
    with running_sshd() as server:
        yield server


def connect(
    address: str, port: int, key_type: str, key_base64: str, sock: paramiko.Channel | None = None
) -> paramiko.Transport:
    """Key exchange, then the host key must be exactly the expected one."""
    transport = paramiko.Transport(sock if sock is not None else (address, port))
    transport.banner_timeout = TIMEOUT
    transport.start_client(timeout=TIMEOUT)
    key = transport.get_remote_server_key()
    if (key.get_name(), key.get_base64()) != (key_type, key_base64):
        transport.close()
        raise AssertionError(f"unexpected host key {key.get_name()} {key.get_base64()}")
    return transport


def connect_sshd(server: SshServer, sock: paramiko.Channel | None = None) -> paramiko.Transport:
    return connect(server.address, server.port, server.host_key_type, server.host_key_base64, sock)


def run(transport: paramiko.Transport, command: str) -> tuple[bytes, int]:
    channel = transport.open_session(timeout=TIMEOUT)
    channel.settimeout(TIMEOUT)
    channel.exec_command(command)
    output = b"".join(iter(lambda: channel.recv(4096), b""))
    return output, channel.recv_exit_status()


def test_sshd_password_login(sshd: SshServer) -> None:
    transport = connect_sshd(sshd)
    try:
        transport.auth_password(sshd.user, sshd.password)
        assert run(transport, "echo hi; id -un") == (f"hi\n{sshd.user}\n".encode(), 0)
    finally:
        transport.close()


def test_sshd_refuses_a_wrong_password(sshd: SshServer) -> None:
    transport = connect_sshd(sshd)
    try:
        with pytest.raises(paramiko.AuthenticationException):
            transport.auth_password(sshd.user, sshd.password + "x")
    finally:
        transport.close()


def test_sshd_key_login_with_passphrase(sshd: SshServer) -> None:
    assert "OPENSSH PRIVATE KEY" in sshd.client_key
    with pytest.raises(paramiko.PasswordRequiredException):
        paramiko.Ed25519Key.from_private_key(io.StringIO(sshd.client_key))
    key = paramiko.Ed25519Key.from_private_key(
        io.StringIO(sshd.client_key), password=sshd.client_key_passphrase
    )
    transport = connect_sshd(sshd)
    try:
        transport.auth_publickey(sshd.user, key)
        assert run(transport, "echo hi") == (b"hi\n", 0)
    finally:
        transport.close()


def test_sshd_fingerprint_matches_the_key(sshd: SshServer) -> None:
    import base64
    import hashlib

    blob = base64.b64decode(sshd.host_key_base64)
    expected = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    assert sshd.host_key_type == "ssh-ed25519"
    assert sshd.host_key_fingerprint == f"SHA256:{expected}"


def test_sshd_serves_fifty_connections_at_once(sshd: SshServer) -> None:
    # All fifty wait, unauthenticated, at the barrier: sshd's default MaxStartups would drop
    # some of them.
    barrier = threading.Barrier(50)

    def one(_: int) -> tuple[bytes, int]:
        transport = connect_sshd(sshd)
        try:
            barrier.wait(TIMEOUT * 2)
            transport.auth_password(sshd.user, sshd.password)
            return run(transport, "echo hi")
        finally:
            transport.close()

    with ThreadPoolExecutor(50) as pool:
        assert set(pool.map(one, range(50))) == {(b"hi\n", 0)}


def test_sshd_restart_with_new_host_key() -> None:
    with running_sshd() as server:
        port, old_key, old_fp = server.port, server.host_key_base64, server.host_key_fingerprint
        server.restart_with_new_host_key()
        assert server.port == port
        assert server.host_key_base64 != old_key
        assert server.host_key_fingerprint != old_fp
        with pytest.raises(AssertionError, match="unexpected host key"):
            connect(server.address, server.port, server.host_key_type, old_key)
        transport = connect_sshd(server)
        try:
            transport.auth_password(server.user, server.password)
            assert run(transport, "echo hi") == (b"hi\n", 0)
        finally:
            transport.close()


def test_sshd_direct_tcpip_reaches_a_second_sshd(sshd: SshServer) -> None:
    with running_sshd(allow_tcp_forwarding=True) as jump:
        outer = connect_sshd(jump)
        try:
            outer.auth_password(jump.user, jump.password)
            tunnel = outer.open_channel(
                "direct-tcpip", (sshd.address, sshd.port), ("127.0.0.1", 0), timeout=TIMEOUT
            )
            inner = connect_sshd(sshd, sock=tunnel)
            try:
                inner.auth_password(sshd.user, sshd.password)
                assert run(inner, "echo hi") == (b"hi\n", 0)
            finally:
                inner.close()
        finally:
            outer.close()


def test_sshd_without_forwarding_refuses_direct_tcpip(sshd: SshServer) -> None:
    with running_sshd(allow_tcp_forwarding=False) as jump:
        transport = connect_sshd(jump)
        try:
            transport.auth_password(jump.user, jump.password)
            with pytest.raises(paramiko.ChannelException):
                transport.open_channel(
                    "direct-tcpip", (sshd.address, sshd.port), ("127.0.0.1", 0), timeout=TIMEOUT
                )
        finally:
            transport.close()


# --- fault servers ---


def test_fault_silent_sends_nothing() -> None:
    with (
        running_fault_server("silent") as server,
        socket.create_connection((server.address, server.port), timeout=SHORT) as s,
        pytest.raises(TimeoutError),
    ):
        s.recv(100)


def test_fault_slow_banner_stops_after_the_prefix() -> None:
    with (
        running_fault_server("slow_banner") as server,
        socket.create_connection((server.address, server.port), timeout=SHORT) as s,
    ):
        received = b""
        with pytest.raises(TimeoutError):
            while True:
                chunk = s.recv(100)
                assert chunk, "the server closed the connection"
                received += chunk
        assert received == b"SSH-2.0-"


@contextlib.contextmanager
def fault_login(kind: str) -> Iterator[paramiko.Transport]:
    with running_fault_server(kind) as server:
        transport = connect(
            server.address, server.port, server.host_key_type, server.host_key_base64
        )
        try:
            transport.auth_password(FAULT_USER, FAULT_PASSWORD)
            yield transport
        finally:
            transport.close()


def test_fault_auth_unanswered() -> None:
    with running_fault_server("auth_unanswered") as server:
        assert server.host_key_type == "ssh-ed25519"
        transport = connect(
            server.address, server.port, server.host_key_type, server.host_key_base64
        )
        try:
            transport.auth_timeout = SHORT
            with pytest.raises(paramiko.AuthenticationException, match="timeout"):
                transport.auth_password(FAULT_USER, FAULT_PASSWORD)
        finally:
            transport.close()


def test_fault_refuses_a_wrong_password() -> None:
    with running_fault_server("ok") as server:
        transport = connect(
            server.address, server.port, server.host_key_type, server.host_key_base64
        )
        try:
            with pytest.raises(paramiko.AuthenticationException):
                transport.auth_password(FAULT_USER, "wrong")
        finally:
            transport.close()


def test_fault_channel_unanswered() -> None:
    with (
        fault_login("channel_unanswered") as transport,
        pytest.raises(paramiko.SSHException, match="Timeout opening channel"),
    ):
        transport.open_session(timeout=SHORT)


def test_fault_exec_unanswered() -> None:
    with fault_login("exec_unanswered") as transport:
        channel = transport.open_session(timeout=TIMEOUT)
        errors: list[BaseException] = []

        def exec_command() -> None:
            try:
                channel.exec_command("true")
            # Closing the transport under the waiting call ends it with an SSHException, or,
            # when the close wins the race for the socket, an OSError/EOFError.
            except (paramiko.SSHException, OSError, EOFError) as e:
                errors.append(e)

        # paramiko waits for the exec reply without any timeout of its own.
        waiter = threading.Thread(target=exec_command, daemon=True)
        waiter.start()
        waiter.join(SHORT)
        assert waiter.is_alive()
        transport.close()
        waiter.join(TIMEOUT)
        assert not waiter.is_alive()
        assert errors


def test_fault_drop_mid_output() -> None:
    with fault_login("drop_mid_output") as transport:
        channel = transport.open_session(timeout=TIMEOUT)
        channel.settimeout(TIMEOUT)
        channel.exec_command("anything")
        output = b"".join(iter(lambda: channel.recv(4096), b""))
        assert output == b"partial-output\n"
        assert channel.recv_exit_status() == -1
        deadline = time.monotonic() + TIMEOUT
        while transport.is_active() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not transport.is_active()


def test_fault_no_exit_status() -> None:
    with fault_login("no_exit_status") as transport:
        channel = transport.open_session(timeout=TIMEOUT)
        channel.settimeout(TIMEOUT)
        channel.exec_command("anything")
        output = b"".join(iter(lambda: channel.recv(4096), b""))
        assert output == b"some output\n"
        assert channel.recv_exit_status() == -1  # closed without an exit-status message
        assert transport.is_active()


def test_fault_stall_output_and_quick_shutdown() -> None:
    with running_fault_server("stall_output") as server:
        transport = connect(
            server.address, server.port, server.host_key_type, server.host_key_base64
        )
        transport.auth_password(FAULT_USER, FAULT_PASSWORD)
        channel = transport.open_session(timeout=TIMEOUT)
        channel.settimeout(TIMEOUT)
        channel.exec_command("anything")
        assert channel.recv(4096) == b"first line\n"
        channel.settimeout(SHORT)
        with pytest.raises(TimeoutError):
            channel.recv(4096)
        assert transport.is_active()
        assert not channel.exit_status_ready()
        started = time.monotonic()
    # Leaving the context with the client still connected and waiting must not hang.
    assert time.monotonic() - started < 3
    transport.close()


def test_fault_ok_serves_several_connections_at_once() -> None:
    with running_fault_server("ok") as server:
        transports = [
            connect(server.address, server.port, server.host_key_type, server.host_key_base64)
            for _ in range(5)
        ]
        try:
            for transport in transports:
                transport.auth_password(FAULT_USER, FAULT_PASSWORD)
            for transport in transports:
                assert run(transport, "anything") == (b"ok-output\n", 0)
                assert run(transport, "again") == (b"ok-output\n", 0)
        finally:
            for transport in transports:
                transport.close()


def test_fault_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown fault kind"), running_fault_server("nope"):
        pass
