"""The backtest report in lines a person reads (the terminal, the trust report)."""

from __future__ import annotations

from typing import Any


def pct(value: float | None, places: int = 1) -> str:
    return "n/a" if value is None else f"{100 * value:.{places}f}%"


def lines(report: dict[str, Any]) -> list[str]:
    books = report["books"]
    out = [
        f"Backtest of {report['since']} – {report['today']} ({report['months']} months) on "
        f"{books['customers']:,} customers, {books['invoices']:,} invoices, "
        f"{books['payments']:,} payments" + (" (resumed)" if report.get("resumed") else "")
    ]
    if "cashapp" in report:
        out += ["", *cashapp_lines(report["cashapp"])]
    if "collections" in report:
        out += ["", *collections_lines(report["collections"])]
    if "forecast" in report:
        out += ["", *forecast_lines(report["forecast"])]
    if "deductions" in report:
        out += ["", *deductions_lines(report["deductions"])]
    return out


def cashapp_lines(figures: dict[str, Any]) -> list[str]:
    count = figures["payments"]
    if not count:
        return ["Cash application: no applied payments in the period."]
    out = [
        f"Cash application: {count:,} applied payments replayed as bank lines",
        f"  {'':<22}{'auto':>8}{'precision':>11}{'right as top':>14}",
    ]
    for who, label in (("arbot", "arbot"), ("clerk", "clerk's rule")):
        f = figures[who]
        out.append(
            f"  {label:<22}{pct(f['auto_rate']):>8}{pct(f['precision'], 2):>11}"
            f"{pct(f['right_top']):>14}"
        )
    out.append(
        f"  {'by scenario':<22}{'payments':>8}{'auto':>11}{'precision':>14}{'clerk auto':>12}"
    )
    for name, tally in figures["by_scenario"].items():
        out.append(
            f"  {name:<22}{tally['payments']:>8,}{pct(tally['arbot']['auto_rate']):>11}"
            f"{pct(tally['arbot']['precision'], 2):>14}{pct(tally['clerk']['auto_rate']):>12}"
        )
    threshold = figures.get("threshold")
    if threshold:
        out.append(
            f"  Applying alone at confidence ≥ {threshold['confidence']:.3f} would have kept "
            f"precision at {pct(threshold['precision'], 2)} (≥ 99.8%), "
            f"{pct(threshold['applied_share'])} of proposals applied"
        )
    else:
        out.append("  No confidence threshold would have kept precision ≥ 99.8%.")
    wrong = figures["arbot"]["auto_wrong"]
    out.append(f"  Applied alone and wrong: {wrong}")
    for example in figures["wrong_auto"]:
        out.append(
            f"    {example['payment_id']} {example['day']} {example['currency']} "
            f"{example['amount']}: arbot {example['arbot']}; people {example['people']}"
        )
    payers = figures.get("payer_names")
    if payers:
        out.append(
            f"  Payer names: {payers['bank']:,} as the bank wrote them (bank lines arbot read), "
            f"{payers['erp']:,} the ERP's customer name (easier than a bank's spelling)"
        )
    return out


def collections_lines(section: dict[str, Any]) -> list[str]:
    rankings = section.get("rankings") or {}
    if not rankings:
        return ["Collections: not enough history for a cutoff."]
    cells = ", ".join(f"{name} {_times(values['lift'])}" for name, values in rankings.items())
    return [
        f"Collections, top-decile late-money lift over {len(section['cutoffs'])} cutoffs: " + cells
    ]


def forecast_lines(section: dict[str, Any]) -> list[str]:
    if not section["currencies"]:
        return ["Receipts forecast: no cutoff whose horizon has passed."]
    cells = "; ".join(
        f"{currency} MAPE {_percent(v['mape'])}, weighted {_percent(v['weighted_abs_error'])}"
        for currency, v in section["currencies"].items()
    )
    return [
        f"Receipts forecast, {section['horizon_days']}-day horizon over "
        f"{len(section['cutoffs'])} cutoffs: {cells}"
    ]


def deductions_lines(section: dict[str, Any]) -> list[str]:
    total = section["write_offs"]
    if not total:
        return ["Deductions: no write-off with a reason in the period."]
    out = [
        f"Deductions: {total} written off with a reason; arbot saw {section['seen']} as "
        f"deductions and gave the same reason for {section['reason_right']} "
        f"({pct(section['reason_right_share'])})"
    ]
    for row in section["disagreements"]:
        out.append(
            f"    {row['invoice_number']} {row['day']}: people {row['people']}, "
            f"arbot {row['arbot'] or 'no deduction seen'}"
        )
    return out


def _times(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"
