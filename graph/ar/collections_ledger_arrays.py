"""The collections list's totals on the local ledger from its ``LedgerBook`` arrays (read
already, e.g. by the digest): the same figures as the SQL sums, without reading the book again."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.ar.behaviour import LATE_DAYS, RECENT_DAYS, PaymentStats, Priors
from graph.ar.collections import (
    DUE_SOON_DAYS,
    PERCENT,
    SCORE_STEP,
    AccountTotals,
    BookTotals,
    typical_accounts,
)
from graph.ar.collections_accounts import open_late_counts
from graph.ar.collections_ledger import LedgerAccount, LedgerSource


class LedgerArraySource(LedgerSource):
    """The local ledger's totals from its ``LedgerBook`` (already read), the same figures as
    ``aggregates.account_rows`` and ``settled_rows`` sum in SQL; the rest as ``LedgerSource``.

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
            late_of = open_late_counts(accounts)
            wanted = None
        counted = columns[0]
        found = {  # in customer order, as SQL groups them
            cid: PaymentStats(cid, *(column[k] for column in columns), late_of.get(cid, 0))
            for cid, k in sorted(customers.items())
            if counted[k] and (wanted is None or cid in wanted)
        }
        for cid, count in late_of.items():  # as with_open_late adds them
            if cid not in found:
                found[cid] = PaymentStats(cid, open_late=count)
        return list(found.values())
