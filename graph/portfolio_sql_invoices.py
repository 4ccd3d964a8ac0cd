"""The open invoices themselves, as SQL over the local ledger's invoice table (a part of
``graph.portfolio_sql.SqlBookReads``): the invoices past a number of days and their groups per
customer and currency, the largest open invoices ranked within each currency, and invoices by
number. Each read goes down an index over the open invoices (ledger migration 0003) and builds
``Invoice`` records only for the rows it returns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from graph.portfolio_reads import LIST_AT_MOST, OverGroup, _as_date, _cents
from integrations.erp.records import Invoice


class SqlInvoiceReads:
    """Mixed into ``SqlBookReads``: ``engine``, ``t``, ``today`` and ``_rows`` are its."""

    engine: Any
    t: Any
    today: date
    _rows: Callable[..., list[Any]]

    def _invoice_rows(self, *conditions: Any, order: tuple[Any, ...], limit: int | None = None):
        from sqlalchemy import select

        from integrations.erp.local.ledger_records import invoice_of

        i = self.t.invoices.c
        query = select(self.t.invoices).where(i.balance > 0, *conditions).order_by(*order)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [invoice_of(r) for r in conn.execute(query).mappings()]

    def invoices_over(self, days: int, customer_id: str | None = None) -> list[Invoice]:
        i = self.t.invoices.c
        conditions = [i.due_date < self.today - timedelta(days=days)]
        if customer_id:
            conditions.append(i.customer_id == customer_id)
        return self._invoice_rows(*conditions, order=(i.due_date, i.invoice_number))

    def over_groups(
        self, days: int, customer_id: str | None = None, currency: str | None = None
    ) -> list[OverGroup]:
        cutoff = self.today - timedelta(days=days)
        where = "balance > 0 AND due_date < :cutoff"
        where += " AND customer_id = :cid" if customer_id else ""
        where += " AND currency = :currency" if currency else ""
        rows = self._rows(
            "SELECT customer_id, currency, SUM(balance), COUNT(*), MIN(due_date) "
            f"FROM ledger_invoices WHERE {where} GROUP BY customer_id, currency",
            cutoff=cutoff,
            cid=customer_id,
            currency=currency,
        )
        groups = sorted(
            (
                OverGroup(cid, cur, _cents(cents), int(n), _as_date(due))
                for cid, cur, cents, n, due in rows
            ),
            key=lambda g: (g.currency, -g.total, g.customer_id),
        )
        return self._list_invoices(groups, cutoff)

    def _list_invoices(self, groups: list[OverGroup], cutoff: date) -> list[OverGroup]:
        listed = {(g.customer_id, g.currency): g for g in groups[:LIST_AT_MOST]}
        if listed:
            from sqlalchemy import select

            i = self.t.invoices.c
            query = (
                select(i.invoice_number, i.customer_id, i.currency)
                .where(
                    i.balance > 0,
                    i.due_date < cutoff,
                    i.customer_id.in_(sorted({cid for cid, _ in listed})),
                )
                .order_by(i.due_date, i.invoice_number)
            )
            with self.engine.connect() as conn:
                for number, cid, cur in conn.execute(query):
                    if (cid, cur) in listed:
                        listed[(cid, cur)].invoices.append(number)
        return groups

    def largest_by_currency(
        self,
        at_most: int,
        currency: str | None = None,
        customer_id: str | None = None,
        above: Decimal | None = None,
        customer_ids: frozenset[str] | None = None,
    ) -> dict[str, tuple[int, list[Invoice]]]:
        """How many per currency (one ``GROUP BY`` over the covering index), then the largest
        of the whole book down the balance index: a currency with ``at_most`` invoices in that
        prefix has its top ``at_most`` there (the prefix is in the ranking's own order); any
        other currency is read on its own. ``customer_ids``: only those customers' invoices (a
        collector's accounts)."""
        from sqlalchemy import func, select

        i = self.t.invoices.c
        conditions: list[Any] = []
        if currency:
            conditions.append(i.currency == currency)
        if customer_id:
            conditions.append(i.customer_id == customer_id)
        if customer_ids is not None:
            conditions.append(i.customer_id.in_(sorted(customer_ids)))
        if above is not None:  # balances are whole cents: "> 1,234.567" is "> 1,234.56"
            conditions.append(i.balance > Decimal(above).quantize(Decimal("0.01"), ROUND_FLOOR))
        counts = {
            cur: int(n)
            for cur, n in self._rows(
                select(i.currency, func.count())
                .where(i.balance > 0, *conditions)
                .group_by(i.currency)
            )
        }
        if not counts or at_most <= 0:
            return {cur: (n, []) for cur, n in counts.items()}
        order = (i.balance.desc(), i.invoice_number)
        ranked: dict[str, list[Invoice]] = defaultdict(list)
        for invoice in self._invoice_rows(*conditions, order=order, limit=at_most * len(counts)):
            if len(ranked[invoice.currency]) < at_most:
                ranked[invoice.currency].append(invoice)
        for cur, n in counts.items():
            if len(ranked[cur]) < min(at_most, n):
                ranked[cur] = self._invoice_rows(
                    i.currency == cur, *conditions, order=order, limit=at_most
                )
        return {cur: (n, ranked[cur]) for cur, n in counts.items()}

    def invoices(self, numbers: set[str]) -> list[Invoice]:
        if not numbers:
            return []
        from sqlalchemy import select

        from integrations.erp.local.ledger_records import invoice_of

        i = self.t.invoices.c
        query = select(self.t.invoices).where(i.invoice_number.in_(sorted(numbers)))
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(i.invoice_number)).mappings()
            return [invoice_of(r) for r in rows]
