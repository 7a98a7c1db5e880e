"""Reminders to the group robots (issue 6), the whole way: team settings name the webhook and
the vault credential that holds the signing secret; the composition root builds the senders;
the test server checks each signature as DingTalk, WeCom and Feishu do."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from supportdesk.bootstrap import make_senders, vault_secret
from supportdesk.crypto import vault_crypto
from supportdesk.db.models import AuditEvent
from supportdesk.domain.delivery import ROBOTS
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import delivery, reminder, team_settings, vault
from tests.reminder_team import Team
from tests.servers.robot_http import running_robots

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)


def test_each_robot_gets_each_reminder_once_signed_with_the_vaults_secret(team: Team) -> None:
    with running_robots() as robots:
        with team.db.write() as s:
            opened = vault.init_vault(s, "长城-Great-Wall-2026", vault_crypto.new_kdf_params())
        for kind, secret in robots.secrets.items():
            with team.db.write() as s:
                vault.save_credential(s, opened, CredentialForm(f"{kind} robot", secret))
        with team.db.write() as s:
            team_settings.set_many(
                s,
                {
                    **{f"robots.{kind}.url": robots.url(kind) for kind in ROBOTS},
                    "robots.dingtalk.secret": "dingtalk robot",
                    "robots.feishu.secret": "feishu robot",
                    "mail.host": "",  # robots only
                },
            )
            reminder.enqueue(s, TODAY, now=NOW)
            settings = team_settings.all_values(s)
            channels = delivery.ready_channels(s, NOW)
        assert channels == set(ROBOTS)
        senders = make_senders(settings, channels, vault_secret(team.db, opened))
        report = delivery.deliver(team.db, senders, owner="test", now=lambda: NOW)
        assert (report.sent, report.failed) == (6, 0)  # 3 robots x (expiry, missing report)
        assert delivery.deliver(team.db, senders, owner="test", now=lambda: NOW).sent == 0
        assert sorted(a.kind for a in robots.accepted) == sorted(ROBOTS * 2)
        texts = [str(a.body) for a in robots.accepted]
        assert sum("华东电力" in t for t in texts) == 6
    with team.db.read() as s:
        uses = s.scalars(
            select(AuditEvent.action).where(AuditEvent.action == "credential.use")
        ).all()
    assert len(uses) == 2  # each signing secret read once, for this delivery, audited


def test_a_robot_whose_secret_is_out_of_reach_waits(team: Team) -> None:
    with running_robots() as robots, team.db.write() as s:
        opened = vault.init_vault(s, "长城-Great-Wall-2026", vault_crypto.new_kdf_params())
        vault.save_credential(s, opened, CredentialForm("dingtalk robot", "x"))
        team_settings.set_many(
            s,
            {
                "robots.dingtalk.url": robots.url("dingtalk"),
                "robots.dingtalk.secret": "dingtalk robot",
            },
        )
        settings = team_settings.all_values(s)
    # The vault is not open in this process: no sender, so nobody claims the message.
    assert make_senders(settings, {"dingtalk"}, vault_secret(team.db, None)) == {}
