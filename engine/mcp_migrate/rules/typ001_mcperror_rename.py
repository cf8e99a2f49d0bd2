from .. import sdk
from ..context import PythonContext
from ..framework import rule


@rule(
    code="TYP001",
    title="`McpError` renamed to `MCPError`",
    anchor="mcperror-renamed-to-mcperror",
    fix_class="safe",
    summary="""
        Renames the SDK's `McpError` exception to `MCPError` in imports, references and
        `mock.patch` targets (`mcp.McpError`, `mcp.shared.exceptions.McpError`, any alias).
    """,
    why="""
        v2 renamed the class; `from mcp import McpError` fails with
        `ImportError: cannot import name 'McpError' from 'mcp'`. The constructor also changed
        (see TYP002), which this rule does not touch.
    """,
    example="""
         from mcp import ClientSession
        -from mcp.shared.exceptions import McpError
        +from mcp.shared.exceptions import MCPError


         async def call(session: ClientSession) -> None:
             try:
                 await session.call_tool("get_weather", {"city": "Paris"})
        -    except McpError as e:
        +    except MCPError as e:
                 print(e.error.message)
    """,
    v1_names=["mcp.shared.exceptions.McpError", "mcp.McpError"],
    v2_names=["mcp.shared.exceptions.MCPError", "mcp.MCPError"],
)
def check(ctx: PythonContext):
    ctx.rename_symbol(sdk.MCP_ERROR, "MCPError")
