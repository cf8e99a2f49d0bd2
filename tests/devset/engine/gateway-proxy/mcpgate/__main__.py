"""``python -m mcpgate --config gateway.json [--transport stdio|sse|streamable-http]``"""

from __future__ import annotations

import argparse
import logging
import sys

from mcpgate.config import GatewaySettings, load_settings
from mcpgate.gateway import Gateway


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mcpgate", description=__doc__)
    parser.add_argument("--config", "-c", help="JSON file with a gateway block and mcpServers")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="stdio")
    parser.add_argument("--port", type=int)
    parser.add_argument("--mount-path", default=None, help="SSE only: path prefix when behind a proxy")
    args = parser.parse_args(argv)

    settings = load_settings(args.config) if args.config else GatewaySettings()
    logging.basicConfig(level=settings.log_level, stream=sys.stderr)
    logging.getLogger("httpx").setLevel(logging.WARNING)

    gateway = Gateway(settings)
    if args.port:
        gateway.mcp.settings.port = args.port
    if args.transport == "streamable-http":
        import uvicorn

        from mcpgate.http_app import build_app

        uvicorn.run(build_app(gateway), host=gateway.mcp.settings.host, port=gateway.mcp.settings.port)
    elif args.transport == "sse":
        gateway.mcp.settings.sse_path = "/events"
        gateway.mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        gateway.mcp.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
