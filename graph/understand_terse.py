"""Operators' shorthand for a change, read as the sentence it stands for.

``TERSE`` adds forms to the verbs of ``graph.understand_verbs`` (by the same kinds): "kendall
credit limit 5000 eff now", "terms 2/10 n30 for mariner", "pinecrest on hold til 10229 paid",
"dunning 1 to pinecrest 10229", a reminder named alone in a clause of its own ("Initech didn't
pay INV-10295 still. Dunning letter level 1 please.", "sterling past dues - reminder email"),
"please to make the reminder for Globex", "chuck a reminder X's way".

``command`` puts a command written in fields ("globex | w/o 40 | 10209 | sp", "donovan | CL |
15000", "contoso west | hold", "kendall | note | lvm x2, no cb", "reminder | mills | 10227",
"harbor east | stmt", "pinnacle pkg | dispute | 984 | wrong price", "fabrikam | terms | net 15",
"pinnacle foods 986 -> dispute, tax wrong") and "cr hold fabrikam" as that sentence ("write off 40
on 10209 sp", "set donovan credit limit to 15000", …), for the readers to read as they read any
other. A field line put as a question, or naming no customer (or invoice, for a write-off or a
dispute), is no command.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

_HOLD = r"(?:credit )?(?:hold|stop|block)"
_LEVEL = r"(?: (?:level|lvl|l) ?\d| \d)?"
_NOUN = (
    r"(?:(?:first|second|third|final|last|friendly|gentle|polite|firm|payment|past[- ]due)\s)?"
    r"(?:dunning(?: letter| notice| e-?mail)?|reminder(?: letter| notice| e-?mail)?"
    r"|past[- ]due notice|notice)"
)
_AFTER = r"(?:\s(?:please|now|asap|today|thanks|by e-?mail|e-?mail|to (?:the|their) ap))*\s*$"
TERSE = {
    # "kendall credit limit 5000 eff now", "X - new credit limit $20,000 effective today please"
    "limit_said": (
        r"^(?!(?:what|whats|how|is|are|was|were|does|do|did|can|could|should|why|which|who"
        r"|when|where|any|show|list|check)\b)"
        r"(?!(?:[\w&.'-]+ ){0,4}?(?:has|have|had|is|was|were|are|got|gets)\b)"
        r"(?:[\w&.'-]+:? ){0,5}(?:new |revised )?(?:credit ?limit|limit)\s*(?:to|at|=|of)?\s*"
        r"(?:usd |eur |gbp |cad |[$\u20ac\u00a3] ?)?\d[\d,.]*\s*[km]?\b(?: usd| eur| gbp| cad)?"
        r"(?:\s(?:eff(?:ective)?|from) (?:now|today|immediately))"
        r"(?:\s(?:please|now|asap|thanks))*\s*$"
    ),
    # "terms 2/10 n30 for mariner", "X terms net 45 per contract amendment"
    "terms_said": (
        r"^(?:payment )?terms? (?:\d{1,2}(?:\.\d{1,2})?\s?%?\s?/\s?\d{1,3},? )?(?:net|n) ?-?\d{1,3}"
        r" (?:for|to|on)\s(?=\S)"
        r"|^(?!(?:what|whats|how|is|are|was|were|does|do|did|can|could|should|why|which)\b)"
        r"(?:[\w&.'-]+ ){1,4}(?:payment )?terms? (?:to )?(?:net|n) ?-?\d{1,3}"
        r" (?:per|as per|under) (?:the |a |our |their )?(?:new |signed )?(?:contract|agreement"
        r"|amendment)\b"
    ),
    # "pinecrest on hold til 10229 paid": how long, not a condition
    "hold_on": (
        r"^(?!(?:is|are|was|were|why|who|which|what|whats|how|when|any|if|unless)\b)"
        rf"(?:[\w&.'-]+ ){{1,4}}on {_HOLD} (?:until|till|til) [\w .-]{{1,40}}$"
    ),
    "reminder": (
        # "Fabrikam: go ahead with a reminder covering the August invoices"
        r"^go ahead with (?:an? |the )?(?:\w+ )?reminder\b|"
        # "dunning 1 to pinecrest 10229"
        rf"^(?:dunning|reminder){_LEVEL} (?:to|for)\s(?=\S)"
        # a reminder named alone in its clause, its customer said in another
        rf"|^(?:an? |the )?{_NOUN}{_LEVEL}{_AFTER}"
        # "please to make the reminder for globex", "prepare a reminder to X"
        rf"|^(?:make|prepare|create|write|do) (?:an? |the )?{_NOUN}{_LEVEL} (?:to|for)\s(?=\S)"
        # "chuck a reminder wells & wagner's way", "flick X a reminder"
        r"|^(?:chuck|flick|bung) (?:a|an|another) (?:\w+ )?reminder (?:to|for)"
        r" (?!(?:me|myself|us)\b)"
        r"|^(?:chuck|flick|bung) (?:a|an|another) (?:\w+ )?reminder (?:[\w&.'-]+ ){1,4}way\b"
    ),
}

# --- a command in fields ------------------------------------------------------------------------
_FIELD = {
    "write_off": lazy(r"^write ?-?off\b\s*(?P<rest>.*)$"),
    "limit": lazy(r"^(?:credit ?limit|cl|limit)\b\s*(?P<rest>.*)$"),
    "hold": lazy(rf"^(?:on )?{_HOLD}$"),
    "release": lazy(rf"^(?:release|rel|unhold|unblock|off {_HOLD}|remove {_HOLD})$"),
    "note": lazy(r"^note\b\s*:?\s*(?P<rest>.*)$"),
    "reminder": lazy(rf"^(?:(?:first|second|final|friendly|firm) )?(?:reminder|dunning){_LEVEL}$"),
    "statement": lazy(r"^(?:statement|soa)(?: of account)?$"),
    "dispute": lazy(r"^(?:open )?dispute\b\s*(?P<rest>.*)$"),
    "terms": lazy(r"^(?:payment )?terms?\b\s*(?P<rest>.*)$"),
}
_NUMBER = lazy(r"^(?:inv-?)?#?\d{3,}$|^[a-z]{1,3}-\d{3,}$")
_MONEY = lazy(r"^\$?\d[\d,]*(?:\.\d{1,2})?\s*[km]?$")
# a field that negates, asks, puts a condition or reports the change done
_NOT_A_COMMAND = lazy(
    r"^(?:don't|dont|do not|not|no|never|if|unless|did|was|were|has|have|who|what|why|when)\b"
    r"|\b(?:already|yesterday|done|went|sent|pending|approved)\b"
)
_CR_HOLD = lazy(r"^(?:cr|crd|cred) (hold|stop|block)\b")


def _sentence(kind: str, rest: str, name: str, numbers: list[str], words: list[str]) -> str | None:
    said = " ".join(words)
    joined = " and ".join(numbers)
    if kind == "write_off":
        money = rest or next((w for w in words if _MONEY.match(w)), "")
        words = [w for w in words if w != money]
        return f"write off {money} on {joined} {' '.join(words)}" if numbers and money else None
    if not name:
        return None
    if kind == "limit":
        amount = rest or (numbers[0] if len(numbers) == 1 else "")
        return f"set {name} credit limit to {amount}" if amount else None
    if kind == "hold":
        return f"put {name} on hold"
    if kind == "release":
        return f"take {name} off hold"
    if kind == "note":
        text = ", ".join(x for x in (rest, said) if x)
        return f"note on {name}: {text}" if text else None
    if kind == "reminder":
        return f"send {name} a reminder" + (f" for {joined}" if numbers else "")
    if kind == "statement":
        return f"send {name} a statement"
    if kind == "dispute":
        reason = ", ".join(x for x in (rest, said) if x)
        return f"open a dispute on {joined} for {name}: {reason}" if numbers and reason else None
    if kind == "terms":
        terms = rest or said
        return f"set {name} terms to {terms}" if terms else None
    return None


def command(norm: str) -> str | None:
    """The sentence a field command stands for (see the module's docstring), or None."""
    if (cr := _CR_HOLD.match(norm)) is not None:
        return f"credit {cr.group(1)}{norm[cr.end() :]}"
    if "?" in norm:
        return None
    if "|" in norm:
        split = norm.split("|")
    elif norm.count(" -> ") == 1:
        # "pinnacle foods 986 -> dispute, tax wrong": what is named, then what to do
        left, _, right = norm.partition(" -> ")
        split = [left, *right.split(",")]
    else:
        return None
    fields = [f.strip(" .,;") for f in split if f.strip(" .,;")]
    if any(_NOT_A_COMMAND.search(f) for f in fields):
        return None
    found = [(kind, m) for f in fields for kind, rx in _FIELD.items() if (m := rx.match(f))]
    if len(found) != 1:
        return None
    kind, match = found[0]
    rest = (match.groupdict().get("rest") or "").strip()
    name, numbers, words = "", [], []
    for field in fields:
        if field == match.group(0):
            continue
        if _NUMBER.match(field):
            numbers.append(field)
        elif not name and re.fullmatch(r"[a-z][\w&.' ]*", field) and not _MONEY.match(field):
            # the customer first, its invoice after it in the same field ("meridian 987")
            head, _, tail = field.partition(" ")
            parts = field.split()
            if parts[-1].isdigit() and len(parts) > 1:
                name, numbers = " ".join(parts[:-1]), [*numbers, parts[-1]]
            else:
                name = field if not tail or not head.isdigit() else tail
        else:
            words.append(field)
    return _sentence(kind, rest, name, numbers, words)
