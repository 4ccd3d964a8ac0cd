"""JSON as every command writes it (``--json`` on stdout, ``cashapp --out RESULT.json``).

Money is a ``Decimal`` up to the moment it is written and is written with the Decimal's own
digits, which carry the currency's minor units as the ledger rounded them (``115.90``, ``1000``
yen, ``12.345`` dinars): a JSON number by default, as CONTRACTS.md's shapes show, or a decimal
string with ``ARBOT_JSON_MONEY=string``. No float is ever in between, so there is no
``0.30000000000000004`` and no ``115.9`` for ``115.90``. Every other value is written exactly as
``json.dumps(value, indent=2, ensure_ascii=False)`` writes it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

MONEY_ENV = "ARBOT_JSON_MONEY"
MONEY_STYLES = ("number", "string")


def money_style_in(environ: Mapping[str, str]) -> str:
    """``number`` (the default) or ``string``, from ``ARBOT_JSON_MONEY`` in ``environ``;
    anything else is a ``ValueError`` saying what to set."""
    chosen = environ.get(MONEY_ENV, "").strip().lower() or "number"
    if chosen not in MONEY_STYLES:
        raise ValueError(f"{MONEY_ENV} is '{chosen}': use number (the default) or string")
    return chosen


def money_style() -> str:
    """``money_style_in`` the process's environment; a wrong value is a handled error (exit 1,
    one line)."""
    try:
        return money_style_in(os.environ)
    except ValueError as error:
        from bot.cli.common import Fail

        raise Fail(str(error)) from None


def decimal_text(value: Decimal) -> str:
    """The Decimal's digits as written, in plain notation (never an exponent)."""
    if not value.is_finite():
        raise ValueError(f"{value} is not an amount that JSON can carry")
    return format(value, "f")


def money_from_float(value: float | None, currency: str) -> Decimal | None:
    """Money that reached a row as a float (cash-application results, stored by earlier runs
    as JSON) back as the Decimal it was made from: a float's shortest text is that Decimal for
    any amount below 10^15, and the currency's minor units restore its trailing zeros."""
    from integrations.erp.money import quantize

    return None if value is None else quantize(Decimal(repr(float(value))), currency)


def dumps(value: Any, *, money: str | None = None, indent: int | None = 2) -> str:
    """``value`` as JSON text; ``money`` is ``number`` or ``string`` (default: the setting)."""
    as_string = (money or money_style()) == "string"
    parts: list[str] = []
    _encode(value, as_string, indent, 0, parts)
    return "".join(parts)


def echo(value: Any) -> None:
    """Print ``value`` as JSON on stdout (one document)."""
    click.echo(dumps(value))


def echo_reply(reply: Any) -> None:
    """Print an agent's reply as CONTRACTS' ``arbot ask --json`` shape, money exact."""
    echo(reply.to_json(exact=True))


def write(path: Path, value: Any) -> None:
    """Write ``value`` as JSON to ``path`` (its folder made); a bad path is one clear line."""
    text = dumps(value)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise click.FileError(str(path), hint=error.strerror or str(error)) from None


def _encode(value: Any, as_string: bool, indent: int | None, level: int, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif value is None or isinstance(value, bool):
        out.append(json.dumps(value))
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(json.dumps(value))
    elif isinstance(value, Decimal):
        text = decimal_text(value)
        out.append(f'"{text}"' if as_string else text)
    elif isinstance(value, Mapping):
        _container(
            "{}",
            [(_key(k), v) for k, v in value.items()],
            as_string,
            indent,
            level,
            out,
        )
    elif isinstance(value, list | tuple):
        _container("[]", [(None, v) for v in value], as_string, indent, level, out)
    elif isinstance(value, datetime | date | time):
        out.append(json.dumps(value.isoformat()))
    elif isinstance(value, Path):
        out.append(json.dumps(str(value), ensure_ascii=False))
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _container(
    brackets: str,
    items: list[tuple[str | None, Any]],
    as_string: bool,
    indent: int | None,
    level: int,
    out: list[str],
) -> None:
    if not items:
        out.append(brackets)
        return
    if indent is None:
        inner, separator, closing = "", ", ", ""
    else:
        inner = "\n" + " " * (indent * (level + 1))
        separator = "," + inner
        closing = "\n" + " " * (indent * level)
    out.append(brackets[0] + inner)
    for index, (key, item) in enumerate(items):
        if index:
            out.append(separator)
        if key is not None:
            out.append(key + ": ")
        _encode(item, as_string, indent, level + 1, out)
    out.append(closing + brackets[1])


def _key(key: Any) -> str:
    if isinstance(key, str):
        return json.dumps(key, ensure_ascii=False)
    if key is None or isinstance(key, bool | int | float):
        return json.dumps(str(json.dumps(key)))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
