"""Pretty-printing for MCP protocol objects."""

from __future__ import annotations

import json
import textwrap

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    Content,
    EmbeddedResource,
    ImageContent,
    Prompt,
    Resource,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
)


def render_content(block: Content) -> str:
    if isinstance(block, TextContent):
        return block.text
    if isinstance(block, ImageContent):
        return f"<image {block.mimeType}, {len(block.data)} base64 chars>"
    if isinstance(block, AudioContent):
        return f"<audio {block.mimeType}>"
    if isinstance(block, ResourceLink):
        return f"<link {block.uri} ({block.mimeType or 'unknown type'})>"
    if isinstance(block, EmbeddedResource):
        res = block.resource
        if isinstance(res, TextResourceContents):
            return f"--- {res.uri} ({res.mimeType})\n{res.text}"
        return f"<blob {res.uri} {res.mimeType}, {len(res.blob)} chars>"
    return repr(block)


def render_contents(contents: list[TextResourceContents | BlobResourceContents]) -> str:
    out: list[str] = []
    for item in contents:
        header = f"== {item.uri} [{item.mimeType or '?'}]"
        if isinstance(item, TextResourceContents):
            out.append(f"{header}\n{item.text}")
        else:
            out.append(f"{header}\n<{len(item.blob)} base64 chars>")
    return "\n".join(out)


def render_tool(tool: Tool, verbose: bool = False) -> str:
    props: dict[str, dict[str, object]] = tool.inputSchema.get("properties", {})
    required = set(tool.inputSchema.get("required", []))
    sig = ", ".join(f"{name}{'' if name in required else '?'}: {spec.get('type', 'any')}" for name, spec in props.items())
    line = f"{tool.name}({sig})"
    if tool.annotations and tool.annotations.readOnlyHint:
        line += "  [read-only]"
    if tool.description:
        line += "\n" + textwrap.indent(textwrap.shorten(tool.description, 200), "    ")
    if verbose and tool.outputSchema:
        line += "\n    returns: " + json.dumps(tool.outputSchema)
    return line


def render_resource(resource: Resource) -> str:
    size = f" {resource.size}B" if resource.size is not None else ""
    return f"{resource.uri}  {resource.name} [{resource.mimeType or '?'}]{size}"


def render_prompt(prompt: Prompt) -> str:
    args = ", ".join(
        f"{a.name}{'' if a.required else '?'}" for a in (prompt.arguments or [])
    )
    return f"{prompt.name}({args}) - {prompt.description or ''}"
