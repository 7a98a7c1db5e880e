"""`supportdesk agent` (issue 6): the reminder jobs headless against the team's PostgreSQL,
logging to a file and stopping cleanly on SIGTERM. Two agents at once still send one mail
per reminder; so does `reminders run` from cron on top of them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest

from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContractForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import delivery, registry, reminder, team_settings, users
from tests.servers.smtp import SmtpServer, running_smtp

pytestmark = pytest.mark.postgres


def _team(url: str, server: SmtpServer) -> None:
    db = Database(url)
    try:
        with db.write() as s:
            users.ensure_first_admin(s)
            login = f"director_{uuid.uuid4().hex[:6]}"  # logins are cluster-wide
            users.add_user(
                s, login, "sales_director", email="director@example.cn", password="pw-director-1"
            )
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
            # Ends within three months of any day this test may run on: due today.
            today = date.today()
            end = date(today.year + (today.month + 1) // 12, (today.month + 1) % 12 + 1, 1)
            registry.save_contract(s, ContractForm(system.id, date(2025, 3, 1), end, "paid"))
            team_settings.set_many(
                s,
                {
                    "mail.host": server.host,
                    "mail.port": str(server.port),
                    "mail.security": "none",
                    "mail.from": "desk@example.cn",
                },
            )
    finally:
        db.dispose()


def _agent(url: str, home: Path) -> subprocess.Popen[str]:
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SUPPORTDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SUPPORTDESK_DB", None)
    with (home / "stderr.txt").open("w") as errors:  # the child keeps its own copy
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "supportdesk", "--db", url, "--lang", "zh_CN", "agent"),
                *("--delivery-seconds", "1", "--log-file", str(home / "agent.log")),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            text=True,
        )


def _pending(url: str) -> int:
    db = Database(url)
    try:
        with db.read() as s:
            return len(reminder.pending(s))
    finally:
        db.dispose()


def test_two_agents_racing_on_postgres_send_one_mail_and_stop_on_sigterm(
    pg_url: str, tmp_path: Path
) -> None:
    with running_smtp("plain") as server:
        _team(pg_url, server)
        server.stop()  # the mail server is down when the agents start
        homes = [tmp_path / "agent-a", tmp_path / "agent-b"]
        agents = [_agent(pg_url, home) for home in homes]
        try:
            deadline = time.monotonic() + 60
            while _pending(pg_url) == 0:  # both started; the rules ran
                assert time.monotonic() < deadline
                time.sleep(0.2)
            time.sleep(2)  # both agents try, fail, and back off
            assert server.messages == []
            server.start()
            db = Database(pg_url)
            with db.write() as s:  # "try again now", rather than wait out the back-off
                delivery.retry_now(s, [r.id for r in reminder.outbox_rows(s)])
            db.dispose()
            while _pending(pg_url):
                assert time.monotonic() < deadline, "not delivered"
                time.sleep(0.2)
            time.sleep(2.5)  # a second agent that would send it again has had its chance
            for agent in agents:
                agent.send_signal(signal.SIGTERM)
            codes = [agent.wait(timeout=30) for agent in agents]
        finally:
            for agent in agents:
                if agent.poll() is None:
                    agent.kill()
                    agent.wait()
        assert codes == [0, 0], [(h / "stderr.txt").read_text() for h in homes]
        subjects = [m.message["Subject"] for m in server.messages]
        assert len(subjects) == 1, subjects
        assert "华东电力" in subjects[0]
        assert subjects[0].startswith("维保")
    for home in homes:
        log = (home / "agent.log").read_text(encoding="utf-8")
        assert "agent started" in log
        assert "agent stopped" in log
