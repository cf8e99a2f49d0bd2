import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

SETTINGS = sdk.FASTMCP_SETTINGS
MESSAGE = (
    "v2 `Settings` is a plain pydantic model: it no longer reads environment variables or a `.env` file; "
    "read `os.environ` yourself and pass the values to the constructor"
)


@rule(
    code="SRV020",
    title="`MCP_*` environment variables and `.env` files are no longer read",
    anchor="mcp_-environment-variables-and-env-files-are-no-longer-read",
    fix_class="manual",
    summary="""
        Marks direct constructions and subclasses of the SDK's server `Settings`, the only place where v1
        read configuration from the environment or a `.env` file.
    """,
    why="""
        Silent: v2's `Settings` is no longer a `pydantic-settings` `BaseSettings`, so values that came from
        the environment fall back to their defaults. (Through the `FastMCP` constructor they never took
        effect, which stays as it was.)
    """,
    example="""
         from mcp.server.fastmcp.server import Settings

        +# mcp-migrate: SRV020 v2 `Settings` is a plain pydantic model: it no longer reads environment variables or a `.env` file; read `os.environ` yourself and pass the values to the constructor https://py.sdk.modelcontextprotocol.io/v2/migration/#mcp_-environment-variables-and-env-files-are-no-longer-read
         settings = Settings()
    """,
    v1_names=[SETTINGS],
    v2_names=["mcp.server.mcpserver.server.Settings"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(SETTINGS):
        ctx.manual(call, MESSAGE)
    for cls in ctx.walk(ast.ClassDef):
        if any(isinstance(b, (ast.Name, ast.Attribute)) and ctx.is_ref(b, SETTINGS) for b in cls.bases):
            ctx.manual(cls, MESSAGE)
