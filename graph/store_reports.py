"""The reports read from the bot's store with the ERP: the daily digest (``graph.digest``) and
cash application status (bank lines matched, proposed and in suspense)."""

from __future__ import annotations

from datetime import timedelta

from graph.digest import build_digest
from graph.format import day, money, plural
from graph.messages import Fact, Reply, Section, Table
from graph.reports import ReportContext
from graph.understand import Request
from integrations.store import Store


def _needs_store(context: ReportContext, what: str) -> Store:
    if context.store is None:
        raise LookupError(f"{what} needs the bot's store, which is not set up here")
    return context.store


def digest(context: ReportContext, request: Request) -> Reply:
    return build_digest(
        context.erp,
        _needs_store(context, "The digest"),
        context.today,
        deduction_tolerance=context.policy.deduction_tolerance,
    )


def cash_application(context: ReportContext, request: Request) -> Reply:
    store = _needs_store(context, "Cash application")
    since = context.today - timedelta(days=7)
    lines = store.bank_lines(since=since)
    suspense = store.bank_lines(decision="unmatched")
    counts = {
        d: sum(1 for line in lines if line["decision"] == d)
        for d in ("auto", "review", "unmatched")
    }
    waiting = [a for a in store.list(("pending", "failed")) if a.action == "apply_payment"]
    headline = (
        f"Cash application since {day(since)}: {plural(len(lines), 'bank line')} — "
        f"{counts['auto']} applied automatically, {counts['review']} proposed, "
        f"{counts['unmatched']} unmatched."
    )
    sections = [
        Section(
            facts=(
                Fact("Payment applications waiting for approval", str(len(waiting))),
                Fact("In suspense (nobody could place them)", str(len(suspense))),
            )
        )
    ]
    if suspense:
        rows = tuple(
            (
                line["payment_id"],
                day(line["received_on"]),
                money(line["amount"], line["currency"]),
                line["payer_name"],
            )
            for line in suspense
        )
        sections.append(
            Section(
                table=Table(
                    ("Bank line", "Date", "Amount", "Payer"),
                    rows,
                    numeric=(2,),
                    title="Suspense, oldest first",
                )
            )
        )
    return Reply(
        headline=headline,
        sections=sections,
        context=["Source: bank lines processed by arbot cashapp and the approval queue."],
        intent="cash_application",
        data={
            "since": since,
            "counts": counts,
            "waiting": len(waiting),
            "suspense": [
                {
                    "payment_id": line["payment_id"],
                    "amount": line["amount"],
                    "currency": line["currency"],
                    "payer_name": line["payer_name"],
                    "received_on": line["received_on"],
                }
                for line in suspense
            ],
        },
    )
