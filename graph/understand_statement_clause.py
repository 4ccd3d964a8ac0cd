"""A statement asked for in one clause of a longer message, after a reason or a remark: "Their AP
asked for it in writing, so please email Granite Restaurant Group a statement today", "Priya is
out, so please send Heritage Garden Centers their statement yourself", "OK — send Litware a fresh
statement with the corrected remit-to address"; and a statement named with how it goes out:
"SOA globex, email to AP", "statement for Riverbend Packaging please, by email to the usual
address", "mohawk pharma - statement pls, to their ap inbox", "stmt -> litware, cc dana".

Read by ``graph.understand_statement_asks.read_statement`` after its own forms. Nothing is asked
when a clause asks a question of its own, calls the statement off ("don't send …"), puts it on a
condition ("if they ask, send …") or when the message is addressed to a colleague by name
("priya, send X a statement").
"""

from __future__ import annotations

import re

from graph.action_request import ActionRequest, _customer_of
from graph.lazy_regex import lazy
from graph.understand_verbs import ASKING_YOU, POLITE, clauses

_ADJ = r"(?:(?:a|an|the|their|its|his|her)\s)?"
_ADJ2 = (
    r"(?:(?:current|updated|latest|fresh|new|up[- ]to[- ]date|full|open[- ]items?|account"
    r"|monthly|november|october|december|copy of(?: the| their| its)?)\s){0,3}"
)
_STMT = r"(?:statements?(?: of account)?|soa|stmt)\b(?! of (?:cash|work|financial|income))"
_SEND = r"(?:send|email|e-mail|mail|shoot|forward|resend|re-send)"
# "email granite restaurant group a statement today"
_SEND_WHO_STMT = lazy(
    rf"^{_SEND}\s(?!(?:me|us|it|them|this|that)\b)(?P<who>.+?)\s{_ADJ}{_ADJ2}{_STMT}"
)
# "send the statement of account to granite restaurant group, …"
_SEND_STMT_TO = lazy(rf"^{_SEND}\s{_ADJ}{_ADJ2}{_STMT}\s(?:out\s|over\s)?(?:to|for)\s(?P<who>.+)$")
# the statement named with the customer, without a verb: "soa globex", "statement for riverbend
# packaging please", "mohawk pharma - statement pls", "stmt -> litware"
_NAMED = lazy(
    rf"^(?:{_ADJ}{_ADJ2}{_STMT}\s*(?:->|=>|\u2192|for|to|of)?\s*(?P<after>[\w&.' ]+?)"
    rf"|(?P<before>[\w&.' ]+?)\s*(?:-+|:|\|)?\s*{_ADJ2}{_STMT})"
    r"(?:\s(?:please|pls|plz|thanks|asap|today))*\s*$"
)
# how it goes out, said in a clause of its own: "email to AP", "by email to the usual address",
# "to their ap inbox", "cc dana"
_HOW_SENT = lazy(
    r"^(?:(?:please|pls|and)\s)?(?:by e-?mail\b|e-?mail(?:ed)? (?:it |them )?to\b"
    r"|(?:send )?(?:it )?to (?:their|the) (?:ap|a/p|accounts payable|usual)\b"
    r"|cc\s\w+|send (?:it|one)\b)"
)
_SEND_TO = lazy(rf"^{_SEND}\s(?:it\s|one\s|a copy\s)?(?:over\s|across\s)?to\s(?P<who>.+)$")
_STMT_SAID = lazy(rf"\b{_STMT}")
# what follows the customer's name: when, why, how
_AFTER_NAME = lazy(
    r"\s(?:with|so|because|as|since|by|before|after|today|tomorrow|now|asap|yourself|please"
    r"|pls|thanks|for (?:their|the)|to (?:their|the)|their|when|while|ahead of|this|next)\b.*$"
)
_NOT_HERE = lazy(
    r"\b(?:don't|dont|do not|no need to|never|not|if|unless|once|when|whether|should we"
    r"|shall we|did|have you|has \w+ (?:sent|emailed))\b"
)
# "priya, send X a statement", "@maria can you …": someone else is asked
_TO_COLLEAGUE = lazy(
    r"^\s*(?:@(?!arbot\b)\w+|(?:dear|hi|hey|hello)\s+(?!arbot\b|team\b|all\b)\w+\s*[,:-]"
    r"|(?!(?:ok|okay|so|hi|hey|team|all|thanks|arbot|yes|right|great|cool|morning)\b)[a-z]+\s*,"
    r"\s*(?:can|could|would|will|pls|please|kindly)\b)"
)

# a forward's own words ("fwd from X below - send them the statement"): the quoted reader's
_FORWARDED = lazy(r"\b(?:fwd|fw|forwarded|forwarding|below|underneath)\b")


def _who(words: str) -> str | None:
    return _customer_of(_AFTER_NAME.sub("", f" {words.strip()}").strip())


def _one(text: str, norm: str) -> ActionRequest | None:
    said = [(c.strip(), q) for c, q in clauses(norm) if c.strip(" -,;:.!?()")]
    if any(q and not ASKING_YOU.match(c) for c, q in said):
        return None  # a question of its own: "did X get their statement?"
    if _TO_COLLEAGUE.match(norm) or _NOT_HERE.search(norm) or _FORWARDED.search(norm):
        return None
    bodies = [POLITE.sub("", c) for c, _ in said]
    for body in bodies:
        found = _SEND_WHO_STMT.match(body) or _SEND_STMT_TO.match(body)
        if found is not None and (who := _who(found.group("who"))):
            return ActionRequest("send_statement", customer_text=who)
    for n, body in enumerate(bodies):
        if n and _HOW_SENT.match(body):
            named = _NAMED.match(" - ".join(bodies[:n]))
            if named is not None and (who := _who(named.group("after") or named.group("before"))):
                return ActionRequest("send_statement", customer_text=who)
        # "customer asked for a copy of their statement, pls send to falcon hardware"
        to = _SEND_TO.match(body) if n else None
        if to and any(_STMT_SAID.search(b) for b in bodies[:n]) and (who := _who(to.group("who"))):
            return ActionRequest("send_statement", customer_text=who)
    return None


def statement_in_clause(text: str, norm: str) -> ActionRequest | None:
    """The statement one clause asks for (see the module's docstring), or None."""
    if not re.search(rf"\b{_STMT}", norm):
        return None
    return _one(text, norm)
