"""A minimal server built directly on ServerSession, for transport and framing tests.

It answers ``tools/list`` with one ``echo`` tool and ``tools/call`` by echoing the
arguments back, and emits a log notification for every call.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import anyio
from mcp import types as t
from mcp.server.lowlevel import NotificationOptions
from mcp.server.models import InitializationOptions
from mcp.server.session import ServerSession
from mcp.shared.session import RequestResponder

from rpk.transport import ReadStream, WriteStream

log = logging.getLogger(__name__)

ECHO_TOOL = t.Tool(
    name="echo",
    description="Echo the arguments back as text",
    inputSchema={"type": "object", "properties": {"text": {"type": "string"}}},
)


def init_options(name: str = "rpk-echo", version: str = "0.3.1") -> InitializationOptions:
    notify = NotificationOptions(tools_changed=False)
    return InitializationOptions(
        server_name=name,
        server_version=version,
        capabilities=t.ServerCapabilities(
            tools=t.ToolsCapability(listChanged=notify.tools_changed),
            logging=t.LoggingCapability(),
        ),
        instructions="Echo server used by raw-protocol-kit tests.",
    )


async def _answer(session: ServerSession, responder: RequestResponder[t.ClientRequest, t.ServerResult]) -> None:
    request = responder.request.root
    with responder:
        if isinstance(request, t.ListToolsRequest):
            await responder.respond(t.ServerResult(t.ListToolsResult(tools=[ECHO_TOOL])))
        elif isinstance(request, t.CallToolRequest):
            args = request.params.arguments or {}
            await session.send_log_message("info", {"tool": request.params.name, "args": args}, logger="echo")
            if request.params.name != "echo":
                await responder.respond(t.ErrorData(code=t.METHOD_NOT_FOUND, message=f"unknown tool {request.params.name}"))
                return
            text = json.dumps(args, sort_keys=True)
            await responder.respond(
                t.ServerResult(t.CallToolResult(content=[t.TextContent(type="text", text=text)], structuredContent=args))
            )
        elif isinstance(request, t.PingRequest):
            await responder.respond(t.ServerResult(t.EmptyResult()))
        else:
            await responder.respond(t.ErrorData(code=t.METHOD_NOT_FOUND, message=request.method))


async def serve(read: ReadStream, write: WriteStream, *, stateless: bool = False) -> None:
    async with ServerSession(read, write, init_options(), stateless=stateless) as session:
        async for message in session.incoming_messages:
            if isinstance(message, Exception):
                log.warning("transport error: %s", message)
                continue
            if isinstance(message, RequestResponder):
                await _answer(session, message)
            elif isinstance(message.root, t.InitializedNotification):
                log.debug("client initialised")


async def ping_client(session: ServerSession, timeout: float = 5) -> bool:
    """Server-initiated ping, used by liveness checks."""
    try:
        await session.send_request(
            t.ServerRequest(t.PingRequest(method="ping")),
            t.EmptyResult,
            request_read_timeout_seconds=timedelta(seconds=timeout),
        )
        return True
    except (anyio.ClosedResourceError, anyio.BrokenResourceError):
        return False


def main() -> None:
    from mcp.server.stdio import stdio_server

    async def run() -> None:
        async with stdio_server() as (read, write):
            await serve(read, write)

    anyio.run(run)


if __name__ == "__main__":
    main()
