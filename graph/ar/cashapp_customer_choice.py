"""Whose payment a bank line is, and the reading of it that goes with that customer: the payer
name and the invoice references weighed against each other (both point at one payer group; the
references alone; a name against another customer's references; a name alone; names that tie,
one group or several; nothing but an invoice of exactly the amount)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from graph.ar.cashapp_model import (
    PIN,
    SETTLING_NAME,
    STRONG_NAME,
    Hit,
    Proposal,
    corroborated,
    show_money,
)
from graph.ar.cashapp_payers import PayerCandidate, PayerResolution
from graph.ar.cashapp_refs import Remittance
from graph.ar.cashapp_verdict import Verdict
from graph.ar.names import MATCH_MIN
from integrations.erp.records import BankLine


class CustomerChoice(Verdict):
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
