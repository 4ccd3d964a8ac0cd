"""Answer time of payment inquiries and questions about the whole book on the large demo
company, in-process, without an LLM.

    python benchmarks/inquiry.py [--db sqlite:///path/large.db] [--questions 300] [--seed 7]

Builds the large demo company if the database has none, then asks a mix of real questions
(invoice status in several spellings, balances, payment history, typos, ambiguous names, and
portfolio questions: aging, top debtors, over N days, total AR, credit exceptions, largest
invoices, payments received, unapplied cash, one payment, days to pay, disputes, promises) and
prints p50/p95/max per intent and overall, and the first answer of each portfolio question
after a ledger change (when the open book is aggregated again). Goal: p95 ≤ 200 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.agent import Agent
from graph.messages import Turn
from integrations.erp.local import LocalLedger
from integrations.erp.local.demo import build_demo


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def questions(ledger: LocalLedger, rng: random.Random, count: int) -> list[str]:
    customers = ledger.list_customers()
    invoices = ledger.invoices(open_only=False)
    asked = []
    for _ in range(count):
        kind = rng.randrange(6)
        customer = rng.choice(customers)
        short = " ".join(customer.name.split()[:2])
        if kind == 0:
            number = rng.choice(invoices).invoice_number
            asked.append(f"did {short.lower()} pay {number}?")
        elif kind == 1:
            digits = rng.choice(invoices).invoice_number.split("-")[1]
            asked.append(f"is invoice #0{digits} paid")
        elif kind == 2:
            asked.append(f"what does {customer.name} owe?")
        elif kind == 3:
            asked.append(f"what does {typo(rng, short.split()[0])} {short.split()[1]} owe")
        elif kind == 4:
            asked.append(f"show {customer.name}'s last payments")
        else:
            asked.append(f"did {customer.name} pay last month?")
    return asked


def portfolio_questions(ledger: LocalLedger, rng: random.Random) -> list[str]:
    customer = rng.choice(ledger.list_customers())
    payment = rng.choice(ledger.payments(limit=500))
    days = rng.choice((30, 45, 60, 90, 120))
    return [
        "aging report",
        "aging report by collector",
        "who owes us the most",
        f"what's over {days}",
        "total AR",
        "total past due",
        "which customers are over their credit limit",
        "customers on credit hold",
        "largest open invoices",
        "any payments today",
        "payments this week",
        "payments between 1.11.2026 and 20.11.2026",
        "unapplied cash",
        f"who paid {payment.payment_id}",
        f"average days to pay for {customer.name}",
        "days to pay",
        "disputed invoices",
        "broken promises",
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    today = date(2026, 11, 21)
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'large.db'}"
    ledger = LocalLedger.open(url)
    meta = ledger.get_meta("demo")
    if meta is None or json.loads(meta)["size"] != "large":
        started = time.perf_counter()
        build_demo(ledger, size="large", seed=args.seed, as_of=today)
        print(f"built the large demo company in {time.perf_counter() - started:.1f} s")
    counts = ledger.counts()
    open_invoices = len(ledger.invoices())
    print(
        f"{counts['customers']:,} customers, {open_invoices:,} open invoices, "
        f"{counts['payments']:,} payments ({url.split('://')[0]})"
    )

    agent = Agent(ledger, today=lambda: today)
    started = time.perf_counter()
    agent.ask(Turn("bench", "terminal", "what does globex owe?"))
    print(f"first answer (builds the name index): {1000 * (time.perf_counter() - started):.0f} ms")

    rng = random.Random(args.seed)
    asked = questions(ledger, rng, args.questions)
    portfolio = portfolio_questions(ledger, rng)
    # The first time after a change the open book is aggregated (once for every question).
    started = time.perf_counter()
    agent.ask(Turn("bench", "terminal", "aging report"))
    agent.ask(Turn("bench", "terminal", "days to pay"))
    print(
        f"first portfolio answers (aggregate the book): "
        f"{1000 * (time.perf_counter() - started):.0f} ms"
    )
    agent.ask(Turn("bench", "terminal", "payments on 4 november 2026"))  # dateparser's warm-up
    mixed = asked + portfolio * max(1, args.questions // (3 * len(portfolio)))
    rng.shuffle(mixed)
    timings: dict[str, list[float]] = defaultdict(list)
    for text in mixed:
        started = time.perf_counter()
        reply = agent.ask(Turn("bench", "terminal", text))
        elapsed = 1000 * (time.perf_counter() - started)
        timings[reply.intent].append(elapsed)
        timings["all"].append(elapsed)
    print(f"{'intent':<18}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for intent, values in sorted(timings.items(), key=lambda kv: kv[0] == "all"):
        print(
            f"{intent:<18}{len(values):>5}{statistics.median(values):>9.1f}"
            f"{percentile(values, 0.95):>9.1f}{max(values):>9.1f}"
        )


if __name__ == "__main__":
    main()
