"""Plugin catalog pages.

The catalog mirrors the shape MCP clients already know from list endpoints
(``nextCursor`` paging, ``isError`` flags) so UIs can reuse their pagers.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        return max(0, int(payload["offset"]))
    except (ValueError, KeyError, TypeError):
        raise ValueError(f"invalid cursor: {cursor!r}") from None


def plugin_entry(name: str, version: str, tools: Sequence[str], schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "version": version,
        "tools": sorted(tools),
        "inputSchema": {tool: schemas.get(tool, {}) for tool in sorted(tools)},
        "isError": False,
    }


def error_entry(name: str, reason: str) -> dict[str, Any]:
    return {"name": name, "version": None, "tools": [], "isError": True, "reason": reason}


def page(entries: Sequence[dict[str, Any]], cursor: str | None, limit: int) -> dict[str, Any]:
    offset = decode_cursor(cursor)
    window = list(entries[offset : offset + limit])
    next_offset = offset + len(window)
    return {
        "plugins": window,
        "nextCursor": encode_cursor(next_offset) if next_offset < len(entries) else None,
        "total": len(entries),
    }
