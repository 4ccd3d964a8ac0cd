"""More of what arbot never answers as something else (``graph.understand_scope`` joins these to
its own): office life, expenses, the ERP's own set-up, the company's own standing, people at a
customer and thanks alone (out of scope); and changes arbot has no action for — insurance cover,
rebates, tolerance groups, a dunning run, a reclass, a recalled e-mail, a goodwill discount,
a collections agency file, copies of every reminder, a change to every customer at once."""

from __future__ import annotations

_LANGUAGE = r"(?:french|german|spanish|italian|dutch|portuguese|polish|chinese|japanese|hindi)"

OUT_OF_SCOPE_MORE = (
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

RECORDS_MORE = (
    # what went out, asked after: "have we sent Abbott a statement this month?", "how did the
    # reminder to Mariner go, did they come back?"
    r"^(?:have|has) (?:we|you|i|anyone|anybody|someone|somebody)(?: already| ever| actually)?"
    r" (?:sent|e-?mailed|called|rung|phoned|reminded|contacted|chased)\b",
    r"\bhow did (?:the|my|our|that|your) (?:reminders?|chasers?|dunning(?: letters?)?"
    r"|statements?|calls?|e-?mails?)\b.{0,40}\bgo\b",
)

TERMS_MORE = (
    # paid in parts: "want to pay in 3 chunks, set that up as a plan"
    r"\bpay (?:it |this |that |the balance )?in (?:\d+|two|three|four|five|six) (?:chunks|parts"
    r"|lots|goes|payments|tranches|bits|instal(?:l)?ments)\b",
)

OTHER_CHANGE_MORE = (
    # a customer's access to a web portal: "block the customer from the online ordering portal"
    r"\b(?:block|unblock|lock|unlock|disable|enable|suspend|remove|revoke|grant|give)\b.{0,40}"
    r"\b(?:portal|website|web ?shop|online (?:ordering|store|shop|account))\b",
    # credit insurance: "put insurance cover on Tate with Euler Hermes"
    r"\binsurance (?:cover|coverage|limits?|polic(?:y|ies))\b|\b(?:euler hermes|allianz trade"
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
    # statements on a schedule: "X would like statements monthly from now on, can you set that
    # up?", "set up monthly statements for X"
    r"\bstatements?\b.{0,20}\b(?:monthly|weekly|quarterly)\b"
    r"|\b(?:set up|setup|arrange|start)\b.{0,20}\b(?:monthly|weekly|quarterly|recurring|regular)"
    r" statements?\b",
    # a dunning run: "run the dunning run F150 for all company codes"
    r"\b(?:run|start|execute|kick off|trigger)\b (?:the |a )?dunning (?:run|proposal|program"
    r"|programme|batch)\b|\bf150\b",
    # a posting moved: "reclass the Globex receipt from GL 120000 to 120500"
    r"\breclass(?:ify|ified)?\b(?! report)",
    # an e-mail called back: "can you unsend it?", "recall the statement e-mail"
    r"\bun-?send\b|\brecall (?:the|that|an?|my) (?:e-?mail|statement|reminder|letter)\b",
    # a discount given: "knock 2% off X's open invoices as a goodwill thing"
    r"\b(?:knock|take|give)\b.{0,20}\b\d{1,2}(?:\.\d+)? ?(?:%|percent)\s*(?:off|discount)\b"
    r"|\bgoodwill (?:gesture|discount|credit|thing)\b|\bas (?:a )?goodwill\b",
)
