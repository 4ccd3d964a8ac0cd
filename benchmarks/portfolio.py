"""Answer time of questions about the whole book on the large demo company, in-process, without
an LLM, as ``arbot ask`` meets them: each question asked of a new agent (nothing kept from an
earlier question; the modules already imported), and the first answer after a write.

    python benchmarks/portfolio.py [--db sqlite:///path/large.db] [--rounds 3]

Builds the large demo company if the database has none (about a minute), and works on a copy
so the writes it makes touch nothing of yours. The floor, measured in the same run, is one bare
SQL scan of the open invoices (``SUM(balance) GROUP BY currency``). Times are CPU (this
process), which a busy machine disturbs less than the wall clock; the wall clock is printed too.
Goal (issue 17): every answer ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TODAY = date(2026, 11, 21)
GOAL_MS = 200.0
QUESTIONS = (
    "aging report",
    "ar aging by collector",
    "who owes us the most",
    "what's over 90",
    "past due >60",
    "total AR",
    "which customers are over their credit limit",
    "customers on credit hold",
    "largest open invoices",
    "payments received this week",
    "unapplied cash",
    "slowest payers",
    "broken promises",
    "disputed invoices",
)


def timed(action: Callable[[], object]) -> float:
    """CPU milliseconds of ``action`` (the wall clock is kept in ``WALL``)."""
    start, wall = time.process_time(), time.perf_counter()
    action()
    WALL.append((time.perf_counter() - wall) * 1000)
    return (time.process_time() - start) * 1000


WALL: list[float] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a large demo ledger (built when it has none)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from sqlalchemy import text

    from graph.agent import Agent
    from graph.messages import Turn
    from integrations.erp.local import LocalLedger
    from integrations.erp.local.demo import build_demo

    work = Path(tempfile.mkdtemp(prefix="arbot-portfolio-bench-"))
    source = Path(args.db.removeprefix("sqlite:///")) if args.db else work / "large.db"
    if not source.exists() or LocalLedger.open(f"sqlite:///{source}").counts()["customers"] == 0:
        print(f"building the large demo company in {source} …", flush=True)
        build_demo(LocalLedger.open(f"sqlite:///{source}"), size="large", seed=7, as_of=TODAY)
    copy = work / "bench.db"
    shutil.copyfile(source, copy)
    ledger = LocalLedger.open(f"sqlite:///{copy}")
    counts = ledger.counts()
    print(
        f"large demo: {counts.get('customers')} customers, {counts.get('invoices')} invoices, "
        f"{counts.get('payments')} payments"
    )

    def floor() -> float:
        with ledger.engine.connect() as conn:
            return timed(
                lambda: list(
                    conn.execute(
                        text(
                            "SELECT currency, SUM(balance) FROM ledger_invoices "
                            "WHERE balance > 0 GROUP BY currency"
                        )
                    )
                )
            )

    floor_ms = min(floor() for _ in range(args.rounds))
    print(f"floor (one bare scan of the open invoices): {floor_ms:.0f} ms")

    def fresh_agent() -> Agent:
        return Agent(ledger, today=lambda: TODAY)

    def ask(agent: Agent, question: str) -> float:
        return timed(lambda: agent.ask(Turn(user_id="bench", surface="terminal", text=question)))

    first = ask(fresh_agent(), "aging report")
    print(f"first answer in this process (imports the reports' modules): {first:.0f} ms CPU")

    print(
        f"\n{'a new agent for each question':44} {'CPU':>8} {'max':>8} {'wall':>8} {'x floor':>8}"
    )
    worst = 0.0
    for question in QUESTIONS:
        WALL.clear()
        times = [ask(fresh_agent(), question) for _ in range(args.rounds)]
        worst = max(worst, statistics.median(times))
        median = statistics.median(times)
        print(
            f"{question:44} {median:6.0f}ms {max(times):6.0f}ms {statistics.median(WALL):6.0f}ms "
            f"{median / floor_ms:8.1f}"
        )
    agent = fresh_agent()

    # a write, as an approved write-off makes it: the next answer refreshes what it touched
    after = []
    invoices = ledger.invoices(open_only=True)[:: max(1, len(ledger.invoices()) // 50)]
    for n, invoice in enumerate(invoices[: args.rounds]):
        ledger.create_adjustment(
            customer_id=invoice.customer_id,
            invoice_number=invoice.invoice_number,
            amount=min(Decimal("1.00"), invoice.balance),
            currency=invoice.currency,
            kind="write_off",
            reason_code="pricing",
            memo="benchmark",
            idempotency_key=f"bench-{n}",
        )
        after.append(ask(agent, "aging report"))
    worst = max(worst, statistics.median(after))
    print(
        f"{'first answer after a write-off':44} {statistics.median(after):6.0f}ms "
        f"{max(after):6.0f}ms {'':>8} {statistics.median(after) / floor_ms:8.1f}"
    )
    verdict = "met" if worst <= GOAL_MS else "NOT met"
    print(f"\nslowest median answer: {worst:.0f} ms CPU (goal ≤ {GOAL_MS:.0f} ms: {verdict})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
