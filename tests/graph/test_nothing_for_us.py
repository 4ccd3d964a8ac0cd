"""A change named and said to need nothing from us (issue 17, session 10): "X asked us to
dispute it on their side, nothing for us to do" asks for no dispute; a question beside it is
answered alone. A change asked for with "no action needed" about someone else's part is still
asked for."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text",
    [
        "fabrikam's AP will dispute INV-10321 on their side, no action needed on our end",
        "INV-10222 is being disputed by globex internally; nothing for us to do",
        "initech will put a note on their account, nothing for us to do",
        "northwind promised their bank 5k by friday - no action required from us",
    ],
)
def test_nothing_for_us_to_do_asks_no_change(text: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == "unknown", (text, request.intent)


@pytest.mark.parametrize(
    "text,intent",
    [
        (
            "globex asked us to dispute 10222 on their end, nothing for us to do. is 10222 paid",
            "invoice_status",
        ),
        (
            "pinnacle chemicals disputes INV-10354 on their side, no action needed from us."
            " how much is 10354",
            "invoice_status",
        ),
    ],
)
def test_the_question_beside_it_is_answered(text: str, intent: str) -> None:
    request = parse(text, TODAY)
    assert request.action is None, (text, request.action)
    assert request.intent == intent, (text, request.intent)


@pytest.mark.parametrize(
    "text,kind",
    [
        ("put globex on hold, no action needed from sales", "set_credit_hold"),
        ("apply PMT-U00001 to 10222, no further action needed after that", "apply_payment"),
        ("INV-10222 is disputed: wrong price", "open_dispute"),
        ("globex promised 5000 by friday", "record_promise"),
    ],
)
def test_changes_asked_for_stay_asked(text: str, kind: str) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "nothing_for_us")


def test_no_dispute_is_proposed_end_to_end(demo: Cli) -> None:
    text = "globex asked us to dispute 10222 on their end, nothing for us to do. is 10222 paid"
    reply = ask_json(demo, text)
    assert reply["proposals"] == [], reply["text"]
    assert "10222" in reply["text"], reply["text"]
