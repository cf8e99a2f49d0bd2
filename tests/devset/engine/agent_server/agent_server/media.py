"""Tiny dependency-free PNG and WAV encoders for tool outputs."""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)


def bar_chart_png(values: list[float], height: int = 32, bar_width: int = 4) -> bytes:
    """Render a grayscale bar chart as PNG bytes."""
    peak = max(values) if values and max(values) > 0 else 1.0
    width = max(1, len(values) * bar_width)
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter type: none
        for x in range(width):
            value = values[x // bar_width] if values else 0.0
            filled = (height - y) <= round(value / peak * height)
            row.append(0 if filled else 255)
        rows.append(bytes(row))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"".join(rows))) + _chunk(b"IEND", b"")


def chime_wav(frequency: float = 880.0, seconds: float = 0.2, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = bytearray()
        for i in range(int(seconds * rate)):
            sample = int(12000 * math.sin(2 * math.pi * frequency * i / rate))
            frames += struct.pack("<h", sample)
        out.writeframes(bytes(frames))
    return buffer.getvalue()
