"""The collections list's inputs on the local ledger, summed in SQL
(``integrations.erp.local.aggregates``): each account's totals (``LedgerAccount``, cents kept as
ints), the payment statistics, and the details of the entries shown."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.behaviour import LATE_DAYS, RECENT_DAYS, PaymentStats
from graph.ar.collections import DUE_SOON_DAYS, ZERO, AccountTotals, Details
from graph.ar.collections_accounts import with_open_late
from integrations.erp.records import Customer, Invoice, PromiseToPay


class LedgerSource:
    """The local ledger: every account's totals and the payment statistics summed in SQL, the
    entries' details read for the accounts shown."""

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
        return with_open_late({r.customer_id: PaymentStats(*r) for r in rows}, accounts)

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
