"""Invoices drafted by arbot and created once a person approves them.

A draft comes from a fulfilled sales order (``shipped``: QuickBooks' closed estimate, Intacct's
converted order) or from billable milestones and time entries (``graph.milestones``). It is a
``create_invoice`` proposal: lines, amounts, terms, due date, PO number — the ERP adds the tax
it computes when the invoice is created. The invoice number comes from the source (``INV-`` and
the order number), so the same order is never billed twice, whoever drafts it again.

Policy: a draft over the ``[auto] create_invoice`` amount, or for a new customer (no invoice
and no payment yet), always waits for a person — arbot never bills a first invoice alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from graph.approvals import ApprovalService, ProposalRejected
from graph.format import money
from graph.messages import Fact, Reply, Section
from graph.order_actions import CreateInvoice
from graph.policy import Identity
from graph.proposals import attach_proposals
from graph.requests import Unclear
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, SalesOrder
from integrations.store import Approval

if TYPE_CHECKING:
    from graph.reports import ReportContext
    from graph.understand import Request

MAX_NUMBER = 21  # QuickBooks' DocNumber; Intacct and the ledger take longer ones
FULFILLED = "shipped"


def invoice_number_for(source: str) -> str:
    """``INV-`` and the source's number, or a stable hash of it when that is too long."""
    number = f"INV-{source.strip().upper()}"
    if len(number) <= MAX_NUMBER:
        return number
    return "INV-" + hashlib.sha256(source.encode()).hexdigest()[:12].upper()


def is_new_customer(erp: ErpClient, customer_id: str) -> bool:
    """No invoice and no payment yet: nothing to judge how they pay by."""
    return not erp.invoices(customer_id, open_only=False) and not erp.payments(customer_id, limit=1)


def draft_from_order(order: SalesOrder, customer: Customer, *, today: date) -> CreateInvoice:
    """The order's lines (description, quantity, unit price, taxable, its item) and PO number,
    the customer's terms and the due date they give; the ERP adds the tax it computes. An order
    read without lines is billed as one line of its total."""
    lines: tuple[tuple[object, ...], ...] = tuple(
        (
            line.description,
            str(line.amount),
            str(line.quantity),
            line.taxable,
            str(line.unit_price),
            line.item,
        )
        for line in order.lines
    ) or ((f"Sales order {order.order_id} of {order.order_date}", str(order.amount), "1", False),)
    return CreateInvoice(
        customer_id=customer.customer_id,
        invoice_number=invoice_number_for(order.order_id),
        invoice_date=today.isoformat(),
        due_date=(today + timedelta(days=customer.terms_days)).isoformat(),
        invoice_currency=order.currency,
        terms_days=customer.terms_days,
        lines=lines,
        po_number=order.po_number,
        memo=f"sales order {order.order_id}",
        source=f"sales order {order.order_id}",
        source_order_id=order.order_id,
    )


@dataclass(frozen=True)
class Drafted:
    action: CreateInvoice
    approval: Approval | None
    new_customer: bool
    refused: str | None = None


class Billing:
    def __init__(self, approvals: ApprovalService, *, today: Callable[[], date]) -> None:
        self.approvals = approvals
        self.erp = approvals.erp
        self.today = today

    def propose(
        self,
        draft: CreateInvoice,
        *,
        requested_by: str,
        requester: Identity | None = None,
        own_evidence: bool = False,
    ) -> Drafted:
        """The draft as an approval; automatic only as the policy allows and never for a new
        customer."""
        new = is_new_customer(self.erp, draft.customer_id)
        origin = {
            "explanation": f"drafted from {draft.source}"
            + (" — a new customer: a person approves their first invoice" if new else ""),
            "new_customer": new,
        }
        try:
            approval = self.approvals.propose(
                draft,
                requested_by=requested_by,
                origin=origin,
                allow_auto=own_evidence and not new,
                requester=None if new else requester,
            )
        except ProposalRejected as rejected:
            return Drafted(draft, None, new, str(rejected))
        return Drafted(draft, approval, new)

    def order_draft(self, order: SalesOrder) -> CreateInvoice:
        customer = self.erp.get_customer(order.customer_id)
        if customer is None:
            raise LookupError(f"customer {order.customer_id} of {order.order_id} does not exist")
        return draft_from_order(order, customer, today=self.today())

    def order_fulfilled(self, order: SalesOrder) -> Drafted | None:
        """A fulfilled order from the ERP's changes: drafted once across replicas."""
        if order.status != FULFILLED:
            return None
        key = f"invoice-draft:{self.erp.name}:{order.order_id}:{order.amount}:{order.currency}"
        if not self.approvals.store.first_delivery(key):
            return None
        try:
            draft = self.order_draft(order)
        except LookupError:
            return None
        return self.propose(draft, requested_by="arbot (fulfilled order)", own_evidence=True)


def _line_text(line: tuple[object, ...], currency: str) -> str:
    """ "• Widgets, case of 12: 40 × $100.00 = $4,000.00 (taxable)"."""
    text, amount, quantity = str(line[0]), Decimal(str(line[1])), Decimal(str(line[2]))
    taxable = " (taxable)" if line[3] else ""
    if len(line) > 4 and line[4] is not None:
        price = money(Decimal(str(line[4])), currency)
        return f"• {text}: {quantity.normalize():f} × {price} = {money(amount, currency)}{taxable}"
    return f"• {text}: {money(amount, currency)}{taxable}"


def drafted_reply(drafts: list[Drafted], policy: object) -> Reply:
    """Each draft as a card: what would be billed, and Approve / Reject."""
    made = [d for d in drafts if d.approval is not None]
    sections = []
    for drafted in drafts:
        action = drafted.action
        facts = [
            Fact("Customer", action.customer_id),
            Fact("Invoice", action.invoice_number),
            Fact("Amount before tax", money(action.amount, action.currency)),
            Fact("Terms", f"Net {action.terms_days}, due {action.due_date}"),
        ]
        if action.po_number:
            facts.append(Fact("PO number", action.po_number))
        if drafted.new_customer:
            facts.append(Fact("New customer", "yes: a person approves the first invoice"))
        lines = "\n".join(_line_text(line, action.currency) for line in action.lines)
        title = f"Draft {action.invoice_number} ({action.source})"
        if drafted.refused:
            title += f" — not proposed: {drafted.refused}"
        sections.append(Section(title=title, text=lines, facts=tuple(facts)))
    if len(made) == 1:
        headline = f"Drafted: {made[0].action.summary()}."
    elif made:
        headline = f"Drafted {len(made)} invoices for approval."
    else:
        headline = "Nothing to invoice: " + "; ".join(d.refused or "" for d in drafts)
    reply = Reply(
        headline=headline,
        sections=sections,
        context=["Tax is computed by the ERP when the invoice is created."],
        intent="create_invoice",
        data={
            "drafts": [
                {
                    "invoice_number": d.action.invoice_number,
                    "customer_id": d.action.customer_id,
                    "amount": d.action.amount,
                    "currency": d.action.currency,
                    "due_date": d.action.due_date,
                    "terms_days": d.action.terms_days,
                    "po_number": d.action.po_number,
                    "lines": [
                        {
                            "description": line.description,
                            "quantity": line.quantity,
                            "unit_price": line.unit_price,
                            "amount": line.amount,
                            "taxable": line.taxable,
                        }
                        for line in d.action.draft().lines
                    ],
                    "new_customer": d.new_customer,
                    "approval_id": d.approval.approval_id if d.approval else None,
                    "refused": d.refused,
                }
                for d in drafts
            ]
        },
    )
    return attach_proposals(reply, [d.approval for d in made], policy)  # type: ignore[arg-type]


def create_invoice(context: ReportContext, request: Request) -> Reply:
    """ "create an invoice for SO-1001": the fulfilled order drafted as a card (the request
    names the change, so it is proposed however it was asked)."""
    approvals = context.approval_service()
    if approvals is None:
        raise Unclear("Invoices are drafted for approval, and approvals are not set up here.")
    wanted = set(request.order_refs)
    if not wanted:
        raise Unclear("Which sales order? e.g. “create an invoice for SO-1001”.")
    chosen = [o for o in context.erp.sales_orders() if o.order_id.upper() in wanted]
    if not chosen:
        raise Unclear(f"I can't find sales order {', '.join(request.order_refs)}.")
    order = chosen[0]
    if order.status != FULFILLED:
        return Reply(
            headline=f"{order.order_id} is {order.status.replace('_', ' ')}, not fulfilled: "
            "arbot drafts invoices from fulfilled (shipped or closed) orders.",
            intent="create_invoice",
            entities={"customer_id": order.customer_id, "order_id": order.order_id},
            data={"order_id": order.order_id, "status": order.status, "drafts": []},
        )
    billing = Billing(approvals, today=lambda: context.today)
    drafted = billing.propose(billing.order_draft(order), requested_by=context.requested_by)
    return drafted_reply([drafted], context.policy)
