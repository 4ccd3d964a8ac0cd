"""What a bank line's free text says: invoice and PO references, EDI 820 remittance, payer names
buried in ACH addenda, amounts written in the memo, and the memo words that explain a short-pay.

Pure text work, no look-ups: ``parse_remittance`` turns the reference into a ``Remittance`` the
matcher resolves against its invoice index. Its parts: how each channel writes around the
remittance (``cashapp_channel_text``), EDI segments (``cashapp_edi``), addenda
(``cashapp_addenda``), amounts (``cashapp_memo_amounts``) and references
(``cashapp_ref_tokens``); the periods and dates a memo names are ``cashapp_memo_dates``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from graph.ar.cashapp_addenda import addenda_names, without_addenda
from graph.ar.cashapp_channel_text import (
    _NOT_REMITTANCE,
    _ORDERING_ACCOUNT,
    _SAYS_CHARGES,
    _SEPA_KEY,
    _swift_codes,
    says_partial,
    unfold_mt940,
)
from graph.ar.cashapp_edi import EdiAdjustment, EdiItem, edi_segments, without_segments
from graph.ar.cashapp_memo_amounts import AMOUNT, EU_AMOUNT, GLUED_CURRENCY, split_amounts
from graph.ar.cashapp_ref_tokens import RefToken, memo_references


@dataclass(frozen=True, slots=True)
class Remittance:
    edi: tuple[EdiItem, ...]
    adjustments: tuple[EdiAdjustment, ...]  # ADX segments before any RMR: the whole payment
    tokens: tuple[RefToken, ...]
    names: tuple[tuple[str, str], ...]  # (addenda key, name) pairs, e.g. ("ORIG CO NAME", "ACME")
    memo: str  # the free text without EDI segments and addenda ids
    amounts: tuple[Decimal, ...]  # money amounts written in the memo ("SHORT 25.00")
    partial: bool  # the memo says it is a partial payment or an installment
    joined: tuple[tuple[str, str], ...] = ()  # (two adjacent words, key of both joined)
    bad_rf: tuple[str, ...] = ()  # RF references whose check digits do not verify
    ordered: Decimal | None = None  # SWIFT /OCMT/: the amount the payer ordered
    charges: tuple[Decimal, ...] = ()  # SWIFT /CHGS/: charges taken on the way
    says_charges: bool = False  # the text says bank charges came off (/CHGS/, CHARGES SHA/BEN)
    card: bool = False  # paid out by a card processor (the payer), net of its fee
    wire: bool = False  # came by wire (Fedwire, SWIFT): intermediary banks may take flat fees


# The marks of a wire transfer in a bank's text: Fedwire's and SWIFT's own fields and words.
_WIRE = re.compile(
    r"(?<![A-Z0-9])(FEDWIRE|WIRE|SWIFT|MT103|IMAD|OMAD|B/O|OBI|BNF)(?![A-Z0-9])"
    r"|:(?:50[AFK]|70|71A|71F|32A):|/(?:OCMT|CHGS)/"
)


def parse_remittance(reference: str) -> Remittance:
    text = " ".join(unfold_mt940(reference.upper()).split())
    text = _SEPA_KEY.sub(lambda m: f" {m.group(1) or m.group(2)}: ", text)
    text = _ORDERING_ACCOUNT.sub(" ", text)
    text = _NOT_REMITTANCE.sub(" ", text)
    edi, header = edi_segments(text)
    rest = without_segments(text)
    ordered, charges, rest = _swift_codes(rest)
    rest = GLUED_CURRENCY.sub(" ", rest)  # "EUR159,87", "159.87USD": the amount apart
    says_charges = bool(charges) or bool(_SAYS_CHARGES.search(rest))
    names = addenda_names(rest)
    rest = without_addenda(rest, names)
    amounts = tuple(Decimal(f"{m[1].replace(',', '')}.{m[2]}") for m in AMOUNT.finditer(rest))
    amounts += tuple(Decimal(f"{m[1].replace('.', '')}.{m[2]}") for m in EU_AMOUNT.finditer(rest))
    amounts += charges + ((ordered,) if ordered is not None else ())
    amounts += split_amounts(rest)
    rest = EU_AMOUNT.sub(" ", rest)
    memo = " ".join(rest.split())
    tokens, bad_rf, joined = memo_references(rest)
    return Remittance(
        edi=edi,
        adjustments=header,
        tokens=tokens,
        names=names,
        memo=memo,
        amounts=amounts,
        partial=says_partial(memo),
        joined=joined,
        bad_rf=bad_rf,
        ordered=ordered,
        charges=charges,
        says_charges=says_charges,
        wire=bool(_WIRE.search(text)),
    )
