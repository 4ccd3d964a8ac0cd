"""Terms changed by asking in chat, on each ERP: "set … terms to net 45" and "… to 2/10 net 30"
become a ``set_terms`` proposal; a credit manager's approval writes it once (a second click is
refused, the trail has it); terms the ERP does not have are refused when proposed, in its words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from graph.approvals import ApprovalService, ProposalRejected
from graph.order_actions import SetTerms, terms_change
from graph.understand import parse
from tests.approvals_kit import as_, service
from tests.erp_kit import ERPS, Company, company

D = Decimal
TODAY = date(2026, 11, 21)


@pytest.fixture(params=ERPS)
def books(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Company]:
    with company(request.param, tmp_path) as opened:
        yield opened


def asked(books: Company, approvals: ApprovalService, text: str) -> SetTerms:
    request = parse(text, TODAY)
    assert request.intent == "action_request" and request.action is not None
    assert (request.action.kind, request.action.customer_text) == ("set_terms", "subsidiary co")
    customer = books.erp.get_customer(books.subsidiary)
    assert customer is not None and request.action.terms is not None
    return terms_change(customer, request.action.terms)


@pytest.mark.parametrize(
    ("text", "label", "days", "discount"),
    [
        ("set subsidiary co terms to net 45", "Net 45", 45, (D("0"), 0)),
        ("change subsidiary co's payment terms to 2/10 net 30", "2/10 Net 30", 30, (D("2"), 10)),
    ],
)
def test_terms_asked_in_chat_are_written_once_on_approval(
    books: Company, text: str, label: str, days: int, discount: tuple[Decimal, int]
) -> None:
    approvals = service(books.url, erp=books.erp)
    action = asked(books, approvals, text)
    assert action.summary() == f"Set {books.subsidiary}'s terms to {label} (now Net 30)"
    approval = approvals.propose(action, requested_by="Dana Kim")
    assert approval.status == "pending"  # assist mode: a person decides
    assert not approvals.approve(approval.approval_id, as_("casey")).ok  # a collector may not
    first = approvals.approve(approval.approval_id, as_("chris"))
    again = approvals.approve(approval.approval_id, as_("chris"))
    assert first.ok, first.message
    assert not again.ok
    customer = books.erp.get_customer(books.subsidiary)
    assert customer is not None
    assert (customer.terms_days, customer.discount_percent, customer.discount_days) == (
        days,
        *discount,
    )
    assert customer.terms_label == label
    trail = approvals.store.audit(approval.approval_id)
    assert [r.event for r in trail] == ["proposed", "refused", "approved", "executing", "done"]
    assert trail[-1].detail["before"]["terms"] == "Net 30"
    assert trail[-1].detail["after"]["terms"] == label


def test_terms_the_erp_does_not_have_are_refused_when_proposed(books: Company) -> None:
    approvals = service(books.url, erp=books.erp)
    action = asked(books, approvals, "set subsidiary co terms to 3/15 net 90")
    if books.kind == "local":  # the ledger keeps whatever terms it is given
        assert approvals.propose(action, requested_by="Dana Kim").status == "pending"
        return
    with pytest.raises(ProposalRejected) as refused:
        approvals.propose(action, requested_by="Dana Kim")
    where = {
        "quickbooks": "QuickBooks has no 3/15 Net 90 term: add it under Settings → Terms first",
        "intacct": "Intacct has no 3/15 Net 90 term: add it under Accounts Receivable → Setup "
        "→ Terms first",
    }[books.kind]
    assert where in str(refused.value)
    assert books.erp.get_customer(books.subsidiary).terms_days == 30  # type: ignore[union-attr]
