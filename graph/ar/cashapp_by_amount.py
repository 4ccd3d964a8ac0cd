"""No invoice named: which open invoices of a payer group the amount alone points at (one
invoice, equal invoices and the oldest-first habit, a discount within terms, a stated
short-pay, one set that adds up and how likely that is by chance)."""

from __future__ import annotations

from decimal import Decimal

from graph.ar.cashapp_allocate import Allocation
from graph.ar.cashapp_amounts import coincidence, fitting_subsets, to_minor
from graph.ar.cashapp_channel_text import names_an_invoice
from graph.ar.cashapp_memo_dates import named_dates, named_months
from graph.ar.cashapp_model import (
    ZERO,
    CashAlternative,
    Proposal,
    reason_code,
    show_money,
    show_numbers,
)
from graph.ar.cashapp_reasons import (
    SAYS_SHORT,
    reason_with_words,
)
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_shorts import charged, speaks_of_short, stated_sums
from integrations.erp.money import minor_units
from integrations.erp.records import (
    BankLine,
    Invoice,
)


class AmountSearch(Allocation):
    _oldest_first: frozenset[str]  # customers whose own history pays the oldest first
    _out_of_order: frozenset[str] | None  # ...whose history does not (None: history not read)

    # -- amounts without references ----------------------------------------------------------

    def _by_amount_in(
        self, line: BankLine, remittance: Remittance, root: str, *, known: bool = False
    ) -> Proposal:
        """``known``: the payer name alone names this customer (not a tie, not a guess)."""
        amount = line.amount
        invoices = self._family_invoices(root, line.currency)
        proposal = Proposal(family=root)
        if not invoices:
            proposal.blockers.append(f"no open {line.currency} invoices")
            return proposal
        same = [i for i in invoices if i.balance == amount]
        if remittance.partial and not speaks_of_short(remittance):
            # Said to be part of an invoice: an invoice or set it happens to equal is not what
            # it pays (a round installment equals many a round list price).
            self._partial_unnamed(line, remittance, proposal, invoices, known=known)
            if same:
                proposal.blockers.append(
                    f"said to be a partial payment, yet it equals {same[0].invoice_number}"
                )
            return proposal
        if len(same) == 1:
            proposal.applications = [(same[0], amount)]
            proposal.pin = 0.95
            proposal.evidence.append(f"amount equals open invoice {same[0].invoice_number}")
            self._no_reference_note(proposal, remittance)
            return proposal
        if len(same) > 1:
            return self._identical(line, remittance, proposal, same, known=known)
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
        late = [
            i
            for i in invoices
            if self._customers[i.customer_id].discount_percent
            and i.balance == i.amount
            and i.balance - self._discount(i) == amount
        ]
        if len(late) == 1:
            # The customer's discount, taken after its days: a deduction to chase, for a person.
            invoice = late[0]
            proposal.applications = [(invoice, amount)]
            proposal.deduction = (invoice.balance - amount, "discount")
            proposal.pin, proposal.fit = 0.9, 0.8
            proposal.evidence.append(
                f"amount equals {invoice.invoice_number} less its discount, taken after the "
                "discount period"
            )
            proposal.blockers.append("discount taken after the discount period (unearned)")
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
                    f"amount equals {show_numbers(chosen)} less the discount, within terms"
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
            code = reason_code(remittance.memo)
            self._short(proposal, chosen, amount, short, code if code != "unknown" else "bank_fee")
            proposal.pin, proposal.fit = 0.8, 0.9
            # One invoice a fee short of the amount, on a wire that says charges came off, and
            # few enough open invoices that such a fit is unlikely by chance: the fee explains.
            window = to_minor(fee, places)
            chance = coincidence(values, target, max_size=1) * window
            if (
                known
                and remittance.says_charges
                and code in ("unknown", "bank_fee")
                and len(chosen) == 1
                and chance <= 0.05
            ):
                proposal.pin, proposal.fit = 0.95, 0.98
                proposal.evidence.append(
                    f"amount is {show_money(short)} short of {show_numbers(chosen)}, the only "
                    "open invoice that close, and the wire says charges were taken"
                )
                self._no_reference_note(proposal, remittance)
                return proposal
            proposal.evidence.append(
                f"amount is {show_money(short)} short of {show_numbers(chosen)} (a bank fee?)"
            )
            proposal.blockers.append("no reference, and the amount is not exact")
            return proposal
        proposal.evidence.append(
            f"no open invoice or set of up to {self.policy.max_invoices} adds up to "
            f"{show_money(amount)}"
        )
        proposal.blockers.append("nothing to apply to: leave on account")
        return proposal

    def _partial_unnamed(
        self,
        line: BankLine,
        remittance: Remittance,
        proposal: Proposal,
        invoices: list[Invoice],
        *,
        known: bool,
    ) -> Proposal:
        """ "PARTIAL PAYMENT" and no invoice named: the customer's one open invoice takes it (the
        rest stays open on it); with several open, the oldest it is less than is proposed. Any
        amount below a balance "fits" a partial payment, so it never settles who paid: the
        payer's name must have (``known``)."""
        larger = [i for i in invoices if i.balance > line.amount]
        if not larger:
            proposal.evidence.append("a partial payment, but no open invoice is larger")
            proposal.blockers.append("nothing to apply to: leave on account")
            return proposal
        chosen = larger[0]
        proposal.applications = [(chosen, line.amount)]
        rest = show_money(chosen.balance - line.amount)
        if len(invoices) == 1:
            proposal.pin = 0.95
            if not known:
                proposal.blockers.append("payer not settled by name")
            proposal.evidence.append(
                f"partial payment as stated of {chosen.invoice_number}, the only open invoice; "
                f"{rest} stays open"
            )
            self._no_reference_note(proposal, remittance)
            return proposal
        proposal.pin = 0.6
        proposal.evidence.append(f"partial payment as stated; {chosen.invoice_number} proposed")
        proposal.blockers.append(
            f"a partial payment naming no invoice, and {len(invoices)} are open"
        )
        for other in larger[1:3]:
            proposal.alternatives.append(
                CashAlternative(
                    other.customer_id,
                    ((other.invoice_number, line.amount),),
                    0.3,
                    f"partial payment of {other.invoice_number}",
                )
            )
        return proposal

    @staticmethod
    def _no_reference_note(proposal: Proposal, remittance: Remittance) -> None:
        if remittance.tokens or remittance.edi:
            proposal.evidence.append("the reference names no open invoice")

    def _stated_short(
        self, line: BankLine, remittance: Remittance, proposal: Proposal, invoices: list[Invoice]
    ) -> Proposal | None:
        """ "PAYMENT 6000.86 SHORT 159.87 DAMAGED" and no invoice named: the payment and the
        stated short-pay (or a stated gross) together equal one set of open invoices."""
        amount = line.amount
        if not remittance.amounts:
            return None
        says = (
            SAYS_SHORT.search(remittance.memo)
            or remittance.says_charges
            or reason_with_words(remittance.memo)[0] != "unknown"
        )
        if not says:
            return None
        places = minor_units(line.currency)
        values = [to_minor(i.balance, places) for i in invoices]
        size = 3 if len(invoices) <= 30 else 2
        found: dict[frozenset[str], tuple[list[Invoice], Decimal, float]] = {}
        sums = stated_sums(remittance, amount) if len(remittance.amounts) <= 6 else frozenset()
        for stated in set(remittance.amounts) | sums:
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
        if charged(remittance, short) or (gross == remittance.ordered and remittance.says_charges):
            code, words = "bank_fee", "/CHGS/" if charged(remittance, short) else words
        self._short(proposal, chosen, amount, short, code)
        proposal.pin = 0.97 * max(0.0, 1 - 10 * chance)
        proposal.fit = 0.98 if code != "unknown" else 0.8
        said = f" ({words})" if words else ""
        proposal.evidence.append(
            f"amount plus the stated short-pay of {show_money(short)}{said} equals "
            f"{show_numbers(chosen)}"
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
                        f"{show_numbers(other)} also fit",
                    )
                )
        elif proposal.pin < 0.9:
            proposal.blockers.append("with this many open invoices the fit may be chance")
        return proposal

    def _identical(
        self,
        line: BankLine,
        remittance: Remittance,
        proposal: Proposal,
        same: list[Invoice],
        *,
        known: bool = False,
    ) -> Proposal:
        dates = named_dates(remittance.memo)
        months = named_months(remittance.memo)
        owners = {i.customer_id for i in same}
        # The customer's own history pays the oldest first; or its history was read and says
        # nothing against it, and the oldest first is the convention.
        own_habit = owners <= self._oldest_first
        # The convention decides only when the remittance writes nothing that might name one
        # of them: a number it wrote that could not be read may be the newer one's.
        convention = (
            self._out_of_order is not None
            and not owners & self._out_of_order
            and not names_an_invoice(remittance)
        )
        habit = known and len(owners) == 1 and (own_habit or convention)
        if dates or months:
            # A date the remittance names is one invoice's date: that settles it. A month
            # ("OCT 2026") may be the month billed or the month served: it chooses what is
            # proposed, and goes through alone only where the customer's habit agrees.
            # A date next to an invoice is its date ("Rechnung vom 12.10.2026"); a due date
            # only when no invoice is of that date.
            fits = [i for i in same if i.invoice_date in dates] or [
                i for i in same if i.due_date in dates
            ]
            said = ", ".join(str(d) for d in sorted(dates))
            by_date = len(fits) == 1
            if not by_date and months:
                fits = [i for i in same if (i.invoice_date.year, i.invoice_date.month) in months]
                said = ", ".join(f"{year}-{month:02d}" for year, month in sorted(months))
            if len(fits) == 1:
                chosen = fits[0]
                proposal.applications = [(chosen, line.amount)]
                proposal.pin = 0.95
                proposal.evidence.append(
                    f"{len(same)} open invoices of {show_money(line.amount)}; the remittance "
                    f"names {said}: {chosen.invoice_number}"
                )
                if not known:
                    proposal.blockers.append("payer not settled by name")
                elif not by_date and not (habit and chosen is same[0]):
                    proposal.pin = 0.6
                    proposal.blockers.append(
                        f"{said} may be the month billed or the month served; no payment "
                        "history says which invoice this customer means"
                    )
                for invoice in same:
                    if invoice is not chosen:
                        proposal.alternatives.append(
                            CashAlternative(
                                invoice.customer_id,
                                ((invoice.invoice_number, line.amount),),
                                0.3,
                                f"same amount, issued {invoice.invoice_date}",
                            )
                        )
                return proposal
            proposal.blockers.append(
                f"the remittance names {said}, which does not single out one of the "
                f"{len(same)} invoices of {show_money(line.amount)}"
            )
        oldest, rest = same[0], same[1:]
        proposal.applications = [(oldest, line.amount)]
        due_alone = oldest.due_date <= line.received_on and all(
            i.due_date > line.received_on for i in rest
        )
        proposal.evidence.append(
            f"{len(same)} open invoices of {show_money(line.amount)}; "
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
        habit = habit and not proposal.blockers
        if habit:
            proposal.pin = 0.95
            owner = self._customers[oldest.customer_id].name
            proposal.evidence.append(
                f"{owner}'s payment history pays the oldest first"
                if own_habit
                else f"oldest first, the convention: no payment history of {owner} says otherwise"
            )
        else:
            # Being the only one due makes the oldest likely, not certain: without the
            # customer's own habit a person picks.
            proposal.pin = 0.6
            if due_alone:
                proposal.evidence.append("and the only one due")
            proposal.blockers.append(
                f"{len(same)} invoices of the same amount and no payment history that says "
                "this customer pays the oldest first"
            )
        return proposal

    def _subsets(
        self,
        proposal: Proposal,
        remittance: Remittance,
        sets: list[list[Invoice]],
        chance: float,
    ) -> Proposal:
        chosen = sets[0]
        proposal.applications = [(i, i.balance) for i in chosen]
        proposal.evidence.append(f"amount equals {show_numbers(chosen)} together")
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
                    f"{show_numbers(other)} also add up",
                )
            )
        return proposal
