"""UI components: the typed inputs and outputs of an appdeck endpoint.

Every component describes itself as JSON Schema (for the API docs page and the
MCP bridge) and converts the wire payload into the value the user's function gets.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImageData:
    """Raw image bytes plus the media type the browser should use."""

    data: bytes
    mimeType: str = "image/png"
    alt: str | None = None

    def to_payload(self) -> dict[str, Any]:
        return {"mimeType": self.mimeType, "data": base64.b64encode(self.data).decode("ascii"), "alt": self.alt}


def solid_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Encode a solid-colour RGB PNG without any imaging dependency."""

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    raw = (b"\x00" + bytes(rgb) * width) * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


class Component:
    kind = "component"

    def __init__(self, label: str | None = None, *, info: str | None = None, value: Any = None) -> None:
        self.label = label
        self.info = info
        self.value = value
        self.parent: Layout | None = None

    @property
    def name(self) -> str:
        return (self.label or self.kind).strip().lower().replace(" ", "_")

    @property
    def root(self) -> Layout | None:
        """The outermost layout this component lives in (None when detached)."""
        return self.parent.root if self.parent is not None else None

    def json_schema(self) -> dict[str, Any]:
        return {}

    def preprocess(self, payload: Any) -> Any:
        return payload

    def postprocess(self, value: Any) -> Any:
        return value

    def api_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"label": self.label, "component": self.kind, "inputSchema": self.json_schema()}
        info["isOptional"] = self.value is not None
        return info


class Textbox(Component):
    kind = "textbox"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "description": self.info} if self.info else {"type": "string"}

    def preprocess(self, payload: Any) -> Any:
        return "" if payload is None else str(payload)


class Number(Component):
    kind = "number"

    def __init__(
        self,
        label: str | None = None,
        *,
        minimum: float | None = None,
        maximum: float | None = None,
        precision: int | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(label, **kw)
        self.minimum, self.maximum, self.precision = minimum, maximum, precision

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "integer" if self.precision == 0 else "number"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        if self.maximum is not None:
            schema["maximum"] = self.maximum
        return schema

    def preprocess(self, payload: Any) -> Any:
        if payload is None:
            return self.value
        return int(payload) if self.precision == 0 else float(payload)


class Slider(Number):
    kind = "slider"

    def __init__(self, label: str | None = None, minimum: float = 0, maximum: float = 100, **kw: Any) -> None:
        super().__init__(label, minimum=minimum, maximum=maximum, precision=0, **kw)


class Dropdown(Component):
    kind = "dropdown"

    def __init__(self, label: str | None = None, *, choices: Sequence[str] = (), **kw: Any) -> None:
        super().__init__(label, **kw)
        self.choices = list(choices)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": list(self.choices)}

    def suggest(self, prefix: str, limit: int = 10) -> tuple[list[str], int]:
        matches = [c for c in self.choices if c.lower().startswith(prefix.lower())]
        return matches[:limit], len(matches)


class JSON(Component):
    kind = "json"

    def __init__(self, label: str | None = None, *, schema: dict[str, Any] | None = None, **kw: Any) -> None:
        super().__init__(label, **kw)
        self.schema = schema

    def json_schema(self) -> dict[str, Any]:
        return dict(self.schema) if self.schema is not None else {"type": "object"}


class Image(Component):
    kind = "image"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "properties": {"mimeType": {"type": "string"}, "data": {"type": "string"}}}

    def postprocess(self, value: Any) -> Any:
        return ImageData(value) if isinstance(value, bytes) else value


class Layout:
    """A container (row, column, tab) holding components and nested layouts."""

    def __init__(self, title: str | None = None) -> None:
        self.title = title
        self.children: list[Component | Layout] = []
        self.parent: Layout | None = None

    @property
    def root(self) -> Layout:
        return self.parent.root if self.parent is not None else self

    def add(self, child: Component | Layout) -> Component | Layout:
        child.parent = self
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Component]:
        for child in self.children:
            yield from child.walk() if isinstance(child, Layout) else [child]


@dataclass
class ApiPage:
    """One page of the public endpoint listing (``/api/info``)."""

    endpoints: list[dict[str, Any]] = field(default_factory=lambda: [])
    nextCursor: str | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {"endpoints": self.endpoints}
        if self.nextCursor is not None:
            body["nextCursor"] = self.nextCursor
        return body


def paginate(items: Sequence[dict[str, Any]], cursor: str | None, page_size: int) -> ApiPage:
    start = int(cursor) if cursor else 0
    more = start + page_size < len(items)
    return ApiPage(endpoints=list(items[start : start + page_size]), nextCursor=str(start + page_size) if more else None)
