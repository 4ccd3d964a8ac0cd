"""The collections priority list: who comes first, why, and what to do."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from graph.ar.collections import PriorityEntry, priority_list, worklists
from integrations.erp.records import (
    Application,
    Customer,
    Invoice,
    Note,
    Payment,
    PromiseToPay,
)

TODAY = date(2026, 11, 21)
D = Decimal


def customer(
    customer_id: str,
    *,
    terms: int = 30,
    limit: str | None = None,
    collector: str | None = None,
) -> Customer:
    return Customer(
        customer_id,
        f"{customer_id} Co",
        "USD",
        terms,
        credit_limit=D(limit) if limit else None,
        collector=collector,
    )


def invoice(
    number: str, customer_id: str, days_past_due: int, balance: str, currency: str = "USD"
) -> Invoice:
    due = TODAY - timedelta(days=days_past_due)
    return Invoice(
        number, customer_id, due - timedelta(days=30), due, D(balance), D(balance), currency
    )


def note(customer_id: str, days_ago: int) -> Note:
    return Note(customer_id, "called", "Dana Kim", datetime(2026, 11, 21, 9) - timedelta(days_ago))


def rank(
    customers: list[Customer],
    invoices: list[Invoice],
    *,
    payments: Iterable[Payment] = (),
    paid_invoices: Iterable[Invoice] = (),
    promises: Iterable[PromiseToPay] = (),
    notes: Iterable[Note] = (),
    disputed: frozenset[str] = frozenset(),
) -> list[PriorityEntry]:
    by_number = {i.invoice_number: i for i in [*invoices, *paid_invoices]}
    return priority_list(
        customers, invoices, payments, by_number, promises, notes, TODAY, disputed=disputed
    )


def factor(entry: PriorityEntry, name: str):
    return next(f for f in entry.factors if f.name == name)


def test_older_debt_ranks_first_and_sets_the_next_step_and_stage() -> None:
    entries = rank(
        [customer(c) for c in "ABCD"],
        [
            invoice("A1", "A", 100, "5000.00"),
            invoice("B1", "B", 45, "5000.00"),
            invoice("C1", "C", 10, "5000.00"),
            invoice("D1", "D", -5, "5000.00"),
        ],
    )
    assert [e.customer_id for e in entries] == ["A", "B", "C", "D"]
    assert [e.next_step for e in entries] == ["hold", "call", "reminder", "monitor"]
    assert [e.stage for e in entries] == ["final", "firm", "friendly", "friendly"]
    # past due 10 + aging 20×bucket weight (0.9, 0.5, 0.25) + amount at risk 20×percentile
    # (5,000 at risk for A; 2,500 for B and C: at or above 3/3 and 2/3) + no contact 10.
    assert [e.score for e in entries] == [58.0, 43.3, 38.3, 0.0]
    first = entries[0]
    assert factor(first, "aging").text == (
        "oldest, A1, is 100 days past due; 100% of the past-due balance is 61+ days"
    )
    assert factor(first, "amount_at_risk").text == (
        "$5,000.00 past due, $5,000.00 of it 91-120 days ($5,000.00 at risk, "
        "at or above 100% of past-due USD accounts)"
    )
    assert factor(first, "last_contact").text == "no contact on record"
    assert first.next_step_text.startswith("Put on credit hold and call: $5,000.00 past due")
    assert entries[2].next_step_text == (
        "Send a friendly reminder: $5,000.00 past due on 1 invoice, oldest C1 10 days."
    )
    assert entries[3].next_step_text == "Nothing past due: monitor."


def test_totals_buckets_and_past_due_invoices_oldest_first() -> None:
    [entry] = rank(
        [customer("E")],
        [
            invoice("E1", "E", 0, "1000.00"),
            invoice("E2", "E", 10, "2000.00"),
            invoice("E3", "E", 45, "3000.00"),
            invoice("E4", "E", 75, "4000.00"),
            invoice("E5", "E", 130, "500.00"),
            invoice("E6", "E", 50, "0.00"),  # paid: nothing to chase
        ],
    )
    assert entry.open_total == D("10500.00")
    assert entry.past_due == D("9500.00")
    assert entry.buckets == {
        "current": D("1000.00"),
        "1-30": D("2000.00"),
        "31-60": D("3000.00"),
        "61-90": D("4000.00"),
        "91-120": D("0.00"),
        "120+": D("500.00"),
    }
    # 61+ counts in full (4,500), 1-60 at half (5,000 / 2).
    assert entry.amount_at_risk == D("7000.00")
    assert entry.past_due_invoices == ("E5", "E4", "E3", "E2")
    assert (entry.next_step, entry.stage) == ("hold", "final")


def test_a_broken_promise_makes_it_a_call_and_over_the_limit_a_hold() -> None:
    promise = PromiseToPay("P", date(2026, 11, 10), D("1438.47"), "USD", "broken", "P1")
    [within] = rank(
        [customer("P", limit="5000.00")],
        [invoice("P1", "P", 10, "1438.47")],
        promises=[promise],
    )
    assert within.next_step == "call"
    broken = factor(within, "broken_promise")
    assert (broken.points, broken.text) == (
        10.0,
        "broke a promise to pay $1,438.47 due 2026-11-10 (P1)",
    )
    [over] = rank(
        [customer("P", limit="1000.00")],
        [invoice("P1", "P", 10, "1438.47")],
        promises=[promise],
    )
    assert over.next_step == "hold"
    assert over.next_step_text.endswith("; $1,438.47 open against a $1,000.00 credit limit.")


def test_a_promise_broken_on_an_invoice_since_paid_is_forgotten() -> None:
    paid_promise = PromiseToPay("P", date(2026, 11, 10), D("99.00"), "USD", "broken", "P-OLD")
    kept = PromiseToPay("P", date(2026, 11, 12), D("10.00"), "USD", "kept", "P1")
    [entry] = rank(
        [customer("P")],
        [invoice("P1", "P", 10, "200.00")],
        promises=[paid_promise, kept],
    )
    assert entry.next_step == "reminder"
    assert "broken_promise" not in {f.name for f in entry.factors}


def test_paying_later_than_before_is_a_factor_with_both_numbers() -> None:
    def paid(number: str, received: date, late: list[tuple[str, int]]) -> list[Invoice]:
        return [
            Invoice(
                f"{number}-{i}",
                "T",
                received - timedelta(days=45 + days),
                received - timedelta(days=days),
                D(amount),
                D("0.00"),
                "USD",
            )
            for i, (amount, days) in enumerate(late)
        ]

    recent_day, older_day = TODAY - timedelta(days=20), TODAY - timedelta(days=200)
    # Recent: $60 paid 18 days late and $40 19 days late = 18.4; older: $90 at 6 and $10 at 7.
    recent = paid("R", recent_day, [("60.00", 18), ("40.00", 19)])
    older = paid("O", older_day, [("90.00", 6), ("10.00", 7)])
    payments = [
        Payment(
            pid,
            "T",
            day,
            sum((i.amount for i in invoices), D("0.00")),
            "USD",
            applications=tuple(Application(pid, i.invoice_number, i.amount, day) for i in invoices),
        )
        for pid, day, invoices in (("PR", recent_day, recent), ("PO", older_day, older))
    ]
    [entry] = rank(
        [customer("T", terms=45)],
        [invoice("T1", "T", 5, "300.00")],
        payments=payments,
        paid_invoices=[*recent, *older],
    )
    trend = factor(entry, "days_to_pay_trend")
    assert trend.text == "pays 18.4 days beyond Net 45, up from 6.1"
    # 10 × (½ × 18.4/30 + ½ × 12.3/20)
    assert trend.points == 6.1


def test_utilisation_disputes_and_recent_contact() -> None:
    entries = rank(
        [customer("U", limit="10000.00"), customer("V")],
        [
            invoice("U1", "U", -10, "6000.00"),
            invoice("U2", "U", 20, "5000.00"),
            invoice("V1", "V", 20, "100.00"),
        ],
        notes=[note("U", 3), note("V", 26), note("V", 40)],
        disputed=frozenset({"U2"}),
    )
    by_id = {e.customer_id: e for e in entries}
    u, v = by_id["U"], by_id["V"]
    utilisation = factor(u, "credit_utilisation")
    # 110% used: 10 × (1.10 − 0.50) / 0.70
    assert (utilisation.points, utilisation.text) == (
        8.6,
        "uses 110% of its $10,000.00 credit limit",
    )
    disputes = factor(u, "disputes")
    assert (disputes.points, disputes.text) == (5.0, "U2 disputed ($5,000.00)")
    assert "last_contact" not in {f.name for f in u.factors}  # 3 days ago: no points
    contact = factor(v, "last_contact")
    # The latest note counts: 26 days ago, 10 × (26 − 7) / (45 − 7).
    assert (contact.points, contact.text) == (5.0, "last contact 26 days ago (2026-10-26)")


def test_each_currency_is_its_own_entry() -> None:
    entries = rank(
        [customer("M")],
        [invoice("M1", "M", 10, "1000.00"), invoice("M2", "M", 10, "2000.00", "EUR")],
    )
    assert sorted((e.currency, e.past_due, e.past_due_invoices) for e in entries) == [
        ("EUR", D("2000.00"), ("M2",)),
        ("USD", D("1000.00"), ("M1",)),
    ]


def test_nothing_past_due_ranks_below_anything_past_due() -> None:
    entries = rank(
        [customer("H", limit="10000.00"), customer("L")],
        [invoice("H1", "H", -5, "20000.00"), invoice("L1", "L", 1, "10.00")],
        notes=[note("L", 0)],
    )
    assert [e.customer_id for e in entries] == ["L", "H"]
    watched = entries[1]
    assert watched.next_step == "monitor"
    # Utilisation at 200% is worth 10 points, divided by 5 on the watch list.
    assert [(f.name, f.points) for f in watched.factors] == [("credit_utilisation", 2.0)]
    assert watched.score == 2.0


def test_score_is_the_sum_of_its_factors_largest_first() -> None:
    promise = PromiseToPay("A", date(2026, 11, 1), D("50.00"), "USD", "broken", "A2")
    entries = rank(
        [customer("A", limit="1000.00"), customer("B", limit="100000.00"), customer("C")],
        [
            invoice("A1", "A", 200, "900.00"),
            invoice("A2", "A", 40, "300.00"),
            invoice("B1", "B", 5, "20.00"),
            invoice("C1", "C", -1, "5.00"),
        ],
        promises=[promise],
        disputed=frozenset({"A2"}),
    )
    for entry in entries:
        points = [f.points for f in entry.factors]
        assert points == sorted(points, reverse=True)
        assert entry.score == round(sum(points), 1)
        assert 0 <= entry.score <= 100
    assert entries[0].customer_id == "A"


def test_ties_go_to_the_customer_id() -> None:
    entries = rank(
        [customer("Y"), customer("X")],
        [invoice("Y1", "Y", 15, "100.00"), invoice("X1", "X", 15, "100.00")],
    )
    assert [e.customer_id for e in entries] == ["X", "Y"]
    assert entries[0].score == entries[1].score


def test_worklists_split_by_collector_in_list_order() -> None:
    entries = rank(
        [customer("A", collector="Dana Kim"), customer("B"), customer("C", collector="Dana Kim")],
        [
            invoice("A1", "A", 100, "100.00"),
            invoice("B1", "B", 50, "100.00"),
            invoice("C1", "C", 10, "100.00"),
        ],
    )
    lists = worklists(entries)
    assert list(lists) == ["Dana Kim", "unassigned"]
    assert [e.customer_id for e in lists["Dana Kim"]] == ["A", "C"]
    assert [e.customer_id for e in lists["unassigned"]] == ["B"]


def test_limit_returns_the_first_entries_of_the_whole_list() -> None:
    promise = PromiseToPay("B", date(2026, 11, 1), D("50.00"), "USD", "broken", "B2")
    customers = [customer(c, limit="3000.00") for c in "ABCDE"]
    invoices = [
        invoice("A1", "A", 100, "900.00"),
        invoice("B1", "B", 40, "300.00"),
        invoice("B2", "B", 35, "2900.00"),
        invoice("C1", "C", 5, "20.00"),
        invoice("D1", "D", 5, "20.00"),
        invoice("E1", "E", -1, "5000.00"),  # nothing past due, over its limit: watch list
        invoice("E2", "E", 3, "10.00", "EUR"),
    ]
    every = rank(customers, invoices, promises=[promise], disputed=frozenset({"B1"}))
    assert [(e.customer_id, e.currency) for e in every] == [
        ("B", "USD"),
        ("A", "USD"),
        ("E", "EUR"),
        ("C", "USD"),
        ("D", "USD"),
        ("E", "USD"),
    ]
    by_number = {i.invoice_number: i for i in invoices}
    for limit in (0, 1, 3, 6, 10):
        top = priority_list(
            customers,
            invoices,
            (),
            by_number,
            [promise],
            (),
            TODAY,
            disputed=frozenset({"B1"}),
            limit=limit,
        )
        assert top == every[:limit]
    with pytest.raises(ValueError, match="at least 0"):
        priority_list(customers, invoices, (), by_number, (), (), TODAY, limit=-1)


def test_invoices_out_of_due_date_order_give_the_same_list() -> None:
    invoices = [
        invoice("S1", "S", 10, "100.00"),
        invoice("S2", "S", 70, "200.00"),
        invoice("S3", "S", 70, "300.00"),  # due the same day as S2: stays after it
        invoice("S4", "S", -3, "400.00"),
        invoice("T1", "T", 95, "50.00"),
        invoice("T2", "T", 20, "60.00"),
    ]
    in_order = sorted(invoices, key=lambda i: i.due_date)
    shuffled = rank([customer("S"), customer("T")], invoices)
    ordered = rank([customer("S"), customer("T")], in_order)
    assert shuffled == ordered
    s = next(e for e in ordered if e.customer_id == "S")
    assert s.past_due_invoices == ("S2", "S3", "S1")
    assert s.buckets["61-90"] == D("500.00")
