"""A believable demo company for the local ledger.

Customers with real-looking names, terms and payment habits; a year of paid history (so days-to-pay
exists); open invoices in every aging bucket; installments, short-pays with remittance text, early
payment discounts, unapplied cash, promises to pay, pending sales orders; and a bank file of new
credits whose payer names and remittance text are as messy as real ones.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert

from integrations.erp.local import schema as t
from integrations.erp.local.demo_words import (
    ANCHORS,
    bank_payer_name,
    company_names,
    remittance_text,
    slug,
)
from integrations.erp.local.ledger import LocalLedger, adjustment_id_for
from integrations.erp.money import quantize
from integrations.erp.records import BankLine, invoice_number_key

SIZES: dict[str, tuple[int, int, int]] = {
    # customers, average open invoices per customer, bank lines
    "small": (40, 6, 25),
    "medium": (1_000, 10, 200),
    "large": (10_000, 10, 1_000),
}

PROFILES = {
    "prompt": (-8, 2),
    "steady": (0, 12),
    "slow": (10, 40),
    "delinquent": (25, 80),
}
PROFILE_WEIGHTS = (("prompt", 40), ("steady", 35), ("slow", 18), ("delinquent", 7))
TERMS = (
    (30, None, 50),
    (45, None, 10),
    (60, None, 10),
    (15, None, 5),
    (30, "2/10", 18),
    (45, "1/10", 7),
)
COLLECTORS = ("Dana Kim", "Luis Ortega", "Priya Shah")

SHORT_PAY_REASONS = (
    ("pricing", "PRICING DIFF PER PO"),
    ("shortage", "SHORT SHIPPED 3 CS"),
    ("damage", "DAMAGED ON ARRIVAL"),
    ("promotion", "CO-OP PROMO ALLOWANCE"),
    ("freight", "FREIGHT DEDUCTION"),
    ("tax", "TAX EXEMPT - SALES TAX REMOVED"),
    ("bank_fee", "WIRE FEE"),
)


@dataclass
class DemoCompany:
    size: str
    seed: int
    as_of: date
    counts: dict[str, int]
    bank_lines: list[BankLine] = field(default_factory=list)


ORDER_GOODS = (
    "Industrial fasteners, case of 500",
    "Hydraulic hose assemblies",
    "Packaging film, pallet",
    "Replacement filters",
    "Safety gloves, carton",
    "Conveyor belt sections",
)


def _money(rng: random.Random, low: float, high: float) -> Decimal:
    return quantize(Decimal(str(round(rng.uniform(low, high), 2))))


class _Builder:
    def __init__(self, rng: random.Random, as_of: date) -> None:
        self.rng, self.as_of = rng, as_of
        self.customers: list[dict[str, Any]] = []
        self.invoices: list[dict[str, Any]] = []
        self.payments: list[dict[str, Any]] = []
        self.applications: list[dict[str, Any]] = []
        self.adjustments: list[dict[str, Any]] = []
        self.orders: list[dict[str, Any]] = []
        self.order_lines: list[dict[str, Any]] = []
        self.promises: list[dict[str, Any]] = []
        self.pending_payments: list[
            tuple[dict[str, Any], list[tuple[dict[str, Any], Decimal]]]
        ] = []

    def customer(self, index: int, name: str) -> dict[str, Any]:
        rng = self.rng
        if index < len(ANCHORS):
            _, profile, terms_days, discount = ANCHORS[index]
        else:
            profile = rng.choices([p for p, _ in PROFILE_WEIGHTS], [w for _, w in PROFILE_WEIGHTS])[
                0
            ]
            terms_days, discount, _ = rng.choices(TERMS, [w for *_, w in TERMS])[0]
        currency = (
            "USD"
            if index < len(ANCHORS) or rng.random() < 0.9
            else rng.choice(["CAD", "EUR", "GBP"])
        )
        typical = rng.choice([800, 2_500, 6_000, 15_000, 40_000])
        customer = {
            "customer_id": f"C{index + 1:05d}",
            "name": name,
            "currency": currency,
            "terms_days": terms_days,
            "credit_limit": quantize(Decimal(typical * rng.choice([4, 6, 8, 10]))),
            "email": f"ap@{slug(name)}.example.com",
            "on_hold": profile == "delinquent" and rng.random() < 0.4,
            "discount_percent": Decimal(discount.split("/")[0]) if discount else Decimal("0"),
            "discount_days": int(discount.split("/")[1]) if discount else 0,
            "parent_id": "C00006" if name == "Contoso Manufacturing West LLC" else None,
            "collector": COLLECTORS[index % len(COLLECTORS)],
            "_profile": profile,
            "_typical": typical,
            "_uses_po": rng.random() < 0.4,
        }
        self.customers.append(customer)
        return customer

    def invoice(self, customer: dict[str, Any], invoice_date: date) -> dict[str, Any]:
        rng = self.rng
        amount = _money(rng, customer["_typical"] * 0.3, customer["_typical"] * 1.7)
        invoice = {
            "invoice_number": "",
            "customer_id": customer["customer_id"],
            "invoice_date": invoice_date,
            "due_date": invoice_date + timedelta(days=customer["terms_days"]),
            "amount": amount,
            "balance": amount,
            "currency": customer["currency"],
            "po_number": f"4500{rng.randint(100000, 999999)}" if customer["_uses_po"] else None,
        }
        self.invoices.append(invoice)
        return invoice

    def history(self, customer: dict[str, Any], paid_count: int, open_count: int) -> None:
        """Paid invoices over the past year, then the open ones, aged by the payer's habits."""
        rng, as_of = self.rng, self.as_of
        low, high = PROFILES[customer["_profile"]]
        for _ in range(paid_count):
            invoice = self.invoice(customer, as_of - timedelta(days=rng.randint(40, 365)))
            days = max(customer["terms_days"] + rng.randint(low, high), 1)
            if (
                customer["discount_days"]
                and customer["_profile"] == "prompt"
                and rng.random() < 0.7
            ):
                days = rng.randint(3, customer["discount_days"])
            received = min(
                invoice["invoice_date"] + timedelta(days=days), as_of - timedelta(days=1)
            )
            self.pay(customer, invoice, received, full=True)
        spread = {"prompt": 20, "steady": 50, "slow": 110, "delinquent": 200}[customer["_profile"]]
        for _ in range(open_count):
            age = rng.randint(0, customer["terms_days"] + spread)
            invoice = self.invoice(customer, as_of - timedelta(days=age))
            roll = rng.random()
            if roll < 0.05 and age > 10:
                share = Decimal(rng.choice(["0.25", "0.4", "0.5"]))
                self.pay(
                    customer,
                    invoice,
                    as_of - timedelta(days=rng.randint(1, age)),
                    amount=quantize(invoice["amount"] * share),
                    memo="PARTIAL PMT",
                )
            elif roll < 0.09 and age > 10:
                code, text = rng.choice(SHORT_PAY_REASONS)
                short = _money(rng, 15, min(float(invoice["amount"]) * 0.15, 900))
                if code == "bank_fee":
                    short = Decimal(rng.choice(["15.00", "25.00", "35.00"]))
                self.pay(
                    customer,
                    invoice,
                    as_of - timedelta(days=rng.randint(1, age)),
                    amount=invoice["amount"] - short,
                    memo=f"SHORT PAID {short} {text}",
                )

    def pay(
        self,
        customer: dict[str, Any],
        invoice: dict[str, Any],
        received: date,
        *,
        full: bool = False,
        amount: Decimal | None = None,
        memo: str = "",
    ) -> None:
        applied = invoice["amount"] if full else amount
        assert applied is not None
        discount = Decimal("0.00")
        if (
            full
            and customer["discount_days"]
            and (received - invoice["invoice_date"]).days <= customer["discount_days"]
        ):
            discount = quantize(invoice["amount"] * customer["discount_percent"] / 100)
            applied -= discount
        payment = {
            "customer_id": customer["customer_id"],
            "received_on": received,
            "amount": applied,
            "currency": customer["currency"],
            "method": self.rng.choice(["ach", "ach", "ach", "check", "wire"]),
            "_memo": memo,
            "_discount": discount,
        }
        self.pending_payments.append((payment, [(invoice, applied)]))

    def finish(self) -> None:
        """Number invoices and payments in date order, then book payments and discounts."""
        self.invoices.sort(key=lambda inv: (inv["invoice_date"], inv["customer_id"]))
        for number, invoice in enumerate(self.invoices, start=10001):
            invoice["invoice_number"] = f"INV-{number}"
            invoice["number_key"] = invoice_number_key(invoice["invoice_number"])
        self.pending_payments.sort(key=lambda p: (p[0]["received_on"], p[0]["customer_id"]))
        for number, (payment, applied) in enumerate(self.pending_payments, start=1):
            payment_id = f"PMT-{number:06d}"
            invoices = [inv for inv, _ in applied]
            memo = payment.pop("_memo")
            refs = remittance_text(self.rng, invoices, payment["amount"])
            payment.update(
                payment_id=payment_id,
                unapplied=Decimal("0.00"),
                reference=f"{refs} {memo}".strip(),
            )
            discount = payment.pop("_discount")
            self.payments.append(payment)
            for invoice, amount in applied:
                invoice["balance"] -= amount
                self.applications.append(
                    {
                        "payment_id": payment_id,
                        "invoice_number": invoice["invoice_number"],
                        "amount": amount,
                        "applied_on": payment["received_on"],
                    }
                )
                if discount:
                    invoice["balance"] -= discount
                    key = f"demo-discount:{invoice['invoice_number']}"
                    self.adjustments.append(
                        {
                            "adjustment_id": adjustment_id_for(key),
                            "customer_id": payment["customer_id"],
                            "invoice_number": invoice["invoice_number"],
                            "adjusted_on": payment["received_on"],
                            "amount": discount,
                            "currency": payment["currency"],
                            "kind": "credit_memo",
                            "reason_code": "discount",
                            "memo": "early payment discount taken within terms",
                        }
                    )

    def unapplied_cash(self, customer: dict[str, Any], number: int) -> None:
        amount = _money(self.rng, 100, customer["_typical"])
        self.payments.append(
            {
                "payment_id": f"PMT-U{number:05d}",
                "customer_id": customer["customer_id"],
                "received_on": self.as_of - timedelta(days=self.rng.randint(1, 20)),
                "amount": amount,
                "unapplied": amount,
                "currency": customer["currency"],
                "method": "check",
                "reference": "ON ACCOUNT - NO REMITTANCE",
            }
        )

    def lines_of(self, order: dict[str, Any]) -> str:
        """The order's lines (goods, then freight making up the rest) and its PO number, drawn
        from the order's own id so the rest of the company stays as it was."""
        draw = random.Random(order["order_id"])
        amount: Decimal = order["amount"]
        description = draw.choice(ORDER_GOODS)
        quantity = draw.randint(2, 24)
        price = (amount * Decimal("0.92") / quantity).quantize(Decimal("0.01"), "ROUND_FLOOR")
        goods = price * quantity
        lines = [(description, Decimal(quantity), price, goods, True)]
        freight = amount - goods
        if freight > 0:
            lines.append(("Freight and handling", Decimal(1), freight, freight, False))
        for number, (text, qty, unit, value, taxable) in enumerate(lines, start=1):
            self.order_lines.append(
                {
                    "order_id": order["order_id"],
                    "line_no": number,
                    "description": text,
                    "quantity": qty,
                    "unit_price": unit,
                    "amount": value,
                    "taxable": taxable,
                    "item": None,
                }
            )
        return f"PO-{draw.randint(40000, 99999)}"

    def extras(self, customer: dict[str, Any], open_invoices: list[dict[str, Any]]) -> None:
        rng, as_of = self.rng, self.as_of
        if rng.random() < 0.25:
            for _ in range(rng.randint(1, 2)):
                order = {
                    "order_id": f"SO-{len(self.orders) + 1001}",
                    "customer_id": customer["customer_id"],
                    "order_date": as_of - timedelta(days=rng.randint(0, 5)),
                    "amount": _money(rng, customer["_typical"] * 0.5, customer["_typical"] * 3),
                    "currency": customer["currency"],
                    "status": "pending",
                }
                order["po_number"] = self.lines_of(order)
                self.orders.append(order)
        overdue = [inv for inv in open_invoices if inv["due_date"] < as_of and inv["balance"] > 0]
        if overdue and rng.random() < 0.3:
            invoice = rng.choice(overdue)
            promised = as_of + timedelta(days=rng.randint(-20, 14))
            status = "open" if promised >= as_of else rng.choice(["broken", "broken", "kept"])
            self.promises.append(
                {
                    "customer_id": customer["customer_id"],
                    "invoice_number": invoice["invoice_number"],
                    "promised_on": promised,
                    "amount": invoice["balance"],
                    "currency": invoice["currency"],
                    "status": status,
                }
            )

    def bank_lines(self, count: int) -> list[BankLine]:
        """New credits the ledger has not seen: they pay open invoices, in the bank's words."""
        rng, lines = self.rng, []
        by_customer: dict[str, list[dict[str, Any]]] = {}
        for invoice in self.invoices:
            if invoice["balance"] == invoice["amount"]:
                by_customer.setdefault(invoice["customer_id"], []).append(invoice)
        names = {c["customer_id"]: c["name"] for c in self.customers}
        payers = sorted(by_customer)
        taken: set[str] = set()
        for index in range(count):
            received = self.as_of
            if index % 12 == 11:
                lines.append(
                    BankLine(
                        f"BNK-{received:%Y%m%d}-{index + 1:04d}",
                        received,
                        _money(rng, 50, 5000),
                        "USD",
                        rng.choice(["CHK DEPOSIT", "ZELLE TRANSFER", "JOHN SMITH"]),
                        "NO REMITTANCE INFORMATION",
                    )
                )
                continue
            customer_id = rng.choice(payers)
            invoices = [i for i in by_customer[customer_id] if i["invoice_number"] not in taken]
            if not invoices:
                continue
            chosen = rng.sample(invoices, min(len(invoices), rng.choice([1, 1, 1, 2, 3])))
            taken.update(i["invoice_number"] for i in chosen)
            total = sum((i["amount"] for i in chosen), Decimal("0.00"))
            memo = ""
            if rng.random() < 0.15:
                code, text = rng.choice(SHORT_PAY_REASONS)
                short = Decimal("25.00") if code == "bank_fee" else _money(rng, 10, 300)
                if short < total:
                    total -= short
                    memo = f" SHORT {short} {text}"
            payer = bank_payer_name(rng, names[customer_id])
            reference = remittance_text(rng, chosen, total) + memo
            if rng.random() < 0.2:
                reference = (
                    f"ORIG CO NAME:{payer} ORIG ID:{rng.randint(10**9, 10**10 - 1)} "
                    f"DESC DATE:{received:%y%m%d} SEC:CCD {reference}"
                )
            lines.append(
                BankLine(
                    f"BNK-{received:%Y%m%d}-{index + 1:04d}",
                    received,
                    total,
                    chosen[0]["currency"],
                    payer,
                    reference,
                )
            )
        return lines


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
    builder = _Builder(rng, as_of)
    names = company_names(rng, customer_count)
    open_by_customer: dict[str, list[dict[str, Any]]] = {}
    for index, name in enumerate(names):
        customer = builder.customer(index, name)
        start = len(builder.invoices)
        open_count = max(0, int(rng.gauss(open_avg, open_avg / 2)))
        if index < len(ANCHORS):
            open_count = max(open_count, 4)
        builder.history(customer, paid_count=rng.randint(4, 8), open_count=open_count)
        open_by_customer[customer["customer_id"]] = builder.invoices[start:]
        if index % 100 == 0 or index == customer_count - 1:
            report("generating", index + 1, customer_count)
    builder.finish()
    unapplied = 0
    for customer in builder.customers:
        builder.extras(customer, open_by_customer[customer["customer_id"]])
        if rng.random() < 0.03 or customer["customer_id"] == "C00003":
            unapplied += 1
            builder.unapplied_cash(customer, unapplied)
    lines = builder.bank_lines(bank_count)

    tables = (
        (t.customers, builder.customers),
        (t.invoices, builder.invoices),
        (t.payments, builder.payments),
        (t.applications, builder.applications),
        (t.adjustments, builder.adjustments),
        (t.sales_orders, builder.orders),
        (t.sales_order_lines, builder.order_lines),
        (t.promises, builder.promises),
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
            ("customers", builder.customers),
            ("invoices", builder.invoices),
            ("payments", builder.payments),
            ("adjustments", builder.adjustments),
            ("sales_orders", builder.orders),
            ("promises", builder.promises),
        )
    }
    counts["open_invoices"] = sum(1 for i in builder.invoices if i["balance"] > 0)
    counts["bank_lines"] = len(lines)
    return DemoCompany(size, seed, as_of, counts, lines)


def write_bank_csv(path: Path, lines: list[BankLine]) -> None:
    """Bank lines in the CONTRACTS csv format."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["payment_id", "date", "amount", "currency", "payer_name", "reference"])
        for line in lines:
            writer.writerow(
                [
                    line.payment_id,
                    line.received_on.isoformat(),
                    f"{line.amount}",
                    line.currency,
                    line.payer_name,
                    line.reference,
                ]
            )
