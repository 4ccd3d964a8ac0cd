"""Column-mapping profiles for banks' own CSV exports, and the header words that find them.

A profile is a small TOML file (see docs/bank-formats.md)::

    delimiter = ";"
    decimal = ","
    thousands = "."
    date_format = "%d.%m.%Y"
    skip_lines = 4            # lines above the header row
    currency = "EUR"          # when no column holds it
    [columns]                 # a header name (any case) or a 1-based column number
    date = "Buchungstag"
    amount = "Betrag"         # or: debit = "Soll" and credit = "Haben"
    payer = "Auftraggeber/Empfänger"
    reference = ["Verwendungszweck", "Kundenreferenz"]
    [skip]
    status = ["vorgemerkt"]   # rows whose status column contains one of these are not booked

Without a profile the header row is recognised by its words in English, German, French, Dutch
or Spanish, and decimal marks and the date order are inferred from the values.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from integrations.bank.errors import BankFileError

ROLES = tuple(
    "date value_date amount debit credit direction payer reference currency id status kind".split()
)
_LIST_ROLES = ("reference", "kind")
_BUILT_IN = Path(__file__).with_name("profiles")
_MAX_PROFILE_BYTES = 64 * 1024

# Header words by role, "|"-separated; compared without accents, case, punctuation or a
# currency such as "(EUR)" (see normalise).
_WORDS = {
    "date": (
        "date|booking date|posting date|transaction date|booked|buchungstag|"
        "buchungsdatum|buchung|datum|date operation|date de l operation|"
        "date comptable|date de comptabilisation|boekdatum|transactiedatum|fecha|"
        "fecha operacion|fecha de operacion|f operacion|fecha contable"
    ),
    "value_date": (
        "value date|valuta|valutadatum|wertstellung|date de valeur|date valeur|"
        "rentedatum|fecha valor|f valor"
    ),
    "amount": (
        "amount|betrag|umsatz|montant|montant de l operation|bedrag|transactiebedrag|"
        "importe|transaction amount"
    ),
    "debit": (
        "debit|debit amount|soll|ausgang|af|cargo|cargos|withdrawal|withdrawals|"
        "money out|paid out|debe"
    ),
    "credit": (
        "credit|credit amount|haben|eingang|bij|abono|abonos|deposit|deposits|"
        "money in|paid in|haber"
    ),
    "direction": "af bij|debit credit|soll haben|cr dr|dr cr|sens",
    "payer": (
        "payer|payer name|counterparty|counter party|counterparty name|name|from|"
        "sender|remitter|beguenstigter zahlungspflichtiger|"
        "begunstigter zahlungspflichtiger|auftraggeber empfanger|auftraggeber|"
        "zahlungspflichtiger|name zahlungsbeteiligter|nom|tiers|emetteur|"
        "donneur d ordre|naam|naam omschrijving|tegenpartij|naam tegenpartij|"
        "ordenante|remitente|nombre"
    ),
    "reference": (
        "reference|memo|description|details|narrative|remittance information|"
        "verwendungszweck|kundenreferenz|kundenreferenz end to end|libelle|detail|"
        "detail de l ecriture|reference de l operation|mededelingen|omschrijving|"
        "concepto|referencia|descripcion|observaciones"
    ),
    "currency": "currency|wahrung|waehrung|devise|munt|moneda|divisa",
    "id": "transaction id|transaktions id|id|reference number|referentie",
    "status": "status|info|state|estado|statut|buchungsstatus",
    "kind": (
        "type|transaction type|buchungstext|umsatzart|code|mutatiesoort|"
        "type d operation|tipo|nature de l operation"
    ),
}
HEADER_WORDS = {role: tuple(words.split("|")) for role, words in _WORDS.items()}
# Status words of rows a bank lists before it books them.
PENDING_WORDS = tuple(
    (
        "pending|vorgemerkt|nicht gebucht|en attente|en cours|a venir|in behandeling|"
        "pendiente|not booked|authorised|authorized"
    ).split("|")
)
_IGNORED = ("saldo", "balance", "solde", "kontostand", "running balance")


def normalise(header: str) -> str:
    """``Date de l'opération (EUR)`` -> ``date de l operation``: no accents, case, marks."""
    text = unicodedata.normalize("NFKD", header)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("ß", "ss")
    for mark in "()[]/\\'’.:_-+*#\"":
        text = text.replace(mark, " ")
    words = [w for w in text.split() if w not in ("eur", "euros", "euro", "usd", "gbp", "chf")]
    return " ".join(words)


def role_of(header: str) -> str | None:
    key = normalise(header)
    if not key or key in _IGNORED:
        return None
    for role, words in HEADER_WORDS.items():
        if key in words:
            return role
    return None


@dataclass
class Profile:
    name: str
    delimiter: str | None = None
    decimal: str | None = None
    thousands: str | None = None
    date_format: str | None = None
    skip_lines: int | None = None
    currency: str | None = None
    columns: dict[str, list[str | int]] = field(default_factory=dict)
    skip_status: tuple[str, ...] = PENDING_WORDS


def builtin_names() -> list[str]:
    return sorted(p.stem for p in _BUILT_IN.glob("*.toml"))


def load_profile(spec: str) -> Profile:
    """A built-in profile by name (``de-sparkasse``) or a TOML file by path."""
    path = _BUILT_IN / f"{spec}.toml"
    if not (spec.replace("-", "").replace("_", "").isalnum() and path.is_file()):
        path = Path(spec)
    try:
        if path.stat().st_size > _MAX_PROFILE_BYTES:
            raise BankFileError(
                f"{path}: a profile is a few lines of TOML, not {path.stat().st_size} bytes"
            )
        raw = path.read_bytes()
    except OSError as error:
        names = ", ".join(builtin_names())
        raise BankFileError(
            f"{spec}: no such profile (built-in: {names}; or a TOML file): "
            f"{error.strerror or error}"
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise BankFileError(f"{path}: not a TOML profile: {error}") from None
    return _profile(data, str(path))


def _profile(data: dict[str, object], where: str) -> Profile:
    def text(key: str, length: int | None = None) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or (length is not None and len(value) != length):
            size = f" of {length} character(s)" if length else ""
            raise BankFileError(f"{where}: '{key}' must be a text{size}")
        return value

    skip_lines = data.get("skip_lines")
    if skip_lines is not None and (
        not isinstance(skip_lines, int) or isinstance(skip_lines, bool) or not skip_lines >= 0
    ):
        raise BankFileError(f"{where}: 'skip_lines' must be a whole number >= 0")
    columns_raw = data.get("columns", {})
    if not isinstance(columns_raw, dict):
        raise BankFileError(f"{where}: [columns] must be a table")
    columns: dict[str, list[str | int]] = {}
    for role, value in columns_raw.items():
        if role not in ROLES:
            raise BankFileError(f"{where}: unknown column role '{role}' ({', '.join(ROLES)})")
        values = value if isinstance(value, list) else [value]
        if not values or not all(
            isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool) and v > 0)
            for v in values
        ):
            raise BankFileError(f"{where}: column '{role}' must be a header name or number")
        if len(values) > 1 and role not in _LIST_ROLES:
            raise BankFileError(f"{where}: column '{role}' takes one column")
        columns[role] = values
    if "date" not in columns or not ("amount" in columns or "credit" in columns):
        raise BankFileError(f"{where}: [columns] needs 'date' and 'amount' (or 'credit')")
    skip = data.get("skip", {})
    statuses = skip.get("status", list(PENDING_WORDS)) if isinstance(skip, dict) else None
    if not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses):
        raise BankFileError(f"{where}: [skip] status must be a list of texts")
    currency = text("currency", 3)
    decimal, thousands = text("decimal", 1), text("thousands")
    if decimal is not None and decimal == thousands:
        raise BankFileError(f"{where}: 'decimal' and 'thousands' must differ")
    return Profile(
        name=str(data.get("name") or where),
        delimiter=text("delimiter", 1),
        decimal=decimal,
        thousands=thousands,
        date_format=text("date_format"),
        skip_lines=skip_lines,
        currency=currency.upper() if currency else None,
        columns=columns,
        skip_status=tuple(s.lower() for s in statuses),
    )
