"""``kb-portal runmcp``: serve only the MCP endpoint, without the rest of the portal.

Modelled on a Django management command (``manage.py runmcp``): a ``Command`` class with
``add_arguments`` and ``handle``, plus a ``main()`` for the console script.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Literal

from .mcp_server import mcp

Transport = Literal["stdio", "sse", "streamable-http"]


class CommandError(Exception):
    pass


class Command:
    help = "Run the knowledge-base MCP server on its own."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http"], default="streamable-http")
        parser.add_argument("--bind", default=None, help="host:port to listen on")
        parser.add_argument("--mount", default=None, help="path prefix for the SSE transport")
        parser.add_argument("--stateful", action="store_true", help="keep a session per client")
        parser.add_argument("--sse-stream", action="store_true", help="answer with SSE instead of JSON bodies")
        parser.add_argument("--verbosity", type=int, default=1, choices=[0, 1, 2, 3])

    def _apply(self, options: dict[str, Any]) -> None:
        settings = mcp.settings
        if options["bind"]:
            host, _, port = str(options["bind"]).rpartition(":")
            if not port.isdigit():
                raise CommandError(f"bad --bind value {options['bind']!r}")
            settings.host = host or "0.0.0.0"
            settings.port = int(port)
        if options["stateful"]:
            settings.stateless_http = False
        if options["sse_stream"]:
            settings.json_response = False
        if options["verbosity"] >= 2:
            settings.debug = True
            settings.log_level = "DEBUG"
        elif options["verbosity"] == 0:
            settings.log_level = "WARNING"
        # Docker images set FASTMCP_PORT; honour it when --bind is absent.
        env_port = os.environ.get("FASTMCP_PORT")
        if env_port and not options["bind"]:
            settings.port = int(env_port)

    def handle(self, *args: str, **options: Any) -> None:
        self._apply(options)
        transport: Transport = options["transport"]
        if options["verbosity"]:
            sys.stderr.write(
                f"serving {mcp.name} over {transport} on {mcp.settings.host}:{mcp.settings.port}"
                f" (stateless={mcp.settings.stateless_http}, json={mcp.settings.json_response})\n"
            )
        if transport == "sse":
            mcp.run(transport="sse", mount_path=options["mount"] or "/kb/legacy")
        else:
            mcp.run(transport)

    def run_from_argv(self, argv: list[str]) -> None:
        parser = argparse.ArgumentParser(prog=f"{os.path.basename(argv[0])} runmcp", description=self.help)
        self.add_arguments(parser)
        namespace = parser.parse_args(argv[1:])
        try:
            self.handle(**vars(namespace))
        except CommandError as exc:
            sys.stderr.write(f"CommandError: {exc}\n")
            raise SystemExit(1) from exc


COMMANDS = {"runmcp": Command}


def main() -> None:
    argv = sys.argv
    name = argv[1] if len(argv) > 1 and not argv[1].startswith("-") else "runmcp"
    if name not in COMMANDS:
        sys.stderr.write(f"Unknown command: {name!r}. Available: {', '.join(COMMANDS)}\n")
        raise SystemExit(2)
    COMMANDS[name]().run_from_argv([argv[0], *argv[2:]] if len(argv) > 1 and argv[1] == name else argv)


if __name__ == "__main__":
    main()
