"""The aging of one collector's accounts when the words name a collector, not a customer: the
same figures as that collector's row of "aging by collector", per currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import Cli, ask_json, demo_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


@pytest.mark.parametrize(
    "text,collector",
    [("ageing of luis's accounts", "Luis Ortega"), ("priya shah book aging", "Priya Shah")],
)
def test_a_collectors_name_gets_that_collectors_aging(demo: Cli, text: str, collector: str) -> None:
    everyone = ask_json(demo, "aging by collector")["data"]["by_collector"]
    reply = ask_json(demo, text)
    assert reply["intent"] == "aging_report", reply["text"][:200]
    assert reply["data"]["collector"] == collector
    mine = {k.split("/")[1]: v for k, v in everyone.items() if k.split("/")[0] == collector}
    assert mine
    got = reply["data"]["by_currency"]
    assert {c: Decimal(str(v["total"])) for c, v in got.items()} == {
        c: Decimal(str(v["total"])) for c, v in mine.items()
    }
    assert collector in reply["text"] and reply["proposals"] == []


def test_a_customers_aging_is_still_the_customers(demo: Cli) -> None:
    reply = ask_json(demo, "aging for globex")
    assert "collector" not in (reply.get("data") or {})
    assert "Globex" in reply["text"] and reply["proposals"] == []
