"""``benchmarks/cashapp_cli.py --history``'s year of payments imports through ``arbot erp import``'s
files, pays as it says (most customers oldest first, the others once out of order; the customers
with recurring invoices keep the habit the benchmark's bank lines follow), and the ledger's
answer to who pays in order (``paying_order``) is the Python one on it."""

from __future__ import annotations

import csv
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from graph.ar.payers import pays_oldest_first, pays_out_of_order
from integrations.erp.local import LocalLedger
from integrations.erp.local.csv_import import import_csv
from integrations.erp.local.paying_order import paying_order

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def benchmark(name: str) -> Any:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return __import__(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_the_year_of_history_pays_as_the_benchmark_says(tmp_path: Path) -> None:
    cli, history = benchmark("cashapp_cli"), benchmark("cashapp_cli_history")
    world = benchmark("cashapp").World(300, 3000, 7)
    customers_csv, invoices_csv, _ = cli.write_world(world, [], tmp_path)
    paid_csv, payments_csv = cli.history_files(tmp_path)
    written = history.write_history(world, paid_csv, payments_csv, 7)
    with payments_csv.open(newline="") as f:
        per_customer = Counter(
            row["customer_id"] for row in {r["payment_id"]: r for r in csv.DictReader(f)}.values()
        )
    assert sum(per_customer.values()) == written
    extra = {c: 3 if c in world.recurring else 0 for c in per_customer}
    assert all(12 <= n - extra[c] <= 50 for c, n in per_customer.items())

    ledger = LocalLedger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        import_csv(ledger, customers=customers_csv, invoices=invoices_csv)
        import_csv(ledger, customers=customers_csv, invoices=paid_csv, payments=payments_csv)
        since = history.AS_OF - timedelta(days=history.HABIT_DAYS)
        paid = ledger.payments(since=since)
        by_number = ledger.get_invoices([a.invoice_number for p in paid for a in p.applications])
        habit, contrary = pays_oldest_first(paid, by_number), pays_out_of_order(paid, by_number)
        assert len(paid) == written
        assert paying_order(ledger.engine, since) == (habit, contrary)
    finally:
        ledger.close()
    assert world.recurring and world.recurring & world.habit <= habit
    assert world.recurring - world.habit <= contrary
    others = [c.customer_id for c in world.customers if c.customer_id not in world.recurring]
    share = sum(c in habit for c in others) / len(others)
    assert 0.6 < share < 0.8 and habit | contrary == set(per_customer)
