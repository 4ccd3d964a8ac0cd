"""Who the evidence points at and the verdict: payer-name weights, rival names, alternatives,
and what an automatic application must satisfy before it goes through alone."""

from __future__ import annotations

from collections.abc import Mapping

from graph.ar.cashapp_by_amount import AmountSearch
from graph.ar.cashapp_model import (
    ZERO,
    CashAlternative,
    CashMatch,
    Hit,
    Proposal,
    show_money,
)
from graph.ar.cashapp_payers import PayerCandidate, PayerResolution
from graph.ar.cashapp_refs import Remittance, parse_remittance
from graph.ar.names import MATCH_MIN
from integrations.erp.records import (
    BankLine,
    may_pay_for,
)


class Verdict(AmountSearch):
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

    def _rival_fits(self, line: BankLine, payer: PayerResolution, proposal: Proposal) -> None:
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
    ) -> tuple[Proposal, PayerCandidate, str | None] | None:
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
        proposal: Proposal,
        hit_roots: Mapping[str, list[Hit]],
        root: str,
        line: BankLine,
        remittance: Remittance,
    ) -> None:
        for other, other_hits in hit_roots.items():
            if other == root:
                continue
            alt = self._with_refs(line, remittance, other, other_hits)
            proposal.alternatives.append(self._alternative(other, alt, self._score(alt) * 0.5))

    def _name_alternative(self, proposal: Proposal, line: BankLine, top: PayerCandidate) -> None:
        root = self._root[top.customer_id]
        alt = self._by_amount_in(line, parse_remittance(""), root)
        proposal.alternatives.append(self._alternative(root, alt, self._score(alt) * 0.5))

    def _alternative(self, root: str, proposal: Proposal, confidence: float) -> CashAlternative:
        return CashAlternative(
            self._customer_of(proposal, root),
            tuple((i.invoice_number, a) for i, a in proposal.applications),
            round(min(confidence, 0.99), 3),
            "; ".join(proposal.evidence + proposal.blockers),
        )

    @staticmethod
    def _settles(proposal: Proposal, line: BankLine) -> bool:
        """The payment settles the invoices applied to the cent: their balances, less a
        deduction, are the payment. A partial payment settles nothing (any amount below a
        balance "fits" one), so it never confirms whose invoices they are."""
        balances = sum((i.balance for i, _ in proposal.applications), ZERO)
        taken = proposal.deduction[0] if proposal.deduction is not None else ZERO
        applied = sum((a for _, a in proposal.applications), ZERO)
        return bool(proposal.applications) and balances - taken == applied == line.amount

    @staticmethod
    def _score(proposal: Proposal) -> float:
        if not proposal.applications:
            return 0.0
        return proposal.pin * proposal.fit * (0.8 if proposal.blockers else 1.0)

    def _customer_of(self, proposal: Proposal, fallback: str) -> str:
        owners = {i.customer_id for i, _ in proposal.applications}
        return owners.pop() if len(owners) == 1 else fallback

    # -- the result ---------------------------------------------------------------------------

    def _unexplained(
        self, line: BankLine, proposal: Proposal, customer_id: str | None
    ) -> list[str]:
        """What keeps a proposal from going through alone, whatever the confidence: every cent
        of the payment applied, no invoice over its balance, only the payer group's invoices,
        and a deduction only of a kind the rules explain."""
        problems = []
        applied = sum((a for _, a in proposal.applications), ZERO)
        if applied != line.amount:
            problems.append(
                f"{show_money(line.amount - applied)} would be left on account: "
                "nothing open explains it"
            )
        numbers = [i.invoice_number for i, _ in proposal.applications]
        if len(set(numbers)) != len(numbers):
            problems.append("an invoice applied twice")
        for invoice, amount in proposal.applications:
            if amount <= 0 or amount > self._open_balance(invoice.invoice_number):
                problems.append(
                    f"{show_money(amount)} is not within {invoice.invoice_number}'s balance"
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
        proposal: Proposal,
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
