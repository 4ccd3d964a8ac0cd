"""Shadow mode's scorecard: the running count per kind, with the confidence at which applying alone
would have kept precision ≥ 99.8% (``graph.backtest.cashapp.safe_threshold``) and, for
``chase_first``, how often the team's first was arbot's first and how many of the pairs of
customers the team chased were in arbot's order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.backtest.cashapp import PRECISION_GOAL, safe_amount, safe_threshold
from integrations.store import Store
from integrations.store import shadow as rows_of

KINDS = ("apply_payment", "write_off_deduction", "chase_first")


def scorecard(store: Store, *, since: date | None = None, examples: int = 10) -> dict[str, Any]:
    """Per kind: looked at, waiting, agreed, disagreed (with each disagreement), and for cash
    the confidence at which applying alone would have kept precision ≥ 99.8%."""
    found = rows_of.rows(store.engine, since=since)
    kinds: dict[str, Any] = {}
    for kind in KINDS:
        mine = [r for r in found if r.kind == kind]
        settled = [r for r in mine if r.status in ("agree", "disagree")]
        agree = [r for r in settled if r.status == "agree"]
        card: dict[str, Any] = {
            "observed": len(mine),
            "waiting": sum(r.status == "waiting" for r in mine),
            "settled": len(settled),
            "agree": len(agree),
            "disagree": len(settled) - len(agree),
            "moot": sum(r.status == "moot" for r in mine),
            "agreement": round(len(agree) / len(settled), 4) if settled else None,
            "disagreements": [_disagreement(r) for r in settled if r.status == "disagree"][
                :examples
            ],
        }
        if kind == "apply_payment":
            auto = [r for r in settled if r.would == "auto"]
            card["would_auto"] = len(auto)
            card["would_auto_wrong"] = sum(r.status == "disagree" for r in auto)
            card["precision_auto"] = (
                round(sum(r.status == "agree" for r in auto) / len(auto), 4) if auto else None
            )
            scored = [
                (r.confidence or 0.0, r.status == "agree")
                for r in settled
                if r.suggested.get("applications")
            ]
            card["threshold"] = safe_threshold(scored, PRECISION_GOAL)
            card["curve"] = precision_curve(scored)
            card["auto_amount"] = safe_amount(
                [(r.amount, r.status == "agree") for r in auto if r.amount is not None]
            )
        if kind == "chase_first":
            people = [r.actual or {} for r in settled]
            chased = sum(len(p.get("order", [])) for p in people)
            pairs = sum(p.get("pairs", 0) for p in people)
            card["chased"] = chased
            card["chased_on_list"] = chased - sum(len(p.get("outside_list", [])) for p in people)
            card["first_same"] = sum(bool(p.get("first_same")) for p in people)
            card["pairs"] = pairs
            card["pairs_in_order"] = sum(p.get("pairs_in_order", 0) for p in people)
            card["pair_agreement"] = round(card["pairs_in_order"] / pairs, 4) if pairs else None
        kinds[kind] = card
    return {"since": since.isoformat() if since else None, "kinds": kinds}


def precision_curve(scored: list[tuple[float, bool]]) -> list[dict[str, float]]:
    """Precision and share applied if arbot applied alone every proposal at or above each
    confidence seen (highest first): the curve the trust report draws."""
    ordered = sorted(scored, key=lambda s: -s[0])
    points: list[dict[str, float]] = []
    right = 0
    for taken, (level, ok) in enumerate(ordered, start=1):
        right += ok
        if taken == len(ordered) or ordered[taken][0] != level:
            points.append(
                {
                    "confidence": level,
                    "precision": round(right / taken, 4),
                    "applied_share": round(taken / len(ordered), 4),
                }
            )
    return points


def _disagreement(row: Any) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "subject": row.subject,
        "observed_on": row.observed_on.isoformat(),
        "would": row.would,
        "confidence": row.confidence,
        "arbot": {k: v for k, v in row.suggested.items() if k != "explanation"},
        "people": row.actual,
    }
