"""Shadow mode's "who to chase first": each day arbot's list (the collections list's top
past-due accounts, at its first look) against the order in which the team chased customers that
day, read from the notes people wrote in the ERP. A week where the team chases in known orders:
the reverse of arbot's, arbot's own, someone not on the list, nobody — and the scorecard says
exactly that."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from graph.shadow import watch
from graph.shadow_chases import chase_comparison, chased_on
from graph.shadow_score import scorecard
from graph.trust_report import scorecard_lines
from integrations.erp.local import LocalLedger
from integrations.erp.local import schema as t
from integrations.erp.records import Note
from integrations.store import Store
from integrations.store import shadow as rows_of
from tests.graph.backtest.books_kit import customer_rows
from tests.graph.shadow_kit import invoice_row

MONDAY = date(2026, 11, 16)
DAYS = [MONDAY + timedelta(days=n) for n in range(5)]


def _ledger(url: str) -> LocalLedger:
    ledger = LocalLedger.open(url)
    quiet = {**customer_rows()[0], "customer_id": "D1", "name": "Dune Traders Ltd"}
    with ledger.writing() as conn:
        conn.execute(insert(t.customers), [*customer_rows(), quiet])
        conn.execute(
            insert(t.invoices),
            [  # three accounts past due since October, by different amounts
                invoice_row("INV-8001", "A1", "9000.00"),
                invoice_row("INV-8002", "B1", "4000.00"),
                invoice_row("INV-8003", "C1", "1500.00"),
            ],
        )
    return ledger


def _chase(ledger: LocalLedger, day: date, customers: list[str], author: str = "Dana Kim") -> None:
    """Notes written on ``day``, an hour apart from 9:00, in this order."""
    with ledger.writing() as conn:
        conn.execute(
            insert(t.notes),
            [
                {
                    "customer_id": customer,
                    "invoice_number": None,
                    "author": author,
                    "text": "Called about the past-due balance",
                    "created_at": datetime.combine(day, time(9 + hour), tzinfo=UTC),
                }
                for hour, customer in enumerate(customers)
            ],
        )


@pytest.fixture
def no_business_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARBOT_TZ", raising=False)


def test_a_week_of_chasing_in_known_orders(tmp_path: Path, no_business_zone: None) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger, store = _ledger(url), Store.open(url)

    watch(ledger, store, DAYS[0])  # Monday's list
    [monday] = rows_of.waiting(store.engine, "chase_first")
    arbot = monday.suggested["order"]
    assert sorted(arbot) == ["A1", "B1", "C1"]  # the three past-due accounts; not D1
    assert monday.suggested["past_due_accounts"] == 3
    # Monday: the team calls arbot's third first, then its first; arbot's own note and a
    # second call on the same customer change nothing.
    _chase(ledger, DAYS[0], [arbot[2], arbot[0], arbot[2]])
    _chase(ledger, DAYS[0], [arbot[1]], author="arbot")

    watch(ledger, store, DAYS[1])  # settles Monday; Tuesday's list
    tuesday = next(r for r in rows_of.waiting(store.engine, "chase_first"))
    assert tuesday.subject == DAYS[1].isoformat()
    _chase(ledger, DAYS[1], tuesday.suggested["order"][:2])  # arbot's order exactly
    watch(ledger, store, DAYS[2])
    _chase(ledger, DAYS[2], ["D1"])  # Wednesday: someone not on arbot's list
    watch(ledger, store, DAYS[3])  # Thursday: nobody chased
    watch(ledger, store, DAYS[4])  # settles Thursday; Friday's list waits

    card = scorecard(store)["kinds"]["chase_first"]
    store.close()
    ledger.close()
    assert {k: card[k] for k in ("observed", "settled", "agree", "disagree", "moot")} == {
        "observed": 5,
        "settled": 3,
        "agree": 1,
        "disagree": 2,
        "moot": 1,
    }
    assert card["waiting"] == 1
    assert (card["chased"], card["chased_on_list"], card["first_same"]) == (5, 4, 1)
    assert (card["pairs"], card["pairs_in_order"], card["pair_agreement"]) == (2, 1, 0.5)
    assert [(d["subject"], d["people"]) for d in card["disagreements"]] == [
        (
            DAYS[0].isoformat(),
            {
                "order": [arbot[2], arbot[0]],
                "outside_list": [],
                "first_same": False,
                "pairs": 1,
                "pairs_in_order": 0,
                "same": False,
            },
        ),
        (
            DAYS[2].isoformat(),
            {
                "order": ["D1"],
                "outside_list": ["D1"],
                "first_same": False,
                "pairs": 0,
                "pairs_in_order": 0,
                "same": False,
            },
        ),
    ]
    assert card["disagreements"][0]["arbot"]["order"] == arbot
    lines = scorecard_lines({"kinds": {"chase_first": card}})
    assert "Who to chase first (days): 5 observed, 3 settled by the team" in lines[0]
    assert "1 without chasing" in lines[0]
    assert (
        "The team chased 5 accounts, 4 of them on arbot's list; their first was arbot's first "
        "on 1 of 3 days; 1 of 2 pairs in arbot's order (50.0%)"
    ) in lines[1]
    assert f"{DAYS[0].isoformat()}: arbot chase {' → '.join(arbot)}" in "\n".join(lines)

    # The one-page report and the card carry the chasing too.
    from graph.trust_report import _latin, trust_reply, write_pdf

    full = {"kinds": {"chase_first": card}, "today": DAYS[4].isoformat(), "mode": "monitor"}
    write_pdf(full, tmp_path / "trust.pdf")
    assert (tmp_path / "trust.pdf").read_bytes().startswith(b"%PDF")
    assert _latin(f"arbot chase {' → '.join(arbot)}") == f"arbot chase {' -> '.join(arbot)}"
    table = next(s.table for s in trust_reply(full).sections if s.table is not None)
    assert table.rows[0] == (
        DAYS[0].isoformat(),
        f"chase {' → '.join(arbot)}",
        f"chase {arbot[2]} → {arbot[0]}",
    )


def test_the_list_is_made_once_a_day(tmp_path: Path, no_business_zone: None) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger, store = _ledger(url), Store.open(url)
    watch(ledger, store, DAYS[0])
    watch(ledger, store, DAYS[0])
    assert len(rows_of.rows(store.engine)) == 1
    store.close()
    ledger.close()


def note(customer: str, at: datetime, author: str = "Lee") -> Note:
    return Note(customer, "called", author, at)


def test_the_day_of_a_note_is_the_business_day(monkeypatch: pytest.MonkeyPatch) -> None:
    late = datetime(2026, 11, 17, 2, 30, tzinfo=UTC)  # Monday evening in Chicago
    notes = [note("B1", late), note("A1", datetime(2026, 11, 16, 15, 0, tzinfo=UTC))]
    monkeypatch.setenv("ARBOT_TZ", "America/Chicago")
    assert chased_on(notes, DAYS[0]) == ["A1", "B1"]
    monkeypatch.delenv("ARBOT_TZ")
    assert chased_on(notes, DAYS[0]) == ["A1"]


@pytest.mark.parametrize(
    ("people", "same", "first_same", "pairs", "in_order"),
    [
        (["A", "B", "C"], True, True, 3, 3),
        (["A", "C"], True, True, 1, 1),  # skipping one keeps the order
        (["B", "A"], False, False, 1, 0),
        (["C", "A", "B"], False, False, 3, 1),
        (["A", "X"], False, True, 0, 0),  # someone not on the list
    ],
)
def test_the_comparison_of_two_orders(
    people: list[str], same: bool, first_same: bool, pairs: int, in_order: int
) -> None:
    compared = chase_comparison(["A", "B", "C"], people)
    assert (compared["same"], compared["first_same"]) == (same, first_same)
    assert (compared["pairs"], compared["pairs_in_order"]) == (pairs, in_order)
    assert compared["order"] == people


def test_nothing_past_due_is_an_empty_list_not_an_error(
    tmp_path: Path, no_business_zone: None
) -> None:
    url = f"sqlite:///{tmp_path / 'arbot.db'}"
    ledger = LocalLedger.open(url)
    with ledger.writing() as conn:
        conn.execute(insert(t.customers), customer_rows())
    store = Store.open(url)
    watch(ledger, store, DAYS[0])
    [row] = rows_of.rows(store.engine)
    assert row.suggested == {"order": [], "past_due_accounts": 0}
    store.close()
    ledger.close()


def test_every_kind_disagreeing_still_fits_one_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from graph.trust_report import write_pdf

    def kind(n: int, arbot: dict, people: dict) -> dict:
        return {
            "observed": 9,
            "waiting": 0,
            "settled": 9,
            "agree": 9 - n,
            "disagree": n,
            "moot": 0,
            "agreement": round((9 - n) / 9, 4),
            "disagreements": [
                {
                    "kind": "k",
                    "subject": f"S-{i}",
                    "observed_on": "2026-11-16",
                    "would": "review",
                    "confidence": 0.5,
                    "arbot": arbot,
                    "people": people,
                }
                for i in range(n)
            ],
        }

    cash = kind(6, {"customer_id": "A1", "applications": [["INV-1", "10.00"]]}, {})
    cash |= {"would_auto": 3, "would_auto_wrong": 1, "precision_auto": 0.6667, "threshold": None}
    cash |= {"curve": [], "auto_amount": None}
    chase = kind(6, {"order": ["A1", "B1"]}, {"order": ["B1", "A1"], "outside_list": []})
    chase |= {"chased": 12, "chased_on_list": 12, "first_same": 3, "pairs": 6}
    chase |= {"pairs_in_order": 3, "pair_agreement": 0.5}
    card = {
        "today": "2026-11-21",
        "mode": "monitor",
        "kinds": {
            "apply_payment": cash,
            "write_off_deduction": kind(6, {"reason_code": "damage"}, {"reason_code": "pricing"}),
            "chase_first": chase,
        },
    }
    write_pdf(card, tmp_path / "t.pdf")
    pages = PdfReader(tmp_path / "t.pdf").pages
    assert len(pages) == 1
    heights: list[float] = []

    def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            heights.append(tm[5] * cm[3] + cm[5])  # the line's height above the page's foot

    text = pages[0].extract_text(visitor_text=seen)
    assert "Reviewed and approved" in text and "Date:" in text
    assert min(heights) > 0, "everything is drawn on the page, the place to sign too"
    assert text.count("S-") == 8  # eight disagreements shown, every kind's first ones
