"""The trust report: shadow mode's running scorecard (and a backtest's figures) in words, for the
terminal, the weekly digest, a one-page PDF a controller signs off, and a Slack/Teams card."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from graph.backtest.text import pct
from graph.messages import Image, Reply, Section, Table

ACCENT, LATE = "#1D3B53", "#C0392B"  # graph/charts.py's colours
WRONG_SHOWN = 8  # shadow mode's disagreements on the one page, every kind together
KIND_NAMES = {
    "apply_payment": "Cash application",
    "write_off_deduction": "Deduction reasons",
    "chase_first": "Who to chase first (days)",
}


def scorecard_lines(card: dict[str, Any], *, examples: int = 5) -> list[str]:
    out = []
    for kind, c in card["kinds"].items():
        name = KIND_NAMES.get(kind, kind)
        if not c["observed"]:
            out.append(f"{name}: nothing observed yet.")
            continue
        line = (
            f"{name}: {c['observed']} observed, {c['settled']} settled by the team — "
            f"{c['agree']} agreed, {c['disagree']} disagreed"
            + (f" ({pct(c['agreement'])} agreement)" if c["agreement"] is not None else "")
            + (f"; {c['waiting']} waiting" if c["waiting"] else "")
            + (f"; {c['moot']} without chasing" if kind == "chase_first" and c["moot"] else "")
        )
        out.append(line)
        if kind == "chase_first" and c["settled"]:
            out.append(
                f"  The team chased {c['chased']} accounts, {c['chased_on_list']} of them on "
                f"arbot's list; their first was arbot's first on {c['first_same']} of "
                f"{c['settled']} days; {c['pairs_in_order']} of {c['pairs']} pairs in arbot's "
                "order"
                + (f" ({pct(c['pair_agreement'])})" if c["pair_agreement"] is not None else "")
            )
        if kind == "apply_payment" and c["would_auto"]:
            out.append(
                f"  Would have applied alone: {c['would_auto']}, of which "
                f"{c['would_auto_wrong']} differently from the team "
                f"(precision {pct(c['precision_auto'], 2)})"
            )
        threshold = c.get("threshold")
        if kind == "apply_payment" and c["settled"]:
            out.append(
                "  Auto threshold that keeps precision ≥ 99.8%: "
                + (
                    f"confidence ≥ {threshold['confidence']:.3f} "
                    f"({pct(threshold['applied_share'])} of proposals)"
                    if threshold
                    else "none yet"
                )
            )
        for d in c["disagreements"][:examples]:
            out.append(f"  {d['subject']}: arbot {_said(d['arbot'])}; team {_said(d['people'])}")
    return out


def _said(value: dict[str, Any] | None) -> str:
    if not value:
        return "nothing"
    if "order" in value:  # who to chase first, in order
        return "chase " + (" → ".join(value["order"]) or "nobody")
    if "reason_code" in value:
        return f"reason {value['reason_code']}"
    if not value.get("applications"):
        return "no invoice" + (
            f" (customer {value['customer_id']})" if value.get("customer_id") else ""
        )
    apps = ", ".join(f"{n} {a}" for n, a in value["applications"])
    rest = value.get("unapplied")
    return f"{value.get('customer_id')}: {apps}" + (
        f"; {rest} on account" if rest and rest not in ("0", "0.00") else ""
    )


# --- the recommendation ------------------------------------------------------------------------


def recommendations(card: dict[str, Any]) -> list[str]:
    """What the scorecard (else the backtest) supports for ``mode = "auto"``, in the policy
    file's words."""
    cash = card["kinds"].get("apply_payment", {})
    out = []
    threshold = cash.get("threshold")
    backtest = (card.get("backtest") or {}).get("cashapp") or {}
    if threshold and cash.get("auto_amount"):
        out.append(
            f'[auto] apply_payment = "{cash["auto_amount"]}" - in shadow mode, what arbot would '
            f"have applied alone up to this amount agreed with the team (precision "
            f"{pct(cash['precision_auto'], 2)}); matcher confidence "
            f"≥ {threshold['confidence']:.3f} kept precision ≥ 99.8%"
        )
    elif backtest.get("threshold") and backtest.get("auto_amount"):
        out.append(
            f'[auto] apply_payment = "{backtest["auto_amount"]}" - on the books\' history, what '
            "arbot would have applied alone up to this amount was right ≥ 99.8% of the time; "
            f"matcher confidence ≥ {backtest['threshold']['confidence']:.3f} kept precision at "
            f"{pct(backtest['threshold']['precision'], 2)}. Confirm it in monitor mode first"
        )
    else:
        out.append("apply_payment: not enough agreement yet for auto; keep a person approving")
    deductions = card["kinds"].get("write_off_deduction", {})
    if deductions.get("settled") and deductions.get("agreement") is not None:
        if deductions["agreement"] >= 0.998:
            out.append(
                "write_off_deduction: reasons agreed with the team "
                f"({pct(deductions['agreement'])}); an [auto] amount may be set"
            )
        else:
            out.append(
                f"write_off_deduction: reasons agreed {pct(deductions['agreement'])} of the "
                "time; keep a person approving write-offs"
            )
    return out


# --- chart, PDF, card, digest ---------------------------------------------------------------------


def has_chart(card: dict[str, Any]) -> bool:
    shadow = any(c["settled"] for c in card["kinds"].values())
    cash = ((card.get("backtest") or {}).get("cashapp") or {}).get("payments")
    return bool(shadow or cash)


def trust_chart(card: dict[str, Any]) -> bytes:
    """Shadow mode's agreement per kind and cash precision by confidence threshold; before
    shadow mode has settled anything, the backtest's auto rate by scenario, arbot against the
    clerk's rule."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = [k for k, c in card["kinds"].items() if c["settled"]]
    figure, (bars, line) = plt.subplots(1, 2, figsize=(8.4, 2.8), dpi=100)
    if kinds:
        curve = card["kinds"].get("apply_payment", {}).get("curve") or []
        names = [KIND_NAMES.get(k, k) for k in kinds]
        agree = [card["kinds"][k]["agree"] for k in kinds]
        disagree = [card["kinds"][k]["disagree"] for k in kinds]
        bars.bar(names, agree, color=ACCENT, label="agreed")
        bars.bar(names, disagree, bottom=agree, color=LATE, label="disagreed")
        bars.set_title("Shadow mode: arbot against the team", fontsize=9)
        if curve:
            line.plot(
                [p["confidence"] for p in curve],
                [100 * p["precision"] for p in curve],
                marker="o",
                color=ACCENT,
            )
            line.axhline(99.8, color=LATE, linewidth=0.8, linestyle="--")
        line.set_title("Cash: precision if applied alone at ≥ confidence (%)", fontsize=9)
    else:
        cash = (card.get("backtest") or {}).get("cashapp") or {}
        scenarios = list(cash.get("by_scenario", {}))
        positions = range(len(scenarios))
        for offset, who, colour in ((-0.2, "arbot", ACCENT), (0.2, "clerk", LATE)):
            bars.bar(
                [p + offset for p in positions],
                [100 * (cash["by_scenario"][s][who]["auto_rate"] or 0) for s in scenarios],
                width=0.4,
                color=colour,
                label="arbot" if who == "arbot" else "clerk's rule",
            )
        bars.set_xticks(list(positions), scenarios)
        bars.set_title("Backtest: applied alone, by scenario (%)", fontsize=9)
        who = ("arbot", "clerk")
        line.bar(
            ["arbot", "clerk's rule"],
            [100 * (cash[w]["precision"] or 0) for w in who],
            color=[ACCENT, LATE],
        )
        low = min(100 * (cash[w]["precision"] or 0) for w in who)
        line.set_ylim(max(0.0, low - 1), 100.05)
        line.set_title("Backtest: precision of what was applied alone (%)", fontsize=9)
    for axes in (bars, line):
        axes.tick_params(labelsize=7)
    bars.legend(fontsize=7)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    plt.close(figure)
    return out.getvalue()


def write_pdf(card: dict[str, Any], path: Path) -> None:
    """One A4 page a controller can sign: the figures, where arbot would have been wrong, the
    thresholds it recommends for auto mode, and a place to sign."""
    from fpdf import FPDF  # imported only when a report is made

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_title("arbot trust report")
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 9, "arbot trust report", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.cell(
        0,
        5,
        _latin(
            f"As of {card.get('today', '')}; mode {card.get('mode', '')}. What arbot would have "
            "done (shadow mode), against what the team posted in the ERP."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    _heading(pdf, "The figures")
    backtest = card.get("backtest")
    if backtest:
        _text(
            pdf,
            f"On the books' history (arbot backtest, {backtest['since']} to {backtest['today']}):",
        )
        for line in backtest_lines(backtest):
            _text(pdf, line)
        pdf.ln(1)
        _text(pdf, "In shadow mode (monitor):")
    for line in scorecard_lines(card, examples=0):
        _text(pdf, line)
    pdf.ln(1)
    if has_chart(card):
        pdf.image(io_bytes(trust_chart(card)), w=180)
    _heading(pdf, "Where arbot would have been wrong")
    shown = 0
    for kind, c in card["kinds"].items():
        # At most four a kind and eight in all: the page has room for little (three kinds).
        for d in c["disagreements"][: max(0, min(4, WRONG_SHOWN - shown))]:
            _text(
                pdf,
                f"{KIND_NAMES.get(kind, kind)} {d['subject']} ({d['observed_on']}, would "
                f"{d['would']}): arbot {_said(d['arbot'])}; team {_said(d['people'])}",
            )
            shown += 1
    backtest_wrong = ((backtest or {}).get("cashapp") or {}).get("wrong_auto", [])
    for example in backtest_wrong[: max(0, min(4, WRONG_SHOWN + 4 - shown))]:
        _text(
            pdf,
            f"Backtest {example['payment_id']} ({example['day']}, {example['currency']} "
            f"{example['amount']}, would auto): arbot {example['arbot']}; team {example['people']}",
        )
        shown += 1
    if not shown:
        _text(pdf, "Nowhere so far.")
    _heading(pdf, "Recommended for auto mode")
    for line in recommendations(card):
        _text(pdf, line)
    pdf.ln(8)
    pdf.set_font("Helvetica", "", 10)
    pdf.cell(
        0,
        6,
        "Reviewed and approved: ______________________________   Controller",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.cell(0, 6, "Date: ______________", new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(bytes(pdf.output()))
    partial.replace(path)


def backtest_lines(report: dict[str, Any]) -> list[str]:
    """The backtest's headline figures, a few lines (the page has room for little)."""
    from graph.backtest.text import collections_lines, deductions_lines, forecast_lines

    out = []
    cash = report.get("cashapp")
    if cash and cash["payments"]:
        a, c = cash["arbot"], cash["clerk"]
        out.append(
            f"Cash application, {cash['payments']:,} applied payments replayed: arbot "
            f"{pct(a['auto_rate'])} applied alone at {pct(a['precision'], 2)} precision, right as "
            f"top proposal {pct(a['right_top'])}; the clerk's rule {pct(c['auto_rate'])} at "
            f"{pct(c['precision'], 2)}"
        )
    if report.get("collections"):
        out += collections_lines(report["collections"])
    if report.get("forecast"):
        out += forecast_lines(report["forecast"])
    if report.get("deductions"):
        out += deductions_lines(report["deductions"])[:1]
    return out


def trust_reply(card: dict[str, Any]) -> Reply:
    """The scorecard as a message (Slack Block Kit, Teams Adaptive Card, terminal) with its
    chart."""
    sections = [Section(title="Scorecard", text="\n".join(scorecard_lines(card, examples=0)))]
    rows = tuple(
        (d["subject"], _said(d["arbot"]), _said(d["people"]))
        for c in card["kinds"].values()
        for d in c["disagreements"][:5]
    )
    if rows:
        sections.append(
            Section(table=Table(("What", "arbot", "The team"), rows, title="Where arbot differed"))
        )
    sections.append(
        Section(title="Recommended for auto mode", text="\n".join(recommendations(card)))
    )
    return Reply(
        headline="Trust report: arbot in shadow mode against the team",
        sections=sections,
        context=[
            "Sources: arbot's suggestions recorded in monitor mode; the team's postings as the "
            "ERP shows them."
        ],
        intent="trust",
        data=card,
        images=[
            Image(
                f"arbot-trust-{card.get('today', 'report')}.png",
                trust_chart(card),
                "Agreement with the team per kind, and cash precision by confidence threshold",
            )
        ]
        if has_chart(card)
        else [],
    )


def weekly_sections(store: Any, today: date) -> list[Section]:
    """The digest's weekly scorecard (Mondays, once shadow mode has recorded something)."""
    if today.weekday() != 0:
        return []
    from graph.shadow_score import scorecard  # and cash application's modules: Mondays only

    card = scorecard(store)
    if not any(c["observed"] for c in card["kinds"].values()):
        return []
    return [
        Section(
            title="Shadow mode this far (arbot trust)",
            text="\n".join(scorecard_lines(card, examples=3)),
        )
    ]


def io_bytes(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def _heading(pdf: Any, text: str) -> None:
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)


def _text(pdf: Any, text: str) -> None:
    pdf.multi_cell(0, 4.2, _latin(text), new_x="LMARGIN", new_y="NEXT")


def _latin(text: str) -> str:
    """The core PDF fonts hold Latin-1 only."""
    text = text.replace("≥", ">=").replace("—", "-").replace("–", "-").replace("×", "x")
    text = text.replace("→", "->")
    return text.encode("latin-1", "replace").decode("latin-1")
