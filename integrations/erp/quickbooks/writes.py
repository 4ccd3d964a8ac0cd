"""The QuickBooks client's write frame (idempotent under arbot's key, see ``client.py``) and
its writes of customer terms, invoices, notes and order status."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from integrations.erp import rules
from integrations.erp.money import ZERO
from integrations.erp.port import InvalidWrite, NotFound
from integrations.erp.quickbooks.config import (
    CUSTOMER_NOTES_MAX,
    PRIVATE_NOTE_MAX,
    ClientParts,
)
from integrations.erp.quickbooks.errors import (
    QuickBooksFault,
    StaleObject,
)
from integrations.erp.quickbooks.mapping import note_line
from integrations.erp.quickbooks.order_mapping import QBO_STATUS_FOR, estimate_id
from integrations.erp.quickbooks.store import now_utc
from integrations.erp.records import (
    InvoiceDraft,
    WriteResult,
)


@dataclass
class Outcome:
    reference: str
    payment: tuple[str, str] | None = None
    adjustment: dict[str, Any] | None = None


@dataclass
class Progress:
    values: dict[str, Any]
    save: Callable[[dict[str, Any]], None]

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def set(self, name: str, value: Any) -> None:
        self.values[name] = value
        self.save(dict(self.values))


class QuickBooksWrites(ClientParts):
    """The idempotency frame and the writes other than payments and adjustments; mixed into
    ``QuickBooksClient``."""

    # --- writes: the idempotency frame -----------------------------------------------------
    def _idempotent(
        self,
        key: str,
        action: str,
        *,
        find_done: Callable[[Progress], Outcome | None],
        validate: Callable[[], Any],
        send: Callable[[Any, Progress], Outcome],
    ) -> WriteResult:
        rules.require_key(key)
        row = self.store.write(self.realm_id, key)
        if row is not None and row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        if row is not None:
            # An earlier attempt began and never learnt how it ended: look before resending.
            progress = Progress(dict(row.progress), self._saver(key))
            found = find_done(progress)
            if found is not None:
                self._finish(key, found)
                return WriteResult(found.reference, key, replayed=True)
        plan = validate()
        row, _ = self.store.begin_write(self.realm_id, key, action)
        if row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        outcome = send(plan, Progress(dict(row.progress), self._saver(key)))
        self._finish(key, outcome)
        return WriteResult(outcome.reference, key)

    def _saver(self, key: str) -> Callable[[dict[str, Any]], None]:
        return lambda values: self.store.save_progress(self.realm_id, key, values)

    def _finish(self, key: str, outcome: Outcome) -> None:
        self.store.finish_write(
            self.realm_id,
            key,
            outcome.reference,
            payment=outcome.payment,
            adjustment=outcome.adjustment,
        )

    def _customer_entity(self, customer_id: str) -> dict[str, Any]:
        entity = self.fetch("Customer", customer_id)
        if entity is None:
            raise NotFound(f"customer {customer_id} does not exist")
        return entity

    def _invoice_or_fail(self, invoice_number: str) -> dict[str, Any]:
        entity = self._invoice_entity(invoice_number)
        if entity is None:
            raise NotFound(f"invoice {invoice_number} does not exist")
        return entity

    def _update(
        self,
        entity: str,
        entity_id: str,
        key: str,
        step: str,
        change: Callable[[dict[str, Any]], dict[str, Any] | None],
    ) -> dict[str, Any]:
        """A sparse update from a fresh read: ``change(current)`` gives the fields to set (None:
        nothing to do). On a stale SyncToken (fault 5010) it reads again and retries once."""
        for attempt in range(2):
            current = self.fetch(entity, entity_id)
            if current is None:
                raise NotFound(f"{entity} {entity_id} does not exist in QuickBooks")
            fields = change(current)
            if fields is None:
                return current
            body = {"Id": entity_id, "SyncToken": current["SyncToken"], "sparse": True, **fields}
            request_id = self._request_id(key, f"{step}:{attempt}:{current['SyncToken']}")
            try:
                document = self.transport.post(
                    entity.lower(),
                    body,
                    request_id=request_id,
                    what=f"updating {entity} {entity_id}",
                )
            except StaleObject:
                if attempt == 0:
                    continue
                raise
            return document.get(entity, {})
        raise AssertionError("unreachable")

    def _create(self, entity: str, body: dict[str, Any], key: str, step: str) -> dict[str, Any]:
        document = self.transport.post(
            entity.lower(),
            body,
            request_id=self._request_id(key, step),
            what=f"creating a {entity}",
        )
        created = document.get(entity) if isinstance(document, dict) else None
        if not isinstance(created, dict) or "Id" not in created:
            raise QuickBooksFault(f"QuickBooks did not return the {entity} it created")
        return created

    def _currency_ref(self, currency: str) -> dict[str, Any]:
        return {} if currency == self.home_currency() else {"CurrencyRef": {"value": currency}}

    # --- writes: credit terms (kept by arbot) ----------------------------------------------
    def _set_credit(self, customer_id: str, key: str, action: str, **values: Any) -> WriteResult:
        rules.require_key(key)
        row = self.store.write(self.realm_id, key)
        if row is not None and row.status == "done":
            return WriteResult(row.erp_reference or "", key, replayed=True)
        self._customer_entity(customer_id)
        reference = f"customer {customer_id} (arbot store)"
        if self.store.set_credit(self.realm_id, customer_id, key, action, reference, **values):
            return WriteResult(reference, key)
        row = self.store.write(self.realm_id, key)
        return WriteResult(row.erp_reference if row else reference, key, replayed=True)

    def set_credit_limit(
        self, customer_id: str, limit: Decimal, *, idempotency_key: str
    ) -> WriteResult:
        """QBO has no credit limit: arbot keeps it (``quickbooks_credit``)."""
        return self._set_credit(
            customer_id, idempotency_key, "set_credit_limit", credit_limit=rules.credit_limit(limit)
        )

    def set_credit_hold(
        self, customer_id: str, on_hold: bool, *, idempotency_key: str
    ) -> WriteResult:
        """QBO has no credit hold (``Active=false`` hides a customer; it is not a hold): arbot
        keeps it (``quickbooks_credit``)."""
        return self._set_credit(
            customer_id, idempotency_key, "set_credit_hold", on_hold=bool(on_hold)
        )

    def set_payment_terms(
        self,
        customer_id: str,
        terms_days: int,
        *,
        idempotency_key: str,
        discount_percent: Decimal = ZERO,
        discount_days: int = 0,
    ) -> WriteResult:
        """See ``billing.set_payment_terms``."""
        from integrations.erp.quickbooks import billing

        return billing.set_payment_terms(
            self, customer_id, terms_days, idempotency_key, discount_percent, discount_days
        )

    def missing_terms(
        self, terms_days: int, discount_percent: Decimal, discount_days: int
    ) -> str | None:
        """``TermsCatalog``: see ``billing.term_for``."""
        from integrations.erp.quickbooks import billing

        try:
            billing.term_for(self, terms_days, discount_percent, discount_days)
        except InvalidWrite as missing:
            return str(missing)
        return None

    def create_invoice(self, draft: InvoiceDraft, *, idempotency_key: str) -> WriteResult:
        """See ``billing.create_invoice``."""
        from integrations.erp.quickbooks import billing

        return billing.create_invoice(self, draft, idempotency_key)

    # --- writes: notes and orders ----------------------------------------------------------
    def add_note(
        self,
        customer_id: str,
        text: str,
        *,
        author: str,
        invoice_number: str | None = None,
        idempotency_key: str,
    ) -> WriteResult:
        """A timestamped line appended to ``Invoice.PrivateNote`` (internal, never printed) or
        ``Customer.Notes``; what is there stays."""
        rules.note_text(text)
        key = idempotency_key
        entity = "Invoice" if invoice_number is not None else "Customer"
        field_name = "PrivateNote" if invoice_number is not None else "Notes"
        limit = PRIVATE_NOTE_MAX if invoice_number is not None else CUSTOMER_NOTES_MAX

        def target() -> str:
            if invoice_number is None:
                return str(self._customer_entity(customer_id)["Id"])
            return str(self._invoice_or_fail(invoice_number)["Id"])

        def find_done(progress: Progress) -> Outcome | None:
            line, target_id = progress.get("line"), progress.get("target")
            if not line or not target_id:
                return None
            current = self.fetch(entity, target_id) or {}
            if line in str(current.get(field_name) or "").splitlines():
                return Outcome(f"{entity} {target_id}")
            return None

        def validate() -> str:
            self._customer_entity(customer_id)
            return target()

        def send(target_id: str, progress: Progress) -> Outcome:
            line = progress.get("line")
            if not line:
                line = note_line(now_utc(), author, text)
                progress.values["target"] = target_id
                progress.set("line", line)

            def change(current: dict[str, Any]) -> dict[str, Any] | None:
                existing = str(current.get(field_name) or "")
                if line in existing.splitlines():
                    return None
                updated = f"{existing.rstrip()}\n{line}" if existing.strip() else line
                if len(updated) > limit:
                    raise InvalidWrite(
                        f"the {entity.lower()}'s {field_name} in QuickBooks is full ({limit} "
                        "characters); nothing was overwritten — tidy it in QuickBooks first"
                    )
                return {field_name: updated}

            self._update(entity, target_id, key, "note", change)
            return Outcome(f"{entity} {target_id}")

        return self._idempotent(key, "add_note", find_done=find_done, validate=validate, send=send)

    def set_sales_order_status(
        self, order_id: str, status: str, *, idempotency_key: str
    ) -> WriteResult:
        """The estimate's TxnStatus where QBO has a match (approved/released → Accepted,
        shipped → Closed, cancelled → Rejected, pending/on hold → Pending); the finer state
        (on hold, released) is kept by arbot and read back while QBO's status stays put."""
        rules.order_status(status)
        key = idempotency_key
        est_id = estimate_id(order_id)
        if est_id is None:
            raise NotFound(f"sales order {order_id} does not exist")
        wanted = QBO_STATUS_FOR[status]
        reference = f"Estimate {est_id}"

        def find_done(progress: Progress) -> Outcome | None:
            overlay = self.store.order_statuses(self.realm_id).get(est_id)
            current = self.fetch("Estimate", est_id) or {}
            if overlay == (status, wanted) and current.get("TxnStatus") == wanted:
                return Outcome(reference)
            return None

        def validate() -> None:
            if self.fetch("Estimate", est_id) is None:
                raise NotFound(f"sales order {order_id} does not exist")

        def send(_plan: None, progress: Progress) -> Outcome:
            self._update(
                "Estimate",
                est_id,
                key,
                "status",
                lambda current: (
                    None if current.get("TxnStatus") == wanted else {"TxnStatus": wanted}
                ),
            )
            self.store.set_order_status(self.realm_id, est_id, status, wanted)
            return Outcome(reference)

        return self._idempotent(
            key, "set_sales_order_status", find_done=find_done, validate=validate, send=send
        )
