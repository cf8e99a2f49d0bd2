"""tools/* handlers.  Tools return structured content described by outputSchema."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import PurePosixPath
from typing import Any

import anyio
from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.server import CombinationContent, StructuredContent, UnstructuredContent

from .catalog import assign, lookup
from .handlers import (
    caller_actor,
    client_log,
    confirm_with_user,
    current_context,
    current_state,
    json_block,
    load_or_error,
    report_progress,
    rpc_error,
    text_block,
)
from .resources import merged_view, publish_change
from .state import GatewayState

ToolOutput = UnstructuredContent | StructuredContent | CombinationContent | types.CallToolResult
ToolFn = Callable[[GatewayState, dict[str, Any]], Awaitable[ToolOutput]]

READ_ONLY = types.ToolAnnotations(readOnlyHint=True, idempotentHint=True, openWorldHint=False)
_STR = {"type": "string"}
_STR_LIST = {"type": "array", "items": _STR}


def _object(properties: dict[str, Any], *required: str, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required), **extra}


def _tool(
    name: str,
    description: str,
    input_schema: dict[str, Any],
    output_schema: dict[str, Any] | None = None,
    annotations: types.ToolAnnotations = READ_ONLY,
) -> types.Tool:
    return types.Tool(
        name=name,
        description=description,
        inputSchema=input_schema,
        outputSchema=output_schema,
        annotations=annotations,
        execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    )


TOOLS = [
    _tool(
        "lookup_key",
        "Read one dotted key from a config file, optionally as seen by an environment.",
        _object({"path": _STR, "key": _STR, "env": _STR}, "path", "key", additionalProperties=False),
        _object({"path": _STR, "key": _STR, "found": {"type": "boolean"}, "value": {}}, "path", "key", "found"),
    ),
    _tool(
        "write_key",
        "Set a key in a JSON config file. Subscribers of the file are notified.",
        _object({"path": _STR, "key": _STR, "value": {}}, "path", "key", "value"),
        _object({"path": _STR, "previous": {}, "notified": {"type": "integer"}}, "path", "notified"),
        types.ToolAnnotations(readOnlyHint=False, destructiveHint=True, idempotentHint=True),
    ),
    _tool(
        "reload_catalog",
        "Rescan the configuration directory and announce added or removed files.",
        _object({}),
        _object({"added": _STR_LIST, "removed": _STR_LIST, "changed": _STR_LIST}, "added", "removed", "changed"),
        types.ToolAnnotations(readOnlyHint=True, idempotentHint=False),
    ),
    _tool("describe_gateway", "Summarise what this gateway serves, with links to the top-level files.", _object({})),
]


async def lookup_key(state: GatewayState, args: dict[str, Any]) -> CombinationContent:
    path, key, env = args["path"], args["key"], args.get("env")
    data = merged_view(state, env).get(PurePosixPath(path).stem, {}) if env else load_or_error(state, path)
    found, value = lookup(data, key)
    await client_log("debug", {"tool": "lookup_key", "path": path, "key": key, "found": found})
    summary: list[types.Content] = [text_block(f"{key} = {json.dumps(value)}" if found else f"{key} is not set")]
    return summary, {"path": path, "key": key, "found": found, "value": value}


async def write_key(state: GatewayState, args: dict[str, Any]) -> types.CallToolResult:
    if not state.settings.allow_writes:
        raise rpc_error(types.INVALID_REQUEST, "This gateway is read-only")
    path, key, value = args["path"], args["key"], args["value"]
    if not path.endswith(".json"):
        return types.CallToolResult(content=[text_block(f"{path}: only JSON files can be edited")], isError=True)
    if state.is_protected(path):
        approved, reason = await confirm_with_user(f"Set {key} = {json.dumps(value)} in {path}?")
        if not approved:
            return types.CallToolResult(content=[text_block(f"Change to {path} was not confirmed")], isError=True)
        await client_log("notice", f"{path}: change approved ({reason or 'no reason given'})")
    data = load_or_error(state, path)
    previous = assign(data, key, value)
    await anyio.Path(state.catalog.resolve(path)).write_text(json.dumps(data, indent=2) + "\n")
    state.catalog.refresh()
    state.audit_trail.append((path, key, caller_actor()))
    notified = await publish_change(state, path)
    await client_log("info", f"{path}: {key} updated ({notified} subscribers notified)")
    return types.CallToolResult(
        content=[text_block(f"Set {key} in {path}")],
        structuredContent={"path": path, "previous": previous, "notified": notified},
        isError=False,
    )


async def reload_catalog(state: GatewayState, args: dict[str, Any]) -> StructuredContent:
    await report_progress(0, 3, "scanning")
    changes = state.catalog.refresh()
    await report_progress(1, 3, f"{len(state.catalog.snapshot.root)} files")
    kinds: list[types.ResourceListChangedNotification | types.PromptListChangedNotification] = []
    if changes["added"] or changes["removed"]:
        kinds.append(types.ResourceListChangedNotification())
    if any(p.startswith("prompts/") for p in changes["added"] + changes["removed"] + changes["changed"]):
        kinds.append(types.PromptListChangedNotification())
    await state.hub.list_changed(*kinds)
    await report_progress(2, 3, "notifying subscribers")
    for relpath in changes["changed"]:
        await publish_change(state, relpath)
    await report_progress(3, 3, "done")
    return changes


async def describe_gateway(state: GatewayState, args: dict[str, Any]) -> UnstructuredContent:
    params = current_context().session.client_params
    summary = {
        "files": len(state.catalog.snapshot.root),
        "environments": state.catalog.environments(),
        "watched": state.hub.watched(),
        "client": params.clientInfo.name if params else None,
    }
    links = [
        types.ResourceLink(type="resource_link", uri=AnyUrl(e.uri), name=e.relpath, mimeType=e.mime_type)
        for e in state.catalog.snapshot.sorted()
        if "/" not in e.relpath
    ]
    return [json_block(summary), *links]


HANDLERS: dict[str, ToolFn] = {
    "lookup_key": lookup_key,
    "write_key": write_key,
    "reload_catalog": reload_catalog,
    "describe_gateway": describe_gateway,
}


def register_tool_handlers(server: Server[GatewayState, Any]) -> None:
    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        if current_state().settings.allow_writes:
            return TOOLS
        return [tool for tool in TOOLS if tool.annotations and tool.annotations.readOnlyHint]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> ToolOutput:
        handler = HANDLERS.get(name)
        if handler is None:
            raise ValueError(f"Unknown tool: {name}")
        state = server.request_context.lifespan_context
        state.request_counts[name] = state.request_counts.get(name, 0) + 1
        return await handler(current_state(), arguments)
