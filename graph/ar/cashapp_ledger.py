"""The matcher's questions about open invoices answered by the local ledger's own indexes, a
batch of bank lines at a time: what a batch reads is let go when the batch is done, so a cash
run holds a batch's invoices, never the ledger's.

The ledger keeps each invoice's spelling-free key (``number_key``) and its upper-cased PO
number indexed; the few keys it does not keep are held here, as invoice numbers only: another
series' key and last-digits key of numbers with two or more digit runs (``SI/2026/04634``),
the punctuation-free key of a number that is not plain ASCII, and the keys of a PO number
other than its upper-cased self (``PO-4500``, ``00123``). A ledger whose numbers and POs are
plain (``INV-0100234``, ``4500753628``) holds none of them."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

from sqlalchemy import Connection, Engine

from graph.ar.cashapp_items import compact, number_keys, po_keys, put
from graph.ar.cashapp_model import ALNUM
from integrations.erp.local import cash_reads
from integrations.erp.records import Invoice, invoice_number_key

Numbers = dict[str, "str | list[str]"]


def _order(invoice: Invoice) -> tuple[object, str]:
    """The order the ledger lists open invoices in (``iter_open_invoices``)."""
    return invoice.due_date, invoice.invoice_number


def _due(invoice: Invoice) -> tuple[object, object, str]:
    """A customer's open invoices' order (``MemoryItems.of_customer``)."""
    return invoice.due_date, invoice.invoice_date, invoice.invoice_number


READ_CACHE_KIB = 512  # SQLite page cache of the connection a run's batches read through


class LedgerItems:
    """``MemoryItems``' questions, asked of the local ledger (``engine``)."""

    def __init__(self, engine: Engine, customer_ids: Collection[str]) -> None:
        self._engine = engine
        self._customers = customer_ids
        self._exact: Numbers = {}  # punctuation-free number → numbers that are not ASCII
        self._series: Numbers = {}  # "2026-4634" → numbers
        self._tail: Numbers = {}  # "4634" → numbers
        self._po: Numbers = {}  # PO keys other than the upper-cased PO → numbers
        for number, po in cash_reads.open_numbers(engine):
            if not number.isascii():
                put(self._exact, ALNUM.sub("", number.upper()), number)
            _, series, tail = number_keys(number)
            if series is not None:
                put(self._series, series, number)
            if tail is not None:
                put(self._tail, tail, number)
            if po:
                upper = po.upper() if po.isascii() else None
                for key in po_keys(po):
                    if key != upper:
                        put(self._po, key, number)
        self._conn: Connection | None = None
        self._cache_size: int | None = None  # SQLite's own, while the connection is held
        self._forget()
        self.rows_read = 0  # invoice rows read from the ledger so far (tests, benchmarks)

    def _forget(self) -> None:
        self._invoice: dict[str, Invoice | None] = {}  # number → the batch's one object
        self._by_number_key: dict[str, list[Invoice]] = {}
        self._by_po: dict[str, list[Invoice]] = {}
        self._by_customer: dict[str, list[Invoice]] = {}
        self._by_amount: dict[tuple[str, Decimal], list[Invoice]] = {}
        self._shared: dict[object, object] = {}

    # -- reading ---------------------------------------------------------------------------------

    def _connection(self) -> Connection:
        if self._conn is None:
            conn = self._engine.connect()
            if conn.dialect.name == "sqlite":
                # A batch's look-ups go by index to a few pages each: a smaller page cache
                # than SQLite's 2 MB reads as fast (the file's pages stay in the OS's cache).
                (self._cache_size,) = conn.exec_driver_sql("PRAGMA cache_size").one()
                conn.exec_driver_sql(f"PRAGMA cache_size=-{READ_CACHE_KIB}")
            self._conn = conn
        return self._conn

    def _kept(self, invoice: Invoice) -> Invoice | None:
        """The batch's one object for this invoice (None: not one of the customers')."""
        number = invoice.invoice_number
        if number in self._invoice:
            return self._invoice[number]
        self.rows_read += 1
        if invoice.customer_id not in self._customers:
            self._invoice[number] = None
            return None
        shared = self._shared
        customer_id = shared.setdefault(invoice.customer_id, invoice.customer_id)
        kept = compact(invoice, customer_id, shared)  # type: ignore[arg-type]
        self._invoice[number] = kept
        return kept

    def _read(self, by: str, values: Iterable[str], into: dict[str, list[Invoice]]) -> None:
        """Read the invoices of the values not read yet into ``into`` (each in order)."""
        wanted = [v for v in dict.fromkeys(values) if v not in into]
        if not wanted:
            return
        for value in wanted:
            into[value] = []
        rows = cash_reads.open_invoices(self._connection(), by, wanted)
        for row in rows:
            invoice = self._kept(row)
            if invoice is None:
                continue
            if by == "number_key":
                bucket = into.get(invoice_number_key(invoice.invoice_number))
            elif by == "po":  # a PO the database upper-cases otherwise: the held keys' own
                bucket = into.get((invoice.po_number or "").upper())
            else:
                bucket = into.get(invoice.customer_id)
            if bucket is not None:
                bucket.append(invoice)
        order = _due if by == "customer" else _order
        for value in wanted:
            into[value].sort(key=order)

    def _numbers(self, numbers: Sequence[str]) -> list[Invoice]:
        """The open invoices with these numbers, in the ledger's order."""
        missing = [n for n in numbers if n not in self._invoice]
        if missing:
            for row in cash_reads.open_invoices(self._connection(), "number", missing):
                self._kept(row)
            for number in missing:
                self._invoice.setdefault(number, None)
        found = [self._invoice[n] for n in numbers]
        return sorted((i for i in found if i is not None), key=_order)

    def _side(self, index: Numbers, key: str) -> list[Invoice]:
        found = index.get(key)
        if found is None:
            return []
        return self._numbers(found if type(found) is list else [found])  # type: ignore[list-item]

    def _number_key(self, key: str) -> list[Invoice]:
        if key not in self._by_number_key:
            self._read("number_key", [key], self._by_number_key)
        return self._by_number_key[key]

    @staticmethod
    def _merged(first: list[Invoice], second: list[Invoice]) -> Sequence[Invoice]:
        if not second:
            return first
        seen = {i.invoice_number for i in first}
        return sorted([*first, *(i for i in second if i.invoice_number not in seen)], key=_order)

    # -- the questions (``MemoryItems``') ----------------------------------------------------------

    def number(self, exact: str) -> Sequence[Invoice]:
        same = [
            i
            for i in self._number_key(invoice_number_key(exact))
            if ALNUM.sub("", i.invoice_number.upper()) == exact
        ]
        return self._merged(same, self._side(self._exact, exact))

    def key(self, key: str) -> Sequence[Invoice]:
        if "-" in key:
            return self._side(self._series, key)
        return self._number_key(key)

    def keys(self, keys: Iterable[str]) -> dict[str, Sequence[Invoice]]:
        wanted = list(keys)
        self._read("number_key", [k for k in wanted if "-" not in k], self._by_number_key)
        found: dict[str, Sequence[Invoice]] = {}
        for key in wanted:
            invoices = self.key(key)
            if invoices:
                found[key] = invoices
        return found

    def tail(self, tail: str) -> Sequence[Invoice]:
        return self._side(self._tail, tail)

    def po(self, key: str) -> Sequence[Invoice]:
        if key not in self._by_po:
            self._read("po", [key], self._by_po)
        same = [i for i in self._by_po[key] if key in po_keys(i.po_number or "")]
        return self._merged(same, self._side(self._po, key))

    def amount(self, currency: str, balance: Decimal) -> Sequence[Invoice]:
        found = self._by_amount.get((currency, balance))
        if found is None:
            rows = cash_reads.open_with_balance(self._connection(), currency, balance)
            found = [i for i in map(self._kept, rows) if i is not None]
            self._by_amount[(currency, balance)] = found
        return found

    def of_customer(self, customer_id: str) -> Sequence[Invoice]:
        if customer_id not in self._by_customer:
            self._read("customer", [customer_id], self._by_customer)
        return self._by_customer[customer_id]

    def balance(self, number: str) -> Decimal:
        found = self._numbers([number])
        if not found:
            raise KeyError(number)
        return found[0].balance

    def prefetch(self, texts: Iterable[str], customer_ids: Iterable[str]) -> None:
        """Read at once what a batch of lines will ask: the number keys and PO numbers of what
        they write, and the open invoices of the customers their names point at and of the
        invoices found."""
        texts = set(texts)
        keys = {k for t in texts for k in (t, invoice_number_key(t)) if k and "-" not in k}
        self._read("number_key", keys, self._by_number_key)
        self._read("po", texts, self._by_po)
        owners = {i.customer_id for i in self._invoice.values() if i is not None}
        self._read("customer", [*customer_ids, *owners], self._by_customer)

    def forget(self) -> bool:
        self._forget()
        if self._conn is not None:
            if self._cache_size is not None:  # the pooled connection as it was lent
                self._conn.exec_driver_sql(f"PRAGMA cache_size={int(self._cache_size)}")
                self._cache_size = None
            self._conn.close()
            self._conn = None
        return True
