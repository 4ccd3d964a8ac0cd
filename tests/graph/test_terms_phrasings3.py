"""Terms changes said in other words (issue 17, session 12): the customer "onto" days terms,
"payment terms -> net N going forward", a change decided elsewhere ("we're moving X to net 45")
or agreed with the customer ("we agreed w/ X to go to 2/10 net 30"), then "pls update their
terms (key)". Told, asked about or called off, nothing is proposed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer,terms",
    [
        ("Falcon Hardware onto 45 day terms going forward", "falcon hardware", (45, "0", 0)),
        ("Abbott Furniture onto 15 day terms from now please", "abbott furniture", (15, "0", 0)),
        ("Heritage Garden payment terms -> net 45 from now on", "heritage garden", (45, "0", 0)),
        ("initech terms -> net 60 going forward please", "initech", (60, "0", 0)),
        (
            "we agreed with Mariner Lumber to give them 2/10 net 30, please update the terms code",
            "mariner lumber",
            (30, "2", 10),
        ),
        (
            "we're moving Evergreen Bakeries to net 45, could you change their terms in the"
            " system please?",
            "evergreen bakeries",
            (45, "0", 0),
        ),
        (
            "we are moving Kendall Paper from net 60 to net 45, could you update their terms"
            " please?",
            "kendall paper",
            (45, "0", 0),
        ),
        (
            "the controller said we're switching Jensen Beverages to net 15 from net 30. pls update"
            " their terms",
            "jensen beverages",
            (15, "0", 0),
        ),
    ],
)
def test_terms_said_otherwise_are_asked(
    text: str, customer: str, terms: tuple[int, str, int]
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "set_terms", (text, action)
    assert action.customer_text == customer, (text, action.customer_text)
    assert action.terms == (terms[0], Decimal(terms[1]), terms[2]), (text, action.terms)


@pytest.mark.parametrize(
    "text",
    [
        "we changed Abbott Furniture to net 15 last week, no need to update their terms",
        "sales wants Kendall Paper on net 60 - should we update their terms?",
        "Falcon Hardware onto 45 day terms?",
        "what are heritage garden payment terms -> net 45?",
        "did we agree with Mariner Lumber to go to net 30? check their terms",
    ],
)
def test_terms_told_or_asked_about_propose_nothing(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent != "action_request", (text, request.intent, request.action)
