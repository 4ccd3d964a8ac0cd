"""A week of monitor mode on a small ledger: payments arrive, arbot looks, the team applies
them as it sees fit (differently from arbot in known places: P-20, P-41, the reason of INV-7001)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import insert

from graph.shadow import watch
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import ApplicationRequest, NewPayment, invoice_number_key
from integrations.store import Store
from tests.graph.backtest.books_kit import CUSTOMERS, customer_rows

D = Decimal
MONDAY = date(2026, 11, 16)
DAYS = [MONDAY + timedelta(days=n) for n in range(5)]


def invoice_row(number: str, customer: str, amount: str) -> dict:
    issued = date(2026, 10, 1)
    return {
        "invoice_number": number,
        "number_key": invoice_number_key(number),
        "customer_id": customer,
        "invoice_date": issued,
        "due_date": issued + timedelta(days=30),
        "amount": D(amount),
        "balance": D(amount),
        "currency": "USD",
        "po_number": None,
    }


def week_plan() -> list[dict]:
    """Each day two customers pay one invoice each, naming it; two short-pays on Tuesday."""
    plan = []
    for d, day in enumerate(DAYS):
        for k in range(2):
            customer = CUSTOMERS[(d + k) % 3][0]
            amount = f"{1000 + 111 * d + 7 * k}.00"
            number = f"INV-5{d}{k}"
            plan.append(
                {
                    "payment": f"P-{d}{k}",
                    "day": day,
                    "customer": customer,
                    "amount": amount,
                    "memo": number,
                    "invoice": (number, amount),
                    "applies": [(number, amount)],
                }
            )
    # The known disagreements: P-20 the team puts on another invoice of the same amount;
    # P-41 it applies half of, leaving the rest on account.
    p20 = next(p for p in plan if p["payment"] == "P-20")
    p20["applies"] = [("INV-6000", p20["amount"])]
    p41 = next(p for p in plan if p["payment"] == "P-41")
    p41["applies"] = [(p41["invoice"][0], str(D(p41["amount"]) / 2))]
    plan += [
        {
            "payment": "P-D1",
            "day": DAYS[1],
            "customer": "C1",
            "amount": "460.00",
            "memo": "INV-7001 SHORT PAID 40.00 DAMAGED",
            "invoice": ("INV-7001", "500.00"),
            "applies": [("INV-7001", "460.00")],
        },
        {
            "payment": "P-D2",
            "day": DAYS[1],
            "customer": "A1",
            "amount": "280.00",
            "memo": "INV-7002 SHORT PAID 20.00 FREIGHT DEDUCTION",
            "invoice": ("INV-7002", "300.00"),
            "applies": [("INV-7002", "280.00")],
        },
    ]
    return plan


def books(url: str, plan: list[dict]) -> LocalLedger:
    ledger = LocalLedger.open(url)
    with ledger.writing() as conn:
        conn.execute(
            insert(t.customers),
            customer_rows(),
        )
        rows = [invoice_row(*p["invoice"][:1], p["customer"], p["invoice"][1]) for p in plan]
        p20 = next(p for p in plan if p["payment"] == "P-20")
        rows.append(invoice_row("INV-6000", p20["customer"], p20["amount"]))
        conn.execute(insert(t.invoices), rows)
    return ledger


def run_week(url: str) -> None:
    """The week, into the ledger and arbot's store at ``url``; a last look on Saturday."""
    plan = week_plan()
    ledger = books(url, plan)
    store = Store.open(url)

    def team_applies(p: dict) -> None:
        ledger.apply_payment(
            NewPayment(
                p["payment"], p["customer"], p["day"], D(p["amount"]), "USD", "ach", p["memo"]
            ),
            [ApplicationRequest(n, D(a)) for n, a in p["applies"]],
            idempotency_key=f"team:{p['payment']}",
        )

    for day in DAYS:
        todays = [p for p in plan if p["day"] == day]
        for p in todays:  # the bank feed records them in the ERP, unapplied
            ledger.apply_payment(
                NewPayment(
                    p["payment"], p["customer"], day, D(p["amount"]), "USD", "ach", p["memo"]
                ),
                [],
                idempotency_key=f"feed:{p['payment']}",
            )
        watch(ledger, store, day)  # arbot looks, suggests, records; settles what was posted
        for p in todays:
            team_applies(p)
        if day == DAYS[3]:  # the team writes off the two short-pays, one for another reason
            for number, customer, amount, reason in (
                ("INV-7001", "C1", "40.00", "pricing"),
                ("INV-7002", "A1", "20.00", "freight"),
            ):
                ledger.create_adjustment(
                    customer_id=customer,
                    invoice_number=number,
                    amount=D(amount),
                    currency="USD",
                    kind="write_off",
                    reason_code=reason,
                    memo="approved by the controller",
                    idempotency_key=f"team:writeoff:{number}",
                    adjusted_on=day,
                )
    watch(ledger, store, date(2026, 11, 21))  # the next run sees Friday's postings
    store.close()
    ledger.close()
