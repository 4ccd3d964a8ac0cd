"""Terms changes asked in words of other writers (issue 17, session 10): a company's name with
its period ("Set Fabrikam Inc. on net 30 terms instead of net 60"), "X Ltd. should be on 45 day
terms from now on, please change it" ("change it" is that change, no other part). Look-alikes —
a tag question, a question whether, a bare opinion — change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,customer,days",
    [
        (
            "Kindly set Fabrikam Inc. on Net 45 terms instead of Net 30 from the next invoice.",
            "fabrikam inc",
            45,
        ),
        (
            "Initech Ltd. should be on 60 day terms going forward, please update it",
            "initech ltd",
            60,
        ),
        ("northwind traders should be moved to net 15 effective today", "northwind traders", 15),
    ],
)
def test_a_terms_change_in_other_words(text: str, customer: str, days: int) -> None:
    request = parse(text, TODAY)
    action = request.action
    assert action is not None and action.kind == "set_terms", (text, action)
    assert action.customer_text == customer, (text, action)
    assert action.terms is not None and action.terms[0] == days, (text, action)
    assert request.cannot is None, (text, request.cannot)  # "update it" is no other part


@pytest.mark.parametrize(
    "text",
    [
        "globex should be on net 30, right?",
        "should globex be on net 45?",
        "Fabrikam Inc. should be on net 30 terms",  # an opinion, no order
    ],
)
def test_look_alikes_change_no_terms(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "set_terms", (text, action)


def test_another_change_beside_it_is_still_said_apart() -> None:
    request = parse("move globex to net 45 and change the bank details", TODAY)
    assert request.action is not None and request.action.kind == "set_terms"
    assert request.cannot == "other_change"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "terms_phrasings2")


def test_a_company_period_terms_change_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "Kindly set Initech LLC. on Net 45 terms instead of Net 30.")
    assert [p["action"] for p in reply["proposals"]] == ["set_terms"], reply["text"]
