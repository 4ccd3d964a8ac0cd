"""The largest open invoices are ranked within each currency (issue 17: amounts in different
currencies are never compared): the top N of every currency, ties by invoice number, every one
of a currency when it has fewer than N, one customer's or one currency's when asked, "over X"
in each currency on its own. End to end through ``arbot ask --json`` on a small imported book
and on the demo company; the SQL reads equal the port's."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from graph.portfolio_reads import BookReads
from graph.portfolio_sql import SqlBookReads
from integrations.erp.local import LocalLedger
from integrations.erp.local.csv_import import import_csv
from tests.conftest import TODAY, Cli, Demo, ask_json

CUSTOMERS = """customer_id,name,credit_limit,terms_days,currency,email,parent_id
KR-1,Kestrel Foods Inc.,90000.00,30,USD,ap@kestrel.example.com,
MP-2,Maple Leaf Hardware Ltd.,50000.00,30,CAD,ap@maple.example.com,
HB-3,Hafen Bau GmbH,50000.00,30,EUR,ap@hafen.example.com,
"""
# USD: 9,000 first, then two of 500.00 (a tie: K-0002 before K-0003), 100; one paid.
# CAD: 1,000 and 20. EUR: one of 1,000 (the same figure as CAD's largest, never compared).
INVOICES = (
    "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number,sales_rep\n"
    """K-0003,KR-1,2026-10-01,2026-10-31,500.00,500.00,USD,,Kim
K-0002,KR-1,2026-10-02,2026-11-01,800.00,500.00,USD,,Kim
K-0001,KR-1,2026-09-01,2026-10-01,9000.00,9000.00,USD,,Kim
K-0004,KR-1,2026-10-05,2026-11-04,100.00,100.00,USD,,Kim
K-0009,KR-1,2026-08-01,2026-08-31,20000.00,0.00,USD,,Kim
M-0001,MP-2,2026-10-10,2026-11-09,1000.00,1000.00,CAD,,Kim
M-0002,MP-2,2026-10-11,2026-11-10,20.00,20.00,CAD,,Kim
H-0001,HB-3,2026-10-12,2026-11-11,1000.00,1000.00,EUR,,Kim
"""
)
PAYMENTS = (
    "payment_id,customer_id,date,amount,currency,invoice_number,applied_amount,method,reference\n"
    """PAY-1,KR-1,2026-09-05,20300.00,USD,K-0009,20000.00,ach,K-0009
PAY-1,KR-1,2026-09-05,20300.00,USD,K-0002,300.00,ach,K-0002
"""
)


def write_book(folder: Path) -> dict[str, Path]:
    files = {"customers": CUSTOMERS, "invoices": INVOICES, "payments": PAYMENTS}
    paths = {}
    for name, text in files.items():
        paths[name] = folder / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    folder = tmp_path_factory.mktemp("largest")
    cli = Cli(folder / "home")
    paths = write_book(folder)
    imported = cli("erp", "import", *(a for n, p in paths.items() for a in (f"--{n}", str(p))))
    assert imported.exit_code == 0, imported.output
    return cli


def ranked(reply: dict) -> dict[str, list[str]]:
    return {
        currency: [row["invoice_number"] for row in rows]
        for currency, rows in reply["data"]["by_currency"].items()
    }


def test_the_top_n_of_every_currency_ties_by_invoice_number(book: Cli) -> None:
    reply = ask_json(book, "top 2 open invoices")
    assert reply["intent"] == "largest_invoices" and reply["proposals"] == []
    assert ranked(reply) == {
        "USD": ["K-0001", "K-0002"],  # 500.00 twice: K-0002 before K-0003, which is cut
        "CAD": ["M-0001", "M-0002"],
        "EUR": ["H-0001"],
    }
    assert list(ranked(reply)) == ["USD", "CAD", "EUR"]  # the most open invoices first
    assert reply["data"]["open_invoices"] == {"USD": 4, "CAD": 2, "EUR": 1}
    text = reply["text"]
    assert "K-0003" not in text and "K-0009" not in text  # cut by the tie; paid
    # each currency's leader, with its own figure; 1,000 CAD and 1,000 EUR side by side
    for leader in ("K-0001 (Kestrel Foods Inc.) $9,000.00 in USD", "M-0001", "H-0001"):
        assert leader in text.splitlines()[0] + " " + " ".join(text.splitlines()[1:3])
    assert "Top 2 in USD (of 4 open invoices)" in text
    assert "All 2 open invoices in CAD, largest first" in text
    assert "The only open invoice in EUR" in text
    assert "ranked by open balance within each currency" in text
    # the flat list keeps every invoice shown, each with its rank within its currency
    flat = [
        (row["currency"], row["rank"], row["invoice_number"]) for row in reply["data"]["invoices"]
    ]
    assert flat == [
        ("USD", 1, "K-0001"),
        ("USD", 2, "K-0002"),
        ("CAD", 1, "M-0001"),
        ("CAD", 2, "M-0002"),
        ("EUR", 1, "H-0001"),
    ]
    assert reply["data"]["by_currency"]["USD"][1]["balance"] == 500.0


def test_a_tie_at_the_cut_keeps_both_when_n_reaches_them(book: Cli) -> None:
    reply = ask_json(book, "top 3 open invoices")
    assert ranked(reply)["USD"] == ["K-0001", "K-0002", "K-0003"]


def test_n_larger_than_a_currencys_count_lists_all_of_it(book: Cli) -> None:
    reply = ask_json(book, "largest open invoices")  # ten of each by default
    assert ranked(reply) == {
        "USD": ["K-0001", "K-0002", "K-0003", "K-0004"],
        "CAD": ["M-0001", "M-0002"],
        "EUR": ["H-0001"],
    }
    assert "All 4 open invoices in USD, largest first" in reply["text"]


def test_one_currency_asked_is_that_currency_alone(book: Cli) -> None:
    reply = ask_json(book, "largest open invoice in cad")
    assert ranked(reply) == {"CAD": ["M-0001", "M-0002"]}
    assert reply["text"].startswith(
        "The largest open invoice is M-0001 (Maple Leaf Hardware Ltd.): CAD 1,000.00 open"
    )
    nothing = ask_json(book, "largest open invoices in gbp")
    assert nothing["intent"] == "largest_invoices"
    assert nothing["data"]["by_currency"] == {} and nothing["text"].startswith(
        "No open invoices in GBP"
    )


def test_one_customers_largest(book: Cli) -> None:
    reply = ask_json(book, "largest open invoices for kestrel")
    assert reply["entities"] == {"customer_id": "KR-1"}
    assert ranked(reply) == {"USD": ["K-0001", "K-0002", "K-0003", "K-0004"]}
    assert reply["text"].startswith(
        "The largest open invoice of Kestrel Foods Inc. is K-0001: $9,000.00 open"
    )


def test_over_an_amount_is_every_one_above_it_in_each_currency(book: Cli) -> None:
    reply = ask_json(book, "largest open invoices over 750")
    assert ranked(reply) == {"CAD": ["M-0001"], "EUR": ["H-0001"], "USD": ["K-0001"]}
    assert reply["text"].startswith(
        "Open invoices above 750 (each currency on its own): 1 in CAD; 1 in EUR; 1 in USD."
    )
    one = ask_json(book, "largest open invoices over 5k")
    assert ranked(one) == {"USD": ["K-0001"]}
    assert one["text"].startswith("1 open invoice above 5,000 in USD.")
    none = ask_json(book, "largest open invoices over 50k")
    assert none["data"]["by_currency"] == {}
    assert none["text"].startswith("No open invoice is above 50,000")


def test_the_sql_reads_equal_the_port_reads_at_every_cut(ledger: LocalLedger, tmp_path) -> None:
    import_csv(ledger, today=lambda: TODAY, **write_book(tmp_path))
    sql, port = SqlBookReads(ledger, TODAY), BookReads(ledger, TODAY)
    for at_most in (1, 2, 3, 4, 10):
        for currency in (None, "USD", "EUR", "GBP"):
            assert sql.largest_by_currency(at_most, currency) == port.largest_by_currency(
                at_most, currency
            ), (at_most, currency)
        assert sql.largest_by_currency(at_most, None, "KR-1") == port.largest_by_currency(
            at_most, None, "KR-1"
        )
    for above in (Decimal("499.99"), Decimal("500"), Decimal("999.995"), Decimal("100000")):
        assert sql.largest_by_currency(500, above=above) == port.largest_by_currency(
            500, above=above
        ), above
    assert sql.largest_by_currency(2)["USD"][0] == 4  # how many are open, not how many shown


# --- the demo company ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_cli(tmp_path_factory: pytest.TempPathFactory) -> Cli:
    cli = Cli(tmp_path_factory.mktemp("largest-demo") / "home")
    assert cli("demo", "--no-chat").exit_code == 0
    return cli


def expected_top(demo: Demo, n: int) -> dict[str, list[str]]:
    by_currency: dict[str, list] = defaultdict(list)
    for invoice in demo.ledger.invoices(open_only=True):
        by_currency[invoice.currency].append(invoice)
    return {
        currency: [
            i.invoice_number for i in sorted(rows, key=lambda i: (-i.balance, i.invoice_number))
        ][:n]
        for currency, rows in by_currency.items()
    }


@pytest.mark.parametrize("text,n", [("largest open invoices", 10), ("top 3 open invoices", 3)])
def test_the_demo_companys_largest_in_every_currency(
    demo_cli: Cli, demo: Demo, text: str, n: int
) -> None:
    reply = ask_json(demo_cli, text)
    assert reply["intent"] == "largest_invoices" and reply["proposals"] == []
    expected = expected_top(demo, n)
    assert len(expected) > 1  # the demo book has several currencies
    assert ranked(reply) == expected
    headline = reply["text"].split("\n\n")[0]
    for numbers in expected.values():
        assert numbers[0] in headline  # every currency's leader is said first


def test_every_currency_has_its_table_on_slack_and_teams(demo: Demo) -> None:
    from bot.slack.blocks import render as slack_render
    from bot.teams.cards import render as teams_render
    from graph.agent import Agent
    from graph.messages import Turn

    question = "top 3 open invoices"
    reply = Agent(demo.ledger, today=lambda: TODAY).ask(
        Turn(user_id="tester", surface="slack", text=question)
    )
    expected = expected_top(demo, 3)

    def strings(value: object) -> str:  # every text shown, Teams' markdown escapes undone
        if isinstance(value, dict):
            return " ".join(strings(v) for v in value.values())
        if isinstance(value, list):
            return " ".join(strings(v) for v in value)
        return str(value).replace("\\", "")

    slack = strings(slack_render(reply, question=question)[1])
    teams = strings(teams_render(reply, question=question))
    for currency, numbers in expected.items():
        count = sum(1 for i in demo.ledger.invoices(open_only=True) if i.currency == currency)
        if count > 3:
            title = f"Top 3 in {currency} (of {count} open invoices)"
        elif count == 1:
            title = f"The only open invoice in {currency}"
        else:
            title = f"All {count} open invoices in {currency}, largest first"
        for rendered in (slack, teams):
            assert title in rendered, (currency, rendered[:300])
            assert all(number in rendered for number in numbers), (currency, numbers)


def test_the_llm_can_ask_for_one_customers_largest() -> None:
    from graph.intent_surfaces import llm_tools
    from graph.llm import to_request

    tool = next(t for t in llm_tools() if t["function"]["name"] == "largest_invoices")
    assert "within each currency" in tool["function"]["description"]
    assert {"count", "customer"} <= set(tool["function"]["parameters"]["properties"])
    request = to_request(
        "largest_invoices", {"customer": "globex", "count": 3}, "globex's biggest", TODAY
    )
    assert request is not None
    assert request.intent == "largest_invoices"
    assert (request.customer_text, request.limit) == ("globex", 3)
