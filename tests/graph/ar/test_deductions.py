"""Deductions: why a customer paid less, whether it holds, and the summary a collector works."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import pytest

from graph.ar.deductions import Deduction, classify_reason, find_deductions, summarize
from integrations.erp.local.demo_books import SHORT_PAY_REASONS
from integrations.erp.records import Adjustment, Application, Customer, Invoice, Payment
from tests.conftest import Demo

TODAY = date(2026, 11, 21)
D = Decimal
TOLERANCE = D("250.00")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("INV-10319 SHORT PAID 272.73 SHORT SHIPPED 3 CS", "shortage"),
        ("PRICING DIFF PER PO", "pricing"),
        ("price disc on line 3", "pricing"),  # a price discrepancy, not a discount
        ("PPV", "pricing"),
        ("SHORTAGE", "shortage"),
        ("QTY SHORT 2", "shortage"),
        ("MISSING 2 CTNS", "shortage"),
        ("DAMAGED ON ARRIVAL", "damage"),
        ("DMG", "damage"),
        ("BROKEN PALLET", "damage"),
        ("CO-OP PROMO ALLOWANCE", "promotion"),
        ("COOP", "promotion"),
        ("MDF Q3", "promotion"),
        ("SLOTTING", "promotion"),
        ("FREIGHT DEDUCTION", "freight"),
        ("FREIGHT ALLOWANCE", "freight"),  # freight before promotion
        ("SHIPPING CHARGED IN ERROR", "freight"),
        ("TAX EXEMPT - SALES TAX REMOVED", "tax"),
        ("2% DISCOUNT TAKEN", "discount"),
        ("less 2%", "discount"),
        ("EARLY PAY", "discount"),
        ("PROMO DISCOUNT", "promotion"),  # promotion before discount
        ("WIRE FEE", "bank_fee"),
        ("BANK FEE", "bank_fee"),
        ("bank chg", "bank_fee"),
        ("ADX*-25.00*55~", "tax"),  # X12 426 code 55: tax deducted
        ("RMR*IV*10292*PO*90.00*100.00~ADX*-10.00*04~ PRICE", "damage"),  # the code decides
        ("SHORT PAID 25.00", "unknown"),  # says it is short, not why
        ("RMR*IV*10292*PO*8809.52*8809.52~", "unknown"),
        ("SYNTAX", "unknown"),  # words inside words do not count
        ("mercancía dañada", "damage"),
        ("SCAN DOWN Q2", "promotion"),
        ("Werbezuschuss", "promotion"),
        ("transportschade", "damage"),
        ("ontbrekende dozen", "shortage"),
        ("AdjstmntAmtAndRsn Amt 60.00 Rsn 59", "shortage"),  # camt, an X12 426 code
    ],
)
def test_classify_reason(text: str, code: str) -> None:
    assert classify_reason(text) == code


def customer(customer_id: str = "C1", *, discount: str | None = None) -> Customer:
    percent, days = (D(discount.split("/")[0]), int(discount.split("/")[1])) if discount else (0, 0)
    return Customer(customer_id, "Acme", "USD", 30, discount_percent=D(percent), discount_days=days)


def short_paid(
    amount: str,
    paid: str,
    reference: str,
    *,
    dated: date = date(2026, 10, 1),
    paid_on: date = date(2026, 10, 25),
    number: str = "INV-100",
    customer_id: str = "C1",
    currency: str = "USD",
) -> tuple[Invoice, Payment]:
    balance = D(amount) - D(paid)
    invoice = Invoice(
        number,
        customer_id,
        dated,
        dated + timedelta(days=30),
        D(amount),
        balance,
        currency,
    )
    payment = Payment(
        f"PMT-{number}",
        customer_id,
        paid_on,
        D(paid),
        currency,
        reference=reference,
        applications=(Application(f"PMT-{number}", number, D(paid), paid_on),),
    )
    return invoice, payment


def find(
    pairs: Iterable[tuple[Invoice, Payment]],
    customers: Iterable[Customer] = (),
    adjustments: Iterable[Adjustment] = (),
) -> list[Deduction]:
    pairs = list(pairs)
    return find_deductions(
        list(customers) or [customer()],
        [i for i, _ in pairs],
        [p for _, p in pairs],
        adjustments,
        TODAY,
        tolerance=TOLERANCE,
    )


def test_a_short_pay_with_a_reason_is_a_valid_deduction() -> None:
    [deduction] = find([short_paid("1000.00", "900.00", "INV-100 SHORT SHIPPED 3 CS")])
    assert deduction == Deduction(
        customer_id="C1",
        invoice_number="INV-100",
        payment_id="PMT-INV-100",
        amount=D("100.00"),
        currency="USD",
        reason_code="shortage",
        memo="INV-100 SHORT SHIPPED 3 CS",
        taken_on=date(2026, 10, 25),
        age_days=27,
        valid=True,
        needs_backup=False,
        problems=(),
    )


def test_above_tolerance_needs_backup_but_stays_valid() -> None:
    [deduction] = find([short_paid("5000.00", "4600.00", "DAMAGED ON ARRIVAL")])
    assert (deduction.reason_code, deduction.valid, deduction.needs_backup) == (
        "damage",
        True,
        True,
    )
    assert deduction.problems == (
        "$400.00 is above the $250.00 tolerance: get the customer's backup "
        "(photos and the carrier's damage notation)",
    )


def test_partial_payments_are_not_deductions() -> None:
    assert find([short_paid("1000.00", "400.00", "INV-100 PARTIAL PMT")]) == []
    assert find([short_paid("1000.00", "400.00", "PAYMENT 400.00 THANK YOU")]) == []
    # Even when the EDI remittance shows less paid than billed.
    partial = "RMR*IV*100*PO*400.00*1000.00~ INSTALLMENT 1 OF 3"
    assert find([short_paid("1000.00", "400.00", partial)]) == []
    # Said in the words cash application reads a partial payment with, in any language.
    for said in ("TEILZAHLUNG 1/3", "ACOMPTE", "PAGO PARCIAL", "DEELBETALING"):
        remittance = f"RMR*IV*100*PO*400.00*1000.00~ {said}"
        assert find([short_paid("1000.00", "400.00", remittance)]) == [], said


def test_a_short_pay_said_in_another_language_is_a_deduction_to_explain() -> None:
    """The short-pay words are cash application's: "Abzug" is a short-pay to explain,
    not a silent partial payment."""
    [deduction] = find([short_paid("1000.00", "950.00", "RECHNUNG 100 ABZUG 50,00")])
    assert (deduction.reason_code, deduction.amount, deduction.valid) == (
        "unknown",
        D("50.00"),
        False,
    )


def test_a_short_pay_without_a_reason_is_invalid_until_explained() -> None:
    [edi] = find([short_paid("1000.00", "950.00", "RMR*IV*100*PO*950.00*1000.00~")])
    [said_short] = find([short_paid("1000.00", "950.00", "SHORT PAID 50.00")])
    for deduction in (edi, said_short):
        assert (deduction.reason_code, deduction.valid) == ("unknown", False)
        assert deduction.problems == ("no reason given: ask the customer for backup",)


def test_an_earned_discount_is_valid() -> None:
    # 2/10 Net 30 on 1,000.00, paid 980.00 on day 8: the open 20.00 is the discount.
    [deduction] = find(
        [short_paid("1000.00", "980.00", "INV-100", paid_on=date(2026, 10, 9))],
        [customer(discount="2/10")],
    )
    assert (deduction.reason_code, deduction.amount, deduction.valid) == (
        "discount",
        D("20.00"),
        True,
    )
    assert (deduction.needs_backup, deduction.problems) == (False, ())


def test_a_discount_after_the_window_is_unearned() -> None:
    [deduction] = find(
        [short_paid("1000.00", "980.00", "INV-100", paid_on=date(2026, 10, 25))],
        [customer(discount="2/10")],
    )
    assert (deduction.reason_code, deduction.valid) == ("discount", False)
    assert deduction.problems == ("unearned discount: paid on day 24, terms 2/10 Net 30",)


def test_a_discount_without_discount_terms_is_unearned() -> None:
    [deduction] = find([short_paid("1000.00", "980.00", "LESS 2% DISC")])
    assert (deduction.reason_code, deduction.valid) == ("discount", False)
    assert deduction.problems == ("unearned discount: Net 30 terms give no early-payment discount",)


def test_a_discount_larger_than_the_terms_allow_is_invalid() -> None:
    [deduction] = find(
        [short_paid("1000.00", "950.00", "3% DISCOUNT", paid_on=date(2026, 10, 5))],
        [customer(discount="2/10")],
    )
    assert deduction.valid is False
    assert deduction.problems == (
        "discount of $50.00 is more than the $20.00 that 2/10 Net 30 allows",
    )


def test_the_remittance_amount_and_earlier_credits_are_reported() -> None:
    invoice, payment = short_paid("1000.00", "850.00", "SHORT PAID 100.00 PRICING DIFF")
    credit = Adjustment(
        "ADJ-1", "C1", "INV-100", date(2026, 11, 1), D("50.00"), "USD", "credit_memo", "pricing"
    )
    invoice = Invoice(
        invoice.invoice_number,
        invoice.customer_id,
        invoice.invoice_date,
        invoice.due_date,
        invoice.amount,
        D("100.00"),  # 150.00 short, 50.00 of it credited since
        "USD",
    )
    [deduction] = find([(invoice, payment)], adjustments=[credit])
    assert deduction.amount == D("100.00")
    assert deduction.problems == (
        "$50.00 already credited on this invoice (pricing); $100.00 still open",
    )
    [mismatch] = find([short_paid("1000.00", "850.00", "SHORT PAID 100.00 FREIGHT")])
    assert mismatch.problems == ("the remittance says $100.00 short; $150.00 is open",)


def test_summary_by_reason_customer_age_and_currency() -> None:
    deductions = find(
        [
            short_paid("1000.00", "900.00", "SHORTAGE", number="INV-1", paid_on=date(2026, 11, 1)),
            short_paid("2000.00", "1700.00", "SHORTAGE", number="INV-2", paid_on=date(2026, 9, 1)),
            short_paid(
                "500.00",
                "475.00",
                "WIRE FEE",
                number="INV-3",
                customer_id="C2",
                paid_on=date(2026, 7, 1),
            ),
            short_paid(
                "800.00",
                "780.00",
                "SHORT",
                number="INV-4",
                currency="EUR",
                paid_on=date(2026, 11, 20),
            ),
        ],
        [customer("C1"), customer("C2")],
    )
    summary = summarize(deductions)
    assert summary.count == 4
    assert summary.totals == {"USD": D("425.00"), "EUR": D("20.00")}
    assert summary.by_reason == {
        "USD": {"shortage": D("400.00"), "bank_fee": D("25.00")},
        "EUR": {"unknown": D("20.00")},
    }
    assert summary.by_customer == {
        "USD": {"C1": D("400.00"), "C2": D("25.00")},
        "EUR": {"C1": D("20.00")},
    }
    # Ages 20, 81 and 143 days (USD); 1 day (EUR).
    assert summary.by_age == {
        "USD": {"0-30": D("100.00"), "31-60": D("0.00"), "61-90": D("300.00"), "90+": D("25.00")},
        "EUR": {"0-30": D("20.00"), "31-60": D("0.00"), "61-90": D("0.00"), "90+": D("0.00")},
    }
    assert summary.counts_by_reason == {"shortage": 2, "bank_fee": 1, "unknown": 1}
    assert summary.invoices_by_reason["shortage"] == ("INV-2", "INV-1")  # oldest first
    # INV-2 is above tolerance (needs backup), INV-4 gives no reason: both to follow up.
    assert [d.invoice_number for d in summary.writable] == ["INV-1", "INV-3"]
    assert [d.invoice_number for d in summary.follow_up] == ["INV-2", "INV-4"]


def test_every_short_pay_in_the_demo_company_is_found_with_its_reason(demo: Demo) -> None:
    ledger = demo.ledger
    open_invoices = ledger.invoices()
    open_numbers = {i.invoice_number for i in open_invoices}
    payments = ledger.payments()
    expected = {}
    for payment in payments:
        for code, text in SHORT_PAY_REASONS:
            if text in payment.reference:
                [application] = payment.applications
                if application.invoice_number in open_numbers:
                    expected[application.invoice_number] = code
    found = find_deductions(
        ledger.list_customers(),
        open_invoices,
        payments,
        ledger.adjustments(),
        TODAY,
        tolerance=TOLERANCE,
    )
    assert expected  # the demo has some
    assert {d.invoice_number: d.reason_code for d in found} == expected
