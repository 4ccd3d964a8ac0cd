"""Score a cash application result against the held-out truth, next to a clerk's rule.

    python evals/cashapp/score.py DIR RESULT.json [--json]

DIR is what generate.py wrote (invoices.csv, bank.csv, truth.jsonl); RESULT.json is
`arbot cashapp --out` ({"results": [...]}, CONTRACTS). An auto-application is right only when
the customer, every application (invoice and amount) and the deduction amount match the truth;
auto on a payment nobody could place is always wrong. The clerk's rule is scored in the same
run: invoice numbers written verbatim in the reference whose open balances add up exactly to
the payment, else the one open invoice of exactly that amount, else nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

CENT = Decimal("0.01")
RUN = re.compile(r"[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*")
PIECE = re.compile(r"[A-Za-z0-9]+|[-/]")


class ScoreError(Exception):
    """Bad input: a message naming the file (and line) at fault."""


def _money(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value)).quantize(CENT)
    except (InvalidOperation, ValueError) as exc:
        raise ScoreError(f"{where}: not an amount: {value!r}") from exc


def load_truth(directory: Path) -> list[dict[str, Any]]:
    path = directory / "truth.jsonl"
    if not path.is_file():
        raise ScoreError(f"{path}: not found (run generate.py first)")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ScoreError(f"{path}:{number}: not JSON: {exc.msg}") from exc
    return rows


def load_results(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ScoreError(f"{path}: not found") from exc
    except json.JSONDecodeError as exc:
        raise ScoreError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ScoreError(f'{path}: expected {{"results": [...]}}')
    rows = {}
    for index, row in enumerate(data["results"]):
        if not isinstance(row, dict) or not isinstance(row.get("payment_id"), str):
            raise ScoreError(f"{path}: results[{index}]: expected an object with a payment_id")
        rows[row["payment_id"]] = row
    return rows


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise ScoreError(f"{path}: not found")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def verbatim_numbers(reference: str, known: set[str]) -> list[str]:
    """Invoice numbers written exactly as issued (case aside), bounded by non-alphanumerics."""
    found: list[str] = []
    for run in RUN.findall(reference.upper()):
        pieces = PIECE.findall(run)
        for start in range(0, len(pieces), 2):
            for end in range(start, min(start + 7, len(pieces)), 2):
                candidate = "".join(pieces[start : end + 1])
                if candidate in known and candidate not in found:
                    found.append(candidate)
    return found


def clerk_rule(directory: Path) -> dict[str, dict[str, Any]]:
    """The no-AI baseline, as results in the --out shape (every hit is an auto-application)."""
    invoices = {}
    for row in _read_csv(directory / "invoices.csv"):
        balance = _money(row["balance"], f"{directory / 'invoices.csv'}: {row['invoice_number']}")
        if balance > 0:
            invoices[row["invoice_number"].upper()] = (
                row["invoice_number"],
                row["customer_id"],
                balance,
                row["currency"],
            )
    by_amount: dict[tuple[Decimal, str], list[str]] = defaultdict(list)
    for key, (_, _, balance, currency) in invoices.items():
        by_amount[(balance, currency)].append(key)
    known = set(invoices)
    results = {}
    for row in _read_csv(directory / "bank.csv"):
        amount = _money(row["amount"], f"{directory / 'bank.csv'}: {row['payment_id']}")
        cited = [
            k
            for k in verbatim_numbers(row["reference"], known)
            if invoices[k][3] == row["currency"]
        ]
        chosen: list[str] = []
        one_customer = len({invoices[k][1] for k in cited}) == 1
        if one_customer and sum((invoices[k][2] for k in cited), Decimal("0")) == amount:
            chosen = cited
        if not chosen and len(by_amount[(amount, row["currency"])]) == 1:
            chosen = by_amount[(amount, row["currency"])]
        results[row["payment_id"]] = {
            "payment_id": row["payment_id"],
            "decision": "auto" if chosen else "unmatched",
            "customer_id": invoices[chosen[0]][1] if chosen else None,
            "applications": [
                {"invoice_number": invoices[k][0], "amount": str(invoices[k][2])} for k in chosen
            ],
            "deduction": None,
            "unapplied_amount": "0.00" if chosen else str(amount),
        }
    return results


def _applications(rows: list[dict[str, Any]], where: str) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for app in rows or []:
        totals[str(app.get("invoice_number"))] += _money(app.get("amount"), where)
    return dict(totals)


def matches(truth: dict[str, Any], result: dict[str, Any] | None) -> bool:
    """Customer, every application and the deduction amount as the truth has them."""
    if result is None or result.get("customer_id") != truth["customer_id"]:
        return False
    where = f"result {truth['payment_id']}"
    got = _applications(result.get("applications") or [], where)
    want = _applications(truth["applications"], "truth")
    if set(got) != set(want):
        return False
    if _money(result.get("unapplied_amount") or 0, where) != _money(truth["unapplied_amount"], ""):
        return False
    got_deduction = result.get("deduction") or None
    got_amount = _money(got_deduction["amount"], where) if got_deduction else Decimal("0.00")
    want_amount = _money(truth["deduction"]["amount"], "") if truth["deduction"] else CENT * 0
    if got_amount == want_amount == 0:
        return got == want
    if got_amount == 0 and truth.get("deduction_optional"):
        return got == want  # an unexplained short left open on the invoice, not a deduction
    # with a deduction, how the cash is split among the same invoices is a matter of convention
    return got_amount == want_amount and sum(got.values()) == sum(want.values())


@dataclass
class Tally:
    n: int = 0
    placeable: int = 0
    auto_placeable: int = 0
    autos: int = 0
    auto_right: int = 0
    right: int = 0  # placeable, right as auto or as the top proposal
    unplaceable_held: int = 0
    deductions: int = 0
    deductions_found: int = 0
    reason_right: int = 0
    clerk_autos: int = 0
    clerk_right: int = 0
    clerk_auto_placeable: int = 0
    wrong_ids: list[str] = field(default_factory=list)

    def add(
        self, truth: dict[str, Any], mine: dict[str, Any] | None, clerk: dict[str, Any]
    ) -> None:
        self.n += 1
        placeable = bool(truth["placeable"])
        decision = (mine or {}).get("decision", "unmatched")
        right = placeable and matches(truth, mine)
        self.placeable += placeable
        if decision == "auto":
            self.autos += 1
            self.auto_placeable += placeable
            self.auto_right += right
            if not right:
                self.wrong_ids.append(truth["payment_id"])
        if placeable and decision in ("auto", "review") and right:
            self.right += 1
        if not placeable and decision != "auto":
            self.unplaceable_held += 1
        if placeable and truth["deduction"]:
            self.deductions += 1
            found = (mine or {}).get("deduction") or None
            if found and _money(found["amount"], "result") == _money(
                truth["deduction"]["amount"], ""
            ):
                self.deductions_found += 1
                self.reason_right += found.get("reason_code") == truth["deduction"]["reason_code"]
        if clerk["decision"] == "auto":
            self.clerk_autos += 1
            self.clerk_auto_placeable += placeable
            self.clerk_right += placeable and matches(truth, clerk)

    def summary(self) -> dict[str, Any]:
        def pct(part: int, whole: int) -> float | None:
            return round(100 * part / whole, 1) if whole else None

        return {
            "n": self.n,
            "placeable": self.placeable,
            "auto_pct": pct(self.auto_placeable, self.placeable),
            "autos": self.autos,
            "auto_wrong": self.autos - self.auto_right,
            "precision_pct": pct(self.auto_right, self.autos),
            "right_pct": pct(self.right, self.placeable),
            "unplaceable_held_pct": pct(self.unplaceable_held, self.n - self.placeable),
            "deductions": self.deductions,
            "deduction_found_pct": pct(self.deductions_found, self.deductions),
            "reason_right_pct": pct(self.reason_right, self.deductions_found),
            "clerk_auto_pct": pct(self.clerk_auto_placeable, self.placeable),
            "clerk_autos": self.clerk_autos,
            "clerk_wrong": self.clerk_autos - self.clerk_right,
            "clerk_precision_pct": pct(self.clerk_right, self.clerk_autos),
            "wrong_auto_ids": self.wrong_ids[:20],
        }


def score(directory: Path, results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    truth = load_truth(directory)
    clerk = clerk_rule(directory)
    overall, by_scenario, by_channel = Tally(), defaultdict(Tally), defaultdict(Tally)
    for row in truth:
        mine = results.get(row["payment_id"])
        for tally in (overall, by_scenario[row["scenario"]], by_channel[row["channel"]]):
            tally.add(row, mine, clerk[row["payment_id"]])
    return {
        "overall": overall.summary(),
        "scenarios": {k: v.summary() for k, v in sorted(by_scenario.items())},
        "channels": {k: v.summary() for k, v in sorted(by_channel.items())},
        "missing_results": sum(1 for row in truth if row["payment_id"] not in results),
    }


def show_errors(directory: Path, results: dict[str, dict[str, Any]], per_scenario: int) -> str:
    """Wrong auto-applications and placeable payments not right, with the bank line."""
    bank = {row["payment_id"]: row for row in _read_csv(directory / "bank.csv")}
    shown: dict[str, int] = defaultdict(int)
    out = []
    for truth in load_truth(directory):
        mine = results.get(truth["payment_id"])
        decision = (mine or {}).get("decision", "unmatched")
        right = truth["placeable"] and matches(truth, mine)
        if right or (not truth["placeable"] and decision != "auto"):
            continue
        if shown[truth["scenario"]] >= per_scenario:
            continue
        shown[truth["scenario"]] += 1
        line = bank[truth["payment_id"]]
        want = [(a["invoice_number"], a["amount"]) for a in truth["applications"]]
        got = [(a["invoice_number"], a["amount"]) for a in (mine or {}).get("applications") or []]
        out += [
            f"{truth['payment_id']} [{truth['scenario']}/{truth['channel']}] {decision}"
            f"{' WRONG AUTO' if decision == 'auto' else ''}: {line['amount']} {line['currency']}"
            f" | {line['payer_name']} | {line['reference'][:300]}",
            f"    truth  {truth['customer_id']} {want} deduction={truth['deduction']} "
            f"unapplied={truth['unapplied_amount']} placeable={truth['placeable']}",
            f"    result {(mine or {}).get('customer_id')} {got} deduction="
            f"{(mine or {}).get('deduction')} unapplied={(mine or {}).get('unapplied_amount')}",
            f"           {(mine or {}).get('explanation', '')}",
        ]
    return "\n".join(out) + "\n"


COLUMNS = (
    ("n", "n"),
    ("placeable", "plc"),
    ("auto_pct", "auto%"),
    ("auto_wrong", "wrong"),
    ("precision_pct", "prec%"),
    ("right_pct", "right%"),
    ("unplaceable_held_pct", "held%"),
    ("deduction_found_pct", "ded%"),
    ("reason_right_pct", "rsn%"),
    ("clerk_auto_pct", "clk auto%"),
    ("clerk_wrong", "clk wrong"),
    ("clerk_precision_pct", "clk prec%"),
)


def table(title: str, rows: dict[str, dict[str, Any]], overall: dict[str, Any]) -> str:
    width = max(len(title), *(len(k) for k in rows), 7)
    head = f"{title:<{width}} " + " ".join(f"{label:>9}" for _, label in COLUMNS)
    lines = [head, "-" * len(head)]
    for name, summary in [*rows.items(), ("OVERALL", overall)]:
        cells = ["—" if summary[key] is None else str(summary[key]) for key, _ in COLUMNS]
        lines.append(f"{name:<{width}} " + " ".join(f"{c:>9}" for c in cells))
    return "\n".join(lines)


GOALS = (
    ("auto_pct", "auto", 92.0),
    ("precision_pct", "precision", 99.8),
    ("right_pct", "right as auto or top proposal", 97.0),
    ("reason_right_pct", "deduction reason", 90.0),
)


def goals_line(overall: dict[str, Any]) -> str:
    """The overall figures next to issue 16's goals."""
    parts = []
    for key, label, goal in GOALS:
        value = overall[key]
        mark = "—" if value is None else ("met" if value >= goal else "not met")
        parts.append(f"{label} {value}% (goal ≥ {goal}%: {mark})")
    return "issue 16 goals: " + " · ".join(parts)


LEGEND = (
    "auto% = auto-applied of placeable; wrong = wrong auto-applications (auto on an unplaceable "
    "payment counts);\nprec% = right autos / autos; right% = placeable right as auto or top "
    "proposal; held% = unplaceable not auto-applied;\nded% = true deductions found with the right "
    "amount; rsn% = of those, right reason_code; clk = the clerk's rule."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("result", type=Path)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print up to N wrong autos and misses per scenario first",
    )
    args = parser.parse_args(argv)
    try:
        report = score(args.directory, load_results(args.result))
    except (ScoreError, KeyError) as exc:
        print(f"score: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    if args.show_errors:
        print(show_errors(args.directory, load_results(args.result), args.show_errors))
    print(table("scenario", report["scenarios"], report["overall"]))
    print()
    print(table("channel", report["channels"], report["overall"]))
    print(LEGEND)
    print(goals_line(report["overall"]))
    if report["missing_results"]:
        print(f"{report['missing_results']} payment(s) had no result row (scored as unmatched)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
