"""The DSO and receipts forecast report (``what is our DSO``, ``cash forecast``): per currency,
DSO standard and countback, best possible DSO, average days delinquent, CEI and the receipts
expected in each window. The whole book is summed where it lives (``graph.ar.book_metrics``,
``graph.ar.forecast_book``: the local ledger's columns); one customer's from its own records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.ar.book_metrics import book_metrics
from graph.ar.forecast_book import ForecastTotals, book_forecast
from graph.ar.ledger_book import read_ledger_book
from graph.ar.metrics import ZERO, Metrics, receivables_metrics
from graph.format import money
from graph.messages import Fact, Reply, Section

if TYPE_CHECKING:
    from datetime import date

    from graph.reports import ReportContext
    from graph.understand import Request
    from integrations.erp.port import ErpClient


def forecast_report(context: ReportContext, request: Request) -> Reply:
    from graph.reports import scoped_customer

    customer, unread = scoped_customer(context, request)
    if customer is None:
        book = read_ledger_book(context.erp)  # the local ledger's, read once for both
        metrics = book_metrics(context.erp, context.today, book=book)
        outlook = book_forecast(context.erp, context.today, book=book)
    else:  # one customer's receivables, measured the same way
        metrics, outlook = _of_customer(context.erp, customer.customer_id, context.today)
    sections = []
    data: dict[str, Any] = {"as_of": context.today, "metrics": {}, "forecast": {}}
    headline_parts = []
    for currency, figures in metrics.items():
        expected = outlook.expected.get(currency, {})
        if figures.dso_standard is not None:
            headline_parts.append(f"DSO {figures.dso_standard} days ({currency})")
        sections.append(
            Section(
                title=f"{currency}",
                facts=(
                    Fact("DSO, standard (90 days)", f"{figures.dso_standard} days"),
                    Fact("DSO, countback", f"{figures.dso_countback} days"),
                    Fact("Best possible DSO", f"{figures.best_possible_dso} days"),
                    Fact("Average days delinquent", f"{figures.average_days_delinquent} days"),
                    Fact("CEI", f"{figures.cei}"),
                    *(
                        Fact(
                            f"Expected in {label} days", money(expected.get(label, ZERO), currency)
                        )
                        for label in outlook.buckets
                    ),
                ),
            )
        )
        data["metrics"][currency] = {
            "dso_standard": figures.dso_standard,
            "dso_countback": figures.dso_countback,
            "best_possible_dso": figures.best_possible_dso,
            "average_days_delinquent": figures.average_days_delinquent,
            "cei": figures.cei,
            "ending_ar": figures.ending_ar,
            "credit_sales": figures.credit_sales,
            "methods": figures.methods,
        }
        data["forecast"][currency] = expected
    data["doubtful"] = outlook.doubtful
    whose = f"{customer.name}: " if customer else ""
    return Reply(
        headline=" ".join(
            [*unread, whose + ("; ".join(headline_parts) or "No receivables to measure yet.")]
        ),
        entities={"customer_id": customer.customer_id} if customer else {},
        sections=sections,
        context=[
            outlook.method,
            "DSO standard: ending AR ÷ credit sales of the last 90 days × "
            "90; countback: months of sales consumed by ending AR; CEI over 90 days.",
        ],
        intent="forecast",
        data=data,
    )


def _of_customer(
    erp: ErpClient, customer_id: str, today: date
) -> tuple[dict[str, Metrics], ForecastTotals]:
    from graph.ar.forecast import forecast_receipts

    invoices = erp.invoices(customer_id, open_only=False)
    payments = erp.payments(customer_id)
    adjustments = erp.adjustments(customer_id)
    metrics = {
        currency: receivables_metrics(
            [i for i in invoices if i.currency == currency],
            [a for a in adjustments if a.currency == currency],
            [p for p in payments if p.currency == currency],
            today,
        )
        for currency in sorted({i.currency for i in invoices})
    }
    outlook = forecast_receipts(
        [i for i in invoices if i.balance > 0],
        [],
        payments,
        {i.invoice_number: i for i in invoices},
        today,
    )
    doubtful: dict[str, Any] = {}
    for receipt in outlook.doubtful:
        doubtful[receipt.currency] = doubtful.get(receipt.currency, ZERO) + receipt.balance
    return metrics, ForecastTotals(
        today, outlook.buckets, outlook.expected, doubtful, outlook.method
    )
