"""python -m opsserver [--http] [--port N]"""

from __future__ import annotations

import argparse
import logging

import anyio
from mcp.server.stdio import stdio_server

from opsserver.server import OpsServer


async def run_stdio(ops: OpsServer, stateless: bool) -> None:
    async with stdio_server() as (read, write):
        await ops.serve_streams(read, write, stateless=stateless)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="opsserver")
    parser.add_argument("--http", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7070)
    parser.add_argument("--stateless", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    ops = OpsServer()
    if args.http:
        import uvicorn

        from opsserver.http import create_app

        uvicorn.run(create_app(ops, stateless=args.stateless, json_response=args.stateless), host=args.host, port=args.port)
    else:
        anyio.run(run_stdio, ops, args.stateless)


if __name__ == "__main__":
    main()
