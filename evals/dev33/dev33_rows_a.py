# (text, intent, customer, invoice, action, db, spec)   proposal = intent=='action_request'
NW="Northwind Traders Inc."; TATE="Tate Engineering Incorporated"; PIN="Pinnacle Chemicals Inc."
STER="Sterling Pharmaceuticals Co."; FW="Frontier Walsh Chemicals Corp."; FAL="Falcon Hardware LLC"
GLX="Globex Corporation"; CW="Contoso Manufacturing West LLC"; CC="Contoso Manufacturing Corp."
GRG="Granite Restaurant Group LLC"; ABB="Abbott Furniture Group"; WSG="Whitaker Services Group"
MILLS="Mills Aerospace Holdings"; BISH="Bishop & Ingram Farms Inc."; KEN="Kendall Paper Incorporated"
JM="Jacobs & Mercer Hardware Inc."; IRON="Ironclad Office Products Company"; CLW="Clearwater Engineering LLC"
DON="Donovan Energy Inc."; EVG="Evergreen Bakeries Inc."; WW="Wells & Wagner Retail Group"
MAR="Mariner Lumber Inc."; MID="Midwest Transport Group"; ACL="Acme Logistics LLC"; ACI="Acme Industrial Supply Inc."
BLU="Bluewater Jensen Pharmaceuticals Company"; FAB="Fabrikam International Services Ltd."; PINE="Pinecrest Hospitality Company"
MOH="Mohawk Pharmaceuticals Holdings"; RIV="Riverbend Packaging Company"; JEN="Jensen Beverages LLC"; WAG="Wagner Pumps & Valves LLC"
LIT="Litware Office Products Incorporated"; CED="Cedar Owens Systems Incorporated"; INI="Initech LLC"; HER="Heritage Garden Centers Corp."
NASH="Nash & Sullivan Beverages Company"; FOW="Fowler Water Works Group"; GTF="Granite Tate Furniture Holdings"
HW="Harbor Wholesale Grocers Inc."; HWE="Harbor Wholesale Grocers East LLC"; PKP="Pinnacle Packaging Corp."; PKF="Pinnacle Foods Ltd."; MER="Meridian Tool & Die Co."
D="demo"; I="imported"
AR="action_request"

LOOKALIKES = [
# ---------- write_off_deduction look-alikes ----------
("Before I sign off on the deduction reserve: would we be within policy if we wrote off the $523.24 damaged-goods short pay on INV-10308 (Sterling Pharma)? Policy threshold for controller-only approval is $500.", "deduction_summary", STER, None, None, D, None),
("Did the write-off of the freight deduction on INV-10372 go through? Frontier Walsh. I need it for the JE support binder.", "invoice_status", FW, "INV-10372", None, D, ("inv","INV-10372")),
("For SOX testing sample #14: who approved the write-off on Acme Industrial's INV-10319 and on what date? Please also show the approval chain.", "approvals_inbox", ACI, None, None, D, None),
("Hold off on writing off the Jacobs & Mercer tax-exempt short pay (776.98) until we have the exemption certificate on file. What else is open on their account?", "customer_balance", JM, None, None, D, ("bal",JM)),
("How do I submit a deduction write-off through you so it routes to me for approval rather than to Priya?", "help", None, None, None, D, None),
("Pasting from the ticket AR-4471:\n> Requestor: Dana Kim\n> Request: write off $308.62 short-shipped deduction, Pinnacle Chemicals, INV-10332\n> Status: pending controller review\nWhat's the full history of deductions from Pinnacle this year before I approve?", "deduction_summary", PIN, None, None, D, None),
("Sales is pushing us to just write off the $171.45 pricing difference on Acme Industrial INV-10396 to keep the relationship clean. I am not convinced. What is still open on that invoice?", "invoice_status", ACI, "INV-10396", None, D, ("inv","INV-10396")),
("If Quality confirms the damage claim, we'll write off the Sterling short pay next week. Not before. Where do we stand on Sterling overall?", "customer_balance", STER, None, None, D, ("bal",STER)),
("Luis already wrote off the 342.13 freight on 10372 yesterday per his note in the channel, so nothing to do there. Can you just confirm what is left on that invoice", "invoice_status", None, "INV-10372", None, D, ("inv","INV-10372")),
("Cancel my earlier message re writing off the Acme Industrial pricing short-pay — we are going to rebill instead. Disregard.", "unknown", None, None, None, D, None),
("What would happen to the deduction aging if we wrote off everything under $250 this month? Just want to understand the impact, not doing it yet.", "deduction_summary", None, None, None, D, None),
("Is it acceptable under the write-off policy (AR-POL-07 s.3.2) for an assistant controller to approve a deduction w/o above $750, e.g. the Jacobs & Mercer one?", "unknown", None, None, None, D, None),
("@Priya Shah please write off the short ship on INV-10332 once the POD comes back, thanks", "unknown", None, None, None, D, None),
("Harbor Wholesale short-paid INV-000983 and the remittance says partial. Should we write the residual off or chase it? what's the balance there", "invoice_status", None, "INV-000983", None, I, ("inv","INV-000983")),
# ---------- apply_payment look-alikes ----------
("Was PMT-U00001 ever applied? Auditors flagged Globex's $828.82 on account since 11/1 as an unreconciled item.", "payment_lookup", GLX, None, None, D, ("pay","PMT-U00001")),
("The Globex AP clerk wrote in: \"please apply our check of 828.82 against INV-10435\". Before anyone does that, is 10435 even still open?", "invoice_status", GLX, "INV-10435", None, D, ("inv","INV-10435")),
("Who applied Northwind's $23,910.63 payment from 11/18, and to which invoices? Need it for the cash receipts walkthrough.", "payment_history", NW, None, None, D, None),
("Should the on-account check from Globex be applied to the oldest invoice or held until they send remittance? What does our cash app policy say usually — what's outstanding for them?", "customer_balance", GLX, None, None, D, ("bal",GLX)),
("Don't apply PAY-5003 from Meridian yet, we have no remittance and the amount (300.00) doesn't tie to anything. What is Meridian's open balance?", "customer_balance", MER, None, None, I, ("bal",MER)),
("I'll apply the 500 unapplied on PAY-5002 myself on Monday once I speak with their AP. Just tell me which Harbor Wholesale Grocers Inc. invoices are open today", "customer_balance", HW, None, None, I, ("bal",HW)),
("If the Globex remittance arrives Monday, apply the on-account cash then. Nothing to do today.", "unknown", None, None, None, D, None),
("Priya confirmed the cash app on PMT-000244 (Globex, 3,515.40) was done Friday. Can you show me what that payment paid off?", "payment_lookup", GLX, None, None, D, ("pay","PMT-000244")),
("How do I ask you to apply an unapplied receipt to a specific invoice? Asking for the new staff accountant.", "help", None, None, None, D, None),
("Quick check re the Harbor East invoice 983 — PAY-5002 was from Harbor Wholesale Grocers Inc. (the parent) but applied to the East entity. Who approved a cross-entity application like that?", "approvals_inbox", None, None, None, I, None),
("Is there any unapplied cash sitting on the book as of today? We need it for the month-end flux.", "unapplied_cash", None, None, None, D, ("unapplied",)),
# ---------- set_credit_limit look-alikes ----------
("Sales is asking to raise Falcon Hardware's limit to $50,000 because of the two open orders. What is their exposure vs the current limit right now?", "credit_check", FAL, None, None, D, ("limit",FAL)),
("Would a limit increase for Sterling Pharma to 200k be within my approval authority (DOA says controller up to $250k)? I'd like to see where they sit today against the 150k.", "credit_check", STER, None, None, D, ("limit",STER)),
("For the SOX credit-limit control: who approved Northwind's limit change to $400,000, and is there a ticket? I need the evidence of review.", "approvals_inbox", NW, None, None, D, None),
("Was the Contoso Manufacturing Corp limit ever raised above 24,000? They look over limit on my report.", "credit_check", CC, None, None, D, ("limit",CC)),
("We should probably lower Donovan Energy's limit given they're over — thoughts? What's their balance against the 10k?", "credit_check", DON, None, None, D, ("limit",DON)),
("Do not change Pinnacle Chemicals' limit; the credit committee meets Tuesday. Just tell me their headroom.", "credit_check", PIN, None, None, D, ("limit",PIN)),
("Kendall Paper's purchasing manager emailed: \"Can you increase our credit line to 10,000? We are placing larger orders in Q1.\" What's their payment record like?", "payment_history", KEN, None, None, D, None),
("Pinnacle Packaging wants their limit increased to 100k. Hypothetically, with the 30k invoice that's been past due since August, would that be defensible?", "credit_check", PKP, None, None, I, ("limit",PKP)),
("Meridian has no credit limit at all in the system. Is that right? How is the credit check performed for them?", "credit_check", MER, None, None, I, None),
("Reverting the request I sent this morning to set Whitaker Services' limit at 5k - we're leaving it at 3,200. No action needed.", "unknown", None, None, None, D, None),
("How does one request a credit limit change in arbot, and who gets the approval?", "help", None, None, None, D, None),
# ---------- set_credit_hold look-alikes ----------
("Should we put Northwind on credit hold? They have $315k open and two pending orders. I want the facts before I make the call.", "credit_check", NW, None, None, D, ("limit",NW)),
("Who released the hold on Falcon Hardware last month and was it approved? Audit wants the evidence.", "approvals_inbox", FAL, None, None, D, None),
("If Pinnacle does not pay 10321 by Wednesday, we'll place SO-1006 on hold. For now, what's the credit position on that order?", "credit_check", PIN, None, None, D, ("order","SO-1006")),
("Sales (Mike R.) is asking us to release SO-1002 for Northwind today because it's a stocking order for their December promo. Is it within the limit?", "credit_check", NW, None, None, D, ("order","SO-1002")),
("Is anyone on hold right now? I thought we put Contoso Manufacturing Corp on hold in October but it doesn't show.", "credit_exceptions", None, None, None, D, None),
("Don't hold Sterling's orders yet. Their AP manager promised the wire Monday. Can you show me Sterling's open items", "customer_balance", STER, None, None, D, ("bal",STER)),
("Did the hold on Donovan Energy get applied? I asked Luis on Thursday. Where are they against their limit?", "credit_check", DON, None, None, D, ("limit",DON)),
("What happens to a sales order when a customer is placed on hold — does it block the order in the ERP, or just flag it?", "help", None, None, None, D, None),
("@Dana Kim pls put Evergreen on hold until the September invoice clears", "unknown", None, None, None, D, None),
("Hypothetically, if we held every customer over limit today, which orders would be stopped?", "credit_exceptions", None, None, None, D, None),
("Pinnacle Foods sent the following: \"Please do not put our account on hold, payment for INV-000986 is in process.\" Is it actually past due?", "invoice_status", PKF, "INV-000986", None, I, ("inv","INV-000986")),
("Can SO-9001 ship, or would it push Pinnacle Packaging over limit? Sales wants it released but I'm not asking you to do anything yet.", "credit_check", PKP, None, None, I, ("order","SO-9001")),
# ---------- add_note look-alikes ----------
("Auditors want documentation of our collection efforts on the Mills Aerospace broken promise (INV-10227) — I'll pull the notes myself. What exactly was promised, and for when?", "promises", MILLS, None, None, D, None),
("Has anyone in collections logged a call with Bishop & Ingram since the broken promise? I can't find a note. Separately, what is still open for them?", "customer_balance", BISH, None, None, D, ("bal",BISH)),
("I'll add a note to the Tate file myself after the call with their CFO. Before that: what does Tate owe us in total?", "customer_balance", TATE, None, None, D, ("bal",TATE)),
("Dana says she already noted the dispute conversation on Contoso West — can you confirm what's past due for them so I can reconcile to her note?", "customer_balance", CW, None, None, D, ("pastdue",CW)),
("Do we have a policy on what must be in a collection note for SOX purposes? Asking how the notes feature works in here.", "help", None, None, None, D, None),
("No need to log anything for Harbor Wholesale Grocers Inc. — the conversation was informal. What's on their account?", "customer_balance", HW, None, None, I, ("bal",HW)),
("Can notes be edited after they are saved? Audit asked whether the note trail is immutable.", "help", None, None, None, D, None),
("Priya, can you put a note on Wells & Wagner that their AP moved to Coupa? thx", "unknown", None, None, None, D, None),
("Should we be noting every promise-to-pay call, or only the ones where an amount is committed? Curious what others do.", "unknown", None, None, None, D, None),
("Were any notes added to the Northwind account this month? I'm reviewing evidence of follow-up on the 150-day items — which are those exactly, and what is the total past due?", "customer_balance", NW, None, None, D, ("pastdue",NW)),
# ---------- send_reminder look-alikes ----------
("Did a reminder go out to Evergreen Bakeries for INV-10226? It's almost two months past due.", "invoice_status", EVG, "INV-10226", None, D, ("inv","INV-10226")),
("Should we send a dunning letter to Fabrikam for the August items, or is that overkill for ~4k? What do they owe exactly?", "customer_balance", FAB, None, None, D, ("bal",FAB)),
("Luis sent Mohawk a reminder on Tuesday for INV-10185 — what is still outstanding on that one?", "invoice_status", MOH, "INV-10185", None, D, ("inv","INV-10185")),
("Please do NOT send reminders to Tate Engineering this week; their CFO asked us to route everything through him. Noted only.", "unknown", None, None, None, D, None),
("If Pinecrest misses their date again, we'll send the final notice. For now, how late are they?", "customer_balance", PINE, None, None, D, ("pastdue",PINE)),
("How do I get you to email a reminder using the formal template rather than the friendly one?", "help", None, None, None, D, None),
("I'll be sending reminders to the >90 bucket myself tomorrow. Who's in it?", "over_days", None, None, None, D, None),
("Meridian's AP says they never received our reminder for INV-000987. Did one go out?", "invoice_status", MER, "INV-000987", None, I, ("inv","INV-000987")),
("The sales VP wants reminders suspended for Northwind until after their promo. Is there any downside — how much is over 90?", "customer_balance", NW, None, None, D, ("over",NW,90)),
("Scratch that reminder for Bishop & Ingram, they paid this morning per Dana.", "unknown", None, None, None, D, None),
# ---------- send_statement look-alikes ----------
("Abbott Furniture asked for a statement of account; Priya is preparing it. What is their GBP balance today so I can sanity-check hers?", "customer_balance", ABB, None, None, D, ("bal",ABB)),
("I'll send Granite Restaurant Group their statement myself on Monday with a cover letter. What are the open CAD items?", "customer_balance", GRG, None, None, D, ("bal",GRG)),
("Should statements go to all customers at month-end, or only to those with past-due items? What's our standard?", "unknown", None, None, None, D, None),
("Can statements be sent in CAD for Riverbend, or do they go out in USD? how does that work with you", "help", None, None, None, D, None),
("Harbor East forwarded: \"Kindly send us a statement showing all open items as at 30 Nov.\" That's month-end; nothing before then. What's open for them today?", "customer_balance", HWE, None, None, I, ("bal",HWE)),
("Priya already emailed Jensen Beverages their statement this morning; just confirm their GBP balance so I can tie it out.", "customer_balance", JEN, None, None, D, ("bal",JEN)),
("Don't send Whitaker Auto Parts a statement — their only invoice isn't due until January.", "unknown", None, None, None, D, None),
("Who sent the statement to Litware last week? They claim it had the wrong remit-to address.", "unknown", None, None, None, D, None),
("Is there a way to preview a statement before it goes out? I want to review the Mariner Lumber one first.", "help", None, None, None, D, None),
("@Luis Ortega can you send Clearwater a statement before their call Tuesday", "unknown", None, None, None, D, None),
# ---------- record_promise look-alikes ----------
("Did Frontier Walsh's promise for 11/23 get recorded? Amount should be 24,391.31 against INV-10256.", "promises", FW, None, None, D, ("promises_cust",FW)),
("Sterling's AP manager said on the call they 'expect to release payment next week', but gave no date or amount. Is that something we should log as a promise?", "unknown", None, None, None, D, None),
("Which promises were broken this month? I need them for the bad-debt reserve memo.", "promises", None, None, None, D, ("promises","broken")),
("Whitaker Services broke their promise on INV-10250 again. How many times has that happened?", "promises", WSG, None, None, D, ("promises_cust",WSG)),
("If Mills Aerospace commits to a date on Monday's call I'll log it then. What's their current past due?", "customer_balance", MILLS, None, None, D, ("pastdue",MILLS)),
("How do I record a promise to pay with a partial amount?", "help", None, None, None, D, None),
("Dana logged a promise from Bishop & Ingram last week — was it kept?", "promises", BISH, None, None, D, ("promises_cust",BISH)),
("Harbor Wholesale Grocers Inc. (the parent) said 'we will try to pay the September invoice by month-end'. I'm not treating that as a promise. What's the amount of that invoice?", "invoice_status", HW, None, None, I, ("inv","INV-000982")),
("Are there any promises due in the next few days across the portfolio?", "promises", None, None, None, D, ("promises","open")),
# ---------- open_dispute look-alikes ----------
("Should the Sterling damaged-goods short pay be treated as a dispute or a deduction? What's the accounting difference in how we'd reserve for it?", "unknown", None, None, None, D, None),
("Is INV-10308 already in dispute? Sterling's AP says they raised it with our sales rep.", "invoice_status", STER, "INV-10308", None, D, ("inv","INV-10308")),
("Which invoices are currently in dispute across the book, and for how much? Need it for the quarterly disclosure checklist.", "disputes", None, None, None, D, None),
("Contoso West's buyer says they intend to dispute INV-10204 because of pricing. Nothing has been filed. What's the balance on it?", "invoice_status", CW, "INV-10204", None, D, ("inv","INV-10204")),
("Don't open a dispute on the Pinnacle Packaging 30k invoice; their AP says it's only awaiting a GR in SAP. How old is it?", "invoice_status", PKP, None, None, I, ("inv","INV-000984")),
("Who opened the dispute on Globex and was it approved by anyone? There is nothing in the ticket log.", "disputes", GLX, None, None, D, None),
("How are disputes tracked in here — can I flag an invoice as disputed so it drops out of the dunning run?", "help", None, None, None, D, None),
("We'll likely open a dispute on the Acme Logistics freight invoice after I talk to ops on Monday. What's their open balance?", "customer_balance", ACL, None, None, D, ("bal",ACL)),
("The dispute on INV-10372 was withdrawn by Frontier Walsh yesterday, per their email. So what do they actually owe now on that invoice?", "invoice_status", FW, "INV-10372", None, D, ("inv","INV-10372")),
# ---------- create_invoice look-alikes ----------
("Sales wants us to invoice Pinnacle Chemicals for SO-1005 today ahead of shipment. Is that even allowed under rev rec? What's the order value?", "credit_check", PIN, None, None, D, ("order","SO-1005")),
("Was SO-1004 for Contoso Manufacturing Corp invoiced yet? It was booked today.", "credit_check", CC, None, None, D, ("order","SO-1004")),
("Who created INV-10437 and on what date? It is one of my cutoff test items.", "invoice_status", None, "INV-10437", None, D, ("inv","INV-10437")),
("If the Falcon order SO-1011 ships Monday, we'll invoice it then. Any credit issue with it today?", "credit_check", FAL, None, None, D, ("order","SO-1011")),
("Don't bill Evergreen for SO-1010 until the September invoice is settled. What's the order amount?", "credit_check", EVG, None, None, D, ("order","SO-1010")),
("How do I create a manual invoice with you — is it only from a sales order, or can I key lines?", "help", None, None, None, D, None),
("Dana raised an invoice to Pinecrest for the small order SO-1013 yesterday, I believe — can you confirm what they owe now?", "customer_balance", PINE, None, None, D, ("bal",PINE)),
("Harbor's buyer asked if we could invoice SO-9002 before month-end so it hits their budget. Is there headroom for it?", "credit_check", None, None, None, I, ("order","SO-9002")),
("Would it be appropriate to bill Sterling for both pending orders (SO-1008 and SO-1009) this month to hit the quarter? I'd like to understand the credit effect first.", "credit_check", STER, None, None, D, ("order","SO-1008")),
# ---------- set_terms look-alikes ----------
("Tate Engineering is asking for net 60 instead of 45. Before I take it to the CFO: how quickly do they pay today?", "days_to_pay", TATE, None, None, D, None),
("Who changed Contoso Manufacturing West's terms to net 60, and was that approved? It's a SOX exception if there's no ticket.", "approvals_inbox", CW, None, None, D, None),
("Should we move Whitaker Services back to net 30? They're averaging well beyond terms.", "days_to_pay", WSG, None, None, D, None),
("Were Mills Aerospace's terms changed this quarter? I have net 60 in the contract file.", "credit_check", MILLS, None, None, D, None),
("Don't touch Pinnacle Packaging's terms until procurement signs the new MSA. What are they now?", "credit_check", PKP, None, None, I, None),
("How do I propose a terms change through you?", "help", None, None, None, D, None),
("The customer (Falcon) wants 2/10 net 30 like Initech has. If we said yes, what would it have cost us on this year's payments?", "unknown", None, None, None, D, None),
("Jacobs & Mercer's CFO wrote: \"we request an extension of terms to net 45 effective December.\" What's their average days to pay?", "days_to_pay", JM, None, None, D, None),
("I'll handle the Meridian terms change after the MSA is countersigned. Nothing from you yet.", "unknown", None, None, None, I, None),
("We changed Riverbend to net 30 last year I think? Is that what's on file", "credit_check", RIV, None, None, D, None),
]
