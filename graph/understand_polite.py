"""How a message is cut into clauses (``CLAUSES``, ``clauses``) and the politeness taken off a
clause before its verb is read (``POLITE``: "pls", "kindly", "can you", "please to", "do the
needful and", "arbot", "I would like that you" …). Used by every reader of a change
(``graph.understand_verbs`` names them again for the readers that import them from there)."""

from __future__ import annotations

from graph.lazy_regex import lazy

# Clauses; a colon before the value it introduces ("terms for kendall: net 15", "limit for
# acme: 20k") keeps the value in the clause.
CLAUSES = lazy(
    # "Meridian Tool & Die Co. on net 30", "Harbor Wholesale Grocers Inc. should be …": the
    # period of a company's name ends no clause
    r"[!?;,][.!?;,]*(?=\s|$)"
    r"|(?<!\bco)(?<!\binc)(?<!\bltd)(?<!\bcorp)(?<!\bllc)(?<!\bplc)(?<!\bpty)\.[.!?;,]*(?=\s|$)"
    r"|(?<!hold)(?<!stop)(?<!block)"  # "credit hold: globex" is one clause
    r"(?<!increase)(?<!decrease)(?<!change)"  # "credit limit increase: mariner 36k -> 50k"
    r":+(?=\s|$)(?!\s*(?:net\b|n\d|\$|\d|eur\b|usd\b|gbp\b|cad\b|due\b"
    r"|(?:new |revised )?(?:credit )?limit\b|(?:payment )?terms\b))"  # "globex: new limit 25k"
    r"(?!\s*(?:credit )?(?:hold|stop|block)\s*$)"  # "globex: hold"
    r"|\s-+\s|\s-{2,}|\n+"
    # "… 500 sitting unapplied from PAY-5002 → put it on 982": an arrow before an order
    r"|\s(?:\u2192|->|=>)\s(?=(?:please |pls |kindly )?(?:put|apply|allocate|match|post|use"
    r"|send|write|release|hold|raise|lower|set|add|log|move|change)\b)"
    # "X's wire landed wednesday so release SO-1003 now", "they've paid so take X off stop":
    # a remark, then what to do because of it
    r"|\sso(?= (?:(?:just|please|now|then|kindly) )*(?:release|take|put|apply|write off|send"
    r"|email|remind|raise|lower|lift|block|unblock|record|log|note|open|set|change|move)\b)"
)
POLITE = lazy(
    r"^(?:(?:hi|hey|hello|ok(?:ay)? to|ok|okay|so|also|and|then|now|team|guys|all|please(?: to)?"
    r"|abeg"  # Nigerian English: please
    # "arbot apply PMT-… to …", "@arbot send X a statement": the bot addressed; "…, so you can
    # apply PMT-… to …": a condition met
    r"|@?arbot|mate|you can"
    r"|kindly(?: to)?|just|quickly|asap|can you|could you|would you|will you|would you mind"
    r"|can i get you to|(?:i |we )?request(?:ing)? you to"
    # "do the needful and send …"; said alone ("pls do the needful.") it is the go-ahead itself
    r"|do the needful(?: and| to|(?=[\s,!]+(?!(?:thanks|thank you|thx|ty|cheers)\b)\w))"
    r"|(?:i|we) (?:need|want|would like|'d like|agreed|have|decided)(?: you)? to|i'd like to"
    r"|(?:i|we) would like that you"  # "I would like that you send them a reminder today"
    r"|therefore|hence|thus"  # "… guarantee received. Therefore I would like that you …"
    # "we've agreed with the customer to …", "we agreed w/ globex to …"
    r"|(?:i|we)(?: have|'ve)? agreed (?:with|w/) (?:[\w&.'-]+ ){1,4}?to"
    # "we agreed with them we'd write it off"
    r"|(?:i|we)(?: have|'ve)? agreed (?:with|w/) (?:[\w&.'-]+ ){1,4}?(?:that )?(?:we'd|we would"
    r"|we will|we'll|we can)"
    r"|need(?: you)? to|we can|we will|we'll|we are going to|we're going to"
    r"|go ahead (?:and|&\s)|let's|lets|(?:don't|dont|do not) forget to|remember to"
    r"|make sure (?:to|you)"
    r"|be sure to"
    # "pls help apply PMT-… to …", Singlish "can w/o INV-10319 …": the change asked for
    r"|(?:help(?: me)?(?: to)?|can|boss,? can)(?= (?:apply|write off|release|raise|set|put|send"
    r"|record|log|note|move|change|knock off|allocate|match|lift|lower|increase|unblock|block)\b)"
    r")\b(?!-)[\s,!]*)+"  # not the "so" of "SO-1005"
)


def clauses(norm: str) -> list[tuple[str, bool]]:
    """The clauses of the message, each with whether it was put as a question ("?")."""
    found, start = [], 0
    for separator in CLAUSES.finditer(norm):
        found.append((norm[start : separator.start()], "?" in separator.group(0)))
        start = separator.end()
    found.append((norm[start:], False))
    return found
