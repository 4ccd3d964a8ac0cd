"""Shadow mode's poll is incremental: the first look of a day reads the 14 days of payments, the
open invoices and a year of history; the looks after it that day read only what changed since
the last one — and still see a new payment, a new short-pay, and the team's posting."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from graph.shadow import Cursor, watch
from graph.shadow_score import scorecard
from integrations.erp.local import LocalLedger
from integrations.erp.records import ApplicationRequest, NewPayment
from integrations.store import Store
from tests.graph.shadow_kit import DAYS, books, week_plan

D = Decimal


class Counting:
    """The ledger, with every read it is asked for written down (method, arguments)."""

    def __init__(self, ledger: LocalLedger) -> None:
        self._ledger = ledger
        self.calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._ledger, name)
        if not callable(value):
            return value

        def called(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, args, kwargs))
            return value(*args, **kwargs)

        return called

    def read(self, name: str) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        return [(a, k) for n, a, k in self.calls if n == name]


def _arrives(
    ledger: LocalLedger, pid: str, customer: str, day: date, amount: str, memo: str
) -> None:
    ledger.apply_payment(
        NewPayment(pid, customer, day, D(amount), "USD", "ach", memo),
        [],
        idempotency_key=f"feed:{pid}",
    )


def test_looks_after_the_first_of_the_day_read_only_what_changed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    everything = week_plan()
    plan = [p for p in everything if p["payment"] in ("P-00", "P-D1")]
    ledger, store = books(url, everything), Store.open(url)
    erp = Counting(ledger)
    cursor = Cursor()
    monday = DAYS[0]

    _arrives(ledger, "P-00", "A1", monday, plan[0]["amount"], plan[0]["memo"])
    first = watch(erp, store, monday, cursor=cursor)  # type: ignore[arg-type]
    assert first.full and (cursor.full_on, cursor.last_on) == (monday, monday)
    assert ((), {"since": monday - timedelta(days=365)}) in erp.read("payments")
    assert erp.read("adjustments") == [((), {})]  # every credit: the full look
    assert not erp.read("notes")  # no earlier day's chase list to settle yet

    # Between looks: the team applies P-00, and Crane pays INV-7001 40.00 short, applied.
    ledger.apply_payment(
        NewPayment("P-00x", "A1", monday, D("0.01"), "USD", "ach", ""),
        [],
        idempotency_key="feed:noise",
    )
    ledger.apply_payment(
        NewPayment("P-00", "A1", monday, D(plan[0]["amount"]), "USD", "ach", plan[0]["memo"]),
        [ApplicationRequest(plan[0]["invoice"][0], D(plan[0]["amount"]))],
        idempotency_key="team:P-00",
    )
    ledger.apply_payment(
        NewPayment("P-D1", "C1", monday, D("460.00"), "USD", "ach", plan[1]["memo"]),
        [ApplicationRequest("INV-7001", D("460.00"))],
        idempotency_key="team:P-D1",
    )
    erp.calls.clear()
    second = watch(erp, store, monday, cursor=cursor)  # type: ignore[arg-type]
    assert not second.full
    assert erp.read("payments") == [((), {"since": monday - timedelta(days=3)})]
    assert not erp.read("notes")
    assert all(kwargs for _, kwargs in erp.read("adjustments"))  # one invoice's credits only
    assert not [k for _, k in erp.read("invoices") if k.get("open_only") is False]
    card = scorecard(store)["kinds"]
    # P-00 settled: the team did what arbot said; P-D1, seen already applied, as arbot would.
    assert (card["apply_payment"]["agree"], card["apply_payment"]["waiting"]) == (2, 1)
    assert card["apply_payment"]["observed"] == 3  # P-00, the 0.01 noise (waiting), P-D1
    assert card["write_off_deduction"]["observed"] == 1  # INV-7001's 40.00, seen since
    assert second.observed == 3  # P-00x, P-D1 and the deduction

    erp.calls.clear()
    third = watch(erp, store, monday, cursor=cursor)  # type: ignore[arg-type]
    assert (third.observed, third.settled) == (0, 0)  # nothing changed: nothing new
    assert not erp.read("invoices")  # no new payment: the open invoices are not read

    erp.calls.clear()
    tuesday = watch(erp, store, DAYS[1], cursor=cursor)  # type: ignore[arg-type]
    assert tuesday.full and cursor.full_on == DAYS[1]
    assert ((), {"since": DAYS[1] - timedelta(days=365)}) in erp.read("payments")
    assert erp.read("notes") == [((), {})]  # Monday's chase list settled against the notes
    store.close()
    ledger.close()


def test_without_a_cursor_every_look_is_a_full_one(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger, store = books(url, week_plan()), Store.open(url)
    erp = Counting(ledger)
    for _ in range(2):
        assert watch(erp, store, DAYS[0]).full  # type: ignore[arg-type]
    assert (
        len([k for _, k in erp.read("payments") if k.get("since") == DAYS[0] - timedelta(days=365)])
        == 2
    )
    store.close()
    ledger.close()
