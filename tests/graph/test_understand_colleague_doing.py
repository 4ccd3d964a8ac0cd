"""A colleague said to open a dispute or log a promise themselves is a report, not a request;
a customer's own promise or dispute reported is still asked for."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "luis said he'd open a dispute for pine crest on 10270 did he do it already",
        "maria mentioned she will log the promise from globex, 5000 by friday",
        "priya said she would raise a dispute on INV-10270 tomorrow",
        "sam says he's going to record the PTP for initech when he's back",
    ],
)
def test_a_colleagues_own_doing_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("globex said they will pay 5000 by friday", "record_promise"),
        (
            "the buyer said he would pay INV-10270 by friday, please record the promise",
            "record_promise",
        ),
        ("open a dispute on INV-10270, luis said he would but he is out", "open_dispute"),
        ("globex says INV-10270 is wrong, price per PO was 12.40, open a dispute", "open_dispute"),
    ],
)
def test_what_the_customer_said_or_what_is_asked_still_proposes(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, text
