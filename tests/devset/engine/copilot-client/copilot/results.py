"""Small value objects the IDE keeps about tools, resources and tool results."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import mcp.types as types


def tool_text(result: types.CallToolResult) -> str:
    """Flatten a tool result into the text shown in the chat panel."""
    parts: list[str] = []
    for block in result.content:
        if isinstance(block, types.TextContent):
            parts.append(block.text)
        elif isinstance(block, types.ImageContent):
            parts.append(f"[image {block.mimeType}]")
        elif isinstance(block, types.ResourceLink):
            parts.append(f"[{block.name}]({block.uri})")
        elif isinstance(block, types.EmbeddedResource) and isinstance(block.resource, types.TextResourceContents):
            parts.append(block.resource.text)
        else:
            parts.append(f"[{block.type}]")
    return "\n".join(parts)


def is_failure(result: types.CallToolResult) -> bool:
    return bool(result.isError)


def structured(result: types.CallToolResult) -> dict[str, Any] | None:
    return result.structuredContent


@dataclass(frozen=True)
class ToolSpec:
    qualified_name: str
    tool: types.Tool

    @property
    def server(self) -> str:
        return self.qualified_name.split(".", 1)[0]

    @property
    def required_arguments(self) -> list[str]:
        return list(self.tool.inputSchema.get("required", []))

    @property
    def read_only(self) -> bool:
        return bool(self.tool.annotations and self.tool.annotations.readOnlyHint)

    @property
    def has_output_schema(self) -> bool:
        return self.tool.outputSchema is not None

    @property
    def supports_tasks(self) -> bool:
        execution = self.tool.execution
        return execution is not None and execution.taskSupport in (types.TASK_OPTIONAL, types.TASK_REQUIRED)

    def to_json(self) -> dict[str, Any]:
        """Entry of the tool catalog the IDE caches on disk (wire field names)."""
        return {"qualifiedName": self.qualified_name, **self.tool.model_dump(mode="json", exclude_none=True)}


@dataclass
class ToolInvocation:
    spec: ToolSpec
    arguments: dict[str, Any]
    result: types.CallToolResult
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    @property
    def ok(self) -> bool:
        return not is_failure(self.result)

    @property
    def text(self) -> str:
        return tool_text(self.result)

    @property
    def data(self) -> dict[str, Any] | None:
        return structured(self.result)

    def transcript_line(self) -> str:
        status = "ok" if self.ok else "failed"
        args = json.dumps(self.arguments, sort_keys=True)
        return f"{self.spec.qualified_name}({args}) -> {status}"


@dataclass(frozen=True)
class ResourceRef:
    server: str
    resource: types.Resource

    @property
    def scheme(self) -> str:
        return self.resource.uri.scheme

    @property
    def is_local_file(self) -> bool:
        return self.scheme == "file"

    @property
    def label(self) -> str:
        mime = self.resource.mimeType or "application/octet-stream"
        return f"{self.resource.title or self.resource.name} ({mime})"
