"""Answer time of payment inquiries and questions about the whole book on the large demo
company, in-process, without an LLM, against a direct SQL read of the same facts.

    python benchmarks/inquiry.py [--db URL] [--size large|medium] [--questions 300] [--seed 7]
    python benchmarks/inquiry.py --postgres [--size medium]   # ARBOT_TEST_POSTGRES_URL's server

For every inquiry answered (invoice status, balance, payment history) the same facts are then
read by hand-written SQL on the same connection pool, right after the answer — the customer
row, its open invoices and unapplied cash; the invoice and the payments applied to it; the last
payments and their applications — and the p95 of the answers is printed against the p95 of
those reads (goal: ≤ 10×), in wall time and in this thread's CPU time (the steadier of the two
on a shared machine; on PostgreSQL it leaves out the server's work on either side).
``--postgres`` builds the company in a fresh database on the server of
``ARBOT_TEST_POSTGRES_URL`` (dropped afterwards).

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
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

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


DIRECT_SQL = {
    "customer_balance": (
        "SELECT * FROM ledger_customers WHERE customer_id = :customer",
        "SELECT * FROM ledger_invoices WHERE customer_id = :customer AND balance > 0 "
        "ORDER BY due_date, invoice_number",
        "SELECT * FROM ledger_payments WHERE customer_id = :customer AND unapplied > 0",
    ),
    "invoice_status": (
        "SELECT * FROM ledger_invoices WHERE invoice_number = :invoice",
        "SELECT * FROM ledger_customers WHERE customer_id = :customer",
        "SELECT p.*, a.amount AS applied FROM ledger_applications a JOIN ledger_payments p "
        "ON p.payment_id = a.payment_id WHERE a.invoice_number = :invoice",
    ),
    "payment_history": (
        "SELECT * FROM ledger_customers WHERE customer_id = :customer",
        "SELECT * FROM ledger_payments WHERE customer_id = :customer "
        "ORDER BY received_on DESC, payment_id DESC LIMIT 5",
        "SELECT a.* FROM ledger_applications a WHERE a.payment_id IN (SELECT payment_id "
        "FROM ledger_payments WHERE customer_id = :customer "
        "ORDER BY received_on DESC, payment_id DESC LIMIT 5)",
    ),
}


def direct_sql_ms(
    ledger: LocalLedger, intent: str, entities: dict[str, str]
) -> tuple[float, float] | None:
    """The same facts as the answer, read by hand-written SQL: (wall, CPU) ms (None: nothing
    to compare)."""
    statements = DIRECT_SQL.get(intent)
    if statements is None or "customer_id" not in entities:
        return None
    params = {"customer": entities["customer_id"], "invoice": entities.get("invoice_number")}
    if intent == "invoice_status" and not params["invoice"]:
        return None
    started, cpu = time.perf_counter(), time.thread_time()
    with ledger.engine.connect() as conn:
        for statement in statements:
            conn.execute(text(statement), params).all()
    return 1000 * (time.perf_counter() - started), 1000 * (time.thread_time() - cpu)


@contextmanager
def postgres_database() -> Iterator[str]:
    server = os.environ.get("ARBOT_TEST_POSTGRES_URL")
    if not server:
        raise SystemExit("--postgres needs ARBOT_TEST_POSTGRES_URL (a server to create it on)")
    name = f"arbot_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database")
    parser.add_argument("--size", choices=("large", "medium"), default="large")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with ExitStack() as stack:
        if args.postgres:
            url = stack.enter_context(postgres_database())
        else:
            url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / f'{args.size}.db'}"
        run(url, args)


def run(url: str, args: argparse.Namespace) -> None:
    today = date(2026, 11, 21)
    ledger = LocalLedger.open(url)
    meta = ledger.get_meta("demo")
    if meta is None or json.loads(meta)["size"] != args.size:
        started = time.perf_counter()
        build_demo(ledger, size=args.size, seed=args.seed, as_of=today)
        print(f"built the {args.size} demo company in {time.perf_counter() - started:.1f} s")
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
    # (answer, its direct SQL) in wall and in CPU ms: the SQL read right after its answer
    compared: dict[str, list[tuple[float, float]]] = {"wall": [], "CPU": []}
    for question in mixed:
        started, cpu = time.perf_counter(), time.thread_time()
        reply = agent.ask(Turn("bench", "terminal", question))
        elapsed = 1000 * (time.perf_counter() - started)
        used = 1000 * (time.thread_time() - cpu)
        timings[reply.intent].append(elapsed)
        timings["all"].append(elapsed)
        direct = direct_sql_ms(ledger, reply.intent, dict(reply.entities))
        if direct is not None:
            compared["wall"].append((elapsed, direct[0]))
            compared["CPU"].append((used, direct[1]))
    print(f"{'intent':<18}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for intent, values in sorted(timings.items(), key=lambda kv: kv[0] == "all"):
        print(
            f"{intent:<18}{len(values):>5}{statistics.median(values):>9.1f}"
            f"{percentile(values, 0.95):>9.1f}{max(values):>9.1f}"
        )
    backend = url.split(":", 1)[0]
    for clock, pairs in compared.items():
        if not pairs:
            continue
        asked = percentile([a for a, _ in pairs], 0.95)
        read = percentile([r for _, r in pairs], 0.95)
        print(
            f"inquiries answered ({len(pairs)}; {backend}; {clock}): p95 {asked:.2f} ms; the "
            f"same facts by direct SQL: p95 {read:.2f} ms; ratio {asked / read:.1f}× (goal ≤ 10×)"
        )
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    ledger.close()


if __name__ == "__main__":
    main()
