"""Scope strings, parsing and policy checks (RFC 6749 section 3.3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import RootModel, field_validator


class ScopeList(RootModel[list[str]]):
    """An ordered, de-duplicated list of scope tokens.

    Accepts either a space separated string (the wire form) or a list.
    """

    root: list[str]

    @field_validator("root", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.split()
        if isinstance(value, (list, tuple)):
            seen: list[str] = []
            for item in value:
                token = str(item).strip()
                if token and token not in seen:
                    seen.append(token)
            return seen
        return value

    def __contains__(self, scope: object) -> bool:
        return scope in self.root

    def to_wire(self) -> str:
        return " ".join(self.root)

    def union(self, other: Iterable[str]) -> ScopeList:
        return ScopeList([*self.root, *other])

    def missing(self, required: Iterable[str]) -> list[str]:
        return [scope for scope in required if scope not in self.root]


def parse_scopes(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return ScopeList.model_validate(value).root
    return ScopeList.model_validate(list(value)).root


@dataclass(frozen=True)
class ScopePolicy:
    """Which scopes a client may ask for, and what it gets by default."""

    allowed: tuple[str, ...]
    default: tuple[str, ...] = ()

    def narrow(self, requested: Iterable[str] | None, registered: Iterable[str] | None = None) -> list[str]:
        """Pick the scopes to grant: the request (or the default) limited to what is allowed."""
        ceiling = set(self.allowed)
        if registered is not None:
            ceiling &= set(registered)
        wanted = list(requested) if requested else list(self.default)
        return [scope for scope in ScopeList(wanted).root if scope in ceiling]

    def rejects(self, requested: Iterable[str]) -> list[str]:
        return [scope for scope in requested if scope not in self.allowed]

    def describe(self) -> dict[str, list[str]]:
        return {"scopesSupported": list(self.allowed), "defaultScopes": list(self.default)}
