import json, os, sqlite3, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dev37_facts import compute
HERE = os.path.dirname(os.path.abspath(__file__))
N = {"acmeind": ("C00001", "Acme Industrial Supply Inc."), "acmelog": ("C00002", "Acme Logistics LLC"),
     "globex": ("C00003", "Globex Corporation"), "initech": ("C00004", "Initech LLC"),
     "northwind": ("C00005", "Northwind Traders Inc."), "contoso": ("C00006", "Contoso Manufacturing Corp."),
     "contosow": ("C00007", "Contoso Manufacturing West LLC"), "fabrikam": ("C00008", "Fabrikam International Services Ltd."),
     "pinnaclec": ("C00009", "Pinnacle Chemicals Inc."), "midwest": ("C00010", "Midwest Transport Group"),
     "donovan": ("C00011", "Donovan Energy Inc."), "sterling": ("C00012", "Sterling Pharmaceuticals Co."),
     "granrest": ("C00013", "Granite Restaurant Group LLC"), "grantate": ("C00014", "Granite Tate Furniture Holdings"),
     "ironclad": ("C00015", "Ironclad Office Products Company"), "nash": ("C00016", "Nash & Sullivan Beverages Company"),
     "clearwater": ("C00017", "Clearwater Engineering LLC"), "abbott": ("C00018", "Abbott Furniture Group"),
     "evergreen": ("C00019", "Evergreen Bakeries Inc."), "mills": ("C00020", "Mills Aerospace Holdings"),
     "wells": ("C00021", "Wells & Wagner Retail Group"), "falcon": ("C00022", "Falcon Hardware LLC"),
     "fowler": ("C00023", "Fowler Water Works Group"), "jensenbev": ("C00024", "Jensen Beverages LLC"),
     "whitauto": ("C00025", "Whitaker Auto Parts Corp."), "bluewater": ("C00026", "Bluewater Jensen Pharmaceuticals Company"),
     "whitserv": ("C00027", "Whitaker Services Group"), "wagnerp": ("C00028", "Wagner Pumps & Valves LLC"),
     "bishop": ("C00029", "Bishop & Ingram Farms Inc."), "tate": ("C00030", "Tate Engineering Incorporated"),
     "mariner": ("C00031", "Mariner Lumber Inc."), "cedar": ("C00032", "Cedar Owens Systems Incorporated"),
     "heritage": ("C00033", "Heritage Garden Centers Corp."), "kendall": ("C00034", "Kendall Paper Incorporated"),
     "pinecrest": ("C00035", "Pinecrest Hospitality Company"), "riverbend": ("C00036", "Riverbend Packaging Company"),
     "mohawk": ("C00037", "Mohawk Pharmaceuticals Holdings"), "frontier": ("C00038", "Frontier Walsh Chemicals Corp."),
     "litware": ("C00039", "Litware Office Products Incorporated"), "jacobs": ("C00040", "Jacobs & Mercer Hardware Inc."),
     "harbor": ("HW-100", "Harbor Wholesale Grocers Inc."), "harboreast": ("HW-101", "Harbor Wholesale Grocers East LLC"),
     "pinpack": ("PK-200", "Pinnacle Packaging Corp."), "pinfoods": ("PK-201", "Pinnacle Foods Ltd."),
     "meridian": ("MT-300", "Meridian Tool & Die Co.")}
IMP = {"harbor", "harboreast", "pinpack", "pinfoods", "meridian"}
ROWS = []

def R(text, intent, c=None, inv=None, spec=None, db=None, act=None, prop=None):
    """c: short customer key; spec may use '@' for that customer's id."""
    if db is None:
        db = "imported" if c in IMP else "demo"
    if spec and "@" in spec:
        spec = spec.replace("@", N[c][0])
    if prop is None:
        prop = intent == "action_request"
    ROWS.append(dict(text=text, intent=intent, customer=N[c][1] if c else None, invoice=inv,
                     proposal=prop, action=act, db=db, spec=spec, kind=globals().get("K")))

def A(text, act, c=None, inv=None, db=None):
    R(text, "action_request", c, inv, None, db, act, True)

exec(open(os.path.join(HERE, "dev37_rows.py")).read())

if __name__ == "__main__":
    conns = {"demo": sqlite3.connect(os.path.join(HERE, "demo.db")), "imported": sqlite3.connect(os.path.join(HERE, "imported.db"))}
    specs = []
    seen = set()
    with open(os.path.join(HERE, "dev37.jsonl"), "w") as f:
        for r in ROWS:
            assert r["text"] not in seen, r["text"]; seen.add(r["text"])
            facts = compute(conns[r["db"]], r["spec"])
            obj = {"text": r["text"], "intent": r["intent"], "entities": {"customer": r["customer"], "invoice": r["invoice"]},
                   "facts": facts, "proposal": r["proposal"], "action": r["action"], "db": r["db"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            specs.append(r["spec"])
    json.dump(specs, open(os.path.join(HERE, "dev37_specs.json"), "w"), indent=0)
    from collections import Counter
    print(len(ROWS), Counter(r["intent"] for r in ROWS))
    print("proposal", Counter(r["proposal"] for r in ROWS), "db", Counter(r["db"] for r in ROWS))
    print("false lookalike kinds", Counter(r["kind"] for r in ROWS if not r["proposal"] and r["kind"] not in ("UNK","Q")))
    print("true kinds", Counter(r["action"] for r in ROWS if r["proposal"]))
