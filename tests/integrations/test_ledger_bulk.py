"""Many payments written in one ledger transaction (a cash run's batch) end exactly as the same
payments written one at a time: the same refusals, the same balances, replays by key."""

from __future__ import annotations

import contextlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from integrations.erp.local import LocalLedger, bulk, schema
from integrations.erp.port import ErpError
from integrations.erp.records import ApplicationRequest, NewPayment
from tests.books import seed_books


def _ledger(path: Path) -> LocalLedger:
    ledger = LocalLedger.open(f"sqlite:///{path}")
    seed_books(ledger)
    return ledger


def _writes(ledger: LocalLedger) -> list[tuple[NewPayment, list[ApplicationRequest], str]]:
    first, second = [i for i in ledger.invoices() if i.currency == "USD"][:2]
    other = next(i for i in ledger.invoices() if i.customer_id != first.customer_id)

    def pay(pid: str, invoice, amount: Decimal, key: str, customer: str | None = None):  # type: ignore[no-untyped-def]
        payment = NewPayment(
            pid, customer or invoice.customer_id, date(2026, 11, 20), amount, "USD", "ach", ""
        )
        return payment, [ApplicationRequest(invoice.invoice_number, amount)], key

    return [
        pay("B-1", first, first.balance, "k1"),  # pays the first invoice in full
        pay("B-2", first, Decimal("1.00"), "k2"),  # nothing left on it: refused
        pay("B-3", second, Decimal("10.00"), "k3"),
        pay("B-3", second, Decimal("10.00"), "k3"),  # the same key again: a replay
        pay("B-4", second, Decimal("-5.00"), "k4"),  # not a positive amount: refused
        pay("B-5", second, Decimal("5.00"), ""),  # no key: refused
        pay("B-6", other, Decimal("1.00"), "k6", customer=first.customer_id)
        if other.customer_id != first.customer_id
        else pay("B-6", second, Decimal("1.00"), "k6"),
        pay("B-7", second, Decimal("2.00"), "k7", customer="NOBODY"),  # unknown customer
    ]


def _state(ledger: LocalLedger) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    return (
        {i.invoice_number: i.balance for i in ledger.invoices(open_only=False)},
        {p.payment_id: p.unapplied for p in ledger.payments()},
    )


def test_a_batch_ends_as_the_same_writes_one_at_a_time(tmp_path: Path) -> None:
    one_by_one = _ledger(tmp_path / "one.db")
    batch = _ledger(tmp_path / "batch.db")
    writes = _writes(one_by_one)
    assert writes == _writes(batch)
    expected: list[object] = []
    for payment, requests, key in writes:
        try:
            expected.append(one_by_one.apply_payment(payment, requests, idempotency_key=key))
        except ErpError as refused:
            expected.append(refused)
    got = batch.apply_payments(writes)
    assert [type(r) for r in got] == [type(r) for r in expected]
    assert [str(r) for r in got if isinstance(r, ErpError)] == [
        str(r) for r in expected if isinstance(r, ErpError)
    ]
    assert [(r.erp_reference, r.replayed) for r in got if not isinstance(r, Exception)] == [
        (r.erp_reference, r.replayed)  # type: ignore[union-attr]
        for r in expected
        if not isinstance(r, Exception)
    ]
    assert _state(batch) == _state(one_by_one)
    assert batch.integrity_problems() == []
    # Written once: the same batch again only replays (or refuses what no longer fits).
    again = batch.apply_payments(writes)
    assert all(r.replayed for r in again if not isinstance(r, Exception))
    assert _state(batch) == _state(one_by_one)


def test_a_batch_is_written_with_the_ledger_s_larger_page_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's transaction holds the pages it dirties (its invoices and their open-invoice
    indexes) in ``LEDGER_CACHE_KIB``, not the store's smaller batch cache: a 512-line batch
    spilled to the WAL mid-transaction in 4 MiB and wrote those pages again at its commit."""
    from integrations.plain_writes import BULK_CACHE_KIB, LEDGER_CACHE_KIB

    ledger = _ledger(tmp_path / "batch.db")
    seen: list[int] = []
    original = bulk.bulk_write_transaction

    @contextlib.contextmanager
    def watched(engine, cache_kib=BULK_CACHE_KIB):  # type: ignore[no-untyped-def]
        with original(engine, cache_kib) as conn:
            (size,) = conn.exec_driver_sql("PRAGMA cache_size").one()
            seen.append(int(size))
            yield conn

    monkeypatch.setattr(bulk, "bulk_write_transaction", watched)
    results = ledger.apply_payments(_writes(ledger)[:1])
    assert [type(r).__name__ for r in results] == ["WriteResult"]
    assert seen == [-LEDGER_CACHE_KIB] and LEDGER_CACHE_KIB > BULK_CACHE_KIB


def test_the_state_a_batch_reports_is_the_ledger_s_after_it(tmp_path: Path) -> None:
    """``after`` (what a cash run audits as each write's "after" without reading the ledger
    again) holds, for every invoice and payment the batch names, exactly what a read gives,
    in the same form (``str`` of each amount)."""
    ledger = _ledger(tmp_path / "after.db")
    writes = _writes(ledger)
    after: dict[str, dict[str, Decimal]] = {}
    results = ledger.apply_payments(writes, after=after)
    invoices, payments = _state(ledger)
    named = {r.invoice_number for _, requests, _ in writes for r in requests}
    assert set(after["invoices"]) == named
    assert {n: str(b) for n, b in after["invoices"].items()} == {n: str(invoices[n]) for n in named}
    assert after["payments"], after
    assert {p: str(u) for p, u in after["payments"].items()} == {
        p: str(payments[p]) for p in after["payments"]
    }
    written = {
        w[0].payment_id
        for w, r in zip(writes, results, strict=True)
        if not isinstance(r, Exception)
    }
    assert written and written <= set(after["payments"])  # each write's payment is reported


def test_a_balance_changed_under_the_batch_rolls_it_back_and_writes_one_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batch's updates are conditional on the balances it read: when one no longer matches
    (here the batch is made to read a stale balance), the driver reports fewer rows changed,
    nothing of the batch stays, and each payment is written alone with ``apply_payment``'s
    own checks: the ledger ends as the same writes one at a time leave it."""
    one_by_one = _ledger(tmp_path / "one.db")
    batch = _ledger(tmp_path / "batch.db")
    writes = _writes(one_by_one)
    for payment, requests, key in writes:
        with contextlib.suppress(ErpError):
            one_by_one.apply_payment(payment, requests, idempotency_key=key)
    real_rows_in = bulk.rows_in
    stale: list[str] = []

    def stale_balances(conn, table, column, values, **options):  # type: ignore[no-untyped-def]
        found = real_rows_in(conn, table, column, values, **options)
        if table is schema.invoices and not stale:
            number = next(iter(found))
            stale.append(number)
            found[number] = dict(found[number]) | {"balance": found[number]["balance"] + 1}
        return found

    monkeypatch.setattr(bulk, "rows_in", stale_balances)
    alone: list[str] = []
    real_apply = LocalLedger.apply_payment

    def counted(self, payment, requests, *, idempotency_key):  # type: ignore[no-untyped-def]
        alone.append(payment.payment_id)
        return real_apply(self, payment, requests, idempotency_key=idempotency_key)

    monkeypatch.setattr(LocalLedger, "apply_payment", counted)
    after: dict[str, dict[str, Decimal]] = {}
    batch.apply_payments(writes, after=after)
    assert stale and len(alone) == len(writes)  # the batch was rolled back, then one by one
    assert after == {}  # nothing reported: the writes went one at a time
    assert _state(batch) == _state(one_by_one)
    assert batch.integrity_problems() == []
