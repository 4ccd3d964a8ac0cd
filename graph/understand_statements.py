"""A statement asked for in words the collector's reader (graph.understand_collector) does not
take: "kindly issue a current statement to sterling ahead of their payment run", "statement out
to jacobs & mercer before EOM please", "harbor wholesale wants an updated statement, send it
over"; and a statement asked after another change ("put donovan on hold and send them a
statement while you're at it"), which leaves the first change to be read first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.action_request import ActionRequest, _customer_of
from graph.lazy_regex import lazy
from graph.understand_clauses import DEPARTMENT
from graph.understand_verbs import ASKING_YOU, POLITE, VERB, clauses

if TYPE_CHECKING:
    from graph.understand import Request

_ADJ = r"(?:(?:a|an|the|their|its|a fresh|an updated|a current|a new|the latest|an up to date)\s)?"
_ADJ2 = (
    r"(?:(?:current|updated|latest|fresh|new|up[- ]to[- ]date|full|open[- ]items?|account"
    r"|copy of(?: the| their| its)?)\s){0,3}"
)
_STMT = r"(?:statements?|soa|statement of account)\b(?! of (?:cash|work|financial|income))"
# "issue a current statement to sterling", "send out an updated statement for X"
_ISSUE = lazy(
    rf"^(?:issue|provide|prepare and send|send out|get out|push out|fire off|shoot over|send over"
    r"|blast(?: out)?"  # "blast a statement of account to X": e-mail it
    r"|email|e-mail|mail|send)"
    rf"\s{_ADJ}{_ADJ2}{_STMT}\s(?:out\s|over\s)?(?:to|for)\s(?P<who>.+)$"
)
# "statement out to jacobs & mercer before EOM please", "updated statement over to X pls"
_OUT_TO = lazy(
    rf"^(?:(?:get|send|push|fire|put) )?{_ADJ}{_ADJ2}{_STMT}\s(?:out|over|across)\s(?:to|for)"
    r"\s(?P<who>.+)$"
)
# "X asked for a copy of everything they owe, send them a statement": "them" named before
_SEND_THEM = lazy(
    rf"^(?:send|email|e-mail|mail|forward) (?:them|him|her) {_ADJ}{_ADJ2}{_STMT}"
    r"(?:\s(?:please|pls|thanks|thank you|ta|asap|today|too|as well))*\s*$"
)
# "X want(s) an updated statement" … "send it over"
_WANTS = lazy(
    r"^(?:(?P<who>.+?)\s)?(?:want|wants|need|needs|asked for|have asked for|has asked for"
    r"|requested)"
    rf"\s{_ADJ}{_ADJ2}{_STMT}"
)
_SEND_IT = lazy(
    r"^(?:send|email|e-mail|mail|forward|shoot|share)\s(?:it|one|that|this|them one|a copy)"
    r"(?:\s(?:over|across|through|out|to them))?\b"
    # "… asked for a statement of account, pls send": the sending alone
    r"|^(?:send|email|e-mail|mail|forward)(?:\s(?:over|across|out|to them))?"
    r"(?:\s(?:please|pls|thanks|thank you|ta|asap|today))*\s*$"
)
# what follows the customer's name: when, why, how
_AFTER_NAME = lazy(
    r"\s(?:ahead of|before|by|asap|today|tomorrow|please|pls|thanks|ta|so|as|for their|when|eom"
    r"|end of|this|next|while)\b.*$"
)
_AP_PERSON = lazy(
    r"^(?:the\s)?(?:ap|a/p|accounts payable)(?:\s(?:lady|guy|person|team|dept|department|clerk"
    r"|contact))?\s(?:at|from|of)\s"
)
_NOT_ASKED_HERE = lazy(
    r"^(?:did|do|does|is|are|was|were|has|have|had|should|would|could we|can we|when|why|how"
    r"|what|who|which)\b|\b(?:don't|dont|do not|no need to|never|not)\b"
)


@dataclass(frozen=True)
class Said:
    """What the statement words ask: ``request`` (None: another change is asked first, for
    the rest of the parser to read)."""

    request: Request | None


def _request(text: str, who: str) -> Said | None:
    from graph.understand_collector import _action_request

    who = DEPARTMENT.sub("", _AFTER_NAME.sub("", _AP_PERSON.sub("", who.strip())))
    customer = _customer_of(who)  # "northwind ap asked for …": northwind
    if customer is None:
        return None
    return Said(_action_request(text, ActionRequest("send_statement", customer_text=customer)))


def statement_sent(text: str, norm: str) -> Said | None:
    """A statement asked in these words, another change asked before one, or None."""
    if _SCHEDULED.search(norm):
        return Said(None)  # "schedule statements to go out on the 1st": not arbot's (cannot)
    parts = [(clause.strip(), question) for clause, question in clauses(norm) if clause.strip()]
    if any(question and not ASKING_YOU.match(clause) for clause, question in parts):
        return None  # a question of its own: "did X get their statement?" ("could you …?" asks)
    said = [clause for clause, _ in parts]
    if not said or _NOT_ASKED_HERE.search(norm):
        return None
    first = POLITE.sub("", said[0])
    head, _, rest = first.partition(" and ")
    if (
        rest
        and _STMT_WORD.search(rest)
        and not _STMT_WORD.search(head)
        and any(VERB[kind].search(head) for kind in _OTHER_KINDS)
    ):
        return Said(None)  # "put donovan on hold and send them a statement": the hold first
    for clause in said:
        body = POLITE.sub("", clause)
        if (found := _ISSUE.match(body) or _OUT_TO.match(body)) is not None:
            return _request(text, found.group("who"))
    for n, clause in enumerate(said):
        if n and _SEND_THEM.match(POLITE.sub("", clause)):
            return _request(text, next((c for c in said[:n] if _customer_of(c)), ""))
    if any(_SEND_IT.match(POLITE.sub("", clause)) for clause in said[1:]):
        for n, clause in enumerate(said):
            if (wants := _WANTS.match(POLITE.sub("", clause))) is not None:
                # "harbor wholesale grocers inc. want …": the name is the clause before
                who = wants.group("who") or (said[n - 1] if n else "")
                if _SOMEONE.fullmatch(who.strip()):
                    # "customer asked for a statement - X, send it to their AP": the clause
                    # that only names them
                    who = next((c for c in said if c is not clause and _customer_of(c)), "")
                return _request(text, who)
    return None


_SCHEDULED = lazy(
    r"\bschedul\w*\b.{0,40}\bstatements?\b|\bstatements?\b.{0,40}\b(?:every|each) (?:month|week"
    r"|monday|friday|quarter)\b|\bautomatic(?:ally)?\b.{0,30}\bstatements?\b"
    # "send them statements monthly going forward", "set up monthly statements for X"
    r"|\bstatements?\b.{0,20}\b(?:monthly|weekly|quarterly)\b"
    r"|\b(?:set up|setup|arrange|start)\b.{0,20}\b(?:monthly|weekly|quarterly|recurring|regular)"
    r" statements?\b"
    # "cc Luis on every statement we send": a copy of each, not one sent now
    r"|\bcc (?:me|us|the team|[a-z]+) (?:on|in)\b"
    # a statement sent called back: "can you unsend it?", "recall the statement"
    r"|\bun-?send\b|\brecall (?:the|that|my) (?:statement|e-?mail)\b"
)
_SOMEONE = lazy(r"(?:the |our |a )?(?:customer|client|debtor|they|their ap|ap)")
_STMT_WORD = lazy(rf"\b{_STMT}")
_OTHER_KINDS = ("hold_on", "hold_off", "limit", "terms", "write_off", "apply", "reminder", "note")
