"""Writes ``evals/dev7.jsonl``: an unseen check set of requests as AR teams type them in chat.

Written by an independent helper session that did not read arbot's parser
(``graph/understand*.py``, ``graph/unclear.py``), the example phrasings of ``graph/intents.py``
(only intent names, kinds and one-line summaries), nor the rows of any other eval file or
``evals/heldout/``, and that never ran arbot on these rows: the lead scores it once, later.

Voices: a controller at month-end close, collectors between calls, a cash-app clerk chasing
unapplied money, a credit analyst, a sales rep, a CFO, a new joiner, and people asking for
what arbot cannot do or is not for. Groups (``--counts`` prints them): ``book`` whole-book
questions, ``one`` one customer / invoice / PO, ``act`` change requests that name the change
(``proposal: true``), ``cant`` changes arbot cannot make, ``out`` out of scope, help,
ambiguity and injection.

Facts come from plain SQL in ``evals/dev7_facts.py`` on the demo company (``arbot demo``,
small, seed 7, ``ARBOT_TODAY=2026-11-21``) and on the ledger ``arbot erp import`` builds from
``tests/fixtures/csv/`` (rows with ``"db": "imported"``). Conventions, business date
2026-11-21 (a Saturday): "yesterday" 11-20; "this week" Monday 11-16 to today; "last week"
11-09..11-15; "MTD" / "this month" 11-01..11-21; "in october" / "last month" 10-01..10-31;
Q3 07-01..09-30; dotted and ``dd/mm/yyyy`` dates with a day over 12 are day-first; "last 7
days", "past 2 weeks" and "recently" carry no amounts. "Over N days" is more than N days past
due; where an open invoice is exactly N days past due (30 and 90 in the demo) the row carries
only customers over in both readings, no amounts. Aging rows carry the open total per
currency (bucket edges at 30 and 90 hold invoices). Facts per row kind:

- whole book totals, past due, over N: the amounts per currency;
- top debtors: the first two customers of the named (or USD) currency, with their balances;
- over limit: the three customers furthest over, by name; largest invoices: the first three;
- payments received: the payers (when 8 or fewer) and the total per currency;
- unapplied cash: the customers and amounts; one payment: its customer name and amount;
- promises broken: the customers; AR by collector: the collectors' names;
- an invoice (or a PO standing for it): its number and open balance (its amount when paid);
- a customer's balance: the open (or past-due) total; its payments: the latest day's amounts;
- a credit limit question: the limit; DSO, days to pay, disputes, worklists, digests and
  change requests: the intent, entities and whether a proposal is expected.

    python evals/dev7_build.py --demo /tmp/dev7/demo.db --imported /tmp/dev7/imp/arbot.db
    python evals/dev7_build.py --demo … --imported … --counts     # and the counts
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from dev7_facts import Ledger, facts, money

OUT = Path(__file__).with_name("dev7.jsonl")
D = date


class Rows:
    def __init__(self, demo: Ledger, imported: Ledger) -> None:
        self.demo, self.imp = demo, imported
        self.rows: list[dict[str, Any]] = []

    def add(
        self,
        group: str,
        text: str,
        intent: str,
        fact: dict[str, list[str]] | None = None,
        customer: str | None = None,
        invoice: str | None = None,
        action: str | None = None,
        db: str = "demo",
        kind: str | None = None,
    ) -> None:
        ledger = self.imp if db == "imported" else self.demo
        if customer is not None:
            ledger.customer_id(customer)  # raises on a name not in the ledger
        if invoice is not None:
            ledger.invoice(invoice)
        self.rows.append(
            {
                "text": text,
                "intent": intent,
                "customer": customer if db == "demo" else None,
                "invoice": invoice if db == "demo" else None,
                "action": action,
                "entities": {k: v for k, v in (("customer", customer), ("invoice", invoice)) if v},
                "facts": fact or facts(),
                "proposal": intent == "action_request",
                "db": db,
                "group": group,
            }
        )
        if kind:  # an order action run_intents.py does not score as a kind
            self.rows[-1]["kind"] = kind


def amounts(totals: dict[str, int]) -> list[str]:
    return [money(v) for _, v in sorted(totals.items())]


def build(demo: Ledger, imported: Ledger) -> list[dict[str, Any]]:
    r = Rows(demo, imported)
    book(r, demo, imported)
    one(r, demo, imported)
    act(r)
    cant(r)
    out(r)
    return r.rows


# --- whole book -------------------------------------------------------------------------------
def book(r: Rows, d: Ledger, i: Ledger) -> None:
    from dev7_book import book_rows

    book_rows(r, d, i, amounts)


def one(r: Rows, d: Ledger, i: Ledger) -> None:
    from dev7_one import one_rows

    one_rows(r, d, i, amounts)


def act(r: Rows) -> None:
    from dev7_act import act_rows

    act_rows(r)


def cant(r: Rows) -> None:
    from dev7_act import cant_rows

    cant_rows(r)


def out(r: Rows) -> None:
    from dev7_act import out_rows

    out_rows(r)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", required=True, help="sqlite file `arbot demo` built")
    parser.add_argument("--imported", required=True, help="sqlite file `arbot erp import` built")
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    rows = build(Ledger(args.demo), Ledger(args.imported))
    texts = Counter(row["text"] for row in rows)
    dupes = [t for t, n in texts.items() if n > 1]
    if dupes:
        raise SystemExit(f"duplicate rows: {dupes}")
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")
    if args.counts:
        for label, counter in (
            ("group", Counter(row["group"] for row in rows)),
            ("intent", Counter(row["intent"] for row in rows)),
            ("action", Counter(row["action"] for row in rows if row["action"])),
            ("db", Counter(row["db"] for row in rows)),
        ):
            print(f"{label}: " + ", ".join(f"{k} {n}" for k, n in counter.most_common()))


if __name__ == "__main__":
    main()
