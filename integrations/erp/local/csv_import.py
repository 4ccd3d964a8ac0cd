"""``arbot erp import``: load CSV exports into the local ledger.

All or nothing: every file is read and checked first, every problem is reported as
``file:line: column: what is wrong``, and nothing is written unless there are none. Importing the
same rows again changes nothing. A later export may lower an invoice's balance (activity that
happened in the source system): the difference is booked as an ``imported_balance`` adjustment so
that the ledger's arithmetic still holds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from integrations.erp.local import schema as t
from integrations.erp.local.csv_rows import CsvReader, CsvRow
from integrations.erp.local.csv_write import (
    write_customers,
    write_gaps,
    write_invoices,
    write_orders,
    write_payments,
)
from integrations.erp.local.ledger import LocalLedger
from integrations.erp.records import SALES_ORDER_STATUSES

CUSTOMER_COLUMNS = ("customer_id", "name", "credit_limit", "terms_days", "currency", "email")
INVOICE_COLUMNS = (
    "invoice_number",
    "customer_id",
    "invoice_date",
    "due_date",
    "amount",
    "balance",
    "currency",
    "po_number",
)
PAYMENT_COLUMNS = (
    "payment_id",
    "customer_id",
    "date",
    "amount",
    "currency",
    "invoice_number",
    "applied_amount",
)
SALES_ORDER_COLUMNS = ("order_id", "customer_id", "order_date", "amount", "currency")


class ImportFailed(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass
class ImportSummary:
    added: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def describe(self) -> str:
        kinds = sorted(set(self.added) | set(self.updated) | set(self.unchanged))
        return "; ".join(
            f"{kind}: {self.added[kind]} added, {self.updated[kind]} updated, "
            f"{self.unchanged[kind]} unchanged"
            for kind in kinds
        )


_Row = CsvRow
_Reader = CsvReader


def _unique(row: _Row, column: str, key: str, seen: dict[str, int]) -> bool:
    if key in seen:
        row.problem(column, f"{key} appears again (first on line {seen[key]})")
        return False
    seen[key] = row.line
    return True


def _existing(conn: Connection, table: Any, key_column: str) -> dict[str, dict[str, Any]]:
    return {r[key_column]: dict(r) for r in conn.execute(select(table)).mappings()}


@dataclass
class PaymentIn:
    payment_id: str
    customer_id: str
    received_on: date
    amount: Decimal
    currency: str
    method: str
    reference: str
    line: int
    applications: list[tuple[str, Decimal]] = field(default_factory=list)


def import_csv(
    ledger: LocalLedger,
    *,
    customers: Path,
    invoices: Path,
    payments: Path | None = None,
    sales_orders: Path | None = None,
    today: Callable[[], date] = date.today,
) -> ImportSummary:
    problems: list[str] = []
    summary = ImportSummary()
    with ledger.writing() as conn:
        have_customers = _existing(conn, t.customers, "customer_id")
        have_invoices = _existing(conn, t.invoices, "invoice_number")
        have_payments = _existing(conn, t.payments, "payment_id")
        have_orders = _existing(conn, t.sales_orders, "order_id")

        new_customers = _read_customers(
            _Reader(customers, CUSTOMER_COLUMNS, problems), have_customers
        )
        known_customers = set(have_customers) | set(new_customers)
        new_invoices = _read_invoices(
            _Reader(invoices, INVOICE_COLUMNS, problems), known_customers, have_invoices
        )
        invoice_currency = {n: r["currency"] for n, r in have_invoices.items()} | {
            n: r["currency"] for n, r in new_invoices.items()
        }
        new_payments: dict[str, PaymentIn] = {}
        if payments is not None:
            new_payments = _read_payments(
                _Reader(payments, PAYMENT_COLUMNS, problems),
                known_customers,
                invoice_currency,
                have_payments,
            )
        new_orders: dict[str, dict[str, Any]] = {}
        if sales_orders is not None:
            new_orders = _read_orders(
                _Reader(sales_orders, SALES_ORDER_COLUMNS, problems), known_customers
            )
        balance_gaps = _balance_gaps(
            new_invoices, have_invoices, new_payments, have_payments, invoices.name, problems
        )
        if problems:
            raise ImportFailed(problems)

        write_customers(conn, new_customers, have_customers, summary)
        write_invoices(conn, new_invoices, have_invoices, summary)
        write_payments(conn, new_payments, have_payments, summary)
        write_gaps(conn, balance_gaps, new_invoices, today())
        write_orders(conn, new_orders, have_orders, summary)
    return summary


def _read_customers(reader: _Reader, have: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for row in reader.rows():
        customer_id = row.text("customer_id")
        currency = row.currency()
        values = {
            "customer_id": customer_id,
            "name": row.text("name"),
            "currency": currency,
            "terms_days": row.integer("terms_days"),
            "credit_limit": row.money("credit_limit", currency, required=False),
            "email": row.text("email", required=False),
            "discount_percent": row.money("discount_percent", "USD", required=False)
            or Decimal("0.00"),
            "discount_days": row.integer("discount_days", required=False) or 0,
            "parent_id": row.text("parent_id", required=False),
            "collector": row.text("collector", required=False),
        }
        email = values["email"]
        if email is not None and "@" not in email:
            row.problem("email", f"'{email}' is not an email address")
        if customer_id and _unique(row, "customer_id", customer_id, seen):
            out[customer_id] = values | {"_line": row.line}
    for values in out.values():
        parent = values["parent_id"]
        if parent is not None and parent not in out and parent not in have:
            reader.problems.append(
                f"{reader.path.name}:{values['_line']}: parent_id: customer {parent} is not in "
                "this file"
            )
    return out


def _read_invoices(
    reader: _Reader, known_customers: set[str], have: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for row in reader.rows():
        number = row.text("invoice_number")
        customer_id = row.text("customer_id")
        currency = row.currency()
        invoice_date, due_date = row.day("invoice_date"), row.day("due_date")
        amount = row.money("amount", currency, positive=True)
        balance = row.money("balance", currency, required=False)
        if customer_id is not None and customer_id not in known_customers:
            row.problem("customer_id", f"customer {customer_id} is not in the customers file")
        if invoice_date and due_date and due_date < invoice_date:
            row.problem("due_date", f"{due_date} is before the invoice date {invoice_date}")
        if amount is not None and balance is not None and balance > amount:
            row.problem("balance", f"{balance} is more than the amount {amount}")
        values = {
            "invoice_number": number,
            "customer_id": customer_id,
            "invoice_date": invoice_date,
            "due_date": due_date,
            "amount": amount,
            "balance": amount if balance is None else balance,
            "currency": currency,
            "po_number": row.text("po_number", required=False),
            "_line": row.line,
        }
        if number is None or not _unique(row, "invoice_number", number, seen):
            continue
        if number in have:
            before = have[number]
            for column in ("customer_id", "invoice_date", "amount", "currency"):
                if values[column] is not None and values[column] != before[column]:
                    row.problem(
                        column,
                        f"invoice {number} was imported with {column} {before[column]}, "
                        f"not {values[column]}",
                    )
        out[number] = values
    return out


def _read_payments(
    reader: _Reader,
    known_customers: set[str],
    invoice_currency: dict[str, str],
    have: dict[str, dict[str, Any]],
) -> dict[str, PaymentIn]:
    out: dict[str, PaymentIn] = {}
    for row in reader.rows():
        payment_id = row.text("payment_id")
        customer_id = row.text("customer_id")
        currency = row.currency()
        received_on = row.day("date")
        amount = row.money("amount", currency, positive=True)
        invoice_number = row.text("invoice_number", required=False)
        applied = row.money("applied_amount", currency, required=invoice_number is not None)
        if customer_id is not None and customer_id not in known_customers:
            row.problem("customer_id", f"customer {customer_id} is not in the customers file")
        if invoice_number is not None:
            if invoice_number not in invoice_currency:
                row.problem(
                    "invoice_number", f"invoice {invoice_number} is not in the invoices file"
                )
            elif currency and invoice_currency[invoice_number] != currency:
                row.problem(
                    "currency",
                    f"invoice {invoice_number} is in {invoice_currency[invoice_number]}",
                )
        if None in (payment_id, customer_id, currency, received_on, amount):
            continue
        assert payment_id and customer_id and currency and received_on and amount
        payment = out.get(payment_id)
        if payment is None:
            payment = out[payment_id] = PaymentIn(
                payment_id,
                customer_id,
                received_on,
                amount,
                currency,
                (row.text("method", required=False) or "ach").lower(),
                row.text("reference", required=False) or "",
                row.line,
            )
        elif (payment.customer_id, payment.amount, payment.currency) != (
            customer_id,
            amount,
            currency,
        ):
            row.problem(
                "amount",
                f"payment {payment_id} differs from its first row (line {payment.line})",
            )
        if invoice_number is not None and applied is not None:
            if applied == 0:
                row.problem("applied_amount", "must be more than zero")
            payment.applications.append((invoice_number, applied))
    for payment in out.values():
        total = sum((a for _, a in payment.applications), Decimal("0.00"))
        where = f"{reader.path.name}:{payment.line}"
        if total > payment.amount:
            reader.problems.append(
                f"{where}: applied_amount: applications add up to {total}, more than the "
                f"payment's {payment.amount}"
            )
        before = have.get(payment.payment_id)
        if before is not None and (before["amount"], before["customer_id"]) != (
            payment.amount,
            payment.customer_id,
        ):
            reader.problems.append(
                f"{where}: amount: payment {payment.payment_id} was imported as "
                f"{before['amount']} from {before['customer_id']}"
            )
    return out


def _read_orders(reader: _Reader, known_customers: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for row in reader.rows():
        order_id = row.text("order_id")
        customer_id = row.text("customer_id")
        currency = row.currency()
        status = (row.text("status", required=False) or "pending").lower()
        if status not in SALES_ORDER_STATUSES:
            row.problem("status", f"'{status}' is not one of {', '.join(SALES_ORDER_STATUSES)}")
        if customer_id is not None and customer_id not in known_customers:
            row.problem("customer_id", f"customer {customer_id} is not in the customers file")
        values = {
            "order_id": order_id,
            "customer_id": customer_id,
            "order_date": row.day("order_date"),
            "amount": row.money("amount", currency, positive=True),
            "currency": currency,
            "status": status,
            "po_number": row.text("po_number", required=False),
            "tax": row.money("tax", currency, required=False) or Decimal("0.00"),
        }
        if values["amount"] is not None and values["tax"] >= values["amount"]:
            row.problem("tax", f"{values['tax']} is not less than the amount {values['amount']}")
        if order_id and _unique(row, "order_id", order_id, seen):
            out[order_id] = values
    return out


def _balance_gaps(
    new_invoices: dict[str, dict[str, Any]],
    have_invoices: dict[str, dict[str, Any]],
    new_payments: dict[str, PaymentIn],
    have_payments: dict[str, dict[str, Any]],
    file_name: str,
    problems: list[str],
) -> dict[str, Decimal]:
    """How much each invoice's balance must still come down after the file's payments are
    applied, to equal the balance the file states."""
    applied: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for payment in new_payments.values():
        if payment.payment_id in have_payments:
            continue
        for number, amount in payment.applications:
            applied[number] += amount
    gaps: dict[str, Decimal] = {}
    for number, row in new_invoices.items():
        if row["amount"] is None or row["balance"] is None:
            continue
        current = have_invoices[number]["balance"] if number in have_invoices else row["amount"]
        after_payments = current - applied[number]
        gap = after_payments - row["balance"]
        if gap < 0:
            problems.append(
                f"{file_name}:{row['_line']}: balance: {row['balance']} is more than the "
                f"{after_payments} left after the payments applied to {number}"
            )
        elif gap > 0:
            gaps[number] = gap
    return gaps
