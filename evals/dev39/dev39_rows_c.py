# rows part C: questions in the channel's voice
from dev39_common import R
from dev39_rows_a import GX,NW,AIS,AL,IT,PC,TE,ST,IC,FW,MT,CW,WP,JM,HW,HWE,PP,PF,MTD
ROWS = []
A = ROWS.append
# collections_list
A(R("Hi arbot, who should I be calling first on Monday? Trying to plan the week.","collections_list"))
A(R("Morning all. arbot, can you give me today's collections worklist? Luis is out so I'm covering his accounts too.","collections_list"))
A(R("What's the priority list for Dana's accounts? She asked me to cover while she's at the dentist.","collections_list"))
A(R("Who are the top accounts to chase before month end? Marc wants cash in before the 30th.","collections_list"))
A(R("thanks Sam. arbot — which past-due accounts should we hit first this week?","collections_list"))
A(R("Can you pull Priya Shah's call list for today please","collections_list"))
A(R("Hi arbot, I have an hour before the credit meeting. Who's most worth a phone call right now?","collections_list"))
A(R("Which customers need a dunning letter this week?","collections_list"))
A(R("Who do I chase first on the imported accounts? Harbor, Pinnacle, Meridian — not sure where to start.","collections_list",None,None,None,False,"imported"))
A(R("Collections priorities for the week of Nov 23 please, biggest risk first.","collections_list"))
A(R("Jen here, just back from vacation. Whose accounts are the most urgent to work today?","collections_list",None,None,None,False,"imported"))

# credit_check
A(R("Hi arbot, Kevin wants to ship SO-1002 for Northwind Traders today. Can we?","credit_check",NW,None,None,False,"demo",("credit",NW,"SO-1002")))
A(R("Can Pinnacle Chemicals take SO-1006 without going over their limit?","credit_check",PC,None,None,False,"demo",("credit",PC,"SO-1006")))
A(R("Sales is asking about SO-1011 for Falcon Hardware. Are they OK on credit?","credit_check","Falcon Hardware LLC",None,None,False,"demo",("credit","Falcon Hardware LLC","SO-1011")))
A(R("How much headroom does Acme Logistics LLC have on their limit right now?","credit_check",AL,None,None,False,"demo",("credit",AL,None)))
A(R("Fwd from Steph below — arbot, is Sterling OK for SO-1008?\n\nFrom: Stephanie Roy\nSubject: Sterling order\n\nCan we release SO-1008 today? Customer needs it Tuesday.","credit_check",ST,None,None,False,"demo",("credit",ST,"SO-1008")))
A(R("Can we ship SO-9001 for Pinnacle Packaging Corp.? They still have the July invoice open.","credit_check",PP,None,None,False,"imported",("credit",PP,"SO-9001")))
A(R("Is there room under Harbor Wholesale Grocers Inc.'s limit for SO-9002?","credit_check",HW,None,None,False,"imported",("credit",HW,"SO-9002")))
A(R("What's Initech's credit limit and how close are they to it?","credit_check",IT,None,None,False,"demo",("credit",IT,None)))
A(R("Sales rep is on my back about Evergreen Bakeries SO-1010. Good to release or not?","credit_check","Evergreen Bakeries Inc.",None,None,False,"demo",("credit","Evergreen Bakeries Inc.","SO-1010")))
A(R("Quick one: is Donovan Energy over their limit with SO-1007 included?","credit_check","Donovan Energy Inc.",None,None,False,"demo",("credit","Donovan Energy Inc.","SO-1007")))
A(R("Hi arbot, credit check on Pinnacle Foods Ltd. please — sales wants to quote them a $12k CAD job.","credit_check",PF,None,None,False,"imported",("credit",PF,None)))

# top_debtors
A(R("Who owes us the most right now?","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Hi arbot, Marc wants the top 10 balances for the board deck. Can you pull them?","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Biggest customer balances please, by currency.","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Which five customers have the largest open AR?","top_debtors",None,None,None,False,"demo",("top",)))
A(R("thanks Priya. arbot — who are our largest debtors at the moment?","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Top debtors on the imported ledger please","top_debtors",None,None,None,False,"imported",("top",)))
A(R("Which accounts carry the most exposure? Marc's asking before the insurance renewal.","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Can someone... actually arbot, just rank our customers by balance owed.","top_debtors",None,None,None,False,"demo",("top",)))
A(R("Who are the biggest open balances among the CAD customers?","top_debtors",None,None,None,False,"demo",("top_cur","CAD")))
A(R("Who owes the most on the Harbor / Pinnacle / Meridian ledger?","top_debtors",None,None,None,False,"imported",("top",)))

# largest_invoices
A(R("What are our biggest open invoices right now?","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("Hi arbot, can you list the ten largest unpaid invoices? Marc wants to know where the big money is stuck.","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("largest open invoices on the imported book please","largest_invoices",None,None,None,False,"imported",("largest",)))
A(R("Which single invoice has the biggest balance outstanding?","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("Top 5 open invoices by amount, please. For the weekly call.","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("Thanks Dev. arbot, what are the largest invoices still open?","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("Which open invoices are over $50,000?","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("Can you show me the biggest unpaid bills across all customers? Sorted high to low.","largest_invoices",None,None,None,False,"demo",("largest",)))
A(R("What's the largest open invoice on the imported ledger and who's it for?","largest_invoices",None,None,None,False,"imported",("largest",)))
A(R("Biggest outstanding invoices in GBP?","largest_invoices",None,None,None,False,"demo",("largest_cur","GBP")))

# payments_received
A(R("How much cash came in this week?","payments_received",None,None,None,False,"demo",("recv","2026-11-16","2026-11-21")))
A(R("Hi arbot, what did we collect last week? Marc wants the number for the cash report.","payments_received",None,None,None,False,"demo",("recv","2026-11-09","2026-11-15")))
A(R("Total payments received in October please","payments_received",None,None,None,False,"demo",("recv","2026-10-01","2026-10-31")))
A(R("What came in yesterday?","payments_received",None,None,None,False,"demo",("recv","2026-11-20","2026-11-20")))
A(R("How much have we received so far this month?","payments_received",None,None,None,False,"demo",("recv","2026-11-01","2026-11-21")))
A(R("Payments received on the imported ledger in November?","payments_received",None,None,None,False,"imported",("recv","2026-11-01","2026-11-21")))
A(R("What did Northwind Traders pay us since Nov 1?","payments_received",NW,None,None,False,"demo",("recv_c",NW,"2026-11-01","2026-11-21")))
A(R("thanks Luis. arbot, can you total the receipts between Nov 1 and Nov 15?","payments_received",None,None,None,False,"demo",("recv","2026-11-01","2026-11-15")))
A(R("Cash receipts for Q3, by currency please.","payments_received",None,None,None,False,"demo",("recv","2026-07-01","2026-09-30")))
A(R("What did Harbor Wholesale Grocers Inc. pay us in September?","payments_received",HW,None,None,False,"imported",("recv_c",HW,"2026-09-01","2026-09-30")))
A(R("How much did we collect from Globex between Oct 1 and Nov 20?","payments_received",GX,None,None,False,"demo",("recv_c",GX,"2026-10-01","2026-11-20")))

# promises
A(R("Which promises to pay got broken this month?","promises",None,None,None,False,"demo",("promises_broken",)))
A(R("Hi arbot, any promises due in the next few days I should keep an eye on?","promises",None,None,None,False,"demo",("promises_open",)))
A(R("Did Midwest Transport keep their promise on INV-10254?","promises",MT,None,None,False,"demo",("promises_cust",MT)))
A(R("Open PTPs please","promises",None,None,None,False,"demo",("promises_open",)))
A(R("Who broke a promise to pay with us recently? Marc wants to review holds.","promises",None,None,None,False,"demo",("promises_broken",)))
A(R("What's the status of the Frontier Walsh promise?","promises",FW,None,None,False,"demo",("promises_cust",FW)))
A(R("Any promises to pay on the imported ledger?","promises",None,None,None,False,"imported",None))
A(R("How many promises were kept vs broken in November?","promises",None,None,None,False,"demo",None))
A(R("Has Whitaker Services Group kept any of their payment promises?","promises","Whitaker Services Group",None,None,False,"demo",("promises_cust","Whitaker Services Group")))
A(R("thanks Dana. arbot, which promises fall due this coming week?","promises",None,None,None,False,"demo",("promises_open",)))

# aging_report
A(R("Can you run the aging please?","aging_report",None,None,None,False,"demo",("total",)))
A(R("Hi arbot, I need the AR aging by bucket for month-end prep.","aging_report",None,None,None,False,"demo",("total",)))
A(R("What does the aging look like today, 30/60/90?","aging_report",None,None,None,False,"demo",("total",)))
A(R("Aging summary on the imported ledger please","aging_report",None,None,None,False,"imported",("total",)))
A(R("Marc wants to see how much is in the 90+ bucket. Can you give us the aging?","aging_report",None,None,None,False,"demo",("total",)))
A(R("thanks Jen — arbot, aged trial balance as of today?","aging_report",None,None,None,False,"demo",("total",)))
A(R("How's the aging split between current and past due?","aging_report",None,None,None,False,"demo",("total",)))
A(R("Can I get the aging report in CAD only?","aging_report",None,None,None,False,"demo",("total_cur","CAD")))
A(R("Aging for the whole book, by due date please.","aging_report",None,None,None,False,"demo",("total",)))
A(R("Hi arbot, aging buckets for Harbor, Pinnacle and Meridian together — i.e. the imported book.","aging_report",None,None,None,False,"imported",("total",)))
