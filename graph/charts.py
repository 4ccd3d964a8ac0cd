"""Charts as PNG bytes (matplotlib's Agg through a bare ``Figure``: no display, and not pyplot,
whose import costs a few tenths of a second more), small enough to travel in a message."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from matplotlib.figure import Figure

ACCENT = "#1D3B53"
LATE = "#C0392B"


def aging_chart(
    buckets: Mapping[str, Decimal],
    currency: str,
    dso: Sequence[tuple[date, Decimal]] = (),
) -> bytes:
    """Open AR by aging bucket (bars), with the DSO trend beside it when given."""
    columns = 2 if dso else 1
    figure = Figure(figsize=(4.2 * columns, 2.8), dpi=100)
    axes = figure.subplots(1, columns)
    bars = axes[0] if dso else axes
    names = list(buckets)
    values = [float(buckets[n]) for n in names]
    colours = [ACCENT if n == "current" else LATE for n in names]
    bars.bar(names, values, color=colours)
    bars.set_title(f"Open AR by days past due ({currency})", fontsize=9)
    bars.tick_params(labelsize=7)
    bars.yaxis.set_major_formatter(lambda v, _p: f"{v / 1000:,.0f}k" if v >= 1000 else f"{v:,.0f}")
    if dso:
        line = axes[1]
        line.plot([d for d, _ in dso], [float(v) for _, v in dso], marker="o", color=ACCENT)
        line.set_title("DSO (days)", fontsize=9)
        line.tick_params(labelsize=7)
        figure.autofmt_xdate()
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
