"""The actions on cash and what invoices owe: a payment applied to invoices (``ApplyPayment``,
one a cash run writes many of) and a deduction written off (``WriteOffDeduction``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

from graph.action_base import Action, ActionError, decimal_of
from graph.format import money
from integrations.erp.port import ErpClient
from integrations.erp.records import (
    DEDUCTION_REASON_CODES,
    ApplicationRequest,
    Customer,
    NewPayment,
    WriteResult,
    may_pay_for,
)
from integrations.mail import Mailer


def _may_pay(erp: ErpClient, payer: Customer, owner_id: str) -> bool:
    if owner_id == payer.customer_id:
        return True
    owner = erp.get_customer(owner_id)
    owner_parent = owner.parent_id if owner is not None else None
    return may_pay_for(payer.customer_id, payer.parent_id, owner_id, owner_parent)


@dataclass(frozen=True)
class ApplyPayment(Action):
    kind: ClassVar[str] = "apply_payment"
    editable: ClassVar[bool] = True
    payment_id: str = ""
    received_on: str = ""
    payment_amount: str = "0"
    payment_currency: str = "USD"
    method: str = "ach"
    reference: str = ""
    applications: tuple[tuple[str, str], ...] = ()

    @property
    def target(self) -> str:
        return self.payment_id

    @cached_property
    def amount(self) -> Decimal:  # type: ignore[override]  # an action is immutable
        return sum((decimal_of(a) for _, a in self.applications), Decimal("0.00"))

    @property
    def currency(self) -> str:
        return self.payment_currency

    def summary(self) -> str:
        currency = self.payment_currency
        parts = ", ".join(f"{n} {money(decimal_of(a), currency)}" for n, a in self.applications)
        paid = decimal_of(self.payment_amount)
        rest = paid - self.amount
        text = (
            f"Apply payment {self.payment_id} ({money(paid, currency)}"
            f" from {self.customer_id}) to {parts or 'no invoice'}"
        )
        return text + (f"; {money(rest, currency)} stays unapplied" if rest > 0 else "")

    def with_amount(self, amount: Decimal) -> Action:
        if len(self.applications) != 1:
            raise ActionError("only a payment applied to one invoice can have its amount edited")
        if amount <= 0 or amount > decimal_of(self.payment_amount):
            raise ActionError(
                f"the applied amount must be more than zero and at most the payment's "
                f"{money(decimal_of(self.payment_amount), self.currency)}"
            )
        number = self.applications[0][0]
        return replace(self, applications=((number, str(amount)),))

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if self.amount > decimal_of(self.payment_amount):
            problems.append(
                f"the applications add up to {money(self.amount, self.currency)}, more than "
                f"the payment's {money(decimal_of(self.payment_amount), self.currency)}"
            )
        recorded = erp.get_payment(self.payment_id)
        if recorded is not None:
            if recorded.amount != decimal_of(self.payment_amount):
                problems.append(f"payment {self.payment_id} is recorded as {recorded.amount}")
            elif recorded.unapplied < self.amount:
                problems.append(
                    f"payment {self.payment_id} has only "
                    f"{money(recorded.unapplied, self.currency)} left to apply"
                )
        payer = erp.get_customer(self.customer_id)
        for number, applied in self.applications:
            invoice = erp.get_invoice(number)
            if invoice is None:
                problems.append(f"invoice {number} does not exist")
            elif payer is not None and not _may_pay(erp, payer, invoice.customer_id):
                problems.append(
                    f"invoice {number} belongs to {invoice.customer_id}, whose invoices "
                    f"{self.customer_id} does not pay (not the same customer, its parent, a "
                    "subsidiary or a sibling)"
                )
            elif invoice.currency != self.currency:
                problems.append(f"invoice {number} is in {invoice.currency}")
            elif invoice.balance < decimal_of(applied):
                problems.append(
                    f"invoice {number} has {money(invoice.balance, invoice.currency)} open, "
                    f"less than the {money(decimal_of(applied), invoice.currency)} to apply"
                    + (" (it was paid meanwhile)" if invoice.balance == 0 else "")
                )
        return problems

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        balances = {}
        for number, _ in self.applications:
            invoice = erp.get_invoice(number)
            balances[number] = str(invoice.balance) if invoice else None
        recorded = erp.get_payment(self.payment_id)
        return {
            "invoice_balances": balances,
            "payment_unapplied": str(recorded.unapplied) if recorded else None,
        }

    def payment_write(self) -> tuple[NewPayment, list[ApplicationRequest]]:
        """The ERP write this is (``execute``; a cash run writes many of them at once)."""
        payment = NewPayment(
            self.payment_id,
            self.customer_id,
            date.fromisoformat(self.received_on),
            decimal_of(self.payment_amount),
            self.currency,
            self.method,
            self.reference,
        )
        return payment, [ApplicationRequest(n, decimal_of(a)) for n, a in self.applications]

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        payment, requests = self.payment_write()
        return erp.apply_payment(payment, requests, idempotency_key=key)


@dataclass(frozen=True)
class WriteOffDeduction(Action):
    kind: ClassVar[str] = "write_off_deduction"
    editable: ClassVar[bool] = True
    invoice_number: str = ""
    write_off: str = "0"
    invoice_currency: str = "USD"
    reason_code: str = "unknown"
    memo: str = ""

    @property
    def target(self) -> str:
        return self.invoice_number

    @property
    def amount(self) -> Decimal:
        return decimal_of(self.write_off)

    @property
    def currency(self) -> str:
        return self.invoice_currency

    def summary(self) -> str:
        return (
            f"Write off {money(self.amount, self.currency)} on {self.invoice_number} "
            f"({self.customer_id}) as {self.reason_code}"
        )

    def with_amount(self, amount: Decimal) -> Action:
        if amount <= 0:
            raise ActionError("a write-off must be more than zero")
        return replace(self, write_off=str(amount))

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if self.reason_code not in DEDUCTION_REASON_CODES:
            codes = ", ".join(DEDUCTION_REASON_CODES)
            problems.append(f"reason code {self.reason_code!r} is not one of {codes}")
        invoice = erp.get_invoice(self.invoice_number)
        if invoice is None:
            problems.append(f"invoice {self.invoice_number} does not exist")
        elif invoice.customer_id != self.customer_id:
            problems.append(f"invoice {self.invoice_number} belongs to {invoice.customer_id}")
        elif invoice.balance < self.amount:
            problems.append(
                f"invoice {self.invoice_number} has {money(invoice.balance, invoice.currency)} "
                f"open, less than the {money(self.amount, self.currency)} to write off"
                + (" (it was paid meanwhile)" if invoice.balance == 0 else "")
            )
        return problems

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        invoice = erp.get_invoice(self.invoice_number)
        return {"invoice_balance": str(invoice.balance) if invoice else None}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        return erp.create_adjustment(
            customer_id=self.customer_id,
            invoice_number=self.invoice_number,
            amount=self.amount,
            currency=self.currency,
            kind="write_off",
            reason_code=self.reason_code,
            memo=self.memo,
            idempotency_key=key,
        )
