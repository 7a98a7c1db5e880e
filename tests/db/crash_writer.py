"""Writer for the kill -9 test: one customer with three contacts per transaction.

It prints each customer's id only after the commit returned (an acknowledged commit).
With `early` it acknowledges before committing: the negative control the harness must catch.
"""

from __future__ import annotations

import sys
import time

from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import registry


def main() -> None:
    url, start, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    db = Database(url, actor="tester")
    for n in range(start, start + 100_000):
        session_cm = db.write()
        session = session_cm.__enter__()
        customer = registry.save_customer(session, CustomerForm(f"客户{n}"))
        for k in range(3):
            registry.save_contact(session, ContactForm(customer.id, f"联系人{n}-{k}"))
        if mode == "early":
            print(customer.id, flush=True)
            time.sleep(0.5)  # the acknowledged record is not yet committed
        session_cm.__exit__(None, None, None)
        if mode != "early":
            print(customer.id, flush=True)


if __name__ == "__main__":
    main()
