"""DSO, CEI and the receipts forecast, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from graph.ar.forecast import (
    backtest,
    best_possible_dso,
    cei,
    dso_countback,
    dso_standard,
    forecast_receipts,
    receivables_metrics,
)
from integrations.erp.records import Adjustment, Application, Customer, Invoice, Payment

TODAY = date(2026, 11, 21)
D = Decimal


def test_dso_standard_and_best_possible() -> None:
    assert dso_standard(D("45000.00"), D("90000.00"), 90) == D("45.0")
    assert best_possible_dso(D("20000.00"), D("90000.00"), 90) == D("20.0")
    assert dso_standard(D("1"), D("4"), 1) == D("0.3")  # 0.25 rounds half up
    assert dso_standard(D("100.00"), D("0.00"), 90) is None


def test_dso_countback() -> None:
    # 60,000 of the newest month's sales (30 days), then 40,000 of 50,000 (31 days).
    assert dso_countback(D("100000"), [(30, D("60000")), (31, D("50000"))]) == D("54.8")
    # A month without sales passes whole: 30 + 25,000 / 50,000 × 31.
    assert dso_countback(D("25000"), [(30, D("0")), (31, D("50000"))]) == D("45.5")
    # More AR than all the sales given: the rest at the oldest month's 2,000 a day.
    assert dso_countback(D("200000"), [(30, D("60000")), (31, D("62000"))]) == D("100.0")
    assert dso_countback(D("0"), [(30, D("60000"))]) == D("0.0")
    assert dso_countback(D("10"), [(30, D("0"))]) is None


def test_cei() -> None:
    # (50,000 + 100,000 − 60,000) ÷ (50,000 + 100,000 − 40,000) × 100 = 81.81…
    assert cei(D("50000"), D("100000"), D("60000"), D("40000")) == D("81.8")
    assert cei(D("0"), D("0"), D("0"), D("0")) is None


def paid(payment_id: str, customer_id: str, on: date, *applied: tuple[str, str]) -> Payment:
    return Payment(
        payment_id,
        customer_id,
        on,
        sum((D(a) for _, a in applied), D("0.00")),
        "USD",
        applications=tuple(Application(payment_id, n, D(a), on) for n, a in applied),
    )


def bill(
    number: str, dated: date, amount: str, customer_id: str = "C1", balance: str | None = None
) -> Invoice:
    return Invoice(
        number,
        customer_id,
        dated,
        dated + timedelta(days=30),
        D(amount),
        D(balance if balance is not None else amount),
        "USD",
    )


def test_receivables_metrics_from_records() -> None:
    invoices = [
        bill("A", date(2026, 7, 1), "1000.00", balance="0.00"),
        bill("B", date(2026, 8, 10), "2000.00", balance="1800.00"),
        bill("C", date(2026, 10, 1), "3000.00", balance="2000.00"),
        bill("D", date(2026, 11, 10), "4000.00"),
        bill("E", date(2026, 11, 25), "9000.00"),  # after as_of: not yet
    ]
    payments = [
        paid("P1", "C1", date(2026, 8, 1), ("A", "400.00")),
        paid("P2", "C1", date(2026, 9, 10), ("A", "600.00")),
        paid("P3", "C1", date(2026, 11, 1), ("C", "1000.00")),
    ]
    credit = Adjustment(
        "ADJ-1", "C1", "B", date(2026, 8, 20), D("200.00"), "USD", "credit_memo", "pricing"
    )
    metrics = receivables_metrics(invoices, [credit], payments, TODAY)
    # The 90 days are 2026-08-24 .. 2026-11-21.
    assert (metrics.period_start, metrics.currency) == (date(2026, 8, 24), "USD")
    assert metrics.beginning_ar == D("2400.00")  # A 600 + B 1,800
    assert metrics.credit_sales == D("7000.00")  # C + D
    assert (metrics.collections, metrics.credits) == (D("1600.00"), D("0.00"))
    assert metrics.ending_ar == D("7800.00")  # B 1,800 + C 2,000 + D 4,000
    assert (metrics.current_ar, metrics.past_due_ar) == (D("4000.00"), D("3800.00"))
    assert metrics.dso_standard == D("100.3")  # 7,800 ÷ 7,000 × 90
    assert metrics.best_possible_dso == D("51.4")  # 4,000 ÷ 7,000 × 90
    assert metrics.average_days_delinquent == D("48.9")
    assert metrics.cei == D("29.6")  # 1,600 ÷ 5,400 × 100
    # Nov to date (21 d) takes 4,000, Oct (31 d) 3,000, Sep (30 d) none, Aug 800 of 2,000.
    assert metrics.dso_countback == D("94.4")
    assert metrics.sales_invoices == ("C", "D")
    assert metrics.open_invoices == ("B", "C", "D")
    assert metrics.methods["dso_standard"] == (
        "ending AR ÷ credit sales of the 90 days 2026-08-24..2026-11-21 × 90"
    )


def test_receivables_metrics_refuses_mixed_currencies() -> None:
    euro = Invoice("X", "C1", date(2026, 11, 1), date(2026, 12, 1), D("1"), D("1"), "EUR")
    with pytest.raises(ValueError, match="one currency at a time"):
        receivables_metrics([bill("A", date(2026, 11, 1), "1.00"), euro], [], [], TODAY)


def due_in(number: str, days: int, balance: str, customer_id: str = "F") -> Invoice:
    due = TODAY + timedelta(days=days)
    return Invoice(
        number, customer_id, due - timedelta(days=30), due, D(balance), D(balance), "USD"
    )


def history(customer_id: str, amount: str, days_beyond: int) -> tuple[Invoice, Payment]:
    due = TODAY - timedelta(days=200)
    invoice = Invoice(
        f"{customer_id}-PAID", customer_id, due - timedelta(days=30), due, D(amount), D("0"), "USD"
    )
    payment = paid(
        f"PMT-{customer_id}",
        customer_id,
        due + timedelta(days=days_beyond),
        (invoice.invoice_number, amount),
    )
    return invoice, payment


def test_forecast_receipts_by_horizon() -> None:
    f_paid, f_payment = history("F", "1000.00", 10)
    k_paid, k_payment = history("K", "3000.00", 20)
    open_invoices = [
        due_in("F1", 5, "100.00"),  # expected in 15 days
        due_in("F2", 40, "200.00"),  # in 50
        due_in("F3", 75, "300.00"),  # in 85
        due_in("F4", 85, "400.00"),  # in 95: after the last horizon
        due_in("F5", -60, "500.00"),  # expected date past, 60 days late: first horizon
        due_in("F6", -100, "600.00"),  # past, 100 days late: last horizon
        due_in("F7", -130, "700.00"),  # over 120 days late: doubtful
        due_in("G1", 20, "800.00", "G"),  # no history: the portfolio's 17.5 → 18, in 38
    ]
    forecast = forecast_receipts(
        open_invoices,
        [Customer("F", "F Co", "USD", 30), Customer("G", "G Co", "USD", 30)],
        [f_payment, k_payment],
        {i.invoice_number: i for i in [*open_invoices, f_paid, k_paid]},
        TODAY,
    )
    assert forecast.buckets == ("0-30", "31-60", "61-90")
    assert forecast.expected == {
        "USD": {"0-30": D("600.00"), "31-60": D("1000.00"), "61-90": D("900.00")}
    }
    assert forecast.invoices == {
        "USD": {"0-30": ("F1", "F5"), "31-60": ("F2", "G1"), "61-90": ("F3", "F6")}
    }
    assert [r.invoice_number for r in forecast.later] == ["F4"]
    assert [r.invoice_number for r in forecast.doubtful] == ["F7"]
    # 1,000 paid 10 days late and 3,000 paid 20 days late: 17.5 amount-weighted.
    assert forecast.portfolio_days_beyond_terms == {"USD": D("17.5")}
    f_row, g_row = forecast.customers
    assert (f_row.customer_id, f_row.days_beyond_terms, f_row.basis) == ("F", D("10.0"), "customer")
    assert f_row.expected == {"0-30": D("600.00"), "31-60": D("200.00"), "61-90": D("900.00")}
    assert (g_row.name, g_row.basis, g_row.expected["31-60"]) == ("G Co", "portfolio", D("800.00"))
    assert g_row.invoices == {"0-30": (), "31-60": ("G1",), "61-90": ()}
    [g1] = [r for r in forecast.receipts if r.invoice_number == "G1"]
    assert g1.expected_on == TODAY + timedelta(days=38)


def test_backtest_compares_the_forecast_with_what_was_paid() -> None:
    history_invoice = Invoice(
        "XH", "X", date(2026, 6, 1), date(2026, 7, 1), D("1000.00"), D("0.00"), "USD"
    )
    invoices = [
        history_invoice,
        bill("X1", date(2026, 8, 15), "500.00", "X"),
        bill("X2", date(2026, 9, 20), "700.00", "X"),
        bill("X3", date(2026, 10, 5), "100.00", "X"),
        bill("X4", date(2026, 9, 1), "400.00", "X"),
    ]
    payments = [
        paid("P0", "X", date(2026, 7, 6), ("XH", "1000.00")),  # 5 days late
        paid("P1", "X", date(2026, 9, 25), ("X4", "400.00")),  # 6 days early
        paid("P2", "X", date(2026, 10, 10), ("X1", "500.00"), ("X3", "100.00")),
        paid("P3", "X", date(2026, 11, 15), ("X2", "300.00")),
    ]
    result = backtest(invoices, payments, [date(2026, 10, 31), date(2026, 9, 30)], 30)
    first, second = result.rows
    # 2026-09-30: X1 and X2 open, both expected by 2026-10-30; only X1's 500 came.
    assert (first.cutoff, first.open_invoices, first.open_ar) == (
        date(2026, 9, 30),
        2,
        D("1200.00"),
    )
    assert (first.forecast, first.actual, first.error, first.abs_pct_error) == (
        D("1200.00"),
        D("500.00"),
        D("700.00"),
        D("140.0"),
    )
    # 2026-10-31: X2 open, expected (due 10-20 + 7 days' habit) already; 300 came by 11-30.
    assert (second.open_invoices, second.forecast, second.actual, second.abs_pct_error) == (
        1,
        D("700.00"),
        D("300.00"),
        D("133.3"),
    )
    assert result.mape == {"USD": D("136.7")}  # (140 + 133.33) ÷ 2
    assert result.weighted_abs_error == {"USD": D("137.5")}  # 1,100 ÷ 800
