"""Cash application: which customer a bank credit is from and which open invoices it pays.

``CashMatcher(customers, open_invoices).match(line, as_of)`` returns a ``CashMatch``: a decision
(``auto`` | ``review`` | ``unmatched``), the customer, the applications (invoice, amount), a
deduction (amount, reason code) for a short-pay, the unapplied rest, a confidence and an
explanation that gives the evidence first.

How a line is decided:

1. **Who paid.** The payer name and the names in the ACH addenda are resolved by
   ``cashapp_payers.PayerMatcher`` (aliases first, then ``graph.ar.names`` scoring with
   truncation, abbreviations, DBA names and word order); customers are grouped into families
   (``Customer.parent_id``) because a parent pays its subsidiaries' invoices.
2. **Which invoices.** Invoice numbers, PO numbers and EDI 820 ``RMR`` segments in the reference
   are looked up in dicts keyed by ``invoice_number_key`` (prefixes and leading zeros dropped),
   with OCR letter-for-digit readings. Referenced invoices also name the customer when the payer
   name does not.
3. **How much.** With references: the paid amounts of EDI remittance, or the referenced balances
   against the payment: equal; short by an earned discount, a stated deduction (EDI ``ADX`` or an
   amount written in the memo), a bank fee within tolerance, or a stated partial payment; or
   over, leaving the rest unapplied. Without references: one open invoice of the amount, the
   oldest of identical ones only when it alone is due, a discounted amount within terms, or one
   set of the family's open invoices that adds up (bounded subset-sum, refusing when two sets
   fit).
4. **Decision.** ``auto`` needs an unambiguous customer, invoices pinned by references or by an
   amount that fits one way only, no contradiction (name against references, a referenced
   invoice that is not open, an unexplained difference) and confidence ≥ the policy threshold.
   Otherwise ``review`` with the best proposal and the alternatives, or ``unmatched`` when
   neither a customer nor an invoice is credible.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from rapidfuzz.distance import OSA

from graph.ar.cashapp_amounts import coincidence, fitting_subsets, to_minor
from graph.ar.cashapp_payers import PayerCandidate, PayerMatcher, PayerResolution
from graph.ar.cashapp_reasons import (
    ADX_CODE_NAMES,
    ADX_REASON_CODES,
    SAYS_SHORT,
    classify_reason,
    reason_with_words,
)
from graph.ar.cashapp_refs import EdiItem, Remittance, ocr_key, parse_remittance
from graph.ar.names import MATCH_MIN
from integrations.erp.money import minor_units, quantize
from integrations.erp.records import (
    DEDUCTION_REASON_CODES,
    BankLine,
    Customer,
    Invoice,
    invoice_number_key,
    may_pay_for,
)

ZERO = Decimal("0.00")
_ALNUM = re.compile(r"[^A-Z0-9]")
_DIGIT_RUNS = re.compile(r"\d+")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Building the index makes ~10 objects per invoice and frees none: the collector's passes
    over them are pure cost (they double the build time of a 100k-invoice ledger)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


Application = tuple[str, Decimal]  # (invoice_number, amount)
STRONG_NAME = 95.0  # a payer name this close outweighs invoice references that disagree
SETTLING_NAME = 90.0  # a tied name this close (not a cut fragment) may be settled by the amount


@dataclass(frozen=True, slots=True)
class CashPolicy:
    """The thresholds of the decision rules."""

    auto_threshold: float = 0.90  # confidence needed to apply without a person
    fee_tolerance: Decimal = Decimal("50.00")  # a short-pay up to this is a bank/wire fee...
    fee_share: Decimal = Decimal("0.05")  # ...when also at most this share of the payment
    max_invoices: int = 5  # the largest set of invoices one payment is matched to by amount
    max_candidates: int = 30  # open invoices a family's amount search looks at (oldest due)


@dataclass(frozen=True, slots=True)
class CashAlternative:
    """Another credible reading of the same line, for the person reviewing it."""

    customer_id: str
    applications: tuple[Application, ...]
    confidence: float
    note: str


@dataclass(frozen=True, slots=True)
class CashMatch:
    payment_id: str
    decision: str  # auto | review | unmatched
    customer_id: str | None
    applications: tuple[Application, ...]
    deduction: tuple[Decimal, str] | None  # (amount, reason code)
    unapplied: Decimal
    confidence: float  # 0-1
    explanation: str
    alternatives: tuple[CashAlternative, ...] = ()
    currency: str = "USD"
    amount: Decimal = ZERO  # the bank line's amount

    def as_dict(self) -> dict[str, Any]:
        """The ``arbot cashapp --out`` result row (CONTRACTS.md); floats only here."""
        return {
            "payment_id": self.payment_id,
            "decision": self.decision,
            "customer_id": self.customer_id,
            "applications": [
                {"invoice_number": number, "amount": float(amount)}
                for number, amount in self.applications
            ],
            "deduction": (
                None
                if self.deduction is None
                else {"amount": float(self.deduction[0]), "reason_code": self.deduction[1]}
            ),
            "unapplied_amount": float(self.unapplied),
            "confidence": round(self.confidence, 3),
            "explanation": self.explanation,
            "alternatives": [
                {
                    "customer_id": alt.customer_id,
                    "applications": [
                        {"invoice_number": number, "amount": float(amount)}
                        for number, amount in alt.applications
                    ],
                    "confidence": round(alt.confidence, 3),
                    "note": alt.note,
                }
                for alt in self.alternatives
            ],
        }


# -- internal ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Hit:
    invoice: Invoice
    how: str  # number | key | ocr | po | edi
    token: str  # as written
    item: EdiItem | None = None


_PIN = {
    "edi": 0.995,
    "rf": 0.995,
    "number": 0.99,
    "key": 0.98,
    "ocr": 0.97,
    "split": 0.97,
    "po": 0.97,
    "tail": 0.95,
    "typo": 0.93,
}
_HOW = {
    "edi": "in EDI remittance",
    "rf": "by RF creditor reference (check digits verified)",
    "number": "in reference",
    "key": "in reference",
    "ocr": "in reference (OCR: letters read as digits)",
    "split": "in reference (one number written across a line break)",
    "po": "by PO number",
    "tail": "in reference (the number without its series)",
    "typo": "in reference (one digit off)",
}
# Readings of a reference that are guesses until the amounts agree with them exactly.
WEAK = frozenset({"ocr", "split", "tail", "typo"})


@dataclass(slots=True)
class _Proposal:
    family: str
    applications: list[tuple[Invoice, Decimal]] = field(default_factory=list)
    deduction: tuple[Decimal, str] | None = None
    unapplied: Decimal = ZERO
    pin: float = 0.0  # how surely the invoices are the right ones
    fit: float = 1.0  # how well the amounts are explained
    evidence: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    alternatives: list[CashAlternative] = field(default_factory=list)
    loose: bool = False  # the references do not account for the amount by a stated rule


def _money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


def _numbers(invoices: Iterable[Invoice]) -> str:
    return ", ".join(i.invoice_number for i in invoices)


def _corroborated(name_factor: float) -> float:
    """A fuzzy name whose customer has an open invoice of exactly the amount: a wrong customer
    would need that by chance too, so the name and the amount corroborate each other."""
    return 1 - (1 - name_factor) * 0.3


def _one_edit(key: str) -> set[str]:
    """Every digit string one edit away from ``key`` (changed, dropped, added, swapped)."""
    variants = set()
    digits = "0123456789"
    for k in range(len(key)):
        variants.add(key[:k] + key[k + 1 :])
        for d in digits:
            variants.add(key[:k] + d + key[k + 1 :])
        if k + 1 < len(key):
            variants.add(key[:k] + key[k + 1] + key[k] + key[k + 2 :])
    for k in range(len(key) + 1):
        for d in digits:
            variants.add(key[:k] + d + key[k:])
    variants.discard(key)
    return {v.lstrip("0") or "0" for v in variants}


def _item_agrees(item: EdiItem, invoice: Invoice) -> bool:
    """An EDI line's amounts are the invoice's: what it paid is the balance, or what it says
    was billed is the invoice amount."""
    return item.paid == invoice.balance or (
        item.invoice_amount is not None and item.invoice_amount == invoice.amount
    )


def _reason_words(remittance: Remittance, code: str) -> str:
    """The remittance's words (or EDI adjustment codes) that gave this reason code."""
    adjustments = [*remittance.adjustments, *(a for i in remittance.edi for a in i.adjustments)]
    codes = [a.reason for a in adjustments if ADX_REASON_CODES.get(a.reason) == code]
    if codes:
        return ", ".join(f"ADX {c} ({ADX_CODE_NAMES[c]})" for c in dict.fromkeys(codes))
    found, words = reason_with_words(remittance.memo)
    return words if found == code else ""


def _reason(text: str) -> str:
    code = classify_reason(text) if text.strip() else "unknown"
    return code if code in DEDUCTION_REASON_CODES else "unknown"


class CashMatcher:
    """Matches bank credits to a customer master and its open invoices (pure, in memory)."""

    def __init__(
        self,
        customers: Iterable[Customer],
        open_invoices: Iterable[Invoice],
        *,
        aliases: Mapping[str, str] | None = None,
        policy: CashPolicy | None = None,
        oldest_first: Iterable[str] = (),
    ) -> None:
        self.policy = policy or CashPolicy()
        # Customers whose own payment history pays the oldest of equal invoices first.
        self._oldest_first = frozenset(oldest_first)
        self._customers = {c.customer_id: c for c in customers}
        self._root = {cid: self._find_root(cid) for cid in self._customers}
        members: dict[str, list[str]] = defaultdict(list)
        for cid, root in self._root.items():
            members[root].append(cid)
        self._members = {root: tuple(ids) for root, ids in members.items()}
        with _no_gc():
            self._payers = PayerMatcher(
                ((c.customer_id, c.name) for c in self._customers.values()), aliases
            )
        self._by_number: dict[str, list[Invoice]] = defaultdict(list)
        self._by_key: dict[str, list[Invoice]] = defaultdict(list)
        self._by_tail: dict[str, list[Invoice]] = defaultdict(list)
        self._by_po: dict[str, list[Invoice]] = defaultdict(list)
        self._open: dict[str, list[Invoice]] = defaultdict(list)
        self._by_amount: dict[tuple[str, Decimal], list[Invoice]] = defaultdict(list)
        self._balance: dict[str, Decimal] = {}
        with _no_gc():
            self._index(open_invoices)
        self._family_open: dict[tuple[str, str], list[Invoice]] = {}

    def _index(self, open_invoices: Iterable[Invoice]) -> None:
        customers = self._customers
        by_number, by_key, by_tail = self._by_number, self._by_key, self._by_tail
        for invoice in open_invoices:
            if invoice.balance <= 0 or invoice.customer_id not in customers:
                continue
            number = invoice.invoice_number
            self._balance[number] = invoice.balance
            by_number[_ALNUM.sub("", number.upper())].append(invoice)
            runs = _DIGIT_RUNS.findall(number)
            if not runs:
                by_key[invoice_number_key(number)].append(invoice)
            else:
                by_key["".join(runs).lstrip("0") or "0"].append(invoice)
                if len(runs) > 1:  # another series: "SI/2026/04634" also as "2026-4634"
                    by_key["-".join(r.lstrip("0") or "0" for r in runs)].append(invoice)
                    tail = runs[-1].lstrip("0")
                    if len(tail) >= 4:
                        by_tail[tail].append(invoice)
            if invoice.po_number:
                po = _ALNUM.sub("", invoice.po_number.upper())
                self._by_po[po].append(invoice)
                po_key = invoice_number_key(invoice.po_number)
                if po_key != po:
                    self._by_po[po_key].append(invoice)
            self._open[invoice.customer_id].append(invoice)
            self._by_amount[(invoice.currency, invoice.balance)].append(invoice)
        for invoices in self._open.values():
            invoices.sort(key=lambda i: (i.due_date, i.invoice_date, i.invoice_number))

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
                for member in self._members[root]
                for invoice in self._open.get(member, ())
                if invoice.currency == currency
            ]
            found.sort(key=lambda i: (i.due_date, i.invoice_date, i.invoice_number))
            self._family_open[key] = found
        return found

    # -- public ------------------------------------------------------------------------------

    def match_all(
        self,
        lines: Sequence[BankLine],
        as_of: date,
        progress: Callable[[int, int], None] | None = None,
    ) -> list[CashMatch]:
        """Match every line; ``progress(done, total)`` is called as it goes and at the end.

        Lines are matched against the same open balances, so a line that would auto-apply to
        an invoice an earlier line of the batch already took (a duplicate payment, two
        remittances naming one invoice) goes to review instead."""
        results = []
        total = len(lines)
        taken: dict[str, tuple[Decimal, str]] = {}  # invoice → (applied so far, first payment)
        for done, line in enumerate(lines, start=1):
            result = self.match(line, as_of)
            if result.decision == "auto":
                result = self._claim(result, taken)
            results.append(result)
            if progress is not None and (done % 250 == 0 or done == total):
                progress(done, total)
        return results

    def _claim(self, result: CashMatch, taken: dict[str, tuple[Decimal, str]]) -> CashMatch:
        clash = []
        for number, amount in result.applications:
            so_far, first = taken.get(number, (ZERO, ""))
            if so_far and so_far + amount > self._balance[number]:
                clash.append(f"{number} was already applied from {first} in this batch")
        if clash:
            threshold = self.policy.auto_threshold
            return replace(
                result,
                decision="review",
                confidence=min(result.confidence, round(threshold - 0.01, 4)),
                explanation=f"{result.explanation}; review: {'; '.join(clash)}",
            )
        for number, amount in result.applications:
            so_far, first = taken.get(number, (ZERO, result.payment_id))
            taken[number] = (so_far + amount, first)
        return result

    def match(self, line: BankLine, as_of: date) -> CashMatch:
        remittance = parse_remittance(line.reference)
        payer = self._payers.resolve(line.payer_name, remittance.names)
        roots = frozenset(
            self._root[c.customer_id] for c in payer.candidates if c.score >= MATCH_MIN
        )
        hits, unresolved, other_currency = self._hits(remittance, line.currency, roots)
        proposal, customer_factor, who = self._decide(line, remittance, payer, hits)
        if unresolved and proposal.applications:
            referenced = {h.invoice.invoice_number for h in hits}
            unexplained = list(unresolved)
            for invoice, _ in proposal.applications:
                if invoice.invoice_number in referenced:
                    continue
                written = [invoice_number_key(u) for u in unexplained]
                typo = self._one_typo_from(invoice, written)
                if typo is not None:
                    unexplained = [u for u in unexplained if invoice_number_key(u) != typo]
                    proposal.evidence.append(
                        f"{typo} in reference is {invoice.invoice_number} mistyped"
                    )
            if unexplained:
                proposal.blockers.append(
                    f"{', '.join(unexplained)} in the reference is not an open invoice"
                )
        if proposal.deduction is not None:
            said = _reason_words(remittance, proposal.deduction[1])
            if said:
                proposal.evidence.append(f"reason {proposal.deduction[1]}: {said}")
        if other_currency:
            proposal.blockers.append(
                f"{', '.join(other_currency)} referenced but not in {line.currency}"
            )
        if line.received_on > as_of:
            proposal.blockers.append(f"dated {line.received_on}, after {as_of}")
        payer_id = next(
            (
                c.customer_id
                for c in payer.candidates
                if c.score >= MATCH_MIN and self._root[c.customer_id] == proposal.family
            ),
            None,
        )
        return self._result(line, proposal, customer_factor, who, payer_id)

    # -- references ------------------------------------------------------------------------------

    def _lookup(self, text: str, keys: Sequence[str], ocr: bool, po: bool) -> list[_Hit]:
        exact = _ALNUM.sub("", text.upper())
        hits: list[_Hit] = []
        order = ("po", "invoice") if po else ("invoice", "po")
        for kind in order:
            if kind == "invoice":
                for invoice in self._by_number.get(exact, ()):
                    hits.append(_Hit(invoice, "number", text))
                if not hits:
                    for key in keys:
                        for invoice in self._by_key.get(key, ()):
                            hits.append(_Hit(invoice, "ocr" if ocr else "key", text))
                        if hits:
                            break
                if not hits and not ocr:
                    for invoice in self._by_tail.get(keys[0] if keys else "", ()):
                        hits.append(_Hit(invoice, "tail", text))
            else:
                for key in (exact, *keys):
                    for invoice in self._by_po.get(key, ()):
                        hits.append(_Hit(invoice, "po", text))
                    if hits:
                        break
            if hits:
                return hits
        return hits

    def _hits(
        self, remittance: Remittance, currency: str, roots: frozenset[str]
    ) -> tuple[list[_Hit], list[str], list[str]]:
        """The open invoices the reference names; the explicit references that name none;
        those that name invoices in another currency. ``roots``: the payer groups the name
        points at, where a one-digit-off reference may be looked for."""
        hits: list[_Hit] = []
        unresolved: list[str] = []
        other_currency: list[str] = []
        seen: set[str] = set()

        def keep(found: list[_Hit], written: str, explicit: bool) -> None:
            same = [h for h in found if h.invoice.currency == currency]
            if found and not same:
                other_currency.append(written)
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
                found = [_Hit(h.invoice, "ocr", ref) for h in found]
            # A reading that is a guess stands in EDI only when the line's amounts agree.
            found = [h for h in found if h.how not in WEAK or _item_agrees(item, h.invoice)]
            if not found:
                found = self._one_off(
                    ref, roots | {self._root[h.invoice.customer_id] for h in hits}
                )
                found = [h for h in found if _item_agrees(item, h.invoice)][:1] if found else []
                found = found if len(found) == 1 else []
            found = [
                _Hit(h.invoice, h.how if h.how in WEAK or h.how == "po" else "edi", ref, item)
                for h in found
            ]
            keep(found, ref, True)
        # Two adjacent words that are one open invoice's number when joined, and not two
        # numbers each on its own: a number cut by a line break.
        per_token = {}
        for token in remittance.tokens:
            found = self._lookup(token.text, token.keys, token.ocr, token.po)
            if token.rf:
                found = [_Hit(h.invoice, "rf", token.text) for h in found]
            per_token[token.text.strip(":.#")] = (token, found)
        joined_away: set[str] = set()
        for text, key in remittance.joined:
            first, second = text.split(" ", 1)
            parts = [per_token.get(first), per_token.get(second)]
            if all(p is not None and p[1] for p in parts):
                continue
            whole = self._by_key.get(key, ())
            if whole:
                joined_away.update((first, second))
                keep([_Hit(invoice, "split", text) for invoice in whole], text, False)
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

    def _one_off(self, written: str, roots: frozenset[str] | set[str]) -> list[_Hit]:
        """Open invoices of these payer groups whose number is one digit off the written one
        (a digit changed, dropped, added, or two swapped)."""
        key = invoice_number_key(written)
        if len(key) < 4 or not roots:
            return []
        found: dict[str, Invoice] = {}
        for variant in _one_edit(key):
            for invoice in self._by_key.get(variant, ()):
                if self._root[invoice.customer_id] in roots:
                    found[invoice.invoice_number] = invoice
        return [_Hit(invoice, "typo", written) for invoice in found.values()]

    # -- who and which -----------------------------------------------------------------------

    def _payer_roots(self, payer: PayerResolution) -> dict[str, PayerCandidate]:
        roots: dict[str, PayerCandidate] = {}
        if payer.status == "none":
            return roots
        chosen = payer.candidates[:1] if payer.status == "match" else payer.candidates
        for candidate in chosen:
            if candidate.score < MATCH_MIN:
                continue
            root = self._root[candidate.customer_id]
            roots.setdefault(root, candidate)
        return roots

    def _name_factor(self, candidate: PayerCandidate) -> float:
        if candidate.source.startswith("alias"):
            return 0.995
        if candidate.exact:
            return 0.99
        return 0.85 + 0.14 * min(max((candidate.score - MATCH_MIN) / (100 - MATCH_MIN), 0), 1)

    def _decide(
        self, line: BankLine, remittance: Remittance, payer: PayerResolution, hits: list[_Hit]
    ) -> tuple[_Proposal, float, str]:
        name_roots = self._payer_roots(payer)
        hit_roots: dict[str, list[_Hit]] = defaultdict(list)
        for hit in hits:
            hit_roots[self._root[hit.invoice.customer_id]].append(hit)
        top = payer.top if payer.status != "none" else None

        if hit_roots:
            credible: dict[str, PayerCandidate] = {}
            for candidate in payer.candidates:
                if candidate.score >= MATCH_MIN:
                    credible.setdefault(self._root[candidate.customer_id], candidate)
            both = [r for r in hit_roots if r in credible]
            if len(both) == 1:
                root = both[0]
                candidate = credible[root]
                proposal = self._with_refs(line, remittance, root, hit_roots[root])
                factor = self._name_factor(candidate)
                if candidate is top or candidate.source == "DBA" or payer.status != "match":
                    factor = max(factor, 0.995 if payer.status == "match" else 0.97)
                else:  # a weaker name than the best one, chosen by the references
                    factor = min(factor, 0.93)
                who = self._who(candidate, payer, confirmed=True)
                self._note_other_roots(proposal, hit_roots, root, line, remittance)
                return proposal, factor, who
            options = both or list(hit_roots)
            scored = []
            for root in options:
                proposal = self._with_refs(line, remittance, root, hit_roots[root])
                scored.append((self._score(proposal), root, proposal))
            scored.sort(key=lambda s: -s[0])
            _, root, proposal = scored[0]
            for score, other, alt in scored[1:]:
                proposal.alternatives.append(self._alternative(other, alt, score))
            if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.05:
                proposal.blockers.append("the invoice references point to more than one customer")
            strongest = max(_PIN[h.how] for h in hit_roots[root])
            factor = 0.95 if strongest >= 0.99 else 0.92
            owner = self._customers[hit_roots[root][0].invoice.customer_id].name
            if proposal.fit < 0.99 and payer.status != "none":
                # The references (another customer's invoices) do not add up: does one open
                # invoice of the payer's own equal the payment, its number a typo away?
                own = self._payers_own(line, remittance, payer, name_roots)
                if own is not None:
                    by_name, candidate, typo = own
                    by_name.alternatives.append(self._alternative(root, proposal, 0.3))
                    who = self._who(candidate, payer, confirmed=False)
                    number = by_name.applications[0][0].invoice_number
                    if typo is not None:
                        by_name.evidence.append(
                            f"{typo} in reference (another customer's invoice) is {number} mistyped"
                        )
                        factor = _corroborated(self._name_factor(candidate))
                        if payer.status != "match":
                            factor = min(factor, 0.93)
                        return by_name, factor, who
                    by_name.blockers.append(
                        f"the reference names {owner}'s invoices, which do not add up"
                    )
                    return by_name, self._name_factor(candidate), who
            if top is not None and payer.status == "match" and top.score >= STRONG_NAME:
                who = (
                    f"payer ≈ {top.name} ({top.score:.0f}) but the invoices referenced are "
                    f"{owner}'s"
                )
                proposal.blockers.append("payer name and invoice references disagree")
                factor = 0.5
                self._name_alternative(proposal, line, top)
            elif top is not None and payer.status == "match":
                who = (
                    f"invoices referenced are {owner}'s; payer ≈ {top.name} ({top.score:.0f}) "
                    "is the weaker evidence"
                )
                if proposal.fit < 0.99:
                    proposal.blockers.append(
                        "payer name points elsewhere and the referenced invoices do not add up"
                    )
                self._name_alternative(proposal, line, top)
            elif payer.status == "ambiguous":
                who = (
                    "payer name fits "
                    + " / ".join(c.name for c in payer.candidates[:3])
                    + f"; the invoices referenced are {owner}'s"
                )
            else:
                who = "payer not recognised; customer from the invoices referenced"
            return proposal, factor, who

        if payer.status == "match" and top is not None:
            root = self._root[top.customer_id]
            proposal = self._by_amount_in(line, remittance, root, known=True)
            factor = self._name_factor(top)
            if proposal.applications:
                self._rival_fits(line, payer, proposal)
            if proposal.applications and not proposal.blockers:
                factor = _corroborated(factor)
            return proposal, factor, self._who(top, payer, confirmed=False)

        if payer.status == "ambiguous" and len(name_roots) == 1:
            # The names that tie are one group (a parent and its subsidiary): its invoices.
            root, candidate = next(iter(name_roots.items()))
            proposal = self._by_amount_in(line, remittance, root)
            factor = self._name_factor(candidate)
            if proposal.applications and not proposal.blockers:
                factor = _corroborated(factor)
            names = " / ".join(c.name for c in payer.candidates[:3])
            return proposal, factor, f"payer ≈ {names}, one group"

        if payer.status == "ambiguous" and name_roots:
            scored = []
            for root, candidate in name_roots.items():
                proposal = self._by_amount_in(line, remittance, root)
                scored.append(
                    (self._score(proposal) * self._name_factor(candidate), root, proposal)
                )
            scored.sort(key=lambda s: -s[0])
            _, root, proposal = scored[0]
            for score, other, alt in scored[1:]:
                proposal.alternatives.append(self._alternative(other, alt, score))
            placed = [s for s in scored if s[2].applications]
            names = " / ".join(c.name for c in payer.candidates[:3])
            if (
                len(placed) == 1
                and placed[0][1] == root
                and not proposal.blockers
                and proposal.pin >= 0.9
                and (name_roots[root].exact or name_roots[root].score >= SETTLING_NAME)
            ):
                # Look-alike names, but only one of them has open items that fit the amount:
                # the amount singles the customer out.
                candidate = name_roots[root]
                owner = self._customers[self._customer_of(proposal, candidate.customer_id)].name
                proposal.evidence.insert(
                    0, f"only {owner} has open items that fit {_money(line.amount)}"
                )
                factor = _corroborated(self._name_factor(candidate))
                return proposal, factor, f"payer ≈ {names}"
            if len(name_roots) > 1:
                proposal.blockers.append(
                    "payer name fits "
                    + " and ".join(
                        self._customers[c.customer_id].name for c in payer.candidates[:3]
                    )
                )
            return proposal, 0.7, "payer name is ambiguous"

        # Nobody recognisable and no reference: an invoice of exactly this amount is a lead only.
        same = self._by_amount.get((line.currency, line.amount), [])
        proposal = _Proposal(family="")
        if len(same) == 1:
            invoice = same[0]
            proposal = _Proposal(
                family=self._root[invoice.customer_id],
                applications=[(invoice, line.amount)],
                pin=0.5,
                evidence=[f"amount equals open invoice {invoice.invoice_number}, nothing else"],
                blockers=["payer not recognised and no reference"],
            )
            return proposal, 0.5, "payer not recognised"
        return proposal, 0.0, "payer not recognised"

    def _rival_fits(self, line: BankLine, payer: PayerResolution, proposal: _Proposal) -> None:
        """Same-amount invoices at two customers: when a runner-up name (the payer's words are
        the start of it) has open invoices that fit the amount as well, the name alone picked
        the customer, and that is not enough."""
        top = payer.candidates[0]
        for rival in payer.candidates[1:]:
            root = self._root[rival.customer_id]
            if root == proposal.family or not rival.ordered or rival.score < MATCH_MIN:
                continue
            if top.score - rival.score >= 10:
                continue
            other = self._by_amount_in(line, parse_remittance(""), root)
            if other.applications:
                proposal.alternatives.append(self._alternative(root, other, self._score(other)))
                proposal.blockers.append(
                    f"the amount fits {rival.name}'s open invoices too, a name close to the payer's"
                )
                return

    def _payers_own(
        self,
        line: BankLine,
        remittance: Remittance,
        payer: PayerResolution,
        name_roots: Mapping[str, PayerCandidate],
    ) -> tuple[_Proposal, PayerCandidate, str | None] | None:
        """The one family among the payer's name candidates with one open invoice of exactly
        the amount (and the written number it is a typo of, if any)."""
        found = []
        written = self._written_keys(remittance)
        for root, candidate in name_roots.items():
            by_name = self._by_amount_in(line, parse_remittance(""), root)
            if len(by_name.applications) == 1 and not by_name.blockers:
                typo = self._one_typo_from(by_name.applications[0][0], written)
                found.append((by_name, candidate, typo))
        if len(found) == 1 and (payer.status == "match" or found[0][2] is not None):
            return found[0]
        return None

    def _who(self, candidate: PayerCandidate, payer: PayerResolution, *, confirmed: bool) -> str:
        if candidate.source.startswith("alias"):
            return f"learned alias '{candidate.query}' → {candidate.name}"
        where = "" if candidate.source == "payer name" else f" ({candidate.source})"
        text = f"payer ≈ {candidate.name} ({candidate.score:.0f}){where}"
        if payer.status == "ambiguous" and confirmed:
            others = [c.name for c in payer.candidates if c.customer_id != candidate.customer_id]
            text += f", not {' / '.join(others[:2])}, by the invoices referenced"
        return text

    def _note_other_roots(
        self,
        proposal: _Proposal,
        hit_roots: Mapping[str, list[_Hit]],
        root: str,
        line: BankLine,
        remittance: Remittance,
    ) -> None:
        for other, other_hits in hit_roots.items():
            if other == root:
                continue
            alt = self._with_refs(line, remittance, other, other_hits)
            proposal.alternatives.append(self._alternative(other, alt, self._score(alt) * 0.5))

    def _name_alternative(self, proposal: _Proposal, line: BankLine, top: PayerCandidate) -> None:
        root = self._root[top.customer_id]
        alt = self._by_amount_in(line, parse_remittance(""), root)
        proposal.alternatives.append(self._alternative(root, alt, self._score(alt) * 0.5))

    def _alternative(self, root: str, proposal: _Proposal, confidence: float) -> CashAlternative:
        return CashAlternative(
            self._customer_of(proposal, root),
            tuple((i.invoice_number, a) for i, a in proposal.applications),
            round(min(confidence, 0.99), 3),
            "; ".join(proposal.evidence + proposal.blockers),
        )

    @staticmethod
    def _score(proposal: _Proposal) -> float:
        if not proposal.applications:
            return 0.0
        return proposal.pin * proposal.fit * (0.8 if proposal.blockers else 1.0)

    def _customer_of(self, proposal: _Proposal, fallback: str) -> str:
        owners = {i.customer_id for i, _ in proposal.applications}
        return owners.pop() if len(owners) == 1 else fallback

    # -- amounts with references -------------------------------------------------------------

    def _with_refs(
        self, line: BankLine, remittance: Remittance, root: str, hits: list[_Hit]
    ) -> _Proposal:
        edi = [h for h in hits if h.item is not None and h.item.paid is not None]
        if edi:
            paid = sum((h.item.paid for h in edi if h.item and h.item.paid), ZERO)
            if paid == line.amount and len({h.item.reference for h in edi if h.item}) == len(edi):
                return self._from_edi(line, remittance, root, edi)
        invoices = [h.invoice for h in hits]
        how = min((h.how for h in hits), key=lambda h: _PIN[h])
        proposal = _Proposal(family=root, pin=min(_PIN[h.how] for h in hits))
        described = _numbers(invoices)
        if edi:
            proposal.evidence.append(f"{described} in EDI remittance")
            proposal.blockers.append("the EDI paid amounts do not add up to the payment")
        else:
            pos = {h.token for h in hits if h.how == "po"}
            if pos:
                proposal.evidence.append(f"PO {', '.join(sorted(pos))} → {described}")
            else:
                proposal.evidence.append(f"{described} {_HOW[how]}")
        self._allocate(line, remittance, proposal, invoices)
        if proposal.loose:
            self._check_typo(line, remittance, proposal, {i.invoice_number for i in invoices})
        self._corroborate(line, proposal, hits)
        return proposal

    @staticmethod
    def _corroborate(line: BankLine, proposal: _Proposal, hits: list[_Hit]) -> None:
        """A reference read with a correction (OCR letters, a digit off, a cut number, a number
        without its series) stands only when the amounts agree with it to the cent."""
        applied = {i.invoice_number for i, _ in proposal.applications}
        guessed = [
            h
            for h in hits
            if h.how in WEAK and h.item is None and h.invoice.invoice_number in applied
        ]
        if not guessed:
            return
        paid = sum((a for _, a in proposal.applications), ZERO)
        named = {h.invoice.invoice_number for h in hits}
        exact = (
            proposal.deduction is None
            and paid == line.amount
            and not proposal.loose
            and applied <= named
        )
        if exact:
            proposal.evidence.append("the amount confirms the reading")
            return
        readings = ", ".join(f"{h.token} as {h.invoice.invoice_number}" for h in guessed)
        proposal.blockers.append(f"reading {readings} is not confirmed by the amount")

    def _written_keys(self, remittance: Remittance) -> list[str]:
        keys = [k for token in remittance.tokens for k in token.keys]
        keys += [invoice_number_key(item.reference) for item in remittance.edi]
        return [k for k in keys if len(k) >= 3]

    def _one_typo_from(self, invoice: Invoice, written: Iterable[str]) -> str | None:
        """The written number that is this invoice's number with one typo (a digit changed,
        dropped, added, or two swapped), if any."""
        key = invoice_number_key(invoice.invoice_number)
        for number in written:
            if number != key and OSA.distance(key, number) <= 1:
                return number
        return None

    def _check_typo(
        self, line: BankLine, remittance: Remittance, proposal: _Proposal, taken: set[str]
    ) -> None:
        """When the referenced invoices do not account for the amount but one other open invoice
        of the family equals it: a mistyped number (take it) or a contradiction (review)."""
        same = [
            i
            for i in self._family_invoices(proposal.family, line.currency)
            if i.balance == line.amount and i.invoice_number not in taken
        ]
        if len(same) != 1:
            return
        invoice = same[0]
        typo = self._one_typo_from(invoice, self._written_keys(remittance))
        if typo is None:
            proposal.blockers.append(
                f"the payment equals {invoice.invoice_number} exactly, which the reference "
                "does not name"
            )
            proposal.alternatives.append(
                CashAlternative(
                    invoice.customer_id,
                    ((invoice.invoice_number, line.amount),),
                    0.5,
                    f"amount equals {invoice.invoice_number}",
                )
            )
            return
        proposal.applications = [(invoice, line.amount)]
        proposal.deduction = None
        proposal.unapplied = ZERO
        proposal.pin, proposal.fit, proposal.loose = 0.95, 1.0, False
        proposal.blockers = []
        proposal.evidence = [
            f"{typo} in reference is {invoice.invoice_number} mistyped: one digit apart, and "
            "its balance equals the payment"
        ]

    def _from_edi(
        self, line: BankLine, remittance: Remittance, root: str, hits: list[_Hit]
    ) -> _Proposal:
        proposal = _Proposal(family=root, pin=_PIN["edi"])
        proposal.evidence.append(f"{_numbers(h.invoice for h in hits)} in EDI remittance")
        short_total = ZERO
        reasons: list[tuple[Decimal, str]] = []
        unapplied = ZERO
        for hit in hits:
            item, invoice = hit.item, hit.invoice
            assert item is not None and item.paid is not None
            applied = min(item.paid, invoice.balance)
            unapplied += item.paid - applied
            proposal.applications.append((invoice, applied))
            short = invoice.balance - item.paid
            if short <= 0:
                continue
            short_total += short
            adjusted = sum((a.amount for a in item.adjustments), ZERO)
            if item.discount and item.discount == short:
                if self._discount_window(invoice, line.received_on):
                    reasons.append((short, "discount"))
                else:
                    reasons.append((short, "discount"))
                    proposal.blockers.append(
                        f"discount on {invoice.invoice_number} taken after the discount period"
                    )
            elif item.adjustments and adjusted == short:
                for adjustment in item.adjustments:
                    code = ADX_REASON_CODES.get(adjustment.reason) or _reason(remittance.memo)
                    reasons.append((adjustment.amount, code))
            elif self._discount_window(invoice, line.received_on) and short == self._discount(
                invoice
            ):
                reasons.append((short, "discount"))
            else:
                reasons.append((short, self._short_reason(remittance, short, line.amount)))
        for adjustment in remittance.adjustments:
            reasons.append((adjustment.amount, ADX_REASON_CODES.get(adjustment.reason, "unknown")))
        if short_total > 0:
            code = max(reasons, key=lambda r: r[0])[1] if reasons else "unknown"
            proposal.deduction = (short_total, code)
            proposal.evidence.append(f"short {_money(short_total)}: {code.replace('_', ' ')}")
            if code == "unknown":
                proposal.blockers.append("short-pay without a reason")
                proposal.fit = 0.8
            else:
                proposal.fit = 0.99
        else:
            proposal.evidence.append("remittance amounts add up")
        if unapplied > 0:
            proposal.unapplied = unapplied
            proposal.evidence.append(f"{_money(unapplied)} more than the invoices, left unapplied")
            proposal.fit = min(proposal.fit, 0.96)
        return proposal

    def _short_reason(self, remittance: Remittance, short: Decimal, amount: Decimal) -> str:
        code = _reason(remittance.memo)
        if code == "unknown" and self._is_fee(short, amount):
            return "bank_fee"
        return code

    def _is_fee(self, short: Decimal, amount: Decimal) -> bool:
        return 0 < short <= self.policy.fee_tolerance and short <= amount * self.policy.fee_share

    def _discount_window(self, invoice: Invoice, received: date) -> bool:
        customer = self._customers[invoice.customer_id]
        if not customer.discount_percent or not customer.discount_days:
            return False
        days = (received - invoice.invoice_date).days
        return 0 <= days <= customer.discount_days and invoice.balance == invoice.amount

    def _discount(self, invoice: Invoice) -> Decimal:
        customer = self._customers[invoice.customer_id]
        return quantize(invoice.amount * customer.discount_percent / 100, invoice.currency)

    def _allocate(
        self, line: BankLine, remittance: Remittance, proposal: _Proposal, invoices: list[Invoice]
    ) -> None:
        """Spread the payment over referenced invoices and explain any difference."""
        amount = line.amount
        total = sum((i.balance for i in invoices), ZERO)
        if amount == total:
            proposal.applications = [(i, i.balance) for i in invoices]
            proposal.evidence.append("amounts add up")
            return
        if amount > total:
            proposal.applications = [(i, i.balance) for i in invoices]
            proposal.unapplied = amount - total
            proposal.fit = 0.96
            proposal.loose = True
            proposal.evidence.append(f"overpaid by {_money(amount - total)}, left unapplied")
            self._explain_excess(line, proposal, invoices)
            return
        short = total - amount
        eligible = [i for i in invoices if self._discount_window(i, line.received_on)]
        discount = sum((self._discount(i) for i in eligible), ZERO)
        stated = sum((a.amount for a in remittance.adjustments), ZERO)
        if eligible and abs(short - discount) <= Decimal("0.01") * len(eligible):
            customer = self._customers[eligible[0].customer_id]
            self._discounted(proposal, invoices, eligible, amount, short)
            proposal.fit = 0.995
            proposal.evidence.append(
                f"{customer.discount_percent.normalize()}% discount taken within "
                f"{customer.discount_days} days"
            )
            return
        late = [i for i in invoices if self._customers[i.customer_id].discount_percent]
        if late and short == sum((self._discount(i) for i in late), ZERO):
            self._short(proposal, invoices, amount, short, "discount")
            proposal.fit = 0.8
            proposal.evidence.append("discount taken")
            proposal.blockers.append("discount taken after the discount period (unearned)")
            return
        if remittance.adjustments and stated == short:
            codes = [
                ADX_REASON_CODES.get(a.reason) or _reason(remittance.memo)
                for a in remittance.adjustments
            ]
            code = codes[0] if len(set(codes)) == 1 else "unknown"
            self._short(proposal, invoices, amount, short, code)
            proposal.fit = 0.99 if code != "unknown" else 0.8
            proposal.evidence.append(f"short {_money(short)}: EDI adjustment ({code})")
            if code == "unknown":
                proposal.blockers.append("deduction reason not recognised")
            return
        if short in remittance.amounts:
            code = self._short_reason(remittance, short, amount)
            self._short(proposal, invoices, amount, short, code)
            proposal.evidence.append(f"short {_money(short)} as stated: {code.replace('_', ' ')}")
            proposal.fit = 0.98 if code != "unknown" else 0.8
            if code == "unknown":
                proposal.blockers.append("short-pay stated without a reason")
            return
        if remittance.partial:
            self._partial(proposal, invoices, amount)
            proposal.fit = 0.97
            proposal.evidence.append(f"partial payment as stated; {_money(short)} stays open")
            return
        if len(invoices) > 1:
            cents = [to_minor(i.balance) for i in invoices]
            fits = fitting_subsets(cents, to_minor(amount), max_size=len(invoices), limit=2)
            if len(fits) == 1:
                chosen = [invoices[k] for k in fits[0]]
                proposal.applications = [(i, i.balance) for i in chosen]
                proposal.fit = 0.95
                proposal.loose = True
                proposal.evidence.append(
                    f"amount equals {_numbers(chosen)} of the invoices referenced"
                )
                return
        if self._is_fee(short, amount):
            code = _reason(remittance.memo)
            code = "bank_fee" if code in ("unknown", "bank_fee") else code
            self._short(proposal, invoices, amount, short, code)
            proposal.fit = 0.97 if code == "bank_fee" else 0.85
            proposal.loose = True
            proposal.evidence.append(f"short {_money(short)}: {code.replace('_', ' ')}")
            if code != "bank_fee":
                proposal.blockers.append(f"short {_money(short)} not stated in the memo")
            return
        code = _reason(remittance.memo)
        self._short(proposal, invoices, amount, short, code)
        proposal.fit = 0.6
        proposal.loose = True
        proposal.evidence.append(f"short {_money(short)} ({code.replace('_', ' ')})")
        proposal.blockers.append(
            f"paid {_money(short)} less than referenced, neither stated as a deduction nor "
            "as a partial payment"
        )

    @staticmethod
    def _short(
        proposal: _Proposal, invoices: list[Invoice], amount: Decimal, short: Decimal, code: str
    ) -> None:
        """Apply in full except the last invoice larger than the short-pay, which carries the
        deduction, so that every invoice is settled by payment and deduction together."""
        proposal.applications = []
        total = sum((i.balance for i in invoices), ZERO)
        carriers = [k for k, i in enumerate(invoices) if i.balance > short]
        if total - short == amount and carriers:
            carrier = carriers[-1]
            proposal.applications = [
                (i, i.balance - short if k == carrier else i.balance)
                for k, i in enumerate(invoices)
            ]
            proposal.deduction = (short, code)
            return
        left = amount
        for index, invoice in enumerate(invoices):
            last = index == len(invoices) - 1
            applied = left if last else min(invoice.balance, left)
            if applied > 0:
                proposal.applications.append((invoice, applied))
            left -= applied
        proposal.deduction = (short, code)

    def _discounted(
        self,
        proposal: _Proposal,
        invoices: list[Invoice],
        eligible: list[Invoice],
        amount: Decimal,
        short: Decimal,
    ) -> None:
        """Each eligible invoice gets its balance less its own discount; a cent of rounding
        between the payer's arithmetic and ours goes to the last one."""
        proposal.applications = [
            (i, i.balance - (self._discount(i) if i in eligible else ZERO)) for i in invoices
        ]
        drift = amount - sum((a for _, a in proposal.applications), ZERO)
        if drift:
            last, applied = proposal.applications[-1]
            proposal.applications[-1] = (last, applied + drift)
        proposal.deduction = (short, "discount")

    @staticmethod
    def _partial(proposal: _Proposal, invoices: list[Invoice], amount: Decimal) -> None:
        proposal.applications = []
        left = amount
        for invoice in invoices:
            if left <= 0:
                break
            applied = min(invoice.balance, left)
            proposal.applications.append((invoice, applied))
            left -= applied

    def _explain_excess(self, line: BankLine, proposal: _Proposal, invoices: list[Invoice]) -> None:
        """The payment covers more than the invoices named: the rest is looked for among the
        payer group's other open invoices. One exact set that is unlikely by chance is applied
        (and may go through alone); anything else stays unapplied, which a person decides."""
        excess = proposal.unapplied
        taken = {i.invoice_number for i in invoices}
        others = [
            i
            for i in self._family_invoices(proposal.family, line.currency)
            if i.invoice_number not in taken
        ]
        if not others:
            proposal.blockers.append(
                f"{_money(excess)} more than the invoices named, and nothing else is open"
            )
            return
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in others]
        target = to_minor(excess, places)
        size = 3 if len(others) <= 30 else 2
        fits = fitting_subsets(values, target, max_size=size, limit=2)
        if len(fits) != 1:
            proposal.blockers.append(
                f"{_money(excess)} more than the invoices named, and "
                + (
                    "several sets of the other open invoices make it up"
                    if fits
                    else "no other open invoice or set makes it up: it would stay on account"
                )
            )
            for fit in fits:
                extra = [others[k] for k in fit]
                proposal.alternatives.append(
                    CashAlternative(
                        extra[0].customer_id,
                        tuple((i.invoice_number, i.balance) for i in [*invoices, *extra]),
                        0.4,
                        f"the rest equals {_numbers(extra)}",
                    )
                )
            return
        extra = [others[k] for k in fits[0]]
        chance = coincidence(values, target, max_size=size)
        proposal.applications += [(i, i.balance) for i in extra]
        proposal.unapplied = ZERO
        proposal.fit = 0.97 * max(0.0, 1 - 10 * chance)
        proposal.loose = False
        proposal.evidence[-1] = (
            f"the rest ({_money(excess)}) equals {_numbers(extra)} exactly, the only open "
            f"{'invoice' if len(extra) == 1 else 'set'} that does"
        )
        if proposal.fit < 0.9:
            proposal.blockers.append(
                f"{_numbers(extra)} not in the reference, and with this many open invoices "
                "the fit may be chance"
            )

    # -- amounts without references ----------------------------------------------------------

    def _by_amount_in(
        self, line: BankLine, remittance: Remittance, root: str, *, known: bool = False
    ) -> _Proposal:
        """``known``: the payer name alone names this customer (not a tie, not a guess)."""
        amount = line.amount
        invoices = self._family_invoices(root, line.currency)
        proposal = _Proposal(family=root)
        if not invoices:
            proposal.blockers.append(f"no open {line.currency} invoices")
            return proposal
        same = [i for i in invoices if i.balance == amount]
        if len(same) == 1:
            proposal.applications = [(same[0], amount)]
            proposal.pin = 0.95
            proposal.evidence.append(f"amount equals open invoice {same[0].invoice_number}")
            self._no_reference_note(proposal, remittance)
            return proposal
        if len(same) > 1:
            return self._identical(line, proposal, same, known=known)
        stated = self._stated_short(line, remittance, proposal, invoices)
        if stated is not None:
            return stated
        discounted = [
            i
            for i in invoices
            if self._discount_window(i, line.received_on)
            and i.balance - self._discount(i) == amount
        ]
        if len(discounted) == 1:
            invoice = discounted[0]
            customer = self._customers[invoice.customer_id]
            proposal.applications = [(invoice, amount)]
            proposal.deduction = (invoice.balance - amount, "discount")
            proposal.pin = 0.95
            proposal.fit = 0.995
            proposal.evidence.append(
                f"amount equals {invoice.invoice_number} less its "
                f"{customer.discount_percent.normalize()}% discount, within terms"
            )
            self._no_reference_note(proposal, remittance)
            return proposal
        pool = invoices[: self.policy.max_candidates]
        target = to_minor(amount, minor_units(line.currency))
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in pool]
        size = self.policy.max_invoices
        fits = fitting_subsets(values, target, max_size=size, min_size=2, limit=3)
        if not fits and len(invoices) > len(pool):
            # A large account: every open invoice, but in pairs (and triples up to 120).
            pool = invoices
            values = [to_minor(i.balance, places) for i in pool]
            size = 3 if len(pool) <= 120 else 2
            fits = fitting_subsets(values, target, max_size=size, min_size=2, limit=3)
        sets = [[pool[k] for k in fit] for fit in fits]
        if sets and len(invoices) > len(pool):
            # Found among the oldest: make sure no set with newer invoices fits as well.
            wider = fitting_subsets(
                [to_minor(i.balance, places) for i in invoices],
                target,
                max_size=3 if len(invoices) <= 120 else 2,
                min_size=2,
                limit=3,
            )
            seen = {frozenset(i.invoice_number for i in found) for found in sets}
            for fit in wider:
                found = [invoices[k] for k in fit]
                if frozenset(i.invoice_number for i in found) not in seen:
                    seen.add(frozenset(i.invoice_number for i in found))
                    sets.append(found)
        if sets:
            # How likely a chance fit is, over every open invoice the payer has (sets among
            # those the search left out could fit as well).
            every = [to_minor(i.balance, places) for i in invoices]
            chance = coincidence(every, target, max_size=size, min_size=2)
            return self._subsets(proposal, remittance, sets, chance)
        eligible = {i.invoice_number for i in pool if self._discount_window(i, line.received_on)}
        if eligible:
            discounted = [
                to_minor(
                    i.balance - self._discount(i) if i.invoice_number in eligible else i.balance,
                    places,
                )
                for i in pool
            ]
            fits = fitting_subsets(discounted, target, max_size=size, limit=2)
            if len(fits) == 1:
                chosen = [pool[k] for k in fits[0]]
                short = sum((i.balance for i in chosen), ZERO) - amount
                proposal.applications = [
                    (i, i.balance - (self._discount(i) if i.invoice_number in eligible else ZERO))
                    for i in chosen
                ]
                proposal.deduction = (short, "discount")
                chance = coincidence(discounted, target, max_size=size)
                proposal.pin = 0.95 * max(0.0, 1 - 10 * chance)
                proposal.fit = 0.995
                proposal.evidence.append(
                    f"amount equals {_numbers(chosen)} less the discount, within terms"
                )
                self._no_reference_note(proposal, remittance)
                return proposal
        # Short of one set by no more than a wire fee: a lead for a person, never auto.
        fee = min(self.policy.fee_tolerance, amount * self.policy.fee_share)
        pool = pool[: self.policy.max_candidates]
        values = values[: self.policy.max_candidates]
        near = fitting_subsets(values, target, max_size=3, limit=2, tolerance=to_minor(fee, places))
        if len(near) == 1:
            chosen = [pool[k] for k in near[0]]
            short = sum((i.balance for i in chosen), ZERO) - amount
            code = _reason(remittance.memo)
            self._short(proposal, chosen, amount, short, code if code != "unknown" else "bank_fee")
            proposal.pin, proposal.fit = 0.8, 0.9
            proposal.evidence.append(
                f"amount is {_money(short)} short of {_numbers(chosen)} (a bank fee?)"
            )
            proposal.blockers.append("no reference, and the amount is not exact")
            return proposal
        proposal.evidence.append(
            f"no open invoice or set of up to {self.policy.max_invoices} adds up to "
            f"{_money(amount)}"
        )
        proposal.blockers.append("nothing to apply to: leave on account")
        return proposal

    @staticmethod
    def _no_reference_note(proposal: _Proposal, remittance: Remittance) -> None:
        if remittance.tokens or remittance.edi:
            proposal.evidence.append("the reference names no open invoice")

    def _stated_short(
        self, line: BankLine, remittance: Remittance, proposal: _Proposal, invoices: list[Invoice]
    ) -> _Proposal | None:
        """ "PAYMENT 6000.86 SHORT 159.87 DAMAGED" and no invoice named: the payment and the
        stated short-pay (or a stated gross) together equal one set of open invoices."""
        amount = line.amount
        if not remittance.amounts or not SAYS_SHORT.search(remittance.memo):
            return None
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in invoices]
        size = 3 if len(invoices) <= 30 else 2
        found: dict[frozenset[str], tuple[list[Invoice], Decimal, float]] = {}
        for stated in set(remittance.amounts):
            if stated == amount or stated <= 0:
                continue
            gross = amount + stated if stated < amount else stated
            target = to_minor(gross, places)
            for fit in fitting_subsets(values, target, max_size=size, limit=2):
                chosen = [invoices[k] for k in fit]
                chance = coincidence(values, target, max_size=size)
                found[frozenset(i.invoice_number for i in chosen)] = (chosen, gross, chance)
        if not found:
            return None
        (chosen, gross, chance), *others = found.values()
        short = gross - amount
        code, words = reason_with_words(remittance.memo)
        self._short(proposal, chosen, amount, short, code)
        proposal.pin = 0.97 * max(0.0, 1 - 10 * chance)
        proposal.fit = 0.98 if code != "unknown" else 0.8
        said = f" ({words})" if words else ""
        proposal.evidence.append(
            f"amount plus the stated short-pay of {_money(short)}{said} equals {_numbers(chosen)}"
        )
        if code == "unknown":
            proposal.blockers.append("short-pay stated without a reason")
        if others:
            proposal.blockers.append("more than one set of open invoices fits the stated amounts")
            for other, _, _ in others:
                proposal.alternatives.append(
                    CashAlternative(
                        other[0].customer_id,
                        tuple((i.invoice_number, i.balance) for i in other),
                        0.3,
                        f"{_numbers(other)} also fit",
                    )
                )
        elif proposal.pin < 0.9:
            proposal.blockers.append("with this many open invoices the fit may be chance")
        return proposal

    def _identical(
        self, line: BankLine, proposal: _Proposal, same: list[Invoice], *, known: bool = False
    ) -> _Proposal:
        oldest, rest = same[0], same[1:]
        proposal.applications = [(oldest, line.amount)]
        due_alone = oldest.due_date <= line.received_on and all(
            i.due_date > line.received_on for i in rest
        )
        proposal.evidence.append(
            f"{len(same)} open invoices of {_money(line.amount)}; "
            f"{oldest.invoice_number} is the oldest"
        )
        for invoice in rest:
            proposal.alternatives.append(
                CashAlternative(
                    invoice.customer_id,
                    ((invoice.invoice_number, line.amount),),
                    0.3,
                    f"same amount, due {invoice.due_date}",
                )
            )
        owners = {i.customer_id for i in same}
        habit = known and len(owners) == 1 and owners <= self._oldest_first
        if habit:
            proposal.pin = 0.95
            owner = self._customers[oldest.customer_id].name
            proposal.evidence.append(f"{owner}'s payment history pays the oldest first")
        elif due_alone:
            proposal.pin = 0.93
            proposal.evidence.append("and the only one due")
        else:
            proposal.pin = 0.6
            proposal.blockers.append(
                f"{len(same)} invoices of the same amount and nothing says which"
            )
        return proposal

    def _subsets(
        self,
        proposal: _Proposal,
        remittance: Remittance,
        sets: list[list[Invoice]],
        chance: float,
    ) -> _Proposal:
        chosen = sets[0]
        proposal.applications = [(i, i.balance) for i in chosen]
        proposal.evidence.append(f"amount equals {_numbers(chosen)} together")
        if len(sets) == 1:
            # One set fits; how telling that is depends on how many sets could have.
            proposal.pin = 0.97 * max(0.0, 1 - 10 * chance)
            if proposal.pin < 0.9:
                proposal.evidence.append(
                    "but with this many open invoices a chance fit is plausible"
                )
            self._no_reference_note(proposal, remittance)
            return proposal
        amounts = {tuple(sorted(i.balance for i in s)) for s in sets}
        proposal.pin = 0.6
        if len(amounts) == 1:
            proposal.blockers.append("invoices of identical amounts fit; oldest proposed")
        else:
            proposal.blockers.append(f"{len(sets)} different sets of invoices fit the amount")
        for other in sets[1:]:
            owners = {i.customer_id for i in other}
            proposal.alternatives.append(
                CashAlternative(
                    owners.pop() if len(owners) == 1 else proposal.family,
                    tuple((i.invoice_number, i.balance) for i in other),
                    0.3,
                    f"{_numbers(other)} also add up",
                )
            )
        return proposal

    # -- the result ---------------------------------------------------------------------------

    def _unexplained(
        self, line: BankLine, proposal: _Proposal, customer_id: str | None
    ) -> list[str]:
        """What keeps a proposal from going through alone, whatever the confidence: every cent
        of the payment applied, no invoice over its balance, only the payer group's invoices,
        and a deduction only of a kind the rules explain."""
        problems = []
        applied = sum((a for _, a in proposal.applications), ZERO)
        if applied != line.amount:
            problems.append(
                f"{_money(line.amount - applied)} would be left on account: "
                "nothing open explains it"
            )
        numbers = [i.invoice_number for i, _ in proposal.applications]
        if len(set(numbers)) != len(numbers):
            problems.append("an invoice applied twice")
        for invoice, amount in proposal.applications:
            if amount <= 0 or amount > self._balance.get(invoice.invoice_number, ZERO):
                problems.append(
                    f"{_money(amount)} is not within {invoice.invoice_number}'s balance"
                )
        if customer_id is not None:
            payer = self._customers[customer_id]
            for invoice, _ in proposal.applications:
                owner = self._customers[invoice.customer_id]
                if not may_pay_for(
                    payer.customer_id, payer.parent_id, owner.customer_id, owner.parent_id
                ):
                    problems.append(
                        f"{invoice.invoice_number} is {owner.name}'s, outside the payer's group"
                    )
        if proposal.deduction is not None:
            short, code = proposal.deduction
            if short <= 0:
                problems.append("a deduction that is not a short-pay")
            elif code == "unknown":
                problems.append("short-pay without a reason")
        return problems

    # -- the result --------------------------------------------------------------------------

    def _result(
        self,
        line: BankLine,
        proposal: _Proposal,
        customer_factor: float,
        who: str,
        payer_id: str | None,
    ) -> CashMatch:
        applications = tuple((i.invoice_number, a) for i, a in proposal.applications)
        applied = sum((a for _, a in applications), ZERO)
        unapplied = line.amount - applied
        customer_id = (
            self._customer_of(proposal, payer_id or proposal.family) if proposal.family else None
        )
        evidence = [who, *proposal.evidence]
        if customer_id and payer_id and payer_id != customer_id and proposal.applications:
            owner, paying = self._customers[customer_id], self._customers[payer_id]
            relation = (
                f"{owner.name} is a subsidiary of {paying.name}"
                if owner.parent_id == payer_id
                else f"{paying.name} and {owner.name} are one group"
            )
            evidence.insert(1, relation)
        confidence = customer_factor * proposal.pin * proposal.fit if applications else 0.0
        threshold = self.policy.auto_threshold
        if applications and not proposal.blockers:
            proposal.blockers.extend(self._unexplained(line, proposal, customer_id))
        if applications and not proposal.blockers and confidence >= threshold:
            decision = "auto"
        elif customer_id is not None or applications:
            decision = "review"
            if proposal.blockers:
                confidence = min(confidence, threshold - 0.01)
        else:
            decision = "unmatched"
        explanation = ", ".join(e for e in evidence if e)
        if decision == "review":
            reasons = proposal.blockers or [f"confidence {confidence:.3f} below {threshold:.2f}"]
            explanation += "; review: " + "; ".join(reasons)
        if decision == "unmatched":
            explanation += "; nothing credible to apply"
        alternatives = tuple(sorted(proposal.alternatives, key=lambda a: -a.confidence)[:4])
        return CashMatch(
            payment_id=line.payment_id,
            decision=decision,
            customer_id=customer_id,
            applications=applications,
            deduction=proposal.deduction,
            unapplied=unapplied,
            confidence=round(max(min(confidence, 1.0), 0.0), 4),
            explanation=explanation,
            alternatives=alternatives,
            currency=line.currency,
            amount=line.amount,
        )
