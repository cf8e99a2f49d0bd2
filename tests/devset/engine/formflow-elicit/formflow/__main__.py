"""``python -m formflow`` - run the server with the transport picked from the environment."""

from __future__ import annotations

import argparse
import logging

from formflow.server import mcp, settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="formflow")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default=settings.transport)
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--host", default=settings.host)
    args = parser.parse_args(argv)

    logging.basicConfig(level=settings.log_level)
    mcp.settings.host = args.host
    mcp.settings.port = args.port
    if args.transport == "sse":
        mcp.settings.sse_path = settings.sse_path
        mcp.run(transport="sse", mount_path=settings.mount_path)
    elif args.transport == "streamable-http":
        mcp.run(transport="streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
