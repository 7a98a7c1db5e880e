"""Writer for the kill -9 test: records of one customer and three contacts, one per transaction.

Usage: crash_writer.py URL PREFIX MODE. It prints a progress line at every step, so the
parent can kill it at a random one of them, and `ack ID` only once the commit returned.
MODE `safe` is the app's way. The negative controls, which the harness must catch:
`early` acknowledges before committing; `split` commits the customer and its contacts in two
transactions. Both then wait a moment (printing `wait`), so a kill lands in the gap.
"""

from __future__ import annotations

import sys
import time

from sqlalchemy.orm import Session

from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import registry

GAP_LINES = 20  # `wait` lines printed in a control's gap, 5 ms apart


def _gap() -> None:
    for _ in range(GAP_LINES):
        print("wait", flush=True)
        time.sleep(0.005)


def _contacts(session: Session, customer: int, n: int) -> None:
    for k in range(3):
        registry.save_contact(session, ContactForm(customer, f"联系人{n}-{k}"))
        print(f"row contact {k}", flush=True)


def main() -> None:
    url, prefix, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    db = Database(url, actor="tester")
    for n in range(1_000_000):
        print("begin", flush=True)
        with db.write() as session:
            customer = registry.save_customer(session, CustomerForm(f"{prefix}-{n}")).id
            print(f"row customer {customer}", flush=True)
            if mode == "split":  # the record's first half is committed on its own
                print("commit", flush=True)
            else:
                _contacts(session, customer, n)
                if mode == "early":
                    print(f"ack {customer}", flush=True)  # acknowledged, not yet committed
                    _gap()
                print("commit", flush=True)
        if mode == "split":
            _gap()
            with db.write() as session:
                _contacts(session, customer, n)
                print("commit", flush=True)
        if mode != "early":
            print(f"ack {customer}", flush=True)


if __name__ == "__main__":
    main()
