"""A payment named by its number without the id's leading zeros ("pmt 241" is PMT-000241) on
an ERP other than the local ledger: found only when exactly one id has that number."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from graph.portfolio_reads import payment_by_number


@dataclass(frozen=True)
class _Payment:
    payment_id: str


class _Erp:
    def __init__(self, *ids: str) -> None:
        self._payments = {i: _Payment(i) for i in ids}

    def get_payment(self, payment_id: str) -> _Payment | None:
        return self._payments.get(payment_id)

    def payments(self) -> list[_Payment]:
        return list(self._payments.values())


@pytest.mark.parametrize("ref", ["241", "pmt 241", "PMT-241", "pmt#0241"])
def test_a_number_without_its_zeros_is_the_one_payment_with_that_number(ref: str) -> None:
    erp = _Erp("PMT-000240", "PMT-000241", "PMT-001241", "PMT-U00001")
    found = payment_by_number(erp, ref)  # type: ignore[arg-type]
    assert found is not None and found.payment_id == "PMT-000241"


def test_two_series_with_the_same_number_name_no_payment() -> None:
    erp = _Erp("PMT-000241", "PAY-241")
    assert payment_by_number(erp, "241") is None  # type: ignore[arg-type]


@pytest.mark.parametrize("ref", ["pmt 0", "242", "pmt 24x"])
def test_a_number_no_payment_has_names_none(ref: str) -> None:
    erp = _Erp("PMT-000240", "PMT-000241")
    assert payment_by_number(erp, ref) is None  # type: ignore[arg-type]
