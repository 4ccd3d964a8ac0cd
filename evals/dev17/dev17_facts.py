#!/usr/bin/env python3
"""dev17 facts: build the jsonl from rows*.py (facts computed by SQL), or --check it.

  python3 dev17_facts.py --write   # (re)build ledgers here if missing, write dev17.jsonl
  python3 dev17_facts.py --check   # rebuild both ledgers in a temp dir, recompute every row's facts,
                                   # print how many rows disagree with dev17.jsonl (must be 0)
"""
import json, os, subprocess, sys, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from engine import F, compute  # noqa: E402
import rows1, rows2, rows3, rows4, rows5, rows6  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CSV = os.path.join(REPO, "tests", "fixtures", "csv")


def build(d):
    env = dict(os.environ, ARBOT_TODAY="2026-11-21", ARBOT_HOME=os.path.join(d, "home"),
               PATH=os.path.dirname(sys.executable) + ":" + os.environ["PATH"])
    subprocess.run(["arbot", "demo", "--no-chat", "--size", "small", "--db", f"sqlite:///{d}/demo.db"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["arbot", "erp", "import", "--customers", f"{CSV}/customers.csv", "--invoices", f"{CSV}/invoices.csv",
                    "--payments", f"{CSV}/payments.csv", "--sales-orders", f"{CSV}/sales_orders.csv",
                    "--db", f"sqlite:///{d}/imported.db"], env=env, check=True, stdout=subprocess.DEVNULL)
    return {"demo": f"{d}/demo.db", "imported": f"{d}/imported.db"}


def rows():
    return rows1.ROWS + rows2.ROWS + rows3.ROWS + rows4.ROWS + rows5.ROWS + rows6.ROWS


def render(f, r):
    return {"text": r["text"], "intent": r["intent"],
            "entities": {"customer": r["customer"], "invoice": r["invoice"]},
            "facts": compute(f, r["spec"], r["db"]), "proposal": r["proposal"],
            "action": r["action"], "db": r["db"]}


def main():
    out = os.path.join(HERE, "dev17.jsonl")
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            f = F(build(d))
            lines = [json.loads(l) for l in open(out)]
            rs = rows()
            bad = 0
            if len(lines) != len(rs):
                print(f"row count differs: file {len(lines)} vs spec {len(rs)}"); bad += abs(len(lines) - len(rs))
            for got, r in zip(lines, rs):
                exp = render(f, r)
                if got != exp:
                    bad += 1
                    print("DISAGREE:", got["text"][:70], got.get("facts"), "!=", exp["facts"])
            print(f"{len(lines)} rows checked, {bad} disagree")
            sys.exit(1 if bad else 0)
    f = F({"demo": os.path.join(HERE, "demo.db"), "imported": os.path.join(HERE, "imported.db")})
    with open(out, "w") as fh:
        for r in rows():
            fh.write(json.dumps(render(f, r), ensure_ascii=False) + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
