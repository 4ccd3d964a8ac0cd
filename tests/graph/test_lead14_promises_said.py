"""A promise or a dispute said the way collectors say it (issue 17, session 14): "X committed to
paying …, add the promise", "got a promise from X for … — put it in" record the promise; a
promise only told about beside a question is the question, never a proposal; one said to be on
record already is a report. "Put a query on INV-…" opens a dispute; a query reported or weighed
proposes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import asked_action

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "Fabrikam committed to paying 4,000 on the 30th, add the promise",
        "riverbend agreed to paying the 2.5k by dec 4 — log the promise pls",
        "got a promise from pinnacle for 1,200 next wednesday, put it in",
        "Initech has committed to remitting 900 on Monday. Log the promise.",
    ],
)
def test_a_promise_told_and_asked_to_be_kept_is_recorded(text: str) -> None:
    assert asked_action(text, TODAY).kind == "record_promise"


@pytest.mark.parametrize(
    "text",
    [
        "got a promise from pinnacle last month and they broke it - what do they owe now?",
        "did fabrikam ever commit to paying the october invoices?",
        "luis got a promise from initech yesterday, he logged it already",
        "northwind disputes 10263 (short shipment) - maria already recorded it",
        "the dispute on 10263 has been logged by maria",
    ],
)
def test_a_promise_only_told_about_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text",
    [
        "put a query on INV-10263, the pallets came damaged",
        "please put a query against 10263 for the price difference",
        "place a query on 10263 - they were short-shipped",
    ],
)
def test_a_query_put_on_an_invoice_is_a_dispute(text: str) -> None:
    assert asked_action(text, TODAY).kind == "open_dispute"


@pytest.mark.parametrize(
    "text",
    ["maria put a query on 10263 yesterday", "should we put a query on 10263?"],
)
def test_a_query_reported_or_weighed_proposes_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None


@pytest.mark.parametrize(
    "text",
    [
        "stmt to fabrikam -- nvm, they have portal access",
        "dispute 10270 — nvm, it got paid",
        "send globex the 2nd notice. nvm",
    ],
)
def test_nvm_takes_the_change_back(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.not_asked is not None and request.not_asked.reason == "negated"
