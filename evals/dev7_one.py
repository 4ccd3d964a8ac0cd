"""One-customer, one-invoice and PO rows of ``evals/dev7.jsonl`` (conventions in
``dev7_build.py``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from dev7_facts import Ledger, facts, money

D = date
GLOBEX = "Globex Corporation"
NORTHWIND = "Northwind Traders Inc."
INITECH = "Initech LLC"


def one_rows(r: Any, d: Ledger, i: Ledger, amounts: Callable[[dict[str, int]], list[str]]) -> None:
    def bal(name: str, past_due: bool = False, ledger: Ledger = d) -> dict[str, list[str]]:
        return facts(amounts=amounts(ledger.customer_open(ledger.customer_id(name), past_due)))

    def inv(number: str, ledger: Ledger = d) -> dict[str, list[str]]:
        _, amount, balance, _ = ledger.invoice(number)
        return facts(invoices=[number], amounts=[money(balance or amount)])

    def po(number: str, ledger: Ledger = d) -> dict[str, list[str]]:
        return inv(ledger.po(number), ledger)

    def last(name: str, ledger: Ledger = d) -> dict[str, list[str]]:
        return facts(amounts=[money(a) for a in ledger.last_payment_day(ledger.customer_id(name))])

    def limit(name: str, ledger: Ledger = d) -> dict[str, list[str]]:
        return facts(amounts=[money(ledger.credit_limit(ledger.customer_id(name)))])

    def between(name: str, start: date, end: date) -> dict[str, list[str]]:
        _, totals = d.received(start, end, d.customer_id(name))
        return facts(amounts=amounts(totals))

    o = "one"
    add = r.add
    # balances
    add(o, "what does globex owe", "customer_balance", bal(GLOBEX), customer=GLOBEX)
    add(
        o,
        "before my call w/ nortwind at 10 can u pull what they owe",
        "customer_balance",
        bal(NORTHWIND),
        customer=NORTHWIND,
    )
    add(o, "initech balance?", "customer_balance", bal(INITECH), customer=INITECH)
    add(
        o,
        "how much is tate engineering past due",
        "customer_balance",
        bal("Tate Engineering Incorporated", True),
        customer="Tate Engineering Incorporated",
    )
    add(
        o,
        "o/s for sterling pharma pls",
        "customer_balance",
        bal("Sterling Pharmaceuticals Co."),
        customer="Sterling Pharmaceuticals Co.",
    )
    add(
        o,
        "whats open on pinnacle chem",
        "customer_balance",
        bal("Pinnacle Chemicals Inc."),
        customer="Pinnacle Chemicals Inc.",
    )
    add(
        o,
        "aging for granite restaurant group",
        "customer_balance",
        bal("Granite Restaurant Group LLC"),
        customer="Granite Restaurant Group LLC",
    )
    add(
        o,
        "ironclad office - what's overdue",
        "customer_balance",
        bal("Ironclad Office Products Company", True),
        customer="Ironclad Office Products Company",
    )
    add(
        o,
        "my customer Falcon Hardware, are they current or behind?",
        "customer_balance",
        bal("Falcon Hardware LLC", True),
        customer="Falcon Hardware LLC",
    )
    add(
        o,
        "open items acme logistics",
        "customer_balance",
        bal("Acme Logistics LLC"),
        customer="Acme Logistics LLC",
    )
    add(
        o,
        "how much does abbott furniture owe us in gbp",
        "customer_balance",
        bal("Abbott Furniture Group"),
        customer="Abbott Furniture Group",
    )
    add(
        o,
        "whitaker auto parts balance",
        "customer_balance",
        bal("Whitaker Auto Parts Corp."),
        customer="Whitaker Auto Parts Corp.",
    )
    add(
        o,
        "Contoso West - total outstanding?",
        "customer_balance",
        bal("Contoso Manufacturing West LLC"),
        customer="Contoso Manufacturing West LLC",
    )
    add(
        o,
        "frontier walsh past due amount",
        "customer_balance",
        bal("Frontier Walsh Chemicals Corp.", True),
        customer="Frontier Walsh Chemicals Corp.",
    )
    add(
        o,
        "midwest transprt open balance",
        "customer_balance",
        bal("Midwest Transport Group"),
        customer="Midwest Transport Group",
    )
    add(
        o,
        "hi! could you kindly share the outstanding for Wells and Wagner",
        "customer_balance",
        bal("Wells & Wagner Retail Group"),
        customer="Wells & Wagner Retail Group",
    )
    add(
        o,
        "bluewater jensen - are they overdue on anything",
        "customer_balance",
        bal("Bluewater Jensen Pharmaceuticals Company", True),
        customer="Bluewater Jensen Pharmaceuticals Company",
    )
    add(
        o,
        "C00021 balance",
        "customer_balance",
        bal("Wells & Wagner Retail Group"),
        customer="Wells & Wagner Retail Group",
    )
    add(o, "how much does acme owe", "customer_balance", facts())
    add(o, "contoso balance", "customer_balance", facts())
    add(
        o,
        "whats harbor wholesale grocers inc's balance",
        "customer_balance",
        bal("Harbor Wholesale Grocers Inc.", ledger=i),
        customer="Harbor Wholesale Grocers Inc.",
        db="imported",
    )
    add(
        o,
        "harbor east o/s?",
        "customer_balance",
        bal("Harbor Wholesale Grocers East LLC", ledger=i),
        customer="Harbor Wholesale Grocers East LLC",
        db="imported",
    )
    add(
        o,
        "pinnacle packaging past due",
        "customer_balance",
        bal("Pinnacle Packaging Corp.", True, i),
        customer="Pinnacle Packaging Corp.",
        db="imported",
    )
    add(
        o,
        "what does pinnacle foods owe (CAD)",
        "customer_balance",
        bal("Pinnacle Foods Ltd.", ledger=i),
        customer="Pinnacle Foods Ltd.",
        db="imported",
    )
    add(
        o,
        "meridian tool and die balance",
        "customer_balance",
        bal("Meridian Tool & Die Co.", ledger=i),
        customer="Meridian Tool & Die Co.",
        db="imported",
    )
    add(o, "how much does pinnacle owe", "customer_balance", facts(), db="imported")
    # invoices and POs
    add(
        o,
        "acme industrial - did 10319 get paid?",
        "invoice_status",
        inv("INV-10319"),
        customer="Acme Industrial Supply Inc.",
        invoice="INV-10319",
    )
    add(o, "is 10130 paid", "invoice_status", inv("INV-10130"), invoice="INV-10130")
    add(o, "status of inv 10200", "invoice_status", inv("INV-10200"), invoice="INV-10200")
    add(o, "INV-10432 - open or closed?", "invoice_status", inv("INV-10432"), invoice="INV-10432")
    add(o, "when is 10438 due", "invoice_status", inv("INV-10438"), invoice="INV-10438")
    add(o, "was inv#10295 short paid?", "invoice_status", inv("INV-10295"), invoice="INV-10295")
    add(
        o,
        "customer says they paid INV-10001 — can you confirm",
        "invoice_status",
        inv("INV-10001"),
        invoice="INV-10001",
    )
    add(o, "10250 still open?", "invoice_status", inv("INV-10250"), invoice="INV-10250")
    add(o, "what's left on invoice 10372", "invoice_status", inv("INV-10372"), invoice="INV-10372")
    add(
        o,
        "inv 10329 paid yet? sales is asking",
        "invoice_status",
        inv("INV-10329"),
        invoice="INV-10329",
    )
    add(o, "status of PO 4500687513", "invoice_status", po("4500687513"))
    add(
        o,
        "cust is asking about their PO 4500426172, has it been paid?",
        "invoice_status",
        po("4500426172"),
    )
    add(o, "po# 4500598844 open?", "invoice_status", po("4500598844"))
    add(
        o,
        "is 000982 paid",
        "invoice_status",
        inv("INV-000982", i),
        invoice="INV-000982",
        db="imported",
    )
    add(
        o,
        "status INV-000984",
        "invoice_status",
        inv("INV-000984", i),
        invoice="INV-000984",
        db="imported",
    )
    add(
        o,
        "inv 000983 - how much is left",
        "invoice_status",
        inv("INV-000983", i),
        invoice="INV-000983",
        db="imported",
    )
    add(
        o,
        "was INV000981 paid in full",
        "invoice_status",
        inv("INV-000981", i),
        invoice="INV-000981",
        db="imported",
    )
    add(
        o,
        "invoice 000987 open?",
        "invoice_status",
        inv("INV-000987", i),
        invoice="INV-000987",
        db="imported",
    )
    add(o, "po4500123456 - paid?", "invoice_status", po("4500123456", i), db="imported")
    add(o, "any update on PO-77188", "invoice_status", po("PO-77188", i), db="imported")
    add(o, "po 4500123499 paid?", "invoice_status", po("4500123499", i), db="imported")
    # payments of one customer
    add(o, "has globex paid anything recently", "payment_history", last(GLOBEX), customer=GLOBEX)
    add(o, "last payment from northwind?", "payment_history", last(NORTHWIND), customer=NORTHWIND)
    add(o, "did initech pay", "payment_history", last(INITECH), customer=INITECH)
    add(
        o,
        "show me cedar owens payments",
        "payment_history",
        last("Cedar Owens Systems Incorporated"),
        customer="Cedar Owens Systems Incorporated",
    )
    add(
        o,
        "when did whitaker auto last pay us",
        "payment_history",
        last("Whitaker Auto Parts Corp."),
        customer="Whitaker Auto Parts Corp.",
    )
    add(
        o,
        "rep here - did Evergreen Bakeries send their payment??",
        "payment_history",
        last("Evergreen Bakeries Inc."),
        customer="Evergreen Bakeries Inc.",
    )
    add(
        o,
        "pymt history pinnacle chemicals",
        "payment_history",
        last("Pinnacle Chemicals Inc."),
        customer="Pinnacle Chemicals Inc.",
    )
    add(
        o,
        "payments from globex 1 sep 2026 - 31 oct 2026",
        "payments_received",
        between(GLOBEX, D(2026, 9, 1), D(2026, 10, 31)),
        customer=GLOBEX,
    )
    add(
        o,
        "northwind receipts from 01.10.2026 to 31.10.2026",
        "payments_received",
        between(NORTHWIND, D(2026, 10, 1), D(2026, 10, 31)),
        customer=NORTHWIND,
    )
    add(
        o,
        "has harbor wholesale grocers inc paid",
        "payment_history",
        last("Harbor Wholesale Grocers Inc.", i),
        customer="Harbor Wholesale Grocers Inc.",
        db="imported",
    )
    add(
        o,
        "any payment from meridian",
        "payment_history",
        last("Meridian Tool & Die Co.", i),
        customer="Meridian Tool & Die Co.",
        db="imported",
    )
    # credit of one customer / order
    add(o, "what's initech's credit limit", "credit_check", limit(INITECH), customer=INITECH)
    add(
        o,
        "how much headroom does falcon hardware have",
        "credit_check",
        limit("Falcon Hardware LLC"),
        customer="Falcon Hardware LLC",
    )
    add(o, "can we ship SO-1002?", "credit_check", facts())
    add(
        o,
        "credit check on SO-1005 for pinnacle chemicals",
        "credit_check",
        facts(),
        customer="Pinnacle Chemicals Inc.",
    )
    add(
        o,
        "should we release the order for sterling pharma",
        "credit_check",
        facts(),
        customer="Sterling Pharmaceuticals Co.",
    )
    add(o, "is SO-1013 ok to go", "credit_check", facts())
    add(
        o,
        "credit limit for pinnacle foods",
        "credit_check",
        limit("Pinnacle Foods Ltd.", i),
        customer="Pinnacle Foods Ltd.",
        db="imported",
    )
    add(o, "can SO-9001 ship", "credit_check", facts(), db="imported")
