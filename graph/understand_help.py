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
CAPABILITY = lazy(f"{_CAPABILITY}|{_ABLE}|.*(?:{_HOW_IT_WOULD_GO})")
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
    r"\b(?:when|if) i ask (?:you|arbot)\b|\bwhat happens (?:when|if) i\b",
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
