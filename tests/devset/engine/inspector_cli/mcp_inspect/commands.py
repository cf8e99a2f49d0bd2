"""Inspector sub-commands. Each returns a JSON-serialisable object."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import AnyUrl, BaseModel

from mcp import ClientSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    METHOD_NOT_FOUND,
    BlobResourceContents,
    Cursor,
    InitializeResult,
    LoggingLevel,
    PromptReference,
    ResourceReference,
    ResourceTemplateReference,
    TextResourceContents,
)


def dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude_none=True)


def describe_server(init: InitializeResult, session_id: str | None) -> dict[str, Any]:
    caps = init.capabilities
    return {
        "server": dump(init.serverInfo),
        "protocolVersion": init.protocolVersion,
        "instructions": init.instructions,
        "sessionId": session_id,
        "capabilities": dump(caps),
        "features": {
            "tools": caps.tools is not None,
            "toolsListChanged": bool(caps.tools and caps.tools.listChanged),
            "resources": caps.resources is not None,
            "resourceSubscribe": bool(caps.resources and caps.resources.subscribe),
            "prompts": caps.prompts is not None,
            "logging": caps.logging is not None,
            "completions": caps.completions is not None,
        },
    }


async def _paginate(
    fetch: Callable[[Cursor | None], Awaitable[Any]], items_attr: str, max_pages: int = 50
) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor: Cursor | None = None
    for _ in range(max_pages):
        page = await fetch(cursor)
        items.extend(dump(item) for item in getattr(page, items_attr))
        cursor = page.nextCursor
        if not cursor:
            break
    return items


async def list_everything(session: ClientSession) -> dict[str, list[dict[str, Any]]]:
    caps = session.get_server_capabilities()
    out: dict[str, list[dict[str, Any]]] = {}
    if caps is None or caps.tools:
        out["tools"] = await _paginate(lambda c: session.list_tools(cursor=c), "tools")
    if caps is None or caps.resources:
        out["resources"] = await _paginate(lambda c: session.list_resources(cursor=c), "resources")
        out["resourceTemplates"] = await _paginate(
            lambda c: session.list_resource_templates(cursor=c), "resourceTemplates"
        )
    if caps is None or caps.prompts:
        out["prompts"] = await _paginate(lambda c: session.list_prompts(cursor=c), "prompts")
    return out


async def call_tool(session: ClientSession, name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    try:
        result = await session.call_tool(name, arguments)
    except McpError as exc:
        return {"error": {"code": exc.error.code, "message": exc.error.message, "data": exc.error.data}}
    out = dump(result)
    out["ok"] = not result.isError
    if result.structuredContent is not None:
        out["structured"] = result.structuredContent
    return out


async def read_resource(session: ClientSession, uri: str, save_binary: bool = False) -> list[dict[str, Any]]:
    result = await session.read_resource(AnyUrl(uri))
    rendered: list[dict[str, Any]] = []
    for item in result.contents:
        entry: dict[str, Any] = {"uri": str(item.uri), "mimeType": item.mimeType}
        if isinstance(item, TextResourceContents):
            entry["text"] = item.text
        elif isinstance(item, BlobResourceContents):
            raw = base64.b64decode(item.blob)
            entry["bytes"] = len(raw)
            entry["sha256"] = hashlib.sha256(raw).hexdigest()
            if save_binary:
                filename = (item.uri.path or "resource").rsplit("/", 1)[-1] or "resource.bin"
                with open(filename, "wb") as fh:
                    fh.write(raw)
                entry["savedTo"] = filename
        rendered.append(entry)
    return rendered


async def get_prompt(session: ClientSession, name: str, arguments: dict[str, str]) -> dict[str, Any]:
    result = await session.get_prompt(name, arguments)
    return {
        "description": result.description,
        "messages": [{"role": m.role, "content": dump(m.content)} for m in result.messages],
    }


async def complete(
    session: ClientSession, ref: str, argument: str, value: str, context: dict[str, str] | None = None
) -> dict[str, Any]:
    kind, _, target = ref.partition(":")
    reference: PromptReference | ResourceTemplateReference
    if kind == "prompt":
        reference = PromptReference(type="ref/prompt", name=target)
    elif kind == "resource-legacy":
        reference = ResourceReference(type="ref/resource", uri=target)
    else:
        reference = ResourceTemplateReference(type="ref/resource", uri=target)
    result = await session.complete(reference, {"name": argument, "value": value}, context_arguments=context)
    completion = result.completion
    return {"values": completion.values, "total": completion.total, "hasMore": completion.hasMore}


async def set_level(session: ClientSession, level: LoggingLevel) -> dict[str, Any]:
    try:
        await session.set_logging_level(level)
    except McpError as exc:
        if exc.error.code == METHOD_NOT_FOUND:
            return {"level": None, "error": "server does not support logging/setLevel"}
        raise
    return {"level": level}


async def subscribe(session: ClientSession, uri: str, unsubscribe: bool = False) -> dict[str, Any]:
    if unsubscribe:
        await session.unsubscribe_resource(AnyUrl(uri))
    else:
        await session.subscribe_resource(AnyUrl(uri))
    return {"uri": uri, "subscribed": not unsubscribe}
