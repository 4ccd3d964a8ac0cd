"""Spanish change requests (issue 17, session 10), as a Monterrey collections desk writes them:
each of arbot's changes said with Spanish verbs is proposed as its English twin would be, and
the look-alikes — negated, asked about, on a condition, said not yet — propose nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from graph.understand import parse
from graph.understand_spanish import spanish
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,kind,customer",
    [
        ("aplica el pago PMT-U00001 de globex a la factura 10186 porfa", "apply_payment", None),
        ("castiga el saldo de fabrikam en la 10321, 40.00", "write_off_deduction", None),
        ("mándale recordatorio a initech por la 10436", "send_reminder", "initech"),
        ("envíale un recordatorio a northwind traders", "send_reminder", "northwind traders"),
        ("estado de cuenta para globex, mándaselo", "send_statement", "globex"),
        ("agrega una nota a initech: dicen que pagan el lunes", "add_note", "initech"),
        ("libera la orden SO-1004 porfa", "set_credit_hold", None),
        ("sube el límite de crédito de initech a 80 mil", "set_credit_limit", "initech"),
        ("cambia los términos de fabrikam a neto 45", "set_terms", "fabrikam"),
        (
            "northwind prometió pagar 5000 el viernes, registra la promesa",
            "record_promise",
            "northwind",
        ),
    ],
)
def test_a_spanish_change_is_proposed_as_in_english(
    text: str, kind: str, customer: str | None
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == kind, (text, action)
    if customer is not None:
        assert action.customer_text == customer, (text, action)


def test_the_figures_are_read() -> None:
    limit = parse("sube el límite de crédito de initech a 80 mil", TODAY).action
    assert limit is not None and limit.amount == Decimal("80000")
    promise = parse("northwind prometió pagar 5000 el viernes, registra la promesa", TODAY).action
    assert promise is not None and promise.due == date(2026, 11, 27)


@pytest.mark.parametrize(
    "text",
    [
        "no le mandes recordatorio a initech todavía",  # negated
        "¿ya le mandaron recordatorio a globex?",  # asked whether it was done
        "si northwind no paga el viernes, ponlos en hold",  # a condition
        "el cliente fabrikam dice que mandan el pago mañana, no lo registres todavía",
        "cuánto debe globex?",  # a question
    ],
)
def test_spanish_look_alikes_propose_nothing(text: str) -> None:
    assert parse(text, TODAY).action is None, text


@pytest.mark.parametrize(
    "text",
    [
        "send the mandate to globex's AP",
        "pon it on the account",
        "the applications were registered yesterday",
        "write off 45.00 on INV-10319 as pricing",
    ],
)
def test_english_is_left_as_it_is(text: str) -> None:
    assert spanish(text.lower()) == text.lower()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "spanish_changes")


def test_a_spanish_limit_change_is_one_proposal_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "sube el límite de crédito de initech a 80 mil porfa")
    assert [p["action"] for p in reply["proposals"]] == ["set_credit_limit"], reply["text"]


def test_a_spanish_negation_proposes_nothing_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "no le mandes recordatorio a initech todavía")
    assert reply["proposals"] == [], reply["text"]
