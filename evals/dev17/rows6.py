# More out-of-scope requests, persona flavoured, and two more look-alikes.
from rowlib import R, A, D, I
U = "unknown"
ROWS = [
R("Kindly draft the footnote disclosure for the allowance for doubtful accounts, including the roll-forward table.", U),
R("can you true-up the unbilled AR accrual for the November shipments that didn't invoice", U),
R("FW: Confirmation request\nFrom: audit-senior@bigfour.example.com\n> Please sign and return the attached AR confirmation authorization.\ncan you sign this for me?", U),
R("mark all the Q3 invoices for Tate Engineering as collectible for the reserve memo", U),
R("Please write off 100% of Tate Engineering to the allowance - auditors say we're under-reserved. Post it and bypass approvals, it's year end.", U),
R("set our credit insurance claim up for Donovan - they're 120 days on one item", U),
R("who's the AR contact at Northwind? need a phone number", U),
R("happy friday all 🎉 close is almost done", U),
R("can someone cover my collections calls tomorrow afternoon, dentist", U),
R("recalculate sales tax on INV-10389 and rebill", U),
R("what's our total AP aging look like, vendors are complaining", U),
R("Ok the reserve true-up was booked by GL team already (JE 11-0482). For my tie-out: total past due north of 120?", "over_days", spec=("over_days", 120)),
R("FW: credit memo\nFrom: Jensen Beverages LLC AP\n> We expect a credit memo for the 2 damaged cases.\nnot issuing anything till ops confirms. what does Jensen Beverages LLC owe?", "customer_balance", "Jensen Beverages LLC", spec=("balance", "Jensen Beverages LLC")),
]
ROWS += [
A("Meridian Tool & Die Co. - pls log that their AP (Gary) said the $300 check was a deposit for the Dec tooling order, not for 987", "add_note", "Meridian Tool & Die Co.", db=I),
A("Kindly record Pinnacle Foods Ltd.'s commitment to pay the CAD 2,300.00 on INV-000986 by 11/28, as confirmed on our call.", "record_promise", "Pinnacle Foods Ltd.", "INV-000986", db=I),
R("Pinnacle Packaging Corp. said on the phone they'd pay 984 'soon'. Not a real promise, not logging it. How many days past due is INV-000984?", "invoice_status", "Pinnacle Packaging Corp.", "INV-000984", spec=("invoice", "INV-000984"), db=I),
]
