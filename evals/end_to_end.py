"""End-to-end scoring: every row asked through the agent as ``arbot ask`` wires it (runtime,
policy, approvals), on the demo company or on an imported ledger, and the reply checked.

A row may carry (all optional except text and intent)::

    {"text": …, "intent": …, "entities": {"customer": "Globex Corporation", "invoice": …},
     "facts": {"customers": [...], "amounts": ["828.82", …], "invoices": [...]},
     "proposal": false, "db": "demo" | "imported"}

Rows of the older shape (``customer``, ``invoice``, ``action``) are read too: their entities
come from ``customer``/``invoice``, and a proposal is expected exactly for ``action_request``.

- **intent**: the reply's intent (what the person gets), ``action_request`` included.
- **facts**: each expected customer (name or id) and invoice appears in the reply's text or data;
  each amount equals, as a Decimal, an amount written in the reply or held in its data
  (``$12,400.00``, ``12400``, ``CAD 1,250.5`` all compare equal to ``12400.00`` …).
- **proposal**: a row that did not ask for a change must get no proposal.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CSV_FIXTURES = ROOT / "tests" / "fixtures" / "csv"
_NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?![\d])")


@dataclass
class Row:
    line: int
    text: str
    intent: str
    entities: dict[str, Any] = field(default_factory=dict)
    facts: dict[str, list[Any]] = field(default_factory=dict)
    proposal: bool = False
    db: str = "demo"


def load_rows(path: Path) -> list[Row]:
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            text, intent = item["text"], item["intent"]
        except (json.JSONDecodeError, KeyError, TypeError) as problem:
            print(f"{path.name}:{number}: skipped, not a valid row ({problem})")
            continue
        entities = dict(item.get("entities") or {})
        if item.get("customer"):
            entities.setdefault("customer", item["customer"])
        if item.get("invoice"):
            entities.setdefault("invoice", item["invoice"])
        proposal = item.get("proposal")
        rows.append(
            Row(
                number,
                text,
                intent,
                entities,
                dict(item.get("facts") or {}),
                bool(proposal) if proposal is not None else intent == "action_request",
                item.get("db") or "demo",
            )
        )
    return rows


@contextmanager
def company(kind: str, directory: Path) -> Iterator[Any]:
    """A Runtime (as ``arbot ask`` opens it) on the demo company or an imported ledger."""
    from click.testing import CliRunner

    from bot.cli import main
    from bot.config import Settings
    from bot.runtime import Runtime

    home = directory / kind
    env = {
        "ARBOT_HOME": str(home),
        "ARBOT_TODAY": "2026-11-21",
        "ARBOT_DATABASE_URL": "",
        "ARBOT_ERP": "",
        "ARBOT_POLICY": "",
    }
    runner = CliRunner()
    if kind == "imported":
        args = ["erp", "import"]
        for table in ("customers", "invoices", "payments", "sales_orders"):
            args += [f"--{table.replace('_', '-')}", str(CSV_FIXTURES / f"{table}.csv")]
        result = runner.invoke(main, args, env=env)
    else:
        result = runner.invoke(main, ["demo", "--no-chat"], env=env)
    if result.exit_code != 0:
        raise RuntimeError(f"{kind} company not built: {result.output[-500:]}")
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        runtime = Runtime.open(Settings.from_env())
        yield runtime
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def decimals_in(reply_json: dict[str, Any]) -> set[Decimal]:
    found: set[Decimal] = set()
    for match in _NUMBER.finditer(reply_json.get("text", "")):
        found |= _as_decimals(match.group(0))

    def walk(value: Any) -> None:
        if isinstance(value, bool):
            return
        if isinstance(value, int | float):
            found.update(_as_decimals(str(value)))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(reply_json.get("data"))
    return found


def _as_decimals(written: str) -> set[Decimal]:
    cleaned = re.sub(r"[^\d.\-]", "", written.replace(",", ""))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return set()
    return {value.quantize(Decimal("0.01"))} if value.is_finite() else set()


def fact_misses(row: Row, reply_json: dict[str, Any], ledger: Any) -> list[str]:
    from integrations.erp.records import invoice_number_key

    haystack = (reply_json.get("text", "") + "\n" + json.dumps(reply_json.get("data"))).lower()
    misses = []
    for who in row.facts.get("customers") or []:
        if str(who).lower() not in haystack:
            misses.append(f"customer {who}")
    tokens = {invoice_number_key(t) for t in re.findall(r"[a-z]*-?\d[\w-]*", haystack)}
    for number in row.facts.get("invoices") or []:
        if invoice_number_key(str(number)) not in tokens:
            misses.append(f"invoice {number}")
    amounts = row.facts.get("amounts") or []
    if amounts:
        written = decimals_in(reply_json)
        for amount in amounts:
            expected = _as_decimals(str(amount))
            if not expected or not expected & written:
                misses.append(f"amount {amount}")
    return misses


def entity_misses(row: Row, reply_json: dict[str, Any], ledger: Any) -> list[str]:
    from integrations.erp.records import invoice_number_key

    got = reply_json.get("entities") or {}
    text = reply_json.get("text", "").lower()
    misses = []
    for key, expected in row.entities.items():
        if expected in (None, "", []):
            continue
        if key in ("customer", "customer_name", "customer_id"):
            customer = ledger.get_customer(got.get("customer_id", "")) if got else None
            names = {customer.name.lower(), customer.customer_id.lower()} if customer else set()
            if str(expected).lower() not in names and str(expected).lower() not in text:
                misses.append(f"{key} {expected}")
        elif key in ("invoice", "invoice_number"):
            wanted = invoice_number_key(str(expected))
            have = got.get("invoice_number") or ""
            if invoice_number_key(have) != wanted and str(expected).lower() not in text:
                misses.append(f"{key} {expected}")
        elif str(got.get(key, "")).lower() != str(expected).lower() and (
            str(expected).lower() not in text
        ):
            misses.append(f"{key} {expected}")
    return misses


@dataclass
class Outcome:
    row: Row
    intent: str
    intent_ok: bool
    misses: list[str]
    proposals: int

    @property
    def right(self) -> bool:
        return self.intent_ok and not self.misses


def ask_all(rows: list[Row], directory: Path) -> list[Outcome]:
    from graph.messages import Turn

    outcomes: dict[int, Outcome] = {}
    user = getpass.getuser()
    for kind in sorted({r.db for r in rows}):
        with company(kind, directory) as runtime:
            for index, row in enumerate(rows):
                if row.db != kind:
                    continue
                before = len(runtime.store.list())
                try:
                    reply = runtime.agent.ask(Turn(user, "terminal", row.text)).to_json()
                except Exception as problem:  # a report: one crash must not end the run
                    reply = {"intent": "<crash>", "text": f"{type(problem).__name__}: {problem}"}
                misses = entity_misses(row, reply, runtime.erp) + fact_misses(
                    row, reply, runtime.erp
                )
                outcomes[index] = Outcome(
                    row,
                    reply.get("intent", "?"),
                    reply.get("intent") == row.intent,
                    misses,
                    len(runtime.store.list()) - before,  # approvals this request created
                )
    return [outcomes[i] for i in range(len(rows))]


def pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "    —"


def report(title: str, outcomes: list[Outcome], show_errors: bool) -> None:
    print(f"\n== {title} ==")
    n = len(outcomes)
    intent_ok = sum(o.intent_ok for o in outcomes)
    with_facts = [o for o in outcomes if o.row.facts or o.row.entities]
    facts_ok = sum(not o.misses for o in with_facts)
    right = sum(o.right for o in outcomes)
    unasked = [o for o in outcomes if not o.row.proposal and o.proposals]
    asked = [o for o in outcomes if o.row.proposal]
    print(f"right intent:            {intent_ok}/{n} ({pct(intent_ok, n).strip()})")
    print(
        f"right entities & facts:  {facts_ok}/{len(with_facts)} "
        f"({pct(facts_ok, len(with_facts)).strip()}) of the rows that state some"
    )
    print(f"right intent and facts:  {right}/{n} ({pct(right, n).strip()})")
    print(f"proposals not asked for: {len(unasked)} (of {n - len(asked)} rows that ask none)")
    made = sum(o.proposals > 0 for o in asked)
    print(f"proposals asked for, made: {made}/{len(asked)}")
    by_intent: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_intent.setdefault(o.row.intent, []).append(o)
    print(f"{'intent':<20} {'n':>4} {'right':>6} {'%':>7}")
    for intent, items in sorted(by_intent.items()):
        ok = sum(o.right for o in items)
        print(f"{intent:<20} {len(items):>4} {ok:>6} {pct(ok, len(items)):>7}")
    if show_errors:
        for o in outcomes:
            if o.right and not (not o.row.proposal and o.proposals):
                continue
            print(f"  line {o.row.line}: {o.row.text!r}")
            print(
                f"      expected {o.row.intent}, got {o.intent}"
                + (f"; missing {', '.join(o.misses)}" if o.misses else "")
                + (
                    f"; {o.proposals} proposal(s) not asked for"
                    if o.proposals and not o.row.proposal
                    else ""
                )
            )
