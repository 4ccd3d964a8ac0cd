"""``arbot teams package``: the Teams app package (manifest.json + icons, zipped) to upload in
Teams admin center or "Upload a custom app".

The manifest follows the app manifest schema 1.29 (June 2026, the newest generally available
version in Microsoft's manifest reference). Its privacy and terms links are the organisation's
own pages when given, else the ones ``arbot serve`` answers at ``/privacy`` and ``/terms``."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from PIL import Image, ImageDraw

ACCENT = "#1D3B53"
MANIFEST_VERSION = "1.29"
MAX_URL = 2048  # the schema's httpsUrl
_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)

COMMANDS = (
    ("help", "What arbot can answer and do"),
    ("what does <customer> owe", "Open balance, aged by due date"),
    ("did <customer> pay <invoice>", "Invoice status and the payments applied"),
    ("show <customer>'s last payments", "Recent payments and days to pay"),
    ("collections", "Today's collections priority list"),
    ("deductions", "Open deductions by reason"),
    ("digest", "The daily AR digest"),
)


def _https(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname or len(url) > MAX_URL:
        raise ValueError(f"{url!r} is not an https URL")
    return parsed.hostname


def manifest(
    app_id: str,
    url: str,
    version: str = "1.0.0",
    *,
    privacy_url: str | None = None,
    terms_url: str | None = None,
) -> dict[str, Any]:
    if not _GUID.match(app_id):
        raise ValueError(f"{app_id!r} is not an app id (a GUID from the Azure Bot registration)")
    host = _https(url)
    base = url.rstrip("/")
    privacy_url = privacy_url or f"{base}/privacy"
    terms_url = terms_url or f"{base}/terms"
    _https(privacy_url)
    _https(terms_url)
    scopes = ["personal", "team", "groupChat"]
    return {
        "$schema": "https://developer.microsoft.com/en-us/json-schemas/teams/"
        f"v{MANIFEST_VERSION}/MicrosoftTeams.schema.json",
        "manifestVersion": MANIFEST_VERSION,
        "version": version,
        "id": app_id,
        "developer": {
            "name": "arbot",
            "websiteUrl": base,
            "privacyUrl": privacy_url,
            "termsOfUseUrl": terms_url,
        },
        "name": {"short": "arbot", "full": "arbot accounts-receivable assistant"},
        "description": {
            "short": "Payments, collections and approvals for AR teams",
            "full": "Ask about customers, invoices and payments; get collections worklists and "
            "the daily digest; approve write-offs, payment applications and credit changes "
            "with one click. Every approved change is written to the ERP exactly once.",
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": scopes,
                "supportsFiles": True,  # statements are sent as files in personal chat
                "isNotificationOnly": False,
                "commandLists": [
                    {
                        "scopes": scopes,
                        "commands": [
                            {"title": title, "description": description}
                            for title, description in COMMANDS
                        ],
                    }
                ],
            }
        ],
        "permissions": ["identity", "messageTeamMembers"],
        "validDomains": [host],
    }


def _icon(size: int, *, outline: bool) -> bytes:
    """A ledger page with a tick: white on the accent colour, or a white outline on
    transparency (Teams' rule for the 32×32 outline icon)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0) if outline else ACCENT)
    draw = ImageDraw.Draw(image)
    white = (255, 255, 255, 255)
    m = size // 5
    width = max(1, size // 16)
    draw.rounded_rectangle(
        (m, m // 2, size - m, size - m // 2), radius=size // 12, outline=white, width=width
    )
    for row in range(3):
        y = m + (row + 1) * (size - 2 * m) // 5
        draw.line((m + 2 * width, y, size // 2, y), fill=white, width=width)
    draw.line(
        (
            size // 2,
            size * 3 // 4,
            size * 3 // 5,
            size * 17 // 20,
            size * 4 // 5 - width,
            size * 3 // 5,
        ),
        fill=white,
        width=width * 2,
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def write_package(
    path: Path,
    app_id: str,
    url: str,
    *,
    privacy_url: str | None = None,
    terms_url: str | None = None,
) -> Path:
    content = manifest(app_id, url, privacy_url=privacy_url, terms_url=terms_url)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(content, indent=2))
        archive.writestr("color.png", _icon(192, outline=False))
        archive.writestr("outline.png", _icon(32, outline=True))
    return path
