"""The Intacct client's reads: customers, invoices, payments, adjustments and sales orders,
paged with ``readByQuery``/``readMore`` (see ``client.py``)."""

from __future__ import annotations

import threading
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from integrations.erp import rules
from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.gateway import XmlGateway
from integrations.erp.intacct.settings import IntacctSettings
from integrations.erp.intacct.state import IntacctState
from integrations.erp.port import NotFound
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    Application,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    invoice_number_key,
)


class IntacctReads:
    """Reads of one Intacct company; mixed into ``IntacctClient``."""

    settings: IntacctSettings
    gateway: XmlGateway
    state: IntacctState
    today: Callable[[], date]
    confirm_waits: tuple[float, ...]
    _stripes: dict[str, tuple[threading.Lock, ...]]

    # --- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _lock(self, kind: str, name: str) -> Iterator[None]:
        stripes = self._stripes[kind]
        with stripes[zlib.crc32(name.encode()) % len(stripes)]:
            yield

    def _rows(
        self, obj: str, fields: Sequence[str], query: str = "", **options: Any
    ) -> list[dict[str, str]]:
        return list(self.gateway.read_by_query(obj, fields, query, **options))

    @property
    def _base(self) -> str:
        return self.settings.base_currency.upper()

    # --- customers --------------------------------------------------------------------------
    def _customer_rows(self, query: str = "") -> list[dict[str, str]]:
        return self._rows("CUSTOMER", m.CUSTOMER_FIELDS, query)

    def _customer_row(self, customer_id: str) -> dict[str, str]:
        rows = self._customer_rows(f"CUSTOMERID = {m.q(customer_id)}")
        if not rows:
            raise NotFound(f"customer {customer_id} does not exist in Intacct")
        return rows[0]

    def list_customers(self) -> list[Customer]:
        customers = [m.customer(r, self._base) for r in self._customer_rows()]
        return sorted(customers, key=lambda c: c.customer_id)

    def get_customer(self, customer_id: str) -> Customer | None:
        rows = self._customer_rows(f"CUSTOMERID = {m.q(customer_id)}")
        return m.customer(rows[0], self._base) if rows else None

    # --- invoices ---------------------------------------------------------------------------
    def _invoice_rows(self, query: str) -> list[dict[str, str]]:
        return [r for r in self._rows("ARINVOICE", m.INVOICE_FIELDS, query) if m.is_invoice(r)]

    def _invoice_row(self, invoice_number: str) -> dict[str, str]:
        """The invoice as Intacct has it now (its RECORDNO may have changed since yesterday)."""
        rows = self._invoice_rows(f"RECORDID = {m.q(invoice_number)}")
        if not rows and invoice_number.isdigit():
            rows = [
                r
                for r in self._invoice_rows(f"RECORDNO = {int(invoice_number)}")
                if not r.get("RECORDID")
            ]
        if not rows:
            raise NotFound(f"invoice {invoice_number} does not exist in Intacct")
        return rows[0]

    def get_invoice(self, invoice_number: str) -> Invoice | None:
        try:
            return m.invoice(self._invoice_row(invoice_number), self._base)
        except NotFound:
            return None

    def find_invoices(self, reference: str) -> list[Invoice]:
        key = invoice_number_key(reference)
        if not key:
            return []
        runs = [run for run in "".join(c if c.isdigit() else " " for c in reference).split()]
        probe = (runs[-1].lstrip("0") or "0") if runs else reference.strip()
        rows = self._invoice_rows(f"RECORDID like {m.q('%' + probe + '%')}")
        found = [
            m.invoice(r, self._base) for r in rows if invoice_number_key(m.invoice_number(r)) == key
        ]
        return sorted(found, key=lambda i: i.invoice_number)

    def invoices_by_po(self, po_number: str) -> list[Invoice]:
        wanted = po_number.strip()
        if not wanted:
            return []
        spellings = sorted({wanted, wanted.upper(), wanted.lower()})
        rows = self._invoice_rows(f"DOCNUMBER in {m.q_in(spellings)}")
        found = [
            m.invoice(r, self._base)
            for r in rows
            if (r.get("DOCNUMBER") or "").upper() == wanted.upper()
        ]
        return sorted(found, key=lambda i: (i.invoice_date, i.invoice_number))

    def invoices(self, customer_id: str | None = None, *, open_only: bool = True) -> list[Invoice]:
        query = m.where(
            f"CUSTOMERID = {m.q(customer_id)}" if customer_id is not None else None,
            "TOTALDUE > 0" if open_only else None,
        )
        found = [m.invoice(r, self._base) for r in self._invoice_rows(query)]
        if open_only:
            found = [i for i in found if i.balance > 0]
        return sorted(found, key=lambda i: (i.due_date, i.invoice_number))

    def _invoice_numbers(self, record_keys: Iterable[str]) -> dict[str, dict[str, str]]:
        """Invoice rows by RECORDNO, for the keys that payment details point at."""
        keys = sorted({k for k in record_keys if k and k.isdigit()}, key=int)
        found: dict[str, dict[str, str]] = {}
        for chunk in m.chunks(keys):
            for row in self._rows(
                "ARINVOICE",
                ("RECORDNO", "RECORDID", "CUSTOMERID"),
                f"RECORDNO in {m.q_keys(chunk)}",
            ):
                found[row["RECORDNO"]] = row
        return found

    # --- payments ---------------------------------------------------------------------------
    def _details(self, field: str, keys: Iterable[str]) -> list[dict[str, str]]:
        wanted = sorted({k for k in keys if k and k.isdigit()}, key=int)
        rows: list[dict[str, str]] = []
        for chunk in m.chunks(wanted):
            rows += self._rows("ARPYMTDETAIL", m.DETAIL_FIELDS, f"{field} in {m.q_keys(chunk)}")
        return rows

    @staticmethod
    def _is_child(row: dict[str, str]) -> bool:
        """An ARPYMT that applies an earlier payment's unapplied cash (an applied overpayment)."""
        parent = (row.get("PARENTPAYMENTKEY") or "").strip()
        return (row.get("RECORDTYPE") or "").lower() == "ro" or (
            bool(parent) and parent != row.get("RECORDNO")
        )

    def _payments(self, rows: list[dict[str, str]]) -> list[Payment]:
        """Payments (with their applications) from ARPYMT rows. Rows that only apply credits
        (no cash) are left out; applied-overpayment rows count on their parent payment."""
        parents = {r["RECORDNO"]: r for r in rows if not self._is_child(r)}
        if not parents:
            return []
        children: list[dict[str, str]] = []
        for chunk in m.chunks(sorted(parents, key=int)):
            children += self._rows(
                "ARPYMT", m.PAYMENT_FIELDS, f"PARENTPAYMENTKEY in {m.q_keys(chunk)}"
            )
        children = [c for c in children if c.get("RECORDNO") not in parents]
        parent_of = {c["RECORDNO"]: c.get("PARENTPAYMENTKEY", "") for c in children}
        details = self._details("PAYMENTKEY", [*parents, *parent_of])
        invoices = self._invoice_numbers(d.get("RECORDKEY", "") for d in details)
        child_dates = {c["RECORDNO"]: m.parse_date(c.get("RECEIPTDATE")) for c in children}

        applied: dict[str, list[tuple[str, Decimal, date | None]]] = defaultdict(list)
        for d in details:
            invoice_row = invoices.get(d.get("RECORDKEY", ""))
            if invoice_row is None:
                continue
            number = m.invoice_number(invoice_row)
            payment_key = d.get("PAYMENTKEY", "")
            if payment_key in parents:
                cash = m.amount(d.get("TRX_PAYMENTAMOUNT"))
                when = m.parse_date(d.get("PAYMENTDATE"))
                if cash > 0:
                    applied[payment_key].append((number, cash, when))
            elif payment_key in parent_of:
                cash = m.amount(d.get("TRX_POSTEDOVERPAYMENTAMOUNT"))
                if cash > 0:
                    when = m.parse_date(d.get("PAYMENTDATE")) or child_dates.get(payment_key)
                    applied[parent_of[payment_key]].append((number, cash, when))

        payments = []
        for key, row in parents.items():
            currency = (row.get("CURRENCY") or self._base).upper()
            total = m.first_amount(row, ("TRX_TOTALENTERED", "TOTALENTERED"), currency)
            if total <= 0:
                continue
            reference, _tag, payer = m.split_payment_description(row.get("DESCRIPTION"))
            payment_id = row.get("DOCNUMBER") or key
            received = m.parse_date(row.get("RECEIPTDATE")) or date.today()
            customer_id = row.get("CUSTOMERID") or payer or ""
            if not customer_id and applied[key]:
                owners = {m.invoice_number(r): r.get("CUSTOMERID", "") for r in invoices.values()}
                customer_id = owners.get(applied[key][0][0], "")
            payments.append(
                Payment(
                    payment_id=payment_id,
                    customer_id=customer_id,
                    received_on=received,
                    amount=total,
                    currency=currency,
                    method=m.method_from_intacct(row.get("PAYMENTMETHOD")),
                    reference=reference or row.get("DOCNUMBER") or "",
                    applications=tuple(
                        Application(payment_id, number, cash, when or received)
                        for number, cash, when in applied[key]
                    ),
                )
            )
        return payments

    def payments(
        self,
        customer_id: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[Payment]:
        # A payment arbot recorded for invoices of several customers has no CUSTOMERID: its
        # payer is named in its DESCRIPTION.
        mine = (
            f"(CUSTOMERID = {m.q(customer_id)} or DESCRIPTION like "
            f"{m.q('% payer ' + customer_id + ')%')})"
            if customer_id is not None
            else None
        )
        query = m.where(
            mine,
            f"RECEIPTDATE >= {m.q_date(since)}" if since else None,
            f"RECEIPTDATE <= {m.q_date(until)}" if until else None,
        )
        found = self._payments(self._rows("ARPYMT", m.PAYMENT_FIELDS, query))
        if customer_id is not None:
            found = [p for p in found if p.customer_id == customer_id]
        found.sort(key=lambda p: (p.received_on, p.payment_id), reverse=True)
        return found[:limit] if limit is not None else found

    def _payment_rows(self, payment_id: str) -> list[dict[str, str]]:
        rows = [
            r
            for r in self._rows("ARPYMT", m.PAYMENT_FIELDS, f"DOCNUMBER = {m.q(payment_id)}")
            if not self._is_child(r)
        ]
        if not rows and payment_id.isdigit():
            rows = [
                r
                for r in self._rows("ARPYMT", m.PAYMENT_FIELDS, f"RECORDNO = {int(payment_id)}")
                if not self._is_child(r) and not r.get("DOCNUMBER")
            ]
        return rows

    def _find_payment(self, payment_id: str) -> tuple[dict[str, str], Payment] | None:
        for row in self._payment_rows(payment_id):
            found = self._payments([row])
            if found:
                return row, found[0]
        return None

    def get_payment(self, payment_id: str) -> Payment | None:
        found = self._find_payment(payment_id)
        return found[1] if found else None

    def payments_for_invoice(self, invoice_number: str) -> list[Payment]:
        keys = [
            r["RECORDNO"]
            for r in self._invoice_rows(f"RECORDID = {m.q(invoice_number)}")
            if r.get("RECORDNO")
        ]
        payment_keys = {d.get("PAYMENTKEY", "") for d in self._details("RECORDKEY", keys)}
        rows: dict[str, dict[str, str]] = {}
        for chunk in m.chunks(sorted((k for k in payment_keys if k.isdigit()), key=int)):
            for row in self._rows("ARPYMT", m.PAYMENT_FIELDS, f"RECORDNO in {m.q_keys(chunk)}"):
                rows[row["RECORDNO"]] = row
        parents = {r.get("PARENTPAYMENTKEY", "") for r in rows.values() if self._is_child(r)} - set(
            rows
        )
        for chunk in m.chunks(sorted((k for k in parents if k.isdigit()), key=int)):
            for row in self._rows("ARPYMT", m.PAYMENT_FIELDS, f"RECORDNO in {m.q_keys(chunk)}"):
                rows[row["RECORDNO"]] = row
        found = [
            p
            for p in self._payments(list(rows.values()))
            if any(a.invoice_number == invoice_number for a in p.applications)
        ]
        return sorted(found, key=lambda p: (p.received_on, p.payment_id))

    # --- adjustments ------------------------------------------------------------------------
    def adjustments(
        self, customer_id: str | None = None, *, invoice_number: str | None = None
    ) -> list[Adjustment]:
        query = f"CUSTOMERID = {m.q(customer_id)}" if customer_id is not None else ""
        rows = [r for r in self._rows("ARADJUSTMENT", m.ADJUSTMENT_FIELDS, query) if m.is_credit(r)]
        applied_to: dict[str, str] = {}
        unknown = [r["RECORDNO"] for r in rows if not r.get("DOCNUMBER")]
        if unknown:
            details = self._details("ADJUSTMENTKEY", unknown)
            numbers = self._invoice_numbers(d.get("RECORDKEY", "") for d in details)
            for d in details:
                if (row := numbers.get(d.get("RECORDKEY", ""))) is not None:
                    applied_to[d.get("ADJUSTMENTKEY", "")] = m.invoice_number(row)
        found = [
            m.adjustment(r, r.get("DOCNUMBER") or applied_to.get(r["RECORDNO"]), self._base)
            for r in rows
        ]
        if invoice_number is not None:
            found = [a for a in found if a.invoice_number == invoice_number]
        return sorted(found, key=lambda a: (a.adjusted_on, a.adjustment_id))

    # --- sales orders -----------------------------------------------------------------------
    def _order_rows(self, query: str = "") -> list[dict[str, str]]:
        return self._rows(
            "SODOCUMENT", m.ORDER_FIELDS, query, docparid=self.settings.sales_order_type
        )

    def _orders(self, rows: list[dict[str, str]]) -> list[SalesOrder]:
        held = {
            r.get("CUSTOMERID", "")
            for r in self._rows("CUSTOMER", ("CUSTOMERID",), "ONHOLD = 'true'")
        }
        decided = self.state.order_statuses()
        from integrations.erp.intacct.orders import lines_by_record

        lines = lines_by_record(self, rows) if rows else {}
        orders = []
        for row in rows:
            status = m.order_status(row.get("STATE"))
            order = m.sales_order(row, status, self._base, lines.get(row.get("RECORDNO", ""), ()))
            if status == "pending":
                if order.order_id in decided:
                    status = decided[order.order_id]
                elif order.customer_id in held:
                    status = "on_hold"
            orders.append(replace(order, status=status))
        return orders

    def sales_orders(
        self, customer_id: str | None = None, *, status: str | None = None
    ) -> list[SalesOrder]:
        query = f"CUSTVENDID = {m.q(customer_id)}" if customer_id is not None else ""
        orders = self._orders(self._order_rows(query))
        if status is not None:
            orders = [o for o in orders if o.status == status]
        return sorted(orders, key=lambda o: (o.order_date, o.order_id))

    # --- what Intacct does not have ---------------------------------------------------------
    def promises(self, customer_id: str | None = None) -> list[PromiseToPay]:
        """Intacct has no promise-to-pay object; none are recorded there."""
        return []

    def notes(self, customer_id: str | None = None) -> list[Note]:
        return self.state.notes(customer_id)

    def aging(self, as_of: date, customer_id: str | None = None) -> list[AgingRow]:
        return rules.aging_rows(self.invoices(customer_id, open_only=True), as_of)
