"""The records every ERP client returns. Frozen, vendor-neutral, money as Decimal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

# Aging buckets by days past due (Current = not yet due). Upper bound inclusive; None = open end.
AGING_BUCKETS: tuple[tuple[str, int | None], ...] = (
    ("current", 0),
    ("1-30", 30),
    ("31-60", 60),
    ("61-90", 90),
    ("91-120", 120),
    ("120+", None),
)
AGING_BUCKET_NAMES: tuple[str, ...] = tuple(name for name, _ in AGING_BUCKETS)

DEDUCTION_REASON_CODES = (
    "pricing",
    "shortage",
    "damage",
    "promotion",
    "freight",
    "tax",
    "discount",
    "bank_fee",
    "unknown",
)

SALES_ORDER_STATUSES = (
    "pending",
    "approved",
    "on_hold",
    "released",
    "shipped",
    "cancelled",
    "declined",
)


def aging_bucket(days_past_due: int) -> str:
    for name, upper in AGING_BUCKETS:
        if upper is None or days_past_due <= upper:
            return name
    raise AssertionError("unreachable: the last bucket is open-ended")


def may_pay_for(
    payer_id: str, payer_parent: str | None, owner_id: str, owner_parent: str | None
) -> bool:
    """Whether a customer may pay an invoice of another: its own, its parent's, its
    subsidiaries', or a sibling's under the same parent (the rule every ERP client applies)."""
    return (
        payer_id == owner_id
        or payer_parent == owner_id
        or owner_parent == payer_id
        or (payer_parent is not None and payer_parent == owner_parent)
    )


_DIGITS = re.compile(r"\d+")


def invoice_number_key(reference: str) -> str:
    """A spelling-independent key for an invoice number.

    ``INV-010432``, ``inv 10432``, ``#10432`` and ``10432`` all give ``10432``: the digit runs
    joined, leading zeros dropped. References without digits key on their letters.
    """
    digits = "".join(_DIGITS.findall(reference))
    if digits:
        return digits.lstrip("0") or "0"
    return re.sub(r"[^A-Z]", "", reference.upper())


@dataclass(frozen=True, slots=True)
class Customer:
    customer_id: str
    name: str
    currency: str
    terms_days: int
    credit_limit: Decimal | None = None
    email: str | None = None
    on_hold: bool = False
    discount_percent: Decimal = Decimal("0")
    discount_days: int = 0
    parent_id: str | None = None
    collector: str | None = None

    @property
    def terms_label(self) -> str:
        if self.discount_percent and self.discount_days:
            return f"{self.discount_percent.normalize()}/{self.discount_days} Net {self.terms_days}"
        return f"Net {self.terms_days}"


@dataclass(frozen=True, slots=True)
class Invoice:
    invoice_number: str
    customer_id: str
    invoice_date: date
    due_date: date
    amount: Decimal
    balance: Decimal
    currency: str
    po_number: str | None = None

    @property
    def is_open(self) -> bool:
        return self.balance != 0

    def days_past_due(self, as_of: date) -> int:
        return max((as_of - self.due_date).days, 0)


@dataclass(frozen=True, slots=True)
class Application:
    """Money from one payment applied to one invoice."""

    payment_id: str
    invoice_number: str
    amount: Decimal
    applied_on: date


@dataclass(frozen=True, slots=True)
class Payment:
    payment_id: str
    customer_id: str
    received_on: date
    amount: Decimal
    currency: str
    method: str = "ach"
    reference: str = ""
    applications: tuple[Application, ...] = ()

    @property
    def applied(self) -> Decimal:
        return sum((a.amount for a in self.applications), Decimal("0.00"))

    @property
    def unapplied(self) -> Decimal:
        return self.amount - self.applied


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A credit memo, write-off or balance adjustment that reduces an invoice or an account."""

    adjustment_id: str
    customer_id: str
    invoice_number: str | None
    adjusted_on: date
    amount: Decimal
    currency: str
    kind: str  # credit_memo | write_off | imported_balance
    reason_code: str | None = None
    memo: str = ""


@dataclass(frozen=True, slots=True)
class OrderLine:
    """One line of a sales order as the ERP has it: what was ordered, how many, at what unit
    price, the line's amount before tax, whether it is taxable, and the ERP's item (QuickBooks'
    ItemRef, Intacct's ITEMID; None in the local ledger unless imported)."""

    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    taxable: bool = False
    item: str | None = None


@dataclass(frozen=True, slots=True)
class SalesOrder:
    """``amount`` is the order's total as the ERP has it, tax included; ``tax`` the part of it
    that is tax; ``lines`` add up to ``amount - tax`` (an order read without lines has none:
    it is billed as one line of its total)."""

    order_id: str
    customer_id: str
    order_date: date
    amount: Decimal
    currency: str
    status: str = "pending"
    po_number: str | None = None
    lines: tuple[OrderLine, ...] = ()
    tax: Decimal = Decimal("0.00")

    @property
    def subtotal(self) -> Decimal:
        """The lines' amounts added up (before tax)."""
        return sum((line.amount for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class BankLine:
    """One credit from a bank file, before it is matched to a customer or invoice."""

    payment_id: str
    received_on: date
    amount: Decimal
    currency: str
    payer_name: str
    reference: str = ""


@dataclass(frozen=True, slots=True)
class PromiseToPay:
    customer_id: str
    promised_on: date
    amount: Decimal
    currency: str
    status: str  # open | kept | broken
    invoice_number: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    customer_id: str
    text: str
    author: str
    created_at: datetime
    invoice_number: str | None = None


@dataclass(frozen=True, slots=True)
class AgingRow:
    customer_id: str
    currency: str
    buckets: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class NewPayment:
    """A payment to record (if the ERP does not have it yet) before applying it."""

    payment_id: str
    customer_id: str
    received_on: date
    amount: Decimal
    currency: str
    method: str = "ach"
    reference: str = ""


@dataclass(frozen=True, slots=True)
class ApplicationRequest:
    invoice_number: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """One billable line of an invoice to create: what was delivered and its amount before
    tax (quantity × unit price already multiplied out)."""

    description: str
    amount: Decimal
    quantity: Decimal = Decimal("1")
    taxable: bool = False
    unit_price: Decimal | None = None  # None: amount ÷ quantity
    item: str | None = None  # the ERP's item, when the line comes from one of its orders


@dataclass(frozen=True, slots=True)
class InvoiceDraft:
    """An invoice arbot asks an ERP to create. The ERP computes the tax (where it does) and
    the total; ``invoice_number`` is chosen by arbot from its source, so the same order or
    milestone never becomes two invoices."""

    invoice_number: str
    customer_id: str
    invoice_date: date
    due_date: date
    currency: str
    lines: tuple[InvoiceLine, ...]
    terms_days: int
    po_number: str | None = None
    memo: str = ""
    source: str = ""  # the sales order or milestone it bills, e.g. "SO-1001"

    @property
    def subtotal(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What an ERP write returns: its reference, and whether an earlier identical write was
    found under the same idempotency key instead of writing again."""

    erp_reference: str
    idempotency_key: str
    replayed: bool = False
