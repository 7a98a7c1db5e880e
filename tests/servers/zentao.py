"""A fake ZenTao on a free loopback port, answering as ZenTao's RESTful API v1 does (real
ZenTao needs PHP and MySQL, which the test machines do not have).

It follows easysoft/zentaopms: api/v1/entries/tokens.php (201 {"token"}; a refused login is
400 {"error": "登录失败..."}, then "您还有N次尝试机会", and at the limit the account is locked:
"密码尝试次数太多..." even with the right password), framework/api/entry.class.php (no or an
unknown Token: 401 {"error": "Unauthorized"}; no privilege: 403 {"error": "Access not
allowed"}), api/v1/entries/error.php (an unknown route: 404 {"error": "not found"}) and
api/v1/entries/tasks.php (POST /executions/{id}/tasks requires name, assignedTo, type,
estStarted and deadline, and answers 201 with the task, including its "id").

    with running_zentao(accounts={"robot": "s3cret"}) as zentao:
        client = ZentaoClient(zentao.url, "robot", "s3cret")
        client.create_task(7, task)          # -> 1
        zentao.tasks[0]["name"]
        zentao.expire_tokens()               # every token issued so far now gets a 401
        zentao.forbid(7)                     # tasks in execution 7: 403
        zentao.without_task_route()          # an older ZenTao: 404
        zentao.stall(2.0)                    # the next task call answers after 2 s
        zentao.login_attempts("robot"); zentao.requests[-1].had_token
        zentao.stop()                        # connecting is then refused
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
import secrets
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HOST = "127.0.0.1"
BASE = "/zentao"  # where api.php lives, as in a typical install
FAIL_TIMES = 6  # ZenTao's $config->user->failTimes
LOCK_MINUTES = 10  # ZenTao's $config->user->lockMinutes

# ZenTao's own words (module/user/lang/zh-cn.php, module/common/lang/zh-cn.php).
LOGIN_FAILED = "登录失败，请检查您的用户名或密码是否填写正确。"
LOCK_WARNING = "您还有{}次尝试机会。"
LOGIN_LOCKED = "密码尝试次数太多，请联系管理员解锁，或{}分钟后重试。"
NOT_EMPTY = "『{}』不能为空。"
TASK_TYPES = ("design", "devel", "request", "test", "study", "discuss", "ui", "affair", "misc")
_REQUIRED = {
    "name": "任务名称",
    "assignedTo": "指派给",
    "type": "任务类型",
    "estStarted": "预计开始",
    "deadline": "截止日期",
}
_TASKS = re.compile(r"^/executions/(\d+)/tasks$")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it (never its body: a login carries the password)."""

    method: str
    path: str  # below /api.php/v1, e.g. "/tokens"
    had_token: bool
    status: int
    account: str = ""  # the account a login named, or a token belonged to


class ZentaoServer:
    """Use through `running_zentao`. `start`/`stop` may be called again: always the same port."""

    def __init__(self, accounts: dict[str, str], fail_times: int = FAIL_TIMES) -> None:
        self.host = HOST
        self.port = free_port()
        self.fail_times = fail_times
        self._accounts = dict(accounts)
        self._lock = threading.Lock()
        self._tokens: dict[str, str] = {}  # token -> account
        self._fails: dict[str, int] = {}
        self._locked: set[str] = set()
        self._forbidden: set[int] = set()
        self._task_route = True
        self._stall = 0.0
        self._released = threading.Event()
        self._tasks: list[dict[str, Any]] = []
        self._seen: list[Seen] = []
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- what happened -------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The address a user would configure: the folder that holds api.php."""
        return f"http://{self.host}:{self.port}{BASE}"

    @property
    def tasks(self) -> list[dict[str, Any]]:
        """Every task created, as ZenTao stored it (the JSON the client sent, plus id,
        execution, status and openedBy)."""
        with self._lock:
            return [dict(task) for task in self._tasks]

    @property
    def requests(self) -> list[Seen]:
        with self._lock:
            return list(self._seen)

    def login_attempts(self, account: str | None = None) -> int:
        return sum(
            1
            for seen in self.requests
            if seen.path == "/tokens" and (account is None or seen.account == account)
        )

    def is_locked(self, account: str) -> bool:
        with self._lock:
            return account in self._locked

    # -- knobs ---------------------------------------------------------------------------

    def expire_tokens(self) -> None:
        """Every token issued so far is forgotten, as when ZenTao's session expires: the next
        call with one gets 401."""
        with self._lock:
            self._tokens.clear()

    def forbid(self, execution_id: int) -> None:
        """The account lacks the privilege for tasks in this execution: 403."""
        with self._lock:
            self._forbidden.add(execution_id)

    def without_task_route(self) -> None:
        """Answer as a ZenTao without this route does: 404 {"error": "not found"}."""
        with self._lock:
            self._task_route = False

    def lock(self, account: str) -> None:
        """Lock the account as too many failed logins do."""
        with self._lock:
            self._locked.add(account)

    def stall(self, seconds: float) -> None:
        """Every later task call waits this long before answering (0: answer at once)."""
        with self._lock:
            self._stall = seconds

    # -- running -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> None:
        if self._httpd is not None:
            return
        self._released.clear()
        handler = type("Handler", (_Handler,), {"server_state": self})
        # ThreadingHTTPServer: a stalled call must not hold up the next login.
        httpd = _Quiet((self.host, self.port), handler)
        httpd.daemon_threads = True
        thread = threading.Thread(
            target=httpd.serve_forever, args=(0.05,), name="fake-zentao", daemon=True
        )
        thread.start()
        self._httpd, self._thread = httpd, thread

    def stop(self) -> None:
        """Close the listening socket; connecting is then refused."""
        self._released.set()  # a stalled handler answers now
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    # -- the API -------------------------------------------------------------------------

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self._seen.append(seen)

    def _login(self, body: dict[str, Any]) -> tuple[int, dict[str, Any], str]:
        account = str(body.get("account") or "")
        password = body.get("password") or ""
        with self._lock:
            if password and account in self._locked:
                return 400, {"error": LOGIN_LOCKED.format(LOCK_MINUTES)}, account
            if password and self._accounts.get(account) == password:
                token = secrets.token_hex(16)  # ZenTao sends its session id
                self._tokens[token] = account
                self._fails.pop(account, None)
                return 201, {"token": token}, account
            fails = self._fails.get(account, 0) + 1
            self._fails[account] = fails
            remaining = self.fail_times - fails
            if remaining <= 0:
                self._locked.add(account)
                return 400, {"error": LOGIN_LOCKED.format(LOCK_MINUTES)}, account
            if remaining <= 3:
                return 400, {"error": LOCK_WARNING.format(remaining)}, account
            return 400, {"error": LOGIN_FAILED}, account

    def _create_task(
        self, execution_id: int, account: str, body: Any
    ) -> tuple[int, dict[str, Any]]:
        with self._lock:
            if not self._task_route:
                return 404, {"error": "not found"}
            if execution_id in self._forbidden:
                return 403, {"error": "Access not allowed"}
            stall = self._stall
        if stall:
            self._released.wait(stall)
        if not isinstance(body, dict):
            return 400, {"error": "error"}
        for field, label in _REQUIRED.items():
            if field not in body:
                return 400, {"error": NOT_EMPTY.format(label)}
        if not str(body["name"]).strip():
            return 400, {"error": NOT_EMPTY.format(_REQUIRED["name"])}
        if body["type"] not in TASK_TYPES:
            return 400, {"error": NOT_EMPTY.format(_REQUIRED["type"])}
        if body.get("pri", 3) not in (1, 2, 3, 4):
            return 400, {"error": "『优先级』不符合格式，应当为:『1,2,3,4』。"}
        if body["estStarted"] and body["deadline"] and body["deadline"] < body["estStarted"]:
            return 400, {"error": '"截止日期"必须大于"预计开始"'}
        assigned = body["assignedTo"]
        if isinstance(assigned, list):  # tasks.php turns a string into an array
            assigned = assigned[0] if assigned else ""
        with self._lock:
            task = {
                **body,
                "id": len(self._tasks) + 1,
                "execution": execution_id,
                "assignedTo": assigned,
                "estimate": float(body.get("estimate") or 0),
                "left": float(body.get("estimate") or 0),
                "consumed": 0,
                "status": "wait",
                "deadline": body["deadline"] or None,
                "openedBy": account,
                "openedDate": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "deleted": False,
            }
            self._tasks.append(task)
            return 201, dict(task)

    def _account_for(self, token: str | None) -> str | None:
        with self._lock:
            return self._tokens.get(token) if token else None


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up waiting (the timeout tests) is no error of the server's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_state: ZentaoServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: pytest would show every request

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        state = self.server_state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        prefix = f"{BASE}/api.php/v1"
        path = self.path.split("?", 1)[0]
        sub = path[len(prefix) :] if path.startswith(prefix + "/") else path
        token = self.headers.get("Token")
        try:
            body = json.loads(raw.decode("utf-8")) if raw else {}
        except ValueError:
            body = None
        if not path.startswith(prefix + "/"):
            self._answer(404, {"error": "not found"}, Seen(self.command, sub, bool(token), 404))
            return
        if sub == "/tokens" and self.command == "POST":
            status, answer, account = state._login(body if isinstance(body, dict) else {})
            self._answer(status, answer, Seen("POST", sub, bool(token), status, account))
            return
        owner = state._account_for(token)
        if owner is None:  # entry.class.php: a guest gets 401 before any route runs
            self._answer(401, {"error": "Unauthorized"}, Seen(self.command, sub, bool(token), 401))
            return
        match = _TASKS.match(sub)
        if match and self.command == "POST":
            status, answer = state._create_task(int(match.group(1)), owner, body)
        else:
            status, answer = 404, {"error": "not found"}
        self._answer(status, answer, Seen(self.command, sub, True, status, owner))

    def _answer(self, status: int, answer: dict[str, Any], seen: Seen) -> None:
        self.server_state._record(seen)
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextlib.contextmanager
def running_zentao(
    accounts: dict[str, str] | None = None, *, fail_times: int = FAIL_TIMES
) -> Iterator[ZentaoServer]:
    """A started fake ZenTao with these accounts (account -> password); locks an account
    after `fail_times` failed logins, as ZenTao does."""
    server = ZentaoServer(accounts or {}, fail_times)
    server.start()
    try:
        yield server
    finally:
        server.stop()
