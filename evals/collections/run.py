"""The collections eval: do the broken-promise and dispute factors change the order on every ERP?

For each ERP (``evals.collections.book``: the same book on the local ledger and the QuickBooks
and Intacct stand-ins) the collections list is read as ``arbot collections`` and "who should I
chase first" read it (``graph.ar.collections_book.read_book`` with arbot's store as its signals),
once on the book alone and once per case, each case on a fresh copy of the book with one record
written as an approved proposal writes it (the action's ``execute``: arbot's store, and the
ERP's note):

- **broken promise**: Cobalt Labs (an on-time payer, 9,000.00 not yet due) promised 3,000.00 by
  Monday 2026-11-16 and paid nothing: broken from the next business day. Intended: its chance of
  paying on time halves, so its expected late money and its rank go up, and the entry says so.
- **dispute, not yet due**: Delta Foods disputes INV-5005 (2,500.00, due in 9 days). Intended: the
  invoice is shown as disputed, and its money counts as likely late (disputes take weeks), so
  Delta's expected late money goes up; a reminder would not chase it anyway (not due).
- **dispute, past due**: Delta Foods disputes INV-5004 (1,200.00, 25 days past due). Intended:
  shown as disputed and no longer chased (the amount a reminder asks for drops by it); its money
  is already late for certain, so the score and the order do not move.

    python -m evals.collections.run [--erp local|quickbooks|intacct]...

prints one small table per ERP. It always exits 0 (a report); ``tests/evals`` asserts on it.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from evals.collections.book import AS_OF, BUILDERS, CUSTOMERS, ERPS, Built
from graph.action_base import Action
from graph.ar.collections_book import read_book
from graph.collector_signals import collector_signals
from graph.disputes import OpenDispute, without_disputed
from graph.promises import RecordPromise
from integrations.store import Store

NAMES = {key: name for key, name, _email in CUSTOMERS}
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Standing:
    """One customer in one collections list."""

    rank: int
    score: float
    at_risk: Decimal
    chase: Decimal  # what a reminder would ask for: past due and not disputed
    factors: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass
class Case:
    name: str
    customer: str  # key of the customer the case is about
    add: Callable[[Store, Built], None]
    standings: dict[str, Standing] = field(default_factory=dict)


def _write(action: Action, store: Store, built: Built, key: str) -> None:
    assert action.validate(built.erp, store) == [], action  # type: ignore[call-arg]
    action.execute(built.erp, key, mailer=None, store=store)  # type: ignore[call-arg]


def _promise(store: Store, built: Built) -> None:
    promise = RecordPromise(
        customer_id=built.ids["C"],
        promise_amount="3000.00",
        promised_on="2026-11-16",
        captured_on="2026-11-12",
        captured_by="eval",
        said="we will pay 3,000 by Monday",
    )
    _write(promise, store, built, "eval:promise")


def _dispute(number: str, amount: str) -> Callable[[Store, Built], None]:
    def add(store: Store, built: Built) -> None:
        dispute = OpenDispute(
            customer_id=built.ids["D"],
            invoice_number=number,
            reason_code="pricing",
            dispute_amount=amount,
            description="price per PO",
            owner="eval",
        )
        _write(dispute, store, built, f"eval:dispute:{number}")

    return add


def cases() -> list[Case]:
    return [
        Case("broken promise", "C", _promise),
        Case("dispute, not yet due", "D", _dispute("INV-5005", "2500.00")),
        Case("dispute, past due", "D", _dispute("INV-5004", "1200.00")),
    ]


def standings(built: Built, store: Store) -> dict[str, Standing]:
    """Every customer's place in the collections list, as arbot reads it with this store."""
    erp = built.erp
    book = read_book(erp, AS_OF, collector_signals(erp, store))
    entries = book.entries(book.ranked)
    key_of = {erp_id: key for key, erp_id in built.ids.items()}
    found = {}
    for rank, entry in enumerate(entries, start=1):
        key = key_of[entry.customer_id]
        past_due = [i for i in erp.invoices(entry.customer_id) if i.balance and i.due_date < AS_OF]
        chased, _disputed = without_disputed(store, past_due)
        found[key] = Standing(
            rank,
            entry.score,
            entry.amount_at_risk,
            sum((i.balance for i in chased), ZERO),
            tuple(f.name for f in entry.factors),
            tuple(f.text for f in entry.factors),
        )
    return found


@dataclass
class Result:
    kind: str
    base: dict[str, Standing]
    cases: list[Case]


def _standings_with(kind: str, folder: Path, add: Callable[[Store, Built], None]) -> Any:
    folder.mkdir(parents=True)
    with BUILDERS[kind](folder) as built:
        store = Store.open(f"sqlite:///{folder / 'store.db'}")
        try:
            add(store, built)
            return standings(built, store)
        finally:
            store.close()


def evaluate(kind: str, folder: Path) -> Result:
    base = _standings_with(kind, folder / "base", lambda _store, _built: None)
    done = []
    for index, case in enumerate(cases()):
        case.standings = _standings_with(kind, folder / f"case{index}", case.add)
        done.append(case)
    return Result(kind, base, done)


def _order(found: dict[str, Standing]) -> str:
    return " ".join(key for key, _ in sorted(found.items(), key=lambda kv: kv[1].rank))


def table(result: Result) -> str:
    lines = [
        f"{result.kind}: order without records {_order(result.base)}  "
        f"({', '.join(f'{k} {n}' for k, n in NAMES.items())})",
        f"  {'case':22} {'customer':13} {'rank':>7} {'score':>13} {'at risk':>19} "
        f"{'chase':>19}  shown",
    ]
    for case in result.cases:
        before, after = result.base[case.customer], case.standings[case.customer]
        new = [f for f in after.factors if f not in before.factors]
        lines.append(
            f"  {case.name:22} {NAMES[case.customer]:13} {before.rank:>3}→{after.rank:<3} "
            f"{before.score:>6}→{after.score:<6} {before.at_risk:>9}→{after.at_risk:<9} "
            f"{before.chase:>9}→{after.chase:<9}  {', '.join(new) or '-'}"
        )
        lines.append(f"  {'':22} order {_order(case.standings)}")
    return "\n".join(lines)


def run(kinds: Sequence[str] = ERPS, folder: Path | None = None) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as temporary:
        root = folder or Path(temporary)
        for kind in kinds:
            results.append(evaluate(kind, root / kind))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--erp", action="append", choices=ERPS, help="one ERP (repeatable)")
    args = parser.parse_args(argv)
    for result in run(args.erp or ERPS):
        print(table(result))
        print()
    return 0


def as_json(result: Result) -> dict[str, Any]:
    return {
        "erp": result.kind,
        "base": {k: vars(s) for k, s in result.base.items()},
        "cases": {c.name: {k: vars(s) for k, s in c.standings.items()} for c in result.cases},
    }


if __name__ == "__main__":
    raise SystemExit(main())
