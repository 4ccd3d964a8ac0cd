"""The Intacct client's write path (idempotent twice over, see ``client.py``) and its writes of
customer credit, notes, order status, terms and invoices."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from integrations.erp import rules
from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.gateway import OutcomeUnknown
from integrations.erp.intacct.reads import IntacctReads
from integrations.erp.intacct.settings import IntacctConfigError
from integrations.erp.intacct.xmlapi import DuplicateControlId, IntacctError, Result, element
from integrations.erp.money import ZERO
from integrations.erp.port import InvalidWrite, NotFound
from integrations.erp.records import (
    InvoiceDraft,
    WriteResult,
    may_pay_for,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

# How long to look for a write whose answer was lost (HTTP 524) before giving up (seconds).
CONFIRM_WAITS = (2.0, 5.0, 10.0, 20.0)


def adjustment_id_for(idempotency_key: str) -> str:
    """The adjustment number of a write-off (the same rule as the local ledger)."""
    return "ADJ-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:10].upper()


class IntacctWrites(IntacctReads):
    """The common write path and the writes other than payments and adjustments; mixed into
    ``IntacctClient``."""

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
