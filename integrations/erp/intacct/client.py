"""``ErpClient`` over Sage Intacct's XML Web Services: the same semantics as the local ledger.

Reads map CUSTOMER, ARINVOICE, ARPYMT (+ ARPYMTDETAIL), ARADJUSTMENT and SODOCUMENT rows to
arbot's records, paging with ``readByQuery``/``readMore`` to the end. Invoices are always looked
up by their number (``RECORDID``) at the moment they are needed: Intacct deletes and recreates
an AR invoice (new ``RECORDNO``) when its Order Entry transaction is edited.

Writes are idempotent twice over. arbot's journal (in its own database) answers a repeated
idempotency key without calling Intacct. Each write is sent with ``uniqueid=true`` and a
function control id derived from the key, and carries a tag of the key in the record itself,
so a write whose answer was lost (timeout, HTTP 524, a crash) is found and never repeated:
Intacct refuses the repeated control id, and the record is read back (``replayed=True``).

Where Intacct has no such object, arbot keeps it: notes live in arbot's store and are also
appended to the customer's COMMENTS; a sales order's hold/release goes through the customer's
``ONHOLD`` (Intacct's approval states are driven by its own workflow), and arbot remembers its
decision for the order.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from integrations.erp import rules
from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.changes import ChangeSet, poll_changes
from integrations.erp.intacct.gateway import OutcomeUnknown, RetryPolicy, XmlGateway
from integrations.erp.intacct.settings import IntacctConfigError, IntacctSettings
from integrations.erp.intacct.state import IntacctState
from integrations.erp.intacct.transport import HttpxTransport, Transport
from integrations.erp.intacct.xmlapi import DuplicateControlId, IntacctError, Result, element
from integrations.erp.money import ZERO
from integrations.erp.port import Change, InvalidWrite, NotFound
from integrations.erp.records import (
    Adjustment,
    AgingRow,
    Application,
    ApplicationRequest,
    Customer,
    Invoice,
    InvoiceDraft,
    NewPayment,
    Note,
    Payment,
    PromiseToPay,
    SalesOrder,
    WriteResult,
    invoice_number_key,
    may_pay_for,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

# How long to look for a write whose answer was lost (HTTP 524) before giving up (seconds).
CONFIRM_WAITS = (2.0, 5.0, 10.0, 20.0)


def adjustment_id_for(idempotency_key: str) -> str:
    """The adjustment number of a write-off (the same rule as the local ledger)."""
    return "ADJ-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:10].upper()


def default_database_url() -> str:
    home = Path(os.environ.get("ARBOT_HOME") or Path.home() / ".arbot").expanduser()
    return os.environ.get("ARBOT_DATABASE_URL") or f"sqlite:///{home / 'arbot.db'}"


class IntacctClient:
    """``ErpClient`` for Sage Intacct. Thread-safe: share one per company and process."""

    name = "intacct"

    def __init__(
        self,
        settings: IntacctSettings,
        *,
        transport: Transport | None = None,
        database_url: str | None = None,
        state: IntacctState | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
        today: Callable[[], date] = date.today,
        confirm_waits: Sequence[float] = CONFIRM_WAITS,
    ) -> None:
        self.settings = settings
        self.gateway = XmlGateway(
            settings, transport or HttpxTransport(), retry=retry or RetryPolicy(), sleep=sleep
        )
        if state is None:
            if not database_url:
                raise IntacctConfigError(
                    "the Intacct client keeps its journal and notes in arbot's database: "
                    "pass database_url (ARBOT_DATABASE_URL)"
                )
            state = IntacctState.open(database_url)
        self.state = state
        self.today = today
        self.confirm_waits = tuple(confirm_waits)
        # Striped locks (a bounded set, however many keys pass through a long-running process):
        # one set for idempotency keys, another for customers' COMMENTS.
        self._stripes = {
            kind: tuple(threading.Lock() for _ in range(64)) for kind in ("key", "comments")
        }

    @classmethod
    def from_env(
        cls,
        *,
        database_url: str | None = None,
        transport: Transport | None = None,
        **options: Any,
    ) -> IntacctClient:
        """Settings from ``INTACCT_*``; arbot's state in ``database_url`` (default
        ``ARBOT_DATABASE_URL``, else the SQLite file under ``ARBOT_HOME``)."""
        settings = IntacctSettings.from_env()
        return cls(
            settings,
            transport=transport,
            database_url=database_url or default_database_url(),
            **options,
        )

    def close(self) -> None:
        self.gateway.close()
        self.state.close()

    def __repr__(self) -> str:
        return f"IntacctClient({self.settings!r})"

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

    # --- writes: the common path ------------------------------------------------------------
    def _idempotent(
        self, key: str, action: str, run: Callable[[], tuple[str, bool]]
    ) -> WriteResult:
        rules.require_key(key)
        with self._lock("key", key):
            if (reference := self.state.done_reference(key)) is not None:
                return WriteResult(reference, key, replayed=True)
            self.state.begin(key, action)
            reference, replayed = run()
            self.state.finish(key, reference)
            return WriteResult(reference, key, replayed)

    def _send(
        self,
        body: Any,
        key: str,
        step: str,
        *,
        from_result: Callable[[Result], T],
        find: Callable[[], T | None],
        assume_done: T | None = None,
    ) -> tuple[T, bool]:
        """Send one write step; (its value, whether it had been applied before).

        A refused repeat of the control id means an earlier attempt was applied: the record is
        read back with ``find``. A lost answer (HTTP 524) is never resent: ``find`` is polled
        for a while, and if nothing shows up the caller is told to try again later (the same
        key never writes twice)."""
        control_id = m.control_id_for(key, step)
        try:
            return from_result(self.gateway.write(body, control_id)), False
        except DuplicateControlId as duplicate:
            found = find()
            if found is None:
                found = assume_done
            if found is None:
                raise IntacctError(
                    "Intacct says this write was already applied, but arbot cannot find it; "
                    "check it in Intacct before trying again",
                    duplicate.errors,
                    level="function",
                    control_id=control_id,
                ) from duplicate
            log.info("Intacct already had write %s (%s): read back", control_id, step)
            return found, True
        except OutcomeUnknown as lost:
            for wait in (0.0, *self.confirm_waits):
                self.gateway.sleep(wait)
                if (found := find()) is not None:
                    return found, True
            raise IntacctError(
                f"{lost}. It has not shown up in Intacct yet: try again later (the retry "
                "carries the same key and never writes twice)",
                level="http",
                http_status=524,
                control_id=control_id,
            ) from lost

    def _funds(self) -> dict[str, str]:
        s = self.settings
        if s.bank_account_id:
            return {"FINANCIALENTITY": s.bank_account_id}
        if s.undeposited_account:
            return {"UNDEPOSITEDACCOUNTNO": s.undeposited_account}
        raise IntacctConfigError(
            "set INTACCT_BANK_ACCOUNT_ID (the checking account payments are deposited to) or "
            "INTACCT_UNDEPOSITED_ACCOUNT (the undeposited funds GL account) to record payments"
        )

    def _payment_by_tag(self, tag: str) -> str | None:
        rows = self._rows(
            "ARPYMT", ("RECORDNO", "DESCRIPTION"), f"DESCRIPTION like {m.q('%(arbot ' + tag + '%')}"
        )
        for row in rows:
            if m.split_payment_description(row.get("DESCRIPTION"))[1] == tag:
                return row["RECORDNO"]
        return None

    def _related(self, payer: dict[str, str], owner_id: str) -> bool:
        payer_id = payer.get("CUSTOMERID", "")
        if payer_id == owner_id:
            return True
        owner = self._customer_row(owner_id)
        return may_pay_for(
            payer_id, payer.get("PARENTID") or None, owner_id, owner.get("PARENTID") or None
        )

    # --- writes -----------------------------------------------------------------------------
    def apply_payment(
        self,
        payment: NewPayment,
        applications: Sequence[ApplicationRequest],
        *,
        idempotency_key: str,
    ) -> WriteResult:
        amount = rules.positive_payment(payment.payment_id, payment.amount, payment.currency)
        wanted: dict[str, Decimal] = {}
        for request in applications:
            applied = rules.positive_application(
                request.invoice_number, request.amount, payment.currency
            )
            wanted[request.invoice_number] = wanted.get(request.invoice_number, ZERO) + applied
        if not wanted:
            raise InvalidWrite(
                f"payment {payment.payment_id}: Intacct records a payment together with the "
                "invoices it pays; name at least one"
            )

        def run() -> tuple[str, bool]:
            tag = m.tag_for(idempotency_key)
            if self._payment_by_tag(tag) is not None:
                return payment.payment_id, True
            payer = self._customer_row(payment.customer_id)
            targets: list[tuple[dict[str, str], Decimal]] = []
            owners: set[str] = set()
            for number, applied in wanted.items():
                row = self._invoice_row(number)
                invoice = m.invoice(row, self._base)
                rules.payment_currency_matches(number, invoice.currency, payment.currency)
                rules.payer_may_pay(
                    number,
                    invoice.customer_id,
                    payment.customer_id,
                    self._related(payer, invoice.customer_id),
                )
                rules.within_balance(number, invoice.balance, invoice.currency, applied)
                targets.append((row, applied))
                owners.add(invoice.customer_id)
            total = sum((a for _, a in targets), ZERO)
            existing = self._find_payment(payment.payment_id)
            received = m.mmddyyyy(payment.received_on)
            header: dict[str, Any] = {
                **self._funds(),
                "PAYMENTMETHOD": m.method_to_intacct(payment.method),
            }
            if existing is None:
                rules.enough_unapplied(payment.payment_id, amount, total)
                single = owners == {payment.customer_id}
                rest = amount - total
                body = element(
                    "create",
                    {
                        "ARPYMT": {
                            **header,
                            "CUSTOMERID": payment.customer_id if single else None,
                            "PAYERNAME": None if single else payer.get("NAME"),
                            "DOCNUMBER": payment.payment_id,
                            "DESCRIPTION": m.payment_description(
                                payment.reference, tag, None if single else payment.customer_id
                            ),
                            "RECEIPTDATE": received,
                            "PAYMENTDATE": received,
                            "CURRENCY": payment.currency,
                            "OVERPAYMENTAMOUNT": str(rest) if rest > 0 else None,
                            "OVERPAYMENTLOCATIONID": (
                                self.settings.entity_id if rest > 0 else None
                            ),
                            "ARPYMTDETAILS": {
                                "ARPYMTDETAIL": [
                                    {"RECORDKEY": row["RECORDNO"], "TRX_PAYMENTAMOUNT": str(a)}
                                    for row, a in targets
                                ]
                            },
                        }
                    },
                )
            else:
                row, recorded = existing
                rules.same_payment(
                    payment.payment_id,
                    (recorded.customer_id, recorded.amount, recorded.currency),
                    (payment.customer_id, amount, payment.currency),
                )
                rules.enough_unapplied(payment.payment_id, recorded.unapplied, total)
                body = element(
                    "create",
                    {
                        "ARPYMT": {
                            **header,
                            "CUSTOMERID": payment.customer_id,
                            "DOCNUMBER": payment.payment_id,
                            "DESCRIPTION": m.payment_description(payment.reference, tag),
                            "RECEIPTDATE": m.mmddyyyy(self.today()),
                            "PAYMENTDATE": m.mmddyyyy(self.today()),
                            "CURRENCY": payment.currency,
                            "ARPYMTDETAILS": {
                                "ARPYMTDETAIL": [
                                    {
                                        "RECORDKEY": inv["RECORDNO"],
                                        "OVERPAYMENTKEY": row["RECORDNO"],
                                        "TRX_POSTEDOVERPAYMENTAMOUNT": str(a),
                                    }
                                    for inv, a in targets
                                ]
                            },
                        }
                    },
                )
            _, replayed = self._send(
                body,
                idempotency_key,
                "payment",
                from_result=lambda _r: payment.payment_id,
                find=lambda: payment.payment_id if self._payment_by_tag(tag) else None,
            )
            return payment.payment_id, replayed

        return self._idempotent(idempotency_key, "apply_payment", run)

    def _adjustment_key(self, adjustment_id: str) -> str | None:
        rows = self._rows("ARADJUSTMENT", ("RECORDNO",), f"RECORDID = {m.q(adjustment_id)}")
        return rows[0]["RECORDNO"] if rows else None

    def _credit_applied(self, adjustment_key: str) -> bool:
        return any(
            m.amount(d.get("TRX_ADJUSTMENTAMOUNT")) > 0
            for d in self._details("ADJUSTMENTKEY", [adjustment_key])
        )

    def create_adjustment(
        self,
        *,
        customer_id: str,
        invoice_number: str | None,
        amount: Decimal,
        currency: str,
        kind: str,
        reason_code: str | None,
        memo: str,
        idempotency_key: str,
    ) -> WriteResult:
        """A credit memo (``create_aradjustment`` with a negative line on the write-off GL
        account), applied to the invoice with an ARPYMT detail (``ADJUSTMENTKEY``)."""
        value = rules.positive_adjustment(amount, currency)
        adjustment_id = adjustment_id_for(idempotency_key)

        def run() -> tuple[str, bool]:
            account = self.settings.writeoff_account
            if not account:
                raise IntacctConfigError(
                    "set INTACCT_WRITEOFF_ACCOUNT (the GL account that takes deduction "
                    "write-offs) to write adjustments to Intacct"
                )
            customer = self._customer_row(customer_id)
            invoice_row = self._invoice_row(invoice_number) if invoice_number else None
            adjustment_key = self._adjustment_key(adjustment_id)
            created_before = adjustment_key is not None
            if invoice_row is not None and not created_before:
                invoice = m.invoice(invoice_row, self._base)
                rules.adjustment_fits_invoice(invoice, customer_id, currency, value)
            elif invoice_row is None and not created_before:
                own = (customer.get("CURRENCY") or self._base).upper()
                rules.billed_in(customer_id, own, currency)
            if adjustment_key is None:
                today = self.today()
                foreign = currency.upper() != self._base
                body = element(
                    "create_aradjustment",
                    {
                        "customerid": customer_id,
                        "datecreated": {"year": today.year, "month": today.month, "day": today.day},
                        "adjustmentno": adjustment_id,
                        "invoiceno": invoice_number,
                        "description": m.adjustment_description(kind, reason_code, memo),
                        "basecurr": self._base if foreign else None,
                        "currency": currency if foreign else None,
                        "aradjustmentitems": {
                            "lineitem": {
                                "glaccountno": account,
                                "amount": str(-value),
                                "memo": f"{reason_code or kind}: {' '.join(memo.split())}"[:1000],
                                "locationid": self.settings.entity_id,
                            }
                        },
                    },
                )
                adjustment_key, first_replayed = self._send(
                    body,
                    idempotency_key,
                    "adjustment",
                    from_result=lambda r: r.key or self._adjustment_key(adjustment_id) or "",
                    find=lambda: self._adjustment_key(adjustment_id),
                )
            else:
                first_replayed = True
            if not adjustment_key:
                raise IntacctError(
                    f"Intacct created adjustment {adjustment_id} but did not say its key",
                    level="function",
                )
            second_replayed = True
            if invoice_row is not None and not self._credit_applied(adjustment_key):
                fresh = self._invoice_row(invoice_number or "")
                today = m.mmddyyyy(self.today())
                body = element(
                    "create",
                    {
                        "ARPYMT": {
                            **self._funds(),
                            "PAYMENTMETHOD": "Cash",
                            "CUSTOMERID": customer_id,
                            "DESCRIPTION": f"arbot: credit {adjustment_id} on {invoice_number}",
                            "RECEIPTDATE": today,
                            "PAYMENTDATE": today,
                            "CURRENCY": currency,
                            "ARPYMTDETAILS": {
                                "ARPYMTDETAIL": {
                                    "RECORDKEY": fresh["RECORDNO"],
                                    "ADJUSTMENTKEY": adjustment_key,
                                    "TRX_ADJUSTMENTAMOUNT": str(value),
                                }
                            },
                        }
                    },
                )
                _, second_replayed = self._send(
                    body,
                    idempotency_key,
                    "apply",
                    from_result=lambda _r: True,
                    find=lambda: True if self._credit_applied(adjustment_key or "") else None,
                    assume_done=True,
                )
            return adjustment_id, first_replayed and second_replayed

        return self._idempotent(idempotency_key, "create_adjustment", run)

    def _update_customer(
        self, customer_id: str, key: str, action: str, values: dict[str, str]
    ) -> WriteResult:
        def matches() -> bool | None:
            row = self._customer_row(customer_id)
            same = all(
                (row.get(k) or "").strip().lower() == v.lower()
                or (k == "CREDITLIMIT" and row.get(k) and m.amount(row[k]) == m.amount(v))
                for k, v in values.items()
            )
            return True if same else None

        def run() -> tuple[str, bool]:
            self._customer_row(customer_id)
            body = element("update", {"CUSTOMER": {"CUSTOMERID": customer_id, **values}})
            _, replayed = self._send(
                body, key, action, from_result=lambda _r: True, find=matches, assume_done=True
            )
            return customer_id, replayed

        return self._idempotent(key, action, run)

    def set_credit_limit(
        self, customer_id: str, limit: Decimal, *, idempotency_key: str
    ) -> WriteResult:
        limit = rules.credit_limit(limit)
        return self._update_customer(
            customer_id, idempotency_key, "set_credit_limit", {"CREDITLIMIT": str(limit)}
        )

    def set_credit_hold(
        self, customer_id: str, on_hold: bool, *, idempotency_key: str
    ) -> WriteResult:
        return self._update_customer(
            customer_id,
            idempotency_key,
            "set_credit_hold",
            {"ONHOLD": "true" if on_hold else "false"},
        )

    def add_note(
        self,
        customer_id: str,
        text: str,
        *,
        author: str,
        invoice_number: str | None = None,
        idempotency_key: str,
    ) -> WriteResult:
        """Kept in arbot's store (Intacct has no notes object) and appended, with a tag of the
        key, to the customer's COMMENTS: existing text is kept, a repeat is never appended."""
        rules.note_text(text)

        def run() -> tuple[str, bool]:
            self._customer_row(customer_id)
            if invoice_number is not None:
                self._invoice_row(invoice_number)
            note = self.state.add_note(idempotency_key, customer_id, text, author, invoice_number)
            if not self.settings.notes_to_comments:
                return customer_id, False
            marker = f"(arbot {m.tag_for(idempotency_key)})"
            with self._lock("comments", customer_id):
                comments = self._customer_row(customer_id).get("COMMENTS") or ""
                if marker in comments:
                    return customer_id, True
                on = f" on {invoice_number}" if invoice_number else ""
                line = f"{note.created_at:%Y-%m-%d} {author}{on}: {' '.join(text.split())} {marker}"
                appended = f"{comments.rstrip()}\n{line}" if comments.strip() else line
                if len(appended) > self.settings.comments_limit:
                    log.warning(
                        "customer %s: COMMENTS would exceed %s characters; the note stays in "
                        "arbot's store only",
                        customer_id,
                        self.settings.comments_limit,
                    )
                    return customer_id, False
                body = element(
                    "update", {"CUSTOMER": {"CUSTOMERID": customer_id, "COMMENTS": appended}}
                )

                def found() -> bool | None:
                    now = self._customer_row(customer_id).get("COMMENTS") or ""
                    return True if marker in now else None

                _, replayed = self._send(
                    body,
                    idempotency_key,
                    "comments",
                    from_result=lambda _r: True,
                    find=found,
                    assume_done=True,
                )
            return customer_id, replayed

        return self._idempotent(idempotency_key, "add_note", run)

    def set_sales_order_status(
        self, order_id: str, status: str, *, idempotency_key: str
    ) -> WriteResult:
        """Intacct has no API to hold or approve one sales order (its approval states follow
        its own workflow), so an order is held or released through its customer's ``ONHOLD``
        (which Intacct enforces on the customer's sales transactions): ``on_hold`` puts the
        customer on hold, ``released`` takes the customer off hold if it is on hold. arbot
        remembers the decision for the order; other statuses are only remembered."""
        rules.order_status(status)

        def run() -> tuple[str, bool]:
            rows = self._order_rows(f"DOCNO = {m.q(order_id)}")
            if not rows:
                raise NotFound(f"sales order {order_id} does not exist in Intacct")
            customer_id = rows[0].get("CUSTVENDID", "")
            replayed = False
            if status in ("on_hold", "released"):
                customer = self._customer_row(customer_id)
                hold = status == "on_hold"
                if m.flag(customer.get("ONHOLD")) != hold:
                    body = element(
                        "update",
                        {
                            "CUSTOMER": {
                                "CUSTOMERID": customer_id,
                                "ONHOLD": "true" if hold else "false",
                            }
                        },
                    )
                    _, replayed = self._send(
                        body,
                        idempotency_key,
                        "order-hold",
                        from_result=lambda _r: True,
                        find=lambda: True,
                    )
            self.state.set_order_status(order_id, customer_id, status, idempotency_key)
            return order_id, replayed

        return self._idempotent(idempotency_key, "set_sales_order_status", run)

    def set_payment_terms(
        self,
        customer_id: str,
        terms_days: int,
        *,
        idempotency_key: str,
        discount_percent: Decimal = ZERO,
        discount_days: int = 0,
    ) -> WriteResult:
        """The customer's ``TERMNAME``: the company's AR term with those days and discount
        (``Net 60``, ``2/10 Net 30`` — read from ARTERM, whatever it is called there); refused
        when Intacct has none."""
        name = self._term_name(terms_days, discount_percent, discount_days)
        return self._update_customer(
            customer_id, idempotency_key, "set_payment_terms", {"TERMNAME": name}
        )

    def _term_name(self, terms_days: int, discount_percent: Decimal, discount_days: int) -> str:
        days = rules.terms_days(terms_days)
        rules.discount(discount_percent, discount_days, days)
        wanted = (days, discount_percent, discount_days if discount_percent else 0)
        for row in self._rows("ARTERM", ("NAME", "STATUS")):
            name = (row.get("NAME") or "").strip()
            if (row.get("STATUS") or "active").lower() != "active" or not name:
                continue
            found_days, found_percent, found_discount_days = m.parse_terms(name)
            if (found_days, found_percent, found_discount_days if found_percent else 0) == wanted:
                return name
        label = rules.terms_label(days, discount_percent, discount_days)
        raise InvalidWrite(
            f"Intacct has no {label} term: add it under Accounts Receivable → Setup → Terms first"
        )

    def missing_terms(
        self, terms_days: int, discount_percent: Decimal, discount_days: int
    ) -> str | None:
        """``TermsCatalog``: None when Intacct has such a term, else why not."""
        try:
            self._term_name(terms_days, discount_percent, discount_days)
        except InvalidWrite as missing:
            return str(missing)
        return None

    def create_invoice(self, draft: InvoiceDraft, *, idempotency_key: str) -> WriteResult:
        """See ``billing.create_invoice``."""
        from integrations.erp.intacct.billing import create_invoice

        return self._idempotent(
            idempotency_key,
            "create_invoice",
            lambda: create_invoice(self, draft, idempotency_key),
        )

    # --- change events ----------------------------------------------------------------------
    def poll_changes(self, **options: Any) -> ChangeSet:
        """What changed in Intacct since the last poll; see ``changes.poll_changes``."""
        return poll_changes(self, **options)

    def feed_changes(self, on_change: Callable[[Change], None]) -> int:
        """``ChangeFeed``: one poll, each changed customer and sales order handed over (the
        first poll hands every order: pending ones are then checked once like new ones)."""
        changes = self.poll_changes()
        handed = [Change("customer", c.customer_id, c) for c in changes.customers]
        handed += [Change("sales_order", o.order_id, o) for o in changes.sales_orders]
        for change in handed:
            on_change(change)
        return len(handed)
