"""Application factory."""

from __future__ import annotations

from pathlib import Path

from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.resources import FileResource
from pydantic import AnyUrl

from notesvc import prompts, resources
from notesvc.config import AppConfig
from notesvc.context import AppContext, make_lifespan
from notesvc.tools import register_all

STATIC = Path(__file__).with_name("static")


def create_app(config: AppConfig | None = None) -> FastMCP[AppContext]:
    config = config or AppConfig()
    mcp: FastMCP[AppContext] = FastMCP(
        config.name,
        config.instructions,
        host=config.host,
        port=config.port,
        json_response=config.json_response,
        stateless_http=config.stateless,
        debug=config.debug,
        lifespan=make_lifespan(config),
    )
    register_all(mcp)
    resources.register(mcp)
    prompts.register(mcp)

    style_guide = STATIC / "style.md"
    if style_guide.exists():
        mcp.add_resource(
            FileResource(
                uri=AnyUrl(style_guide.resolve().as_uri()),
                path=style_guide,
                name="style-guide",
                mime_type="text/markdown",
                is_binary=False,
            )
        )
    return mcp
