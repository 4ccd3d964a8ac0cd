"""The day's overview asked another way (session 11): "beginning of day summary please", "the
headlines on AR today", "a one-liner on receivables", "what's the receivables situation
right now", "where do we stand this morning", "what is the status today", "what's happening in
receivables", "the quick overview, just back from leave". Each is the digest, of no customer. An
invoice's status today and the worklist keep their reading. Phrasings are not the eval files'
rows."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "beginning of day summary please",
        "the headlines on AR today?",
        "give me a one-liner on receivables",
        "what's the receivables situation right now",
        "where do we stand this morning",
        "ok what is the status today?",
        "what's happening in receivables",
        "quick overview pls, just back from leave",
    ],
)
def test_the_days_overview_asked_another_way_is_the_digest(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "digest", request
    assert request.customer_text is None


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what's the status of INV-10222 today", "invoice_status"),
        ("who should I call first today", "collections_list"),
    ],
)
def test_an_invoice_or_the_worklist_keeps_its_reading(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent
