"""What arbot cannot do (yet), by the kind of thing asked (``CANNOT``: kind, what it is in
words, the patterns): create or change an invoice, change payment terms arbot has no terms for
(payment plans, instalments), set up alerts or schedule reports, write a free-form e-mail, list
what was invoiced, show history, explain a term, and every other change arbot has no action for
(voids, refunds, credit memos, late fees, due dates, portals, reclasses, agencies …). Each is
said plainly, never answered as something else or proposed as another change. Read on the
normalized text (``graph.understand_vocab.normalize``)."""

from __future__ import annotations

import re

from graph.lazy_regex import lazy
from graph.understand_cannot_named import (
    APPROVAL_AROUND,
    DISPUTE_REMOVED,
    NOTE_REMOVED,
    ORDER_CHANGED,
    PROMISE_REMOVED,
    REDATED,
    WHOLE_WRITE_OFF,
)
from graph.understand_cannot_named import ASKED as _ASKED


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


CANNOT = (
    (
        "create_invoice",
        "create or change an invoice",
        _rx(
            r"\b(?:create|raise|issue|make|generate|draft|cut|bill|prepare|book|post|enter|add"
            r"|void|cancel|delete|reissue|re-issue|edit|amend|correct)\b(?: (?:a|an|the|new"
            r"|another|this|that|credit|debit))*\s*(?:invoices?|credit (?:memo|note)s?|debit"
            r" (?:memo|note)s?)\b",
            # "can you do a credit memo for X", "kindly pass a credit note of 1,500 to X"
            r"\b(?:do|pass|process|put through)\b (?:a |an |the )?(?:credit|debit) (?:memo|note)s?"
            r"\b",
            # an invoice's own figures changed: "change X's invoice INV-10430 amount"
            r"\b(?:change|amend|edit|correct|fix|adjust|update)\b (?:(?!and\b)\S+ ){0,4}?"
            r"(?:invoice|inv-?\s?\d+)(?: \S+){0,2}? (?:amount|price|po(?: number)?|date|currency"
            r"|value)\b",
            r"\binvoice (?:them|him|her|it|globex|for so-?\d+)\b|\bbill (?:them|the customer)\b"
            r"|\b(?:invoice|bill) (?:the )?(?:sales )?(?:order (?:#|no\.? )?(?:so-?)?|so-?\s?)"
            r"\d+\b",
            r"\b(?:rebill|re-bill|reinvoice|re-invoice)\b",
            # a new invoice wanted or a customer billed a figure: "need an invoice for X, 45 cs
            # … 1,250.00", "invoice X for $3,150 pallet hire", "bill X 380 for the freight"
            r"\b(?:need|want|require)s? (?:a |an )(?:new |another |separate )?invoice"
            r" (?:for|to|raised)\b",
            # "we need to invoice X $2,300 for the die repair"
            r"\b(?:need|needs|have|has|want|wants) to (?:invoice|bill) (?!#?\d)"
            r"(?!(?:for|the|list|status|date|number|no|of|to|from|is|was|has)\b)"
            r"[\w&.' -]{2,60}?(?: for)? (?:[a-z]{3} ?)?\$?\d",
            r"^\s*(?:pls |please |kindly |can you |could you )?(?:invoice|bill) (?!#?\d)"
            r"(?!(?:for|the|list|status|date|number|no|of|to|from|is|was|has)\b)"
            r"[\w&.' -]{2,60}?(?: for)? (?:[a-z]{3} ?)?\$?\d",
            # a credit memo wanted: "need a credit memo on 10321 asap", "cn for globex 250 pls"
            r"\b(?:need|want|require|requesting)\w* (?:a |an |to (?:raise|issue|do) (?:a |an )?)?"
            r"(?:credit|debit) (?:memo|note)s?\b"
            r"|^\s*(?:pls |please )?(?:cn|dn|credit memo|credit note) (?:for|to|on|against)\b",
            # said tersely: "credit memo 40 globex 10209", "meridian void 987, reissue 640",
            # "10421 price -> 900", "dup inv 10412, delete", "PO on 985 wrong, fix"
            r"^\s*(?:pls |please )?(?:credit memo|credit note|cn)s? (?:of )?[$£€]?\d(?!.*\?)",
            r"\b(?:void|re-?issue)\b (?:inv(?:oice)?[ #-]*)?\d{3,}\b",
            r"\b(?:price|amount|po|qty|quantity|currency|date|invoice date)\s*(?:->|→|=>)\s*\S",
            r"\b(?:inv(?:oice)?s?|po|price|amount|date)\b[^.?!]{0,40}[,;:-]\s*(?:please |pls )?"
            r"(?:delete|void|reissue|re-issue|fix|correct)(?: (?:it|that|please|pls))?\s*[.!]*$",
            # "SO-9001 shipped today, please invoice pinnacle packaging"
            r"\b(?:please|pls|kindly|can you|could you) (?:invoice|bill)\b"
            r"(?! (?:date|number|amount|status|details?|copy|copies|pdf)\b)",
            # "bill northwind for SO-1003": the customer billed for its order
            r"^\s*(?:please )?(?:bill|invoice) [\w&.' -]{1,40}? for (?:the |their |its )?"
            r"(?:sales )?(?:order )?(?:so-?\s?)?\d{3,}\b",
            rf"{_ASKED}(?:void|cancel|delete|reissue|re-issue|reverse|amend"
            r"|correct)\s+"
            r"(?:the\s+)?(?:inv\w*\b|[a-z]{0,4}-?\d{3,})",
            # "Re-issue it with the new PO", "reinstate the invoice we voided", "re-open 10981",
            # "re-send invoice 10352 with the corrected VAT number", "credit back the freight"
            rf"{_ASKED}(?:re-?issue|re-?send|resend)\s+(?:it|them|that|this)\b",
            r"\b(?:re-?open|reinstate|un-?void|undelete)\b (?:(?!and\b)\S+ ){0,4}?(?:invoices?"
            r"|inv\b|inv-?\s?\d+|#?\d{3,})",
            r"\b(?:re-?send|resend)\b (?:(?!and\b)\S+ ){0,3}?(?:invoices?|inv\b|inv-?\s?\d+"
            r"|invoice cop(?:y|ies))",
            r"\bcredit (?:back|off)\b",
        ),
    ),
    (
        "change_terms",
        "change payment terms",
        _rx(
            r"\b(?:set|change|update|move|extend|switch|give|put|make|offer|modify|adjust|shorten"
            r"|lengthen)\b.{0,40}\b(?:terms|net ?\d{1,3}|payment plan|installments?)\b",
            # terms counted from the month's end: "EOM+30", "30 days end of month", "prox"
            r"\beom ?\+ ?\d{1,3}\b"
            r"|\b\d{1,3} days? (?:after |from )?(?:the )?end of (?:the )?month\b"
            r"|\bend of (?:the )?month (?:plus|\+) ?\d{1,3}\b|\bprox\b",
            # paying by instalments: "an EMI arrangement", "would a payment plan make sense"
            r"\b(?:emis?|instal(?:l)?ment (?:plans?|arrangements?)"
            r"|payment (?:plans?|arrangements?)|re-?payment (?:plans?|schedules?|arrangements?))\b",
            r"\b(?:pay|paying|split)\b.{0,20}\b(?:\d{1,2}|two|three|four|five|six|twelve)"
            r" (?:instal(?:l)?ments?|monthly (?:payments|instal(?:l)?ments))\b",
            # paid in parts: "want to pay in 3 chunks, set that up as a plan"
            # "wants to pay off their balance over 3 months" (months are read as days: "over 90
            # days")
            r"\bpay\b (?:(?:it|this|that|off|down|back|their|the|its|his|her|whole|entire|balance"
            r"|debt|arrears|account|amount|everything|outstanding)\s+){0,4}over (?:\d{1,3}|two"
            r"|three|four|five|six|nine|twelve|eighteen|the next (?:\d{1,2}|few|couple of|two|three"
            r"|six|twelve)) (?:months?|weeks?|quarters?|years?|days)\b",
            r"\bpay (?:it |this |that |the balance )?in (?:\d+|two|three|four|five|six) "
            r"(?:chunks|parts"
            r"|lots|goes|payments|tranches|bits|instal(?:l)?ments)\b",
        ),
    ),
    (
        "alert",
        "e-mail reports to people, set up alerts or schedule reports",
        _rx(
            # a report sent to someone: "email the CEO the aging", "send the aging to the cfo"
            r"\b(?:email|e-mail|mail|forward)\b (?:it |this |that )?(?:to )?(?:the |our |my )?"
            r"(?:ceo|cfo|coo|controller|boss|board|auditors?|manager|finance team|treasurer|team)\b"
            r"|\b(?:email|e-mail|mail|send|forward)\b (?:the |our |this |that |my )?(?:ar )?"
            r"(?:aging|ageing|reports?|digest|summary|numbers|dashboard)\b.{0,20}\bto\b",
            r"\blet (?:me|us) know (?:if|when|once|as soon as|whenever)\b(?=.{0,60}\b(?:ever"
            r"|gets?|will|comes? in|arrives?|lands?|hits?|clears?|turns? up|shows? up|pays"
            r"|settles?)\b)",
            r"\b(?:alert|notify|ping|warn|tell|message|email|text|sms|whatsapp)"
            r" (?:me|us|the team)\b"
            # asked now: "tell me if X paid", "… if the write off on INV-… went through"
            r"(?! (?:if|whether) [^.?!]{0,60}\b(?:is|are|was|were|did|went|got|has|have|had)\b)"
            r".{0,40}\b(?:if|when|whenever|once|as soon as|every|each|daily|weekly)\b",
            r"\b(?:set up|set|create|add|schedule) (?:an? )?(?:alerts?|notifications?"
            r"|reminders? for me|reports? every)\b|\bsubscribe\b"
            r"|\bevery (?:monday|morning|day|week)\b",
            r"\b(?:set up|setup|schedule|automate|configure)\b.{0,30}\b(?:daily|weekly|monthly"
            r"|recurring|regular|automatic)\b",
            r"\bschedule\b.{0,30}\b(?:digest|reports?|aging|summary|emails?)\b"
            r"|\b(?:email|e-mail|mail) (?:me|us|the team)\b.{0,30}\b(?:aging|reports?|digest|list"
            r"|summary|balances?|numbers)\b",
        ),
    ),
    (
        "write_email",
        "write a free-form e-mail or letter",
        _rx(
            rf"{_ASKED}(?:write|draft|compose|prepare)\b"
            r"(?!.{0,30}\b(?:dunning|reminder|past[- ]due|collection))"
            r"(?=.{0,30}\b(?:e-?mails?|letters?|messages?|replies|reply|response)\b)",
            # "email globex about their remittance": an e-mail about what is not a reminder
            rf"{_ASKED}(?:email|e-mail|mail|write to|reach out to)\b(?! (?:me|us|myself)\b)"
            r"[\w&.' -]{1,40}?\b(?:about|asking|regarding|re)\b",
        ),
    ),
    (
        "invoiced",
        "list what was invoiced (sales) in a period",
        _rx(
            r"^(?:what|how much|how many)\b.{0,30}\b(?:did|have|has) (?:we|you|i) (?:invoice|bill"
            r"|issue|sell|sold)\b",
            r"(?<!open )(?<!unpaid )(?<!outstanding )(?<!overdue )(?<!largest )(?<!biggest )"
            r"(?<!disputed )(?<!due )\b(?:invoices|invoicing|billings?|sales|revenue)"
            r" (?:issued |sent |made |raised |booked )?(?:by customer|(?:this|last) (?:week|month"
            r"|quarter|year)|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|\d{4})"
            r"|year to date|month to date)",
        ),
    ),
    (
        "records",
        "show history: notes, approvals, reminders already sent or invoice documents",
        _rx(
            r"\bwho (?:approved|rejected|requested|signed off|okayed|changed|entered|posted)\b"
            r"|^(?:was|were|is|has|have|did)\b.{0,40}\b(?:approved|rejected|declined|signed off)\b"
            r"|\bdid (?:anyone|anybody|we|you|i|someone|somebody)(?: already| ever| actually)?"
            r" (?:send|e-?mail|call|remind|contact|chase)\b"
            # "the reminder to contoso went out on monday right?", "has the statement gone out"
            r"|^(?:has|have|was|were|did)? ?(?:the |a |our |my |any )?(?:reminders?|statements?"
            r"|dunning (?:letters?|e-?mails?)|chasers?)\b.{0,40}\b(?:went out|gone out|go out"
            r"|(?:went|gone|go|got) to\b(?! (?:the )?(?:wrong|right)\b)"
            r"|was sent|were sent|been sent|got sent)\b[^-?;.]{0,30}\??\s*$"  # asked of alone
            r"|\baudit (?:log|trail|history)\b|\bwhat did you (?:change|do|approve|send)\b",
            r"\b(?:print|download|export)\b.{0,30}\binvoices?\b|\binvoices?\b.{0,20}\b(?:pdf|printout)s?\b"
            r"|\bpdf (?:of|for) (?:the |an? )?invoices?\b",
            r"\bhow many (?:reminders|dunning letters|letters|e-?mails|calls|notes)\b",
            # "has fabrikam already had a reminder this month?", "did X get their statement"
            r"^(?:has|have|did)\b.{0,40}\b(?:had|got|gotten|get|received|receive|been sent"
            r"|been given) (?:a |an |any |the |their |its |our )?(?:reminders?|dunning (?:letters?"
            r"|e-?mails?)|statements?|chasers?|notices?|nudges?)\b",
            r"\b(?:last|latest|recent|previous|most recent) (?:notes?|comments?|calls?"
            r"|conversations?) (?:on|for|about|with|from)\b",
            r"\b(?:show|list|read|see|pull up|what are) (?:me )?(?:the |all )?(?:notes|comments)\b",
            # what went out, asked after: "have we sent Abbott a statement this month?",
            # "how did the reminder to Mariner go, did they come back?"
            r"^(?:have|has) (?:we|you|i|anyone|anybody|someone|somebody)"
            r"(?: already| ever| actually)?"
            r" (?:sent|e-?mailed|called|rung|phoned|reminded|contacted|chased)\b",
            r"\bhow did (?:the|my|our|that|your) (?:reminders?|chasers?|dunning(?: letters?)?"
            r"|statements?|calls?|e-?mails?)\b.{0,40}\bgo\b",
        ),
    ),
    (
        "explain",
        "explain what a term means",
        _rx(
            r"\bwhat (?:does|do|is meant by) (?:the )?(?:term |word |acronym )?[\w/&+-]{2,20}"
            # "what does net 30 actually mean"
            r"(?: \d{1,3})?(?: actually| really| exactly)? (?:mean|stand for)\b",
            r"\bwhat is meant by\b|^\s*(?:please )?(?:define|explain|meaning of|definition of)\s+"
            r"(?:the term )?"
            r"[\w/&+-]{2,20}(?: means?)?\s*[?!.]*$",
            r"\b(?:definition|meaning) of (?:the )?(?:term )?[\w/&+-]{2,20}\s*[?!.]*$",
            r"\bexplain (?:to me )?what [\w/&+ -]{2,30} means?\b",
            r"\bexplain (?:the )?(?:term |concept of |metric )?[\w/&+-]{2,20}"
            r"(?: (?:metric|term|ratio|figure|number|kpi|concept))? (?:to (?:me|us|someone"
            r"|a |an )|like |in (?:plain|simple|layman)|simply)",
        ),
    ),
    (
        "other_change",
        "make that change",
        _rx(
            # a verb that changes something, first in the message, that no change request of
            # arbot's took: "extend the due date on 10435", "split PMT-000244 …", "waive the fee"
            rf"{_ASKED}(?:delete|remove|refund|reverse|unapply|merge|rename|close|reopen"
            r"|deactivate|archive|export|upload|import|approve|reject|escalate|sue"
            r"|call(?! ?(?:list|sheet|queue|log|plan|with|w/)\b)"
            r"|phone|text|extend|push|postpone|defer|split|waive|cancel|reassign|assign|transfer"
            # "… should be on 45 day terms, please change it": "it" is the change just named
            # ("… - add the promise": a change arbot makes, its reader's to take)
            r"|charge|(?:add|create)(?! (?:a |an |the |that |this )?(?:promise|ptp|note|dispute"
            r"|reminder|statement)s?\b)|edit|modify|correct|fix"
            r"|change(?! in\b)(?! (?:it|that|this|them|accordingly)\b)"
            r"|update(?! on\b| me\b)(?! (?:it|that|this|them|accordingly)\b)"
            r"|(?:do|process|issue|make) (?:the |a |this |that )?(?:refund|reversal|void)s?"
            r"|move|enable|disable|turn (?:on|off)|set up|setup|register|convert|increase|raise"
            # ("… Pls send asap": the list just asked for, sent)
            r"|lower|reduce|issue|send(?! me\b)(?! us\b)"
            r"(?!\s*(?:on priority|asap|urgently|today|now|soon|quickly|immediately|please|pls"
            r"|over|across|through)?\s*(?:[,.!?;]|$))"
            # "send the latest aged debt report": a report asked for, not a change
            r"(?!(?: \S+){0,4} (?:report|ageing|aging|analysis|summary|breakdown|listing)\b))"
            r"\b(?! me\b)",
            r"^\s*(?:please )?(?:mark|flag|tag)\b.{0,40}\bas\b",
            # a payment or receipt undone, re-deposited or stopped; invoices marked paid; fees
            # forgiven: "reverse the receipt posted to the wrong account", "NSF on the check,
            # redeposit it", "put a stop payment on the check", "mark all invoices paid",
            # "forgive X's late charges"
            r"\breverse\b (?:\S+ ){0,3}?(?:receipts?|payments?|cash|postings?|entr(?:y|ies))\b"
            r"|\bre-?deposit\b|\bstop payment\b|\bmark\b (?:\S+ ){0,4}?(?:as )?paid\b",
            r"\b(?:forgive|waive|remove|reverse|cancel|drop|write off)\b.{0,30}\blate (?:payment )?"
            r"(?:fees?|charges?|interest)\b",
            # the ERP's data brought in again or its connection mended
            r"\bre-?import\w*\b|\breconnect\b.{0,20}\b(?:erp|myob|xero|netsuite|sap|quickbooks"
            r"|sage|file|ledger)\b|\bundo the import\b",
            # a change made, undone: "undo the write-off on 10319", "roll back the limit change"
            # ("revert" is also "reply": "revert with their current limit")
            r"\b(?:undo|roll(?:ing)? ?back|take back|unwind|back out|reverse)\b (?:\S+ ){0,4}"
            r"(?:write[- ]?offs?|w/o|holds?|limits?|changes?|approvals?|applications?|notes?"
            r"|reminders?|terms|proposals?|it|that|this)\b",
            # an invoice's due date moved, asked however: "can we extend the due date of …"
            r"\b(?:extend|push (?:back|out)|push|move|postpone|defer|change|prepone|bring forward"
            r"|advance|move up)\b (?:\S+ ){0,3}due dates?\b",
            # a temporary limit: "temp limit increase for globex to 30k till month end"
            r"^(?!(?:what|how|is|are|does|do|did|which|who|why|when|any)\b)(?:.*?\b(?:temporary"
            r"|temporarily|temp|one[- ]off|one[- ]time)\b.{0,30}\b(?:limit|credit)\b"
            r"|.*?\b(?:limit|credit line)\b.{0,40}\b(?:until|till)\b)",
            # dunning paused, an invoice held from it: not a customer's credit hold
            rf"{_ASKED}(?:pause|stop|suspend|hold|put|place|keep)\b"
            r"(?: all| the| any| our| sending| e-?mailing)*"
            r" (?:reminders?|dunning|chasing|chasers?|collections? (?:e-?mails?|letters?|calls?))\b"
            r"|^\s*(?:please )?(?:put|place|keep|hold)\b (?:the )?(?:inv(?:oice)?[.\s#-]*)?"
            r"\d{3,}\b.{0,12}\bon hold\b",
            r"\b(?:post|book|enter|record)\b.{0,30}\b(?:to|in|into) (?:the )?(?:gl|general ledger"
            r"|journal)\b|\bjournal entr(?:y|ies)\b",
            r"\b(?:send|refer|hand|turn|pass|escalate)\b.{0,30}\b(?:to|over to) (?:a |the |our )?"
            r"(?:collections? agency|debt collect(?:ors?|ion)|legal|lawyers?|attorneys?"
            r"|small claims)\b",
            # dunning set up, a change made undone ("revert the write off on 10186")
            r"\b(?:set up|setup|configure)\b.{0,30}\bdunning\b"
            r"(?! (?:work ?list|list|call ?list|queue|report))"
            r"|\bdunning (?:schedules?|cadences?|sequences?|workflows?|rules?) (?:for|to|every)\b"
            r"|\brevert\b (?:the |that |this |my |our )?(?:write[- ]?offs?|w/o|holds?"
            r"|(?:limit |terms )?changes?|applications?|approvals?)\b",
            # a file of the numbers: "export aging to xlsx", "the open items in excel" (a
            # customer's statement is there as CSV)
            r"^(?!.*\bstatements?\b).*(?:\b(?:in|as|to|into) (?:an? )?(?:excel|xlsx|xls|csv"
            r"|spreadsheet|google sheets?)\b"
            r"|\b(?:an? )?(?:csv|xlsx|excel|spreadsheet) (?:of|with)\b)",
            # a customer's account opened or vetted, the books closed: not AR's requests
            r"\b(?:open|create|set ?up|add|onboard)\b.{0,20}\bnew (?:customer|client|account)\b"
            r"|\bnew (?:customer|client|account) (?:set ?up|creation|onboarding)\b|\bonboard\w*\b"
            r"|\bkyc\b|\bknow your customer\b|\bsanctions? screening\b"
            r"|\baccruals?\b|\b(?:fx|currency|forex) ?reval\w*|\breval(?:ue|uation)\b",
            # a concession: "give globex a 5% discount", "offer initech an extension"
            r"\b(?:give|offer|grant|allow|approve)\b.{0,30}\b(?:discounts?|rebates?|extensions?"
            r"|waivers?|goodwill credits?)\b",
            # "give falcon an extra 10 days on 10350": more time is an extension
            r"\b(?:give|offer|grant|allow)\b.{0,30}\b(?:extra|more|additional|another|further)"
            r" (?:\d{1,3}|a few|few|couple of|two|three|five|seven|ten|fourteen|thirty) ?"
            r"(?:days?|weeks?|months?)\b"
            r"|\b(?:give|offer|grant|allow)\b.{0,30}\b(?:a few|few|a couple of|\d{1,3})"
            r" (?:extra|more|additional) (?:days?|weeks?)\b",
            # "cut a refund check to X", "can you issue a refund for the difference"
            r"\b(?:issue|cut|send|process|do|make|give|wire|raise)\b(?: \S+){0,3}? refunds?\b"
            r"|\brefund (?:checks?|cheques?|payments?|wires?)\b|^\s*(?:please |pls )?refund\b",
            r"\b(?:outside|external|third[- ]party) collections?\b"
            r"|\b(?:apply|charge|add|assess|levy)\b.{0,20}\blate (?:payment )?(?:fees?|charges?"
            r"|interest)\b",
            # the GL's and the auditors' work: "post a reclass JE …", "calculate the bad debt
            # reserve … and post it", "lock period 11", "reconcile the AR subledger to GL 1200",
            # "SOX control evidence", "set our credit insurance claim up"
            r"\b(?:post|book|make|do|raise|prepare|enter)\b(?: \S+){0,3}? (?:reclass\w*|je|jes"
            r"|true-?ups?|adjusting entr(?:y|ies))\b",
            r"\b(?:calculate|compute|work out|book|post|true up)\b.{0,40}\b(?:bad debt|doubtful"
            r" debts?|reserves?|provisions?|allowance for)\b",
            r"\b(?:lock|unlock|close|reopen)\b (?:the )?(?:period|month|books|sub-?ledger|ledger"
            r"|p\d{1,2})\b",
            # "run the year end close for AR"
            r"\b(?:run|do|perform|start|kick off)\b (?:the )?(?:year|month|quarter|period)[- ]end"
            r" clos(?:e|ing)\b",
            r"\breconcile\b.{0,30}\b(?:sub-?ledger|gl|general ledger|control account)\b",
            r"\bsox\b|\bcontrol evidence\b|\bcredit insurance\b|\binsurance claim\b",
            # reports sent to the auditors; statements, reminders or demands in bulk or on a
            # schedule; the person's own calendar
            r"\b(?:email|e-mail|send|forward)\b(?! me\b| us\b).{0,60}\b(?:trial balance|ageing"
            r"|aging|workpapers?|roll-?forward)\b.{0,40}(?:\bto (?:the |our |external )?auditors?\b"
            r"|\S@\S)",
            r"\bschedule\b.{0,40}\b(?:statements?|reminders?|dunning|demands?)\b",
            r"\bbulk\b.{0,30}\b(?:e-?mail|send|reminders?|demands?|dunning)\b(?!.{0,30}\bstatements?\b)",
            r"\b(?:put|place)\b (?:every|all)(?: (?:the|our|of (?:the|our)))? (?:customers?"
            r"|accounts?|debtors?|clients?)\b.{0,20}\bon\b",
            r"\b(?:in|into|on|to) (?:my|the|our) (?:calendar|diary|outlook)\b",
            # a customer's access to a web portal:
            # "block the customer from the online ordering portal"
            r"\b(?:block|unblock|lock|unlock|disable|enable|suspend|remove|revoke|grant|give)\b.{0,40}"
            r"\b(?:portal|website|web ?shop|online (?:ordering|store|shop|account))\b",
            # credit insurance: "put insurance cover on Tate with Euler Hermes"
            r"\binsurance (?:cover|coverage|limits?|polic(?:y|ies))\b"
            r"|\b(?:euler hermes|allianz trade"
            r"|coface|atradius)\b",
            # a rebate worked out or paid: "rebate due to X for Q3 volumes - can you calc it"
            r"\b(?:calc\w*|compute|work out|pay|issue|process|accrue)\b.{0,40}\brebates?\b"
            r"|\brebates?\b.{0,60}\b(?:calc\w*|compute|work (?:it |that )?out)\b",
            # the ERP's set-up: "configure the tolerance group for cash app to $5"
            r"^\s*(?:(?:please|pls|can you|could you)\s+)*(?:configure|customi[sz]e)\b"
            r"|\btolerance (?:groups?|limits?|settings?|levels?)\b",
            # the period reopened: "re-open period 10 so I can back-date a receipt"
            r"\bre-open\b (?:the )?(?:period|month|books|p\d{1,2})\b|\bback-?dat\w+\b",
            # a change to every customer at once: "set every customer on net 30 in bulk"
            r"\b(?:set|move|switch|change|update)\b (?:every|all)(?: (?:the|our|of (?:the|our)))?"
            r" (?:customers?|accounts?|debtors?|clients?)\b",
            # the collections agency: "file a collections agency referral for X", "send the
            # collection agency the X file"
            r"\b(?:file|lodge|raise|make|submit|send|refer|pass|hand)\b.{0,40}\b(?:collections?|debt)"
            r" agenc(?:y|ies)\b|\b(?:collections?|debt) agency (?:referral|file|case|claim)s?\b",
            # copies of what goes out: "cc me on every reminder from now on"
            r"\bcc (?:me|us|the team|[a-z]+)\b.{0,30}\b(?:reminders?|statements?|dunning|e-?mails?"
            r"|letters?)\b",
            # statements on a schedule: "X would like statements monthly from now on, can you
            # set that up?", "set up monthly statements for X"
            r"\bstatements?\b.{0,20}\b(?:monthly|weekly|quarterly)\b"
            r"|\b(?:set up|setup|arrange|start)\b.{0,20}\b"
            r"(?:monthly|weekly|quarterly|recurring|regular)"
            r" statements?\b",
            # a dunning run: "run the dunning run F150 for all company codes"
            r"\b(?:run|start|execute|kick off|trigger)\b (?:the |a )?dunning "
            r"(?:run|proposal|program"
            r"|programme|batch)\b|\bf150\b",
            # a posting moved: "reclass the Globex receipt from GL 120000 to 120500"
            r"\breclass(?:ify|ified)?\b(?! report)",
            # an e-mail called back: "can you unsend it?", "recall the statement e-mail", "recall
            # yesterday's dunning letter"
            r"\bun-?send\b|\brecall (?:the|that|this|an?|my|our|\S+'s) (?:\S+ ){0,3}?"
            r"(?:e-?mails?|statements?|reminders?|letters?|notices?)\b",
            # the families named above
            WHOLE_WRITE_OFF,
            NOTE_REMOVED,
            DISPUTE_REMOVED,
            PROMISE_REMOVED,
            REDATED,
            ORDER_CHANGED,
            APPROVAL_AROUND,
            # fees or interest charged: "put a late charge on 10233", "whack a late fee on X"
            r"\b(?:apply|charge|add|assess|levy|put|whack|slap|stick|impose|bill|start charging)\b"
            r"(?: \S+){0,3}? (?:late (?:payment )?(?:fees?|charges?|interest)"
            r"|interest(?: charges?)?|finance charges?|penalt(?:y|ies)(?: fees?| interest"
            r"| charges?)?)\b",
            # said tersely: "late fee pinecrest 1.5%", "post interest 90+ accts", "10233 due date
            # -> 12/15", "erp sync now", "auto-dunning weekly for X", "retry failed ACH globex",
            # "kill tonight's stmt run", "net harbor inc AR vs AP"
            r"^\s*(?:pls |please )?(?:late (?:payment )?(?:fees?|charges?)|interest charges?)\b"
            r"(?!.*\?)|\bpost (?:late )?(?:interest|fees?|late charges?)\b",
            r"\bdue (?:date|dt)s?\s*(?:->|→|=>)",
            r"\b(?:erp|netsuite|xero|sap|quickbooks|myob|sage) (?:sync|re-?sync|import|refresh)"
            r" (?:now|tonight|asap|again)\b",
            r"\bauto[- ]?dunning\b|\bretry\b (?:\S+ ){0,2}?(?:ach|direct debits?|debits?|card"
            r"|payments?|charges?)\b",
            r"\b(?:kill|cancel|stop|abort|halt)\b (?:\S+ ){0,2}?(?:statement|dunning|reminder)"
            r" runs?\b",
            r"\bnet(?:ting)?\b.{0,40}\bar (?:vs\.?|against|and|with) ap\b"
            r"|\b(?:offset|contra)\b.{0,30}\b(?:ap|payables?|what we owe them)\b",
            # a discount granted after the fact: "apply the early-pay discount retroactively"
            r"\b(?:apply|give|offer|grant|allow|extend|honou?r)\b(?: \S+){0,4}? (?:early[- ]?pay"
            r"(?:ment)?|prompt[- ]?pay(?:ment)?|settlement|volume|retroactive|retrospective)"
            r" discounts?\b|\bdiscounts?\b(?: \S+){0,6}? retro(?:active|spective)(?:ly)?\b",
            # a rule that acts by itself: "set that up as a standing rule"
            r"\bstanding (?:rules?|instructions?)\b"
            r"|\bautomatically\b[^.?!]{0,20}\b(?:no|without) (?:approval|sign[- ]?off)\b",
            # the ERP's data fetched again: "resync the ERP", "re-run the import", "fix the sync"
            r"\b(?:re-?sync|re-?run|re-?import|re-?load|reload|refresh|sync|fix)\b "
            r"(?:(?!and\b)[^\s?]+ ){0,3}?(?:erp|imports?|sync|feed|integration|xero|netsuite|sap"
            r"|quickbooks|myob|sage)\b",
            # security over the customer's goods: "put a PPSR registration on X's stock"
            r"\bppsr\b|\b(?:lien|ucc(?:-1)?) (?:filing|registration)\b|\bfile a (?:ucc|lien)\b",
            # the customer master changed: "close the account and deactivate the customer"
            r"\b(?:de-?activate|inactivate)\b|\b(?:close|archive|merge)\b (?:(?!and\b)\S+ ){0,3}?"
            r"(?:customer |credit )?(?:accounts?|master(?: records?| data)?|customer records?)\b"
            r"(?! (?:balance|statement|aging|ageing|summary)\b)",
            # our own bills paid: "pay our fedex bill from the ops account"
            r"\bpay (?:our|the company's) (?:[\w&.'-]+ ){0,2}(?:bills?|suppliers?|vendors?)\b",
            # a discount given: "knock 2% off X's open invoices as a goodwill thing"
            r"\b(?:knock|take|give)\b.{0,20}\b\d{1,2}(?:\.\d+)? ?(?:%|percent)\s*(?:off|discount)\b"
            r"|\bgoodwill (?:gesture|discount|credit|thing)\b|\bas (?:a )?goodwill\b",
        ),
    ),
)
