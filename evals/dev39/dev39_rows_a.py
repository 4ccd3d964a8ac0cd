# rows part A: real change requests (proposal true) -- action_request
from dev39_common import R
ROWS = []
A = ROWS.append
GX="Globex Corporation"; NW="Northwind Traders Inc."; AIS="Acme Industrial Supply Inc."; AL="Acme Logistics LLC"
IT="Initech LLC"; PC="Pinnacle Chemicals Inc."; TE="Tate Engineering Incorporated"; ST="Sterling Pharmaceuticals Co."
IC="Ironclad Office Products Company"; FW="Frontier Walsh Chemicals Corp."; MT="Midwest Transport Group"
CW="Clearwater Engineering LLC"; WP="Wagner Pumps & Valves LLC"; JM="Jacobs & Mercer Hardware Inc."
HW="Harbor Wholesale Grocers Inc."; HWE="Harbor Wholesale Grocers East LLC"; PP="Pinnacle Packaging Corp."; PF="Pinnacle Foods Ltd."; MTD="Meridian Tool & Die Co."

# write_off_deduction
A(R("Hi arbot, please write off the $272.73 short-ship deduction on INV-10319 for Acme Industrial Supply. Marc approved it in the thread above.\nThanks, Jen","action_request",AIS,"INV-10319","write_off_deduction",True))
A(R("See below — go ahead and write off the freight deduction on INV-10372, Frontier Walsh, $342.13.\n\nFrom: Marc Tremblay\nSent: Friday, November 20, 2026 4:12 PM\nSubject: RE: Frontier Walsh freight ded\n\nApproved, it's under my limit. Write it off.","action_request",FW,"INV-10372","write_off_deduction",True))
A(R("thanks Priya for chasing the POD. arbot, write off the 523.24 damage deduction on Sterling Pharmaceuticals INV-10308 please, reason code damage.","action_request",ST,"INV-10308","write_off_deduction",True))
A(R("Marc signed off this morning so we're good: arbot please w/o the pricing short pay on INV-10298 (Clearwater Engineering, 719.32) to pricing variance.","action_request",CW,"INV-10298","write_off_deduction",True))
A(R("Can you write off the remaining 154.89 on Initech INV-10295? It's the short shipped 3 cases, warehouse confirmed. Thanks","action_request",IT,"INV-10295","write_off_deduction",True))
A(R("Hi arbot,\nPlease write off the $171.45 pricing deduction Acme Industrial took on INV-10396. Sales confirmed the price on the PO was wrong on our side.\nThanks,\nAisha","action_request",AIS,"INV-10396","write_off_deduction",True))
A(R("arbot - w/o Pinnacle Chemicals short pay on INV-10332, $308.62, short shipped. Approval attached in the thread from Marc.","action_request",PC,"INV-10332","write_off_deduction",True))
A(R("Marc approved it (below). Please write off the $140.00 left on INV-000987 for Meridian Tool & Die, it's a deduction they'll never pay.\n\n> Marc: fine, w/o the 140","action_request",MTD,"INV-000987","write_off_deduction",True,"imported"))

# apply_payment
A(R("arbot, please apply PMT-U00001 (the $828.82 cheque Globex sent with no remittance) to INV-10222. Globex AP confirmed by phone it's for that one.","action_request",GX,"INV-10222","apply_payment",True))
A(R("Fwd below from Globex AP, they confirmed what the on-account cheque is for.\n\nFrom: ap@globexcorporation.example.com\nSent: Thursday, November 19, 2026 10:02 AM\nSubject: Cheque 828.82\n\nThe cheque for 828.82 was for invoice INV-10186.\n\nPlease apply it to INV-10186, thanks.","action_request",GX,"INV-10186","apply_payment",True))
A(R("Hi arbot, Harbor Wholesale's cheque PAY-5002 still has $500.00 sitting unapplied. Please apply it to INV-000982.","action_request",HW,"INV-000982","apply_payment",True,"imported"))
A(R("thanks Luis, that's what I thought. arbot go ahead and apply the $300 from PAY-5003 to Meridian Tool & Die INV-000987.","action_request",MTD,"INV-000987","apply_payment",True,"imported"))
A(R("Please apply Globex's unapplied 828.82 against their oldest open invoice INV-10183.\nThanks, Jen","action_request",GX,"INV-10183","apply_payment",True))
A(R("Customer called back and confirmed: the on-account cheque PMT-U00001 is for INV-10209. Can you apply it now so it stops showing on the unapplied report? Globex Corporation.","action_request",GX,"INV-10209","apply_payment",True))

# set_credit_limit
A(R("Marc approved below, arbot please raise Globex Corporation's credit limit to $25,000.\n\nFrom: Marc Tremblay\nSubject: RE: Globex limit\nOK with 25k, they've been paying.","action_request",GX,None,"set_credit_limit",True))
A(R("Hi arbot, please set the credit limit for Wells & Wagner Retail Group to 30,000 USD. Approved by Marc in yesterday's credit meeting.","action_request","Wells & Wagner Retail Group",None,"set_credit_limit",True))
A(R("Thanks Marc. arbot — lower Whitaker Services Group's limit to $2,000 as Marc said.","action_request","Whitaker Services Group",None,"set_credit_limit",True))
A(R("Can you bump Litware Office Products' credit limit up to 20k? Marc OK'd it, their new PO pipeline is bigger this quarter.","action_request","Litware Office Products Incorporated",None,"set_credit_limit",True))
A(R("arbot please increase the limit on Pinnacle Foods Ltd. to CAD 15,000 — approval from Marc is in the e-mail below.\n\nFrom: Marc Tremblay\nSent: Wed 11/18/2026 2:40 PM\nSubject: Pinnacle Foods\n\nApproved, 15k CAD.","action_request",PF,None,"set_credit_limit",True,"imported"))
A(R("Please set Meridian Tool & Die's credit limit to $10,000, they don't have one on file at all. Marc approved.","action_request",MTD,None,"set_credit_limit",True,"imported"))
A(R("Hi all, the Mariner Lumber review is done and Marc approved 45k. arbot, please update Mariner Lumber Inc.'s credit limit to 45,000.","action_request","Mariner Lumber Inc.",None,"set_credit_limit",True))

# set_credit_hold
A(R("arbot, put Whitaker Services Group on credit hold please. Third broken promise this quarter.","action_request","Whitaker Services Group",None,"set_credit_hold",True))
A(R("Marc's reply below — please release SO-1004 for Contoso Manufacturing Corp.\n\nFrom: Marc Tremblay\nSent: Saturday, November 21, 2026 9:15 AM\nSubject: RE: SO-1004 on hold\n\nRelease it, the cheque cleared.","action_request","Contoso Manufacturing Corp.",None,"set_credit_hold",True))
A(R("Hi arbot, please place Northwind Traders Inc. on hold until the September invoices are paid. Marc agreed on the call.","action_request",NW,None,"set_credit_hold",True))
A(R("thanks Dana. arbot can you take Bishop & Ingram Farms off credit hold, they wired the balance this morning.","action_request","Bishop & Ingram Farms Inc.",None,"set_credit_hold",True))
A(R("Please hold SO-9001 for Pinnacle Packaging until INV-000984 is paid. It's 90 days past due.","action_request",PP,None,"set_credit_hold",True,"imported"))
A(R("Kevin's order for Falcon Hardware (SO-1012) is good to go, Marc approved the release. arbot, release SO-1012 please.","action_request","Falcon Hardware LLC",None,"set_credit_hold",True))
A(R("Block new orders for Harbor Wholesale Grocers East LLC please, they've ignored three reminders on INV-000983.","action_request",HWE,None,"set_credit_hold",True,"imported"))

# add_note
A(R("arbot please add a note to Globex Corporation: spoke with Karen in AP, cheque run is Thursday, INV-10183 and INV-10186 are on it.","action_request",GX,None,"add_note",True))
A(R("Thanks Priya — arbot, put a note on Sterling Pharmaceuticals: POD sent to their AP on Nov 20 for the damage claim.","action_request",ST,None,"add_note",True))
A(R("Log a call on Midwest Transport Group please: left voicemail for the controller re INV-10254 and INV-10293, will try again Monday.","action_request",MT,None,"add_note",True))
A(R("Hi arbot,\nCan you add this to the Northwind Traders account notes: 'Customer says the June invoices were sent to the wrong AP inbox, re-sent to ap@northwindtraders.example.com on 11/20.'\nThanks, Jen","action_request",NW,None,"add_note",True))
A(R("note for Pinnacle Packaging Corp.: AP contact is now Dave Chen, payables@pinnaclepack.example.com, cheque runs on Fridays. please save it arbot","action_request",PP,None,"add_note",True,"imported"))
A(R("Please log a note on Harbor Wholesale Grocers Inc.: they'll pay INV-000982 once their new ERP is live, confirmed by phone today.","action_request",HW,None,"add_note",True,"imported"))
A(R("FYI all, I talked to Tate Engineering this morning. arbot — add a note to Tate Engineering Incorporated that their AP manager is out until Dec 1 and nobody else can approve payments.","action_request",TE,None,"add_note",True))

# send_reminder
A(R("arbot, please send Ironclad Office Products a reminder for INV-10297 and INV-10305, both past due since Nov 1-2.","action_request",IC,"INV-10297","send_reminder",True))
A(R("Fwd below. No payment yet, they said 'next week' two weeks ago. Please send them a firm reminder on INV-10263.\n\nFrom: ap@sterlingpharmaceuticals.example.com\nSubject: RE: Past due INV-10263\n\nWe will release payment next week.","action_request",ST,"INV-10263","send_reminder",True))
A(R("Can you e-mail Wagner Pumps & Valves a past-due reminder for everything over 30 days? Thanks","action_request",WP,None,"send_reminder",True))
A(R("thanks Luis, I'll take it from here. arbot send a reminder to Midwest Transport Group for INV-10254.","action_request",MT,"INV-10254","send_reminder",True))
A(R("Please send a dunning letter to Pinnacle Packaging for INV-000984, it's almost 90 days late.","action_request",PP,"INV-000984","send_reminder",True,"imported"))
A(R("Hi arbot, Marc wants a final notice out to Evergreen Bakeries today for INV-10226. Please send it.","action_request","Evergreen Bakeries Inc.","INV-10226","send_reminder",True))
A(R("arbot send Pinecrest Hospitality a friendly reminder about INV-10229 and INV-10235 pls","action_request","Pinecrest Hospitality Company","INV-10229","send_reminder",True))

# send_statement
A(R("Fwd from Globex AP below — arbot, send them the statement.\n\nFrom: ap@globexcorporation.example.com\nSent: Friday, November 20, 2026 3:30 PM\nSubject: Statement request\n\nHi, can you send us a current statement of account? We're reconciling.","action_request",GX,None,"send_statement",True))
A(R("Please e-mail a statement of account to Heritage Garden Centers. Their AP says they never got October's.","action_request","Heritage Garden Centers Corp.",None,"send_statement",True))
A(R("arbot, send a statement to Harbor Wholesale Grocers East LLC please, ap-east@ is the right address.","action_request",HWE,None,"send_statement",True,"imported"))
A(R("Thanks Sam. arbot - can you send Fabrikam International Services Ltd. their SOA, they're asking which invoices are still open","action_request","Fabrikam International Services Ltd.",None,"send_statement",True))
A(R("Hi arbot, Kevin (sales) is meeting Donovan Energy Monday. Please send Donovan Energy Inc. an updated statement today so they have it before the meeting.","action_request","Donovan Energy Inc.",None,"send_statement",True))
A(R("Send a statement to Pinnacle Foods Ltd. please","action_request",PF,None,"send_statement",True,"imported"))

# record_promise
A(R("arbot, record a promise to pay from Midwest Transport Group: $10,840.97 for INV-10293 by November 27.","action_request",MT,"INV-10293","record_promise",True))
A(R("Just got off the phone with Sterling Pharmaceuticals. Please log a PTP: they'll pay INV-10248 ($15,613.74) on Dec 1.","action_request",ST,"INV-10248","record_promise",True))
A(R("Harbor Wholesale Grocers Inc. promised to pay INV-000982 in full by Nov 30. please record the promise, thanks","action_request",HW,"INV-000982","record_promise",True,"imported"))
A(R("thanks Dana! arbot — record Contoso Manufacturing West's promise: 3,836.75 on INV-10204 next Friday, Nov 27.","action_request","Contoso Manufacturing West LLC","INV-10204","record_promise",True))
A(R("Fwd from Wagner Pumps AP:\n\nFrom: ap@wagnerpumps.example.com\nSubject: RE: overdue\n\nWe will pay INV-10239 and INV-10287 on December 4.\n\nPlease log that as a promise to pay.","action_request",WP,"INV-10239","record_promise",True))
A(R("Hi arbot, please record that Pinnacle Packaging Corp. committed to pay $30,000 on INV-000984 by December 15. Jen spoke with their controller.","action_request",PP,"INV-000984","record_promise",True,"imported"))

# open_dispute
A(R("arbot, please open a dispute on INV-10283 for Mohawk Pharmaceuticals — they say they were billed for 12 units, received 10.","action_request","Mohawk Pharmaceuticals Holdings","INV-10283","open_dispute",True))
A(R("Forwarding below. Please log this as a dispute on INV-10311, Heritage Garden Centers, pricing.\n\nFrom: ap@heritagegarden.example.com\nSubject: INV-10311\n\nThe price on this invoice does not match our PO. We will not pay until corrected.","action_request","Heritage Garden Centers Corp.","INV-10311","open_dispute",True))
A(R("Hi arbot, Meridian Tool & Die is disputing INV-000987, they say the parts were returned. Can you open a dispute on it?","action_request",MTD,"INV-000987","open_dispute",True,"imported"))
A(R("thanks Raj for the heads up. arbot, mark INV-10226 as disputed for Evergreen Bakeries, wrong delivery address on the BOL.","action_request","Evergreen Bakeries Inc.","INV-10226","open_dispute",True))
A(R("Please open a dispute for Riverbend Packaging on INV-10240: damaged breaker panels, photos in the e-mail chain.","action_request","Riverbend Packaging Company","INV-10240","open_dispute",True))
A(R("Donovan Energy says INV-10320 is a duplicate of a prior billing. arbot please open a dispute on it while Sam checks.","action_request","Donovan Energy Inc.","INV-10320","open_dispute",True))

# create_invoice
A(R("arbot, please create an invoice for Falcon Hardware LLC for SO-1011, shipped yesterday.","action_request","Falcon Hardware LLC",None,"create_invoice",True))
A(R("Hi arbot, SO-1008 for Sterling Pharmaceuticals went out on Friday. Please invoice it.","action_request",ST,None,"create_invoice",True))
A(R("Warehouse confirmed SO-9002 shipped complete. Can you raise the invoice for Harbor Wholesale Grocers Inc.? Thanks","action_request",HW,None,"create_invoice",True,"imported"))
A(R("Thanks Tom. arbot — bill Pinecrest Hospitality for SO-1013 please, it was delivered Thursday.","action_request","Pinecrest Hospitality Company",None,"create_invoice",True))
A(R("Please create the invoice for Evergreen Bakeries' order SO-1010, $8,062.51, PO-58429.","action_request","Evergreen Bakeries Inc.",None,"create_invoice",True))
A(R("arbot create an invoice for Pinnacle Packaging Corp. for SO-9001 — shipped on the 20th.","action_request",PP,None,"create_invoice",True,"imported"))

# set_terms
A(R("Marc approved below. arbot, change Globex Corporation's terms to Net 30.\n\nFrom: Marc Tremblay\nSubject: RE: Globex terms\nYes, move them to Net 30 going forward.","action_request",GX,None,"set_terms",True))
A(R("Please set Whitaker Services Group to Net 30 terms effective now, per Marc.","action_request","Whitaker Services Group",None,"set_terms",True))
A(R("Hi arbot, can you update Meridian Tool & Die's payment terms from Net 60 to Net 45? Approved in the credit review.","action_request",MTD,None,"set_terms",True,"imported"))
A(R("thanks Marc. arbot: change terms for Mariner Lumber Inc. to net 45 please","action_request","Mariner Lumber Inc.",None,"set_terms",True))
A(R("Please put Kendall Paper Incorporated on 2/10 Net 30 terms, sales negotiated it and Marc signed off.","action_request","Kendall Paper Incorporated",None,"set_terms",True))
A(R("Pinnacle Packaging Corp. asked for Net 30 instead of 45 so they can line up with their budget cycle, Marc is fine with it. arbot please change their terms to Net 30.","action_request",PP,None,"set_terms",True,"imported"))
