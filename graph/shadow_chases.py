"""Shadow mode's "who to chase first" (``graph.shadow``): once a day the top of arbot's
collections list, settled at a later day's first look against the customers the team noted
that day, in the order of their first note.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from integrations.erp.port import ErpClient
from integrations.erp.records import Note
from integrations.store import Store
from integrations.store import shadow as rows_of

CHASE_TOP = 10  # the accounts arbot would chase first, as the collections list's top ten
ARBOT = "arbot"  # the author of arbot's own notes (not the team's chasing)


def chase_view(erp: ErpClient, store: Store, today: date) -> list[dict[str, Any]]:
    """Today's list of who arbot would chase first, once a day."""
    if today.isoformat() in rows_of.known_subjects(store.engine, "chase_first"):
        return []
    from graph.ar.collections_book import read_book
    from graph.collector_signals import collector_signals

    book = read_book(erp, today, collector_signals(erp, store))
    order = [r.account.customer_id for r in book.ranked if r.account.past_due > 0]
    return [
        {
            "kind": "chase_first",
            "subject": today.isoformat(),
            "suggested": {"order": order[:CHASE_TOP], "past_due_accounts": len(order)},
            "would": "suggest",
        }
    ]


def chased_on(notes: Sequence[Note], day: date) -> list[str]:
    """The customers people chased on ``day`` (a note of theirs, not arbot's), in the order of
    their first note that day (in the business time zone)."""
    from integrations.store.clock import business_zone

    zone = business_zone()
    order: list[str] = []
    for note in sorted(notes, key=lambda n: n.created_at):
        written = note.created_at
        on = (written.astimezone(zone) if written.tzinfo is not None else written).date()
        if on == day and note.author != ARBOT and note.customer_id not in order:
            order.append(note.customer_id)
    return order


def settle_chases(
    erp: ErpClient, store: Store, today: date
) -> list[tuple[str, str, dict[str, Any]]]:
    """Each earlier day's list against the team's chasing that day."""
    rows = [
        r for r in rows_of.waiting(store.engine, "chase_first") if r.subject < today.isoformat()
    ]
    if not rows:
        return []
    notes = erp.notes()
    settled = []
    for row in rows:
        people = chased_on(notes, date.fromisoformat(row.subject))
        if not people:
            settled.append((row.shadow_id, "moot", {"order": [], "settled": "nobody was chased"}))
            continue
        arbot = list(row.suggested["order"])
        actual = chase_comparison(arbot, people)
        settled.append((row.shadow_id, "agree" if actual["same"] else "disagree", actual))
    return settled


def chase_comparison(arbot: Sequence[str], people: Sequence[str]) -> dict[str, Any]:
    """The team's order against arbot's: who they chased outside arbot's list, whether their
    first was arbot's first, and the pairs of customers (both on the list) chased in arbot's
    order. ``same``: all on the list and every pair in arbot's order."""
    rank = {customer: index for index, customer in enumerate(arbot)}
    listed = [c for c in people if c in rank]
    pairs = [(a, b) for i, a in enumerate(listed) for b in listed[i + 1 :]]
    in_order = sum(rank[a] < rank[b] for a, b in pairs)
    outside = [c for c in people if c not in rank]
    return {
        "order": list(people),
        "outside_list": outside,
        "first_same": bool(arbot) and people[0] == arbot[0],
        "pairs": len(pairs),
        "pairs_in_order": in_order,
        "same": not outside and in_order == len(pairs),
    }
