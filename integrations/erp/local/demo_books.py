"""The demo company's customers and their books: terms and payment habits, a year of paid
invoices, open ones in every aging bucket, part payments, short-pays with remittance text, early
payment discounts, unapplied cash and promises to pay, as rows for the local ledger's tables."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from integrations.erp.local.demo_words import ANCHORS, remittance_text, slug
from integrations.erp.local.ledger_writes import adjustment_id_for
from integrations.erp.money import quantize
from integrations.erp.records import invoice_number_key

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


def draw_money(rng: random.Random, low: float, high: float) -> Decimal:
    return quantize(Decimal(str(round(rng.uniform(low, high), 2))))


class DemoBooks:
    """The company's rows for the ledger's tables, drawn from one random generator in a fixed
    order (the same seed gives the same company)."""

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
        amount = draw_money(rng, customer["_typical"] * 0.3, customer["_typical"] * 1.7)
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
                short = draw_money(rng, 15, min(float(invoice["amount"]) * 0.15, 900))
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
        amount = draw_money(self.rng, 100, customer["_typical"])
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

    def promise(self, customer: dict[str, Any], open_invoices: list[dict[str, Any]]) -> None:
        """A promise to pay one of the customer's overdue invoices (open, kept or broken), for
        three in ten of the customers with one."""
        rng, as_of = self.rng, self.as_of
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
