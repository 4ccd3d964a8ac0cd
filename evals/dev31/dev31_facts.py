"""Recompute every row's facts of dev31.jsonl from fresh ledgers.

python dev31_facts.py --check   rebuilds demo + imported ledgers in a temp dir (business date
2026-11-21), recomputes each row's facts by SQL (lib.py, specs in rows*.py, in file order) and
prints the number of rows that disagree; also checks entity names/invoices exist in the row's ledger.
"""
import json, os, subprocess, sys, tempfile, sqlite3
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build, lib

CSV = os.path.join(os.path.dirname(os.path.dirname(HERE)), "tests", "fixtures", "csv")

def rebuild(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, stdout=subprocess.DEVNULL)

def main():
    rows = [json.loads(l) for l in open(os.path.join(HERE, "dev31.jsonl"))]
    assert len(rows) == len(build.ALL), "row count differs from specs"
    with tempfile.TemporaryDirectory() as d:
        rebuild(d)
        facts = build.facts_for(d)
        cons = {k: sqlite3.connect(os.path.join(d, k + ".db")) for k in ("demo", "imported")}
        bad = 0
        for i, (row, spec, fa) in enumerate(zip(rows, build.ALL, facts), 1):
            problems = []
            if row["text"] != spec["text"]:
                problems.append("text/spec order mismatch")
            if row["facts"] != fa:
                problems.append(f"facts {row['facts']} != {fa}")
            con = cons[row["db"]]
            c = row["entities"]["customer"]
            if c and not con.execute("select 1 from ledger_customers where name=?", (c,)).fetchone():
                problems.append(f"customer {c} not in {row['db']}")
            inv = row["entities"]["invoice"]
            if inv and not con.execute("select 1 from ledger_invoices where invoice_number=?", (inv,)).fetchone():
                problems.append(f"invoice {inv} not in {row['db']}")
            for n in (row["facts"] or {}).get("customers", []):
                if not con.execute("select 1 from ledger_customers where name=?", (n,)).fetchone():
                    problems.append(f"fact customer {n} missing")
            if problems:
                bad += 1
                print(f"row {i}: {row['text']!r}: " + "; ".join(problems))
        print(f"{bad} rows disagree (of {len(rows)})")
        return bad

if __name__ == "__main__":
    if "--check" not in sys.argv:
        print(__doc__); sys.exit(0)
    sys.exit(1 if main() else 0)
