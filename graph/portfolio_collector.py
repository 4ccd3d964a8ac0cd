"""The aging of one collector's accounts, when the words name a collector rather than a customer
("aging for priya's book", "luis's ageing", "dana kim portfolio buckets"). The collectors are
the ledger's own (``Customer.collector``); amounts stay per currency."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from graph.format import day, money
from graph.messages import Reply, Section, Table
from graph.portfolio_reads import ZERO, book_reads
from integrations.erp.records import AGING_BUCKET_NAMES

if TYPE_CHECKING:
    from graph.reports import ReportContext
    from graph.understand import Request


def _named(collector: str, words: str) -> bool:
    """Whether every word said is a word of the collector's name ("priya", "dana kim")."""
    said = re.findall(r"[a-z]+", words.lower())
    own = set(re.findall(r"[a-z]+", collector.lower()))
    return bool(said) and all(w in own for w in said)


def collector_named(context: ReportContext, request: Request) -> tuple[str, frozenset[str]] | None:
    """The one collector the customer text names ("dana kim's accounts", "luis's book") and the
    ids of the customers they collect, or None when it names none."""
    if not request.customer_text:
        return None
    customers = context.erp.list_customers()
    names = {
        c.collector for c in customers if c.collector and _named(c.collector, request.customer_text)
    }
    if len(names) != 1:
        return None
    [who] = names
    return who, frozenset(c.customer_id for c in customers if c.collector == who)


def collector_aging(context: ReportContext, request: Request) -> Reply | None:
    """The aging of the collector the customer text names, or None when it names none."""
    if not request.customer_text:
        return None
    aging = book_reads(context.erp, context.today).book_aging(None, by_collector=True)
    names = sorted({who for who, _ in aging.by_collector if _named(who, request.customer_text)})
    if len(names) != 1:
        return None
    who = names[0]
    mine = {
        cur: b
        for (name, cur), b in aging.by_collector.items()
        if name == who and request.currency in (None, cur)
    }
    currencies = sorted(mine)
    totals: dict[str, Decimal] = {c: sum(mine[c].values(), ZERO) for c in currencies}
    past_due = {c: totals[c] - mine[c]["current"] for c in currencies}
    as_of = f"as of {day(context.today)}"
    open_text = " + ".join(money(totals[c], c) for c in currencies) or "nothing"
    due_text = " + ".join(money(past_due[c], c) for c in currencies) or "nothing"
    rows = tuple((n, *(money(mine[c][n], c) for c in currencies)) for n in AGING_BUCKET_NAMES)
    rows += (("Total", *(money(totals[c], c) for c in currencies)),)
    data: dict[str, Any] = {
        "as_of": context.today,
        "collector": who,
        "by_currency": {c: {**mine[c], "total": totals[c]} for c in currencies},
        "past_due": past_due,
    }
    return Reply(
        headline=f"Aging of {who}'s accounts ({as_of}): {open_text} open, {due_text} past due.",
        sections=[
            Section(
                table=Table(
                    ("Days past due", *currencies),
                    rows,
                    numeric=tuple(range(1, len(currencies) + 1)),
                    title=f"{who}'s accounts by due date, per currency",
                )
            )
        ],
        context=[f"Source: ERP open invoices of the customers {who} collects, {as_of}."],
        intent="aging_report",
        entities={"collector": who},
        data=data,
    )
