"""Human-readable and JSON renderings of what a server advertises and returns."""

from __future__ import annotations

import base64
import json
from typing import Any

from pydantic import BaseModel

import mcp.types as types
from mcp.types import Content

from probe_inspector.inspector import Catalog, ServerSummary

INDENT = "    "


def render_summary(summary: ServerSummary) -> list[str]:
    older = "" if summary.is_latest_protocol else " (older)"
    lines = [
        f"{summary.name} v{summary.version}",
        f"{INDENT}protocol: {summary.protocol_version}{older}",
        f"{INDENT}features: {', '.join(summary.features()) or 'none'}",
    ]
    if summary.instructions:
        lines.append(f"{INDENT}instructions: {summary.instructions}")
    return lines


def _hints(annotations: types.ToolAnnotations | None) -> list[str]:
    if annotations is None:
        return []
    open_world = annotations.openWorldHint
    flags = [
        ("read-only", annotations.readOnlyHint),
        ("destructive", annotations.destructiveHint),
        ("idempotent", annotations.idempotentHint),
        ("open-world", open_world),
    ]
    return [label for label, on in flags if on] + (["closed-world"] if open_world is False else [])


def render_tool(tool: types.Tool, *, verbose: bool = False) -> list[str]:
    display = tool.title or (tool.annotations.title if tool.annotations else None)
    header = tool.name + (f" -- {display}" if display else "")
    if hints := _hints(tool.annotations):
        header += f"  [{', '.join(hints)}]"
    lines = [header]
    if tool.description:
        lines.append(INDENT + tool.description.strip().splitlines()[0])
    schema = tool.inputSchema
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type", "any")
        if kind == "array" and isinstance(prop.get("items"), dict):
            kind = f"{prop['items'].get('type', 'any')}[]"
        default = f" = {json.dumps(prop['default'])}" if "default" in prop else ""
        lines.append(f"{INDENT}- {name}{'' if name in required else '?'}: {kind}{default}")
    if (output := tool.outputSchema) is not None:
        lines.append(f"{INDENT}returns: {{{', '.join(sorted(output.get('properties', {})))}}}")
    task_support = tool.execution.taskSupport if tool.execution else None
    if task_support not in (None, types.TASK_FORBIDDEN):
        lines.append(f"{INDENT}tasks: {task_support}")
    if verbose:
        icons = " ".join(f"{i.mimeType or 'image/*'}@{','.join(i.sizes or ['any'])}" for i in tool.icons or [])
        lines += [f"{INDENT}icons: {icons}"] if icons else []
        lines += [f"{INDENT}_meta: {json.dumps(tool.meta, sort_keys=True)}"] if tool.meta else []
    return lines


def render_resource(resource: types.Resource) -> list[str]:
    uri = resource.uri
    extras = [resource.mimeType or "", f"{resource.size} bytes" if resource.size is not None else ""]
    line = "  ".join([f"{uri}", f"({uri.scheme}:{uri.host or uri.path or ''})", *filter(None, extras)])
    return [line, INDENT + (resource.title or resource.name)]


def render_template(template: types.ResourceTemplate) -> list[str]:
    return [f"{template.uriTemplate}  {template.mimeType or ''}".rstrip(), INDENT + (template.title or template.name)]


def render_prompt(prompt: types.Prompt) -> list[str]:
    args = [a.name if a.required else f"[{a.name}]" for a in prompt.arguments or []]
    return [f"{prompt.name}({', '.join(args)})" + (f" -- {prompt.title}" if prompt.title else "")]


def render_resource_contents(contents: types.TextResourceContents | types.BlobResourceContents) -> str:
    mime = contents.mimeType or "application/octet-stream"
    if isinstance(contents, types.TextResourceContents):
        return f"<{contents.uri} {mime}>\n{contents.text}"
    return f"<{contents.uri} {mime}, {len(base64.b64decode(contents.blob))} bytes binary>"


def render_content(block: Content) -> str:
    match block:
        case types.TextContent(text=text):
            return text
        case types.ImageContent(mimeType=mime, data=data) | types.AudioContent(mimeType=mime, data=data):
            return f"[{block.type} {mime}, {len(base64.b64decode(data))} bytes]"
        case types.ResourceLink(uri=uri, mimeType=mime):
            return f"[link {uri}{' ' + mime if mime else ''}]"
        case types.EmbeddedResource(resource=resource):
            return render_resource_contents(resource)


def render_call_result(result: types.CallToolResult) -> list[str]:
    lines = ["ERROR" if result.isError else "ok"]
    for block in result.content:
        lines.extend(INDENT + line for line in render_content(block).splitlines())
    if (structured := result.structuredContent) is not None:
        lines.append(f"{INDENT}structured: {json.dumps(structured, sort_keys=True)}")
    return lines


def render_catalog(catalog: Catalog, *, verbose: bool = False) -> list[str]:
    sections = [
        ("Tools", [render_tool(t, verbose=verbose) for t in catalog.tools]),
        ("Resources", [render_resource(r) for r in catalog.resources]),
        ("Resource templates", [render_template(t) for t in catalog.templates]),
        ("Prompts", [render_prompt(p) for p in catalog.prompts]),
    ]
    out: list[str] = []
    for title, blocks in sections:
        out.append(f"{title} ({len(blocks)})")
        out.extend(f"  {line}" for block in blocks for line in block)
    return out


def as_json(model: BaseModel) -> dict[str, Any]:
    """Dump a protocol object the way it looks on the wire (for --json output)."""
    return model.model_dump(mode="json", exclude_none=True)


def catalog_json(catalog: Catalog) -> dict[str, Any]:
    return {
        "tools": [as_json(t) for t in catalog.tools],
        "resources": [as_json(r) for r in catalog.resources],
        "resourceTemplates": [as_json(t) for t in catalog.templates],
        "prompts": [as_json(p) for p in catalog.prompts],
    }
