"""Names and numbers of a request resolved against the ERP: customers (through a name index
rebuilt every few minutes or when the customer master changes) and invoices in any spelling.
What cannot be settled becomes a question, never a guess.

How a name resolves depends only on the index, so resolutions are kept with it (an LRU) and
asked-again names cost nothing. ``invalidate()`` drops both (a webhook, a poll); ``version``,
when set, is asked on every question for the customer master's version (e.g. a counter in the
shared database, so every replica rebuilds after a change any replica saw)."""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from decimal import Decimal
from typing import Any, TypeVar

from graph.agent import wording
from graph.ar.names import CustomerMatcher, Resolution, resolve_mention
from graph.inquiries import Resolved
from graph.messages import Reply, Section, Table
from graph.unclear import Unclear
from graph.understand import Request
from graph.understand_refs import customer_id
from integrations.erp.port import CustomerDirectory, ErpClient
from integrations.erp.records import Customer, Invoice

MATCHER_TTL_SECONDS = 300.0
RESOLUTIONS_KEPT = 2048
_WORD = re.compile(r"[a-z0-9&]+")
_T = TypeVar("_T")
# What one question has looked up already (``EntityResolver.one_question``): a reading of a
# request asks for the same customer or invoice number several times; the ledger is read once.
_ASKED: ContextVar[dict[tuple[str, str], Any] | None] = ContextVar("asked", default=None)


def close_matches(word: str, possibilities: list[str], n: int, cutoff: float) -> list[str]:
    """``difflib.get_close_matches``, imported when a reading needs it (not by every question)."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


class EntityResolver:
    def __init__(self, erp: ErpClient, version: Callable[[], object] | None = None) -> None:
        self.erp = erp
        self.version = version
        self._matcher: CustomerMatcher | None = None
        self._matcher_built = 0.0
        self._matcher_version: object = None
        self._customer_count = 0
        self._resolutions: OrderedDict[str, Resolution] = OrderedDict()
        self._lock = threading.Lock()

    @contextmanager
    def one_question(self) -> Iterator[None]:
        """While one question is read, a customer or invoice looked up again is not read
        again (per thread and task: nothing is shared between questions)."""
        token = _ASKED.set({})
        try:
            yield
        finally:
            _ASKED.reset(token)

    @staticmethod
    def _once(kind: str, key: str, read: Callable[[], _T]) -> _T:
        asked = _ASKED.get()
        if asked is None:
            return read()
        if (kind, key) not in asked:
            asked[kind, key] = read()
        return asked[kind, key]  # type: ignore[no-any-return]

    def find_invoices(self, ref: str) -> list[Invoice]:
        return self._once("invoice", ref, lambda: self.erp.find_invoices(ref))

    def invoices_by_po(self, po: str) -> list[Invoice]:
        return self._once("po", po, lambda: self.erp.invoices_by_po(po))

    # --- the name index ------------------------------------------------------------------------
    def invalidate(self) -> None:
        """The customer master changed: the index and the kept resolutions are rebuilt."""
        with self._lock:
            self._matcher = None
            self._resolutions.clear()

    forget = invalidate

    def matcher(self) -> CustomerMatcher:
        now = time.monotonic()
        current = self.version() if self.version is not None else None
        with self._lock:
            if (
                self._matcher is None
                or now - self._matcher_built > MATCHER_TTL_SECONDS
                or current != self._matcher_version
            ):
                names = self._names()
                self._customer_count = len(names)
                self._matcher = CustomerMatcher(names)
                self._matcher_built = now
                self._matcher_version = current
                self._resolutions.clear()
            return self._matcher

    def resolve_name(self, text: str) -> Resolution:
        """How ``text`` resolves against the index (kept until the index changes)."""
        matcher = self.matcher()
        key = text
        with self._lock:
            if (kept := self._resolutions.get(key)) is not None:
                self._resolutions.move_to_end(key)
                return kept
        resolution = resolve_mention(matcher, text)
        with self._lock:
            if self._matcher is matcher:  # not rebuilt meanwhile
                self._resolutions[key] = resolution
                while len(self._resolutions) > RESOLUTIONS_KEPT:
                    self._resolutions.popitem(last=False)
        return resolution

    def _names(self) -> list[tuple[str, str]]:
        if isinstance(self.erp, CustomerDirectory):
            return self.erp.customer_names()
        return [(c.customer_id, c.name) for c in self.erp.list_customers()]

    def ledger_is_empty(self) -> bool:
        if self._matcher is None and isinstance(self.erp, CustomerDirectory):
            return not self.erp.has_customers()  # a whole-book question needs no name index
        self.matcher()
        return self._customer_count == 0

    # --- customers -----------------------------------------------------------------------------
    def customer(self, text: str) -> Customer | Resolution:
        return self._once("customer", text, lambda: self._customer(text))

    def _customer(self, text: str) -> Customer | Resolution:
        for word in text.split():
            if (found_id := customer_id(word)) and (found := self.erp.get_customer(found_id)):
                return found
        resolution = self.resolve_name(text)
        if resolution.status == "match" and resolution.match is not None:
            customer = self.erp.get_customer(resolution.match.customer_id)
            if customer is not None:
                return customer
        return resolution

    def customer_or_ask(self, text: str) -> Customer:
        found = self.customer(text)
        if isinstance(found, Customer):
            return found
        if found.status == "ambiguous":
            names = "; ".join(f"{m.name} ({m.customer_id})" for m in found.candidates)
            raise Unclear(f"More than one customer matches “{text}”: {names}. Which one?")
        closest = "; ".join(m.name for m in found.candidates[:3])
        raise Unclear(
            f"I can't find a customer matching “{text}”."
            + (f" Closest: {closest}." if closest else "")
        )

    @staticmethod
    def unread_words(text: str, customer: Customer) -> list[str]:
        """Words of ``text`` that are not (a typo or an abbreviation of) a word of the
        customer's name or id: what the reading did not account for."""
        name_words = [*_WORD.findall(customer.name.lower()), customer.customer_id.lower()]
        unread = []
        for word in _WORD.findall(text.lower()):
            if any(n.startswith(word) or word.startswith(n) for n in name_words if len(n) > 1):
                continue
            if close_matches(word, name_words, n=1, cutoff=0.75):
                continue
            if len(word) > 2:
                unread.append(word)
        return unread

    # --- invoices ------------------------------------------------------------------------------
    def existing_invoices(self, refs: tuple[str, ...]) -> tuple[str, ...]:
        """Of tokens like "K-1002", the ones that are invoice numbers in this ledger."""
        return tuple(ref for ref in refs if self.find_invoices(ref))

    def invoices(
        self, request: Request, customer: Customer | None
    ) -> tuple[list[Invoice], list[str]]:
        found: list[Invoice] = []
        missing: list[str] = []

        def add(invoices: list[Invoice]) -> None:
            for invoice in invoices:
                if invoice not in found:
                    found.append(invoice)

        for ref in request.invoice_refs:
            matches = self.find_invoices(ref)
            if len(matches) > 1 and customer is not None:
                matches = [m for m in matches if m.customer_id == customer.customer_id] or matches
            if not matches and ref.isdigit():
                matches = self.invoices_by_po(ref)
            add(matches) if matches else missing.append(ref)
        for po in request.po_refs:
            # "po-77188": the ledger may keep the number with its prefix (PO-77188) or without
            spellings = (po, f"PO-{po}", f"PO{po}") if po.isdigit() else (po,)
            matches = next((m for s in spellings if (m := self.invoices_by_po(s))), [])
            add(matches) if matches else missing.append(f"PO {po}")
        return found, missing

    # --- a whole request ------------------------------------------------------------------------
    def with_bare_invoices(self, request: Request) -> Request:
        """ "is K1001 paid", "K-1002": a token that is an invoice number of this ledger makes the
        request an invoice question; in a change request ("write off meridian's 140 on 987")
        the invoice the change is about."""
        action = request.action
        if action is not None and action.maybe_invoices and not action.invoice_refs:
            found = self.existing_invoices(action.maybe_invoices)
            kept = () if found else action.maybe_invoices  # none: graph.requests says so
            amount = action.amount
            if found and amount is not None and any(Decimal(f) == amount for f in found):
                amount = None  # "PTP: globex, 10183, friday": the number was the invoice
            return replace(
                request,
                action=replace(action, invoice_refs=found, maybe_invoices=kept, amount=amount),
            )
        if request.intent not in ("customer_balance", "payment_history", "unknown"):
            return request
        if request.invoice_refs or not request.maybe_invoices:
            return request
        found = self.existing_invoices(request.maybe_invoices)
        if not found:
            return request
        rest = request.customer_text or ""
        for ref in found:
            rest = re.sub(re.escape(ref), " ", rest, flags=re.IGNORECASE)
        rest = " ".join(rest.split())
        return replace(
            request,
            intent="invoice_status",
            invoice_refs=found,
            customer_text=rest or None,
            guessed=False,
        )

    def with_payment_numbers(self, request: Request) -> Request:
        """ "who paid 000234", "payment U00001 details", "trace pmt 000236": numbers that are no
        invoice (nor PO) of this ledger but a payment's id, with or without its prefix, make
        the request a look-up of those payments."""
        if request.intent not in ("invoice_status", "customer_balance", "payment_history"):
            return request
        if request.intent != "invoice_status" and request.invoice_refs:
            return request
        tokens = request.invoice_refs or request.maybe_invoices
        if not tokens or request.po_refs or self.existing_invoices(tokens):
            return request
        if any(t.isdigit() and self.invoices_by_po(t) for t in tokens):
            return request
        from graph.portfolio_reads import payment_by_number

        payments = [payment_by_number(self.erp, token) for token in tokens]
        if not all(payments):
            return request
        rest = request.customer_text or ""
        for token in tokens:
            rest = re.sub(re.escape(token), " ", rest, flags=re.IGNORECASE)
        named = self.customer(" ".join(rest.split())) if rest.strip() else None
        if isinstance(named, Customer) and any(
            p is not None and p.customer_id != named.customer_id for p in payments
        ):
            return request  # "did globex pay 2400": an amount, not another customer's payment
        return replace(
            request,
            intent="payment_lookup",
            payment_refs=tuple(p.payment_id for p in payments if p is not None),
            invoice_refs=(),
            maybe_invoices=(),
            customer_text=" ".join(rest.split()) or None,
            guessed=False,
        )

    def resolve(self, request: Request) -> Resolved | Reply:
        resolved = Resolved(period=request.period, limit=request.limit)
        mention: Customer | Resolution | None = None
        if request.customer_text:
            mention = self.customer(request.customer_text)
        if isinstance(mention, Customer):
            resolved.customer = mention

        if request.intent == "invoice_status":
            resolved.invoices, resolved.missing_refs = self.invoices(request, resolved.customer)
            if not resolved.invoices:
                return self._no_invoice(request, resolved)
            if resolved.customer is not None:
                for invoice in resolved.invoices:
                    if invoice.customer_id != resolved.customer.customer_id:
                        owner = self.erp.get_customer(invoice.customer_id)
                        resolved.notes.append(
                            f"Note: {invoice.invoice_number} belongs to "
                            f"{owner.name if owner else invoice.customer_id}, not "
                            f"{resolved.customer.name}."
                        )
            return resolved

        if resolved.customer is not None:
            if request.guessed and request.customer_text:
                unread = self.unread_words(request.customer_text, resolved.customer)
                if unread:
                    return wording.unsure_reply(request, resolved.customer, unread)
            return resolved
        if mention is None:
            return Reply(
                headline="Which customer? Name the customer (or give an invoice number).",
                intent=request.intent,
            )
        assert isinstance(mention, Resolution)
        if mention.status == "ambiguous":
            return self._which_customer(request, mention)
        if request.guessed:
            return wording.not_understood(request)
        return self._no_customer(request, mention)

    def _which_customer(self, request: Request, resolution: Resolution) -> Reply:
        rows = tuple((m.customer_id, m.name) for m in resolution.candidates)
        return Reply(
            headline=f"More than one customer matches “{request.customer_text}”. Which one?",
            sections=[Section(table=Table(("ID", "Customer"), rows))],
            context=["Ask again with more of the name or the customer ID."],
            intent=request.intent,
            data={"candidates": _candidates(resolution)},
        )

    def _no_customer(self, request: Request, resolution: Resolution) -> Reply:
        headline = f"I can't find a customer matching “{request.customer_text}”."
        sections = []
        if resolution.candidates:
            headline += " Did you mean one of these?"
            rows = tuple((m.customer_id, m.name) for m in resolution.candidates)
            sections.append(Section(table=Table(("ID", "Customer"), rows, title="Closest")))
        return Reply(
            headline=headline,
            sections=sections,
            context=[
                "Questions about the whole book need no customer: “total AR”, “aging report”, "
                "“who owes us the most”."
            ],
            intent=request.intent,
            data={"candidates": _candidates(resolution)},
        )

    def _no_invoice(self, request: Request, resolved: Resolved) -> Reply:
        refs = ", ".join(resolved.missing_refs)
        sections = []
        entities = {}
        if resolved.customer is not None:
            entities["customer_id"] = resolved.customer.customer_id
            open_invoices = self.erp.invoices(resolved.customer.customer_id)
            if open_invoices:
                rows = tuple((i.invoice_number, i.due_date.isoformat()) for i in open_invoices[:10])
                sections.append(
                    Section(
                        table=Table(
                            ("Invoice", "Due"),
                            rows,
                            title=f"Open invoices of {resolved.customer.name}",
                        )
                    )
                )
        return Reply(
            headline=f"I can't find an invoice matching {refs}.",
            sections=sections,
            context=[
                "Invoice numbers are matched in any spelling (prefix, leading zeros); "
                "PO numbers too."
            ],
            intent=request.intent,
            entities=entities,
        )


def _candidates(resolution: Resolution) -> list[dict[str, object]]:
    return [
        {"customer_id": m.customer_id, "name": m.name, "score": m.score}
        for m in resolution.candidates
    ]
