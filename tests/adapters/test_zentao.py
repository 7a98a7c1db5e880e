"""The ZenTao client against a fake ZenTao that follows the RESTful API v1, and the XLSX
offered when ZenTao refuses (R2.4)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from supportdesk.adapters.zentao import ZentaoClient
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.ports import TaskTracker
from supportdesk.domain.zentao import ZentaoError, ZentaoTask
from supportdesk.reports.zentao_import import HEADERS, execution_label, write_import_xlsx
from tests.servers.zentao import ZentaoServer, running_zentao

ACCOUNT = "robot"
PASSWORD = "Zt-s3cret-口令"
EXECUTION = 7
TASK = ZentaoTask(
    name="优化备份策略：数据库增量备份",
    description="每晚 23:00 增量备份\n周日全量备份 <核对>",
    kind="affair",
    assigned_to="zhangsan",
    priority=2,
    est_started=date(2026, 12, 1),
    deadline=date(2026, 12, 15),
    estimate_hours=6.5,
)


@pytest.fixture
def zentao() -> Iterator[ZentaoServer]:
    with running_zentao({ACCOUNT: PASSWORD}) as server:
        yield server


def client_for(server: ZentaoServer, password: str = PASSWORD, timeout: float = 5) -> ZentaoClient:
    return ZentaoClient(server.url, ACCOUNT, password, timeout=timeout)


def assert_no_secret(error: ZentaoError, client: ZentaoClient) -> None:
    for text in (str(error), repr(error), repr(error.args), repr(error.params), repr(client)):
        assert PASSWORD not in text
        assert "s3cret" not in text


def test_creates_a_task_with_chinese_text(zentao: ZentaoServer) -> None:
    client = client_for(zentao)
    tracker: TaskTracker = client

    assert tracker.create_task(EXECUTION, TASK) == 1
    assert tracker.create_task(EXECUTION, ZentaoTask("巡检脚本加超时", "")) == 2

    stored = zentao.tasks[0]
    assert stored["id"] == 1
    assert stored["execution"] == EXECUTION
    assert stored["name"] == "优化备份策略：数据库增量备份"
    assert stored["desc"] == "每晚 23:00 增量备份<br />周日全量备份 &lt;核对&gt;"
    assert stored["type"] == "affair"
    assert stored["assignedTo"] == "zhangsan"
    assert stored["pri"] == 2
    assert stored["estimate"] == 6.5
    assert stored["estStarted"] == "2026-12-01"
    assert stored["deadline"] == "2026-12-15"
    assert stored["openedBy"] == ACCOUNT
    assert zentao.tasks[1]["assignedTo"] == ""
    assert zentao.tasks[1]["deadline"] is None
    # One login for both tasks; every task call carried the token.
    assert client.logins == 1
    assert [(r.method, r.path, r.had_token, r.status) for r in zentao.requests] == [
        ("POST", "/tokens", False, 201),
        ("POST", f"/executions/{EXECUTION}/tasks", True, 201),
        ("POST", f"/executions/{EXECUTION}/tasks", True, 201),
    ]
    assert client.describe() == f"{zentao.url} ({ACCOUNT})"


def test_accepts_the_url_of_api_php_itself(zentao: ZentaoServer) -> None:
    client = ZentaoClient(zentao.url + "/api.php/v1/", ACCOUNT, PASSWORD)
    assert client.create_task(EXECUTION, TASK) == 1


@pytest.mark.parametrize(
    "url", ["ftp://pm.example.com/zentao", "https://robot:pw@pm.example.com/zentao", "pm"]
)
def test_refuses_a_bad_url(url: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ZentaoClient(url, ACCOUNT, PASSWORD)
    assert caught.value.field == "zentao.url"
    assert "pw@" not in str(caught.value.params)


def test_expired_token_logs_in_again_once(zentao: ZentaoServer) -> None:
    client = client_for(zentao)
    client.create_task(EXECUTION, TASK)
    zentao.expire_tokens()

    assert client.create_task(EXECUTION, TASK) == 2

    assert client.logins == 2  # exactly one extra login
    assert zentao.login_attempts(ACCOUNT) == 2
    assert [(r.path, r.status) for r in zentao.requests[2:]] == [
        (f"/executions/{EXECUTION}/tasks", 401),
        ("/tokens", 201),
        (f"/executions/{EXECUTION}/tasks", 201),
    ]
    assert len(zentao.tasks) == 2


def test_a_task_call_without_token_is_refused(zentao: ZentaoServer) -> None:
    """The fake follows ZenTao: no Token header, 401 (which the client answers by logging in)."""
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"{zentao.url}/api.php/v1/executions/{EXECUTION}/tasks",
        data=json.dumps({"name": "x"}).encode(),
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    caught.value.close()
    assert caught.value.code == 401
    assert zentao.requests[-1].had_token is False


def test_bad_password_is_tried_once_and_never_again(
    zentao: ZentaoServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-" + PASSWORD
    client = client_for(zentao, password=wrong)

    with pytest.raises(ZentaoError) as first:
        client.create_task(EXECUTION, TASK)
    assert first.value.reason == "auth"
    assert first.value.never_retry
    assert first.value.status == 400
    assert first.value.detail == "登录失败，请检查您的用户名或密码是否填写正确。"

    with pytest.raises(ZentaoError) as second:
        client.create_task(EXECUTION + 1, TASK)
    assert second.value.reason == "auth"

    assert zentao.login_attempts(ACCOUNT) == 1  # the second call never reached ZenTao
    assert len(zentao.requests) == 1
    assert client.logins == 1
    assert client.refusal is not None
    assert zentao.tasks == []
    for error in (first.value, second.value):
        assert_no_secret(error, client)
        assert wrong not in str(error.params)
    assert PASSWORD not in caplog.text
    assert "s3cret" not in caplog.text


def test_locked_account_is_reported_as_locked(zentao: ZentaoServer) -> None:
    zentao.lock(ACCOUNT)
    client = client_for(zentao)  # the right password: ZenTao refuses it all the same

    with pytest.raises(ZentaoError) as caught:
        client.create_task(EXECUTION, TASK)
    assert caught.value.reason == "locked"
    assert caught.value.never_retry
    assert "解锁" in caught.value.detail
    with pytest.raises(ZentaoError, match="locked"):
        client.create_task(EXECUTION, TASK)
    assert zentao.login_attempts() == 1
    assert_no_secret(caught.value, client)


def test_bad_password_that_locks_the_account_is_not_retried() -> None:
    """ZenTao locks after its failTimes; here the first failure is the last one allowed."""
    with running_zentao({ACCOUNT: PASSWORD}, fail_times=1) as zentao:
        client = client_for(zentao, password="typo")
        with pytest.raises(ZentaoError) as caught:
            client.create_task(EXECUTION, TASK)
        assert caught.value.reason == "locked"
        for _ in range(3):
            with pytest.raises(ZentaoError):
                client.create_task(EXECUTION, TASK)
        assert zentao.login_attempts() == 1
        assert zentao.is_locked(ACCOUNT)


def test_lock_warning_is_an_auth_failure() -> None:
    """ "您还有N次尝试机会": still a refused login (not yet locked), and still not retried."""
    with running_zentao({ACCOUNT: PASSWORD}, fail_times=3) as zentao:
        client = client_for(zentao, password="typo")
        with pytest.raises(ZentaoError) as caught:
            client.create_task(EXECUTION, TASK)
        assert caught.value.reason == "auth"
        assert caught.value.detail == "您还有2次尝试机会。"
        assert not zentao.is_locked(ACCOUNT)


def test_forbidden_execution(zentao: ZentaoServer) -> None:
    zentao.forbid(EXECUTION)
    client = client_for(zentao)

    with pytest.raises(ZentaoError) as caught:
        client.create_task(EXECUTION, TASK)
    assert caught.value.reason == "forbidden"
    assert caught.value.status == 403
    assert caught.value.detail == "Access not allowed"
    assert not caught.value.never_retry
    assert zentao.tasks == []
    # A refusal for one execution does not stop the client: another execution still works.
    assert client.create_task(EXECUTION + 1, TASK) == 1
    assert client.logins == 1


def test_older_server_without_the_route(zentao: ZentaoServer) -> None:
    zentao.without_task_route()
    with pytest.raises(ZentaoError) as caught:
        client_for(zentao).create_task(EXECUTION, TASK)
    assert caught.value.reason == "unsupported"
    assert caught.value.status == 404


def test_server_without_rest_api_at_all(zentao: ZentaoServer) -> None:
    """A ZenTao before 16.0 has no api.php/v1: even /tokens is a 404. Not a refused login."""
    client = ZentaoClient(zentao.url + "/elsewhere", ACCOUNT, PASSWORD)
    with pytest.raises(ZentaoError) as caught:
        client.create_task(EXECUTION, TASK)
    assert caught.value.reason == "unsupported"
    assert client.refusal is None


def test_server_down_is_unreachable_and_later_works(zentao: ZentaoServer) -> None:
    client = client_for(zentao, timeout=5)
    zentao.stop()
    with pytest.raises(ZentaoError) as caught:
        client.create_task(EXECUTION, TASK)
    assert caught.value.reason == "unreachable"
    assert client.refusal is None  # not a refused login: the next push may log in

    zentao.start()
    assert client.create_task(EXECUTION, TASK) == 1


def test_no_answer_in_time_is_a_timeout(zentao: ZentaoServer) -> None:
    client = client_for(zentao, timeout=0.3)
    zentao.stall(5)
    with pytest.raises(ZentaoError) as caught:
        client.create_task(EXECUTION, TASK)
    assert caught.value.reason == "timeout"


def test_task_rules() -> None:
    with pytest.raises(ValidationError):
        ZentaoTask("x", "", priority=5)
    with pytest.raises(ValidationError):
        ZentaoTask("x", "", kind="bug")
    with pytest.raises(ValidationError):
        ZentaoTask(" ", "")
    with pytest.raises(ValidationError):
        ZentaoTask("x", "", est_started=date(2026, 12, 2), deadline=date(2026, 12, 1))
    with pytest.raises(ValueError, match="nonsense"):
        ZentaoError("nonsense")


def test_import_xlsx_in_zentao_layout(tmp_path: Path) -> None:
    path = write_import_xlsx(
        [
            (execution_label("12月运维优化", 7), TASK),
            ("12月运维优化", ZentaoTask("整理巡检模板", "")),
        ],
        tmp_path / "禅道导入.xlsx",
    )

    sheet = load_workbook(path).active
    assert sheet.title == "任务"
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == HEADERS
    assert rows[0] == (
        "所属执行",
        "任务名称",
        "任务描述",
        "任务类型",
        "指派给",
        "优先级",
        "最初预计",
        "预计开始",
        "截止日期",
    )
    assert rows[1] == (
        "12月运维优化(#7)",
        "优化备份策略：数据库增量备份",
        "每晚 23:00 增量备份\n周日全量备份 <核对>",
        "事务",
        "zhangsan(#zhangsan)",
        2,
        6.5,
        "2026-12-01",
        "2026-12-15",
    )
    assert rows[2][:4] == ("12月运维优化", "整理巡检模板", None, "开发")
    assert rows[2][5] == 3
    assert rows[2][7:] == (None, None)
    assert len(rows) == 3
