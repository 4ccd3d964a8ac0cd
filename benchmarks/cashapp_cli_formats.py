"""The benchmark's bank lines written in each bank format arbot reads (``cashapp_cli.py
--bank-format``), in the layout banks send, so that a run reads the same receipts from each:

* ``csv``: arbot's own layout (CONTRACTS.md), ``demo_bank.write_bank_csv``;
* ``camt053``: an ISO 20022 camt.053.001.02 statement per currency (one account each, opening and
  closing booked balances), one ``Ntry`` per receipt: ``Amt``, ``CdtDbtInd`` CRDT, ``BookgDt``,
  ``AcctSvcrRef`` (the payment id), a bank transaction code, and its ``TxDtls`` with the debtor's
  name (``RltdPties/Dbtr/Nm``) and the remittance text (``RmtInf/Ustrd``, 140 characters each);
* ``mt940``: a SWIFT MT940 statement per currency (``:20:`` ``:25:`` ``:28C:`` ``:60F:``, then a
  ``:61:`` with the payment id as the bank's reference and its ``:86:`` in slash tags
  ``/TRTP/../NAME/../REMI/USTD//..``, cut at 65 characters a line, then ``:62F:``);
* ``bai2``: a BAI2 file with a group per as-of date and an account per currency, one ``16``
  detail per receipt (type 195 incoming wire, amount in cents, the payment id as the bank
  reference, the remittance text) with an ``88`` naming the originator, and trailers whose
  control totals and record counts add up;
* ``sparkasse``: a Sparkasse "CSV-CAMT V2" export, read with ``--profile de-sparkasse``
  (semicolons, ``20.11.26`` dates, ``12.345,50`` amounts, a currency column).

The floor script reads the same lines from arbot's own CSV layout (it has no bank parser).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from integrations.erp.records import BankLine

# Bank file name, and the options ``arbot cashapp`` is given to read it.
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "csv": ("bank.csv", ()),
    "camt053": ("bank.camt053.xml", ()),
    "mt940": ("bank.sta", ()),
    "bai2": ("bank.bai2", ()),
    "sparkasse": ("bank-sparkasse.csv", ("--profile", "de-sparkasse")),
}
# Modules a run of that format imports beyond ``cashapp_cli.RUN_MODULES`` (the footprint
# imports them too, so that what a run holds above it is what its data costs).
FORMAT_MODULES: dict[str, tuple[str, ...]] = {
    "csv": (),
    "camt053": ("integrations.bank.camtstream",),
    "mt940": ("integrations.bank.mt940file",),
    "bai2": ("integrations.bank.bai2file",),
    "sparkasse": ("_strptime",),  # the dates, read with datetime.strptime
}
ACCOUNT = "DE44500105175407324931"
USTRD = 140  # characters in one camt Ustrd
MT940_WIDTH = 65  # characters in one MT940 line


def write_bank_file(path: Path, format: str, lines: list[BankLine]) -> None:
    """``lines`` written to ``path`` in ``format`` (a key of ``FORMATS``)."""
    if format == "csv":
        from integrations.erp.local.demo_bank import write_bank_csv

        write_bank_csv(path, lines)
        return
    if format == "sparkasse":
        _write_sparkasse(path, lines)
        return
    writer = {"camt053": _camt053, "mt940": _mt940, "bai2": _bai2}[format]
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(writer(lines))


def _by_currency(lines: Iterable[BankLine]) -> dict[str, list[BankLine]]:
    found: dict[str, list[BankLine]] = {}
    for line in lines:
        found.setdefault(line.currency, []).append(line)
    return found


def _words(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` characters, cut between words."""
    pieces: list[str] = []
    for word in text.split():
        if pieces and len(pieces[-1]) + 1 + len(word) <= width:
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return pieces


def _camt053(lines: list[BankLine]) -> Iterator[str]:
    today = max(line.received_on for line in lines)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
    yield "  <BkToCstmrStmt>\n"
    yield (
        f"    <GrpHdr>\n      <MsgId>ARBOT-BENCH-{today:%Y%m%d}</MsgId>\n"
        f"      <CreDtTm>{today}T06:00:00</CreDtTm>\n    </GrpHdr>\n"
    )
    for number, (currency, group) in enumerate(_by_currency(lines).items(), start=1):
        total = sum((line.amount for line in group), Decimal(0))
        first = min(line.received_on for line in group)
        yield (
            f"    <Stmt>\n      <Id>{today:%Y%m%d}-{number}</Id>\n"
            f"      <CreDtTm>{today}T06:00:00</CreDtTm>\n"
            f"      <FrToDt>\n        <FrDtTm>{first}T00:00:00</FrDtTm>\n"
            f"        <ToDtTm>{today}T23:59:59</ToDtTm>\n      </FrToDt>\n"
            f"      <Acct>\n        <Id>\n          <IBAN>{ACCOUNT}</IBAN>\n        </Id>\n"
            f"        <Ccy>{currency}</Ccy>\n      </Acct>\n"
        )
        yield _camt_balance("OPBD", Decimal(0), currency, first)
        yield _camt_balance("CLBD", total, currency, today)
        for index, line in enumerate(group, start=1):
            yield _camt_entry(index, line)
        yield "    </Stmt>\n"
    yield "  </BkToCstmrStmt>\n</Document>\n"


def _camt_balance(code: str, amount: Decimal, currency: str, day: date) -> str:
    return (
        f"      <Bal>\n        <Tp>\n          <CdOrPrtry>\n            <Cd>{code}</Cd>\n"
        f"          </CdOrPrtry>\n        </Tp>\n"
        f'        <Amt Ccy="{currency}">{amount}</Amt>\n        <CdtDbtInd>CRDT</CdtDbtInd>\n'
        f"        <Dt>\n          <Dt>{day}</Dt>\n        </Dt>\n      </Bal>\n"
    )


def _camt_entry(index: int, line: BankLine) -> str:
    payer = (
        f"            <RltdPties>\n              <Dbtr>\n"
        f"                <Nm>{escape(line.payer_name)}</Nm>\n"
        f"              </Dbtr>\n            </RltdPties>\n"
        if line.payer_name
        else ""
    )
    texts = "".join(
        f"              <Ustrd>{escape(piece)}</Ustrd>\n" for piece in _words(line.reference, USTRD)
    )
    remittance = f"            <RmtInf>\n{texts}            </RmtInf>\n" if texts else ""
    amount = f'<Amt Ccy="{line.currency}">{line.amount}</Amt>'
    return (
        f"      <Ntry>\n        <NtryRef>{index}</NtryRef>\n        {amount}\n"
        f"        <CdtDbtInd>CRDT</CdtDbtInd>\n        <Sts>BOOK</Sts>\n"
        f"        <BookgDt>\n          <Dt>{line.received_on}</Dt>\n        </BookgDt>\n"
        f"        <ValDt>\n          <Dt>{line.received_on}</Dt>\n        </ValDt>\n"
        f"        <AcctSvcrRef>{escape(line.payment_id)}</AcctSvcrRef>\n"
        f"        <BkTxCd>\n          <Domn>\n            <Cd>PMNT</Cd>\n            <Fmly>\n"
        f"              <Cd>RCDT</Cd>\n              <SubFmlyCd>ESCT</SubFmlyCd>\n"
        f"            </Fmly>\n          </Domn>\n        </BkTxCd>\n"
        f"        <NtryDtls>\n          <TxDtls>\n"
        f"            <Refs>\n              <EndToEndId>NOTPROVIDED</EndToEndId>\n"
        f"            </Refs>\n"
        f"            <AmtDtls>\n              <TxAmt>\n                {amount}\n"
        f"              </TxAmt>\n            </AmtDtls>\n"
        f"{payer}{remittance}"
        f"          </TxDtls>\n        </NtryDtls>\n      </Ntry>\n"
    )


def _swift_amount(amount: Decimal) -> str:
    return f"{amount:.2f}".replace(".", ",")


def _mt940(lines: list[BankLine]) -> Iterator[str]:
    today = max(line.received_on for line in lines)
    for number, (currency, group) in enumerate(_by_currency(lines).items(), start=1):
        total = sum((line.amount for line in group), Decimal(0))
        yield f":20:STMT{today:%y%m%d}{number:03d}\n:25:{ACCOUNT}{currency}\n:28C:{number}/1\n"
        yield f":60F:C{today:%y%m%d}{currency}{_swift_amount(Decimal(0))}\n"
        for line in group:
            yield (
                f":61:{line.received_on:%y%m%d}{line.received_on:%m%d}C"
                f"{_swift_amount(line.amount)}NTRFNONREF//{line.payment_id}\n"
            )
            text = f"/TRTP/SEPA OVERBOEKING/NAME/{line.payer_name}/"
            text += f"REMI/USTD//{line.reference}/" if line.reference.strip() else ""
            yield from _mt940_86(" ".join(text.split()))
        yield f":62F:C{today:%y%m%d}{currency}{_swift_amount(total)}\n-\n"


def _mt940_86(text: str) -> Iterator[str]:
    """An ``:86:`` cut at 65 characters a line, as banks cut it; a cut never leaves a line
    ending in a space (a reader drops it) nor a line starting with ``:`` (a field tag)."""
    rest, first = text, True
    while rest:
        cut = min(len(rest), MT940_WIDTH)
        while cut < len(rest) and (rest[cut - 1] == " " or rest[cut] == ":") and cut > 1:
            cut -= 1
        yield (":86:" if first else "") + rest[:cut] + "\n"
        rest, first = rest[cut:], False


def _bai2(lines: list[BankLine]) -> Iterator[str]:
    today = max(line.received_on for line in lines)
    days: dict[date, list[BankLine]] = {}
    for line in lines:
        days.setdefault(line.received_on, []).append(line)
    yield f"01,ARBOTBANK,ARBOT,{today:%y%m%d},0600,1,,,2/\n"
    file_total, file_records = 0, 1
    for day in sorted(days):
        yield f"02,ARBOT,ARBOTBANK,1,{day:%y%m%d},2359,USD,2/\n"
        group_total, group_records, accounts = 0, 1, 0
        for currency, group in _by_currency(days[day]).items():
            accounts += 1
            yield f"03,{ACCOUNT},{currency},010,0,,/\n"
            account_total, account_records = 0, 1
            for line in group:
                cents = int(line.amount.scaleb(2))
                yield f"16,195,{cents},0,{line.payment_id},,{line.reference}/\n"
                account_records += 1
                if line.payer_name:
                    yield f"88,ORIGINATOR: {line.payer_name}/\n"
                    account_records += 1
                account_total += cents
            account_records += 1
            yield f"49,{account_total},{account_records}/\n"
            group_total += account_total
            group_records += account_records
        group_records += 1
        yield f"98,{group_total},{accounts},{group_records}/\n"
        file_total += group_total
        file_records += group_records
    yield f"99,{file_total},{len(days)},{file_records + 1}/\n"


def _write_sparkasse(path: Path, lines: list[BankLine]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(
            [
                "Auftragskonto",
                "Buchungstag",
                "Valutadatum",
                "Buchungstext",
                "Verwendungszweck",
                "Glaeubiger ID",
                "Mandatsreferenz",
                "Kundenreferenz (End-to-End)",
                "Sammlerreferenz",
                "Lastschrift Ursprungsbetrag",
                "Auslagenersatz Ruecklastschrift",
                "Beguenstigter/Zahlungspflichtiger",
                "Kontonummer/IBAN",
                "BIC (SWIFT-Code)",
                "Betrag",
                "Waehrung",
                "Info",
            ]
        )
        for line in lines:
            day = f"{line.received_on:%d.%m.%y}"
            amount = f"{line.amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
            writer.writerow(
                [
                    ACCOUNT,
                    day,
                    day,
                    "GUTSCHR. UEBERWEISUNG",
                    line.reference,
                    "",
                    "",
                    "NOTPROVIDED",
                    "",
                    "",
                    "",
                    line.payer_name,
                    "DE02120300000000202051",
                    "BYLADEM1001",
                    amount,
                    line.currency,
                    "Umsatz gebucht",
                ]
            )
