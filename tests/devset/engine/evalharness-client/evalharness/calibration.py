"""Reference server with known answers; a failing calibration run means the harness is broken, not the target."""

from __future__ import annotations

import statistics
from typing import Any

from pydantic import AnyUrl

import mcp.types as types
from mcp.server.lowlevel import Server
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext

from evalharness.cases import CaseSuite, case

FIXTURES = {"baseline": "The quick brown fox jumps over the lazy dog.", "unicode": "naïve café – 東京"}


def _tool(name: str, properties: dict[str, Any], *required: str, **extra: Any) -> types.Tool:
    schema: dict[str, Any] = {"type": "object", "properties": properties, "required": list(required)}
    return types.Tool(name=name, description=f"calibration tool {name}", inputSchema=schema, **extra)


TOOLS = [
    _tool("echo", {"text": {"type": "string"}}, "text", annotations=types.ToolAnnotations(readOnlyHint=True)),
    _tool(
        "stats",
        {"values": {"type": "array", "items": {"type": "number"}}},
        "values",
        outputSchema={
            "type": "object",
            "properties": {"count": {"type": "integer"}, "mean": {"type": "number"}, "max": {"type": "number"}},
            "required": ["count", "mean", "max"],
        },
    ),
    _tool("countdown", {"n": {"type": "integer", "minimum": 1}}, "n"),
    _tool("unlock", {}, annotations=types.ToolAnnotations(destructiveHint=False)),
]
SECRET = _tool("secret", {})


def build_calibration_server(*, page_size: int = 3) -> Server[dict[str, Any], Any]:
    server = Server("evalharness-calibration", "0.3.0")
    state: dict[str, Any] = {"unlocked": False, "log_level": "info"}

    @server.set_logging_level()
    async def set_logging_level(level: types.LoggingLevel) -> None:
        state["log_level"] = level

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        params = request.params if request is not None else None
        start = int(params.cursor) if params is not None and params.cursor else 0
        tools = TOOLS + ([SECRET] if state["unlocked"] else [])
        next_cursor: types.Cursor | None = str(start + page_size) if start + page_size < len(tools) else None
        return types.ListToolsResult(tools=tools[start : start + page_size], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.ContentBlock] | dict[str, Any]:
        ctx = server.request_context
        if name == "echo":
            return [types.TextContent(type="text", text=str(arguments["text"]))]
        if name == "stats":
            values = [float(v) for v in arguments["values"]]
            if not values:
                raise ValueError("values must not be empty")
            return {"count": len(values), "mean": statistics.fmean(values), "max": max(values)}
        if name == "countdown":
            if ctx.meta is None or ctx.meta.progressToken is None:
                raise ValueError("countdown needs a progress token")
            reporter = ProgressContext(ctx.session, ctx.meta.progressToken, total=float(arguments["n"]))
            for remaining in range(int(arguments["n"]), 0, -1):
                if state["log_level"] == "debug":
                    await ctx.session.send_log_message(
                        "debug", {"remaining": remaining}, logger="calibration", related_request_id=ctx.request_id
                    )
                await reporter.progress(1, message=f"{remaining} left")
            return [types.TextContent(type="text", text="liftoff")]
        if name == "unlock":
            state["unlocked"] = True
            await ctx.session.send_notification(
                types.ServerNotification(types.ToolListChangedNotification(method="notifications/tools/list_changed"))
            )
            await ctx.session.send_resource_updated(AnyUrl("fixture://baseline"))
            return [types.TextContent(type="text", text="unlocked")]
        if name == "secret" and state["unlocked"]:
            return [types.TextContent(type="text", text="42")]
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"no such tool: {name}"))

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [types.Resource(uri=AnyUrl(f"fixture://{k}"), name=k, mimeType="text/plain") for k in FIXTURES]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> str:
        if uri.scheme != "fixture" or uri.host not in FIXTURES:
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"unknown fixture {uri}"))
        return FIXTURES[uri.host]

    return server


CALIBRATION_SUITE = CaseSuite.model_validate(
    [
        case("echo", "echo", {"text": "hi"}, containsText=["hi"]),
        case("stats", "stats", {"values": [1, 2, 3, 6]}, structuredContent={"count": 4, "mean": 3.0, "max": 6.0}),
        case("stats-empty", "stats", {"values": []}, isError=True, containsText=["must not be empty"]),
        {**case("countdown", "countdown", {"n": 3}, minProgressEvents=3), "trackProgress": True},
        {**case("bad-input", "echo", {"text": 5}, isError=True, containsText=["validation"]), "tags": ["validation"]},
    ]
)
