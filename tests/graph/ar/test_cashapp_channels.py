"""Cash application on payments as each channel delivers them: a card processor's payout, a
SWIFT wire whose charges ate into it, NACHA CCD+ addenda, a lockbox line, an ordering
customer's address after its name, look-alikes differing by a foreign legal form, a month or a
date naming one of equal invoices."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from graph.ar.cashapp import CashMatch, CashMatcher
from integrations.erp.records import BankLine, Customer, Invoice

TODAY = date(2026, 11, 21)


def invoice(number: str, customer: str, amount: str, issued: date, currency: str = "USD"):
    return Invoice(
        number, customer, issued, issued + timedelta(days=30), D(amount), D(amount), currency
    )


@pytest.fixture(scope="module")
def matcher() -> CashMatcher:
    customers = [
        Customer("C1", "Duval Grocers Inc.", "USD", 30),
        Customer("C2", "Sorrell Alimentación GmbH", "EUR", 30),
        Customer("C3", "Sorrell Alimentación SARL", "EUR", 30),
        Customer("C4", "Kestrel Outfitters LLC", "USD", 30),
    ]
    invoices = [
        invoice("0208123", "C1", "1000.00", date(2026, 10, 1)),
        invoice("0208125", "C1", "2460.35", date(2026, 10, 3)),
        invoice("RE-2026-04634", "C2", "743.97", date(2026, 10, 12), "EUR"),
        invoice("RE-2026-04635", "C3", "743.97", date(2026, 10, 12), "EUR"),
        invoice("RE-2026-04700", "C3", "1290.00", date(2026, 10, 20), "EUR"),
        invoice("0208200", "C4", "473.49", date(2026, 9, 5)),
        invoice("0208300", "C4", "473.49", date(2026, 10, 5)),
        invoice("0208400", "C4", "473.49", date(2026, 11, 5)),
    ]
    return CashMatcher(customers, invoices)


def match(matcher: CashMatcher, payer: str, amount: str, reference: str, currency: str = "USD"):
    return matcher.match(BankLine("P1", TODAY, D(amount), currency, payer, reference), TODAY)


def applied(result: CashMatch) -> dict[str, D]:
    return dict(result.applications)


def test_a_card_payout_is_its_invoice_less_the_processors_fee(matcher: CashMatcher) -> None:
    result = match(matcher, "STRIPE", "970.70", "STRIPE PAYOUT PO_88213 INV 0208123")
    assert result.decision == "auto", result.explanation
    assert (result.customer_id, applied(result)) == ("C1", {"0208123": D("970.70")})
    assert result.deduction == (D("29.30"), "bank_fee")
    assert "card processor" in result.explanation


def test_a_card_payout_keeping_more_than_a_card_fee_is_for_a_person(matcher: CashMatcher) -> None:
    result = match(matcher, "ADYEN N.V.", "900.00", "TRANSFER INV 0208123")
    assert result.decision == "review"


def test_swift_charges_stated_in_the_codes_are_a_bank_fee(matcher: CashMatcher) -> None:
    reference = "B/O DUVAL GROCERS INC /INV/0208125 /OCMT/USD2460,35/ /CHGS/USD25,00/"
    result = match(matcher, "DUVAL GROCERS INC", "2435.35", reference)
    assert result.decision == "auto", result.explanation
    assert result.deduction == (D("25.00"), "bank_fee")
    assert "USD2460" not in result.explanation  # the ordered amount is no invoice number


def test_a_wire_short_by_its_charges_without_a_number(matcher: CashMatcher) -> None:
    result = match(matcher, "DUVAL GROCERS INC", "2445.35", "CHARGES SHA")
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208125": D("2445.35")}
    assert result.deduction == (D("15.00"), "bank_fee")
    silent = match(matcher, "DUVAL GROCERS INC", "2445.35", "")
    assert silent.decision == "review"  # nothing says a fee came off


def test_ccd_plus_addenda_end_segments_with_a_backslash(matcher: CashMatcher) -> None:
    reference = "ORIG CO NAME:DUVAL GROCERS RMT:RMR*IV*0208125**2300.00*2460.35\\ADX*-160.35*04\\"
    result = match(matcher, "DUVAL GROCERS", "2300.00", reference)
    assert result.decision == "auto", result.explanation
    assert result.deduction == (D("160.35"), "damage")


def test_lockbox_and_micr_numbers_are_not_invoices(matcher: CashMatcher) -> None:
    reference = (
        "LOCKBOX 208125 BATCH 001 ITEM 014 CHECK 208123 RT 021000021 ACCT 208300 INV 0208125"
    )
    result = match(matcher, "", "2460.35", reference)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208125": D("2460.35")}


def test_an_address_after_the_payers_name_is_not_part_of_it(matcher: CashMatcher) -> None:
    result = match(matcher, "DUVAL GROCERS 715 RUE DU PORT", "1000.00", "/INV/0208123")
    assert result.decision == "auto", result.explanation
    assert result.customer_id == "C1"


def test_look_alikes_differing_by_a_foreign_legal_form_are_settled_by_the_invoice(
    matcher: CashMatcher,
) -> None:
    result = match(matcher, "SORRELL ALIMENTACION", "1290.00", "RE 2026-04700", "EUR")
    assert result.decision == "auto", result.explanation
    assert result.customer_id == "C3"
    both = match(matcher, "SORRELL ALIMENTACION", "743.97", "PAYMENT", "EUR")
    assert both.decision != "auto"  # the amount is open at both


def test_a_date_written_settles_equal_invoices_a_month_only_proposes(
    matcher: CashMatcher,
) -> None:
    dated = match(matcher, "KESTREL OUTFITTERS", "473.49", "INVOICE OF 05.10.2026")
    assert dated.decision == "auto", dated.explanation
    assert applied(dated) == {"0208300": D("473.49")}
    month = match(matcher, "KESTREL OUTFITTERS", "473.49", "RENT OCT 2026")
    assert month.decision == "review"
    assert applied(month) == {"0208300": D("473.49")}
    plain = match(matcher, "KESTREL OUTFITTERS", "473.49", "RENT")
    assert plain.decision == "review"


def test_a_partial_payment_does_not_confirm_a_number_read_with_a_correction(
    matcher: CashMatcher,
) -> None:
    # "0208152" is 0208125 with two digits swapped, or another number: any amount below a
    # balance is "a partial", so the amount confirms nothing and a person decides.
    slip = "ORIG CO NAME:DUVAL GROCERS RMT:PARTIAL PMT INV 0208152"
    result = match(matcher, "DUVAL GROCERS", "1200.00", slip)
    assert result.decision == "review", result.explanation
    whole = match(matcher, "DUVAL GROCERS", "1200.00", "PARTIAL PMT INV 0208125")
    assert whole.decision == "auto", whole.explanation
    assert applied(whole) == {"0208125": D("1200.00")} and whole.deduction is None


def test_deductions_stated_on_each_stub_line_add_up_to_the_short_pay(
    matcher: CashMatcher,
) -> None:
    reference = (
        "LOCKBOX 12345 BATCH 001 ITEM 004 CHECK 4567 INV 0208123 950.00 DED 50.00 PRICE DIFF "
        "INV 0208125 2400.35 DED 60.00 PRICE DIFF"
    )
    result = match(matcher, "DUVAL GROCERS INC", "3350.35", reference)
    assert result.decision == "auto", result.explanation
    assert sum(applied(result).values()) == D("3350.35")
    assert set(applied(result)) == {"0208123", "0208125"}
    assert result.deduction == (D("110.00"), "pricing")
    assert '"PRICE DIFF"' in result.explanation


def test_mt940_purpose_pieces_join_even_inside_a_word_or_a_number(
    matcher: CashMatcher,
) -> None:
    reference = (
        "166?00SEPA-GUTSCHRIFT?20EREF+NOTPROVIDED?21SVWZ+Rechnung RE-2026-0?224700 Teilz"
        "?23ahlung?32SORRELL ALIMENTACION?33SARL"
    )
    result = match(matcher, "SORRELL ALIMENTACION SARL", "600.00", reference, "EUR")
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"RE-2026-04700": D("600.00")} and result.deduction is None
    dutch = match(matcher, "SORRELL", "611.11", "Deelbetaling factuur RE-2026-04700", "EUR")
    assert dutch.decision == "auto", dutch.explanation
    assert dutch.deduction is None  # a partial payment: the rest stays open


def test_a_camt_adjustment_reason_code_is_the_deduction_reason(matcher: CashMatcher) -> None:
    reference = (
        "RfrdDocInf Tp CINV Nb 0208125 DuePyblAmt 2460.35 RmtdAmt 2400.35 "
        "AdjstmntAmtAndRsn Amt 60.00 Rsn 04"
    )
    result = match(matcher, "DUVAL GROCERS INC", "2400.35", reference)
    assert result.decision == "auto", result.explanation
    assert result.deduction == (D("60.00"), "damage")


def test_the_ultimate_debtor_names_the_customer_a_holding_pays_for(
    matcher: CashMatcher,
) -> None:
    reference = "EREF: NOTPROVIDED SVWZ: Payment ULTD: Sorrell Alimentacion SARL"
    result = match(matcher, "GRUPO HOLDING XYZ SA", "1290.00", reference, "EUR")
    assert result.customer_id == "C3", result.explanation
    assert applied(result) == {"RE-2026-04700": D("1290.00")}


def test_mt103_charges_fields_state_the_fee_and_confirm_a_split_number(
    matcher: CashMatcher,
) -> None:
    # Two banks took 20.00 and 35.00 on the way (:71F: each); the number was cut by a line.
    reference = ":70:/INV/02081 25 :71A:SHA :71F:USD20,00 :71F:USD35,00"
    result = match(matcher, "DUVAL GROCERS INC", "2405.35", reference)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208125": D("2405.35")}
    assert result.deduction == (D("55.00"), "bank_fee")


def test_a_partial_payment_stated_beside_edi_lines_leaves_the_rest_open(
    matcher: CashMatcher,
) -> None:
    reference = "RMR*IV*0208125*PI*1234.56*2460.35~NTE*ZZZ*PARTIAL PAYMENT~"
    result = match(matcher, "DUVAL GROCERS INC", "1234.56", reference)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208125": D("1234.56")} and result.deduction is None


def test_a_partial_payment_naming_no_invoice_goes_to_the_only_open_one() -> None:
    customers = [Customer("C1", "Ferris Labs Ltd", "GBP", 30), Customer("C2", "Wren Co", "GBP", 30)]
    invoices = [
        invoice("SIN051001", "C1", "780.00", date(2026, 10, 1), "GBP"),
        invoice("SIN051002", "C2", "500.00", date(2026, 10, 1), "GBP"),
        invoice("SIN051003", "C2", "900.00", date(2026, 10, 9), "GBP"),
    ]
    matcher = CashMatcher(customers, invoices)
    one = match(matcher, "FERRIS LABS", "321.17", "Teil-Zahlung", "GBP")
    assert one.decision == "auto", one.explanation
    assert applied(one) == {"SIN051001": D("321.17")} and one.deduction is None
    several = match(matcher, "WREN CO", "321.17", "PART PAYMENT", "GBP")
    assert several.decision == "review"  # which of the two is a person's call
    assert applied(several) == {"SIN051002": D("321.17")}


def test_a_stated_deduction_larger_than_the_difference_finds_the_rest_among_open_items() -> None:
    # The remittance names 0208125 and a deduction of 300.00; the payment is 2,460.35 + 200.00
    # - 300.00: 0208126 (200.00, not named) is the rest, the only open item that makes it up.
    customers = [Customer("C1", "Duval Grocers Inc.", "USD", 30)]
    invoices = [
        invoice("0208125", "C1", "2460.35", date(2026, 10, 3)),
        invoice("0208126", "C1", "200.00", date(2026, 10, 4)),
        invoice("0208127", "C1", "912.12", date(2026, 10, 5)),
    ]
    matcher = CashMatcher(customers, invoices)
    result = match(matcher, "DUVAL GROCERS INC", "2360.35", "INV 0208125 LESS 300.00 SHORT SHIP")
    assert result.decision == "auto", result.explanation
    assert set(applied(result)) == {"0208125", "0208126"}
    assert sum(applied(result).values()) == D("2360.35")
    assert result.deduction == (D("300.00"), "shortage")
    # With no stated amount, why it is short is said but not how much: the invoice named less
    # its balance is the deduction.
    said = match(matcher, "DUVAL GROCERS INC", "2400.35", "INV 0208125 PRICE DIFF")
    assert said.decision == "auto", said.explanation
    assert said.deduction == (D("60.00"), "pricing")
    # A reason word that is the customer's own name says nothing.
    named = match(matcher, "DUVAL GROCERS INC", "2400.35", "INV 0208125 DUVAL GROCERS")
    assert named.decision == "review"


def test_a_partial_payment_of_another_customers_invoice_under_a_tied_name_is_for_a_person(
    matcher: CashMatcher,
) -> None:
    # "SORRELL ALIMENTACION" fits the two Sorrells; the number written is Duval's invoice, and
    # a partial payment of it confirms nothing.
    result = match(matcher, "SORRELL ALIMENTACION", "300.00", "PARTIAL PMT INV 0208125")
    assert result.decision != "auto", result.explanation


def test_a_partial_payment_equal_to_another_invoice_is_not_that_invoice() -> None:
    # A round installment of 0208125 whose number the addenda cut off; 1,000.00 is also the
    # balance of 0208123. Said to be partial, it does not settle 0208123.
    customers = [Customer("C1", "Duval Grocers Inc.", "USD", 30)]
    invoices = [
        invoice("0208123", "C1", "1000.00", date(2026, 10, 1)),
        invoice("0208125", "C1", "2460.35", date(2026, 10, 3)),
    ]
    matcher = CashMatcher(customers, invoices)
    cut = "ORIG CO NAME:DUVAL GROCERS SEC:CCD RMT:PARTIAL PMT INV 0208"
    result = match(matcher, "DUVAL GROCERS", "1000.00", cut)
    assert result.decision == "review", result.explanation
    # The rest still open, written beside the partial payment, is not a deduction.
    said = match(matcher, "DUVAL GROCERS", "1200.00", "PARTIAL PMT 0208125 BALANCE 1,260.35 DUE")
    assert said.decision == "auto", said.explanation
    assert applied(said) == {"0208125": D("1200.00")} and said.deduction is None


def test_edi_numbers_with_letters_for_digits_after_the_series_and_slips_onto_another_invoice() -> (
    None
):
    customers = [Customer("C1", "Thibault Foods Corp.", "USD", 30)]
    invoices = [
        invoice("INV-100234", "C1", "3596.83", date(2026, 10, 1)),
        invoice("INV-100240", "C1", "2563.90", date(2026, 10, 2)),
        invoice("SI/2026/41222", "C1", "761.40", date(2026, 10, 3)),
        invoice("SI/2026/41229", "C1", "1116.34", date(2026, 10, 4)),
    ]
    matcher = CashMatcher(customers, invoices)
    # "INV-1OO240": letters read for digits after the series' own letters.
    ocr = (
        "RMR*IV*INV-100234*PI*3436.96*3596.83~ADX*-159.87*01~RMR*IV*INV-1OO240*PI*2563.90*2563.90~"
    )
    result = match(matcher, "THIBAULT FOODS", "6000.86", ocr)
    assert result.decision == "auto", result.explanation
    assert set(applied(result)) == {"INV-100234", "INV-100240"}
    assert result.deduction == (D("159.87"), "pricing")
    # "SI/2026/41229" is an open invoice, but the line's amounts are 41222's, a digit away.
    slip = "RMR*IV*SI/2026/41229*PI*761.40*761.40~"
    result = match(matcher, "THIBAULT FOODS", "761.40", slip)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"SI/2026/41222": D("761.40")}


def test_a_two_digit_year_and_a_partial_word_cut_by_a_line_break(matcher: CashMatcher) -> None:
    customers = [Customer("C1", "Ferris Labs Ltd", "GBP", 30)]
    invoices = [
        invoice("SI/2026/04634", "C1", "1500.00", date(2026, 10, 1), "GBP"),
        invoice("SI/2026/04700", "C1", "800.00", date(2026, 10, 2), "GBP"),
    ]
    matcher = CashMatcher(customers, invoices)
    result = match(matcher, "FERRIS LABS", "1500.00", "Facture SI/26/04634", "GBP")
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"SI/2026/04634": D("1500.00")}
    cut = ":70:/INV/SI/2026/04634 PARTI AL PAYMENT"
    partial = match(matcher, "FERRIS LABS", "612.34", cut, "GBP")
    assert partial.decision == "auto", partial.explanation
    assert applied(partial) == {"SI/2026/04634": D("612.34")} and partial.deduction is None


def test_equal_invoices_go_to_the_oldest_unless_the_customers_history_says_otherwise() -> None:
    customers = [Customer("C4", "Kestrel Outfitters LLC", "USD", 30)]
    invoices = [
        invoice("0208200", "C4", "473.49", date(2026, 9, 5)),
        invoice("0208300", "C4", "473.49", date(2026, 10, 5)),
        invoice("0208400", "C4", "473.49", date(2026, 11, 5)),
    ]
    read = CashMatcher(customers, invoices, out_of_order=())  # history read: nothing against
    result = match(read, "KESTREL OUTFITTERS", "473.49", "RENT")
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208200": D("473.49")}
    assert "the convention" in result.explanation
    named = match(read, "KESTREL OUTFITTERS", "473.49", "INV 0208400")
    assert applied(named) == {"0208400": D("473.49")}  # the one written, not the oldest
    against = CashMatcher(customers, invoices, out_of_order={"C4"})
    assert match(against, "KESTREL OUTFITTERS", "473.49", "RENT").decision == "review"
    unread = CashMatcher(customers, invoices)  # no history read: nothing to go by
    assert match(unread, "KESTREL OUTFITTERS", "473.49", "RENT").decision == "review"


def test_free_text_after_a_name_field_is_the_remittance_not_the_name() -> None:
    # The addenda's "INV 0208400" follows "IND NAME:" with no key between: it names an
    # invoice (a newer one of three equal), and is no part of the receiver's name.
    customers = [Customer("C4", "Kestrel Outfitters LLC", "USD", 30)]
    invoices = [
        invoice("0208200", "C4", "473.49", date(2026, 9, 5)),
        invoice("0208300", "C4", "473.49", date(2026, 10, 5)),
        invoice("0208400", "C4", "473.49", date(2026, 11, 5)),
    ]
    matcher = CashMatcher(customers, invoices, out_of_order=())
    reference = (
        "ORIG CO NAME:KESTREL OUTFITT ORIG ID:1234567890 SEC:CCD IND NAME:ARBOT DEMO INC "
        "INV 0208400"
    )
    result = match(matcher, "KESTREL OUTFITT", "473.49", reference)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208400": D("473.49")}
    # A number the bank cut ("INV 02084") may be the newer one's: the convention is off.
    cut = match(matcher, "KESTREL OUTFITT", "473.49", "RECHNUNG 0208/")
    assert cut.decision == "review", cut.explanation


def test_an_edi_purchase_order_reference_names_its_invoices() -> None:
    customers = [Customer("C1", "Duval Grocers Inc.", "USD", 30)]
    invoices = [
        invoice("0208123", "C1", "999.00", date(2026, 9, 1)),
        Invoice(
            "0208125",
            "C1",
            date(2026, 10, 3),
            date(2026, 11, 2),
            D("999.00"),
            D("999.00"),
            "USD",
            po_number="4500012345",
        ),
    ]
    matcher = CashMatcher(customers, invoices, out_of_order=())
    reference = "BPR*C*999.00*C*ACH*CTX~TRN*1*123~N1*PR*DUVAL GROCERS~REF*PO*4500012345~"
    result = match(matcher, "DUVAL GROCERS", "999.00", reference)
    assert result.decision == "auto", result.explanation
    assert applied(result) == {"0208125": D("999.00")}  # the PO's, not the oldest


def test_bank_ids_accounts_and_dates_do_not_stop_the_oldest_first_convention() -> None:
    customers = [Customer("C4", "Kestrel Outfitters LLC", "EUR", 30)]
    invoices = [
        invoice("RE-2026-04700", "C4", "473.49", date(2026, 9, 5), "EUR"),
        invoice("RE-2026-04800", "C4", "473.49", date(2026, 10, 5), "EUR"),
    ]
    matcher = CashMatcher(customers, invoices, out_of_order=())
    for reference in (
        ":20:PAY20261121001 :32A:261121EUR473,49 :50K:/DE89370400440532013000 KESTREL "
        ":59:/DE12500105170648489890 ARBOT :70:SUBSCRIPTION :71A:SHA",
        "166?00SEPA-GUTSCHRIFT?109310?20EREF+E2E2026112112345?21SVWZ+Abo Dienstleistung"
        "?30COBADEFFXXX?31DE89370400440532013000?32KESTREL OUTFITTERS",
        "KESTREL OUTFITT DES:VENDOR PMT ID:0000012345 INDN:ARBOT DEMO CO CCD PMT INFO:RENT",
    ):
        result = match(matcher, "KESTREL OUTFITTERS", "473.49", reference, "EUR")
        assert result.decision == "auto", result.explanation
        assert applied(result) == {"RE-2026-04700": D("473.49")}
    # An RF creditor reference is not an account number.
    assert match(matcher, "KESTREL OUTFITTERS", "473.49", "RF18 2026", "EUR").decision == "review"


def test_a_flat_intermediary_fee_on_a_small_wire_is_a_bank_fee_not_on_ach() -> None:
    customers = [Customer("C1", "Duval Grocers Inc.", "USD", 30)]
    invoices = [invoice("0208123", "C1", "400.00", date(2026, 10, 1))]
    matcher = CashMatcher(customers, invoices)
    wire = "FEDWIRE CREDIT IMAD: 20261121QMGFT012345 B/O DUVAL GROCERS OBI: INV 0208123"
    result = match(matcher, "DUVAL GROCERS", "375.00", wire)
    assert result.decision == "auto", result.explanation
    assert result.deduction == (D("25.00"), "bank_fee")
    ach = match(matcher, "DUVAL GROCERS", "375.00", "ORIG CO NAME:DUVAL GROCERS RMT:INV 0208123")
    assert ach.decision == "review"  # no intermediary bank takes a fee off an ACH credit


def test_a_currency_code_written_against_the_amount(matcher: CashMatcher) -> None:
    # 2,460.35 + 1,000.00 less the 160.00 written as "EUR160,00": the rest is 0208123.
    result = match(matcher, "DUVAL GROCERS INC", "3300.35", "INV 0208125 ABZUG EUR160,00 WKZ")
    assert result.decision == "auto", result.explanation
    assert set(applied(result)) == {"0208123", "0208125"}
    assert result.deduction == (D("160.00"), "promotion")
    after = match(matcher, "DUVAL GROCERS INC", "3300.35", "INV 0208125 DED 160.00USD DAMAGED")
    assert after.deduction == (D("160.00"), "damage")
