"""Conversion between MCP tools/results and the agent framework's tool objects."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mcp import types
from mcp.types import Content

AUTHORIZED_TYPES = {"string", "boolean", "integer", "number", "array", "object", "any", "null"}


@dataclass
class ToolOutput:
    text: str = ""
    images: list[tuple[str, bytes]] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    structured: dict[str, Any] | None = None
    is_error: bool = False


@dataclass
class AgentTool:
    name: str
    description: str
    inputs: dict[str, dict[str, Any]]
    output_type: str
    read_only: bool
    func: Callable[..., ToolOutput]

    def __call__(self, **kwargs: Any) -> ToolOutput:
        return self.func(**kwargs)


def _input_spec(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    json_type = schema.get("type", "any")
    if isinstance(json_type, list):  # e.g. ["integer", "null"]
        json_type = next((t for t in json_type if t != "null"), "any")
    spec: dict[str, Any] = {
        "type": json_type if json_type in AUTHORIZED_TYPES else "any",
        "description": schema.get("description") or schema.get("title") or name,
    }
    return spec


def tool_to_agent_tool(tool: types.Tool, call: Callable[[str, dict[str, Any]], ToolOutput]) -> AgentTool:
    properties: dict[str, Any] = tool.inputSchema.get("properties", {})
    annotations = tool.annotations

    def run(**kwargs: Any) -> ToolOutput:
        return call(tool.name, {key: value for key, value in kwargs.items() if value is not None})

    return AgentTool(
        name=tool.name,
        description=tool.description or tool.title or tool.name,
        inputs={name: _input_spec(name, prop) for name, prop in properties.items()},
        output_type="object" if tool.outputSchema else "string",
        read_only=bool(annotations and annotations.readOnlyHint),
        func=run,
    )


def convert_content(blocks: Sequence[Content], output: ToolOutput) -> ToolOutput:
    texts: list[str] = []
    for block in blocks:
        match block:
            case types.TextContent(text=text):
                texts.append(text)
            case types.ImageContent(data=data, mimeType=mime_type):
                output.images.append((mime_type, base64.b64decode(data)))
            case types.EmbeddedResource(resource=types.TextResourceContents() as res):
                output.resources.append(str(res.uri))
                texts.append(res.text)
            case types.EmbeddedResource(resource=types.BlobResourceContents() as res):
                output.resources.append(str(res.uri))
                texts.append(f"[binary resource {res.uri} ({res.mimeType or 'application/octet-stream'})]")
            case types.ResourceLink(uri=uri, name=name):
                output.resources.append(str(uri))
                texts.append(f"[resource link {name}: {uri}]")
            case _:
                texts.append(f"[{block.type} content]")
    output.text = "\n".join(texts)
    return output


def convert_result(result: types.CallToolResult) -> ToolOutput:
    return convert_content(result.content, ToolOutput(structured=result.structuredContent, is_error=result.isError))
