# dev35 rows: (text, intent, customer_id, invoice, proposal, action, db, factspec, tag)
R = []
def A(t, act, c=None, inv=None, db="demo"):
    R.append((t, "action_request", c, inv, True, act, db, None, act))
def L(tag, t, intent, c=None, inv=None, db="demo", spec=None):
    R.append((t, intent, c, inv, False, None, db, spec, "look:" + tag))
def U(t, db="demo", tag="cant"):
    R.append((t, "unknown", None, None, False, None, db, None, tag))
def Q(t, intent, c=None, inv=None, db="demo", spec=None):
    R.append((t, intent, c, inv, False, None, db, spec, "q"))

# ---------------- write_off_deduction ----------------
A("that $154.89 left on INV-10295 for initech is just the discount they took late, not worth chasing. write it off pls", "write_off_deduction", "C00004", "INV-10295")
A("ok so acme industrial short paid 10396 by 171.45, freight they reckon, and honestly our freight charge was wrong. go ahead and w/o the 171.45", "write_off_deduction", "C00001", "INV-10396")
A("Fabrikam's left 300.85 on INV-10373 - sales has confirmed the pricing error was ours. Please write that off as a pricing deduction.", "write_off_deduction", "C00008", "INV-10373")
A("re the jacobs & mercer short pay on inv 10389 - remittance advice says tax exempt and we've got their cert on file now so yep, write off the 776.98", "write_off_deduction", "C00040", "INV-10389")
A("Frontier Walsh 10372 - $342.13 gap is the bank fees on their international transfer. under our threshold so just w/o thanks", "write_off_deduction", "C00038", "INV-10372")
A("heritage garden came back with the damage report for INV-10234, photos and all. I'm happy, write off the 605.30 against damaged goods", "write_off_deduction", "C00033", "INV-10234")
A("Mate can you w/o the 308.62 remaining on pinnacle chemicals 10332, it's the promo allowance they were promised", "write_off_deduction", "C00009", "INV-10332")
A("Spoke with Bec in sales, Granite Tate's 805.45 short on INV-10277 is legit - we short-shipped. Write off as shortage please.", "write_off_deduction", "C00014", "INV-10277")
A("imported side - Harbor Wholesale Grocers East still have 999.99 sitting on INV-000983 after their partial, and they're saying it's a rebate we owe them. fine, write off the deduction", "write_off_deduction", "HW-101", "INV-000983", "imported")
A("meridian tool & die - the $140 left on 987 is a deduction for freight, we agreed to wear it. w/o please", "write_off_deduction", "MT-300", "INV-000987", "imported")

L("wo", "reckon we should write off the 154.89 on initech INV-10295 or is it worth a phone call? what was that short pay actually for", "deduction_summary", "C00004", "INV-10295", spec="inv:INV-10295")
L("wo", "did the write off for acme industrial 10396 go through yet or is it still sitting with the controller?", "approvals_inbox", "C00001", "INV-10396")
L("wo", "don't write off anything on Sterling Pharma yet, the 523.24 on INV-10308 might be recoverable. just want to see their deductions for now", "deduction_summary", "C00012", "INV-10308")
L("wo", "Sales keep asking us to write off the Riverbend short pay on 10276. Not convinced. How much is actually left on it?", "invoice_status", "C00036", "INV-10276", spec="inv:INV-10276")
L("wo", "if clearwater can't produce a POD by friday we'll probably write off the 719.32 on 10298. nothing to do till then, no worries", "unknown", None, None)
L("wo", "how do i get you to write off a short pay? never done one through the bot", "help")
L("wo", "Already wrote off the pinnacle chemicals promo deduction in the ERP this morning, so ignore that one. what other deductions have they got open?", "deduction_summary", "C00009")
L("wo", "what happens if we write off the 2,199.39 on northwind 10193 - does that need the controller to sign off?", "help", "C00005", "INV-10193")
L("wo", "email from their AP: \"please write off the remaining balance on INV-10254 as per our claim\" - midwest transport. what's the claim even for?", "deduction_summary", "C00010", "INV-10254")
L("wo", "@Kylie can you write off that small fabrikam one when you get a sec, I'm flat out", "unknown")
L("wo", "was going to w/o the granite tate 805 but scratch that, Bec reckons it wasn't a short ship after all. leave it open", "unknown")
L("wo", "who approved the write-off on Jacobs & Mercer last week?", "approvals_inbox", "C00040")
L("wo", "hypothetically if we wrote off every short pay under $500 how much would that be across the book", "deduction_summary")
L("wo", "Pinnacle Foods are asking if we'll write off the 2300 on INV-000986 as a pricing credit. I've said I'll look into it. what's the invoice date on that one?", "invoice_status", "PK-201", "INV-000986", "imported", "inv:INV-000986")

# ---------------- apply_payment ----------------
A("globex's 828.82 on account (PMT-U00001) - remittance just came thru, it's for INV-10222. apply it pls", "apply_payment", "C00003", "INV-10222")
A("Can you apply PMT-U00001 to Globex INV-10186. Their AP confirmed by email that's what it was for.", "apply_payment", "C00003", "INV-10186")
A("the $300 cheque from meridian PAY-5003 with no remittance - they've rung, it's for INV-000987. put it against that one", "apply_payment", "MT-300", "INV-000987", "imported")
A("harbor wholesale grocers inc have $500 unapplied on PAY-5002, they want it applied to INV-000982. go for it", "apply_payment", "HW-100", "INV-000982", "imported")
A("right, found the globex one. PMT-U00001 goes to 10183, apply it and i'll close the ticket", "apply_payment", "C00003", "INV-10183")
A("apply the unapplied PAY-5002 cash against harbour wholesale grocers inc inv 982, remittance advice attached to the ticket", "apply_payment", "HW-100", "INV-000982", "imported")

L("ap", "should I apply Globex's 828.82 to the oldest invoice or wait till they send a remittance advice? what's unapplied for them", "unapplied_cash", "C00003")
L("ap", "already applied the meridian 300 cheque manually in the ERP, don't touch it. is there any other unapplied cash floating round?", "unapplied_cash", None, None, "imported", "unapplied:imported")
L("ap", "globex reckon their 828.82 should go on INV-10209 but the amount doesn't match anything. hold off applying till i've spoken to them", "unknown")
L("ap", "how do i apply a payment through you, is it just 'apply X to Y'?", "help")
L("ap", "if harbor confirm the 500 is for 982 we'll apply it monday. leave it for now", "unknown", None, None, "imported")
L("ap", "Did the application of PMT-U00001 get approved? Still shows unapplied on my end.", "approvals_inbox", None, None)
L("ap", "what would happen to the aging if we applied the globex on-account cash to their oldest inv", "unknown")
L("ap", "Ticket #4471 from the bank rec team: 'please apply unidentified receipt to correct debtor'. which receipts are we still trying to match?", "cash_application")
L("ap", "@Sam you right to apply the PAY-5002 leftover once harbor send the remittance?", "unknown", None, None, "imported")
L("ap", "customer says they paid 10222 last week by direct credit - did it come in and get applied?", "invoice_status", None, "INV-10222", spec="inv:INV-10222")

# ---------------- set_credit_limit ----------------
A("Whitaker Services are $7,553.96 deep on a $3,200 limit and paying fine. Bump their limit to 10k please", "set_credit_limit", "C00027")
A("wells & wagner - set limit to 25,000. approved by Greg in the credit meeting this arvo", "set_credit_limit", "C00021")
A("ok i've looked at the financials for Kendall Paper, all good. raise their credit limit to $6k", "set_credit_limit", "C00034")
A("drop donovan energy's limit back to 5,000, they've been slow as anything since august", "set_credit_limit", "C00011")
A("Litware Office Products - new credit limit $20,000 effective today pls", "set_credit_limit", "C00039")
A("pinnacle packaging corp want another order through and they're solid payers. lift the limit to 100k", "set_credit_limit", "PK-200", None, "imported")
A("meridian tool & die has no limit set at all?? set one at 5k for now", "set_credit_limit", "MT-300", None, "imported")

L("lim", "keen to bump Litware's limit but not yet - what's their limit and how much are they using?", "credit_check", "C00039", spec="lim:C00039")
L("lim", "sales is pushing us to double Nash & Sullivan's limit before xmas. what are they at right now?", "credit_check", "C00016", spec="lim:C00016")
L("lim", "is it ok to lift globex to 25k or will that need the credit manager", "credit_check", "C00003", spec="lim:C00003")
L("lim", "I put Kendall's limit up to 6k in the ERP already, just fyi. no action needed", "unknown")
L("lim", "don't touch fabrikam's limit, the review's not till Jan", "unknown")
L("lim", "what happens if we drop whitaker services limit to 2k, would they go over?", "credit_check", "C00027", spec="lim:C00027")
L("lim", "who changed contoso manufacturing west's limit? it was 10k last i saw", "unknown", None)
L("lim", "their CFO emailed: 'we request an increase to our credit facility to $50,000'. That's Falcon Hardware. Where are they at against their current limit?", "credit_check", "C00022", spec="lim:C00022")
L("lim", "if Donovan clear the Nov 5 invoice we could go to 15k. hold off till then", "unknown")
L("lim", "harbor wholesale grocers east want their limit raised to 40k - reckon that's a goer? how are they tracking", "credit_check", "HW-101", None, "imported", "lim:HW-101")
L("lim", "what do i type to get a limit increase going? new to this thing", "help")

# ---------------- set_credit_hold ----------------
A("pop wells & wagner on stop please, they're way over limit and nothing's come in", "set_credit_hold", "C00021")
A("Whitaker Services Group - put them on credit hold. Third promise broken.", "set_credit_hold", "C00027")
A("they've paid the overdue stuff so take Contoso Manufacturing West off stop", "set_credit_hold", "C00007")
A("hold SO-1011 for falcon, not shipping that til the Nov 20 invoice is sorted", "set_credit_hold", "C00022")
A("release SO-1013 for pinecrest, it's tiny and they're good for it", "set_credit_hold", "C00035")
A("Bishop & Ingram broke their promise again. stop supply, put the account on hold", "set_credit_hold", "C00029")
A("ok Donovan's had their chance. block SO-1007 please", "set_credit_hold", "C00011")
A("release the pinnacle packaging order SO-9001, credit manager's signed off", "set_credit_hold", "PK-200", None, "imported")

L("hold", "reckon we should pop Wells & Wagner on stop? they're way over", "credit_check", "C00021", spec="lim:C00021")
L("hold", "if Donovan haven't paid by arvo Friday we'll put them on stop. nothing yet", "unknown")
L("hold", "no worries, leave Globex off hold for now, they've promised monday", "unknown")
L("hold", "sales want SO-1002 released today, northwind keep ringing. can we ship it?", "credit_check", "C00005", spec="so:SO-1002")
L("hold", "who's on stop at the moment?", "credit_exceptions", None)
L("hold", "already put bishop & ingram on hold in the ERP this morning, fyi", "unknown")
L("hold", "should SO-1012 for falcon go through or be held? they're close to limit", "credit_check", "C00022", spec="so:SO-1012")
L("hold", "was going to ask you to hold Whitaker Services but they've just paid, so forget it", "unknown")
L("hold", "would releasing SO-9002 for harbor wholesale grocers inc put them over their limit?", "credit_check", "HW-100", None, "imported", "so:SO-9002")
L("hold", "@Jess pls hold anything for kendall paper until the cheque clears", "unknown")
L("hold", "did the hold on contoso west get approved or is it pending?", "approvals_inbox", "C00007")
L("hold", "sorry dumb q - the process for getting an order off hold via arbot? do I need the SO number", "help")

# ---------------- add_note ----------------
A("log a call against Globex: spoke to Raj in AP, said cheque run is Thursday, 10183 and 10186 will be on it", "add_note", "C00003")
A("add a note to Whitaker Services - new AP contact is Mel, mel@whitakerservices.example.com", "add_note", "C00027")
A("note on northwind pls: they've asked for copies of all invoices over 60 days, sent them 20/11", "add_note", "C00005")
A("Can you pop a note on Donovan Energy that their director said cash flow's tight till mid Dec", "add_note", "C00011")
A("Meridian Tool & Die - add note: no remittance on cheques, always ring Trev to confirm what it's for", "add_note", "MT-300", None, "imported")
A("stick a note on the Pinnacle Foods account - they want all correspondence in CAD and to the ap@ address only", "add_note", "PK-201", None, "imported")

L("note", "I've already noted the call with Raj on Globex, what do they still owe us?", "customer_balance", "C00003", spec="bal:C00003")
L("note", "do we have any notes on file for Donovan Energy about cash flow?", "unknown")
L("note", "Shaz said she'd add a note to Northwind about the invoice copies. Are they still the biggest debtor?", "top_debtors", None, None, "demo", "top:demo")
L("note", "can the bot keep call notes against a debtor or is that CRM only?", "help")
L("note", "don't bother noting the Abbott call, nothing came of it", "unknown")
L("note", "I'll log the Kendall call once i'm off the phone, don't worry", "unknown")
L("note", "who added that note about Wells & Wagner being in administration? is that true??", "unknown")
L("note", "should we note on Harbor Wholesale Grocers Inc that they dispute freight every time? or is that overkill", "unknown", None, None, "imported")
L("note", "was going to add a note for Mariner Lumber but actually just tell me how much of theirs is past due", "customer_balance", "C00031", spec="pastdue:C00031")

# ---------------- send_reminder ----------------
A("chuck a reminder Wells & Wagner's way for INV-10249, it's nearly 3 weeks over", "send_reminder", "C00021", "INV-10249")
A("send donovan energy a reminder for 10320 please - friendly tone, first one", "send_reminder", "C00011", "INV-10320")
A("Abbott Furniture still hasn't paid INV-10299 - send them an overdue reminder", "send_reminder", "C00018", "INV-10299")
A("they haven't paid by arvo Friday like they said so yep, send Contoso West a reminder on INV-10204", "send_reminder", "C00007", "INV-10204")
A("email Pinnacle Packaging a payment reminder for INV-000984, its ages overdue", "send_reminder", "PK-200", "INV-000984", "imported")
A("harbor wholesale grocers inc - send a dunning letter on INV-000982", "send_reminder", "HW-100", "INV-000982", "imported")
A("Mohawk Pharmaceuticals - send a final reminder, all overdue invoices", "send_reminder", "C00037")

L("rem", "reckon Donovan needs a reminder or is it too early? how overdue are they", "customer_balance", "C00011", spec="pastdue:C00011")
L("rem", "I sent Wells & Wagner a reminder yesterday, don't send another. What else is on my chase list?", "collections_list")
L("rem", "if abbott don't pay 10299 by the 30th, send a reminder then", "unknown", None, None)
L("rem", "has anyone chased Pinnacle Packaging on INV-000984 recently?", "unknown", None, None, "imported")
L("rem", "hold off on reminders for Granite Restaurant Group - they're mid-dispute on pricing", "unknown")
L("rem", "what's the difference between a first reminder and a final notice in here? how do i send one", "help")
L("rem", "Contoso West's AP said \"please stop sending us reminders, payment is scheduled\". What's scheduled - did they give a promise date?", "promises", "C00007")
L("rem", "I'll send the reminders to the 60+ lot monday morning. who's in that lot?", "over_days", None, None, "demo", None)
L("rem", "@Pete chuck a reminder to Mariner when you're back", "unknown")
L("rem", "did the reminder for Meridian go out or did it bounce?", "unknown", None, None, "imported")

# ---------------- send_statement ----------------
A("send Globex a statement please, their AP reckons they're missing invoices", "send_statement", "C00003")
A("can u email northwind their statement of account", "send_statement", "C00005")
A("Harbor Wholesale Grocers East want a statement for their month end - send it through", "send_statement", "HW-101", None, "imported")
A("Jensen Beverages LLC asked for an up to date statement, send one pls", "send_statement", "C00024")
A("shoot an SOA over to Whitaker Auto Parts, in EUR obviously", "send_statement", "C00025")
A("statement to Riverbend Packaging please, they've got a new AP person", "send_statement", "C00036")

L("stmt", "Globex asked for a statement - what's open on their account first, want to eyeball it before anything goes", "customer_balance", "C00003", spec="bal:C00003")
L("stmt", "I already emailed Northwind their statement on Thursday. Have they paid anything since?", "payment_history", "C00005")
L("stmt", "do we send statements automatically at EOM or do I have to ask each time?", "help")
L("stmt", "don't send statements to anyone in the Contoso group, their parent handles it", "unknown")
L("stmt", "Meridian wants a statement but I'll do it Monday once the cheque's applied", "unknown", None, None, "imported")
L("stmt", "should we be sending monthly statements to Falcon? what's their o/s", "customer_balance", "C00022", spec="bal:C00022")
L("stmt", "did Jensen Beverages' statement go out? they're saying they never got it", "unknown")
L("stmt", "their email: 'Can you please send a statement of account to ap@pinnaclefoods.example.com'. that's Pinnacle Foods. What's their balance in CAD?", "customer_balance", "PK-201", None, "imported", "bal:PK-201")
L("stmt", "if Abbott ask again for a statement send it, otherwise leave it", "unknown")

# ---------------- record_promise ----------------
A("Mariner Lumber just rang, promised to pay the lot by 27 Nov via EFT. record that please", "record_promise", "C00031")
A("record a promise to pay for Wells & Wagner: 10249 and 10258 by Friday 27th", "record_promise", "C00021", "INV-10249")
A("Donovan Energy PTP $2,188.10 on INV-10320, 1 Dec. log it", "record_promise", "C00011", "INV-10320")
A("Meridian Tool & Die have promised the $140 on 987 by next Wednesday, pop that in as a promise", "record_promise", "MT-300", "INV-000987", "imported")
A("Abbott committed to paying INV-10299 on 30/11 by direct credit - record the promise pls", "record_promise", "C00018", "INV-10299")
A("pinnacle packaging said they'll pay 30k on 984 by end of month. put it down as a promise", "record_promise", "PK-200", "INV-000984", "imported")

L("ptp", "Mariner's AP reckons they'll pay next week but wouldn't commit to a date. not a promise really. what do they owe", "customer_balance", "C00031", spec="bal:C00031")
L("ptp", "has Frontier Walsh kept their promise for the 23rd? or too early to tell", "promises", "C00038")
L("ptp", "already logged the Abbott promise in the CRM, don't double up", "unknown")
L("ptp", "when a customer gives me a date on the phone, what's the proper way to get that into arbot as a PTP", "help")
L("ptp", "which promises got broken this month?", "promises", None, None, "demo", "broken:demo")
L("ptp", "Donovan said they'd 'try' to pay by Dec - I wouldn't log that as a promise. any broken ones from them before?", "promises", "C00011")
L("ptp", "if Harbor confirm a date on Monday we'll record a promise. leave it", "unknown", None, None, "imported")
L("ptp", "Whitaker Services promised again?? how many times have they broken one", "promises", "C00027")
L("ptp", "@Dana can you log the Bishop & Ingram promise from your call", "unknown")

# ---------------- open_dispute ----------------
A("Granite Restaurant Group are disputing INV-10355 on price. open a dispute please", "open_dispute", "C00013", "INV-10355")
A("log a dispute on INV-10340 for Wells & Wagner - they say goods never arrived", "open_dispute", "C00021", "INV-10340")
A("Open a dispute against 10204 - Contoso West say the qty's wrong", "open_dispute", "C00007", "INV-10204")
A("Harbor Wholesale Grocers Inc are querying INV-000982, say they were overcharged freight. raise a dispute", "open_dispute", "HW-100", "INV-000982", "imported")
A("Abbott Furniture disputing 10314 - damaged in transit. pls open a dispute so we stop chasing it", "open_dispute", "C00018", "INV-10314")
A("pinnacle foods ltd reckon 986 was never ordered. can you open a dispute on it", "open_dispute", "PK-201", "INV-000986", "imported")

L("disp", "what disputes have we got open at the moment?", "disputes")
L("disp", "Granite Restaurant are grumbling about price on 10355 but haven't formally disputed. what's the balance on it?", "invoice_status", "C00013", "INV-10355", spec="inv:INV-10355")
L("disp", "should we open a dispute for Wells & Wagner or just chase? they say goods never arrived but I've got a POD", "unknown")
L("disp", "Abbott's dispute on 10314 was opened last week by Kylie - is it still open?", "disputes", "C00018", "INV-10314")
L("disp", "new starter here - where do disputed invoices get logged, can you do it or is it the ERP?", "help")
L("disp", "don't open a dispute for Contoso West, sales sorted it on the phone", "unknown")
L("disp", "if Harbor put the freight complaint in writing we'll log a dispute, not before", "unknown", None, None, "imported")
L("disp", "any disputes on Granite Restaurant Group's account?", "disputes", "C00013")
L("disp", "customer email: 'we wish to dispute invoice 10404'. Wells & Wagner again. is 10404 even due yet?", "invoice_status", "C00021", "INV-10404", spec="inv:INV-10404")

# ---------------- create_invoice ----------------
A("raise an invoice for Kendall Paper, $480 for the pallet hire, usual terms", "create_invoice", "C00034")
A("create an invoice to Falcon Hardware for the extra freight on SO-1012 - $250", "create_invoice", "C00022")
A("invoice Globex $1,200 for the site visit, 45 days", "create_invoice", "C00003")
A("can you bill Meridian Tool & Die $640 for the re-grind job", "create_invoice", "MT-300", None, "imported")
A("pls raise a new invoice to Pinnacle Packaging Corp for 4,500 USD, PO 4500123510", "create_invoice", "PK-200", None, "imported")

L("inv", "sales wants us to invoice the freight on SO-1004 for Contoso. has it shipped yet?", "credit_check", "C00006")
L("inv", "are you able to raise invoices at all or just chase them?", "help")
L("inv", "I've raised the Kendall pallet hire invoice in the ERP already, no need", "unknown")
L("inv", "should we invoice Globex for the site visit or chuck it in as goodwill?", "unknown")
L("inv", "did the invoice for Falcon's extra freight get created? can't see it", "unknown")
L("inv", "don't invoice Meridian for the re-grind yet, job's not signed off", "unknown", None, None, "imported")
L("inv", "if the Pinnacle Packaging order ships Monday we'll invoice it then", "unknown", None, None, "imported")
L("inv", "what would the exposure on Falcon look like if we invoiced the extra $250 freight?", "credit_check", "C00022", spec="lim:C00022")
L("inv", "@Bec can you raise the invoice for the Nash & Sullivan sample pack", "unknown")

# ---------------- set_terms ----------------
A("move Kendall Paper to 14 day terms from today", "set_terms", "C00034")
A("change Whitaker Services Group terms to 30 days, 60 is too generous given their history", "set_terms", "C00027")
A("put Donovan Energy on COD... actually no, 7 day terms. set that please", "set_terms", "C00011")
A("Credit meeting agreed: Litware to 45 days EOM. Please update their trading terms to 45", "set_terms", "C00039")
A("Harbor Wholesale Grocers East terms to net 45 please, sales signed off on it", "set_terms", "HW-101", None, "imported")
A("set Pinnacle Foods terms to 14 days, they're new and small", "set_terms", "PK-201", None, "imported")

L("terms", "what terms are Wells & Wagner on? thinking of tightening them", "credit_check", "C00021")
L("terms", "Sales is pushing to give Tate Engineering 60 day terms. Not my call - what do they owe us right now?", "customer_balance", "C00030", spec="bal:C00030")
L("terms", "if Kendall keep paying late we'll move them to 14 days next quarter", "unknown")
L("terms", "I already changed Donovan to 7 days in the ERP. fyi", "unknown")
L("terms", "don't change Globex terms, the contract locks them at 45", "unknown")
L("terms", "trading terms changes - can those go through you or does it have to be a form to the credit manager", "help")
L("terms", "customer's asking 'can we move to 60 days EOM'. That's Meridian. what's their average days to pay like?", "days_to_pay", "MT-300", None, "imported")
L("terms", "who approved 60 day terms for Whitaker Services in the first place?", "unknown")
L("terms", "would shortening Fabrikam's terms to 30 actually help? how many days do they take to pay", "days_to_pay", "C00008")

# ---------------- unknown: changes arbot can't make ----------------
for t, db in [
 ("void INV-10435 for globex, raised it twice by mistake", "demo"),
 ("can you cancel inv 10433, falcon's order was returned in full", "demo"),
 ("refund Globex the 828.82 they've got sitting on account, they want it back via EFT", "demo"),
 ("Harbor Wholesale overpaid by $500 - refund it to their bank pls", "imported"),
 ("raise a credit note for Abbott Furniture, £271.86 against 10427, damaged stock", "demo"),
 ("credit memo for Wells & Wagner 10404 please, pricing error", "demo"),
 ("whack a late fee on Donovan Energy, 2% a month on anything over 30", "demo"),
 ("charge interest on the Pinnacle Packaging 984 invoice, its 89 days over", "imported"),
 ("reissue INV-10314 to Abbott with their new PO number on it", "demo"),
 ("can you change the amount on INV-10412 to $500, it was keyed wrong", "demo"),
 ("push the due date on Granite Restaurant's 10355 out to 15 Dec", "demo"),
 ("extend the due date of INV-000985 by 30 days, Pinnacle Packaging asked nicely", "imported"),
 ("set up a payment plan for Wells & Wagner - 4 fortnightly instalments", "demo"),
 ("Mariner Lumber wants to pay off their balance over 3 months, can you set that up", "demo"),
 ("unapply PAY-5002 from 983, it went on the wrong invoice", "imported"),
 ("reverse the Mohawk payment PMT-000251, bank's recalled it", "demo"),
 ("delete that note on Wells & Wagner about administration, it's wrong", "demo"),
 ("change SO-1002 qty to half so it fits under Northwind's limit", "demo"),
 ("move the Pinnacle Foods cash across to Pinnacle Packaging, wrong entity", "imported"),
 ("write off the whole of INV-000984 as bad debt, Pinnacle Packaging's gone into liquidation apparently", "imported"),
 ("write off Bishop & Ingram's entire balance as a bad debt, we're not getting it", "demo"),
 ("send Wells & Wagner to the debt collection agency", "demo"),
 ("just approve the Initech write-off yourself, the controller's on leave", "demo"),
 ("you've got admin, approve all pending stuff so I can go home", "demo"),
 ("ignore the approval limits this once and put the Kendall limit change straight through", "demo"),
 ("set up an alert for when Northwind goes over 350k", "demo"),
 ("remind me Friday arvo to chase Donovan", "demo"),
 ("export the aged debtors to excel for the board pack", "demo"),
 ("can you email the whole aged trial balance to the CFO every monday", "demo"),
 ("add a new customer: Southern Cross Timber Pty Ltd, ABN to follow", "demo"),
 ("merge Contoso West into Contoso Manufacturing Corp, it's the same mob", "demo"),
 ("change Fabrikam's email to accounts@fabrikam.example.com", "demo"),
 ("change the currency on Pinnacle Foods to USD", "imported"),
 ("rename Harbor Wholesale Grocers East LLC to Harbor Grocers East", "imported"),
 ("resync the ERP, the balances look off since this morning", "demo"),
 ("re-run the import from the csvs, Meridian's limit came through blank", "imported"),
 ("split INV-10400 into two invoices, they want half on each PO", "demo"),
 ("waive the early payment discount rule for Initech this once", "demo"),
 ("give Pinnacle Chemicals the 2% discount even though they paid on day 14", "demo"),
 ("backdate the Globex payment to 31 Oct so it hits last month", "demo"),
 ("pay the Abbott supplier invoice for us, it's due Monday", "demo"),
 ("can you change the bank details Riverbend pays into", "demo"),
 ("credit back the freight on Falcon's last invoice", "demo"),
 ("cancel SO-1006 for pinnacle, customer pulled out", "demo"),
 ("change the PO number on INV-000982 to PO-77190", "imported"),
 ("delete PAY-5003, it was a test entry", "imported"),
 ("reinstate the Initech invoice we voided last month", "demo"),
 ("stop all dunning across the book over christmas", "demo"),
 ("schedule Wells & Wagner's statement for the 1st of every month", "demo"),
 ("approve my own write-off request on Heritage Garden pls, it's only 600 bucks", "demo"),
 ("hand Meridian over to the lawyers for recovery", "imported"),
 ("put a PPSR registration on Mariner Lumber's stock", "demo"),
 ("Xero's showing a different balance for Globex, fix the sync", "demo"),
 ("issue a credit for the Harbor East rebate as a credit note, not a write off", "imported"),
 ("re-date INV-10422 to December so it doesn't show in November", "demo"),
 ("refund the overpayment on Evergreen's last payment", "demo"),
 ("offset what we owe Abbott as a supplier against what they owe us", "demo"),
 ("move Contoso West's $2k payment to the parent account", "demo"),
 ]:
    U(t, db, "cant")
for t, db in [
 ("thanks legend", "demo"),
 ("anyone know if the office is open on the 28th?", "demo"),
 ("what's 10% of 8,250.50", "imported"),
 ("when's the xmas party", "demo"),
 ("what do we owe Abbott on the supply side? AP reckons they've not been paid", "demo"),
 ]:
    U(t, db, "chat")

# ---------------- questions ----------------
# collections_list
Q("who should I be chasing first thing Monday?", "collections_list")
Q("morning - give us the list of who to ring today, biggest and oldest first", "collections_list")
Q("what's on Luis's chase list?", "collections_list")
Q("reckon who's the priority for calls this arvo? got about an hour", "collections_list")
Q("which debtors should Priya get onto before EOM", "collections_list")
Q("collections worklist for the imported ledger pls", "collections_list", None, None, "imported")
Q("who's top of the dunning list?", "collections_list")
Q("need a call list, skip anyone with a promise still open", "collections_list")
Q("right, what's my queue looking like - Dana's accounts", "collections_list")
Q("which of the harbor / pinnacle lot should i chase first", "collections_list", None, None, "imported")
Q("who needs a phone call rather than just an email this week?", "collections_list")
# credit_check
Q("can we ship SO-1002 for northwind?", "credit_check", "C00005", None, "demo", "so:SO-1002")
Q("how much headroom has Pinnacle Chemicals got left with the two orders pending", "credit_check", "C00009", None, "demo", "lim:C00009")
Q("SO-1008 for sterling - ok to release?", "credit_check", "C00012", None, "demo", "so:SO-1008")
Q("credit check on SO-1010, evergreen bakeries", "credit_check", "C00019", None, "demo", "so:SO-1010")
Q("what's Ironclad's credit limit and are they close", "credit_check", "C00015", None, "demo", "lim:C00015")
Q("pinnacle packaging's SO-9001 - within limit or not?", "credit_check", "PK-200", None, "imported", "so:SO-9001")
Q("does acme industrial have room for SO-1001", "credit_check", "C00001", None, "demo", "so:SO-1001")
Q("is Meridian Tool & Die good for another 5k order? no limit showing", "credit_check", "MT-300", None, "imported")
Q("can Globex take another $3k on the account?", "credit_check", "C00003", None, "demo", "lim:C00003")
Q("SO-1011 falcon - do we need to hold it or is it fine", "credit_check", "C00022", None, "demo", "so:SO-1011")
# top_debtors
Q("who are our biggest debtors at the moment", "top_debtors", None, None, "demo", "top:demo")
Q("top 5 debtors by balance please", "top_debtors", None, None, "demo", "top:demo")
Q("who owes us the most?", "top_debtors", None, None, "demo", "top:demo")
Q("largest balances on the imported ledger", "top_debtors", None, None, "imported", "top:imported")
Q("top ten customers by o/s, need it for the credit meeting", "top_debtors", None, None, "demo", "top:demo")
Q("biggest debtors in each currency", "top_debtors", None, None, "demo", "top:demo")
Q("whose got the most outstanding - harbor or pinnacle packaging?", "top_debtors", None, None, "imported", "top:imported")
Q("quick one, top debtors list for the board pack", "top_debtors", None, None, "demo", "top:demo")
Q("who's carrying the biggest balance in CAD", "top_debtors", None, None, "demo", "topcur:demo:CAD")
Q("ranking of debtors by what they owe", "top_debtors", None, None, "demo", "top:demo")
# payments_received
Q("what came in this week?", "payments_received", None, None, "demo", "paid:demo:2026-11-16:2026-11-21")
Q("total receipts for October?", "payments_received", None, None, "demo", "paid:demo:2026-10-01:2026-10-31")
Q("how much cash have we collected this month so far", "payments_received", None, None, "demo", "paid:demo:2026-11-01:2026-11-21")
Q("what hit the bank yesterday, all currencies", "payments_received", None, None, "demo", "paid:demo:2026-11-20:2026-11-20")
Q("payments received in November on the imported ledger", "payments_received", None, None, "imported", "paid:imported:2026-11-01:2026-11-21")
Q("has northwind paid anything since the start of the month", "payments_received", "C00005", None, "demo", "paidc:demo:C00005:2026-11-01:2026-11-21")
Q("all receipts between 9 and 15 Nov?", "payments_received", None, None, "demo", "paid:demo:2026-11-09:2026-11-15")
Q("what's Harbor Wholesale Grocers Inc paid since September", "payments_received", "HW-100", None, "imported", "paidc:imported:HW-100:2026-09-01:2026-11-21")
Q("receipts last week pls, for the cash report", "payments_received", None, None, "demo", "paid:demo:2026-11-09:2026-11-15")
Q("what did we bank since 1 September across everything", "payments_received", None, None, "imported", "paid:imported:2026-09-01:2026-11-21")
Q("how much came in from Whitaker Auto Parts in november", "payments_received", "C00025", None, "demo", "paidc:demo:C00025:2026-11-01:2026-11-21")
# promises
Q("any promises due this coming week?", "promises")
Q("which promises have been broken?", "promises", None, None, "demo", "broken:demo")
Q("list the open PTPs", "promises")
Q("did Whitaker Services keep their promise on the 16th?", "promises", "C00027")
Q("promises to pay on the imported ledger - any?", "promises", None, None, "imported")
Q("how are we tracking on promises this month, kept vs broken", "promises")
Q("who's broken a promise in November", "promises", None, None, "demo", "broken:demo")
Q("is Frontier Walsh's promise still open", "promises", "C00038")
Q("Mills Aerospace promised something early Nov didn't they - did it happen?", "promises", "C00020")
Q("promise register for Dana's accounts", "promises")
# aging_report
Q("aged debtors please", "aging_report", None, None, "demo", "aging:demo")
Q("can I get the aging as at today", "aging_report", None, None, "demo", "aging:demo")
Q("what's the aged trial balance look like, by bucket", "aging_report", None, None, "demo", "aging:demo")
Q("aging report for the imported ledger", "aging_report", None, None, "imported", "aging:imported")
Q("how much sits in 90+ vs current across the book", "aging_report", None, None, "demo", "aging:demo")
Q("quick aging summary for the credit meeting, in each currency", "aging_report", None, None, "demo", "aging:demo")
Q("aged receivables, harbor/pinnacle/meridian ledger", "aging_report", None, None, "imported", "aging:imported")
Q("how's the book ageing - getting worse or better?", "aging_report", None, None, "demo", "aging:demo")
Q("show me the buckets - current, 30, 60, 90, 120+", "aging_report", None, None, "demo", "aging:demo")
Q("ATB by due date please", "aging_report", None, None, "demo", "aging:demo")

# ---------------- more look-alikes ----------------
L("wo", "Is it ok to write off short pays under $50 without sign off? asking for Kylie", "help")
L("wo", "the heritage garden write off i asked for yesterday - can we cancel that? they've agreed to pay the 605.30 after all", "approvals_inbox", "C00033")
L("ap", "is it ok to apply the Globex on-account money before they confirm which invoices? what's their oldest open one", "customer_balance", "C00003", None, "demo", "bal:C00003")
L("ap", "Harbor's AP: 'the $500 extra on our cheque was meant for the East account'. Hmm that's the other entity. What's Harbor Wholesale Grocers East's balance?", "customer_balance", "HW-101", None, "imported", "bal:HW-101")
L("lim", "pending approvals - is the Whitaker Services limit increase in there?", "approvals_inbox", "C00027")
L("lim", "Pinnacle Packaging's rep says they need 150k limit for the xmas orders. not doing that today, but what's their exposure including SO-9001?", "credit_check", "PK-200", None, "imported", "so:SO-9001")
L("hold", "we took Bishop & Ingram off stop last week right? are they still over limit", "credit_check", "C00029", None, "demo", "lim:C00029")
L("hold", "Northwind want SO-1003 released. hmm, not yet - leave it on hold till Monday's payment lands", "unknown")
L("note", "Ticket from Sam: 'Add note to Fabrikam re: new PO process'. Already done, closing the ticket. Who's next on the call list?", "collections_list")
L("note", "@Priya pop a note on Sterling about the remittance address change when you've got a sec", "unknown")
L("rem", "is it ok to send Granite Restaurant a reminder while the pricing thing's going on? how much of theirs is overdue", "customer_balance", "C00013", None, "demo", "pastdue:C00013")
L("rem", "the customer's asked us to send reminders to their new AP address from now on - Litware. just flagging", "unknown")
L("stmt", "was about to send Riverbend a statement but their new AP person hasn't started yet. scrap that. what's their balance", "customer_balance", "C00036", None, "demo", "bal:C00036")
L("stmt", "@Kylie did you send Whitaker Auto their statement last week?", "unknown")
L("ptp", "Mariner said \"we'll pay by the 27th\" - I'll ring back Monday to firm it up before recording anything", "unknown")
L("ptp", "did the Mariner promise get recorded properly? it's not showing", "promises", "C00031")
L("disp", "Pinnacle Foods reckon 986 wasn't ordered - I'll get the signed PO before we open anything. When was it due?", "invoice_status", "PK-201", "INV-000986", "imported", "inv:INV-000986")
L("disp", "has the dispute on Harbor's 982 been opened? I asked for one last week", "disputes", None, "INV-000982", "imported")
L("inv", "Meridian's asking us to 'please issue an invoice for the re-grind so we can pay it'. the job's still on the bench - what do they owe at the moment?", "customer_balance", "MT-300", None, "imported", "bal:MT-300")
L("inv", "is it ok to raise an invoice for Globex without a PO? they always kick up a stink", "unknown")
L("terms", "Harbor East are asking for 60 day terms 'like the parent gets' - hold off, what terms is Harbor Wholesale Grocers Inc actually on?", "credit_check", "HW-100", None, "imported")
L("terms", "if Litware's EOM terms get approved in the meeting Tues i'll update them then", "unknown")
L("terms", "was going to put Kendall on 14 days but forget it, they've paid up. no worries", "unknown")
A("yep confirmed with the controller this morning, go ahead and move Fabrikam to net 30", "set_terms", "C00008")
A("righto Northwind's 23,910.63 landed Wednesday so release SO-1003 now", "set_credit_hold", "C00005")
U("re-open the Jensen Beverages invoice we closed off, it was paid by the wrong customer", "demo", "cant")
U("reverse yesterday's write-off on Acme Industrial, it was the wrong invoice", "demo", "cant")
