"""The Intacct client's money writes: applying a payment (ARPYMT) and writing off a deduction
(ARADJUSTMENT), each through the write path of ``writes.py``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from integrations.erp import rules
from integrations.erp.intacct import mapping as m
from integrations.erp.intacct.settings import IntacctConfigError
from integrations.erp.intacct.writes import IntacctWrites, adjustment_id_for
from integrations.erp.intacct.xmlapi import IntacctError, element
from integrations.erp.money import ZERO
from integrations.erp.port import InvalidWrite
from integrations.erp.records import (
    ApplicationRequest,
    NewPayment,
    WriteResult,
)


class IntacctPayments(IntacctWrites):
    """Payments and adjustments; mixed into ``IntacctClient``."""

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
