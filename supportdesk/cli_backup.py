"""`supportdesk backup` (issue 8, R3.3): the backup jobs of each system, and checking them
over SSH (exit 1 when any check fails)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, EXIT_USER, _emit, _open, system_id_by_name


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="backup jobs and their checks (R3.3)").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    check = backup.add_parser("check", help="check backups over SSH; exit 1 if any fails")
    which = check.add_mutually_exclusive_group(required=True)
    which.add_argument("--system", help="the system's name")
    which.add_argument("--all", action="store_true", help="every system's jobs")
    check.add_argument("--json", action="store_true")
    check.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )
    drill = backup.add_parser(
        "drill", help="restore one backup file to a scratch directory and compare its checksum"
    )
    drill.add_argument("--system", required=True)
    drill.add_argument("--job", required=True, help="the job's name")
    drill.add_argument(
        "--file", default="", help="a file of the backup directory (default: the newest), or "
        "a path in the repository's newest snapshot",
    )  # fmt: skip
    drill.add_argument("--json", action="store_true")
    drill.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )
    setup = backup.add_parser(
        "setup", help="set a daily backup up on a host (shows the commands, then asks)"
    )
    setup.add_argument("--system", required=True)
    setup.add_argument("--host", required=True)
    setup.add_argument("--change", type=int, required=True, help="the planned change it is")
    setup.add_argument("--app-dir", required=True, help="the application directory to archive")
    setup.add_argument("--target", required=True, help="where the backups are kept on the host")
    setup.add_argument("--database", choices=["none", "postgresql", "mysql"], default="none")
    setup.add_argument("--database-name", default="")
    setup.add_argument("--keep-days", type=int, default=70)
    setup.add_argument("--hour", type=int, default=2, help="hour of the day it runs (host time)")
    setup.add_argument("--yes", action="store_true", help="run without asking")
    setup.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )
    listing = backup.add_parser("jobs", help="the backup jobs and their last check")
    listing.add_argument("--system")
    listing.add_argument("--json", action="store_true")
    add = backup.add_parser("add", help="add a backup job to a system")
    add.add_argument("--system", required=True)
    add.add_argument("--host", required=True, help="the host the backups are kept on")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--kind", required=True, choices=["directory", "restic", "borg", "pg_dump", "mysql_dump"]
    )
    add.add_argument("--path", required=True, help="the directory or repository on the host")
    add.add_argument("--pattern", default="*", help="which files are backups (directory kinds)")
    add.add_argument("--every", type=int, default=24, help="hours between backups (default 24)")
    add.add_argument(
        "--credential", default="", help="vault credential with the repository password"
    )


def _status(job: Any) -> str:
    last = job.last
    if last is None:
        return "never checked"
    bad = [f.code for f in last.findings if not f.ok]
    when = last.checked_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"{'ok' if last.passed else 'FAILED ' + ','.join(bad)} ({when})"


def _jobs(args: argparse.Namespace) -> int:
    from supportdesk.services import backup  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = system_id_by_name(session, args.system) if args.system else None
        rows = backup.jobs(session, system)
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.id}\t{r.customer} {r.system}\t{r.name}\t{r.kind} {r.host}:{r.path}\t{_status(r)}"
            for r in rs
        ),
    )
    return EXIT_OK


def _add(args: argparse.Namespace) -> int:
    from supportdesk.domain.backup import BackupKind, JobForm  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import backup, registry  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        system = system_id_by_name(session, args.system)
        hosts = registry.hosts_by_ids(session, registry.host_ids(session, system_id=system))
        host = next((h.id for h in hosts if h.name == args.host), None)
        if host is None:
            raise ValidationError("host", "not_found", entity="host", value=args.host)
        row = backup.save_job(
            session,
            JobForm(
                system, host, args.name, BackupKind(args.kind), args.path, args.pattern,
                args.every, args.credential,
            ),
        )  # fmt: skip
    print(row.id)
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.services import backup  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = None if args.all else system_id_by_name(session, args.system)
        jobs = backup.jobs(session, system)
    results: list[dict[str, Any]] = []
    if jobs:  # nothing to check: no passphrase asked for
        opened = _opened(args, app)
        try:
            checked = backup.check_jobs(
                app.db,
                app.remote_shell(),
                opened,
                [j.id for j in jobs],
                progress=None if args.json else _progress([j.name for j in jobs]),
            )
        finally:
            opened.lock()
        results = [
            {"job": j.name, "system": j.system, "customer": j.customer, **_plain(c)}
            for j, c in zip(jobs, checked, strict=False)
        ]
    _emit(results, args.json, _text)
    return EXIT_OK if all(r["passed"] for r in results) else EXIT_USER


def _drill(args: argparse.Namespace) -> int:
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import backup  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = system_id_by_name(session, args.system)
        found = [j.id for j in backup.jobs(session, system) if j.name == args.job]
    if not found:
        raise ValidationError("job", "not_found", entity="backup_job", value=args.job)
    opened = _opened(args, app)
    try:
        row = backup.drill(app.db, app.remote_shell(), opened, found[0], args.file)
    finally:
        opened.lock()
    _emit(
        row,
        args.json,
        lambda r: (
            f"{r.file}: {'restored, checksum matches' if r.passed else 'FAILED ' + r.detail}"
            f" ({r.reference} {r.expected[:12]} / restored {r.restored[:12]})"
        ),
    )
    return EXIT_OK if row.passed else EXIT_USER


def _setup(args: argparse.Namespace) -> int:
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.domain.backup import SetupForm  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import backup, registry  # noqa: PLC0415

    form = SetupForm(
        args.app_dir, args.target, args.database, args.database_name, args.keep_days, args.hour
    )
    plan = backup.plan_setup(form)
    app = _open(args)
    with app.db.read() as session:
        system = system_id_by_name(session, args.system)
        hosts = registry.hosts_by_ids(session, registry.host_ids(session, system_id=system))
        host = next((h.id for h in hosts if h.name == args.host), None)
    if host is None:
        raise ValidationError("host", "not_found", entity="host", value=args.host)
    print(f"On {args.host} these commands will run:\n\n{plan.install}", file=sys.stderr)
    if not args.yes:
        answer = input("Run them? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            print("Nothing was changed.", file=sys.stderr)
            return EXIT_USER
    opened = _opened(args, app)
    try:
        jobs = backup.set_up(app.db, app.remote_shell(), opened, args.change, host, form)
    finally:
        opened.lock()
    print("\n".join(f"{j.id}\t{j.name}\t{j.kind}" for j in jobs))
    return EXIT_OK


def _plain(check: Any) -> dict[str, Any]:
    return {
        "passed": check.passed,
        "outcome": check.outcome,
        "findings": [{"code": f.code, "ok": f.ok, "params": f.params} for f in check.findings],
        "evidence": check.evidence_sha256,
    }


def _progress(names: list[str]) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        print(f"{done}/{total} {names[done - 1]}", file=sys.stderr, flush=True)

    return show


def _text(results: list[dict[str, Any]]) -> str:
    lines = []
    for r in results:
        lines.append(
            f"{r['customer']} {r['system']} / {r['job']}: {'ok' if r['passed'] else 'FAILED'}"
        )
        lines += [
            "  " + " ".join([f["code"], *(f"{k}={v}" for k, v in f["params"].items())])
            for f in r["findings"]
            if not f["ok"]
        ]
    return "\n".join(lines) or "no backup jobs"


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("backup", "check"): _check,
    ("backup", "jobs"): _jobs,
    ("backup", "add"): _add,
    ("backup", "drill"): _drill,
    ("backup", "setup"): _setup,
}
