"""The matcher over the local ledger gives what it gives over a list, to the byte.

    python benchmarks/cashapp_ledger_check.py [--only cashapp,mess2,mess3,mess4]

``arbot cashapp`` on the local ledger asks the ledger's indexes a batch of bank lines at a
time (``graph.ar.cashapp_ledger.LedgerItems``) instead of holding every open invoice; the
accuracy benchmarks (``cashapp.py``, ``cashapp_mess2.py`` … ``cashapp_mess4.py``) match over a
list (``MemoryItems``). This loads each benchmark's world into a fresh SQLite ledger, matches
its lines both ways and prints whether every result is the same (decision, customer,
applications, deduction, confidence, explanation, alternatives), with the invoice rows the
ledger matcher read and the peak Python memory (tracemalloc) of each way's matching.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import asdict
from typing import Any

from sqlalchemy import insert

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.cashapp_ledger import LedgerItems
from graph.ar.payers import pays_oldest_first, pays_out_of_order
from integrations.erp.local import schema as t
from integrations.erp.local.ledger import LocalLedger
from integrations.erp.records import Customer, Invoice, invoice_number_key


def load(path: Path, customers: Iterable[Customer], invoices: Iterable[Invoice]) -> LocalLedger:
    """A fresh ledger at ``path`` holding these customers and invoices."""
    ledger = LocalLedger.open(f"sqlite:///{path}")
    with ledger.engine.begin() as conn:
        conn.execute(insert(t.customers), [asdict(c) for c in customers])
        rows = [asdict(i) | {"number_key": invoice_number_key(i.invoice_number)} for i in invoices]
        for start in range(0, len(rows), 5000):
            conn.execute(insert(t.invoices), rows[start : start + 5000])
    return ledger


def world(name: str) -> tuple[list[Customer], list[Invoice], list[Any], dict[str, Any]]:
    """A benchmark's customers, every invoice, bank lines, and the matcher's other arguments,
    as that benchmark makes them (its default size and seed)."""
    if name == "cashapp":
        import cashapp  # type: ignore[import-not-found]

        w = cashapp.World(10_000, 100_000, 7)
        lines, _ = cashapp.build_lines(w, 10_000)
        closed = {i.invoice_number: i for i in w.closed}
        extra = {
            "aliases": w.aliases,
            "oldest_first": pays_oldest_first(w.history, closed),
            "out_of_order": pays_out_of_order(w.history, closed),
        }
        return w.customers, [*w.invoices, *w.closed], lines, extra
    if name == "mess2":
        import cashapp_mess2 as m2  # type: ignore[import-not-found]
        from cashapp_mess2 import AS_OF, SCENARIOS, Lines  # type: ignore[import-not-found]

        from integrations.erp.records import BankLine

        w = m2.World(1500, 11)
        maker = Lines(w)
        names, weights = list(SCENARIOS), list(SCENARIOS.values())
        lines: list[Any] = []
        while len(lines) < 3000:
            scenario = w.rng.choices(names, weights)[0]
            try:
                payer, amount, reference, _ = getattr(maker, scenario)()
            except LookupError:
                continue
            lines.append(
                BankLine(f"M2-{len(lines) + 1:05d}", AS_OF, amount, "EUR", payer, reference)
            )
        return w.customers, w.invoices, lines, {}
    module = {"mess3": ("cashapp_mess3", 1500, 3000, 21), "mess4": ("cashapp_mess4", 800, 2000, 41)}
    source, customers, count, seed = module[name]
    built = __import__(source).build(customers, count, seed)
    w, lines = built[0], built[1]
    by_number = {i.invoice_number: i for i in w.invoices}
    extra = {
        "oldest_first": pays_oldest_first(w.payments, by_number),
        "out_of_order": pays_out_of_order(w.payments, by_number),
    }
    return w.customers, w.invoices, lines, extra


def measured(run: Callable[[], list[CashMatch]]) -> tuple[list[CashMatch], float, float]:
    tracemalloc.start()
    started = time.process_time()
    results = run()
    cpu = time.process_time() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return results, cpu, peak


def check(name: str, folder: Path) -> bool:
    customers, invoices, lines, extra = world(name)
    as_of = max(line.received_on for line in lines)
    ledger = load(folder / f"{name}.db", customers, invoices)
    # In the order the ledger lists them (as ``arbot cashapp`` read them before): equal
    # readings of a PO name its invoices in that order.
    open_invoices = sorted(
        (i for i in invoices if i.balance > 0), key=lambda i: (i.due_date, i.invoice_number)
    )

    def in_memory() -> list[CashMatch]:
        return CashMatcher(customers, open_invoices, **extra).match_all(lines, as_of)

    items: list[LedgerItems] = []

    def on_ledger() -> list[CashMatch]:
        items.append(LedgerItems(ledger.engine, {c.customer_id for c in customers}))
        return CashMatcher(customers, items[0], **extra).match_all(lines, as_of)

    listed, list_cpu, list_peak = measured(in_memory)
    read, ledger_cpu, ledger_peak = measured(on_ledger)
    ledger.close()
    differ = [(a, b) for a, b in zip(listed, read, strict=True) if a != b]
    print(
        f"{name:<8} {len(lines):>6,} lines, {len(open_invoices):>7,} open invoices: "
        f"{'identical' if not differ else f'{len(differ)} DIFFER'}; "
        f"list {list_cpu:.2f} s CPU, peak {list_peak:.0f} MB; "
        f"ledger {ledger_cpu:.2f} s CPU, peak {ledger_peak:.0f} MB, "
        f"{items[0].rows_read:,} invoice rows read"
    )
    for a, b in differ[:3]:
        print(f"  list:   {a}\n  ledger: {b}")
    return not differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="cashapp,mess2,mess3,mess4")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="arbot-ledger-check-") as folder:
        same = [check(name, Path(folder)) for name in args.only.split(",")]
    return 0 if all(same) else 1


if __name__ == "__main__":
    raise SystemExit(main())
