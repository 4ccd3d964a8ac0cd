"""The words of AR requests, as ``graph.understand`` reads them.

Phrasings are grouped by what they ask for, as families ("accounts to chase", "worst offenders",
"dunning list" are one family: who to chase), not by sentence. Every pattern runs on the
*normalized* text (``normalize``, in ``graph.understand_normalize``): lowercase, shorthand
spelled out (``pmts`` → ``payments``, ``o/s`` → ``outstanding``, ``w/o`` → ``write off``,
``pls`` → ``please``, ``u`` → ``you``).
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy

# The words of whole-book questions are in graph.understand_book (promises in
# graph.understand_promises, the approvals inbox in graph.understand_inbox, the days past due in
# graph.understand_cuts); what arbot never acts on, and what it cannot do (yet), in
# graph.understand_scope.
from graph.understand_book import AGING_REPORT as AGING_REPORT
from graph.understand_book import AGING_WORD as AGING_WORD
from graph.understand_book import CREDIT_EXCEPTIONS as CREDIT_EXCEPTIONS
from graph.understand_book import DAYS_TO_PAY as DAYS_TO_PAY
from graph.understand_book import DEDUCTIONS_ONLY as DEDUCTIONS_ONLY
from graph.understand_book import DISPUTES as DISPUTES
from graph.understand_book import LARGEST_INVOICES as LARGEST_INVOICES
from graph.understand_book import TOP_DEBTORS as TOP_DEBTORS
from graph.understand_book import TOTAL_AR as TOTAL_AR
from graph.understand_book import UNAPPLIED_CASH as UNAPPLIED_CASH
from graph.understand_cuts import OVER_DAYS as OVER_DAYS
from graph.understand_cuts import OVER_DAYS_CONTEXT as OVER_DAYS_CONTEXT
from graph.understand_help import CAPABILITY as CAPABILITY
from graph.understand_help import HELP as HELP
from graph.understand_help import HELP_WEAK as HELP_WEAK
from graph.understand_inbox import APPROVALS_INBOX as APPROVALS_INBOX
from graph.understand_normalize import normalize as normalize
from graph.understand_promises import PROMISES as PROMISES
from graph.understand_promises import PROMISES_QUESTION as PROMISES_QUESTION
from graph.understand_scope import CANNOT as CANNOT
from graph.understand_scope import CHATTER_ONLY as CHATTER_ONLY
from graph.understand_scope import INJECTION as INJECTION
from graph.understand_scope import OUT_OF_SCOPE as OUT_OF_SCOPE
from graph.understand_words import FILLER as FILLER
from graph.understand_words import KNOWN as KNOWN
from graph.understand_words import NON_NAME as NON_NAME


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# --- reports and checks -------------------------------------------------------------------------
FORECAST = _rx(
    r"\bdso\b|\bforecast\w*|\bcei\b|\bcollection effectiveness\b|\bcountback\b"
    r"|\b(?:cash|ar|collections?|receipts) outlook\b",
    r"\bdays sales outstanding\b|\baverage days (?:delinquent|late|to pay|beyond terms)\b"
    r"|\bdays delinquent\b|\bdays beyond terms\b",
    r"\bexpected (?:receipts|cash|collections|inflows?|payments|money|ar)\b",
    r"\bprojected\b|\bprojections?\b|\binflows?\b|\bcash target\b|\bcount on\b",
    r"\b(?:cash|money|payments|receipts|ar|collections) (?:do |can |should )?we"
    r" (?:expect|anticipate)",
    r"\bexpect(?:ing|ed)? to (?:collect|receive|get|convert|come in|bring in)\b",
    r"\b(?:will|do|should|can) we (?:expect|collect|receive|bring in|get in)\b",
    r"\bwill (?:we|it) (?:hit|make|meet|reach)\b"
    # "are we going to hit the cash number", "how much do we think X pays us in december"
    r"|\b(?:are|is) (?:we|it) (?:going to|gonna) (?:hit|make|meet|reach) (?:the |our )?(?:cash "
    r"|collections? )?(?:number|target|goal|budget|forecast)\b"
    r"|\b(?:do|does) (?:we|you|anyone) (?:think|reckon|expect)\b.{0,40}\b(?:pays?|will pay"
    r"|collect)\b",
    r"\bexpect(?:ed|ing)? (?:from|in|next|over|by|this|during)\b",
    r"\bcoming in (?:next|over|by|this)\b|\bcash (?:in|coming in) (?:the )?next\b",
)
CASH_APPLICATION = _rx(
    r"\bcash ?app(?:lication)?\b|\bsuspense\b|\bunmatched\b|\bunapplied\b|\bun-?identified\b"
    r"|\bunallocated\b|\bunreconciled\b|\blockbox\b|\bautomatch\w*|\bauto match\w*",
    r"\bon-?account (?:cash|payments?|receipts?|money|credits?)\b",
    r"\bbank (?:files?|lines?|credits?|statements?|deposits?|feed|rec|reconciliation|matching)\b",
    r"\b(?:cannot|could not|can not|not|never|not yet|unable to) (?:be )?(?:apply|applied"
    r"|identify|identified|match|matched|allocate|allocated|place|placed)\b",
    r"\bwhat did we (?:post|apply|match)\b|\bposted (?:from|to) the bank\b",
    r"\b(?:need|needs|waiting|left|still|yet|have) to (?:be )?(?:apply|applied|match|matched"
    r"|identify|identified|allocate|allocated)\b",
    r"\bremittances? (?:to match|matching|without)\b"
    r"|\bwho (?:sent|paid) (?:this|that) (?:wire|payment)\b",
    # money not identified yet (session 11): "a wire with no name on it, how do I figure out who
    # it's from", "a check for 12,450, no stub - who could it be from", "which invoice should
    # this go to", "match the ACH addenda … to open items", "reconcile the bank statement credits
    # against open invoices"
    r"\b(?:no|without) (?:stub|remittance|remit|reference|name)\b.{0,60}\bwho\b"
    r"|\bwho (?:could|might|would) (?:it|this|that) (?:be|have come) from\b"
    r"|\bfigure out who (?:it|this|that) (?:is|was|came) from\b|\bwho it is from\b"
    r"|\bwhich invoices? (?:should|does|do|would|can) (?:this|it|that|these|they|the \w+)"
    r"(?: \w+)? (?:go|be applied|be matched|be put)\b|\bwhich invoice should go\b"
    r"|\bmatch (?:the |this |these )?(?:ach|wire|remittance|bank|payment|addenda)\b.{0,60}"
    r"\bto (?:the )?(?:open items|invoices?)\b"
    r"|\breconcile (?:the )?bank (?:statement )?credits\b"
    # "help me apply this morning's ach batch", "BAI file from the bank - match pls", "which
    # invoices the X receipt on 18/11 should go against"
    r"|\b(?:apply|post|match) (?:[\w']+ ){0,3}(?:ach |wire |lockbox |bank |bai2? )?(?:batch|batches"
    r"|file|files)\b|\bbai2?(?: files?)?\b"
    r"|\bwhich invoices?\b(?=.{0,60}\bshould\b).{0,70}\b(?:go|be applied|be matched|be put)"
    r" (?:against|to|on)\b",
)
DEDUCTIONS = _rx(
    r"\bdeductions?\b|\bdeduct(?:ing|ed|s)?\b",
    r"\bshort[- ]?(?:pa(?:y|ys|id|ying)|payments?)\b|\bshortpa(?:y|ys|id)\b",
    r"\bwrite-?offs\b|\bwritten off\b|\bchargebacks?\b|\bcharge[- ]backs?\b"
    r"|\bunearned (?:[\w-]+ ){0,2}discounts?\b"
    r"|\bdamage claims?\b|\bshortages?\b|\bdisputes?\b|\bdisputed (?:amounts|items|invoices)\b",
    # "did ironclad short us on anything", "what they shorted us"
    r"\bshort(?:ed)? us\b",
    # a discount taken that was not due: "anyone taken settlement discount they weren't entitled
    # to", "customers who took a discount after the discount date"
    r"\b(?:took|taken|take|taking) (?:a |an |the |any )?(?:[\w-]+ )?discounts?\b.{0,30}"
    r"\b(?:not|weren't|wasn't|aren't|isn't|never) (?:entitled|eligible|due|allowed)\b"
    r"|\b(?:took|taken|take|taking) (?:a |an |the |any )?(?:[\w-]+ )?discounts? (?:after|past|late"
    r"|outside)\b"
    # "customers taking discount they didn't earn", "discounts nobody was entitled to"
    r"|\bdiscounts? (?:that )?(?:they|we|it|nobody|no one)? ?(?:didn't|did not|don't|never|weren't"
    r"|wasn't) (?:earn|qualify|entitled|eligible)\w*\b",
)
CREDIT = _rx(
    r"\bcredit[ -]?(?:check|review|status|approval|ok|okay|decision|risk|score|line|headroom"
    r"|available|exposure|worthy|worthiness|hold|release|limit|limits|terms|left|room|app)\b",
    r"\bcheck(?:ing)? (?:the |their )?credit\b|\b(?:available|remaining|open) credit\b"
    r"|\bheadroom\b|\bopen to buy\b|\bhow much credit\b|\bcredit (?:do|does|is) \w+"
    r"|\broom (?:\w+ ){0,4}on (?:their|its|the|his|her|[\w&]+'s) (?:credit )?(?:line|limit)\b"
    r"|\bhow much (?:more )?room (?:do|does|is|have|has|left)\b"  # "how much room do they have"
    # "placed a 4.2k order, do they have room?", "room for another order"
    r"|(?<!\bwe )(?<!\bi )(?<!\byou )\b(?:have|has|got) (?:the |enough |any )?(?:room|headroom)\b"
    r"(?! (?:in|at) )"
    r"|\broom for (?:a|an|the|another|this|that|one more) (?:[\w.$]+ )?orders?\b"
    r"|\bcredit (?:position|standing|concerns?|situation|health|profile|rating|picture|risk)\b"
    # "can X order more or are they tapped out"
    r"|\btapped out\b|\bcan (?:they|\w+(?: \w+){0,2}) (?:order|buy) (?:more|again)\b"
    r"|\b(?:keep|continue|still|carry on) (?:shipping|supplying|selling|delivering)\b",
    r"\b(?:can|could|should|shall|may) (?:we|i) (?:ship|release|extend|approve|accept|take|give)\b",
    r"\b(?:ok|okay|safe|fine|good|clear|cleared) to (?:ship|release|go|approve|extend|accept)\b",
    # "ok to let acme's pending order through?", "X wants another 45k - ok?": an order's credit
    r"\blet (?!me\b|us\b|you\b)(?:[\w&.'-]+ ){0,5}(?:orders?|shipments?|deliver(?:y|ies))"
    r" through\b"
    r"|\bwants? (?:another|a further|an extra|an additional|a new|more)\b.{0,12}"
    r"\$?\d[\d,.]*\s*k\b.{0,30}\b(?:ok|okay|fine|good|safe|alright)\b",
    r"\bgood to go\b|\b(?:approve|release|ship) or (?:hold|reject|decline|not)\b",
    r"\b(?:over|within|under|above|near|close to|exceed\w*|hit\w*|at|past|beyond|breach\w*)"
    r" (?:their|the|its|his|her|our)? ?(?:credit )?limit\b",
    r"\b(?:orders?|so'?s|sales orders?) (?:on|pending|awaiting|waiting for|held for)"
    r" (?:credit|hold|review|approval)\b",
    # "or they are over the credit?": the limit said as the credit itself
    r"\b(?:over|above|beyond|past|exceed\w*) (?:the|their|its) credit\b"
    r"(?! (?:notes?|memos?|cards?))",
    r"\bon (?:credit )?hold\b|\bpending credit\b|\bblocked orders?\b"
    r"|\b(?:a|any|the) (?:credit )?(?:hold|block|stop) on\b",
    r"\btake (?:on )?(?:another|a new|one more|an extra|more|a bigger|a|an|the)\b.{0,20}\border\b",
    r"\b(?:place|put in|send|take|give us) (?:another|a new|one more|an extra|a bigger|an?)\b"
    r".{0,20}\border\b",
    r"\b(?:ok|okay|safe|fine|wise) to (?:take|lift|remove|release)\b.{0,40}\b(?:off|hold|stop)\b"
    r"|\brun (?:a )?credit (?:check )?(?:on|for)\b"
    r"|\bgood for (?:another|a|an|one more|a new)\b.{0,20}\border\b",
    r"\bwants? to ship\b|\bship (?:so\b|order|the order)",
    # "would a 15k order from initech go through?"
    r"\b(?:orders?|so)\b.{0,30}\b(?:go|get|going|gets|goes) (?:through|thru)\b",
    r"\blimit\b",
    # session 14: orders asked to go: "is X ok for new orders?", "two orders sitting there, can
    # they go", "can we let those go", "can the X order go out", "above their 400k line"
    r"\b(?:ok|okay|fine|good|safe|cleared|clear) (?:for|to take) (?:new |more |another |further"
    r" |any )?orders?\b"
    r"|\borders?\b.{0,60}\b(?:can|could|should|may) (?:they|we|it|those|these|them|i) (?:let"
    r" (?:them|those|these|it) )?(?:go|ship|go out|be released|release|let go)\b"
    r"|\border (?:go|ship|goes|ships) out\b"
    # "any reason not to ship to X", "anything stopping us releasing X's order"
    r"|\b(?:reasons?|issues?|problems?) (?:not )?to (?:ship|release|sell|supply|deliver)\b"
    r"|\b(?:anything|something) (?:stopping|preventing) us (?:from )?(?:shipping|releasing|selling"
    r"|supplying|delivering)\b"
    r"|\b(?:above|over|past|beyond|exceed\w*) (?:their|the|its) \$?\d[\d,.]*\s*[km]? (?:credit )?"
    r"(?:line|limit)\b",
)
COLLECTIONS = _rx(
    r"\b(?:delay|delays|delayed|late) (?:in|with) (?:the )?(?:payments?|paying)\b",
    r"\bwho is (?:late|overdue|past due|delinquent|behind)\b",
    r"\bwhat (?:should|do|does|can) (?:i|we|\w+) (?:work on|focus on|tackle|chase|call)\b",
    r"\bcollections?\b|\bwork ?list\b|\bcall ?list\b|\bchase ?list\b|\bdunning\b"
    # not "their CFO has escalated": a report of what happened, beside the question
    r"|\bpriority list\b|\bqueue\b|(?<!\bhas )(?<!\bhave )(?<!\bwas )(?<!\bbeen )\bescalat\w+",
    # a collector's own calls: "my calls today", "today's calls"
    # "should I chase globex or tate first": which of them to chase
    r"\b(?:chase|call|ring|phone)\b.{0,40}\b(?:first|next)\s*[?!.]*$"
    r"|\bmy (?:calls|call list|chase list|worklist|work list|queue)\b|\bcalls (?:today|tomorrow"
    r"|this (?:morning|afternoon))\b|\b(?:today'?s|todays|tomorrow'?s) calls\b",
    r"\bwhom? (?:should|do|to|shall|must|can|will|would) (?:i|we) (?:need to |have to |got to"
    r" |gotta |ought to )?(?:call|chase|contact|follow|dun|ring|email|hit up|go after|remind"
    r"|ping|nudge|bug|stop by|visit|phone)\b",
    # "who should I be chasing first today"
    r"\bwho (?:should|shall|must|would) (?:i|we) be (?:chasing|calling|ringing|contacting"
    r"|following up|dunning|going after|reminding)\b",
    r"\bwhom?(?: (?:i|we))? (?:should|need to|have to|must|to) (?:call|chase|contact|follow"
    r"|dun|ring|go after|remind)\b",
    r"\b(?:accounts|customers|clients|debtors|ones|people|who) (?:to|i should|we should|i need to"
    r"|we need to) (?:chase|call|follow|contact|dun|remind|send reminders|go after)\b",
    r"\b(?:who|which (?:accounts|customers|clients|ones)) (?:needs?|requires?|deserves?)"
    r" (?:a |an |some )?(?:call|calls|chasing|chase|follow|escalation|reminder|dunning|attention"
    r"|a nudge|nudging)\b",
    # the day's calls: "calls to make today", "my call sheet", "who should I ring first"
    r"\bcalls? (?:to make|to do|to place|for (?:today|this morning|this afternoon|the day"
    r"|tomorrow))\b|\bcall sheet\b|\bphone list\b|\bwho (?:should i |do i |to )?(?:ring|phone)"
    r" (?:first|today|next|this)\b",
    r"\bwatch ?list\b|\b(?:accounts|customers|who) (?:to|should we|we should) (?:monitor|watch)\b"
    r"|\bshould we (?:monitor|watch)\b",
    r"\bworst (?:offenders|payers|accounts|customers|debtors)\b|\bslow payers\b|\bdeadbeats\b",
    r"\b(?:biggest|largest|top|worst|most|oldest) (?:\d+ )?(?:past dues?|overdue|delinquent"
    r"|late)(?: (?:accounts|customers|clients|payers|debtors|balances))?\b"
    r"|\b(?:who|which (?:customers|accounts|clients|debtors))(?: is| are)? (?:the )?(?:most"
    r"|furthest|farthest) (?:behind|in arrears)\b",
    r"\b(?:overdue|past due|delinquent|late(?:-paying)?) (?:customers|accounts|clients|payers"
    r"|debtors)\b",
    r"\b(?:list|ranking|report) of (?:the )?(?:overdue|past due|delinquent|late) \w+",
    r"\btop \d+ (?:accounts|customers|clients|debtors|delinquents|past dues?)\b"
    r"(?! by (?:sales|revenue|volume|orders|purchases|spend|turnover|margin))",
    r"\bat risk\b|\brisk of (?:going|slipping|becoming)\b"
    r"|\b(?:going|slipping|sliding|rolling|moving|tipping|falling|about to go) (?:into |to"
    r" |past |over |in )?(?:the )?(?:60|90|120)\b",
    r"\bbroken promises?\b|\bpromises? to pay\b|\bptps? (?:due|broken|today)\b",
    r"\bpast[- ]due (?:notices|letters)\b",
)
# A reminder mentioned beside a question ("before i send a reminder, what does northwind owe"):
# who to chase only when nothing else is asked.
COLLECTIONS_WEAK = lazy(r"\breminders?\b")
DIGEST = _rx(
    r"\bdigest\b",
    r"\b(?:morning|daily|today'?s?|overnight|nightly|end of day|eod|weekly|day's)"
    r" (?:ar |debtors |receivables |collections )?(?:report|summary|rundown|briefing|brief|update"
    r"|recap|snapshot|overview"
    r"|numbers|headlines?|roundup|round-up|picture)\b|\bpicture (?:this morning|overnight)\b",
    r"\bar (?:summary|snapshot|update|overview|headlines?|recap|rundown|briefing|dashboard"
    r"|roundup)\b",
    r"\b(?:summary|recap|rundown|overview) of (?:yesterday|today|the day|last night|overnight)",
    r"\bheadlines? for (?:ar|today)\b",
    # the day's news asked of no one: "what did I miss", "anything I should know before the
    # meeting", "what do I need to know today", "a snapshot of the debtors for the standup"
    r"\bwhat did (?:i|we) miss\b|\bwhat do (?:i|we) need to know (?:today|this morning|now)\b"
    r"|\banything (?:i|we) should know(?: about)? before\b"
    r"|\bsnapshot of (?:the |our )?(?:debtors|ar|book|receivables|ledger)\b",
    # session 11: "start of day update pls", "just the headlines on receivables today", "one-liner
    # on AR health", "what's the AR situation this morning", "status update on collections for
    # today", "where we stand today", "what's the status today", "what's happening in AR"
    r"\b(?:start|beginning) of (?:the )?day (?:update|summary|report|recap|brief(?:ing)?)\b"
    r"|\bheadlines? on (?:the )?(?:receivables|ar|a/r|collections|book)\b"
    r"|\bone[- ]liner on\b|\b(?:ar|receivables|a/r) health\b"
    r"|\b(?:ar|a/r|receivables) situation (?:today|this morning|now|right now)\b"
    r"|\bstatus update on (?:ar|a/r|collections|receivables)(?: for)? today\b"
    r"|\bwhere (?:do )?we stand (?:today|this morning|right now)\b"
    r"|^\W*(?:so |ok |and )?what is the status (?:today|this morning)\W*$"
    r"|\bwhat is happening in (?:ar|a/r|receivables|collections)\b",
    # session 12: "catch me up, been off since wednesday", "quick state of play on debtors",
    # "what's happened on the ledger overnight", "anything I need to know this morning?",
    # "status snapshot for standup", "what's new since friday", "anything urgent on the AR side"
    r"\bcatch me up\b|\b(?:bring|get) me up to (?:speed|date)\b|\bstate of play\b"
    r"|\bwhat (?:has |is )?(?:happened|new|changed) (?:on|in|with) (?:the )?(?:ledger|book|ar|a/r"
    r"|receivables|debtors)\b|\banything (?:i|we) (?:need|ought|have) to know\b"
    r"|\bstatus snapshot\b|\bsnapshot for (?:the )?(?:standup|stand-up|stand up|huddle)\b"
    r"|\bwhat is new since\b|\banything urgent (?:on|in) (?:the )?(?:ar|a/r|receivables"
    r"|collections)\b|\bwhere we are with (?:the )?(?:receivables|ar|a/r|debtors)\b",
)
DIGEST_WEAK = _rx(
    r"\b(?:recap|rundown|briefing|big picture|headlines?|snapshot|overview|summary|roundup)\b",
    r"\bwhere (?:do|are) (?:we|things) (?:stand|at)\b"
    r"|\bhow (?:are|do|is) (?:we|things|it|ar) (?:look|looking|doing|stand|going)\b",
    r"\banything (?:i|we) should know\b|\bwhat (?:is|did i miss) new\b|\bwhat did i miss\b"
    r"|\bwhat is new\b|\bwhat is happening\b|\bwhat happened (?:overnight|yesterday|today)\b"
    r"|\bwhat changed (?:overnight|since)\b",
)

# --- inquiries ----------------------------------------------------------------------------------
BALANCE = _rx(
    r"\bnot (?:yet )?paid\b|\bopen (?:points|posts|positions)\b",
    # "X pending amount", "how much is still pending from them"
    r"\bpending (?:amount|balance|dues?)\b|\bhow much is (?:still )?pending\b",
    r"\b(?:sitting|standing) at\b|\boldest (?:open |unpaid |outstanding )?(?:invoices?|items?)\b"
    r"|\bhow old is\b",
    r"\bowe[sd]?\b|\bowing\b|\bbalances?\b|\boutstandings?\b|\bpast dues?\b|\boverdue\b"
    r"|\bagi?ng\b|\bageing\b|\bexposure\b|\bsoa\b|\bstatements? of account\b|\breceivables?\b"
    r"|\bunpaid\b|\bopen (?:items?|invoices|balance|ar|amount|amounts)\b|\bhow far behind\b"
    r"|\bbehind on\b|\bamount due\b|\bdue amount\b|\bin arrears\b|\barrears\b",
    r"\b(?:have|has|left|yet|need|needs|got) to pay\b"
    r"|\b(?:are|is) (?:they|he|she|it) (?:late|behind) on (?:anything|any invoices?|any bills?)\b"
    # "how much must X still pay", "anything left open?"
    r"|\bhow much (?:must|does|do|should) .{1,40} still (?:pay|owe)\b"
    r"|\banything (?:left|still) open\b",
    # "how much they must still pay us", "the situation of the account of X"
    r"\bmust (?:still )?pay\b|\bstill (?:must|has to|have to|needs? to) pay\b|\binto us for\b"
    # "how much money we must receive from X", "money they have to give us"
    r"|\b(?:must|have to|has to|need to|needs to|still to|yet to|are to|is to) (?:still )?"
    r"(?:receive|get|collect) from\b|\b(?:money|amount|how much)\b.{0,20}\bto give us\b"
    r"|\b(?:situation|state|position) of (?:the |their |his |her |its |[\w&]+'s )?(?:account|a/c)\b"
    r"|\baccount (?:situation|position)\b",
    # "what's left on their account": what is still owed
    r"\b(?:left|remaining|still open|outstanding) on (?:the |their |its |his |her |[\w&]+'s )"
    r"?(?:account|books|ledger)\b",
)
PAYMENT = _rx(
    r"\bpayments?\b|\bpaid\b|\bpays?\b|\bpaying\b|\bremittances?\b|\bremit(?:ted)?\b"
    r"|\breceipts?\b|\bwires?\b|\bwired\b|\bach\b|\bcheques?\b|\bsettled\b|\bdeposit(?:ed|s)?\b"
    r"|\bmoney (?:from|in)\b|\b(?:cash|money|funds) (?:received|collected)\b"
    r"|\b(?:anything|money|cash|funds) (?:land|landed|lands)\b"  # "did anything land this week"
    r"|\b(?:received|collected) from\b|\bany (?:\$|money|funds|dollars|cash) (?:in )?from\b",
    r"\bchecks? (?:received|came|arrived|in|cleared)\b|\b(?:checks?|cheques?|wires?|ach"
    r"|payments?|remittances?) from\b",
    r"\b(?:send|sent|wire|wired|remit|remitted) (?:us )?(?:anything|any money|something|money"
    r"|a payment|any payments?|the money)\b"
    # "how much money did customers send us since nov 1", "how much did X send in since the 1st"
    r"|\bhow much\b.{0,40}\b(?:send|sent|wire|wired|remit|remitted) (?:us|in)\b",
    r"\b(?:receive|received|get|got) (?:anything|something|any money|money)\b"
    r"|\breceived?\b.{0,30}\bfrom\b",
    r"\b(?:received|got|get|receive) (?:a |the |any |their )?(?:check|cheque|money|funds"
    r"|transfer)\b",
    r"\bcollect(?:ed)?\b(?! (?:list|queue|agency))|\bhit (?:the|our) (?:bank|account|accounts)\b"
    r"|\bcash in\b",
    r"\breceived?\b|\b(?:get|got|getting) in\b|\b(?:get|got) \$?\d[\d,]*(?:\.\d{2})?\b",
    # "how much money entered this week", "which payments came": money that came in
    r"\b(?:money|cash|funds|payments?|receipts?|remittances?) (?:has |have |had )?(?:entered"
    r"|came|come)\b|\bentered (?:the |our )?(?:bank|account)\b",
    r"\bcame in\b|\bcome in\b|\b(?:sent|send) (?:us )?(?:any |the |a |some )?(?:money|funds"
    r"|wire|check"
    r"|cheque|remittance|transfer|cash)\b|\btransfers?\b|\bdays to pay\b",
    # the money named first, the verb after: "what cash did we get", "what did we bank"
    r"\b(?:cash|money|funds|payments?|receipts?|remittances?)\b.{0,20}\b(?:did|have|has) (?:we"
    r"|you|i) (?:get|got|receive|collect|collected|bank|banked|take in|took in)\b"
    r"|\b(?:did|have|has) (?:we|you|i) (?:bank|banked|lodge|lodged)\b|\bbanked\b|\blodged\b"
    r"|^\s*what (?:did|have) (?:we|you|i) (?:get|got|receive|received|collect|collected)\b"
    r"|\b(?:cash|money|funds|payments?) (?:landed|arrived|cleared)\b"
    r"|\b(?:what|anything|how much) (?:\w+ )?(?:landed|arrived|came in|hit) (?:in )?(?:the )?"
    r"(?:bank|account)\b",
)
BALANCE_WEAK = _rx(
    r"\bhow much\b|\bdue\b|\bopen\b|\bitems\b|\bcurrent\b|\bpending\b|\bbehind\b|\bover \d+\b"
    r"|\b\d+\+? days\b|\btotal\b|\bar\b",
)

# What is not a customer's name (FILLER, NON_NAME) and what is never a typo (KNOWN) are in
# graph.understand_words.

# "clear", "reset": there is no conversation to clear.
CLEAR = lazy(
    r"^\s*(?:clear|cls|reset|start over|new chat|clear (?:screen|chat|history))"
    r"\s*[!.]*$"
)
