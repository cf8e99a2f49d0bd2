"""Conversions from MCP protocol objects to toolkit specs."""

from __future__ import annotations

import base64
import json
from typing import Any, cast

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    EmbeddedResource,
    GetPromptResult,
    ImageContent,
    Prompt,
    PromptMessage,
    ResourceLink,
    TextContent,
    TextResourceContents,
    Tool,
)

from .specs import ArgSpec, ArgType, ChatTurn, ToolOutput

_JSON_TYPES: dict[str, ArgType] = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "array": "array",
    "object": "object",
}


def _arg_type(prop: dict[str, Any]) -> ArgType:
    raw = prop.get("type")
    if isinstance(raw, list):
        # ["string", "null"] -> string
        non_null = [t for t in cast(list[str], raw) if t != "null"]
        raw = non_null[0] if non_null else None
    if raw is None and "anyOf" in prop:
        for option in prop["anyOf"]:
            if option.get("type") not in (None, "null"):
                raw = option["type"]
                break
    return _JSON_TYPES.get(str(raw), "any")


def args_from_tool(tool: Tool) -> list[ArgSpec]:
    schema = tool.inputSchema or {}
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    out: list[ArgSpec] = []
    for name, prop in props.items():
        out.append(
            ArgSpec(
                name=name,
                type=_arg_type(prop),
                description=prop.get("description", prop.get("title", "")),
                required=name in required,
                default=prop.get("default"),
                enum=prop.get("enum"),
            )
        )
    return out


def output_fields(tool: Tool) -> list[str]:
    if tool.outputSchema is None:
        return []
    return sorted(tool.outputSchema.get("properties", {}).keys())


def is_read_only(tool: Tool) -> bool:
    ann = tool.annotations
    if ann is None:
        return False
    if ann.readOnlyHint:
        return True
    # destructive=False + idempotent=True is treated as safe to auto-run
    return ann.destructiveHint is False and bool(ann.idempotentHint)


def display_name(tool: Tool) -> str:
    if tool.title:
        return tool.title
    if tool.annotations is not None and tool.annotations.title:
        return tool.annotations.title
    return tool.name.replace("_", " ").title()


def _resource_artifact(block: EmbeddedResource) -> dict[str, Any]:
    res = block.resource
    art: dict[str, Any] = {"kind": "resource", "uri": str(res.uri), "mime": res.mimeType}
    if isinstance(res, TextResourceContents):
        art["text"] = res.text
    elif isinstance(res, BlobResourceContents):
        art["bytes"] = len(base64.b64decode(res.blob))
    return art


def tool_output(result: CallToolResult) -> ToolOutput:
    texts: list[str] = []
    artifacts: list[dict[str, Any]] = []
    for block in result.content:
        if isinstance(block, TextContent):
            texts.append(block.text)
        elif isinstance(block, ImageContent):
            artifacts.append({"kind": "image", "mime": block.mimeType, "b64": block.data})
        elif isinstance(block, AudioContent):
            artifacts.append({"kind": "audio", "mime": block.mimeType, "b64": block.data})
        elif isinstance(block, ResourceLink):
            artifacts.append({"kind": "link", "uri": str(block.uri), "name": block.name, "mime": block.mimeType})
            texts.append(f"[{block.name}]({block.uri})")
        elif isinstance(block, EmbeddedResource):
            artifacts.append(_resource_artifact(block))
    data = result.structuredContent
    if not texts and data is not None:
        texts.append(json.dumps(data, sort_keys=True))
    return ToolOutput(text="\n".join(texts), artifacts=artifacts, data=data, failed=result.isError)


def _turn_from_message(msg: PromptMessage) -> ChatTurn:
    role = "human" if msg.role == "user" else "ai"
    content = msg.content
    if isinstance(content, TextContent):
        return ChatTurn(role=role, text=content.text)
    if isinstance(content, ImageContent):
        return ChatTurn(role=role, text="", attachments=[{"type": "image", "mime": content.mimeType, "data": content.data}])
    if isinstance(content, EmbeddedResource):
        art = _resource_artifact(content)
        return ChatTurn(role=role, text=str(art.get("text", "")), attachments=[art])
    if isinstance(content, ResourceLink):
        return ChatTurn(role=role, text=f"See {content.uri}")
    return ChatTurn(role=role, text="", attachments=[{"type": "audio", "mime": content.mimeType}])


def turns_from_prompt(result: GetPromptResult) -> list[ChatTurn]:
    turns: list[ChatTurn] = []
    if result.description:
        turns.append(ChatTurn(role="system", text=result.description))
    turns.extend(_turn_from_message(m) for m in result.messages)
    return turns


def prompt_variables(prompt: Prompt) -> tuple[list[str], list[str]]:
    names: list[str] = []
    required: list[str] = []
    for arg in prompt.arguments or []:
        names.append(arg.name)
        if arg.required:
            required.append(arg.name)
    return names, required
