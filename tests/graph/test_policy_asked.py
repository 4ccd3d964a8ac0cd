"""The company's own policy asked (issue 17, session 12): "what's our policy on small balances?",
"is there a policy for extending terms?", "… do we chase it or let it go? what's the policy" are
`unknown` (arbot holds no company policy); how arbot's own approvals work is still help."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "what's our policy on small balance write-offs",
        "is there a policy for giving customers extra days?",
        "if Falcon Hardware pays late again, do we chase or wait? what's the policy",
        "do we have a collections policy for the UK accounts",
    ],
)
def test_company_policy_is_unknown(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, (text, request)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how do approvals work in arbot?", "help"),
        ("what does Falcon Hardware owe?", "customer_balance"),
    ],
)
def test_arbots_own_rules_and_questions_keep_their_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text
