"""From a collector's change request (``graph.understand_collector``) to a typed Action:
open or resolve a dispute, record a promise to pay, send a statement. What the text leaves open
becomes a question (``Unclear``), never a guess."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from graph.action_base import Action
from graph.ar.deductions import find_deductions
from graph.disputes import OpenDispute, ResolveDispute
from graph.messages import Reply, Turn
from graph.policy import Identity
from graph.promises import RecordPromise
from graph.proposals import attach_proposals, proposal_reply
from graph.requests_batch import PAST_DUE, batch_headline, statement_batch
from graph.statements import send_statement_action
from graph.understand_actions import ActionRequest
from integrations.erp.money import quantize
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Invoice
from integrations.store.collector import CollectorStore

KINDS = ("open_dispute", "resolve_dispute", "record_promise", "send_statement")
_WHICH_DISPUTED = (
    "Which invoice is disputed? For example: “INV-10183 is disputed: price per PO was 12.40”."
)
_WHICH_RESOLVED = (
    "Which invoice's dispute was resolved? For example: “the dispute on INV-10183 is resolved by"
    " a credit memo”."
)


def _invoice(
    erp: ErpClient, refs: tuple[str, ...], unclear: type[Exception], which: str
) -> Invoice:
    if not refs:
        raise unclear(which)  # the request named no invoice: ask, never guess one
    ref = refs[0]
    found = erp.find_invoices(ref) or erp.invoices_by_po(ref)
    if not found:
        raise unclear(f"I can't find an invoice matching {ref}.")
    if len(found) > 1:
        numbers = ", ".join(i.invoice_number for i in found[:5])
        raise unclear(f"{ref} matches several invoices ({numbers}); which one?")
    return found[0]


def _deduction_on(erp: ErpClient, invoice: Invoice, today: date) -> tuple[Decimal, str] | None:
    """The short-pay's deduction on an invoice (amount, reason), when a payment left one."""
    customer = erp.get_customer(invoice.customer_id)
    found = find_deductions(
        [customer] if customer else [],
        [invoice],
        erp.payments_for_invoice(invoice.invoice_number),
        erp.adjustments(invoice_number=invoice.invoice_number),
        today,
        tolerance=Decimal("0"),
    )
    return (found[0].amount, found[0].reason_code) if found else None


def build(
    erp: ErpClient,
    request: ActionRequest,
    customer_of: Callable[[str], Customer],
    *,
    requested_by: str,
    today: date,
    store: CollectorStore | None,
    unclear: type[Exception],
) -> list[Action]:
    kind = request.kind
    if kind == "open_dispute":
        invoice = _invoice(erp, request.invoice_refs, unclear, _WHICH_DISPUTED)
        customer = erp.get_customer(invoice.customer_id)
        reason = request.reason_code
        amount = quantize(request.amount, invoice.currency) if request.amount else invoice.balance
        source = "chat"
        if not request.on_hold:  # opened from a short-pay
            deduction = _deduction_on(erp, invoice, today)
            if deduction is None:
                raise unclear(f"{invoice.invoice_number} has no short-pay to dispute.")
            source = "short_pay"
            amount = request.amount or deduction[0]
            reason = reason or (deduction[1] if deduction[1] != "unknown" else None)
        return [
            OpenDispute(
                customer_id=invoice.customer_id,
                invoice_number=invoice.invoice_number,
                reason_code=reason or "other",
                dispute_amount=str(amount),
                dispute_currency=invoice.currency,
                description=request.text or "",
                owner=(customer.collector if customer and customer.collector else requested_by),
                source=source,
                opened_on=today.isoformat(),
            )
        ]
    if kind == "resolve_dispute":
        if store is None:
            raise unclear("Disputes are kept in arbot's store, which is not set up here.")
        if request.text:
            dispute = store.dispute(request.text)
            if dispute is None:
                raise unclear(f"I can't find dispute {request.text}.")
        else:
            invoice = _invoice(erp, request.invoice_refs, unclear, _WHICH_RESOLVED)
            found = store.disputes(invoice_numbers=[invoice.invoice_number], status="open")
            if not found:
                raise unclear(f"{invoice.invoice_number} has no open dispute.")
            dispute = found[-1]
        if request.reason_code is None:
            raise unclear(
                f"How was {dispute.dispute_id} resolved: paid, credit memo, write-off or rejected?"
            )
        adjustment = None
        if request.reason_code in ("credit_memo", "write_off"):
            adjustment = str(
                quantize(request.amount, dispute.currency) if request.amount else dispute.amount
            )
        return [
            ResolveDispute(
                customer_id=dispute.customer_id,
                dispute_id=dispute.dispute_id,
                invoice_number=dispute.invoice_number,
                resolution=request.reason_code,
                adjustment=adjustment,
                adjustment_currency=dispute.currency,
                reason_code=dispute.reason_code,
                note=f"requested by {requested_by}",
            )
        ]
    if kind == "record_promise":
        if not request.customer_text:
            raise unclear("Who promised? For example: “Globex promised 5,000 by Friday”.")
        customer = customer_of(request.customer_text)
        if request.due is None:
            raise unclear(f"By which day did {customer.name} promise to pay?")
        invoice = _invoice(erp, request.invoice_refs, unclear, "") if request.invoice_refs else None
        owed_in = invoice.currency if invoice else customer.currency
        if request.currency and request.currency != owed_in:
            raise unclear(  # an amount is never converted
                f"{customer.name} owes in {owed_in}, and you wrote {request.currency}: say the "
                f"promised amount in {owed_in}."
            )
        if request.amount:
            amount = quantize(request.amount, customer.currency)
        elif invoice is not None:
            amount = invoice.balance
        else:
            past_due = [
                i
                for i in erp.invoices(customer.customer_id)
                if i.due_date < today and i.currency == customer.currency
            ]
            amount = sum((i.balance for i in past_due), Decimal("0.00"))
            if amount <= 0:
                raise unclear(f"How much did {customer.name} promise to pay?")
        return [
            RecordPromise(
                customer_id=customer.customer_id,
                promise_amount=str(amount),
                promise_currency=invoice.currency if invoice else customer.currency,
                promised_on=request.due.isoformat(),
                invoice_number=invoice.invoice_number if invoice else None,
                captured_on=today.isoformat(),
                captured_by=requested_by,
                source="email" if request.reason_code == "email" else "chat",
                said=(request.text or "")[:500],
            )
        ]
    if kind == "send_statement":
        if request.customer_text:
            customer = customer_of(request.customer_text)
            if not customer.email:
                raise unclear(f"{customer.name} has no e-mail address to send a statement to.")
            return [send_statement_action(erp, customer, today, requested_by)]
        if request.amount is None:
            raise unclear("Whose statement? For example: “send Globex a statement”.")
        past_due = request.reason_code == PAST_DUE
        return statement_batch(erp, request.amount, today, requested_by, unclear, past_due=past_due)
    raise unclear(f"I can't propose {kind} yet.")


def propose(agent: Any, request: ActionRequest, turn: Turn, requested_by: str) -> Reply:
    """Build the request's actions, propose each through the approval service, and show them
    as cards (a batch of statements is one message with a card per customer)."""
    from graph.approvals import ProposalRejected
    from graph.requests import Unclear

    store = agent.approvals.store
    try:
        actions = build(
            agent.erp,
            request,
            agent.resolver.customer_or_ask,
            requested_by=requested_by,
            today=agent.today(),
            store=store,
            unclear=Unclear,
        )
    except Unclear as unclear:
        return Reply(headline=str(unclear), intent="action_request")
    identity = Identity(turn.surface, turn.user_id, turn.email)
    origin = {"surface": turn.surface, "conversation_id": turn.conversation_id}
    proposed, refused = [], []
    for action in actions:
        try:
            proposed.append(
                agent.approvals.propose(
                    action, requested_by=requested_by, requester=identity, origin=origin
                )
            )
        except ProposalRejected as rejected:
            refused.append(f"{action.customer_id}: " + "; ".join(rejected.problems))
    if len(actions) == 1 and proposed:
        return proposal_reply(
            proposed[0], body=actions[0].payload().get("body"), policy=agent.approvals.policy
        )
    if not proposed:
        return Reply(
            headline="I can't propose that: " + "; ".join(refused) + ".",
            intent="action_request",
        )
    reply = Reply(
        headline=batch_headline(len(proposed), request.reason_code == PAST_DUE),
        context=[f"Not proposed: {r}" for r in refused],
        intent="action_request",
    )
    return attach_proposals(reply, proposed, agent.approvals.policy)
