"""Order-to-cash actions: a credit decision written back on a sales order (release, hold,
decline), an invoice created from a draft, and payment terms (with a credit limit) set for a
customer. Known by kind in ``graph.actions.ACTIONS``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from graph.action_base import Action, ActionError, decimal_of
from graph.format import money
from integrations.erp.port import ErpClient, InvalidWrite
from integrations.erp.records import Customer, InvoiceDraft, InvoiceLine, SalesOrder, WriteResult
from integrations.mail import Mailer


def find_order(erp: ErpClient, customer_id: str, order_id: str) -> SalesOrder | None:
    return next((o for o in erp.sales_orders(customer_id) if o.order_id == order_id), None)


@dataclass(frozen=True)
class OrderDecision(Action):
    """A credit decision on one sales order: its status written, and a note on the customer
    with the reasons."""

    verb: ClassVar[str] = ""
    done: ClassVar[str] = ""
    status: ClassVar[str] = ""
    allowed_from: ClassVar[tuple[str, ...]] = ("pending", "on_hold")
    order_id: str = ""
    order_amount: str = "0"
    order_currency: str = "USD"
    reasons: str = ""

    @property
    def target(self) -> str:
        return self.order_id

    @property
    def amount(self) -> Decimal:
        return decimal_of(self.order_amount)

    @property
    def currency(self) -> str:
        return self.order_currency

    def summary(self) -> str:
        return (
            f"{self.verb} sales order {self.order_id} "
            f"({money(self.amount, self.currency)}, {self.customer_id})"
        )

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if problems:
            return problems
        order = find_order(erp, self.customer_id, self.order_id)
        if order is None:
            return [f"sales order {self.order_id} of {self.customer_id} does not exist"]
        if order.amount != self.amount or order.currency != self.currency:
            return [
                f"sales order {self.order_id} is now {money(order.amount, order.currency)}: "
                "check its credit again"
            ]
        if order.status not in self.allowed_from:
            return [f"sales order {self.order_id} is already {order.status.replace('_', ' ')}"]
        return []

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        order = find_order(erp, self.customer_id, self.order_id)
        return {"order_status": order.status if order else None}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        written = erp.set_sales_order_status(
            self.order_id, self.status, idempotency_key=f"{key}:order"
        )
        noted = erp.add_note(
            self.customer_id,
            f"Credit check on {self.order_id}: {self.done}. {self.reasons}".strip(),
            author="arbot credit check",
            idempotency_key=f"{key}:note",
        )
        return WriteResult(written.erp_reference, key, written.replayed and noted.replayed)


@dataclass(frozen=True)
class ReleaseOrder(OrderDecision):
    kind: ClassVar[str] = "release_order"
    verb: ClassVar[str] = "Release"
    done: ClassVar[str] = "released"
    status: ClassVar[str] = "released"


@dataclass(frozen=True)
class HoldOrder(OrderDecision):
    kind: ClassVar[str] = "hold_order"
    verb: ClassVar[str] = "Hold"
    done: ClassVar[str] = "held"
    status: ClassVar[str] = "on_hold"
    allowed_from: ClassVar[tuple[str, ...]] = ("pending",)


@dataclass(frozen=True)
class DeclineOrder(OrderDecision):
    kind: ClassVar[str] = "decline_order"
    verb: ClassVar[str] = "Decline"
    done: ClassVar[str] = "declined"
    status: ClassVar[str] = "declined"


@dataclass(frozen=True)
class CreateInvoice(Action):
    """An invoice drafted by arbot (from a fulfilled order or billable milestones), created in
    the ERP once. Its number comes from its source, so the same order is never billed twice."""

    kind: ClassVar[str] = "create_invoice"
    invoice_number: str = ""
    invoice_date: str = ""
    due_date: str = ""
    invoice_currency: str = "USD"
    terms_days: int = 30
    # (description, amount, quantity, taxable[, unit price, the ERP's item]) — the last two
    # only for lines of an ERP's sales order.
    lines: tuple[tuple[Any, ...], ...] = ()
    po_number: str | None = None
    memo: str = ""
    source: str = ""
    source_order_id: str | None = None

    @property
    def target(self) -> str:
        return self.invoice_number

    @property
    def amount(self) -> Decimal:
        return sum((decimal_of(line[1]) for line in self.lines), Decimal("0.00"))

    @property
    def currency(self) -> str:
        return self.invoice_currency

    def draft(self) -> InvoiceDraft:
        return InvoiceDraft(
            invoice_number=self.invoice_number,
            customer_id=self.customer_id,
            invoice_date=date.fromisoformat(self.invoice_date),
            due_date=date.fromisoformat(self.due_date),
            currency=self.invoice_currency,
            lines=tuple(_invoice_line(line) for line in self.lines),
            terms_days=self.terms_days,
            po_number=self.po_number,
            memo=self.memo,
            source=self.source,
        )

    def summary(self) -> str:
        po = f", PO {self.po_number}" if self.po_number else ""
        return (
            f"Create invoice {self.invoice_number} for {self.customer_id}: "
            f"{money(self.amount, self.currency)} before tax, due {self.due_date} "
            f"(Net {self.terms_days}{po}) — {self.source}"
        )

    def validate(self, erp: ErpClient) -> list[str]:
        from integrations.erp import rules

        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return [f"customer {self.customer_id} does not exist"]
        problems = []
        try:
            rules.invoice_draft(self.draft(), customer.currency)
        except InvalidWrite as refused:
            problems.append(str(refused))
        if erp.get_invoice(self.invoice_number) is not None:
            problems.append(f"invoice {self.invoice_number} already exists: it was billed")
        if self.source_order_id is not None:
            order = find_order(erp, self.customer_id, self.source_order_id)
            if order is None:
                problems.append(f"sales order {self.source_order_id} does not exist")
            elif order.status != "shipped":
                problems.append(
                    f"sales order {self.source_order_id} is {order.status}, not fulfilled"
                )
            elif (mismatch := self.differs_from(order)) is not None:
                problems.append(mismatch)
        return problems

    def differs_from(self, order: SalesOrder) -> str | None:
        """Why this draft does not bill ``order`` as the ERP has it: the order's lines and tax
        do not make its total, or the draft's lines do not make the order's amount before tax
        (an order without lines is billed at its total)."""
        cur = order.currency
        if order.lines and order.subtotal + order.tax != order.amount:
            return (
                f"sales order {order.order_id}'s lines add up to {money(order.subtotal, cur)}"
                f" and its tax is {money(order.tax, cur)}, but its total is "
                f"{money(order.amount, cur)}: correct the order in the ERP, then draft the "
                "invoice again"
            )
        expected = order.subtotal if order.lines else order.amount
        if self.amount != expected:
            return (
                f"the draft's lines add up to {money(self.amount, self.currency)}, but sales "
                f"order {order.order_id} is {money(expected, cur)} before tax: draft it again "
                "from the order"
            )
        return None

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        created = erp.get_invoice(self.invoice_number)
        return {"invoice": None if created is None else str(created.amount)}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        try:
            draft = self.draft()
        except (ValueError, ArithmeticError) as error:
            raise ActionError(f"the draft cannot be read: {error}") from error
        return erp.create_invoice(draft, idempotency_key=key)


def _invoice_line(line: tuple[Any, ...]) -> InvoiceLine:
    text, amount, quantity, taxable = line[:4]
    unit_price = line[4] if len(line) > 4 else None
    item = line[5] if len(line) > 5 else None
    return InvoiceLine(
        str(text),
        decimal_of(amount),
        decimal_of(quantity),
        bool(taxable),
        decimal_of(unit_price) if unit_price is not None else None,
        str(item) if item else None,
    )


@dataclass(frozen=True)
class SetTerms(Action):
    """Payment terms for a customer (an early-payment discount too: 2/10 Net 30), and
    optionally a credit limit (a new customer's first terms)."""

    kind: ClassVar[str] = "set_terms"
    terms_days: int = 30
    current_terms_days: int = 30
    credit_limit: str | None = None
    limit_currency: str = "USD"
    current_limit: str | None = None
    basis: str = ""
    discount_percent: str = "0"
    discount_days: int = 0
    current_terms: str | None = None  # the terms as they were when proposed ("2/10 Net 30")

    @property
    def amount(self) -> Decimal | None:
        return decimal_of(self.credit_limit) if self.credit_limit is not None else None

    @property
    def currency(self) -> str:
        return self.limit_currency

    @property
    def label(self) -> str:
        from integrations.erp.rules import terms_label

        return terms_label(self.terms_days, decimal_of(self.discount_percent), self.discount_days)

    def summary(self) -> str:
        limit = (
            f" and a credit limit of {money(decimal_of(self.credit_limit), self.currency)}"
            if self.credit_limit is not None
            else ""
        )
        was = f" (now {self.current_terms})" if self.current_terms else ""
        basis = f" ({self.basis})" if self.basis else ""
        return f"Set {self.customer_id}'s terms to {self.label}{was}{limit}{basis}"

    def validate(self, erp: ErpClient) -> list[str]:
        from integrations.erp import rules
        from integrations.erp.port import TermsCatalog

        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return [f"customer {self.customer_id} does not exist"]
        now = None if customer.credit_limit is None else str(customer.credit_limit)
        changed = customer.terms_days != self.current_terms_days or now != self.current_limit
        if changed or (
            self.current_terms is not None and customer.terms_label != self.current_terms
        ):
            return ["the customer's terms or credit limit changed since this was proposed"]
        try:
            rules.terms_days(self.terms_days)
            rules.discount(decimal_of(self.discount_percent), self.discount_days, self.terms_days)
        except InvalidWrite as refused:
            return [str(refused)]
        if isinstance(erp, TermsCatalog) and (
            missing := erp.missing_terms(
                self.terms_days, decimal_of(self.discount_percent), self.discount_days
            )
        ):
            return [missing]
        return []

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return {}
        limit = customer.credit_limit
        return {
            "terms": customer.terms_label,
            "terms_days": customer.terms_days,
            "credit_limit": None if limit is None else str(limit),
        }

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        terms = erp.set_payment_terms(
            self.customer_id,
            self.terms_days,
            idempotency_key=f"{key}:terms",
            discount_percent=decimal_of(self.discount_percent),
            discount_days=self.discount_days,
        )
        if self.credit_limit is None:
            return WriteResult(terms.erp_reference, key, terms.replayed)
        limit = erp.set_credit_limit(
            self.customer_id, decimal_of(self.credit_limit), idempotency_key=f"{key}:limit"
        )
        return WriteResult(terms.erp_reference, key, terms.replayed and limit.replayed)


def terms_change(customer: Customer, terms: tuple[int, Decimal, int]) -> SetTerms:
    """ "set globex terms to net 60": the customer's terms as asked, from what they are now."""
    days, percent, within = terms
    return SetTerms(
        customer_id=customer.customer_id,
        terms_days=days,
        current_terms_days=customer.terms_days,
        limit_currency=customer.currency,
        current_limit=None if customer.credit_limit is None else str(customer.credit_limit),
        discount_percent=str(percent),
        discount_days=within,
        current_terms=customer.terms_label,
    )


ORDER_ACTIONS: tuple[type[Action], ...] = (
    ReleaseOrder,
    HoldOrder,
    DeclineOrder,
    CreateInvoice,
    SetTerms,
)
