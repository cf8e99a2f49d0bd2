from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .app import serve
from .server import create_gateway
from .settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="confgate", description="Serve a config directory over MCP")
    parser.add_argument("root", type=Path)
    parser.add_argument("--transport", choices=["stdio", "streamable-http"], default="stdio")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--print-settings", action="store_true")
    args = parser.parse_args(argv)
    settings = load_settings(args.root, transport=args.transport, port=args.port)
    if args.print_settings:
        print(json.dumps(settings.to_dict(), indent=2))
        return 0
    serve(create_gateway(settings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
