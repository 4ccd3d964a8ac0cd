"""Whole-book rows of ``evals/dev7.jsonl`` (see ``dev7_build.py`` for the conventions)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from dev7_facts import TODAY, Ledger, facts, money

D = date


def book_rows(r: Any, d: Ledger, i: Ledger, amounts: Callable[[dict[str, int]], list[str]]) -> None:
    today = TODAY.isoformat()
    ar = facts(amounts=amounts(d.totals()))
    pd = facts(amounts=amounts(d.totals("due_date < ?", today)))
    ar_i = facts(amounts=amounts(i.totals()))
    pd_i = facts(amounts=amounts(i.totals("due_date < ?", today)))

    def over(n: int, ledger: Ledger = d) -> dict[str, list[str]]:
        if ledger.days_past_due_counts(n):
            names = ledger.over_customers(n)
            return facts(customers=names if len(names) <= 6 else [])
        return facts(amounts=amounts(ledger.over(n)))

    def top(k: int, cur: str = "USD", ledger: Ledger = d) -> dict[str, list[str]]:
        rows = ledger.balances(cur)[:k]
        return facts(customers=[n for _, n, _ in rows], amounts=[money(b) for _, _, b in rows])

    def largest(k: int, cur: str = "USD", ledger: Ledger = d) -> dict[str, list[str]]:
        rows = ledger.largest(k, cur)
        return facts(invoices=[n for n, _ in rows], amounts=[money(b) for _, b in rows])

    def rec(
        start: date, end: date, ledger: Ledger = d, cid: str | None = None
    ) -> dict[str, list[str]]:
        payers, totals = ledger.received(start, end, cid)
        return facts(customers=payers if len(payers) <= 8 else [], amounts=amounts(totals))

    over_limit = [n for n, _, _ in d.over_limit()[:3]]
    unapplied = d.unapplied()
    un = facts(
        customers=[n for _, n, _, _ in unapplied], amounts=[money(a) for _, _, a, _ in unapplied]
    )
    un_i_rows = i.unapplied()
    un_i = facts(
        customers=[n for _, n, _, _ in un_i_rows], amounts=[money(a) for _, _, a, _ in un_i_rows]
    )
    broken = facts(customers=sorted({n for n, _, _ in d.promises("broken")}))
    open_promises = d.promises("open")
    due = facts(
        customers=[n for n, _, _ in open_promises], amounts=[money(a) for _, a, _ in open_promises]
    )

    def pay(pid: str, ledger: Ledger = d) -> dict[str, list[str]]:
        cid, amount, _ = ledger.payment(pid)
        return facts(customers=[ledger.name(cid)], amounts=[money(amount)])

    def by_collector(name: str) -> dict[str, list[str]]:
        return facts(customers=[name], amounts=amounts(d.collector_totals(name)))

    b = "book"
    add = r.add
    # aging
    add(b, "aging pls", "aging_report", ar)
    add(b, "can u pull the AR aging as of today", "aging_report", ar)
    add(b, "need the aged debt report for the close pack, by bucket", "aging_report", ar)
    add(b, "aging by currency?", "aging_report", ar)
    add(b, "whats the ageing look like this week", "aging_report", ar)
    add(b, "summary of receivables aging 0-30/31-60/61-90/90+", "aging_report", ar)
    add(b, "AR aging split by collector", "aging_report", facts(customers=d.collectors()))
    add(
        b,
        "how much does each collector have in their bucket",
        "aging_report",
        facts(customers=d.collectors()),
    )
    add(b, "aging for Priya's book", "aging_report", by_collector("Priya Shah"))
    add(b, "what's dana kim's portfolio aging", "aging_report", by_collector("Dana Kim"))
    add(b, "hey bot — aged trial balance for month end?", "aging_report", ar)
    add(b, "agieng report", "aging_report", ar)
    add(b, "show me the buckets", "aging_report", ar)
    add(b, "aging snapshot for the board deck, usd and cad separately", "aging_report", ar)
    add(b, "ar aging rpt", "aging_report", ar_i, db="imported")
    add(b, "can I get the debtors ageing", "aging_report", ar_i, db="imported")
    # top debtors
    add(b, "whos our biggest debtor rn", "top_debtors", top(2))
    add(b, "top 10 debtors", "top_debtors", top(2))
    add(b, "biggest balances outstanding right now?", "top_debtors", top(2))
    add(b, "top 5 customers by open AR", "top_debtors", top(2))
    add(b, "who are our largest debtors in CAD", "top_debtors", top(1, "CAD"))
    add(b, "which accounts have the highest o/s", "top_debtors", top(2))
    add(b, "top owing custs pls, need it for the 11am", "top_debtors", top(2))
    add(b, "who are the top 3 we should worry about by balance", "top_debtors", top(2))
    add(b, "largest customer balances gbp", "top_debtors", top(1, "GBP"))
    add(b, "top debtor?", "top_debtors", top(1, ledger=i), db="imported")
    # over N days
    add(b, "what's sitting over 90 days", "over_days", over(90))
    add(b, "whos over 60 days", "over_days", over(60))
    add(b, "anything past 120 days?", "over_days", over(120))
    add(b, "list customers more than 45 days past due", "over_days", over(45))
    add(b, "over 30s please", "over_days", over(30))
    add(b, "how much is 60+ dpd", "over_days", over(60))
    add(b, "accounts >90 days overdue, need to think about provisions", "over_days", over(90))
    add(b, "what do we have sitting past 180 days", "over_days", over(180))
    add(b, "everything older than 75 days past due", "over_days", over(75))
    add(b, "who is more than 2 months late", "over_days", over(60))
    add(b, "over 90 days past due pls", "over_days", over(90, i), db="imported")
    add(b, "anyone over 60 dpd?", "over_days", over(60, i), db="imported")
    # total AR / past due
    add(b, "AR total as of today?", "total_ar", ar)
    add(b, "whats our total receivables balance", "total_ar", ar)
    add(b, "how much is past due in total", "total_ar", pd)
    add(b, "total overdue?", "total_ar", pd)
    add(b, "what's the total open A/R across all customers", "total_ar", ar)
    add(b, "quick one — how much are we owed overall", "total_ar", ar)
    add(
        b,
        "total a/r and how much of it is late",
        "total_ar",
        facts(amounts=ar["amounts"] + pd["amounts"]),
    )
    add(b, "how much cash is tied up in receivables", "total_ar", ar)
    add(b, "overall past due number for the flash report", "total_ar", pd)
    add(
        b,
        "total AR in euros",
        "total_ar",
        facts(amounts=amounts({"EUR": d.totals("currency=?", "EUR")["EUR"]})),
    )
    add(b, "total receivables", "total_ar", ar_i, db="imported")
    add(b, "how much is overdue", "total_ar", pd_i, db="imported")
    # credit exceptions
    add(
        b,
        "which custs are over their credit limits rn",
        "credit_exceptions",
        facts(customers=over_limit),
    )
    add(b, "anyone over limit?", "credit_exceptions", facts(customers=over_limit))
    add(b, "who do we have on credit hold", "credit_exceptions", facts(customers=d.on_hold()))
    add(b, "who's on stop at the moment", "credit_exceptions", facts(customers=d.on_hold()))
    add(
        b,
        "list accounts exceeding their credit line",
        "credit_exceptions",
        facts(customers=over_limit),
    )
    add(b, "credit limit breaches", "credit_exceptions", facts(customers=over_limit))
    add(b, "which accts are blocked for orders", "credit_exceptions", facts(customers=d.on_hold()))
    add(b, "over-limit report pls", "credit_exceptions", facts(customers=over_limit))
    add(
        b,
        "anyone over their limit",
        "credit_exceptions",
        facts(customers=[n for n, _, _ in i.over_limit()]),
        db="imported",
    )
    # largest invoices
    add(b, "what's the single biggest open invoice", "largest_invoices", largest(1))
    add(b, "top 5 biggest open invoices", "largest_invoices", largest(3))
    add(b, "what are our biggest unpaid invoices", "largest_invoices", largest(3))
    add(b, "largest o/s invs", "largest_invoices", largest(3))
    add(b, "10 largest open items in the ledger", "largest_invoices", largest(3))
    add(b, "biggest open invoice in gbp", "largest_invoices", largest(1, "GBP"))
    add(b, "biggest open invoice", "largest_invoices", largest(1, ledger=i), db="imported")
    # payments received
    add(b, "anything come in today?", "payments_received", facts())
    add(b, "what came in yesterday", "payments_received", rec(D(2026, 11, 20), D(2026, 11, 20)))
    add(b, "cash received this week", "payments_received", rec(D(2026, 11, 16), TODAY))
    add(b, "pmts recd last week", "payments_received", rec(D(2026, 11, 9), D(2026, 11, 15)))
    add(
        b,
        "how much did we collect in october",
        "payments_received",
        rec(D(2026, 10, 1), D(2026, 10, 31)),
    )
    add(b, "collections MTD", "payments_received", rec(D(2026, 11, 1), TODAY))
    add(
        b,
        "payments received between 2026-11-01 and 2026-11-10",
        "payments_received",
        rec(D(2026, 11, 1), D(2026, 11, 10)),
    )
    add(
        b,
        "receipts from 1/11/2026 to 15/11/2026",
        "payments_received",
        rec(D(2026, 11, 1), D(2026, 11, 15)),
    )
    add(
        b,
        "what hit the bank on 18.11.2026",
        "payments_received",
        rec(D(2026, 11, 18), D(2026, 11, 18)),
    )
    add(b, "payments since nov 12", "payments_received", rec(D(2026, 11, 12), TODAY))
    add(b, "cash in last month", "payments_received", rec(D(2026, 10, 1), D(2026, 10, 31)))
    add(b, "total cash collected q3", "payments_received", rec(D(2026, 7, 1), D(2026, 9, 30)))
    add(b, "payments received on 3 nov", "payments_received", rec(D(2026, 11, 3), D(2026, 11, 3)))
    add(b, "receipts last 7 days", "payments_received", facts())
    add(
        b, "did anything come in friday", "payments_received", rec(D(2026, 11, 20), D(2026, 11, 20))
    )
    add(b, "who paid us this month", "payments_received", rec(D(2026, 11, 1), TODAY))
    add(b, "payments 20/11/2026", "payments_received", rec(D(2026, 11, 20), D(2026, 11, 20)))
    add(
        b,
        "cash receipts from the 1st to the 10th of this month",
        "payments_received",
        rec(D(2026, 11, 1), D(2026, 11, 10)),
    )
    add(
        b,
        "what did we bank in the second half of october",
        "payments_received",
        rec(D(2026, 10, 16), D(2026, 10, 31)),
    )
    add(
        b,
        "payments received 2026-10-25",
        "payments_received",
        rec(D(2026, 10, 25), D(2026, 10, 25)),
    )
    add(
        b,
        "how much cash did we receive in September",
        "payments_received",
        rec(D(2026, 9, 1), D(2026, 9, 30)),
    )
    add(b, "pmts 11/2 - 11/6", "payments_received", rec(D(2026, 11, 2), D(2026, 11, 6)))
    add(b, "cash since 11/16?", "payments_received", rec(D(2026, 11, 16), TODAY))
    add(b, "receipts week of 11/9", "payments_received", facts())
    add(
        b,
        "what did we get on 16/11/2026",
        "payments_received",
        rec(D(2026, 11, 16), D(2026, 11, 16)),
    )
    add(b, "cash collected 1-15 oct", "payments_received", rec(D(2026, 10, 1), D(2026, 10, 15)))
    add(b, "how much came in ytd", "payments_received", rec(D(2026, 1, 1), TODAY))
    add(
        b,
        "payments received this month",
        "payments_received",
        rec(D(2026, 11, 1), TODAY, i),
        db="imported",
    )
    add(
        b,
        "what came in between 1.11.2026 and 20.11.2026",
        "payments_received",
        rec(D(2026, 11, 1), D(2026, 11, 20), i),
        db="imported",
    )
    # unapplied
    add(b, "unapplied cash report", "unapplied_cash", un)
    add(b, "any money sitting unapplied?", "unapplied_cash", un)
    add(b, "on-account payments not yet applied", "unapplied_cash", un)
    add(b, "whats in unapplied rn", "unapplied_cash", un)
    add(b, "list unapplied receipts by customer", "unapplied_cash", un)
    add(b, "how much unallocated cash do we have", "unapplied_cash", un)
    add(b, "unapplied", "unapplied_cash", un_i, db="imported")
    add(
        b,
        "which payments still have money not applied to an invoice",
        "unapplied_cash",
        un_i,
        db="imported",
    )
    # one payment
    add(b, "who's PMT-000234 from", "payment_lookup", pay("PMT-000234"))
    add(b, "what's PMT-U00001", "payment_lookup", pay("PMT-U00001"))
    add(b, "look up payment PMT-000200", "payment_lookup", pay("PMT-000200"))
    add(b, "details on pmt 000246 pls", "payment_lookup", pay("PMT-000246"))
    add(b, "whose payment is PMT-000150", "payment_lookup", pay("PMT-000150"))
    ref = d.payment_by_reference("%ON ACCOUNT - NO REMITTANCE%")
    add(
        b,
        "bank line says ON ACCOUNT - NO REMITTANCE, who is that from?",
        "payment_lookup",
        pay(ref),
    )
    add(b, "PAY-5003?", "payment_lookup", pay("PAY-5003", i), db="imported")
    add(b, "what is payment PAY-5002", "payment_lookup", pay("PAY-5002", i), db="imported")
    ref = d.payment_by_reference("INV I0278")
    add(b, "wire came in with ref INV I0278 - which customer?", "payment_lookup", pay(ref))
    ref = d.payment_by_reference("RMR*IV*10268*%")
    add(b, "remit says RMR*IV*10268 — whose money is that", "payment_lookup", pay(ref))
    # days to pay
    add(b, "average days to pay by customer", "days_to_pay", facts())
    add(b, "who are our slowest payers", "days_to_pay", facts())
    add(b, "which customers pay late on average, days beyond terms", "days_to_pay", facts())
    add(
        b,
        "northwind avg days to pay",
        "days_to_pay",
        facts(),
        customer="Northwind Traders Inc.",
    )
    add(
        b,
        "how long does globex usually take to pay us",
        "days_to_pay",
        facts(),
        customer="Globex Corporation",
    )
    add(
        b,
        "avg DTP tate engineering",
        "days_to_pay",
        facts(),
        customer="Tate Engineering Incorporated",
    )
    add(
        b,
        "how many days late does harbor wholesale grocers inc pay on avg",
        "days_to_pay",
        facts(),
        customer="Harbor Wholesale Grocers Inc.",
        db="imported",
    )
    # disputes / promises
    add(b, "open disputes", "disputes", facts())
    add(b, "any invoices in dispute?", "disputes", facts())
    add(b, "list disputed items", "disputes", facts())
    add(b, "broken PTPs", "promises", broken)
    add(b, "who broke their promise to pay", "promises", broken)
    add(b, "what PTPs fall due monday", "promises", due)
    add(b, "promises to pay coming due", "promises", due)
    add(b, "which ptp's were missed", "promises", broken)
    add(b, "any promises to pay", "promises", facts(), db="imported")
    # reports: DSO / forecast, worklist, digest, deductions, cash app
    add(b, "what's our DSO", "forecast", facts())
    add(b, "DSO trend and expected cash next 2 weeks", "forecast", facts())
    add(b, "cash forecast for next week", "forecast", facts())
    add(b, "how much do we expect to collect by month end", "forecast", facts())
    add(b, "CEI for the quarter?", "forecast", facts())
    add(b, "who should I call first today", "collections_list", facts())
    add(b, "my collections worklist", "collections_list", facts())
    add(b, "dunning list for this week", "collections_list", facts())
    add(b, "who do I chase", "collections_list", facts())
    add(b, "calls to make this morning pls", "collections_list", facts())
    add(b, "morning summary", "digest", facts())
    add(b, "where do we stand today", "digest", facts())
    add(b, "gimme the daily ar update", "digest", facts())
    add(b, "open short pays", "deduction_summary", facts())
    add(b, "deductions report", "deduction_summary", facts())
    add(b, "what chargebacks are open", "deduction_summary", facts())
    add(b, "anything in suspense from the lockbox", "cash_application", facts())
    add(b, "hows the bank file matching looking", "cash_application", facts())
    add(b, "cash app status", "cash_application", facts())
    add(b, "what's waiting for my approval", "approvals_inbox", facts())
    add(b, "pending approvals", "approvals_inbox", facts())
