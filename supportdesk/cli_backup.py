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
}
