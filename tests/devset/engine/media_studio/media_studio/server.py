"""FastMCP server exposing generated media as images, audio and embedded resources."""

from __future__ import annotations

import base64
import json
import logging

from mcp.server.fastmcp import Audio, Context, FastMCP, Image
from mcp.server.session import ServerSession
from mcp.types import BlobResourceContents, EmbeddedResource, TextContent, TextResourceContents, ToolAnnotations
from pydantic import AnyUrl

from .render import PALETTES, parse_hex, png_swatch, wav_tone

logger = logging.getLogger("media_studio")

mcp = FastMCP(
    "media-studio",
    instructions="Generates colour swatches, test tones and palette bundles.",
    host="0.0.0.0",
    port=8765,
    sse_path="/events",
    message_path="/post/",
)

_render_log: dict[str, list[str]] = {}


@mcp.resource("palette://{name}", mime_type="application/json")
def palette(name: str) -> str:
    """A named palette as JSON."""
    if name not in PALETTES:
        raise ValueError(f"unknown palette {name}")
    return json.dumps({"name": name, "colours": PALETTES[name]})


@mcp.resource("swatch://{colour}/png", mime_type="image/png")
def swatch_png(colour: str) -> bytes:
    """A 16x16 PNG swatch; returned as bytes so FastMCP emits a blob."""
    return png_swatch(16, 16, parse_hex(colour))


@mcp.resource("studio://render-log", mime_type="application/json")
def render_log() -> str:
    return json.dumps(_render_log, indent=2)


@mcp.tool(annotations=ToolAnnotations(title="Colour swatch", readOnlyHint=True, idempotentHint=True))
async def swatch(colour: str, ctx: Context[ServerSession, None], size: int = 64) -> Image:
    """Render a solid swatch."""
    await ctx.info(f"rendering {colour} at {size}px", logger_name="media_studio.swatch")
    data = png_swatch(size, size, parse_hex(colour))
    _render_log.setdefault(ctx.client_id or "anonymous", []).append(f"swatch:{colour}")
    return Image(data=data, format="png")


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
async def tone(ctx: Context[ServerSession, None], freq_hz: float = 440.0, seconds: float = 0.5) -> Audio:
    """A sine test tone."""
    if seconds > 5:
        await ctx.warning("capping tone at 5 seconds")
        seconds = 5
    await ctx.report_progress(0, 1, message="synthesising")
    wav = wav_tone(freq_hz, seconds)
    await ctx.report_progress(1, 1, message="done")
    return Audio(data=wav, format="wav")


@mcp.tool(annotations=ToolAnnotations(title="Palette bundle", readOnlyHint=True, openWorldHint=False))
async def palette_bundle(name: str, ctx: Context[ServerSession, None]) -> list[TextContent | EmbeddedResource]:
    """Every swatch in a palette, embedded, plus the palette JSON itself."""
    contents = await ctx.read_resource(f"palette://{name}")
    raw = next(iter(contents)).content
    spec = json.loads(raw if isinstance(raw, str) else raw.decode())
    blocks: list[TextContent | EmbeddedResource] = [
        TextContent(type="text", text=f"Palette {name}: {len(spec['colours'])} colours"),
        EmbeddedResource(
            type="resource",
            resource=TextResourceContents(uri=AnyUrl(f"palette://{name}"), mimeType="application/json", text=json.dumps(spec)),
        ),
    ]
    total = len(spec["colours"])
    for i, colour in enumerate(spec["colours"], start=1):
        uri = f"swatch://{colour.lstrip('#')}/png"
        for part in await ctx.read_resource(uri):
            payload = part.content if isinstance(part.content, bytes) else part.content.encode()
            blocks.append(
                EmbeddedResource(
                    type="resource",
                    resource=BlobResourceContents(
                        uri=AnyUrl(uri), mimeType=part.mime_type or "image/png", blob=base64.b64encode(payload).decode()
                    ),
                )
            )
        await ctx.report_progress(i, total)
    await ctx.debug(f"bundle for {name} built", logger_name="media_studio.bundle")
    return blocks


@mcp.tool()
async def add_palette(name: str, colours: list[str], ctx: Context[ServerSession, None]) -> dict[str, object]:
    """Register a palette and tell subscribers the log changed."""
    for c in colours:
        parse_hex(c)
    PALETTES[name] = colours
    _render_log.setdefault(ctx.client_id or "anonymous", []).append(f"palette:{name}")
    await ctx.session.send_resource_updated(AnyUrl("studio://render-log"))
    await ctx.session.send_resource_list_changed()
    logger.info("request %s added palette %s", ctx.request_id, name)
    return {"name": name, "count": len(colours), "uri": f"palette://{name}"}


@mcp.prompt(title="Describe a palette")
def describe_palette(name: str) -> str:
    return f"Describe the mood of the '{name}' palette. Colours: {', '.join(PALETTES.get(name, []))}"
