# rows part F: more look-alikes and imported-ledger rows
from dev39_common import R
from dev39_rows_a import GX,NW,AIS,AL,IT,PC,TE,ST,IC,FW,MT,CW,WP,JM,HW,HWE,PP,PF,MTD
ROWS = []
A = ROWS.append
I = "imported"
def U(t, db=I): A(R(t,"unknown",None,None,None,False,db))
# look-alikes, imported
U("Fwd from Pinnacle Packaging, thoughts?\n\nFrom: payables@pinnaclepack.example.com\nSent: Thursday, November 19, 2026 1:14 PM\nSubject: INV-000984\n\nWe will pay INV-000984 on December 15. Please note this on our account and release order SO-9001.")
U("Sam - can you log Harbor's promise for the 30th on INV-000982? Details in my e-mail.")
U("I already set Meridian Tool & Die's limit to 10k this morning, Marc's approval is in the folder.")
U("Jen, can you send Harbor Wholesale East their statement? They asked on the phone.")
U("We'll release SO-9002 for Harbor once the ERP import finishes tonight. Not before.")
U("From: Marc Tremblay\nSubject: RE: Pinnacle Foods terms\n\nI'd consider Net 45 for Pinnacle Foods if they stay current through Q1. Not now.\n\nfyi")
U("Dev: open a dispute on INV-000987 for Meridian if they send the RMA numbers, otherwise leave it")
U("Did anyone write off the $140 on Meridian's INV-000987? Asking before I chase it.")
U("Fwd from Harbor Wholesale AP, is this right?\n\nFrom: ap@harborwholesale.example.com\nSubject: unapplied 500\n\nPlease apply the remaining $500 of our cheque to INV-000982 and send us an updated statement.")
U("Luis, please invoice SO-9001 when it ships Monday.")
U("Cancel my earlier ask to put Pinnacle Packaging on hold, their controller just called with a payment date.")
U("If Pinnacle Foods pays INV-000986 by Tuesday, don't send the reminder. Otherwise Priya will send it Wednesday.")
A(R("Is Harbor Wholesale Grocers East LLC's INV-000983 still open? Sam was going to send a reminder.","invoice_status",None,"INV-000983",None,False,I,("inv","INV-000983")))
A(R("Marc asked whether we should raise Pinnacle Packaging's limit. What's their exposure against the 75k now, including SO-9001?","credit_check",PP,None,None,False,I,("credit",PP,"SO-9001")))
# look-alikes, demo
U("Over to you Priya: Abbott Furniture wants a statement in GBP, can you send it?", "demo")
U("Thanks Dev, you already sent Initech the reminder so I'll skip it.", "demo")
A(R("Marc - do you want me to put Northwind on hold or wait for the CFO call?","credit_check",NW,None,None,False,"demo",("credit",NW,None)))
# imported questions
A(R("How much does Pinnacle Packaging Corp. owe us in total?","customer_balance",PP,None,None,False,I,("bal",PP)))
A(R("What's past due on the imported book? Marc wants a number.","total_ar" ,None,None,None,False,I,("past_due",)))
A(R("Is there any unapplied cash sitting on the imported ledger?","unapplied_cash",None,None,None,False,I,("unapplied",)))
A(R("What did Meridian Tool & Die pay us since Nov 1?","payments_received",MTD,None,None,False,I,("recv_c",MTD,"2026-11-01","2026-11-21")))
A(R("Who should Priya chase first on the imported accounts this week?","collections_list",None,None,None,False,I))
A(R("Can we ship SO-9002 for Harbor Wholesale Grocers Inc. today? Kevin is asking.","credit_check",HW,None,None,False,I,("credit",HW,"SO-9002")))
A(R("What's the biggest invoice Pinnacle Packaging has open?","customer_balance",PP,None,None,False,I,("largest_c",PP)))
A(R("What's our total AR on the imported ledger, by currency?","total_ar",None,None,None,False,I,("total",)))
# unknown imported
U("Please void INV-000985 for Pinnacle Packaging, it was billed twice. Marc approved.")
U("Can you re-run the ERP import tonight with the updated customers file?")
U("Set up a payment plan for Harbor Wholesale Grocers East: $250 a week on INV-000983.")
U("Please issue a credit memo to Pinnacle Foods for CAD 300, damaged cases.")
U("Add a $50 late fee to INV-000984, Pinnacle Packaging is 90 days late.")
