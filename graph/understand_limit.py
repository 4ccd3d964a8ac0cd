"""A credit limit in a change request: the figure, the customer, and a figure said in another
clause than the verb ("CFO signed off on 450k for pinnacle chemicals, please update their credit
limit"), after "to" or an arrow ("from 20k to 25k", "36k -> 50k")."""

from __future__ import annotations

import re

from graph.action_request import ActionRequest, _customer_of
from graph.lazy_regex import lazy
from graph.understand_money import currency
from graph.understand_money import money as _money
from graph.understand_verbs import ASKING_YOU, POLITE, clauses

# "from 20k to 25k", "36k -> 50k", "net 30 -> net 60": the figure after "to" or the arrow
FROM_TO = lazy(
    r"\bfrom\b.{1,30}?\bto\b|(?:\$?\d[\d,.]*\s*[km]?|net ?\d+)\s*(?:->|=>|\u2192)\s*"
    r"|(?<!\bby )(?<![\d,.$])\$?\d[\d,.]*\s*[km]?\s+to\s+(?=\$?\d)"  # "… change 10k to 15k"
)
# "until end of december" dates the limit's end (arbot cannot yet); "until they catch up" is the
# reason for a limit someone will change again
TEMPORARY = lazy(
    r"\b(?:temporary|temporarily|temp|one[- ]off|one[- ]time)\b"
    r"|\b(?:until|till)\b(?! (?:they|it|he|she|the customer|further notice)\b)"
)


# "CFO signed off on 450k for pinnacle chemicals, please update their credit limit": the verb
# in one clause, the figure and the customer in another
_LIMIT_VERB = lazy(
    r"^(?:update|change|amend|adjust|set|raise|increase|lower|reduce|bump|up|move)"
    r" (?P<who>(?:[\w&.'-]+ ){0,4}?)(?:credit )?(?:limit|line)(?: accordingly| as well| too| then"
    r"| in the system)?\s*$"
)


# "… approved a limit of CAD 80,000 for granite. Please update accordingly", "sales wants a
# bigger line on pinecrest. let's take it to 12,000. can you set that up?": the change said in
# one clause, asked for in another
_DO_IT = lazy(
    r"^(?:update|change|amend|adjust|set|action|process|put|push|do|make)(?: it| that| this"
    r"| the change| that change| the same)?(?: up| through| accordingly| so| in the system"
    r"| on the system| in the erp)?\s*$|^go ahead(?: with it| and do it)?\s*$"
)
_LIMIT_WANTED = lazy(
    r"\b(?:approved|sanctioned|signed off|agreed|okayed|ok'd|should be|needs to be|has to be"
    r"|must be|take it to|go to|go up to|go down to|wants?|asked for|requested|needs?|ok|okay)\b"
)
_CHANGE_NOUN = lazy(
    r"\b(?:upwards?|downwards?"  # "review upward the credit limit of X"
    r"|revision|increase|enhancement|decrease|reduction|change|update|increased|enhanced"
    r"|revised|raised|reduced|lowered|updated|changed)\b"
)
_LIMIT_NOUN = lazy(r"\b(?:credit ?limit|limit|credit ?line|line of credit|line)\b")
_LINE_OF = lazy(r"\b(?:limit|line)\s+(?:for|of|on)\s+(?P<who>.+)$")


def _wanted_elsewhere(parts: list[tuple[str, bool]], n: int) -> ActionRequest | None:
    """The limit another clause wants, when clause ``n`` only asks to make it so."""
    others = [c for i, (c, _) in enumerate(parts) if i != n]
    said = " ".join(others)
    if not (_LIMIT_NOUN.search(said) and _LIMIT_WANTED.search(said)):
        return None
    if TEMPORARY.search(said):
        return None  # "approved a temporary limit of 400k for X for Q4": arbot cannot (yet)
    amount, match = _money(said)
    if amount is None or match is None:
        return None
    after = re.search(r"\b(?:for|of|on)\s+(.+)$", said[match.end() :])
    customer = _customer_of(after.group(1)) if after else None
    for clause in others:
        if customer is None and (line := _LINE_OF.search(clause)):
            customer = _customer_of(line.group("who"))  # "a bigger line on pinecrest"
    wanted = _LIMIT_WANTED.search(said)
    noun = _LIMIT_NOUN.search(said, wanted.end()) if wanted else None
    if customer is None and wanted and noun:
        # "sales wants tate engineering's limit increased to 350k": whose limit is wanted
        customer = _customer_of(said[wanted.end() : noun.start()])
    if customer is None and wanted:
        customer = _customer_of(said[: wanted.start()])  # "globex needs a 25k limit, pls set it"
    if customer is None:
        return None
    return ActionRequest(
        "set_credit_limit", customer_text=customer, amount=amount, currency=currency(match)
    )


def limit_elsewhere(norm: str) -> ActionRequest | None:
    parts = clauses(norm)
    for n, (clause, question) in enumerate(parts):
        if question and not ASKING_YOU.match(clause.strip()):
            continue
        if _DO_IT.match(POLITE.sub("", clause.strip())):
            if (wanted := _wanted_elsewhere(parts, n)) is not None:
                return wanted
            continue
        verb = _LIMIT_VERB.match(POLITE.sub("", clause.strip()))
        if verb is None:
            continue
        others = " ".join(c for i, (c, _) in enumerate(parts) if i != n)
        amount, match = _money(others)
        if amount is None or match is None:
            return None
        who = re.sub(r"\b(?:the|their|its|his|her|our)\b", " ", verb.group("who"))
        after = re.search(r"\b(?:for|of|on)\s+(.+)$", others[match.end() :])
        customer = _customer_of(who) or (_customer_of(after.group(1)) if after else None)
        if customer is None:
            return None
        return ActionRequest(
            "set_credit_limit", customer_text=customer, amount=amount, currency=currency(match)
        )
    return None


def limit(
    kind: str, body: str, remaining: str, named: str, asked: bool, fallback: str | None
) -> ActionRequest | None:
    if TEMPORARY.search(body):
        return None  # a limit until a date is not a new limit: arbot says it cannot (yet)
    if kind == "limit_said":
        named = remaining.strip()
    if changed := FROM_TO.search(named):
        # "raise globex limit from 20k to 25k": the figure after "to"; the name before "from"
        named = named[: changed.start()] + " " + named[changed.end() :]
    amount, match = _money(named)
    written = currency(match)
    if amount is None and (
        to := re.search(r"\s(\$?\s?\d[\d,.]*\s*[km]?)\s*(?:please|now|asap)?$", body)
    ):
        amount, _ = _money(to.group(1))  # "… to 80000": read as an invoice number above
    if asked and amount is None:
        return None
    if match and re.search(r"\bby\s*$", named[: match.start()]):
        # "raise it by 10k" is no new limit (the agent asks "to what amount?"); "by 50k to
        # 450k" is 450k
        then = re.search(r"\bto\s+(.+)$", named[match.end() :])
        amount = _money(then.group(1))[0] if then else None
    who = named[: match.start()] if match else named
    who = _CHANGE_NOUN.sub(" ", who)  # "credit limit revision for globex", "… to be increased"
    # "approve a 50k limit for globex": the customer after the figure
    customer = (
        _customer_of(who) or (_customer_of(named[match.end() :]) if match else None) or fallback
    )
    if customer is None and (kind != "limit" or amount is None):
        return None  # "raise the limit to 50k" is asked of no one: the agent asks whom
    return ActionRequest(
        "set_credit_limit", customer_text=customer, amount=amount, currency=written
    )
