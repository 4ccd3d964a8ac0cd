"""The demo company's bank file: new credits the ledger has not seen, paying its open invoices in
the bank's words (payer names and remittance text as messy as real ones), written in the
CONTRACTS csv format."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from integrations.erp.local.demo_books import SHORT_PAY_REASONS, DemoBooks, draw_money
from integrations.erp.local.demo_words import bank_payer_name, remittance_text
from integrations.erp.records import BankLine


def bank_lines(books: DemoBooks, count: int) -> list[BankLine]:
    """New credits the ledger has not seen: they pay open invoices, in the bank's words."""
    rng, lines = books.rng, []
    by_customer: dict[str, list[dict[str, Any]]] = {}
    for invoice in books.invoices:
        if invoice["balance"] == invoice["amount"]:
            by_customer.setdefault(invoice["customer_id"], []).append(invoice)
    names = {c["customer_id"]: c["name"] for c in books.customers}
    payers = sorted(by_customer)
    taken: set[str] = set()
    for index in range(count):
        received = books.as_of
        if index % 12 == 11:
            lines.append(
                BankLine(
                    f"BNK-{received:%Y%m%d}-{index + 1:04d}",
                    received,
                    draw_money(rng, 50, 5000),
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
            short = Decimal("25.00") if code == "bank_fee" else draw_money(rng, 10, 300)
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
