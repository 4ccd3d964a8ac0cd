"""What arbot cannot do, said by a controller or a finance manager (issue 17, session 10): GL
and audit work (a reclass JE posted, a bad-debt reserve calculated and posted, a period locked,
the subledger reconciled to the GL, SOX evidence, a credit-insurance claim), reports e-mailed to
the auditors, statements or demands scheduled or in bulk, every customer put on hold, the
person's own calendar, a due date changed in Spanish. Each is ``unknown`` with what cannot be
done, never another question's answer; look-alikes keep their reading."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)

CANNOT = [
    "pls book a reclass JE for the initech credit balance to deposits",
    "work out the bad debt provision at 2% of 90+ and post it to the GL",
    "close period 10 in the sub-ledger tonight",
    "can you reconcile the subledger to the general ledger for october",
    "I need the SOX evidence for the write-off approval control",
    "lodge a credit insurance claim for fabrikam",
    "forward the ageing to the auditors at audit@firm.example.com",
    "schedule reminders to go out to northwind every monday",
    "schedule statements for all customers on the first of the month",
    "bulk email final demands to all overdue customers",
    "place all our customers on credit hold",
    "put a reminder in my outlook to call initech friday",
    "cambia la fecha de vencimiento de la factura 10222 al 30",
]


@pytest.mark.parametrize("text", CANNOT)
def test_what_arbot_cannot_do_is_said_so(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent)
    assert request.cannot is not None, (text, request)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text,intent",
    [
        (
            "the reserve true-up was booked by the GL team already. total past due over 120?",
            "over_days",
        ),
        ("for the reserve workpaper: what does our AR look like by age bucket?", "aging_report"),
    ],
)
def test_a_question_beside_gl_words_is_still_the_question(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text


@pytest.mark.parametrize(
    "text,kind",
    [
        ("send globex a statement", "send_statement"),
        ("send statements to all customers over 10k", "send_statement"),
        ("put northwind on hold", "set_credit_hold"),
    ],
)
def test_look_alikes_arbot_does_stay_proposals(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "cannot_gl_and_bulk")


def test_every_customer_on_hold_proposes_nothing_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "place all our customers on credit hold")
    assert reply["proposals"] == [] and reply["intent"] == "unknown", reply["text"]


def test_the_aging_asked_for_the_auditors_is_still_the_aging() -> None:
    assert parse("could you send me the aging? the auditors are asking", TODAY).intent == (
        "aging_report"
    )
