"""Snapshot helpers that work on plain JSON data (callers dump their models first)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

VOLATILE_KEYS = frozenset({"id", "requestId", "progressToken", "_meta", "meta", "timestamp"})


class SnapshotTree:
    """A normalised payload; ``.root`` holds the cleaned-up JSON value."""

    __slots__ = ("root",)

    def __init__(self, root: Any) -> None:
        self.root = root

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.root
        for part in dotted.split("."):
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return default
        return node


def _clean(value: Any, drop: frozenset[str]) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _clean(v, drop) for k, v in value.items() if k not in drop and v is not None}
    if isinstance(value, list | tuple):
        return [_clean(v, drop) for v in value]
    return value


def normalize(payload: Mapping[str, Any] | list[Any], *, drop: Iterable[str] = VOLATILE_KEYS) -> SnapshotTree:
    return SnapshotTree(_clean(payload, frozenset(drop)))


def summarize_tool_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """Reduce a dumped tool result to the fields tests usually care about."""
    content = payload.get("content", [])
    return {
        "isError": bool(payload.get("isError", False)),
        "kinds": sorted({block.get("type", "?") for block in content}),
        "text": "\n".join(block.get("text", "") for block in content if block.get("type") == "text"),
        "structuredContent": payload.get("structuredContent"),
    }


def summarize_listing(payload: Mapping[str, Any], items_key: str) -> dict[str, Any]:
    items = payload.get(items_key, [])
    return {"names": [item.get("name") for item in items], "nextCursor": payload.get("nextCursor"), "count": len(items)}


def diff(expected: Any, actual: Any, path: str = "$") -> list[str]:
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        keys = sorted(set(expected) | set(actual))
        return [p for key in keys for p in diff(expected.get(key), actual.get(key), f"{path}.{key}")]
    return [] if expected == actual else [f"{path}: {actual!r} != {expected!r}"]
