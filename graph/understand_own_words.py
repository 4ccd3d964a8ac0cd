"""A message taken apart: the person's own words and the words they quote, forward or sign.

Quoted and forwarded text is data: e-mail quote lines (``> …``), a forward's subject and header
lines (``FW:``, ``From:``, ``Sent:``, ``Subject:``, ``To:``), a signature (``--`` and what
follows, "Regards, Tate Engineering AP") and words in quotation marks ("yesterday you said
"write off 171.45 on INV-10396" - was that approved?"). ``split`` takes a message apart into
``Said``; ``own_words`` is what the person said themselves, without a greeting or a sign-off;
``acts_on_quote`` is whether those words are a bare instruction to act on the quote ("please
process", "pls action", "can you send it to them", "go ahead").

``graph.understand_quoted.read`` is the parser's reading of a message that quotes;
``graph.understand_asked.not_asked`` holds the same rule for every proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.lazy_regex import lazy

_QUOTE_LINE = lazy(r"^\s*>")
_HEADER_LINE = lazy(r"(?i)^\s*(?:from|sent|to|cc|bcc|subject|date|reply-to)\s*:\s*\S")
_SUBJECT_LINE = lazy(r"(?i)^\s*(?:fwd?|re|aw|wg)\s*:")
_DASHES = lazy(r"^\s*--\s*\S*")
# "Pasting the approval chain from ServiceNow:", "here's the review note:": the indented,
# numbered or bulleted lines that follow are what was pasted
_PASTE_LEAD = lazy(
    r"(?i)\b(?:pasting|pasted|copying|copied|here is|here's|below is|quoting)\b[^\n]*:\s*$"
)
_PASTED_LINE = lazy(r"^(?:\s+\S|\s*(?:\d+[.)]|[-*\u2022])\s)")
# words in quotation marks: straight or curly double quotes, or single quotes that are not
# apostrophes ("heritage's buyer said 'send us the statement' - …")
_QUOTED_SPAN = lazy(
    r"\"([^\"\n]+)\"|\u201c([^\u201d\n]+)\u201d|(?<!\w)'((?:[^'\n]|'(?=\w))+?)'(?!\w)"
)
# a sign-off and the name after it: "Regards, Tate Engineering", "Thanks, Heritage Garden AP"
_SIGN_OFF = lazy(
    r"(?i)(?:^|(?<=[.!?])\s+|\s{2,})(?P<off>kind regards|best regards|warm regards|regards"
    r"|thanks|thank you|many thanks|cheers|sincerely|best)\s*[,:-]?\s+(?P<who>[^\n]{2,60})$"
)
_BARE_SIGN_OFF = lazy(
    r"(?i)^\s*(?:kind regards|best regards|regards|thanks|thank you|many thanks|cheers|ty|thx"
    r"|sincerely|best)\s*[,.!]*\s*$"
)
# what follows a signer's name that is not part of it: "Tate Engineering AP", "Tom (FP&A)"
_ROLE = lazy(
    r"(?i)\s*(?:\([^)]*\)|\|.*|\b(?:ap|a/p|ar|accounts payable|accounts receivable|accounts"
    r"|payables|finance|treasury|team|dept|department)\b)\s*$"
)
_GREETING = lazy(
    r"(?i)^\s*(?:(?:hi|hey|hello|dear|morning|good (?:morning|afternoon|evening))\b[\s,!]*"
    r"(?:arbot|team|all|there|sir/madam|sir|madam)?[\s,!:]*)+"
)

# The person's own words ask to act on what they quote: "please process", "pls action", "can
# you send it to them", "go ahead", "do it", "do the needful"
ACT_ON_IT = lazy(
    r"^(?:(?:hey|hi|ok|okay|so|fine|approved|agreed|yes)\b[\s,!.]*)*"
    r"(?:(?:please|pls|plz|kindly|can you|could you|can u|could u|would you|will you"
    r"|go ahead and|pl)\b\s*)*"
    r"(?:process|action|actioned|do|handle|execute|proceed(?: with)?|go ahead(?: with)?"
    r"|take care of|sort(?: out)?|deal with|book|post|apply|send|forward|raise|record|log"
    r"|make|set(?: it| this| that| them)? up|put(?: it| this| that| them)? through|carry out"
    r"|do the needful|e-?mail|mail"
    r"|update|change|amend|adjust|implement|arrange)"
    # "pls action the Litware limit change per the above": the change the quote approves
    r"(?: (?:the|that|this) (?:[\w&.'-]+ ){0,4}?(?:change|request|update|increase|decrease"
    r"|reduction|revision|hold|release|write-?off|application|adjustment)s?)?"
    r"(?: (?:it|this|that|these|those|them|the same|this one|that one|one|a copy|accordingly"
    r"|as requested"
    r"|(?:as )?per (?:the )?(?:mail|e-?mail|below|above)|the request|the above|the below|below"
    r"|above))*"
    r"(?: (?:over|across|out|through|on))?(?: (?:to|for) (?:them|the customer|him|her|me|us))?"
    # "send it to their AP email": where it goes
    r"(?: to (?:their|its|the) (?:ap |a/p |accounts payable |billing )?(?:e-?mail(?: address)?"
    r"|address|inbox|contact))?"
    r"(?: (?:pls|please|asap|now|today|thanks|thank you|ty|thx|ta|cheers|when (?:you|u) get a"
    r" (?:sec|second|minute|chance)))*\s*[.!?]*$"
)


@dataclass(frozen=True)
class Said:
    """A message taken apart: the person's own words and the words they quote."""

    own: str  # quote lines, headers, quoted spans and signatures taken out ("that" for a span)
    quoted: str  # the quote lines (without "> "), the forwarded body and the quoted spans
    signer: str | None = None  # the name a quoted mail is signed with, without its role
    firm: bool = False  # a company signed it (a customer), not a person
    inline: bool = False  # all that is quoted is in quotation marks inside the own words
    forwarded: bool = False  # a FW:/header block: the quote is a forwarded e-mail

    @property
    def quotes(self) -> bool:
        return bool(self.quoted.strip())


# a company signs, not a person: "Initech LLC", "Tate Engineering AP" (its payables team)
_FIRM = lazy(
    r"(?i)\b(?:ap|a/p|accounts payable|payables|llc|inc|corp|corporation|co|ltd|limited|plc"
    r"|gmbh|group|company|holdings|industries)\b\.?\s*$"
)


def _signer(lines: list[str]) -> tuple[str | None, bool]:
    """The name a quoted mail is signed with, and whether a company signed it."""
    for line in reversed(lines):
        found = _SIGN_OFF.search(line.strip())
        if found is not None:
            who = found.group("who").strip(" .,;-")
            firm = bool(_FIRM.search(who))
            while (shorter := _ROLE.sub("", who).strip(" .,;-")) != who:
                who = shorter
            return who or None, firm
    return None, False


def without_sign_off(line: str) -> str:
    found = _SIGN_OFF.search(line)
    return line if found is None else line[: found.start("off")].strip()


def split(text: str) -> Said:
    """The person's own words and what they quote (see the module's docstring)."""
    lines = text.splitlines()
    filled = [n for n, line in enumerate(lines) if line.strip()]
    own: list[str] = []
    quoted: list[str] = []
    forwarded = False
    has_quote_lines = any(_QUOTE_LINE.match(line) for line in lines)
    in_forward = in_signature = pasting = False
    for n, line in enumerate(lines):
        if not line.strip():
            in_signature = False
            continue
        if len(filled) > 1 and n == filled[0] and _SUBJECT_LINE.match(line):
            forwarded = True
            continue  # the forward's subject: neither a request nor data to read
        if _QUOTE_LINE.match(line):
            quoted.append(re.sub(r"^\s*>+\s?", "", line))
            continue
        if _HEADER_LINE.match(line):
            forwarded = True
            in_forward = not has_quote_lines  # an unmarked forwarded body follows the headers
            continue
        if (_DASHES.match(line) and quoted) or _DASHES.fullmatch(line.strip()):
            in_signature = True
            quoted.append(line)
            continue
        if in_forward or in_signature:
            quoted.append(line)
            continue
        if pasting and _PASTED_LINE.match(line):
            quoted.append(line)  # "  1. Requested: L. Ortega — raise credit limit, …"
            continue
        pasting = bool(_PASTE_LEAD.search(line))
        own.append(line)
    signer, firm = _signer(quoted)
    said = "\n".join(own)
    spans = list(_QUOTED_SPAN.finditer(said))
    if _BANK_TEXT.search(_QUOTED_SPAN.sub(" ", said)) or any(
        _BANK_TEXT.search(m.group(0)) and len(m.group(0).split()) < 8 for m in spans
    ):
        # "the bank line reads 'GLOBEX PMT 4432'", "the one with 'ON ACCOUNT - NO REMITTANCE'":
        # a reference, no one's words (a customer's sentence that says "wire" is still words,
        # and so is a sentence quoted from a remittance: "…, please write off the difference")
        spans = [m for m in spans if len(m.group(0).split()) >= 8]
    spans = [
        m
        for m in spans
        if _a_quote(next(g for g in m.groups() if g)) or _WROTE.search(said[: m.start()])
    ]
    for match in reversed(spans):
        quoted.insert(0, next(g for g in match.groups() if g))
        said = said[: match.start()] + "that" + said[match.end() :]
    inline = bool(spans) and len(quoted) == len(spans)
    quote = "\n".join(quoted).strip()
    return Said(said.strip(), quote, signer, firm=firm, inline=inline, forwarded=forwarded)


# a payment's reference or a bank line's text is quoted to be looked up, not as anyone's words
_BANK_TEXT = lazy(
    r"(?i)\b(?:ref|reference|memo|narrative|wire|bank|remit\w*|deposit|lockbox|description"
    r"|reads|payment text)\b"
)


# "their AP wrote to us: "invoice SO-9002"": what follows a saying is a quote, however short
_WROTE = lazy(
    r"(?i)\b(?:wrote|writes|said|says|texted|e-?mailed|replied|asked)(?: (?:to )?(?:us|me))?"
    r"(?: (?:in (?:their|his|her|the) (?:e-?mail|mail|message|reply)))?\s*[:,-]?\s*$"
)


def _a_quote(words: str) -> bool:
    """Words in quotation marks that are someone's saying, not a name or a term ("put
    "Acme Industrial" on hold"): three words or more."""
    return len(words.split()) >= 3


def own_words(said: Said) -> str:
    """The person's own words without a greeting or a sign-off alone on a line."""
    kept = [
        line
        for line in said.own.splitlines()
        if not _BARE_SIGN_OFF.match(line) and not _SIGN_OFF.match(line.strip())
    ]
    return _GREETING.sub("", "\n".join(kept)).strip(" \n,;:-")


def acts_on_quote(said: Said) -> bool:
    """Whether the person's own words only ask to act on what they quote; or ask it beside
    words that only say where the quote came from ("Karen texted me: '…'. can you do it? I have
    the text if anyone needs proof"), with no other question and nothing held back."""
    own = own_words(said)
    if not own:
        return False
    own = _APPROVED_TAIL.sub("", own).strip() or own
    if all(ACT_ON_IT.match(p.strip().lower()) for p in re.split(r"[\n.;]+", own) if p.strip()):
        return True
    parts = [
        (found.group(1).strip().lower(), "?" in found.group(2))
        for found in _PART.finditer(own)
        if found.group(1).strip(" ,-:")
    ]
    acted = [words for words, _ in parts if ACT_ON_IT.match(words)]
    return bool(acted) and all(
        ACT_ON_IT.match(words) or not (question or _HELD_BACK.search(words))
        for words, question in parts
    )


# a part of the person's words with what ends it ("can you do it?")
_PART = lazy(r"([^\n.;?!]+)([\n.;?!]*)")
# the writer's own approval and go-ahead after an instruction: "please process — approved by
# me, go ahead" asks what "please process" asks
_APPROVED_TAIL = lazy(
    r"(?i)(?<=\w)[\s,.;!]*(?:[-\u2013\u2014]+\s*)?(?:approved|ok'?d|okayed|signed off"
    r"|authori[sz]ed)(?: by me)?(?:[\s,.;!-]*(?:(?:so |and )?(?:please |pls )?go ahead))?[\s.!]*$"
)
# the act held back or put on a condition: "not until Karen's back", "if they don't pay"
_HELD_BACK = lazy(
    r"\b(?:don't|dont|do not|not yet|wait|hold off|no need|until|till|unless|before|once"
    r"|not (?:touching|doing|sure)|if (?:they|it|we|you|he|she|the customer)\b)"
)


# an "approved to" or "ok to" before the change an approver wrote: the change is what was okayed
APPROVED = lazy(r"(?i)^\s*(?:approved|ok|okay|agreed|authori[sz]ed)\s*(?:to|:|-|,)?\s*")
