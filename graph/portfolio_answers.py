"""Questions about the whole book: the aging, who owes the most, what is over N days, total AR,
credit exceptions, the largest open invoices. Deterministic, from the ERP, with the evidence;
amounts are per currency and never summed across currencies.

Each handler is ``(ReportContext, Request) -> Reply`` (see ``graph.intents``). The cash-side
questions (payments, unapplied cash, days to pay, disputes, promises) are in
``graph.portfolio_cash``.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from graph.format import day, money, plural
from graph.messages import TABLE_MAX_ROWS, Reply, Section, Table
from graph.portfolio_collector import collector_aging
from graph.portfolio_reads import ZERO, CustomerSum, book_reads
from graph.reports import ReportContext, scoped_customer
from graph.understand import Request
from integrations.erp.records import AGING_BUCKET_NAMES, Customer

TOP_DEFAULT = 10
DATA_MAX_ROWS = 500  # rows in the structured reply (the table shows fewer)


def amounts(totals: dict[str, Decimal]) -> str:
    """ "$1,200.00 (USD) + €80.10 (EUR)": one amount per currency, never a sum across them."""
    if not totals:
        return "nothing"
    return " + ".join(money(v, c) for c, v in sorted(totals.items()))


def customer_cell(customer: Customer) -> str:
    return f"{customer.name} ({customer.customer_id})"


def as_of(context: ReportContext) -> str:
    return f"as of {day(context.today)}"


# --- aging ----------------------------------------------------------------------------------------
def aging_report(context: ReportContext, request: Request) -> Reply:
    customer, notes = scoped_customer(context, request)
    if customer is None and (mine := collector_aging(context, request)) is not None:
        return mine  # "aging for priya's book": a collector's accounts, not a customer
    aging = book_reads(context.erp, context.today).book_aging(
        customer.customer_id if customer else None, by_collector=request.by_collector
    )
    by_currency = {c: b for c, b in aging.buckets.items() if request.currency in (None, c)}
    currencies = sorted(by_currency)
    totals = {c: sum(b.values(), ZERO) for c, b in by_currency.items()}
    past_due = {c: totals[c] - by_currency[c]["current"] for c in currencies}
    scope = customer.name if customer else "all customers"
    headline = (
        f"Aging ({scope}, {as_of(context)}): {amounts(totals)} open, {amounts(past_due)} past due."
        if by_currency
        else f"Nothing is open ({scope}, {as_of(context)})."
    )
    table_rows = tuple(
        (name, *(money(by_currency[c][name], c) for c in currencies)) for name in AGING_BUCKET_NAMES
    )
    table_rows += (("Total", *(money(totals[c], c) for c in currencies)),)
    sections = [
        Section(
            table=Table(
                ("Days past due", *currencies),
                table_rows,
                numeric=tuple(range(1, len(currencies) + 1)),
                title="Aging by due date, per currency",
            )
        )
    ]
    data: dict[str, Any] = {
        "as_of": context.today,
        "by_currency": {c: {**by_currency[c], "total": totals[c]} for c in currencies},
        "past_due": past_due,
        "customers": aging.customers,
    }
    if request.by_collector:
        collectors = {
            key: b for key, b in aging.by_collector.items() if request.currency in (None, key[1])
        }
        sections.append(
            Section(
                table=Table(
                    ("Collector", "Currency", *AGING_BUCKET_NAMES, "Total"),
                    tuple(
                        (
                            who,
                            cur,
                            *(money(b[n], cur) for n in AGING_BUCKET_NAMES),
                            money(sum(b.values(), ZERO), cur),
                        )
                        for (who, cur), b in sorted(collectors.items())
                    ),
                    numeric=tuple(range(2, len(AGING_BUCKET_NAMES) + 3)),
                    title="By collector",
                )
            )
        )
        data["by_collector"] = {
            f"{who}/{cur}": {**b, "total": sum(b.values(), ZERO)}
            for (who, cur), b in sorted(collectors.items())
        }
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[f"Source: ERP open invoices {as_of(context)}; aged by due date."],
        intent="aging_report",
        entities={"customer_id": customer.customer_id} if customer else {},
        data=data,
    )


# --- who owes the most ----------------------------------------------------------------------------
def top_debtors(context: ReportContext, request: Request) -> Reply:
    reads = book_reads(context.erp, context.today)
    over = request.at_least  # "who owes more than 50k": everyone above it, in any currency
    top = DATA_MAX_ROWS if over is not None else request.limit or TOP_DEFAULT
    # the currency with the most customers first
    ranked = dict(
        sorted(
            reads.top_debtors(top, request.currency, past_due=request.past_due_first).items(),
            key=lambda kv: -kv[1][0],
        )
    )
    if over is not None:
        ranked = {
            c: (n, [r for r in rows if r.total > over])
            for c, (n, rows) in ranked.items()
            if any(r.total > over for r in rows)
        }
        if not ranked:
            return Reply(
                headline=f"Nobody owes more than {over:,} in any currency ({as_of(context)}).",
                intent="top_debtors",
                data={"as_of": context.today, "over": over, "by_currency": {}},
            )
    if not ranked:
        return Reply(headline="Nobody owes anything: no open invoices.", intent="top_debtors")
    customers = reads.customers({r.customer_id for _, shown in ranked.values() for r in shown})

    def who(row: CustomerSum) -> Customer:
        return customers[row.customer_id]

    late = request.past_due_first  # "top 5 customers by overdue amount": ranked by past due
    leaders = [
        f"{who(r[0]).name} with {money(r[0].past_due if late else r[0].total, c)}"
        + (" past due" if late else "")
        for c, (_, r) in ranked.items()
    ]
    headline = f"Who owes the most{' past due' if late else ''} ({as_of(context)}): " + "; ".join(
        f"{leader} ({currency})" for leader, currency in zip(leaders, ranked, strict=True)
    )
    if over is not None:
        headline = (
            f"Owing more than {over:,} ({as_of(context)}, each currency on its own): "
            + "; ".join(
                f"{plural(len(rows), 'customer')} in {c}" for c, (_, rows) in ranked.items()
            )
        )
    sections = []
    data: dict[str, Any] = {"as_of": context.today, "by_currency": {}}
    if late:
        data["ranked_by"] = "past_due"
    for currency, (customer_count, shown) in ranked.items():
        sections.append(
            Section(
                table=Table(
                    ("#", "Customer", "Open", "Past due", "Invoices"),
                    tuple(
                        (
                            str(n),
                            customer_cell(who(r)),
                            money(r.total, currency),
                            money(r.past_due, currency),
                            str(r.invoices) if r.invoices else "",
                        )
                        for n, r in enumerate(shown, start=1)
                    ),
                    numeric=(2, 3),
                    title=(
                        f"Over {over:,} in {currency}: {len(shown)} of {customer_count} customers"
                        if over is not None
                        else f"Top {len(shown)} in {currency} (of {customer_count} customers"
                        + (" with something past due)" if late else ")")
                    ),
                )
            )
        )
        data["by_currency"][currency] = [
            {
                "customer_id": r.customer_id,
                "name": who(r).name,
                "open": r.total,
                "past_due": r.past_due,
            }
            for r in shown
        ]
    return Reply(
        headline=headline + ".",
        sections=sections,
        context=[f"Source: ERP open invoices {as_of(context)}; ranked within each currency."],
        intent="top_debtors",
        data=data,
    )


# --- over N days ----------------------------------------------------------------------------------
def over_days(context: ReportContext, request: Request) -> Reply:
    days = request.days or 90
    customer, notes = scoped_customer(context, request)
    reads = book_reads(context.erp, context.today)
    groups = reads.over_groups(days, customer.customer_id if customer else None, request.currency)
    customers = reads.customers({g.customer_id for g in groups[:TABLE_MAX_ROWS]})
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for group in groups:
        totals[group.currency] += group.total
    count = sum(g.count for g in groups)
    scope = f" for {customer.name}" if customer else ""
    if groups:
        headline = (
            f"{amounts(dict(totals))} is more than {days} days past due{scope}: "
            f"{plural(count, 'invoice')} of {plural(len(groups), 'customer')}."
        )
    else:
        headline = f"Nothing is more than {days} days past due{scope} ({as_of(context)})."
    rows = []
    entries = []
    for group in groups[:TABLE_MAX_ROWS]:
        who = customers.get(group.customer_id)
        oldest = (context.today - group.oldest_due).days
        numbers = group.invoices
        rows.append(
            (
                customer_cell(who) if who else group.customer_id,
                money(group.total, group.currency),
                str(group.count),
                f"{oldest} days",
                ", ".join(numbers[:4]) + (" …" if len(numbers) > 4 else ""),
            )
        )
        entries.append(
            {
                "customer_id": group.customer_id,
                "name": who.name if who else None,
                "currency": group.currency,
                "total": group.total,
                "invoices": numbers,
                "oldest_days_past_due": oldest,
            }
        )
    sections = []
    if rows:
        more = len(groups) - len(rows)
        sections.append(
            Section(
                table=Table(
                    ("Customer", f"Over {days}", "Invoices", "Oldest", "Invoice numbers"),
                    tuple(rows),
                    numeric=(1, 2),
                    title="By customer, largest first per currency"
                    + (f" (first {len(rows)} of {len(groups)})" if more else ""),
                )
            )
        )
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[f"Source: ERP open invoices {as_of(context)}; days past the due date."],
        intent="over_days",
        entities={"customer_id": customer.customer_id} if customer else {},
        data={
            "as_of": context.today,
            "days": days,
            "totals": dict(totals),
            "invoices": count,
            "customers": entries,
        },
    )


# --- total AR -------------------------------------------------------------------------------------
def total_ar(context: ReportContext, request: Request) -> Reply:
    sums = book_reads(context.erp, context.today).currency_totals()
    sums = {c: s for c, s in sums.items() if request.currency in (None, c)}
    totals = {c: s[0] for c, s in sums.items()}
    past_due = {c: s[1] for c, s in sums.items()}
    counts = {c: s[2] for c, s in sums.items()}
    only = f" in {request.currency}" if request.currency else ""
    headline = (
        f"Total AR{only} {as_of(context)}: {amounts(dict(totals))}; past due: "
        f"{amounts(dict(past_due))}."
        if sums
        else f"Nothing is open{only} ({as_of(context)})."
    )
    table = tuple(
        (
            c,
            money(totals[c], c),
            money(past_due[c], c),
            f"{(100 * past_due[c] / totals[c]).quantize(Decimal('0.1'))}%" if totals[c] else "",
            str(counts[c]),
        )
        for c in sorted(totals)
    )
    return Reply(
        headline=headline,
        sections=[
            Section(
                table=Table(
                    ("Currency", "Open", "Past due", "Past due %", "Customers"),
                    table,
                    numeric=(1, 2, 3, 4),
                )
            )
        ],
        context=[f"Source: ERP open invoices {as_of(context)}; one total per currency."],
        intent="total_ar",
        data={"as_of": context.today, "open": dict(totals), "past_due": dict(past_due)},
    )
