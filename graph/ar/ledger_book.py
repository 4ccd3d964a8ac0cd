"""The local ledger's book as columns (``LedgerBook``): its invoices (in invoice-number order)
and everything that reduced them, read once in a few narrow reads (``report_sums``), parsed in
C, no record made; what ``book_metrics`` and ``forecast_book`` sum with numpy."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import islice, repeat
from typing import Any

import numpy as np

from integrations.erp.port import ErpClient, is_local_ledger


def money_of_cents(cents: int) -> Decimal:
    """A sum of the book's cents as money."""
    return Decimal(cents).scaleb(-2).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class LedgerBook:
    """The local ledger's invoices (in invoice-number order) and everything that reduced them,
    as arrays: day numbers are ``date.toordinal()``, money in cents. ``pair`` indexes ``pairs``
    (customer, currency), ``code`` indexes ``currencies``. Applications carry their payment's
    customer, currency and day received; credits are the adjustments against an invoice."""

    pairs: dict[tuple[str, str], int]
    currencies: dict[str, int]
    pair: np.ndarray
    code: np.ndarray
    issued: np.ndarray
    due: np.ndarray
    amount: np.ndarray
    balance: np.ndarray
    applied_invoice: np.ndarray  # −1: an invoice not in the book
    applied_day: np.ndarray
    applied_cents: np.ndarray
    applied_received: np.ndarray
    payers: list[tuple[str, str]]  # (customer, currency) of the payments
    payer: np.ndarray  # per application, an index into ``payers``
    credit_invoice: np.ndarray
    credit_day: np.ndarray
    credit_cents: np.ndarray

    @classmethod
    def read(cls, erp: Any) -> LedgerBook:
        from integrations.erp.local import report_sums

        engine = erp.engine
        invoices = report_sums.invoice_columns(engine)
        numbers, accounts = invoices.texts
        issued, due, amount, balance = _integers(invoices, days=2)
        # In invoice-number order (code points), as the records come: the curve sums in this
        # order (the database sorts them; a collation that does not is made up for here).
        if any(map(operator.ge, numbers, islice(numbers, 1, None))):
            order = np.argsort(np.array(numbers, dtype=str), kind="stable")
            numbers = [numbers[k] for k in order.tolist()]
            accounts = [accounts[k] for k in order.tolist()]
            issued, due, amount, balance = (c[order] for c in (issued, due, amount, balance))
        pairs, pair = _codes(accounts)
        currencies: dict[str, int] = {}
        pair_code = np.array(
            [currencies.setdefault(c, len(currencies)) for _, c in pairs], np.int64
        ).reshape(len(pairs))
        index = dict(zip(numbers, range(len(numbers)), strict=True))
        cash = report_sums.application_columns(engine)
        applied_to, payer_accounts = cash.texts
        applied_day, applied_received, applied_cents = _integers(cash, days=2)
        payers, payer = _codes(payer_accounts)
        credits = _table(report_sums.credit_rows(engine), _CREDIT)
        return cls(
            pairs=pairs,
            currencies=currencies,
            pair=pair,
            code=pair_code[pair],
            issued=issued,
            due=due,
            amount=amount,
            balance=balance,
            applied_invoice=_positions(applied_to, index),
            applied_day=applied_day,
            applied_cents=applied_cents,
            applied_received=applied_received,
            payers=list(payers),
            payer=payer,
            credit_invoice=_positions(credits["invoice"].tolist(), index),
            credit_day=_ordinals(credits["on"]),
            credit_cents=credits["cents"].copy(),
        )

    def aging(self, as_of: date) -> dict[str, tuple[int, ...]]:
        """Open balances per currency in the aging buckets (cents), aged by due date: what
        ``report_sums.aging_by_currency`` sums in SQL."""
        from integrations.erp.records import AGING_BUCKETS

        is_open = self.balance > 0
        days = as_of.toordinal() - self.due[is_open]
        uppers = np.array([upper for _, upper in AGING_BUCKETS if upper is not None])
        bucket = np.searchsorted(uppers, days, side="left")
        totals = np.zeros((len(self.currencies), len(AGING_BUCKETS)), np.int64)
        np.add.at(totals, (self.code[is_open], bucket), self.balance[is_open])
        counted = np.bincount(self.code[is_open], minlength=len(self.currencies))
        rows = totals.tolist()
        return {c: tuple(rows[k]) for c, k in self.currencies.items() if counted[k]}


# The adjustments' rows of ``integrations.erp.local.report_sums`` as numpy records: dates parsed
# in C (ISO text on SQLite, dates on PostgreSQL), strings kept as Python strings.
_CREDIT = np.dtype([("invoice", "O"), ("on", "M8[D]"), ("cents", "i8")])
_ORDINAL_OF_EPOCH = date(1970, 1, 1).toordinal()


def _table(rows: list[tuple[Any, ...]], dtype: np.dtype) -> np.ndarray:
    return np.array(rows, dtype=dtype).reshape(len(rows))


def _integers(columns: Any, days: int) -> list[np.ndarray]:
    """The integer columns of a ``report_sums.Columns`` as arrays, parsed in C; the first
    ``days`` of them are days since 1970-01-01, made ``date.toordinal()``."""
    from integrations.erp.local.report_sums import SEPARATOR

    found = []
    for k, text in enumerate(columns.integers):
        values = np.fromstring(text, dtype=np.int64, sep=SEPARATOR)
        if len(values) != columns.count:
            raise ValueError(f"read {len(values)} values of {columns.count}")
        found.append(values + _ORDINAL_OF_EPOCH if k < days else values)
    return found


def _ordinals(days: np.ndarray) -> np.ndarray:
    """``date.toordinal()`` of each day."""
    return days.astype(np.int64) + _ORDINAL_OF_EPOCH


def _codes(accounts: list[str]) -> tuple[dict[tuple[str, str], int], np.ndarray]:
    """Each distinct account (``report_sums.account_key``) as (customer, currency), numbered in
    the order first seen, and each row's number (``dict.fromkeys`` and ``map`` loop in C)."""
    from integrations.erp.local.report_sums import ACCOUNT

    numbers = {key: k for k, key in enumerate(dict.fromkeys(accounts))}
    codes = np.fromiter(map(numbers.__getitem__, accounts), np.int64, len(accounts))
    pairs = {}
    for key, k in numbers.items():
        customer_id, _, currency = key.rpartition(ACCOUNT)
        pairs[(customer_id, currency)] = k
    return pairs, codes


def _positions(numbers: Sequence[str], index: dict[str, int]) -> np.ndarray:
    return np.fromiter(map(index.get, numbers, repeat(-1)), np.int64, count=len(numbers))


def read_ledger_book(erp: ErpClient) -> LedgerBook | None:
    """The local ledger's ``LedgerBook`` (for ``book_metrics_at`` and ``book_forecast`` to share
    one read); None for any other ERP."""
    return LedgerBook.read(erp) if is_local_ledger(erp) else None
