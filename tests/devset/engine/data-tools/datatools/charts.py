"""Minimal PNG rendering for bar charts (no imaging library needed)."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WHITE, BLUE = b"\xff\xff\xff", b"\x34\x65\xa4"


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def bar_chart(counts: Sequence[int], *, width: int = 160, height: int = 90) -> bytes:
    """Render ``counts`` as vertical bars on a white RGB canvas."""
    slot = max(width // max(len(counts), 1), 1)
    peak = max(counts, default=0) or 1
    tops = [height - round(height * c / peak) for c in counts]
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # PNG filter type "none"
        for x in range(width):
            i = x // slot
            filled = i < len(tops) and y >= tops[i] and x % slot < slot - 1
            raw += BLUE if filled else WHITE
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(raw))) + _chunk(b"IEND", b"")
