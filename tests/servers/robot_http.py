"""The three chat-robot webhooks (DingTalk, WeCom, Feishu/Lark) emulated on a free loopback port.

It checks what the real services check, computed independently from its own copy of the
secrets: the token or key, the signature, and a timestamp no more than an hour off. It answers
in each service's JSON format and records what it accepted. Faults on demand:

    with running_robots() as robots:
        RobotSender(robots.settings("feishu"), opener=robots.opener()).send(...)
        robots.accepted[-1].body
        robots.fail_next(2, how="http500")  # or "rate_limit", or "hang" (never answers)
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from supportdesk.domain.delivery import RobotSettings

HOST = "127.0.0.1"
FAULTS = ("http500", "rate_limit", "hang", "echo")
_WINDOW = 3600.0  # seconds a signed timestamp may be off, as the real services allow

# Each service's reply to a bad token, a bad signature and too many requests.
_REPLIES: dict[str, dict[str, dict[str, Any]]] = {
    "dingtalk": {
        "ok": {"errcode": 0, "errmsg": "ok"},
        "token": {"errcode": 300005, "errmsg": "token is not exist"},
        "sign": {
            "errcode": 310000,
            "errmsg": "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]",
        },
        "rate_limit": {"errcode": 130101, "errmsg": "send too fast, exceed 20 times per minute"},
    },
    "wecom": {
        "ok": {"errcode": 0, "errmsg": "ok"},
        "token": {
            "errcode": 93000,
            "errmsg": "invalid webhook url, hint: [1700000000_1_abc], from ip: 127.0.0.1, "
            "more info at https://open.work.weixin.qq.com/devtool/query?e=93000",
        },
        "rate_limit": {"errcode": 45009, "errmsg": "api freq out of limit"},
    },
    "feishu": {
        "ok": {
            "StatusCode": 0,
            "StatusMessage": "success",
            "code": 0,
            "data": {},
            "msg": "success",
        },
        "legacy_ok": {"Extra": None, "StatusCode": 0, "StatusMessage": "success"},
        "token": {
            "code": 19001,
            "data": {},
            "msg": "param invalid: incoming webhook access token invalid",
        },
        "sign": {
            "code": 19021,
            "data": {},
            "msg": "sign match fail or timestamp is not within one hour from current time",
        },
        "rate_limit": {"code": 11232, "data": {}, "msg": "frequency limited psm[lark.oapi.app]"},
    },
}


@dataclass(frozen=True)
class Accepted:
    kind: str
    body: dict[str, Any]
    query: dict[str, str]  # DingTalk carries its timestamp and sign here


class RobotServer(ThreadingHTTPServer):
    daemon_threads = True  # a hung request never keeps the process alive

    def __init__(self) -> None:
        super().__init__((HOST, 0), _Handler)
        self.port = int(self.server_address[1])
        self.base_url = f"http://{HOST}:{self.port}"
        # Distinctive values, so a test can search a failure's reason for them.
        self.tokens = {
            "dingtalk": "dt-token-5f1e0c9a7b",
            "wecom": "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa",
            "feishu": "fs-hook-0b4c7a1e-2d3f",
        }
        self.secrets = {"dingtalk": "SECdt-secret-b7e2f9", "feishu": "fs-secret-c3d4a8"}
        self.legacy_feishu = False  # answer success in the older StatusCode-only format
        self.accepted: list[Accepted] = []
        self.requests = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._fault: tuple[int, str] = (0, "")

    def url(self, kind: str, token: str | None = None) -> str:
        token = self.tokens[kind] if token is None else token
        return {
            "dingtalk": f"{self.base_url}/dingtalk/robot/send?access_token={token}",
            "wecom": f"{self.base_url}/wecom/cgi-bin/webhook/send?key={token}",
            "feishu": f"{self.base_url}/feishu/open-apis/bot/v2/hook/{token}",
        }[kind]

    def settings(
        self, kind: str, *, token: str | None = None, secret: str | None = None
    ) -> RobotSettings:
        """Settings this server accepts; pass `token` or `secret` to get them wrong."""
        return RobotSettings(kind, self.url(kind, token), secret or self.secrets.get(kind))

    @staticmethod
    def opener() -> urllib.request.OpenerDirector:
        """An opener that ignores http_proxy & co., which would send loopback calls astray."""
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def fail_next(self, count: int = 1, *, how: str = "http500") -> None:
        """The next `count` requests fail: "http500" (an HTML error page), "rate_limit" (the
        service's own rate-limit code, HTTP 200), "hang" (read, never answered) or "echo" (an
        error in the service's format whose message quotes the full URL asked for)."""
        if how not in FAULTS:
            raise ValueError(how)
        with self._lock:
            self._fault = (count, how)

    def take_fault(self) -> str | None:
        with self._lock:
            self.requests += 1
            count, how = self._fault
            if count <= 0:
                return None
            self._fault = (count - 1, how)
            return how

    def record(self, accepted: Accepted) -> None:
        with self._lock:
            self.accepted.append(accepted)

    def verify(self, kind: str, path: str, query: dict[str, str], body: dict[str, Any]) -> str:
        """ "ok", or which check failed: "token" or "sign"."""
        prefix = {
            "dingtalk": "/dingtalk/robot/send",
            "wecom": "/wecom/cgi-bin/webhook/send",
            "feishu": "/feishu/open-apis/bot/v2/hook/",
        }[kind]
        if kind == "feishu":
            given = path.removeprefix(prefix) if path.startswith(prefix) else ""
        else:
            given = query.get("access_token" if kind == "dingtalk" else "key", "")
            given = given if path == prefix else ""
        if not given or not hmac.compare_digest(given, self.tokens[kind]):
            return "token"
        secret = self.secrets.get(kind)
        if kind == "wecom" or not secret:
            return "ok"
        if kind == "dingtalk":  # milliseconds; the sign arrives URL-decoded by parse_qs
            stamp, sign = query.get("timestamp", ""), query.get("sign", "")
            seconds = int(stamp) / 1000 if stamp.isdigit() else 0.0
            expected = _b64_hmac(secret.encode(), f"{stamp}\n{secret}".encode())
        else:  # Feishu: seconds, in the body; the key is "timestamp\nsecret", the message empty
            stamp, sign = str(body.get("timestamp", "")), str(body.get("sign", ""))
            seconds = float(stamp) if stamp.isdigit() else 0.0
            expected = _b64_hmac(f"{stamp}\n{secret}".encode(), b"")
        if abs(time.time() - seconds) > _WINDOW or not hmac.compare_digest(sign, expected):
            return "sign"
        return "ok"


def _b64_hmac(key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode("ascii")


class _Handler(BaseHTTPRequestHandler):
    server: RobotServer

    def do_POST(self) -> None:
        robots = self.server
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fault = robots.take_fault()
        if fault == "hang":
            robots.stopping.wait()  # until the server stops; then close without a word
            self.close_connection = True
            return
        if fault == "http500":
            self._answer(500, b"<html><body>500 Internal Server Error</body></html>", "text/html")
            return
        parts = urlsplit(self.path)
        kind = parts.path.split("/")[1]
        if kind not in _REPLIES:
            self._answer(404, b"not found", "text/plain")
            return
        if fault == "rate_limit":
            self._json(_REPLIES[kind]["rate_limit"])
            return
        if fault == "echo":
            text = f"invalid request {robots.base_url}{self.path}"
            self._json(
                {"code": 9499, "msg": text}
                if kind == "feishu"
                else {"errcode": 40035, "errmsg": text}
            )
            return
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._answer(400, b"bad json", "text/plain")
            return
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        verdict = robots.verify(kind, parts.path, query, body)
        if verdict != "ok":
            self._json(_REPLIES[kind][verdict])
            return
        robots.record(Accepted(kind, body, query))
        legacy = robots.legacy_feishu and kind == "feishu"
        self._json(_REPLIES[kind]["legacy_ok" if legacy else "ok"])

    def _json(self, reply: dict[str, Any]) -> None:
        self._answer(200, json.dumps(reply).encode(), "application/json; charset=utf-8")

    def _answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: pytest shows stderr of failing tests


@contextlib.contextmanager
def running_robots() -> Iterator[RobotServer]:
    server = RobotServer()
    # A short poll: shutdown() waits up to one interval.
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="robot-http", daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.stopping.set()  # releases hung requests first
        server.shutdown()
        server.server_close()
        thread.join(5)
