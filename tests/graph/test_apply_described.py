"""Payments applied when the payment is described rather than named (issue 17, session 10): a
customer's wire, receipt or deposit ("apply initech's 18/11 wire to INV-10436"), a payment that
"needs to go against INV-…", an arrow before the order ("… unapplied on PMT-U00001 → put it on
10222"), "the oldest open one". Look-alikes — asked, reported, conditional — apply nothing."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)


@pytest.mark.parametrize(
    "text,payment,invoice,oldest",
    [
        ("apply initech's 18/11 wire to INV-10436", None, "10436", False),
        ("pls allocate the globex remittance to 10186", None, "10186", False),
        (
            "Globex's $828.82 cheque (PMT-U00001) needs to go against INV-10186",
            "PMT-U00001",
            "10186",
            False,
        ),
        (
            "globex has 828.82 unapplied on PMT-U00001 → put it on 10186 please",
            "PMT-U00001",
            None,
            False,
        ),
        ("northwind cash on account, the 500, apply it to the oldest unpaid one", None, None, True),
    ],
)
def test_a_described_payment_is_applied(
    text: str, payment: str | None, invoice: str | None, oldest: bool
) -> None:
    action = parse(text, TODAY).action
    assert action is not None and action.kind == "apply_payment", (text, action)
    if payment is not None:
        assert action.payment_ref == payment, (text, action)
    if invoice is not None:
        assert invoice in action.invoice_refs, (text, action)
    assert action.oldest == oldest, (text, action)


@pytest.mark.parametrize(
    "text",
    [
        "did initech's 18/11 wire go against INV-10436?",  # asked
        "we applied the globex remittance to 10186 yesterday",  # done
        "if the northwind wire lands, apply it to the oldest one",  # a condition
        "should globex's cheque go against INV-10186?",  # whether to
        "globex → credit hold",  # an arrow that is no application
    ],
)
def test_look_alikes_apply_nothing(text: str) -> None:
    action = parse(text, TODAY).action
    assert action is None or action.kind != "apply_payment", (text, action)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "apply_described")


def test_a_payment_needing_to_go_against_an_invoice_is_proposed_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "Globex's $828.82 cheque (PMT-U00001) needs to go against INV-10186")
    assert [p["action"] for p in reply["proposals"]] == ["apply_payment"], reply["text"]
