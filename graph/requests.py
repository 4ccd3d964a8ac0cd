"""From "write off 45.00 on INV-10319 as pricing" to a typed, validated Action.

Everything a person typed is resolved against fresh ERP data here; what the text cannot settle
(an unknown invoice, an ambiguous name) becomes a question, never a guess.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import prompts
from graph.action_base import Action
from graph.cash_actions import ApplyPayment, WriteOffDeduction
from graph.customer_actions import AddNote, SendReminder, SetCreditHold, SetCreditLimit
from graph.disputes import without_disputed
from graph.format import day, money
from graph.order_actions import DeclineOrder, HoldOrder
from graph.unclear import Unclear as Unclear
from graph.understand_actions import ActionRequest

if TYPE_CHECKING:
    from graph.llm import LlmService
from integrations.erp.money import quantize
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Invoice, aging_bucket
from integrations.store.collector import CollectorStore


def _plain(action: Action) -> tuple[Action, None]:
    return action, None


CustomerLookup = Callable[[str], Customer]


def _one_invoice(erp: ErpClient, ref: str) -> Invoice:
    found = erp.find_invoices(ref) or erp.invoices_by_po(ref)
    if not found:
        raise Unclear(f"I can't find an invoice matching {ref}.")
    if len(found) > 1:
        numbers = ", ".join(i.invoice_number for i in found[:5])
        raise Unclear(f"{ref} matches several invoices ({numbers}); which one?")
    return found[0]


def reminder_stage(invoices: list[Invoice], today: date) -> str:
    worst = max((i.days_past_due(today) for i in invoices), default=0)
    if worst > 60:
        return "final"
    if worst > 30:
        return "firm"
    return "friendly"


def draft_reminder(
    customer: Customer, invoices: list[Invoice], today: date, sender: str
) -> tuple[str, str, str]:
    """(template name, subject, body) of a reminder in the tone its dunning stage calls for."""
    name = f"reminder.{reminder_stage(invoices, today)}"
    total = sum((i.balance for i in invoices), Decimal("0.00"))
    lines = "\n".join(
        f"  {i.invoice_number}  dated {day(i.invoice_date)}  due {day(i.due_date)}  "
        f"{money(i.balance, i.currency)} open ({aging_bucket(i.days_past_due(today))})"
        for i in invoices
    )
    text = prompts.load(name).format(
        invoice_count=len(invoices),
        company="us",
        customer_name=customer.name,
        invoice_lines=lines,
        total=money(total, customer.currency),
        sender=sender,
    )
    subject_line, _, body = text.partition("\n")
    return name, subject_line.removeprefix("Subject:").strip(), body.strip() + "\n"


def build_action(
    erp: ErpClient,
    request: ActionRequest,
    customer_of: CustomerLookup,
    *,
    requested_by: str,
    today: date,
    llm: LlmService | None = None,
    store: CollectorStore | None = None,
) -> tuple[Action, str | None]:
    """The action, and the prompt (name and hash) an LLM drafted it with, if one did.
    ``store`` holds the disputes a reminder leaves out."""
    return _build(
        erp, request, customer_of, requested_by=requested_by, today=today, llm=llm, store=store
    )


def reminder_for(
    customer: Customer,
    invoices: list[Invoice],
    today: date,
    sender: str,
    llm: LlmService | None,
) -> tuple[SendReminder, str | None]:
    """A reminder in the stage's tone: drafted by the LLM when there is one and its draft holds
    to the facts, else from the template."""
    drafted = None
    if llm is not None:
        drafted = llm.draft_reminder(
            customer, invoices, reminder_stage(invoices, today), sender, today
        )
    prompt: str | None = None
    if drafted is not None:
        subject, body, prompt = drafted
    else:
        _, subject, body = draft_reminder(customer, invoices, today, sender)
    return SendReminder(
        customer_id=customer.customer_id,
        to=customer.email or "",
        subject=subject,
        body=body,
        invoice_numbers=tuple(i.invoice_number for i in invoices),
    ), prompt


def _unapplied_payment_of(
    erp: ErpClient, request: ActionRequest, customer_of: CustomerLookup
) -> str:
    """ "apply globex's unapplied cash to 10435": the one payment of theirs with money left."""
    if not request.customer_text:
        raise Unclear("Which payment? Name it (PMT-…) or the customer whose cash to apply.")
    customer = customer_of(request.customer_text)
    left = [p for p in erp.payments(customer.customer_id) if p.unapplied > 0]
    if not left:
        raise Unclear(f"{customer.name} has no payment with an unapplied amount.")
    if len(left) > 1:
        listed = "; ".join(
            f"{p.payment_id} ({money(p.unapplied, p.currency)} left)" for p in left[:5]
        )
        raise Unclear(f"{customer.name} has several payments with money left: {listed}. Which one?")
    return left[0].payment_id


def _with_ledger_invoices(request: ActionRequest) -> ActionRequest:
    """ "write off meridian's 140 on 987": the bare numbers the ledger has are the request's
    invoices already (``EntityResolver.with_bare_invoices``); those left are none of its
    invoices — a write-off or an application then names none, a reminder is about what is past
    due."""
    if not request.maybe_invoices:
        return request
    if request.kind in ("write_off_deduction", "apply_payment") and not request.invoice_refs:
        raise Unclear(f"I can't find an invoice matching {', '.join(request.maybe_invoices)}.")
    return replace(request, maybe_invoices=())


def _same_currency(request: ActionRequest, currency: str, what: str) -> None:
    """An amount written in another currency than the one it applies in is not converted."""
    if request.currency and request.currency != currency:
        raise Unclear(
            f"{what} in {currency}, and you wrote {request.currency}: arbot does not convert "
            f"currencies. Say the amount in {currency}."
        )


def _oldest_open(erp: ErpClient, customer_id: str) -> Invoice:
    """ "apply … to their oldest invoice": the open invoice due first."""
    open_items = sorted(
        (i for i in erp.invoices(customer_id) if i.balance > 0),
        key=lambda i: (i.due_date, i.invoice_date, i.invoice_number),
    )
    if not open_items:
        raise Unclear(f"{customer_id} has no open invoice to apply it to.")
    return open_items[0]


def _open_covered(erp: ErpClient, customer_id: str, money: Decimal) -> list[Invoice]:
    """ "apply … to their open invoices": the open invoices due first, as many as ``money``
    reaches (the last one perhaps in part)."""
    covered, left = [], money
    for invoice in sorted(
        (i for i in erp.invoices(customer_id) if i.balance > 0),
        key=lambda i: (i.due_date, i.invoice_date, i.invoice_number),
    ):
        if left <= 0:
            break
        covered.append(invoice)
        left -= invoice.balance
    if not covered:
        raise Unclear(f"{customer_id} has no open invoice to apply it to.")
    return covered


_WAITING = ("pending", "on_hold")


def _order_decision(
    erp: ErpClient, request: ActionRequest, customer_of: CustomerLookup, requested_by: str
) -> Action:
    """ "hold SO-1002", "decline SO-1013", "release the order for pinnacle": a credit decision
    on one sales order, written back as that decision (never the customer's credit hold)."""
    if request.order_ref:
        order = next((o for o in erp.sales_orders() if o.order_id == request.order_ref), None)
        if order is None:
            raise Unclear(f"I can't find sales order {request.order_ref}.")
    elif not request.customer_text:
        raise Unclear("Which order? Name the sales order (SO-…) or its customer.")
    else:
        customer = customer_of(request.customer_text)
        waiting = [o for o in erp.sales_orders(customer.customer_id) if o.status in _WAITING]
        if not waiting:
            raise Unclear(
                f"{customer.name} has no sales order waiting for a credit decision. To lift "
                f"its credit hold, say “take {customer.name} off hold”."
            )
        if len(waiting) > 1:
            listed = ", ".join(f"{o.order_id} ({money(o.amount, o.currency)})" for o in waiting)
            raise Unclear(f"{customer.name} has several orders waiting: {listed}. Which one?")
        order = waiting[0]
    customer = erp.get_customer(order.customer_id)
    assert customer is not None
    if request.kind == "release_order":
        return SetCreditHold(
            customer_id=customer.customer_id,
            on_hold=customer.on_hold,
            release_order_id=order.order_id,
        )
    decision = HoldOrder if request.kind == "hold_order" else DeclineOrder
    return decision(
        customer_id=customer.customer_id,
        order_id=order.order_id,
        order_amount=str(order.amount),
        order_currency=order.currency,
        reasons=f"{decision.done.capitalize()} as asked by {requested_by}.",
    )


def _build(
    erp: ErpClient,
    request: ActionRequest,
    customer_of: CustomerLookup,
    *,
    requested_by: str,
    today: date,
    llm: LlmService | None,
    store: CollectorStore | None = None,
) -> tuple[Action, str | None]:
    kind = request.kind
    request = _with_ledger_invoices(request)
    if kind == "write_off_deduction":
        if not request.invoice_refs:
            raise Unclear(
                "Which invoice? A write-off is of one invoice's open amount: name it, e.g. "
                "“write off 140 on INV-… as short pay”."
            )
        invoice = _one_invoice(erp, request.invoice_refs[0])
        _same_currency(request, invoice.currency, f"{invoice.invoice_number} is")
        amount = quantize(request.amount, invoice.currency) if request.amount else invoice.balance
        if amount <= 0:
            raise Unclear(f"{invoice.invoice_number} has nothing open to write off.")
        return _plain(
            WriteOffDeduction(
                customer_id=invoice.customer_id,
                invoice_number=invoice.invoice_number,
                write_off=str(amount),
                invoice_currency=invoice.currency,
                reason_code=request.reason_code or "unknown",
                memo=f"requested by {requested_by}",
            )
        )
    if kind == "apply_payment":
        payment_ref = request.payment_ref or _unapplied_payment_of(erp, request, customer_of)
        from graph.portfolio_reads import payment_by_number

        payment = payment_by_number(erp, payment_ref)
        if payment is None:
            raise Unclear(f"I can't find payment {payment_ref} in the ERP.")
        _same_currency(request, payment.currency, f"Payment {payment.payment_id} is")
        if request.spread and not request.invoice_refs:
            invoices = _open_covered(erp, payment.customer_id, payment.unapplied)
        elif request.oldest and not request.invoice_refs:
            invoices = [_oldest_open(erp, payment.customer_id)]
        else:
            invoices = [_one_invoice(erp, ref) for ref in request.invoice_refs]
        if payment.unapplied <= 0:
            raise Unclear(f"Payment {payment.payment_id} has nothing left to apply.")
        # Every invoice named is accounted for: applied, or the reason it cannot be.
        left = payment.unapplied
        applications = []
        for invoice in invoices:
            if invoice.balance <= 0:
                raise Unclear(f"{invoice.invoice_number} has nothing open.")
            if left <= 0:
                named = ", ".join(number for number, _ in applications)
                raise Unclear(
                    f"Payment {payment.payment_id} has "
                    f"{money(payment.unapplied, payment.currency)} left to apply: it covers "
                    f"{named} and nothing of {invoice.invoice_number}. Name fewer invoices, or "
                    "say how much goes to each."
                )
            wanted = request.amount if request.amount and len(invoices) == 1 else invoice.balance
            share = min(quantize(wanted, payment.currency), left)
            applications.append((invoice.invoice_number, str(share)))
            left -= share
        return _plain(
            ApplyPayment(
                customer_id=payment.customer_id,
                payment_id=payment.payment_id,
                received_on=payment.received_on.isoformat(),
                payment_amount=str(payment.amount),
                payment_currency=payment.currency,
                method=payment.method,
                reference=payment.reference,
                applications=tuple(applications),
            )
        )
    if kind in ("hold_order", "decline_order", "release_order"):
        return _plain(_order_decision(erp, request, customer_of, requested_by))
    if kind == "set_credit_hold" and request.order_ref:
        orders = [o for o in erp.sales_orders() if o.order_id == request.order_ref]
        if not orders:
            raise Unclear(f"I can't find sales order {request.order_ref}.")
        customer = erp.get_customer(orders[0].customer_id)
        assert customer is not None
        return _plain(
            SetCreditHold(
                customer_id=customer.customer_id,
                on_hold=customer.on_hold,
                release_order_id=request.order_ref,
            )
        )
    if kind == "add_note" and not request.customer_text and request.invoice_refs:
        # "note on INV-10227: …": the note goes on the invoice's customer
        invoice = _one_invoice(erp, request.invoice_refs[0])
        text = f"{invoice.invoice_number}: {request.text or ''}"
        return _plain(AddNote(customer_id=invoice.customer_id, text=text, author=requested_by))
    if kind == "send_reminder" and not request.customer_text and request.invoice_refs:
        # "send a reminder for INV-10222": the invoice's customer is the one reminded
        owner = _one_invoice(erp, request.invoice_refs[0]).customer_id
        request = replace(request, customer_text=owner)
    if not request.customer_text:
        raise Unclear("Which customer? Name the customer (or its ID).")
    customer = customer_of(request.customer_text)
    if kind == "set_credit_limit":
        if request.amount is None:
            raise Unclear("To what amount?")
        _same_currency(request, customer.currency, f"{customer.name}'s credit limit is")
        return _plain(
            SetCreditLimit(
                customer_id=customer.customer_id,
                new_limit=str(quantize(request.amount)),
                limit_currency=customer.currency,
                current_limit=None if customer.credit_limit is None else str(customer.credit_limit),
            )
        )
    if kind == "set_credit_hold":
        return _plain(SetCreditHold(customer_id=customer.customer_id, on_hold=request.on_hold))
    if kind == "set_terms":
        from graph.order_actions import terms_change

        if request.terms is None:
            raise Unclear("Which terms? e.g. “set globex terms to net 60” or “… 2/10 net 30”.")
        return _plain(terms_change(customer, request.terms))
    if kind == "add_note":
        return _plain(
            AddNote(customer_id=customer.customer_id, text=request.text or "", author=requested_by)
        )
    if kind == "send_reminder":
        if request.invoice_refs:
            invoices = [_one_invoice(erp, ref) for ref in request.invoice_refs]
        else:
            invoices = [i for i in erp.invoices(customer.customer_id) if i.due_date < today]
        if not invoices:
            raise Unclear(f"{customer.name} has nothing past due to remind them about.")
        invoices, disputed = without_disputed(store, invoices)
        if not invoices:
            numbers = ", ".join(i.invoice_number for i in disputed)
            raise Unclear(
                f"{numbers} {'is' if len(disputed) == 1 else 'are'} disputed: no reminder while "
                "the dispute is open (resolve it first)."
            )
        return reminder_for(customer, invoices, today, requested_by, llm)
    raise Unclear(f"I can't propose {kind} yet.")
