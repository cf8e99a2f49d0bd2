"""Tiny dependency-free PNG and WAV encoders for ticket badges and chimes."""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib

PRIORITY_COLOURS = {"urgent": (220, 38, 38), "high": (234, 88, 12), "normal": (37, 99, 235), "low": (100, 116, 139)}
PRIORITY_TONES = {"urgent": 880.0, "high": 660.0, "normal": 523.25, "low": 392.0}


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def png_square(rgb: tuple[int, int, int], size: int = 16) -> bytes:
    """Encode a solid ``size`` x ``size`` RGB square."""
    if not 1 <= size <= 512:
        raise ValueError(f"unsupported badge size: {size}")
    rows = (b"\x00" + bytes(rgb) * size) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b"")


def badge_for(priority: str, size: int = 16) -> bytes:
    return png_square(PRIORITY_COLOURS.get(priority, PRIORITY_COLOURS["normal"]), size=size)


def chime_wav(frequency: float, duration_ms: int = 180, sample_rate: int = 8000) -> bytes:
    """A short mono 16-bit sine chime with a linear fade-out."""
    frames = max(1, sample_rate * duration_ms // 1000)
    samples = b"".join(
        struct.pack("<h", int(12000 * (1 - i / frames) * math.sin(2 * math.pi * frequency * i / sample_rate)))
        for i in range(frames)
    )
    buf = io.BytesIO()
    with wave.open(buf, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)
        wav.writeframes(samples)
    return buf.getvalue()


def is_png(data: bytes) -> bool:
    return data.startswith(b"\x89PNG\r\n\x1a\n")


def is_wav(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WAVE"
