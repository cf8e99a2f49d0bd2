from __future__ import annotations

import argparse

import anyio
import mcp.types as types
from mcp.server.stdio import stdio_server

from .http_app import build_app
from .mcp_app import PipelineMCPServer
from .store import RunStore


async def serve_stdio(srv: PipelineMCPServer, stateless: bool) -> None:
    async with stdio_server() as (read_stream, write_stream):
        await srv.server.run(
            read_stream,
            write_stream,
            srv.initialization_options(),
            raise_exceptions=False,
            stateless=stateless,
        )


def main() -> None:
    parser = argparse.ArgumentParser("pipeline-mcp")
    parser.add_argument("mode", choices=["stdio", "http"])
    parser.add_argument("--port", type=int, default=9400)
    parser.add_argument("--stateless", action="store_true")
    parser.add_argument("--json-response", action="store_true")
    parser.add_argument("--allowed-host", action="append", default=[])
    args = parser.parse_args()

    srv = PipelineMCPServer(RunStore())
    assert srv.supports(types.CallToolRequest), "call_tool handler missing"

    if args.mode == "stdio":
        anyio.run(serve_stdio, srv, args.stateless)
        return

    import uvicorn

    app = build_app(srv, allowed_hosts=args.allowed_host, json_response=args.json_response, stateless=args.stateless)
    uvicorn.run(app, host="0.0.0.0", port=args.port)


if __name__ == "__main__":
    main()
