"""The open invoices as the matcher looks them up: by number, spelling-free key, other series,
PO, amount, customer and payer group; and the references of a remittance resolved to them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from graph.ar.cashapp_items import MemoryItems, OpenItems
from graph.ar.cashapp_model import (
    ALNUM,
    WEAK,
    ZERO,
    CashPolicy,
    Hit,
    item_agrees,
    one_edit,
)
from graph.ar.cashapp_ref_tokens import ocr_key
from graph.ar.cashapp_refs import Remittance
from integrations.erp.records import (
    Customer,
    Invoice,
    invoice_number_key,
)

NO_DISCOUNT = Decimal(0)


@dataclass(frozen=True, slots=True)
class MatchCustomer:
    """What the matcher uses of a customer: who it is, its group, its early-payment terms."""

    customer_id: str
    name: str
    parent_id: str | None
    discount_percent: Decimal
    discount_days: int

    @classmethod
    def of(cls, customer: Customer | MatchCustomer) -> MatchCustomer:
        if isinstance(customer, MatchCustomer):
            return customer
        discount = customer.discount_percent
        return cls(
            customer.customer_id,
            customer.name,
            customer.parent_id,
            discount if discount else NO_DISCOUNT,  # shown only when there is one
            customer.discount_days,
        )


def match_customers(customers: list[Customer]) -> list[MatchCustomer]:
    """The list, in place, with each record replaced by what matching uses of it: each whole
    record is let go before the matcher's tables are built, not after."""
    slim: list[Any] = customers
    for at, customer in enumerate(customers):
        slim[at] = MatchCustomer.of(customer)
    return slim


class InvoiceIndex:
    """Customers grouped by payer group, and their open invoices as ``items`` answers for
    them (``MemoryItems`` over a list, or the ledger's ``LedgerItems``)."""

    def __init__(
        self,
        customers: Iterable[Customer | MatchCustomer],
        open_invoices: Iterable[Invoice] | OpenItems,
        policy: CashPolicy,
    ) -> None:
        self.policy = policy
        # What matching uses of each customer, not the whole record (10k customers: ~2 MB).
        self._customers = {c.customer_id: MatchCustomer.of(c) for c in customers}
        self._root = {cid: self._find_root(cid) for cid in self._customers}
        members: dict[str, list[str]] = defaultdict(list)
        for cid, root in self._root.items():
            members[root].append(cid)
        # Payer groups of more than one customer; a customer alone is its own group.
        self._groups = {root: tuple(ids) for root, ids in members.items() if len(ids) > 1}
        if isinstance(open_invoices, OpenItems):
            self._items: OpenItems = open_invoices
        else:
            self._items = MemoryItems(open_invoices, self._customers)
        self._family_open: dict[tuple[str, str], list[Invoice]] = {}

    def _find_root(self, customer_id: str) -> str:
        seen = {customer_id}
        current = customer_id
        while True:
            parent = self._customers[current].parent_id
            if parent is None or parent not in self._customers or parent in seen:
                return current
            seen.add(parent)
            current = parent

    def _family_invoices(self, root: str, currency: str) -> list[Invoice]:
        key = (root, currency)
        found = self._family_open.get(key)
        if found is None:
            found = [
                invoice
                for member in self._members(root)
                for invoice in self._items.of_customer(member)
                if invoice.currency == currency
            ]
            found.sort(key=lambda i: (i.due_date, i.invoice_date, i.invoice_number))
            self._family_open[key] = found
        return found

    def _prefetch(self, texts: Iterable[str], roots: Iterable[str]) -> None:
        """A batch of lines is about to be matched: the numbers they write, the payer groups
        their names point at (read together, a batch at a time, from a ledger)."""
        members = {m for root in roots for m in self._members(root)}
        self._items.prefetch(texts, members)

    def _members(self, root: str) -> tuple[str, ...]:
        """The customers of the payer group whose root is ``root`` (none for an unknown id)."""
        found = self._groups.get(root)
        if found is not None:
            return found
        return (root,) if root in self._customers else ()

    @staticmethod
    def _written(remittance: Remittance) -> Iterable[str]:
        """What ``_hits`` may look up for this remittance: each reference as written (without
        punctuation) and its keys; the keys of numbers cut in two."""
        for item in remittance.edi:
            ref = item.reference
            yield ALNUM.sub("", ref.upper())
            yield from (k for k in (invoice_number_key(ref), ocr_key(ref)) if k)
        for token in remittance.tokens:
            yield ALNUM.sub("", token.text.upper())
            yield from token.keys
        for _, key in remittance.joined:
            yield key

    def _open_balance(self, number: str) -> Decimal:
        """The open invoice's balance; zero for a number that is not an open invoice."""
        try:
            return self._items.balance(number)
        except KeyError:
            return ZERO

    def _forget(self) -> None:
        if self._items.forget():
            self._family_open.clear()

    # -- references ------------------------------------------------------------------------------

    def _lookup(self, text: str, keys: Sequence[str], ocr: bool, po: bool) -> list[Hit]:
        exact = ALNUM.sub("", text.upper())
        hits: list[Hit] = []
        order = ("po", "invoice") if po else ("invoice", "po")
        for kind in order:
            if kind == "invoice":
                for invoice in self._items.number(exact):
                    hits.append(Hit(invoice, "number", text))
                if not hits:
                    for key in keys:
                        for invoice in self._items.key(key):
                            hits.append(Hit(invoice, "ocr" if ocr else "key", text))
                        if hits:
                            break
                if not hits and not ocr:
                    for invoice in self._items.tail(keys[0] if keys else ""):
                        hits.append(Hit(invoice, "tail", text))
            else:
                for key in (exact, *keys):
                    for invoice in self._items.po(key):
                        hits.append(Hit(invoice, "po", text))
                    if hits:
                        break
            if hits:
                return hits
        return hits

    def _hits(
        self, remittance: Remittance, currency: str, roots: frozenset[str]
    ) -> tuple[list[Hit], list[str], list[str]]:
        """The open invoices the reference names; the explicit references that name none;
        those that name invoices in another currency. ``roots``: the payer groups the name
        points at, where a one-digit-off reference may be looked for."""
        hits: list[Hit] = []
        unresolved: list[str] = []
        other_currency: list[str] = []
        seen: set[str] = set()

        def keep(found: list[Hit], written: str, explicit: bool) -> None:
            same = [h for h in found if h.invoice.currency == currency]
            if found and not same:
                # Written as the other currency's invoice number: a contradiction; read with a
                # correction or without its series: it names none of this currency's.
                if explicit and any(h.how in ("number", "key", "edi", "rf") for h in found):
                    other_currency.append(written)
                elif explicit:
                    unresolved.append(written)
            if not found and explicit:
                unresolved.append(written)
            for hit in same:
                if hit.invoice.invoice_number not in seen:
                    seen.add(hit.invoice.invoice_number)
                    hits.append(hit)

        for item in remittance.edi:
            if item.qualifier not in ("IV", "PO", "OI", "IK", "R7", "CR", ""):
                continue
            ref = item.reference
            keys = tuple(k for k in (invoice_number_key(ref), ocr_key(ref)) if k)
            found = self._lookup(ref, keys, False, item.qualifier == "PO")
            if found and ocr_key(ref) is not None:  # letters read as digits
                found = [Hit(h.invoice, "ocr", ref) for h in found]
            # A reading that is a guess stands in EDI only when the line's amounts agree.
            found = [h for h in found if h.how not in WEAK or item_agrees(item, h.invoice)]
            if (
                found
                and item.invoice_amount is not None
                and not any(item_agrees(item, h.invoice) for h in found)
            ):
                # The number is another open invoice's, the line's amounts are not: a keying
                # slip when exactly one invoice a digit off has those amounts.
                near_roots = roots | {self._root[h.invoice.customer_id] for h in found}
                near = [h for h in self._one_off(ref, near_roots) if item_agrees(item, h.invoice)]
                found = near if len(near) == 1 else found
            if not found:
                found = self._one_off(
                    ref, roots | {self._root[h.invoice.customer_id] for h in hits}
                )
                found = [h for h in found if item_agrees(item, h.invoice)][:1] if found else []
                found = found if len(found) == 1 else []
            found = [
                Hit(h.invoice, h.how if h.how in WEAK or h.how == "po" else "edi", ref, item)
                for h in found
            ]
            keep(found, ref, True)
        # Two adjacent words that are one open invoice's number when joined, and not two
        # numbers each on its own: a number cut by a line break.
        per_token = {}
        for token in remittance.tokens:
            found = self._lookup(token.text, token.keys, token.ocr, token.po)
            if token.rf:
                found = [Hit(h.invoice, "rf", token.text) for h in found]
            per_token[token.text.strip(":.#")] = (token, found)
        joined_away: set[str] = set()
        for text, key in remittance.joined:
            first, second = text.split(" ", 1)
            parts = [per_token.get(first), per_token.get(second)]
            if all(p is not None and p[1] for p in parts):
                continue
            whole = self._items.key(key) or self._items.tail(key)
            if whole:
                joined_away.update((first, second))
                keep([Hit(invoice, "split", text) for invoice in whole], text, False)
        for bare, (token, found) in per_token.items():
            if bare in joined_away:
                continue
            keep(found, token.text, token.prefixed and not token.ocr)
        if unresolved and (roots or hits):
            near = roots | {self._root[h.invoice.customer_id] for h in hits}
            for written in list(unresolved):
                found = [h for h in self._one_off(written, near) if h.invoice.currency == currency]
                if len(found) == 1 and found[0].invoice.invoice_number not in seen:
                    unresolved.remove(written)
                    keep(found, written, False)
        return hits, unresolved, other_currency

    def _one_off(self, written: str, roots: frozenset[str] | set[str]) -> list[Hit]:
        """Open invoices of these payer groups whose number is one digit off the written one
        (a digit changed, dropped, added, or two swapped)."""
        key = invoice_number_key(written)
        if len(key) < 4 or not roots:
            return []
        found: dict[str, Invoice] = {}
        variants = one_edit(key)
        near = self._items.keys(variants)
        for variant in variants:
            for invoice in near.get(variant, ()):
                if self._root[invoice.customer_id] in roots:
                    found[invoice.invoice_number] = invoice
        return [Hit(invoice, "typo", written) for invoice in found.values()]
