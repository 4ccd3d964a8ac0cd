"""A bank file with one bad line is not half-applied: every line is checked before the first
write (amounts the ledger can hold, text the database accepts), on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.cash_application import CashApplication, InvalidBankLines
from graph.cash_checks import MAX_AMOUNT, bank_line_problems
from integrations.erp.local import LocalLedger
from integrations.erp.records import BankLine, NewPayment
from integrations.store import Store
from tests.approvals_kit import service
from tests.graph.cash_run_kit import TODAY, bank_csv, check_books, policy_overrides, seed


def lines_for(url: str, count: int = 6) -> list[BankLine]:
    from integrations.bank import parse_bank_bytes

    return parse_bank_bytes(bank_csv(seed(url, count)).encode(), "bank.csv")


def nothing_written(url: str) -> None:
    approvals = service(url)
    assert approvals.store.list() == []
    assert approvals.store.bank_lines() == []
    assert approvals.erp.payments() == []
    assert check_books(url) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"amount": Decimal("99999999999999999999.99")}, "more than the ledger can hold"),
        ({"amount": Decimal("1E+30")}, "more than the ledger can hold"),
        ({"amount": Decimal("12.345")}, "more than 2 decimals"),
        ({"amount": Decimal("0.10"), "currency": "JPY"}, "has decimals, which JPY has not"),
        ({"amount": Decimal("NaN")}, "not a finite decimal"),
        ({"payer_name": "ACME\x00 INC"}, "payer name contains a NUL byte"),
        ({"reference": "INV-5003\x00"}, "reference contains a NUL byte"),
        ({"payer_name": "A" * 401}, "payer name is 401 characters long (at most 400)"),
        ({"payment_id": "P" * 65}, "payment_id is 65 characters long (at most 64)"),
        ({"payment_id": "BNK\n0003"}, "payment_id contains a control character"),
        ({"currency": "usd"}, "currency 'usd' is not an ISO 4217 code"),
    ],
)
def test_a_bad_fourth_line_writes_nothing(
    ledger_url: str, change: dict[str, object], expected: str
) -> None:
    lines = lines_for(ledger_url)
    lines[3] = replace(lines[3], **change)  # type: ignore[arg-type]
    cash = CashApplication(service(ledger_url, **policy_overrides()))
    with pytest.raises(InvalidBankLines) as refused:
        cash.run(lines, as_of=TODAY, source="bank.csv")
    message = str(refused.value)
    assert message.startswith("bank.csv: nothing was applied: bank line 4 (")
    assert expected in message
    nothing_written(ledger_url)


def test_every_bad_line_is_named_and_a_dry_run_refuses_too(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'books.db'}"
    lines = lines_for(url)
    lines[1] = replace(lines[1], amount=MAX_AMOUNT + Decimal("0.01"))
    lines[4] = replace(lines[4], payment_id=lines[0].payment_id)
    cash = CashApplication(service(url, **policy_overrides()))
    with pytest.raises(InvalidBankLines) as refused:
        cash.run(lines, as_of=TODAY, dry_run=True, source="bank.csv")
    assert [p.split(":")[0] for p in refused.value.problems] == [
        "bank line 2 (BNK-0001)",
        "bank line 5 (BNK-0000)",
    ]
    assert "payment_id repeats bank line 1" in refused.value.problems[1]
    nothing_written(url)


def test_the_largest_amount_allowed_is_stored_exactly(ledger_url: str) -> None:
    line = BankLine("BIG-1", TODAY, MAX_AMOUNT, "USD", "NOBODY AT ALL", "NO REMITTANCE")
    approvals = service(ledger_url, **policy_overrides())
    run = CashApplication(approvals).run([line], as_of=TODAY)
    assert run.count("unmatched") == 1
    [stored] = approvals.store.bank_lines()
    assert stored["amount"] == MAX_AMOUNT


AMOUNTS = st.one_of(
    st.decimals(min_value=Decimal("-1"), max_value=Decimal("1E+20"), places=2),
    st.decimals(allow_nan=True, allow_infinity=True),
)
TEXT = st.text(max_size=500)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    payment_id=st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=80),
    amount=AMOUNTS,
    currency=st.sampled_from(["USD", "EUR", "JPY", "BHD", "usd", "US", ""]),
    payer=TEXT,
    reference=TEXT,
)
def test_whatever_the_checks_accept_the_ledger_and_the_store_can_hold(
    ledger_url: str,
    payment_id: str,
    amount: Decimal,
    currency: str,
    payer: str,
    reference: str,
) -> None:
    line = BankLine(payment_id, TODAY, amount, currency, payer, reference)
    if bank_line_problems([line], "bank.csv"):
        return
    store, ledger = fuzz_books(ledger_url)
    if ledger.get_payment(payment_id) is not None:
        return  # an earlier example used this id
    store.record_bank_line(line, {"decision": "unmatched", "payer": payer}, approval_id=None)
    ledger.apply_payment(
        NewPayment(payment_id, "C00", TODAY, amount, currency, "bank", reference),
        [],
        idempotency_key=f"fuzz:{uuid.uuid4().hex}",
    )


_opened: dict[str, tuple[Store, LocalLedger]] = {}


def fuzz_books(url: str) -> tuple[Store, LocalLedger]:
    if url not in _opened:
        seed(url, 1)
        _opened[url] = (Store.open(url), LocalLedger.open(url))
    return _opened[url]
