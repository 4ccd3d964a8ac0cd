"""The approval policy: one TOML file says who may approve what, up to which amount, and what
arbot may do alone. Read once, validated with errors that name the key and what is wrong.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from graph.action_kinds import ACTION_KINDS
from graph.format import money

MODES = ("monitor", "assist", "auto")
ROLES = ("ar_specialist", "collector", "credit_manager", "controller", "admin")
SURFACES = ("terminal", "slack", "teams")
UNLIMITED = "unlimited"

# What each role may approve out of the box, and up to which amount (None = no limit).
DEFAULT_LIMITS: dict[str, dict[str, Decimal | None]] = {
    "ar_specialist": {
        "apply_payment": Decimal("50000"),
        "write_off_deduction": Decimal("250"),
        "add_note": None,
        "send_reminder": None,
        "create_invoice": Decimal("25000"),
        "open_dispute": None,
        "resolve_dispute": Decimal("250"),
        "record_promise": None,
        "send_statement": None,
    },
    "collector": {
        "send_reminder": None,
        "add_note": None,
        "open_dispute": None,
        "record_promise": None,
        "send_statement": None,
    },
    "credit_manager": {
        "set_credit_limit": Decimal("100000"),
        "set_credit_hold": None,
        "add_note": None,
        "release_order": None,
        "hold_order": None,
        "decline_order": None,
        "set_terms": Decimal("100000"),
    },
    "controller": dict.fromkeys(ACTION_KINDS, None),
    "admin": {},
}
DEFAULT_SEPARATION = (
    "write_off_deduction",
    "set_credit_limit",
    "set_credit_hold",
    "resolve_dispute",
)


class PolicyError(Exception):
    """The policy file is wrong; the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[str, ...]
    email: str | None = None
    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    """Who clicked or typed, as the platform verified it (never taken from message text)."""

    surface: str
    user_id: str
    email: str | None = None

    def label(self) -> str:
        return f"{self.surface}:{self.user_id}"


@dataclass(frozen=True)
class Policy:
    mode: str = "assist"
    auto: dict[str, Decimal] = field(default_factory=dict)
    limits: dict[str, dict[str, Decimal | None]] = field(default_factory=lambda: DEFAULT_LIMITS)
    people: tuple[Person, ...] = ()
    separation_of_duties: frozenset[str] = frozenset(DEFAULT_SEPARATION)
    expire_after: timedelta = timedelta(hours=72)
    # A deduction above this needs backup documents before it is written off.
    deduction_tolerance: Decimal = Decimal("250.00")
    # Where proposals made in the background are posted: action kind (or "default") → targets
    # such as "slack:C0123ABC" or "teams:19:…@thread.tacv2".
    destinations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = "(built-in defaults)"

    def destinations_for(self, kind: str) -> tuple[str, ...]:
        return self.destinations.get(kind) or self.destinations.get("default", ())

    def deciders(self, kind: str, amount: Decimal | None, requested_by: str) -> list[Person]:
        """Everyone who may approve this action at this amount (for notifications)."""
        found = []
        for person in self.people:
            allowed, limit = self.limit_for(person, kind)
            if not allowed or (limit is not None and amount is not None and amount > limit):
                continue
            if kind in self.separation_of_duties and person.name == requested_by:
                continue
            found.append(person)
        return found

    def person_for(self, identity: Identity) -> Person | None:
        """The person behind a verified platform identity: by the platform's user id, then by
        the e-mail the platform vouches for; in the terminal (where the OS user or ``--as``
        speaks) also by name."""
        for person in self.people:
            if identity.user_id in person.ids.get(identity.surface, ()):
                return person
        if identity.surface == "terminal":
            for person in self.people:
                if person.name.casefold() == identity.user_id.casefold():
                    return person
        if identity.email:
            wanted = identity.email.lower()
            for person in self.people:
                if person.email and person.email.lower() == wanted:
                    return person
        return None

    def limit_for(self, person: Person, kind: str) -> tuple[bool, Decimal | None]:
        """(may approve at all, the highest amount across the person's roles; None = any)."""
        allowed = False
        best: Decimal | None = Decimal(0)
        for role in person.roles:
            limits = self.limits.get(role, {})
            if kind not in limits:
                continue
            allowed = True
            limit = limits[kind]
            best = None if limit is None or best is None else max(best, limit)
        return allowed, best

    def refusal(
        self,
        person: Person | None,
        identity: Identity,
        *,
        kind: str,
        amount: Decimal | None,
        currency: str | None,
        requested_by: str,
        proposed_by: str,
    ) -> str | None:
        """Why this person may not approve this action, or None if they may."""
        if person is None:
            return f"{identity.label()} is not in the approval policy; ask an admin to add you"
        if self.mode == "monitor":
            return "arbot is in monitor mode: it suggests, and people make the changes in the ERP"
        allowed, limit = self.limit_for(person, kind)
        label = kind.replace("_", " ")
        if not allowed:
            return f"none of your roles ({', '.join(person.roles)}) may approve {label}"
        if limit is not None and amount is not None and amount > limit:
            return (
                f"{label} of {money(amount, currency or 'USD')} is over your approval limit of "
                f"{money(limit, currency or 'USD')}"
            )
        if kind in self.separation_of_duties and person.name in (requested_by, proposed_by):
            return (
                f"you {'requested' if person.name == requested_by else 'proposed'} this "
                f"{label}; someone else must approve it (separation of duties)"
            )
        return None

    def may_reject(self, person: Person | None, *, kind: str, requested_by: str) -> bool:
        if person is None:
            return False
        return person.name == requested_by or self.limit_for(person, kind)[0]

    def auto_decider(
        self,
        *,
        kind: str,
        amount: Decimal | None,
        currency: str | None,
        requested_by: str,
        own_evidence: bool,
        requester: Identity | None,
        system: str,
    ) -> str | None:
        """Who a write is decided by when it need not wait for a person, or None when it must:
        in auto mode, under the auto amount, either arbot's own proposal from its own evidence
        (decided by ``system``) or a requester who could approve it themselves."""
        if not self.auto_approves(kind, amount):
            return None
        if requester is None:
            return f"{system} (auto policy)" if own_evidence else None
        person = self.person_for(requester)
        refusal = self.refusal(
            person,
            requester,
            kind=kind,
            amount=amount,
            currency=currency,
            requested_by=requested_by,
            proposed_by=system,
        )
        return f"{person.name} (auto policy)" if person is not None and refusal is None else None

    def auto_approves(self, kind: str, amount: Decimal | None) -> bool:
        if self.mode != "auto" or kind not in self.auto:
            return False
        return amount is None or amount <= self.auto[kind]


def _amount(value: Any, where: str) -> Decimal | None:
    if isinstance(value, str) and value.strip().lower() == UNLIMITED:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise PolicyError(f'{where}: expected an amount or "unlimited", got {value!r}')
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise PolicyError(f"{where}: {value!r} is not an amount") from None
    if amount < 0 or not amount.is_finite():
        raise PolicyError(f"{where}: {value!r} must be zero or more")
    return amount


def _check_keys(table: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            raise PolicyError(f"{where}.{key}: unknown key (expected one of {', '.join(allowed)})")


def parse_policy(data: dict[str, Any], source: str) -> Policy:
    _check_keys(
        data,
        (
            "mode",
            "auto",
            "roles",
            "people",
            "separation_of_duties",
            "expire_after_hours",
            "deduction_tolerance",
            "destinations",
        ),
        source,
    )
    mode = data.get("mode", "assist")
    if mode not in MODES:
        raise PolicyError(f"{source}: mode: {mode!r} is not one of {', '.join(MODES)}")

    auto: dict[str, Decimal] = {}
    for kind, value in data.get("auto", {}).items():
        where = f"{source}: auto.{kind}"
        if kind not in ACTION_KINDS:
            raise PolicyError(f"{where}: unknown action (one of {', '.join(ACTION_KINDS)})")
        amount = _amount(value, where)
        if amount is None:
            raise PolicyError(f"{where}: an auto threshold must be an amount")
        auto[kind] = amount

    limits = {role: dict(actions) for role, actions in DEFAULT_LIMITS.items()}
    for role, actions in data.get("roles", {}).items():
        if role not in ROLES:
            raise PolicyError(f"{source}: roles.{role}: unknown role (one of {', '.join(ROLES)})")
        if not isinstance(actions, dict):
            raise PolicyError(f"{source}: roles.{role}: expected a table of action = limit")
        limits[role] = {}
        for kind, value in actions.items():
            where = f"{source}: roles.{role}.{kind}"
            if kind not in ACTION_KINDS:
                raise PolicyError(f"{where}: unknown action (one of {', '.join(ACTION_KINDS)})")
            limits[role][kind] = _amount(value, where)

    people = []
    seen: dict[tuple[str, str], str] = {}
    for index, entry in enumerate(data.get("people", []), start=1):
        where = f"{source}: people[{index}]"
        if not isinstance(entry, dict):
            raise PolicyError(f"{where}: expected a table")
        _check_keys(entry, ("name", "email", "roles", *SURFACES), where)
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise PolicyError(f"{where}.name: every person needs a name")
        roles = entry.get("roles", [])
        if not roles or not all(isinstance(r, str) for r in roles):
            raise PolicyError(f"{where}.roles: give {name} at least one role")
        for role in roles:
            if role not in ROLES:
                raise PolicyError(
                    f"{where}.roles: unknown role {role!r} (one of {', '.join(ROLES)})"
                )
        ids: dict[str, tuple[str, ...]] = {}
        for surface in SURFACES:
            values = entry.get(surface, [])
            values = [values] if isinstance(values, str) else values
            for user_id in values:
                if (surface, user_id) in seen:
                    raise PolicyError(
                        f"{where}.{surface}: {user_id} is already {seen[(surface, user_id)]}'s"
                    )
                seen[(surface, user_id)] = name
            ids[surface] = tuple(values)
        people.append(Person(name, tuple(roles), entry.get("email"), ids))

    separation = data.get("separation_of_duties", list(DEFAULT_SEPARATION))
    for kind in separation:
        if kind not in ACTION_KINDS:
            raise PolicyError(f"{source}: separation_of_duties: unknown action {kind!r}")
    hours = data.get("expire_after_hours", 72)
    if not isinstance(hours, int | float) or hours <= 0:
        raise PolicyError(f"{source}: expire_after_hours: expected a positive number of hours")
    tolerance = _amount(data.get("deduction_tolerance", "250.00"), f"{source}: deduction_tolerance")
    if tolerance is None:
        raise PolicyError(f"{source}: deduction_tolerance: an amount is needed")
    return Policy(
        destinations=_destinations(data.get("destinations", {}), source),
        deduction_tolerance=tolerance,
        mode=mode,
        auto=auto,
        limits=limits,
        people=tuple(people),
        separation_of_duties=frozenset(separation),
        expire_after=timedelta(hours=hours),
        source=source,
    )


def _destinations(table: Any, source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise PolicyError(f"{source}: destinations: expected a table of action = targets")
    out: dict[str, tuple[str, ...]] = {}
    for kind, value in table.items():
        where = f"{source}: destinations.{kind}"
        if kind != "default" and kind not in ACTION_KINDS:
            raise PolicyError(
                f"{where}: unknown action (default or one of {', '.join(ACTION_KINDS)})"
            )
        targets = [value] if isinstance(value, str) else value
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise PolicyError(f'{where}: expected "slack:CHANNEL" or a list of such targets')
        for target in targets:
            surface, _, where_to = target.partition(":")
            if surface not in ("slack", "teams") or not where_to:
                raise PolicyError(
                    f"{where}: {target!r} is not slack:CHANNEL_ID or teams:CONVERSATION_ID"
                )
        out[kind] = tuple(targets)
    return out


def load_policy(path: Path) -> Policy:
    """The policy in ``path``; the built-in defaults (no people) when the file does not exist."""
    if not path.exists():
        return Policy(source=f"{path} (missing: built-in defaults, nobody may approve)")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(f"{path}: not valid TOML: {error}") from None
    return parse_policy(data, str(path))
