"""Sender over SMTP (issue 6): implicit TLS, STARTTLS or plain, with an optional login.

Every failure becomes DeliveryFailed whose reason names the server, never the password.
`permanent` follows the server's own verdict where there is one (5xx, a refused login, a
certificate we do not trust) and is False for anything a later attempt may not meet again
(4xx, timeouts, a refused or dropped connection).
"""

from __future__ import annotations

import base64
import contextlib
import email.policy
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from supportdesk.domain.delivery import DeliveryFailed, MailSettings, Outgoing

# 7bit: smtplib announces no BODY=8BITMIME, so the body must survive a server without it
# (base64 or quoted-printable); headers become RFC 2047 / RFC 2231 encoded words, which any
# server accepts, where raw UTF-8 headers would need SMTPUTF8.
_POLICY = email.policy.SMTP.clone(cte_type="7bit")


class SmtpSender:
    def __init__(
        self,
        settings: MailSettings,
        *,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 30.0,
    ) -> None:
        self._settings = settings
        # Verification on: a reminder server that anyone on the path can impersonate would
        # also collect the SMTP password.
        self._context = ssl_context or ssl.create_default_context()
        self._timeout = timeout
        self._where = f"SMTP server {settings.host}:{settings.port}"

    def send(self, message: Outgoing) -> None:
        recipients = [*message.to, *message.cc]
        if not recipients:
            raise self._fail("the mail has no recipient", permanent=True)
        try:
            mail = self._compose(message)
        except ValueError as exc:  # e.g. a line break inside a header value
            raise self._fail(f"the mail cannot be encoded: {exc}", permanent=True) from None
        try:
            self._deliver(mail, recipients)
        except DeliveryFailed:
            raise
        except smtplib.SMTPAuthenticationError as exc:
            raise self._fail(f"login refused{_said(exc)}", permanent=True) from None
        except smtplib.SMTPRecipientsRefused as exc:
            raise self._refused(exc.recipients, partly=False) from None
        except smtplib.SMTPResponseException as exc:
            raise self._fail(f"refused{_said(exc)}", permanent=exc.smtp_code >= 500) from None
        except smtplib.SMTPServerDisconnected as exc:
            raise self._fail(f"connection lost: {exc}", permanent=False) from None
        except smtplib.SMTPException as exc:
            # What is left (no common AUTH mechanism, no SMTPUTF8 for a non-ASCII address)
            # is a mismatch of capabilities: the next attempt meets the same server.
            raise self._fail(f"cannot take the mail: {exc}", permanent=True) from None
        except ssl.SSLCertVerificationError as exc:
            reason = f"TLS certificate not trusted: {exc.verify_message}"
            raise self._fail(reason, permanent=True) from None
        except ssl.SSLError as exc:
            raise self._fail(f"TLS failed: {exc}", permanent=False) from None
        except OSError as exc:  # refused, unreachable, unknown host, TimeoutError
            raise self._fail(f"unreachable: {exc}", permanent=False) from None

    def _compose(self, message: Outgoing) -> EmailMessage:
        s = self._settings
        mail = EmailMessage(policy=_POLICY)
        mail["Subject"] = message.subject
        mail["From"] = s.sender
        if message.to:
            mail["To"] = ", ".join(message.to)
        if message.cc:
            mail["Cc"] = ", ".join(message.cc)
        mail["Date"] = formatdate(localtime=True)
        if message.message_id:
            mid = message.message_id.strip()
            mail["Message-ID"] = mid if mid.startswith("<") else f"<{mid}>"
        else:
            # The sender's domain, not make_msgid's default socket.getfqdn(), which can
            # wait seconds on a DNS lookup.
            mail["Message-ID"] = make_msgid(domain=s.sender.rpartition("@")[2] or "localhost")
        mail.set_content(message.text, charset="utf-8")
        for att in message.attachments:
            maintype, _, subtype = att.mime.partition("/")
            if not maintype or not subtype:
                maintype, subtype = "application", "octet-stream"
            mail.add_attachment(
                att.content, maintype=maintype, subtype=subtype, filename=att.filename
            )
        return mail

    def _deliver(self, mail: EmailMessage, recipients: list[str]) -> None:
        s = self._settings
        smtp: smtplib.SMTP
        if s.security == "ssl":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=self._timeout, context=self._context)
        elif s.security in ("starttls", "none"):
            smtp = smtplib.SMTP(s.host, s.port, timeout=self._timeout)
        else:
            raise self._fail(f"unknown security {s.security!r}", permanent=True)
        try:
            smtp.ehlo()
            if s.security == "starttls":
                if not smtp.has_extn("starttls"):
                    # Going on in clear text would hand the password and the mail to
                    # whoever stripped STARTTLS from the server's answer.
                    raise self._fail("STARTTLS is not offered", permanent=True)
                smtp.starttls(context=self._context)
                smtp.ehlo()
            if s.user:
                if s.security == "none":
                    # A password in clear text is anyone's on the path: refuse to send it.
                    raise self._fail("a login needs starttls or ssl", permanent=True)
                self._login(smtp)
            refused = smtp.send_message(mail, from_addr=s.sender, to_addrs=recipients)
            if refused:  # accepted for some recipients only (all refused raises instead)
                raise self._refused(refused, partly=True)
            # The server has the mail: a failing QUIT must not turn it into a failure.
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
        finally:
            smtp.close()

    def _login(self, smtp: smtplib.SMTP) -> None:
        s = self._settings
        if s.password is None:
            raise self._fail(f"no password is set for user {s.user!r}", permanent=True)
        if (s.user + s.password).isascii():
            smtp.login(s.user, s.password)
            return
        # smtplib encodes AUTH data as ASCII and would raise UnicodeEncodeError; PLAIN
        # (RFC 4616) carries UTF-8, so send it by hand.
        auth = smtp.esmtp_features.get("auth", "").upper().split()
        if "PLAIN" not in auth:
            raise self._fail("no AUTH PLAIN offered for a non-ASCII login", permanent=True)
        token = base64.b64encode(f"\0{s.user}\0{s.password}".encode()).decode("ascii")
        code, answer = smtp.docmd("AUTH", "PLAIN " + token)
        if code != 235:
            raise smtplib.SMTPAuthenticationError(code, answer)

    def _refused(self, refused: dict[str, tuple[int, bytes]], *, partly: bool) -> DeliveryFailed:
        each = "; ".join(f"{addr}: {code} {_text(text)}" for addr, (code, text) in refused.items())
        # Permanent only when every refusal is: a 4xx refusal may pass next time.
        permanent = all(code >= 500 for code, _ in refused.values())
        failure = self._fail(f"recipients refused: {each}", permanent=permanent)
        failure.partly = partly  # the others have it: never send it to them again
        return failure

    def _fail(self, what: str, *, permanent: bool) -> DeliveryFailed:
        reason = f"{self._where}: {what}"
        # Server text is not ours: make sure it cannot carry the password into a log.
        if self._settings.password:
            reason = reason.replace(self._settings.password, "***")
        return DeliveryFailed(reason, permanent=permanent)


def _said(exc: smtplib.SMTPResponseException) -> str:
    return f": {exc.smtp_code} {_text(exc.smtp_error)}"


def _text(answer: bytes | str) -> str:
    return answer.decode("utf-8", "replace") if isinstance(answer, bytes) else answer
