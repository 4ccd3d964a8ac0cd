"""The QuickBooks client's queries: ``SELECT`` page by page, entities by Id, the cached company
preferences and Terms, the ``Context`` a read maps entities with, and an invoice's entity by its
number. The reads (``reads.py``, ``payment_reads.py``) and writes build on them."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from integrations.erp.quickbooks import mapping as m
from integrations.erp.quickbooks.config import (
    CACHE_SECONDS,
    LONG_QUERY,
    Cached,
    ClientParts,
    chunks,
)
from integrations.erp.quickbooks.entity_fields import Context, Term, ref, term
from integrations.erp.quickbooks.errors import QuickBooksNotFound
from integrations.erp.quickbooks.wire import quote


class QuickBooksQueries(ClientParts):
    """Queries of one QuickBooks company; what ``QuickBooksClient``'s reads and writes ask with."""

    def _request_id(self, key: str, step: str) -> str:
        return hashlib.sha256(f"{self.realm_id}:{key}:{step}".encode()).hexdigest()[:40]

    def _run_query(self, statement: str, what: str) -> dict[str, Any]:
        if len(statement) > LONG_QUERY:
            document = self.transport.query_text(statement, what=what)
        else:
            document = self.transport.get("query", {"query": statement}, what=what)
        response = document.get("QueryResponse") if isinstance(document, dict) else None
        return response if isinstance(response, dict) else {}

    def query(
        self, entity: str, where: Sequence[str] = (), *, order: str | None = "Id"
    ) -> list[dict[str, Any]]:
        """Every row of ``SELECT * FROM entity WHERE …``, page by page (STARTPOSITION /
        MAXRESULTS) until a page comes back short or empty."""
        statement = f"SELECT * FROM {entity}"
        if where:
            statement += " WHERE " + " AND ".join(where)
        if order:
            statement += f" ORDERBY {order}"
        size = self.config.page_size
        rows: list[dict[str, Any]] = []
        start = 1
        while True:
            page = self._run_query(
                f"{statement} STARTPOSITION {start} MAXRESULTS {size}", f"the {entity} query"
            ).get(entity, [])
            rows.extend(r for r in page if isinstance(r, dict))
            if len(page) < size:
                return rows
            start += size

    def _by_ids(self, entity: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        wanted = sorted({i for i in ids if i and i.isdigit()}, key=int)
        rows: list[dict[str, Any]] = []
        for chunk in chunks(wanted):
            rows.extend(self.query(entity, [f"Id IN ({', '.join(quote(i) for i in chunk)})"]))
        return rows

    def fetch(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        """One entity by Id (``GET /{entity}/{id}``); None when QBO has no such object."""
        if not entity_id.isdigit():
            return None
        try:
            document = self.transport.get(
                f"{entity.lower()}/{entity_id}", what=f"reading {entity} {entity_id}"
            )
        except QuickBooksNotFound:
            return None
        found = document.get(entity) if isinstance(document, dict) else None
        return found if isinstance(found, dict) else None

    def cached(self, slot: Cached, load: Callable[[], Any]) -> Any:
        with slot.lock:
            if slot.until < time.monotonic():
                slot.value = load()
                slot.until = time.monotonic() + CACHE_SECONDS
            return slot.value

    def home_currency(self) -> str:
        if self.config.home_currency:
            return self.config.home_currency

        def load() -> str:
            document = self.transport.get("preferences", what="reading the company preferences")
            prefs = document.get("Preferences", {}) if isinstance(document, dict) else {}
            home = (prefs.get("CurrencyPrefs") or {}).get("HomeCurrency")
            return ref(home) or "USD"

        return self.cached(self._home, load)

    def terms(self) -> dict[str, Term]:
        return self.cached(
            self._terms, lambda: {str(t["Id"]): term(t) for t in self.query("Term", order=None)}
        )

    def _context(self, *, customers: bool = False) -> Context:
        return Context(
            home_currency=self.home_currency(),
            po_field=self.config.po_field,
            terms=self.terms() if customers else {},
            credit=self.store.credit_terms(self.realm_id) if customers else {},
            payment_ids=self.store.payment_ids(self.realm_id),
            invoice_numbers=self._invoice_numbers,
            invoice_customers=self._invoice_customers,
        )

    def _resolve_invoices(self, ids: Iterable[str], context: Context) -> None:
        missing = [i for i in set(ids) if i not in context.invoice_numbers]
        for entity in self._by_ids("Invoice", missing):
            m.invoice(entity, context)

    def _invoice_entity(self, invoice_number: str) -> dict[str, Any] | None:
        number = invoice_number.strip()
        if not number:
            return None
        rows = self.query("Invoice", [f"DocNumber = {quote(number)}"])
        if rows:
            return rows[0]
        if number.isdigit():
            entity = self.fetch("Invoice", number)
            if entity is not None and not entity.get("DocNumber"):
                return entity
        return None
