"""A believable demo company for the local ledger.

Customers with real-looking names, terms and payment habits; a year of paid history (so days-to-pay
exists); open invoices in every aging bucket; installments, short-pays with remittance text, early
payment discounts, unapplied cash, promises to pay, pending sales orders; and a bank file of new
credits whose payer names and remittance text are as messy as real ones.

The rows are drawn in ``demo_books`` (customers, invoices, payments, discounts, short-pays,
unapplied cash, promises), ``demo_orders`` (pending sales orders) and ``demo_bank`` (the bank
file), from one seeded random generator in a fixed order; this module writes them.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, insert

from integrations.erp.local import schema as t
from integrations.erp.local.demo_bank import bank_lines
from integrations.erp.local.demo_books import DemoBooks
from integrations.erp.local.demo_orders import pending_orders
from integrations.erp.local.demo_words import ANCHORS, company_names
from integrations.erp.local.ledger import LocalLedger
from integrations.erp.records import BankLine

SIZES: dict[str, tuple[int, int, int]] = {
    # customers, average open invoices per customer, bank lines
    "small": (40, 6, 25),
    "medium": (1_000, 10, 200),
    "large": (10_000, 10, 1_000),
}


@dataclass
class DemoCompany:
    size: str
    seed: int
    as_of: date
    counts: dict[str, int]
    bank_lines: list[BankLine] = field(default_factory=list)


def build_demo(
    ledger: LocalLedger,
    *,
    size: str = "small",
    seed: int = 7,
    as_of: date,
    progress: Callable[[str, int, int], None] | None = None,
) -> DemoCompany:
    """Replace the ledger's contents with a demo company (only ever on a demo or empty ledger).

    ``progress(phase, completed, total)`` is called as it goes: phase ``generating`` counts
    customers, phase ``writing`` counts rows.
    """
    customer_count, open_avg, bank_count = SIZES[size]
    rng = random.Random(seed)
    report = progress or (lambda _phase, _done, _total: None)
    books = DemoBooks(rng, as_of)
    names = company_names(rng, customer_count)
    open_by_customer: dict[str, list[dict[str, Any]]] = {}
    for index, name in enumerate(names):
        customer = books.customer(index, name)
        start = len(books.invoices)
        open_count = max(0, int(rng.gauss(open_avg, open_avg / 2)))
        if index < len(ANCHORS):
            open_count = max(open_count, 4)
        books.history(customer, paid_count=rng.randint(4, 8), open_count=open_count)
        open_by_customer[customer["customer_id"]] = books.invoices[start:]
        if index % 100 == 0 or index == customer_count - 1:
            report("generating", index + 1, customer_count)
    books.finish()
    unapplied = 0
    for customer in books.customers:
        pending_orders(books, customer)
        books.promise(customer, open_by_customer[customer["customer_id"]])
        if rng.random() < 0.03 or customer["customer_id"] == "C00003":
            unapplied += 1
            books.unapplied_cash(customer, unapplied)
    lines = bank_lines(books, bank_count)

    tables = (
        (t.customers, books.customers),
        (t.invoices, books.invoices),
        (t.payments, books.payments),
        (t.applications, books.applications),
        (t.adjustments, books.adjustments),
        (t.sales_orders, books.orders),
        (t.sales_order_lines, books.order_lines),
        (t.promises, books.promises),
    )
    total_rows = sum(len(rows) for _, rows in tables)
    written = 0
    with ledger.writing() as conn:
        for table in (
            t.notes,
            t.promises,
            t.sales_order_lines,
            t.sales_orders,
            t.adjustments,
            t.applications,
            t.payments,
            t.invoices,
            t.customers,
            t.writes,
            t.meta,
        ):
            conn.execute(delete(table))
        for table, rows in tables:
            clean = [{k: v for k, v in row.items() if not k.startswith("_")} for row in rows]
            for start in range(0, len(clean), 5_000):
                chunk = clean[start : start + 5_000]
                conn.execute(insert(table), chunk)
                written += len(chunk)
                report("writing", written, total_rows)
        conn.execute(
            insert(t.meta),
            [
                {
                    "key": "demo",
                    "value": json.dumps({"size": size, "seed": seed, "as_of": as_of.isoformat()}),
                },
            ],
        )
    counts = {
        name: len(rows)
        for name, rows in (
            ("customers", books.customers),
            ("invoices", books.invoices),
            ("payments", books.payments),
            ("adjustments", books.adjustments),
            ("sales_orders", books.orders),
            ("promises", books.promises),
        )
    }
    counts["open_invoices"] = sum(1 for i in books.invoices if i["balance"] > 0)
    counts["bank_lines"] = len(lines)
    return DemoCompany(size, seed, as_of, counts, lines)
