"""Conversions between MCP protocol objects and agentmesh framework objects."""

from __future__ import annotations

import base64
import json
import posixpath
from collections.abc import Iterable, Sequence
from typing import Any

import mcp.types as types
from pydantic import AnyUrl

from agentmesh.framework import AgentTool, ChatTurn, JsonSchema, MessagePart, ToolInvoker, ToolMessage, text_part


def normalize_input_schema(tool: types.Tool) -> JsonSchema:
    schema = {"type": "object", "properties": {}, **tool.inputSchema}
    if not schema.get("required"):
        schema.pop("required", None)  # some providers reject "required": []
    return JsonSchema(schema)


def pick_icon(tool: types.Tool) -> str | None:
    icons = sorted(tool.icons or [], key=lambda icon: icon.mimeType != "image/svg+xml")
    return icons[0].src if icons else None


def tool_to_agent_tool(tool: types.Tool, invoke: ToolInvoker, *, server: str, prefix: str | None = None) -> AgentTool:
    annotations = tool.annotations or types.ToolAnnotations()
    read_only = bool(annotations.readOnlyHint)
    destructive = annotations.destructiveHint
    output_schema = tool.outputSchema
    execution = tool.execution
    tags = {f"server:{server}"}
    if (icon := pick_icon(tool)) is not None:
        tags.add(f"icon:{icon}")
    return AgentTool(
        name=f"{prefix}{tool.name}" if prefix else tool.name,
        description=tool.description or tool.name,
        parameters=normalize_input_schema(tool),
        output_schema=JsonSchema(output_schema) if output_schema is not None else None,
        title=tool.title or annotations.title,
        read_only=read_only,
        destructive=destructive if destructive is not None else not read_only,
        idempotent=bool(annotations.idempotentHint),
        open_world=annotations.openWorldHint is not False,
        long_running=execution is not None and execution.taskSupport != types.TASK_FORBIDDEN,
        source=f"mcp:{server}",
        invoke=invoke,
        tags=tags,
    )


def tool_fingerprint(tool: types.Tool) -> str:
    """Stable key used to detect when a server changed a tool definition."""
    return json.dumps(tool.model_dump(exclude_none=True), sort_keys=True)


def resource_contents_to_part(contents: types.TextResourceContents | types.BlobResourceContents) -> MessagePart:
    uri: AnyUrl = contents.uri
    name = posixpath.basename(uri.path or "") or uri.host
    if isinstance(contents, types.TextResourceContents):
        return MessagePart("file", text=contents.text, mime_type=contents.mimeType, uri=str(uri), name=name)
    data = base64.b64decode(contents.blob)
    return MessagePart("file", data=data, mime_type=contents.mimeType, uri=str(uri), name=name)


def content_to_part(block: types.Content) -> MessagePart:
    if isinstance(block, types.TextContent):
        return text_part(block.text)
    if isinstance(block, types.ImageContent):
        return MessagePart("image", data=base64.b64decode(block.data), mime_type=block.mimeType)
    if isinstance(block, types.AudioContent):
        return MessagePart("audio", data=base64.b64decode(block.data), mime_type=block.mimeType)
    if isinstance(block, types.EmbeddedResource):
        return resource_contents_to_part(block.resource)
    link = block.uri  # ResourceLink: the agent may decide to read it later
    payload = {"scheme": link.scheme, "host": link.host, "size": block.size}
    return MessagePart("link", uri=str(link), name=block.name, mime_type=block.mimeType, payload=payload)


def result_to_message(result: types.CallToolResult, *, tool_name: str, call_id: str) -> ToolMessage:
    parts = [content_to_part(block) for block in result.content]
    structured = result.structuredContent
    if structured is not None and not parts:
        parts = [MessagePart(kind="data", payload=structured)]
    return ToolMessage(tool_name, call_id, parts=parts, is_error=result.isError, structured=structured)


def error_message(tool_name: str, call_id: str, error: types.ErrorData) -> ToolMessage:
    return ToolMessage(tool_name, call_id, parts=[text_part(f"[{error.code}] {error.message}")], is_error=True)


def prompt_to_turns(result: types.GetPromptResult) -> list[ChatTurn]:
    return [ChatTurn(role=m.role, parts=[content_to_part(m.content)]) for m in result.messages]


def describe_catalog(tools: Sequence[types.Tool]) -> list[dict[str, Any]]:
    """Serialisable summary used by the `agentmesh tools` CLI and the tool cache."""
    return [tool.model_dump(include={"name", "title", "inputSchema", "outputSchema", "annotations"}) for tool in tools]


def read_result_text(contents: Iterable[types.TextResourceContents | types.BlobResourceContents]) -> str:
    return "\n".join(c.text for c in contents if isinstance(c, types.TextResourceContents))
