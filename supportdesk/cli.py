"""Command line: no sub-command starts the GUI; every sub-command runs without QtWidgets."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from supportdesk import __version__

log = logging.getLogger(__name__)
EXIT_OK, EXIT_USER, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="supportdesk", description="SupportDesk after-sales service desk"
    )
    parser.add_argument("--version", action="version", version=f"SupportDesk {__version__}")
    parser.add_argument("--profile", help="profile name (default: the default profile)")
    parser.add_argument("--db", help="database URL (overrides SUPPORTDESK_DB and the config)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty profile with demo data, then start"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    db.add_parser("upgrade", help="apply pending migrations (SQLite is backed up first)")
    backup = db.add_parser("backup", help="consistent copy while others keep writing")
    backup.add_argument("path", type=Path)
    check = db.add_parser("check", help="integrity, migration state and audit chain")
    check.add_argument("--json", action="store_true")

    audit = sub.add_parser("audit", help="the audit chain").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    verify = audit.add_parser("verify", help="exit 0 on a sound chain, 1 at the first break")
    verify.add_argument("--json", action="store_true")

    user = sub.add_parser("user", help="users and roles").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    add = user.add_parser("add", help="add a user (a PostgreSQL login in a team database)")
    add.add_argument("login")
    add.add_argument("--role", required=True)
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the new login's password from stdin"
    )
    listing = user.add_parser("list", help="list users")
    listing.add_argument("--json", action="store_true")
    set_role = user.add_parser("set-role", help="change a user's role")
    set_role.add_argument("login")
    set_role.add_argument("role")

    config = sub.add_parser(
        "config", help="settings: this machine's, and the team's"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    get = config.add_parser("get", help="print a setting")
    get.add_argument("key")
    put = config.add_parser("set", help="change a setting")
    put.add_argument("key")
    put.add_argument("value")
    config.add_parser("list", help="print every setting").add_argument(
        "--json", action="store_true"
    )

    imp = sub.add_parser("import", help="import JSON, CSV or XLSX: all rows or none")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check only, change nothing")
    exp = sub.add_parser("export", help="write everything the registry holds")
    exp.add_argument("--format", choices=["json", "xlsx"], required=True)
    exp.add_argument("--out", type=Path, required=True)

    demo = sub.add_parser("demo", help="fill the profile with realistic demo data")
    demo.add_argument("--scale", type=int, default=1, help="multiplies the amount of data")
    from supportdesk import (  # noqa: PLC0415 - they import this module
        cli_backup,
        cli_changes,
        cli_faq,
        cli_handover,
        cli_inspect,
        cli_optimisation,
        cli_reminders,
        cli_rewards,
        cli_vault,
    )

    for module in (cli_vault, cli_handover, cli_inspect, cli_reminders, cli_changes, cli_backup):
        module.add_parsers(sub)
    cli_faq.add_parsers(sub)
    cli_optimisation.add_parsers(sub)
    cli_rewards.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from supportdesk.ui.app import run_gui  # noqa: PLC0415 - keep Qt widgets off the CLI path

        return run_gui(args)
    from supportdesk import (  # noqa: PLC0415
        cli_backup,
        cli_changes,
        cli_faq,
        cli_handover,
        cli_inspect,
        cli_optimisation,
        cli_reminders,
        cli_rewards,
        cli_vault,
    )

    handlers = {
        **_HANDLERS,
        **cli_vault.HANDLERS,
        **cli_inspect.HANDLERS,
        **cli_reminders.HANDLERS,
        **cli_handover.HANDLERS,
        **cli_changes.HANDLERS,
        **cli_backup.HANDLERS,
        **cli_faq.HANDLERS,
        **cli_optimisation.HANDLERS,
        **cli_rewards.HANDLERS,
    }
    handler = handlers[(args.command, getattr(args, "action", None))]
    # Whatever a handler opens (_open) is closed when it returns, so main() can be called
    # many times in one process (tests, the agent) without leaking connections.
    with contextlib.ExitStack() as cleanup:
        args.cleanup = cleanup
        try:
            return handler(args)
        except Exception as error:  # noqa: BLE001 - every failure becomes a message and exit code
            return _report(error, args)


def _report(error: BaseException, args: argparse.Namespace) -> int:
    from supportdesk.domain.errors import SupportDeskError  # noqa: PLC0415
    from supportdesk.ui.messages import describe  # noqa: PLC0415

    with _speaking(args):
        if isinstance(error, SupportDeskError):
            print(f"supportdesk: {describe(error)}", file=sys.stderr)
            return EXIT_USER
        log.error("unexpected error", exc_info=error)
        print(f"supportdesk: {describe(error)} ({type(error).__name__})", file=sys.stderr)
        return EXIT_USER


@contextlib.contextmanager
def _speaking(args: argparse.Namespace) -> Iterator[None]:
    """Messages in the user's language, as in the GUI: --lang, the profile's, the system's.

    Only on the error path (Qt's catalogue needs a QCoreApplication, which costs start-up
    time), and undone afterwards, as main() may run many times in one process.
    """
    from PySide6.QtCore import QCoreApplication, QLocale  # noqa: PLC0415

    from supportdesk.config import Config, Profile  # noqa: PLC0415
    from supportdesk.ui.i18n import install_translators, pick_language  # noqa: PLC0415

    try:
        configured = Config(Profile.named(args.profile)).get("ui.language")
    except Exception:  # noqa: BLE001 - a broken config must not hide the error being reported
        configured = None
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    locale = QLocale()
    translators = install_translators(app, pick_language(args.lang, configured))
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(locale)


def month_arg(text: str) -> str:
    """argparse type for YYYY-MM: a usage error (exit 2) otherwise."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text.strip()):
        raise argparse.ArgumentTypeError(f"'{text}' is not a month (YYYY-MM)")
    return text.strip()


def system_id_by_name(session: Any, name: str) -> int:
    """The one system called `name` (ValidationError on the system field if none or many)."""
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import registry  # noqa: PLC0415

    matches = [s.id for s in registry.list_systems(session) if s.name == name]
    if len(matches) != 1:
        code = "not_found" if not matches else "ambiguous"
        raise ValidationError("system", code, entity="system", value=name)
    return int(matches[0])


def _open(args: argparse.Namespace, *, migrate: bool = True) -> Any:
    from supportdesk.bootstrap import open_app, setup_logging  # noqa: PLC0415
    from supportdesk.config import Profile  # noqa: PLC0415

    setup_logging(Profile.named(args.profile))
    app = open_app(args.profile, args.db, migrate=migrate)
    cleanup = getattr(args, "cleanup", None)
    if isinstance(cleanup, contextlib.ExitStack):
        cleanup.callback(app.close)
    return app


def _emit(data: Any, as_json: bool, text: Callable[[Any], str]) -> None:
    if as_json:
        print(json.dumps(_plain(data), ensure_ascii=False, indent=2))
    else:
        print(text(data))


def _plain(data: Any) -> Any:
    if is_dataclass(data) and not isinstance(data, type):
        return _plain(asdict(data))
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_plain(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


# --- handlers --------------------------------------------------------------------


def _db_upgrade(args: argparse.Namespace) -> int:
    from supportdesk.services import database  # noqa: PLC0415

    app = _open(args, migrate=False)
    backup = database.upgrade(app.db, app.profile.backup_dir)
    print(
        f"database at {database.current_revision(app.db)}"
        + (f" (backup: {backup})" if backup else "")
    )
    return EXIT_OK


def _db_backup(args: argparse.Namespace) -> int:
    from supportdesk.services import database  # noqa: PLC0415

    app = _open(args)
    print(database.backup(app.db, args.path))
    return EXIT_OK


def _db_check(args: argparse.Namespace) -> int:
    from supportdesk.services import database  # noqa: PLC0415

    app = _open(args, migrate=False)
    if database.current_revision(app.db) is None:
        # A fresh profile has no schema yet: create it as any other command would. A database
        # that has one is checked as it is, never upgraded by a check.
        app.close()
        app = _open(args)
    report = database.check(app.db)
    _emit(report.as_dict(), args.json, lambda d: "ok" if d["ok"] else "\n".join(d["problems"]))
    return EXIT_OK if report.ok else EXIT_USER


def _audit_verify(args: argparse.Namespace) -> int:
    from supportdesk.services import database  # noqa: PLC0415

    app = _open(args, migrate=False)
    result = database.verify_audit(app.db)
    _emit(
        result.as_dict(),
        args.json,
        lambda d: (
            f"ok: {d['events']} events"
            if d["ok"]
            else f"broken at event {d['first_bad']}: {d['reason']}"
        ),
    )
    return EXIT_OK if result.ok else EXIT_USER


def _user_add(args: argparse.Namespace) -> int:
    from supportdesk.services import users  # noqa: PLC0415

    app = _open(args)
    password = None
    if not app.db.is_sqlite:
        password = (
            sys.stdin.readline().rstrip("\r\n")
            if args.password_stdin
            else getpass.getpass(f"password for {args.login}: ")
        )
    with app.db.write() as session:
        row = users.add_user(session, args.login, args.role, args.name, args.email, password)
    print(f"{row.login} ({row.role})")
    return EXIT_OK


def _user_list(args: argparse.Namespace) -> int:
    from supportdesk.services import users  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = users.list_users(session)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(f"{r.login}\t{r.role}\t{r.name}\t{r.email}" for r in rs),
    )
    return EXIT_OK


def _user_set_role(args: argparse.Namespace) -> int:
    from supportdesk.services import users  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = users.set_role(session, args.login, args.role)
    print(f"{row.login} ({row.role})")
    return EXIT_OK


def _config(args: argparse.Namespace) -> int:
    from supportdesk.config import OPTIONS, Config, Profile  # noqa: PLC0415
    from supportdesk.domain.errors import SupportDeskError  # noqa: PLC0415
    from supportdesk.domain.team_settings import is_team_key  # noqa: PLC0415

    config = Config(Profile.named(args.profile))
    key = getattr(args, "key", "")
    if args.action != "list" and is_team_key(key):
        # The team's settings (mail server, robots, reminders) live in the database, so every
        # desktop and agent uses the same ones.
        from supportdesk.services import team_settings  # noqa: PLC0415

        app = _open(args)
        if args.action == "get":
            with app.db.read() as session:
                print(team_settings.get(session, key))
        else:
            with app.db.write() as session:
                print(team_settings.set_one(session, key, args.value))
        return EXIT_OK
    if args.action == "get":
        print(config.get(args.key))
    elif args.action == "set":
        print(config.set(args.key, args.value))
    else:
        from supportdesk.services import team_settings  # noqa: PLC0415

        values = {k: config.get(k) for k in OPTIONS}
        try:
            with _open(args).db.read() as session:
                team = team_settings.all_values(session)
        except SupportDeskError as error:
            # The machine's own settings still show: they may be what needs fixing.
            from supportdesk.ui.messages import describe  # noqa: PLC0415

            log.warning("team settings not read: %s", error)
            print(f"supportdesk: {describe(error)}", file=sys.stderr)
            team = {}
        # A webhook URL carries the robot's token: listed as set, shown only by `config get`.
        values.update({k: ("(set)" if k.endswith(".url") and v else v) for k, v in team.items()})
        _emit(values, args.json, lambda d: "\n".join(f"{k} = {v!r}" for k, v in d.items()))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from supportdesk.services import interchange  # noqa: PLC0415

    app = _open(args)
    document = interchange.load_file(args.file)
    with app.db.write() as session:
        summary = interchange.import_document(session, document)
        if args.dry_run:
            session.rollback()
    print(("dry run, nothing changed: " if args.dry_run else "imported: ") + summary.describe())
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from supportdesk.services import interchange  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        document = interchange.export_document(session)
    interchange.write_file(document, args.out, args.format)
    print(args.out)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from supportdesk.services import demo  # noqa: PLC0415

    if args.scale < 1:
        print("supportdesk: --scale: must be 1 or more", file=sys.stderr)
        return EXIT_USAGE
    app = _open(args)
    with app.db.write() as session:
        summary = demo.fill(session, args.scale, date.today())
    print(summary.describe())
    return EXIT_OK


_HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("db", "upgrade"): _db_upgrade,
    ("db", "backup"): _db_backup,
    ("db", "check"): _db_check,
    ("audit", "verify"): _audit_verify,
    ("user", "add"): _user_add,
    ("user", "list"): _user_list,
    ("user", "set-role"): _user_set_role,
    ("config", "get"): _config,
    ("config", "set"): _config,
    ("config", "list"): _config,
    ("import", None): _import,
    ("export", None): _export,
    ("demo", None): _demo,
}
