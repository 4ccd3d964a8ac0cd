"""The deterministic parser: intents, invoice spellings, periods."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("did acme pay INV-10432?", "invoice_status"),
        ("has invoice #10432 been paid", "invoice_status"),
        ("status of PO 4500123456", "invoice_status"),
        ("what does Globex owe?", "customer_balance"),
        ("how much is past due for contoso west", "customer_balance"),
        ("show acme's last payments", "payment_history"),
        ("did northwind pay last week?", "payment_history"),
        ("help", "help"),
        ("what can you do?", "help"),
        ("", "unknown"),
        ("!!!", "unknown"),
    ],
)
def test_intents(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "did acme pay INV-010432?",
        "is 10432 paid",
        "invoice #10432",
        "inv no. 10432",
        "status of invoice number 10432",
        "INV10432?",
    ],
)
def test_invoice_numbers_in_any_spelling(text: str) -> None:
    refs = parse(text, TODAY).invoice_refs
    assert len(refs) == 1
    assert refs[0].lstrip("INVinv-#0 ") == "10432"


def test_several_invoices_and_the_customer_around_them() -> None:
    request = parse("did acme ind supply pay invoices 10432 and 10433?", TODAY)
    assert request.invoice_refs == ("10432", "10433")
    assert request.customer_text == "acme ind supply"


def test_amounts_and_dates_are_not_invoice_numbers() -> None:
    request = parse("did globex pay $1,234.50 on 2026-11-02?", TODAY)
    assert request.invoice_refs == ()
    assert request.intent == "payment_history"
    assert request.period is not None and request.period.start == date(2026, 11, 2)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("did acme pay last week", date(2026, 11, 9), date(2026, 11, 15)),
        ("payments this week", date(2026, 11, 16), date(2026, 11, 21)),
        ("payments last month", date(2026, 10, 1), date(2026, 10, 31)),
        ("payments this month", date(2026, 11, 1), date(2026, 11, 21)),
        ("payments yesterday", date(2026, 11, 20), date(2026, 11, 20)),
        ("payments in the last 10 days", date(2026, 11, 11), date(2026, 11, 21)),
        ("payments since 2026-09-30", date(2026, 9, 30), date(2026, 11, 21)),
        ("payments in february", date(2026, 2, 1), date(2026, 2, 28)),
        ("payments in december", date(2025, 12, 1), date(2025, 12, 31)),
    ],
)
def test_periods(text: str, start: date, end: date) -> None:
    period = parse(text, TODAY).period
    assert period is not None
    assert (period.start, period.end) == (start, end)


def test_a_bare_name_is_a_guess_at_the_balance() -> None:
    request = parse("northwind", TODAY)
    assert (request.intent, request.guessed, request.customer_text) == (
        "customer_balance",
        True,
        "northwind",
    )


def test_count_of_payments() -> None:
    assert parse("show me the last 3 payments from initech", TODAY).limit == 3
