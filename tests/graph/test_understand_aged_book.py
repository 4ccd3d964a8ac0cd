"""The whole book's aging asked by name (issue 17, session 10): "aged debtors", "aged AR", the
"aging buckets", "by age bucket", "how old is the ledger", "current through 90+", "the book
aged" are the aging report, even when "debtors" or "90+" is among the words (no ranking, no cut)
and when a lead-in leaves a word that is no name. The phrasings are not the eval files' rows;
the negatives say where the rule stops: one customer's aging is their balance, and a ranking or
a cut asked without the aging's words stays one."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "can I get the aged debtors listing",
        "aged receivables for the whole company please",
        "ok team, the aging buckets across every customer?",
        "how does the AR look by age band",
        "our receivables by ageing brackets please",
        "how old is the ledger at the moment",
        "all accounts, current through 90+, please",
        "need the book aged as of today",
        "quick one before the audit meeting: aged AR for all customers",
    ],
)
def test_the_whole_books_aging_asked_by_name_is_the_aging_report(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "aging_report", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("globex aging buckets", "customer_balance"),
        ("who are our top debtors", "top_debtors"),
        ("debtors over 90 days", "over_days"),
        ("which customers owe the most", "top_debtors"),
    ],
)
def test_one_customers_aging_a_ranking_or_a_cut_stay_themselves(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
