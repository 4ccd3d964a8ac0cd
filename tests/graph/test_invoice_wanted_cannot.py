"""A new invoice wanted for a figure, not from a sales order (issue 17, session 10): "need an
invoice for X, 45 cs … 1,250.00", "invoice X for $3,150 pallet hire", "bill X 380 for the
freight", "hazle factura a X por …". arbot drafts invoices from fulfilled sales orders only, so
it says it cannot do that yet — never X's balance instead. An order billed stays a draft; an
invoice asked about stays the question."""

from __future__ import annotations

from datetime import date

import pytest

from graph.understand import parse
from tests.conftest import Cli, ask_json, demo_cli

TODAY = date(2026, 11, 21)

WANTED = [
    "need an invoice for initech, 3 service visits 900.00 total",
    "invoice Northwind Traders for $3,150 pallet hire, 30 days",
    "bill fabrikam 380 for the rush freight pls",
    "pls bill Globex Corporation USD 1,200 for the re-tooling call-out",
    "hazle factura a initech por 2 cajas de guantes, $310",
]


@pytest.mark.parametrize("text", WANTED)
def test_a_new_invoice_for_a_figure_is_said_cannot(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown" and request.cannot == "create_invoice", (text, request)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("invoice 10222 status", "invoice_status"),
        ("is invoice 10222 paid", "invoice_status"),
        ("create an invoice for SO-1001", "create_invoice"),
    ],
)
def test_look_alikes_stay_what_they_were(text: str, intent: str) -> None:
    assert parse(text, TODAY).intent == intent, text


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory, "invoice_wanted")


def test_no_balance_is_shown_instead_end_to_end(demo: Cli) -> None:
    reply = ask_json(demo, "invoice Northwind Traders for $3,150 pallet hire, 30 days")
    assert reply["proposals"] == [], reply["text"]
    assert reply["intent"] == "unknown", reply["text"]
    assert "can't" in reply["text"] or "cannot" in reply["text"], reply["text"]
