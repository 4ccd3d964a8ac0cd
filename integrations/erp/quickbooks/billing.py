"""Billing writes on QuickBooks Online: invoices drafted by arbot and customers' payment terms
(the ``ErpClient`` operations ``create_invoice`` and ``set_payment_terms``), in the client's
idempotency frame: a ``requestid`` per request, a marker in the invoice's ``PrivateNote`` so a
write whose answer was lost is found before it is sent again."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from integrations.erp import rules
from integrations.erp.money import quantize
from integrations.erp.port import InvalidWrite
from integrations.erp.quickbooks.config import PRIVATE_NOTE_MAX, marker_for
from integrations.erp.quickbooks.entity_fields import Context, clean_memo, currency_of, ref
from integrations.erp.quickbooks.writes import Outcome, Progress
from integrations.erp.records import InvoiceDraft, InvoiceLine, WriteResult

if TYPE_CHECKING:
    from integrations.erp.quickbooks.client import QuickBooksClient


def term_for(
    client: QuickBooksClient, terms_days: int, discount_percent: Decimal, discount_days: int
) -> str:
    """The Id of the company's Term of that many days net with that early-payment discount
    (none: no discount); refused when the company has none."""
    days = rules.terms_days(terms_days)
    rules.discount(discount_percent, discount_days, days)
    matching = sorted(
        (int(term_id), term_id)
        for term_id, term in client.terms().items()
        if term.due_days == days
        and term.discount_percent == discount_percent
        and (term.discount_days == discount_days or not discount_percent)
    )
    if not matching:
        label = rules.terms_label(days, discount_percent, discount_days)
        raise InvalidWrite(f"QuickBooks has no {label} term: add it under Settings → Terms first")
    return matching[0][1]


def set_payment_terms(
    client: QuickBooksClient,
    customer_id: str,
    terms_days: int,
    idempotency_key: str,
    discount_percent: Decimal = Decimal("0"),
    discount_days: int = 0,
) -> WriteResult:
    """The customer's ``SalesTermRef``: the company's Term with those days and discount."""
    key = idempotency_key
    term_id = term_for(client, terms_days, discount_percent, discount_days)

    def find_done(progress: Progress) -> Outcome | None:
        current = client.fetch("Customer", customer_id) or {}
        if ref(current.get("SalesTermRef")) == term_id:
            return Outcome(f"Customer {customer_id}")
        return None

    def validate() -> None:
        client._customer_entity(customer_id)

    def send(_plan: None, progress: Progress) -> Outcome:
        client._update(
            "Customer",
            customer_id,
            key,
            "terms",
            lambda current: (
                None
                if ref(current.get("SalesTermRef")) == term_id
                else {"SalesTermRef": {"value": term_id}}
            ),
        )
        return Outcome(f"Customer {customer_id}")

    return client._idempotent(
        key, "set_payment_terms", find_done=find_done, validate=validate, send=send
    )


def _po_custom_field(client: QuickBooksClient, po_number: str | None) -> dict[str, Any]:
    """The PO number as the invoice's custom field (its DefinitionId as the company's
    invoices use it); nothing when the company has no such field."""
    wanted = client.config.po_field
    if not po_number or not wanted:
        return {}

    def load() -> str | None:
        if wanted.isdigit():
            return wanted
        for entity in client._run_query(
            "SELECT * FROM Invoice STARTPOSITION 1 MAXRESULTS 1", "the invoice fields"
        ).get("Invoice", []):
            for item in entity.get("CustomField") or []:
                if str(item.get("Name") or "").lower() == wanted.lower():
                    return str(item.get("DefinitionId"))
        return None

    definition = client.cached(client.po_definition, load)
    if definition is None:
        return {}
    field_value = {"DefinitionId": definition, "Type": "StringType", "StringValue": po_number}
    return {"CustomField": [field_value]}


def create_invoice(
    client: QuickBooksClient, draft: InvoiceDraft, idempotency_key: str
) -> WriteResult:
    """An ``Invoice`` (``DocNumber`` = the draft's number) with a line per draft line on
    the invoice item; QuickBooks computes tax (its automated sales tax) and the total."""
    key = idempotency_key
    marker = marker_for(client.realm_id, key)
    currency = draft.currency

    def find_done(progress: Progress) -> Outcome | None:
        known = progress.get("invoice")
        number = draft.invoice_number
        entity = client.fetch("Invoice", known) if known else client._invoice_entity(number)
        if entity is not None and marker in str(entity.get("PrivateNote") or ""):
            return Outcome(f"Invoice {entity['Id']}")
        return None

    def validate() -> str:
        customer = client._customer_entity(draft.customer_id)
        context = Context(home_currency=client.home_currency())
        rules.invoice_draft(draft, currency_of(customer, context))
        if client._invoice_entity(draft.invoice_number) is not None:
            raise InvalidWrite(f"invoice {draft.invoice_number} already exists")
        return client.item_id(
            client.config.invoice_item, client.invoice_item, "invoice lines", "QBO_INVOICE_ITEM"
        )

    def line(item: str, drafted: InvoiceLine) -> dict[str, Any]:
        """One item line: the order's own item when the line came from an estimate, else the
        invoice item; Qty × UnitPrice when they make the amount (QBO refuses otherwise, 6070),
        else one unit at the amount."""
        value = quantize(drafted.amount, currency)
        quantity, description = drafted.quantity, drafted.description
        detail: dict[str, Any] = {
            "ItemRef": {"value": drafted.item or item},
            "TaxCodeRef": {"value": "TAX" if drafted.taxable else "NON"},
        }
        price = drafted.unit_price
        if price is None:
            price = quantize(value / quantity, currency) if quantity > 0 else value
        if quantity > 0 and (price * quantity).quantize(Decimal("0.01")) == value:
            detail |= {"Qty": quantity, "UnitPrice": price}
        else:
            detail |= {"Qty": 1, "UnitPrice": value}
        return {
            "Amount": value,
            "Description": description[:4000],
            "DetailType": "SalesItemLineDetail",
            "SalesItemLineDetail": detail,
        }

    def send(item: str, progress: Progress) -> Outcome:
        note = f"arbot: {clean_memo(draft.memo or draft.source)}"
        body = {
            "CustomerRef": {"value": draft.customer_id},
            "DocNumber": draft.invoice_number,
            "TxnDate": draft.invoice_date.isoformat(),
            "DueDate": draft.due_date.isoformat(),
            "PrivateNote": note[: PRIVATE_NOTE_MAX - len(marker) - 1] + " " + marker,
            "Line": [line(item, drafted) for drafted in draft.lines],
            **_po_custom_field(client, draft.po_number),
            **client._currency_ref(currency),
        }
        created = client._create("Invoice", body, key, "invoice")
        progress.set("invoice", str(created["Id"]))
        return Outcome(f"Invoice {created['Id']}")

    return client._idempotent(
        key, "create_invoice", find_done=find_done, validate=validate, send=send
    )
