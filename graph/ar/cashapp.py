"""Cash application: which customer a bank credit is from and which open invoices it pays.

``CashMatcher(customers, open_invoices).match(line, as_of)`` returns a ``CashMatch``: a decision
(``auto`` | ``review`` | ``unmatched``), the customer, the applications (invoice, amount), a
deduction (amount, reason code) for a short-pay, the unapplied rest, a confidence and an
explanation that gives the evidence first. docs/cash-application.md says it for AR people.

How a line is decided (one module each):

1. **Who paid** (``cashapp_payers``, the name index in ``cashapp_payer_names``, what banks write
   around a name in ``cashapp_payer_text``): aliases, then names beginning with the payer's
   words, then rarity-ranked words scored with ``graph.ar.name_scoring``; customers grouped
   into payer groups.
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

Where the payer's name and the invoice references point at different customers, or at none,
``cashapp_customer_choice`` weighs them and picks the payer group whose reading is proposed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date

from graph.ar.cashapp_customer_choice import CustomerChoice
from graph.ar.cashapp_index import MatchCustomer
from graph.ar.cashapp_model import (
    CashAlternative,
    CashMatch,
    CashPolicy,
    Claims,
    Proposal,
    no_gc,
    reason_words,
)
from graph.ar.cashapp_payer_text import is_card_processor
from graph.ar.cashapp_payers import (
    PayerMatcher,
    PayerResolution,
)
from graph.ar.cashapp_refs import Remittance, parse_remittance
from graph.ar.names import MATCH_MIN
from integrations.erp.records import (
    BankLine,
    Customer,
    Invoice,
    invoice_number_key,
)

__all__ = ["CashAlternative", "CashMatch", "CashMatcher", "CashPolicy"]

BATCH_LINES = 128  # lines whose look-ups are read together (and let go together)


class CashMatcher(CustomerChoice):
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
