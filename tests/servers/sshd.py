"""A real OpenSSH server for the tests: its own config, keys and log in a temporary folder,
listening on a free loopback port.

Only the standard library is imported here: tests/run reads SSH_USER and SSH_PASSWORD from this
module with the system python3 before the virtual environment exists.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SSHD = "/usr/sbin/sshd"
SSH_USER = "sdssh"
# Non-ASCII on purpose: chpasswd and sshd treat the password as bytes, paramiko sends UTF-8,
# so the adapter's handling of non-ASCII passwords is exercised end to end.
SSH_PASSWORD = "sdssh-Test-密码-1"
CLIENT_KEY_PASSPHRASE = "client-key-口令-pass"

_START_TIMEOUT = 10.0
_STOP_TIMEOUT = 5.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sshd_version() -> tuple[int, int]:
    out = subprocess.run([SSHD, "-V"], capture_output=True, text=True, check=False)
    found = re.search(r"OpenSSH_(\d+)\.(\d+)", out.stderr + out.stdout)
    return (int(found[1]), int(found[2])) if found else (0, 0)


def _keygen(path: Path, passphrase: str, comment: str) -> None:
    path.unlink(missing_ok=True)
    path.with_suffix(".pub").unlink(missing_ok=True)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", comment, "-f", str(path)],
        check=True,
        capture_output=True,
    )


def _fingerprint(pub: Path) -> str:
    # `ssh-keygen -lf` prints "256 SHA256:... comment (ED25519)".
    out = subprocess.run(
        ["ssh-keygen", "-lf", str(pub)], check=True, capture_output=True, text=True
    ).stdout
    return out.split()[1]


def _config(tmp: Path, port: int, allow_tcp_forwarding: bool, per_source_penalties: bool) -> str:
    lines = [
        f"Port {port}",
        "ListenAddress 127.0.0.1",
        f"HostKey {tmp / 'host_key'}",
        f"PidFile {tmp / 'sshd.pid'}",
        f"AuthorizedKeysFile {tmp / 'authorized_keys'}",
        # The temporary folder belongs to root, not to the login user.
        "StrictModes no",
        # Without PAM sshd checks the password against /etc/shadow itself; PAM's session
        # modules (motd, lastlog, systemd-logind) would only add noise and delay.
        "UsePAM no",
        "PasswordAuthentication yes",
        "KbdInteractiveAuthentication no",
        "PubkeyAuthentication yes",
        "PermitRootLogin no",
        f"AllowUsers {SSH_USER}",
        f"AllowTcpForwarding {'yes' if allow_tcp_forwarding else 'no'}",
        "X11Forwarding no",
        "AllowAgentForwarding no",
        "PermitTunnel no",
        # Tests open ~50 connections at once; the default 10:30:100 would drop some of them
        # before authentication, and MaxSessions caps the channels per connection.
        "MaxStartups 200",
        "MaxSessions 100",
        "MaxAuthTries 20",
        "LoginGraceTime 60",
        "UseDNS no",
        "PrintMotd no",
        "PrintLastLog no",
        "Banner none",
        "Subsystem sftp internal-sftp",
        # VERBOSE logs each authentication and forwarding decision: enough to explain a
        # failing test without drowning its log in packet traces.
        "LogLevel VERBOSE",
    ]
    if per_source_penalties:
        # OpenSSH >= 9.8 would otherwise refuse 127.0.0.1 for a while after the failed logins
        # and dropped connections the tests cause on purpose.
        lines.append("PerSourcePenalties no")
    return "\n".join(lines) + "\n"


@dataclass
class SshServer:
    address: str
    port: int
    user: str
    password: str
    host_key_type: str
    host_key_base64: str
    host_key_fingerprint: str
    client_key: str
    client_key_passphrase: str
    tmp: Path
    allow_tcp_forwarding: bool
    _proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def log_path(self) -> Path:
        """sshd's own log (stderr, -e): read it to explain a failing test."""
        return self.tmp / "sshd.log"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def restart_with_new_host_key(self) -> None:
        """Same port, same users; a fresh ed25519 host key, as after a server reinstall."""
        self.stop()
        self._make_host_key()
        self._start()

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        # sshd runs in its own process group: the per-connection children go with it, so no
        # session outlives the server and the port is free for a restart.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(_STOP_TIMEOUT)

    def _make_host_key(self) -> None:
        key = self.tmp / "host_key"
        _keygen(key, "", "sd-test-host")
        key_type, key_base64 = key.with_suffix(".pub").read_text().split()[:2]
        self.host_key_type = key_type
        self.host_key_base64 = key_base64
        self.host_key_fingerprint = _fingerprint(key.with_suffix(".pub"))

    def _start(self) -> None:
        major_minor = _sshd_version()
        cfg = self.tmp / "sshd_config"
        cfg.write_text(
            _config(self.tmp, self.port, self.allow_tcp_forwarding, major_minor >= (9, 8))
        )
        check = subprocess.run(
            [SSHD, "-t", "-f", str(cfg)], capture_output=True, text=True, check=False
        )
        if check.returncode != 0:
            raise RuntimeError(f"sshd rejects its test config {cfg}: {check.stderr.strip()}")
        with self.log_path.open("ab") as log:
            proc = subprocess.Popen(
                [SSHD, "-D", "-e", "-f", str(cfg)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        self._proc = proc
        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            if proc.poll() is not None:
                self._proc = None
                raise RuntimeError(
                    f"sshd exited with {proc.returncode} on start; its log:\n{self.log()}"
                )
            if _banner_seen(self.address, self.port):
                return
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"sshd did not answer on port {self.port}:\n{self.log()}")
            time.sleep(0.05)


def _banner_seen(address: str, port: int) -> bool:
    try:
        with socket.create_connection((address, port), timeout=1) as s:
            return s.recv(8).startswith(b"SSH-")
    except OSError:
        return False


def _check_can_run() -> None:
    if not Path(SSHD).exists():
        raise RuntimeError(
            f"{SSHD} not found: install the 'openssh-server' package (bash tests/run does this "
            "as root)"
        )
    if os.geteuid() != 0:
        raise RuntimeError(
            "the sshd test server must run as root: only root's sshd can log in another user "
            "(run bash tests/run as root)"
        )
    try:
        pwd.getpwnam(SSH_USER)
    except KeyError:
        raise RuntimeError(
            f"the OS user {SSH_USER!r} for the sshd tests is missing: run bash tests/run as "
            "root, which creates it"
        ) from None


@contextlib.contextmanager
def running_sshd(allow_tcp_forwarding: bool = True) -> Iterator[SshServer]:
    _check_can_run()
    # sshd refuses to start without its privilege separation directory; /run is a tmpfs in
    # containers, so it may be gone even where the package created it once.
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="sd-sshd-"))
    # sshd reads AuthorizedKeysFile as the login user, who must be able to reach it.
    tmp.chmod(0o755)
    try:
        client = tmp / "client_key"
        _keygen(client, CLIENT_KEY_PASSPHRASE, "sd-test-client")
        authorized = tmp / "authorized_keys"
        shutil.copyfile(client.with_suffix(".pub"), authorized)
        authorized.chmod(0o644)
        server = SshServer(
            address="127.0.0.1",
            port=0,
            user=SSH_USER,
            password=SSH_PASSWORD,
            host_key_type="",
            host_key_base64="",
            host_key_fingerprint="",
            client_key=client.read_text(),
            client_key_passphrase=CLIENT_KEY_PASSPHRASE,
            tmp=tmp,
            allow_tcp_forwarding=allow_tcp_forwarding,
        )
        server._make_host_key()
        # Another process may take the free port between our probe and sshd's bind.
        for attempt in range(3):
            server.port = _free_port()
            try:
                server._start()
                break
            except RuntimeError:
                if attempt == 2 or "Address already in use" not in server.log():
                    raise
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
