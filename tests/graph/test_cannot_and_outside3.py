"""Honesty (issue 17, session 12): what arbot cannot do or is not for, said in other words, is
`unknown` (said cannot, or out of scope), never another answer: office life and expenses, the
ERP's users and screens, people's commission, the company's own credit rating and bank details,
who a customer's contact is, thanks alone, a laugh about a customer; credit insurance, rebates,
paying in chunks, tolerance groups, a reopened period, every customer changed at once, the
collections agency, cc on every reminder, a dunning run, a reclass, an e-mail unsent, a goodwill
discount, monthly statements; what went out asked after ("have we sent X a statement?"), and a
change the writer reports done ("FYI I've taken X off stop this morning"). A question arbot
answers beside such words is still answered."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "is anyone in the office on friday in manchester?",
        "what time is our collections stand-up tomorrow",
        "where do I put my mileage for the site visits",
        "can you give Priya access to the ERP? she needs a login",
        "the column widths on the open items screen are too narrow",
        "work out the sales commissions for the reps for Q3",
        "what's our company's credit rating these days",
        "Meridian want our bank details for a wire",
        "who's their AP contact at Kendall Paper",
        "thank you so much for the help today, you're a star!",
        "lol Globex say the cheque is in the post again",
        "draft the reminder text in spanish for Sterling",
    ],
)
def test_outside_arbot_is_unknown(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("set up credit insurance cover for Abbott Furniture with Coface", "other_change"),
        ("Falcon Hardware's volume rebate for the year - can you work it out", "other_change"),
        ("Initech would like to pay the balance in four chunks", "change_terms"),
        ("configure the dunning levels for the imported ledger", "other_change"),
        ("re-open the month so I can back-date a payment", "other_change"),
        ("move all customers to net 45 in bulk", "change_terms"),
        ("submit Mariner Lumber to the collections agency", "other_change"),
        ("cc Luis on every statement we send", "other_change"),
        ("kick off the dunning run for this week", "other_change"),
        ("reclassify the Northwind receipt to the suspense GL", "other_change"),
        ("please unsend the last reminder to Kendall Paper", "other_change"),
        ("take 5% off Jensen's open invoices as goodwill", "other_change"),
        ("hi there, can you void INV-10420? wrong address on it", "create_invoice"),
        ("have we sent Kendall Paper a reminder this week?", "records"),
        ("how did the statement to Initech go?", "records"),
    ],
)
def test_what_arbot_cannot_do_is_said(text: str, kind: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, (text, request)
    assert request.cannot == kind, (text, request.cannot)


@pytest.mark.parametrize(
    "text",
    [
        "Heritage Garden would like statements monthly from now on, can you set that up?",
        "FYI I've taken Falcon Hardware off hold this morning, they paid",
        "we already sent Initech their statement",
    ],
)
def test_scheduled_or_done_proposes_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.action is None, (text, request)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("what does Falcon Hardware owe? their account manager asked", "customer_balance"),
        ("I've put Globex on hold this morning, what do they owe?", "customer_balance"),
        ("Evergreen Bakeries might be going bankrupt, what do they owe us?", "customer_balance"),
    ],
)
def test_a_question_beside_them_is_answered(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == intent, (text, request.intent)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("send a statement to Abbott Furniture", "send_statement"),
        ("knock off the 12.50 on INV-10319 against PMT-U00001", None),
        ("set Abbott Furniture to net 45", "set_terms"),
    ],
)
def test_one_customers_change_is_still_asked(text: str, kind: str | None) -> None:
    action = parse(text, TODAY).action
    assert action is not None, text
    assert kind is None or action.kind == kind, (text, action.kind)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "cannot_outside3")


def test_nothing_is_proposed_end_to_end(demo: Cli) -> None:
    for text in (
        "move all customers to net 45 in bulk",
        "take 5% off Jensen's invoices as goodwill",
    ):
        reply = ask_json(demo, text)
        assert reply["proposals"] == [], reply["text"]
        assert reply["intent"] == "unknown", reply
