"""A collector's accounts said as their territory ("dana's patch", "luis ortega's territory",
"the accounts on priya's desk"): the aging of the customers that collector works, the same
figures as their row of "aging by collector"; a customer's own aging and a collector's worklist
keep their reading."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import Cli, ask_json, demo_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


@pytest.fixture(scope="module")
def everyone(demo: Cli) -> dict[str, dict[str, Decimal]]:
    rows = ask_json(demo, "aging by collector")["data"]["by_collector"]
    out: dict[str, dict[str, Decimal]] = {}
    for key, buckets in rows.items():
        who, currency = key.split("/")
        out.setdefault(who, {})[currency] = Decimal(str(buckets["total"]))
    return out


@pytest.mark.parametrize(
    "text,collector",
    [
        ("aging on dana's patch pls", "Dana Kim"),
        ("ageing of luis ortega's territory", "Luis Ortega"),
        ("how does the aging look on priya's desk", "Priya Shah"),
    ],
)
def test_a_collectors_territory_is_their_accounts(
    demo: Cli, everyone: dict[str, dict[str, Decimal]], text: str, collector: str
) -> None:
    reply = ask_json(demo, text)
    assert reply["intent"] == "aging_report", reply["text"][:200]
    assert reply["data"]["collector"] == collector
    got = {c: Decimal(str(v["total"])) for c, v in reply["data"]["by_currency"].items()}
    assert got == everyone[collector]
    assert reply["proposals"] == []


def test_a_customers_aging_and_a_collectors_worklist_keep_their_reading(demo: Cli) -> None:
    own = ask_json(demo, "aging for wells & wagner")
    assert "collector" not in (own.get("data") or {})
    assert "Wells" in own["text"] and own["proposals"] == []
    worklist = ask_json(demo, "what's on dana's list today")
    assert worklist["intent"] == "collections_list"
    assert worklist["proposals"] == []
