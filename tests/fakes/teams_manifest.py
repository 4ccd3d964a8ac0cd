"""What Teams checks of an app package's manifest.json, for the parts arbot's package uses.

The full JSON schema (developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json)
could not be vendored: the stored copies of it are excerpts only. The rules below are the schema's
required fields, types, patterns, enums and limits for the properties arbot emits, as documented
in Microsoft's app manifest reference (learn.microsoft.com/microsoft-365/extensibility/schema:
root, root-developer, root-name, root-description, root-icons, root-bots,
root-bots-command-lists, root-bots-command-lists-commands) and in the published schema files'
definitions (guid, httpsUrl, hexColor, relativePath, semver ``version`` ≤ 256). Where versions
differ (a command's title: 32 characters up to 1.2x, 128 later; commands per list: 10, later
12) the stricter limit is kept, so that a manifest passing here passes every recent version.
Root and object properties are closed (``additionalProperties: false`` in the schema): an
unknown property is refused.
"""

from __future__ import annotations

import re
from typing import Any

SUPPORTED_VERSIONS = ("1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29")
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
HTTPS_URL = re.compile(r"^[Hh][Tt][Tt][Pp][Ss]://")
HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
MAX_URL = 2048
SCOPES = ("team", "personal", "groupChat", "copilot")
PERMISSIONS = ("identity", "messageTeamMembers")
ROOT = {
    "$schema", "manifestVersion", "version", "id", "localizationInfo", "developer", "name",
    "description", "icons", "accentColor", "configurableTabs", "staticTabs", "bots",
    "connectors", "subscriptionOffer", "composeExtensions", "permissions", "devicePermissions",
    "validDomains", "webApplicationInfo", "graphConnector", "showLoadingIndicator",
    "isFullScreen", "activities", "configurableProperties", "supportedChannelTypes",
    "defaultBlockUntilAdminAction", "publisherDocsUrl", "defaultInstallScope",
    "defaultGroupCapability", "meetingExtensionDefinition", "authorization", "extensions",
    "actions", "dashboardCards", "copilotAgents", "intuneInfo", "elementRelationshipSet",
    "backgroundLoadConfiguration", "agentConnectors",
}  # fmt: skip
REQUIRED = ("manifestVersion", "version", "id", "developer", "name", "description", "icons",
            "accentColor")  # fmt: skip


class Check:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def closed(self, value: Any, where: str, allowed: set[str] | tuple[str, ...]) -> bool:
        if not isinstance(value, dict):
            self.add(where, "must be an object")
            return False
        for key in value:
            if key not in allowed:
                self.add(f"{where}/{key}", "is not allowed (additionalProperties: false)")
        return True

    def required(self, value: dict[str, Any], where: str, *keys: str) -> None:
        for key in keys:
            if key not in value:
                self.add(where, f"requires {key}")

    def text(self, value: dict[str, Any], key: str, where: str, limit: int) -> None:
        if key not in value:
            return
        if not isinstance(value[key], str):
            self.add(f"{where}/{key}", "must be a string")
        elif len(value[key]) > limit:
            self.add(f"{where}/{key}", f"is longer than {limit} characters")

    def matches(
        self, value: dict[str, Any], key: str, where: str, pattern: re.Pattern[str]
    ) -> None:
        if key in value and not (isinstance(value[key], str) and pattern.match(value[key])):
            self.add(f"{where}/{key}", f"must match {pattern.pattern}")

    def url(self, value: dict[str, Any], key: str, where: str) -> None:
        self.matches(value, key, where, HTTPS_URL)
        self.text(value, key, where, MAX_URL)

    def enum_list(self, value: Any, where: str, allowed: tuple[str, ...], most: int) -> None:
        if not isinstance(value, list):
            self.add(where, "must be an array")
            return
        if len(value) > most:
            self.add(where, f"has more than {most} items")
        for item in value:
            if item not in allowed:
                self.add(where, f"{item!r} is not one of {', '.join(allowed)}")
        if len(set(map(str, value))) != len(value):
            self.add(where, "has duplicate items")


def validate_manifest(manifest: Any) -> list[str]:
    """The problems Teams would refuse the manifest for ([] when none)."""
    check = Check()
    if not check.closed(manifest, "", ROOT):
        return check.problems
    check.required(manifest, "", *REQUIRED)
    version = manifest.get("manifestVersion")
    if version not in SUPPORTED_VERSIONS:
        check.add("/manifestVersion", f"{version!r} is not a supported version")
    schema = manifest.get("$schema")
    if schema is not None and f"/teams/v{version}/MicrosoftTeams.schema.json" not in str(schema):
        check.add("/$schema", "does not name the schema of manifestVersion")
    check.text(manifest, "version", "", 256)
    check.matches(manifest, "version", "", SEMVER)
    check.matches(manifest, "id", "", GUID)
    check.matches(manifest, "accentColor", "", HEX_COLOR)

    developer = manifest.get("developer")
    if check.closed(developer, "/developer", ("name", "mpnId", "websiteUrl", "privacyUrl",
                                              "termsOfUseUrl", "contactInfo")):  # fmt: skip
        check.required(developer, "/developer", "name", "websiteUrl", "privacyUrl", "termsOfUseUrl")
        check.text(developer, "name", "/developer", 32)
        for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
            check.url(developer, key, "/developer")

    name = manifest.get("name")
    if check.closed(name, "/name", ("short", "full", "abbreviated")):
        check.required(name, "/name", "short")
        check.text(name, "short", "/name", 30)
        check.text(name, "full", "/name", 100)

    description = manifest.get("description")
    if check.closed(description, "/description", ("short", "full", "features")):
        check.required(description, "/description", "short", "full")
        check.text(description, "short", "/description", 80)
        check.text(description, "full", "/description", 4000)

    icons = manifest.get("icons")
    if check.closed(icons, "/icons", ("outline", "color", "color32x32")):
        check.required(icons, "/icons", "outline", "color")
        for key in ("outline", "color"):
            check.text(icons, key, "/icons", MAX_URL)

    bots = manifest.get("bots", [])
    if not isinstance(bots, list) or len(bots) > 1:
        check.add("/bots", "must be an array of at most 1 bot")
        bots = []
    for i, bot in enumerate(bots):
        _bot(check, bot, f"/bots/{i}")

    if "permissions" in manifest:
        check.enum_list(manifest["permissions"], "/permissions", PERMISSIONS, 2)
    domains = manifest.get("validDomains", [])
    if not isinstance(domains, list) or len(domains) > 16:
        check.add("/validDomains", "must be an array of at most 16 domains")
    else:
        for j, domain in enumerate(domains):
            if not isinstance(domain, str) or len(domain) > MAX_URL or "://" in domain:
                check.add(f"/validDomains/{j}", "must be a host name, not a URL")
    return check.problems


def _bot(check: Check, bot: Any, at: str) -> None:
    allowed = ("botId", "needsChannelSelector", "isNotificationOnly", "supportsFiles",
               "supportsCalling", "supportsVideo", "scopes", "commandLists",
               "requirementSet", "configuration", "registrationInfo")  # fmt: skip
    if not check.closed(bot, at, allowed):
        return
    check.required(bot, at, "botId", "scopes")
    check.matches(bot, "botId", at, GUID)
    for flag in ("needsChannelSelector", "isNotificationOnly", "supportsFiles"):
        if flag in bot and not isinstance(bot[flag], bool):
            check.add(f"{at}/{flag}", "must be a boolean")
    check.enum_list(bot.get("scopes", []), f"{at}/scopes", SCOPES, 3)
    lists = bot.get("commandLists", [])
    if not isinstance(lists, list) or len(lists) > 3:
        check.add(f"{at}/commandLists", "must be an array of at most 3 lists")
        return
    for k, command_list in enumerate(lists):
        where = f"{at}/commandLists/{k}"
        if not check.closed(command_list, where, ("scopes", "commands", "triggers")):
            continue
        check.required(command_list, where, "scopes", "commands")
        check.enum_list(command_list.get("scopes", []), f"{where}/scopes", SCOPES, 3)
        commands = command_list.get("commands", [])
        if not isinstance(commands, list) or len(commands) > 10:
            check.add(f"{where}/commands", "must be an array of at most 10 commands")
            continue
        for n, command in enumerate(commands):
            spot = f"{where}/commands/{n}"
            if check.closed(command, spot, ("title", "description", "type", "prompt")):
                check.required(command, spot, "title", "description")
                check.text(command, "title", spot, 32)
                check.text(command, "description", spot, 128)
