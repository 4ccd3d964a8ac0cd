"""Cash application invariants over random small ledgers (hypothesis).

Whatever the ledger and the bank line, an automatic application must be fully explained: the
money applied is the payment to the cent, only to the payer group's invoices and within their
balances, nothing left on account, a deduction only with a reason. A name that fits two
look-alike customers equally, with the amount open at both, is never applied alone; the same
input always gives the same answer; and the plainest case (the customer's own name, its invoice
number, exactly its balance) is always applied.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ar.cashapp import CashMatch, CashMatcher
from integrations.erp.records import BankLine, Customer, Invoice, may_pay_for

TODAY = date(2026, 11, 21)
CENT = Decimal("0.01")
# Look-alike pairs on purpose: a bank name fits both of each pair.
NAMES = (
    "Harlow Foods Inc.",
    "Harlow Foods Corp.",
    "Benton Associates",
    "Benton Associates Ltd.",
    "Keystone Packaging LLC",
    "Meridian Steel Co.",
    "Meridian Steel West Inc.",
    "Orchard Dairy Inc.",
)
MEMOS = (
    "",
    "PAYMENT",
    "THANK YOU",
    "SHORT 25.00 DAMAGED",
    "PARTIAL",
    "REMIT ADV",
    "CO-OP ADV",
    # as channels write them: SWIFT charges, a lockbox stub, CCD+ addenda, a cut amount
    "CHARGES SHA",
    "/OCMT/USD1000,00/ /CHGS/USD25,00/",
    "LOCKBOX 12345 BATCH 001 CHECK 4567 RT 021000021",
    "DED 25.00",
    "OCT 2026",
    "DA MAGED 2 5.00",
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def cents(value: int) -> Decimal:
    return (Decimal(value) * CENT).quantize(CENT)


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[list[Customer], list[Invoice]]:
    count = draw(st.integers(2, 6))
    names = draw(st.permutations(NAMES))[:count]
    customers: list[Customer] = []
    for k, name in enumerate(names):
        parent = None
        if k and draw(st.integers(0, 4)) == 0:
            parent = customers[draw(st.integers(0, k - 1))].customer_id
        discount = draw(st.booleans())
        customers.append(
            Customer(
                f"C{k + 1}",
                name,
                "USD",
                30,
                discount_percent=Decimal(2) if discount else Decimal(0),
                discount_days=10 if discount else 0,
                parent_id=parent,
            )
        )
    # A few amounts only, so that equal invoices and sums that coincide are common.
    amounts = draw(st.lists(st.integers(1, 500_000), min_size=2, max_size=6))
    invoices: list[Invoice] = []
    for customer in customers:
        for _ in range(draw(st.integers(0, 5))):
            amount = cents(draw(st.sampled_from(amounts)))
            balance = amount if draw(st.integers(0, 5)) else (amount / 2).quantize(CENT)
            issued = TODAY - timedelta(days=draw(st.integers(0, 120)))
            invoices.append(
                Invoice(
                    f"INV-{1000 + len(invoices):05d}",
                    customer.customer_id,
                    issued,
                    issued + timedelta(days=30),
                    amount,
                    balance,
                    draw(st.sampled_from(("USD", "USD", "USD", "EUR"))),
                )
            )
    return customers, invoices


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[Customer], list[Invoice], BankLine]:
    customers, invoices = draw(ledgers())
    payer = draw(st.sampled_from(customers))
    name = draw(
        st.sampled_from(
            (
                payer.name.upper(),
                " ".join(payer.name.upper().split()[:2]),
                payer.name.upper()[:16],
                f"{payer.name.upper()} 12 HIGH ST",
                "ACH CREDIT",
                "JOHN SMITH",
                "STRIPE",
            )
        )
    )
    named = draw(st.lists(st.sampled_from(invoices), max_size=3)) if invoices else []
    reference = " ".join(
        [draw(st.sampled_from(("", "INV", "#"))), *(i.invoice_number for i in named)]
    )
    reference = f"{reference} {draw(st.sampled_from(MEMOS))}".strip()
    own = [i for i in invoices if i.customer_id == payer.customer_id] or invoices
    some = draw(st.lists(st.sampled_from(own), max_size=3)) if own else []
    amount = draw(
        st.sampled_from(
            (
                sum((i.balance for i in named), Decimal("0.00")),
                sum((i.balance for i in some), Decimal("0.00")),
                sum((i.balance for i in some), Decimal("0.00")) - Decimal("25.00"),
                cents(draw(st.integers(1, 900_000))),
            )
        )
    )
    if amount <= 0:
        amount = Decimal("10.00")
    line = BankLine("P1", TODAY, amount, "USD", name, reference)
    return customers, invoices, line


def check_auto_is_explained(
    result: CashMatch, line: BankLine, customers: list[Customer], invoices: list[Invoice]
) -> None:
    if result.decision != "auto":
        return
    by_id = {c.customer_id: c for c in customers}
    open_ = {i.invoice_number: i for i in invoices if i.balance > 0}
    applied = sum((a for _, a in result.applications), Decimal("0.00"))
    assert applied == line.amount, "an auto result applies the whole payment, to the cent"
    assert result.unapplied == 0, "nothing is left on account automatically"
    assert result.customer_id is not None
    payer = by_id[result.customer_id]
    numbers = [n for n, _ in result.applications]
    assert len(set(numbers)) == len(numbers)
    settled = Decimal("0.00")
    for number, amount in result.applications:
        invoice = open_[number]
        owner = by_id[invoice.customer_id]
        assert may_pay_for(payer.customer_id, payer.parent_id, owner.customer_id, owner.parent_id)
        assert invoice.currency == line.currency
        assert 0 < amount <= invoice.balance, "never more than an invoice's balance"
        settled += invoice.balance
    if result.deduction is not None:
        short, code = result.deduction
        assert short > 0 and code != "unknown"
        # Applications plus the deduction are what the invoices settled were open for.
        assert applied + short <= settled


@SETTINGS
@given(cases())
def test_an_auto_application_explains_every_cent(
    case: tuple[list[Customer], list[Invoice], BankLine],
) -> None:
    customers, invoices, line = case
    result = CashMatcher(customers, invoices).match(line, TODAY)
    check_auto_is_explained(result, line, customers, invoices)
    assert result.applications or result.decision != "auto"


@SETTINGS
@given(cases())
def test_the_same_input_gives_the_same_answer(
    case: tuple[list[Customer], list[Invoice], BankLine],
) -> None:
    customers, invoices, line = case
    first = CashMatcher(customers, invoices).match(line, TODAY)
    again = CashMatcher(list(reversed(customers)), list(reversed(invoices))).match(line, TODAY)
    assert first == again
    assert CashMatcher(customers, invoices).match_all([line, line], TODAY)[0] == first


@SETTINGS
@given(ledgers(), st.integers(100, 900_000), st.sampled_from(("", "PAYMENT", "THANK YOU")))
def test_a_name_tie_without_singling_evidence_is_never_auto(
    ledger: tuple[list[Customer], list[Invoice]], amount_cents: int, memo: str
) -> None:
    customers, invoices = ledger
    twins = [
        Customer("T1", "Harlow Foods Inc.", "USD", 30),
        Customer("T2", "Harlow Foods Corp.", "USD", 30),
    ]
    others = [c for c in customers if not c.name.startswith("Harlow Foods")]
    amount = cents(amount_cents)
    both = [
        Invoice(f"TW-{k}", cid, TODAY, TODAY + timedelta(days=30), amount, amount, "USD")
        for k, cid in enumerate(("T1", "T2"))
    ]
    kept = [i for i in invoices if i.customer_id in {c.customer_id for c in others}]
    matcher = CashMatcher([*twins, *others], [*kept, *both])
    result = matcher.match(BankLine("P1", TODAY, amount, "USD", "HARLOW FOODS", memo), TODAY)
    assert result.decision != "auto"


@SETTINGS
@given(ledgers(), st.data())
def test_the_customers_name_its_invoice_number_and_exactly_its_balance_is_auto(
    ledger: tuple[list[Customer], list[Invoice]], data: st.DataObject
) -> None:
    customers, invoices = ledger
    usable = [i for i in invoices if i.balance > 0 and i.currency == "USD"]
    if not usable:
        return
    invoice = data.draw(st.sampled_from(usable))
    customer = next(c for c in customers if c.customer_id == invoice.customer_id)
    words = data.draw(st.sampled_from(("INV {}", "{}", "PAYMENT FOR {} THANK YOU", "#{}")))
    line = BankLine(
        "P1",
        TODAY,
        invoice.balance,
        "USD",
        customer.name.upper(),
        words.format(invoice.invoice_number),
    )
    result = CashMatcher(customers, invoices).match(line, TODAY)
    assert result.decision == "auto", result.explanation
    assert result.applications == ((invoice.invoice_number, invoice.balance),)
    assert result.customer_id == invoice.customer_id


@SETTINGS
@given(ledgers(), st.integers(2, 4), st.integers(100, 900_000), st.data())
def test_equal_open_invoices_are_never_chosen_among_without_singling_evidence(
    ledger: tuple[list[Customer], list[Invoice]], count: int, amount_cents: int, data: st.DataObject
) -> None:
    """Equal open invoices of one customer: without its own oldest-first history, or a month in
    the remittance that is one invoice's, which one the payment settles is a person's call."""
    customers, invoices = ledger
    customer = data.draw(st.sampled_from(customers))
    amount = cents(amount_cents)
    same = [
        Invoice(
            f"EQ-{k}",
            customer.customer_id,
            TODAY - timedelta(days=10 + 30 * k),
            TODAY + timedelta(days=20 - 30 * k),
            amount,
            amount,
            "USD",
        )
        for k in range(count)
    ]
    others = [i for i in invoices if i.balance != amount]
    memo = data.draw(st.sampled_from(("", "MONTHLY FEE", "RENT", "SERVICE 2026")))
    line = BankLine("P1", TODAY, amount, "USD", customer.name.upper(), memo)
    result = CashMatcher(customers, [*others, *same]).match(line, TODAY)
    check_auto_is_explained(result, line, customers, [*others, *same])
    if {n for n, _ in result.applications} & {i.invoice_number for i in same}:
        assert result.decision != "auto", result.explanation


@SETTINGS
@given(ledgers(), st.integers(2, 4), st.integers(100, 900_000), st.booleans(), st.data())
def test_equal_open_invoices_by_convention_only_the_oldest_and_never_against_history(
    ledger: tuple[list[Customer], list[Invoice]],
    count: int,
    amount_cents: int,
    contrary: bool,
    data: st.DataObject,
) -> None:
    """With the payment history read: a customer it says nothing against pays the oldest of
    equal open invoices first (the convention), so only the oldest may be applied alone; one
    whose history pays out of order is never applied alone to any of them."""
    customers, invoices = ledger
    customer = data.draw(st.sampled_from(customers))
    amount = cents(amount_cents)
    same = [
        Invoice(
            f"EQ-{k}",
            customer.customer_id,
            TODAY - timedelta(days=10 + 30 * k),
            TODAY + timedelta(days=20 - 30 * k),
            amount,
            amount,
            "USD",
        )
        for k in range(count)
    ]
    oldest = same[-1].invoice_number  # issued first, due first
    others = [i for i in invoices if i.balance != amount]
    memo = data.draw(st.sampled_from(("", "MONTHLY FEE", "RENT", "SERVICE 2026")))
    line = BankLine("P1", TODAY, amount, "USD", customer.name.upper(), memo)
    matcher = CashMatcher(
        customers,
        [*others, *same],
        out_of_order={customer.customer_id} if contrary else set(),
    )
    result = matcher.match(line, TODAY)
    check_auto_is_explained(result, line, customers, [*others, *same])
    chosen = {n for n, _ in result.applications} & {i.invoice_number for i in same}
    if result.decision == "auto" and chosen:
        assert not contrary, result.explanation
        assert chosen == {oldest}, result.explanation


@SETTINGS
@given(ledgers(), st.data())
def test_a_card_payout_is_auto_only_for_its_invoices_net_of_a_fee_within_the_band(
    ledger: tuple[list[Customer], list[Invoice]], data: st.DataObject
) -> None:
    """A processor's payout: the processor is not the customer, so only the invoices it names
    decide; what it kept is a bank fee no larger than the card fee band."""
    customers, invoices = ledger
    usable = [i for i in invoices if i.balance > 100 and i.currency == "USD"]
    if not usable:
        return
    invoice = data.draw(st.sampled_from(usable))
    fee = cents(data.draw(st.integers(0, int(invoice.balance * 10))))  # up to 10% of it
    words = data.draw(st.sampled_from(("INV {}", "{}", "PAYOUT PO_12345678 {}", "")))
    line = BankLine(
        "P1",
        TODAY,
        invoice.balance - fee,
        "USD",
        data.draw(st.sampled_from(("STRIPE", "ADYEN N.V.", "AMERICAN EXPRESS", "PAYPAL"))),
        words.format(invoice.invoice_number),
    )
    result = CashMatcher(customers, invoices).match(line, TODAY)
    check_auto_is_explained(result, line, customers, invoices)
    if result.decision == "auto":
        assert invoice.invoice_number in line.reference
        if result.deduction is not None:
            short, code = result.deduction
            assert code == "bank_fee"
            assert short <= invoice.balance * Decimal("0.04") + Decimal("1.00")


@SETTINGS
@given(ledgers(), st.data())
def test_an_installment_leaves_the_rest_open_and_nothing_on_account(
    ledger: tuple[list[Customer], list[Invoice]], data: st.DataObject
) -> None:
    """Part of a named invoice: applied alone only as a round share of it, with no deduction
    (the rest stays open on the invoice) and only when nothing in the memo speaks of one."""
    customers, invoices = ledger
    usable = [i for i in invoices if i.balance >= 10 and i.currency == "USD"]
    if not usable:
        return
    invoice = data.draw(st.sampled_from(usable))
    paid = cents(data.draw(st.integers(1, int(invoice.balance * 100) - 1)))
    memo = data.draw(st.sampled_from(("", "PARTIAL", "DAMAGED", "SHORT", "CHARGES BEN")))
    customer = next(c for c in customers if c.customer_id == invoice.customer_id)
    line = BankLine(
        "P1", TODAY, paid, "USD", customer.name.upper(), f"INV {invoice.invoice_number} {memo}"
    )
    result = CashMatcher(customers, invoices).match(line, TODAY)
    check_auto_is_explained(result, line, customers, invoices)
    if result.decision == "auto" and result.deduction is None:
        [(number, amount)] = result.applications
        assert amount == paid
        if number == invoice.invoice_number:
            assert memo in ("", "PARTIAL")
        else:  # the number read as a slip for an invoice whose balance is exactly the payment
            assert next(i for i in invoices if i.invoice_number == number).balance == paid
