"""The words of whole-book questions (the portfolio: aging, top debtors, total AR, credit
exceptions, largest invoices, unapplied cash, days to pay, disputes), as ``graph.understand``
reads them on the normalized text (``graph.understand_vocab.normalize``). Phrasings are grouped
as families of what is asked. The promises' words are in ``graph.understand_promises``, the
approvals inbox's in ``graph.understand_inbox``, and the cuts of a whole-book question (over N
days, a currency, a count) in ``graph.understand_cuts``.
"""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# --- the whole book (portfolio questions) ---------------------------------------------------------
# Each is read only when the message names no customer unless said otherwise in
# graph.understand_intent.portfolio_intent.
CREDIT_EXCEPTIONS = _rx(
    r"\b(?:credit|limit) utili[sz]ation\b",
    # "which accounts have negative headroom", "which customers blew thru their credit line",
    # "before I raise limits, who is over theirs already?"
    r"\b(?:negative|no|zero) headroom\b|\bblew (?:thru|through|past|over) (?:their|its|the)"
    r" (?:credit )?(?:limits?|lines?)\b|\blimits?\b.{0,60}\bover theirs\b",
    r"\b(?:credit )?limit (?:breach\w*|exceptions?|violations?|overages?|excess(?:es)?)\b",
    # session 11: "customers whose exposure is more than the approved limit", "which customers
    # can't ship because of credit", "which one bust their limit", "got anyone on credit hold"
    # session 12: "customers on credit block", "exposure above 100% of limit", "over-limit report"
    r"\bon (?:a )?credit block\b|\bcredit[- ]blocked\b"
    r"|\bexposure (?:above|over|exceed\w*|beyond) (?:100 ?% of |the |their |its )?"
    r"(?:approved |credit )?limits?\b",
    r"\bexposure (?:is |are )?(?:more|greater|higher|bigger) than (?:the |their |its )?"
    r"(?:approved |agreed |credit )?limits?\b"
    r"|\b(?:which|what|who|list)\b.{0,30}\b(?:cant|can't|cannot|can not|unable to|not able to)"
    r" (?:ship|order|buy)\b.{0,30}\bcredit\b"
    r"|\bbust (?:their|its|the) (?:credit )?(?:limits?|lines?)\b"
    r"|\b(?:got|is there|are there) (?:anyone|anybody|any customers?|any accounts?)\b.{0,20}"
    r"\bcredit hold\b",
    r"\b(?:over|above|exceed\w*|past|beyond|breach\w*|blown|busted|maxed out|maxed) (?:on )?"
    r"(?:their|the|its|his|her|our|a)? ?(?:approved |agreed |allowed |permitted |set |assigned"
    r" |sanctioned )?(?:credit )?(?:limits?|lines?)\b",
    r"\b(?:on|under) (?:a )?(?:credit )?hold\b|\bcredit holds?\b|\bheld accounts\b"
    r"|\bblocked (?:customers|accounts)\b|\bcredit exceptions?\b|\bover[- ]?limit\b",
    r"\b(?:customers|accounts|clients|who|anyone|which ones)\b.{0,12}\b(?:are |is )?(?:blocked"
    r"|held|frozen)\b|\bmaxed (?:out )?(?:on )?credit\b",
    r"\b(?:blow\w*|went|gone|going|are|is) (?:thru|through|over) (?:their|its|the|a)? ?(?:credit )?"
    r"(?:limits?|lines?)\b|\bon (?:credit )?stop\b|\bstop list\b",
)
TOTAL_AR = _rx(
    r"\b(?:what|where) is (?:the|our) (?:book|ar|receivables?|debtor book)(?: at| sitting at| now"
    r"| today| standing at)?\s*[?!.]*$",
    r"\btotal (?:ar|a/r|receivables?|outstanding|open|past due|overdue|balance|exposure|owed"
    r"|due|debt|amount owed|open balance)\b",
    r"\b(?:our|the|overall|whole|entire|all) (?:ar|a/r|receivables?|book)(?: balance| total)?"
    r"\s*[?!.]*$|\bar (?:balance|total)\b|\bhow much (?:is|are) (?:our |the )?(?:ar|receivables"
    r"|past due|overdue|outstanding)\b",
    r"\bhow much (?:do|does) (?:everyone|everybody|all (?:our )?customers|customers|people)"
    r" owe\b|\bhow much do (?:the |our |all (?:the |our )?)?(?:cad|usd|gbp|eur|euro|uk|us"
    r"|canadian|british|german) customers owe\b"
    # "what's the overall amount customers owe us", "the overall amount owed to us"
    r"|\b(?:overall|total|whole) amount (?:(?:our )?customers |everyone |people )?(?:owe us"
    r"|owed to us|outstanding)\b"
    r"|\bhow much (?:is )?(?:owed|outstanding|past due|overdue) (?:to us|in total|overall)\b"
    r"|\bhow much (?:money )?(?:are we|is) owed\b|\btotal owed\b"
    # "how much is out on the street total?", "what's AR today vs what's late"
    r"|\bout on the street\b"
    r"|^\W*what is (?:the )?(?:ar|a/r|receivables)(?: today| now| total)? (?:vs|versus|and) what is"
    r" (?:late|past due|overdue)\b",
    r"\b(?:sum|total) of (?:all )?(?:the |our )?(?:open|outstanding|unpaid|overdue|past due)"
    r" (?:invoices|items"
    r"|ar|balances?)\b",
    # the balance-sheet line: "total debtors", "debtor book figure", "owe us altogether"
    # money said to sit in the book: "cash tied up in AR", "how much is locked up in debtors"
    r"\b(?:cash|money|capital|working capital|how much|what)\b.{0,12}\b(?:tied|locked|stuck"
    r"|sitting|parked) (?:up )?in (?:the )?(?:ar|receivables?|debtor book|debtors|customers)\b",
    # the whole book's past due as one figure: "overall overdue", "past due figure for the deck"
    r"\b(?:overall|whole|entire|combined|company-wide|grand|aggregate) (?:past due|overdue"
    r"|arrears)\b|\b(?:past due|overdue|arrears|ar|receivables) (?:number|figure|total"
    r"|position)\b|\bdebtors'? (?:position|figure|total|balance)\b",
    r"\btotal (?:trade )?(?:debtors?|debtor book)\b(?! (?:count|number))"
    r"|\btotal (?:on|in|of) (?:the |our )?(?:debtor book|ar|receivables?)\b"
    r"|\bdebtor book (?:total|figure|balance|value|number)\b"
    r"|\b(?:customers|everyone|everybody|clients) owe (?:us )?(?:altogether|all together|in total"
    r"|combined|overall|in all)\b",
)
# "list the debtors": who owes anything, ranked; read after a days-past-due cut ("debtors which
# are overdue more than 30 days" is over N days)
DEBTOR_LIST = _rx(
    r"\b(?:list|all|show|see)(?: of)? (?:the |our |all )?debtors\b"
    r"|^\s*(?:the |our )?debtors\s*[?!.]*$",
)
TOP_DEBTORS = _rx(
    r"\b(?:customers|accounts|clients|who|anyone|which)\b.{0,20}\b(?:owing|owe|owes|with (?:a )?"
    r"balances?|with (?:open|outstanding)) (?:us )?(?:of )?(?:over|above|more than|greater than"
    r"|>=?)"
    r"\s*\$?\d",
    r"\bwho owes (?:us )?(?:the )?(?:most|more)\b|\b(?:owes?|owing) (?:us )?(?:the )?most\b",
    # customers ranked by what they owe: "sort customers by what they owe", "top ten customers
    # by amount outstanding", "whose balance is highest", "heaviest debtors"
    r"\b(?:customers|accounts|clients|debtors) (?:sorted |ranked |ordered |listed )?by (?:the )?"
    r"(?:what they owe|amounts? (?:owed|outstanding|due|open)|(?:(?:open|outstanding|total) ){0,2}"
    r"(?:balances?|ar|exposure)|exposure|ar|o ?s|outstanding|debt)\b",
    r"\b(?:whose|which (?:customer|account|client)(?:'s)?) (?:\w+ )?(?:balance|exposure|ar|debt)"
    r" is (?:the )?(?:highest|biggest|largest|greatest)\b",
    r"\b(?:heaviest|greatest) (?:\d+ )?(?:debtors?|balances?|exposures?|accounts|customers"
    r"|clients)\b"
    r"|\b(?:greatest|highest|biggest|largest) (?:\w+ )?(?:exposures?|balances?|receivables|debts"
    r"|ar) by (?:customer|account|debtor|client)\b"
    r"|\binto us for (?:the )?most\b",
    r"\b(?:has|have|with|carry|carries|(?:is |are )?sitting on|holding) (?:the )?most (?:money"
    r" |cash |dollars )?(?:outstanding|owed|owing|open|unpaid|receivables?|ar|debt"
    r"|to (?:give|pay) us)\b",
    # "7 worst debtors by $ owed": a count of debtors ranked by the money they owe
    r"\b(?:debtors|customers|accounts|clients)\b.{0,12}\bby (?:\$ ?|dollars? |amount |value"
    r" |money )(?:owed|outstanding|owing|open|due)\b",
    r"\b(?:top|biggest|largest|highest) (?:\d+ )?(?:usd|eur|gbp|cad|euro|sterling|dollar|canadian)"
    r" (?:balances?|debtors?|exposures?|customers?|accounts?)\b",
    r"\b(?:top|biggest|largest|highest|major|key|main|principal) (?:\d+ )?(?:debtors?|balances?"
    r"|exposures?"
    r"|customers? by (?:balance|ar|exposure|open)|accounts? by (?:balance|ar|exposure|open)"
    r"|open balances?|ar balances?|customers by amount owed)\b",
    r"\b(?:largest|biggest) (?:\d+ )?(?:customers|accounts)\b(?!.{0,20}\b(?:overdue|past due"
    r"|late|delinquent))",
    r"\b(?:who|which (?:customers?|clients?|accounts?|debtors?)|customers?|clients?|accounts?)"
    r" (?:has|have|with|carry|carries|hold|holds) the (?:biggest|largest|highest|greatest|most)"
    r"(?: (?:open|outstanding|receivables?|ar|unpaid|total|overall|due|overdue|past due))?"
    r" (?:balances?|ar|exposures?"
    r"|receivables?|debts?|outstanding|amounts?(?: owed| due)?)\b",
    r"\b(?:big|heavy|biggest) hitters\b|\bwhales\b",
    # session 11: "which customer is having max o/s balance", "which customer outstanding highest
    # ah", "who's the #1 account owing us money", "our biggest deadbeats"
    r"\b(?:which|what|who)\b.{0,30}\b(?:max(?:imum)?|highest|biggest|largest) (?:outstanding|open"
    r"|owing|ar) (?:balance|amount|dues?)\b"
    r"|\b(?:which|what) (?:customers?|accounts?|clients?|debtors?)\b.{0,20}\b(?:outstanding|owing"
    r"|balance)\b.{0,10}\b(?:highest|biggest|largest|most|max(?:imum)?)\b"
    r"|(?:#|\bno\.? ?|\bnumber )1 (?:account|customer|debtor|client)\b.{0,20}\bow(?:ing|es|e)\b"
    r"|\b(?:biggest|worst|top|largest) (?:\d+ )?deadbeats\b"
    # ranked by what is past due: "top 5 customer by overdue amt", "who is the largest overdue?"
    r"|\b(?:top|biggest|largest|worst) (?:\d+ )?(?:customers?|accounts?|debtors?|clients?) by"
    r" (?:overdue|past due)\b|\bwho is the (?:largest|biggest) (?:overdue|past due)\b",
    # a collector's "top 3", alone: the ranking of what customers owe
    r"^\s*(?:show |give me |list |the )?top \d{1,3}(?: please| pls| now)?\s*[?!.]*$",
    # "customer-wise outstanding, highest first": each customer's balance, ranked
    r"\b(?:customer|party|client|debtor|account)[- ]?wise (?:outstanding|balances?|o ?s|ar|dues?"
    r"|exposure)\b.{0,40}\b(?:descending|highest first|largest first|biggest first|top \d+"
    r"|ranked|sorted)\b",
    # a count ranked by what is owed, words between: "top 5 accounts to watch by exposure"
    r"\b(?:top|biggest|largest|worst) \d+\b.{0,40}\bby (?:balance|exposure|outstanding|ar"
    r"|amount owed|what they owe|open balance|o ?s|debt)\b",
    r"\b(?:top|biggest|largest|highest|most) (?:\d+ )?(?:owing|owers|outstanding|open ar)\b"
    r"(?! invoices?)",
    r"\brank\w*\b.{0,45}\b(?:owe|owing|owed|balances?|outstanding|ar)\b",
    # "who's at the top of the AR list", "top of the debtors table"
    r"\btop of (?:the |our )?(?:ar|a/r|receivables?|debtors?|owing|owed|balances?) (?:list|ledger"
    r"|book|table|pile|ranking|league)\b",
    r"\bowes? (?:us )?more than (?:anyone|anybody|everyone)\b",
    # session 14: the ranking by what is past due ("top 3 past due balances", "top 5 overdue
    # customers", "which customers carry the most past due $", "who is sitting on the most overdue
    # money") and the book's concentration ("concentration check", "which accounts make up most of
    # our receivables", "which customers account for the biggest chunk of what is overdue")
    r"\b(?:top|biggest|largest|highest|worst) \d+ (?:past due|overdue|late) (?:customers?"
    r"|accounts?|debtors?|clients?|balances?)\b"
    r"|\b(?:top|biggest|largest|highest) (?:\d+ )?(?:past due|overdue) balances\b"
    r"|\b(?:carry|carries|carrying|has|have|with|sitting on|holding|holds?) the most (?:past due"
    r"|overdue|late) (?:money|\$|dollars|cash|balances?|amounts?|ar|debt)",
    # "top 3 customers in euros", "who do we have the most money tied up with"
    # (not "the top 20 accounts we should be dunning", "top 10 customers by revenue")
    r"\btop \d+ (?:customers|accounts|clients)\b(?!.{0,40}\b(?:chas(?:e|ed|ing)|call(?:s|ed|ing)?"
    r"|ring(?:ing)?|phon(?:e|ing)|contact(?:ing)?|follow(?:ing)? up|dun(?:ning)?|work(?:ing)?"
    r"|remind(?:ers?|ing)?|escalat\w*|priority|by (?:sales|revenue|volume|orders|purchases|spend"
    r"|turnover|margin))\b)"
    r"|\bmost (?:money |cash |dollars )?(?:tied up|locked up|stuck|sitting|outstanding) with\b",
    r"\b(?:customer |debtor |credit |ar |receivables? )?concentration\b"
    r"|\b(?:account for|accounts for|make up|makes up|represent|represents) (?:the )?(?:biggest"
    r"|largest|most|bulk|majority|lion's share|greatest|highest)\b(?: (?:chunk|share|part"
    r"|portion|slice|piece))?(?: of)?(?: (?:the|our|what is|what we are))? ?(?:ar|receivables?"
    r"|book|balances?|outstanding|overdue|past due|debt|owed|exposure)\b",
    r"\b(?:top|biggest|largest|highest|major) (?:\d+ )?(?:customers?|accounts?|clients?) (?:by"
    r"|with the (?:most|largest|biggest|highest)) (?:o ?s|outstanding|open|balances?|ar|a r"
    r"|exposure|amount owed)\b|\b(?:largest|biggest|highest|top) (?:\d+ )?(?:customer|account"
    r"|client) (?:balances?|exposures?)\b",
    r"\b(?:carry|carries|carrying|have|has|hold|holds) the (?:most|biggest|largest|highest)"
    r" (?:(?:receivable|open|outstanding|unpaid|ar|total) )?(?:ar|a r|balances?|exposure"
    r"|receivables|debts?|open balance)\b",
)
AGING_REPORT = _rx(
    # "what's the aging look like across the book", "how does the ageing look"
    r"\bag(?:e)?ing (?:look|looks|looking)\b|\bhow (?:does|do|is) (?:the |our )?ag(?:e)?ing"
    r" look\b",
    r"\bag(?:e)?ing (?:report|summary|buckets?|schedule|overview|by|table|analysis|split|per"
    r"|breakdown|profile|position|across|of (?:the|our) (?:book|ar|receivables|portfolio"
    r"|debtor book))\b",
    r"\b(?:summari[sz]e|show|give|run|pull|get|see)\b.{0,20}\bag(?:e)?ing\b",
    r"\b(?:0/)?30/60/90(?:/120)?\b|\b30-60-90\b"
    r"|\b(?:current |0 )?30 60 90(?: 120)?(?: (?:breakdown|split|buckets?|report|view|aging))\b",
    # a newcomer's name for it: "the overdue report, the one with 30/60/90 columns"
    r"\b(?:each|every|per|by) bucket\b|\b(?:bucket|age|ageing|aging)[- ]?wise\b"
    r"|\boverdue report\b"
    r"|\bage (?:analysis|profile|report|breakdown|schedule|split)\b",
    r"\bar ag(?:e)?ing\b|\bag(?:e)?d (?:trial balance|receivables|debt|debtors|ar|balances?)\b"
    r"|^\s*(?:the )?ag(?:e)?ing\s*[?!.]*$|\bbuckets\b|\bage the (?:book|ar)\b",
    # "bucket the open items pls"
    r"\bbucket (?:the |our |all )?(?:open items|invoices|ar|a/r|book|receivables|debtors)\b",
    r"\bcurrent (?:vs\.?|versus|v|and) (?:past due|overdue)\b.{0,20}\bbuckets?\b"
    r"|(?<![\d-])\d{1,3}\s*-\s*\d{1,3}(?![\d-]).{0,25}(?<![\d-])\d{1,3}\s*-\s*\d{1,3}(?![\d-])",
)
LARGEST_INVOICES = _rx(
    r"\b(?:largest|biggest|highest|top|largest \d+|biggest \d+)(?: \d+)?(?: single| individual)?"
    r"(?:[- ]value|[- ]dollar| amount)? (?:open |unpaid"
    r" |outstanding |overdue |past due )?(?:(?:usd|cad|gbp|eur|euro|dollar|sterling|canadian) )?"
    r"(?:invoices?|bills?|docs?|documents?)\b",
    # "any whale invoices still open?"
    r"\bwhale (?:invoices?|items?|bills?|tickets?)\b",
    r"\binvoices? (?:with|have|has|carry|carrying) (?:the )?(?:largest|biggest|highest|greatest)"
    r"(?: open| outstanding| unpaid| remaining| total)? (?:balances?|amounts?|values?)\b"
    r"|\binvoices? (?:with the )?(?:largest|biggest|highest) (?:balances?|amounts?)\b",
    r"\b(?:largest|biggest|highest|top)(?: \d+)? (?:open |unpaid |outstanding |o ?s )?items?\b",
    # "single biggest receivable": one receivable is one invoice
    r"\b(?:largest|biggest|highest) (?:single |individual )?(?:open |unpaid |outstanding )?"
    r"receivable\b(?! (?:balances?|exposures?|amounts?|accounts?|customers?)\b)",
    # "which invoice is the biggest one still unpaid", "big ticket invoices"
    r"\binvoices?\b.{0,12}\b(?:is|are) the (?:biggest|largest|highest)\b"
    r"|\bbig[- ]ticket (?:invoices?|items?|bills?)\b"
    # session 11: "which invoices the biggest ah", "the biggest open ticket on the books", "high
    # value open invoices (largest ones)"
    r"|\binvoices? (?:are )?the (?:biggest|largest|highest)\b"
    r"|\b(?:biggest|largest) (?:open |unpaid |outstanding )?tickets?\b"
    r"|\bhigh[- ]value (?:open |unpaid |outstanding )?invoices\b",
    # said plainly: "the big invoices still open", "biggest single open items", "big tickets
    # still unpaid", "which single invoice has the most owing on it"
    r"\bbig (?:open |unpaid |outstanding )?(?:invoices|bills)\b"
    r"|\b(?:largest|biggest|highest) (?:single |individual )(?:open |unpaid |outstanding )?items?\b"
    r"|\bbig tickets\b.{0,12}\b(?:unpaid|open|outstanding)\b"
    r"|\b(?:which|what) (?:single |one )?invoice (?:has|carries|is carrying) (?:the )?(?:most"
    r"|largest|biggest|highest)\b",
    # session 14: invoices ranked ("open invoices ranked by balance", "which invoices should I
    # worry about by size", "invoices with the most money still on them"), invoices said against
    # customers ("invoice level not customer level", "not customers, invoices"), cut with ">"
    r"\binvoices? (?:ranked|sorted|ordered|listed) by\b"
    r"|\binvoices?\b.{0,40}\bby (?:size|amount|value|balance|dollar (?:amount|value)|\$"
    r"|outstanding|open (?:balance|amount))\b"
    r"|\binvoices? (?:with|that have|having|carrying|carry|have|has|hold|holding) (?:the )?most\b"
    r"|\binvoice[- ]level\b|\b(?:not|rather than|instead of) (?:by )?(?:customers?|accounts?"
    r"|debtors?)(?: level)?\W+(?:but |just |only )?invoices?\b"
    r"|\binvoices?\W+not (?:by )?(?:customers?|accounts?|debtors?)\b"
    r"|\binvoices?\b.{0,25}(?:>=?|≥)\s*(?:\$\s?\d|\d{1,3}(?:,\d{3})+|\d{4,}|\d+(?:\.\d+)?\s*[km]\b)",
    # invoices cut at an amount (money, never days): "open invoices above $50,000", "over 50k"
    r"\binvoices?\b.{0,25}\b(?:over|above|more than|greater than|exceeding|bigger than|larger"
    r" than)\s*(?:\$\s?\d[\d,.]*|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}|\d+(?:\.\d+)?\s*[km]\b)"
    r"(?!\s*(?:days?|d\b))",
)
UNAPPLIED_CASH = _rx(
    r"\bnot (?:fully|completely|yet fully) (?:applied|allocated)\b|"
    r"\bunapplied\b|\bon[- ]?account (?:cash|payments?|receipts?|money)\b|\bunallocated (?:cash"
    r"|payments?|receipts?|money|funds|amounts?|credits?)\b"
    r"|\bnot (?:yet |been |yet been |been yet )?(?:applied|allocated)\b"
    r"|\b(?:yet|still|waiting|left) to be (?:applied|allocated)\b|\bcash on account\b"
    # "cash we received but never applied"
    r"|\b(?:cash|money|payments?|funds|receipts?)\b.{0,30}\bnever (?:been |got |was |were )?"
    r"(?:applied|allocated|matched)\b"
    r"|\b(?:money|cash|funds|payments?|credits?) (?:is |are )?(?:sitting |left |parked |lying )?on"
    r" account\b"
    # Indian English: "unadjusted receipts", "receipts pending for adjustment"
    r"|\bunadjusted (?:cash|payments?|receipts?|amounts?|credits?|advances?)\b"
    # "money that's not knocked off against invoices", "sitting on account, not cleared against
    # anything", "on-account balances"
    r"|\bnot (?:been |yet )?(?:knocked off|cleared|matched|allocated|applied) (?:against|to)"
    r" (?:any(?:thing)?|invoices?|open items|bills?)\b|\bsitting on account\b"
    r"|\bon[- ]?account (?:balances?|amounts?|credits?)\b"
    # "how much is on account for them?", "a credit sitting on their account from a payment"
    r"|\bhow much (?:money |cash )?(?:is|have they got|do they have|does \w+ have) (?:sitting |left"
    r" |parked )?on account\b"
    r"|\bcredit (?:sitting|parked|left|lying) on (?:their|the|its|his|her) account\b"
    r"|\bpending (?:for )?adjustment\b"
    # "whether the $828.82 X check has been applied anywhere yet"
    r"|\b(?:has|have|was|were) (?:[\w$.,'-]+ ){0,6}(?:been )?applied (?:anywhere|to anything)\b",
    # "what's unallocated", "money that isn't matched to invoices"
    r"^\s*(?:what is |whats |anything |how much is )?(?:still )?unallocated\s*[?!.]*$"
    r"|\b(?:is not|isn't|not|never|has not|have not|haven't|havent)(?: yet)?(?: been)? matched to"
    r" (?:any |an |a |the )?(?:invoices?|bills?)\b",
)
DAYS_TO_PAY = _rx(
    r"\b(?:average|avg|mean|typical) (?:payment|paying) delays?\b"
    r"|\b(?:average|avg|mean) days late\b"
    # "are X getting slower at paying?"
    r"|\b(?:getting|got|gotten|become|becoming) (?:any )?(?:slower|faster|quicker|later) (?:at|in"
    r"|with) (?:paying|payment)\b",
    # "how many days on avg does fabrikam pay after invoice", "how long do they take to pay"
    r"\bhow (?:many days|long)\b.{0,30}\b(?:on avg|on average|average|avg|typically|usually"
    r"|normally|take to)\b.{0,30}\bpay\b",
    r"\b(?:slowest|fastest|quickest|latest) to pay\b"
    # "how long on average does X take past their due date"
    r"|\bhow long\b.{0,60}\btakes? (?:past|beyond|after|over) (?:their |the |its )?(?:due dates?"
    r"|terms)\b"
    r"|\bpays? (?:the )?(?:slowest|fastest|quickest|latest|late|slow|slowly|on time)\b"
    r"(?! (?:invoices?|payments?|bills?|items?|ones?)\b)"
    r"|\b(?:fastest|quickest|best|prompt"
    r"|slowest|worst) (?:paying )?(?:payers|customers to pay)\b|\bhow many days (?:late|beyond"
    r"|past|over)\b",
    r"\btakes? (?:the )?(?:longest|longer|most time|forever) to pay\b"
    r"|\b(?:furthest|farthest|most|longest|further) (?:days )?(?:beyond|past|over) (?:their |the )?"
    r"terms\b",
    r"\b(?:average |avg |mean )?days to pay\b|\bdays beyond terms\b|\bdbt\b"
    # "how slow are globex at paying", "avg time to pay for X"
    r"|\bhow (?:slow|quick|fast|prompt|late) (?:are|is) .{1,40}\b(?:at|in|with|about) paying\b"
    r"|\b(?:average|avg|mean|typical) time to pay\b"
    # "on avg how many days from invoice to cash", "invoice-to-cash days"
    r"|\b(?:days|how long|time) from invoice to (?:cash|payment|paid|pay|receipt)\b"
    r"|\binvoice[- ]to[- ]cash (?:days|time)\b"
    r"|\b(?:average|avg|mean) (?:payment|paying) (?:days|time|period)\b",
    r"\b(?:fastest|quickest|slowest|best|worst|prompt|promptest|late|slow)[- ]paying (?:customers"
    r"|accounts|clients|debtors)\b",
    r"\bhow (?:fast|quick|quickly|slowly|slow|long|late|promptly) (?:does|do|did) .{1,40}\b(?:pay"
    r"|payers?)\b",
    r"\b(?:pay(?:ment)?|paying) (?:speed|habits?|behaviou?r|pattern|track record|timeliness)\b",
    r"\bslowest (?:payers|customers|accounts)\b|\bhow late (?:does|do|is|are)\b",
    r"\bpays? (?:the )?(?:latest|slowest|late|slow)\b.{0,20}\bterms\b|\bslow payers?\b"
    r"|\bhow many days (?:does|do|did|will) .{1,40}\btakes? to pay\b|\btakes? to pay\b",
    r"\bhow (?:many days|long)\b.{0,50}\b(?:to pay|for paying|for payment|to settle"
    r"|(?:before|till|until) (?:paying|they pay|it pays|payment))\b"
    r"|\b(?:on|in) (?:the )?average\b.{0,30}\bdays\b|\bdays\b.{0,40}\b(?:on|in) (?:the )?average\b",
    r"\badp\b|\baverage days (?:to pay|taken to pay)\b"
    # session 11: "X usually pay how many days ah", "X pay how fast one", "typically late by how
    # many days", "how many days they take to clear invoices on avg"
    r"|\bpays? (?:in )?how many days\b|\bpays? how (?:fast|quick|quickly|slow|slowly|late)\b"
    r"|\blate by how many days\b|\btakes? to (?:clear|settle) (?:their |the |its )?(?:invoices?"
    r"|bills?)\b"
    # "which customer has paid until now the most late", "average collection period"
    r"|\b(?:paid|pays?|paying)\b(?: \w+){0,3} (?:the )?(?:most (?:late|slow|slowly)|latest"
    r"|slowest)\b(?! (?:invoices?|payments?|ones?|bills?|items?))"
    r"|\b(?:average|avg|mean) collection (?:period|days|time)\b"
    r"|\bpay(?:s|ing)? (?:beyond|after|past|outside|over) (?:their |the |its )?"
    r"(?:terms|due dates?)\b",
)
# The aging of the book, said in one word ("gimme the aging", "aged debt", "buckets") or as one
# standard bucket ("how much is 61-90", "the 31-60 bucket").
# The whole book's aging asked by name ("aged debtors report", "the aging buckets", "AR by age
# bucket", "how old is our debtors book", "the ledger aged", "current thru 120+"): read before the
# rankings and the cuts its words hold ("debtors", "90+"); of the whole book when no name is said
# or a word of the whole book is ("all", "our", "across", "debtors", "ledger")
AGED_BOOK = _rx(
    r"\bag(?:e)?d (?:trial balance|receivables|debtors?|debt|ar|a/r)\b|\bag(?:e)?ing buckets\b"
    r"|\bag(?:e)?ing snapshot\b|\bbucket totals\b",
    r"\bby (?:age|aging|ageing)(?: (?:buckets?|bands?|brackets?))?\b"
    r"|\bhow old is (?:our|the) (?:debtors?|ar|receivables|book|ledger|debtor book)\b"
    r"|\bhow old are (?:our|the|all (?:our|the)) (?:debtors|receivables|debts|open invoices)\b"
    r"|\bby days (?:outstanding|past due|overdue|late)\b",
    r"\bcurrent (?:thru|through|to|vs\.?|versus) (?:90|120)\+",
    r"\b(?:ledger|book|ar|receivables|debtors) aged\b",
)
AGED_BOOK_SCOPE = lazy(
    r"\b(?:all|everyone|everybody|our|whole|entire|overall|across|customers|accounts|debtors"
    r"|book|ledger|list|report|ar|receivables)\b"
)
AGING_WORD = lazy(
    r"\bag(?:e)?ing\b|\baged\b|\bbuckets\b|\bdebtor book\b"
    r"|(?<![\d/.-])(?:0|1|31|61|91)\s*-\s*(?:30|60|90|120)(?![\d/.-])(?!\s*(?:k\b|%))"
)
DEDUCTIONS_ONLY = lazy(r"\bdeductions?\b|\bshort[- ]?pa(?:y|ys|id|yments?)\b|\bchargebacks?\b")
DISPUTES = _rx(
    r"\bdisput\w*\b|\bcontest(?:ed|ing|s)?\b|\bin dispute\b|\bqueried\b|\b(?:in|under|on)"
    r" query\b|\bchallenged (?:invoices?|items?|amounts?)\b"
    # "invoices in litigation", "items under legal dispute"
    r"|\b(?:in|under|subject to) (?:litigation|legal (?:action|proceedings|dispute))\b"
    r"|\blitigated\b"
    # the UK's queries: "how many queries are open", "open queries", "queries outstanding"
    r"|\b(?:open|outstanding|unresolved|live|customer|pricing) quer(?:y|ies)\b"
    r"|\bquer(?:y|ies) (?:(?:are|is) )?(?:still )?(?:open|outstanding|unresolved|raised|logged"
    r"|in progress)\b"
    r"|\bhow many quer(?:y|ies)\b|\b(?:raised|logged|lodged|opened) (?:a |any )?quer(?:y|ies)\b"
    # "invoices customers are fighting us on", "pushing back on"
    r"|\b(?:fighting|arguing with|pushing back on) us (?:on|over|about)\b"
    r"|\b(?:invoices?|items?) (?:\w+ ){0,3}(?:fighting|arguing|pushing back) (?:on|over|about)\b"
    # "are any of my customers fighting an invoice", "fighting us over a bill"
    r"|\b(?:fighting|contesting|arguing over|pushing back on) (?:an? |any |the |their )?"
    r"(?:invoices?|bills?|charges?)\b"
    # "which customers are saying they don't owe us"
    r"|\b(?:saying|say|says|claim(?:s|ing)?|insist(?:s|ing)?) (?:that )?(?:they|it|he|she)"
    r" (?:do|does) not owe\b",
)
