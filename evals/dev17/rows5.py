# More change requests and look-alikes (to reach the mix).
from rowlib import R, A, D, I
ROWS = [
A("Kindly release Evergreen Bakeries' order SO-1010 - the PG guarantee from the owner came in this morning and I've reviewed it.", "set_credit_hold", "Evergreen Bakeries Inc."),
A("put a note on INV-000985 for Pinnacle Packaging Corp.: invoice copy resent to payables@ on 11/20, no response yet", "add_note", "Pinnacle Packaging Corp.", db=I),
A("FW: Account review\nFrom: Credit Committee\n> Approved: Litware Office Products limit reduced to $12,500 pending financials.\nPls action the Litware limit change per the above.", "set_credit_limit", "Litware Office Products Incorporated"),
A("Send Donovan Energy a reminder for INV-10320 - and cc their controller if you can", "send_reminder", "Donovan Energy Inc.", "INV-10320"),
R("Can you remind me what the write-off threshold is before it needs the controller? Asking before I submit the Acme Industrial one.", "help"),
R("FW: Statement request\nFrom: ap@harborwholesale.example.com\n> Please send us a statement.\nAlready sent it Friday. Did they pay anything since?", "payment_history", db=I),
R("Credit committee minutes say 'reduce Litware limit to 12.5k' - that's already been done by Luis. What's Litware's exposure now vs limit?", "credit_check", "Litware Office Products Incorporated", spec=("limit", "Litware Office Products Incorporated")),
R("If Granite Restaurant Group LLC pays the CAD 21,720.09 next week, would they be back under limit? What's their limit?", "credit_check", "Granite Restaurant Group LLC", spec=("limit", "Granite Restaurant Group LLC")),
R("The customer's email says 'kindly apply our check to INV-10222 and INV-10186'. Before I do anything - how much is open on INV-10222?", "invoice_status", None, "INV-10222", spec=("invoice", "INV-10222")),
R("we decided NOT to send reminders to anyone during the audit fieldwork week. what's overdue more than 30 though", "over_days", spec=("over_days", 30)),
R("Sales is pushing us to take Whitaker Services off hold. I'm inclined to say no - what did they promise and did they keep it?", "promises", "Whitaker Services Group", spec=("promise_of", "Whitaker Services Group")),
R("Mark wants to know if we *could* change Mills Aerospace to net 90. I'm not asking to do it. How late do they pay today on average?", "days_to_pay", "Mills Aerospace Holdings", spec=("cust", "Mills Aerospace Holdings")),
R("Did the $1,250 Initech rebill invoice get created already or is it still pending approval?", "approvals_inbox"),
R("Pinnacle Foods Ltd. asked (email below) whether we can put INV-000986 on hold while they check receipt of goods\n> could you hold the invoice pending our GRN?\nIs 986 overdue already?", "invoice_status", "Pinnacle Foods Ltd.", "INV-000986", spec=("invoice", "INV-000986"), db=I),
R("if we wrote off every short-pay under $300 this month how much would that be? just the short pays first", "deduction_summary"),
R("Question only: does applying PMT-U00001 need an approval or can AR do it alone?", "help"),
R("Per the close checklist, the Abbott Furniture statement went out on the 18th. What's Abbott's balance today in GBP?", "customer_balance", "Abbott Furniture Group", spec=("balance", "Abbott Furniture Group")),
R("FW: Promise\nFrom: Midwest Transport Group AP\n> We will pay INV-10254 on 11/16.\nthat's old - did they keep it?", "promises", "Midwest Transport Group", spec=("promise_of", "Midwest Transport Group")),
]
