"""What cash application decides and the pieces it decides with: the result a user sees
(``CashMatch``, ``CashAlternative``), the thresholds (``CashPolicy``), and the working
proposal with its evidence and blockers."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from graph.ar.cashapp_edi import EdiItem
from graph.ar.cashapp_reasons import (
    ADX_CODE_NAMES,
    ADX_REASON_CODES,
    classify_reason,
    reason_with_words,
)
from graph.ar.cashapp_refs import Remittance
from integrations.erp.records import (
    DEDUCTION_REASON_CODES,
    Invoice,
)

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
ALNUM = re.compile(r"[^A-Z0-9]")
DIGIT_RUNS = re.compile(r"\d+")


@contextmanager
def no_gc() -> Iterator[None]:
    """Building the index makes ~10 objects per invoice and frees none: the collector's passes
    over them are pure cost (they double the build time of a 100k-invoice ledger)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


Application = tuple[str, Decimal]  # (invoice_number, amount)
STRONG_NAME = 95.0  # a payer name this close outweighs invoice references that disagree
SETTLING_NAME = 90.0  # a tied name this close (not a cut fragment) may be settled by the amount


@dataclass(frozen=True, slots=True)
class CashPolicy:
    """The thresholds of the decision rules."""

    auto_threshold: float = 0.90  # confidence needed to apply without a person
    fee_tolerance: Decimal = Decimal("50.00")  # a short-pay up to this is a bank/wire fee...
    fee_share: Decimal = Decimal("0.05")  # ...when also at most this share of the payment
    max_invoices: int = 5  # the largest set of invoices one payment is matched to by amount
    max_candidates: int = 30  # open invoices a family's amount search looks at (oldest due)
    card_fee_share: Decimal = Decimal("0.04")  # a card processor's fee: this share of the gross
    card_fee_fixed: Decimal = Decimal("1.00")  # ...plus this much (its fixed part per charge)


@dataclass(frozen=True, slots=True)
class CashAlternative:
    """Another credible reading of the same line, for the person reviewing it."""

    customer_id: str
    applications: tuple[Application, ...]
    confidence: float
    note: str


@dataclass(frozen=True, slots=True)
class CashMatch:
    payment_id: str
    decision: str  # auto | review | unmatched
    customer_id: str | None
    applications: tuple[Application, ...]
    deduction: tuple[Decimal, str] | None  # (amount, reason code)
    unapplied: Decimal
    confidence: float  # 0-1
    explanation: str
    alternatives: tuple[CashAlternative, ...] = ()
    currency: str = "USD"
    amount: Decimal = ZERO  # the bank line's amount

    def as_dict(self) -> dict[str, Any]:
        """The ``arbot cashapp --out`` result row (CONTRACTS.md); floats only here."""
        return {
            "payment_id": self.payment_id,
            "decision": self.decision,
            "customer_id": self.customer_id,
            "applications": [
                {"invoice_number": number, "amount": float(amount)}
                for number, amount in self.applications
            ],
            "deduction": (
                None
                if self.deduction is None
                else {"amount": float(self.deduction[0]), "reason_code": self.deduction[1]}
            ),
            "unapplied_amount": float(self.unapplied),
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
            "alternatives": [
                {
                    "customer_id": alt.customer_id,
                    "applications": [
                        {"invoice_number": number, "amount": float(amount)}
                        for number, amount in alt.applications
                    ],
                    "confidence": round(alt.confidence, 3),
                    "note": alt.note,
                }
                for alt in self.alternatives
            ],
        }


# -- internal ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    invoice: Invoice
    how: str  # number | key | ocr | po | edi
    token: str  # as written
    item: EdiItem | None = None


PIN = {
    "edi": 0.995,
    "rf": 0.995,
    "number": 0.99,
    "key": 0.98,
    "ocr": 0.97,
    "split": 0.97,
    "po": 0.97,
    "tail": 0.95,
    "typo": 0.93,
}
HOW = {
    "edi": "in EDI remittance",
    "rf": "by RF creditor reference (check digits verified)",
    "number": "in reference",
    "key": "in reference",
    "ocr": "in reference (OCR: letters read as digits)",
    "split": "in reference (one number written across a line break)",
    "po": "by PO number",
    "tail": "in reference (the number without its series)",
    "typo": "in reference (one digit off)",
}
# Readings of a reference that are guesses until the amounts agree with them exactly.
WEAK = frozenset({"ocr", "split", "tail", "typo"})


@dataclass(slots=True)
class Proposal:
    family: str
    applications: list[tuple[Invoice, Decimal]] = field(default_factory=list)
    deduction: tuple[Decimal, str] | None = None
    unapplied: Decimal = ZERO
    pin: float = 0.0  # how surely the invoices are the right ones
    fit: float = 1.0  # how well the amounts are explained
    evidence: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    alternatives: list[CashAlternative] = field(default_factory=list)
    loose: bool = False  # the references do not account for the amount by a stated rule
    stated: bool = False  # the difference is a number written or computed: a stated
    # deduction, an EDI adjustment, the customer's discount


def show_money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def show_numbers(invoices: Iterable[Invoice]) -> str:
    return ", ".join(i.invoice_number for i in invoices)


def no_reference_note(proposal: Proposal, remittance: Remittance) -> None:
    """Matched without a reference: where the remittance wrote references, say that none of
    them names an open invoice."""
    if remittance.tokens or remittance.edi:
        proposal.evidence.append("the reference names no open invoice")


def corroborated(name_factor: float) -> float:
    """A fuzzy name whose customer has an open invoice of exactly the amount: a wrong customer
    would need that by chance too, so the name and the amount corroborate each other."""
    return 1 - (1 - name_factor) * 0.3


def one_edit(key: str) -> set[str]:
    """Every digit string one edit away from ``key`` (changed, dropped, added, swapped)."""
    variants = set()
    digits = "0123456789"
    for k in range(len(key)):
        variants.add(key[:k] + key[k + 1 :])
        for d in digits:
            variants.add(key[:k] + d + key[k + 1 :])
        if k + 1 < len(key):
            variants.add(key[:k] + key[k + 1] + key[k] + key[k + 2 :])
    for k in range(len(key) + 1):
        for d in digits:
            variants.add(key[:k] + d + key[k:])
    variants.discard(key)
    return {v.lstrip("0") or "0" for v in variants}


def item_agrees(item: EdiItem, invoice: Invoice) -> bool:
    """An EDI line's amounts are the invoice's: what it paid is the balance, or what it says
    was billed is the invoice amount."""
    return item.paid == invoice.balance or (
        item.invoice_amount is not None and item.invoice_amount == invoice.amount
    )


def reason_words(remittance: Remittance, code: str) -> str:
    """The remittance's words (or EDI adjustment codes) that gave this reason code."""
    adjustments = [*remittance.adjustments, *(a for i in remittance.edi for a in i.adjustments)]
    codes = [a.reason for a in adjustments if ADX_REASON_CODES.get(a.reason) == code]
    if codes:
        return ", ".join(f"ADX {c} ({ADX_CODE_NAMES[c]})" for c in dict.fromkeys(codes))
    found, words = reason_with_words(remittance.memo)
    return words if found == code else ""


def reason_code(text: str) -> str:
    code = classify_reason(text) if text.strip() else "unknown"
    return code if code in DEDUCTION_REASON_CODES else "unknown"


class Claims:
    """What a run's lines applied automatically so far: invoice number → (amount applied, the
    first payment applying it). Each kept as one short string, not a tuple of a Decimal and a
    payment id: a run of 10k lines keeps ~12k of them to its end (~2 MB less)."""

    __slots__ = ("_taken",)

    def __init__(self) -> None:
        self._taken: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._taken)

    def get(self, number: str) -> tuple[Decimal, str] | None:
        found = self._taken.get(number)
        if found is None:
            return None
        amount, _, first = found.partition("|")  # a Decimal's text has no "|"
        return Decimal(amount), first

    def add(self, number: str, amount: Decimal, payment_id: str) -> None:
        so_far, first = self.get(number) or (ZERO, payment_id)
        self._taken[number] = f"{so_far + amount}|{first}"
