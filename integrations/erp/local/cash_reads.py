"""The local ledger's open invoices as cash application asks for them, a batch of bank lines at a
time: by number key, by PO, by customer, by balance, by number. Each question is answered from
an index the ledger already has (migrations 0001-0007): ``number_key``, ``upper(po_number)``,
and the partial ``balance > 0`` indexes by account and by balance; nothing reads the whole
book except ``open_numbers``, which streams two columns of the open invoices once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from integrations.erp.local import schema as t
from integrations.erp.records import Invoice
from integrations.plain_in import chunks

_i = t.invoices.c
_COLUMNS = (
    _i.invoice_number,
    _i.customer_id,
    _i.invoice_date,
    _i.due_date,
    _i.amount,
    _i.balance,
    _i.currency,
    _i.po_number,
)
_BY = {
    "number_key": _i.number_key,
    "po": func.upper(_i.po_number),
    "customer": _i.customer_id,
    "number": _i.invoice_number,
}


def open_invoices(conn: Connection, by: str, values: Iterable[Any]) -> Iterator[Invoice]:
    """The open invoices whose ``by`` (``number_key``, ``po`` upper-cased, ``customer`` id,
    ``number``) is one of ``values``, in chunks (``plain_in.CHUNK``), in no particular order."""
    column = _BY[by]
    wanted = list(values)
    for chunk in chunks(wanted):
        query = select(*_COLUMNS).where(_i.balance > 0, column.in_(chunk))
        for row in conn.execute(query):
            yield Invoice(*row)


def open_with_balance(conn: Connection, currency: str, balance: Any) -> list[Invoice]:
    """The open invoices with this balance, in the ledger's order (due date, number). Sorted
    here: asked to sort, SQLite walks the currency's open invoices by due date instead of
    looking the balance up (the open-by-balance index)."""
    query = select(*_COLUMNS).where(_i.balance > 0, _i.balance == balance, _i.currency == currency)
    found = [Invoice(*row) for row in conn.execute(query)]
    found.sort(key=lambda i: (i.due_date, i.invoice_number))
    return found


def open_numbers(engine: Engine) -> Iterator[tuple[str, str | None]]:
    """Every open invoice's number and PO number, as the rows arrive (a server-side cursor on
    PostgreSQL): two short strings a row, never held together."""
    query = select(_i.invoice_number, _i.po_number).where(_i.balance > 0)
    with engine.connect() as conn:
        rows = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
        yield from rows  # each row unpacks as (number, po)
