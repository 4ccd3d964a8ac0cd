"""A cash-application run as one message: totals (applied, waiting, suspense, not customer
receipts), then each waiting proposal as a card of its own, with "Approve all shown"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.approvals import ApprovalService
from graph.format import money, plural
from graph.messages import TABLE_MAX_ROWS, Fact, Reply, Section, Table
from graph.proposals import attach_proposals

WAITING = ("pending", "failed")


def run_reply(
    run: Any,
    approvals: ApprovalService,
    *,
    source: str,
    not_receipts: Sequence[Any] = (),
    dry_run: bool = False,
) -> Reply:
    results = run.results
    applied = "would be applied" if dry_run else "applied automatically"
    ids = list(dict.fromkeys(r["approval_id"] for r in results if r.get("approval_id")))
    # A few queries for the whole run (not one per approval), reading only the waiting ones.
    found = approvals.store.approvals_by_id(ids, statuses=WAITING)
    waiting = [found[i] for i in ids if i in found]
    facts = [
        Fact("Bank lines", str(len(results))),
        Fact(applied.capitalize(), str(run.count("auto"))),
        Fact("Waiting for approval", str(len(waiting))),
        Fact("Unmatched (suspense)", str(run.count("unmatched"))),
    ]
    if not_receipts:
        facts.append(Fact("Not customer receipts", str(len(not_receipts))))
    if run.already_processed:
        facts.append(Fact("Already processed earlier", str(run.already_processed)))
    sections = [Section(facts=tuple(facts))]
    unmatched = [r for r in results if r["decision"] == "unmatched"]
    if unmatched:
        rows = tuple(
            (r["payment_id"], r.get("explanation") or "") for r in unmatched[:TABLE_MAX_ROWS]
        )
        sections.append(
            Section(title="Unmatched (suspense)", table=Table(("Bank line", "Why"), rows))
        )
    if not_receipts:
        rows = tuple(
            (n.payment_id, money(n.amount, n.currency), n.reason)
            for n in not_receipts[:TABLE_MAX_ROWS]
        )
        sections.append(
            Section(
                title="Not customer receipts (never matched)",
                table=Table(("Bank line", "Amount", "Why"), rows, numeric=(1,)),
            )
        )
    headline = (
        f"Cash application of {source}: {plural(len(results), 'bank line')}, "
        f"{run.count('auto')} {applied}, {len(waiting)} waiting for approval, "
        f"{run.count('unmatched')} in suspense."
    )
    reply = Reply(headline=headline, sections=sections, intent="cash_application")
    reply.context.append("Each proposal below is checked against the ERP again when approved.")
    reply.data["run"] = {
        "source": source,
        "auto": run.count("auto"),
        "review": run.count("review"),
        "unmatched": run.count("unmatched"),
        "waiting": [a.approval_id for a in waiting],
    }
    return attach_proposals(reply, waiting, approvals.policy)
