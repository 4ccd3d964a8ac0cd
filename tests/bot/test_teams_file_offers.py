"""The two checks behind Teams file uploads, on their own: where an upload may go, and an
offer that only arbot can make, for one person in one chat, for a while."""

from __future__ import annotations

import time

import pytest

from bot.config import TEAMS_FILE_HOSTS
from bot.teams.files import Offer, OfferSigner, Refused, upload_allowed


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://contoso-my.sharepoint.com/personal/x/_api/v2.0/upload?guid=1", True),
        ("https://contoso-my.sharepoint.com:443/u", True),
        ("https://sharepoint.com/u", False),  # the bare domain is not a tenant's
        ("http://contoso-my.sharepoint.com/u", False),
        ("https://contoso-my.sharepoint.com:8443/u", False),
        ("https://contoso-my.sharepoint.com.evil.example/u", False),
        ("https://evil.example/contoso-my.sharepoint.com", False),
        ("https://user:pw@contoso-my.sharepoint.com/u", False),
        ("https://evil.example\\@contoso-my.sharepoint.com/u", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("http://127.0.0.1:8080/upload/x", False),
        ("file:///etc/passwd", False),
        ("", False),
        ("https://" + "a" * 5000 + ".sharepoint.com/", False),
        (None, False),
        (["https://contoso-my.sharepoint.com/u"], False),
    ],
)
def test_uploads_go_only_to_teams_hosts(url: object, allowed: bool) -> None:
    assert upload_allowed(url, TEAMS_FILE_HOSTS) is allowed


def test_a_configured_origin_is_matched_by_scheme_host_and_port() -> None:
    hosts = ("http://127.0.0.1:8080",)
    assert upload_allowed("http://127.0.0.1:8080/upload/x", hosts)
    assert not upload_allowed("http://127.0.0.1:8081/upload/x", hosts)
    assert not upload_allowed("https://127.0.0.1:8080/upload/x", hosts)
    assert not upload_allowed("http://localhost:8080/upload/x", hosts)


def offer(**changes: object) -> Offer:
    values: dict[str, object] = {
        "name": "statement-C00003-2026-11-21.pdf",
        "fmt": "pdf",
        "customer_id": "C00003",
        "as_of": "2026-11-21",
        "sha256": "0" * 64,
        "size": 1234,
        "conversation": "a:chat",
        "person": "aad-morgan",
        "expires": int(time.time()) + 60,
        "nonce": "n1",
    }
    return Offer(**(values | changes))  # type: ignore[arg-type]


def test_an_offer_opens_only_with_its_own_signature_and_before_it_expires() -> None:
    signer = OfferSigner(b"k" * 32)
    token = signer.sign(offer())
    assert signer.open(token) == offer()
    with pytest.raises(Refused) as other_key:
        OfferSigner(b"j" * 32).open(token)
    assert other_key.value.hostile
    body, _, mac = token.partition(".")
    forged = signer.sign(offer(customer_id="C00001")).split(".")[0]
    for bad in (f"{forged}.{mac}", f"{body}x.{mac}", "nonsense", "", 7, None, "a.b.c"):
        with pytest.raises(Refused):
            signer.open(bad)
    with pytest.raises(Refused) as late:
        signer.open(signer.sign(offer(expires=int(time.time()) - 1)))
    assert not late.value.hostile and "expired" in str(late.value)


def test_replicas_share_offers_through_the_audit_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARBOT_AUDIT_KEY", "a-long-enough-audit-key-0123456789")
    token = OfferSigner().sign(offer())
    assert OfferSigner().open(token) == offer()
    monkeypatch.delenv("ARBOT_AUDIT_KEY")
    without = OfferSigner().sign(offer())  # a key of this process only
    with pytest.raises(Refused):
        OfferSigner().open(without)
