"""The open invoices as the matcher asks for them: by number as written, by spelling-free key
(and another series' key), by a number's last digits, by PO, by balance, by customer.

``MemoryItems`` holds every open invoice, indexed: what the matcher gets from an ERP that is
read whole (QuickBooks, Intacct, a test's list). ``graph.ar.cashapp_ledger.LedgerItems``
answers the same questions from the local ledger's own indexes, a batch of bank lines at a
time, and holds only that batch's invoices. Both answer each question with the same invoices
in the same order: the order the ledger lists its open invoices in (due date, number)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from decimal import Decimal
from typing import Protocol, TypeVar, runtime_checkable

from graph.ar.cashapp_model import ALNUM, DIGIT_RUNS, no_gc
from integrations.erp.records import Invoice, invoice_number_key

# A lookup's invoices: most keys name one invoice, kept bare (a list only for two or more),
# which saves a list per key and invoice (a 100k-invoice ledger has five such lookups).
Many = dict[Hashable, "Invoice | list[Invoice]"]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def put(index: dict[K, V | list[V]], key: K, item: V) -> None:
    """Add ``item`` under ``key``: bare while it is the key's only item, a list from the second."""
    found = index.get(key)
    if found is None:
        index[key] = item
    elif type(found) is list:
        found.append(item)
    else:
        index[key] = [found, item]  # type: ignore[list-item]


def every(index: Many, key: Hashable) -> Sequence[Invoice]:
    """The invoices under ``key``, in the order they were put there."""
    found = index.get(key)
    if found is None:
        return ()
    return found if type(found) is list else (found,)


def number_keys(number: str) -> tuple[str, str | None, str | None]:
    """An invoice number's keys: spelling-free (``invoice_number_key``), another series'
    (``SI/2026/04634`` as ``2026-4634``; None for one digit run) and its last run's (``4634``,
    four digits or more, None otherwise)."""
    runs = DIGIT_RUNS.findall(number)
    if not runs:
        return invoice_number_key(number), None, None
    key = "".join(runs).lstrip("0") or "0"
    if len(runs) == 1:
        return key, None, None
    tail = runs[-1].lstrip("0")
    return key, "-".join(r.lstrip("0") or "0" for r in runs), tail if len(tail) >= 4 else None


def po_keys(po_number: str) -> tuple[str, ...]:
    """A PO number's keys: as written without punctuation, and spelling-free when that
    differs."""
    po = ALNUM.sub("", po_number.upper())
    key = invoice_number_key(po_number)
    return (po,) if key == po else (po, key)


def by_due(invoices: list[Invoice]) -> list[Invoice]:
    invoices.sort(key=lambda i: (i.due_date, i.invoice_date, i.invoice_number))
    return invoices


def compact(invoice: Invoice, customer_id: str, shared: dict[object, object]) -> Invoice:
    """The same invoice holding one object per customer id (``customer_id``, the caller's),
    date and currency (a ledger's rows each bring their own), its amount the balance's object
    when the two are the same."""
    amount, balance = invoice.amount, invoice.balance
    return Invoice(
        invoice.invoice_number,
        customer_id,
        shared.setdefault(invoice.invoice_date, invoice.invoice_date),  # type: ignore[arg-type]
        shared.setdefault(invoice.due_date, invoice.due_date),  # type: ignore[arg-type]
        balance if amount.compare_total(balance) == 0 else amount,
        balance,
        shared.setdefault(invoice.currency, invoice.currency),  # type: ignore[arg-type]
        invoice.po_number,
    )


@runtime_checkable
class OpenItems(Protocol):
    """What the matcher asks about open invoices (``MemoryItems`` documents each question)."""

    def number(self, exact: str) -> Sequence[Invoice]: ...
    def key(self, key: str) -> Sequence[Invoice]: ...
    def keys(self, keys: Iterable[str]) -> dict[str, Sequence[Invoice]]: ...
    def tail(self, tail: str) -> Sequence[Invoice]: ...
    def po(self, key: str) -> Sequence[Invoice]: ...
    def amount(self, currency: str, balance: Decimal) -> Sequence[Invoice]: ...
    def of_customer(self, customer_id: str) -> Sequence[Invoice]: ...
    def balance(self, number: str) -> Decimal: ...
    def prefetch(self, texts: Iterable[str], customer_ids: Iterable[str]) -> None: ...
    def forget(self) -> bool: ...


class MemoryItems:
    """Every open invoice of the given customers, held and indexed."""

    def __init__(self, open_invoices: Iterable[Invoice], customer_ids: Iterable[str]) -> None:
        self._by_number: Many = {}
        self._by_key: Many = {}
        self._by_tail: Many = {}
        self._by_po: Many = {}
        self._open: dict[str, list[Invoice]] = defaultdict(list)
        self._by_amount: Many = {}  # (currency, balance) → invoices
        self._balance: dict[str, Decimal] = {}
        with no_gc():
            self._index(open_invoices, {cid: cid for cid in customer_ids})

    def _index(self, open_invoices: Iterable[Invoice], ids: dict[str, str]) -> None:
        by_number, by_key, by_tail = self._by_number, self._by_key, self._by_tail
        shared: dict[object, object] = {}
        for invoice in open_invoices:
            if invoice.balance <= 0 or invoice.customer_id not in ids:
                continue
            invoice = compact(invoice, ids[invoice.customer_id], shared)
            number = invoice.invoice_number
            self._balance[number] = invoice.balance
            put(by_number, ALNUM.sub("", number.upper()), invoice)
            key, series, tail = number_keys(number)
            put(by_key, key, invoice)
            if series is not None:
                put(by_key, series, invoice)
            if tail is not None:
                put(by_tail, tail, invoice)
            if invoice.po_number:
                for po in po_keys(invoice.po_number):
                    put(self._by_po, po, invoice)
            self._open[invoice.customer_id].append(invoice)
            put(self._by_amount, (invoice.currency, invoice.balance), invoice)
        for invoices in self._open.values():
            by_due(invoices)

    # -- the questions ---------------------------------------------------------------------------

    def number(self, exact: str) -> Sequence[Invoice]:
        """Invoices whose number, upper-cased without punctuation, is ``exact``."""
        return every(self._by_number, exact)

    def key(self, key: str) -> Sequence[Invoice]:
        """Invoices whose spelling-free or other-series key (``number_keys``) is ``key``."""
        return every(self._by_key, key)

    def keys(self, keys: Iterable[str]) -> dict[str, Sequence[Invoice]]:
        """``key`` for many keys at once (those with invoices)."""
        found = {}
        for key in keys:
            invoices = every(self._by_key, key)
            if invoices:
                found[key] = invoices
        return found

    def tail(self, tail: str) -> Sequence[Invoice]:
        return every(self._by_tail, tail)

    def po(self, key: str) -> Sequence[Invoice]:
        """Invoices with a PO number whose key (``po_keys``) is ``key``."""
        return every(self._by_po, key)

    def amount(self, currency: str, balance: Decimal) -> Sequence[Invoice]:
        return every(self._by_amount, (currency, balance))

    def of_customer(self, customer_id: str) -> Sequence[Invoice]:
        """The customer's open invoices, oldest due first (then invoice date, number)."""
        return self._open.get(customer_id, ())

    def balance(self, number: str) -> Decimal:
        return self._balance[number]

    def prefetch(self, texts: Iterable[str], customer_ids: Iterable[str]) -> None:
        """A batch of look-ups is coming (numbers as written, customers): nothing to do."""

    def forget(self) -> bool:
        """The batch is done; True when what was read for it is let go (the family cache
        built from it too)."""
        return False
