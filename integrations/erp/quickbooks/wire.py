"""QuickBooks Online on the wire: JSON with exact decimals, the query language's quoting, and
QBO's XML (which it sends now and then, mostly for faults, even when JSON was asked for)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from typing import Any

# Elements QBO repeats (so they are always lists in JSON) even when an entity has one of them;
# inside a QueryResponse every entity is a list too.
_REPEATED = frozenset(
    {"Line", "LinkedTxn", "CustomField", "Error", "TaxLine", "NameValue", "BatchItemResponse"}
)


def loads(data: bytes | str) -> Any:
    """JSON with every non-integer number as a Decimal (money never passes through a float).
    Intuit's OAuth documents start with a UTF-8 byte-order mark: it is dropped."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    return json.loads(text, parse_float=Decimal)


def dumps(value: Any) -> str:
    """JSON with Decimals written as plain numbers (``12.50``, never ``1.25E+1``)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(str(k))}:{dumps(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value)


def quote(value: str) -> str:
    """A string literal of the QBO query language: single quotes, escaped with a backslash
    (``'Amy\\'s Bird Sanctuary'``)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def looks_like_xml(content_type: str | None, body: bytes) -> bool:
    if content_type and "xml" in content_type.lower():
        return True
    return body.lstrip()[:1] == b"<"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def element_to_json(element: ET.Element) -> Any:
    """One QBO XML element in the shape the JSON API gives the same thing: ``<CustomerRef
    name="Acme">3</CustomerRef>`` → ``{"value": "3", "name": "Acme"}``, repeated elements as
    lists, leaves as strings (numbers stay text; readers convert with ``Decimal(str(x))``)."""
    children = list(element)
    attributes = {k: v for k, v in element.attrib.items() if not k.startswith("{")}
    if not children:
        text = (element.text or "").strip()
        if attributes:
            return {"value": text, **attributes} if text else dict(attributes)
        return text
    out: dict[str, Any] = dict(attributes)
    query = _local(element.tag) == "QueryResponse"
    for child in children:
        name = _local(child.tag)
        value = element_to_json(child)
        if name in _REPEATED or query:
            out.setdefault(name, []).append(value)
        elif name in out:
            existing = out[name]
            out[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            out[name] = value
    return out


def parse_xml(body: bytes | str) -> tuple[str, dict[str, Any]]:
    """(root element name, its content as JSON) of a QBO XML document: an ``IntuitResponse``
    envelope or a bare entity such as ``<Payment>``."""
    root = ET.fromstring(body.encode() if isinstance(body, str) else body)
    content = element_to_json(root)
    if not isinstance(content, dict):
        content = {"value": content}
    return _local(root.tag), content


def xml_response(body: bytes | str) -> dict[str, Any]:
    """A QBO XML document as the JSON response of the same call would look:
    ``<IntuitResponse><Payment>…`` → ``{"Payment": {…}}``; a bare ``<Fault>`` → ``{"Fault": …}``."""
    name, content = parse_xml(body)
    if name == "IntuitResponse":
        return {k: v for k, v in content.items() if k != "time"}
    return {name: content}


_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
