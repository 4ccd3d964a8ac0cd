# rows part E: more real requests (proposal true) inside longer messages / conditions met
from dev39_common import R
from dev39_rows_a import GX,NW,AIS,AL,IT,PC,TE,ST,IC,FW,MT,CW,WP,JM,HW,HWE,PP,PF,MTD
ROWS = []
A = ROWS.append
A(R("Hi all, quick update on Granite Restaurant: Luis reached their controller, they're sending a cheque Tuesday. arbot, please record a promise for Granite Restaurant Group LLC: CAD 21,720.09 on INV-10304 by November 24.","action_request","Granite Restaurant Group LLC","INV-10304","record_promise",True))
A(R("The POD came back signed, so the condition Marc set is met. arbot, write off the Jacobs & Mercer tax deduction on INV-10389 ($776.98), their exemption certificate is on file now.","action_request",JM,"INV-10389","write_off_deduction",True))
A(R("Wire posted this morning so we're good. Please release SO-1013 for Pinecrest Hospitality.","action_request","Pinecrest Hospitality Company",None,"set_credit_hold",True))
A(R("Marc: approved.\nJen: thanks! arbot please set Falcon Hardware LLC's credit limit to $35,000.","action_request","Falcon Hardware LLC",None,"set_credit_limit",True))
A(R("Fwd below from Bluewater Jensen. arbot — open a dispute on INV-10316, they say it was billed twice.\n\nFrom: ap@bluewaterjensen.example.com\nSubject: Duplicate invoice\n\nINV-10316 looks like a duplicate of INV-10187.","action_request","Bluewater Jensen Pharmaceuticals Company","INV-10316","open_dispute",True))
A(R("Sounds good Priya. arbot, send a statement to Sterling Pharmaceuticals Co. so they can reconcile before their payment run.","action_request",ST,None,"send_statement",True))
A(R("Kendall Paper finally called back. Please add a note on Kendall Paper Incorporated: INV-10353 approved for payment, cheque mailing Nov 25.","action_request","Kendall Paper Incorporated",None,"add_note",True))
A(R("Customer's remittance came in, it's for INV-10323. arbot, please apply the Acme Logistics payment on account to INV-10323.","action_request",AL,"INV-10323","apply_payment",True))
A(R("Hi arbot,\n\nSO-1009 for Sterling shipped complete yesterday (Tom confirmed). Please create the invoice for Sterling Pharmaceuticals Co.\n\nThanks,\nJen","action_request",ST,None,"create_invoice",True))
A(R("Marc OK'd it in the meeting just now. arbot, change Bishop & Ingram Farms Inc. to Net 15 terms.","action_request","Bishop & Ingram Farms Inc.",None,"set_terms",True))
A(R("Priya's out today so I'm picking these up. arbot, please send a reminder to Globex Corporation for INV-10183, it's over 75 days late.","action_request",GX,"INV-10183","send_reminder",True))
