"""Conversions between MCP protocol objects and agentwire messages."""

from __future__ import annotations

import json
import logging
from typing import Any

from mcp import types
from mcp.types import Content, CreateMessageResult, SamplingMessage, TextContent
from pydantic import BaseModel

from agentwire.messages import (
    AudioPart,
    ChatMessage,
    FilePart,
    ImagePart,
    LinkPart,
    ModelReply,
    Part,
    TextPart,
    ToolSpec,
)

logger = logging.getLogger(__name__)

_STOP_REASONS: dict[str, types.StopReason] = {
    "end_turn": "endTurn",
    "stop_sequence": "stopSequence",
    "max_tokens": "maxTokens",
}


def resource_contents_to_part(contents: types.TextResourceContents | types.BlobResourceContents) -> FilePart:
    uri = contents.uri
    if isinstance(contents, types.TextResourceContents):
        return FilePart(uri=str(uri), mimeType=contents.mimeType or "text/plain", text=contents.text)
    mime = contents.mimeType or "application/octet-stream"
    return FilePart(uri=str(uri), mimeType=mime, blob=contents.blob)


def content_to_part(block: Content) -> Part:
    """Map a single MCP content block onto a framework message part."""
    match block:
        case TextContent(text=text):
            return TextPart(text=text)
        case types.ImageContent(data=data, mimeType=mime):
            return ImagePart(data=data, mimeType=mime)
        case types.AudioContent(data=data, mimeType=mime):
            return AudioPart(data=data, mimeType=mime)
        case types.EmbeddedResource(resource=resource):
            return resource_contents_to_part(resource)
        case types.ResourceLink():
            label = block.title or block.name
            return LinkPart(
                uri=str(block.uri),
                name=label,
                description=block.description,
                mimeType=block.mimeType,
                size=block.size,
            )


def tool_result_to_message(
    result: types.CallToolResult,
    *,
    tool_name: str,
    tool_call_id: str | None = None,
) -> ChatMessage:
    parts = [content_to_part(block) for block in result.content]
    artifact = result.structuredContent
    if artifact is not None and not any(isinstance(p, TextPart) for p in parts):
        parts.insert(0, TextPart(text=json.dumps(artifact, sort_keys=True)))
    if result.isError and not parts:
        parts.append(TextPart(text=f"Tool {tool_name} failed without details"))
    return ChatMessage(
        role="tool",
        name=tool_name,
        toolCallId=tool_call_id,
        parts=parts,
        isError=result.isError,
        artifact=artifact,
    )


def error_message(tool_name: str, text: str, *, tool_call_id: str | None = None, code: int | None = None) -> ChatMessage:
    return ChatMessage(
        role="tool",
        name=tool_name,
        toolCallId=tool_call_id,
        parts=[TextPart(text=text)],
        isError=True,
        artifact={"code": code} if code is not None else None,
    )


def tool_to_spec(tool: types.Tool, *, prefix: str | None = None, server: str | None = None) -> ToolSpec:
    hints = tool.annotations or types.ToolAnnotations()
    schema = dict(tool.inputSchema)
    schema.setdefault("type", "object")
    schema.setdefault("properties", {})
    description = tool.description or (hints.title or tool.title or "")
    metadata: dict[str, Any] = {"idempotent": bool(hints.idempotentHint)}
    if hints.openWorldHint is not None:
        metadata["open_world"] = hints.openWorldHint
    if tool.meta:
        metadata["meta"] = dict(tool.meta)
    if tool.execution is not None and tool.execution.taskSupport == types.TASK_REQUIRED:
        metadata["requires_task"] = True
    return ToolSpec(
        name=f"{prefix}{tool.name}" if prefix else tool.name,
        description=description,
        parameters=schema,
        returns=tool.outputSchema,
        readOnly=bool(hints.readOnlyHint),
        destructive=bool(hints.destructiveHint) and not hints.readOnlyHint,
        server=server,
        metadata=metadata,
    )


def _sampling_block_to_part(block: types.SamplingMessageContentBlock) -> Part | None:
    if isinstance(block, TextContent):
        return TextPart(text=block.text)
    if isinstance(block, types.ImageContent):
        return ImagePart(data=block.data, mimeType=block.mimeType)
    if isinstance(block, types.AudioContent):
        return AudioPart(data=block.data, mimeType=block.mimeType)
    logger.debug("dropping unsupported sampling block %s", block.type)
    return None


def sampling_message_to_chat(message: SamplingMessage) -> ChatMessage:
    blocks = message.content if isinstance(message.content, list) else [message.content]
    parts = [p for p in (_sampling_block_to_part(b) for b in blocks) if p is not None]
    return ChatMessage(role=message.role, parts=parts)


def sampling_request_to_chat(params: types.CreateMessageRequestParams) -> list[ChatMessage]:
    history: list[ChatMessage] = []
    if params.systemPrompt:
        history.append(ChatMessage.system(params.systemPrompt))
    history.extend(sampling_message_to_chat(m) for m in params.messages)
    return history


def reply_to_sampling_result(reply: ModelReply) -> CreateMessageResult:
    return CreateMessageResult(
        role="assistant",
        content=TextContent(type="text", text=reply.text),
        model=reply.model,
        stopReason=_STOP_REASONS.get(reply.stop_reason, reply.stop_reason),
    )


def prompt_to_messages(result: types.GetPromptResult) -> list[ChatMessage]:
    messages: list[ChatMessage] = []
    if result.description:
        messages.append(ChatMessage.system(result.description))
    for item in result.messages:
        part = content_to_part(item.content)
        if messages and messages[-1].role == item.role:
            messages[-1].parts.append(part)
        else:
            messages.append(ChatMessage(role=item.role, parts=[part]))
    return messages


def snapshot(obj: BaseModel) -> dict[str, Any]:
    """Serialise an SDK object for traces and replay files."""
    return obj.model_dump(mode="json", exclude_none=True)
