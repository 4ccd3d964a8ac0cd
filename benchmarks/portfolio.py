"""Answer time of questions about the whole book on the large demo company, in-process, without
an LLM: cold (nothing kept), after the agent's warm-up (what the server does at start), and the
first answer after a write (the kept book is refreshed for the customers the write touched).

    python benchmarks/portfolio.py [--db sqlite:///path/large.db] [--rounds 3]

Builds the large demo company if the database has none (about a minute), and works on a copy
so the writes it makes touch nothing of yours. The floor, measured in the same run, is one bare
SQL scan of the open invoices (``SUM(balance) GROUP BY currency``): what any answer computed
from scratch must at least read. Goal: every answer ≤ 200 ms once the agent is warm.
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
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a large demo ledger (built when it has none)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from sqlalchemy import text

    from graph import portfolio_reads
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
        portfolio_reads._SNAPSHOTS.clear()
        return Agent(ledger, today=lambda: TODAY)

    def ask(agent: Agent, question: str) -> float:
        return timed(lambda: agent.ask(Turn(user_id="bench", surface="terminal", text=question)))

    cold = []
    for _ in range(args.rounds):
        agent = fresh_agent()
        agent.resolver.matcher()  # the name index is not the book's cost
        cold.append(ask(agent, "aging report"))
    agent = fresh_agent()
    warm_up = timed(agent.warm)
    print(
        f"cold first answer (nothing kept): {statistics.median(cold):.0f} ms "
        f"({statistics.median(cold) / floor_ms:.1f}x the floor); "
        f"agent warm-up at start: {warm_up:.0f} ms"
    )

    print(f"\n{'after warm-up':44} {'median':>8} {'max':>8} {'x floor':>8}")
    worst = 0.0
    for question in QUESTIONS:
        times = [ask(agent, question) for _ in range(args.rounds)]
        worst = max(worst, max(times))
        median = statistics.median(times)
        print(f"{question:44} {median:7.0f}ms {max(times):7.0f}ms {median / floor_ms:8.1f}")

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
    worst = max(worst, max(after))
    print(
        f"{'first answer after a write-off':44} {statistics.median(after):7.0f}ms "
        f"{max(after):7.0f}ms {statistics.median(after) / floor_ms:8.1f}"
    )
    verdict = "met" if worst <= GOAL_MS else "NOT met"
    print(f"\nslowest answer once warm: {worst:.0f} ms (goal ≤ {GOAL_MS:.0f} ms: {verdict})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
