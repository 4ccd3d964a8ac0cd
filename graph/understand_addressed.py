"""A message written to a colleague by name: "Priya, can you put a note on …", "hey sam, note on
litware …", "Dear Piotr, please add …", "Over to you Priya: …", "tom - put evergreen on hold".

arbot reads only messages that reach it (a direct message, a mention, the terminal), so it is the
one addressed unless the words name someone else first. A name opens the message and the
request that follows is that person's to do:

- after a greeting or hand-over ("hey sam,", "dear Piotr,", "over to you Priya:");
- before a comma, colon or dash, and then a request in the second person ("luis: … can you
  apply it", "raj - can you bump …") or a change for a customer named after it ("tom - put
  evergreen on hold");
- a known colleague's name (``team``: the policy's people, the ledger's collectors) before any
  request ("Priya: hold SO-9002", "priya open a dispute on sterling 10263").

Never when the message speaks to arbot anywhere ("thanks priya — arbot, write off …"), when the
word is a greeting, a group ("team", "all"), a role ("boss", "TL"), a label ("PTP:", "log:") or a
word of the trade, or when the opening words are the customer's own name ("globex - put them on
hold", "meridian: set limit 10k").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_action_names import NAMES

if TYPE_CHECKING:
    from graph.understand import Request

_ARBOT = lazy(r"(?<![\w.-])@?(?:arbot|ar-?bot|ar_bot)\b")
_NAME = r"([a-z][a-z']+)"
# "hey sam,", "dear Piotr,", "over to you Priya:", "morning dana -": a name after these is a person
_CALLED = lazy(
    rf"^\W*(?:hey|hi|hiya|hello|yo|dear|morning|good morning|over to you|handing (?:this|it) to)"
    rf"\s+{_NAME}(?=\s*(?:[,:!]|\s[-–—]\s)|\s+(?:can|could|would|will|pls|please|plz|kindly)\b)"
)
# "luis: …", "raj - …", "Dana, …", "tom – …" (not "stmt -> litware", "10:30")
_OPENS = lazy(rf"^\W*{_NAME}\s*(?:,|:(?!\d)|\s[-–—](?!>))\s*")
_OPENS_BARE = lazy(rf"^\W*{_NAME}\s+(?=\S)")
_SEPARATED = lazy(r"[,:\-–—]\s*$")
# "can you …", "pls can u …", "when you get a chance …": the name is who "you" is
_YOU = lazy(
    r"^(?:(?:pls|please|plz|kindly|quick one|quick q|also|and|when you get a (?:chance|sec|minute)"
    r"|if you (?:can|could|get a (?:chance|sec|minute)))[\s,]+)*"
    r"(?:(?:can|could|would|will) (?:you|u)|do you mind|would you mind|mind)\b"
    r"|[^.?!\n]{0,120}\b(?:can|could|would|will) (?:you|u)\b"
)
# a request said straight to a person named before it: "priya open a dispute on …"
_TOLD = lazy(
    r"(?:can|could|would|will|pls|please|plz|kindly|put|add|send|open|log|apply|write|record|set"
    r"|raise|lower|bump|increase|reduce|release|hold|place|create|make|note|chase|remind|email"
    r"|mail|dispute|move|change|update|take|invoice|bill|book|file|enter|do)\b"
)
# words of a customer's mention that name no one in particular ("the client", "them")
_ANYONE = frozenset(
    "the a an client customer customers them they their he she his her it its account co inc llc"
    " ltd corp of and & guys people".split()
)
# words that open a message and are no one's name: greetings, fillers, groups, roles, labels
_NOT_A_NAME = frozenset(
    """
    hi hey hiya hello yo there ok okay k thanks thank thx ty cheers sorry please pls plz kindly
    also so and but or then next first finally lastly quick right yes yeah yep no nope great
    cool perfect sure well now again actually btw fyi fwd fw re ps update urgent important
    reminder note notes log ptp todo task ticket request action done status question q morning
    afternoon evening today tomorrow yesterday team all everyone everybody guys folks gang
    anyone someone somebody boss tl sme lead manager controller cfo ceo cto gm treasury sales
    credit collections ar ap finance accounting ops system sys bot arbot po inv invoice stmt
    statement soa hold limit terms dispute promise wo writeoff apply release customer client
    customers clients dear hypothetically nvm wait cancel stop noted approved agreed confirmed
    good bad monday tuesday wednesday thursday friday saturday sunday eod asap nb edit
    correction approval rejected declined escalation followup priority cash deduction deductions
    payment payments remittance remit case ref subject from to cc bcc account acct order amount
    date reason summary context background ask plus legal audit auditor collector dunning heads
    headsup fine alright awesome nice excellent understood anyway meanwhile separately
    additionally otherwise however unfortunately honestly basically apparently oh ah um hmm yup
    """.split()
)


def vocative(text: str) -> tuple[str, str] | None:
    """A name the message opens by calling, whoever it is, and the words after it: "hey sam,
    …", "dear Piotr, …", "over to you Priya: …", "raj - can you …", "Dana, could you …". The
    caller reads those words: a change they ask for is the named person's to do."""
    lower = text.lower().replace("\u2019", "'")
    if _ARBOT.search(lower):
        return None
    if (called := _CALLED.match(lower)) is not None and _person(called.group(1)):
        return called.group(1), text[called.end() :].lstrip(" ,:!-\u2013\u2014")
    opens = _OPENS.match(lower)
    if opens is not None and _person(opens.group(1)) and _YOU.match(lower[opens.end() :]):
        return opens.group(1), text[opens.end() :]
    return None


def to_colleague(text: str, today: date, read: Callable[[str, date], Request]) -> Request | None:
    """The reading of a change asked of a colleague the message opens by calling ("hey sam,
    note on litware …", "raj - can you bump …"): nothing asked of arbot; or None. ``read`` is
    the reader, for the words after the name."""
    from graph.understand import Request
    from graph.understand_action_names import NotAsked

    if (called := vocative(text)) is None:
        return None
    inner = read(called[1], today)
    action = inner.action
    kind = action.kind if action is not None else inner.not_asked and inner.not_asked.kind
    if kind is None or (
        action is not None
        and not (action.customer_text or action.invoice_refs or action.payment_ref)
        and not action.order_ref
    ):
        return None  # "northwind, can you send them a reminder": the customer, called first
    customer = action.customer_text if action is not None else inner.customer_text
    return Request(
        "unknown", customer_text=customer, text=text, not_asked=NotAsked(kind, "addressed")
    )


def addressed_to(
    text: str,
    customer_text: str | None,
    team: Callable[[], Collection[str]] = tuple,
    is_customer: Callable[[str], bool] | None = None,
) -> str | None:
    """The colleague the message is written to by name at its start (lower case), or None when
    it is arbot's to do. ``customer_text`` is the customer the change is for, as read (it may
    carry the name: "dana globex"); ``team`` gives the known colleagues' names (lower case
    first names) and ``is_customer`` whether a word names a customer, both asked only when a
    message opens with a word that may be a name. Without ``is_customer``, an opening word
    the customer read begins with ("initech — the client informed …": "initech informed") is
    taken for the customer."""
    lower = text.lower().replace("\u2019", "'")
    if _ARBOT.search(lower):
        return None  # "thanks priya — arbot, write off …", "@arbot …"
    customer = (customer_text or "").lower().split()
    called = _CALLED.match(lower)
    opens = called or _OPENS.match(lower) or _OPENS_BARE.match(lower)
    if opens is None or (name := _person(opens.group(1))) is None:
        return None
    if is_customer is not None and is_customer(name):
        return None  # "globex - put them on hold": the customer named first
    if is_customer is None and customer[:1] == [name]:
        return None  # unsure without the books: taken for the customer
    if called is not None:
        return name  # "hey sam, note on litware …"
    rest = lower[opens.end() :]
    if not _SEPARATED.search(opens.group(0)):
        # "priya open a dispute on sterling 10263"; "globex put on hold" names the customer
        return name if _TOLD.match(rest) and _known(name, team) else None
    if _known(name, team) or _YOU.match(rest):
        return name  # "Priya: hold SO-9002 …", "raj - can you bump …", "Dana, can you add …"
    if opens.group(0).rstrip().endswith(","):
        return None  # "fine, put them on hold": before a comma, a name only when "you" follows
    others = [w for w in customer if w not in _ANYONE and w != name]
    if any(re.search(rf"\b{re.escape(w)}\b", rest) for w in others):
        return name  # "tom - put evergreen on hold": the customer is named after the name
    return None


def _person(word: str) -> str | None:
    """``word`` as someone's name, or None when it is no one's: a greeting, a group, a role, a
    label or a word of the trade ("hold: …", "release - …")."""
    word = re.sub(r"'s$", "", word)
    if word in _NOT_A_NAME or len(word) < 2:
        return None
    if any(pattern.search(word) for pattern in NAMES.values()):
        return None
    return word


def _known(name: str, team: Callable[[], Collection[str]]) -> bool:
    """Whether ``name`` is a known colleague's ("priya", "luis")."""
    return name in {known.lower() for known in team()}
