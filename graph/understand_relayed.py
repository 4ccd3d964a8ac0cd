"""A change someone else asked for, relayed with a go-ahead of the writer's own: "I've been
asked to put whitaker services on stop credit - can you do that for me please?", "I was told to
ask you to apply X's wire to INV-10401, could you do that?", "the FM approved it verbally so go
ahead and write off the freight deduction on 10372". The relayed change is asked for; without a
go-ahead ("priya asked me to put globex on hold") it stays a report (graph.understand_asked)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_verbs import clauses

if TYPE_CHECKING:
    from graph.understand_actions import ActionRequest

_WHO = r"(?:the |my |our )?(?:[\w&.'-]+ ){0,2}[\w&.'-]+"
_RELAY = lazy(
    r"^(?:(?:hi|hey|hello|sorry|ok|okay|so|also|fyi)\b[\s,!]*)*(?:"
    # "I've been asked to …", "I was told to ask you to …"
    r"(?:i|we)(?:'ve| have)? (?:been|was|were) (?:asked|told|instructed|requested)"
    r"(?: by (?:[\w&.'-]+ ){1,3}?)? to(?: ask you to)?"
    # "the FM says to …", "priya asked me to …"
    rf"|{_WHO} (?:says|said|wants|wanted|asked|told|instructed)(?: (?:me|us|you))? to"
    # "the FM approved it verbally so go ahead and …": the approval with its go-ahead
    rf"|(?P<approved>{_WHO} (?:approved|okayed|ok'd|signed off on|agreed to)"
    r"(?: it| this| that| the [\w-]+)?(?: verbally| by e-?mail| in writing| on the phone"
    r"| over the phone| today| yesterday)?,? so(?: please| pls)?(?: go ahead and)?)"
    r")\s+"
)
# the writer's own go-ahead, in a clause of its own
_GO_AHEAD = lazy(
    r"^(?:(?:so|then|and|ok|okay|pls|please)\b[\s,]*)*(?:"
    r"(?:can|could|would|will) (?:you|u) (?:please |pls )?(?:do|action|process|handle|sort"
    # "… can you send it?", "could you make that change?", "can you set that up?"
    r"|send|make|set|put|raise|log|record|apply)"
    r" (?:that|it|this|the change|that change|this change|the same)"
    r"(?: (?:up|out|through|in|for (?:me|us)|for (?:me|us) please))?(?: for (?:me|us))?"
    r"|(?:please |pls |kindly )?(?:do it|do that|go ahead|action it|process it|proceed"
    r"|action that|make it so|do the needful)"
    r")(?: please| pls| thanks| thank you| ta)*\s*[?.!]*$"
)


# "onshore wants a final reminder mail to go to X", "the FM wants a statement sent to X": the
# thing wanted, then where it goes — the sending asked for
_WANTS_SENT = lazy(
    rf"^{_WHO} (?:wants|wanted|would like|asked for|requested) (?P<thing>(?:a|an|the) (?:[\w-]+ )"
    r"{0,3}?(?:reminders?|statements?(?: of account)?|notices?|letters?|chasers?|dunning)"
    r"(?: e-?mails?| mails?| letters?)?) (?:sent|to go(?: out)?|to be sent|e-?mailed) to "
)


def relayed(norm: str, read: Callable[[str, str], ActionRequest | None]) -> ActionRequest | None:
    """The change a relayed clause names when the writer adds a go-ahead (``read`` reads a
    clause as a change request), or None."""
    said = [clause.strip() for clause, _ in clauses(norm)]
    go = any(_GO_AHEAD.match(clause) for clause in said)
    for clause in said:
        if go and (wanted := _WANTS_SENT.match(clause)) is not None:
            sent = f"send {wanted.group('thing')} to {clause[wanted.end() :]}"
            if (action := read(sent, sent)) is not None:
                return action
        lead = _RELAY.match(clause)
        if lead is None or not (go or lead.group("approved")):
            continue
        rest = clause[lead.end() :]
        if rest and (action := read(rest, rest)) is not None:
            return action
        named = next((c for c in said if _THING.match(c) and c is not clause), None)
        rest = _SPLIT_OFF.sub(r"write off \1", rest)  # "write it off": "write off it"
        if rest and named and (pronoun := _PRONOUN.search(rest)) is not None:
            # "the leftover 140 on meridian's 987 - my manager said to just w/o it. can you set
            # that up?": "it" is the thing the message named first
            said_out = f"{rest[: pronoun.start()]}{named}{rest[pronoun.end() :]}"
            if (action := read(said_out, said_out)) is not None:
                return action
    return None


# a thing named on its own before the relayed change: "the leftover 140 on meridian's 987"
_THING = lazy(r"^(?:the|that|this) (?!(?:customer|rep|manager|fm|cfo|controller)\b)\w")
_PRONOUN = lazy(r"\b(?:it|that|this|them)\b")
_SPLIT_OFF = lazy(r"\bwrite (it|that|this|them) off\b")
