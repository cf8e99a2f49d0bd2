"""Opaque cursors for the paginated list endpoints."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import TypeVar

from mcp.types import Cursor

from ledgerdb.errors import invalid_params

T = TypeVar("T")


def encode_cursor(offset: int, kind: str) -> Cursor:
    raw = json.dumps({"o": offset, "k": kind}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: Cursor | None, kind: str) -> int:
    if not cursor:
        return 0
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
        offset = int(payload["o"])
    except (ValueError, KeyError, TypeError) as exc:
        raise invalid_params(f"malformed cursor {cursor!r}", cursor=cursor) from exc
    if payload.get("k") != kind or offset < 0:
        raise invalid_params(f"cursor does not belong to {kind}", cursor=cursor)
    return offset


def paginate(items: Sequence[T], cursor: Cursor | None, page_size: int, kind: str) -> tuple[list[T], Cursor | None]:
    start = decode_cursor(cursor, kind)
    end = start + page_size
    next_cursor = encode_cursor(end, kind) if end < len(items) else None
    return list(items[start:end]), next_cursor
