"""How names, invoice numbers, amounts and deduction reasons are written by payers and banks."""

from __future__ import annotations

import random
import re
from decimal import Decimal

TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "AE",
        "Ö": "OE",
        "Ü": "UE",
        "ß": "ss",
        "é": "e",
        "è": "e",
        "ê": "e",
        "É": "E",
        "ç": "c",
        "ñ": "n",
        "Ñ": "N",
        "á": "a",
        "í": "i",
        "ó": "o",
        "ú": "u",
        "ô": "o",
        "ë": "e",
    }
)
ABBREVIATIONS = {
    "International": "INTL",
    "Manufacturing": "MFG",
    "Company": "CO",
    "Associates": "ASSOC",
    "Services": "SVCS",
    "Corporation": "CORP",
    "Distributors": "DIST",
    "Industries": "IND",
    "Technologies": "TECH",
    "Logistics": "LOGISTIC",
    "Incorporated": "INC",
    "Wholesale": "WHSL",
    "Medical": "MED",
    "Products": "PROD",
    "Systems": "SYS",
    "and": "&",
}
LEGAL_SUFFIXES = re.compile(
    r",?\s+(inc\.?|incorporated|corp\.?|corporation|llc|l\.p\.|co\.|company|ltd\.?|limited|plc|"
    r"gmbh( & co\. kg)?|ag|sarl|s\.a\.s\.|sa|s\.l\.|s\.a\.|b\.v\.|n\.v\.)$",
    re.IGNORECASE,
)
OCR = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G", "O": "0", "I": "1", "S": "5"}

REASON_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "pricing": ("PRICE DIFF", "PRICING ERR", "PRICE DISCREPANCY", "PRC ADJ", "PRICE VAR"),
        "shortage": ("SHORT SHIP", "SHORTAGE", "QTY SHORT", "SHORT RECEIVED", "ITEMS NOT RCVD"),
        "damage": ("DMG IN TRANSIT", "DAMAGED", "DAMAGED GOODS", "DMGD MERCH", "BROKEN ON ARRIVAL"),
        "promotion": ("CO-OP ADV", "MDF", "SLOTTING", "PROMO ALLOW", "ADV ALLOWANCE", "SCAN DOWN"),
        "freight": ("FRT NOT PER TERMS", "FREIGHT DEDUCT", "FRT CHG DISPUTED", "FREIGHT ALLOW"),
        "tax": ("TAX EXEMPT", "SALES TAX NOT DUE", "TAX EXEMPT CERT ON FILE", "NO SALES TAX"),
        "discount": ("CASH DISC", "LESS DISCOUNT", "DISC TAKEN", "EARLY PAY DISC", "TERMS DISC"),
        "bank_fee": ("LESS BANK CHGS", "WIRE FEE", "BANK CHARGES", "INTERMEDIARY FEE"),
    },
    "de": {
        "pricing": ("Preisdifferenz", "Preisabweichung"),
        "shortage": ("Fehlmenge", "Mindermenge", "Minderlieferung"),
        "damage": ("Transportschaden", "beschädigte Ware", "Bruchschaden"),
        "promotion": ("WKZ", "Werbekostenzuschuss", "Aktionsrabatt"),
        "freight": ("Frachtkosten", "Fracht nicht vereinbart"),
        "tax": ("steuerfrei", "MwSt-befreit"),
        "discount": ("Skonto", "Skontoabzug"),
        "bank_fee": ("Bankspesen", "Gebühren", "Fremdspesen"),
    },
    "fr": {
        "pricing": ("écart de prix", "erreur de prix"),
        "shortage": ("manquant", "quantité manquante", "livraison incomplète"),
        "damage": ("marchandise endommagée", "avarie transport", "casse"),
        "promotion": ("participation publicitaire", "coopération commerciale"),
        "freight": ("frais de port", "port non convenu"),
        "tax": ("exonéré de TVA", "TVA non due"),
        "discount": ("escompte", "escompte pour paiement anticipé"),
        "bank_fee": ("frais bancaires", "frais"),
    },
    "es": {
        "pricing": ("diferencia de precio", "error de precio"),
        "shortage": ("faltante", "mercancía faltante", "entrega incompleta"),
        "damage": ("mercancía dañada", "rotura en transporte"),
        "promotion": ("aportación promocional", "rappel publicidad"),
        "freight": ("portes", "gastos de envío no pactados"),
        "tax": ("exento de IVA",),
        "discount": ("descuento pronto pago", "dto. p.p."),
        "bank_fee": ("comisión bancaria", "gastos bancarios"),
    },
    "nl": {
        "pricing": ("prijsverschil", "prijsafwijking"),
        "shortage": ("tekort", "manco", "niet geleverd"),
        "damage": ("transportschade", "beschadigd"),
        "promotion": ("promotiebijdrage", "reclamebijdrage"),
        "freight": ("vrachtkosten",),
        "tax": ("btw-vrijgesteld", "vrijgesteld van btw"),
        "discount": ("korting", "betalingskorting"),
        "bank_fee": ("bankkosten",),
    },
}
ADX_CODES = {
    "pricing": ("01",),
    "damage": ("04", "11"),
    "shortage": ("06", "59"),
    "freight": ("54",),
    "tax": ("55",),
    "promotion": ("56", "71"),
}
WORDS = {
    "en": {
        "invoice": ("INV", "Invoice", "Inv.", "INV#", "INV NO"),
        "payment": ("PAYMENT", "PMT"),
        "less": ("LESS", "SHORT", "DED"),
        "partial": ("PARTIAL PAYMENT", "PARTIAL PMT", "INSTALLMENT"),
        "behalf": "ON BEHALF OF",
    },
    "de": {
        "invoice": ("Rechnung", "RE", "Rg.-Nr.", "Re-Nr."),
        "payment": ("Zahlung",),
        "less": ("abzgl.", "abzüglich"),
        "partial": ("Teilzahlung", "Abschlagszahlung"),
        "behalf": "im Auftrag von",
    },
    "fr": {
        "invoice": ("Facture", "Fact.", "Fact. n°", "FA"),
        "payment": ("Paiement", "Règlement"),
        "less": ("moins", "déduction"),
        "partial": ("acompte", "paiement partiel"),
        "behalf": "pour le compte de",
    },
    "es": {
        "invoice": ("Factura", "Fra.", "Fact."),
        "payment": ("Pago", "Transferencia"),
        "less": ("menos", "descuento"),
        "partial": ("pago parcial", "abono a cuenta"),
        "behalf": "por cuenta de",
    },
    "nl": {
        "invoice": ("Factuur", "Fact.nr", "Fnr"),
        "payment": ("Betaling",),
        "less": ("minus", "min"),
        "partial": ("deelbetaling", "termijn"),
        "behalf": "namens",
    },
}


def plain(text: str) -> str:
    """The character set a bank's name field keeps: no accents, no punctuation but & and -."""
    text = text.translate(TRANSLIT)
    return re.sub(r"\s+", " ", re.sub(r"[^A-Za-z0-9&\- ]", " ", text)).strip()


def swift_text(text: str) -> str:
    """Free text in the SWIFT character set: no accents, punctuation that banks keep."""
    text = text.translate(TRANSLIT)
    return re.sub(r"\s+", " ", re.sub(r"[^A-Za-z0-9/\-?:().,'+ ]", " ", text)).strip()


def bank_name(rng: random.Random, name: str, width: int | None) -> str:
    """A legal name as a bank field shows it: upper case, suffix often dropped, abbreviated, cut."""
    text = name
    if rng.random() < 0.5:
        text = LEGAL_SUFFIXES.sub("", text)
    if rng.random() < 0.4:
        text = " ".join(ABBREVIATIONS.get(word, word) for word in text.split())
    text = plain(text).upper()
    return text[:width].rstrip() if width else text


def ocr_damage(rng: random.Random, text: str) -> str:
    """One keying or OCR slip: a look-alike character or two digits swapped."""
    spots = [i for i, ch in enumerate(text) if ch in OCR]
    if rng.random() < 0.6 and spots:
        i = rng.choice(spots)
        return text[:i] + OCR[text[i]] + text[i + 1 :]
    digits = [
        i
        for i in range(len(text) - 1)
        if text[i].isdigit() and text[i + 1].isdigit() and text[i] != text[i + 1]
    ]
    if not digits:
        return text
    i = rng.choice(digits)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def spell_invoice(rng: random.Random, number: str, language: str = "en") -> str:
    """An invoice number as a payer types it; about 40% of the time exactly as issued."""
    if rng.random() < 0.4:
        return number
    if number.startswith("INV-"):
        digits = number[4:]
        forms = [
            f"INV{digits}",
            f"INV {digits}",
            digits,
            digits,
            f"INV#{digits}",
            f"IN{digits}",
            f"INV-0{digits}",
            f"inv {digits}",
        ]
    elif number.startswith("SI/"):
        _, year, seq = number.split("/")
        forms = [
            f"SI {year} {seq}",
            f"SI-{year}-{seq}",
            f"SI{year}{seq}",
            f"{year}/{seq}",
            f"SI/{year}/{int(seq)}",
            f"SI/{year[2:]}/{seq}",
            f"SI{year}/{seq}",
        ]
    else:
        year, seq = number.split("-")
        forms = [
            f"{year}{seq}",
            f"{year}-{int(seq)}",
            f"{year}/{seq}",
            f"{year} {seq}",
            f"{year}.{seq}",
            f"{year}-{seq}",
        ]
    text = rng.choice(forms)
    if text[:1].isdigit() and rng.random() < 0.5:
        text = f"{rng.choice(WORDS[language]['invoice'])} {text}"
    return text


def rf_reference(number: str) -> str:
    """ISO 11649 creditor reference built from the invoice number, with its check digits."""
    body = re.sub(r"[^A-Z0-9]", "", number.upper())[:21]
    numeric = "".join(str(int(ch, 36)) for ch in body + "RF00")
    return f"RF{98 - int(numeric) % 97:02d}{body}"


def rf_is_valid(reference: str) -> bool:
    text = reference.replace(" ", "").upper()
    numeric = "".join(str(int(ch, 36)) for ch in text[4:] + text[:4])
    return text.startswith("RF") and int(numeric) % 97 == 1


def money_text(rng: random.Random, amount: Decimal, language: str) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    grouped = f"{int(whole):,}"
    if language == "en":
        return rng.choice([f"{whole}.{cents}", f"{grouped}.{cents}", f"${grouped}.{cents}"])
    dotted = grouped.replace(",", ".")
    return rng.choice([f"{whole},{cents}", f"{dotted},{cents}", f"{dotted},{cents} EUR"])


def reason_words(rng: random.Random, reason: str, language: str) -> str:
    table = REASON_WORDS.get(language, REASON_WORDS["en"])
    if rng.random() < 0.25:  # remittances in other languages still use the retailer's codes
        table = REASON_WORDS["en"]
    return rng.choice(table[reason])


def wrap(text: str, width: int) -> list[str]:
    """Fixed-width bank lines (SWIFT 35, MT940 ?2x 27): cut anywhere, words and numbers too."""
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]
