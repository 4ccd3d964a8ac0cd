"""Sales orders' lines from Sage Intacct: a ``readByQuery`` of SODOCUMENT gives the headers
(with PONUMBER and the subtotal and total, so the tax), and a generic ``read`` of the same
records by RECORDNO — a hundred at a time — gives each one's ``SODOCUMENTENTRIES``, the way
Intacct returns order entry lines (``LINE_NO`` counts from 0 there)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from lxml import etree

from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.xmlapi import element, flatten
from integrations.erp.money import quantize
from integrations.erp.records import OrderLine

if TYPE_CHECKING:
    from integrations.erp.intacct.client import IntacctClient

ENTRY_FIELDS = "RECORDNO,DOCNO,SODOCUMENTENTRIES"


def _decimal(text: str | None) -> Decimal | None:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def entry_line(entry: dict[str, str], currency: str) -> OrderLine:
    """One ``sodocumententry``: the amounts in the transaction's currency (``TRX_VALUE``,
    ``TRX_PRICE``) where Intacct gives them, else the base ones (``UIVALUE``/``TOTAL``,
    ``UIPRICE``/``PRICE``)."""
    quantity = _decimal(entry.get("QUANTITY")) or _decimal(entry.get("UIQTY")) or Decimal(1)
    value = next(
        (v for k in ("TRX_VALUE", "UIVALUE", "TOTAL") if (v := _decimal(entry.get(k))) is not None),
        Decimal(0),
    )
    price = next(
        (v for k in ("TRX_PRICE", "UIPRICE", "PRICE") if (v := _decimal(entry.get(k))) is not None),
        None,
    )
    text = " ".join(
        (entry.get("MEMO") or entry.get("ITEMDESC") or entry.get("ITEMNAME") or "").split()
    )
    return OrderLine(
        description=text or entry.get("ITEMID") or "Item",
        quantity=quantity,
        unit_price=price if price is not None else value / quantity,
        amount=quantize(value, currency),
        taxable=m.flag(entry.get("TAXABLE")),
        item=(entry.get("ITEMID") or "").strip() or None,
    )


def lines_by_record(
    client: IntacctClient, rows: list[dict[str, str]]
) -> dict[str, tuple[OrderLine, ...]]:
    """RECORDNO → the order's lines, for the SODOCUMENT header rows given."""
    currency_of = {
        r["RECORDNO"]: (r.get("CURRENCY") or client._base).upper()
        for r in rows
        if (r.get("RECORDNO") or "").isdigit()
    }
    found: dict[str, tuple[OrderLine, ...]] = {}
    for chunk in m.chunks(sorted(currency_of, key=int)):
        body = element(
            "read",
            {
                "object": "SODOCUMENT",
                "keys": ",".join(chunk),
                "fields": ENTRY_FIELDS,
                "returnFormat": "xml",
                "docparid": client.settings.sales_order_type,
            },
        )
        result = client.gateway.read(body)
        for record in result.data if result.data is not None else []:
            if not isinstance(record.tag, str):
                continue
            key = (record.findtext("RECORDNO") or "").strip()
            if key not in currency_of:
                continue
            entries = record.find("SODOCUMENTENTRIES")
            found[key] = tuple(
                entry_line(flatten(entry), currency_of[key])
                for entry in (entries if entries is not None else [])
                if isinstance(entry, etree._Element) and isinstance(entry.tag, str)
            )
    return found
