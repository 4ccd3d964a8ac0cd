"""The words of a collections entry: its factors, next step and stage, with the numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from graph.ar.behaviour import LATE_DAYS
from graph.ar.collections import DUE_SOON_DAYS, Details, Factor, PriorityEntry, Ranked
from graph.format import money, plural
from integrations.erp.money import minor_units
from integrations.erp.records import AGING_BUCKET_NAMES, PromiseToPay

FIRST_61_PLUS = AGING_BUCKET_NAMES.index("61-90")
REMIND_BEFORE_DUE_CHANCE = 0.5


def entry(ranked: Ranked, details: Details, as_of: date) -> PriorityEntry:
    account, behaviour, found = ranked.account, ranked.behaviour, ranked.risk
    customer_id, currency = account.customer_id, account.currency
    customer = details.customers.get(customer_id)
    numbers = tuple(details.past_due_numbers.get((customer_id, currency), ()))
    broken = [p for p in details.broken.get(customer_id, ()) if p.currency == currency]
    last = details.last_contact.get(customer_id)
    limit = customer.credit_limit if customer and customer.currency == currency else None
    oldest_days = (as_of - account.oldest_due).days if account.oldest_due else 0
    share = ranked.score / found.expected if found.expected else 0.0

    factors: list[Factor] = []
    if found.late_now:
        factors.append(
            Factor(
                "late_now",
                round(share * found.late_now, 1),
                _late_text(ranked, numbers, oldest_days),
            )
        )
    soon = found.early_past_due + found.not_due
    if soon:
        points = round(share * soon, 1)
        factors.append(Factor("expected_late", points, _expected_text(ranked, as_of)))
    factors.sort(key=lambda f: -f.points)
    factors.append(Factor("payment_behaviour", 0.0, behaviour.describe()))
    promise = _promise_text(broken) if broken else ""
    if broken:
        factors.append(Factor("broken_promise", 0.0, promise))
    if account.disputed_numbers:
        factors.append(Factor("disputes", 0.0, _dispute_text(ranked)))
    if limit is not None and limit > 0:
        used = float(account.open_total / limit)
        factors.append(
            Factor(
                "credit_utilisation",
                0.0,
                f"uses {used:.0%} of its {_money(limit, currency)} credit limit",
            )
        )
    if account.past_due:
        factors.append(Factor("last_contact", 0.0, _contact_text(last, as_of)))

    over_limit = limit is not None and account.open_total > limit
    next_step, next_step_text = _next_step(
        ranked, numbers, oldest_days, promise, over_limit, limit, as_of
    )
    return PriorityEntry(
        customer_id=customer_id,
        name=customer.name if customer else customer_id,
        collector=customer.collector if customer else None,
        currency=currency,
        score=ranked.score,
        open_total=account.open_total,
        past_due=account.past_due,
        amount_at_risk=Decimal(str(round(found.expected, 2))).quantize(Decimal("0.01")),
        buckets=dict(zip(AGING_BUCKET_NAMES, account.buckets, strict=True)),
        factors=tuple(factors),
        next_step=next_step,
        next_step_text=next_step_text,
        stage=_stage(oldest_days),
        past_due_invoices=numbers,
        chance_late=round(behaviour.chance_late, 3),
        behaviour=behaviour.describe(),
    )


def _late_text(ranked: Ranked, numbers: tuple[str, ...], oldest_days: int) -> str:
    account = ranked.account
    currency = account.currency
    late_days = account.late_day_money / float(account.late)
    text = f"{_money(account.late, currency)} more than {LATE_DAYS} days past due"
    text += f" ({round(late_days)} days on average"
    if numbers:
        text += f"; oldest, {numbers[0]}, {oldest_days} days"
    text += ")"
    older = sum(account.buckets[FIRST_61_PLUS:], Decimal("0.00"))
    if older:
        text += f", {_money(older, currency)} of it 61+ days"
    return text


def _expected_text(ranked: Ranked, as_of: date) -> str:
    account, behaviour, found = ranked.account, ranked.behaviour, ranked.risk
    currency = account.currency
    parts = []
    if account.early_past_due:
        parts.append(f"{_money(account.early_past_due, currency)} 1-{LATE_DAYS} days past due")
    if account.not_due:
        due = f"{_money(account.not_due, currency)} not yet due"
        if account.due_soon:
            by = (as_of + timedelta(days=DUE_SOON_DAYS)).isoformat()
            due += f" ({_money(account.due_soon, currency)} by {by})"
        parts.append(due)
    expected = found.early_past_due + found.not_due
    return (
        f"{' and '.join(parts)}: {behaviour.chance_late:.0%} chance each is paid more than "
        f"{LATE_DAYS} days late, about {round(behaviour.lateness)} days; "
        f"{_money(Decimal(str(round(expected, 2))), currency)} expected late"
    )


def _promise_text(broken: list[PromiseToPay]) -> str:
    latest = max(broken, key=lambda p: p.promised_on)
    which = f" ({latest.invoice_number})" if latest.invoice_number else ""
    promise = (
        f"a promise to pay {_money(latest.amount, latest.currency)} "
        f"due {latest.promised_on.isoformat()}{which}"
    )
    if len(broken) == 1:
        return f"broke {promise}"
    return f"broke {len(broken)} promises to pay; the latest: {promise}"


def _dispute_text(ranked: Ranked) -> str:
    account = ranked.account
    numbers = ", ".join(sorted(account.disputed_numbers))
    return f"{numbers} disputed"


def _contact_text(last: datetime | None, as_of: date) -> str:
    if last is None:
        return "no contact on record"
    days = (as_of - last.date()).days
    return f"last contact {plural(days, 'day')} ago ({last.date().isoformat()})"


def _next_step(
    ranked: Ranked,
    numbers: tuple[str, ...],
    days: int,
    promise: str,
    over_limit: bool,
    limit: Decimal | None,
    as_of: date,
) -> tuple[str, str]:
    account, behaviour = ranked.account, ranked.behaviour
    currency = account.currency
    if not account.past_due:
        if account.due_soon and behaviour.chance_late >= REMIND_BEFORE_DUE_CHANCE:
            return "reminder", (
                "Send a friendly reminder before it falls due: "
                f"{_money(account.due_soon, currency)} "
                f"due by {(as_of + timedelta(days=DUE_SOON_DAYS)).isoformat()}, and it "
                f"{behaviour.describe()}."
            )
        return "monitor", "Nothing past due: monitor."
    count = plural(len(numbers) or account.past_due_count, "invoice")
    summary = f"{_money(account.past_due, currency)} past due on {count}"
    if numbers:
        summary += f", oldest {numbers[0]} {days} days"
    if promise:
        summary += f"; {promise}"
    if days > 90 or (promise and over_limit):
        if over_limit and limit is not None:
            summary += (
                f"; {_money(account.open_total, currency)} open against a "
                f"{_money(limit, currency)} credit limit"
            )
        return "hold", f"Put on credit hold and call: {summary}."
    if days > 30 or promise:
        return "call", f"Call: {summary}."
    return "reminder", f"Send a {_stage(days)} reminder: {summary}."


def _stage(oldest_days: int) -> str:
    if oldest_days > 60:
        return "final"
    if oldest_days > 30:
        return "firm"
    return "friendly"


def _money(amount: Decimal, currency: str) -> str:
    """``graph.format.money``, with the currency's format worked out once (see _formatter)."""
    formatter = _FORMATTERS.get(currency)
    if formatter is None:
        formatter = _FORMATTERS[currency] = _formatter(currency)
    return formatter(amount)


_FORMATTERS: dict[str, Callable[[Decimal], str]] = {}


def _formatter(currency: str) -> Callable[[Decimal], str]:
    """A faster ``money(amount, currency)``, used only when it writes exactly what ``money``
    does for a few test amounts, else ``money`` itself."""
    spec = f",.{minor_units(currency)}f"
    one = money(Decimal(1), currency)
    prefix = one[: len(one) - len(format(Decimal(1), spec))]

    def fast(amount: Decimal) -> str:
        return f"{'-' if amount < 0 else ''}{prefix}{abs(amount):{spec}}"

    probes = (Decimal("-1234567.891"), Decimal("0.00"), Decimal("-0.004"), Decimal("98765.4"))
    if all(fast(probe) == money(probe, currency) for probe in probes):
        return fast
    return lambda amount: money(amount, currency)
