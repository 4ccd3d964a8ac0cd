"""A change called off beside a question: "…, but how much …", "…? nah forget it, just show me
…"; the question is read alone and its "their" is the customer the withdrawn clause named.
Worded apart from the eval rows."""

from __future__ import annotations

import pytest

from graph.understand import parse
from graph.understand_asked import not_asked
from tests.conftest import TODAY


@pytest.mark.parametrize(
    "text,customer",
    [
        ("no need to chase initech, but what do they owe", "initech"),
        ("don't block northwind yet, but how much is globex past due", "globex"),
        ("put heritage garden on hold? nah, forget it - what's their balance", "heritage garden"),
        ("send northwind a reminder? never mind, just show me their aging", "northwind"),
    ],
)
def test_the_question_beside_a_change_called_off(text: str, customer: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None and request.intent == "customer_balance"
    assert customer in (request.customer_text or "")


def test_a_change_called_off_after_it_is_not_asked_for() -> None:
    refused = not_asked("write off INV-10199? scratch that", "write_off_deduction")
    assert refused is not None and refused.reason == "negated"
    # calling off something else first leaves the change asked for
    assert not_asked("never mind. write off INV-10199 as pricing", "write_off_deduction") is None


def test_the_age_of_what_is_owed_is_no_general_knowledge() -> None:
    assert parse("globex outstanding and how old is it", TODAY).intent == "customer_balance"
    assert parse("how old is the eiffel tower", TODAY).intent == "unknown"


@pytest.mark.parametrize(
    "text,intent,ref",
    [
        ("don't apply PMT-000246 just yet - who sent it?", "payment_lookup", "PMT-000246"),
        ("no need to write off INV-10183 yet, what's left on it?", "invoice_status", "10183"),
    ],
)
def test_it_is_the_reference_of_a_change_called_off(text: str, intent: str, ref: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent and request.action is None
    assert ref in (*request.payment_refs, *request.invoice_refs)


def test_a_reference_said_apart_from_a_question_that_names_its_own_is_read_whole() -> None:
    request = parse("don't write off INV-10183 yet, what does globex owe?", TODAY)
    assert (request.intent, request.customer_text) == ("customer_balance", "globex")
