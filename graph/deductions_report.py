"""Open deductions and short-pays (``open deductions``): by reason, age and customer, a reason
suggested for a memo the rules could not place, and a write-off proposed for each that may be
written off."""

from __future__ import annotations

import dataclasses

from graph.action_base import Action as ErpAction
from graph.ar.deductions import Deduction, find_deductions, summarize
from graph.cash_actions import WriteOffDeduction
from graph.format import money, plural
from graph.llm import LlmService
from graph.messages import Reply, Section, Table
from graph.portfolio import Portfolio
from graph.reports import ReportContext, propose_actions, scoped_customer, with_proposals
from graph.understand import Request


def _suggest_reason(llm: LlmService, deduction: Deduction) -> Deduction:
    """A reason for a memo the rules could not place, as a suggestion to confirm (it stays a
    follow-up, never an automatic write-off)."""
    if deduction.reason_code != "unknown" or not deduction.memo:
        return deduction
    code = llm.classify(deduction.memo)
    if code is None:
        return deduction
    return dataclasses.replace(
        deduction,
        reason_code=code,
        problems=(*deduction.problems, f"reason “{code}” suggested from the memo: confirm it"),
    )


def deduction_summary(context: ReportContext, request: Request) -> Reply:
    book = Portfolio.read(context.erp)
    tolerance = context.policy.deduction_tolerance
    found = find_deductions(
        book.customers,
        book.open_invoices,
        book.payments,
        book.adjustments,
        context.today,
        tolerance=tolerance,
    )
    since = request.period.start if request.period else None
    if since is not None:
        found = [d for d in found if d.taken_on >= since]
    customer, unread = scoped_customer(context, request)
    if customer is not None:
        found = [d for d in found if d.customer_id == customer.customer_id]
    if context.llm is not None:
        found = [_suggest_reason(context.llm, d) for d in found]
    summary = summarize(found)
    totals = " + ".join(money(v, c) for c, v in sorted(summary.totals.items())) or "nothing"
    whose = f" of {customer.name}" if customer else ""
    headline = (
        f"{plural(summary.count, 'open deduction')}{whose}: {totals}; "
        f"{len(summary.writable)} can be written off, {len(summary.follow_up)} need follow-up."
    )
    reason_rows = tuple(
        (
            reason,
            str(summary.counts_by_reason.get(reason, 0)),
            " + ".join(
                money(amounts[reason], c)
                for c, amounts in sorted(summary.by_reason.items())
                if reason in amounts
            ),
        )
        for reason in sorted(summary.counts_by_reason, key=lambda r: -summary.counts_by_reason[r])
    )
    age_rows = tuple(
        (
            bucket,
            " + ".join(
                money(v[bucket], c) for c, v in sorted(summary.by_age.items()) if bucket in v
            ),
        )
        for bucket in ("0-30", "31-60", "61-90", "90+")
    )
    follow = tuple(
        (
            d.invoice_number,
            d.customer_id,
            money(d.amount, d.currency),
            d.reason_code,
            "; ".join(d.problems) or "needs backup",
        )
        for d in summary.follow_up[:15]
    )
    sections = [
        Section(
            table=Table(
                ("Reason", "Count", "Amount"), reason_rows, numeric=(1, 2), title="By reason"
            )
        ),
        Section(table=Table(("Age (days)", "Amount"), age_rows, numeric=(1,), title="By age")),
    ]
    if follow:
        sections.append(
            Section(
                table=Table(
                    ("Invoice", "Customer", "Amount", "Reason", "To do"),
                    follow,
                    numeric=(2,),
                    title="Follow up",
                )
            )
        )
    reply = Reply(
        headline=" ".join([*unread, headline]),
        sections=sections,
        context=[
            f"Deductions: short-pays still open on invoices, reason from the remittance "
            f"text; above {money(tolerance, 'USD')} needs backup; a discount taken after "
            "its window is invalid.",
            "“open a dispute for the short-pay on INV-…” makes one a dispute (its reminder "
            "stops until it is resolved).",
        ],
        intent="deduction_summary",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "as_of": context.today,
            "since": since,
            "count": summary.count,
            "totals": summary.totals,
            "by_reason": summary.by_reason,
            "by_customer": summary.by_customer,
            "by_age": summary.by_age,
            "deductions": [
                {
                    "customer_id": d.customer_id,
                    "invoice_number": d.invoice_number,
                    "payment_id": d.payment_id,
                    "amount": d.amount,
                    "currency": d.currency,
                    "reason_code": d.reason_code,
                    "memo": d.memo,
                    "taken_on": d.taken_on,
                    "age_days": d.age_days,
                    "valid": d.valid,
                    "needs_backup": d.needs_backup,
                    "problems": list(d.problems),
                }
                for d in found
            ],
        },
    )
    write_offs: list[ErpAction] = [
        WriteOffDeduction(
            customer_id=d.customer_id,
            invoice_number=d.invoice_number,
            write_off=str(d.amount),
            invoice_currency=d.currency,
            reason_code=d.reason_code,
            memo=f"deduction on {d.payment_id}: {d.memo}"[:500],
        )
        for d in summary.writable
    ]
    return with_proposals(reply, propose_actions(context, write_offs), context)
