"""``graph.cash_spool.MatchSpool``: a cash run's matches wait on disk as tuples of their fields
and come back equal to them, field for field, in their chunks and order."""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from graph.ar.cashapp_model import CashAlternative, CashMatch
from graph.cash_spool import MatchSpool


def _match(number: int, *, alternatives: bool = False, deduction: bool = False) -> CashMatch:
    return CashMatch(
        payment_id=f"BNK-{number:04d}",
        decision="review" if alternatives else "auto",
        customer_id=None if number % 5 == 0 else f"C{number:03d}",
        applications=((f"INV-{number}", Decimal("10.50")), (f"INV-{number + 1}", Decimal("2"))),
        deduction=(Decimal("1.25"), "DAMAGED") if deduction else None,
        unapplied=Decimal("0.00"),
        confidence=0.975,
        explanation="payer ≈ Jensen Engineering LLC (98), amounts add up",
        alternatives=(
            (
                CashAlternative("C900", ((f"INV-{number}", Decimal("10.50")),), 0.61, "name"),
                CashAlternative("C901", (), 0.4, "amount only"),
            )
            if alternatives
            else ()
        ),
        currency="EUR" if number % 2 else "USD",
        amount=Decimal("12.50"),
    )


def test_matches_come_back_equal_in_their_chunks() -> None:
    chunks = [
        [_match(n, alternatives=n % 3 == 0, deduction=n % 4 == 0) for n in range(start, start + 7)]
        for start in (0, 7, 14)
    ]
    spool = MatchSpool()
    for chunk in chunks:
        spool.append(iter(chunk))
    assert len(spool) == 3
    for _ in range(2):  # read back any number of times
        back = list(spool)
        assert back == chunks
        for got, want in zip(
            (m for c in back for m in c), (m for c in chunks for m in c), strict=True
        ):
            assert type(got) is CashMatch
            for name in (f.name for f in fields(CashMatch)):
                assert getattr(got, name) == getattr(want, name)
                assert type(getattr(got, name)) is type(getattr(want, name))
            assert all(type(a) is CashAlternative for a in got.alternatives)
    spool.close()


def test_anything_else_is_kept_as_it_is() -> None:
    spool = MatchSpool()
    other = {"payment_id": "BNK-1", "decision": "auto"}
    spool.append([other, _match(1)])
    spool.append([("a", "tuple")])
    spool.append([_match(2, alternatives=True)])
    assert list(spool) == [[other, _match(1)], [("a", "tuple")], [_match(2, alternatives=True)]]
