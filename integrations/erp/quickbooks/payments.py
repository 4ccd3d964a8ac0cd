"""The QuickBooks client's money writes: applying a payment and writing off a deduction
(credit memo), each through the idempotency frame of ``writes.py``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from integrations.erp import rules
from integrations.erp.money import ZERO
from integrations.erp.port import InvalidWrite
from integrations.erp.quickbooks import entity_fields
from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks.config import (
    PAYMENT_REF_MAX,
    PRIVATE_NOTE_MAX,
    Cached,
    marker_for,
)
from integrations.erp.quickbooks.wire import quote
from integrations.erp.quickbooks.writes import Outcome, Progress, QuickBooksWrites
from integrations.erp.records import (
    ApplicationRequest,
    NewPayment,
    WriteResult,
    may_pay_for,
)


class QuickBooksPayments(QuickBooksWrites):
    """Payments and adjustments; mixed into ``QuickBooksClient``."""

    # --- writes: payments ------------------------------------------------------------------
    @staticmethod
    def _related(payer: dict[str, Any], owner: dict[str, Any]) -> bool:
        """A payer may pay its own invoices and those of its parent or sub-customers."""
        return may_pay_for(
            str(payer["Id"]),
            entity_fields.ref(payer.get("ParentRef")),
            str(owner["Id"]),
            entity_fields.ref(owner.get("ParentRef")),
        )

    def apply_payment(
        self,
        payment: NewPayment,
        applications: Sequence[ApplicationRequest],
        *,
        idempotency_key: str,
    ) -> WriteResult:
        """One QBO Payment per arbot payment id: created with a line per invoice (partial
        amounts allowed, the rest stays unapplied), or — when it exists — given more lines."""
        currency = payment.currency
        total = rules.positive_payment(payment.payment_id, payment.amount, currency)
        key = idempotency_key
        marker = marker_for(self.realm_id, key)

        def find_done(progress: Progress) -> Outcome | None:
            qbo_id = progress.get("payment")
            known = (
                self.fetch("Payment", qbo_id)
                if qbo_id
                else self._payment_entity(payment.payment_id)
            )
            if known is not None:
                candidates = [known]
            else:
                candidates = self.query(
                    "Payment",
                    [
                        f"CustomerRef = {quote(payment.customer_id)}",
                        f"TxnDate = {quote(payment.received_on.isoformat())}",
                    ],
                )
            for entity in candidates:
                if marker in str(entity.get("PrivateNote") or ""):
                    qid = str(entity["Id"])
                    return Outcome(f"Payment {qid}", payment=(payment.payment_id, qid))
            return None

        def validate() -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
            payer = self._customer_entity(payment.customer_id)
            existing = self._payment_entity(payment.payment_id)
            unapplied = total
            if existing is not None:
                recorded = (
                    entity_fields.ref(existing.get("CustomerRef")),
                    entity_fields.amount(existing.get("TotalAmt")),
                    entity_fields.currency_of(
                        existing, entity_fields.Context(home_currency=self.home_currency())
                    ),
                )
                rules.same_payment(
                    payment.payment_id,
                    (recorded[0] or "", recorded[1], recorded[2]),
                    (payment.customer_id, total, currency),
                )
                unapplied = entity_fields.amount(existing.get("UnappliedAmt"))
            lines: dict[str, Decimal] = {}
            entities: dict[str, dict[str, Any]] = {}
            owners: dict[str, dict[str, Any]] = {str(payer["Id"]): payer}
            for request in applications:
                number = request.invoice_number
                applied = rules.positive_application(number, request.amount, currency)
                invoice = self._invoice_or_fail(number)
                inv_currency = entity_fields.currency_of(
                    invoice, entity_fields.Context(home_currency=self.home_currency())
                )
                rules.payment_currency_matches(number, inv_currency, currency)
                owner_id = entity_fields.ref(invoice.get("CustomerRef")) or ""
                if owner_id not in owners:
                    owners[owner_id] = self._customer_entity(owner_id)
                rules.payer_may_pay(
                    number, owner_id, payment.customer_id, self._related(payer, owners[owner_id])
                )
                inv_id = str(invoice["Id"])
                lines[inv_id] = lines.get(inv_id, ZERO) + applied
                entities[inv_id] = invoice
                rules.within_balance(
                    number, entity_fields.amount(invoice.get("Balance")), currency, lines[inv_id]
                )
                if sum(lines.values(), ZERO) > unapplied:
                    rules.enough_unapplied(payment.payment_id, ZERO, applied, number)
            new_lines = [
                {"Amount": value, "LinkedTxn": [{"TxnId": inv_id, "TxnType": "Invoice"}]}
                for inv_id, value in lines.items()
            ]
            return new_lines, existing

        def send(
            plan: tuple[list[dict[str, Any]], dict[str, Any] | None], progress: Progress
        ) -> Outcome:
            new_lines, existing = plan
            qbo_id = progress.get("payment") or (str(existing["Id"]) if existing else None)
            if qbo_id is None:
                memo = entity_fields.clean_memo(payment.reference)
                note = f"{memo} {marker}".strip()
                if len(note) > PRIVATE_NOTE_MAX:
                    note = memo[: PRIVATE_NOTE_MAX - len(marker) - 1] + " " + marker
                body = {
                    "CustomerRef": {"value": payment.customer_id},
                    "TotalAmt": total,
                    "TxnDate": payment.received_on.isoformat(),
                    "PaymentRefNum": payment.payment_id[:PAYMENT_REF_MAX],
                    "PrivateNote": note,
                    "Line": new_lines,
                    **self._currency_ref(currency),
                }
                created = self._create("Payment", body, key, "payment")
                qbo_id = str(created["Id"])
                progress.set("payment", qbo_id)
                return Outcome(f"Payment {qbo_id}", payment=(payment.payment_id, qbo_id))

            def change(current: dict[str, Any]) -> dict[str, Any] | None:
                note = str(current.get("PrivateNote") or "")
                if marker in note:
                    return None
                merged: dict[str, Decimal] = {}
                for line in current.get("Line") or []:
                    for txn in entity_fields.linked(line, "Invoice"):
                        merged[txn] = merged.get(txn, ZERO) + entity_fields.amount(
                            line.get("Amount")
                        )
                others = [
                    {
                        "Amount": entity_fields.amount(line.get("Amount")),
                        "LinkedTxn": line["LinkedTxn"],
                    }
                    for line in current.get("Line") or []
                    if not entity_fields.linked(line, "Invoice") and line.get("LinkedTxn")
                ]
                for line in new_lines:
                    txn = line["LinkedTxn"][0]["TxnId"]
                    merged[txn] = merged.get(txn, ZERO) + line["Amount"]
                lines = [
                    {"Amount": value, "LinkedTxn": [{"TxnId": txn, "TxnType": "Invoice"}]}
                    for txn, value in merged.items()
                ] + others
                return {"Line": lines, "PrivateNote": f"{note} {marker}".strip()}

            self._update("Payment", qbo_id, key, "payment-lines", change)
            return Outcome(f"Payment {qbo_id}", payment=(payment.payment_id, qbo_id))

        return self._idempotent(
            key, "apply_payment", find_done=find_done, validate=validate, send=send
        )

    # --- writes: adjustments ---------------------------------------------------------------
    def item_id(self, wanted: str, slot: Cached, purpose: str, variable: str) -> str:
        def load() -> str | None:
            if wanted.isdigit():
                return wanted
            rows = self.query("Item", [f"Name = {quote(wanted)}"], order=None)
            return str(rows[0]["Id"]) if rows else None

        item = self.cached(slot, load)
        if item is None:
            slot.until = 0.0
            raise InvalidWrite(
                f"QuickBooks has no item named {wanted!r} for {purpose}: create a Service item "
                f"with that name (or set {variable})"
            )
        return item

    def _deduction_item(self) -> str:
        return self.item_id(
            self.config.deduction_item, self._item, "write-off credit memos", "QBO_DEDUCTION_ITEM"
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
        """A CreditMemo for the amount; against an invoice, applied to it with a zero-amount
        Payment that links both (QBO's way to use a credit)."""
        value = rules.positive_adjustment(amount, currency)
        key = idempotency_key
        marker = marker_for(self.realm_id, key)
        notes = {
            "invoice_number": invoice_number,
            "kind": kind,
            "reason_code": reason_code,
            "memo": memo,
        }

        def outcome(memo_id: str) -> Outcome:
            return Outcome(f"CreditMemo {memo_id}", adjustment={"credit_memo_id": memo_id, **notes})

        def find_done(progress: Progress) -> Outcome | None:
            memo_id = progress.get("credit_memo")
            if memo_id is None:
                for entity in self.query("CreditMemo", [f"CustomerRef = {quote(customer_id)}"]):
                    if marker in str(entity.get("PrivateNote") or ""):
                        memo_id = str(entity["Id"])
                        progress.set("credit_memo", memo_id)
                        break
            if memo_id is None:
                return None
            if invoice_number is None or progress.get("link"):
                return outcome(memo_id)
            entity = self.fetch("CreditMemo", memo_id)
            remaining = entity_fields.amount(
                (entity or {}).get("RemainingCredit", (entity or {}).get("Balance"))
            )
            return outcome(memo_id) if entity is not None and remaining <= 0 else None

        def validate() -> tuple[str | None, str]:
            customer = self._customer_entity(customer_id)
            context = entity_fields.Context(home_currency=self.home_currency())
            invoice_id = None
            if invoice_number is not None:
                invoice = self._invoice_or_fail(invoice_number)
                rules.adjustment_fits_invoice(
                    m.invoice(invoice, context), customer_id, currency, value
                )
                invoice_id = str(invoice["Id"])
            else:
                rules.billed_in(customer_id, entity_fields.currency_of(customer, context), currency)
            return invoice_id, self._deduction_item()

        def send(plan: tuple[str | None, str], progress: Progress) -> Outcome:
            invoice_id, item = plan
            memo_id = progress.get("credit_memo")
            if memo_id is None:
                on = f" on invoice {invoice_number}" if invoice_number else ""
                reason = f" ({reason_code})" if reason_code else ""
                note = (
                    f"arbot {kind.replace('_', ' ')}{reason}{on}: {entity_fields.clean_memo(memo)}"
                )
                note = note[: PRIVATE_NOTE_MAX - len(marker) - 1] + " " + marker
                body = {
                    "CustomerRef": {"value": customer_id},
                    "TxnDate": self.today().isoformat(),
                    "PrivateNote": note,
                    "Line": [
                        {
                            "Amount": value,
                            "DetailType": "SalesItemLineDetail",
                            "Description": (memo or kind.replace("_", " "))[:4000],
                            "SalesItemLineDetail": {
                                "ItemRef": {"value": item},
                                "Qty": 1,
                                "UnitPrice": value,
                            },
                        }
                    ],
                    **self._currency_ref(currency),
                }
                memo_id = str(self._create("CreditMemo", body, key, "creditmemo")["Id"])
                progress.set("credit_memo", memo_id)
            if invoice_id is not None and not progress.get("link"):
                body = {
                    "CustomerRef": {"value": customer_id},
                    "TotalAmt": ZERO,
                    "TxnDate": self.today().isoformat(),
                    "PrivateNote": f"arbot: credit memo {memo_id} applied to invoice "
                    f"{invoice_number} {marker}",
                    "Line": [
                        {
                            "Amount": value,
                            "LinkedTxn": [{"TxnId": invoice_id, "TxnType": "Invoice"}],
                        },
                        {
                            "Amount": value,
                            "LinkedTxn": [{"TxnId": memo_id, "TxnType": "CreditMemo"}],
                        },
                    ],
                    **self._currency_ref(currency),
                }
                link = self._create("Payment", body, key, "link")
                progress.set("link", str(link["Id"]))
            return outcome(memo_id)

        return self._idempotent(
            key, "create_adjustment", find_done=find_done, validate=validate, send=send
        )
