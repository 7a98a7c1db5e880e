"""A real SMTP server (aiosmtpd) on a free loopback port for the mail tests: plain, STARTTLS or
implicit TLS with a throwaway CA, optional AUTH, refusals on demand, and a stop and restart on
the same port ("the mail server was down, now it is back").

    with running_smtp("starttls", user="robot", password="pw") as server:
        SmtpSender(server.settings(), ssl_context=server.client_context).send(...)
        server.messages[0].message["Subject"]
        server.fail_next(2, at="RCPT")      # the next two RCPTs get 451
        server.stop(); ...; server.start()  # same port
"""

from __future__ import annotations

import contextlib
import datetime
import ipaddress
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from supportdesk.domain.delivery import MailSettings

MODES = ("plain", "starttls", "ssl")  # the adapter's security value for each is the same word
TEMPORARY = "451 4.3.0 Try again later"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes  # as it came over the wire, to check the encodings themselves
    message: EmailMessage  # parsed with policy.default: headers and filenames decoded


@dataclass(frozen=True)
class ThrowawayCa:
    """A CA and a server certificate for 127.0.0.1 and localhost, valid for a day."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    def client_context(self) -> ssl.SSLContext:
        """Verifies as strictly as the default context, trusting only this CA."""
        return ssl.create_default_context(cafile=str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_ca(folder: Path) -> ThrowawayCa:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())  # EC: fast to generate, unlike RSA
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SupportDesk test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        # Python 3.13's default context is VERIFY_X509_STRICT, which wants the AKI.
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = ThrowawayCa(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    files.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


class _Handler:
    """aiosmtpd's hooks (called on the server's event loop thread)."""

    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    async def handle_MAIL(  # noqa: N802 - aiosmtpd's hook names
        self, smtp: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        # Not aiosmtpd's auth_required: that warns (an error under our filterwarnings) when
        # AUTH is allowed without STARTTLS, which implicit TLS needs (aiosmtpd cannot tell).
        if self._server.user and not session.authenticated:
            return "530 5.7.0 Authentication required"
        if failed := self._server._take_failure("MAIL"):
            return failed
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(  # noqa: N802
        self, smtp: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if failed := self._server._take_failure("RCPT"):
            return failed
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, smtp: SMTP, session: Session, envelope: Envelope
    ) -> str:
        if failed := self._server._take_failure("DATA"):
            return failed
        raw = envelope.original_content or b""
        message = BytesParser(_class=EmailMessage, policy=policy.default).parsebytes(raw)
        received = Received(envelope.mail_from or "", tuple(envelope.rcpt_tos), raw, message)
        with self._server._lock:
            self._server._messages.append(received)
        return "250 2.0.0 Message accepted for delivery"


class SmtpServer:
    """Use through `running_smtp`. `start`/`stop` may be called again: always the same port."""

    def __init__(self, mode: str, ca: ThrowawayCa, user: str, password: str | None) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        self.host = HOST
        self.port = free_port()
        self.ca = ca
        self.user = user
        self.password = password
        self._lock = threading.Lock()
        self._messages: list[Received] = []
        self._failures: dict[str, tuple[int, str]] = {}
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[Received]:
        with self._lock:
            return list(self._messages)

    @property
    def client_context(self) -> ssl.SSLContext:
        return self.ca.client_context()

    @property
    def running(self) -> bool:
        return self._controller is not None

    def settings(self, *, sender: str = "desk@example.com", **changes: Any) -> MailSettings:
        """Settings that reach this server as it is configured; `changes` override fields."""
        fields: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "security": "none" if self.mode == "plain" else self.mode,
            "sender": sender,
            "user": self.user,
            "password": self.password,
        }
        fields.update(changes)
        return MailSettings(**fields)

    def fail_next(self, count: int = 1, *, at: str = "DATA", reply: str = TEMPORARY) -> None:
        """Answer the next `count` MAIL, RCPT or DATA commands with `reply` (a 451 by default;
        pass e.g. "550 5.1.1 No such user" for a permanent refusal)."""
        if at not in ("MAIL", "RCPT", "DATA"):
            raise ValueError(at)
        with self._lock:
            self._failures[at] = (count, reply)

    def _take_failure(self, command: str) -> str | None:
        with self._lock:
            count, reply = self._failures.get(command, (0, ""))
            if count <= 0:
                return None
            self._failures[command] = (count - 1, reply)
            return reply

    def start(self) -> None:
        if self._controller is not None:
            return
        params: dict[str, Any] = {}
        if self.mode == "starttls":
            params.update(tls_context=self.ca.server_context(), require_starttls=True)
        if self.user:
            params.update(
                authenticator=self._authenticate,
                # aiosmtpd sees STARTTLS but not implicit TLS; plain mode allows AUTH in
                # clear on purpose, as some in-house relays do.
                auth_require_tls=self.mode == "starttls",
            )
        # A new Controller each time: a stopped one has closed its event loop. asyncio's
        # create_server sets SO_REUSEADDR, so the port is free again despite TIME_WAIT.
        controller = Controller(
            _Handler(self),
            hostname=self.host,
            port=self.port,
            ssl_context=self.ca.server_context() if self.mode == "ssl" else None,
            server_hostname="localhost",  # else aiosmtpd asks DNS for the FQDN
            **params,
        )
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        """Close the listening socket and every open session; connecting is then refused."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def _authenticate(
        self, smtp: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and self.password is not None
            and data.login == self.user.encode()
            and data.password == self.password.encode()  # UTF-8, as RFC 4616 says
        )
        # handled=False: aiosmtpd then answers 535 itself (handled=True would answer nothing).
        return AuthResult(success=ok, handled=False)


@contextlib.contextmanager
def running_smtp(
    mode: str = "plain", *, user: str = "", password: str | None = None
) -> Iterator[SmtpServer]:
    """A started server; with `user`, MAIL is refused until AUTH PLAIN/LOGIN succeeded."""
    with tempfile.TemporaryDirectory(prefix="sd-smtp-") as folder:
        server = SmtpServer(mode, make_ca(Path(folder)), user, password)
        server.start()
        try:
            yield server
        finally:
            server.stop()
