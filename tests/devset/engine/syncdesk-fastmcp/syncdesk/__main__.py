"""Command line entry point: ``python -m syncdesk [--transport ...]``."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from .app import use_settings
from .server import mcp
from .settings import DeskSettings, load_settings


@dataclass(frozen=True)
class LaunchPlan:
    transport: str
    host: str
    port: int
    mount_path: str | None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="syncdesk", description="Run the syncdesk MCP server")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http", "http"], default=None)
    parser.add_argument("--host", default=None)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--mount-path", default=None, help="prefix for the SSE endpoints")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--log-level", default=None, choices=["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"])
    return parser


def resolve_launch(argv: list[str] | None = None, base: DeskSettings | None = None) -> LaunchPlan:
    """Apply CLI overrides to the desk settings and to the server object."""
    args = build_parser().parse_args(argv)
    settings = base or load_settings()
    if args.data_dir is not None:
        settings = settings.with_root(args.data_dir)
    use_settings(settings)

    mcp.settings.host = args.host or settings.host
    mcp.settings.port = args.port or settings.port
    if args.log_level:
        mcp.settings.log_level = args.log_level
    transport = args.transport or settings.transport
    if transport == "sse":
        mcp.settings.sse_path = settings.sse_path
        mcp.settings.message_path = settings.message_path
    else:
        mcp.settings.streamable_http_path = settings.streamable_http_path
        mcp.settings.json_response = settings.json_response
        mcp.settings.stateless_http = settings.stateless_http
    mount_path = args.mount_path or (settings.mount_path if transport == "sse" else None)
    return LaunchPlan(transport, mcp.settings.host, mcp.settings.port, mount_path)


def main(argv: list[str] | None = None) -> None:
    plan = resolve_launch(argv)
    if plan.transport == "http":
        import uvicorn

        from .web import build_app

        uvicorn.run(build_app(), host=plan.host, port=plan.port, log_level=mcp.settings.log_level.lower())
    elif plan.transport == "sse":
        mcp.run(transport="sse", mount_path=plan.mount_path)
    elif plan.transport == "streamable-http":
        mcp.run(transport="streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
