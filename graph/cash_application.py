"""Cash application end to end: bank lines → matches → applied, proposed, or suspense.

``auto`` is applied through the approval service without a person, but only when both the
matcher is sure and the policy lets arbot write alone at that amount; everything else the
matcher can place becomes an ``apply_payment`` proposal; what nobody can place goes to
suspense. Each bank line is recorded with its result, so running a file again changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.actions import ApplyPayment
from graph.approvals import ApprovalService, ProposalRejected
from graph.ar.cashapp import CashMatch, CashMatcher
from integrations.erp.records import BankLine

REQUESTER = "arbot cash application"


@dataclass(frozen=True)
class CashRun:
    results: list[dict[str, Any]]
    already_processed: int

    def count(self, decision: str) -> int:
        return sum(1 for r in self.results if r["decision"] == decision)


def _action(line: BankLine, match: CashMatch) -> ApplyPayment:
    assert match.customer_id is not None
    return ApplyPayment(
        customer_id=match.customer_id,
        payment_id=line.payment_id,
        received_on=line.received_on.isoformat(),
        payment_amount=str(line.amount),
        payment_currency=line.currency,
        method="bank",
        reference=line.reference,
        applications=tuple((number, str(amount)) for number, amount in match.applications),
    )


class CashApplication:
    def __init__(self, approvals: ApprovalService) -> None:
        self.approvals = approvals
        self.erp = approvals.erp
        self.store = approvals.store

    def run(
        self,
        lines: Sequence[BankLine],
        *,
        as_of: date,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> CashRun:
        earlier = {line.payment_id: self.store.bank_line_result(line.payment_id) for line in lines}
        fresh = [line for line in lines if earlier[line.payment_id] is None]
        matcher = CashMatcher(
            self.erp.list_customers(),
            self.erp.invoices(open_only=True),
            aliases=self.store.payer_aliases(),
        )
        matches = {m.payment_id: m for m in matcher.match_all(fresh, as_of, progress)}
        results = []
        for line in lines:
            result = earlier[line.payment_id]
            if result is None:
                result = self._settle(line, matches[line.payment_id], dry_run=dry_run)
            results.append(result)
        return CashRun(results, len(lines) - len(fresh))

    def apply_unapplied_erp_payments(self, *, as_of: date, days: int = 14) -> CashRun:
        """Payments recorded in the ERP but left unapplied (keyed in by someone, or received
        through the ERP's own bank feed) go through the same matching: each one is proposed
        once, applied alone only under the same rules as a bank line."""
        customers = {c.customer_id: c for c in self.erp.list_customers()}
        waiting = [
            p
            for p in self.erp.payments(since=as_of - timedelta(days=days))
            if p.unapplied > 0 and p.customer_id in customers
        ]
        lines = {
            f"erp:{p.payment_id}": (
                p,
                BankLine(
                    p.payment_id,
                    p.received_on,
                    p.unapplied,
                    p.currency,
                    customers[p.customer_id].name,
                    p.reference,
                ),
            )
            for p in waiting
        }
        fresh = {k: v for k, v in lines.items() if self.store.bank_line_result(k) is None}
        matcher = CashMatcher(
            customers.values(),
            self.erp.invoices(open_only=True),
            aliases=self.store.payer_aliases(),
        )
        results = []
        for key, (payment, line) in fresh.items():
            match = matcher.match(line, as_of)
            if match.customer_id not in (None, payment.customer_id):
                match = dataclasses.replace(match, decision="unmatched")
            result = self._settle(
                line, match, dry_run=False, payment_amount=payment.amount, record_as=key
            )
            results.append(result)
        return CashRun(results, len(lines) - len(fresh))

    def _settle(
        self,
        line: BankLine,
        match: CashMatch,
        *,
        dry_run: bool,
        payment_amount: Decimal | None = None,
        record_as: str | None = None,
    ) -> dict[str, Any]:
        result = match.as_dict()
        result["approval_id"] = None
        policy = self.approvals.policy
        if match.decision == "unmatched" or match.customer_id is None or not match.applications:
            result["decision"] = "unmatched"
        elif dry_run:
            sure = match.decision == "auto"
            result["decision"] = (
                "auto" if sure and policy.auto_approves("apply_payment", match.amount) else "review"
            )
        else:
            try:
                approval = self.approvals.propose(
                    _action(line, match),
                    requested_by=REQUESTER,
                    origin={
                        "source": "cash_application",
                        "payment_id": line.payment_id,
                        "payer_name": line.payer_name,
                    },
                    allow_auto=match.decision == "auto",
                )
            except ProposalRejected as rejected:
                result["decision"] = "unmatched"
                result["explanation"] += "; not proposed: " + "; ".join(rejected.problems)
            else:
                result["approval_id"] = approval.approval_id
                result["decision"] = "auto" if approval.status == "done" else "review"
                if approval.status in ("failed", "superseded"):
                    result["explanation"] += f"; the ERP write {approval.status}: {approval.note}"
        if not dry_run:
            recorded = (
                line if record_as is None else dataclasses.replace(line, payment_id=record_as)
            )
            self.store.record_bank_line(recorded, result, approval_id=result["approval_id"])
        return result
