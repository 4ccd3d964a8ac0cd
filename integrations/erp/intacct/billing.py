"""Invoices drafted by arbot, created in Sage Intacct (``ErpClient.create_invoice``).

An AR invoice is created with the ``create_invoice`` function (customer, dates, number, PO,
one line per draft line on the revenue GL account ``INTACCT_REVENUE_ACCOUNT``), under a control
id derived from the idempotency key and with a tag of the key in its description. Intacct
computes taxes where its tax engine is set up; arbot reads the invoice back as Intacct has it.
A repeated control id, or an answer lost on the way, is settled by reading the invoice with
that number and tag back: never a second invoice.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from integrations.erp import rules
from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.settings import IntacctConfigError
from integrations.erp.intacct.xmlapi import element
from integrations.erp.money import quantize
from integrations.erp.port import InvalidWrite
from integrations.erp.records import InvoiceDraft

if TYPE_CHECKING:
    from integrations.erp.intacct.client import IntacctClient

DESCRIPTION_MAX = 1000


def _tagged(client: IntacctClient, number: str, tag: str) -> bool | None:
    """True when the invoice ``number`` exists and carries the tag; False when it exists
    without it (someone else's invoice); None when there is none."""
    rows = client._rows("ARINVOICE", ("RECORDNO", "DESCRIPTION"), f"RECORDID = {m.q(number)}")
    if not rows:
        return None
    return any(f"(arbot {tag})" in (row.get("DESCRIPTION") or "") for row in rows)


def create_invoice(client: IntacctClient, draft: InvoiceDraft, key: str) -> tuple[str, bool]:
    """The invoice's number and whether it was there already (run inside the client's
    idempotency frame)."""
    tag = m.tag_for(key)
    number = draft.invoice_number
    found = _tagged(client, number, tag)
    if found:
        return number, True
    if found is False:
        raise InvalidWrite(f"invoice {number} already exists")
    customer = client._customer_row(draft.customer_id)
    rules.invoice_draft(draft, (customer.get("CURRENCY") or client._base).upper())
    account = client.settings.revenue_account
    if not account:
        raise IntacctConfigError(
            "set INTACCT_REVENUE_ACCOUNT (the GL account invoice lines are booked to) to "
            "create invoices in Intacct"
        )
    foreign = draft.currency.upper() != client._base
    memo = " ".join((draft.memo or draft.source).split())
    description = f"{memo} (arbot {tag})"[-DESCRIPTION_MAX:]

    def day(value: date) -> dict[str, int]:
        return {"year": value.year, "month": value.month, "day": value.day}

    body = element(
        "create_invoice",
        {
            "customerid": draft.customer_id,
            "datecreated": day(draft.invoice_date),
            "datedue": day(draft.due_date),
            "invoiceno": number,
            "ponumber": draft.po_number,
            "description": description,
            "basecurr": client._base if foreign else None,
            "currency": draft.currency if foreign else None,
            "invoiceitems": {
                "lineitem": [
                    {
                        "glaccountno": account,
                        "amount": str(quantize(line.amount, draft.currency)),
                        "memo": " ".join(line.description.split())[:1000],
                        "locationid": client.settings.entity_id,
                    }
                    for line in draft.lines
                ]
            },
        },
    )
    _, replayed = client._send(
        body,
        key,
        "invoice",
        from_result=lambda _r: number,
        find=lambda: number if _tagged(client, number, tag) else None,
    )
    return number, replayed
