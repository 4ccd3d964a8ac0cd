"""The cuts of a whole-book question, read from its words: days past due ("over 90", "90+ days",
"more than 60 days past due", but not the buckets of a whole aging), a currency, and a count
("top 5", "the 20 customers").
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

OVER_DAYS = lazy(
    r"(?<![$\d.,])(?:(?:\b(?:over|above|more than|older than|beyond|greater than|(?<!the )past"
    r"|exceeding|at least|longer than)|>=?)\s*(\d{1,3})\b"
    r"(?!\s*(?:k\b|%|,\d|\.\d|invoices?|customers?|accounts?))"
    r"(?:\s*\+)?(?!\s*(?:weeks?|months?|years?))(?:\s*(?:days?|d)\b)?"
    r"|\b(\d{1,3})\s*\+\s*(?:days?)?|\b(\d{1,3})\s*(?:days?|d)\s*\+"
    r"|\b(\d{1,3})\s*(?:days?|d) (?:or more |and (?:over|more)"
    r" )?(?:past due|overdue|late|old|delinquent|bucket)\b"
    # "90 days and older", "60 days or longer"
    r"|\b(\d{1,3})\s*(?:days?|d) (?:and|or) (?:older|longer|beyond|above)\b)"
)
OVER_DAYS_CONTEXT = lazy(
    r"\b(?:past due|overdue|late|delinquent|aged|aging|ageing|days?|owes?|owing|open|buckets?"
    r"|outstanding"
    r"|what is|who is|who are|whats|anything|everything|customers|accounts|invoices|how much"
    r"|balance|book"
    r"|show|list)\b|^\s*(?:over|above|more than)\s*\d"
)
# Three or more buckets listed: "current / 30 / 60 / 90+", "0-30, 31-60, 61-90, 90+": the whole
# aging, not a cut at the last one.
_BUCKET = r"(?:current|(?:0|1|15|30|31|45|46|60|61|90|91|120|121|150|180)(?:\s*-\s*\d{1,3})?\s*\+?)"
AGING_BUCKETS = lazy(rf"(?<![\d/.])\b{_BUCKET}(?:\s*[/,|&]\s*(?:and\s+)?{_BUCKET}){{2,}}(?![\d/.])")


_AT_RISK = lazy(
    r"\b(?:going|slipping|sliding|rolling|moving|tipping|falling|about to|at risk|risk of|will"
    r" (?:go|be|hit|cross)|next week|next month)\b"
)
_CURRENCIES = (
    (lazy(r"\b(?:eur|euros?|eurozone)\b|\u20ac"), "EUR"),
    (lazy(r"\b(?:gbp|pounds?|uk customers|british)\b|\u00a3"), "GBP"),
    (lazy(r"\b(?:cad|canadian(?: dollars?)?)\b"), "CAD"),
    (lazy(r"\b(?:usd|us dollars?|us customers|american)\b"), "USD"),
)


_BUCKET_EDGES = (30, 45, 60, 90, 120, 150, 180, 365)


def over_days(norm: str) -> int | None:
    """N of "over 90", "90+ days", "more than 60 days past due", when it is days past due."""
    if (
        _AT_RISK.search(norm)
        or len(re.findall(r"\b\d{1,3}\s*-\s*\d{1,3}\b", norm)) >= 2
        # "what's in 90+ vs 61-90": two buckets side by side, the aging
        or (re.search(r"\b\d{1,3}\s*-\s*\d{1,3}\b", norm) and re.search(r"\b\d{1,3}\s*\+", norm))
        or AGING_BUCKETS.search(norm)
    ):
        return None  # "going over 90 next week"; "buckets 0-30 31-60 61-90": the whole aging
    for match in OVER_DAYS.finditer(norm):
        number = int(next(g for g in match.groups() if g))
        if not 0 < number <= 365:
            continue
        if number in (100, 200, 300) and "d" not in match.group(0):
            continue  # "over 100" alone is an amount; "over 100 days" is not
        if "+" in match.group(0) and number in _BUCKET_EDGES:
            return number  # "northwind 90+": the bucket's own notation, days past due
        if OVER_DAYS_CONTEXT.search(norm):
            return number
    return None


# every currency asked for, each apart: "per currency, don't add the CAD to the dollars", "all
# currencies - I know there's some Canadian ones too", "USD and the foreign ccys separately"
_EACH_CURRENCY = lazy(
    r"\b(?:per|by|each|every|all|split by|broken down by|separate) (?:currency|currencies|ccys?)\b"
    r"|\b(?:currencies|ccys?) (?:separately|apart|split)\b"
    r"|\b(?:don't|dont|do not|never|not) (?:add|mix|sum|combine|lump)\b"
    # a currency said to be included, not the only one: "the canadian ones too", "cad included"
    r"|\b(?:cad|canadian|usd|us|dollar|eur|euro|gbp|sterling|uk|british)(?: ones?| customers?"
    r"| accounts?| balances?| debtors?)? (?:too|included|as well|also)\b"
    r"|\b(?:including|incl|plus|and also|also) (?:the )?(?:cad|canadian|usd|eur|euro|gbp|sterling"
    r"|uk|british)\b"
)


def currency(norm: str) -> str | None:
    if _EACH_CURRENCY.search(norm):
        return None
    found = [code for pattern, code in _CURRENCIES if pattern.search(norm)]
    return found[0] if len(found) == 1 else None


_COUNT = lazy(
    r"\b(?:last|latest|recent|past|top|first|bottom|worst|biggest|largest)\s+(\d{1,3})\b"
    r"(?!\s*(?:days?|weeks?|months?|years?|hours?|hrs?|%|k\b|\+|-|/))"
)
_COUNTED_NOUN = lazy(r"\b(\d{1,3}) (?:customers|accounts|clients|debtors|invoices|items)\b")


def count(norm: str, ranking: bool) -> int | None:
    """N of "top 5", "last 3"; in a ranking also of "the 20 customers" ("list the twenty
    customers with the largest balances")."""
    match = _COUNT.search(norm) or (_COUNTED_NOUN.search(norm) if ranking else None)
    return int(match.group(1)) if match else None


# "top debtors excluding disputed invoices", "net of disputes": the disputes a cut of the list
# asked, not the question (the reply says what it could not leave out)
_LEFT_OUT = lazy(
    r"\b(?:excluding|exclude|excl|except(?: for)?|without|not counting|minus|net of|leaving out"
    r"|leave out|ignoring|ignore|other than|apart from|less)\b(?: the| any| all)?(?: ones?| those"
    r"| accounts?| customers?| invoices?| items?)?(?: (?:that|which|who) (?:are|is|have|has))?"
    r"(?: (?:in|under|on))? (?:disput\w*|contested|queried|query)(?: (?:invoices?|items?"
    r"|amounts?|balances?|ones))?\b"
)


def without_left_out(norm: str) -> str:
    """The words of a question without what it leaves out ("… excluding disputed invoices")."""
    return (
        _LEFT_OUT.sub(" ", norm)
        if "disput" in norm or "quer" in norm or "contest" in norm
        else norm
    )
