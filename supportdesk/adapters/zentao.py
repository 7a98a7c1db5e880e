"""ZenTao's RESTful API v1 (R2.4): log in for a token, then create tasks in an execution.

    POST {url}/api.php/v1/tokens                     {"account", "password"} -> 201 {"token"}
    POST {url}/api.php/v1/executions/{id}/tasks      header Token -> 201 the task, with "id"

ZenTao answers a refused login with 400 {"error": "登录失败..."} (or "您还有N次尝试机会",
or, once it has locked the account, "密码尝试次数太多，请联系管理员解锁..."); a missing or
expired token with 401 {"error": "Unauthorized"}; a missing privilege with 403 {"error":
"Access not allowed"}; an unknown route with 404 {"error": "not found"}
(easysoft/zentaopms: api/v1/entries/tokens.php, tasks.php, framework/api/entry.class.php).

A refused login is never retried: ZenTao locks an account after a few failed logins (6 by
default), so this client remembers the refusal and refuses every later call itself. The
password goes only into the /tokens request body; never into a message, a log line or a repr.
"""

from __future__ import annotations

import html
import json
import logging
import re
import ssl
import threading
import urllib.error
import urllib.request
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.zentao import ZentaoError, ZentaoTask

log = logging.getLogger(__name__)

# ZenTao's "account locked" message ($lang->user->loginLocked) in its languages: zh-cn,
# zh-tw, en (old and new wording). The remaining-tries warning mentions none of these.
_LOCKED = re.compile(r"解锁|解鎖|尝试次数太多|嘗試次數太多|unlock|too many times|locked", re.I)
_MAX_DETAIL = 300


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the Token header (or drop the login body) to another address:
    treat it as an answer instead (reason http, with the 3xx status)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class ZentaoClient:
    """Creates ZenTao tasks; implements domain.ports.TaskTracker. Safe to share between
    threads: logins are serialised."""

    def __init__(
        self,
        url: str,
        account: str,
        password: str,
        *,
        timeout: float = 30,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self._base = _base_url(url)
        self._account = account
        self._password = password
        self._timeout = timeout
        # build_opener honours the system's proxy settings, which office networks rely on.
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=ssl_context), _NoRedirect()
        )
        self._lock = threading.Lock()
        self._token: str | None = None
        self._refusal: ZentaoError | None = None  # set once a login was refused: for good
        self.logins = 0  # login attempts made, for the tests and the push log

    def __repr__(self) -> str:
        return f"ZentaoClient({self._base!r}, account={self._account!r})"

    def describe(self) -> str:
        return f"{self._base} ({self._account})"

    @property
    def refusal(self) -> ZentaoError | None:
        """The refused login that stopped this client (reason auth or locked), if any."""
        return self._refusal

    def create_task(self, execution_id: int, task: ZentaoTask) -> int:
        """Files `task` in the execution and returns ZenTao's id for it. On a 401 (the token
        expired) logs in again once and retries once."""
        if isinstance(execution_id, bool) or not isinstance(execution_id, int) or execution_id < 1:
            raise ValidationError("zentao.execution", "bad_id", value=str(execution_id))
        body = _task_body(task)
        path = f"/executions/{execution_id}/tasks"
        token = self._login_once(stale=None)
        status, answer = self._call("POST", path, body, token)
        if status == 401:
            log.info("zentao %s: token refused, logging in again", self._base)
            token = self._login_once(stale=token)
            status, answer = self._call("POST", path, body, token)
            if status == 401:
                # A fresh token refused at once: a server-side problem, not our password.
                raise ZentaoError("auth", status=401, detail=self._detail(answer))
        if status in (200, 201):
            task_id = answer.get("id") if isinstance(answer, dict) else None
            if isinstance(task_id, str) and task_id.isdigit():
                task_id = int(task_id)
            if isinstance(task_id, int) and not isinstance(task_id, bool) and task_id > 0:
                log.info("zentao %s: task %d in execution %d", self._base, task_id, execution_id)
                return task_id
            raise ZentaoError("http", status=status, detail=self._detail(answer) or "no id")
        raise self._failure(status, answer)

    # -- login ---------------------------------------------------------------------------

    def _login_once(self, stale: str | None) -> str:
        """The current token; logs in when there is none, or when `stale` is still the one
        held (another thread may have logged in again meanwhile)."""
        with self._lock:
            if self._refusal is not None:
                raise self._copy(self._refusal)
            if self._token is not None and self._token != stale:
                return self._token
            self._token = None
            self._token = self._login()
            return self._token

    def _login(self) -> str:
        self.logins += 1
        body = {"account": self._account, "password": self._password}
        status, answer = self._call("POST", "/tokens", body, None)
        token = answer.get("token") if isinstance(answer, dict) else None
        if status in (200, 201) and isinstance(token, str) and token:
            return token
        if status == 404:
            raise ZentaoError("unsupported", status=404, detail=self._detail(answer))
        if status >= 500 or (status in (200, 201) and not isinstance(answer, dict)):
            raise ZentaoError("http", status=status, detail=self._detail(answer))
        # 400 with ZenTao's login message, 401, 403, or a 2xx with an error and no token.
        detail = self._detail(answer)
        reason = "locked" if _LOCKED.search(detail) else "auth"
        refusal = ZentaoError(reason, status=status, detail=detail)
        self._refusal = refusal
        log.warning("zentao %s: login of %s refused (%s)", self._base, self._account, reason)
        raise self._copy(refusal)

    @staticmethod
    def _copy(error: ZentaoError) -> ZentaoError:
        return ZentaoError(error.reason, status=error.status, detail=error.detail)

    # -- HTTP ----------------------------------------------------------------------------

    def _call(
        self, method: str, path: str, body: dict[str, Any], token: str | None
    ) -> tuple[int, Any]:
        """(status, decoded JSON or the text) for any HTTP answer; ZentaoError otherwise."""
        url = f"{self._base}/api.php/v1{path}"
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token is not None:
            headers["Token"] = token
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self._opener.open(request, timeout=self._timeout) as response:
                status, raw = int(response.status), response.read()
        except urllib.error.HTTPError as exc:
            try:
                status, raw = exc.code, exc.read()
            except (OSError, HTTPException):
                status, raw = exc.code, b""
            finally:
                exc.close()  # it holds the response: unclosed, a ResourceWarning
        except urllib.error.URLError as exc:
            reason = "timeout" if isinstance(exc.reason, TimeoutError) else "unreachable"
            raise ZentaoError(reason, detail=self._detail(str(exc.reason))) from None
        except TimeoutError:  # while waiting for the answer, after the request was sent
            raise ZentaoError("timeout") from None
        except (OSError, HTTPException) as exc:  # reset, dropped, a garbled status line
            raise ZentaoError("unreachable", detail=self._detail(type(exc).__name__)) from None
        text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")  # ZenTao may send a BOM
        try:
            return status, json.loads(text) if text.strip() else {}
        except ValueError:
            return status, text  # an HTML error page from a proxy or an old server

    def _failure(self, status: int, answer: Any) -> ZentaoError:
        detail = self._detail(answer)
        if status == 403:
            return ZentaoError("forbidden", status=status, detail=detail)
        if status in (404, 405, 501):
            return ZentaoError("unsupported", status=status, detail=detail)
        return ZentaoError("http", status=status, detail=detail)

    def _detail(self, answer: Any) -> str:
        """ZenTao's message ({"error": ...} or {"message": ...}), short, never the password."""
        if isinstance(answer, dict):
            value = answer.get("error") or answer.get("message") or ""
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        elif isinstance(answer, str):
            text = " ".join(answer.split())  # an HTML page: one line
        else:
            text = ""
        if self._password:
            text = text.replace(self._password, "***")
        return text[:_MAX_DETAIL]


def _base_url(url: str) -> str:
    """The folder that holds api.php, without a trailing slash; accepts a URL that already
    ends in api.php or api.php/v1. Never with credentials: they belong in the vault."""
    parts = urlsplit(url.strip())
    shown = urlunsplit((parts.scheme, parts.hostname or "", parts.path, "", ""))
    bad = (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or parts.query
        or parts.fragment
    )
    try:
        parts.port  # noqa: B018 - parsing it is the check: "host:99999", "host:x"
    except ValueError:
        bad = True
    if bad:
        raise ValidationError("zentao.url", "bad_url", value=shown)
    path = parts.path.rstrip("/")
    for suffix in ("/api.php/v1", "/api.php"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def _task_body(task: ZentaoTask) -> dict[str, Any]:
    """The create-task body. ZenTao 18+ requires name, assignedTo, type, estStarted and
    deadline to be present (empty is allowed unless an admin made them mandatory); desc is
    HTML (ZenTao's editor), so the plain text is escaped and its line breaks kept."""
    lines = task.description.splitlines()
    return {
        "name": task.name,
        "type": task.kind,
        "assignedTo": task.assigned_to,
        "pri": task.priority,
        "estimate": task.estimate_hours,
        "estStarted": task.est_started.isoformat() if task.est_started else "",
        "deadline": task.deadline.isoformat() if task.deadline else "",
        "desc": "<br />".join(html.escape(line) for line in lines),
    }
