"""Normalisation of plain JSON payloads (cassette frames, snapshots) before comparison."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

VOLATILE_KEYS = frozenset({"progressToken", "requestId", "sessionId"})
PLACEHOLDER = "<redacted>"
_LISTING_KEYS = {"tools": "name", "prompts": "name", "resources": "uri", "resourceTemplates": "uriTemplate"}


def redact(payload: Any, keys: Iterable[str] = VOLATILE_KEYS, placeholder: str = PLACEHOLDER) -> Any:
    """Return a deep copy of *payload* with the values of *keys* replaced."""
    hidden = frozenset(keys)
    if isinstance(payload, Mapping):
        return {
            k: (placeholder if k in hidden and v is not None else redact(v, hidden, placeholder))
            for k, v in payload.items()
        }
    if isinstance(payload, list):
        return [redact(item, hidden, placeholder) for item in payload]
    return payload


def strip_meta(payload: Any) -> Any:
    """Drop every ``_meta`` member; servers are free to put anything there."""
    if isinstance(payload, Mapping):
        return {k: strip_meta(v) for k, v in payload.items() if k != "_meta"}
    if isinstance(payload, list):
        return [strip_meta(item) for item in payload]
    return payload


def sort_listings(payload: dict[str, Any]) -> dict[str, Any]:
    """Order list results by their natural key so snapshots do not depend on registration order."""
    out = dict(payload)
    for key, sort_key in _LISTING_KEYS.items():
        items = out.get(key)
        if isinstance(items, list):
            out[key] = sorted(items, key=lambda entry: str(entry.get(sort_key, "")))
    return out


def is_error_payload(payload: Mapping[str, Any]) -> bool:
    return bool(payload.get("isError")) or "error" in payload


def next_cursor(payload: Mapping[str, Any]) -> str | None:
    cursor = payload.get("nextCursor")
    return str(cursor) if cursor is not None else None


@dataclass
class PayloadTree:
    """Dotted-path access into a JSON document: ``tree.at("result.serverInfo.name")``."""

    root: dict[str, Any]

    def at(self, dotted: str) -> Any:
        node: Any = self.root
        for part in dotted.split("."):
            node = node[int(part)] if isinstance(node, list) else node[part]
        return node
