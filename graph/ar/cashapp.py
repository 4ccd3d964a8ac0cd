"""Cash application: which customer a bank credit is from and which open invoices it pays.

``CashMatcher(customers, open_invoices).match(line, as_of)`` returns a ``CashMatch``: a decision
(``auto`` | ``review`` | ``unmatched``), the customer, the applications (invoice, amount), a
deduction (amount, reason code) for a short-pay, the unapplied rest, a confidence and an
explanation that gives the evidence first. docs/cash-application.md says it for AR people.

How a line is decided (one module each):

1. **Who paid** (``cashapp_payers``, the name index in ``cashapp_payer_names``, what banks write
   around a name in ``cashapp_payer_text``): aliases, then names beginning with the payer's
   words, then rarity-ranked words scored with ``graph.ar.names``; customers grouped into payer
   groups.
2. **Which invoices** (``cashapp_channel_text`` first undoes what each channel writes around a
   remittance; then ``cashapp_refs`` with its EDI, addenda, amount and reference readers,
   ``cashapp_index``): invoice and PO numbers in any spelling and series, RF creditor references,
   EDI 820 ``RMR``; readings that are guesses (OCR letters, a digit off, a number cut by a line
   break, a number without its series) stand only when the amounts agree to the cent.
3. **How much** (``cashapp_allocate`` with references, ``cashapp_by_amount`` without, with
   ``cashapp_stated_amounts`` for a partial or short-pay stated without an invoice and
   ``cashapp_equal_invoices`` for equal amounts; the short-pay and rest rules in
   ``cashapp_shorts``, reasons in ``cashapp_reasons``): EDI paid
   amounts, discount within terms, a stated deduction, a bank fee within tolerance, a stated
   partial; an unexplained rest is looked for among the payer group's open items; without
   references one invoice, a stated short-pay, the oldest of equal invoices on the customer's
   own habit, or one set that adds up and is unlikely by chance.
4. **Verdict** (``cashapp_verdict``): ``auto`` only when payer, invoices and every cent agree —
   the applications are the payment, within the balances, inside the payer group, nothing on
   account, any deduction with a reason — with no contradiction and confidence ≥ the policy's
   threshold; otherwise ``review`` with the alternatives, or ``unmatched``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from graph.ar.cashapp_index import MatchCustomer
from graph.ar.cashapp_model import (
    PIN,
    SETTLING_NAME,
    STRONG_NAME,
    CashAlternative,
    CashMatch,
    CashPolicy,
    Claims,
    Hit,
    Proposal,
    corroborated,
    no_gc,
    reason_words,
    show_money,
)
from graph.ar.cashapp_payer_text import is_card_processor
from graph.ar.cashapp_payers import (
    PayerCandidate,
    PayerMatcher,
    PayerResolution,
)
from graph.ar.cashapp_refs import Remittance, parse_remittance
from graph.ar.cashapp_verdict import Verdict
from graph.ar.names import MATCH_MIN
from integrations.erp.records import (
    BankLine,
    Customer,
    Invoice,
    invoice_number_key,
)

__all__ = ["CashAlternative", "CashMatch", "CashMatcher", "CashPolicy"]

BATCH_LINES = 128  # lines whose look-ups are read together (and let go together)


class CashMatcher(Verdict):
    """Matches bank credits to a customer master and its open invoices (pure, in memory)."""

    def __init__(
        self,
        customers: Iterable[Customer | MatchCustomer],
        open_invoices: Iterable[Invoice],
        *,
        aliases: Mapping[str, str] | None = None,
        policy: CashPolicy | None = None,
        oldest_first: Iterable[str] = (),
        out_of_order: Iterable[str] | None = None,
    ) -> None:
        """``oldest_first``: the customers whose own payment history pays the oldest of equal
        open invoices first (``graph.ar.payers.pays_oldest_first``); ``out_of_order``: those
        whose history does not (``pays_out_of_order``). When the history was read (not None),
        a customer it says nothing against pays the oldest first, the usual convention."""
        super().__init__(customers, open_invoices, policy or CashPolicy())
        self._oldest_first = frozenset(oldest_first)
        self._out_of_order = None if out_of_order is None else frozenset(out_of_order)
        with no_gc():
            self._payers = PayerMatcher(
                ((c.customer_id, c.name) for c in self._customers.values()), aliases
            )

    # -- public ------------------------------------------------------------------------------

    def match_all(
        self,
        lines: Sequence[BankLine],
        as_of: date,
        progress: Callable[[int, int], None] | None = None,
        *,
        taken: Claims | None = None,
    ) -> list[CashMatch]:
        """Match every line; ``progress(done, total)`` is called as it goes and at the end.

        Lines are matched against the same open balances, so a line that would auto-apply to
        an invoice an earlier line of the batch already took (a duplicate payment, two
        remittances naming one invoice) goes to review instead. ``taken``: what earlier calls
        of one run applied (invoice → applied so far, first payment), updated here."""
        return list(self.matches(lines, as_of, progress, taken=taken))

    def matches(
        self,
        lines: Sequence[BankLine],
        as_of: date,
        progress: Callable[[int, int], None] | None = None,
        *,
        taken: Claims | None = None,
    ) -> Iterator[CashMatch]:
        """``match_all``'s results one at a time. The lines are read ``BATCH_LINES`` at a time:
        what they write and whose names they bear is looked up together, and let go after the
        batch (``LedgerItems``)."""
        total = len(lines)
        taken = Claims() if taken is None else taken
        with no_gc():  # matching frees what it makes; collecting would only walk the index
            for start in range(0, total, BATCH_LINES):
                batch = lines[start : start + BATCH_LINES]
                readings = [self._read(line) for line in batch]
                self._prefetch(
                    (k for remittance, _ in readings for k in self._written(remittance)),
                    (r for _, payer in readings for r in self._payer_roots(payer)),
                )
                done = start
                for line, (remittance, payer) in zip(batch, readings, strict=True):
                    result = self._match_read(line, as_of, remittance, payer)
                    if result.decision == "auto":
                        result = self._claim(result, taken)
                    done += 1
                    if progress is not None and (done % 250 == 0 or done == total):
                        progress(done, total)
                    yield result
                self._forget()

    def _claim(self, result: CashMatch, taken: Claims) -> CashMatch:
        clash = []
        for number, amount in result.applications:
            found = taken.get(number)
            if found is not None and found[0] and found[0] + amount > self._items.balance(number):
                clash.append(f"{number} was already applied from {found[1]} in this batch")
        if clash:
            threshold = self.policy.auto_threshold
            return replace(
                result,
                decision="review",
                confidence=min(result.confidence, round(threshold - 0.01, 4)),
                explanation=f"{result.explanation}; review: {'; '.join(clash)}",
            )
        for number, amount in result.applications:
            taken.add(number, amount, result.payment_id)
        return result

    def match(self, line: BankLine, as_of: date) -> CashMatch:
        remittance, payer = self._read(line)
        return self._match_read(line, as_of, remittance, payer)

    def _read(self, line: BankLine) -> tuple[Remittance, PayerResolution]:
        """The line's remittance and who its names point at."""
        remittance = parse_remittance(line.reference)
        if is_card_processor(line.payer_name or line.reference):
            # A processor's payout: its name says nothing of the customer; its fee came off.
            remittance = replace(remittance, card=True)
            return remittance, self._payers.resolve("", remittance.names)
        return remittance, self._payers.resolve(line.payer_name, remittance.names)

    def _match_read(
        self, line: BankLine, as_of: date, remittance: Remittance, payer: PayerResolution
    ) -> CashMatch:
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
            unexplained = [u for u in unexplained if not self._cut_off(u, line.reference, proposal)]
            if unexplained:
                proposal.blockers.append(
                    f"{', '.join(unexplained)} in the reference is not an open invoice"
                )
        if proposal.deduction is not None:
            said = reason_words(remittance, proposal.deduction[1])
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

    @staticmethod
    def _cut_off(written: str, reference: str, proposal: Proposal) -> bool:
        """The reference's last word is the start of an applied invoice's number: the bank cut
        the reference there (Faster Payments keeps 18 characters, an ACH addenda 80)."""
        if not reference.rstrip().endswith(written.strip()):
            return False
        key = invoice_number_key(written)
        if len(key) < 3 or not key.isdigit():
            return False
        for invoice, _ in proposal.applications:
            digits = "".join(ch for ch in invoice.invoice_number if ch.isdigit())
            starts = digits.lstrip("0").startswith(key) or digits.startswith(written.strip())
            if starts and digits.lstrip("0") != key:
                proposal.evidence.append(
                    f"{written} at the end of the reference is {invoice.invoice_number} cut off"
                )
                return True
        return False

    def _decide(
        self, line: BankLine, remittance: Remittance, payer: PayerResolution, hits: list[Hit]
    ) -> tuple[Proposal, float, str]:
        name_roots = self._payer_roots(payer)
        hit_roots: dict[str, list[Hit]] = defaultdict(list)
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
                named = payer.status == "match" and candidate is top
                proposal = self._with_refs(line, remittance, root, hit_roots[root], named=named)
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
            strongest = max(PIN[h.how] for h in hit_roots[root])
            factor = 0.95 if strongest >= 0.97 else 0.92
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
                        factor = corroborated(self._name_factor(candidate))
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
                if not self._settles(proposal, line):
                    proposal.blockers.append("payer name fits others; the amount settles nothing")
            elif remittance.card and len(scored) == 1:
                # The processor's name was never the customer's: the references decide alone.
                who = (
                    f"paid through a card processor ({' '.join(line.payer_name.split()[:3])}); "
                    "customer from the invoices referenced"
                )
                factor = 0.99 if strongest >= 0.97 else factor
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
                factor = corroborated(factor)
            return proposal, factor, self._who(top, payer, confirmed=False)

        if payer.status == "ambiguous" and len(name_roots) == 1:
            # The names that tie are one group (a parent and its subsidiary): its invoices.
            root, candidate = next(iter(name_roots.items()))
            proposal = self._by_amount_in(line, remittance, root)
            factor = self._name_factor(candidate)
            if proposal.applications and not proposal.blockers:
                factor = corroborated(factor)
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
            # A look-alike's reading that is only a lead (a set short by a fee) does not compete
            # with an exact fit at the other; one whose open items make up the payment exactly
            # does, even when its own reading is blocked (equal invoices that tie, say).
            placed = [
                s for s in scored if s[2].applications and (not s[2].blockers or _exact(s[2], line))
            ]
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
                    0, f"only {owner} has open items that fit {show_money(line.amount)}"
                )
                factor = corroborated(self._name_factor(candidate))
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
        same = self._items.amount(line.currency, line.amount)
        proposal = Proposal(family="")
        if len(same) == 1:
            invoice = same[0]
            typo = self._one_typo_from(invoice, self._written_keys(remittance))
            if typo is not None:
                # A keyed number one slip from an open invoice whose balance is the payment to
                # the cent: the number and the amount, each on its own, point at it.
                proposal = Proposal(
                    family=self._root[invoice.customer_id],
                    applications=[(invoice, line.amount)],
                    pin=0.95,
                    evidence=[f"amount equals open invoice {invoice.invoice_number}"],
                )
                return proposal, 0.97, "payer not recognised; customer from the invoice referenced"
            proposal = Proposal(
                family=self._root[invoice.customer_id],
                applications=[(invoice, line.amount)],
                pin=0.5,
                evidence=[f"amount equals open invoice {invoice.invoice_number}, nothing else"],
                blockers=["payer not recognised and no reference"],
            )
            return proposal, 0.5, "payer not recognised"
        return proposal, 0.0, "payer not recognised"


def _exact(proposal: Proposal, line: BankLine) -> bool:
    """The reading applies the whole payment to open items with nothing deducted or left over."""
    return (
        proposal.deduction is None
        and proposal.unapplied == 0
        and sum((amount for _, amount in proposal.applications), Decimal(0)) == line.amount
    )
