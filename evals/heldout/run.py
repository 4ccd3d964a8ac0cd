"""Score arbot on the held-out file through its public surface, ``arbot ask TEXT --json``.

    python evals/heldout/run.py --db sqlite:////tmp/heldout.db [--imported-db URL] [--out R.json]

Never tune on this file (README.md). The ledgers are copied to a temporary directory first, so
proposals made during the run land in the copies. Per row it checks:

- intent: the reply's ``intent`` equals the label;
- entities: each labelled customer_id / invoice_number equals the reply's (or, when the reply
  leaves that key out, its text names it);
- proposal: labelled null -> the reply has no proposal; labelled X -> a proposal with action X
  (and no other action);
- facts: every fact is in the reply text: a customer by id or by its ledger name, an invoice
  number, an amount (the text's numbers are read with ',' or '.' as thousands separator).

A row is *right* when all four hold. Unknown-intent rows count as right only when the reply's
intent is ``unknown`` and it proposes nothing. The rows' facts come from facts.py, not from arbot.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import facts as F  # noqa: E402

NUMBER = re.compile(r"\d[\d,.\u00a0' ]*\d|\d")


def numbers_in(text: str) -> set[str]:
    """Every plain decimal a number in the text can mean (1,234.50 / 1.234,50 / 1 234,50)."""
    out: set[str] = set()
    for token in NUMBER.findall(text):
        token = token.strip().replace("\u00a0", " ")
        for variant in (
            token.replace(",", "").replace(" ", "").replace("'", ""),
            token.replace(".", "").replace(" ", "").replace("'", "").replace(",", "."),
        ):
            try:
                out.add(str(Decimal(variant).quantize(Decimal("0.01"))))
            except InvalidOperation:
                pass
    return out


def names(url: str) -> dict[str, str]:
    conn = F.connect(url)
    return dict(conn.execute("select customer_id, name from ledger_customers").fetchall())


def ask(runner, main, text: str, db: str, env: dict) -> dict:
    result = runner.invoke(main, ["ask", text, "--json", "--db", db], env=env, catch_exceptions=True)
    try:
        return json.loads(result.output)
    except (ValueError, TypeError):
        return {"intent": "<error>", "text": (result.output or "") + repr(result.exception)}


PORTFOLIO = {
    "aging_report", "top_debtors", "over_days", "total_ar", "credit_exceptions",
    "largest_invoices", "payments_received", "unapplied_cash", "payment_lookup", "days_to_pay",
    "disputes", "promises", "approvals_inbox",
}


def kind_of(intent: str) -> str:
    if intent in PORTFOLIO:
        return "portfolio"
    if intent == "unknown":
        return "cannot / out of scope"
    return "change request" if intent == "action_request" else "single customer"


def entity_ok(key, want, got, text, customer_names) -> bool:
    """A labelled entity is right when the reply's entities hold it, or when the reply leaves
    that key out (an action reply names its customer only) and its text names it."""
    if not want or got == want:
        return True
    if got:
        return False
    if key == "customer_id":
        return want in text or customer_names.get(want, want).lower() in text.lower()
    return want in text


def score(row: dict, reply: dict, customer_names: dict[str, str]) -> dict:
    text = reply.get("text") or ""
    lowered = text.lower()
    got_entities = reply.get("entities") or {}
    proposals = [p.get("action") for p in reply.get("proposals") or []]
    ok_intent = reply.get("intent") == row["intent"]
    ok_entities = all(
        entity_ok(key, want, got_entities.get(key), text, customer_names)
        for key, want in row["entities"].items()
    )
    if row["proposal"] is None:
        ok_proposal = not proposals
    else:
        ok_proposal = bool(proposals) and set(proposals) == {row["proposal"]}
    nums = numbers_in(text)
    missing = []
    for cid in row["facts"]["customers"]:
        if cid not in text and customer_names.get(cid, cid).lower() not in lowered:
            missing.append(cid)
    missing += [i for i in row["facts"]["invoices"] if i not in text]
    missing += [a for a in row["facts"]["amounts"] if a not in nums]
    return {
        "intent": ok_intent,
        "entities": ok_entities,
        "proposal": ok_proposal,
        "facts": not missing,
        "missing": missing,
        "right": ok_intent and ok_proposal and (row["intent"] == "unknown" or (ok_entities and not missing)),
        "unwanted_proposal": bool(proposals) and row["proposal"] not in proposals,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--imported-db")
    ap.add_argument("--file", default=str(F.UTTERANCES))
    ap.add_argument("--out", help="write every row's reply and score here")
    ap.add_argument("--only", help="only rows whose id starts with this")
    args = ap.parse_args(argv)

    from click.testing import CliRunner

    from bot.cli import main as arbot

    rows = [json.loads(x) for x in Path(args.file).read_text().splitlines() if x.strip()]
    if args.only:
        rows = [r for r in rows if r["id"].startswith(args.only)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        imported = args.imported_db or F.build_imported(tmp)
        dbs = {}
        for key, url in (("demo", args.db), ("imported", imported)):
            src = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
            dst = tmp / f"{key}.db"
            shutil.copy(src, dst)
            dbs[key] = f"sqlite:///{dst}"
        customer_names = {k: names(v) for k, v in dbs.items()}
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ARBOT_LLM"))}
        env.update(ARBOT_TODAY=F.T, ARBOT_HOME=str(tmp / "home"))
        env.pop("ARBOT_DATABASE_URL", None)
        runner = CliRunner()
        results = []
        for row in rows:
            reply = ask(runner, arbot, row["text"], dbs[row["db"]], env)
            s = score(row, reply, customer_names[row["db"]])
            results.append({"id": row["id"], "text": row["text"], "want": row["intent"],
                            "got": reply.get("intent"), **s,
                            "entities_got": reply.get("entities"),
                            "proposals": [p.get("action") for p in reply.get("proposals") or []],
                            "reply": (reply.get("text") or "")[:400]})

    by_intent: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        by_intent[r["want"]]["n"] += 1
        by_intent[r["want"]]["right"] += r["right"]
        by_intent[r["want"]]["intent"] += r["intent"]
    n = len(results) or 1
    with_facts = [r for r, row in zip(results, rows) if any(row["facts"].values())]
    summary = {
        "rows": len(results),
        "right": sum(r["right"] for r in results),
        "right_intent": sum(r["intent"] for r in results),
        "rows_with_facts": len(with_facts),
        "right_facts": sum(r["facts"] for r in with_facts),
        "unwanted_proposals": sum(r["unwanted_proposal"] for r in results),
    }
    print(f"held-out: {summary['right']}/{summary['rows']} right ({100 * summary['right'] / n:.1f}%),"
          f" right intent {summary['right_intent']} ({100 * summary['right_intent'] / n:.1f}%),"
          f" facts right on {summary['right_facts']}/{summary['rows_with_facts']} rows with facts,"
          f" {summary['unwanted_proposals']} rows with a proposal not asked for")
    kinds: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        kinds[kind_of(r["want"])]["n"] += 1
        kinds[kind_of(r["want"])]["right"] += r["right"]
    for k, c in kinds.items():
        print(f"  {k:20} {c['right']:3}/{c['n']:3} right")
    for intent, c in sorted(by_intent.items()):
        print(f"  {intent:20} {c['right']:3}/{c['n']:3} right   intent {c['intent']:3}/{c['n']:3}")
    if args.out:
        Path(args.out).write_text(json.dumps({"summary": summary, "rows": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
