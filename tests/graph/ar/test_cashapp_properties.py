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
MEMOS = ("", "PAYMENT", "THANK YOU", "SHORT 25.00 DAMAGED", "PARTIAL", "REMIT ADV", "CO-OP ADV")
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
                "ACH CREDIT",
                "JOHN SMITH",
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
