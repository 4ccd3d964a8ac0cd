"""The matcher a cash run uses, over its ERP's open invoices and its customers' paying habits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from graph.ar.cashapp import CashMatcher
from graph.ar.cashapp_index import match_customers
from graph.ar.cashapp_ledger import LedgerItems
from graph.ar.cashapp_model import no_gc
from graph.ar.payers import pays_oldest_first, pays_out_of_order
from integrations.erp.local.paying_order import paying_order
from integrations.erp.port import ErpClient
from integrations.erp.records import Invoice
from integrations.store import Store

HABIT_DAYS = 365  # the payment history that tells who pays the oldest invoices first


def matcher_for(erp: ErpClient, store: Store, as_of: date) -> CashMatcher:
    """The matcher over the open invoices, knowing which customers' own history (the last
    year of payments) pays the oldest of equal invoices first. On the local ledger it asks
    the ledger's indexes a batch of lines at a time (``LedgerItems``), and the ledger itself
    which customers pay in order (``paying_order``: one row a customer, no payment read);
    another ERP's open invoices and history are read whole and held."""
    since = as_of - timedelta(days=HABIT_DAYS)
    with no_gc():  # ~10 objects per invoice, none of them garbage
        customers = match_customers(erp.list_customers())  # each record let go at once
        engine = getattr(erp, "engine", None) if erp.name == "local" else None
        open_invoices: Iterable[Invoice] | LedgerItems
        if engine is not None:
            oldest_first, out_of_order = paying_order(engine, since)
            open_invoices = LedgerItems(engine, frozenset(c.customer_id for c in customers))
        else:
            history = erp.payments(since=since)
            bulk = getattr(erp, "get_invoices", None)
            if bulk is not None:
                # Only the open invoices are held; the history's own (paid ones too) are read
                # by number, so a ledger's years of closed invoices never are.
                numbers = {a.invoice_number for p in history for a in p.applications}
                by_number = dict(bulk(sorted(numbers))) if numbers else {}
                open_invoices = _drained(erp.invoices(open_only=True))
            else:
                every = erp.invoices(open_only=False)
                by_number = {invoice.invoice_number: invoice for invoice in every}
                open_invoices = _drained([invoice for invoice in every if invoice.balance > 0])
            oldest_first = pays_oldest_first(history, by_number)
            out_of_order = pays_out_of_order(history, by_number)
        return CashMatcher(
            customers,
            open_invoices,
            aliases=store.payer_aliases(),
            oldest_first=oldest_first,
            out_of_order=out_of_order,
        )


def _drained(items: list[Invoice]) -> Iterator[Invoice]:
    """The items in order, each let go as it is taken: the matcher keeps its own copies, so
    the ledger's are freed one by one instead of all living until the index is built."""
    items.reverse()
    while items:
        yield items.pop()
