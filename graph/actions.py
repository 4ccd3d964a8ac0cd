"""The actions arbot can propose, each a typed, serialisable proposal.

Every action validates itself against fresh ERP data (before it is shown, and again before it
is executed), describes the state of its target (for the audit's before/after), and executes
exactly its stored payload under an idempotency key.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, ClassVar

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
from integrations.mail import Mailer, MailError

_SCALARS = frozenset({str, int, float, Decimal, date, bool, type(None)})


def _plain(value: Any) -> bool:
    """Nothing ``asdict`` would make into something else (a dataclass, dict or list in it)."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is tuple:
        return all(map(_plain, value))
    return isinstance(value, str | int | float | Decimal | date)


# json.dumps(values, default=str) and json.dumps(values, sort_keys=True, default=str), their
# encoders made once.
_PAYLOAD = json.JSONEncoder(default=str).encode
_SORTED = json.JSONEncoder(sort_keys=True, default=str).encode


class ActionError(Exception):
    """The action cannot be carried out as proposed; the message is for a person."""


def _dec(value: Any) -> Decimal:
    return Decimal(str(value))


@dataclass(frozen=True)
class Action:
    kind: ClassVar[str]
    editable: ClassVar[bool] = False
    # Writes arbot's own store too (disputes, promises): validate and execute get ``store``.
    uses_store: ClassVar[bool] = False
    customer_id: str

    # --- identity and display --------------------------------------------------------------
    @property
    def target(self) -> str:
        return self.customer_id

    @property
    def amount(self) -> Decimal | None:
        return None

    @property
    def currency(self) -> str | None:
        return None

    def summary(self) -> str:
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        return json.loads(self._payload_text)

    @cached_property
    def _plain_values(self) -> dict[str, Any] | None:
        """The fields' values when nothing in them needs ``asdict``'s copies, else None."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return values if all(map(_plain, values.values())) else None

    @cached_property
    def _payload_text(self) -> str:  # an action is immutable: serialised once
        values = self._plain_values
        return _PAYLOAD(asdict(self) if values is None else values)  # the same JSON for plain

    @cached_property
    def _key(self) -> str:
        values = self._plain_values
        # Of plain values the sorted text is the payload's (``payload()``) written sorted:
        # strings, numbers and None read back as themselves, tuples as lists.
        text = json.dumps(self.payload(), sort_keys=True) if values is None else _SORTED(values)
        digest = hashlib.sha256(text.encode()).hexdigest()
        return f"arbot:{self.kind}:{self.target}:{digest[:20]}"

    def idempotency_key(self) -> str:
        """Derived from the action, its target and its exact payload: the same write proposed
        twice carries the same key, so the ERP applies it once."""
        return self._key

    def with_amount(self, amount: Decimal) -> Action:
        raise ActionError(f"the amount of {self.kind.replace('_', ' ')} cannot be edited")

    # --- against the ERP -------------------------------------------------------------------
    def validate(self, erp: ErpClient) -> list[str]:
        customer = erp.get_customer(self.customer_id)
        return [] if customer else [f"customer {self.customer_id} does not exist"]

    def snapshot(self, erp: ErpClient) -> dict[str, Any]:
        return {}

    def execute(self, erp: ErpClient, key: str, *, mailer: Mailer | None) -> WriteResult:
        raise NotImplementedError


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
        return sum((_dec(a) for _, a in self.applications), Decimal("0.00"))

    @property
    def currency(self) -> str:
        return self.payment_currency

    def summary(self) -> str:
        currency = self.payment_currency
        parts = ", ".join(f"{n} {money(_dec(a), currency)}" for n, a in self.applications)
        paid = _dec(self.payment_amount)
        rest = paid - self.amount
        text = (
            f"Apply payment {self.payment_id} ({money(paid, currency)}"
            f" from {self.customer_id}) to {parts or 'no invoice'}"
        )
        return text + (f"; {money(rest, currency)} stays unapplied" if rest > 0 else "")

    def with_amount(self, amount: Decimal) -> Action:
        if len(self.applications) != 1:
            raise ActionError("only a payment applied to one invoice can have its amount edited")
        if amount <= 0 or amount > _dec(self.payment_amount):
            raise ActionError(
                f"the applied amount must be more than zero and at most the payment's "
                f"{money(_dec(self.payment_amount), self.currency)}"
            )
        number = self.applications[0][0]
        return replace(self, applications=((number, str(amount)),))

    def validate(self, erp: ErpClient) -> list[str]:
        problems = super().validate(erp)
        if self.amount > _dec(self.payment_amount):
            problems.append(
                f"the applications add up to {money(self.amount, self.currency)}, more than "
                f"the payment's {money(_dec(self.payment_amount), self.currency)}"
            )
        recorded = erp.get_payment(self.payment_id)
        if recorded is not None:
            if recorded.amount != _dec(self.payment_amount):
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
            elif invoice.balance < _dec(applied):
                problems.append(
                    f"invoice {number} has {money(invoice.balance, invoice.currency)} open, "
                    f"less than the {money(_dec(applied), invoice.currency)} to apply"
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
            _dec(self.payment_amount),
            self.currency,
            self.method,
            self.reference,
        )
        return payment, [ApplicationRequest(n, _dec(a)) for n, a in self.applications]

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
        return _dec(self.write_off)

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


@dataclass(frozen=True)
class SetCreditLimit(Action):
    kind: ClassVar[str] = "set_credit_limit"
    editable: ClassVar[bool] = True
    new_limit: str = "0"
    limit_currency: str = "USD"
    current_limit: str | None = None

    @property
    def amount(self) -> Decimal:
        return _dec(self.new_limit)

    @property
    def currency(self) -> str:
        return self.limit_currency

    def summary(self) -> str:
        before = (
            money(_dec(self.current_limit), self.currency) if self.current_limit else "no limit"
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


# Order-to-cash actions build on Action above (import them from here, not from their module).
from graph.order_actions import (  # noqa: E402
    ORDER_ACTIONS,
)
from graph.order_actions import CreateInvoice as CreateInvoice  # noqa: E402
from graph.order_actions import DeclineOrder as DeclineOrder  # noqa: E402
from graph.order_actions import HoldOrder as HoldOrder  # noqa: E402
from graph.order_actions import ReleaseOrder as ReleaseOrder  # noqa: E402
from graph.order_actions import SetTerms as SetTerms  # noqa: E402

ACTIONS: dict[str, type[Action]] = {
    cls.kind: cls
    for cls in (
        ApplyPayment,
        WriteOffDeduction,
        SetCreditLimit,
        SetCreditHold,
        AddNote,
        SendReminder,
        *ORDER_ACTIONS,
    )
}


def register(*classes: type[Action]) -> None:
    """Make action kinds defined elsewhere known (``action_from_payload``, the policy)."""
    for cls in classes:
        ACTIONS[cls.kind] = cls


# The collector's actions (disputes, promises, statements) live in modules of their own, which
# import this one and register their kinds; importing them here makes every kind known to
# whoever imports this module, whichever of them is imported first.
for _module in ("graph.disputes", "graph.promises", "graph.statements"):
    importlib.import_module(_module)


def action_from_payload(kind: str, payload: dict[str, Any]) -> Action:
    cls = ACTIONS[kind]
    values = dict(payload)
    for name in ("applications", "invoice_numbers", "lines"):
        if name in values and values[name] is not None:
            values[name] = tuple(tuple(v) if isinstance(v, list) else v for v in values[name])
    return cls(**values)
