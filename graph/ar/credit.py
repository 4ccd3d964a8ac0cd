"""Credit check for an order: APPROVE, REVIEW or DECLINE, each reason a sentence with numbers.

Exposure = open AR + the customer's other open orders (pending, approved, on hold) + this order,
all in the customer's currency (invoices and orders in another currency are left out, and a
reason says so). Every rule below that fires adds its reason; the decision is the most severe
any rule gives:

1. the customer is on credit hold                                → DECLINE
2. no credit limit is set                                        → REVIEW
3. exposure above 120 % of the credit limit                      → DECLINE
4. exposure above the credit limit                               → REVIEW
5. anything more than 90 days past due: more than 10 % of open AR → DECLINE, else REVIEW
6. anything 31-90 days past due                                  → REVIEW
7. pays more than 15 days beyond terms on average (amount-weighted) → REVIEW
8. external credit score below 550 → DECLINE; below 650         → REVIEW
9. D&B PAYDEX below 50 (pays 30+ days late) → DECLINE; below 70 → REVIEW
10. a habitual late payer: over at least 4 invoices, the payment-behaviour model
    (``graph.ar.behaviour``) gives a 50 % or higher chance that an invoice is paid more
    than 10 days late                                            → REVIEW

Rule 10 reads the customer's history invoice by invoice (how many were paid late, the trend
lately), where rule 7 averages days by amount: a customer paying most invoices 12 days late,
within its limit, is below rule 7's 15 days and still a habitual late payer. Its sentence (e.g.
"pays 13 days late on average, later lately (…); 8 of 9 invoices more than 10 days late") is a
reason whenever the history is long enough, among the good signs when it is no concern.

``score`` sums it up for a person or a program, 0 (worst) to 100: 100 minus up to 40 points for
credit use (exposure against the limit; 20 without a limit), 30 for the share of open AR more
than 30 days past due, 15 for days beyond terms (30 days or more: all 15) and 15 for a low
external score or PAYDEX (7.5 when none is given).

When no rule fires: APPROVE, with the reasons it is safe (exposure within the limit, pays on
time, nothing more than 30 days past due, the external score).

Where the numbers come from: open AR and past due from the ledger's open invoices; days to pay
from ``paying_habit`` over the customer's payments; the behaviour from ``stats_from_records``
over every invoice given (paid ones included) and the payments. ``context`` is a credit-check
request's payload (``{"customer_id", "order_amount", "order_id", "context": {"current_ar_balance",
"days_sales_outstanding", "last_payment_date", "external_credit_score"}}``, or just its inner
``context``): its external_credit_score is used when no ``external_score`` is given, and its
current_ar_balance only when the ledger has no open invoices for the customer (a reason says so).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from graph.ar.behaviour import LATE_DAYS as BEHAVIOUR_LATE_DAYS
from graph.ar.behaviour import Behaviour, learn, stats_from_records
from graph.ar.payers import PayingHabit, paying_habit
from graph.format import money, plural
from integrations.erp.money import quantize
from integrations.erp.records import Customer, Invoice, Payment, SalesOrder

ZERO = Decimal("0.00")
OPEN_ORDER_STATUSES = frozenset({"pending", "approved", "on_hold"})
DECLINE_ABOVE_LIMIT_SHARE = Decimal("1.2")
SEVERELY_LATE_DAYS = 90
SEVERELY_LATE_SHARE_TO_DECLINE = Decimal("0.10")
LATE_DAYS = 30
DAYS_BEYOND_TERMS_TO_REVIEW = Decimal(15)
SCORE_TO_DECLINE = 550
SCORE_TO_REVIEW = 650
PAYDEX_TO_DECLINE = 50
PAYDEX_TO_REVIEW = 70
HABIT_MIN_INVOICES = 4
HABITUAL_LATE_CHANCE = 0.5

_SEVERITY = {"APPROVE": 0, "REVIEW": 1, "DECLINE": 2}


@dataclass(frozen=True, slots=True)
class CreditDecision:
    decision: str  # APPROVE | REVIEW | DECLINE
    reasons: tuple[str, ...]
    customer_id: str
    order_id: str | None
    order_amount: Decimal
    currency: str
    open_ar: Decimal
    open_orders: Decimal
    exposure: Decimal
    credit_limit: Decimal | None
    available: Decimal | None  # limit − exposure; negative when over
    avg_days_to_pay: Decimal | None
    days_beyond_terms: Decimal | None
    past_due: Decimal
    oldest_days_past_due: int
    external_score: int | None
    past_due_invoices: tuple[str, ...] = ()  # oldest first
    open_order_ids: tuple[str, ...] = ()
    paydex: int | None = None
    score: int = 0  # 0 (worst) to 100, see the module's docstring
    chance_late: float | None = None  # of an invoice paid > 10 days late (None: too little history)


def check_credit(
    customer: Customer,
    order_amount: Decimal,
    *,
    order_id: str | None,
    open_invoices: Iterable[Invoice],
    other_open_orders: Iterable[SalesOrder],
    payments: Iterable[Payment],
    invoices_by_number: Mapping[str, Invoice],
    as_of: date,
    external_score: int | None = None,
    context: Mapping[str, Any] | None = None,
    paydex: int | None = None,
) -> CreditDecision:
    currency = customer.currency
    request = _inner_context(context)
    notes: list[str] = []
    findings: list[tuple[str, str]] = []  # (decision, reason)

    mine = [i for i in open_invoices if i.customer_id == customer.customer_id and i.balance > 0]
    invoices = [i for i in mine if i.currency == currency]
    if len(invoices) < len(mine):
        others = sorted({i.currency for i in mine} - {currency})
        notes.append(
            f"{len(mine) - len(invoices)} open invoices in {', '.join(others)} are not counted "
            f"against the {currency} limit"
        )
    open_ar = sum((i.balance for i in invoices), ZERO)
    context_ar = _amount(request.get("current_ar_balance"), currency)
    if not mine and context_ar is not None:
        open_ar = context_ar
        notes.append(
            f"open AR {money(open_ar, currency)} is the request's current_ar_balance: "
            "the ledger has no open invoices for this customer"
        )

    orders = [
        o
        for o in other_open_orders
        if o.customer_id == customer.customer_id
        and o.status in OPEN_ORDER_STATUSES
        and o.order_id != order_id
    ]
    counted_orders = [o for o in orders if o.currency == currency]
    if len(counted_orders) < len(orders):
        notes.append(
            f"{len(orders) - len(counted_orders)} open orders in another currency are not "
            f"counted against the {currency} limit"
        )
    open_orders = sum((o.amount for o in counted_orders), ZERO)
    exposure = open_ar + open_orders + order_amount
    limit = customer.credit_limit
    available = limit - exposure if limit is not None else None
    exposure_text = (
        f"exposure {money(exposure, currency)} (open AR {money(open_ar, currency)} + other open "
        f"orders {money(open_orders, currency)} + this order {money(order_amount, currency)})"
    )

    late = sorted(
        ((i.days_past_due(as_of), i) for i in invoices if i.days_past_due(as_of) > 0),
        key=lambda pair: (-pair[0], pair[1].invoice_number),
    )
    past_due = sum((i.balance for _, i in late), ZERO)
    oldest = late[0][0] if late else 0
    severely = [(d, i) for d, i in late if d > SEVERELY_LATE_DAYS]
    overdue = [(d, i) for d, i in late if LATE_DAYS < d <= SEVERELY_LATE_DAYS]

    payments_list = [p for p in payments if p.customer_id == customer.customer_id]
    habit = paying_habit(payments_list, invoices_by_number)
    behaviour = customer_behaviour(
        customer.customer_id, invoices_by_number.values(), payments_list, as_of
    )
    score = external_score if external_score is not None else _score(request)
    paydex = paydex if paydex is not None else _score(request, "paydex")

    # 1. credit hold
    if customer.on_hold:
        findings.append(("DECLINE", "on credit hold: no new orders ship until it is released"))
    # 2-4. limit
    if limit is None:
        findings.append(("REVIEW", f"no credit limit set; {exposure_text}"))
    elif exposure > limit:
        share = exposure / limit if limit > 0 else None
        share_text = f"{share:.0%} of" if share is not None else "above"
        if share is None or share > DECLINE_ABOVE_LIMIT_SHARE:
            findings.append(
                (
                    "DECLINE",
                    f"{exposure_text} is {share_text} the {money(limit, currency)} credit limit, "
                    "more than 120%",
                )
            )
        else:
            findings.append(
                (
                    "REVIEW",
                    f"{exposure_text} is {share_text} the {money(limit, currency)} credit limit, "
                    f"{money(exposure - limit, currency)} over",
                )
            )
    # 5. more than 90 days past due
    if severely:
        amount = sum((i.balance for _, i in severely), ZERO)
        share = amount / open_ar if open_ar > 0 else Decimal(1)
        days, first = severely[0]
        text = (
            f"{money(amount, currency)} is more than 90 days past due "
            f"(oldest {first.invoice_number}, {days} days): {share:.0%} of open AR"
        )
        if share > SEVERELY_LATE_SHARE_TO_DECLINE:
            findings.append(("DECLINE", f"{text}, more than 10%"))
        else:
            findings.append(("REVIEW", text))
    # 6. 31-90 days past due
    if overdue:
        amount = sum((i.balance for _, i in overdue), ZERO)
        days, first = overdue[0]
        findings.append(
            (
                "REVIEW",
                f"{money(amount, currency)} is 31-90 days past due "
                f"(oldest {first.invoice_number}, {days} days)",
            )
        )
    # 7. paying habit
    beyond = habit.days_beyond_terms
    if beyond is not None and beyond > DAYS_BEYOND_TERMS_TO_REVIEW:
        findings.append(
            (
                "REVIEW",
                f"pays {beyond} days beyond {customer.terms_label} on average "
                f"(amount-weighted, {plural(habit.applications, 'payment')} applied), more than 15",
            )
        )
    # 8. external score
    if score is not None and score < SCORE_TO_DECLINE:
        findings.append(("DECLINE", f"external credit score {score}, below {SCORE_TO_DECLINE}"))
    elif score is not None and score < SCORE_TO_REVIEW:
        findings.append(("REVIEW", f"external credit score {score}, below {SCORE_TO_REVIEW}"))

    # 9. PAYDEX
    if paydex is not None and paydex < PAYDEX_TO_DECLINE:
        findings.append(("DECLINE", f"D&B PAYDEX {paydex}, below {PAYDEX_TO_DECLINE}"))
    elif paydex is not None and paydex < PAYDEX_TO_REVIEW:
        findings.append(("REVIEW", f"D&B PAYDEX {paydex}, below {PAYDEX_TO_REVIEW}"))

    # 10. payment behaviour
    if behaviour is not None and behaviour.chance_late >= HABITUAL_LATE_CHANCE:
        findings.append(("REVIEW", _behaviour_reason(behaviour)))

    if findings:
        decision = max((d for d, _ in findings), key=_SEVERITY.__getitem__)
        reasons = [reason for _, reason in findings]
    else:
        decision = "APPROVE"
        reasons = _good_signs(customer, exposure_text, limit, exposure, habit, late, score)
        if behaviour is not None:
            reasons.insert(2, _behaviour_reason(behaviour))
        if paydex is not None:
            reasons.append(f"D&B PAYDEX {paydex}")
    late_share = (
        sum((i.balance for d, i in late if d > LATE_DAYS), ZERO) / open_ar if open_ar > 0 else ZERO
    )

    return CreditDecision(
        decision=decision,
        reasons=tuple(reasons + notes),
        customer_id=customer.customer_id,
        order_id=order_id,
        order_amount=order_amount,
        currency=currency,
        open_ar=open_ar,
        open_orders=open_orders,
        exposure=exposure,
        credit_limit=limit,
        available=available,
        avg_days_to_pay=habit.days_to_pay,
        days_beyond_terms=habit.days_beyond_terms,
        past_due=past_due,
        oldest_days_past_due=oldest,
        external_score=score,
        past_due_invoices=tuple(i.invoice_number for _, i in late),
        open_order_ids=tuple(o.order_id for o in counted_orders),
        paydex=paydex,
        score=_summary_score(limit, exposure, late_share, beyond, score, paydex),
        chance_late=behaviour.chance_late if behaviour is not None else None,
    )


def customer_behaviour(
    customer_id: str, invoices: Iterable[Invoice], payments: Iterable[Payment], as_of: date
) -> Behaviour | None:
    """The payment-behaviour model's view of one customer from its invoices (paid and open)
    and payments; None with fewer than ``HABIT_MIN_INVOICES`` invoices to judge by."""
    mine = [i for i in invoices if i.customer_id == customer_id]
    stats = stats_from_records(mine, payments, as_of).get(customer_id)
    if stats is None or stats.settled + stats.open_late < HABIT_MIN_INVOICES:
        return None
    return learn([stats])[customer_id]


def _behaviour_reason(behaviour: Behaviour) -> str:
    return (
        f"{behaviour.describe()}: a {behaviour.chance_late:.0%} chance an invoice is paid more "
        f"than {BEHAVIOUR_LATE_DAYS} days late"
    )


def _good_signs(
    customer: Customer,
    exposure_text: str,
    limit: Decimal | None,
    exposure: Decimal,
    habit: PayingHabit,
    late: list[tuple[int, Invoice]],
    score: int | None,
) -> list[str]:
    currency = customer.currency
    signs = []
    if limit is not None and limit > 0:
        signs.append(
            f"{exposure_text} is within the {money(limit, currency)} credit limit "
            f"({exposure / limit:.0%} used)"
        )
    if habit.days_beyond_terms is None:
        signs.append("no payment history yet")
    else:
        signs.append(
            f"pays on time: {habit.days_beyond_terms} days beyond {customer.terms_label} on "
            f"average (amount-weighted, {plural(habit.applications, 'payment')} applied)"
        )
    if late:
        days, first = late[0]
        amount = sum((i.balance for _, i in late), ZERO)
        signs.append(
            f"nothing more than 30 days past due ({money(amount, currency)} is 1-30 days late, "
            f"oldest {first.invoice_number}, {days} days)"
        )
    else:
        signs.append("nothing past due")
    if score is not None:
        signs.append(f"external credit score {score}")
    return signs


def _inner_context(context: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not context:
        return {}
    inner = context.get("context")
    return inner if isinstance(inner, Mapping) else context


def _amount(value: Any, currency: str) -> Decimal | None:
    """A JSON amount (number or string) as money; None when absent or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return quantize(amount, currency) if amount.is_finite() else None


def _summary_score(
    limit: Decimal | None,
    exposure: Decimal,
    late_share: Decimal,
    beyond: Decimal | None,
    external: int | None,
    paydex: int | None,
) -> int:
    """0 (worst) to 100: see the module's docstring."""
    if limit is None:
        use = Decimal(20)
    elif limit <= 0:
        use = Decimal(40)
    else:
        use = Decimal(40) * min(exposure / limit, Decimal(1))
    late = Decimal(30) * min(late_share, Decimal(1))
    slow = Decimal(15) * min(max(beyond or ZERO, ZERO), Decimal(30)) / 30
    if paydex is not None:
        outside = Decimal(15) * (Decimal(100) - min(max(Decimal(paydex), ZERO), Decimal(100))) / 100
    elif external is not None:
        clipped = min(max(Decimal(external), Decimal(300)), Decimal(850))
        outside = Decimal(15) * (Decimal(850) - clipped) / 550
    else:
        outside = Decimal("7.5")
    return int((Decimal(100) - use - late - slow - outside).quantize(Decimal(1)))


def _score(request: Mapping[str, Any], name: str = "external_credit_score") -> int | None:
    value = request.get(name)
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return None
