"""Cash application replayed on the books: every payment people applied becomes a bank line
again, and the real matcher (``graph.ar.cashapp.CashMatcher``) and the clerk's rule
(``graph.ar.clerk``) decide it against the open invoices as they stood the day before.

A payment is a bank line with the words it came with: the payer's name as the bank wrote it when
arbot read that bank line (``Books.bank_payers``: its cash application's files), else the
customer's name in the ERP (the ERP keeps who paid, not how the bank spelled it — so such names
are easier than in a real bank file; each row says which it had), its amount and currency,
and the memo or remittance text the ERP kept; the open invoices are those issued by that day,
with their balances at the end of the day before. The payments of one day are matched
together, like one day's bank file, by a matcher that knows the customers' habits from the
year of payments before that day.

What people did is the answer: the customer, the invoices and amounts applied, and what was
left unapplied. A proposal is **right** when all three agree (a deduction or discount it
names is judged by the deductions backtest, not here). Each payment falls in one scenario,
from what people did: ``overpayment`` (cash left on account), ``discount`` (an early-payment
discount credited the same day), ``short-pay`` (an invoice left partly open), ``several
invoices``, ``one invoice``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.clerk import clerk_rule
from graph.ar.payers import pays_oldest_first, pays_out_of_order
from graph.backtest.history import Books
from integrations.erp.records import BankLine, Payment

ZERO = Decimal("0.00")
HABIT_DAYS = 365  # as graph.cash_application: the history that tells who pays oldest first
SCENARIOS = ("one invoice", "several invoices", "short-pay", "discount", "overpayment")
PRECISION_GOAL = 0.998

Row = dict[str, Any]  # one replayed payment, JSON-ready (the checkpoint keeps these)


@dataclass(frozen=True)
class Truth:
    customer_id: str
    applications: frozenset[tuple[str, Decimal]]
    unapplied: Decimal


def truth_of(payment: Payment) -> Truth:
    applied: dict[str, Decimal] = defaultdict(Decimal)
    for application in payment.applications:
        applied[application.invoice_number] += application.amount
    return Truth(payment.customer_id, frozenset(applied.items()), payment.unapplied)


def is_right(result: CashMatch, truth: Truth) -> bool:
    """The proposal puts the money where people put it: customer, invoices and amounts, and
    the unapplied rest."""
    return (
        result.customer_id == truth.customer_id
        and frozenset(result.applications) == truth.applications
        and result.unapplied == truth.unapplied
    )


def scenario_of(payment: Payment, books: Books) -> str:
    before = payment.received_on - timedelta(days=1)
    numbers = {a.invoice_number for a in payment.applications}
    if payment.unapplied > 0:
        return "overpayment"
    if any(
        a.invoice_number in numbers
        and a.reason_code == "discount"
        and a.adjusted_on == payment.received_on
        for a in books.adjustments
    ):
        return "discount"
    by_number = books.by_number
    applied = truth_of(payment).applications
    for number, amount in applied:
        invoice = by_number.get(number)
        if invoice is not None and amount < books.balance_at(invoice, before):
            return "short-pay"
    return "several invoices" if len(applied) > 1 else "one invoice"


def replayable(books: Books, since: date, until: date) -> list[Payment]:
    """The payments received in (since, until] that people applied, oldest first."""
    known = {c.customer_id for c in books.customers}
    return [
        p
        for p in books.payments
        if since < p.received_on <= until and p.applications and p.customer_id in known
    ]


def replay_day(books: Books, day: date, payments: Sequence[Payment]) -> list[Row]:
    """Match one day's applied payments as that day's bank lines; one row each."""
    before = day - timedelta(days=1)
    names = {c.customer_id: c.name for c in books.customers}
    lines = [
        BankLine(
            p.payment_id,
            p.received_on,
            p.amount,
            p.currency,
            books.bank_payers.get(p.payment_id) or names[p.customer_id],
            p.reference,
        )
        for p in payments
    ]
    open_then = books.open_at(before, issued_by=day)
    history = [
        p for p in books.payments if before - timedelta(days=HABIT_DAYS) <= p.received_on <= before
    ]
    matcher = CashMatcher(
        books.customers,
        open_then,
        oldest_first=pays_oldest_first(history, books.by_number),
        out_of_order=pays_out_of_order(history, books.by_number),
    )
    arbot = matcher.match_all(lines, day)
    clerk = clerk_rule(lines, open_then)
    rows = []
    for payment, mine, theirs in zip(payments, arbot, clerk, strict=True):
        truth = truth_of(payment)
        rows.append(
            {
                "payment_id": payment.payment_id,
                "day": day.isoformat(),
                "currency": payment.currency,
                "amount": str(payment.amount),
                "scenario": scenario_of(payment, books),
                "decision": mine.decision,
                "confidence": round(mine.confidence, 4),
                "proposed": bool(mine.applications),
                "right": is_right(mine, truth),
                "clerk_auto": theirs.decision == "auto",
                "clerk_right": is_right(theirs, truth),
                "got": describe(mine.customer_id, mine.applications, mine.unapplied),
                "want": describe(truth.customer_id, sorted(truth.applications), truth.unapplied),
                "explanation": mine.explanation,
                "reference": payment.reference,
                "payer": "bank" if books.bank_payers.get(payment.payment_id) else "erp",
            }
        )
    return rows


def replay(
    books: Books,
    payments: Sequence[Payment],
    *,
    done: Mapping[str, Row] | None = None,
    progress: Callable[[int, int], None] | None = None,
    saved: Callable[[list[Row]], None] | None = None,
) -> list[Row]:
    """Every payment's row, day by day. Days whose rows are all in ``done`` (a checkpoint) are
    not matched again; ``saved(rows so far)`` is called after each day matched."""
    done = dict(done or {})
    by_day: dict[date, list[Payment]] = defaultdict(list)
    for payment in payments:
        by_day[payment.received_on].append(payment)
    rows: list[Row] = []
    total, finished = len(payments), 0
    for day in sorted(by_day):
        todays = by_day[day]
        if all(p.payment_id in done for p in todays):
            rows += [done[p.payment_id] for p in todays]
        else:
            rows += replay_day(books, day, todays)
            if saved is not None:
                saved(rows)
        finished += len(todays)
        if progress is not None:
            progress(finished, total)
    return rows


# --- the figures -----------------------------------------------------------------------------


@dataclass
class Tally:
    lines: int = 0
    auto: int = 0
    auto_right: int = 0
    right: int = 0
    clerk_auto: int = 0
    clerk_right: int = 0

    def add(self, row: Row) -> None:
        self.lines += 1
        auto = row["decision"] == "auto"
        self.auto += auto
        self.auto_right += auto and row["right"]
        self.right += row["right"]
        self.clerk_auto += row["clerk_auto"]
        self.clerk_right += row["clerk_right"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "payments": self.lines,
            "arbot": {
                "auto_rate": _share(self.auto, self.lines),
                "precision": _share(self.auto_right, self.auto),
                "right_top": _share(self.right, self.lines),
                "auto": self.auto,
                "auto_wrong": self.auto - self.auto_right,
            },
            "clerk": {
                "auto_rate": _share(self.clerk_auto, self.lines),
                "precision": _share(self.clerk_right, self.clerk_auto),
                "right_top": _share(self.clerk_right, self.lines),
                "auto": self.clerk_auto,
                "auto_wrong": self.clerk_auto - self.clerk_right,
            },
        }


def figures(rows: Iterable[Row], *, examples: int = 5) -> dict[str, Any]:
    """Auto rate, precision and right-as-top-proposal for arbot and the clerk, overall and by
    scenario; the confidence at which applying alone would have kept precision ≥ 99.8%; the
    payments arbot would have applied wrongly."""
    rows = list(rows)
    overall = Tally()
    by_scenario = {name: Tally() for name in SCENARIOS}
    for row in rows:
        overall.add(row)
        by_scenario[row["scenario"]].add(row)
    wrong = [r for r in rows if r["decision"] == "auto" and not r["right"]]
    missed = [r for r in rows if r["decision"] != "auto" and r["proposed"] and not r["right"]]
    return {
        **overall.as_dict(),
        "by_scenario": {
            name: tally.as_dict() for name, tally in by_scenario.items() if tally.lines
        },
        "threshold": safe_threshold([(r["confidence"], r["right"]) for r in rows if r["proposed"]]),
        "auto_amount": safe_amount(
            [(Decimal(r["amount"]), r["right"]) for r in rows if r["decision"] == "auto"]
        ),
        "payer_names": {
            "bank": sum(r.get("payer") == "bank" for r in rows),
            "erp": sum(r.get("payer") != "bank" for r in rows),
        },
        "wrong_auto": [_example(r) for r in wrong[:examples]],
        "wrong_proposals": [_example(r) for r in missed[:examples]],
    }


def safe_threshold(
    scored: Sequence[tuple[float, bool]], goal: float = PRECISION_GOAL
) -> dict[str, Any] | None:
    """The lowest confidence at which applying every proposal at or above it alone would have
    kept precision ≥ ``goal``, and the share of proposals it would have applied. None when no
    confidence reaches the goal."""
    if not scored:
        return None
    ordered = sorted(scored, key=lambda s: -s[0])
    best = None
    taken = right = 0
    index = 0
    while index < len(ordered):
        level = ordered[index][0]
        while index < len(ordered) and ordered[index][0] == level:
            taken += 1
            right += ordered[index][1]
            index += 1
        if right / taken >= goal:
            best = {
                "confidence": level,
                "precision": _share(right, taken),
                "applied": taken,
                "applied_share": _share(taken, len(ordered)),
            }
    return best


def safe_amount(scored: Sequence[tuple[Decimal, bool]], goal: float = PRECISION_GOAL) -> str | None:
    """The largest amount at or under which what was applied alone stayed right ≥ ``goal`` of
    the time (a suggestion for the policy's ``[auto] apply_payment``); None when none did."""
    ordered = sorted(scored, key=lambda s: s[0])
    best = None
    right = 0
    for taken, (amount, ok) in enumerate(ordered, start=1):
        right += ok
        last_of_amount = taken == len(ordered) or ordered[taken][0] != amount
        if last_of_amount and right / taken >= goal:
            best = str(amount)
    return best


def describe(
    customer_id: str | None, applications: Iterable[tuple[str, Decimal]], unapplied: Decimal
) -> str:
    if customer_id is None:
        return "nothing (suspense)"
    parts = [f"{number} {amount}" for number, amount in applications]
    text = f"{customer_id}: " + (", ".join(parts) if parts else "no invoice")
    return text + (f"; {unapplied} on account" if unapplied else "")


def _example(row: Row) -> dict[str, Any]:
    keys = ("payment_id", "day", "currency", "amount", "scenario", "confidence", "reference")
    return {k: row[k] for k in keys} | {
        "arbot": row["got"],
        "people": row["want"],
        "why": row["explanation"],
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
