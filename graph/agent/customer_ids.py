"""Customer ids written in a request, read one way for questions and change requests alike.

A token written like a customer's id (``graph.understand_refs.customer_id``: "HW-100", "MT-300",
"C00004") that is no invoice of this ledger but a customer's id names that customer: in a
question ("MT-300 past due", "balance of HW-100") the words are read again around the customer's
name; in a change request ("note for HW-100: called AP", "send PK-201 a reminder") it is the
customer the change is for, not an invoice. The parser reads the shape; whether the ledger has
such a customer, and no such invoice, is said here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from graph.agent.resolution import EntityResolver
from graph.understand import Request, parse
from graph.understand_refs import customer_id
from integrations.erp.records import Customer


def _customer(resolver: EntityResolver, ref: str) -> Customer | None:
    """The customer ``ref`` is the id of, when it is written like one and is no invoice."""
    found_id = customer_id(ref)
    if found_id is None or resolver.find_invoices(ref):
        return None
    return resolver.erp.get_customer(found_id)


def with_customer_ids(
    resolver: EntityResolver, request: Request, text: str, today: date
) -> Request:
    action = request.action
    if action is not None:
        if action.customer_text is not None or not action.invoice_refs:
            return request
        named = [(ref, c) for ref in action.invoice_refs if (c := _customer(resolver, ref))]
        if not named:
            return request
        ref, customer = named[0]
        rest = tuple(r for r in action.invoice_refs if r != ref)
        return replace(
            request,
            action=replace(action, customer_text=customer.customer_id, invoice_refs=rest),
        )
    if request.intent != "invoice_status" or request.po_refs or len(request.invoice_refs) != 1:
        return request
    ref = request.invoice_refs[0]
    customer = _customer(resolver, ref)
    if customer is None:
        return request
    again = parse(re.sub(re.escape(ref), f" {customer.name} ", text, flags=re.IGNORECASE), today)
    if again.invoice_refs or again.customer_text is None:
        return request
    return again
