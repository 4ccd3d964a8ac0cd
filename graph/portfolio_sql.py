"""The portfolio's reads as SQL over the local ledger's tables (see ``graph.portfolio_reads``).

Each question reads what it shows and no more: the aging is one ``GROUP BY currency, due_date``,
the ranking of debtors one ``GROUP BY customer_id, currency``, both answered from the partial
covering indexes over the open invoices (ledger migration 0003; the payments' reads are in
``graph.portfolio_sql_cash``, the open invoices' own in ``graph.portfolio_sql_invoices``); Python
objects are built for the rows shown. Nothing is kept between questions, so an answer never lags
a write.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.portfolio_reads import (
    BookAging,
    BookReads,
    CustomerSum,
    OpenBalance,
    _as_date,
    _cents,
)
from graph.portfolio_sql_cash import SqlCashReads
from graph.portfolio_sql_invoices import SqlInvoiceReads
from integrations.erp.records import (
    AGING_BUCKET_NAMES,
    AGING_BUCKETS,
    Customer,
    aging_bucket,
)
from integrations.plain_in import chunks

_CUSTOMER_COLUMNS = (
    "customer_id, name, currency, terms_days, credit_limit, email, on_hold, discount_percent, "
    "discount_days, parent_id, collector"
)


def _customer_row(row: Any) -> Customer:
    cid, name, currency, terms, limit, email, hold, discount, days, parent, collector = row
    return Customer(
        customer_id=cid,
        name=name,
        currency=currency,
        terms_days=int(terms),
        credit_limit=None if limit is None else _cents(limit),
        email=email,
        on_hold=bool(hold),
        discount_percent=_cents(discount),
        discount_days=int(days or 0),
        parent_id=parent,
        collector=collector,
    )


class SqlBookReads(SqlCashReads, SqlInvoiceReads, BookReads):
    def __init__(self, erp: Any, today: date) -> None:
        super().__init__(erp, today)
        from integrations.erp.local import schema

        self.engine = erp.engine
        self.t = schema

    def _rows(self, query: Any, **params: Any) -> list[Any]:
        from sqlalchemy import text

        with self.engine.connect() as conn:
            return conn.execute(text(query) if isinstance(query, str) else query, params).all()

    def _in(self, column: str, ids: set[str]) -> list[tuple[str, dict[str, str]]]:
        """``column IN (:i0, …)`` in chunks, with their parameters."""
        found = []
        for chunk in chunks(sorted(ids)):
            names = {f"i{n}": v for n, v in enumerate(chunk)}
            found.append((f"{column} IN (" + ", ".join(f":{k}" for k in names) + ")", names))
        return found

    # --- customers --------------------------------------------------------------------------------
    def customers(self, ids: set[str] | None = None) -> dict[str, Customer]:
        if ids is None:
            rows = self._rows(f"SELECT {_CUSTOMER_COLUMNS} FROM ledger_customers")
            return {row[0]: _customer_row(row) for row in rows}
        return self.customers_by_query(ids)

    def customers_by_query(self, ids: set[str]) -> dict[str, Customer]:
        found: dict[str, Customer] = {}
        for where, params in self._in("customer_id", ids):
            for row in self._rows(
                f"SELECT {_CUSTOMER_COLUMNS} FROM ledger_customers WHERE {where}", **params
            ):
                found[row[0]] = _customer_row(row)
        return found

    def held(self) -> list[Customer]:
        rows = self._rows(
            f"SELECT {_CUSTOMER_COLUMNS} FROM ledger_customers WHERE on_hold ORDER BY customer_id"
        )
        return [_customer_row(row) for row in rows]

    # --- the open book ----------------------------------------------------------------------------
    def _boundaries(self) -> list[tuple[str, date]]:
        """Each bounded bucket with the earliest due date it holds (``due_date >= that``)."""
        return [
            (name, self.today - timedelta(days=upper))
            for name, upper in AGING_BUCKETS
            if upper is not None
        ]

    def _open_where(self, customer_id: str | None) -> tuple[str, dict[str, Any]]:
        if customer_id is None:
            return "balance > 0", {}
        return "balance > 0 AND customer_id = :cid", {"cid": customer_id}

    def _bucket_cents(self, customer_id: str | None) -> list[tuple[str, str, list[int], int]]:
        """(customer, currency, cents per bucket, invoices): one pass over the index, with one
        running sum per bucket boundary (a bucket is the difference of two of them)."""
        where, params = self._open_where(customer_id)
        bounds = self._boundaries()
        sums = ", ".join(
            f"SUM(CASE WHEN due_date >= :b{n} THEN balance ELSE 0 END)" for n in range(len(bounds))
        )
        params.update({f"b{n}": since for n, (_, since) in enumerate(bounds)})
        rows = self._rows(
            f"SELECT customer_id, currency, COUNT(*), SUM(balance), {sums} FROM ledger_invoices "
            f"WHERE {where} GROUP BY customer_id, currency",
            **params,
        )
        out = []
        for cid, currency, count, total, *running in rows:
            cents, below = [], 0
            for upto in (*running, total):
                cents.append(int(upto or 0) - below)
                below = int(upto or 0)
            out.append((cid, currency, cents, int(count)))
        return out

    def open_balances(self, customer_id: str | None = None) -> list[OpenBalance]:
        rows = self._bucket_cents(customer_id)
        customers = self.customers_by_query({cid for cid, *_ in rows})
        balances = [
            OpenBalance(
                customers[cid],
                currency,
                {name: _cents(v) for name, v in zip(AGING_BUCKET_NAMES, cents, strict=True)},
                count,
            ).finish()
            for cid, currency, cents, count in rows
            if cid in customers
        ]
        return sorted(balances, key=lambda b: (b.customer.customer_id, b.currency))

    def customer_sums(self, ids: set[str] | None = None) -> list[CustomerSum]:
        select = (
            "SELECT customer_id, currency, SUM(balance), "
            "SUM(CASE WHEN due_date < :today THEN balance ELSE 0 END), COUNT(*) "
            "FROM ledger_invoices WHERE balance > 0{} GROUP BY customer_id, currency"
        )
        if ids is None:
            rows = self._rows(select.format(""), today=self.today)
        else:
            rows = []
            for where, params in self._in("customer_id", ids):
                rows += self._rows(select.format(f" AND {where}"), today=self.today, **params)
        return [
            CustomerSum(cid, cur, _cents(total), _cents(late), int(n))
            for cid, cur, total, late, n in rows
        ]

    def book_aging(self, customer_id: str | None = None, by_collector: bool = False) -> BookAging:
        if by_collector:
            return self._aging_by_collector(customer_id)
        where, params = self._open_where(customer_id)
        rows = self._rows(
            "SELECT currency, due_date, SUM(balance) FROM ledger_invoices "
            f"WHERE {where} GROUP BY currency, due_date",
            **params,
        )
        cents: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(AGING_BUCKET_NAMES, 0))
        for currency, due, total in rows:
            late = (self.today - _as_date(due)).days
            cents[currency][aging_bucket(late)] += int(total)
        (count,) = self._rows(  # not COUNT(DISTINCT …): SQLite would sort every open invoice
            "SELECT COUNT(*) FROM (SELECT customer_id FROM ledger_invoices "
            f"WHERE {where} GROUP BY customer_id) o",
            **params,
        )[0]
        buckets = {c: {n: _cents(v) for n, v in b.items()} for c, b in sorted(cents.items())}
        return BookAging(buckets, int(count))

    def _aging_by_collector(self, customer_id: str | None) -> BookAging:
        """The running bucket sums per customer and currency (along the open-by-customer
        index), added up per collector and currency in SQL: Python sees a few rows."""
        where, params = self._open_where(customer_id)
        bounds = self._boundaries()
        sums = ", ".join(
            f"SUM(CASE WHEN due_date >= :b{n} THEN balance ELSE 0 END) AS r{n}"
            for n in range(len(bounds))
        )
        params.update({f"b{n}": since for n, (_, since) in enumerate(bounds)})
        running = ", ".join(f"SUM(o.r{n})" for n in range(len(bounds)))
        rows = self._rows(
            f"SELECT COALESCE(c.collector, '(none)'), o.currency, {running}, SUM(o.total) FROM "
            f"(SELECT customer_id, currency, SUM(balance) AS total, {sums} FROM ledger_invoices "
            f"WHERE {where} GROUP BY customer_id, currency) o "
            "LEFT JOIN ledger_customers c ON c.customer_id = o.customer_id "
            "GROUP BY COALESCE(c.collector, '(none)'), o.currency",
            **params,
        )
        book: dict[str, list[int]] = {}
        mine: dict[tuple[str, str], list[int]] = {}
        for collector, currency, *upto in rows:
            cents, below = [], 0
            for value in upto:
                cents.append(int(value or 0) - below)
                below = int(value or 0)
            mine[(collector, currency)] = cents
            into = book.setdefault(currency, [0] * len(cents))
            for n, value in enumerate(cents):
                into[n] += value
        (count,) = self._rows(
            "SELECT COUNT(*) FROM (SELECT customer_id FROM ledger_invoices "
            f"WHERE {where} GROUP BY customer_id) o",
            **self._open_where(customer_id)[1],
        )[0]

        def named(cents: list[int]) -> dict[str, Decimal]:
            return {name: _cents(v) for name, v in zip(AGING_BUCKET_NAMES, cents, strict=True)}

        return BookAging(
            {c: named(v) for c, v in sorted(book.items())},
            int(count),
            {k: named(v) for k, v in mine.items()},
        )

    def over_limit(self, at_most: int) -> tuple[int, list[tuple[Customer, Decimal]]]:
        # the open sums first, along the open-by-customer index (in its order: no sort), then
        # each customer's limit by its key
        rows = self._rows(
            "SELECT c.customer_id, c.currency, o.total - c.credit_limit, o.total FROM "
            "(SELECT customer_id, currency, SUM(balance) AS total FROM ledger_invoices "
            "WHERE balance > 0 GROUP BY customer_id, currency) o "
            "JOIN ledger_customers c ON c.customer_id = o.customer_id AND c.currency = o.currency "
            "WHERE c.credit_limit IS NOT NULL AND o.total > c.credit_limit"
        )
        first = sorted(rows, key=lambda r: (r[1], -r[2], r[0]))[:at_most]
        customers = self.customers_by_query({r[0] for r in first})
        return len(rows), [(customers[r[0]], _cents(r[3])) for r in first if r[0] in customers]

    def top_debtors(
        self, at_most: int, currency: str | None = None, past_due: bool = False
    ) -> dict[str, tuple[int, list[CustomerSum]]]:
        where = "balance > 0" + (" AND currency = :currency" if currency else "")
        where += " AND due_date < :today" if past_due else ""
        rows = self._rows(
            "SELECT customer_id, currency, SUM(balance) FROM ledger_invoices "
            f"WHERE {where} GROUP BY customer_id, currency",
            currency=currency,
            today=self.today,
        )
        by_currency: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for cid, cur, cents in rows:
            by_currency[cur].append((cid, int(cents)))
        leaders = {
            cur: sorted(owing, key=lambda o: (-o[1], o[0]))[:at_most]
            for cur, owing in by_currency.items()
        }
        sums = {
            (s.customer_id, s.currency): s
            for s in self.customer_sums({cid for top in leaders.values() for cid, _ in top})
        }
        return {
            cur: (len(by_currency[cur]), [sums[(cid, cur)] for cid, _ in top])
            for cur, top in leaders.items()
        }

    def currency_totals(self) -> dict[str, tuple[Decimal, Decimal, int]]:
        rows = self._rows(
            "SELECT currency, SUM(balance), "
            "SUM(CASE WHEN due_date < :today THEN balance ELSE 0 END) "
            "FROM ledger_invoices WHERE balance > 0 GROUP BY currency",
            today=self.today,
        )
        customers = dict(
            self._rows(
                "SELECT currency, COUNT(*) FROM (SELECT DISTINCT customer_id, currency "
                "FROM ledger_invoices WHERE balance > 0) AS owing GROUP BY currency"
            )
        )
        return {
            cur: (_cents(total), _cents(late), int(customers.get(cur, 0)))
            for cur, total, late in rows
        }
