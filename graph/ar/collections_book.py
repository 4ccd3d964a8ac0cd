"""The collections list of a whole ERP: ranked from SQL sums on the local ledger, from records on
any other ERP; Python objects (customers, invoice numbers, notes) only for the entries shown.

The dispute and broken-promise signals come through ``Signals``: today the ERP's own records
(notes that say "disputed", the promises the ERP keeps); the seam where arbot's own dispute and
promise-to-pay records plug in.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Protocol

from graph.ar.behaviour import (
    LATE_DAYS,
    RECENT_DAYS,
    Behaviour,
    PaymentStats,
    Priors,
    default_behaviour,
    learn,
)
from graph.ar.collections import (
    DUE_SOON_DAYS,
    PERCENT,
    PROMISE_MEMORY_DAYS,
    SCORE_STEP,
    ZERO,
    AccountTotals,
    BookTotals,
    Details,
    PriorityEntry,
    Ranked,
    rank,
    typical_accounts,
)
from integrations.erp.port import ErpClient
from integrations.erp.records import Customer, Invoice, PromiseToPay


class Signals(Protocol):
    """Disputes and broken promises, wherever they are recorded."""

    def disputed_invoices(self) -> frozenset[str]:
        """Invoices in dispute (open ones at least)."""
        ...

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        """Promises to pay broken by ``as_of``."""
        ...


@dataclass
class ErpSignals:
    """What the ERP port gives today: notes saying "disput…" and the ERP's promises."""

    erp: ErpClient

    def disputed_invoices(self) -> frozenset[str]:
        return frozenset(
            n.invoice_number
            for n in self.erp.notes()
            if n.invoice_number and "disput" in n.text.lower()
        )

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        return [p for p in self.erp.promises() if p.status == "broken" and p.promised_on <= as_of]


@dataclass
class LedgerSignals:
    """The same from the local ledger, in SQL (its notes and promises are not all read)."""

    erp: Any

    def disputed_invoices(self) -> frozenset[str]:
        from integrations.erp.local import aggregates

        return frozenset(aggregates.disputed_open(self.erp.engine))

    def broken_promises(self, as_of: date) -> list[PromiseToPay]:
        from integrations.erp.local import aggregates

        return [
            PromiseToPay(cid, on, Decimal(cents).scaleb(-2), currency, "broken", number)
            for cid, number, on, cents, currency, _ in aggregates.broken_promises(
                self.erp.engine, as_of
            )
        ]


def is_local(erp: object) -> bool:
    return getattr(erp, "name", None) == "local" and hasattr(erp, "engine")


@dataclass
class CollectionsBook:
    """Every account ranked, and how to read what the entries shown need."""

    as_of: date
    ranked: list[Ranked]
    source: Any  # _SqlSource | _RecordSource
    by_customer: dict[str, list[PromiseToPay]] = field(default_factory=dict)

    def entries(self, ranked: Sequence[Ranked]) -> list[PriorityEntry]:
        from graph.ar.collections_text import entry

        details = self.source.details([r.account for r in ranked], self.as_of, self.by_customer)
        return [entry(r, details, self.as_of) for r in ranked]

    def customers_of_collector(self, collector: str) -> set[str]:
        return self.source.customers_of_collector(collector)

    def collectors(self) -> list[str]:
        return sorted(self.source.collectors())

    def invoices(self, numbers: set[str]) -> dict[str, Invoice]:
        return self.source.invoices(numbers)

    def customers(self, ids: set[str]) -> dict[str, Customer]:
        return self.source.customers(ids)


def read_book(
    erp: ErpClient,
    as_of: date,
    signals: Signals | None = None,
    ledger: Any = None,
    top: int | None = None,
) -> CollectionsBook:
    """Every account ranked. ``ledger``: the local ledger's ``graph.ar.forecast_book.LedgerBook``
    when the caller has read it already (the digest): the totals come from its arrays, the same
    as the SQL sums, without reading the book again; with it, ``top``: only the first ``top``
    are wanted (``ranked`` holds them, in order, and only such others as could have been)."""
    local = is_local(erp)
    signals = signals or (LedgerSignals(erp) if local else ErpSignals(erp))
    source: Any
    if local and ledger is not None:
        source = _ArraySource(erp, ledger, top)
    else:
        source = _SqlSource(erp) if local else _RecordSource(erp)
    disputed = signals.disputed_invoices()
    with _cyclic_gc_paused():
        accounts = source.accounts(as_of, disputed)
    promises = signals.broken_promises(as_of)
    open_numbers = source.open_numbers_of({p.invoice_number for p in promises if p.invoice_number})
    broken: dict[str, list[PromiseToPay]] = {}
    for promise in promises:
        if promise.invoice_number:
            matters = promise.invoice_number in open_numbers
        else:
            matters = (as_of - promise.promised_on).days <= PROMISE_MEMORY_DAYS
        if matters:
            broken.setdefault(promise.customer_id, []).append(promise)
    with _cyclic_gc_paused():
        stats = source.stats(as_of, accounts)
        book = getattr(source, "book_totals", None)
        ranked = rank(accounts, stats, {c: len(p) for c, p in broken.items()}, book)
    return CollectionsBook(as_of, ranked, source, broken)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector while tens of thousands of accounts are made: none is in a
    cycle, and each collection would walk every live object. It resumes afterwards only if it
    was on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def behaviours_of(
    erp: ErpClient, as_of: date, customer_id: str | None = None
) -> dict[str, Behaviour]:
    """Each customer's payment behaviour (or one customer's), as the collections list learns it.
    One customer's is shrunk towards the default, not the book's: the book is not read."""
    source = _SqlSource(erp) if is_local(erp) else _RecordSource(erp)
    accounts = source.accounts(as_of, frozenset(), customer_id=customer_id)
    return learn(source.stats(as_of, accounts, customer_id=customer_id))


def behaviour_of(erp: ErpClient, customer_id: str, as_of: date) -> Behaviour:
    return behaviours_of(erp, as_of, customer_id).get(customer_id) or default_behaviour(
        customer_id, {}
    )


def _open_late(accounts: Iterable[AccountTotals]) -> dict[str, int]:
    found: dict[str, int] = {}
    for account in accounts:
        found[account.customer_id] = found.get(account.customer_id, 0) + account.late_count
    return found


def _with_open_late(
    settled: dict[str, PaymentStats], accounts: Iterable[AccountTotals]
) -> list[PaymentStats]:
    stats = dict(settled)
    for customer_id, count in _open_late(accounts).items():
        base = stats.get(customer_id)
        if base is None:
            stats[customer_id] = PaymentStats(customer_id, open_late=count)
        elif count:
            stats[customer_id] = replace(base, open_late=base.open_late + count)
    return list(stats.values())


class _SqlSource:
    def __init__(self, erp: Any) -> None:
        self.erp = erp
        self.engine = erp.engine

    def accounts(
        self, as_of: date, disputed: frozenset[str], customer_id: str | None = None
    ) -> list[AccountTotals]:
        from integrations.erp.local import aggregates

        rows = aggregates.account_rows(
            self.engine,
            as_of,
            late_days=LATE_DAYS,
            soon_days=DUE_SOON_DAYS,
            customer_id=customer_id,
        )
        return self._with_disputes(
            {(r.customer_id, r.currency): LedgerAccount(r) for r in rows}, as_of, disputed
        )

    def _with_disputes(
        self, accounts: dict[tuple[str, str], LedgerAccount], as_of: date, disputed: frozenset[str]
    ) -> list[AccountTotals]:
        from integrations.erp.local import aggregates

        # Every disputed invoice read by number: the ERP's notes say some, arbot's store others.
        late_cut = as_of - timedelta(days=LATE_DAYS)
        for number, cid, currency, balance, amount, due in aggregates.open_invoices(
            self.engine, disputed
        ):
            account = accounts.get((cid, currency))
            if account is not None:
                not_late = balance if due >= late_cut else None
                account.dispute(number, not_late, balance < amount, early=due < as_of)
        return list(accounts.values())  # type: ignore[arg-type]  # the same attributes

    def stats(
        self, as_of: date, accounts: list[AccountTotals], customer_id: str | None = None
    ) -> list[PaymentStats]:
        from integrations.erp.local import aggregates

        rows = aggregates.settled_rows(
            self.engine,
            as_of,
            late_days=LATE_DAYS,
            recent_from=as_of - timedelta(days=RECENT_DAYS - 1),
            customer_id=customer_id,
        )
        return _with_open_late({r.customer_id: PaymentStats(*r) for r in rows}, accounts)

    def open_numbers_of(self, numbers: set[str]) -> set[str]:
        return {n for n, i in self.invoices(numbers).items() if i.balance > 0}

    def details(
        self, accounts: list[AccountTotals], as_of: date, broken: dict[str, list[PromiseToPay]]
    ) -> Details:
        from integrations.erp.local import aggregates

        ids = {a.customer_id for a in accounts}
        found = aggregates.past_due_details(self.engine, as_of, ids, late_days=LATE_DAYS)
        for account in accounts:
            detail = found.get((account.customer_id, account.currency))
            if detail is not None:
                account.oldest_due, account.past_due_count, late_day_cents = detail
                account.late_day_money = late_day_cents / 100.0
        return Details(
            customers=self.customers(ids),
            past_due_numbers=aggregates.past_due_numbers(self.engine, as_of, ids),
            last_contact=aggregates.last_contacts(self.engine, ids),
            broken=broken,
        )

    def customers(self, ids: set[str]) -> dict[str, Customer]:
        from graph.portfolio_sql import SqlBookReads

        return SqlBookReads(self.erp, date.today()).customers_by_query(ids)

    def invoices(self, numbers: set[str]) -> dict[str, Invoice]:
        from graph.portfolio_sql import SqlBookReads

        found = SqlBookReads(self.erp, date.today()).invoices(numbers)
        return {i.invoice_number: i for i in found}

    def customers_of_collector(self, collector: str) -> set[str]:
        from integrations.erp.local import aggregates

        return aggregates.customers_of_collector(self.engine, collector)

    def collectors(self) -> list[str]:
        from integrations.erp.local import aggregates

        return list(aggregates.collectors(self.engine))


class _ArraySource(_SqlSource):
    """The local ledger's totals from its ``LedgerBook`` (already read), the same figures as
    ``aggregates.account_rows`` and ``settled_rows`` sum in SQL; the rest as ``_SqlSource``.

    With ``top``, only the accounts that can be among the first ``top`` become objects and are
    scored: an account's expected late money lies between its late money (late for certain)
    and its open balance (a chance is at most 1), so an account whose open balance scores
    below the ``top``-th largest late money (by more than the score's rounding) can neither
    reach nor tie them. ``book_totals`` then holds what the order takes from the whole book."""

    def __init__(self, erp: Any, ledger: Any, top: int | None = None) -> None:
        super().__init__(erp)
        self.ledger = ledger
        self.top = top
        self.book_totals: BookTotals | None = None
        self._open_late: Any = None  # per pair: open invoices more than LATE_DAYS past due

    def accounts(
        self, as_of: date, disputed: frozenset[str], customer_id: str | None = None
    ) -> list[AccountTotals]:
        import numpy as np

        from integrations.erp.local.aggregates import AccountRow
        from integrations.erp.records import AGING_BUCKETS

        if customer_id is not None:
            return super().accounts(as_of, disputed, customer_id)
        book = self.ledger
        open_ = np.flatnonzero(book.balance > 0)
        balance, pair = book.balance[open_], book.pair[open_]
        days = as_of.toordinal() - book.due[open_]
        uppers = np.array([upper for _, upper in AGING_BUCKETS if upper is not None])
        bucket = np.searchsorted(uppers, days, side="left")
        width, pairs = len(AGING_BUCKETS), len(book.pairs)
        buckets = np.zeros((pairs, width), np.int64)
        np.add.at(buckets, (pair, bucket), balance)
        partly = balance < book.amount[open_]
        not_late = days <= LATE_DAYS
        early = not_late & (days > 0)

        def total(mask: np.ndarray, values: np.ndarray = balance) -> np.ndarray:
            found = np.zeros(pairs, np.int64)
            np.add.at(found, pair[mask], values[mask])
            return found

        columns = [
            total(early),
            total((days <= 0) & (days >= -DUE_SOON_DAYS)),
            total(not_late & partly),
            total(early & partly),
            total(~not_late, np.ones(len(open_), np.int64)),
        ]
        self._open_late = columns[-1]
        open_cents = buckets.sum(axis=1)
        keys = sorted(book.pairs.items())  # as SQL groups them
        keep = open_cents > 0
        if self.top is not None:
            keep = keep & self._can_reach_top(keys, open_cents, buckets, columns[0])
        rows = buckets.tolist()
        lists = [column.tolist() for column in columns]
        wanted = keep.tolist()
        accounts = {
            key: LedgerAccount(AccountRow(*key, tuple(rows[k]), *(column[k] for column in lists)))
            for key, k in keys
            if wanted[k]
        }
        return self._with_disputes(accounts, as_of, disputed)

    def _can_reach_top(
        self, keys: list[tuple[tuple[str, str], int]], open_cents: Any, buckets: Any, early: Any
    ) -> Any:
        import numpy as np

        assert self.top is not None
        opened = open_cents.tolist()
        currency_of = [""] * len(opened)
        for (_, currency), k in keys:
            currency_of[k] = currency
        # The average open account per currency, summed in the accounts' order as rank() does.
        typical = typical_accounts((currency_of[k], opened[k] / 100) for _, k in keys)
        self.book_totals = BookTotals(typical, Priors(0, 0, 0, 0))  # priors: by stats()
        scale = np.array([PERCENT / typical.get(c, 1.0) for c in currency_of])
        lowest = (buckets[:, 1:].sum(axis=1) - early) / 100 * scale  # late money's score
        highest = open_cents / 100 * scale
        has_open = open_cents > 0
        if has_open.sum() <= self.top:
            return has_open
        cut = np.sort(lowest[has_open])[-self.top]
        return highest >= cut - 2 * SCORE_STEP

    def stats(
        self, as_of: date, accounts: list[AccountTotals], customer_id: str | None = None
    ) -> list[PaymentStats]:
        import numpy as np

        if customer_id is not None:
            return super().stats(as_of, accounts, customer_id)
        book = self.ledger
        seen = (book.applied_day <= as_of.toordinal()) & (book.applied_invoice >= 0)
        paid_on = np.zeros(len(book.amount), np.int64)
        np.maximum.at(paid_on, book.applied_invoice[seen], book.applied_day[seen])
        settled = np.flatnonzero((book.balance == 0) & (paid_on > 0))
        customers: dict[str, int] = {}
        pair_customer = np.array(
            [customers.setdefault(c, len(customers)) for c, _ in book.pairs], np.int64
        ).reshape(len(book.pairs))
        customer = pair_customer[book.pair[settled]]
        beyond = paid_on[settled] - book.due[settled]
        late = beyond > LATE_DAYS
        recent_from = as_of.toordinal() - (RECENT_DAYS - 1)
        recent = paid_on[settled] >= recent_from

        def total(values: np.ndarray) -> list[int]:
            found = np.zeros(len(customers), np.int64)
            np.add.at(found, customer, values.astype(np.int64))
            return found.tolist()

        ones = np.ones(len(settled), np.int64)
        columns = (
            total(ones),
            total(late),
            total(beyond),
            total(np.where(late, beyond, 0)),
            total(recent),
            total(recent & late),
            total(np.where(recent, beyond, 0)),
        )
        if self.book_totals is not None:  # the whole book's sums, for the accounts kept
            open_late = int(self._open_late.sum())
            priors = Priors(
                len(settled) + int(recent.sum()) + open_late,
                int(late.sum()) + int((recent & late).sum()) + open_late,
                int(late.sum()),
                int(np.where(late, beyond, 0).sum()),
            )
            self.book_totals = BookTotals(self.book_totals.typical, priors)
            by_customer = np.zeros(len(customers), np.int64)
            np.add.at(by_customer, pair_customer, self._open_late)
            counts = by_customer.tolist()
            wanted = {a.customer_id for a in accounts}
            late_of = {cid: counts[customers[cid]] for cid in wanted}
        else:
            late_of = _open_late(accounts)
            wanted = None
        counted = columns[0]
        found = {  # in customer order, as SQL groups them
            cid: PaymentStats(cid, *(column[k] for column in columns), late_of.get(cid, 0))
            for cid, k in sorted(customers.items())
            if counted[k] and (wanted is None or cid in wanted)
        }
        for cid, count in late_of.items():  # as _with_open_late adds them
            if cid not in found:
                found[cid] = PaymentStats(cid, open_late=count)
        return list(found.values())


def _money(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2) if cents else ZERO


class LedgerAccount:
    """``AccountTotals`` read from the ledger's sums: the cents stay ints and become Decimals
    when read (fifty thousand accounts × ten Decimals would be most of the command's memory)."""

    __slots__ = (
        "_buckets",
        "_disputed",
        "_due_soon",
        "_early",
        "_early_disputed",
        "_early_partly",
        "_partly",
        "currency",
        "customer_id",
        "disputed_numbers",
        "late_count",
        "late_day_money",
        "oldest_due",
        "past_due_count",
    )

    def __init__(self, row: Any) -> None:
        self.customer_id: str = row.customer_id
        self.currency: str = row.currency
        self._buckets: tuple[int, ...] = tuple(map(int, row.buckets))
        self._early, self._due_soon = int(row.early_past_due), int(row.due_soon)
        self._partly, self._disputed = int(row.partly_paid), 0
        self._early_partly, self._early_disputed = int(row.early_partly_paid), 0
        self.late_count: int = int(row.late_count)
        self.disputed_numbers: list[str] = []
        self.late_day_money = 0.0
        self.oldest_due: date | None = None
        self.past_due_count = 0

    def dispute(self, number: str, cents: int | None, partly_paid: bool, *, early: bool) -> None:
        """An invoice of this account is disputed; ``cents`` of it not yet late (None: late),
        ``early``: 1-LATE_DAYS past due."""
        self.disputed_numbers.append(number)
        if cents is not None:
            self._disputed += cents
            if early:
                self._early_disputed += cents
            if partly_paid:
                self._partly -= cents  # counted as disputed instead
                if early:
                    self._early_partly -= cents

    @property
    def buckets(self) -> list[Decimal]:
        return [_money(c) for c in self._buckets]

    @property
    def open_total(self) -> Decimal:
        return _money(sum(self._buckets))

    @property
    def past_due(self) -> Decimal:
        return _money(sum(self._buckets[1:]))

    def past_due_key(self) -> int:
        """``past_due`` in cents, for ordering without a Decimal each."""
        return sum(self._buckets[1:])

    def open_total_float(self) -> float:
        """``AccountTotals.open_total_float`` from the cents, without a Decimal."""
        return sum(self._buckets) / 100

    @property
    def late(self) -> Decimal:
        return _money(sum(self._buckets[1:]) - self._early)

    @property
    def early_past_due(self) -> Decimal:
        return _money(self._early)

    @property
    def not_due(self) -> Decimal:
        return _money(self._buckets[0])

    @property
    def due_soon(self) -> Decimal:
        return _money(self._due_soon)

    @property
    def partly_paid(self) -> Decimal:
        return _money(self._partly)

    @property
    def disputed(self) -> Decimal:
        return _money(self._disputed)

    @property
    def early_partly_paid(self) -> Decimal:
        return _money(self._early_partly)

    @property
    def early_disputed(self) -> Decimal:
        return _money(self._early_disputed)

    def risk_amounts(self) -> tuple[float, ...]:
        """``AccountTotals.risk_amounts`` from the cents: the same floats (an int divided by
        100 rounds as the Decimal does), without a Decimal each."""
        b = self._buckets
        due_disputed = self._disputed - self._early_disputed
        due_partly = self._partly - self._early_partly
        return (
            (sum(b[1:]) - self._early) / 100,
            (self._early - self._early_disputed - self._early_partly) / 100,
            self._early_disputed / 100,
            self._early_partly / 100,
            (b[0] - due_disputed - due_partly) / 100,
            due_disputed / 100,
            due_partly / 100,
        )


class _RecordSource:
    """Any ERP through its port: everything read once, as records."""

    def __init__(self, erp: ErpClient) -> None:
        self.erp = erp
        self.every = erp.invoices(open_only=False)
        self.open = [i for i in self.every if i.balance > 0]
        self._customers: dict[str, Customer] | None = None

    def accounts(
        self, as_of: date, disputed: frozenset[str], customer_id: str | None = None
    ) -> list[AccountTotals]:
        from graph.ar.collections_accounts import accounts_from_records

        invoices = [i for i in self.open if customer_id in (None, i.customer_id)]
        return accounts_from_records(invoices, as_of, disputed)

    def stats(
        self, as_of: date, accounts: list[AccountTotals], customer_id: str | None = None
    ) -> list[PaymentStats]:
        from graph.ar.behaviour import stats_from_records

        invoices = [i for i in self.every if customer_id in (None, i.customer_id)]
        payments = self.erp.payments(customer_id) if customer_id else self.erp.payments()
        found = stats_from_records(invoices, payments, as_of)
        settled = {c: PaymentStats(c, *(getattr(s, f) for f in _SETTLED)) for c, s in found.items()}
        return _with_open_late(settled, accounts)

    def open_numbers_of(self, numbers: set[str]) -> set[str]:
        return {i.invoice_number for i in self.open if i.invoice_number in numbers}

    def details(
        self, accounts: list[AccountTotals], as_of: date, broken: dict[str, list[PromiseToPay]]
    ) -> Details:
        from graph.ar.collections_accounts import last_contacts, past_due_numbers

        ids = {a.customer_id for a in accounts}
        return Details(
            customers=self.customers(ids),
            past_due_numbers=past_due_numbers(
                [i for i in self.open if i.customer_id in ids], as_of
            ),
            last_contact=last_contacts(n for n in self.erp.notes() if n.customer_id in ids),
            broken=broken,
        )

    def customers(self, ids: set[str]) -> dict[str, Customer]:
        if self._customers is None:
            self._customers = {c.customer_id: c for c in self.erp.list_customers()}
        return {i: self._customers[i] for i in ids if i in self._customers}

    def invoices(self, numbers: set[str]) -> dict[str, Invoice]:
        return {i.invoice_number: i for i in self.every if i.invoice_number in numbers}

    def customers_of_collector(self, collector: str) -> set[str]:
        self.customers(set())
        assert self._customers is not None
        return {c.customer_id for c in self._customers.values() if c.collector == collector}

    def collectors(self) -> list[str]:
        self.customers(set())
        assert self._customers is not None
        return list({c.collector for c in self._customers.values() if c.collector})


_SETTLED = (
    "settled",
    "settled_late",
    "days_beyond_terms",
    "late_days",
    "recent_settled",
    "recent_late",
    "recent_days_beyond_terms",
)

__all__ = [
    "ZERO",
    "CollectionsBook",
    "ErpSignals",
    "Signals",
    "behaviour_of",
    "behaviours_of",
    "read_book",
]
