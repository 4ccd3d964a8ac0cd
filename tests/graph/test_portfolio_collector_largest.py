"""The largest open invoices of one collector's accounts when the words name a collector, not a
customer ("the biggest open invoices on priya's book"): only the invoices of the customers that
collector collects, ranked within each currency; a customer's largest stay the customer's."""

from __future__ import annotations

import pytest

from tests.conftest import Cli, ask_json, demo_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return demo_cli(tmp_path_factory)


def _collectors(demo: Cli, monkeypatch: pytest.MonkeyPatch) -> dict[str, str | None]:
    from bot.config import Settings
    from bot.runtime import Runtime

    for key, value in demo.env().items():
        monkeypatch.setenv(key, value)
    runtime = Runtime.open(Settings.from_env())
    return {c.customer_id: c.collector for c in runtime.erp.list_customers()}


@pytest.mark.parametrize(
    "text,collector",
    [
        ("top 3 open invoices on priya's book", "Priya Shah"),
        ("largest invoices for luis ortega's accounts", "Luis Ortega"),
    ],
)
def test_a_collectors_largest_invoices(
    demo: Cli, monkeypatch: pytest.MonkeyPatch, text: str, collector: str
) -> None:
    reply = ask_json(demo, text)
    assert reply["intent"] == "largest_invoices", reply["text"][:200]
    assert reply["entities"].get("collector") == collector
    assert f"{collector}'s accounts" in reply["text"]
    assert reply["proposals"] == []
    shown = reply["data"]["invoices"]
    collectors = _collectors(demo, monkeypatch)
    assert shown and all(collectors[e["customer_id"]] == collector for e in shown)
    # within each currency, the collector's largest: none of theirs left out is bigger
    everyone = ask_json(demo, "largest open invoices top 200")["data"]["invoices"]
    for currency in {e["currency"] for e in shown}:
        theirs = [e for e in shown if e["currency"] == currency]
        smallest = min(float(e["balance"]) for e in theirs)
        left_out = [
            e
            for e in everyone
            if e["currency"] == currency
            and collectors[e["customer_id"]] == collector
            and e["invoice_number"] not in {t["invoice_number"] for t in theirs}
        ]
        assert all(float(e["balance"]) <= smallest for e in left_out)


def test_a_customers_largest_invoices_are_still_the_customers(demo: Cli) -> None:
    reply = ask_json(demo, "largest open invoices for globex")
    assert "collector" not in (reply.get("entities") or {})
    assert "Globex" in reply["text"] and reply["proposals"] == []
