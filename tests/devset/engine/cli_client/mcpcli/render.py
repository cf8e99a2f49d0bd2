"""Human and JSON renderings of MCP results."""

from __future__ import annotations

import json
from typing import TextIO

from mcp import types
from mcp.shared.version import LATEST_PROTOCOL_VERSION


def dump_json(model, out: TextIO) -> None:
    out.write(json.dumps(model.model_dump(mode="json", exclude_none=True), indent=2) + "\n")


def render_init(result: types.InitializeResult, out: TextIO) -> None:
    info = result.serverInfo
    out.write(f"server: {info.name} {info.version}\n")
    out.write(f"protocol: {result.protocolVersion}")
    if result.protocolVersion != LATEST_PROTOCOL_VERSION:
        out.write(f" (client prefers {LATEST_PROTOCOL_VERSION})")
    out.write("\n")
    caps = result.capabilities
    features = [name for name in ("tools", "resources", "prompts", "logging", "completions") if getattr(caps, name)]
    out.write(f"capabilities: {', '.join(features) or 'none'}\n")
    if caps.resources and caps.resources.subscribe:
        out.write("  resources support subscribe\n")
    if result.instructions:
        out.write(f"instructions: {result.instructions}\n")


def render_tool(tool: types.Tool, out: TextIO) -> None:
    props = tool.inputSchema.get("properties", {})
    required = set(tool.inputSchema.get("required", []))
    args = ", ".join(f"{k}{'' if k in required else '?'}: {v.get('type', 'any')}" for k, v in props.items())
    out.write(f"{tool.name}({args})")
    if tool.outputSchema:
        out.write(" -> structured")
    out.write("\n")
    if tool.description:
        out.write(f"    {tool.description.strip().splitlines()[0]}\n")


def render_content(block: types.ContentBlock, out: TextIO) -> None:
    if isinstance(block, types.TextContent):
        out.write(block.text + "\n")
    elif isinstance(block, (types.ImageContent, types.AudioContent)):
        out.write(f"<{block.type} {block.mimeType}, {len(block.data)} base64 chars>\n")
    elif isinstance(block, types.ResourceLink):
        out.write(f"<link {block.uri} {block.mimeType or ''}>\n")
    elif isinstance(block, types.EmbeddedResource):
        out.write(f"<embedded {block.resource.uri}>\n")


def render_call(result: types.CallToolResult, out: TextIO) -> int:
    for block in result.content:
        render_content(block, out)
    if result.structuredContent is not None:
        out.write("structured: " + json.dumps(result.structuredContent, sort_keys=True) + "\n")
    return 1 if result.isError else 0


def render_resource(resource: types.Resource | types.ResourceTemplate, out: TextIO) -> None:
    if isinstance(resource, types.ResourceTemplate):
        out.write(f"{resource.uriTemplate}  [template] {resource.mimeType or ''}\n")
    else:
        out.write(f"{resource.uri}  {resource.name} {resource.mimeType or ''}\n")


def render_contents(result: types.ReadResourceResult, out: TextIO) -> None:
    for item in result.contents:
        if isinstance(item, types.TextResourceContents):
            out.write(f"--- {item.uri} ({item.mimeType})\n{item.text}\n")
        else:
            out.write(f"--- {item.uri} ({item.mimeType}) {len(item.blob)} base64 chars\n")


def render_prompt(result: types.GetPromptResult, out: TextIO) -> None:
    if result.description:
        out.write(f"# {result.description}\n")
    for message in result.messages:
        out.write(f"[{message.role}] ")
        render_content(message.content, out)


def render_log(params: types.LoggingMessageNotificationParams, out: TextIO) -> None:
    source = f"{params.logger}: " if params.logger else ""
    out.write(f"[server {params.level}] {source}{params.data}\n")
