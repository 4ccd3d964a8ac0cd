"""Cash asked another way (session 11): "how did the bank matching go today" is the cash
application; "has the $300 initech cheque been applied anywhere yet" the unapplied cash; "when
will X likely pay INV-…? for the cash forecast" the forecast, even of a named invoice. An
invoice's status and when it is due keep their reading. Phrasings are not the eval files' rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("how did the bank matching go today", "cash_application"),
        ("has the $300 initech cheque been applied anywhere yet?", "unapplied_cash"),
        ("when will fabrikam likely pay INV-10222? for the forecast", "forecast"),
    ],
)
def test_cash_asked_another_way(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent


@pytest.mark.parametrize("text", ["is INV-10222 paid?", "when is INV-10222 due"])
def test_an_invoice_asked_after_keeps_its_status(text: str) -> None:
    assert parse(text, TODAY).intent == "invoice_status"
