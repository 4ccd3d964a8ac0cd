#!/usr/bin/env python3
"""Write dev42.jsonl from rows.py, facts computed by dev42_facts.facts on ./demo.db and ./imported.db."""
import json, os, sqlite3, sys
HERE = os.path.dirname(os.path.abspath(__file__)); sys.path.insert(0, HERE)
from dev42_rows import ROWS
from dev42_facts import facts, name
cons = {k: sqlite3.connect(os.path.join(HERE, f"{k}.db")) for k in ("demo", "imported")}
with open(os.path.join(HERE, "dev42.jsonl"), "w") as out:
    for r in ROWS:
        con = cons[r["db"]]
        if r["inv"]:
            assert con.execute("select 1 from ledger_invoices where invoice_number=?", (r["inv"],)).fetchone(), r
        row = {"text": r["text"], "intent": r["intent"],
               "entities": {"customer": name(con, r["cust"]) if r["cust"] else None, "invoice": r["inv"]},
               "facts": facts(con, r["spec"]), "proposal": r["proposal"], "action": r["action"], "db": r["db"]}
        assert (row["intent"] == "action_request") == bool(row["action"]) == row["proposal"], r
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(ROWS), "rows")
