"""Two small lowlevel servers the tests put behind the bridge."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import AnyUrl

from mcp import types
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.models import InitializationOptions

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(16))
STATIONS = {"oslo": (4.5, "sleet"), "bergen": (9.0, "rain"), "tromso": (-3.0, "snow")}


def tool(name: str, required: tuple[str, ...] = (), **extra: Any) -> types.Tool:
    properties = {field: {"type": "string"} for field in required}
    schema = {"type": "object", "properties": properties, "required": list(required)}
    return types.Tool(name=name, inputSchema=schema, **extra)


def init_options(server: Server) -> InitializationOptions:
    """Like ``create_initialization_options`` but honest about subscriptions."""
    options = server.create_initialization_options()
    if options.capabilities.resources is not None and types.SubscribeRequest in server.request_handlers:
        options.capabilities.resources.subscribe = True
    return options


def build_weather() -> Server:
    server = Server("weather", "2.1.0")
    subscribed: set[str] = set()
    forecast_output = {
        "type": "object",
        "properties": {"city": {"type": "string"}, "tempC": {"type": "number"}, "conditions": {"type": "string"}},
        "required": ["city", "tempC", "conditions"],
    }

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        return [
            tool("forecast", ("city",), outputSchema=forecast_output, annotations=types.ToolAnnotations(readOnlyHint=True)),
            tool("slow_count"),
            tool("touch_station", ("station",)),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        ctx = server.request_context
        if name == "forecast":
            temp, conditions = STATIONS.get(arguments["city"].lower(), (0.0, "unknown"))
            return {"city": arguments["city"], "tempC": temp, "conditions": conditions}
        if name == "slow_count":
            token = ctx.meta.progressToken if ctx.meta else None
            await ctx.session.send_log_message(level="debug", data="counting quietly", logger="weather")
            await ctx.session.send_log_message(level="warning", data="counting to 3", logger="weather")
            for step in (1, 2, 3):
                if token is not None:
                    await ctx.session.send_progress_notification(token, step, 3, f"step {step}")
            return [types.TextContent(type="text", text="counted to 3")]
        uri = AnyUrl(f"weather://stations/{arguments['station']}")
        if str(uri) in subscribed:
            await ctx.session.send_resource_updated(uri)
        return [types.ResourceLink(type="resource_link", name="station", uri=uri)]

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        return [
            types.Resource(uri=AnyUrl("weather://stations/oslo"), name="oslo", mimeType="text/plain"),
            types.Resource(uri=AnyUrl("weather://radar/latest.png"), name="radar", mimeType="image/png"),
        ]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.host == "radar":
            return [ReadResourceContents(content=PNG_BYTES, mime_type="image/png")]
        station = (uri.path or "").strip("/")
        temp, conditions = STATIONS[station]
        return [ReadResourceContents(content=f"{station}: {temp}C {conditions}", mime_type="text/plain")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        subscribed.add(str(uri))

    @server.list_prompts()
    async def list_prompts() -> list[types.Prompt]:
        city = types.PromptArgument(name="city", required=True)
        return [types.Prompt(name="briefing", description="Morning weather briefing", arguments=[city])]

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        text = f"Write a short weather briefing for {(arguments or {}).get('city', 'somewhere')}."
        message = types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))
        return types.GetPromptResult(description="Morning weather briefing", messages=[message])

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        names = sorted(s.title() if argument.name == "city" else s for s in STATIONS)
        values = [n for n in names if n.lower().startswith(argument.value.lower())]
        return types.Completion(values=values, total=len(values), hasMore=False)

    return server


def build_notes() -> Server:
    server = Server("notes", "0.9.0")
    notes: list[str] = ["buy milk"]
    tools = [tool("add_note", ("text",)), tool("summarize"), tool("explode"), tool("grow")]

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        start = int(request.params.cursor) if request.params and request.params.cursor else 0
        next_cursor = str(start + 2) if start + 2 < len(tools) else None
        return types.ListToolsResult(tools=tools[start : start + 2], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> Any:
        ctx = server.request_context
        if name == "add_note":
            notes.append(arguments["text"])
            return {"count": len(notes)}
        if name == "summarize":
            prompt = types.TextContent(type="text", text="Summarize: " + "; ".join(notes))
            result = await ctx.session.create_message(
                messages=[types.SamplingMessage(role="user", content=prompt)],
                max_tokens=64,
                system_prompt="You are terse.",
                related_request_id=ctx.request_id,
            )
            text = result.content.text if isinstance(result.content, types.TextContent) else "?"
            return [types.TextContent(type="text", text=f"{result.model}: {text} ({result.stopReason})")]
        if name == "grow":
            tools.append(tool(f"extra_{len(tools)}"))
            await ctx.session.send_tool_list_changed()
            return [types.TextContent(type="text", text="grown")]
        raise RuntimeError("notes backend is on fire")

    return server
