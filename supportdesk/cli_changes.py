"""`supportdesk change` (issue 8, R3.2): the change log from the command line: plan a change,
record the customer notice, mark it executed, archive its source and scripts, list, show,
export, and list what runs where."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open, system_id_by_name


def local_time(text: str) -> datetime:
    """YYYY-MM-DD HH:MM in the machine's time zone (or with an explicit offset)."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a time (YYYY-MM-DD HH:MM)") from None
    return value if value.tzinfo else value.astimezone()


def add_parsers(sub: Any) -> None:
    change = sub.add_parser("change", help="the change log (R3.2)").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    listing = change.add_parser("list", help="changes, newest first")
    listing.add_argument("--system", help="only this system's changes")
    listing.add_argument("--search", default="", help="words in the change, customer or system")
    listing.add_argument("--flagged", action="store_true", help="only those done without notice")
    listing.add_argument("--json", action="store_true")
    show = change.add_parser("show", help="one change with its notices and archive")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    add = change.add_parser("add", help="plan a change")
    add.add_argument("--system", required=True)
    add.add_argument("--title", required=True)
    add.add_argument("--reason", required=True)
    add.add_argument("--scope", required=True)
    add.add_argument("--start", type=local_time, required=True, help="YYYY-MM-DD HH:MM")
    add.add_argument("--duration", type=int, required=True, help="minutes")
    add.add_argument("--impact", required=True)
    add.add_argument("--rollback", required=True)
    add.add_argument("--executor", required=True)
    add.add_argument("--supervisor", required=True, help="the after-sales engineer's login")
    notify = change.add_parser("notify", help="record the customer notice")
    notify.add_argument("id", type=int)
    how = notify.add_mutually_exclusive_group(required=True)
    how.add_argument("--mail", nargs="*", metavar="ADDRESS", help="mail it (default: contacts)")
    how.add_argument("--phone", metavar="PERSON", help="told by phone: who")
    notify.add_argument("--at", type=local_time, help="when they were told (phone; default now)")
    notify.add_argument("--note", default="")
    executed = change.add_parser("executed", help="mark a change executed")
    executed.add_argument("id", type=int)
    executed.add_argument("--at", type=local_time, help="when (default now)")
    executed.add_argument("--emergency", default="", help="why it could not wait for a notice")
    cancel = change.add_parser("cancel", help="cancel a planned change")
    cancel.add_argument("id", type=int)
    archive = change.add_parser("attach", help="archive source code or a database script")
    archive.add_argument("id", type=int)
    what = archive.add_mutually_exclusive_group(required=True)
    what.add_argument("--source", type=Path, help="a file or archive of the changed source")
    what.add_argument("--commit", help="the commit id the change was built from")
    what.add_argument("--script", type=Path, help="a database script")
    _fingerprint_parser(change)
    export = change.add_parser("export", help="the change history as XLSX")
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--system")
    export.add_argument("--search", default="")
    versions = change.add_parser("versions", help="what runs on each system (newest archived)")
    versions.add_argument("--json", action="store_true")


def _fingerprint_parser(change: Any) -> None:
    prints = change.add_parser(
        "fingerprint", help="the deployed files' checksums over SSH, before or after the change"
    )
    prints.add_argument("id", type=int)
    prints.add_argument("--host", required=True, help="a host of the change's system")
    prints.add_argument("--path", action="append", required=True, help="a deployed directory")
    prints.add_argument("--stage", choices=["before", "after"], required=True)
    prints.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )


def _when(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def _list(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = system_id_by_name(session, args.system) if args.system else None
        rows = changes.list_changes(
            session, system_id=system, text=args.search, flagged_only=args.flagged
        )
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r.id}\t{_when(r.planned_start)}\t{r.customer} {r.system}\t{r.title}\t{r.state}"
            + ("\tWITHOUT NOTICE" if r.without_notice else "")
            for r in rs
        ),
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        found = changes.detail(session, args.id)
    c = found.change

    def text(_: object) -> str:
        lines = [
            f"{c.id} {c.title} ({c.state})",
            f"{c.customer} {c.system}",
            f"start {_when(c.planned_start)}, {c.duration_minutes} min",
            f"reason: {c.reason}",
            f"scope: {c.scope}",
            f"impact: {c.impact}",
            f"rollback: {c.rollback}",
            f"executor: {c.executor}, supervisor: {c.supervisor}",
        ]
        if c.executed_at:
            lines.append(f"executed {_when(c.executed_at)}")
        if c.without_notice:
            lines.append(f"WITHOUT NOTICE: {c.emergency_reason}")
        lines += [
            f"notice {n.channel} {n.to_whom}: "
            + (f"given {_when(n.given_at)}" if n.given_at else f"{n.pending} not yet sent")
            for n in found.notices
        ]
        lines += [f"archived {a.kind} {a.name} {a.sha256 or a.commit}" for a in found.artifacts]
        return "\n".join(lines)

    _emit({**_as_dict(found), "noticed": found.noticed}, args.json, text)
    return EXIT_OK


def _as_dict(found: Any) -> dict[str, Any]:
    from dataclasses import asdict  # noqa: PLC0415

    return asdict(found)


def _add(args: argparse.Namespace) -> int:
    from supportdesk.domain.changes import ChangeForm  # noqa: PLC0415
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = changes.save_change(
            session,
            ChangeForm(
                system_id_by_name(session, args.system),
                args.title,
                args.reason,
                args.scope,
                args.start,
                args.duration,
                args.impact,
                args.rollback,
                args.executor,
                args.supervisor,
            ),
        )
    print(row.id)
    return EXIT_OK


def _notify(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        if args.phone is not None:
            when = args.at or datetime.now().astimezone()
            notice = changes.notify_by_phone(session, args.id, args.phone, when, args.note)
        else:
            to = args.mail or changes.customer_addresses(session, args.id)
            notice = changes.notify_by_mail(session, args.id, to)
    state = f"given {_when(notice.given_at)}" if notice.given_at else "queued for delivery"
    print(f"change {args.id}: notice by {notice.channel} to {notice.to_whom}: {state}")
    return EXIT_OK


def _executed(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = changes.mark_executed(
            session,
            args.id,
            args.at or datetime.now().astimezone(),
            emergency_reason=args.emergency,
        )
    print(f"change {row.id}: executed" + (" WITHOUT NOTICE" if row.without_notice else ""))
    return EXIT_OK


def _cancel(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        changes.cancel(session, args.id)
    print(f"change {args.id}: cancelled")
    return EXIT_OK


def _read(field: str, path: Path) -> bytes:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

    try:
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(field, "unreadable", detail=error.strerror or str(error)) from None


def _attach(args: argparse.Namespace) -> int:
    from supportdesk.domain.changes import ArtifactKind  # noqa: PLC0415
    from supportdesk.services import changes  # noqa: PLC0415

    if args.commit is not None:
        kind, name, data, commit = ArtifactKind.COMMIT, args.commit, None, args.commit
    else:
        path = args.source or args.script
        kind = ArtifactKind.SOURCE if args.source else ArtifactKind.SCRIPT
        name, data, commit = path.name, _read("file", path), ""
    app = _open(args)
    with app.db.write() as session:
        row = changes.attach(session, args.id, kind, name, data=data, commit=commit)
    print(f"change {args.id}: archived {row.kind} {row.name} {row.sha256 or row.commit}")
    return EXIT_OK


def _fingerprint(args: argparse.Namespace) -> int:
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.domain.changes import Stage  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import changes, registry  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = changes.get(session, args.id).system_id
        hosts = registry.hosts_by_ids(session, registry.host_ids(session, system_id=system))
        host = next((h.id for h in hosts if h.name == args.host), None)
    if host is None:
        raise ValidationError("host", "not_found", entity="host", value=args.host)
    opened = _opened(args, app)
    try:
        row = changes.fingerprint(
            app.db, app.remote_shell(), opened, args.id, host, args.path, Stage(args.stage)
        )
    finally:
        opened.lock()
    with app.db.read() as session:
        diff = changes.fingerprint_diff(session, args.id)
    print(f"change {args.id}: {row.name} {row.sha256}")
    if diff is not None:
        for label, paths in (
            ("changed", diff.changed),
            ("added", diff.added),
            ("removed", diff.removed),
        ):
            print("\n".join(f"{label}\t{p}" for p in paths) or f"{label}\t-")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from supportdesk.cli import _speaking  # noqa: PLC0415
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session, _speaking(args):
        system = system_id_by_name(session, args.system) if args.system else None
        rows = changes.list_changes(session, system_id=system, text=args.search)
        changes.export_xlsx(session, args.out, rows)
    print(args.out)
    return EXIT_OK


def _versions(args: argparse.Namespace) -> int:
    from supportdesk.services import changes  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        pinned = changes.pinned_versions(session)
    _emit(
        pinned,
        args.json,
        lambda ps: "\n".join(
            f"{p.customer} {p.system}\tchange {p.change_id} {_when(p.executed_at)}\t"
            + ", ".join(f"{a.kind} {a.name} {(a.sha256 or a.commit)[:12]}" for a in p.artifacts)
            for p in ps
        ),
    )
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("change", "list"): _list,
    ("change", "show"): _show,
    ("change", "add"): _add,
    ("change", "notify"): _notify,
    ("change", "executed"): _executed,
    ("change", "cancel"): _cancel,
    ("change", "attach"): _attach,
    ("change", "export"): _export,
    ("change", "fingerprint"): _fingerprint,
    ("change", "versions"): _versions,
}
