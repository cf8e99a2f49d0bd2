"""Command line entry point: `python -m repo_browser [--transport ...]`."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
from collections.abc import AsyncIterator, Sequence

from starlette.applications import Starlette
from starlette.routing import Mount

from repo_browser.config import ServerConfig, apply_settings, load_config
from repo_browser.server import mcp, register_static_resources


def create_app(config: ServerConfig) -> Starlette:
    """ASGI app for deployments that run uvicorn/gunicorn themselves."""
    apply_settings(mcp, config)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with mcp.session_manager.run():
            yield

    return Starlette(routes=[Mount("/", app=mcp.streamable_http_app())], lifespan=lifespan)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="repo-browser")
    parser.add_argument("--transport", choices=["stdio", "sse", "streamable-http", "asgi"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--mount-path", help="prefix when the SSE app sits behind a proxy")
    args = parser.parse_args(argv)

    config = load_config()
    if args.port is not None:
        config = dataclasses.replace(config, port=args.port)
    if args.transport in ("stdio", "sse", "streamable-http"):
        config = dataclasses.replace(config, transport=args.transport)
    register_static_resources(config.root)

    if args.transport == "asgi":
        import uvicorn

        uvicorn.run(create_app(config), host=config.host, port=config.port)
        return
    apply_settings(mcp, config)
    if config.transport == "sse":
        mcp.run(transport="sse", mount_path=args.mount_path)
    else:
        mcp.run(transport=config.transport)


if __name__ == "__main__":
    main()
