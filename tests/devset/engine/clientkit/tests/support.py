"""In-memory servers used by the clientkit tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import mcp.types as types
from mcp import ClientSession
from mcp.client.session import ListRootsFnT, MessageHandlerFnT, SamplingFnT
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.lowlevel import Server
from mcp.shared.memory import create_client_server_memory_streams
from pydantic import BaseModel, Field

MEMOS: dict[str, dict[str, str]] = {}


class Confirm(BaseModel):
    confirm: bool = Field(description="Really delete?")


def build_memo_server() -> FastMCP:
    mcp = FastMCP("memo")
    MEMOS.clear()

    @mcp.tool()
    def add_memo(title: str, body: str) -> dict[str, Any]:
        memo_id = f"m{len(MEMOS) + 1}"
        MEMOS[memo_id] = {"title": title, "body": body}
        return {"id": memo_id, "title": title}

    @mcp.tool()
    def get_memo(memo_id: str) -> str:
        return MEMOS[memo_id]["body"]

    @mcp.tool()
    async def slow(seconds: float) -> str:
        await anyio.sleep(seconds)
        return "done"

    @mcp.tool()
    async def chatty(ctx: Context) -> str:
        await ctx.info("starting")
        await ctx.report_progress(1, 2)
        await ctx.info("finished")
        return "ok"

    @mcp.tool()
    async def summarize(memo_id: str, ctx: Context) -> str:
        memo = MEMOS[memo_id]
        result = await ctx.session.create_message(
            messages=[
                types.SamplingMessage(role="user", content=types.TextContent(type="text", text=memo["body"]))
            ],
            max_tokens=64,
            system_prompt="Summarise in one line.",
        )
        content = result.content
        return content.text if isinstance(content, types.TextContent) else "?"

    @mcp.tool()
    async def workspace(ctx: Context) -> list[str]:
        roots = await ctx.session.list_roots()
        return [str(r.uri) for r in roots.roots]

    @mcp.tool()
    async def delete_memo(memo_id: str, ctx: Context) -> str:
        answer = await ctx.elicit(f"Delete {memo_id}?", schema=Confirm)
        if answer.action == "accept" and answer.data.confirm:
            MEMOS.pop(memo_id, None)
            return "deleted"
        return "kept"

    @mcp.tool()
    def explode() -> str:
        raise ValueError("kaboom")

    @mcp.resource("memo://index", mime_type="application/json")
    def index() -> dict[str, str]:
        return {k: v["title"] for k, v in MEMOS.items()}

    @mcp.resource("memo://{memo_id}")
    def memo_body(memo_id: str) -> str:
        return MEMOS[memo_id]["body"]

    return mcp


def build_calc_server() -> Server[Any, Any]:
    server: Server[Any, Any] = Server("calc", "2.0")

    @server.list_tools()
    async def list_tools() -> list[types.Tool]:
        schema = {
            "type": "object",
            "properties": {"a": {"type": "number"}, "b": {"type": "number"}},
            "required": ["a", "b"],
        }
        return [
            types.Tool(name="add", inputSchema=schema),
            types.Tool(name="div", inputSchema=schema),
        ]

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
        a, b = float(arguments["a"]), float(arguments["b"])
        if name == "add":
            return {"value": a + b}
        if name == "div":
            return {"value": a / b}
        raise ValueError(name)

    return server


@asynccontextmanager
async def raw_session(
    server: Server[Any, Any],
    *,
    sampling_callback: SamplingFnT | None = None,
    list_roots_callback: ListRootsFnT | None = None,
    message_handler: MessageHandlerFnT | None = None,
) -> AsyncIterator[tuple[ClientSession, types.InitializeResult]]:
    """Like create_connected_server_and_client_session, but also yields the InitializeResult."""
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(
                lambda: server.run(server_streams[0], server_streams[1], server.create_initialization_options())
            )
            async with ClientSession(
                client_streams[0],
                client_streams[1],
                sampling_callback=sampling_callback,
                list_roots_callback=list_roots_callback,
                message_handler=message_handler,
            ) as session:
                init = await session.initialize()
                yield session, init
            tg.cancel_scope.cancel()
