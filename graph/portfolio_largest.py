"""The largest open invoices, ranked within each currency (issue 17: amounts in different
currencies are never ranked against each other)."""

from __future__ import annotations

from typing import Any

from graph.format import day, money
from graph.messages import Reply, Section, Table
from graph.portfolio_answers import DATA_MAX_ROWS, TOP_DEFAULT, as_of
from graph.portfolio_collector import collector_named
from graph.portfolio_reads import book_reads
from graph.reports import ReportContext, scoped_customer
from graph.understand import Request
from integrations.erp.records import Invoice


def largest_invoices(context: ReportContext, request: Request) -> Reply:
    """The top N open invoices of each currency (issue 17: amounts in different currencies are
    never ranked against each other), of the whole book or of one customer; "above 50k": every
    one above it, in each currency on its own."""
    customer, notes = scoped_customer(context, request)
    # "the biggest open invoices for dana kim's accounts": a collector's customers, not one
    collector = collector_named(context, request) if customer is None else None
    if collector is not None:
        notes = []
    reads = book_reads(context.erp, context.today)
    over = request.at_least  # "open invoices above 50,000": every one above it, any currency
    top = DATA_MAX_ROWS if over is not None else request.limit or TOP_DEFAULT
    # the currency with the most open invoices first
    ranked = dict(
        sorted(
            reads.largest_by_currency(
                top,
                request.currency,
                customer.customer_id if customer else None,
                over,
                collector[1] if collector else None,
            ).items(),
            key=lambda kv: (-kv[1][0], kv[0]),
        )
    )
    scope = f" of {customer.name}" if customer else ""
    entities: dict[str, Any] = {"customer_id": customer.customer_id} if customer else {}
    if collector is not None:
        scope, entities = f" of {collector[0]}'s accounts", {"collector": collector[0]}
    if not ranked:
        only = f" in {request.currency}" if request.currency else ""
        headline = (
            f"No open invoice{scope}{only} is above {over:,} ({as_of(context)})."
            if over is not None
            else f"No open invoices{scope}{only} ({as_of(context)})."
        )
        return Reply(
            headline=" ".join([*notes, headline]),
            intent="largest_invoices",
            entities=entities,
            data={"as_of": context.today, "over": over, "by_currency": {}, "invoices": []},
        )
    shown = [i for _, rows in ranked.values() for i in rows]
    customers = reads.customers({i.customer_id for i in shown})

    def who(invoice: Invoice) -> str:
        found = customers.get(invoice.customer_id)
        return found.name if found else invoice.customer_id

    def named(invoice: Invoice) -> str:  # the customer is said once when asked about one
        return invoice.invoice_number if customer else f"{invoice.invoice_number} ({who(invoice)})"

    if len(ranked) == 1:
        [first] = [rows[0] for _, rows in ranked.values()]
        headline = (
            f"The largest open invoice{scope} is {named(first)}: "
            f"{money(first.balance, first.currency)} open, due {day(first.due_date)}."
        )
    else:
        headline = (
            f"The largest open invoice{scope} in each currency ({as_of(context)}): "
            + "; ".join(
                f"{named(rows[0])} {money(rows[0].balance, c)} in {c}"
                for c, (_, rows) in ranked.items()
            )
            + "."
        )
    if over is not None:
        counted = [(c, n) for c, (n, _) in ranked.items()]
        if len(counted) == 1:
            above = f"{_open_invoices(counted[0][1])}{scope} above {over:,} in {counted[0][0]}."
        else:
            above = (
                f"Open invoices{scope} above {over:,} (each currency on its own): "
                + "; ".join(f"{n:,} in {c}" for c, n in counted)
                + "."
            )
        headline = f"{above} {headline}"
    sections = []
    data: dict[str, Any] = {"as_of": context.today, "by_currency": {}, "open_invoices": {}}
    if over is not None:
        data["over"] = over
    for currency, (count, rows) in ranked.items():
        if over is not None:
            title = f"Above {over:,} in {currency}: {_open_invoices(count)}"
            title += f" (the largest {len(rows)})" if len(rows) < count else ""
        elif len(rows) < count:
            title = f"Top {len(rows)} in {currency} (of {_open_invoices(count)})"
        elif count == 1:
            title = f"The only open invoice in {currency}"
        else:
            title = f"All {_open_invoices(count)} in {currency}, largest first"
        sections.append(
            Section(
                title=title,  # the plain text's heading (the surfaces show the table's title)
                table=Table(
                    ("#", "Invoice", "Customer", "Open", "Amount", "Due"),
                    tuple(
                        (
                            str(n),
                            i.invoice_number,
                            who(i),
                            money(i.balance, i.currency),
                            money(i.amount, i.currency),
                            day(i.due_date),
                        )
                        for n, i in enumerate(rows, start=1)
                    ),
                    numeric=(3, 4),
                    title=title,
                ),
            )
        )
        data["open_invoices"][currency] = count
        data["by_currency"][currency] = [
            _invoice_entry(i, who(i), n) for n, i in enumerate(rows, 1)
        ]
    return Reply(
        headline=" ".join([*notes, headline]),
        sections=sections,
        context=[
            f"Source: ERP open invoices {as_of(context)}; ranked by open balance within each "
            "currency (amounts in different currencies are not compared)."
        ],
        intent="largest_invoices",
        entities=entities,
        # "invoices": every invoice shown, currency by currency, as before the ranking was per
        # currency (each with its rank within its currency)
        data=data | {"invoices": [e for rows in data["by_currency"].values() for e in rows]},
    )


def _open_invoices(count: int) -> str:
    return f"{count:,} open invoice{'' if count == 1 else 's'}"


def _invoice_entry(invoice: Invoice, customer_name: str, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "invoice_number": invoice.invoice_number,
        "customer_id": invoice.customer_id,
        "customer_name": customer_name,
        "balance": invoice.balance,
        "amount": invoice.amount,
        "currency": invoice.currency,
        "due_date": invoice.due_date,
    }
