"""Tiny pure-Python renderers (no PIL): PNG swatches and WAV tones."""

from __future__ import annotations

import math
import struct
import zlib


def _chunk(tag: bytes, data: bytes) -> bytes:
    body = tag + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png_swatch(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Solid-colour RGB PNG."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def parse_hex(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    if len(c) != 6:
        raise ValueError(f"not a hex colour: {colour!r}")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def wav_tone(freq_hz: float, seconds: float, rate: int = 8000) -> bytes:
    """16-bit mono sine tone as a WAV file."""
    n = int(seconds * rate)
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * freq_hz * i / rate))) for i in range(n)
    )
    fmt = struct.pack("<HHIIHH", 1, 1, rate, rate * 2, 2, 16)
    data = b"RIFF" + struct.pack("<I", 36 + len(frames)) + b"WAVE"
    data += b"fmt " + struct.pack("<I", len(fmt)) + fmt
    data += b"data" + struct.pack("<I", len(frames)) + frames
    return data


PALETTES: dict[str, list[str]] = {
    "sunset": ["#ff7e5f", "#feb47b", "#ffcc70", "#6a0572"],
    "ocean": ["#003f5c", "#2f4b7c", "#665191", "#a05195"],
    "forest": ["#0b3d20", "#2e6b30", "#7fb069", "#e6aa68"],
}
