"""The collections eval (``evals/collections``) on the local ledger and the QuickBooks and
Intacct stand-ins: a broken promise moves its customer up by halving its chance of paying on
time; a dispute shows, takes a past-due invoice out of what a reminder chases, and counts money
not yet late as likely late; the three ERPs give the same lists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from evals.collections.book import ERPS, OPEN
from evals.collections.run import Case, Result, run, table
from graph.ar.behaviour import DISPUTED_CHANCE

BALANCE = {number: Decimal(amount) for number, _key, amount, _days in OPEN}
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    return {r.kind: r for r in run(ERPS)}


def case(result: Result, name: str) -> Case:
    return next(c for c in result.cases if c.name == name)


def order(standings: dict, without: str = "") -> list[str]:
    ranked = sorted(standings, key=lambda key: standings[key].rank)
    return [key for key in ranked if key != without]


def near(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= CENT


@pytest.mark.parametrize("kind", ERPS)
def test_a_broken_promise_moves_its_customer_up(results: dict[str, Result], kind: str) -> None:
    result = results[kind]
    before, after = result.base["C"], case(result, "broken promise").standings["C"]
    assert after.rank < before.rank and after.score > before.score
    assert "broken_promise" in after.factors and "broken_promise" not in before.factors
    assert any("3,000.00" in text and "2026-11-16" in text for text in after.texts), after.texts
    # Its chance of paying on time halves: the money not yet due expected late follows.
    not_due = BALANCE["INV-5003"]
    assert near(after.at_risk, not_due - (not_due - before.at_risk) / 2)
    # Nobody else moves relative to the others.
    standings = case(result, "broken promise").standings
    assert order(standings, without="C") == order(result.base, without="C")


@pytest.mark.parametrize("kind", ERPS)
def test_a_dispute_on_money_not_yet_due_shows_and_counts_it_likely_late(
    results: dict[str, Result], kind: str
) -> None:
    result = results[kind]
    before = result.base["D"]
    after = case(result, "dispute, not yet due").standings["D"]
    assert "disputes" not in before.factors
    assert any("INV-5005 disputed" in text for text in after.texts), after.texts
    late, not_due = BALANCE["INV-5004"], BALANCE["INV-5005"]
    chance = (before.at_risk - late) / not_due  # Delta's own chance for money not yet due
    expected = late + not_due * max(chance, Decimal(str(DISPUTED_CHANCE)))
    assert near(after.at_risk, expected) and after.at_risk > before.at_risk
    assert after.rank <= before.rank
    assert after.chase == before.chase == late  # a reminder chases past-due money only


@pytest.mark.parametrize("kind", ERPS)
def test_a_dispute_on_a_past_due_invoice_leaves_the_chase_but_not_the_order(
    results: dict[str, Result], kind: str
) -> None:
    result = results[kind]
    before = result.base["D"]
    after = case(result, "dispute, past due").standings["D"]
    assert any("INV-5004 disputed" in text for text in after.texts), after.texts
    assert after.chase == before.chase - BALANCE["INV-5004"]
    # Already late for certain: the dispute does not make it later.
    assert (after.rank, after.score, after.at_risk) == (before.rank, before.score, before.at_risk)
    assert order(case(result, "dispute, past due").standings) == order(result.base)


def test_the_three_erps_give_the_same_lists(results: dict[str, Result]) -> None:
    local = results["local"]
    for kind in ("quickbooks", "intacct"):
        other = results[kind]
        assert other.base == local.base, kind
        for mine, theirs in zip(local.cases, other.cases, strict=True):
            assert theirs.standings == mine.standings, (kind, mine.name)


def test_the_report_is_a_table_per_erp(results: dict[str, Result]) -> None:
    for result in results.values():
        shown = table(result)
        first = shown.splitlines()[0]
        assert first.startswith(
            f"{result.kind}: order without records {' '.join(order(result.base))}"
        )
        for name in ("broken promise", "dispute, not yet due", "dispute, past due"):
            assert name in shown
