"""Our own tiny plugin registry. Its `Server` class has nothing to do with MCP:
mcp-migrate must leave this file alone."""

from typing import Any, Callable


class Server:
    def __init__(self, name: str, version: str = "0") -> None:
        self.name = name
        self.version = version
        self.request_handlers: dict[str, Callable[..., Any]] = {}
        self.request_context: dict[str, Any] = {}

    def list_tools(self):
        def deco(fn):
            self.request_handlers["list_tools"] = fn
            return fn

        return deco

    def call_tool(self):
        def deco(fn):
            self.request_handlers["call_tool"] = fn
            return fn

        return deco

    def run(self, read_stream, write_stream, options, raise_exceptions=False, stateless=False):
        return self.request_handlers, read_stream, write_stream, options, raise_exceptions, stateless


server = Server("plugins", "2.0")


@server.list_tools()
async def list_tools() -> list[dict]:
    return [{"name": "echo", "inputSchema": {"type": "object"}}]


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> dict:
    ctx = server.request_context
    return {"echo": arguments, "ctx": ctx}
