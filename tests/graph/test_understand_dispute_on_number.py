"""A dispute opened "on" or "against" a number written without its prefix ("raise a dispute on
985 for harbor east - damaged on arrival", "log a dispute against 983"): the number is the
invoice disputed (the agent keeps it when the ledger has it), as "dispute 985" already is. A
question about a dispute on a number, and a dispute refused, propose nothing. Phrasings are not
the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,number",
    [
        ("raise a dispute on 985 for harbor east - damaged on arrival", "985"),
        ("log a dispute against 983, they were short shipped", "983"),
        ("pls open a dispute on #987 for meridian", "987"),
    ],
)
def test_a_dispute_on_a_bare_number_is_opened_on_that_invoice(text: str, number: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "action_request", request
    assert request.action is not None and request.action.kind == "open_dispute"
    said = request.action.maybe_invoices + request.action.invoice_refs
    assert number in said


@pytest.mark.parametrize(
    "text",
    [
        "is there a dispute on 984?",
        "any dispute on 985 yet",
        "we won't open a dispute on 984, they paid",
    ],
)
def test_a_dispute_on_a_number_asked_about_or_refused_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request" or request.action is None, request
