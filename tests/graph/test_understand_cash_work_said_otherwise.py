"""The cash work said another way (session 11): payments "not fully applied" are the unapplied
cash; "unearned early payment discounts" the deductions; "help me apply the lockbox batch", "a
BAI2 file came in, match pls" and "which invoices the X receipt should go against" the cash
application; "985 how much left" asks after invoice 985 (the agent keeps it when the ledger has
it). A payment applied to a named invoice is still the change; a customer's balance is still the
balance. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("which payments are not fully applied yet?", "unapplied_cash"),
        ("show the unearned early-pay discounts this month", "deduction_summary"),
        ("help me apply today's lockbox batch", "cash_application"),
        ("a BAI2 file came in from the bank, match pls", "cash_application"),
        ("which invoices should the initech receipt on 18/11 go against", "cash_application"),
    ],
)
def test_the_cash_work_said_another_way(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


def test_a_bare_number_with_how_much_left_is_that_invoice() -> None:
    request = parse("985 how much left?", TODAY)
    assert "985" in request.maybe_invoices
    assert request.intent == "unknown"  # the agent reads it as the invoice when the ledger has it


@pytest.mark.parametrize(
    "text,intent",
    [
        ("apply the globex payment to INV-10222", "action_request"),
        ("how much is left on globex's account", "customer_balance"),
    ],
)
def test_a_change_or_a_balance_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
