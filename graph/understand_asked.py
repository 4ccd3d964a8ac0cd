"""Whether a message asks for a change of one kind: the one rule every proposal made from a chat
request passes (the parser's reading, the LLM's, and the approval service as a chat turn holds
it: ``graph.agent.asked``).

A message asks for a change of a kind when its own words name that kind (``NAMES``: a verb or a
noun of the kind, the one vocabulary of what each action is called) and at least one place that
names it is not:

- **negated** — "don't put globex on hold yet", "no need to chase northwind";
- **a report of what was done** — "we put globex on hold last week", "initech's limit was raised
  in october", "I already sent them a reminder" (a promise or a dispute is asked for by reporting
  it: "globex promised 5,000 by friday" records a promise);
- **a question whether to** — "should we write off the 45 on INV-10321?", "do we need to send
  them a reminder", "could we move globex to net 60?";
- **hypothetical or on a condition** — "what would happen if we wrote off …", "if globex doesn't
  pay by friday put them on hold", "deductions we could write off";
- **quoted or forwarded** — only in words the person quotes ("> We dispute invoice 10215",
  "yesterday you said "write off 171.45 on INV-10396" - was that approved?"), unless their own
  words are a bare instruction to act on the quote ("please process", "can you send it to them");
- **someone else's wish or act reported** — "priya mentioned falcon wants their limit bumped",
  "Dana said she'd log a note" (a customer's promise or dispute reported is still asked for),
  unless another clause asks arbot to do it ("…, pls do it");
- and the message is no **override** ("pre-approved", "skip the approval").

``not_asked`` says which of these it is, or ``None`` when the change is asked for.
"""

from __future__ import annotations

import re

from graph import understand_own_words as apart
from graph.lazy_regex import lazy
from graph.understand_action_names import NAMES, REPORTED, NotAsked
from graph.understand_scope import INJECTION
from graph.understand_verbs import ASKING_YOU, CLAUSES, POLITE
from graph.understand_vocab import normalize

_OVERRIDE = lazy(
    r"\b(?:skip|bypass|without|no need for|don't need|do not need|no|circumvent|avoid)"
    r" (?:the |any |an )?(?:approvals?|sign-?offs?|review|four[- ]eyes)\b"
    r"|\b(?:directly|straight) (?:in|into|to) (?:the )?(?:erp|ledger|system|books)\b"
    r"|\bi (?:authori[sz]e|approve) (?:you|it|this)\b|\bapprove it (?:yourself|too|as well|now)\b"
    r"|\b(?:bother|wait) (?:with|for|on) (?:the |any |an )?(?:approvals?|sign-?offs?|review)\b"
)
_NEGATED = lazy(
    r"(?<!forget )\b(?:don't|dont|do not|never|not|no need to|no|shouldn't|should not|won't"
    r"|will not|wouldn't|mustn't|must not|cannot|can't|instead of|rather than|hold off(?: on)?"
    r"|refrain from|no longer|without|never mind|nevermind|scratch|forget(?: about)?"
    r"|wait (?:before|until|till|with|on)(?: you)?)\b(?:\s+\S+){0,3}\s*$"
    r"|\b(?:don't|dont|do not) (?:bother|send|e-?mail|mail|forward)\b(?:\s+\S+){0,5}\s*$"
)
_UNDO = lazy(
    r"\b(?:undo|roll(?:ing)? ?back|take back|taking back|unwind|back out|reverse|reversing)\b"
    r"(?:\s+\S+){0,4}\s*$"
)
# an approval reported: what was approved is asked for when another clause says to act on it
_APPROVED_DONE = lazy(r"\b(?:approved|agreed|signed off|okayed|authori[sz]ed|sanctioned)\b")
_HOLDS = ("set_credit_hold", "hold_order", "release_order")
_APPROVAL = lazy(r"\bapprov\w*|\bproposals?\b|\bchanges?\b")
_NOT_NEGATED = lazy(r"\b(?:don't|dont|do not|never) forget to\s*$|\bnot only\s*$")
_PAST_VERB = (
    r"(?:wrote|written|applied|allocated|matched|posted|raised|lowered|increased|decreased"
    r"|reduced|bumped|changed|moved|updated|extended|set|put|placed|taken|took|released|lifted"
    r"|removed|blocked|held|froze|frozen|suspended|unblocked|reinstated|added|logged|noted"
    r"|recorded|sent|emailed|e-mailed|mailed|reminded|chased|nudged|pinged|declined|rejected"
    r"|approved|created|invoiced|billed|granted|cut|dropped|switched|gave|given|offered"
    r"|issued|dunned|booked|knocked)"
)
# "we put globex on hold last week", "initech's limit was raised", "I already sent them …"
_DONE = lazy(
    r"(?<!can )(?<!could )(?<!should )(?<!shall )(?<!would )(?<!will )(?<!may )(?<!might )"
    r"(?<!must )(?<!did )(?<!do )(?<!to )(?<!let )"
    r"\b(?:was|were|has been|have been|had been|got|we|i|they|he|she|someone|somebody|you guys"
    r"|the team)\s+(?:(?:already|just|also|previously|recently|been|have|had|has|'ve|'d"
    r"|actually|all)\s+)*" + _PAST_VERB + r"\b"
    # "luis has booked the w/o …", "dana already knocked off the cheque …": anyone, said done
    r"|^(?:[a-z]+ )?[a-z]+\s+(?:has|have|had)?\s*(?:already\s+)?(?<=has |ave |had |ady )"
    + _PAST_VERB
    + r"\b"
)
# "sent northwind a reminder yesterday", "the reminder to northwind went out": said as done
_SAID_DONE = lazy(
    r"^(?:already )?(?:sent|wrote|written|applied|raised|lowered|increased|placed|released"
    r"|added|logged|emailed|e-mailed|reminded|chased|declined|rejected|created|invoiced|billed"
    r"|moved|changed|updated|extended|blocked|removed|lifted|dunned|nudged|pinged|issued)\b"
    r"|\b(?:went|gone|has gone|have gone) out\b"
)
_ALREADY = lazy(rf"\b{_PAST_VERB}\b.*\balready\s*$")  # "dana applied the check to 983 already"
# "the cfo approved the write-off on INV-10199 last week": a past verb dated in the past
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DATED = lazy(
    rf"\b(?!(?:put|set|cut)\b){_PAST_VERB}\b.*\b(?:yesterday|last (?:week|month|night|{_DAYS})"
    rf"|\w+ ago|earlier (?:today|this week)|this morning|on {_DAYS})\b"
)
# A figure asked of a statement ("share the SOA balance of riverbend", "the outstanding as per
# their statement"): a question about the account, not a statement to send
_FIGURE = r"(?:balances?|outstanding|amounts?|totals?|figures?|dues?)"
_STATEMENT_FIGURE = lazy(
    rf"\b(?:statements?|soa)(?: of account)? {_FIGURE}\b"
    rf"|\b{_FIGURE}(?: \S+)? (?:as per|per|on|in|of|from|according to|shown on)"
    r"(?: \S+){0,3} (?:statements?|soa)\b"
)
# "…? nah forget it", "scratch that": a clause that calls off what the clauses before it asked
RETRACTS = lazy(
    r"^(?:(?:nah|no|nope|actually|ok|okay|wait|hmm|on second thought)\b[\s,]*)*(?:forget (?:it"
    r"|that|about it)|never ?mind|nvm|scratch that|ignore (?:that|it|this)|cancel that"
    r"|don't bother)\s*[.!]*$"
)
_FYI = lazy(r"\b(?:fyi|just so you know|heads up|for your info(?:rmation)?|for the record)\b")
_ORDERED = lazy(
    r"(?:send|e-?mail|put|place|apply|allocate|write|raise|lower|set|change|move|hold|release"
    r"|log|add|record|chase|remind|ping|nudge|block|freeze|switch|bump|increase|decrease|open)\b"
    r"(?!.*\b(?:yesterday|last|ago|earlier|already|this morning|on (?:mon|tue|wed|thu|fri)\w*)\b)"
)
_NOTE_DONE = lazy(
    r"\b(?:i|we) (?:already |just )?(?:put|left|made|wrote) (?:a|the|that) (?:note|comment|memo)\b"
    r"|\b(?:was|were|has been|have been|had been|already|we|i) (?:already )?(?:added|logged"
    r"|noted|recorded|left|entered|posted|attached|saved|jotted)\b"
)
# A promise or dispute said to be on record already: the report of the customer's words is no
# request to record them again
_RECORDED_DONE = lazy(
    r"\b(?:logged|recorded|entered|added|captured|put) (?:it|that|this|them|the (?:promise|ptp"
    r"|dispute)s?)(?: in)?\b[^.?!]*\balready\b"
    r"|\balready (?:logged|recorded|entered|added|captured|put) (?:it|that|this|them)\b"
    r"|\b(?:has been|have been|had been|was|were) (?:already )?(?:logged|recorded|entered"
    r"|added|captured|put in)\b"
)
_QUESTION_START = lazy(
    r"^(?:should|shall|ought|why|whether|what|when|how|who|which|is it|would it|any reason"
    r"|do (?:we|i|you think)|does|did|are (?:we|you)|is there|have (?:we|you)|has|had (?:we|you)"
    r"|were (?:we|you)|was|must we|need we|is it time"
    # "please advise whether SO-1009 can be released": formal English for a question
    r"|(?:advise|confirm|let (?:me|us) know|tell (?:me|us)|check) (?:whether|if))\b"
)
_HYPOTHETICAL = lazy(
    r"\b(?:if|unless|suppose|supposing|hypothetically|in theory|assuming|provided"
    r"|imagine|what if|say we|were we to|would it|what would|as soon as|whenever)\b"
    r"|\bonce\b(?! (?:more|again)\b)"
    # "when globex pays, remove the hold", "after they pay, release it": on a condition
    r"|^(?:only )?(?:when|after|once) (?:they|he|she|it|we|the customer|[\w&.'-]+(?: [\w&.'-]+)?"
    r" (?:pays?|paid|clears?|cleared|settles?|signs?|agrees?|confirms?|sends?|comes? back"
    r"|gets? back|goes|go|is|are))\b"
    r"|\b(?:we|i|you) (?:could|might|would|may)\b"
    r"(?! (?:you|like|love|appreciate|be grateful|want|prefer|need)\b)"
    # a plan thought of, not asked for: "considering moving initech to net 60 - is that wise?"
    r"|^(?:(?:we|i) (?:are|am|were|was) |we're |i'm )?(?:thinking (?:of|about)|considering"
    r"|contemplating|planning (?:to|on)|toying with)\b"
)
# "in case northwind misses the promise, send a reminder": a condition when said first ("put
# globex on hold in case they order again" asks for the hold now)
_IN_CASE = lazy(r"\bin case\b")
# "if possible", "let me know if": politeness around a request, no condition on it
_POLITE_IF = lazy(
    r"\b(?:let me know|tell me|see|check|ask|advise|confirm) (?:if|whether)\b"
    # an apology, no condition: "I'm sorry if I asked this before", "apologies if this is obvious"
    r"|\b(?:sorry|apologies|apologise|apologize|forgive me|pardon me|excuse me) (?:if|in case)\b"
    r"|\bif (?:possible|you can|you could|you don't mind|you would|that's ok|ok|needed"
    r"|necessary|not already|required|you get a chance|you have a (?:sec|second|minute)"
    r"|there (?:are|is) (?:any )?(?:issues?|problems?|questions?))\b"
    # when, not whether: "as soon as possible", "when you get a chance"
    r"|\bas soon as (?:possible|you can|convenient|poss)\b"
    r"|\b(?:when|whenever|once) you (?:can|get a chance|get a moment|get round to it|get around to"
    r" it|have (?:a )?(?:sec|second|minute|moment|time|chance))\b"
)


# a test or a dry run: "dry run: w/o …", "… do NOT submit anything, I'm testing"
_DRY_RUN = lazy(
    r"\bdry[- ]?run\b|\bdo ?n[o']?t (?:actually )?(?:submit|propose|post|create|action|execute"
    r"|change|do) (?:anything|it|this|that)\b|\bdon't actually\b|\b(?:i'm|i am|just) testing\b"
)
# a change weighed as one a case is fit for: "in principle they qualify for w/o", "eligible for a
# write-off", "ok to release?"
_WEIGHED = lazy(
    r"\b(?:qualif(?:y|ies|ied|ying)|eligible|candidates?|within (?:policy|tolerance|threshold"
    r"|limits?))\s+(?:for|to)\s+(?:(?:a|an|the)\s+)?$"
)
# waiting for something before acting: "waiting them confirm in writing before we apply"
_WAIT_BEFORE = lazy(r"\bwait(?:ing)?\b[^.?!]{0,80}\bbefore (?:we|i)\b")
# the person will do it themselves: "the reminder for X I will make on monday myself"
_BY_ME_LATER = lazy(
    r"\b(?:i|we)(?:'ll| will| shall| am going to|'m going to| are going to|'re going to)\b"
    r"[^.?!]{0,60}\b(?:myself|ourselves)\b"
)
# a dispute said opened by us already: "opened the dispute on ironclad 10297 yesterday",
# "maria opened a dispute on sterling 10263 already" (the customer's own dispute reported is what
# is asked to be recorded: "globex disputed 10263")
_OPENED_BY_US = lazy(
    r"(?<!\bthey )(?<!\bcustomer )(?<!\bclient )\b(?:opened|logged|created|entered|recorded)"
    r"\s+(?:(?:a|an|the|that|this|our)\s+)?(?:[\w&'-]+\s+){0,3}?disputes?\b"
)
# whether to record it, asked: "globex promised fri. record? they broke the last 2"
_RECORD_ASKED = lazy(
    r"(?:^|[.?!]\s*)(?:should (?:i|we) |shall (?:i|we) |do (?:i|we) )?(?:record|log|add|enter"
    r"|capture|put)(?: (?:it|that|this|one|the (?:promise|ptp|dispute)))?(?: in)?\s*\?"
)
# a note asked after: "pinnacle foods note -- did luis add it?"
_NOTE_ASKED_AFTER = lazy(
    r"\b(?:did|has|have|was|is)\b[^.?!]{0,30}\b(?:add|added|log|logged|put|entered)\b"
    r"[^.?!]{0,15}\?"
)
# a document's note pasted, not a note asked for: "Month-end review note: …", "audit note: …"
_DOCUMENT_NOTE = lazy(
    r"\b(?:review|audit|auditor'?s?|sox|pbc|working paper|wp|close|committee|meeting)\s+$"
)
# the change's state asked after it, in a word: "dunning to northwind - paused?"
_STATE_ASKED = lazy(
    r"[-\u2013\u2014,:;]\s*(?:still )?(?:paused|stopped|done|sent|approved|pending|active|live"
    r"|running|on hold|in place|gone out|went out)\s*\?+\s*$"
)
# the sentence a match is in starts after the last of these
_SENTENCE_END = lazy(r"[.?!\n]")


# someone other than the person (or arbot) said or wants it: "priya mentioned falcon wants …",
# "my manager said we should …", "Dana said she'd log …", "the customer asked for …"
_REPORTED_SPEECH = lazy(
    r"(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bi'd )(?<!\bwe'd )(?<!\bi would )(?<!\bwe would )"
    r"(?<!^)\b(?:said|says|mentioned|mentions|told (?:me|us|him|her|them)|tells (?:me|us)|wants?"
    r"|wanted|would like|asked(?: for| me| us| if| whether)?|asks(?: for)?"
    r"|(?:is|are|was|were|keeps?) asking(?: for)?|requested|reckons?|thinks?|suggested|suggests"
    r"|recommended|recommends)\b"
)


def _acts_elsewhere(norm: str, start: int) -> bool:
    """Whether another clause asks arbot to act on what was reported ("…, pls do it")."""
    return any(
        s != start and apart.ACT_ON_IT.match(POLITE.sub("", norm[s:e].strip()) or "x")
        for s, e, _ in _clause_spans(norm)
    )


def _clause_spans(norm: str) -> list[tuple[int, int, bool]]:
    """Each clause's start, end and whether it was put as a question ("?")."""
    spans, start = [], 0
    for separator in CLAUSES.finditer(norm):
        spans.append((start, separator.start(), "?" in separator.group(0)))
        start = separator.end()
    spans.append((start, len(norm), False))
    return spans


def not_asked(text: str, kind: str, *, norm: str | None = None) -> NotAsked | None:
    """Why the message does not ask for a change of ``kind``, or None when it does."""
    said = apart.split(text)
    if said.quotes and apart.own_words(said):
        # the person's own words decide; a quote is data unless they ask to act on it
        names = NAMES.get(kind)
        if names is not None and names.search(normalize(said.own)):
            return not_asked(said.own, kind)
        if apart.acts_on_quote(said):
            return not_asked(apart.APPROVED.sub("", said.quoted), kind)
        return NotAsked(kind, "quoted" if names and names.search(normalize(text)) else "unnamed")
    norm = normalize(text) if norm is None else norm
    names = NAMES.get(kind)
    found = list(names.finditer(norm)) if names is not None else []
    if not found:
        return NotAsked(kind, "unnamed")
    conditional = bool(_HYPOTHETICAL.search(_POLITE_IF.sub(" ", norm)))
    reasons = []
    for match in found:
        reason = _why_not(norm, match, kind, conditional)
        if reason is None:
            return None
        reasons.append(reason)
    return NotAsked(kind, reasons[0])


# a colleague said they would do the change themselves ("he'd", "she will"): reported, though a
# customer's own promise or dispute reported ("they said they'd pay friday") is asked for
_OURS = r"(?:open|log|raise|record|file|create|enter|put in|add|set up|note)\b"
_THEIR_OWN_DOING = lazy(
    r"\b(?:he|she)(?:'d| would|'ll| will| can| could|(?:'s| is| was) (?:going to|gonna))\s+"
    rf"(?P<verb>{_OURS}(?:\s+(?:a|an|the|that|this|his|her))?\s*)?$"
)
_OUR_VERB = lazy(_OURS)

# "Karen approved it so could you please write off …": asked, after the reason it may be done
_SO_YOU = lazy(r"\b(?:so|and so|hence|therefore)\s+(?=(?:could|can|would|will) you\b)")


def _their_own_doing(before: str, norm: str, at: int) -> bool:
    """Whether a colleague is said to do the change named at ``at`` themselves."""
    own = _THEIR_OWN_DOING.search(before)
    return own is not None and (
        own.group("verb") is not None or _OUR_VERB.match(norm, at) is not None
    )


def _why_not(norm: str, match: re.Match[str], kind: str, conditional: bool) -> str | None:
    start, end, question = next(
        (s, e, q) for s, e, q in _clause_spans(norm) if s <= match.start() <= e
    )
    clause = norm[start:end]
    before = norm[start : match.start()]
    body = POLITE.sub("", clause.strip())
    said = norm
    if kind == "add_note":  # a note's text is data: only the words that ask for it are read
        said = norm[: match.end()]
        # "If X confirms the new address, then add a note": a condition in the note's sentence
        ends = [m.end() for m in _SENTENCE_END.finditer(norm, 0, match.start())]
        sentence = norm[ends[-1] if ends else 0 : match.start()]
        conditional = bool(_HYPOTHETICAL.search(_POLITE_IF.sub(" ", sentence)))
    if INJECTION.search(said) or _OVERRIDE.search(said):
        return "override"
    if conditional or (kind != "add_note" and _IN_CASE.search(norm[: match.start()])):
        return "hypothetical"
    if _UNDO.search(before) and not (kind in _HOLDS and not _APPROVAL.search(clause)):
        # "take back the limit change", "undo the write-off on 10319" ("undo the credit hold on
        # fabrikam" is its release: a change arbot makes)
        return "undo"
    if _NEGATED.search(before) and not _NOT_NEGATED.search(before):
        return "negated"
    if any(s > start and RETRACTS.match(norm[s:e].strip()) for s, e, _ in _clause_spans(norm)):
        return "negated"  # "write off all of X? nah forget it, …": called off after it
    if _DRY_RUN.search(norm):
        return "negated"
    if _WEIGHED.search(before) or _STATE_ASKED.search(norm, match.end()):
        return "question"
    if _WAIT_BEFORE.search(norm[: match.start()]):
        return "hypothetical"
    if _BY_ME_LATER.search(clause):
        return "planned"
    asks_you = ASKING_YOU.match(clause.strip()) or (
        (so := _SO_YOU.search(clause)) is not None and ASKING_YOU.match(clause[so.end() :])
    )
    if (question and not asks_you) or _QUESTION_START.match(body):
        return "question"
    if kind == "send_statement" and _STATEMENT_FIGURE.search(clause):
        return "question"  # a figure asked for, though a statement word names where it is
    reported = _REPORTED_SPEECH.search(before) and (
        kind not in REPORTED
        # "luis said he'd open a dispute for X": a colleague's own doing, not the customer's
        or _their_own_doing(before, norm, match.start())
    )
    if reported and not _acts_elsewhere(norm, start):
        # "priya mentioned falcon wants their limit bumped to 40k" ("Luis says he put northwind
        # on hold on tuesday" is a report of what was done)
        return "done" if kind != "add_note" and _done(clause, body, norm) else "reported"
    if kind == "add_note":
        # a note's own text is data ("note for globex: we put them on hold"): only a note said
        # to be written already is a report ("the note for globex was added yesterday")
        if _NOTE_ASKED_AFTER.search(norm, match.end()):
            return "question"
        if _DOCUMENT_NOTE.search(before):
            return "quoted"
        return "done" if _NOTE_DONE.search(clause) or _ALREADY.search(clause) else None
    if kind == "open_dispute" and _OPENED_BY_US.search(clause):
        return "done"
    if kind in REPORTED and _RECORD_ASKED.search(norm):
        return "question"
    if kind in REPORTED and _RECORDED_DONE.search(norm, start):
        # "initech promised 3k friday, luis logged it already": on record ("I already logged
        # the PTP from X. when is it due?" asks about the promise, read as before)
        return "done"
    if kind not in REPORTED and _done(clause, body, norm):
        if _APPROVED_DONE.search(clause) and _acts_elsewhere(norm, start):
            return None  # "the committee approved a limit of 80k … Please update accordingly."
        return "done"
    return None


def _done(clause: str, body: str, norm: str) -> bool:
    return bool(
        _DONE.search(clause)
        or _SAID_DONE.search(body)
        or _ALREADY.search(clause)
        or _DATED.search(clause)
        # "fyi, sales released SO-1007"; not "fyi northwind called, send them a reminder": a
        # change said as an order in a clause of its own is asked
        or (_FYI.search(norm) and (_FYI.search(clause) or not _ORDERED.match(body)))
    )
