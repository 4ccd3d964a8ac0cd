"""What each clause of a message does: the one rule that tells what a message asks from what
it reports, quotes, calls off or only puts on a condition.

A clause is

- **asked** — a question ("what do they owe?", "is 10222 paid") or a request ("put evergreen on
  hold", "can you put them on hold?");
- **reported** — a change someone made, wants or said ("Luis put Donovan on hold yesterday",
  "the FM wants us to raise their limit", "my manager said …", "reminder went out tues"), or a
  plain statement ("no reply");
- **quoted** — someone else's words pasted in (quote lines, a forward, words in quotation
  marks: ``graph.understand_own_words.split``);
- **called off** — a change said not to be made ("don't send them a reminder until january",
  "not doing it yet", "I said not yet"), or called off by a later clause ("…, nothing for us to
  do", "…? nah forget it": what the clauses before it said is called off too);
- **conditional** — a change only thought of or on a condition ("if X doesn't pay by friday
  we'll need to hold them", "we may have to hold …", "thinking of writing it off").

The readers that separate a remark from its question use it: ``graph.understand_remark`` (a
remark about a change, then a question), ``graph.understand_noaction`` (a change said to need
nothing from us) and ``graph.understand_quoted`` (someone's words reported before a question,
words quoted). ``they`` / ``it`` in the asked clause are what the other clauses name
(``resolve``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from graph.lazy_regex import lazy
from graph.understand_asked import RETRACTS  # "…? nah forget it", "scratch that"
from graph.understand_mentioned import _ASKS, _TAG
from graph.understand_verbs import POLITE, clauses

if TYPE_CHECKING:
    from graph.understand import Request

ASKED = "asked"
REPORTED = "reported"
QUOTED = "quoted"
CALLED_OFF = "called_off"
CONDITIONAL = "conditional"


@dataclass(frozen=True)
class Clause:
    """One clause of a message (normalized words) and what it does."""

    text: str
    question: bool  # put as a question: a "?" after it (not a tag) or a question's first words
    role: str  # ASKED, REPORTED, QUOTED, CALLED_OFF or CONDITIONAL
    # the role is said in words ("said", "yesterday", "if", "don't"), not only a plain statement
    # ("dana has booked the write-off": whoever did it is left to the after-reports reader)
    marked: bool = True


# "nothing for us to do", "no action needed (from us)", "nothing to do on our side", "no action
# required on our end"; not "no further action needed after that" (a request and its end)
NOTHING_FOR_US = lazy(
    r"\b(?:nothing|no action|no changes?|nothing further)"
    r" (?:(?:is |are )?(?:needed|required|necessary|to (?:do|be done))"
    r"(?: (?:from|by|on|for) (?:us|me|you|our (?:side|end)))?"
    r"|for (?:us|me|you) to do|(?:from|on|at) (?:us|our (?:side|end)))\b"
    r"(?!\s*(?:after|afterwards|otherwise|else|beyond|besides|other than|once|until|till)\b)"
    # "no action needed from sales": someone else's part, not ours
    r"(?! (?:from|by|for|on) (?!(?:us|me|you|our)\b)\w)"
    r"|\bno (?:need|action) (?:for|from|on) (?:us|me|our (?:side|end))\b"
    r"(?! (?:to wait|to ask|to check)\b)"
)
# a change said not to be made: "don't send …", "do not …", "not doing it yet", "I said not yet",
# "scratch my earlier ask to …", "hold off on …"
_CALLS_OFF = lazy(
    r"^(?:(?:but|so|and|ok|okay|actually)\b[\s,]*)*"
    r"(?:don't|dont|do not|never|no need(?: to)?|not (?:now|yet|for now|required|needed|doing"
    r"|(?:a |an )?(?:firm|confirmed|definite|formal|real))"
    r"|hold off|nvm|scratch|forget|cancel my"
    r"|never ?mind|ignore (?:my|the|that|this) (?:previous|earlier|last|above|old)"
    r"|cancel (?:the|that|this|my) (?:[\w&.'-]+ ){0,4}?(?:request|ask))\b"
    r"|\b(?:i|we) (?:said|told (?:them|him|her)) (?:not yet|no|not now)\b"
    r"|\bnot (?:doing (?:it|that|this)|asking (?:for|you)|required|needed)\b"
)
# "…. noted?", "ok?": a tag after what was said, asking nothing
_RETRACT = (
    r"(?:scratch that|never ?mind|forget (?:it|that|about it)|cancel (?:that|it)|ignore (?:that"
    r"|it|this|me)|(?:don't|do not) do anything|do nothing|don't bother)"
)
_HESITATION = r"(?:(?:no|wait|sorry|actually|oh|hmm|ok|okay)\b[\s,.!-]*)*"
# a change taken back in the same breath, even dictated without a stop ("put X on hold no wait
# scratch that never mind don't do anything"): what follows it, if anything, is asked instead
TAKEN_BACK = lazy(
    rf"(?<=\w)[\s,.;:!-]+{_HESITATION}{_RETRACT}(?:[\s,.;:!-]+{_HESITATION}{_RETRACT})*"
    r"(?=\s*(?:[.,;:!-]|$))[\s.,;:!-]*"
)


def taken_back(norm: str) -> bool:
    """Whether the message ends by taking back what it asked ("…, never mind")."""
    return any(not norm[found.end() :].strip() for found in TAKEN_BACK.finditer(norm))


_TAGGED = lazy(r"^(?:noted|got it|understood|clear|ok|okay|right|yes|yeah|agreed|correct)$")
# a change only thought of or on a condition
_CONDITION_FIRST = lazy(
    r"^(?:(?:but|so|and|ok|okay)\b[\s,]*)*(?:maybe|perhaps|if|unless|suppose|supposing|what if"
    r"|in case|once)\b"
    # "when they pay, …" (not "when did they last pay?": asked)
    r"|^(?:(?:but|so|and|ok|okay)\b[\s,]*)*when\b"
    r"(?! (?:did|does|do|is|are|was|were|will|has|have|can|could|should|would)\b)"
)
_CONDITION = lazy(
    # "i think we should w/o the 154.89 but let me check with the FM first": not yet asked
    r"\b(?:i|we) think (?:we|you) should\b|\blet me (?:check|confirm|ask)\b"
    r"|\b(?:if|unless|might|may|could|would|gonna|going to|was going|were going|thinking"
    r"|think about|suppose|supposing|hypothetically|imagine|what if|in case)\b"
)
# only thought of, in particular (the what-if reader's: "thinking of writing off …")
IMAGINED = lazy(r"\b(?:thinking|think about|suppose|supposing|hypothetically|imagine|what if)\b")
# a report said in words: done, dated, gone out, wanted, said, waited for
_TOLD = lazy(
    r"\b(?:yesterday|last (?:week|month|friday|monday|tuesday|wednesday|thursday)|this morning"
    r"|already|earlier|went|sent|put|placed|asked|asking|wants?|wanted|said|says|told"
    r"|mentioned|no|yet|until|wait|per notes|per)\b"
)
# someone else's wish for a change: "the team wants to raise a dispute", "Fabrikam asking for
# terms change", "the GM keeps saying we should put X on hold"
WISH = lazy(
    r"\b(?:wants?|wanted|asking|asked|asks|would like|requested|requesting|keeps? saying"
    r"|(?:says?|said|thinks?) (?:we|you) should)\b"
)
# a change's state asked: "the write off for X – is it approved yet?", "the writeoff for 10319
# done already or not", "did the limit change get approved or still pending?"
_STATE = (
    r"(?:approved|rejected|declined|done|actioned|processed|signed off|gone through|pending|sent"
    r"|applied|recorded|logged|posted)"
)
STATE_ASKED = lazy(
    rf"\b(?:is|was|has|have|did|got)\b[^.?!]{{0,30}}\b{_STATE}\b"
    rf"|\b{_STATE}(?: (?:already|yet))? or (?:not|still|rejected|approved|pending|declined)\b"
    rf"|\b{_STATE} (?:yet|already)\s*[?.!]*$"
)
# a change named as a thing, not asked for: "the write off for …", "my limit request for …"
THE_CHANGE = lazy(r"^(?:the|my|our|that|this|your|his|her|their) ")
# a change said done when: "… yesterday", "… last week", "already …"
_DONE_WHEN = lazy(
    r"\b(?:yesterday|last (?:week|month|night|friday|monday|tuesday|wednesday|thursday)"
    r"|this morning|already|earlier|ago)\b"
)
# a request: a change's verb first, or asked politely
_REQUEST = lazy(
    r"^(?:please|pls|plz|kindly|can you|could you|can u|would you|will you|go ahead)\b"
    r"|^(?:send|e-?mail|put|place|apply|allocate|write|raise|lower|lift|set|change|move|hold"
    r"|release|log|add|record|chase|remind|ping|nudge|block|freeze|switch|bump|increase"
    r"|decrease|open|mark|update|issue|dispute|note|notate|take|unblock|extend|cut|reduce)\b"
)
# a question's first words beyond the mentioned reader's: "can you confirm …", "how much is
# 10271 btw", "is 10222 paid" (not "do not …")
_QUESTION_START = lazy(
    r"^(?:(?:but|though|so|and|just checking|anyway|(?:just )?fyi|btw|by the way)\b[\s,:]*)*"
    r"(?:what|whats|how|who|whose|which|when|where|any"
    r"|can you (?:confirm|tell|show|check|see|pull|list)|could you (?:confirm|tell|show|check)"
    r"|pls (?:check|confirm)|(?:(?:first|just|also|then|pls|please|kindly) )*(?:confirm|check"
    r"|tell me|let me know|show me)"
    r"|(?:is|are|was|were|did|does|do|has|have)"
    r"(?!n't| (?:not|going|gonna|put|sent|set|taken|made|given|\w+ed)\b))\b"
)
# "my manager said …", "fyi luis told me …": who said what follows, no part of what is asked
REPORTED_LEAD = lazy(
    r"(?i)^\s*(?:fyi[,:]?\s+)?(?:(?:my|our|the) )?"
    # a document's text is no one's report: "bank line says …", "collector notes say …"
    r"(?!(?:bank|remit\w*|narrative|statement|lockbox|memo|ref\w*|wire|check|cheque|notes?"
    r"|e-?mail|mail|letter|invoice|system|erp|ledger)\b)"
    r"[\w&.-]+(?:'s [\w&.-]+)?(?: (?!(?:line|text|notes?)\b)[\w&.-]+)?"
    r" (?:said|says|mentioned|told (?:me|us)|thinks|reckons|suggested|suggests)(?: that)?[\s,:]+"
)


# "avg days pls", "their balance pls": a few words and a please, no change named
_WORDS_PLEASE = lazy(r"^(?:[\w/&'.-]+ ){1,4}(?:please|pls|plz)$")


def _is_question(clause: str, mark: bool) -> bool:
    plain = POLITE.sub("", clause)
    if _TAGGED.match(plain):
        return False
    return (mark and not _TAG.match(plain)) or bool(
        _ASKS.match(plain)
        or _QUESTION_START.match(clause)
        or (_WORDS_PLEASE.match(clause) and not _REQUEST.search(clause))
    )


def _role(clause: str, mark: bool) -> str:
    if NOTHING_FOR_US.search(clause) or RETRACTS.match(clause):
        return CALLED_OFF
    if _CONDITION_FIRST.match(clause):
        return CONDITIONAL  # "maybe …?", "if they don't pay …"
    if _is_question(clause, mark):
        return ASKED
    if _CALLS_OFF.search(POLITE.sub("", clause)):
        return CALLED_OFF
    if _CONDITION.search(clause):
        return CONDITIONAL
    if _REQUEST.match(clause) and not _DONE_WHEN.search(clause):
        return ASKED  # "put evergreen on hold" (not "put them on hold yesterday")
    return REPORTED  # "Luis put Donovan on hold yesterday", "my manager said …", "no reply"


def classify(norm: str) -> tuple[Clause, ...]:
    """Each clause of a message's normalized words, with what it does (see the docstring)."""
    found = []
    for words, mark in clauses(norm):
        clause = words.strip()
        if clause.strip(" -,;:.!?()"):
            role = _role(clause, mark)
            told = role != REPORTED or bool(_TOLD.search(clause) or REPORTED_LEAD.match(clause))
            found.append(Clause(clause, _is_question(clause, mark), role, told))
    for n, clause in enumerate(found):
        if RETRACTS.match(clause.text):
            # "raise X's limit to 90k? nah forget it": all that came before is called off
            found[:n] = [called_off(c) for c in found[:n]]
        elif clause.role == CALLED_OFF and NOTHING_FOR_US.search(clause.text):
            # "X asked us to dispute it on their side, nothing for us to do": what came before
            # it is called off too; a question before it stays asked
            found[:n] = [c if c.role == ASKED and c.question else called_off(c) for c in found[:n]]
    return tuple(found)


def classify_said(text: str) -> tuple[Clause, ...]:
    """The clauses of a message that may quote: the person's own words classified, then each
    line or span they quote (``graph.understand_own_words.split``), quoted."""
    from graph import understand_own_words as apart
    from graph.understand_vocab import normalize

    said = apart.split(text)
    own = classify(normalize(apart.own_words(said))) if said.quotes else classify(normalize(text))
    return own + tuple(
        Clause(normalize(line).strip(), False, QUOTED)
        for line in said.quoted.splitlines()
        if line.strip()
    )


# "meridian's ap", "globex ar team": the customer, not its department
DEPARTMENT = lazy(r"(?:\s+(?:ap|ar|a/p|team|buyer|people|folks))+$")


# a customer's own people said it: "frontier walsh's ap said", "kendall paper's ap asked"
_SPEAKER = lazy(
    r"^([\w&.-]+(?: [\w&.-]+){0,3}?)(?:'s|')? (?:ap|a/p|accounts payable|buyer|controller"
    r"|finance team|payables team)"
    r" (?:said|says|asked|wrote|told (?:me|us)|mentioned|wants|confirmed|emailed|e-mailed)\b"
)


def customer_named(
    parts: list[Clause] | tuple[Clause, ...],
    today: date,
    parse: Callable[[str, date], Request],
) -> str | None:
    """The customer the clauses that do not ask name: the first that names one ("Luis put
    Donovan on hold", "Frontier Walsh's AP said …"), without its department."""
    for clause in parts:
        if clause.role == ASKED:
            continue
        if (speaker := _SPEAKER.match(clause.text)) is not None:
            return speaker.group(1)  # "Frontier Walsh's AP said …": the customer's own people
        reading = parse(clause.text, today)
        name = reading.customer_text or (reading.action.customer_text if reading.action else None)
        if name and not reading.guessed:
            return DEPARTMENT.sub("", name) or None
    return None


def called_off(clause: Clause) -> Clause:
    return Clause(clause.text, clause.question, CALLED_OFF, True)


def asked(parts: tuple[Clause, ...]) -> tuple[Clause, ...]:
    return tuple(c for c in parts if c.role == ASKED)


def calls_off(parts: tuple[Clause, ...]) -> bool:
    """Whether a clause says the change needs nothing from us ("nothing for us to do")."""
    return any(c.role == CALLED_OFF and NOTHING_FOR_US.search(c.text) for c in parts)


_THEY = lazy(r"(?i)\b(?:they|them|theirs|this customer)\b")
_THEIR = lazy(r"(?i)\btheir\b")
_IT = lazy(r"(?i)\b(?:it|that one|this one)\b")


def they(question: str) -> bool:
    """Whether the asked words speak of "they" (the customer another clause names)."""
    return bool(_THEY.search(question) or _THEIR.search(question))


def it(question: str) -> bool:
    """Whether the asked words speak of "it" (the invoice another clause names)."""
    return bool(_IT.search(question))


def resolve(question: str, *, who: str | None = None, it: str | None = None) -> str:
    """The asked words with "it" what the other clauses name (an invoice, a payment, an order;
    ``it``) and "they" / "their" the customer they name (``who``)."""
    if it:
        question = _IT.sub(it, question, count=1)
    if who:
        question = _THEIR.sub(f"{who}'s", _THEY.sub(who, question))
    return question


def reported_lead(text: str) -> int | None:
    """Where the words someone is reported to have said start ("my manager said …"), or None."""
    lead = REPORTED_LEAD.match(text)
    return None if lead is None else lead.end()
