"""Changes arbot cannot make, typed in operator shorthand (issue 17, session 14): a credit memo
said first with its amount, an invoice voided or re-issued by number anywhere in the message, an
invoice's field set with an arrow, a deletion or fix said last, a late fee or interest said
first or posted, a due date set with an arrow, the ERP synced "now", auto-dunning, a failed debit
retried, a statement run killed, AR netted against AP, an invoice written off as bad debt with
no amount (all of it). Each is ``unknown`` with what cannot be done; the ERP's import named as
where the numbers come from, a residual written off to bad debt and a question about a credit
memo keep their reading."""

from __future__ import annotations

from datetime import date

import pytest

from graph import understand_cannot_named
from graph.understand import parse
from graph.understand_vocab import normalize

TODAY = date(2026, 11, 21)

TERSE = [
    "credit note 75 initech 10222",
    "fabrikam void 10186, reissue at 410",
    "10299 amount -> 1,250",
    "wrong PO on 10321, fix pls",
    "duplicate invoice 10286, delete",
    "late charges globex 2%",
    "post late fees on everything 60+",
    "10186 due dt => 31/12",
    "netsuite sync now",
    "auto dunning every friday for initech",
    "retry the bounced direct debit for mohawk",
    "stop tomorrow's dunning run",
    "net off globex AR against AP",
]


@pytest.mark.parametrize("text", TERSE)
def test_shorthand_for_a_change_arbot_cannot_make_is_said_so(text: str) -> None:
    request = parse(text, TODAY)
    assert request.intent == "unknown", (text, request.intent, request.action)
    assert request.cannot is not None, (text, request)
    assert request.action is None, (text, request.action)


@pytest.mark.parametrize(
    "text",
    [
        "top 5 debtors in the erp import please",
        "over 90 days from the netsuite import pls",
        "credit memo 40 on globex posted yet?",
    ],
)
def test_shorthand_that_asks_is_no_change(text: str) -> None:
    assert parse(text, TODAY).cannot is None, text


def test_an_invoice_written_off_as_bad_debt_with_no_amount_is_all_of_it() -> None:
    whole = normalize("w/o 10222 as bad debt, initech stopped answering")
    part = normalize("w/o the 45 on 10222 as bad debt")
    assert understand_cannot_named.instead(whole, "write_off_deduction") == "other_change"
    assert understand_cannot_named.instead(part, "write_off_deduction") is None
