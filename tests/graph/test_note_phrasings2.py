"""Notes asked in words of other writers (issue 17, session 10): "X - pls log that their AP
said …", "record that I rang X this arvo, no answer", "notate on X colon …" (voice to text), a
note put on an invoice "for X" (a note, never a payment applied). Look-alikes — asked about,
negated — write no note."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer,words",
    [
        (
            "Initech LLC - pls log that their AP (Sam) said the wire left on tuesday",
            "initech llc",
            "wire left",
        ),
        ("record that we called Fabrikam yesterday, left a voicemail", "fabrikam", "voicemail"),
        (
            "record that I rang Northwind Traders this morning, no answer",
            "northwind traders",
            "no answer",
        ),
        ("notate on globex colon AP asked for a W9, sent", "globex", "W9"),
        ("put a note on INV-10186 for Initech: copy of the invoice resent", "initech", "resent"),
    ],
)
def test_a_note_asked_in_other_words(text: str, customer: str, words: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "add_note", (text, action)
    assert action.customer_text == customer, (text, action)
    assert words in (action.text or ""), (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "did you log that call with globex?",  # asked about
        "don't log that on initech's account",  # negated
        "what did we note on fabrikam last time?",  # a question
    ],
)
def test_look_alikes_write_no_note(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "add_note", (text, action)


def test_a_note_put_on_an_invoice_is_no_payment_applied() -> None:
    action = parse("put a note on INV-10222: customer says paid", TODAY).action
    assert action is not None and action.kind == "add_note", action


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "note_phrasings2")


def test_a_call_recorded_is_one_note_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "record that I rang Northwind Traders this morning, no answer")
    assert [p["action"] for p in reply["proposals"]] == ["add_note"], reply["text"]
