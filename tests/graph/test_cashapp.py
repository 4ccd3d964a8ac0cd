"""Cash application: hand-built customers, open invoices and bank lines with a known answer."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from graph.ar.cashapp import CashMatch, CashMatcher
from graph.ar.cashapp_amounts import coincidence, fitting_subsets
from graph.ar.cashapp_payers import PayerMatcher
from graph.ar.cashapp_refs import parse_remittance
from integrations.erp.records import BankLine, Customer, Invoice

TODAY = date(2026, 11, 21)
D = Decimal


def customer(cid: str, name: str, **extra: object) -> Customer:
    return Customer(cid, name, extra.pop("currency", "USD"), extra.pop("terms_days", 30), **extra)  # type: ignore[arg-type]


CUSTOMERS = [
    customer("C1", "Acme Industrial Supply Inc."),
    customer("C2", "Acme Logistics LLC"),
    customer("C3", "Globex Corporation"),
    customer("C4", "Initech LLC", discount_percent=D("2"), discount_days=10),
    customer("C5", "Contoso Manufacturing Corp."),
    customer("C6", "Contoso Manufacturing West LLC", parent_id="C5"),
    customer("C7", "Fabrikam International Services Ltd."),
    customer("C8", "Northwind Traders Inc."),
    customer("C9", "Summit Foods Inc."),
    customer("C10", "Summit Foods West Inc."),
    customer("C11", "Wingtip Toys Ltd."),
    customer("C12", "Tailspin Services Inc."),
]


def invoice(
    number: str,
    cid: str,
    amount: str,
    issued: date,
    *,
    po: str | None = None,
    currency: str = "USD",
) -> Invoice:
    value = D(amount)
    return Invoice(number, cid, issued, issued + timedelta(days=30), value, value, currency, po)


OCT_15, NOV_15 = date(2026, 10, 15), date(2026, 11, 15)
INVOICES = [
    invoice("INV-0010432", "C1", "1000.00", OCT_15, po="4500123456"),
    invoice("INV-0010433", "C1", "250.50", OCT_15),
    invoice("INV-0010434", "C1", "1200.00", NOV_15),
    invoice("INV-0010440", "C3", "5000.00", OCT_15),
    invoice("INV-0010441", "C3", "320.00", OCT_15),
    invoice("INV-0010450", "C4", "1000.00", NOV_15),  # within 2/10 on the 21st
    invoice("INV-0010451", "C4", "500.00", date(2026, 10, 1)),  # past the discount window
    invoice("INV-0010460", "C6", "780.00", OCT_15),  # the subsidiary's
    invoice("INV-0010470", "C7", "2000.00", OCT_15),
    # Northwind: the same monthly fee, three of them already due.
    invoice("INV-0010480", "C8", "450.00", date(2026, 8, 1)),
    invoice("INV-0010481", "C8", "450.00", date(2026, 9, 1)),
    invoice("INV-0010482", "C8", "450.00", date(2026, 10, 1)),
    # Tailspin: the same fee twice, only the older one due.
    invoice("INV-0010490", "C12", "300.00", date(2026, 10, 10)),
    invoice("INV-0010491", "C12", "300.00", date(2026, 11, 10)),
    # Near-namesakes with the same amount open.
    invoice("INV-0010500", "C9", "777.77", OCT_15),
    invoice("INV-0010501", "C10", "777.77", OCT_15),
    # Wingtip: 100 + 200 = 150 + 150.
    invoice("INV-0010510", "C11", "100.00", OCT_15),
    invoice("INV-0010511", "C11", "200.00", OCT_15),
    invoice("INV-0010512", "C11", "150.00", OCT_15),
    invoice("INV-0010513", "C11", "150.00", OCT_15),
    invoice("INV-0010520", "C11", "99.00", OCT_15, currency="EUR"),
]
ALIASES = {"AP Shared Svcs 4471": "C7"}


@pytest.fixture(scope="module")
def matcher() -> CashMatcher:
    return CashMatcher(CUSTOMERS, INVOICES, aliases=ALIASES)


def line(
    payer: str, amount: str, reference: str = "", *, currency: str = "USD", on: date = TODAY
) -> BankLine:
    return BankLine("P1", on, D(amount), currency, payer, reference)


def applied(result: CashMatch) -> dict[str, Decimal]:
    return dict(result.applications)


# -- who paid and which invoices, when the evidence is clear: auto ---------------------------------


def test_exact_reference_and_amount_auto_applies_with_the_evidence_first(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1000.00", "INV-10432"), TODAY)
    assert result.decision == "auto"
    assert result.customer_id == "C1"
    assert result.applications == (("INV-0010432", D("1000.00")),)
    assert result.deduction is None and result.unapplied == D("0.00")
    assert result.confidence >= 0.9
    assert result.explanation.startswith("payer ≈ Acme Industrial Supply Inc. (")
    assert "INV-0010432 in reference" in result.explanation
    assert result.explanation.endswith("amounts add up")


@pytest.mark.parametrize(
    "reference",
    [
        "10432",  # no prefix, leading zeros dropped
        "INV10432",
        "#10432",
        "inv-0010432",
        "PAYMENT FOR INV 1O432",  # OCR: O for 0
        "INV I0432",  # OCR: I for 1
        "PMT FOR PO 4500123456",  # the PO instead of the invoice
        "ORIG CO NAME:ACME IND SUPPLY ORIG ID:1234567890 DESC DATE:261121 SEC:CCD INV 10432",
    ],
)
def test_invoice_references_in_every_spelling(matcher: CashMatcher, reference: str) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1000.00", reference), TODAY)
    assert (result.decision, applied(result)) == ("auto", {"INV-0010432": D("1000.00")})


@pytest.mark.parametrize(
    "reference",
    ["10432/10433;INV-0010434", "INV 10432, 10433 & 10434", "INV10432 INV10433 INV10434"],
)
def test_a_list_of_invoices_with_any_separator(matcher: CashMatcher, reference: str) -> None:
    result = matcher.match(line("ACME INDUSTRIAL SUPPLY", "2450.50", reference), TODAY)
    assert result.decision == "auto"
    assert applied(result) == {
        "INV-0010432": D("1000.00"),
        "INV-0010433": D("250.50"),
        "INV-0010434": D("1200.00"),
    }


def test_edi_820_uses_the_paid_amounts_and_the_adx_reason(matcher: CashMatcher) -> None:
    reference = "RMR*IV*10440*PO*4900.00*5000.00~ADX*-100.00*01~RMR*IV*10441*PO*320.00*320.00~"
    result = matcher.match(line("GLOBEX CORP", "5220.00", reference), TODAY)
    assert result.decision == "auto"
    assert applied(result) == {"INV-0010440": D("4900.00"), "INV-0010441": D("320.00")}
    assert result.deduction == (D("100.00"), "pricing")  # ADX 01 = pricing error
    assert "EDI remittance" in result.explanation


def test_a_stated_short_pay_becomes_a_deduction_with_its_reason(matcher: CashMatcher) -> None:
    result = matcher.match(
        line("GLOBEX CORP", "4875.00", "INV 10440 SHORT 125.00 DAMAGED ON ARRIVAL"), TODAY
    )
    assert result.decision == "auto"
    assert applied(result) == {"INV-0010440": D("4875.00")}
    assert result.deduction == (D("125.00"), "damage")


def test_a_stated_partial_payment_leaves_the_rest_open_without_a_deduction(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("GLOBEX CORP", "2000.00", "INV 10440 PARTIAL PMT"), TODAY)
    assert result.decision == "auto"
    assert applied(result) == {"INV-0010440": D("2000.00")}
    assert result.deduction is None
    assert "3,000.00 stays open" in result.explanation


def test_a_round_share_of_the_named_invoice_is_an_installment(matcher: CashMatcher) -> None:
    for paid in ("1250.00", "1666.67", "2500.00", "3750.00"):  # a quarter, a third, a half...
        result = matcher.match(line("GLOBEX CORP", paid, "INV 10440"), TODAY)
        assert result.decision == "auto", result.explanation
        assert applied(result) == {"INV-0010440": D(paid)}
        assert result.deduction is None
        assert "stays open" in result.explanation


def test_an_unexplained_short_pay_goes_to_review(matcher: CashMatcher) -> None:
    result = matcher.match(line("GLOBEX CORP", "4612.37", "INV 10440"), TODAY)
    assert result.decision == "review"
    assert result.deduction == (D("387.63"), "unknown")
    # A round balance less a round deduction is a round sum, not an installment.
    tenth = matcher.match(line("GLOBEX CORP", "4500.00", "INV 10440"), TODAY)
    assert (tenth.decision, tenth.deduction) == ("review", (D("500.00"), "unknown"))
    assert "neither stated as a deduction nor as a partial payment" in result.explanation


def test_a_round_share_with_deduction_words_is_not_an_installment(matcher: CashMatcher) -> None:
    result = matcher.match(line("GLOBEX CORP", "4000.00", "INV 10440 DED 1000 00"), TODAY)
    assert result.decision == "review"
    assert result.deduction == (D("1000.00"), "unknown")


def test_an_early_payment_discount_within_terms_is_allowed_for_auto(matcher: CashMatcher) -> None:
    result = matcher.match(line("INITECH", "980.00", "INV 10450"), TODAY)
    assert result.decision == "auto"
    assert applied(result) == {"INV-0010450": D("980.00")}
    assert result.deduction == (D("20.00"), "discount")
    assert "2% discount taken within 10 days" in result.explanation


def test_a_discount_taken_after_the_window_is_an_unearned_deduction_to_review(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("INITECH", "490.00", "INV 10451"), TODAY)
    assert result.decision == "review"
    assert result.deduction == (D("10.00"), "discount")
    assert "unearned" in result.explanation


def test_a_discount_without_any_reference_is_found_by_amount(matcher: CashMatcher) -> None:
    result = matcher.match(line("INITECH LLC", "980.00"), TODAY)
    assert (result.decision, applied(result)) == ("auto", {"INV-0010450": D("980.00")})
    assert result.deduction == (D("20.00"), "discount")


def test_a_wire_fee_within_tolerance_is_a_bank_fee_deduction(matcher: CashMatcher) -> None:
    result = matcher.match(line("GLOBEX CORPORATION", "4975.00", "WIRE OBI INV 10440"), TODAY)
    assert result.decision == "auto"
    assert result.deduction == (D("25.00"), "bank_fee")


def test_an_overpayment_is_proposed_applying_in_full_with_the_rest_unapplied(
    matcher: CashMatcher,
) -> None:
    # Money left on account is never applied alone: a person sees where the 80.00 goes.
    result = matcher.match(line("GLOBEX CORP", "400.00", "INV 10441"), TODAY)
    assert result.decision == "review"
    assert applied(result) == {"INV-0010441": D("320.00")}
    assert result.unapplied == D("80.00")


def test_amount_alone_pins_one_invoice_of_a_recognised_payer(matcher: CashMatcher) -> None:
    result = matcher.match(line("GLOBEX CORPORATION", "320.00", "ACH PMT"), TODAY)
    assert (result.decision, applied(result)) == ("auto", {"INV-0010441": D("320.00")})
    assert "amount equals open invoice INV-0010441" in result.explanation


def test_amount_alone_pins_one_set_of_invoices(matcher: CashMatcher) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1250.50"), TODAY)
    assert result.decision == "auto"
    assert applied(result) == {"INV-0010432": D("1000.00"), "INV-0010433": D("250.50")}


def test_amount_short_of_one_set_by_a_fee_is_proposed_never_auto(matcher: CashMatcher) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1225.50"), TODAY)  # 1000 + 250.50 - 25
    assert result.decision == "review"
    assert set(applied(result)) == {"INV-0010432", "INV-0010433"}
    assert result.deduction == (D("25.00"), "bank_fee")


def test_a_parent_paying_its_subsidiarys_invoice(matcher: CashMatcher) -> None:
    result = matcher.match(line("CONTOSO MANUFACTURING CORP", "780.00", "INV 10460"), TODAY)
    assert result.decision == "auto"
    assert result.customer_id == "C6"  # the invoice's owner
    assert "subsidiary of Contoso Manufacturing Corp." in result.explanation


def test_a_cut_name_that_fits_a_parent_and_its_subsidiary_is_one_group(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("CONTOSO MANUFACT", "780.00"), TODAY)  # 16 characters
    assert (result.decision, result.customer_id) == ("auto", "C6")
    assert applied(result) == {"INV-0010460": D("780.00")}


def test_a_learned_alias_names_the_customer(matcher: CashMatcher) -> None:
    result = matcher.match(line("AP SHARED SVCS 4471", "2000.00"), TODAY)
    assert (result.decision, result.customer_id) == ("auto", "C7")
    assert result.explanation.startswith("learned alias")


@pytest.mark.parametrize(
    ("payer", "reference"),
    [
        ("FABRIKAM INTL SV", ""),  # ACH-truncated abbreviation: SV(CS)
        ("FABRKAM INTERNATIONAL SERVICES", ""),  # typo, suffix dropped
        ("", "ORIG CO NAME:FABRIKAM INTL SVCS ORIG ID:1234567890 SEC:CCD"),  # in the addenda
        ("ACH CREDIT", "IND NAME:FABRIKAM INTERNATIONAL IND ID:0042"),
        ("MERIDIAN HOLDINGS DBA FABRIKAM INTL SVCS", ""),
    ],
)
def test_payer_names_as_banks_write_them(matcher: CashMatcher, payer: str, reference: str) -> None:
    result = matcher.match(line(payer, "2000.00", reference), TODAY)
    assert (result.decision, result.customer_id) == ("auto", "C7")
    assert applied(result) == {"INV-0010470": D("2000.00")}


def test_a_poor_name_with_a_good_reference_takes_the_customer_from_the_invoice(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("REMOTE DEPOSIT", "2000.00", "INV-0010470"), TODAY)
    assert (result.decision, result.customer_id) == ("auto", "C7")
    assert result.explanation.startswith("payer not recognised; customer from the invoices")


def test_a_mistyped_invoice_number_with_the_exact_amount(matcher: CashMatcher) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1000.00", "INV 10423"), TODAY)
    assert (result.decision, applied(result)) == ("auto", {"INV-0010432": D("1000.00")})
    assert "10423 in reference is INV-0010432 mistyped" in result.explanation


# -- the failure modes: never auto -----------------------------------------------------------------


def test_two_sets_of_invoices_fitting_equally_go_to_review(matcher: CashMatcher) -> None:
    result = matcher.match(line("WINGTIP TOYS", "300.00"), TODAY)
    assert result.decision == "review"
    assert "2 different sets of invoices fit the amount" in result.explanation
    proposed = set(applied(result))
    other = {number for number, _ in result.alternatives[0].applications}
    assert {frozenset(proposed), frozenset(other)} == {
        frozenset({"INV-0010510", "INV-0010511"}),
        frozenset({"INV-0010512", "INV-0010513"}),
    }


def test_close_payer_names_with_the_same_amount_open_at_both_go_to_review(
    matcher: CashMatcher,
) -> None:
    # "SUMMIT FOODS" is Summit Foods Inc.'s whole name, and the start of Summit Foods West's.
    result = matcher.match(line("SUMMIT FOODS", "777.77"), TODAY)
    assert result.decision == "review"
    assert "the amount fits Summit Foods West Inc.'s open invoices too" in result.explanation
    proposals = {result.customer_id} | {a.customer_id for a in result.alternatives}
    assert proposals == {"C9", "C10"}
    # Cut by the bank after "WES", the name is West's alone.
    cut = matcher.match(line("SUMMIT FOODS WES", "777.77"), TODAY)
    assert (cut.decision, cut.customer_id) == ("auto", "C10")


def test_a_cut_name_that_fits_two_customers_never_auto_applies(matcher: CashMatcher) -> None:
    # "ACME" fits both Acme customers; the amount is Acme Industrial's only.
    result = matcher.match(line("ACME", "1200.00"), TODAY)
    assert result.decision == "review"
    assert result.customer_id == "C1"


def test_identical_recurring_amounts_with_several_due_go_to_review(matcher: CashMatcher) -> None:
    result = matcher.match(line("NORTHWIND TRADERS", "450.00"), TODAY)
    assert result.decision == "review"
    assert applied(result) == {"INV-0010480": D("450.00")}  # the oldest is proposed
    assert len(result.alternatives) == 2


def test_identical_recurring_amounts_propose_the_oldest_without_a_paying_habit(
    matcher: CashMatcher,
) -> None:
    # Which of equal invoices a payment is for is the customer's habit; with no history that
    # says "oldest first", the oldest is proposed, not applied alone.
    result = matcher.match(line("TAILSPIN SERVICES", "300.00"), TODAY)
    assert (result.decision, applied(result)) == ("review", {"INV-0010490": D("300.00")})


def test_a_strong_payer_name_against_another_customers_invoice_goes_to_review(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("ACME INDUSTRIAL SUPPLY INC", "2000.00", "INV 10470"), TODAY)
    assert result.decision == "review"
    assert "payer name and invoice references disagree" in result.explanation


def test_a_reference_to_an_invoice_that_is_not_open_goes_to_review(matcher: CashMatcher) -> None:
    result = matcher.match(line("ACME IND SUPPLY", "1000.00", "INV 99999"), TODAY)
    assert result.decision == "review"
    assert "99999 in the reference is not an open invoice" in result.explanation


def test_a_credit_from_nobody_known_is_unmatched(matcher: CashMatcher) -> None:
    result = matcher.match(line("ZELLE TRANSFER", "12.34", "NO REMITTANCE INFORMATION"), TODAY)
    assert result.decision == "unmatched"
    assert result.customer_id is None and result.applications == ()
    assert result.unapplied == D("12.34") and result.confidence == 0.0


def test_a_known_payer_with_nothing_that_fits_is_left_on_account_for_review(
    matcher: CashMatcher,
) -> None:
    result = matcher.match(line("GLOBEX CORPORATION", "123.45"), TODAY)
    assert (result.decision, result.customer_id, result.applications) == ("review", "C3", ())
    assert result.unapplied == D("123.45")


def test_a_reference_in_another_currency_is_not_applied(matcher: CashMatcher) -> None:
    result = matcher.match(line("WINGTIP TOYS", "99.00", "INV 10520"), TODAY)
    assert result.decision != "auto"
    assert "not in USD" in result.explanation


def test_a_line_dated_after_the_business_date_goes_to_review(matcher: CashMatcher) -> None:
    result = matcher.match(
        line("ACME IND SUPPLY", "1000.00", "INV-10432", on=TODAY + timedelta(days=3)), TODAY
    )
    assert result.decision == "review"


# -- batch, output ---------------------------------------------------------------------------------


def test_match_all_reports_progress_and_keeps_order(matcher: CashMatcher) -> None:
    lines = [
        BankLine(f"P{i}", TODAY, D(amount), "USD", payer, ref)
        for i, (payer, amount, ref) in enumerate(
            [("GLOBEX CORP", "320.00", ""), ("ZELLE", "5.00", ""), ("INITECH", "980.00", "10450")]
        )
    ]
    calls: list[tuple[int, int]] = []
    results = matcher.match_all(
        lines, TODAY, progress=lambda done, total: calls.append((done, total))
    )
    assert [r.payment_id for r in results] == ["P0", "P1", "P2"]
    assert [r.decision for r in results] == ["auto", "unmatched", "auto"]
    assert calls[-1] == (3, 3)


def test_a_second_payment_of_the_same_invoice_in_one_batch_goes_to_review(
    matcher: CashMatcher,
) -> None:
    twice = [
        BankLine("P1", TODAY, D("1000.00"), "USD", "ACME IND SUPPLY", "INV-10432"),
        BankLine("P2", TODAY, D("1000.00"), "USD", "ACME IND SUPPLY", "INV-10432"),
        BankLine("P3", TODAY, D("250.50"), "USD", "ACME IND SUPPLY", "INV-10433"),
    ]
    first, second, third = matcher.match_all(twice, TODAY)
    assert (first.decision, second.decision, third.decision) == ("auto", "review", "auto")
    assert "INV-0010432 was already applied from P1 in this batch" in second.explanation


def test_as_dict_is_the_contract_result_row(matcher: CashMatcher) -> None:
    result = matcher.match(line("GLOBEX CORP", "4875.00", "INV 10440 SHORT 125.00 DAMAGED"), TODAY)
    row = result.as_dict()
    assert row["payment_id"] == "P1" and row["decision"] == "auto" and row["customer_id"] == "C3"
    assert row["applications"] == [{"invoice_number": "INV-0010440", "amount": 4875.0}]
    assert row["deduction"] == {"amount": 125.0, "reason_code": "damage"}
    assert row["unapplied_amount"] == 0.0
    assert isinstance(row["confidence"], float) and isinstance(row["explanation"], str)


# -- the pieces ------------------------------------------------------------------------------------


def test_parse_remittance_reads_edi_addenda_and_memo() -> None:
    text = (
        "ORIG CO NAME:ACME IND SUPPLY ORIG ID:1234567890 DESC DATE:261121 SEC:CCD "
        "RMR*IV*10432*PO*951.00*1000.00*~ADX*-49.00*04~ SHORT 49.00 DAMAGED"
    )
    remittance = parse_remittance(text)
    (item,) = remittance.edi
    assert (item.reference, item.paid, item.invoice_amount) == ("10432", D("951.00"), D("1000.00"))
    assert [(a.amount, a.reason) for a in item.adjustments] == [(D("49.00"), "04")]
    assert remittance.names == (("ORIG CO NAME", "ACME IND SUPPLY"),)
    assert remittance.amounts == (D("49.00"),)
    assert remittance.tokens == ()  # ids, dates and EDI are not invoice references


def test_parse_remittance_ignores_amounts_years_and_short_numbers() -> None:
    tokens = parse_remittance("PAYMENT 1234.50 FOR 2026 SHORT SHIPPED 3 CS").tokens
    assert tokens == ()


def test_payer_matcher_handles_truncation_and_word_order() -> None:
    payers = PayerMatcher(
        [
            ("A", "Hayes Logistics LLC"),
            ("B", "Bishop & Hayes Logistics Inc."),
            ("C", "Lambert & Lawson Printing"),
            ("D", "Lambert & Lawson Hospitality"),
        ]
    )
    hayes = payers.resolve("HAYES LOGISTICS")
    assert (hayes.status, hayes.top and hayes.top.customer_id) == ("match", "A")
    cut = payers.resolve("LAMBERT & LAWSON")  # 16 characters: the word that tells them apart is cut
    assert cut.status == "ambiguous"
    assert {c.customer_id for c in cut.candidates} == {"C", "D"}


def test_fitting_subsets_finds_every_set_and_the_chance_grows_with_the_pool() -> None:
    assert fitting_subsets([100, 200, 150, 150], 300, max_size=3, min_size=2) == [(0, 1), (2, 3)]
    assert fitting_subsets([100, 250, 400], 1000, max_size=3) == []
    # Within a tolerance: sets the payment is short of by at most that, closest first.
    assert fitting_subsets([100, 250, 400], 340, max_size=2, tolerance=20) == [(0, 1)]
    assert fitting_subsets([100, 250, 400], 490, max_size=2, tolerance=20, limit=5) == [(0, 2)]
    few = coincidence([100_00, 250_00, 400_00], 350_00, max_size=3, min_size=2)
    many = coincidence(list(range(100_00, 130_00, 100)), 350_00, max_size=5, min_size=2)
    assert few < 0.001 < many
