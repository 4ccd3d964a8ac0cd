"""The actions on a customer's account: its credit limit (``SetCreditLimit``), its credit hold
or one held order released (``SetCreditHold``), a note (``AddNote``) and a reminder e-mailed
(``SendReminder``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, ClassVar

from graph.action_base import Action, ActionError, decimal_of
from graph.format import money
from integrations.erp.port import ErpClient
from integrations.erp.records import WriteResult
from integrations.mail import Mailer, MailError


@dataclass(frozen=True)
class SetCreditLimit(Action):
    kind: ClassVar[str] = "set_credit_limit"
    editable: ClassVar[bool] = True
    new_limit: str = "0"
    limit_currency: str = "USD"
    current_limit: str | None = None

    @property
    def amount(self) -> Decimal:
        return decimal_of(self.new_limit)

    @property
    def currency(self) -> str:
        return self.limit_currency

    def summary(self) -> str:
        before = (
            money(decimal_of(self.current_limit), self.currency)
            if self.current_limit
            else "no limit"
        )
        return (
            f"Change {self.customer_id}'s credit limit from {before} to "
            f"{money(self.amount, self.currency)}"
        )

    def with_amount(self, amount: Decimal) -> Action:
        if amount < 0:
            raise ActionError("a credit limit cannot be negative")
        return replace(self, new_limit=str(amount))

    def validate(self, erp: ErpClient) -> list[str]:
        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return [f"customer {self.customer_id} does not exist"]
        now = None if customer.credit_limit is None else str(customer.credit_limit)
        if now != self.current_limit:
            return [f"the credit limit changed since this was proposed (now {now or 'none'})"]
        if customer.credit_limit == self.amount:
            return [f"the credit limit is already {money(self.amount, self.currency)}"]
        return []

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        customer = erp.get_customer(self.customer_id)
        limit = customer.credit_limit if customer else None
        return {"credit_limit": None if limit is None else str(limit)}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        return erp.set_credit_limit(self.customer_id, self.amount, idempotency_key=key)


@dataclass(frozen=True)
class SetCreditHold(Action):
    kind: ClassVar[str] = "set_credit_hold"
    on_hold: bool = True
    release_order_id: str | None = None

    def summary(self) -> str:
        if self.release_order_id:
            return f"Release sales order {self.release_order_id} for {self.customer_id}"
        verb = "Put" if self.on_hold else "Take"
        return f"{verb} {self.customer_id} {'on' if self.on_hold else 'off'} credit hold"

    def validate(self, erp: ErpClient) -> list[str]:
        customer = erp.get_customer(self.customer_id)
        if customer is None:
            return [f"customer {self.customer_id} does not exist"]
        if self.release_order_id is not None:
            orders = {o.order_id: o for o in erp.sales_orders(self.customer_id)}
            order = orders.get(self.release_order_id)
            if order is None:
                return [f"sales order {self.release_order_id} of {self.customer_id} does not exist"]
            if order.status not in ("pending", "on_hold"):
                return [f"sales order {self.release_order_id} is already {order.status}"]
            return []
        if customer.on_hold == self.on_hold:
            return [f"{self.customer_id} is already {'on' if self.on_hold else 'off'} credit hold"]
        return []

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        customer = erp.get_customer(self.customer_id)
        state: dict[str, Any] = {"on_hold": customer.on_hold if customer else None}
        if self.release_order_id:
            orders = {o.order_id: o.status for o in erp.sales_orders(self.customer_id)}
            state["order_status"] = orders.get(self.release_order_id)
        return state

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        result = erp.set_credit_hold(self.customer_id, self.on_hold, idempotency_key=f"{key}:hold")
        if self.release_order_id is None:
            return WriteResult(result.erp_reference, key, result.replayed)
        released = erp.set_sales_order_status(
            self.release_order_id, "released", idempotency_key=f"{key}:order"
        )
        return WriteResult(released.erp_reference, key, result.replayed and released.replayed)


@dataclass(frozen=True)
class AddNote(Action):
    kind: ClassVar[str] = "add_note"
    text: str = ""
    author: str = "arbot"
    invoice_number: str | None = None

    def summary(self) -> str:
        on = f" ({self.invoice_number})" if self.invoice_number else ""
        return f"Add a note to {self.customer_id}{on}: “{self.text}”"

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if not self.text.strip():
            problems.append("the note is empty")
        if self.invoice_number and erp.get_invoice(self.invoice_number) is None:
            problems.append(f"invoice {self.invoice_number} does not exist")
        return problems

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        return erp.add_note(
            self.customer_id,
            self.text,
            author=self.author,
            invoice_number=self.invoice_number,
            idempotency_key=key,
        )


@dataclass(frozen=True)
class SendReminder(Action):
    kind: ClassVar[str] = "send_reminder"
    to: str = ""
    subject: str = ""
    body: str = ""
    invoice_numbers: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        return (
            f"E-mail a reminder to {self.to or 'nobody'} ({self.customer_id}) about "
            f"{', '.join(self.invoice_numbers) or 'the account'}: “{self.subject}”"
        )

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if "@" not in self.to:
            problems.append(f"{self.customer_id} has no e-mail address to send a reminder to")
        for number in self.invoice_numbers:
            invoice = erp.get_invoice(number)
            if invoice is None:
                problems.append(f"invoice {number} does not exist")
            elif invoice.balance == 0:
                problems.append(f"invoice {number} was paid meanwhile")
        return problems

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        if mailer is None:
            raise ActionError("no mail server is configured (set ARBOT_SMTP_HOST)")
        message_id = f"<{hashlib.sha256(key.encode()).hexdigest()[:24]}@arbot>"
        try:
            mailer.send(to=self.to, subject=self.subject, body=self.body, message_id=message_id)
        except MailError as error:
            raise ActionError(str(error)) from error
        erp.add_note(
            self.customer_id,
            f"Reminder sent to {self.to}: {self.subject}",
            author="arbot",
            idempotency_key=f"{key}:note",
        )
        return WriteResult(message_id, key)
