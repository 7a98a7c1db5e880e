"""`supportdesk reward` (issue 10, R5.4): apply for a reward for an optimisation with a marked
effect, take a step of its approval chain, list the applications, and the ledger of approved
rewards per person and month (also as XLSX)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open, month_arg


def add_parsers(sub: Any) -> None:
    reward = sub.add_parser(
        "reward", help="rewards for optimisations with a marked effect (R5.4)"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    apply = reward.add_parser(
        "apply", help="the group leader applies from an approved optimisation report"
    )
    apply.add_argument("--month", type=month_arg, required=True, help="the report's YYYY-MM")
    apply.add_argument("--person", required=True, help="login of who earns it")
    apply.add_argument("--what", required=True, help="what changed")
    apply.add_argument("--evidence", required=True, help="the evidence of the effect")
    apply.add_argument("--amount", required=True, help="proposed amount in yuan")
    apply.add_argument("--item", type=int, help="the optimisation item it comes from")
    for name, text in (
        ("submit", "the group leader submits the application"),
        ("approve", "the sales director, then a committee member, approves it"),
        ("return", "send it back to the group leader with a comment"),
    ):
        step = reward.add_parser(name, help=text)
        step.add_argument("id", type=int)
        step.add_argument("--comment", default="", help="required when returning")
    listing = reward.add_parser("list", help="the applications, newest first")
    listing.add_argument("--month", type=month_arg, help="of one report month")
    listing.add_argument("--json", action="store_true")
    ledger = reward.add_parser("ledger", help="approved rewards per person and month")
    ledger.add_argument("--from", dest="first", type=month_arg, required=True, help="YYYY-MM")
    ledger.add_argument("--to", dest="last", type=month_arg, required=True, help="YYYY-MM")
    ledger.add_argument("--json", action="store_true")
    ledger.add_argument("--xlsx", type=Path, help="also write the ledger as a spreadsheet")


def _plain(row: Any) -> dict[str, Any]:
    """A row for JSON: amounts as text ("1500.00"), exact; the comments property too."""
    data = {k: (f"{v:.2f}" if isinstance(v, Decimal) else v) for k, v in asdict(row).items()}
    if hasattr(row, "comments"):
        data["comments"] = [asdict(c) for c in row.comments]
    return data


def _line(r: Any) -> str:
    waiting = f", waiting for {r.holder.value}" if r.holder else ""
    item = f"\titem {r.item_id}: {r.item_description}" if r.item_id is not None else ""
    return (
        f"{r.id}\t{r.month}\t{r.state.value}{waiting}\t{r.person} {r.person_name}"
        f"\t{r.amount:.2f}\t{r.what_changed}{item}"
    )


def _apply(args: argparse.Namespace) -> int:
    from supportdesk.domain.rewards import RewardForm, amount_of  # noqa: PLC0415
    from supportdesk.services import rewards  # noqa: PLC0415

    form = RewardForm(
        month=args.month,
        item_id=args.item,
        person=args.person,
        what_changed=args.what,
        evidence=args.evidence,
        amount=amount_of(args.amount),
    )
    app = _open(args)
    with app.db.write() as session:
        row = rewards.apply(session, form)
    print(row.id)
    return EXIT_OK


def _step(args: argparse.Namespace) -> int:
    from supportdesk.domain.optimisation import Decision  # noqa: PLC0415
    from supportdesk.services import rewards  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        row = rewards.decide(session, args.id, Decision(args.action), args.comment)
    print(_line(row))
    return EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from supportdesk.services import rewards  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = rewards.rewards(session, args.month)
    _emit([_plain(r) for r in rows], args.json, lambda _: "\n".join(_line(r) for r in rows))
    return EXIT_OK


def _ledger(args: argparse.Namespace) -> int:
    from supportdesk.services import rewards  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        rows = rewards.ledger(session, args.first, args.last)
        if args.xlsx is not None:
            rewards.export_ledger(session, args.first, args.last, args.xlsx)

    def text(_: Any) -> str:
        lines = [f"{r.month}\t{r.person} {r.person_name}\t{r.count}\t{r.total:.2f}" for r in rows]
        total = sum((r.total for r in rows), Decimal("0.00"))
        return "\n".join([*lines, f"total\t{total:.2f}"])

    _emit([_plain(r) for r in rows], args.json, text)
    if args.xlsx is not None and not args.json:
        print(args.xlsx)
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("reward", "apply"): _apply,
    ("reward", "submit"): _step,
    ("reward", "approve"): _step,
    ("reward", "return"): _step,
    ("reward", "list"): _list,
    ("reward", "ledger"): _ledger,
}
