"""The QuickBooks client's reads of payments (by customer and dates, of an invoice, by arbot's
id or ``QBO-<Id>``) and of credit memos as adjustments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks import payment_mapping
from integrations.erp.quickbooks.entity_fields import linked
from integrations.erp.quickbooks.queries import QuickBooksQueries
from integrations.erp.quickbooks.wire import quote
from integrations.erp.records import Adjustment, Payment


class QuickBooksPaymentReads(QuickBooksQueries):
    """Reads of one QuickBooks company's payments and credits; mixed into ``QuickBooksClient``."""

    def _payments(self, entities: Iterable[dict[str, Any]]) -> list[Payment]:
        rows = list(entities)
        context = self._context()
        self._resolve_invoices(
            (txn for e in rows for txn, _ in payment_mapping.payment_split(e)[0]), context
        )
        return [p for p in (payment_mapping.payment(e, context) for e in rows) if p is not None]

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        where = []
        if customer_id is not None:
            if not customer_id.isdigit():
                return []
            where.append(f"CustomerRef = {quote(customer_id)}")
        if since is not None:
            where.append(f"TxnDate >= {quote(since.isoformat())}")
        if until is not None:
            where.append(f"TxnDate <= {quote(until.isoformat())}")
        found = self._payments(self.query("Payment", where))
        found.sort(key=lambda p: (p.received_on, p.payment_id), reverse=True)
        return found[:limit] if limit is not None else found

    def _linked_payments(self, invoice: dict[str, Any]) -> list[dict[str, Any]]:
        return self._by_ids("Payment", linked(invoice, "Payment"))

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        invoice = self._invoice_entity(invoice_number)
        if invoice is None:
            return []
        number = m.invoice_number(invoice)
        found = [
            p
            for p in self._payments(self._linked_payments(invoice))
            if any(a.invoice_number == number for a in p.applications)
        ]
        return sorted(found, key=lambda p: (p.received_on, p.payment_id))

    def _payment_entity(self, payment_id: str) -> dict[str, Any] | None:
        """The QBO Payment arbot wrote under ``payment_id``, else the one ``QBO-<Id>`` names
        (unless arbot knows that one by another id)."""
        mapped = self.store.qbo_payment_id(self.realm_id, payment_id)
        if mapped is not None:
            return self.fetch("Payment", mapped)
        if not payment_id.upper().startswith(payment_mapping.PAYMENT_PREFIX):
            return None
        qbo_id = payment_id[len(payment_mapping.PAYMENT_PREFIX) :]
        if not qbo_id.isdigit() or qbo_id != str(int(qbo_id)):
            return None
        known_as = self.store.payment_ids(self.realm_id).get(qbo_id)
        if known_as is not None and known_as != payment_id:
            return None
        return self.fetch("Payment", qbo_id)

    def get_payment(self, payment_id: str) -> Payment | None:
        entity = self._payment_entity(payment_id)
        if entity is None:
            return None
        found = self._payments([entity])
        return found[0] if found else None

    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]:
        context = self._context()
        notes = self.store.adjustment_notes(self.realm_id)
        applied: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        if invoice_number is not None:
            invoice = self._invoice_entity(invoice_number)
            if invoice is None:
                return []
            inv_id = str(invoice["Id"])
            for payment in self._linked_payments(invoice):
                for memo, txn, value in payment_mapping.credit_applications(payment):
                    if txn == inv_id:
                        applied[memo].append((m.invoice_number(invoice), value))
            memos = self._by_ids("CreditMemo", list(applied))
            out = [
                a
                for memo in memos
                for a in payment_mapping.adjustments(
                    memo, applied[str(memo["Id"])], context, notes.get(str(memo["Id"]))
                )
                if a.invoice_number is not None
            ]
        else:
            where = []
            if customer_id is not None:
                if not customer_id.isdigit():
                    return []
                where.append(f"CustomerRef = {quote(customer_id)}")
            memos = self.query("CreditMemo", where)
            links = [
                link
                for payment in self.query("Payment", where)
                for link in payment_mapping.credit_applications(payment)
            ]
            self._resolve_invoices((txn for _, txn, _ in links), context)
            for memo, txn, value in links:
                applied[memo].append((context.invoice_numbers.get(txn, txn), value))
            out = [
                a
                for memo in memos
                for a in payment_mapping.adjustments(
                    memo, applied[str(memo["Id"])], context, notes.get(str(memo["Id"]))
                )
            ]
        return sorted(out, key=lambda a: (a.adjusted_on, a.adjustment_id, a.invoice_number or ""))
