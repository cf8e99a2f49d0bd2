"""Introspect a built server: what the client will see, and a dry run of each component."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from typing import Any

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.tools import Tool
from mcp.types import AudioContent, ContentBlock, EmbeddedResource, ImageContent, TextContent


def describe_tool(tool: Tool) -> dict[str, Any]:
    meta = tool.fn_metadata
    arg_fields = meta.arg_model.model_fields
    return {
        "name": tool.name,
        "title": tool.title,
        "async": tool.is_async,
        "context_kwarg": tool.context_kwarg,
        "arguments": {
            name: {
                "required": info.is_required(),
                "default": None if info.is_required() else repr(info.default),
            }
            for name, info in arg_fields.items()
        },
        "parameters": tool.parameters,
        "output_schema": meta.output_schema,
        "wraps_output": meta.wrap_output,
        "read_only": bool(tool.annotations and tool.annotations.readOnlyHint),
        "meta": tool.meta or {},
    }


def registered_tools(mcp: FastMCP) -> list[dict[str, Any]]:
    return [describe_tool(t) for t in mcp._tool_manager.list_tools()]  # pyright: ignore[reportPrivateUsage]


async def client_view(mcp: FastMCP) -> dict[str, Any]:
    """The listings exactly as a connected client would receive them."""
    tools = await mcp.list_tools()
    resources = await mcp.list_resources()
    templates = await mcp.list_resource_templates()
    prompts = await mcp.list_prompts()
    return {
        "tools": [
            {
                "name": t.name,
                "inputSchema": t.inputSchema,
                "outputSchema": t.outputSchema,
                "annotations": t.annotations.model_dump(exclude_none=True) if t.annotations else None,
                "_meta": t.meta,
            }
            for t in tools
        ],
        "resources": [{"uri": str(r.uri), "scheme": r.uri.scheme, "mimeType": r.mimeType} for r in resources],
        "resourceTemplates": [{"uriTemplate": t.uriTemplate, "mimeType": t.mimeType} for t in templates],
        "prompts": [p.model_dump() for p in prompts],
    }


def _render_block(block: ContentBlock) -> str:
    if isinstance(block, TextContent):
        return block.text
    if isinstance(block, ImageContent):
        return f"<image {block.mimeType}, {len(base64.b64decode(block.data))} bytes>"
    if isinstance(block, AudioContent):
        return f"<audio {block.mimeType}, {len(base64.b64decode(block.data))} bytes>"
    if isinstance(block, EmbeddedResource):
        return f"<resource {block.resource.uri}>"
    return f"<{block.type}>"


async def dry_run_tool(mcp: FastMCP, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """Call a tool in-process and normalise FastMCP's return shapes."""
    result = await mcp.call_tool(name, arguments)
    structured: dict[str, Any] | None = None
    blocks: Sequence[ContentBlock]
    raw: Any = result
    if isinstance(raw, tuple):
        blocks, structured = raw  # (content, structured) for structured-output tools
    elif isinstance(result, dict):
        blocks, structured = [], result
    else:
        blocks = result
    return {"content": [_render_block(b) for b in blocks], "structured": structured}


async def dry_run_prompt(mcp: FastMCP, name: str, arguments: dict[str, str]) -> list[str]:
    prompt = mcp._prompt_manager.get_prompt(name)  # pyright: ignore[reportPrivateUsage]
    if prompt is None:
        raise KeyError(name)
    messages = await prompt.render(arguments)
    out: list[str] = []
    for m in messages:
        content = m.content
        out.append(f"{m.role}: {content.text if isinstance(content, TextContent) else content.type}")
    return out


async def dry_run_template(mcp: FastMCP, uri: str) -> str:
    static = {str(r.uri) for r in await mcp.list_resources()}
    for template in ([] if uri in static else mcp._resource_manager.list_templates()):  # pyright: ignore[reportPrivateUsage]
        params = template.matches(uri)
        if params is None:
            continue
        resource = await template.create_resource(uri, params)
        data = await resource.read()
        return data if isinstance(data, str) else base64.b64encode(data).decode()
    try:
        contents = await mcp.read_resource(uri)
    except ValueError as exc:
        return f"error: {exc}"
    return "\n".join(c.content if isinstance(c.content, str) else f"<{len(c.content)} bytes>" for c in contents)


async def full_report(mcp: FastMCP, samples: dict[str, dict[str, Any]]) -> str:
    report: dict[str, Any] = {
        "server": mcp.name,
        "registered": registered_tools(mcp),
        "client_view": await client_view(mcp),
        "dry_runs": {},
    }
    for name, args in samples.items():
        try:
            report["dry_runs"][name] = await dry_run_tool(mcp, name, args)
        except Exception as exc:  # noqa: BLE001 - report, do not abort
            report["dry_runs"][name] = {"error": str(exc)}
    return json.dumps(report, indent=2, default=str)
