"""`supportdesk reminders` and `supportdesk agent` (issue 6): what is due and why, running the
rules and the delivery once (for cron), acknowledging and following up, and the headless
agent that runs the same jobs on a schedule."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, EXIT_USER, _emit, _open, _speaking

log = logging.getLogger(__name__)


def _today(parser: Any) -> None:
    parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")


def _vault_file(parser: Any) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        help="opens the vault for the mail password or a robot's signing secret",
    )


def add_parsers(sub: Any) -> None:
    reminders = sub.add_parser("reminders", help="what is due, and the outbox").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    due = reminders.add_parser("due", help="the reminders due and why")
    _today(due)
    due.add_argument("--json", action="store_true")
    run = reminders.add_parser("run", help="run the rules once and deliver what is waiting")
    _today(run)
    _vault_file(run)
    run.add_argument("--no-delivery", action="store_true", help="only add to the outbox")
    listing = reminders.add_parser("list", help="the reminders raised, and their follow-up")
    listing.add_argument("--open", action="store_true", help="only those not yet closed")
    listing.add_argument("--json", action="store_true")
    ack = reminders.add_parser("ack", help="acknowledge a reminder (the sales director)")
    ack.add_argument("id", type=int)
    ack.add_argument("--assign", metavar="USER", help="the salesperson who follows up")
    outcome = reminders.add_parser("follow-up", help="record the follow-up of a reminder")
    outcome.add_argument("id", type=int)
    outcome.add_argument("outcome", choices=["pending", "renewed", "lost"])
    outcome.add_argument("--note", default="")
    box = reminders.add_parser("outbox", help="messages to send and how delivery went")
    box.add_argument("--problems", action="store_true", help="only those that keep failing")
    box.add_argument("--json", action="store_true")
    retry = reminders.add_parser("retry", help="try failing messages again now")
    retry.add_argument("ids", type=int, nargs="+", metavar="ID")
    cc = reminders.add_parser("cc", help="a customer's addresses copied on its expiry mail")
    cc.add_argument("customer")
    cc.add_argument("--set", metavar="ADDRESSES", help="comma-separated; empty clears")
    pw = reminders.add_parser(
        "mail-password", help="keep the SMTP password in the OS keyring (if no mail.credential)"
    )
    pw.add_argument("--password-stdin", action="store_true", required=True)

    agent = sub.add_parser("agent", help="run the reminder jobs headless until stopped")
    agent.add_argument("--log-file", type=Path, help="default: the profile's logs/agent.log")
    _vault_file(agent)
    agent.add_argument("--once", action="store_true", help="one daily run, then exit")
    agent.add_argument(
        "--delivery-seconds", type=int, default=60, help="how often waiting messages are tried"
    )


def _reminders_due(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        found = reminder.due(session, args.today or date.today())
    _emit(
        found,
        args.json,
        lambda rows: "\n".join(
            f"{d.due_on.isoformat()}\t{d.rule}\t{d.subject}\t{d.title}\t{d.reason}" for d in rows
        ),
    )
    return EXIT_OK


def _jobs(args: argparse.Namespace, app: Any, owner: str, *, prompt: bool) -> Any:
    """The jobs, with the vault opened once, when a channel's secret is first needed. With
    `prompt` False (the agent: a service, and a worker thread) the passphrase is never asked
    for: it comes from --passphrase-file or the key the OS keyring remembers, or the channels
    that need a secret wait (and their messages show as stuck to the group leader)."""
    from supportdesk.bootstrap import (  # noqa: PLC0415
        make_senders,
        make_tracker,
        make_uploader,
        vault_secret,
    )
    from supportdesk.cli_vault import _login, _opened  # noqa: PLC0415
    from supportdesk.domain.errors import SupportDeskError, ValidationError  # noqa: PLC0415
    from supportdesk.scheduling.reminders import ReminderJobs  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    lock = threading.Lock()
    state: dict[str, Any] = {"vault": None, "tried": False}

    def remembered() -> bool:
        store = app.key_store()
        with app.db.read() as session:
            login = _login(session)
        return bool(login and store.usable() and store.get(app.vault_profile_id(), login))

    def vault() -> Any:
        with lock:
            if state["vault"] is None and not state["tried"]:
                state["tried"] = True  # once: an Argon2id unlock per minute helps nobody
                if prompt or args.passphrase_file is not None or remembered():
                    try:
                        state["vault"] = _opened(args, app)
                    except SupportDeskError as error:
                        log.warning("vault not opened: %s", error)
            return state["vault"]

    def secret(name: str) -> str | None:
        opened = vault()
        if opened is None:
            return None
        try:
            return vault_secret(app.db, opened)(name)
        except ValidationError as error:
            if error.code == "vault_stale":  # the team key was rotated: open it again
                with lock:
                    state["vault"], state["tried"] = None, False
            log.warning("%s cannot be read from the vault: %s", name, error)
        except SupportDeskError as error:  # one channel's secret: the others go on
            log.warning("%s cannot be read from the vault: %s", name, error)
        return None

    real_day = args.today in (None, date.today()) if hasattr(args, "today") else True
    jobs = ReminderJobs(
        app.db,
        lambda settings, channels: make_senders(settings, channels, secret),
        resource_path("fonts/SupportDeskSansSC-Regular.ttf"),
        owner,
        today=(lambda: args.today) if getattr(args, "today", None) else date.today,
        record_run=real_day,
        uploader=lambda settings: make_uploader(settings, secret),
        tracker=lambda settings: make_tracker(settings, secret),
    )
    if not prompt:
        vault()  # now, in the calling thread, rather than in the first delivery
    return jobs


def _owner(kind: str) -> str:
    return f"{kind} {socket.gethostname()} {os.getpid()}"


def _reminders_run(args: argparse.Namespace) -> int:
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415

    app = _open(args)
    jobs = _jobs(args, app, _owner("cli"), prompt=True)
    ensure_application()  # the letter's PDF needs QtGui
    with _speaking(args):
        added = jobs.run_rules()
        print(f"{added} new outbox messages")
        if not args.no_delivery:
            report = jobs.deliver()
            print(f"{report.sent} sent, {report.failed} not delivered (tried again later)")
    return EXIT_OK


def _reminders_list(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = reminder.list_reminders(session, open_only=args.open)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.id}\t{r.due_on.isoformat()}\t{r.rule}\t{r.title}\t{r.outcome}"
            f"\t{r.acknowledged_by or '-'}\t{r.assigned_to or '-'}"
            for r in rs
        ),
    )
    return EXIT_OK


def _reminders_ack(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = reminder.acknowledge(session, args.id, args.assign)
    print(f"R-{row.id} acknowledged by {row.acknowledged_by}; assigned to {row.assigned_to or '-'}")
    return EXIT_OK


def _reminders_follow_up(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = reminder.record_outcome(session, args.id, args.outcome, args.note)
    print(f"R-{row.id}: {row.outcome}")
    return EXIT_OK


def _reminders_outbox(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = reminder.outbox_rows(session, problems_only=args.problems)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.id}\t{r.channel}\t{r.recipient}\t{r.state}\t{r.attempts}\t{r.last_error}"
            for r in rs
        ),
    )
    return EXIT_OK if not (args.problems and rows) else EXIT_USER


def _reminders_retry(args: argparse.Namespace) -> int:
    from supportdesk.services import delivery  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        count = delivery.retry_now(session, args.ids)
    print(f"{count} messages will be tried again at the next delivery")
    return EXIT_OK


def _reminders_cc(args: argparse.Namespace) -> int:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import registry, reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        found = [c.id for c in registry.list_customers(session) if c.name == args.customer]
        if not found:
            raise ValidationError("customer", "not_found", entity="customer", value=args.customer)
        if args.set is not None:
            addresses = reminder.set_customer_cc(session, found[0], args.set.split(","))
        else:
            addresses = reminder.customer_cc(session, found[0])
    print(", ".join(addresses))
    return EXIT_OK


def _reminders_mail_password(args: argparse.Namespace) -> int:
    from supportdesk.adapters.keyring_store import KeyringStore  # noqa: PLC0415
    from supportdesk.bootstrap import MAIL_KEYRING_SERVICE  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import team_settings  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        user, host = (
            team_settings.get(session, "mail.user"),
            team_settings.get(session, "mail.host"),
        )
    if not user or not host:
        raise ValidationError("mail.user", "required")
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise ValidationError("password", "required")
    KeyringStore().put_text(MAIL_KEYRING_SERVICE, f"{user}@{host}", password)
    print(f"SMTP password for {user}@{host} kept in the OS keyring")
    return EXIT_OK


def _agent(args: argparse.Namespace) -> int:
    from supportdesk.bootstrap import RedactingFormatter  # noqa: PLC0415
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.scheduling.reminders import start  # noqa: PLC0415

    app = _open(args)
    log_file = args.log_file or app.profile.log_dir / "agent.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    jobs = _jobs(args, app, _owner("agent"), prompt=False)
    ensure_application()
    try:
        with _speaking(args):
            log.info("agent started on %s (pid %d)", app.database_label(), os.getpid())
            if args.once:
                # The daily run in a thread, so SIGTERM can stop it between two sends.
                worker = threading.Thread(target=jobs.daily, name="reminders-once")
                worker.start()
                while worker.is_alive():
                    if stop.wait(0.2):
                        jobs.stopping.set()
                worker.join()
            else:
                scheduler = start(jobs, delivery_seconds=max(1, args.delivery_seconds))
                try:
                    while not stop.wait(0.5):
                        pass
                finally:
                    scheduler.shutdown(wait=True)  # a send under way finishes and is recorded
            log.info("agent stopped")
            return EXIT_OK
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("reminders", "due"): _reminders_due,
    ("reminders", "run"): _reminders_run,
    ("reminders", "list"): _reminders_list,
    ("reminders", "ack"): _reminders_ack,
    ("reminders", "follow-up"): _reminders_follow_up,
    ("reminders", "outbox"): _reminders_outbox,
    ("reminders", "retry"): _reminders_retry,
    ("reminders", "cc"): _reminders_cc,
    ("reminders", "mail-password"): _reminders_mail_password,
    ("agent", None): _agent,
}
