"""The MCP surface of kvstore, written against the lowlevel ``Server``.

Everything protocol-facing lives in this module: tool, resource, prompt and
completion handlers, subscriptions, log-level filtering and the stdio entry.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.lowlevel.server import request_ctx
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.server.stdio import stdio_server
from mcp.shared.exceptions import McpError
from mcp.shared.session import RequestResponder
from pydantic import AnyUrl

from kvstore.store import Entry, KVStore

logger = logging.getLogger("kvstore")

SERVER_VERSION = "0.4.1"
PAGE_SIZE = 2
MAX_TTL = 86_400
LEVELS: list[types.LoggingLevel] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"]
ENTRY_TEMPLATE = "kv://{namespace}/{key}"

ToolOutput = (
    Iterable[types.ContentBlock]
    | dict[str, Any]
    | tuple[Iterable[types.ContentBlock], dict[str, Any]]
    | types.CallToolResult
)

# Progress that *clients* report to us (e.g. while streaming an import), by progress token.
CLIENT_UPLOADS: dict[str | int, tuple[float, float | None, str | None]] = {}


@dataclass
class KVState:
    store: KVStore
    log_level: types.LoggingLevel = "info"
    subscribers: dict[str, set[ServerSession]] = field(default_factory=dict)


@asynccontextmanager
async def kv_lifespan(_: Server[KVState, Any]) -> AsyncIterator[KVState]:
    state = KVState(store=KVStore.seeded())
    logger.info("kvstore ready with %d keys", state.store.size())
    yield state


class MeteredServer(Server[KVState, Any]):
    """A Server that counts and times every request it dispatches."""

    def __init__(self, name: str, version: str, **kwargs: Any) -> None:
        super().__init__(name, version, **kwargs)
        self.request_counts: Counter[str] = Counter()
        self.slowest_ms: dict[str, float] = {}

    async def _handle_request(
        self,
        message: RequestResponder[types.ClientRequest, types.ServerResult],
        req: types.ClientRequestType,
        session: ServerSession,
        lifespan_context: KVState,
        raise_exceptions: bool,
    ) -> None:
        started = time.perf_counter()
        try:
            await super()._handle_request(message, req, session, lifespan_context, raise_exceptions)
        finally:
            elapsed = (time.perf_counter() - started) * 1000
            self.request_counts[req.method] += 1
            self.slowest_ms[req.method] = max(elapsed, self.slowest_ms.get(req.method, 0.0))


server = MeteredServer(
    "kvstore",
    SERVER_VERSION,
    instructions="Namespaced key-value store. Resource URIs look like kv://<namespace>/<key>.",
    lifespan=kv_lifespan,
)


def state() -> KVState:
    return server.request_context.lifespan_context


def entry_uri(namespace: str, key: str = "") -> AnyUrl:
    return AnyUrl(f"kv://{namespace}/{key}")


async def emit(level: types.LoggingLevel, message: str, **data: Any) -> None:
    """Log to the connected client, honouring the level it asked for."""
    if LEVELS.index(level) < LEVELS.index(state().log_level):
        return
    ctx = request_ctx.get()
    await ctx.session.send_log_message(
        level=level, data={"msg": message, **data}, logger="kvstore", related_request_id=ctx.request_id
    )


async def notify_updated(namespace: str, key: str) -> None:
    uri = entry_uri(namespace, key)
    watchers = state().subscribers.get(str(uri), set())
    for session in list(watchers):
        try:
            await session.send_resource_updated(uri)
        except (anyio.ClosedResourceError, anyio.BrokenResourceError):
            watchers.discard(session)


# --------------------------------------------------------------------------- tools

STRING = {"type": "string"}

TOOLS = [
    types.Tool(
        name="get",
        description="Read one value.",
        inputSchema={"type": "object", "properties": {"namespace": STRING, "key": STRING}, "required": ["namespace", "key"]},
        annotations=types.ToolAnnotations(readOnlyHint=True, openWorldHint=False),
    ),
    types.Tool(
        name="set",
        description="Write a value; base64 encoding stores bytes.",
        inputSchema={
            "type": "object",
            "properties": {
                "namespace": STRING,
                "key": STRING,
                "value": STRING,
                "encoding": {"type": "string", "enum": ["utf-8", "base64"], "default": "utf-8"},
                "ttl_seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_TTL},
            },
            "required": ["namespace", "key", "value"],
        },
        outputSchema={
            "type": "object",
            "properties": {"uri": STRING, "version": {"type": "integer"}, "expires_at": {"type": ["number", "null"]}},
            "required": ["uri", "version"],
        },
        annotations=types.ToolAnnotations(idempotentHint=True, destructiveHint=False),
    ),
    types.Tool(
        name="delete",
        description="Delete one key.",
        inputSchema={"type": "object", "properties": {"namespace": STRING, "key": STRING}, "required": ["namespace", "key"]},
        annotations=types.ToolAnnotations(destructiveHint=True),
    ),
    types.Tool(
        name="incr",
        description="Atomically add to an integer value.",
        inputSchema={
            "type": "object",
            "properties": {"namespace": STRING, "key": STRING, "by": {"type": "integer", "default": 1}},
            "required": ["namespace", "key"],
        },
    ),
    types.Tool(
        name="scan",
        description="List keys in a namespace by prefix.",
        inputSchema={
            "type": "object",
            "properties": {"namespace": STRING, "prefix": STRING, "limit": {"type": "integer", "minimum": 1}},
            "required": ["namespace"],
        },
        outputSchema={
            "type": "object",
            "properties": {"keys": {"type": "array", "items": STRING}, "truncated": {"type": "boolean"}},
            "required": ["keys", "truncated"],
        },
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="bulk_load",
        description="Load many string values at once.",
        inputSchema={
            "type": "object",
            "properties": {"namespace": STRING, "items": {"type": "object", "additionalProperties": STRING}},
            "required": ["namespace", "items"],
        },
        execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    ),
    types.Tool(
        name="drop_namespace",
        description="Delete a whole namespace (asks for confirmation).",
        inputSchema={"type": "object", "properties": {"namespace": STRING}, "required": ["namespace"]},
        annotations=types.ToolAnnotations(destructiveHint=True, idempotentHint=True),
    ),
    types.Tool(
        name="import_status",
        description="Progress a client reported for an upload token.",
        inputSchema={"type": "object", "properties": {"token": STRING}, "required": ["token"]},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
    types.Tool(
        name="stats",
        description="Store statistics and server handler inventory.",
        inputSchema={"type": "object", "properties": {}},
        annotations=types.ToolAnnotations(readOnlyHint=True),
    ),
]


async def tool_get(args: dict[str, Any]) -> ToolOutput:
    entry = state().store.get(args["namespace"], args["key"])
    if entry is None:
        raise KeyError(f"{args['namespace']}/{args['key']} not found")
    if isinstance(entry.value, bytes):
        return [
            types.EmbeddedResource(
                type="resource",
                resource=types.BlobResourceContents(
                    uri=entry_uri(args["namespace"], args["key"]),
                    blob=base64.b64encode(entry.value).decode(),
                    mimeType="application/octet-stream",
                ),
            )
        ]
    return [types.TextContent(type="text", text=entry.value)]


async def tool_set(args: dict[str, Any]) -> ToolOutput:
    st = state()
    namespace, key = args["namespace"], args["key"]
    value: str | bytes = args["value"]
    if args.get("encoding") == "base64":
        value = base64.b64decode(args["value"])
    is_new_namespace = not st.store.has_namespace(namespace)
    entry = st.store.set(namespace, key, value, ttl=args.get("ttl_seconds"))
    await emit("debug", "set", namespace=namespace, key=key, version=entry.version)
    await notify_updated(namespace, key)
    if is_new_namespace:
        await server.request_context.session.send_notification(
            types.ServerNotification(types.ResourceListChangedNotification())
        )
    return {"uri": str(entry_uri(namespace, key)), "version": entry.version, "expires_at": entry.expires_at}


async def tool_delete(args: dict[str, Any]) -> ToolOutput:
    removed = state().store.delete(args["namespace"], args["key"])
    await notify_updated(args["namespace"], args["key"])
    text = types.TextContent(type="text", text=f"deleted {args['namespace']}/{args['key']}")
    return [text], {"deleted_version": removed.version}


async def tool_incr(args: dict[str, Any]) -> ToolOutput:
    value = state().store.incr(args["namespace"], args["key"], int(args.get("by", 1)))
    await notify_updated(args["namespace"], args["key"])
    return {"value": value}


async def tool_scan(args: dict[str, Any]) -> ToolOutput:
    limit = int(args.get("limit", 50))
    keys = [k for k, _ in state().store.scan(args["namespace"], args.get("prefix", ""))]
    return {"keys": keys[:limit], "truncated": len(keys) > limit}


async def tool_bulk_load(args: dict[str, Any]) -> ToolOutput:
    ctx = server.request_context
    items: dict[str, str] = args["items"]
    token = ctx.meta.progressToken if ctx.meta else None
    await emit("info", f"loading {len(items)} items", namespace=args["namespace"])
    for done, (key, value) in enumerate(sorted(items.items()), start=1):
        state().store.set(args["namespace"], key, value)
        if token is not None:
            await ctx.session.send_progress_notification(token, done, total=len(items), message=key)
    if len(items) > 3:
        await emit("warning", "large bulk load; consider smaller batches", count=len(items))
    return [types.TextContent(type="text", text=f"loaded {len(items)} items into {args['namespace']}")]


async def tool_drop_namespace(args: dict[str, Any]) -> ToolOutput:
    ctx = server.request_context
    namespace = args["namespace"]
    if not state().store.has_namespace(namespace):
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown namespace {namespace!r}"))
    answer = await ctx.session.elicit_form(
        message=f"Drop namespace {namespace!r} and all of its keys?",
        requestedSchema={
            "type": "object",
            "properties": {"confirm": {"type": "boolean", "description": f"Type yes to drop {namespace}"}},
            "required": ["confirm"],
        },
        related_request_id=ctx.request_id,
    )
    if answer.action != "accept" or not (answer.content or {}).get("confirm"):
        return [types.TextContent(type="text", text=f"kept {namespace}")]
    count = state().store.drop(namespace)
    await ctx.session.send_resource_list_changed()
    return [types.TextContent(type="text", text=f"dropped {namespace} ({count} keys)")]


async def tool_import_status(args: dict[str, Any]) -> ToolOutput:
    progress = CLIENT_UPLOADS.get(args["token"])
    if progress is None:
        return types.CallToolResult(content=[types.TextContent(type="text", text="no such upload")], isError=True)
    done, total, message = progress
    return types.CallToolResult(
        content=[types.TextContent(type="text", text=f"{done:g}/{total or '?'} {message or ''}".strip())],
        structuredContent={"done": done, "total": total, "message": message},
    )


async def tool_stats(args: dict[str, Any]) -> ToolOutput:
    st = state()
    handlers = sorted(t.__name__ for t in server.request_handlers)
    return {
        "keys": st.store.size(),
        "namespaces": st.store.namespaces(),
        "log_level": st.log_level,
        "subscriptions": sorted(uri for uri, sessions in st.subscribers.items() if sessions),
        "handlers": handlers,
        "supports_subscribe": types.SubscribeRequest in server.request_handlers,
        "requests": dict(server.request_counts),
    }


DISPATCH: dict[str, Callable[[dict[str, Any]], Awaitable[ToolOutput]]] = {
    "get": tool_get,
    "set": tool_set,
    "delete": tool_delete,
    "incr": tool_incr,
    "scan": tool_scan,
    "bulk_load": tool_bulk_load,
    "drop_namespace": tool_drop_namespace,
    "import_status": tool_import_status,
    "stats": tool_stats,
}


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return TOOLS


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> ToolOutput:
    handler = DISPATCH.get(name)
    if handler is None:
        raise ValueError(f"Unknown tool: {name}")
    return await handler(arguments)


# --------------------------------------------------------------------------- resources


@server.list_resources()
async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
    namespaces = state().store.namespaces()
    cursor = request.params.cursor if request.params else None
    start = namespaces.index(cursor) + 1 if cursor in namespaces else 0
    page = namespaces[start : start + PAGE_SIZE]
    resources = [
        types.Resource(
            uri=entry_uri(ns),
            name=ns,
            description=f"Index of namespace {ns}",
            mimeType="application/json",
        )
        for ns in page
    ]
    more = start + PAGE_SIZE < len(namespaces)
    return types.ListResourcesResult(resources=resources, nextCursor=page[-1] if more else None)


@server.list_resource_templates()
async def list_resource_templates() -> list[types.ResourceTemplate]:
    return [
        types.ResourceTemplate(
            name="entry",
            title="A single stored value",
            uriTemplate=ENTRY_TEMPLATE,
            mimeType="text/plain",
        )
    ]


def _contents(entry: Entry) -> ReadResourceContents:
    if isinstance(entry.value, bytes):
        return ReadResourceContents(content=entry.value, mime_type="application/octet-stream")
    return ReadResourceContents(content=entry.value, mime_type="text/plain")


@server.read_resource()
async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
    if uri.scheme != "kv" or not uri.host:
        raise ValueError(f"unsupported resource URI {uri}")
    namespace, key = uri.host, (uri.path or "/").lstrip("/")
    store = state().store
    if not key:
        index = {k: {"version": e.version, "binary": e.is_binary} for k, e in store.scan(namespace)}
        return [ReadResourceContents(content=json.dumps(index, sort_keys=True), mime_type="application/json")]
    entry = store.get(namespace, key)
    if entry is None:
        raise McpError(
            types.ErrorData(code=types.INVALID_PARAMS, message=f"no entry at {uri}", data={"uri": str(uri)})
        )
    return [_contents(entry)]


@server.subscribe_resource()
async def subscribe(uri: AnyUrl) -> None:
    state().subscribers.setdefault(str(uri), set()).add(server.request_context.session)


@server.unsubscribe_resource()
async def unsubscribe(uri: AnyUrl) -> None:
    state().subscribers.get(str(uri), set()).discard(server.request_context.session)


# --------------------------------------------------------------------------- prompts & completion


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return [
        types.Prompt(
            name="explain_key",
            title="Explain a stored value",
            arguments=[
                types.PromptArgument(name="namespace", required=True),
                types.PromptArgument(name="key", required=True),
            ],
        ),
        types.Prompt(
            name="namespace_report",
            description="Summarise what a namespace contains",
            arguments=[types.PromptArgument(name="namespace", required=True)],
        ),
    ]


@server.get_prompt()
async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    args = arguments or {}
    store = state().store
    if name == "explain_key":
        entry = store.get(args["namespace"], args["key"])
        if entry is None or isinstance(entry.value, bytes):
            raise ValueError(f"{args['namespace']}/{args['key']} is missing or binary")
        return types.GetPromptResult(
            description=f"Explain {args['namespace']}/{args['key']}",
            messages=[
                types.PromptMessage(
                    role="user", content=types.TextContent(type="text", text="Explain what this value configures:")
                ),
                types.PromptMessage(
                    role="user",
                    content=types.EmbeddedResource(
                        type="resource",
                        resource=types.TextResourceContents(
                            uri=entry_uri(args["namespace"], args["key"]), text=entry.value, mimeType="text/plain"
                        ),
                    ),
                ),
            ],
        )
    if name == "namespace_report":
        keys = [k for k, _ in store.scan(args["namespace"])]
        text = f"Namespace {args['namespace']} has {len(keys)} keys: {', '.join(keys)}. Summarise its purpose."
        return types.GetPromptResult(
            messages=[types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))]
        )
    raise ValueError(f"Unknown prompt: {name}")


@server.completion()
async def complete(
    ref: types.PromptReference | types.ResourceTemplateReference,
    argument: types.CompletionArgument,
    context: types.CompletionContext | None,
) -> types.Completion | None:
    if isinstance(ref, types.ResourceTemplateReference) and ref.uri != ENTRY_TEMPLATE:
        return None
    store = state().store
    known = (context.arguments or {}) if context else {}
    if argument.name == "namespace":
        values = [ns for ns in store.namespaces() if ns.startswith(argument.value)]
    elif argument.name == "key" and "namespace" in known:
        values = [k for k, _ in store.scan(known["namespace"], argument.value)]
    else:
        return None
    return types.Completion(values=values[:20], total=len(values), hasMore=len(values) > 20)


# --------------------------------------------------------------------------- logging & client progress


@server.set_logging_level()
async def set_logging_level(level: types.LoggingLevel) -> None:
    state().log_level = level
    await emit("notice", f"log level set to {level}")


@server.progress_notification()
async def on_client_progress(progress_token: str | int, progress: float, total: float | None, message: str | None) -> None:
    CLIENT_UPLOADS[progress_token] = (progress, total, message)


# --------------------------------------------------------------------------- serving


def initialization_options() -> InitializationOptions:
    capabilities = server.get_capabilities(
        NotificationOptions(resources_changed=True),
        {"kvstore/ttl": {"maxSeconds": MAX_TTL}, "kvstore/binary": {"encoding": "base64"}},
    )
    if capabilities.resources is not None:
        # The lowlevel server always advertises subscribe=False; we do support it.
        capabilities.resources.subscribe = True
    return InitializationOptions(
        server_name="kvstore",
        server_version=SERVER_VERSION,
        capabilities=capabilities,
        instructions=server.instructions,
    )


async def serve(*, stateless: bool = False) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, initialization_options(), stateless=stateless)
