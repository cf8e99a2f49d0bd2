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
    before="""
        from mcp.shared.exceptions import McpError

        try:
            ...
        except McpError as e:
            ...
    """,
    after="""
        from mcp.shared.exceptions import MCPError

        try:
            ...
        except MCPError as e:
            ...
    """,
    v1_names=["mcp.shared.exceptions.McpError", "mcp.McpError"],
    v2_names=["mcp.shared.exceptions.MCPError", "mcp.MCPError"],
)
def check(ctx: PythonContext):
    ctx.rename_symbol(sdk.MCP_ERROR, "MCPError")


CASES = [
    (
        "from mcp.shared.exceptions import McpError\n\ntry:\n    pass\nexcept McpError as e:\n    print(e)\n",
        "from mcp.shared.exceptions import MCPError\n\ntry:\n    pass\nexcept MCPError as e:\n    print(e)\n",
    ),
    ("from mcp import McpError, ClientSession\n", "from mcp import MCPError, ClientSession\n"),
    ("import mcp\n\nraise mcp.McpError(err)\n", "import mcp\n\nraise mcp.MCPError(err)\n"),
    ("from mcp import McpError as E\nraise E(x)\n", "from mcp import MCPError as E\nraise E(x)\n"),
    (
        "import mcp.shared.exceptions as exc\n\nisinstance(e, exc.McpError)\n",
        "import mcp.shared.exceptions as exc\n\nisinstance(e, exc.MCPError)\n",
    ),
]

NOOP = [
    "class McpError(Exception):\n    pass\n\nraise McpError('x')\n",
    "from myproject.errors import McpError\n",
    "msg = 'McpError'  # McpError\n",
    "from mcp import MCPError\n",
]
