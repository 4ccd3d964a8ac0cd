"""Why a customer paid less: a reason code from remittance text, with the words that decided it.

An EDI 820 ``ADX`` segment's adjustment reason code (X12 element 426) decides when this module
knows it. Otherwise words decide (case and accents ignored, whole words), in this precedence,
the first family that matches wins:

1. ``bank_fee``  WIRE / BANK / TRANSFER FEE or CHARGES, CHARGES SHA / BEN, CHGS, MERCHANT /
                 PROCESSING / CARD FEE, INTERCHANGE, BANKGEBÜHR, SPESEN, FRAIS BANCAIRES,
                 COMISIÓN BANCARIA, GASTOS BANCARIOS
2. ``tax``       TAX EXEMPT, SALES / USE TAX, VAT, GST, HST, RESALE CERT, MWST, UST, STEUER,
                 TVA, TAXE, IVA, IMPUESTO, EXENTO
3. ``damage``    DAMAGED, DMG (IN TRANSIT), BROKEN, DEFECTIVE, SPOILED, CRUSHED, UNSALEABLE,
                 BESCHÄDIGT, SCHADEN, BRUCH, ENDOMMAGÉ, AVARIE, CASSE, DAÑADO, AVERIADO, ROTO
4. ``shortage``  SHORT SHIP(PED), SHORTAGE, QTY SHORT, MISSING, NOT RECEIVED, UNDER SHIPPED,
                 FEHLMENGE, MINDERLIEFERUNG, FEHLT, MANQUANT, FALTANTE
5. ``pricing``   PRICING, PRICE (DIFF, DISC…), PPV, OVERCHARGE(D), COST DIFF, PREISDIFFERENZ,
                 ÉCART DE PRIX, DIFERENCIA DE PRECIO
6. ``freight``   FREIGHT, FRT (NOT PER TERMS), SHIPPING, DELIVERY CHARGE, FUEL SURCHARGE, CARRIAGE,
                 FRACHT, VERSANDKOSTEN, FRAIS DE PORT, TRANSPORT, FLETE, PORTES
7. ``promotion`` CO-OP (ADV), PROMO, MDF, SLOTTING, ALLOWANCE, ADVERTISING, REBATE, MARKDOWN,
                 VOLUME DISCOUNT, DISPLAY, LISTING FEE, WKZ, WERBEKOSTENZUSCHUSS, RABATT, BONUS,
                 REMISE PROMOTIONNELLE, RISTOURNE, PUBLICITÉ, PROMOCIÓN, PUBLICIDAD, RAPPEL
8. ``discount``  DISCOUNT, DISC, EARLY PAY, PROMPT PAY, TERMS, 2%, 2/10 NET 30, SKONTO, ESCOMPTE,
                 DESCUENTO, PRONTO PAGO, REMISE

Fees and tax name one thing each, so they go first; the physical claims (damage, then shortage)
come before the money words, since "PRICE ADJ DAMAGED GOODS" is a damage claim; pricing comes
before discount because "PRICE DISC" is a price discrepancy, and freight and promotion before
discount because "FREIGHT ALLOWANCE" and "PROMO DISCOUNT" are not early-payment discounts.
Nothing matched: ``unknown``. "SHORT PAID" alone says that, not why.
"""

from __future__ import annotations

import re
import unicodedata

_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        "bank_fee",
        r"(WIRE|BANK|TRANSFER|TRF|INTERMEDIARY|CORRESPONDENT|INCOMING|LIFTING)\s*(FEES?|CHGS?|CHARGES?)"
        r"|CHARGES\s+(SHA|BEN)|DETAILS\s+OF\s+CHARGES|/?CHGS/?"
        r"|(MERCHANT|PROCESSING|PROCESSOR|CARD|SETTLEMENT)\s+(SVC\s+|SERVICE\s+)?FEES?|INTERCHANGE"
        r"|BANKGEBUEHR(EN)?|BANKGEBUHR(EN)?|BANKSPESEN|SPESEN|UEBERWEISUNGSGEBUEHR"
        r"|FRAIS\s+(BANCAIRES?|DE\s+VIREMENT)|COMMISSIONS?\s+BANCAIRES?"
        r"|COMISION(ES)?\s+BANCARIAS?|GASTOS\s+BANCARIOS|COMISION\s+(DE\s+)?TRANSFERENCIA"
        r"|BANKKOSTEN|SPESE\s+BANCARIE|COMMISSIONI\s+BANCARIE|OUR\s+CHARGES|COMISION(ES)?"
        r"|(BANK|UEBERWEISUNGS)?GEBUEHREN|KOSTEN\s+BANK|TRANSACTIEKOSTEN",
    ),
    (
        "tax",
        r"TAX[- ]?EXEMPT|(SALES|USE)\s+TAX|TAX(ES)?|VAT|GST|HST|RESALE\s+CERT(IFICATE)?"
        r"|MWST|UST|STEUER\w*|TVA|TAXES?|IVA|IMPUESTOS?|EXENTO|EXONERE"
        r"|WITHHOLDING(\s+TAX)?|WHT|W/?H\s+TAX|RETENCION(ES)?|RETENUE\s+A\s+LA\s+SOURCE|BTW"
        r"|EXONERATION|EXONEREE?|BELASTING\w*",
    ),
    (
        "damage",
        r"DAMAGED?\s+IN\s+TRANSIT|DMG\s+IN\s+TRANSIT|DAMAGE[DS]?|DMG|DMGD|BROKEN|DEFECTIVE|SPOIL(ED|AGE|S)?|CRUSHED|UNSAL(E)?ABLE|DOA"
        r"|BESCHAEDIGT\w*|BESCHADIGT\w*|BESCHAEDIGUNG|BESCHADIGUNG|(TRANSPORT)?SCHAEDEN"
        r"|(TRANSPORT)?SCHADEN|BRUCH\w*|DEFEKT\w*"
        r"|ENDOMMAGEE?S?|AVARIEE?S?|CASSE|ABIMEE?S?|DANADOS?|DANOS?|AVERIADOS?|ROTOS?"
        r"|DEFECTUOSOS?|ROTURAS?|MAENGEL\w*|MANGELHAFT|BESCHADIGD|BESCHADIGING|DANNEGGIAT[OIAE]"
        r"|ROTTUR[AE]|DANAD[OA]S?|TRANSPORTSCHADE|SCHADE|BREUK|BESCHADIGDE",
    ),
    (
        "shortage",
        r"SHORT[- ]?SHIP(PED|MENT|PING)?|SHIPPED\s+SHORT|SHORTAGES?|QTY\s+SHORT|SHORT\s+QTY"
        r"|SHORT\s+DELIVER(Y|ED)|UNDER[- ]?SHIPPED|QTY\s+DIFF|QUANTITY\s+(DIFF\w*|DISCREPANCY)"
        r"|MISSING|NOT\s+RECE?I?VE?D|NOT\s+RECD|NOT\s+DELIVERED|NON[- ]RECEIPT"
        r"|FEHLMENGE\w*|MINDERLIEFERUNG|UNTERLIEFERUNG|FEHLT|FEHLEND\w*|NICHT\s+GELIEFERT"
        r"|MANQUANTE?S?|LIVRAISON\s+INCOMPLETE|FALTANTES?|FALTA|MERMAS?|TEKORT|MANCANT[EI]"
        r"|SHRT\s+SHIP|MINDERMENGE|FEHLBESTAND|ONTBREKEND\w*|MINDER\s+GELEVERD|MANQUES?"
        r"|TE\s+WEINIG\s+GELEVERD|CANTIDAD\s+INCORRECTA",
    ),
    (
        "pricing",
        r"PRICING|PRICE\s+(DIFF\w*|DISC\w*|VARIANCE|ADJ\w*)|PRICE[DS]?|PPV|OVERCHARGED?"
        r"|OVER[- ]CHARGED?|COST\s+DIFF\w*"
        r"|PREISDIFFERENZ|PREIS\w*|ECART\s+DE\s+PRIX|PRIX|DIFERENCIA\s+DE\s+PRECIOS?|PRECIOS?"
        r"|PRC\s+(DIFF|ADJ)\w*|PRIJSVERSCHIL|DIFFERENZA\s+(DI\s+)?PREZZO|PREZZ[OI]"
        r"|PRIJS\w*|DIF\.?\s+PRECIO",
    ),
    (
        "freight",
        r"(FREIGHT|FRT)\s+NOT\s+PER\s+TERMS|FREIGHT|FRT|FRGT|SHIPPING|DELIVERY\s+(CHARGE|CHG|FEE)|FUEL\s+SURCHARGE|CARRIAGE"
        r"|FRACHT\w*|VERSANDKOSTEN|TRANSPORTKOSTEN|FRAIS\s+DE\s+(PORT|TRANSPORT)|TRANSPORT"
        r"|FLETES?|PORTES|PORTO|VRACHT\w*|TRASPORTO|TRANSPORTE|VERZENDKOSTEN"
        r"|GASTOS\s+DE\s+(ENVIO|TRANSPORTE)",
    ),
    (
        "promotion",
        r"CO-?OP(\s+ADV(ERTISING)?)?|PROMO(TION(AL)?|S)?|MDF|SLOTTING|ALLOWANCES?|ALLOW|ADVERTISING|REBATES?"
        r"|MARKDOWNS?|VOLUME\s+DISC(OUNT)?|DISPLAY|LISTING\s+FEES?|WKZ|WERBEKOSTENZUSCHUSS"
        r"|WERBUNG|RABATT|BONUS|REMISE\s+PROMOTIONNELLE|COOPERATION\s+COMMERCIALE|RISTOURNE"
        r"|PUBLICITE|PROMOCION(AL)?|PUBLICIDAD|RAPPEL|BONIFICACION|SCAN\s*DOWNS?|SCAN\s*BACKS?"
        r"|APORTACION\s+PUBLICITARIA|PARTICIPATION\s+PUBLICITAIRE|PROMOTIE\w*|RECLAME\w*"
        r"|MARKETING\w*|AKTIONS\w*|WERBE\w*|LISTUNG\w*|PLAATSINGS\w*",
    ),
    (
        "discount",
        r"DISCOUNT|DISC|EARLY\s+PAY(MENT)?|PROMPT\s+PAY(MENT)?|TERMS\s+DISC\w*|\d+(\.\d+)?\s?%"
        r"|\d+(\.\d+)?/\d+\s*N(ET)?\s*\d+|SKONTO|ESCOMPTE|DESCUENTO|PRONTO\s+PAGO|REMISE"
        r"|KORTING|BETALINGSKORTING|SCONTO|DSCNT\w*",
    ),
)
_RULES = tuple(
    (code, re.compile(rf"(?<![A-Z0-9])(?:{pattern})(?![A-Z0-9])")) for code, pattern in _KEYWORDS
)
# X12 element 426 (adjustment reason code) in an EDI 820 ADX segment → our reason codes. Codes
# that name no reason of ours (duplicate billing, invoice cancelled, ...) fall back to the words.
ADX_REASON_CODES: dict[str, str] = {
    "01": "pricing",  # pricing error
    "02": "promotion",  # allowance/charge error
    "03": "pricing",  # extension error
    "04": "damage",  # item not accepted - damaged
    "05": "damage",  # item not accepted - quality
    "06": "shortage",  # quantity contested
    "09": "discount",  # terms of sale error
    "11": "damage",  # returns - damage
    "12": "damage",  # returns - quality
    "14": "promotion",  # returns - promotion
    "16": "promotion",  # non-invoice related allowance/charge
    "21": "freight",  # shipment method of payment incorrect
    "22": "freight",  # weight error
    "24": "discount",  # incorrect discount
    "28": "promotion",  # rebated shipments
    "30": "freight",  # delivery charge incorrect
    "31": "freight",  # pickup charge incorrect
    "42": "shortage",  # item not accepted - loss
    "43": "discount",  # missing discount
    "46": "freight",  # transportation charge incorrect
    "47": "freight",  # advanced charge incorrect
    "54": "freight",  # freight deducted
    "55": "tax",  # tax deducted
    "56": "promotion",  # advertising allowance taken
    "57": "promotion",  # volume discount taken
    "59": "shortage",  # item not received
    "71": "promotion",  # advertising allowance
}
ADX_CODE_NAMES: dict[str, str] = {
    "01": "pricing error",
    "02": "allowance/charge error",
    "03": "extension error",
    "04": "damaged",
    "05": "quality",
    "06": "quantity contested",
    "09": "terms of sale error",
    "11": "returns - damage",
    "12": "returns - quality",
    "14": "returns - promotion",
    "16": "allowance/charge",
    "21": "shipment method of payment",
    "22": "weight error",
    "24": "incorrect discount",
    "28": "rebated shipments",
    "30": "delivery charge",
    "31": "pickup charge",
    "42": "loss",
    "43": "missing discount",
    "46": "transportation charge",
    "47": "advanced charge",
    "54": "freight deducted",
    "55": "tax deducted",
    "56": "advertising allowance taken",
    "57": "volume discount taken",
    "59": "item not received",
    "71": "advertising allowance",
}
# An EDI segment runs to its terminator "~"; in a bank's free text it may also end at a space.
EDI_SEGMENT = re.compile(r"\b(RMR|ADX)\*([^~\s\\]*)[~\\]?")
# A camt.054 structured remittance written as text: "AdjstmntAmtAndRsn Amt 110.00 Rsn 01" (the
# reason an X12 426 code, as many payers' ERPs fill it), "RSN: 04", "REASON CODE 59".
_CODE_AFTER_REASON = re.compile(
    r"(?<![A-Z0-9])(?:RSN|RSNCD|REASON(?:\s+CODE)?)\s*[:=#]?\s*(\d{2})(?!\d)"
)
# Words that say a payment is short on purpose (a reason may or may not follow).
SAYS_SHORT = re.compile(
    r"(?<![A-Z0-9])(SHORT|DEDUCT(ED|ION|IONS)?|DED|CHARGE\s?BACK|CHBK|CLAIM|LESS|MINUS"
    r"|ABZUG|ABZUEGLICH|ABZGL|ABZUEGL|KUERZUNG|MINDERUNG|EINBEHALT\w*|DEDUCTION|RETENUE|DEDUIT"
    r"|MOINS|DEDUCCION|DESCONTADO|MENOS|INGEHOUDEN|TRATTENUTA)(?![A-Z0-9])"
)


def fold(text: str) -> str:
    """Upper case without accents: "Beschädigt" → "BESCHADIGT", "dañado" → "DANADO"."""
    upper = text.upper().replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE")
    upper = upper.replace("ß", "SS")
    decomposed = unicodedata.normalize("NFKD", upper)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reason_with_words(text: str) -> tuple[str, str]:
    """(reason code, the words or EDI code that decided it); ("unknown", "") when nothing did."""
    upper = fold(text)
    for kind, body in EDI_SEGMENT.findall(upper):
        if kind == "ADX":
            elements = body.split("*")
            code = elements[1].strip() if len(elements) > 1 else ""
            if code in ADX_REASON_CODES:
                return ADX_REASON_CODES[code], f"ADX {code} {ADX_CODE_NAMES[code]}"
    for code in _CODE_AFTER_REASON.findall(upper):
        if code in ADX_REASON_CODES:
            return ADX_REASON_CODES[code], f"reason code {code} {ADX_CODE_NAMES[code]}"
    words = EDI_SEGMENT.sub(" ", upper)
    for code, pattern in _RULES:
        found = pattern.search(words)
        if found:
            return code, f'"{found.group(0)}"'
    # A word cut by a 35-character SWIFT line break ("DA MAGED"): read two adjacent words as
    # one when only together they are a reason word.
    parts = words.split()
    for k in range(len(parts) - 1):
        if not (parts[k].isalpha() and parts[k + 1].isalpha()):
            continue
        joined = parts[k] + parts[k + 1]
        for code, pattern in _RULES:
            found = pattern.fullmatch(joined)
            if found:
                return code, f'"{parts[k]} {parts[k + 1]}"'
    return "unknown", ""


def classify_reason(text: str) -> str:
    """One of DEDUCTION_REASON_CODES for a remittance or memo text (see the module docstring)."""
    return reason_with_words(text)[0]
