"""Notes server on the lowlevel Server API (MCP Python SDK v1)."""

import anyio
import mcp.server.stdio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server
from mcp.server.models import InitializationOptions
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

NOTES: dict[str, str] = {"welcome": "Hello from v1"}

server = Server("notes-server")


@server.list_tools()
async def handle_list_tools() -> list[types.Tool]:
    return [
        types.Tool(
            name="add_note",
            description="Add a note",
            inputSchema={
                "type": "object",
                "properties": {"name": {"type": "string"}, "content": {"type": "string"}},
                "required": ["name", "content"],
            },
        )
    ]


@server.call_tool()
async def handle_call_tool(name: str, arguments: dict) -> list[types.TextContent]:
    if name != "add_note":
        raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"Unknown tool: {name}"))
    ctx = server.request_context
    NOTES[arguments["name"]] = arguments["content"]
    await ctx.session.send_resource_list_changed()
    return [types.TextContent(type="text", text=f"Added note {arguments['name']}")]


@server.list_resources()
async def handle_list_resources() -> list[types.Resource]:
    return [
        types.Resource(uri=AnyUrl(f"note://internal/{name}"), name=name, mimeType="text/plain")
        for name in NOTES
    ]


@server.read_resource()
async def handle_read_resource(uri: AnyUrl) -> str:
    if uri.scheme != "note":
        raise ValueError(f"Unsupported scheme: {uri.scheme}")
    return NOTES[uri.path.lstrip("/")]


@server.list_prompts()
async def handle_list_prompts() -> list[types.Prompt]:
    return [types.Prompt(name="summarize", description="Summarize all notes")]


async def run() -> None:
    async with mcp.server.stdio.stdio_server() as (read_stream, write_stream):
        await server.run(
            read_stream,
            write_stream,
            InitializationOptions(
                server_name="notes-server",
                server_version="0.1.0",
                capabilities=server.get_capabilities(
                    notification_options=NotificationOptions(),
                    experimental_capabilities={},
                ),
            ),
        )


if __name__ == "__main__":
    anyio.run(run)
