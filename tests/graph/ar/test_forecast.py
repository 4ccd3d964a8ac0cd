"""DSO, CEI and the receipts forecast, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from graph.ar.forecast import Forecast, forecast_receipts
from graph.ar.forecast_backtest import backtest
from graph.ar.metrics import (
    best_possible_dso,
    cei,
    dso_countback,
    dso_standard,
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


def issued(
    number: str, customer_id: str, on: date, due: date, amount: str, balance: str | None = None
) -> Invoice:
    return Invoice(
        number,
        customer_id,
        on,
        due,
        D(amount),
        D(balance if balance is not None else amount),
        "USD",
    )


def forecast(
    open_invoices: list[Invoice],
    history: list[Invoice],
    payments: list[Payment],
    horizons: tuple[int, ...] = (30, 60, 90),
) -> Forecast:
    customers = {i.customer_id for i in [*open_invoices, *history]}
    return forecast_receipts(
        open_invoices,
        [Customer(c, f"{c} Co", "USD", 30) for c in sorted(customers)],
        payments,
        {i.invoice_number: i for i in [*history, *open_invoices]},
        TODAY,
        horizons,
    )


# The 0-30 window's newest snapshot is TODAY − 30 = 2026-10-22, the next one a week before.
# Invoices issued on 2026-10-20 are seen at the newest snapshot only, at full weight.
SEEN_ONCE = date(2026, 10, 20)


def test_the_curve_is_learnt_from_what_history_collected() -> None:
    a1 = issued("A1", "A", SEEN_ONCE, date(2026, 11, 3), "1000.00", "0.00")
    a2 = issued("A2", "A", SEEN_ONCE, date(2026, 11, 3), "1000.00", "0.00")
    b1 = issued("B1", "B", SEEN_ONCE, date(2026, 11, 3), "2000.00")  # never paid: open
    payments = [paid("PA", "A", date(2026, 11, 8), ("A1", "1000.00"), ("A2", "1000.00"))]
    open_invoices = [
        due_in("OA", 10, "1000.00", "A"),
        due_in("OC", 10, "1000.00", "C"),
        due_in("OC2", 40, "800.00", "C"),
        b1,
    ]
    result = forecast(open_invoices, [a1, a2, b1], payments)
    by_number = {r.invoice_number: r for r in result.receipts}
    # At 2026-10-22 A1, A2 and B1 were due in 12 days; of their 4,000, A's 2,000 came in the
    # next 30 days: 0.5. Nothing else was seen, and no snapshot of the later windows.
    assert result.rates == {"USD": {"due in 0-15 days": {"0-30": D("0.5000")}}}
    # A's own history (2 invoices, all paid) shrunk toward 0.5: 2/7 × 1 + 5/7 × 0.5.
    oa = by_number["OA"]
    assert (oa.segment, oa.rates_basis) == ("due in 0-15 days", "customer")
    assert oa.probabilities == {"0-30": D("0.6429"), "31-60": D("0"), "61-90": D("0")}
    assert oa.expected == {"0-30": D("642.90"), "31-60": D("0.00"), "61-90": D("0.00")}
    # A pays 5 days beyond terms (as the portfolio does): expected on due date + 5.
    assert (oa.bucket, oa.expected_on) == ("0-30", TODAY + timedelta(days=15))
    oc = by_number["OC"]
    assert (oc.basis, oc.rates_basis, oc.probabilities["0-30"]) == (
        "portfolio",
        "portfolio",
        D("0.5000"),
    )
    assert oc.bucket == "0-30"  # 0.5 in the window against 0.5 later or never
    # No history for these segments: the habit date's window gets all of it, as before.
    oc2 = by_number["OC2"]
    assert (oc2.segment, oc2.rates_basis, oc2.bucket) == ("due in 31-60 days", "none", "31-60")
    assert oc2.expected == {"0-30": D("0.00"), "31-60": D("800.00"), "61-90": D("0.00")}
    assert by_number["B1"].expected["0-30"] == D("2000.00")  # 18 days past due, habit past
    assert result.later == result.doubtful == ()
    assert result.expected == {
        "USD": {"0-30": D("3142.90"), "31-60": D("800.00"), "61-90": D("0.00")}
    }
    assert result.invoices == {"USD": {"0-30": ("OA", "OC", "B1"), "31-60": ("OC2",), "61-90": ()}}
    assert result.portfolio_days_beyond_terms == {"USD": D("5.0")}
    assert [(c.customer_id, sum(c.expected.values())) for c in result.customers] == [
        ("B", D("2000.00")),
        ("C", D("1300.00")),
        ("A", D("642.90")),
    ]
    assert result.customers[1].invoices == {"0-30": ("OC",), "31-60": ("OC2",), "61-90": ()}
    assert "collection curve" in result.method


def test_unpaid_old_invoices_get_the_low_rates_their_history_shows() -> None:
    # A delinquent account: nothing it was billed was ever paid.
    m1 = issued("M1", "M", date(2026, 8, 1), date(2026, 8, 31), "1000.00")
    m2 = issued("M2", "M", date(2026, 7, 2), date(2026, 8, 1), "1000.00")
    m3 = issued("M3", "M", date(2026, 6, 2), date(2026, 7, 2), "1000.00")
    result = forecast([m1, m2, m3], [m1, m2, m3], [], (30,))
    # At the weekly snapshots, M3 was 91-120 days past due, M2 and M3 61-90 days, and so on
    # back to when they were not yet due: none of it was paid in the 30 days after.
    assert result.rates == {
        "USD": {
            segment: {"0-30": D("0.0000")}
            for segment in (
                "due in 16-30 days",
                "due in 0-15 days",
                "1-30 days past due",
                "31-60 days past due",
                "61-90 days past due",
                "91-120 days past due",
            )
        }
    }
    m1_receipt, m2_receipt, m3_receipt = result.receipts
    assert (m1_receipt.segment, m1_receipt.expected) == ("61-90 days past due", {"0-30": D("0.00")})
    assert (m2_receipt.segment, m2_receipt.expected) == (
        "91-120 days past due",
        {"0-30": D("0.00")},
    )
    assert [r.invoice_number for r in result.later] == ["M1", "M2"]
    assert [r.invoice_number for r in result.doubtful] == ["M3"]
    assert m3_receipt.segment is None
    assert result.expected == {"USD": {"0-30": D("0.00")}}
    assert result.customers == ()


def test_recent_snapshots_weigh_more() -> None:
    # Issued 2026-10-15: seen at the snapshots of 10-15 (weight 2^-½: a week back, with a
    # 14-day half-life) and 10-22 (weight 1), due in 10 and 3 days. Paid 2026-11-16: within
    # 30 days of 10-22, not of 10-15.
    x1 = issued("X1", "X", date(2026, 10, 15), date(2026, 10, 25), "1000.00", "0.00")
    payments = [paid("PX", "X", date(2026, 11, 16), ("X1", "1000.00"))]
    result = forecast([due_in("Y1", 5, "1000.00", "Y")], [x1], payments, (30,))
    # 1,000 collected of 1,000 × 1 + 1,000 × 0.7071: 1 ÷ 1.7071 = 0.5858.
    assert result.rates["USD"]["due in 0-15 days"] == {"0-30": D("0.5858")}
    [y1] = result.receipts
    assert (y1.basis, y1.days_beyond_terms, y1.expected) == (
        "portfolio",
        D("22.0"),
        {"0-30": D("585.80")},
    )


def test_a_slower_payer_is_looked_up_as_due_later() -> None:
    q1 = issued("Q1", "Q", SEEN_ONCE, date(2026, 11, 1), "1000.00", "0.00")
    q2 = issued("Q2", "Q", SEEN_ONCE, date(2026, 11, 12), "1000.00", "750.00")
    # Paid 20 days beyond terms, so long ago that no snapshot sees it.
    s0 = issued("S0", "S", date(2026, 1, 1), date(2026, 1, 31), "1000.00", "0.00")
    payments = [
        paid("PQ1", "Q", date(2026, 11, 1), ("Q1", "1000.00")),
        paid("PQ2", "Q", date(2026, 11, 12), ("Q2", "250.00")),
        paid("PS", "S", date(2026, 2, 20), ("S0", "1000.00")),
    ]
    open_invoices = [
        due_in("S1", 10, "1000.00", "S"),
        due_in("T1", 10, "1000.00", "T"),
        due_in("Q3", 10, "1000.00", "Q"),
    ]
    result = forecast(open_invoices, [q1, q2, s0], payments, (30,))
    # Q1 was due in 10 days at the snapshot and paid; Q2, due in 21, a quarter paid.
    assert result.rates == {
        "USD": {
            "due in 16-30 days": {"0-30": D("0.2500")},
            "due in 0-15 days": {"0-30": D("1.0000")},
        }
    }
    # The USD average: 20 days on 1,000 and 0 on 1,250 = 8.9, 9 whole days. S pays 20: it is
    # looked up as due 11 days later (in 21 days); Q pays 0: 9 days sooner (never past due).
    assert result.portfolio_days_beyond_terms == {"USD": D("8.9")}
    s1, t1, q3 = result.receipts
    assert (s1.segment, s1.rates_basis, s1.expected) == (
        "due in 16-30 days",
        "portfolio",
        {"0-30": D("250.00")},
    )
    assert (t1.basis, t1.segment, t1.expected) == (
        "portfolio",
        "due in 0-15 days",
        {"0-30": D("1000.00")},
    )
    assert (q3.segment, q3.rates_basis, q3.expected) == (
        "due in 0-15 days",
        "customer",
        {"0-30": D("1000.00")},
    )


def test_credits_are_inferred_from_the_balances() -> None:
    # K1: 1,000 paid with 980 and a 20 discount; K2: credited in full, never paid in cash;
    # K3: a credit recorded as a negative invoice.
    k1 = issued("K1", "K", SEEN_ONCE, date(2026, 11, 3), "1000.00", "0.00")
    k2 = issued("K2", "K", SEEN_ONCE, date(2026, 11, 3), "500.00", "0.00")
    k3 = issued("K3", "K", SEEN_ONCE, date(2026, 11, 3), "-50.00")
    payments = [paid("PK", "K", date(2026, 11, 3), ("K1", "980.00"))]
    result = forecast([due_in("N1", 5, "100.00", "N")], [k1, k2, k3], payments, (30,))
    # K1 counts with its 1,000 open and 980 collected; K2 and K3 were never open.
    assert result.rates["USD"] == {"due in 0-15 days": {"0-30": D("0.9800")}}
    assert result.expected == {"USD": {"0-30": D("98.00")}}


def test_backtest_compares_the_forecast_with_what_was_paid() -> None:
    # Both issued 2026-09-28, due 10-08: H1 paid on the day, H2 on 11-20.
    h1 = issued("H1", "X", date(2026, 9, 28), date(2026, 10, 8), "1000.00", "0.00")
    h2 = issued("H2", "X", date(2026, 9, 28), date(2026, 10, 8), "1000.00", "0.00")
    n1 = issued("N1", "X", date(2026, 10, 25), date(2026, 11, 4), "600.00", "0.00")
    n2 = issued("N2", "X", date(2026, 11, 5), date(2026, 12, 5), "50.00", "0.00")  # in neither
    invoices = [h1, h2, n1, n2]
    payments = [
        paid("P1", "X", date(2026, 10, 8), ("H1", "1000.00")),
        paid("P2", "X", date(2026, 11, 10), ("N1", "400.00"), ("N2", "50.00")),
        paid("P3", "X", date(2026, 11, 20), ("H2", "1000.00")),
        paid("P4", "X", date(2026, 12, 15), ("N1", "200.00")),  # after the window
    ]
    result = backtest(invoices, payments, [date(2026, 10, 31), date(2026, 9, 30)], 30)
    first, second = result.rows
    # 2026-09-30: H1 and H2 open, no history at all: both expected by their due date (in 8
    # days); only H1's 1,000 came by 10-30.
    assert (first.cutoff, first.open_invoices, first.open_ar) == (
        date(2026, 9, 30),
        2,
        D("2000.00"),
    )
    assert (first.forecast, first.actual, first.error, first.abs_pct_error) == (
        D("2000.00"),
        D("1000.00"),
        D("1000.00"),
        D("100.0"),
    )
    # 2026-10-31: the curve's newest snapshot, 10-01, saw H1 and H2 due in 7 days and half of
    # it paid by 10-31 (H2's payment, after the cutoff, is not seen): N1, due in 4 days, is
    # expected at 0.5. H2, 23 days past due, has no history: due date + 0 days habit is past,
    # so all of it in the window. Paid: H2's 1,000 and N1's 400 (its 200 came after 11-30).
    assert (second.open_invoices, second.open_ar) == (2, D("1600.00"))
    assert (second.forecast, second.actual, second.error, second.abs_pct_error) == (
        D("1300.00"),
        D("1400.00"),
        D("-100.00"),
        D("7.1"),
    )
    assert result.mape == {"USD": D("53.6")}  # (100 + 7.14) ÷ 2
    assert result.weighted_abs_error == {"USD": D("45.8")}  # 1,100 ÷ 2,400
    # No peeking: the records known at 10-31 alone give the same forecast.
    cutoff = date(2026, 10, 31)
    known = backtest(
        [i for i in invoices if i.invoice_date <= cutoff],
        [p for p in payments if p.received_on <= cutoff],
        [cutoff],
        30,
    )
    assert known.rows[0].forecast == second.forecast
