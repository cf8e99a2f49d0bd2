"""ASGI application for running Hearth over SSE behind uvicorn/a reverse proxy."""

from __future__ import annotations

import os

from starlette.applications import Starlette

from .app import mcp


def public_prefix() -> str:
    prefix = os.environ.get("HEARTH_PUBLIC_PREFIX", "/").strip() or "/"
    return prefix if prefix.startswith("/") else f"/{prefix}"


def create_app() -> Starlette:
    """SSE app; the message endpoint is advertised under HEARTH_PUBLIC_PREFIX.

    The proxy strips the prefix before forwarding, so routes stay at the root,
    but clients must be told the public URL of the POST endpoint.
    """
    app = mcp.sse_app(mount_path=public_prefix())
    app.state.hearth_server = mcp.name
    return app
