"""Tagalog words, for ``graph.understand_tagalog``, grouped by what they mean and put in English
in this order: first what a message is (``CLAUSES``: a negation, a condition, a report, a
cancellation, a thing done, a request with its verb's Tagalog prefix), then the questions asked
with "ba" (``ASKED``, a question mark put at the end of their clause), last the words
(``WORDS``: question words, money, time, people, and the small words around names). Each
pattern is matched without regard to case on a text already found Tagalog.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.lazy_regex import lazy

# verbs said in English whose past is not "-ed"
_IRREGULAR = {
    "send": "sent", "pay": "paid", "put": "put", "set": "set", "write": "written", "get": "got",
    "do": "done", "make": "made", "run": "run", "give": "given", "take": "taken", "hold": "held",
    "short": "shorted", "email": "emailed", "w/o": "written off",
}  # fmt: skip
_DOUBLED = frozenset("log tag ship submit plan stop chat drop flag".split())
# the verbs said after a Tagalog prefix that arbot's changes and questions use
_VERB = r"[a-z]+(?:[ -](?:off|up|in|out))?|w/o"


def past(verb: str) -> str:
    """ "send" → "sent", "apply" → "applied", "log" → "logged", "write off" → "written off"."""
    head, _, rest = verb.lower().partition(" ")
    rest = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        return _IRREGULAR[head] + rest
    if head in _DOUBLED:
        return f"{head}{head[-1]}ed{rest}"
    if head.endswith("e"):
        return f"{head}d{rest}"
    if head.endswith("y") and head[-2:-1] not in tuple("aeiou"):
        return f"{head[:-1]}ied{rest}"
    return f"{head}ed{rest}"


def _said(match: re.Match[str]) -> str:
    """ "sabi ni X, i-hold daw …": X said to hold …"""
    return f"{match.group('who').strip()} said"


def _told_to(match: re.Match[str]) -> str:
    """ "i-hold daw si X": someone's wish reported ("said to hold X"), never a request."""
    said = match.group("said")
    return f"{said} to {match.group('v')}" if said else f"they said to {match.group('v')}"


def _done_by(match: re.Match[str]) -> str:
    """ "na-send na daw ni TL yung SOA": TL already sent the SOA."""
    return f"{match.group('who').strip()} already {past(match.group('v'))}"


def _done(match: re.Match[str]) -> str:
    return f"already {past(match.group('v'))}"


def _asked_done(match: re.Match[str]) -> str:
    """ "na-approve na ba yung w/o ng INV-…?": was the w/o of INV-… already approved?"""
    return f"was the {match.group('y')} already {past(match.group('v'))}?"


def _been_done(match: re.Match[str]) -> str:
    """ "nag-send na ba tayo ng reminder": has a reminder been sent."""
    return f"has a {match.group('x')} been {past(match.group('v'))}"


def _did(match: re.Match[str]) -> str:
    return past(match.group("v"))


_Sub = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
_Pairs = tuple[tuple[str, str | Callable[[re.Match[str]], str]], ...]


def _compiled(pairs: _Pairs) -> tuple[_Sub, ...]:
    return tuple((lazy(pattern, re.IGNORECASE), english) for pattern, english in pairs)


_PERSON = {"ko": "i", "namin": "we", "natin": "we", "nya": "they", "niya": "they"}


def _done_person(match: re.Match[str]) -> str:
    """ "na-record ko na", "na-record na nya": I (they) already recorded."""
    return f"{_PERSON[match.group('p').lower()]} already {past(match.group('v'))}"


_IF = lazy(r"(?i)\b(?:if|kung|pag|kapag|when)\b")


def _lets(match: re.Match[str]) -> str:
    """ "i-hold natin": a request ("let's hold"); in a condition's sentence ("if …, i-hold natin
    SO-…") only what would follow ("we would hold")."""
    sentence = re.split(r"[.?!;]", match.string[: match.start()])[-1]
    said = "we would" if _IF.search(sentence) else "let's"
    return f"{said} {match.group('v')}"


# a name after a Tagalog marker, up to the words that follow it
_WHO = r"(?P<who>[a-z][\w&'.]*(?: [a-z][\w&'.]*){0,2}?)"
_ENDS_WHO = (
    r"(?=\s*[,.:'\"\u2014?]|\s*$|\s(?:na-|i-|nag-|na|yung|ang|daw|pero|ok|lang|i|we|wants?"
    r"|kaso|magbabayad|magbayad|by|sa|on|until)\b)"
)
# the verbs "ng" (the thing done) follows, where it is no "of"
_VERBS_NG = (
    r"please \w+(?: off)?|send|sent|pull|check|record|recorded|open|create|update|issue|log"
    r"|logged|apply|applied|hold|release|write off|w/o|raise|increase|lower|email|match|request"
    r"|compute|void|reverse|print|download|file|book|generate|forecast|overview|make|pay"
)

CLAUSES = _compiled(
    (
        # someone else's word or wish: "sabi ni Priya, i-lower daw …", "TL said i-hold daw si X"
        (rf"\bsabi (?:ni|ng)\b ?{_WHO}{_ENDS_WHO}", _said),
        (r"\bsabi nila\b", "they said"),
        (r"\bsabi ko\b", "i said"),
        (rf"(?:\b(?P<said>said|says|wants?|asked),?\s+)?\bi-(?P<v>{_VERB}) daw\b", _told_to),
        (r"\bnagbayad na (?:daw )?sila\b", "they already paid"),
        (r"\bnagbayad na daw\b", "already paid, they say"),
        # cancelled: "wag na pala i-…", "cancel na yung request ko", "wag na i-hold"
        (r"\b(?:wag|huwag) na pala\b", "never mind, do not"),
        (r"\bcancel (?:ko )?na\b", "cancel"),
        # not yet: "wag muna i-log", "hindi pa", "di pa"; not: "hindi", "di", "wag"
        (r"\b(?:wag|huwag) muna\b", "do not yet"),
        (r"\b(?:wag|huwag)(?: na)?\b", "do not"),
        (r"\b(?:hindi|di) (?:ko|namin) na\b", "i will not"),
        (
            rf"\b(?:kung|if) (?:hindi|di) pa (?:mag|nag)-?bayad si {_WHO}{_ENDS_WHO}",
            r"if \g<who> has not paid yet",
        ),
        (r"\bkung (?:hindi|di) pa\b", "if not yet"),
        (r"\b(?:hindi|di) (?:ko )?pa gagawin\b", "not doing it yet"),
        (r"\b(?:hindi|di) pa\b", "not yet"),
        (r"\b(?:hindi|di) (?:ko|mo)\b", "not"),
        (r"\b(?:hindi|di)\b", "not"),
        (r"\bwala(?:ng)? pang\b", "no"),
        # a condition: "kung i-raise natin", "if mag-short pay ulit si X", "pag nagbayad si X"
        (rf"\bkung (?:mag-|i-)?(?P<v>{_VERB}) (?:natin|tayo)\b", r"if we \g<v>"),
        (r"\b(?:kung|if) (?:mag-|i-)", "if "),
        (r"\b(?:pag|kapag) (?=nag|mag|may|wala)", "when "),
        (r"\bkung sino(?:-sino)?\b", "who"),
        (r"\bkung bakit\b", "why"),
        (r"\bkung\b", "if"),
        # whether it fits: "kasya na ba yung open AR nila?" would their open AR fit
        (r"\bkasya (?:na |pa )?ba (?:yung|ang) (?P<x>[^?,.]+?)(?=\s*[?,.]|$)", r"would \g<x> fit"),
        (
            rf"\bmabilis (?:ba )?(?:mag|nag)-?bayad si {_WHO}{_ENDS_WHO}",
            r"how fast does \g<who> pay",
        ),
        # the thing named first: "yung 500 na natira sa PAY-… pa-apply sa INV-…"
        (
            r"\byung (?P<x>[^,?.]+?) pa-(?P<v>apply|send|write off|w/o|hold|release)"
            r"(?: naman)? sa\b",
            r"please \g<v> the \g<x> to",
        ),
        (r"\b(?:sino )?(?:uunahin|unahin) (?:ko )?(?:i-)?tawagan\b", "who should i call first"),
        (
            r"\bsa (?P<when>next \w+|\w+day) pa (?:natin|namin|ko) i-(?P<v>[a-z]+)",
            r"\g<when> we will \g<v>",
        ),
        # over: "lalampas ba si X sa limit", "lampas na sa"
        (
            rf"\b(?:lalampas|lumampas|lampas|lagpas)(?: na)?(?: ba)? si {_WHO} sa\b",
            r"will \g<who> go over",
        ),
        # done: "na-send na daw ni TL yung SOA", "ni-release na ni credit mgr", "nasend ko na"
        (r"\btapos (?:ko )?(?:na )?i-(?P<v>[a-z]+(?: off)?)\b", r"i already \g<v>"),
        (rf"\bi-(?P<v>{_VERB}) (?:ko )?sana\b", r"i was going to \g<v>"),
        (
            rf"\b(?:na|ni|nag|naka)-(?P<v>{_VERB})(?: na)?(?: pala)?(?: daw)?(?: nya| niya)?"
            rf" (?:ni|ng) {_WHO}(?=\s(?:yung|ang|ng|the)\b|[,.]|\s*$)",
            _done_by,
        ),
        (rf"\bna-(?P<v>{_VERB}) na ba (?:yung|ang) (?P<y>[^?]+?)\s*\?", _asked_done),
        (r"\b(?:kung|if) may bayad na\b", "if they have paid"),
        (r"\bnasend\b", "already sent"),
        (r"\bnareceive\b", "received"),
        (r"\bnabayaran\b", "paid"),
        (
            rf"\b(?:na|ni|nakapag|naka)-(?P<v>{_VERB}) (?:na )?(?P<p>ko|namin|natin|nya|niya)"
            r"(?: na)?\b",
            _done_person,
        ),
        (rf"\b(?:na|ni|nakapag)-(?P<v>{_VERB})(?: na)?\b", _done),
        (r"\bnaka-?hold\b", "on hold"),
        (r"\bnaka[ -]on-account\b", "on account"),
        (r"\bnaka-leave\b", "on leave"),
        (rf"\bnaka-(?P<v>{_VERB})\b", _did),
        # past: "nag-promise si X magbabayad …", "nag-apply", "may nag-log na ba"
        (rf"\bnag-promise si {_WHO} (?:na )?(?:magbabayad|magbayad)\b", r"\g<who> promised to pay"),
        (rf"\bnag-promise si {_WHO}{_ENDS_WHO}", r"\g<who> promised"),
        (r"\bmay nag-(?P<v>[a-z]+)(?: na)? ba\b", r"did anyone \g<v>"),
        (r"\bnag-(?P<v>[a-z]+) na ba (?:tayo|kami) ng (?P<x>[\w-]+)\b", _been_done),
        (r"\bnag-(?P<v>[a-z]+) na ba (?:tayo|kami)\b", r"did we already \g<v>"),
        (rf"\b(?:nag-?bayad|binayad)(?: na)? ba si {_WHO}(?=\s*[?,.]|$)", r"did \g<who> pay"),
        (rf"\bnag-(?P<v>[a-z]+)(?: na)? ba si {_WHO}(?=\s*[?,.]|$)", r"did \g<who> \g<v>"),
        (r"\bnag-(?P<v>[a-z]+) (?:na )?ba\b", r"did we \g<v>"),
        (r"\bmay bayad\b", "any payment"),
        (r"\bbayad na\b", "paid"),
        (rf"\b(?:mag|nag)-?bayad si {_WHO}{_ENDS_WHO}", r"\g<who> pays"),
        (rf"\bnag-(?P<v>{_VERB})\b", _did),
        # a request: "pa-send", "paki-check", "pakisend", "i-hold na", "apply natin"
        (r"\bpa-note sa (?:account (?:ni|ng|of) |notes? (?:ni|ng|of) )?", "add a note to "),
        (r"\bpakilagay sa notes? (?:ni|ng|kay)\b", "add a note to"),
        (r"\bpaki-?lista\b", "please list"),
        (r"\bpaki-?lagay\b", "please put"),
        (r"\bpaki-?ayos\b", "please fix"),
        (r"\bpaki-?gawa\b", "please make"),
        (r"\b(?:paki|pa|ipa)-?(?P<v>send|check|match|confirm)\b", r"please \g<v>"),
        (r"\b(?:paano|pano)(?: po)?(?: ko)? (?:mag-|i-)", "how do i "),
        (
            rf"\b(?:paki|pa|ipa)-(?P<v>{_VERB})(?:\s+(?:na|po|naman|muna)\b)*(?:\s+ng\b)?",
            r"please \g<v>",
        ),
        (rf"\bi-(?P<v>{_VERB})(?: na)? (?:na )?natin\b", _lets),
        (
            r"(?:^|(?<=[,.;:] ))(?P<v>write off|apply|lower|raise|invoice|hold|release|bill)"
            r" (?:na )?natin\b",
            _lets,
        ),
        (r"\bgawin (?:na )?nating\b", "make it"),
        (rf"\bi-(?P<v>{_VERB}) na\b", r"\g<v> now"),
        (rf"\b(?:i|mag|ma)-(?P<v>{_VERB})\b", r"\g<v>"),
        (r"\bia-(?P<v>[a-z]+)\b", r"\g<v>"),
    )
)

# a question asked with "ba" (or "may … ba", "meron bang"): a "?" ends its clause
ASKED = _compiled(
    (
        (r"\bmeron bang\b|\bmeron ba\b|\bmay (?=[\w-]+(?: [\w-]+)? ba\b)", "are there any "),
        (r"\s(?:na )?(?:pa )?ba\b(?: sila| tayo)?", ""),
    )
)

WORDS = _compiled(
    (
        # what only marks tone, first, so the words around it meet: "po", "naman", "nga" …
        (r"\s*\b(?:(?-i:po)|naman|nga|eh|ha|pala|daw|ata|sana|talaga|na lang)\b", ""),
        # question words
        (r"\bmagkano (?:pa |na )?(?:lahat(?: lahat)? )?|\bmagkano\s*$", "how much "),
        (
            r"\bilan(?:g)? (?:pa |na )?(?=balance|open|past|o/s|available|utang|natitira)",
            "how much is ",
        ),
        (r"\bilan(?:g)?\b", "how many"),
        (
            r"\b(?:kung )?(?:sino|who) (?:ang )?(?:may )?pinakamalaki(?:ng)? (?:ang )?utang"
            r" sa (?:atin|amin)\b",
            "who owes us the most",
        ),
        (r"\bkahit sino\b", "anyone"),
        (r"\bsino may\b", "who has"),
        (r"\bsino(?:-sino|ng)?\b", "who"),
        (r"\bano sa tingin mo\b", "what do you think"),
        (
            r"\bano(?:ng)? itsura (?:ng|of) (?P<x>[\w ]+?) (?:natin |namin )?(?=today|ngayon|\?)",
            r"what does the \g<x> look like ",
        ),
        (r"\bano(?:ng)? (\w+) pinakamalaki(?:ng)?\b", r"which \1 is the largest"),
        (r"\bano(?:ng)? (invoices|accounts|customers|orders) yung\b", r"which \1 are"),
        (
            r"\bano(?:ng)? (?:na |pa )?(?=(?:current |last |total )?(?:exposure|balance|limit"
            r"|credit|cl|terms|status|process|order amount)\b)",
            "what is the ",
        ),
        (r"\bano(?:-ano|ng)?\b(?: na\b)?", "what"),
        (r"\bkelan\b|\bkailan\b", "when"),
        (r"\bpaano\b|\bpano\b", "how"),
        (r"\bgaano katagal\b", "how long"),
        (r"\bkanino galing\b", "who paid"),
        (r"\bkanino\b", "whom"),
        (r"\bsaan\b", "where"),
        (r"\bbakit\b", "why"),
        # money, owing, over
        (r"\butang\b", "owed"),
        (r"\bbinayad\b|\bnagbayad\b", "paid"),
        (r"\bmagbabayad\b|\bmagbayad\b|\bbabayaran\b", "pay"),
        (r"\bhuling bayad\b", "last payment"),
        (r"\bbayad\b", "payment"),
        (r"\bnatitira\b|\bnatira\b", "left"),
        (r"\bbalance (?:nun|non|niyan)\b", "balance on it"),
        (r"\byung sa\b", "the one of"),
        (r"\b(status|balance|due) (?:ng|of) (\d{3,6})\b", r"\1 of invoice \2"),
        (r"\bpumasok\b|\bdumating\b", "came in"),
        (r"\b(?:lampas|lagpas|lumampas|lalampas)(?: na)?(?: sa)?\b", "over"),
        (r"\bpinakamalaki(?:ng)?\b|\bpinakamalalaking\b", "largest"),
        (r"\bpinakamaraming\b", "most"),
        (r"\bpinakamabagal\b", "slowest"),
        (r"\bpinaka-(\w+)\b", r"most \1"),
        (r"\bnatupad\b|\btumupad\b", "kept"),
        (r"\b(?:kasya|pasok)(?: pa)?(?: sa)?\b", "within"),
        # time
        (r"\bngayon\b", "today"),
        (r"\bkahapon\b", "yesterday"),
        (r"\bkanina\b", "earlier today"),
        (r"\bbukas\b", "tomorrow"),
        (r"\b(?:nung|noong)\b", "in"),
        (r"\bbago\b", "before"),
        (r"\bhanggat may\b", "while there is"),
        # people and things
        (r"\bsa (?:atin|amin)\b", "us"),
        (r"\b(?:natin|namin)\b", ""),
        (r"\btayo\b", "we"),
        (r"\bsa kanila\b", "them"),
        (
            r"\b((?:past )?due|(?:open |current )?(?:balance|limit|exposure|ar|items)|open"
            r"|deductions|(?:last )?payment|o/s) nila\b",
            r"their \1",
        ),
        (r"\bnila\b", "their"),
        (r"\bnyo\b|\bninyo\b", "your"),
        (r"\bsila\b", "they"),
        (r"\b(?:sya|siya|nya|niya)\b", "they"),
        (r"\bsa akin\b|\bsakin\b", "me"),
        (r"\bsayo\b", "to you"),
        (r"\bako\b", "i"),
        (r"\bgamit ka\b", "using you"),
        (r"\bgamit itong\b", "using this"),
        (r"\bkaya mo(?:ng)? gawin\b", "can you do"),
        (r"\bgagawin\b", "do it"),
        (r"\btanong lang\b|\btanong\b", "just asking"),
        (r"\bpwede\b|\bpuwede\b", "can"),
        (r"\bdapat\b", "should"),
        (r"\btawagan\b", "call"),
        (r"\bhanapin mo\b", "find"),
        (r"\b(?:uunahin|unahin)\b", "prioritize"),
        (r"\buna\b", "first"),
        (r"\bsalamat\b", "thanks"),
        (r"\blahat(?: lahat)?\b", "all"),
        (r"\bbuong\b", "whole"),
        (r"\bgaling\b", "from"),
        (r"\bwala(?:ng)?\b", "no"),
        (r"\bmeron\b", "there is"),
        (r"\bmay (?!(?:i|we|you|be|have|not)\b|\d)", "any "),
        (r"\bkasi\b", "because"),
        (r"\bpero\b|\bkaso\b", "but"),
        (r"\btapos\b", "then"),
        (r"\bulit\b", "again"),
        (r"\bmuna\b", "first"),
        (r"\bitsura\b", "look like"),
        (r"\bparang\b", "seems"),
        (r"\bdami\b", "many"),
        (r"\blaki\b", "big"),
        (r"\bdalawa\b", "two"),
        (r"\bganun\b", "like that"),
        (r"\bbaka\b", "maybe"),
        (r"\bmaliit\b", "small"),
        (r"\bnakita\b", "saw"),
        (r"\bkinuha\b", "took"),
        (r"\bagad\b", "right away"),
        (r"\bmas\b", "more"),
        (r"\blagi\b", "always"),
        (r"\baraw\b", "days"),
        (r"\bmabilis\b", "fast"),
        (r"\bbagong\b", "new"),
        (r"\bpara (?:sa )?\b", "for "),
        (r"\bkahit\b", "just"),
        (r"\bkaya\b", "can"),
        # the small words around names: "kay X" to X, "ni X" / "ng X" of X, "si X" X
        (r"\b(send|sent|email|emailed|reminder|statement|soa|note|notes|letter) kay\b", r"\1 to"),
        (r"\bkay\b", "for"),
        (r"\bsi\b", ""),
        (r"\bsa (?=pay-|pmt-)", "on "),  # the payment a sum is left on
        (r"\b(apply|match|matched|applied)\b([^,.?]*) sa\b", r"\1\2 to"),
        (r"\bsa (?=inv\b|inv-|\d|so-|pay-|pmt-)", "on "),
        (r"\bsa\b", "in"),
        (r"\b(?!un)(\w+ed|paid|sent|done) (?:na )?(?:ni|ng)\b", r"\1 by"),
        (r"\bni\b", "of"),
        (rf"\b({_VERBS_NG})(?: na)? ng\b", r"\1"),
        (r"\bng\b", "of"),
        (r"\b(?:lang|yun|yon|nun|din|rin|mga|ang|yung|iyong|itong|ito|na|pa|ko|mo|ka|ba)\b", ""),
    )
)
