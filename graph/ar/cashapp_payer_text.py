"""What a bank writes where a payer's name belongs: its generic labels ("ACH CREDIT"), a card
processor paying out, an address or an account around the name, and ACH's 16-character cut."""

from __future__ import annotations

import re

from graph.ar.name_scoring import name_tokens

ACH_NAME_LENGTH = 16
GENERIC_WORDS = frozenset(
    """ACH CREDIT DEPOSIT WIRE TRANSFER INCOMING PAYMENT PMT CHK CHECK CHEQUE ZELLE REMOTE
    MOBILE BRANCH ONLINE EFT SEPA CREDIT TRANSFER FEDWIRE BOOK XFER TRF ATM CASH""".split()
)


# Card processors and payment platforms: their settlements name them, not the customer.
_CARD_PROCESSOR = re.compile(
    r"^(?:(?:ACH|CREDIT|DEPOSIT|INCOMING|TRANSFER|FROM|CCD|PPD)\s+)*"
    r"(?:STRIPE|ADYEN|WORLDPAY|PAYPAL|BRAINTREE|AMERICAN EXPRESS|AMEX|SQUARE INC|SQ \*"
    r"|BANKCARD|BNKCRD|MERCHANT (?:SETTLEMENT|SETTLE|DEPOSIT|DEP|BNKCD|BANKCARD|SVCS|SERVICES)"
    r"|MERCH DEP|MERCH SVCS|CARD SETTLEMENT|CARD SETTLE|VISA SETTLEMENT|MASTERCARD SETTLEMENT"
    r"|DISCOVER NETWORK|BAMS|ZETTLE|MOLLIE|PAYU"
    r"|FISERV|FIRST DATA|ELAVON|GLOBAL PAYMENTS|HEARTLAND PAYMENT|CHASE PAYMENTECH|PAYMENTECH"
    r"|CHECKOUT\.?COM|SUMUP|SHOPIFY PAYMENTS|AUTHORIZE\.?NET|TSYS|WORLDLINE|NEXI|KLARNA"
    r"|GOCARDLESS)(?![A-Z0-9])"
)
# The ordering party's address after its name (SWIFT :50K:, MT940 ?32/?33): a house number,
# a street, a post box.
_ADDRESS_WORD = re.compile(
    r"^(?:\w*(?:STR|STRASSE|STRAAT|WEG|GASSE|PLATZ)\.?|POSTFACH|PO|P\.O\.|BOX|RUE|AVE|AVENUE"
    r"|ROAD|RD|ST(?:R(?:E(?:E(?:T)?)?)?)?\.?|LANE|LN|DRIVE|DR|BLVD|HWY|SUITE|STE|CALLE|VIA|PLACE"
    r"|CHEMIN|ALLEE|QUAI|PLAZA|AVDA?|CARRER)$"
)


_ACCOUNT = re.compile(r"[A-Z]{0,4}\d[A-Z0-9]{7,}")


def is_card_processor(payer_name: str) -> bool:
    """The bank's payer is a card processor or payment platform paying out, not a customer."""
    return bool(_CARD_PROCESSOR.match(" ".join(payer_name.upper().split())))


def without_address(text: str) -> str:
    """The name before an address written after it ("DUVAL GROCERS 715 RUE DU PORT" → "DUVAL
    GROCERS"), without an account written before it ("/DE8937… DUVAL GROCERS") or SWIFT's
    structured line numbers ("1/DUVAL GROCERS 2/RUE DU PORT 3/FR/PARIS"); the text itself when
    there is none of these."""
    structured = re.match(r"^1/(.*?)(?:\s+[23]/.*)?$", text.strip())
    if structured:
        text = structured.group(1)
    words = text.split()
    while len(words) > 1 and (words[0].startswith("/") or _ACCOUNT.fullmatch(words[0])):
        words = words[1:]
    for k in range(1, len(words)):
        if any(ch.isdigit() for ch in words[k]):
            # A number is a house number or a post box only with a street word around it
            # ("715 RUE DU PORT", "HAUPTSTR. 12", "POSTFACH 1120"), not an id ("AP CENTER 1001").
            near = [w.upper() for w in words[max(k - 1, 0) : k + 4] if w is not words[k]]
            if not any(_ADDRESS_WORD.match(w) for w in near):
                continue
            cut = words[:k]
            while len(cut) > 1 and _ADDRESS_WORD.match(cut[-1].upper()):
                cut.pop()
            return " ".join(cut)
    return " ".join(words)


def meaningful_name(text: str) -> bool:
    """A name with at least one word that is not a bank's generic label ("ACH CREDIT")."""
    return any(t.upper() not in GENERIC_WORDS for t in name_tokens(text))
