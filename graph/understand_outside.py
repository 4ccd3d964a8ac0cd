"""Talk outside what arbot is for, never answered as something else: HR and pay, IT, AP (what
*we* owe), the weather, food, office life, expenses, the ERP's own users and screens, the
company's own standing and policy, a customer's people, arithmetic, a letter in another
language (``OUT_OF_SCOPE``); and a message that is only a greeting, thanks or small talk
(``CHATTER_ONLY``). Read on the normalized text (``graph.understand_vocab.normalize``)."""

from __future__ import annotations

import re

from graph.lazy_regex import lazy


def _rx(*alternatives: str) -> re.Pattern[str]:
    return lazy("|".join(f"(?:{a})" for a in alternatives))


_LANGUAGE = r"(?:french|german|spanish|italian|dutch|portuguese|polish|chinese|japanese|hindi)"

# Clear out-of-scope talk: HR, IT, AP (what *we* owe), weather, food, office life, games.
OUT_OF_SCOPE = _rx(
    # HR and pay of employees
    r"\b(?:pto|vacation|sick (?:day|leave)|payroll|pay ?checks?|pay ?slips?|pay ?stubs?"
    r"|salary|salaries|401k|w-?2|expense reports?|reimburse\w*|timesheets?|time off"
    r"|parental leave|open enrollment)\b",
    # leave: "who is on leave tomorrow", "my annual leave", "leave requests"
    r"\b(?:on|taking|take|took|annual|sick|maternity|paternity|casual|medical|study) leave\b"
    r"|\bleave (?:requests?|applications?|balances?|days|polic(?:y|ies)|calendar|tracker)\b",
    r"\bdid i get paid\b|\bdirect deposit\b|\bmy (?:pay|raise|bonus|benefits|manager"
    r"|tax forms?|insurance|pension)\b",
    # IT
    r"\b(?:vpn|passwords?|wi-?fi|laptop|toner|login issue|2fa|mfa|it ticket|helpdesk"
    r"|help desk)\b",
    r"\b(?:printer|monitor|keyboard|mouse|computer|pc|phone|teams|zoom|outlook|email|screen)\b"
    r".{0,30}\b(?:broken|not working|will not|keeps|jam\w*|offline|crash\w*|frozen|dead"
    r"|turn on|reset|dropping|down)\b",
    # the office itself: "is the aircon broken"
    r"\b(?:aircon|air con|air conditioning|air conditioner|heating|thermostat)\b",
    # AP: our own bills and vendors; "pay X's invoice for us" (arbot pays no one)
    r"^\s*(?:(?:please|pls|can you|could you)\s+)*pay (?!(?:date|run|terms|history|status)\b)"
    r"(?:[\w&.'-]+ ){0,3}?(?:invoices?|bills?)(?: for (?:us|me))?\s*[.!]*$",
    r"\b(?:vendors?|suppliers?|accounts payable|ap aging|ap invoices?|ap balance|our ap"
    r"|purchase requisitions?)\b(?! portal)",
    r"\b(?:will|do|did|should|can|have|when) we (?:pay|owe)\b|\bwe owe\b"
    r"|\bpay ?runs?\b|\bpayment runs?\b|\bsales (?:forecast|pipeline|targets?|budget|quota)s?\b"
    r"|\brevenue (?:forecast|budget|target)s?\b",
    # the company's own bills: "are we due to pay the electricity bill", "the office rent"
    r"\b(?:are|were|is|am) (?:we|i) (?:due|supposed|meant|going) to pay\b"
    r"|\b(?:electricity|electric|power|utility|utilities|gas|(?<!clear )water|phone|mobile"
    r"|internet|broadband|telephone|rent|insurance|fuel|courier) (?:bills?|invoices?|payments?)\b"
    r"|\boffice rent\b",
    # indirect tax: "the GST on an invoice of 5000", "file the VAT return", "TDS deducted"
    r"\b(?:gst|hst|pst|vat|tds|sales tax|withholding tax|indirect tax)\b"
    r"(?! (?:invoices?|number|registration no))"
    r"|\b(?:file|filing|calculate|compute|work out)\b.{0,20}\b(?:tax(?:es)?|returns?)\b",
    # the world at large
    r"\bweather\b|\btemperature\b|\b(?:will|is) it (?:going to )?(?:rain|snow)\b"
    r"|\bforecast for the weekend\b|\bforecast\b.{0,24}\b(?:rain|snow|sunny)\b",
    r"\b(?:lunch|dinner|breakfast|cafeteria|canteen|vending machine)\b",
    r"\b(?:get|grab|order|bring|bringing|brought|want|eat|eating|having|some) (?:some |the )?"
    r"(?:coffee|pizza|donuts?|doughnuts?|cake|snacks?|bagels?)\b",
    # general knowledge
    r"\b(?:capital|population|president|prime minister|ceo) of\b|\bmeaning of life\b"
    r"|\bwho (?:invented|wrote|discovered|painted)\b"
    # "… o s and how old is it": the age of what is owed, not general knowledge
    r"|\bhow (?:tall|old|far away) is\b(?! (?:it|that|this)\b)(?!.{0,40}\b(?:invoices?|items?"
    r"|balances?|debts?|debtors?|ledger|book|ar|receivables"
    r"|payments?))",
    r"\b(?:jokes?|poems?|songs?|riddles?|haiku|translate|translation|recipes?|movies?"
    r"|football|footy|soccer|rugby|cricket|tennis|basketball|baseball|nba|nfl|nhl|mlb|afl|nrl"
    r"|horoscope)\b|\btell me a story\b"
    r"|\b(?:the|a|video|board) games?\b",
    r"\b(?:all[- ]hands|town ?hall|book (?:a|the) (?:room|meeting)|meeting rooms?"
    r"|conference rooms?|conf rooms?|calendar invite)\b"
    r"|\bbook (?:a|the) (?:\w+ )?(?:conf|conference|meeting|board) ?rooms?\b",
    r"\b(?:office|building) (?:is )?(?:closed|open|hours)\b|\bis the office\b|\bparking\b",
    # the company's own bank reconciled: "reconcile the bank for november"
    r"\breconcil\w* (?:the |our |my )?bank\b",
    r"\bbank (?:account )?balances?\b|(?<!unapplied )(?<!unallocated )\bcash balances?\b"
    # the company's balance sheet; not an AR figure said to go on it ("the unapplied cash … nets
    # against AR on the balance sheet", "what goes on the balance sheet for receivables")
    r"|^(?!.*\b(?:receivables?|a/?r|debtors?|unapplied|unallocated|ageing|aging|dso)\b)"
    r".*(?<!for the )(?<!for our )(?<!for )\bbalance sheet\b(?! (?:tie-?outs?|recs?|recon\w*))"
    r"|\b(?:p&l|p and l|ebitda|gross margin|income statement|profit and loss)\b",
    # the company's own accounts, not a customer's statement
    r"\b(?:cash ?flows?|financial|audited|earnings|equity|vat|tax|expense) statements?\b"
    r"|\bstatements? of (?:cash ?flows?|financial position|comprehensive income|changes in equity"
    r"|retained earnings|operations)\b",
    r"\b(?:exchange|fx|conversion) rates?\b"
    r"|\b(?:usd|eur|gbp|cad|jpy|chf|aud|mxn|cny|inr) ?(?:/|to|-)? ?(?:usd|eur|gbp|cad|jpy|chf"
    r"|aud|mxn|cny|inr)\b"
    r"|\bstock price\b|\bbitcoin\b|\bcrypto\b",
    r"\bremind me\b(?! (?:what|how|who|whose|which|when|where|whether|if)\b)"
    r"|\bcall (?:my )?(?:mom|dad|wife|husband)\b",
    r"\bare you (?:chatgpt|gpt|an? (?:ai|bot|robot|human|person|llm|real person)|human|real"
    r"|sentient|alive)\b|\bwhat (?:llm|model|ai) are you\b|\bwho (?:made|built|created"
    r"|trained) (?:you|this)\b",
    r"\bwho (?:is|are) (?:the |our )?(?:ceo|cfo|coo|cto|controller|boss|president|head of)\b",
    # arithmetic
    r"\b(?:what is|calculate|compute|how much is)\s+"
    r"(?!(?:0|1|31|61|91)\s*-\s*(?:30|60|90|120)\b)\$?\d[\d.,]*\s*(?:%\s*of|[-+*/x\u00d7^]"
    r"|plus|minus|times|divided by)\s*\$?\d",
    # the office and its people: "who's in the office tomorrow in Leeds?", "what time is the AR
    # team meeting on Tuesday?"
    r"\b(?:who(?:'s| is| are)?|is (?:anyone|anybody)|anyone|anybody) (?:in|at|out of|working"
    r" from) (?:the )?(?:office|home|wfh)\b"
    r"|\bwhat time is (?:the|our|my)\b.{0,30}\b(?:meeting|stand-?up|huddle|sync|1:1|catch-?up)\b"
    r"|\b(?:team|staff) meeting\b.{0,30}\b(?:calendar|invite|time|when|moved|room)\b",
    # expenses: "how do I claim mileage"
    r"\bmileage\b|\bexpenses? claims?\b|\bclaim (?:my |back )?expenses\b",
    # the ERP's own users and screens: "add a new user to the ERP", "column widths in the ERP
    # aging screen", "the FSCM module from the Fiori launchpad"
    r"\b(?:new user|user accounts?|user access|logins?|log-?ins?)\b.{0,40}\b(?:erp|sap|oracle"
    r"|netsuite|system)\b|\b(?:erp|sap|oracle|netsuite)\b.{0,30}\b(?:new user|logins?|log-?ins?)\b"
    r"|\bcolumn widths?\b|\bfiori\b|\blaunchpad\b",
    # pay of the company's own people: "recalculate the commission for the sales reps"
    r"\bcommissions?\b.{0,40}\b(?:reps?|sales ?people|salespeople|sales team|staff)\b"
    r"|\b(?:reps?'?|sales) commissions?\b",
    # the company's own standing and bank: "our own company's credit rating with the bank",
    # "the bank account details we give customers for wires"
    r"\b(?:our|our own|the company's|our company's)(?: own)?(?: company's)? credit (?:rating"
    r"|score)\b|\b(?:our )?bank (?:account )?details\b|\b(?:remit-?to|wiring|wire) instructions\b",
    # a customer's people: "who's the account manager for Falcon at their end"
    r"\bwho(?:'s| is) (?:the|their) (?:ar |ap |main |billing |finance )?(?:contact|account"
    r" manager|person)\b(?!.{0,20}\bcollector\b)",
    # a customer going under, and what to do: "X is going bankrupt … what's the process?"
    r"\b(?:bankrupt\w*|insolven\w*|liquidat\w*|receivership)\b.{0,80}\b(?:process|procedure"
    r"|who do (?:i|we) (?:tell|inform|notify)|what do (?:i|we) do)\b",
    # thanks alone, said warmly: "thanks so much for all your help today!! you're a lifesaver"
    r"^(?:thanks|thank you|ty|cheers)(?: so much| a lot| very much| again)?(?: for (?:all )?"
    r"(?:your|the) help(?: today)?)?[\s!.,]*(?:you(?:'re| are) (?:a |the )?(?:lifesaver|star"
    r"|legend|best|amazing|great)[\s!.]*)?$",
    # a remark with a laugh or a sigh, asking nothing: "lol that's the third time Northwind
    # have said the cheque's in the post", "honestly if Tate pay on time I'll eat my hat"
    r"^(?:lol|lmao|haha|ugh|sigh)\b(?![^?]*\b(?:what|how|which|who|show|list|pull|give|send"
    r"|put|apply|write)\b)[^?]*$|\b(?:i'll|i will) eat my hat\b",
    # the company's own policy asked: "is there a policy?", "what's the policy" (arbot holds
    # only its own approval rules: "how do approvals work" is help)
    r"\b(?:what(?:'s| is| are) (?:the|our)|is there (?:a|any)|do we have (?:a|any))"
    r"(?: [\w-]+){0,3} polic(?:y|ies)\b(?!.{0,20}\b(?:in|for|of|on) arbot\b)",
    # a letter in another language: "write the dunning letter text in French"
    rf"\b(?:write|draft|compose|prepare|send|translate)\b.{{0,50}}\bin {_LANGUAGE}(?: language)?\b",
)

# A message that is only a greeting, thanks or small talk.
CHATTER_ONLY = lazy(
    r"^(?:(?:hi|hey|hello|yo|hiya|good (?:morning|afternoon|evening|night)|morning|gm|thanks"
    r"|hallo|moin|servus|guten (?:morgen|tag|abend)|danke|zusammen"
    r"|thank you|thanks a lot|many thanks|cheers|lol|haha|ok|okay|cool|great|nice|awesome"
    r"|perfect|got it|bye|see you|have a good (?:one|day|weekend)|how are you(?: today)?"
    r"|how is it going|what is up|sup|you there|are you there|team|all|everyone|again"
    r"|arbot)[\s!.,?:)(]*)+$"
)
