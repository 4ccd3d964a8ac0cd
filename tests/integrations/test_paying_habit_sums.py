"""The paying habits the local ledger keeps (migration 0006) are always the join's sums: after
applications are added, changed and removed, and after an invoice's dates or a payment's date
or payer change, in the same transaction as the write."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from graph.portfolio_reads import BookReads
from graph.portfolio_sql import SqlBookReads
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo
from integrations.erp.records import ApplicationRequest, NewPayment

TODAY = date(2026, 11, 21)


def kept_and_joined(ledger: LocalLedger) -> tuple[list[Any], list[Any]]:
    reads = SqlBookReads(ledger, TODAY)

    def norm(rows: list[Any]) -> list[tuple[str, int, int, int, int]]:
        return sorted(
            (r[0], int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows if int(r[1] or 0)
        )

    return norm(reads._habit_rows(None)), norm(reads._joined_habit_rows(None))


def test_the_kept_sums_follow_every_write(tmp_path) -> None:
    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    build_demo(ledger, size="small", seed=7, as_of=TODAY)
    kept, joined = kept_and_joined(ledger)
    assert kept == joined and kept

    invoice = next(i for i in ledger.invoices(open_only=True) if i.balance > Decimal("10"))
    ledger.apply_payment(
        NewPayment("PMT-T1", invoice.customer_id, date(2026, 11, 20), Decimal("10.00"), "USD"),
        [ApplicationRequest(invoice.invoice_number, Decimal("10.00"))],
        idempotency_key="habit-sums-1",
    )
    assert kept_and_joined(ledger)[0] == kept_and_joined(ledger)[1]

    with ledger.writing() as conn:
        conn.execute(
            text(
                "UPDATE ledger_invoices SET due_date = '2026-01-15', invoice_date = '2025-12-16'"
                " WHERE invoice_number = :n"
            ),
            {"n": invoice.invoice_number},
        )
    assert kept_and_joined(ledger)[0] == kept_and_joined(ledger)[1]

    other = next(c for c in ledger.list_customers() if c.customer_id != invoice.customer_id)
    with ledger.writing() as conn:
        conn.execute(
            text(
                "UPDATE ledger_payments SET received_on = '2026-11-01', customer_id = :c "
                "WHERE payment_id = 'PMT-T1'"
            ),
            {"c": other.customer_id},
        )
    assert kept_and_joined(ledger)[0] == kept_and_joined(ledger)[1]

    with ledger.writing() as conn:
        conn.execute(
            text("UPDATE ledger_applications SET amount = 7 * amount WHERE payment_id = 'PMT-T1'")
        )
    assert kept_and_joined(ledger)[0] == kept_and_joined(ledger)[1]

    with ledger.writing() as conn:
        conn.execute(text("DELETE FROM ledger_applications WHERE payment_id = 'PMT-T1'"))
    assert kept_and_joined(ledger) == (kept, joined)  # back where it started

    # and what the answers read is what the port's reads compute from the records
    sql, port = SqlBookReads(ledger, TODAY), BookReads(ledger, TODAY)
    assert sql.slowest(10) == port.slowest(10)
