"""Sender to group-chat robots (issue 6): DingTalk, WeCom and Feishu/Lark custom webhooks.

The webhook URL is a credential (DingTalk's access_token, WeCom's key, Feishu's path token), as
is the signing secret: reasons name the host only, and any text from the server passes
through `_scrub` before it is put in a reason.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPException, InvalidURL
from typing import Any
from urllib.parse import parse_qsl, quote_plus, urlsplit

from supportdesk.domain.delivery import DeliveryFailed, Outgoing, RobotSettings

# Non-zero codes that mean "not now" (rate limits, a busy server); any other non-zero code
# (bad signature, missing keyword, unknown token, malformed message) needs a settings change.
_TRANSIENT = {
    "dingtalk": {-1, 130101},  # system busy; "send too fast, exceed 20 times per minute"
    "wecom": {-1, 45009},  # system busy; "api freq out of limit"
    "feishu": {9499, 11232},  # "too many requests"; "frequency limited"
}
_TRANSIENT_HTTP = {408, 429}
_MAX_REPLY = 65536  # the replies are a few dozen bytes; a huge one is not a robot
_URL_QUERY = re.compile(r"(https?://[^\s?\]\"']*)\?[^\s\]\"']*")  # a URL's query, kept out


class RobotSender:
    def __init__(
        self,
        settings: RobotSettings,
        *,
        timeout: float = 15.0,
        clock: Callable[[], float] = time.time,
        opener: urllib.request.OpenerDirector | None = None,
    ) -> None:
        self._settings = settings
        self._timeout = timeout
        self._clock = clock
        # build_opener honours the system's proxy settings, which office networks rely on.
        self._opener = opener or urllib.request.build_opener()
        parts = urlsplit(settings.url)
        self._host = parts.hostname or "?"
        self._label = f"{settings.kind} robot at {self._host}"
        # Feishu's token is the last path segment; the others sit in the query.
        secrets = [settings.url, parts.query, parts.path.rpartition("/")[2], settings.secret]
        secrets += [value for _, value in parse_qsl(parts.query)]
        # Longest first, so a token inside the URL does not leave the rest of the URL behind;
        # short ones would blank ordinary words.
        self._secrets = sorted({x for x in secrets if x and len(x) >= 8}, key=len, reverse=True)

    def send(self, message: Outgoing) -> None:
        kind = self._settings.kind
        if kind not in _TRANSIENT:
            raise DeliveryFailed(f"unknown robot kind {kind!r}", permanent=True)
        if urlsplit(self._settings.url).scheme not in ("http", "https"):
            # urllib would also open file:// and ftp:// URLs.
            raise DeliveryFailed(f"{self._label}: the webhook URL is not http(s)", permanent=True)
        url, body = self._request(message)
        request = urllib.request.Request(
            url,
            data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json; charset=utf-8"},
            method="POST",
        )
        status, raw = self._post(request)
        try:
            reply = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            reply = None
        if not isinstance(reply, dict):
            # A 2xx that is not the robot's answer comes from something in between (a proxy,
            # a captive portal) and may be gone next time; a plain 4xx means a wrong URL.
            permanent = 400 <= status < 500 and not _later(status)
            raise self._failed(f"HTTP {status}, not a robot reply", permanent=permanent)
        self._check(status, reply)

    def _request(self, message: Outgoing) -> tuple[str, dict[str, Any]]:
        s = self._settings
        if s.kind == "dingtalk":
            url = s.url
            if s.secret:
                # DingTalk: milliseconds; HMAC keyed with the secret over "timestamp\nsecret",
                # base64, then URL-encoded into the query.
                ts = int(self._clock() * 1000)
                sign = _hmac_b64(s.secret.encode(), f"{ts}\n{s.secret}".encode())
                sep = "&" if urlsplit(url).query else "?"
                url = f"{url}{sep}timestamp={ts}&sign={quote_plus(sign)}"
            text = f"### {message.subject}\n\n{message.text}"
            return url, {
                "msgtype": "markdown",
                "markdown": {"title": message.subject, "text": text},
            }
        if s.kind == "wecom":
            content = f"### {message.subject}\n\n{message.text}"
            return s.url, {"msgtype": "markdown", "markdown": {"content": content}}
        body: dict[str, Any] = {
            "msg_type": "text",
            "content": {"text": f"{message.subject}\n{message.text}"},
        }
        if s.secret:
            # Feishu: seconds; HMAC keyed with "timestamp\nsecret" over an empty message.
            ts = int(self._clock())
            body["timestamp"] = str(ts)
            body["sign"] = _hmac_b64(f"{ts}\n{s.secret}".encode(), b"")
        return s.url, body

    def _post(self, request: urllib.request.Request) -> tuple[int, bytes]:
        """The HTTP status and body; only failures that produced no answer raise."""
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                return int(response.status), response.read(_MAX_REPLY)
        except urllib.error.HTTPError as exc:  # a status >= 400 still carries a JSON body
            try:
                return exc.code, exc.read(_MAX_REPLY)
            except (OSError, HTTPException):
                return exc.code, b""
            finally:
                exc.close()
        except InvalidURL:
            # Its message quotes the URL; ours must not.
            raise self._failed("the webhook URL is malformed", permanent=True) from None
        except urllib.error.URLError as exc:  # before OSError: it is one
            raise self._failed(f"unreachable: {exc.reason}", permanent=False) from None
        except TimeoutError:
            raise self._failed(f"no answer within {self._timeout:g} s", permanent=False) from None
        except (OSError, HTTPException) as exc:  # reset, dropped, garbled status line
            raise self._failed(f"connection failed: {exc!r}", permanent=False) from None
        except ValueError:  # urllib's "unknown url type", also quoting the URL
            raise self._failed("the webhook URL is malformed", permanent=True) from None

    def _check(self, status: int, reply: dict[str, Any]) -> None:
        kind = self._settings.kind
        if kind == "feishu":
            # Current servers answer `code`; older ones `StatusCode` (both on success).
            code = reply.get("code", reply.get("StatusCode"))
            text = reply.get("msg") or reply.get("StatusMessage") or ""
        else:
            code, text = reply.get("errcode"), reply.get("errmsg") or ""
        if code == 0 and status < 300:
            return
        if not isinstance(code, int):
            raise self._failed(f"HTTP {status}, unexpected reply", permanent=False)
        permanent = code not in _TRANSIENT[kind] and not _later(status)
        raise self._failed(f"HTTP {status}, code {code}: {text}", permanent=permanent)

    def _failed(self, what: str, *, permanent: bool) -> DeliveryFailed:
        return DeliveryFailed(self._scrub(f"{self._label}: {what}"), permanent=permanent)

    def _scrub(self, text: str) -> str:
        text = _URL_QUERY.sub(r"\1", text)
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def _later(status: int) -> bool:
    """The HTTP status says "try again later", whatever the body says."""
    return status >= 500 or status in _TRANSIENT_HTTP


def _hmac_b64(key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode("ascii")
