from .. import sdk
from ..context import PythonContext
from ..framework import rule

# v1 modules under mcp.server.fastmcp and the few names renamed inside them.
OLD, NEW = sdk.FASTMCP_MODULE, "mcp.server.mcpserver"
RENAMES = [
    (sdk.FASTMCP, "MCPServer"),
    ("mcp.server.fastmcp.exceptions.FastMCPError", "MCPServerError"),
]


@rule(
    code="SRV001",
    title="`FastMCP` renamed to `MCPServer`",
    anchor="fastmcp-renamed-to-mcpserver",
    fix_class="safe",
    summary="""
        Rewrites imports of `mcp.server.fastmcp` (and its submodules) to `mcp.server.mcpserver`,
        renames `FastMCP` to `MCPServer` and `FastMCPError` to `MCPServerError` wherever they
        resolve to the SDK, including `mock.patch("...")` target strings.
    """,
    why="""
        v2 renamed the class and its package; the old import fails with
        `ModuleNotFoundError: No module named 'mcp.server.fastmcp'`.
    """,
    before="""
        from mcp.server.fastmcp import FastMCP, Context

        mcp = FastMCP("Demo")
    """,
    after="""
        from mcp.server.mcpserver import MCPServer, Context

        mcp = MCPServer("Demo")
    """,
    v1_names=["mcp.server.fastmcp", "mcp.server.fastmcp.FastMCP", "mcp.server.fastmcp.exceptions.FastMCPError"],
    v2_names=["mcp.server.mcpserver", "mcp.server.mcpserver.MCPServer",
              "mcp.server.mcpserver.exceptions.MCPServerError"],
)
def check(ctx: PythonContext):
    # Names first: their edits are single identifiers and never overlap the module-path edits.
    for old, new in RENAMES:
        ctx.rename_symbol(old, new, "`%s` is now `%s`" % (old.rpartition(".")[2], new))
    ctx.rename_module(OLD, NEW, "`mcp.server.fastmcp` is now `mcp.server.mcpserver`")
    # `from mcp.server import FastMCP` keeps its module (v2 `mcp.server` exports MCPServer).


CASES = [
    (
        "from mcp.server.fastmcp import FastMCP, Context\n\nmcp = FastMCP('Demo')\n",
        "from mcp.server.mcpserver import MCPServer, Context\n\nmcp = MCPServer('Demo')\n",
    ),
    (
        "from mcp.server.fastmcp import FastMCP as F\napp = F('x')\n",
        "from mcp.server.mcpserver import MCPServer as F\napp = F('x')\n",
    ),
    (
        "import mcp.server.fastmcp\nserver = mcp.server.fastmcp.FastMCP('x')\n",
        "import mcp.server.mcpserver\nserver = mcp.server.mcpserver.MCPServer('x')\n",
    ),
    (
        "import mcp\nserver = mcp.server.fastmcp.FastMCP('x')\n",
        "import mcp\nserver = mcp.server.mcpserver.MCPServer('x')\n",
    ),
    (
        "from mcp.server import fastmcp\nserver = fastmcp.FastMCP('x')\n",
        "from mcp.server import mcpserver\nserver = mcpserver.MCPServer('x')\n",
    ),
    (
        "import mcp.server.fastmcp as fm\nserver: fm.FastMCP = fm.FastMCP('x')\n",
        "import mcp.server.mcpserver as fm\nserver: fm.MCPServer = fm.MCPServer('x')\n",
    ),
    (
        "from mcp.server.fastmcp.prompts.base import UserMessage\n",
        "from mcp.server.mcpserver.prompts.base import UserMessage\n",
    ),
    (
        "from mcp.server.fastmcp.exceptions import FastMCPError, ToolError\n\ntry:\n    pass\nexcept FastMCPError:\n    pass\n",
        "from mcp.server.mcpserver.exceptions import MCPServerError, ToolError\n\ntry:\n    pass\nexcept MCPServerError:\n    pass\n",
    ),
    (
        "from mcp.server import FastMCP\n",
        "from mcp.server import MCPServer\n",
    ),
    (
        "from unittest import mock\n\n@mock.patch('mcp.server.fastmcp.FastMCP.run')\ndef test(m):\n    pass\n",
        "from unittest import mock\n\n@mock.patch('mcp.server.mcpserver.MCPServer.run')\ndef test(m):\n    pass\n",
    ),
    (
        "def f(mocker):\n    mocker.patch(\"mcp.server.fastmcp.server.FastMCP.run\")\n",
        "def f(mocker):\n    mocker.patch(\"mcp.server.mcpserver.server.MCPServer.run\")\n",
    ),
    (  # CRLF, a comment, non-ASCII and an emoji all survive
        "# h\u00e9llo \U0001F600\r\nfrom mcp.server.fastmcp import (  # keep\r\n    FastMCP,\r\n)\r\nm = FastMCP(\"\u4f60\u597d\")\r\n",
        "# h\u00e9llo \U0001F600\r\nfrom mcp.server.mcpserver import (  # keep\r\n    MCPServer,\r\n)\r\nm = MCPServer(\"\u4f60\u597d\")\r\n",
    ),
]

NOOP = [
    "from fastmcp import FastMCP\nmcp = FastMCP('x')\n",
    "class FastMCP:\n    pass\n\nserver = FastMCP()\n",
    "s = 'from mcp.server.fastmcp import FastMCP'  # FastMCP in a comment\n",
    "from mcp.server.mcpserver import MCPServer\nmcp = MCPServer('x')\n",
    "from somewhere import mcp\nx = mcp.server.fastmcp.FastMCP\n",
]
