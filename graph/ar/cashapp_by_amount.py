"""No invoice named: which open invoices of a payer group the amount alone points at (one
invoice, a discount within terms or taken late, one set that adds up and how likely that is by
chance, a set short by a wire fee). What the remittance states without naming an invoice is
``cashapp_stated_amounts``; equal invoices and the oldest-first habit,
``cashapp_equal_invoices``."""

from __future__ import annotations

from graph.ar.cashapp_amounts import coincidence, fitting_subsets, to_minor
from graph.ar.cashapp_equal_invoices import EqualInvoices
from graph.ar.cashapp_model import (
    ZERO,
    CashAlternative,
    Proposal,
    no_reference_note,
    reason_code,
    show_money,
    show_numbers,
)
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_shorts import speaks_of_short
from integrations.erp.money import minor_units
from integrations.erp.records import (
    BankLine,
    Invoice,
)


class AmountSearch(EqualInvoices):
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
            no_reference_note(proposal, remittance)
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
            no_reference_note(proposal, remittance)
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
                no_reference_note(proposal, remittance)
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
                no_reference_note(proposal, remittance)
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
            no_reference_note(proposal, remittance)
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
