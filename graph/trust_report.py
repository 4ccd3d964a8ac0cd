"""The trust report: shadow mode's running scorecard (and a backtest's figures) in words, for the
terminal, the weekly digest, a one-page PDF a controller signs off, and a Slack/Teams card."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from graph.backtest.text import pct
from graph.messages import Image, Reply, Section, Table

KIND_NAMES = {"apply_payment": "Cash application", "write_off_deduction": "Deduction reasons"}


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
        )
        out.append(line)
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
    """What the scorecard supports for ``mode = "auto"``, in the policy file's words."""
    cash = card["kinds"].get("apply_payment", {})
    out = []
    threshold = cash.get("threshold")
    if threshold and cash.get("auto_amount"):
        out.append(
            f'[auto] apply_payment = "{cash["auto_amount"]}" — what arbot would have applied '
            f"alone up to this amount agreed with the team (precision "
            f"{pct(cash['precision_auto'], 2)}); matcher confidence "
            f"≥ {threshold['confidence']:.3f} kept precision ≥ 99.8%"
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


def trust_chart(card: dict[str, Any]) -> bytes:
    """Agreement per kind (bars) and, for cash, precision by confidence threshold (a line)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    kinds = [k for k, c in card["kinds"].items() if c["settled"]]
    curve = card["kinds"].get("apply_payment", {}).get("curve") or []
    figure, (bars, line) = plt.subplots(1, 2, figsize=(8.4, 2.8), dpi=100)
    names = [KIND_NAMES.get(k, k) for k in kinds]
    agree = [card["kinds"][k]["agree"] for k in kinds]
    disagree = [card["kinds"][k]["disagree"] for k in kinds]
    bars.bar(names, agree, color="#1D3B53", label="agreed")
    bars.bar(names, disagree, bottom=agree, color="#C0392B", label="disagreed")
    bars.set_title("arbot against the team", fontsize=9)
    bars.tick_params(labelsize=7)
    bars.legend(fontsize=7)
    if curve:
        line.plot(
            [p["confidence"] for p in curve],
            [100 * p["precision"] for p in curve],
            marker="o",
            color="#1D3B53",
        )
        line.axhline(99.8, color="#C0392B", linewidth=0.8, linestyle="--")
    line.set_title("Cash: precision if applied alone at ≥ confidence (%)", fontsize=9)
    line.tick_params(labelsize=7)
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
    for line in scorecard_lines(card, examples=0):
        _text(pdf, line)
    pdf.ln(1)
    pdf.image(io_bytes(trust_chart(card)), w=180)
    _heading(pdf, "Where arbot would have been wrong")
    shown = 0
    for kind, c in card["kinds"].items():
        for d in c["disagreements"][:4]:
            _text(
                pdf,
                f"{KIND_NAMES.get(kind, kind)} {d['subject']} ({d['observed_on']}, would "
                f"{d['would']}): arbot {_said(d['arbot'])}; team {_said(d['people'])}",
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
        ],
    )


def weekly_sections(store: Any, today: date) -> list[Section]:
    """The digest's weekly scorecard (Mondays, once shadow mode has recorded something)."""
    from graph.shadow import scorecard

    if today.weekday() != 0:
        return []
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
    return text.encode("latin-1", "replace").decode("latin-1")
