"""How people ask how to use arbot (``help``), read on the normalized text
(``graph.understand_vocab.normalize``): what it can do, how to ask, who may approve what."""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


# --- how to use arbot -------------------------------------------------------------------------
# what arbot can do, of no one in particular: "can you send dunning letters?"
_CAPABILITY = (
    r"^(?:can|could|do|does|will) (?:you|arbot|the bot|it) (?:also )?(?:send|write|draft|email"
    r"|do|handle|make|put|apply|release|record|log|raise|set|change|open|create)(?: out)?"
    r"(?: (?:dunning|reminders?|statements?|letters?|notes?|write-?offs?|holds?|limits?|notices?"
    r"|e-?mails?|promises?|disputes?|invoices?|credit|payment|terms|plans?|changes))+\s*[?]*$"
)
# "sorry, new here - where would I see the remittances from X?": a newcomer's lead-in before a
# question about the book is no request for help
_NOTHING_ASKED = (
    r"(?!.*\b(?:where|what|show|see|pull|find)\b.{0,40}\b(?:remittances?|payments?|balances?"
    r"|invoices?|aging|ageing|statements?|receipts?|disputes?|deductions?)\b.{0,10}\b(?:from|for"
    r"|of|on) (?!(?:a|an|the|any|one|my|our|each|every|all) )\w)"
)
# "are you able to raise invoices from sales orders?": the same, asked of arbot's ability
_ABLE = (
    r"^(?:are|is) (?:you|u|arbot|the bot) (?:able|allowed|capable|permitted) (?:to|of) \w+"
    r"(?: (?:dunning|reminders?|statements?|letters?|notes?|write-?offs?|holds?|limits?|notices?"
    r"|e-?mails?|promises?|disputes?|invoices?|credit|payments?|terms|plans?|changes|cash))+"
    r"(?: (?:from|for|on|against|to) (?:sales )?(?:orders?|customers?|invoices?|accounts?"
    r"|payments?))?\s*[?]*$"
)
# How arbot would take a change, asked without asking for it: "what would I type to put a
# customer on hold", "could you write off small balances if I asked you to?", "if I asked you to
# apply a payment, would it need approval?", "do I need approval to add a note?", "or does that
# have to be done in the ERP?", "when you 'propose' a write-off, does it post anything?"
_HOW_IT_WOULD_GO = (
    # ("what would I type to see the 90+ accounts" asks for them: the question is answered)
    r"\bwhat (?:would|should|do|must) (?:i|we) (?:type|say|write|enter)\b(?! to (?:see|get"
    r"|show|find|view|look|list|check|pull|know)\b)"
    r"|\b(?:right|best|correct|proper) way to (?:ask|get|tell) (?:you|arbot|the bot)\b"
    r"|\bhow (?:would|could|should|do|can) (?:i|we) go about\b.{1,60}\b(?:through|with|via"
    r"|using) (?:you|arbot|the bot)\b"
    r"|\b(?:when|if) (?:i|we) (?:ask|asked|want|wanted|were to ask) (?:you|arbot|the bot) to\b"
    r"|\bif (?:i|we) (?:asked|ask)(?: (?:you|arbot))?(?: to)?\s*(?:[?.!]|$)"
    r"|\bor (?:do|does|would|will|must) (?:that|it|this|i|we) (?:have|has|need|needs) to\b"
    r".{0,40}\b(?:erp|sap|netsuite|system|manually|by hand|myself)\b"
    r"|\b(?:outside|beyond) (?:of )?what (?:you|arbot|the bot) (?:do|does|can do)\b"
    r"|\bin terms of what (?:you|arbot|the bot) (?:do|does|can)\b"
    r"|^(?:in theory|theoretically|hypothetically),? (?:could|can|would) (?:you|arbot)\b"
    r"|\b(?:do|does|would|will) (?:i|we|it|that) (?:need|require) (?:an |any |your |a )?"
    r"(?:approval|sign-?off)\b(?: to\b)?.{0,40}\bor (?:can|could|would|do|does|need)\b"
    r"|\b(?:need|needs|require|requires) (?:an |any )?approvals? or (?:can|could|is)\b"
    r"|\bgo straight through or\b"
    r"|\bwho (?:has|have|needs|need) to approve\b|\b(?:which|what) roles? (?:can|may|are"
    r" allowed to) approve\b"
    r"|\bthreshold\b.{0,20}\bbefore (?:it|they) (?:needs?|requires?|goes? to)\b"
    r"|\byou\b.{0,60}\bhow (?:does|do|would) (?:that|this|it) work\b"
    r"|\bexplain how\b.{0,40}\b(?:gets?|is|are) (?:sent|posted|approved|applied|created"
    r"|recorded|done)\b"
    r"|\bwhen you (?:'|\")?propose\b|\bdoes (?:it|that|this) (?:actually |really )?(?:post"
    r"|change|send) anything\b"
    r"|\baudit trail of what (?:you|arbot)\b"
    r"|\b(?:when|if|once) (?:we|i|you) \w+ (?:someone|somebody|a customer|an account|a client)"
    r"\b.{0,30}\bdoes (?:that|it|this)\b"
    # "can you send reminders or not? how"
    r"|^(?:can|could) (?:you|u|arbot) .{1,40}\bor not\b\W{0,3}how\b"
    # session 12: "can you send statements? how do I ask", "how would I set X to 14 days", "do I
    # need approval to change a customer's terms?", "who's supposed to approve terms changes",
    # "is there a way to ask you for …", "can you explain what you do with limit changes", "am I
    # allowed to write off small balances myself", "do I have permission to add notes"
    r"|\bhow (?:do|can|should|would) (?:i|we) ask\s*[?!.]*$"
    r"|\bhow (?:would|do|could|can|should) (?:i|we) (?:set|move|put|change|switch) [\w&.' -]{1,40}?"
    r" (?:to|on|onto) (?:net ?)?\d{1,3}(?: days?)?\s*[?!.]*$"
    r"|\b(?:do|does|would|will) (?:i|we|it|that|this) (?:need|require) (?:an? |any |your )?"
    r"(?:approval|sign-?off"
    r"|permission) (?:to|for)\b"
    r"|\bwho(?: is)? (?:supposed|meant|expected) to approve\b"
    r"|\b(?:is there a|what is the|any) way to (?:ask|get|tell) (?:you|arbot|the bot)\b"
    r"|\bexplain what (?:you|arbot|the bot) (?:do|does)\b"
    r"|^(?:\W*(?:hi|hello|hey)\W+)?(?:am i|are we) (?:allowed|permitted|authori[sz]ed) to\b"
    r"|\bdo (?:i|we) have (?:the )?permission to\b"
)
# session 15: how a change goes in arbot, asked of no change in particular: "how do I w/o a short
# pay here", "how to log a PTP", "how would I go about changing someone's terms", "how does one
# request a credit limit change", "can notes be edited after they are saved?", "where do call
# notes go", "is there a way to preview a statement", "does arbot do invoicing or is that erp
# only?", "can the bot keep call notes … or is that CRM only?", "can you even mark invoices
# disputed? how", "what happens to a sales order when a customer is placed on hold", "… or the
# system will stop it?"
_CHANGE = (
    r"(?:w/o|writ(?:e|ing)[- ]?off|writeoff|send|log|record|register|flag|mark|chang(?:e|ing)"
    r"|rais(?:e|ing)|open|apply|hold|releas(?:e|ing)|creat(?:e|ing)|add|not(?:e|ing)|set|enter"
    r"|put|disput(?:e|ing)|edit|request|remind|get (?:an? |the )?(?:order|customer|account|so)"
    r" off)"
)
# not another tool's how-to ("how do I set up a new customer in Xero", "add a new user to the
# ERP") nor leave ("how do I apply for annual leave")
_NOT_ELSEWHERE = (
    r"(?! (?:for|up)\b)(?!.{0,60}\b(?:in|on|into|with|from|to) (?:quickbooks|qb|qbo|xero|sap"
    r"|netsuite|excel|sage|oracle|fiori|dynamics|workday|the erp|our erp)\b)"
)
_HOW_TO = (
    rf"\bhow (?:do|can|should|would|could|does) (?:i|we|one) (?:go about |actually )?{_CHANGE}"
    rf"(?:s|ing|ed)?\b(?! (?:the|their|its|his|her|that|this|those|these) ){_NOT_ELSEWHERE}"
    rf"|(?:^|[-:;,.?!]\s*|\bsorry[^a-z]+|\bq\W+)how to {_CHANGE}\b{_NOT_ELSEWHERE}"
    r"|\bhow (?:do|can|should|would) (?:i|we) (?!do (?:that|it|this)\b).{1,60}\b(?:with|using|via"
    r"|through|thru|in|from)"
    r" (?:you|arbot|this bot|the bot|here)\b(?:\s*[?!.,;]|\s*$)"
    r"|^\W*(?:can|could|may) (?:the )?(?:call )?(?:notes?|statements?|reminders?|promises?|ptps?"
    r"|disputes?|write-?offs?|approvals?|proposals?) be (?:edited|changed|deleted|sent|previewed"
    r"|undone|reversed|cancelled|canceled|corrected|amended|attached)\b"
    r"|\bis there a way to \w+ (?:a |an |the )?(?:statements?|reminders?|notes?|letters?|dunning"
    r"|proposals?|promises?|disputes?)\b"
    r"|\bwhere do (?:the |my |our )?(?:call )?(?:notes|promises|ptps|disputes|proposals|reminders"
    r"|statements)(?: \w+){0,2} (?:go|show|appear|live|end up)\b"
    r"|\bwhere do (?:[\w-]+ ){1,2}get (?:logged|recorded|saved|stored|tracked)\b"
    r"|^\W*(?:call )?(?:notes|promises|ptps|disputes)\W+where do (?:they|those|these) (?:go|show"
    r"|appear|live|end up)\b"
    r"|\bor (?:is|are) (?:that|those|it|this) (?:in )?(?:the )?(?:erp|crm|sap|netsuite) only\b"
    r"|^(?:are|is) (?:you|u|arbot|the bot) (?:able|allowed) to \w+ .{0,40}\bor (?:just|only)\b"
    r"|^(?:can|could) (?:you|u|arbot|the bot) (?:even |actually |also )?\w+ .{0,40}\?\s*how\b"
    r"|\bcan (?:those|these|they|that|it) go (?:through|thru|via) (?:you|arbot|the bot)\b"
    r"|\bor do (?:i|we) (?:have|need) to ask (?:you |arbot )?(?:each|every) time\b"
    r"|\b(?:proper|right|best|correct) way to (?:get|put|enter|log|record)\b.{0,30}\b(?:into|in)"
    r" (?:arbot|the bot|you|here)\b"
    r"|\b(?:in|under) (?:the )?(?:policy|rules) of (?:arbot|the bot)\b"
    r"|\bdoes (?:that|it|this) need (?:the |a |an )?(?:controller|manager|cfo|fm|finance manager"
    r"|credit manager|approver)\b"
    r"|\bwhat happens to (?:a|an|the) (?:sales order|order|invoice|statement|reminder|note)s?"
    r" (?:when|if) (?:a|an|the) (?:customer|account|client)\b"
    r"|\bwhat happens (?:to|with) (?:the )?(?:dunning|reminders|statements)\b"
    r"|\bor (?:will )?the system (?:will )?(?:stop|block|prevent|know|knows|do) (?:it|that|this"
    r"|them|alone)\b"
    r"|\b(?:not sure|unsure) (?:if |whether )?(?:we|i|you) can (?:do (?:it|that|this) )?(?:from"
    r" here|in here|with (?:you|arbot)|through (?:you|arbot))\b"
    r"|\b(?:can|does|do|could) (?:arbot|the bot) (?:even |also |actually )?do (?:a |an )?"
    r"(?:statements?|reminders?|dunning|invoic\w+|notes?|write-?offs?|disputes?)\b"
    r"|\bhow does (?:that|this|it) work (?:with|in|on|via) (?:you|arbot|the bot|here)\b"
    r"|\b(?:the )?(?:process|procedure|workflow|steps) (?:for|to) \w+(?:ing)?\b.{0,60}\b(?:via"
    r"|through|thru|with|in|using) (?:arbot|you|the bot|here)\b"
    r"|\bhow (?:the )?[\w-]+ (?:feature|function(?:ality)?|module) works?\b"
    r"|\bhow (?:are|is) [\w-]+ (?:tracked|handled|logged|recorded|stored|kept) (?:in here|here"
    r"|in arbot|by you|by arbot)\b"
)
CAPABILITY = lazy(f"{_CAPABILITY}|{_ABLE}|.*(?:{_HOW_IT_WOULD_GO}|{_HOW_TO})")
HELP = _rx(
    r"^\s*(?:help|\?+|commands|usage|menu|examples|halp|help me|can you help(?: me)?"
    r"|getting started|how to use|instructions|manual|docs)(?:,? please)?\s*[?!.]*\s*$",
    r"\bwhat (?:all )?(?:can|could|do|does) (?:you|arbot|this bot|the bot|it) do\b",
    r"\bwhat (?:are|is) (?:you|arbot|this bot) (?:able to|capable of|good for|for)\b",
    r"\bwhat (?:kinds?|sorts?|types?) of (?:questions|things|stuff|requests|reports|commands)\b",
    r"\bwhat (?:questions|things|stuff|reports|requests|commands) (?:can|could|do|should)"
    r" (?:i|we|you)\b",
    r"\bwhat (?:can|should|do) (?:i|we) ask\b",
    r"\b(?:list|set) of commands\b|\b(?:available|supported) commands\b|\bwhich commands\b",
    r"\bhow (?:does|do) (?:this|it|the bot|arbot|you|this bot|this thing) work\b",
    # "can you explain how the collections priority is calculated?": how arbot works it out
    r"\bexplain how (?:the |your |you |arbot )?(?:[\w-]+ ){0,3}(?:is|are|gets?) (?:calculated"
    r"|computed|worked out|ranked|scored|decided|prioriti[sz]ed|determined|chosen|built)\b",
    r"\bhow (?:do|can|should) (?:i|we) (?:use|talk to|work with|start)\b"
    r"(?! (?:the )?(?:credit|cash))",
    r"\bhow (?:do|can|should) (?:i|we) ask\b",
    r"\bhow (?:would|could) (?:i|we) ask (?:you|arbot|the bot)\b",  # "how would I ask you to w/o …"
    # how arbot's own steps work: "how does the approval flow work", "how do proposals work here"
    r"\bhow (?:do|does|will|would) (?:the |your )?(?:approvals?|approval (?:process|flow|steps?)"
    r"|proposals?|sign-?offs?)\b.{0,20}\bwork\b"
    r"|\bhow (?:do|does) .{1,30}\bwork (?:with|in|on|via) (?:you|arbot|this bot|the bot|here)\b",
    # "how do I put a customer on hold?": how to do something, said of no one in particular
    r"\bhow (?:do|can|would|should) (?:i|we|you) (?:\w+ ){1,2}(?:a|an|any|some) (?:customer"
    r"|account|invoice|deduction|payment|note|reminder|order|sales order|credit limit|limit"
    r"|hold|write-?off|report|something|promise|promise to pay|ptp|dispute|statement|call)\b",
    r"\bhow (?:do|can|should) (?:i|we) .{1,60}\b(?:with|using|via|through|in|from)"
    r" (?:you|arbot|this bot|the bot|this)\s*[?!.]*$",
    r"\b(?:show|give|send) (?:me )?(?:some |a few )?(?:examples|sample questions"
    r"|sample requests)\b",
    r"\b(?:example|sample) (?:questions|requests|prompts)\b",
    r"\bwhat are (?:your|the bot's|arbot's) (?:features|capabilities|commands|skills)\b",
    r"\b(?:your|arbot's|the bot's) (?:features|capabilities)\b",
    # (not "what happens if I put X on hold, SO-1005 stays blocked?": that order's credit)
    r"\b(?:when|if) i ask (?:you|arbot)\b|\bwhat happens (?:when|if) i\b(?!.*\bso-?\d)",
    r"\bwhat (?:questions|commands|reports|options|features) (?:are there|exist|do you (?:have"
    r"|know|support|understand|offer))\b",
    rf"\b(?:i'?m|i am) new\b{_NOTHING_ASKED}"
    r"|\bwhere (?:do|should|can|shall) (?:i|we) (?:start|begin)\s*[?!.]*$"
    r"|\bhow do (?:i|we) (?:get started|start|begin)\s*[?!.]*$",
    # "I have newly joined the AR team. Kindly guide me on what queries I can raise with you."
    r"\b(?:newly|just|recently) joined\b|\bguide me\b.{0,30}\b(?:queries|questions|requests)\b"
    r"|\bwhat (?:queries|questions|requests) (?:can|could|should|may) (?:i|we) (?:raise|ask|put)\b",
    rf"\bnew here\b{_NOTHING_ASKED}|\bfirst time using\b|\bwho are you\b|\bwhat are you\s*[?!.]*$"
    r"|\bwhat is arbot\b",
    _CAPABILITY,
    _ABLE,
    _HOW_IT_WOULD_GO,
    _HOW_TO,
    # how to ask: "how do I get you to write off a short pay?", "what's the syntax to put a
    # customer on hold", "which words I must use?", "what do you need from me to record a …"
    r"\bhow (?:do|can|would) (?:i|we) (?:get|make|have) (?:you|arbot|the bot) (?:to )?\w+",
    r"\b(?:syntax|wording|phrasing|command|format) (?:to|for|i use to)\b"
    r"|\bwhich words (?:do |should |must )?(?:i|we)\b|\bwhat (?:words|do i (?:type|say|write))"
    r" (?:do |should |must )?(?:i )?(?:use|to)\b",
    r"\bwhat (?:do|would) you need (?:from (?:me|us) )?to\b",
    # non-native word order: "How I can change a credit limit with you?"
    r"\bhow (?:i|we) (?:can|could|should|do|must) .{1,60}\b(?:with|using|via|through|in|from)"
    r" (?:you|arbot|this bot|the bot)\b",
    # what arbot can do, asked of no one: "can u apply cash or only look it up?", "are you able
    # to raise invoices from sales orders?"
    r"^(?:can|could) (?:you|u|arbot) \w+(?: \w+){0,2} or (?:only|just)\b",
    # "do my change requests need someone else to approve them?"
    r"\b(?:my|our|the) (?:change )?requests?\b.{0,30}\b(?:approv\w*|sign-?off)\b"
    r"|\bapprov\w* (?:\w+ ){0,2}(?:my|our) (?:change )?requests?\b"
    r"|\b(?:need|needs|must|has to|have to) (?:someone|somebody|another person|a second person"
    r"|a colleague)(?: else)? to approve\b"
    r"|\b(?:someone|somebody|another person|a second person|a colleague)(?: else)? (?:need|needs"
    r"|must|has|have)(?: to)? approve\b",
    # who may approve what, and how arbot's steps go: "who is allowed to approve a write-off"
    r"\bwho (?:is|are) (?:allowed|able|authori[sz]ed|permitted|entitled) to approve\b"
    r"|\bwho (?:can|may|should|must) approve\b"
    r"|\b(?:what is|whats) the (?:process|procedure|workflow) (?:to|for)\b",
    # session 11: "what commands are supported?", "what commands got", "pls guide how to use this
    # bot for cash app", "how to apply payment using arbot", "how i ask for customer SOA ah",
    # "can you send reminders or not? how", "can reps request write-offs through arbot or only AR?"
    r"\bwhat commands (?:are |do you )?(?:supported|available|got|there|have|you have)\b"
    r"|\bcommands (?:are )?(?:supported|available)\b"
    r"|\bhow to (?:use|talk to|work with) (?:you|arbot|this bot|the bot|this)\b"
    r"|\bhow to .{1,60}\b(?:with|using|via|through|in|from) (?:you|arbot|this bot|the bot)\b"
    r"|\bhow (?:i|we|to) ask (?:you |arbot |the bot )?(?:for|about)\b"
    r"|\b(?:through|via|with|in|using) (?:arbot|you|the bot)\b.{0,6}\bor (?:only|just)\b",
    # who may approve what, said another way: "what is the approval limit for SME?", "would
    # writing off X need controller approval?", "need approval from who?", "what is the limit for
    # write off that a collector can do on their own", "is there a setting"
    r"\bapproval (?:limits?|thresholds?|matrix|authority)\b"
    r"|\b(?:need|needs|require|requires) (?:an? |any )?(?:controller|manager|fm|finance manager"
    r"|cfo|second|separate|extra|higher) approval\b"
    r"|\bapproval from (?:who|whom)\b|\bneed approval for\b.{0,30}\?"
    r"|\blimit for (?:a )?write[- ]?offs?\b.{0,30}\b(?:can|may)\b"
    r"|\bwrite[- ]?off (?:limit|authority|threshold)s? (?:for|of) (?:a |the )?(?:collector|sme"
    r"|clerk|specialist|analyst|me|us)\b"
    r"|\bis there a setting\b|\bbelow (?:the )?tolerance\b.{0,20}\bautomatically\b"
    r"|\bis (?:that|this|it) even possible\b"
    r"|\b(?:log|record|enter|put)\b.{1,40}\bas (?:a )?(?:note|ptp|promise) or (?:a )?(?:note|ptp"
    r"|promise)\b",
)
# not how to do something in another tool ("how do I do a credit memo in quickbooks") or how to
# get somewhere ("how do I get to the office from the airport"): not arbot's help
HELP_WEAK = lazy(
    r"\bhelp\b|\bwhat can you\b|\bhow do i\b(?! get to\b)(?!.{0,60}\b(?:in|on|into|with|from)"
    r" (?:quickbooks|qb|qbo|xero|sap|netsuite|excel|sage|oracle|fiori|dynamics|the erp|our erp)\b)"
)
