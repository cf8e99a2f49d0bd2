"""Turn a ``ServerSpec`` into a live FastMCP server.

Tools are built as closures at runtime, so nothing here uses the decorator API: every
component goes through ``add_tool``/``add_resource``/``add_prompt`` or the component
classes' ``from_function`` constructors.
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, TypedDict

from mcp.server.fastmcp import Audio, Context, FastMCP, Image
from mcp.server.fastmcp.prompts.base import Prompt, UserMessage
from mcp.server.fastmcp.resources import FunctionResource, ResourceTemplate, TextResource
from mcp.server.fastmcp.tools import Tool
from mcp.types import ToolAnnotations
from pydantic import AnyUrl

from .spec import PromptSpec, ResourceSpec, ServerSpec, ToolSpec


class BuildInfo(TypedDict):
    server: str
    version: str
    built_at: str
    tool_count: int


@dataclass
class LintFinding:
    line: int
    rule: str
    message: str
    severity: str = "warning"


def _png_badge(label: str, colour: tuple[int, int, int]) -> bytes:
    """A tiny solid-colour PNG whose width depends on the label length."""
    width, height = max(8, len(label) * 6), 12
    row = b"\x00" + bytes(colour) * width
    raw = row * height

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _wav_chime(freq: float, millis: int) -> bytes:
    rate = 8000
    frames = int(rate * millis / 1000)
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(rate)
        w.writeframes(bytes(int(128 + 100 * math.sin(2 * math.pi * freq * i / rate)) for i in range(frames)))
    return buf.getvalue()


class ServerBuilder:
    def __init__(self, spec: ServerSpec) -> None:
        self.spec = spec
        self.mcp: FastMCP = FastMCP(
            spec.name,
            instructions=spec.instructions,
            port=spec.port,
            warn_on_duplicate_tools=False,
        )
        self.previews: dict[str, Tool] = {}

    # -- tools -----------------------------------------------------------------

    def _make_fn(self, tool: ToolSpec) -> Callable[..., Any]:
        opts = tool.options
        spec = self.spec
        tables = spec.tables

        if tool.kind == "static":
            reply = str(opts.get("text", "ok"))

            def static() -> str:
                return reply

            return static

        if tool.kind == "lookup":
            table = tables.get(str(opts["table"]), {})

            async def lookup(key: str, ctx: Context) -> dict[str, Any]:
                await ctx.info(f"lookup {key} in {opts['table']}")
                if key not in table:
                    raise KeyError(key)
                return {"key": key, "value": table[key]}

            return lookup

        if tool.kind == "format":
            pattern = str(opts.get("pattern", "{value}"))

            def fmt(value: str, upper: bool = False) -> str:
                out = pattern.format(value=value)
                return out.upper() if upper else out

            return fmt

        if tool.kind == "badge":
            colour = tuple(opts.get("colour", (40, 160, 90)))

            def badge(label: str) -> Image:
                return Image(data=_png_badge(label, (int(colour[0]), int(colour[1]), int(colour[2]))), format="png")

            return badge

        if tool.kind == "chime":

            def chime(freq: float = 880.0, millis: int = 150) -> Audio:
                return Audio(data=_wav_chime(freq, millis), format="wav")

            return chime

        if tool.kind == "build_info":

            def build_info() -> BuildInfo:
                return BuildInfo(
                    server=spec.name,
                    version=spec.version,
                    built_at=datetime.now(timezone.utc).isoformat(),
                    tool_count=len(spec.tools),
                )

            return build_info

        if tool.kind == "lint":
            max_len = int(opts.get("max_line_length", 100))

            def lint(source: str) -> list[LintFinding]:
                findings: list[LintFinding] = []
                for n, line in enumerate(source.splitlines(), start=1):
                    if len(line) > max_len:
                        findings.append(LintFinding(n, "E501", f"line too long ({len(line)} > {max_len})"))
                    if line.rstrip() != line:
                        findings.append(LintFinding(n, "W291", "trailing whitespace", "info"))
                return findings

            return lint

        raise ValueError(f"unknown tool kind {tool.kind!r}")

    def add_tools(self) -> None:
        for tool in self.spec.tools:
            fn = self._make_fn(tool)
            annotations = ToolAnnotations(
                title=tool.title,
                readOnlyHint=tool.read_only,
                destructiveHint=not tool.read_only,
            )
            structured = tool.kind in {"build_info", "lint", "lookup"}
            # Build the Tool once to validate the signature before registering it.
            preview = Tool.from_function(
                fn,
                name=tool.name,
                title=tool.title,
                description=tool.description or None,
                annotations=annotations,
                structured_output=structured,
            )
            self.previews[tool.name] = preview
            self.mcp.add_tool(
                fn,
                name=tool.name,
                title=tool.title,
                description=preview.description,
                annotations=annotations,
                meta={"generator": "mcpgen", "kind": tool.kind},
                structured_output=structured,
            )
        for tool in self.spec.tools:
            if not tool.enabled:
                self.mcp.remove_tool(tool.name)
                self.previews.pop(tool.name, None)

    # -- resources -------------------------------------------------------------

    def _add_resource(self, res: ResourceSpec) -> None:
        if res.text is not None:
            self.mcp.add_resource(
                TextResource(uri=AnyUrl(res.uri), name=res.name, text=res.text, mime_type=res.mime_type)
            )
            return
        if res.table is not None and "{" in res.uri:
            rows = self.spec.tables.get(res.table, {})

            def row(key: str) -> dict[str, Any]:
                return {"key": key, "value": rows.get(key)}

            template = ResourceTemplate.from_function(
                row, uri_template=res.uri, name=res.name, mime_type="application/json"
            )
            self.mcp._resource_manager._templates[template.uri_template] = template  # pyright: ignore[reportPrivateUsage]
            return
        if res.table is not None:
            table_name = res.table

            def dump() -> dict[str, Any]:
                return self.spec.tables.get(table_name, {})

            self.mcp.add_resource(FunctionResource.from_function(dump, uri=res.uri, name=res.name, mime_type="application/json"))
            return
        raise ValueError(f"resource {res.name} has neither text nor table")

    def add_resources(self) -> None:
        for res in self.spec.resources:
            self._add_resource(res)

    # -- prompts ---------------------------------------------------------------

    def _add_prompt(self, p: PromptSpec) -> None:
        template = p.template

        def render(topic: str, audience: str = "engineers") -> list[UserMessage]:
            return [UserMessage(template.format(topic=topic, audience=audience))]

        self.mcp.add_prompt(Prompt.from_function(render, name=p.name, description=p.description))

    def add_prompts(self) -> None:
        for p in self.spec.prompts:
            self._add_prompt(p)

    def build(self) -> FastMCP:
        self.add_tools()
        self.add_resources()
        self.add_prompts()
        return self.mcp


def build_server(spec: ServerSpec) -> FastMCP:
    return ServerBuilder(spec).build()
