"""One decision path below the surfaces: a click (a ``Turn`` carrying a ``Click``) in, a decided
``Reply`` out.

Slack buttons and modals, Teams Action.Execute/Submit, the terminal's "approve 3" and
``arbot approvals approve`` all translate their payload into a ``Click`` and call ``decide``;
they never parse amounts or call the approval service themselves. The reply's ``data["decision"]``
says whether it went through and the card for everyone (``proposals[0]``) once it is decided.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from graph.approvals import ApprovalService, Decision
from graph.messages import Click, Reply, Section, Table, Turn
from graph.policy import Identity
from graph.proposals import proposal_of

VERBS = ("approve", "reject", "edit", "retry")
MAX_AMOUNT_TEXT = 32
MAX_REASON = 1000
MAX_BATCH = 50
_AMOUNT_NOISE = re.compile(r"[\s$€£,]|USD|EUR|GBP|CAD", re.IGNORECASE)
_APPROVAL_ID = re.compile(r"^[A-Z0-9-]{1,40}$")


class AmountError(ValueError):
    """An edited amount that cannot be approved as typed."""


def parse_amount(text: str | None) -> Decimal:
    """The amount a person typed in an edit box: "1,250.00", "$120", "120.5". Cents at most;
    no NaN, infinity, exponent, zero or negative; nothing absurdly long."""
    raw = (text or "").strip()
    if not raw:
        raise AmountError("Give an amount, e.g. 120.00.")
    if len(raw) > MAX_AMOUNT_TEXT:
        raise AmountError("That amount is too long to be one.")
    cleaned = _AMOUNT_NOISE.sub("", raw)
    if not re.fullmatch(r"\d{1,12}(\.\d{1,2})?", cleaned):
        if re.fullmatch(r"\d+\.\d{3,}", cleaned):
            raise AmountError(f"{raw!r} has more than two decimals; give cents at most.")
        raise AmountError(f"{raw!r} is not an amount; write it like 1250.00.")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        raise AmountError(f"{raw!r} is not an amount.") from None
    if amount <= 0:
        raise AmountError("The amount must be more than zero.")
    return amount


def identity_of(turn: Turn) -> Identity:
    return Identity(turn.surface, turn.user_id, turn.email)


def _decision(approvals: ApprovalService, click: Click, who: Identity) -> Decision:
    approval_id = click.approval_id.strip().upper()
    if not _APPROVAL_ID.match(approval_id):
        return Decision(False, "That is not an approval id.")
    if click.verb == "approve":
        return approvals.approve(approval_id, who)
    if click.verb == "edit":
        try:
            amount = parse_amount(click.amount_text)
        except AmountError as error:
            return Decision(False, str(error))
        return approvals.approve(approval_id, who, amount=amount)
    if click.verb == "reject":
        reason = click.reason.strip()
        if not reason:
            return Decision(False, "Say why it is rejected (a reason is required).")
        if len(reason) > MAX_REASON:
            return Decision(False, f"Keep the reason under {MAX_REASON} characters.")
        return approvals.reject(approval_id, who, reason)
    if click.verb == "retry":
        return approvals.retry(approval_id, who)
    return Decision(False, f"Unknown decision {click.verb[:20]!r}.")


@dataclass(frozen=True)
class Decided:
    """What a surface needs: the reply (message for the clicker) and whether it went through."""

    ok: bool
    reply: Reply

    @property
    def settled(self) -> bool:
        """The approval left ``pending``: its card can be replaced for everyone."""
        cards = self.reply.proposals
        return bool(cards) and cards[0].status != "pending"


def decide(approvals: ApprovalService, turn: Turn) -> Decided:
    """Carry out one click and say what happened."""
    assert turn.click is not None
    decision = _decision(approvals, turn.click, identity_of(turn))
    reply = Reply(headline=decision.message, intent="decision")
    if decision.approval is not None:
        reply.proposals.append(proposal_of(decision.approval, approvals.policy))
    reply.data["decision"] = {
        "ok": decision.ok,
        "approval_id": turn.click.approval_id,
        "verb": turn.click.verb,
        "status": decision.approval.status if decision.approval else None,
    }
    return Decided(decision.ok, reply)


def decide_all(approvals: ApprovalService, turn: Turn, approval_ids: Sequence[str]) -> Decided:
    """ "Approve all shown": each approval is approved on its own — the policy, the person's
    limits and separation of duties, and the exactly-once claim apply to each — and the reply
    says per approval: done, refused (why) or failed."""
    who = identity_of(turn)
    ids = list(dict.fromkeys(i.strip().upper() for i in approval_ids if i.strip()))[:MAX_BATCH]
    rows = []
    cards = []
    done = 0
    for approval_id in ids:
        decision = _decision(approvals, Click(approval_id, "approve"), who)
        status = decision.approval.status if decision.approval else "missing"
        done += status == "done" and decision.ok
        rows.append((approval_id, status if decision.ok else "not approved", decision.message))
        if decision.approval is not None:
            cards.append(proposal_of(decision.approval, approvals.policy))
    headline = f"Approved {done} of {len(ids)}." if ids else "Nothing to approve."
    reply = Reply(
        headline=headline,
        sections=[Section(table=Table(("Approval", "Outcome", "Detail"), tuple(rows)))],
        intent="decision",
        proposals=cards,
    )
    reply.data["decision"] = {"ok": done > 0, "batch": True, "done": done, "asked": len(ids)}
    return Decided(done > 0, reply)
