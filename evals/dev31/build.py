import json, sqlite3, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lib, rows1, rows2, rows3, rows4, rows5
ALL = rows1.ROWS + rows2.ROWS + rows3.ROWS + rows4.ROWS + rows5.ROWS

def facts_for(dbdir):
    cons = {d: sqlite3.connect(os.path.join(dbdir, d + ".db")) for d in ("demo", "imported")}
    return [lib.compute(cons[r["db"]], r["spec"]) for r in ALL]

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    facts = facts_for(here)
    with open(os.path.join(here, "dev31.jsonl"), "w") as f:
        for r, fa in zip(ALL, facts):
            o = {"text": r["text"], "intent": r["intent"],
                 "entities": {"customer": r["cust"], "invoice": r["inv"]},
                 "facts": fa, "proposal": r["prop"], "action": r["action"], "db": r["db"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(ALL), "rows")
