"""How arbot would take a change, asked without asking for it (issue 17, session 10): "what
would I type to …", "could you … if I asked?", "does … need approval or can I …", "or does that
have to be done in the ERP?", "when you propose …, does it post anything?" are ``help``, and
propose nothing. The phrasings are not the eval files' rows; the negatives say where the rule
stops: a question asked through "what would I type to see …" is answered, and a change asked
for stays a change."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "what would we type to release a sales order?",
        "what should I write to send a customer a reminder",
        "what's the best way to ask arbot to apply cash",
        "how could we go about putting northwind on hold via the bot",
        "if we asked you to lower initech's limit, would someone have to approve it?",
        "when I want you to log a call, what do I say",
        "could arbot put globex on hold if I asked?",
        "would you apply PMT-U00001 for me if we asked you to?",
        "can we record promises here or do we need to do it in the ERP",
        "are statements something you send, or is that beyond what you do?",
        "theoretically, could you write off a balance in euros?",
        "does a reminder need an approval or can I send it straight away?",
        "do we need approval to put a note on an account, or can we just add it",
        "would a write-off go straight through or wait for the controller?",
        "who needs to approve a terms change",
        "what roles may approve a write-off",
        "what's the credit limit threshold before it needs the CFO?",
        "someone said you can release orders, how would that work?",
        "can you explain how a reminder gets sent",
        "when you propose a hold, does it actually change anything in the ERP?",
        "once we lower a customer's limit, does that block open orders?",
    ],
)
def test_how_a_change_would_go_is_help_and_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "help", request
    assert request.action is None


@pytest.mark.parametrize(
    "text,intent",
    [
        # asked through "what would I type": the question itself is answered
        ("what would I type to see who owes us the most", "top_debtors"),
        ("what would I type to get the aging report", "aging_report"),
        # a change asked for, with approval talk beside it: still the change
        ("put northwind on hold please, I'll approve it", "action_request"),
        # "if" a customer does something is no question about arbot
        ("if globex calls, what do they owe?", "customer_balance"),
    ],
)
def test_a_question_or_a_change_beside_how_words_is_read_as_itself(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, request
