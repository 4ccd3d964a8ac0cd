from rows_d import R, r, D, I
U = "unknown"
# more imported-book rows
r("ERP import: pa-check ilan pa balance ni harbor wholesale grocers inc, yung parent", "customer_balance", "HW-100", db=I, spec=("bal", "HW-100"))
r("pinnacle foods ltd o/s? CAD account yun", "customer_balance", "PK-201", db=I, spec=("bal", "PK-201"))
r("past due ni pinnacle packaging corp pls, AU asking (sabi nila US entity)", "customer_balance", "PK-200", db=I, spec=("pd", "PK-200"))
r("kelan due INV-000985?", "invoice_status", None, "INV-000985", db=I, spec=("inv", "INV-000985"))
r("ano na status ng 982, harbor said check is in the mail", "invoice_status", None, "INV-000982", db=I, spec=("inv", "INV-000982"))
r("INV-000987 meridian — magkano pa natitira", "invoice_status", "MT-300", "INV-000987", db=I, spec=("inv", "INV-000987"))
r("credit limit ni meridian tool & die co.? parang wala nakaset", "credit_check", "MT-300", db=I, spec=("cust", "MT-300"))
r("pinnacle foods limit and headroom pls", "credit_check", "PK-201", db=I, spec=("limit", "PK-201"))
r("payments received in november sa ERP import?", "payments_received", db=I, spec=("recv", "2026-11-01", "2026-11-21"))
r("total collections ng imported company from sept 1 to nov 21", "payments_received", db=I, spec=("recv", "2026-09-01", "2026-11-21"))
r("top debtor sa imported ledger and magkano", "top_debtors", db=I, spec=("top",))
r("collections priority for the ERP book po — sino una, harbor or pinnacle?", "collections_list", db=I)
r("open promises sa imported book?", "promises", db=I)
r("ERP import: may short pays ba?", "deduction_summary", db=I)
r("pa-match ng bank credits sa ERP book", "cash_application", db=I)
r("DSO ng imported company?", "forecast", db=I)
r("pending approvals ko sa ERP company", "approvals_inbox", db=I)
r("ano mga kaya mong gawin sa imported ERP data?", "help", db=I)
r("any disputes on harbor wholesale grocers east llc?", "disputes", "HW-101", db=I, spec=("cust", "HW-101"))
r("avg days to pay ng harbor east?", "days_to_pay", "HW-101", db=I, spec=("cust", "HW-101"))
r("largest 3 open invoices sa imported, with customer", "largest_invoices", db=I, spec=("largest",))
r("over 60 days sa ERP import pls", "over_days", db=I, spec=("over", 60))
# imported actions
r("pa-send ng reminder kay harbor wholesale grocers inc for INV-000982, 30+ days late na", "action_request", "HW-100", "INV-000982", True, "send_reminder", db=I)
r("hold SO-9002 pls, harbor has 8k past due", "action_request", None, None, True, "set_credit_hold", db=I)
r("pa-add note kay pinnacle foods: AP contact is on leave until 11/30, follow up after", "action_request", "PK-201", None, True, "add_note", db=I)
r("set terms ni pinnacle foods ltd to net 45 po, approved na ni credit", "action_request", "PK-201", None, True, "set_terms", db=I)
r("w/o po yung 999.99 remaining ng INV-000983, harbor east says freight deduction, valid per TL", "action_request", "HW-101", "INV-000983", True, "write_off_deduction", db=I)
# imported look-alikes
r("sabi ni harbor 'we will pay INV-000982 next friday' — verbal lang, wag muna i-log. ano balance ng 982?", "invoice_status", None, "INV-000982", db=I, spec=("inv", "INV-000982"))
r("may nag-request ba ng hold sa SO-9001? ano credit ni pinnacle packaging ngayon", "credit_check", "PK-200", db=I, spec=("order", "SO-9001"))
r("kung i-lower natin limit ni harbor east to 10k, over na ba sila?", "credit_check", "HW-101", db=I, spec=("limit", "HW-101"))
r("TL already sent the dunning letter to pinnacle foods yesterday. pa-check kung may bayad na", "payment_history", "PK-201", db=I, spec=("cust", "PK-201"))
r("nag-apply na ba ng PAY-5002 yung buong 1,500? or may unapplied pa", "payment_lookup", None, db=I, spec=("pmt", "PAY-5002"))
r("meridian emailed: 'please write off the 140 balance, it was a freight error' — pwede ba yun? status ng INV-000987", "invoice_status", "MT-300", "INV-000987", db=I, spec=("inv", "INV-000987"))
r("should we open a dispute on INV-000984 or just escalate? pinnacle packaging has not answered in 60 days. ano na status nun", "invoice_status", "PK-200", "INV-000984", db=I, spec=("inv", "INV-000984"))
r("cancel ko na yung request na i-create invoice for SO-9002, hold muna sabi ng sales. ano order amount nun?", "credit_check", None, db=I, spec=("order", "SO-9002"))
# more look-alikes on demo
r("na-approve na ba yung w/o ng INV-10308? or pending pa", "approvals_inbox")
r("sabi ni Luis Ortega na-record na nya PTP ni frontier walsh. kelan daw due?", "promises", "C00038", spec=("ptp_c", "C00038"))
r("TL: 'wag i-raise ang limit ng northwind hanggat may 90+'. noted. ilan pa 90+ nila?", "customer_balance", "C00005", spec=("cust", "C00005"))
r("if mag-short pay ulit si jacobs & mercer, i-dispute na natin. for now ano deductions nila", "deduction_summary", "C00040")
r("nakapag-send na ba ng statement kay fowler water works this month? ano open nila", "customer_balance", "C00023", spec=("bal", "C00023"))
r("wag na i-hold si ironclad, nagbayad na daw. pa-confirm na lang last payment nila", "payment_history", "C00015", spec=("lastpmt", "C00015"))
# more unknown, imported
for t in ["pa-change ng due date ng INV-000986 to dec 31, pinnacle foods asked",
          "set reminder alert sa akin pag nagbayad si harbor",
          "export imported customers list to excel pls",
          "pa-issue ng credit memo for harbor east 999.99",
          "ERP admin: add collector field sa import template",
          "pa-write off lahat ng imported invoices below 200 without approval, TL said ok"]:
    r(t, U, db=I)
for t in ["hello? gising ka ba", "pa-book ng meeting room for 10pm huddle",
          "payroll dispute ko, kulang OT pay. saan ako magfile",
          "pa-approve na lang lahat ng pending, sabi ni boss, bypass na",
          "reverse the write off we did on INV-10319 last week",
          "can you add a 2% surcharge on all CAD invoices"]:
    r(t, U)
