"""SmtpSender against a real aiosmtpd server on loopback (tests/servers/smtp.py)."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from email.header import decode_header, make_header

import pytest

from supportdesk.adapters.mail import SmtpSender
from supportdesk.domain.delivery import Attachment, DeliveryFailed, MailSettings, Outgoing
from tests.servers.smtp import HOST, SmtpServer, running_smtp

USER = "reminder-bot"
PASSWORD = "Smtp-Pw-8c41d2"
SUBJECT = "维保到期提醒：【华东数据中心】核心交换机维保合同将于 2025-03-31 到期，请尽快续签"
FILENAME = "维保合同 清单（2025）.pdf"
PDF = b"%PDF-1.4 \x00\xff binary"

MESSAGE = Outgoing(
    channel="mail",
    subject=SUBJECT,
    text="张经理：\n贵司系统维保将于 30 天后到期。\n",
    to=("sales@example.com", "pm@example.com"),
    cc=("lead@example.com",),
    attachments=(Attachment(FILENAME, PDF, "application/pdf"),),
    message_id="<reminder-42.7@supportdesk.example>",
)


@pytest.fixture
def plain() -> Iterator[SmtpServer]:
    with running_smtp("plain") as server:
        yield server


def _failure(
    settings: MailSettings, server: SmtpServer | None = None, timeout: float = 30.0
) -> DeliveryFailed:
    context = server.client_context if server else None
    with pytest.raises(DeliveryFailed) as caught:
        SmtpSender(settings, ssl_context=context, timeout=timeout).send(MESSAGE)
    reason = caught.value.reason
    assert settings.host in reason  # names the server...
    assert "Traceback" not in reason  # ...in a sentence
    return caught.value


def test_chinese_subject_attachment_and_headers_arrive_intact(plain: SmtpServer) -> None:
    SmtpSender(plain.settings()).send(MESSAGE)

    [got] = plain.messages
    assert got.mail_from == "desk@example.com"
    assert got.rcpt_tos == ("sales@example.com", "pm@example.com", "lead@example.com")
    # On the wire the headers are ASCII: RFC 2047 words, which any server relays.
    head = got.raw.split(b"\r\n\r\n", 1)[0]
    assert head.isascii()
    raw_subject = next(line for line in head.decode().split("\r\n") if line.startswith("Subject:"))
    assert "=?utf-8?" in raw_subject.lower()
    assert str(make_header(decode_header(got.message["Subject"]))) == SUBJECT
    assert got.message["Subject"] == SUBJECT

    assert got.message["To"] == "sales@example.com, pm@example.com"
    assert got.message["Cc"] == "lead@example.com"
    assert got.message["From"] == "desk@example.com"
    assert got.message["Message-ID"] == "<reminder-42.7@supportdesk.example>"
    assert got.message["Date"]

    body = got.message.get_body(("plain",))
    assert body is not None
    assert body.get_content_charset() == "utf-8"
    assert body.get_content().replace("\r\n", "\n") == MESSAGE.text

    [attachment] = list(got.message.iter_attachments())
    assert re.search(rb"filename\*(0\*)?=utf-8''%", got.raw)  # RFC 2231, maybe continued
    assert attachment.get_filename() == FILENAME
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content() == PDF


def test_a_message_id_is_made_when_none_is_given(plain: SmtpServer) -> None:
    SmtpSender(plain.settings(sender="desk@corp.example")).send(
        Outgoing(channel="mail", subject="s", text="t", to=("a@example.com",))
    )
    [got] = plain.messages
    assert got.message["Message-ID"].endswith("@corp.example>")
    assert got.message["To"] == "a@example.com"
    assert got.message["Cc"] is None


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
@pytest.mark.parametrize("password", [PASSWORD, "邮箱-密码-Pw1"], ids=["ascii", "utf8"])
def test_tls_with_verification_and_login(mode: str, password: str) -> None:
    # The server refuses MAIL before AUTH, and in starttls mode any command before STARTTLS:
    # a delivery proves both happened.
    with running_smtp(mode, user=USER, password=password) as server:
        SmtpSender(server.settings(), ssl_context=server.client_context).send(MESSAGE)
        [got] = server.messages
        assert got.message["Subject"] == SUBJECT


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_an_untrusted_certificate_is_refused(mode: str) -> None:
    with running_smtp(mode) as server:
        # No context given: the default one, which does not know the test CA.
        failed = _failure(server.settings())
        assert failed.permanent
        assert "certificate" in failed.reason
        assert server.messages == []


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_a_wrong_password_is_permanent_and_not_told(mode: str) -> None:
    wrong = "Wrong-Pw-a9f3e71c"
    with running_smtp(mode, user=USER, password=PASSWORD) as server:
        failed = _failure(server.settings(password=wrong), server)
        assert failed.permanent
        assert "535" in failed.reason
        assert wrong not in failed.reason
        assert PASSWORD not in failed.reason
        assert server.messages == []


def test_a_user_without_password_is_permanent() -> None:
    with running_smtp("plain", user=USER, password=PASSWORD) as server:
        assert _failure(server.settings(password=None)).permanent


def test_without_login_the_server_refuses_permanently() -> None:
    with running_smtp("plain", user=USER, password=PASSWORD) as server:
        failed = _failure(server.settings(user=""))
        assert failed.permanent
        assert "530" in failed.reason


def test_server_down_is_transient_and_it_works_once_back(plain: SmtpServer) -> None:
    plain.stop()
    failed = _failure(plain.settings())
    assert not failed.permanent
    plain.start()  # the same port
    SmtpSender(plain.settings()).send(MESSAGE)
    assert len(plain.messages) == 1


@pytest.mark.parametrize("at", ["MAIL", "RCPT", "DATA"])
def test_451_is_transient(plain: SmtpServer, at: str) -> None:
    # RCPT: every recipient refused (smtplib raises); MAIL and DATA: the transaction refused.
    plain.fail_next(3, at=at)
    failed = _failure(plain.settings())
    assert not failed.permanent
    assert "451" in failed.reason
    assert plain.messages == []


def test_one_refused_recipient_is_reported_as_partly_delivered(plain: SmtpServer) -> None:
    # The server takes the mail for the others: smtplib returns the refusal instead of raising.
    # Those others have it, so the failure says "partly": the outbox must not send it again.
    plain.fail_next(1, at="RCPT")
    failed = _failure(plain.settings())
    assert (failed.permanent, failed.partly) == (False, True)
    assert "sales@example.com" in failed.reason
    assert len(plain.messages) == 1
    assert "sales@example.com" not in plain.messages[0].rcpt_tos
    plain.fail_next(1, at="RCPT", reply="550 5.1.1 No such user")
    assert _failure(plain.settings()).permanent


def test_no_login_in_clear_text(plain: SmtpServer) -> None:
    failed = _failure(plain.settings(user=USER, password=PASSWORD))
    assert failed.permanent
    assert "starttls" in failed.reason
    assert plain.messages == []


def test_550_is_permanent(plain: SmtpServer) -> None:
    plain.fail_next(1, at="DATA", reply="554 5.7.1 Rejected as spam")
    failed = _failure(plain.settings())
    assert failed.permanent
    assert "554" in failed.reason


def test_starttls_missing_is_refused_before_the_password_goes_out(plain: SmtpServer) -> None:
    settings = plain.settings(security="starttls", user=USER, password=PASSWORD)
    failed = _failure(settings, plain)
    assert failed.permanent
    assert "STARTTLS" in failed.reason
    assert plain.messages == []


def test_a_silent_server_times_out() -> None:
    # Listens but never accepts: the connection completes, no greeting ever comes.
    with socket.socket() as listener:
        listener.bind((HOST, 0))
        listener.listen()
        port = listener.getsockname()[1]
        settings = MailSettings(host=HOST, port=port, security="none", sender="d@example.com")
        started = time.monotonic()
        failed = _failure(settings, timeout=1.0)
        assert time.monotonic() - started < 3.0
        assert not failed.permanent
