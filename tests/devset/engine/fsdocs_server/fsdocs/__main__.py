"""Entry point: ``mcp-server-fsdocs [--root DIR]`` over stdio."""

from __future__ import annotations

import argparse
import logging
import os

import anyio
import mcp.types as types
from mcp.server.stdio import stdio_server

from . import prompts, resources, tools  # noqa: F401 - importing registers the handlers
from .app import init_options, server

logger = logging.getLogger("fsdocs")


@server.set_logging_level()
async def set_level(level: types.LoggingLevel) -> None:
    state = server.request_context.lifespan_context
    state.log_level = level
    logging.getLogger("fsdocs").setLevel(level.upper() if level in ("debug", "info", "warning", "error") else "ERROR")


@server.progress_notification()
async def on_client_progress(token: str | int, progress: float, total: float | None, message: str | None) -> None:
    logger.debug("client progress %s: %s/%s %s", token, progress, total, message or "")


def _check_registration() -> None:
    expected = [
        types.ListToolsRequest,
        types.CallToolRequest,
        types.ListResourcesRequest,
        types.ReadResourceRequest,
        types.ListPromptsRequest,
        types.GetPromptRequest,
        types.CompleteRequest,
        types.SetLevelRequest,
    ]
    missing = [r.__name__ for r in expected if r not in server.request_handlers]
    if missing:
        raise SystemExit(f"handlers not registered: {', '.join(missing)}")


async def serve(debug: bool) -> None:
    options = init_options()
    logger.info(
        "fsdocs %s: tools=%s resources=%s (listChanged=%s)",
        options.server_version,
        options.capabilities.tools is not None,
        options.capabilities.resources is not None,
        options.capabilities.resources.listChanged if options.capabilities.resources else None,
    )
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, options, raise_exceptions=debug)


def main() -> None:
    parser = argparse.ArgumentParser(prog="mcp-server-fsdocs")
    parser.add_argument("--root", help="documentation directory (default: $FSDOCS_ROOT or ./docs)")
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    if args.root:
        os.environ["FSDOCS_ROOT"] = args.root
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    _check_registration()
    anyio.run(serve, args.debug)


if __name__ == "__main__":
    main()
