"""RobotSender against the emulated DingTalk, WeCom and Feishu webhooks
(tests/servers/robot_http.py), which verify tokens and signatures independently."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from supportdesk.adapters.robots import RobotSender
from supportdesk.domain.delivery import ROBOTS, DeliveryFailed, Outgoing, RobotSettings
from tests.servers.robot_http import RobotServer, running_robots

MESSAGE = Outgoing(
    channel="dingtalk", subject="维保到期提醒", text="**核心交换机** 将于 30 天后到期"
)
SIGNED = ("dingtalk", "feishu")


@pytest.fixture
def robots() -> Iterator[RobotServer]:
    with running_robots() as server:
        yield server


def _send(robots: RobotServer, settings: RobotSettings, timeout: float = 15.0) -> None:
    RobotSender(settings, timeout=timeout, opener=robots.opener()).send(MESSAGE)


def _failure(robots: RobotServer, settings: RobotSettings, timeout: float = 15.0) -> DeliveryFailed:
    with pytest.raises(DeliveryFailed) as caught:
        _send(robots, settings, timeout)
    reason = caught.value.reason
    assert "127.0.0.1" in reason  # names the host...
    for secret in [*robots.tokens.values(), *robots.secrets.values(), "?", "access_token"]:
        assert secret not in reason  # ...and nothing of the URL's credentials
    if settings.secret:
        assert settings.secret not in reason
    return caught.value


@pytest.mark.parametrize("kind", ROBOTS)
def test_delivered_with_a_signature_the_server_accepts(robots: RobotServer, kind: str) -> None:
    _send(robots, robots.settings(kind))
    [got] = robots.accepted
    assert got.kind == kind
    if kind == "dingtalk":
        assert got.body == {
            "msgtype": "markdown",
            "markdown": {
                "title": MESSAGE.subject,
                "text": f"### {MESSAGE.subject}\n\n{MESSAGE.text}",
            },
        }
        assert set(got.query) == {"access_token", "timestamp", "sign"}
    elif kind == "wecom":
        assert got.body == {
            "msgtype": "markdown",
            "markdown": {"content": f"### {MESSAGE.subject}\n\n{MESSAGE.text}"},
        }
    else:
        assert got.body["msg_type"] == "text"
        assert got.body["content"] == {"text": f"{MESSAGE.subject}\n{MESSAGE.text}"}
        assert {"timestamp", "sign"} <= set(got.body)


def test_the_signing_clock_is_the_injected_one(robots: RobotServer) -> None:
    now = time.time()
    RobotSender(robots.settings("dingtalk"), clock=lambda: now, opener=robots.opener()).send(
        MESSAGE
    )
    RobotSender(robots.settings("feishu"), clock=lambda: now, opener=robots.opener()).send(MESSAGE)
    dingtalk, feishu = robots.accepted
    assert dingtalk.query["timestamp"] == str(int(now * 1000))  # milliseconds
    assert feishu.body["timestamp"] == str(int(now))  # seconds


@pytest.mark.parametrize("kind", SIGNED)
def test_a_timestamp_two_hours_off_is_rejected(robots: RobotServer, kind: str) -> None:
    sender = RobotSender(
        robots.settings(kind), clock=lambda: time.time() - 7200, opener=robots.opener()
    )
    with pytest.raises(DeliveryFailed) as caught:
        sender.send(MESSAGE)
    assert caught.value.permanent
    assert robots.accepted == []


@pytest.mark.parametrize("kind", SIGNED)
def test_a_wrong_secret_is_permanent_and_not_told(robots: RobotServer, kind: str) -> None:
    failed = _failure(robots, robots.settings(kind, secret="Wrong-Secret-55e1b0"))
    assert failed.permanent
    assert {"dingtalk": "310000", "feishu": "19021"}[kind] in failed.reason
    assert robots.accepted == []


@pytest.mark.parametrize("kind", ROBOTS)
def test_a_wrong_token_is_permanent(robots: RobotServer, kind: str) -> None:
    failed = _failure(robots, robots.settings(kind, token="Wrong-Token-3c9d7a"))
    assert failed.permanent
    assert "Wrong-Token-3c9d7a" not in failed.reason
    assert robots.accepted == []


@pytest.mark.parametrize("kind", ROBOTS)
def test_http_500_is_transient(robots: RobotServer, kind: str) -> None:
    robots.fail_next(1, how="http500")
    failed = _failure(robots, robots.settings(kind))
    assert not failed.permanent
    assert "500" in failed.reason
    _send(robots, robots.settings(kind))  # the next attempt goes through
    assert len(robots.accepted) == 1


@pytest.mark.parametrize("kind", ROBOTS)
def test_rate_limit_is_transient(robots: RobotServer, kind: str) -> None:
    robots.fail_next(1, how="rate_limit")
    failed = _failure(robots, robots.settings(kind))
    assert not failed.permanent
    assert {"dingtalk": "130101", "wecom": "45009", "feishu": "11232"}[kind] in failed.reason
    assert robots.accepted == []


@pytest.mark.parametrize("kind", ROBOTS)
def test_a_server_message_quoting_the_url_is_scrubbed(robots: RobotServer, kind: str) -> None:
    robots.fail_next(1, how="echo")
    failed = _failure(robots, robots.settings(kind))  # _failure checks for tokens and secrets
    assert "invalid request" in failed.reason


def test_a_hanging_server_fails_within_the_timeout(robots: RobotServer) -> None:
    robots.fail_next(1, how="hang")
    started = time.monotonic()
    failed = _failure(robots, robots.settings("wecom"), timeout=1.0)
    assert time.monotonic() - started < 1.0 + 2
    assert not failed.permanent


def test_a_closed_port_is_transient() -> None:
    with socket.socket() as s:  # bound, never listening: connecting is refused
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/wecom/cgi-bin/webhook/send?key=k-7d1e4f09"
        with pytest.raises(DeliveryFailed) as caught:
            RobotSender(RobotSettings("wecom", url), opener=RobotServer.opener()).send(MESSAGE)
    assert not caught.value.permanent
    assert "k-7d1e4f09" not in caught.value.reason


def test_the_older_feishu_reply_counts_as_success(robots: RobotServer) -> None:
    robots.legacy_feishu = True
    _send(robots, robots.settings("feishu"))
    assert len(robots.accepted) == 1


def test_only_http_urls_are_opened() -> None:
    with pytest.raises(DeliveryFailed) as caught:
        RobotSender(RobotSettings("wecom", "file:///etc/passwd")).send(MESSAGE)
    assert caught.value.permanent
