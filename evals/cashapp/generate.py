"""Generate the held-out cash application set: customers, open invoices, a bank file, the truth.

    python evals/cashapp/generate.py --seed 11 --out /tmp/cashapp-11 \
        [--payments 3000 --invoices 15000 --customers 1500]

Writes customers.csv, invoices.csv (arbot's import columns), bank.csv (arbot's bank CSV),
truth.jsonl (one line per payment) and meta.json (seed, business date, counts). The same seed
always gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evals.cashapp.channels import pick_channel, render
from evals.cashapp.scenarios import SCENARIOS, Builder, Draft
from evals.cashapp.spelling import (
    ABBREVIATIONS,
    ADX_CODES,
    LEGAL_SUFFIXES,
    REASON_WORDS,
    WORDS,
    plain,
)
from evals.cashapp.world import World, build_world

BUSINESS_DATE = date(2026, 4, 30)
GENERATOR_VERSION = 1
SIZES = {"small": (600, 3000, 300), "full": (3000, 15000, 1500)}


def _name_forms(name: str) -> set[str]:
    names = [name]
    if " dba " in name:  # "Northwind Traders LLC dba Corner Pantry": both names are searched
        names += name.split(" dba ", 1)
    forms = set()
    for each in names:
        for text in (each, LEGAL_SUFFIXES.sub("", each)):
            for abbreviate in (False, True):
                words = [ABBREVIATIONS.get(w, w) if abbreviate else w for w in text.split()]
                forms.add(plain(" ".join(words)).upper())
    return forms


def reason_visible(reference: str, reason: str) -> bool:
    """Whether a reader finds the deduction's reason in what the bank passed on."""
    text = reference.upper()
    words = (w.upper() for table in REASON_WORDS.values() for w in table.get(reason, ()))
    codes = "|".join(ADX_CODES.get(reason, ()))
    return any(w in text for w in words) or bool(
        codes and re.search(rf"ADX\*-[\d.]+\*({codes})", text)
    )


class NameIndex:
    """Which customers a bank's payer name could be, read the way a person would."""

    def __init__(self, world: World) -> None:
        self.by_start: dict[str, list[tuple[str, str]]] = {}
        for cid, customer in world.customers.items():
            for form in _name_forms(customer.name):
                self.by_start.setdefault(form[:4], []).append((cid, form))

    def candidates(self, payer_name: str) -> set[str]:
        shown = plain(payer_name).upper()
        if len(shown) < 4:
            return set()
        return {
            cid
            for cid, form in self.by_start.get(shown[:4], [])
            if form.startswith(shown) or shown.startswith(form + " ")
        }


def _readable(draft: Draft, payer_name: str, reference: str, names: NameIndex) -> bool:
    """What the truth assumes a careful reader can see is really in the bank line."""
    if draft.name_only:
        fits = names.candidates(payer_name)
        allowed = draft.name_fits or {draft.customer_id}
        if draft.customer_id not in fits or not fits <= allowed:
            return False
    if draft.scenario == "partial_payment":  # said so, or it reads as an unexplained short-pay
        words = {w.upper() for table in WORDS.values() for w in table["partial"]}
        return any(w in reference.upper() for w in words)
    stated = draft.scenario == "short_pay_stated"
    return not stated or reason_visible(reference, draft.reason or "unknown")


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _truth(draft: Draft, payment_id: str, channel: str) -> dict[str, object]:
    deduction_total = sum((amount for _, amount in draft.deduction_lines), Decimal("0"))
    return {
        "payment_id": payment_id,
        "scenario": draft.scenario,
        "channel": channel,
        "date": draft.remit.when.isoformat(),
        "currency": draft.remit.currency,
        "amount": _money(draft.remit.amount),
        "customer_id": draft.customer_id,
        "applications": [{"invoice_number": n, "amount": _money(a)} for n, a in draft.applications],
        "deduction": (
            {"amount": _money(deduction_total), "reason_code": draft.reason}
            if draft.deduction_lines
            else None
        ),
        "deduction_lines": [
            {"invoice_number": n, "amount": _money(a)} for n, a in draft.deduction_lines
        ],
        "unapplied_amount": _money(draft.unapplied),
        "placeable": draft.placeable,
        # an unexplained short-pay may also be applied leaving the rest open, without a deduction
        "deduction_optional": draft.scenario == "short_pay_silent",
    }


def _draft(rng: random.Random, builder: Builder) -> Draft:
    _, weights, makers = zip(*SCENARIOS, strict=True)
    maker = rng.choices(makers, weights)[0]
    for _ in range(12):
        draft = maker(builder)
        if draft is not None:
            return draft
    fallback = builder.exact_single()
    if fallback is None:
        raise SystemExit("generate: the ledger ran out of open invoices; ask for fewer payments")
    return fallback


def generate(
    seed: int, out: Path, *, payments: int = 3000, invoices: int = 15000, customers: int = 1500
) -> dict[str, object]:
    if customers < 20 or invoices < customers or payments * 2 > invoices:
        raise SystemExit(
            "generate: need at least 20 customers, an invoice per customer and two open "
            "invoices per payment"
        )
    rng = random.Random(seed)
    world = build_world(rng, customers, invoices, BUSINESS_DATE)
    builder = Builder(rng, world)
    names = NameIndex(world)
    rows: list[tuple[Draft, str, str, str, float]] = []
    while len(rows) < payments:
        draft = _draft(rng, builder)
        lines = len(draft.remit.lines)
        channel = draft.channel or pick_channel(rng, draft.region, lines)
        for _ in range(6):
            payer_name, reference = render(rng, channel, draft.remit)
            if _readable(draft, payer_name, reference, names):
                break
        else:
            if draft.scenario != "short_pay_stated":
                continue  # the bank line lost what the truth relies on: draw another payment
            draft.reason = "unknown"  # the bank cut the reason off; a reader cannot know it
        builder.used.update(n for n, _ in draft.applications)
        builder.used.update(draft.uses)
        rows.append((draft, channel, payer_name, reference, rng.random()))
    rows.sort(key=lambda row: (row[0].remit.when, row[4]))
    out.mkdir(parents=True, exist_ok=True)
    _write_master(out, world)
    with (
        (out / "bank.csv").open("w", newline="", encoding="utf-8") as bank,
        (out / "truth.jsonl").open("w", encoding="utf-8") as truth,
    ):
        writer = csv.writer(bank)
        writer.writerow(["payment_id", "date", "amount", "currency", "payer_name", "reference"])
        for index, (draft, channel, payer_name, reference, _) in enumerate(rows, start=1):
            payment_id = f"P{index:06d}"
            r = draft.remit
            writer.writerow(
                [
                    payment_id,
                    r.when.isoformat(),
                    _money(r.amount),
                    r.currency,
                    payer_name,
                    reference,
                ]
            )
            truth.write(json.dumps(_truth(draft, payment_id, channel), ensure_ascii=False) + "\n")
    meta = {
        "generator": f"evals/cashapp v{GENERATOR_VERSION}",
        "seed": seed,
        "business_date": BUSINESS_DATE.isoformat(),
        "payments": payments,
        "invoices": len(world.invoices),
        "customers": len(world.customers),
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def _write_master(out: Path, world: World) -> None:
    with (out / "customers.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "customer_id",
                "name",
                "credit_limit",
                "terms_days",
                "currency",
                "email",
                "parent_id",
                "discount_percent",
                "discount_days",
            ]
        )
        for c in world.customers.values():
            slug = plain(c.base).lower().replace(" ", "").replace("&", "")[:20]
            writer.writerow(
                [
                    c.customer_id,
                    c.name,
                    _money(c.credit_limit),
                    c.terms_days,
                    c.currency,
                    f"ap@{slug}.example",
                    c.parent_id or "",
                    c.discount_percent,
                    c.discount_days,
                ]
            )
    with (out / "invoices.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "invoice_number",
                "customer_id",
                "invoice_date",
                "due_date",
                "amount",
                "balance",
                "currency",
                "po_number",
            ]
        )
        for inv in world.invoices.values():
            writer.writerow(
                [
                    inv.invoice_number,
                    inv.customer_id,
                    inv.invoice_date.isoformat(),
                    inv.due_date.isoformat(),
                    _money(inv.amount),
                    _money(inv.balance),
                    inv.currency,
                    inv.po_number,
                ]
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--payments", type=int, default=3000)
    parser.add_argument("--invoices", type=int, default=15000)
    parser.add_argument("--customers", type=int, default=1500)
    args = parser.parse_args(argv)
    meta = generate(
        args.seed,
        args.out,
        payments=args.payments,
        invoices=args.invoices,
        customers=args.customers,
    )
    print(
        f"{meta['payments']} payments, {meta['invoices']} open invoices, "
        f"{meta['customers']} customers, business date {meta['business_date']} -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
