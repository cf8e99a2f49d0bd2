"""A notes server on the lowlevel MCP Server API, served over stdio."""

import json
import logging
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

import anyio
import mcp.server.stdio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from pydantic import AnyUrl

logger = logging.getLogger("notes")


class NoteStore:
    def __init__(self) -> None:
        self.notes: dict[str, str] = {"welcome": "Hello from the notes server."}

    def add(self, name: str, body: str) -> None:
        self.notes[name] = body


@asynccontextmanager
async def lifespan(server: Server) -> AsyncIterator[dict[str, Any]]:
    store = NoteStore()
    logger.info("notes server starting")
    try:
        yield {"store": store}
    finally:
        logger.info("notes server stopping")


server = Server("notes", "1.4.0", lifespan=lifespan)


@server.list_tools()
async def list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="add_note",
            description="Add a note",
            inputSchema={
                "type": "object",
                "properties": {"name": {"type": "string"}, "body": {"type": "string"}},
                "required": ["name", "body"],
            },
        ),
        types.Tool(
            name="count_notes",
            description="Count the notes",
            inputSchema={"type": "object", "properties": {}},
            outputSchema={"type": "object", "properties": {"count": {"type": "integer"}}},
        ),
    ]


@server.call_tool()
async def call_tool(name: str, arguments: dict[str, Any]) -> list[types.TextContent] | dict[str, Any]:
    ctx = server.request_context
    store: NoteStore = ctx.lifespan_context["store"]
    if name == "add_note":
        store.add(arguments["name"], arguments["body"])
        await ctx.session.send_resource_list_changed()
        return [types.TextContent(type="text", text=f"Added note {arguments['name']}")]
    if name == "count_notes":
        return {"count": len(store.notes)}
    raise ValueError(f"Unknown tool: {name}")


@server.list_resources()
async def list_resources() -> list[types.Resource]:
    store: NoteStore = server.request_context.lifespan_context["store"]
    return [
        types.Resource(
            uri=AnyUrl(f"note://internal/{name}"),
            name=name,
            mimeType="text/plain",
        )
        for name in store.notes
    ]


@server.read_resource()
async def read_resource(uri: AnyUrl) -> str:
    store: NoteStore = server.request_context.lifespan_context["store"]
    name = str(uri).removeprefix("note://internal/")
    if name not in store.notes:
        raise ValueError(f"Unknown note: {name}")
    return store.notes[name]


@server.list_prompts()
async def list_prompts() -> list[types.Prompt]:
    return [
        types.Prompt(
            name="summarize-notes",
            description="Summarise all notes",
            arguments=[types.PromptArgument(name="style", description="brief or detailed", required=False)],
        )
    ]


@server.get_prompt()
async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
    store: NoteStore = server.request_context.lifespan_context["store"]
    style = (arguments or {}).get("style", "brief")
    text = "\n".join(f"- {k}: {v}" for k, v in store.notes.items())
    return types.GetPromptResult(
        description="Summarise the notes",
        messages=[
            types.PromptMessage(
                role="user",
                content=types.TextContent(type="text", text=f"Give a {style} summary of:\n{text}"),
            )
        ],
    )


def dump_tools(tools: list[types.Tool]) -> str:
    return json.dumps([t.model_dump() for t in tools])


async def run() -> None:
    async with mcp.server.stdio.stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            InitializationOptions(
                server_name="notes",
                server_version="1.4.0",
                capabilities=server.get_capabilities(
                    notification_options=NotificationOptions(resources_changed=True),
                    experimental_capabilities={},
                ),
            ),
            raise_exceptions=False,
        )


def main() -> None:
    anyio.run(run)


if __name__ == "__main__":
    main()
