"""Turn MCP listings into the dicts the IDE's webview renders."""

from __future__ import annotations

from typing import Any

from mcp.types import Icon, Implementation, Prompt, ResourceTemplate, Tool

BADGES = {"readOnlyHint": "read-only", "destructiveHint": "destructive", "openWorldHint": "network"}


def icon_for(icons: list[Icon] | None, prefer: str = "image/svg+xml") -> dict[str, Any] | None:
    if not icons:
        return None
    best = next((i for i in icons if i.mimeType == prefer), icons[0])
    return {"src": best.src, "type": best.mimeType, "sizes": best.sizes or []}


def tool_card(tool: Tool) -> dict[str, Any]:
    data = tool.model_dump(exclude_none=True)
    annotations: dict[str, Any] = data.get("annotations", {})
    badges = [label for key, label in BADGES.items() if annotations.get(key)]
    return {
        "id": tool.name,
        "label": tool.title or annotations.get("title") or tool.name,
        "description": tool.description or "",
        "params": list(data["inputSchema"].get("properties", {})),
        "has_output_schema": "outputSchema" in data,
        "badges": badges,
        "icon": icon_for(tool.icons),
    }


def template_card(template: ResourceTemplate) -> dict[str, Any]:
    return {"id": template.uriTemplate, "label": template.title or template.name, "mime": template.mimeType}


def prompt_card(prompt: Prompt) -> dict[str, Any]:
    return {"id": prompt.name, "label": prompt.title or prompt.name, "icon": icon_for(prompt.icons)}


def server_header(info: Implementation) -> dict[str, Any]:
    return {
        "name": info.title or info.name,
        "version": info.version,
        "homepage": info.websiteUrl,
        "icon": icon_for(info.icons),
    }
