"""The verbs of a change request and the objects they take, by family: write off; apply a
payment; set a credit limit; change terms; hold, release or decline a sales order; put a customer
on or take it off credit hold (or "credit stop", as the UK says); notes; reminders.

Each pattern reads one clause with its politeness taken off (``POLITE``: "pls", "kindly", "can
you", "please to", "do the needful and", "we can" …). A clause that asks *whether* ("can we …",
"should we …") is not a request, except when it names the change completely (``ASKED_KINDS``:
a write-off on a named invoice, a limit to a figure, terms written out, a named payment to an
invoice) and is not put as a question ("?").
"""

from __future__ import annotations

from graph.lazy_regex import lazy
from graph.understand_polite import CLAUSES as CLAUSES
from graph.understand_polite import POLITE as POLITE
from graph.understand_polite import clauses as clauses
from graph.understand_terse import TERSE

# A clause put as a question is a request only when it asks arbot to do it ("can you put … on
# hold?", "pls send … a reminder?"); "no more shipments to globex?" asks.
ASKING_YOU = lazy(
    r"^(?:(?:hi|hey|hello|ok|okay|so|also|and|team|all)\b[\s,!]*)*"
    r"(?:please|kindly|can you|could you|would you|will you|would you mind|can i get you to)\b"
)
# "note to self: …", "remind me to …": the person's own memo, asking nothing of a customer
SELF_MEMO = lazy(
    r"^(?:(?:hi|hey|ok|so|also)\b[\s,!]*)*(?:(?:a )?(?:note|reminder|memo) (?:to|for) "
    r"(?:self|myself|me)\b|remind (?:me|myself)\b(?! (?:what|how|who|whose|which|when|where"
    r"|whether|if)\b))"
)
# "can we …" asks whether; it is a request only for the kinds a figure or a reference completes
CAN_WE = lazy(r"^(?:can|could|may) (?:we|i|you guys) (?=\w)")
ASKED_KINDS = frozenset({"limit", "limit_said", "write_off", "terms", "apply"})

_QUESTION_WORDS = (
    r"what|whats|how|is|are|was|were|does|do|did|can|could|should|why|which|who|when|where"
    r"|any|show|list|check"
)
# "60 day terms", "30 days payment terms", "terms of 45 days"
DAYS_TERMS = lazy(
    r"\b(?P<days>\d{1,3})[- ]?days?(?: payment| credit)? terms?\b"
    r"|\bterms? (?:of|to) (?P<days2>\d{1,3}) days\b|\b(?P<days3>\d{1,3}) days? net\b"
)
# "2/10 net 30", "1% 10 net 30": the early-payment discount said before the net days
_DISCOUNT = r"(?:\d{1,2}(?:\.\d{1,2})?\s?%?\s?(?:/|\s)\s?\d{1,3},?\s)?"
_TERMS = (
    r"(?:\b(?:net|n) ?-?\d{1,3}\b|\bdue (?:up)?on receipt\b"
    r"|\b\d{1,3}[- ]?days?(?: payment| credit)? terms?\b|\bterms? (?:of|to) \d{1,3} days\b"
    r"|\b\d{1,3} days? net\b|\bterms?\b.{1,60}?\bto \d{1,3} days\b"
    r"|\bc\.?o\.?d\b\.?|\bcash on delivery\b)"  # COD: 0-day terms
)
_HOLD = r"(?:credit )?(?:hold|stop|block)"
NOTE_IT = (
    r"^(?:(?:log|note|record|jot|save) (?:it|that|this)(?: down)?"
    r"|(?:put|stick|pop|add) (?:it|that|this))"
    r"(?: (?:on|to|against|in|onto) (?:the|their|its|his|her) (?:account|file|record|notes))?\s*$"
)
_PRONOUN_OFF = r"^writ(?:e|ing) (?:it|them|this|that|these|those|the rest|the balance) off\b"
_ORDER = r"\bso-\d"
_IT = r"(?: it| this| that| the order| this order| that order)?"
_WAITING = r"(?:held |pending |blocked |waiting )?(?:sales )?"
_CODE = r"(?:usd|eur|gbp|cad|inr|chf|pounds?|euros?|dollars?)\b"
NOW_WORDS = r"(?:please|now|asap|approved|going forward|from now(?: on)?|with immediate effect)"
_NOW = NOW_WORDS + "?"

VERB = {
    kind: lazy(pattern + (f"|{TERSE[kind]}" if kind in TERSE else ""))
    for kind, pattern in (
        # "write off …", "book a write-off of 154.89 against …", "small balance write-off on …"
        (
            "write_off",
            r"^(?:write ?-?off|writeoff)\b"
            r"|^(?:book|process|post|raise|do|make|create|submit|put through|approve|action)"
            r" (?:a |the )?"
            r"(?:small[- ]balance |residual )?write ?-?offs?\b"
            # "small balance w/o: 171.45, 10396, acme industrial": the colon opens what it is of
            r"|^(?:a |the )?(?:small[- ]balance |residual )?write ?-?offs?"
            r"(?: (?:of|for|on|against)\b|:)"
            # the loss taken as said in words: "absorb the 40.00 on 10321", "eat the freight"
            r"|^(?:absorb|eat|swallow|forgive|take the (?:hit|loss) on)\b"
            # "just write it off", "clear the 776.98 to write-off", "ok to w/o … pls book"
            rf"|{_PRONOUN_OFF}"
            # "let the 171.45 pricing diff on 10396 go": the difference given up
            r"|^let (?:it|that|this|the [\w.,$ -]{1,40}?) go\b(?! (?:to|through|ahead)\b)"
            r"|^(?:clear|move|take|put|send|post|book)\b.{0,60}\bto (?:a )?write ?-?off\b"
            # "clear the 999.99 residual on INV-… to bad debt / w/o", "put the 45 … to bad debt"
            r"|^(?:clear|move|take|put|post|book|transfer)\b(?=.{0,60}\d).{0,60}\bto (?:the )?"
            r"bad debts?(?: expense)?(?:\s*(?:/|or|and)\s*(?:a )?write ?-?off)?\b"
            # "Invoice 10321 residual of 88.10 may be written off": the formal passive
            # (the subject may name its amount, customer and invoice: "the freight deduction of
            # 342.13 by X on INV-… is to be written off")
            r"|^(?=[^?]*\d{3})(?:[\w&.',$-]+ ){1,12}(?:may(?: please)?|needs to|has to|must|is to"
            r"|to) be written off\b"
            # "mgmt approved writing it off, go ahead": the approval reported, the write-off asked
            r"|^(?:[\w&.'-]+ ){0,3}(?:approved|okayed|ok'd|signed off on|agreed to|agreed on)"
            r" (?:writing (?:it|this|that|them) off|(?:the |a )?write ?-?off)\b"
            # "take 45 off INV-10321 as a pricing writeoff"
            r"|^(?:take|knock|book|post|clear|treat|close|process)\b.{0,60}\bas (?:a |an )?"
            r"(?:[\w-]+ ){0,2}write ?-?off\b"
            # "book off the small difference of 171.45 on INV-10396": "book off" (ausbuchen)
            # is a write-off when an amount or an invoice follows
            r"|^book (?:off|out) (?=.{0,80}(?:\d{3}|\binv))"
            # "the 12.00 open on 10183 please write off": the amount first, the ask at the end
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?=.*\d{{3}}).{{1,80}}\b(?:please|kindly|just)"
            r" write ?-?off(?: it| this| that)?\s*$",
        ),
        (
            "apply",
            r"^(?:apply|match|post|put|allocate|use|place|cash|knock ?-?off|adjust|set ?-?off"
            r"|offset|knock(?=.{1,40}\boff\b))\b(?!.*\bon (?:credit )?hold\b)"
            # "put a note on INV-000985 for X: …": a note put somewhere, no payment
            r"(?! (?:a |an |the |this |that |another )?(?:notes?|comments?|memos?|remarks?)\b)"
            # "apply a late payment charge to 10222": a fee charged, no payment applied
            r"(?!.{0,40}\b(?:payment plans?|instal+ments?|instal+ment plans?)\b)"  # cannot
            r"(?!.{0,30}\b(?:late (?:payment )?(?:fees?|charges?)|interest|penalt\w+"
            r"|finance charges?|surcharges?)\b)"
            # "pmt-u00001 -> inv 10186 apply", "PAY-5003 should go against INV-000987"
            r"|^(?:cash[- ]?app(?:ly)?)\b|^.{1,60}\bapply(?: it| this| that)?\s*$"
            # "please book the payment PAY-5003 on invoice 987"
            r"|^book (?:the |this |that )?(?:payment|receipt|cheque|check|wire|remittance)\b"
            r"(?=.{0,40}\b(?:on|to|against) (?:inv\w* )?#?[a-z]{0,3}-?\d{3,})"
            r"|^(?:[\w-]+ ){1,3}(?:should|can|needs to|must|is to) go (?:against|to|on)\b"
            # "X cheque on account 828.82 knock off against INV-… pls": the money, then the ask
            r"|^(?=.{0,80}\d).{1,80}\bknock (?:it |this |that )?off against\b"
            # "globex's on-account check (828.82) should go against 10186": the payment described
            r"|^(?:[\w&.'()$,-]+ ){1,8}(?:should|can|needs to|must|is to) go (?:against|to|on)"
            r" (?:inv\w*[ -]?)?#?\d{3,}",
        ),
        (
            "limit",
            r"^(?:set|raise|lower|increase|decrease|reduce|bump|cut|change|make|drop|up|lift|enhance"
            r"|hike|revise|amend|review (?:upwards?|downwards?)"
            r"|extend|update|adjust|move|boost|double|halve|take|give|approve|grant)\b"
            r".*(?:\b(?:limit|credit ?line|line of credit)\b|\bcredit to \$?\d"
            r"|\bline (?:to|at) \$?\d"
            r"|\d[\d,.]*\s*[km]? (?:of )?credit (?:for|to)\b)"
            # "lift ironclad to $120k", "raise acme logistics to 250k": a customer raised to a
            # figure is its limit (not an invoice, a payment, a price or a date)
            r"|^(?:raise|lift|bump|increase|up|lower|reduce|cut|drop)"
            r" (?!(?:the|a|an|this|that|it|its|their|invoice|inv|payment|price|amount|bill|order"
            r"|dispute|reminder|fee|charge)\b)(?:[\w&.'-]+ ){1,4}?to\s*(?:usd |cad |eur |gbp )?"
            r"[$\u20ac\u00a3]?\d[\d,.]*\s*[km]?\s*(?:please|now|asap)?$",
        ),
        # "the limit for tate should go down to 100k", "limit needs to go up to 50k"
        (
            "limit_to",
            rf"^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{0,6}}"
            r"(?:credit ?limit|limit|credit ?line|line)\b.{0,40}\b(?:should|needs to|must"
            r"|has to|will|to) (?:go|come|move) (?:down |up |back )?to\s*\$?\d"
            # "Tate's limit to be enhanced to 2,00,000 as approved by the CFO": the passive
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{0,6}}(?:credit ?limit|limit"
            r"|credit ?line|line)\b (?:is |needs |has )?to be (?:enhanced|increased|raised|revised"
            r"|set|reduced|lowered|changed|updated|made) to\s*(?:[a-z]{3} ?)?\$?\d",
        ),
        # "globex credit limit 25k pls", "limit globex at 20k", "new credit limit for abbott:
        # GBP 75,000": a limit and a figure, said as an order (a question about the limit
        # starts with its question word)
        (
            "limit_said",
            rf"^(?!(?:{_QUESTION_WORDS})\b)"
            # "globex has a limit of 20k": the limit it has, told
            r"(?!(?:[\w&.'-]+ ){0,4}?(?:has|have|had|is|was|were|are|got|gets)\b)"
            r"(?:[\w&.'-]+:? ){0,5}(?:credit ?limit|limit|credit ?line)\b"
            r"(?! (?:report|exceptions?|breach\w*|check|review|status|utili[sz]ation|usage))"
            rf".*?(?:\b(?:to|at|=|of)\s*)?(?:{_CODE} ?|[$\u20ac\u00a3] ?)?\d[\d,.]*\s*[km]?\b"
            rf"\s*(?:{_CODE})?\s*(?:approved|please|now|asap|thanks|going forward|from now on"
            r"|with immediate effect|effective (?:today|immediately|now)"
            r"|with effect from .{1,20})?$",
        ),
        # "set globex terms to net 60", "put heritage garden on 60 day terms", "move globex to
        # net 60": a change of terms, with the terms written out
        (
            "terms",
            r"^(?:set|change|update|move|switch|shift|put|place|make|give|extend|shorten|lengthen"
            r"|offer|adjust|modify|bump|allow|grant|revise|amend|alter)\b"
            r"(?!.*\b(?:limit|credit ?line)\b)"
            rf".*{_TERMS}",
        ),
        # "60 day terms for heritage", "net 45 for initech", "globex terms net 60 pls"
        (
            "terms_said",
            # "initech to be moved to net 45": the customer first, the change in the passive
            rf"^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,6}}(?:is |are )?(?:to be|needs to be"
            rf"|should be|must be|has to be|may(?: please)? be) (?:moved|put|set|changed|switched"
            r"|placed|revised|amended|updated) (?:to|on)\b"
            rf".*{_TERMS}|"
            # "X should be on 45 day terms from now on": the terms it goes to, said as an order
            rf"^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,6}}(?:should|needs to|must|has to)"
            rf" be (?:on|moved to|put on|switched to) (?=.*{_TERMS})"
            r"(?=.*\b(?:from now on|going forward|effective|with immediate effect|please|pls"
            r"|asap)\b)|"
            rf"^(?!(?:{_QUESTION_WORDS})\b)(?:(?:net|n) ?-?\d{{1,3}}|\d{{1,3}}[- ]?days?"
            r"(?: payment| credit)? terms) (?:terms )?(?:for|to|on)\b"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+:? ){{1,5}}(?:payment )?terms?"
            r"(?!.*\b(?:are|is|was|were)\b)"
            # "MT-300 terms from net 60 to net 30": the terms they are now, said first
            r"(?: from (?:(?:net|n) ?-?)?\d{1,3}(?: days)?)?"
            r"(?: [a-z]+){0,3}? (?:to |= ?|at |on )?"
            rf"{_DISCOUNT}(?:net|n) ?-?\d{{1,3}}"
            # "meridian terms should be net 30 not 60": the terms they are now, said after
            r"\b(?: (?:not|instead of|rather than) (?:(?:net|n) ?)?\d{1,3}(?: days)?)?"
            # "… terms to net 60 and drop the late fees": another part, said apart
            rf"\s*{_NOW}(?:\s(?:and|also|plus|then|&)\s.*)?$"
            # "northwind: net 45 going forward", "globex -> net 60"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{0,4}}[\w&.'-]+\s*(?::|->|=>|\u2192)\s*"
            rf"(?:{_DISCOUNT}(?:net|n) ?-?\d{{1,3}}|\d{{1,3}} days?)(?: days| terms)?"
            rf"(?:\s*{NOW_WORDS})*\s*$"
            # "globex to net 30 pls": the customer, then the terms it goes to
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?!(?:[\w&.'-]+ ){{0,4}}?(?:has|have|had|is|are|was"
            r"|were|moved|went|switched|got|been)\b)"  # "initech has moved to net 30": told
            rf"(?:[\w&.'-]+ ){{1,4}}(?:(?:move|moved|switch|go|change) )?(?:to|onto)"
            # "nash & sullivan move to 2/10 net 30 pls": a discount before the net days;
            # "meridian onto 30 day terms from now please": the days said as days
            rf" (?:(?:\d{{1,2}}/\d{{1,2}},? )?(?:net|n) ?-?\d{{1,3}}(?: days| terms)?"
            rf"|\d{{1,3}}[- ]?days?(?: payment| credit)? terms)(?:\s*{NOW_WORDS})*\s*$",
        ),
        # a sales order held or declined: the object is the order, not the customer
        # a sales order held, declined or released: named in the clause, first ("SO-1005
        # release pls") or after the verb, or elsewhere in the message ("SO-1013 - decline",
        # "ok to ship SO-1005, release it")
        (
            "hold_order",
            rf"^(?:hold\b(?! off\b)(?! up\b)|block\b).*{_ORDER}"
            rf"|^(?:put|place|keep|set)\b(?=.*{_ORDER}).*\bon (?:credit )?hold\b"
            rf"|^hold{_IT}$|^{_ORDER}\S*\s*(?:->|=>)?\s*(?:put )?(?:on )?hold\b",
        ),
        (
            "decline_order",
            rf"^(?:decline|reject|deny|refuse)\b.*{_ORDER}"
            rf"|^(?:decline|reject|deny|refuse){_IT}$|^{_ORDER}\S*\s*(?:->|=>)?\s*(?:decline|reject)",
        ),
        (
            "release_order",
            rf"^(?:release|unblock|unhold|approve)\b(?!.*\bhold\b).*{_ORDER}"
            rf"|^(?:release|approve|unblock){_IT}$|^{_ORDER}\S*\s*(?:->|=>)?\s*(?:release|approve)",
        ),
        # "release the order for pinnacle", "release pinnacle's held orders": the customer's
        # order waiting for credit ("release the order" alone: the agent asks which)
        (
            "release_orders_of",
            rf"^(?:release|approve) (?:the |their |its |this |that )?{_WAITING}orders?"
            r"(?: (?:for|of)\b|$)"
            rf"|^(?:release|approve) (?:[\w&.'-]+ ){{1,4}}{_WAITING}orders?$",
        ),
        (
            "hold_off",
            rf"^(?:release|lift|remove|clear|take off|drop|end|revert|reverse|undo)\b.*\b{_HOLD}\b"
            rf"|^(?:take|get|pull|move)\b.*\boff (?:the )?{_HOLD}\b"
            rf"|^(?:take|get|pull) (?:the |their |its )?{_HOLD} off\b"
            rf"|^set\b.*\b{_HOLD} (?:to|=) (?:no|false|off|n)\b"
            r"|^(?:unblock|unhold|un-hold|un hold|unfreeze|unsuspend)\b"
            r"|^(?:reinstate|restore)\b.*\b(?:credit|account|shipping|orders)\b"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,5}}(?:to be|can be|needs to be"
            rf"|may be) (?:released|taken|removed|unblocked)(?: (?:from|off) (?:the )?{_HOLD})?\b"
            r"|^release (?:the )?(?:shipments?) (?:for|of|to)\b",
        ),
        (
            "hold_on",
            # "stop Granite Restaurant's account, they're way over": the UK's stop, as a verb
            r"^stop (?!(?:all|the|any|sending|chasing|e-?mailing|calling|reminders?|dunning|it"
            r"|that|this|there|here|them|my|our)\b)(?:[\w&.'-]+ ){0,3}[\w&.'-]+(?:'s)?"
            r" (?:account|a/c)\b|"
            # "stop Initech", "stop globex until they pay": the UK's stop, the name alone after it
            r"^stop (?!(?:all|the|any|it|that|this|there|here|them|me|us|my|our|everything|now"
            r"|please|pls|asap)\b)(?![a-z]+ing\b)(?:[\w&.'-]+ ){0,3}[\w&.'-]+"
            r"(?: (?:please|pls|now|asap|today|immediately))?(?: (?:until|till|unless)\b.*)?$|"
            # "stop the account for X", "stop selling to X till they pay"
            r"^stop (?:the |their )?(?:account|a/c) (?:for|of)\b(?=\s*\S)|"
            r"^stop (?:selling|delivering|trading) (?:to|with)\b(?=\s*\S)|"
            rf"^(?:put|place|keep|set|move|stick|slap|chuck|throw)\b.*\bon (?:the )?{_HOLD}"
            r"(?: list)?\b"
            # "a hold on globex"; "hold on, what does globex owe" and "hold on a sec" wait
            r"|^(?:put |place |set )?(?:a |the )?(?:credit )?(?:hold|stop) (?:on|for)\b"
            r"(?=\s*\S)(?! (?:a )?(?:sec|second|minute|moment|min|tick|wait)\b)"
            r"|^hold (?!on\b|off\b|up\b)(?:[\w&.'-]+ ?){1,6}$"
            # "credit hold: globex", "globex -> credit hold", "set globex credit hold to yes"
            rf"|^{_HOLD}\s*:\s*[\w&]"
            # the noun first, the customer after, nothing else: "credit stop acme ind"
            rf"|^credit (?:hold|stop|block) (?!on\b|off\b|for\b|(?:report|list|status|check"
            r"|review|customers|accounts|exceptions|summary|policy|limit)\b)(?:[\w&.'-]+ ?){1,6}$"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{0,4}}[\w&.'-]+\s*(?:->|=>|\u2192|:)\s*"
            rf"(?:on )?{_HOLD}$"
            rf"|^set\b.*\b{_HOLD} (?:to|=) (?:yes|true|on|y)\b"
            # "globex to be put on hold", "globex needs to be blocked"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,5}}(?:is |are )?(?:to be|needs to be"
            rf"|must be|has to be) (?:put on {_HOLD}|placed on {_HOLD}|blocked|held)\b"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,5}}(?:needs|has|must) (?:to )?go on"
            rf" {_HOLD}\b"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,5}}(?:goes|gets|is going|will go)"
            rf" (?:on|onto) {_HOLD}(?: (?:as of|from|effective|starting) (?:today|now|monday"
            r"|tomorrow))?$"
            rf"|^(?!(?:is|are|was|were|why|who|which|what|whats|how|when|any)\b)(?:[\w&.'-]+ )"
            rf"{{1,5}}on {_HOLD} (?:please|now|asap|today)$"
            r"|^hold\b(?! on\b)(?! off\b).*\b(?:orders?|shipments?|shipping|deliveries"
            r"|account)\b"
            rf"|^(?:flag|mark)\b.*\b(?:for|as)(?: on)? {_HOLD}\b"
            r"|^(?:do not|don't|dont|no more) (?:ship|shipments?|supply|supplies|deliver\w*"
            r"|orders?|release)\b.*\b(?:to|for)\b"
            r"|^(?:block|freeze|suspend|stop (?:all )?(?:shipping|shipments|orders|deliveries"
            r"|supplies|supplying|supply)(?: to| for)?)\b",
        ),
        (
            "note",
            r"^(?:add|put|leave|log|make|drop|enter|write|post|attach|jot|save|record|pop|update"
            r"|stick|pin|slap|place|file|create)\b"
            r".{0,24}\b(?:note|comment|memo|remark)s?\b(?! to (?:self|myself)\b)"
            # "update in Clearwater Engineering's account notes that …"
            r"|^(?:update|add|enter|record) (?:in|to|into|on) [\w&.' -]{2,50}?\baccount notes?\b"
            # "I'd like a note on their account saying '…'"
            r"|^(?:(?:i|we)(?: would like|'d like| need| want)|need|want) (?:a|an|another)"
            r" (?:note|comment|memo|remark) (?:on|for|to|against)\b(?! how\b)"
            r"|^note\b(?! to (?:self|myself)\b)|^(?:jot|note) down\b"
            # "notate on X colon …" (voice to text), "pls log that their AP said …"
            r"|^notate\b|^log that\b(?=\s*\S)"
            # "log on X: they moved their payment run": the note said after the colon
            r"|^log (?:on|against|for|under) (?!(?:to|into|the|my|our)\b)[\w&.' -]{2,50}?\s*:?\s*$"
            r"|^(?:[\w&.'-]+ ){1,4}(?:note|memo|comment)$"
            r"|^(?:put|stick|pop|drop|add|log|save|record|keep|pin)\b.{0,40}\bas (?:a |an )?"
            r"(?:note|comment|memo|remark)\b"
            r"|^(?:comment|memo|remark)s? (?:on|for|to|re)\b|^(?:log|note|memo)$"
            # "…, pls log it on the account": the note's text said in the other clauses
            rf"|{NOTE_IT}"
            r"|^(?:log|record) (?:a |the |this |that |my |our )?(?:call|conversation|chat|promise"
            r"|ptp"
            r"|voicemail|vm)\b|^record (?:that|a promise|the promise|a ptp)\b",
        ),
        (
            "reminder",
            r"^(?:send|email|e-mail|mail|shoot|fire off|resend|re-send|forward|drop|action|issue)\b"
            r"(?! me\b)"
            r"(?! us\b).*\b(?:reminders?|dunning|past[- ]due (?:notice|letter|email)"
            r"|collections? (?:letter|notice|email)|demand letter|notice|nudge|chaser"
            r"|follow[- ]?up (?:email|e-mail|mail|note|letter))\b"
            r"|^(?:nudge|ping|remind|dun|chase)\b(?! me\b)(?! us\b)(?! myself\b)(?! ?list)"
            r"(?!.*\b(?:agency|legal|lawyers?|attorneys?)\b)"
            # "email globex about 10435", "follow up with initech re INV-10436"
            r"|^(?:email|e-mail|follow up with|follow-up with|reach out to)\b(?! me\b)(?! us\b)"
            r"(?!.*\b(?:statements?|soa|copy|copies|w-?9|agency|legal)\b)"
            # … about what they owe, not "about their remittance" (a free-form e-mail)
            r".*\b(?:about|re|regarding|on|for) (?:the |their |its |his |her |an? )?"
            r"(?:inv|invoice|bill|#|\d|overdue|past[- ]due|outstanding|balance|open|unpaid|late"
            r"|payment(?! advice)|amount|money|what they owe|the money)"
            r"|^(?:an? |the )?(?:dunning|reminder|past[- ]due|collections?) (?:letter|notice|email"
            r"|e-mail)s?(?: (?:level|lvl) ?\d)? (?:to|for)\b"
            # "kick off a level 2 dunning letter to X", "trigger the first reminder to X"
            r"|^(?:kick off|trigger|issue|generate|raise|do|run|prepare|get out|put out|release)"
            r" (?:an? |the |another )?(?:(?:level|lvl) ?\d |l\d |first |second |third |final"
            r" |friendly |gentle )?(?:dunning (?:letter|notice|email|e-mail)|reminder"
            r"(?: (?:letter|notice|email|e-mail))?|past[- ]due (?:letter|notice))s?"
            r"(?: (?:level|lvl) ?\d)? (?:to|for)\b"
            r"|^(?:an? |the )?(?:reminder|chaser|nudge)s? (?:to|for)\b(?! (?:me|us|myself|self)\b)"
            # "need a reminder sent to heritage garden for INV-10234"
            r"|^(?:need|want) (?:a|an|another) (?:reminder|chaser|nudge|dunning letter)"
            r" (?:sent|e-?mailed|to go out)? ?(?:to|for)\b"
            rf"|^(?!(?:{_QUESTION_WORDS})\b)(?:[\w&.'-]+ ){{1,5}}"
            r"(?:needs|has to get|must get|to get) (?:a |an |another |the )?"
            r"(?:reminder|nudge|chaser|dunning letter|past due notice)\b"
            r"|^(?:an? |the )?(?:final|second|last|first|friendly|gentle|polite|quick|payment)"
            r" (?:notice|reminder|demand|nudge|chaser)s? (?:to|for)\b",
        ),
    )
}
