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


def history(
    customer_id: str, days_late: list[int], *, paid_days_ago: int = 30, amount: str = "100.00"
) -> tuple[list[Invoice], list[Payment]]:
    """Paid invoices, one per entry of ``days_late``, each paid that many days after its due
    date, ``paid_days_ago`` days before TODAY (one more day back for each)."""
    invoices, payments = [], []
    for n, late in enumerate(days_late):
        paid_on = TODAY - timedelta(days=paid_days_ago + n)
        due = paid_on - timedelta(days=late)
        number = f"{customer_id}-PAID-{n}"
        invoices.append(
            Invoice(number, customer_id, due - timedelta(days=30), due, D(amount), D("0.00"), "USD")
        )
        payments.append(
            Payment(
                f"P-{number}",
                customer_id,
                paid_on,
                D(amount),
                "USD",
                applications=(Application(f"P-{number}", number, D(amount), paid_on),),
            )
        )
    return invoices, payments


def test_more_money_late_ranks_first_without_saturating() -> None:
    entries = rank(
        [customer(c) for c in "ABC"],
        [
            invoice("A1", "A", 70, "533000.00"),
            invoice("B1", "B", 70, "250000.00"),
            invoice("C1", "C", 130, "900.00"),
        ],
    )
    assert [e.customer_id for e in entries] == ["A", "B", "C"]
    a, b = entries[0], entries[1]
    assert a.amount_at_risk == D("533000.00")  # more than 10 days past due: late for certain
    assert a.score / b.score == pytest.approx(533 / 250, rel=0.01)
    assert (a.next_step, a.stage) == ("call", "final")
    assert entries[2].next_step == "hold"  # 130 days: hold, however small


def test_a_habitual_late_payer_falling_due_soon_comes_before_a_small_overdue_balance() -> None:
    late_invoices, late_payments = history("L", [25, 30, 22, 28, 35, 26])
    prompt_invoices, prompt_payments = history("P", [0, -2, 1, 0, 2, -1])
    entries = rank(
        [customer("L"), customer("P"), customer("S")],
        [
            invoice("L1", "L", -5, "8000.00"),  # falls due in 5 days
            invoice("P1", "P", -5, "8000.00"),
            invoice("S1", "S", 15, "1500.00"),  # a smaller overdue balance
        ],
        payments=[*late_payments, *prompt_payments],
        paid_invoices=[*late_invoices, *prompt_invoices],
    )
    assert [e.customer_id for e in entries] == ["L", "S", "P"]
    habitual = entries[0]
    assert habitual.past_due == 0 and habitual.amount_at_risk > D("6000.00")
    assert habitual.next_step == "reminder"
    assert habitual.next_step_text.startswith("Send a friendly reminder before it falls due")
    assert "pays 28 days late on average" in habitual.behaviour
    assert "6 of 6 invoices more than 10 days late" in habitual.behaviour
    expected = factor(habitual, "expected_late")
    assert expected.text.startswith("$8,000.00 not yet due ($8,000.00 by 2026-12-05): ")
    assert expected.points == habitual.score
    punctual = entries[2]
    assert punctual.next_step == "monitor"
    assert punctual.amount_at_risk < D("1500.00")


def test_paying_later_lately_is_said_with_both_numbers() -> None:
    recent_invoices, recent_payments = history("T", [20, 22, 18], paid_days_ago=10)
    older_invoices, older_payments = history("T", [2, 4, 3], paid_days_ago=300)
    for n, item in enumerate(older_invoices):  # numbers must differ from the recent ones
        older_invoices[n] = Invoice(f"O{n}", *list(vars_of(item))[1:])
    older_payments = [
        Payment(
            p.payment_id + "-old",
            "T",
            p.received_on,
            p.amount,
            "USD",
            applications=(Application(p.payment_id + "-old", f"O{n}", p.amount, p.received_on),),
        )
        for n, p in enumerate(older_payments)
    ]
    [entry] = rank(
        [customer("T")],
        [invoice("T1", "T", 5, "300.00")],
        payments=[*recent_payments, *older_payments],
        paid_invoices=[*recent_invoices, *older_invoices],
    )
    assert entry.behaviour.startswith(
        "pays 12 days late on average, later lately (20 days late over the last 6 months, "
        "3 days late before)"
    )


def vars_of(item: Invoice) -> tuple:
    return (
        item.invoice_number,
        item.customer_id,
        item.invoice_date,
        item.due_date,
        item.amount,
        item.balance,
        item.currency,
    )


def test_totals_buckets_and_past_due_invoices_oldest_first() -> None:
    [entry] = rank(
        [customer("A")],
        [
            invoice("A3", "A", 5, "50.00"),
            invoice("A1", "A", 95, "100.00"),
            invoice("A2", "A", 40, "200.00"),
            invoice("A4", "A", -10, "400.00"),
        ],
    )
    assert entry.open_total == D("750.00")
    assert entry.past_due == D("350.00")
    assert entry.past_due_invoices == ("A1", "A2", "A3")
    assert entry.buckets == {
        "current": D("400.00"),
        "1-30": D("50.00"),
        "31-60": D("200.00"),
        "61-90": D("0.00"),
        "91-120": D("100.00"),
        "120+": D("0.00"),
    }
    late = factor(entry, "late_now")
    assert late.text == (
        "$300.00 more than 10 days past due (58 days on average; oldest, A1, 95 days), "
        "$100.00 of it 61+ days"
    )


def test_a_broken_promise_raises_the_chance_and_makes_it_a_call_or_a_hold() -> None:
    promise = PromiseToPay("P", date(2026, 11, 10), D("1438.47"), "USD", "broken", "P1")
    invoices = [invoice("P1", "P", 5, "1438.47"), invoice("P2", "P", -10, "1000.00")]
    [kept_word] = rank([customer("P", limit="5000.00")], invoices)
    [within] = rank([customer("P", limit="5000.00")], invoices, promises=[promise])
    assert within.next_step == "call"
    assert within.amount_at_risk > kept_word.amount_at_risk
    assert factor(within, "broken_promise").text == (
        "broke a promise to pay $1,438.47 due 2026-11-10 (P1)"
    )
    [over] = rank([customer("P", limit="1000.00")], invoices, promises=[promise])
    assert over.next_step == "hold"
    assert over.next_step_text.endswith("; $2,438.47 open against a $1,000.00 credit limit.")


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


def test_a_disputed_invoice_not_yet_due_is_expected_late_and_said() -> None:
    invoices = [invoice("U1", "U", -10, "6000.00"), invoice("U2", "U", 20, "5000.00")]
    paid, payments = history("U", [0, 1, -1, 2, 0, 0, 1, 3])  # pays on time, as a rule
    customers = [customer("U", limit="10000.00")]
    [plain] = rank(customers, invoices, payments=payments, paid_invoices=paid)
    [disputed] = rank(
        customers,
        invoices,
        payments=payments,
        paid_invoices=paid,
        notes=[note("U", 3)],
        disputed=frozenset({"U1"}),
    )
    assert disputed.amount_at_risk - D("5000.00") >= D("0.8") * D("6000.00")
    assert disputed.amount_at_risk > plain.amount_at_risk
    assert factor(disputed, "disputes").text == "U1 disputed"
    assert factor(disputed, "credit_utilisation").text == "uses 110% of its $10,000.00 credit limit"
    assert factor(disputed, "last_contact").text == "last contact 3 days ago (2026-11-18)"


def test_each_currency_is_its_own_entry() -> None:
    entries = rank(
        [customer("M")],
        [invoice("M1", "M", 10, "1000.00"), invoice("M2", "M", 10, "2000.00", "EUR")],
    )
    assert sorted((e.currency, e.past_due, e.past_due_invoices) for e in entries) == [
        ("EUR", D("2000.00"), ("M2",)),
        ("USD", D("1000.00"), ("M1",)),
    ]


def test_factor_points_add_up_to_the_score_largest_first() -> None:
    late_invoices, late_payments = history("A", [15, 40, 12])
    entries = rank(
        [customer("A"), customer("B")],
        [
            invoice("A1", "A", 200, "900.00"),
            invoice("A2", "A", 4, "300.00"),
            invoice("A3", "A", -4, "700.00"),
            invoice("B1", "B", 5, "20.00"),
        ],
        payments=late_payments,
        paid_invoices=late_invoices,
    )
    for entry in entries:
        scored = [f.points for f in entry.factors if f.points]
        assert scored == sorted(scored, reverse=True)
        assert sum(scored) == pytest.approx(entry.score, abs=0.2)
    assert entries[0].customer_id == "A"


def test_ties_go_to_the_larger_past_due_then_the_customer_id() -> None:
    entries = rank(
        [customer("Y"), customer("X"), customer("Z")],
        [
            invoice("Y1", "Y", 15, "100.00"),
            invoice("X1", "X", 15, "100.00"),
            invoice("Z1", "Z", 15, "100.00"),
        ],
    )
    assert [e.customer_id for e in entries] == ["X", "Y", "Z"]
    assert entries[0].score == entries[1].score


def test_worklists_split_by_collector_in_list_order() -> None:
    entries = rank(
        [customer("A", collector="Dana Kim"), customer("B"), customer("C", collector="Dana Kim")],
        [
            invoice("A1", "A", 100, "300.00"),
            invoice("B1", "B", 50, "200.00"),
            invoice("C1", "C", 12, "100.00"),
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
        invoice("E1", "E", -1, "5000.00"),
        invoice("E2", "E", 3, "10.00", "EUR"),
    ]
    every = rank(customers, invoices, promises=[promise], disputed=frozenset({"B1"}))
    assert len(every) == 6
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
        invoice("S3", "S", 70, "300.00"),  # due the same day as S2: by number after it
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
