"""The held-out cash application set: its generator, its truth and its scorer.

Nothing here measures arbot's matcher; evals/cashapp/run.py reports that.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from evals.cashapp.generate import generate
from evals.cashapp.score import clerk_rule, main, matches, score, verbatim_numbers
from evals.cashapp.spelling import rf_is_valid, rf_reference

REASONS = {
    "pricing",
    "shortage",
    "damage",
    "promotion",
    "freight",
    "tax",
    "discount",
    "bank_fee",
    "unknown",
}
SMALL = {"payments": 150, "invoices": 800, "customers": 120}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed5")
    generate(5, out, **SMALL)
    return out


def _truth(directory: Path) -> list[dict]:
    return [json.loads(line) for line in (directory / "truth.jsonl").read_text().splitlines()]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_same_seed_same_files_other_seed_other_files(generated: Path, tmp_path: Path) -> None:
    generate(5, tmp_path / "again", **SMALL)
    generate(6, tmp_path / "other", **SMALL)
    for name in ("customers.csv", "invoices.csv", "bank.csv", "truth.jsonl", "meta.json"):
        assert (generated / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name
    assert (generated / "bank.csv").read_bytes() != (tmp_path / "other" / "bank.csv").read_bytes()


def test_truth_adds_up_and_never_overdraws_an_invoice(generated: Path) -> None:
    invoices = {row["invoice_number"]: row for row in _csv(generated / "invoices.csv")}
    customers = {row["customer_id"] for row in _csv(generated / "customers.csv")}
    bank = {row["payment_id"]: row for row in _csv(generated / "bank.csv")}
    truth = _truth(generated)
    assert len(truth) == len(bank) == SMALL["payments"]
    taken: dict[str, Decimal] = defaultdict(Decimal)
    for row in truth:
        amount = Decimal(row["amount"])
        assert Decimal(bank[row["payment_id"]]["amount"]) == amount
        assert bank[row["payment_id"]]["currency"] == row["currency"]
        applied = sum((Decimal(a["amount"]) for a in row["applications"]), Decimal("0"))
        # cash applied + cash left unapplied = the payment (the deduction is not cash)
        assert applied + Decimal(row["unapplied_amount"]) == amount, row["payment_id"]
        deduction_lines = sum((Decimal(d["amount"]) for d in row["deduction_lines"]), Decimal("0"))
        if row["deduction"]:
            assert Decimal(row["deduction"]["amount"]) == deduction_lines > 0
            assert row["deduction"]["reason_code"] in REASONS
        else:
            assert deduction_lines == 0
        assert row["customer_id"] is None or row["customer_id"] in customers
        if row["placeable"]:
            assert row["customer_id"] and row["applications"]
        for app in [*row["applications"], *row["deduction_lines"]]:
            invoice = invoices[app["invoice_number"]]
            assert invoice["customer_id"] == row["customer_id"]
            assert invoice["currency"] == row["currency"]
            assert Decimal(app["amount"]) > 0
            taken[app["invoice_number"]] += Decimal(app["amount"])
    for number, total in taken.items():
        assert total <= Decimal(invoices[number]["balance"]), number


def test_parents_exist_and_several_invoice_series_are_used(generated: Path) -> None:
    customers = _csv(generated / "customers.csv")
    ids = {row["customer_id"] for row in customers}
    parents = {row["parent_id"] for row in customers if row["parent_id"]}
    assert parents and parents <= ids
    numbers = [row["invoice_number"] for row in _csv(generated / "invoices.csv")]
    assert {n.split("-")[0].split("/")[0][:3] for n in numbers} >= {"INV", "26", "SI"}


def test_rf_creditor_reference_check_digits() -> None:
    assert rf_reference("539007547034") == "RF18539007547034"  # the ISO 11649 example
    assert rf_is_valid(rf_reference("SI/2026/04634"))
    assert not rf_is_valid("RF19539007547034")


def _perfect(truth: list[dict]) -> dict[str, dict]:
    return {
        row["payment_id"]: {
            "payment_id": row["payment_id"],
            "decision": "auto" if row["placeable"] else "unmatched",
            "customer_id": row["customer_id"],
            "applications": [
                {"invoice_number": a["invoice_number"], "amount": float(a["amount"])}
                for a in row["applications"]
            ],
            "deduction": row["deduction"]
            and {
                "amount": float(row["deduction"]["amount"]),
                "reason_code": row["deduction"]["reason_code"],
            },
            "unapplied_amount": float(row["unapplied_amount"]),
        }
        for row in truth
    }


def test_a_perfect_result_scores_100(generated: Path) -> None:
    report = score(generated, _perfect(_truth(generated)))
    overall = report["overall"]
    assert overall["placeable"] > 0 and overall["deductions"] > 0
    assert overall["auto_pct"] == overall["precision_pct"] == overall["right_pct"] == 100.0
    assert overall["reason_right_pct"] == overall["unplaceable_held_pct"] == 100.0
    assert overall["auto_wrong"] == 0 and report["missing_results"] == 0


def test_a_guess_on_an_unplaceable_payment_is_a_wrong_auto(generated: Path) -> None:
    truth = _truth(generated)
    results = _perfect(truth)
    stranger = next(row for row in truth if not row["placeable"])
    results[stranger["payment_id"]]["decision"] = "auto"
    assert score(generated, results)["overall"]["auto_wrong"] == 1


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    (tmp_path / "invoices.csv").write_text(
        "invoice_number,customer_id,invoice_date,due_date,amount,balance,currency,po_number\n"
        "INV-100001,C1,2026-03-01,2026-03-31,100.00,100.00,USD,\n"
        "INV-100002,C1,2026-03-02,2026-04-01,250.00,250.00,USD,\n"
        "INV-100003,C2,2026-03-03,2026-04-02,250.00,250.00,USD,\n"
        "INV-100004,C2,2026-03-04,2026-04-03,75.50,75.50,USD,\n"
        "INV-100005,C2,2026-03-05,2026-04-04,900.00,900.00,USD,\n"
    )
    (tmp_path / "bank.csv").write_text(
        "payment_id,date,amount,currency,payer_name,reference\n"
        'P1,2026-04-30,350.00,USD,ONE CO,"RMR*IV*INV-100001**100.00~RMR*IV*INV-100002**250.00~"\n'
        "P2,2026-04-30,75.50,USD,TWO CO,PAYMENT\n"
        "P3,2026-04-30,250.00,USD,TWO CO,THANKS\n"
        "P4,2026-04-30,100.00,USD,J SMITH,\n"
        "P5,2026-04-30,882.00,USD,TWO CO,INV-100005 LESS 18.00 PRICE DIFF\n"
    )
    rows = [
        ("P1", "C1", [("INV-100001", "100.00"), ("INV-100002", "250.00")], None, True),
        ("P2", "C2", [("INV-100004", "75.50")], None, True),
        ("P3", "C2", [("INV-100003", "250.00")], None, True),
        ("P4", None, [], None, False),
        (
            "P5",
            "C2",
            [("INV-100005", "882.00")],
            {"amount": "18.00", "reason_code": "pricing"},
            True,
        ),
    ]
    with (tmp_path / "truth.jsonl").open("w") as handle:
        for pid, cid, apps, deduction, placeable in rows:
            amount = sum((Decimal(a) for _, a in apps), Decimal("0"))
            handle.write(
                json.dumps(
                    {
                        "payment_id": pid,
                        "scenario": "hand",
                        "channel": "memo",
                        "customer_id": cid,
                        "applications": [{"invoice_number": n, "amount": a} for n, a in apps],
                        "deduction": deduction,
                        "deduction_lines": [],
                        "unapplied_amount": "0.00" if apps else "100.00",
                        "placeable": placeable,
                        "amount": str(amount or Decimal("100.00")),
                        "currency": "USD",
                    }
                )
                + "\n"
            )
    return tmp_path


def test_clerk_rule_on_a_hand_made_case(tiny: Path) -> None:
    clerk = clerk_rule(tiny)
    # verbatim numbers that add up; else the one open invoice of that amount; else nothing
    assert [a["invoice_number"] for a in clerk["P1"]["applications"]] == [
        "INV-100001",
        "INV-100002",
    ]
    assert clerk["P2"]["customer_id"] == "C2" and clerk["P2"]["decision"] == "auto"
    assert clerk["P3"]["decision"] == "unmatched"  # two open invoices of 250.00
    assert clerk["P4"]["applications"][0]["invoice_number"] == "INV-100001"  # a guess
    assert clerk["P5"]["decision"] == "unmatched"  # cited, but 900.00 is not 882.00
    report = score(tiny, {})
    overall = report["overall"]
    assert (overall["clerk_autos"], overall["clerk_wrong"]) == (3, 1)
    assert overall["clerk_auto_pct"] == 50.0  # P1 and P2 of the 4 placeable payments
    assert overall["auto_pct"] == 0.0 and report["missing_results"] == 5


def test_verbatim_means_whole_numbers_only() -> None:
    known = {"INV-100001", "SI/2026/04634", "26-041877"}
    assert verbatim_numbers("inv-100001/SI/2026/04634;26-041877", known) == [
        "INV-100001",
        "SI/2026/04634",
        "26-041877",
    ]
    assert verbatim_numbers("INV-1000012 INV100001 SI 2026 04634 26041877", known) == []


def test_deductions_are_matched_on_amount_and_cash_total(tiny: Path) -> None:
    truth = {row["payment_id"]: row for row in _truth(tiny)}
    right = {
        "customer_id": "C2",
        "applications": [{"invoice_number": "INV-100005", "amount": 882.0}],
        "deduction": {"amount": 18.0, "reason_code": "damage"},
        "unapplied_amount": 0.0,
    }
    assert matches(truth["P5"], right)  # the reason is scored apart from the match
    assert not matches(truth["P5"], {**right, "deduction": None})
    assert not matches(truth["P5"], {**right, "deduction": {"amount": 17.0, "reason_code": "x"}})
    assert not matches(truth["P5"], {**right, "customer_id": "C1"})


def test_score_command_reports_bad_input_without_a_traceback(
    tiny: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tiny / "result.json"
    broken.write_text('{"results": [\n  {"payment_id": "P1",\n')
    assert main([str(tiny), str(broken)]) == 1
    assert f"{broken}:" in capsys.readouterr().err
    broken.write_text(json.dumps({"results": []}))
    assert main([str(tiny), str(broken), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["overall"]["n"] == 5
