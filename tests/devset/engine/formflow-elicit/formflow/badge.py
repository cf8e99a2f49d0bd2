"""Tiny dependency-free PNG renderer for completion badges.

Badges are simple striped rectangles whose colour is derived from the label, so
every form gets a stable, recognisable badge without shipping an imaging library.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def label_colour(label: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(label.encode("utf-8")).digest()
    # keep the colour away from pure black/white so the stripes stay visible
    return 64 + digest[0] % 160, 64 + digest[1] % 160, 64 + digest[2] % 160


def render_badge_png(label: str, width: int = 48, height: int = 16) -> bytes:
    if width <= 0 or height <= 0:
        raise ValueError("badge dimensions must be positive")
    r, g, b = label_colour(label)
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            stripe = ((x + y) // 4) % 2 == 0
            if stripe:
                rows.extend((r, g, b))
            else:
                rows.extend((min(r + 40, 255), min(g + 40, 255), min(b + 40, 255)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(bytes(rows))) + _chunk(b"IEND", b"")


def png_dimensions(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height
