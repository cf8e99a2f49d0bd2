"""Servers used by the kit's own test-suite."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel, Field
from starlette.requests import Request
from starlette.responses import JSONResponse

import mcp.types as types
from mcp.server.fastmcp import Context, FastMCP, Image
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage
from mcp.server.lowlevel import Server
from mcp.server.lowlevel.helper_types import ReadResourceContents
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError

PIXEL_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
NOTES = {"welcome": "# Welcome\nThis server keeps short notes.", "todo": "- write tests\n- ship it"}


class Forecast(BaseModel):
    city: str
    highs: list[int]


class Confirmation(BaseModel):
    confirm: bool = Field(description="Really delete the note?")
    reason: str = Field(default="", description="Optional reason")


def build_notes_app(name: str = "kit-notes", *, port: int = 8765) -> FastMCP:
    app = FastMCP(
        name,
        "Keeps short notes. Use list_notes before reading one.",
        host="127.0.0.1",
        port=port,
        json_response=True,
        stateless_http=True,
    )

    @app.tool(title="Add numbers", annotations=types.ToolAnnotations(readOnlyHint=True, idempotentHint=True))
    def add(a: int, b: int) -> int:
        return a + b

    @app.tool()
    def forecast(city: str, days: int = 3) -> Forecast:
        return Forecast(city=city, highs=[20 + i for i in range(days)])

    @app.tool()
    async def count_to(steps: int, ctx: Context[ServerSession, None]) -> str:
        await ctx.info(f"counting to {steps}")
        for step in range(1, steps + 1):
            await ctx.report_progress(step, steps, message=f"step {step}")
            await ctx.log(level="debug", message=f"tick {step}", logger_name="counter")
        return f"counted to {steps}"

    @app.tool()
    def fail(reason: str) -> str:
        raise ToolError(reason)

    @app.tool()
    def reject(field: str) -> str:
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"bad field: {field}"))

    @app.tool()
    async def delete_note(note: str, ctx: Context[ServerSession, None]) -> str:
        answer = await ctx.elicit(f"Delete note {note!r}?", schema=Confirmation)
        if answer.action == "accept" and answer.data.confirm:
            return f"deleted {note} ({answer.data.reason or 'no reason'})"
        return f"kept {note} ({answer.action})"

    @app.tool()
    async def summarize(note: str, ctx: Context[ServerSession, None]) -> dict[str, Any]:
        prompt = types.SamplingMessage(role="user", content=types.TextContent(type="text", text=NOTES[note]))
        result = await ctx.session.create_message([prompt], max_tokens=48, system_prompt="One line.")
        text = result.content.text if isinstance(result.content, types.TextContent) else ""
        return {"summary": text, "model": result.model, "stop": result.stopReason}

    @app.tool()
    async def whoami() -> dict[str, Any]:
        ctx = app.get_context()
        return {"server": ctx.fastmcp.name, "request_id": ctx.request_id, "client_id": ctx.client_id}

    @app.tool()
    def pixel() -> Image:
        return Image(data=PIXEL_PNG, format="png")

    @app.tool()
    async def nap(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "rested"

    @app.resource("notes://library/{name}", mime_type="text/markdown")
    def read_note(name: str) -> str:
        if name not in NOTES:
            raise ValueError(f"no such note: {name}")
        return NOTES[name]

    @app.prompt(title="Review a note")
    def review(note: str, tone: str = "friendly") -> list[Message]:
        return [
            UserMessage(f"Please review this note in a {tone} tone:\n\n{NOTES.get(note, '')}"),
            AssistantMessage("Sure - here is what I think:"),
        ]

    @app.custom_route("/healthz", methods=["GET"])
    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "server": app.name, "path": app.settings.streamable_http_path})

    return app


@asynccontextmanager
async def ledger_lifespan(server: Server[dict[str, Any], Any]) -> AsyncIterator[dict[str, Any]]:
    yield {"balances": {"alice": 100, "bob": 20}, "log_level": "info"}


def build_ledger_server(page_size: int = 2) -> Server[dict[str, Any], Any]:
    server = Server("ledger", "0.3.0", "Balances are in whole coins.", lifespan=ledger_lifespan)
    subscriptions: set[str] = set()
    account_schema = {"type": "object", "properties": {"account": {"type": "string"}}, "required": ["account"]}
    transfer_schema = {
        "type": "object",
        "properties": {"source": {"type": "string"}, "target": {"type": "string"}, "amount": {"type": "integer", "minimum": 1}},
        "required": ["source", "target", "amount"],
    }

    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        tools = [
            types.Tool(
                name="balance",
                inputSchema=account_schema,
                outputSchema={"type": "object", "required": ["account", "balance"]},
                annotations=types.ToolAnnotations(readOnlyHint=True),
                execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
            ),
            types.Tool(name="transfer", inputSchema=transfer_schema, annotations=types.ToolAnnotations(destructiveHint=False)),
            types.Tool(name="announce", description="Tell clients the tool list changed", inputSchema={}),
        ]
        # call_tool() refreshes its schema cache by calling this with request=None
        start = int(request.params.cursor or 0) if request is not None and request.params else 0
        next_cursor = str(start + page_size) if start + page_size < len(tools) else None
        return types.ListToolsResult(tools=tools[start : start + page_size], nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any] | list[types.ContentBlock]:
        ctx = server.request_context
        balances: dict[str, int] = ctx.lifespan_context["balances"]
        if name == "balance":
            if arguments["account"] not in balances:
                raise ValueError(f"unknown account {arguments['account']}")
            return {"account": arguments["account"], "balance": balances[arguments["account"]]}
        if name == "transfer":
            source, target, amount = arguments["source"], arguments["target"], arguments["amount"]
            if balances.get(source, 0) < amount:
                raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message="insufficient funds", data={"account": source}))
            balances[source] -= amount
            balances[target] = balances.get(target, 0) + amount
            message = f"{source}->{target}: {amount}"
            await ctx.session.send_log_message("info", message, logger="ledger", related_request_id=ctx.request_id)
            if ctx.meta is not None and ctx.meta.progressToken is not None:
                await ctx.session.send_progress_notification(ctx.meta.progressToken, 1.0, 1.0, "booked")
            if f"ledger://accounts/{target}" in subscriptions:
                await ctx.session.send_resource_updated(AnyUrl(f"ledger://accounts/{target}"))
            return [types.TextContent(type="text", text=f"moved {amount} from {source} to {target}")]
        if name == "announce":
            await ctx.session.send_notification(types.ServerNotification(types.ToolListChangedNotification()))
            return [types.TextContent(type="text", text="announced")]
        raise ValueError(f"unknown tool: {name}")

    @server.list_resources()
    async def list_resources() -> list[types.Resource]:
        names = sorted(server.request_context.lifespan_context["balances"])
        return [types.Resource(uri=AnyUrl(f"ledger://accounts/{n}"), name=n, mimeType="application/json") for n in names]

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        if uri.scheme != "ledger" or uri.host != "accounts":
            raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"not a ledger uri: {uri}"))
        account = (uri.path or "").strip("/")
        balance = server.request_context.lifespan_context["balances"].get(account)
        return [ReadResourceContents(content=json.dumps({"account": account, "balance": balance}), mime_type="application/json")]

    @server.subscribe_resource()
    async def subscribe(uri: AnyUrl) -> None:
        subscriptions.add(str(uri))

    @server.set_logging_level()
    async def set_level(level: types.LoggingLevel) -> None:
        server.request_context.lifespan_context["log_level"] = level

    return server
