""" "Can you tell me if X is …?" asks now (issue 17, session 12): "can you tell me if INV-10420
is still open?" is the invoice's status, "can you just tell me if SO-1004 is ok to ship?" the
order's credit, also after a remark or a change called off; "tell me if/when X pays" (later)
is still an alert arbot cannot set up."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("could you tell me if INV-10420 is still open?", "invoice_status"),
        ("can you just tell me if SO-1004 is ok to ship?", "credit_check"),
        (
            "Abbott Furniture says 10301 was charged twice. before I log a dispute, can you tell"
            " me if it's still open?",
            "invoice_status",
        ),
        (
            "scratch what I said about putting Initech on hold, the FM says no. can you tell me if"
            " SO-1004 is ok to ship?",
            "credit_check",
        ),
    ],
)
def test_tell_me_if_asks_now(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == intent, (text, request.intent)


@pytest.mark.parametrize(
    "text",
    [
        "tell me if Globex pays this week",
        "tell me when INV-10420 is paid",
        "let me know if they ever pay",
    ],
)
def test_tell_me_later_is_an_alert(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot == "alert", (text, request)
