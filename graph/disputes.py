"""Disputes: an invoice the customer contests, as a record in arbot's store (mirrored to the ERP
as a note on the invoice, since none of the ERPs has a dispute object arbot can write).

Opened and resolved only through approvals: ``OpenDispute`` (from chat, a short-pay's deduction,
or a suggestion read from a customer's e-mail) and ``ResolveDispute`` (paid, a credit memo, a
write-off, or the claim rejected). A disputed invoice is not chased by reminders
(``without_disputed``); collections, the digest and the ``disputes`` answer show disputes and
their age (``graph.disputes_report``). Reads other modules may use: ``open_disputes``,
``disputed_numbers``, ``without_disputed``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, ClassVar

from graph.action_base import Action, ActionError, decimal_of
from graph.dispute_reads import (  # noqa: F401  (re-exported: reads other modules use)
    disputed_numbers,
    open_disputes,
    without_disputed,
)
from graph.format import money
from integrations.erp.port import ErpClient
from integrations.erp.records import DEDUCTION_REASON_CODES, WriteResult
from integrations.mail import Mailer
from integrations.store.collector import RESOLUTIONS, CollectorStore

REASONS = (
    "pricing",
    "shortage",
    "damage",
    "quality",
    "not_received",
    "duplicate",
    "promotion",
    "freight",
    "tax",
    "terms",
    "other",
)
# The deduction reason code an adjustment closing a dispute carries (ERPs know only these).
_ADJUSTMENT_REASON = {r: (r if r in DEDUCTION_REASON_CODES else "unknown") for r in REASONS}


def dispute_id_for(key: str) -> str:
    return "DSP-" + hashlib.sha256(key.encode()).hexdigest()[:8].upper()


# --- reads: graph/dispute_reads.py (re-exported here) ---


# --- actions ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OpenDispute(Action):
    kind: ClassVar[str] = "open_dispute"
    editable: ClassVar[bool] = True
    uses_store: ClassVar[bool] = True
    invoice_number: str = ""
    reason_code: str = "other"
    dispute_amount: str = "0"
    dispute_currency: str = "USD"
    description: str = ""
    owner: str = ""
    source: str = "chat"  # chat | short_pay | email
    opened_on: str = ""

    @property
    def target(self) -> str:
        return self.invoice_number

    @property
    def amount(self) -> Decimal:
        return decimal_of(self.dispute_amount)

    @property
    def currency(self) -> str:
        return self.dispute_currency

    def summary(self) -> str:
        said = f": “{self.description}”" if self.description else ""
        return (
            f"Open a {self.reason_code.replace('_', ' ')} dispute on {self.invoice_number} "
            f"({self.customer_id}) for {money(self.amount, self.currency)}, owner "
            f"{self.owner}{said}"
        )

    def with_amount(self, amount: Decimal) -> Action:
        if amount <= 0:
            raise ActionError("a disputed amount must be more than zero")
        return replace(self, dispute_amount=str(amount))

    def validate(self, erp: ErpClient, store: CollectorStore | None = None) -> list[str]:
        problems = super().validate(erp)
        if self.reason_code not in REASONS:
            problems.append(f"reason {self.reason_code!r} is not one of {', '.join(REASONS)}")
        invoice = erp.get_invoice(self.invoice_number)
        if invoice is None:
            return [*problems, f"invoice {self.invoice_number} does not exist"]
        if invoice.customer_id != self.customer_id:
            problems.append(f"invoice {self.invoice_number} belongs to {invoice.customer_id}")
        if invoice.balance <= 0:
            problems.append(f"invoice {self.invoice_number} is paid: nothing open to dispute")
        elif self.amount <= 0 or self.amount > invoice.balance:
            problems.append(
                f"the disputed amount must be more than zero and at most the "
                f"{money(invoice.balance, invoice.currency)} open on {self.invoice_number}"
            )
        if invoice.currency != self.currency:
            problems.append(f"invoice {self.invoice_number} is in {invoice.currency}")
        if store is not None:
            for open_one in store.disputes(invoice_numbers=[self.invoice_number], status="open"):
                problems.append(
                    f"{self.invoice_number} already has an open dispute ({open_one.dispute_id}, "
                    f"{open_one.reason_code.replace('_', ' ')})"
                )
        return problems

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        return invoice_snapshot(erp, self.invoice_number)

    def execute(
        self, erp: ErpClient, key: str, *, mailer: Mailer | None, store: CollectorStore
    ) -> WriteResult:
        dispute, created = store.open_dispute(
            {
                "dispute_id": dispute_id_for(key),
                "invoice_number": self.invoice_number,
                "customer_id": self.customer_id,
                "reason_code": self.reason_code,
                "amount": self.amount,
                "currency": self.currency,
                "owner": self.owner,
                "description": self.description,
                "source": self.source,
                "opened_by": self.owner,
            },
            approval_key=key,
        )
        said = f" — {self.description}" if self.description else ""
        erp.add_note(
            self.customer_id,
            f"Disputed ({dispute.dispute_id}): {self.reason_code.replace('_', ' ')}, "
            f"{money(self.amount, self.currency)}{said}",
            author="arbot",
            invoice_number=self.invoice_number,
            idempotency_key=f"{key}:note",
        )
        return WriteResult(dispute.dispute_id, key, replayed=not created)


def invoice_snapshot(erp: ErpClient, invoice_number: str) -> dict[str, Any]:
    """What a dispute action records of its invoice before it runs: the open balance."""
    invoice = erp.get_invoice(invoice_number)
    return {"invoice_balance": str(invoice.balance) if invoice else None}


@dataclass(frozen=True)
class ResolveDispute(Action):
    kind: ClassVar[str] = "resolve_dispute"
    editable: ClassVar[bool] = True
    uses_store: ClassVar[bool] = True
    dispute_id: str = ""
    invoice_number: str = ""
    resolution: str = "paid"  # paid | credit_memo | write_off | rejected
    adjustment: str | None = None  # the credit memo or write-off amount
    adjustment_currency: str = "USD"
    reason_code: str = "other"
    note: str = ""

    @property
    def target(self) -> str:
        return self.dispute_id

    @property
    def amount(self) -> Decimal | None:
        return None if self.adjustment is None else decimal_of(self.adjustment)

    @property
    def currency(self) -> str | None:
        return self.adjustment_currency if self.adjustment is not None else None

    def summary(self) -> str:
        how = {
            "paid": "paid",
            "rejected": "rejected (the invoice stands; chasing resumes)",
            "credit_memo": "a credit memo",
            "write_off": "a write-off",
        }[self.resolution]
        amount = (
            f" of {money(decimal_of(self.adjustment), self.adjustment_currency)}"
            if self.adjustment
            else ""
        )
        return (
            f"Resolve dispute {self.dispute_id} on {self.invoice_number} ({self.customer_id}) "
            f"as {how}{amount}"
        )

    def with_amount(self, amount: Decimal) -> Action:
        if self.adjustment is None:
            raise ActionError(f"a dispute resolved as {self.resolution} has no amount to edit")
        if amount <= 0:
            raise ActionError("a credit memo or write-off must be more than zero")
        return replace(self, adjustment=str(amount))

    def validate(self, erp: ErpClient, store: CollectorStore | None = None) -> list[str]:
        problems = super().validate(erp)
        if self.resolution not in RESOLUTIONS:
            problems.append(
                f"resolution {self.resolution!r} is not one of {', '.join(RESOLUTIONS)}"
            )
        if store is not None:
            dispute = store.dispute(self.dispute_id)
            if dispute is None:
                problems.append(f"dispute {self.dispute_id} does not exist")
            elif dispute.status != "open":
                problems.append(
                    f"dispute {self.dispute_id} is already resolved ({dispute.resolution})"
                )
        if self.adjustment is not None:
            invoice = erp.get_invoice(self.invoice_number)
            if invoice is None:
                problems.append(f"invoice {self.invoice_number} does not exist")
            elif invoice.balance < decimal_of(self.adjustment):
                problems.append(
                    f"invoice {self.invoice_number} has {money(invoice.balance, invoice.currency)}"
                    " open, less than the "
                    f"{money(decimal_of(self.adjustment), invoice.currency)} to "
                    "credit" + (" (it was paid meanwhile)" if invoice.balance == 0 else "")
                )
        return problems

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        return invoice_snapshot(erp, self.invoice_number)

    def execute(
        self, erp: ErpClient, key: str, *, mailer: Mailer | None, store: CollectorStore
    ) -> WriteResult:
        reference = self.dispute_id
        replayed = False
        if self.adjustment is not None:
            written = erp.create_adjustment(
                customer_id=self.customer_id,
                invoice_number=self.invoice_number,
                amount=decimal_of(self.adjustment),
                currency=self.adjustment_currency,
                kind=self.resolution,
                reason_code=_ADJUSTMENT_REASON.get(self.reason_code, "unknown"),
                memo=f"dispute {self.dispute_id}" + (f": {self.note}" if self.note else ""),
                idempotency_key=f"{key}:adjustment",
            )
            reference, replayed = written.erp_reference, written.replayed
        resolved = store.resolve_dispute(self.dispute_id, self.resolution, by="arbot")
        current = store.dispute(self.dispute_id)
        if resolved is None and (current is None or current.resolution != self.resolution):
            raise ActionError(f"dispute {self.dispute_id} was resolved otherwise meanwhile")
        erp.add_note(
            self.customer_id,
            f"Dispute {self.dispute_id} resolved: {self.resolution.replace('_', ' ')}"
            + (
                f" {money(decimal_of(self.adjustment), self.adjustment_currency)}"
                if self.adjustment
                else ""
            )
            + (f" — {self.note}" if self.note else ""),
            author="arbot",
            invoice_number=self.invoice_number,
            idempotency_key=f"{key}:note",
        )
        return WriteResult(reference, key, replayed=replayed and resolved is None)
