from ..framework import rule
from ._srv_util import CLS, LOWLEVEL, has_star, is_test_file

MESSAGE = ("v2 reports an empty `serverInfo.version` when no version is given (v1 reported the installed "
           "`mcp` version): pass `version=\"...\"` with your server's version")


@rule(
    code="SRV005",
    title="Unversioned servers report an empty version",
    anchor="unversioned-servers-report-an-empty-version",
    fix_class="manual",
    summary="""
        Marks `FastMCP(...)` constructions (v1 had no `version` parameter) and lowlevel `Server(...)`
        constructions without a version: pass your server's own `version="..."`.
    """,
    why="""
        Silent: v1 reported the `mcp` package version as the server's `serverInfo.version`; v2 reports an
        empty string. Display-only, but clients and dashboards show it.
    """,
    before="""
        mcp = FastMCP("Demo")
    """,
    after="""
        # mcp-migrate: SRV005 v2 reports an empty `serverInfo.version` ... pass `version="..."`
        mcp = FastMCP("Demo")
    """,
    v1_names=[CLS, LOWLEVEL, "mcp.server.lowlevel.server.Server.__init__(version)"],
    v2_names=["mcp.server.mcpserver.server.MCPServer.__init__(version)",
              "mcp.server.lowlevel.server.Server.__init__(version)"],
)
def check(ctx):
    if is_test_file(ctx.filename):
        return  # test suites build throwaway servers; one marker per construction would be noise
    for call in ctx.calls(CLS):
        if not has_star(call):
            ctx.manual(call, MESSAGE)
    for call in ctx.calls(LOWLEVEL):
        if len(call.args) < 2 and ctx.keyword(call, "version") is None and not has_star(call):
            ctx.manual(call, MESSAGE)


_LINK = "https://mcp-migrate.dev/guide/#unversioned-servers-report-an-empty-version"
_MARK = "# mcp-migrate: SRV005 " + MESSAGE + " " + _LINK + "\n"

CASES = [
    (
        'from mcp.server.fastmcp import FastMCP\n\nmcp = FastMCP("Demo")\n',
        'from mcp.server.fastmcp import FastMCP\n\n' + _MARK + 'mcp = FastMCP("Demo")\n',
    ),
    (
        'from mcp.server.lowlevel import Server\n\ndef build():\n    server = Server("demo")\n    return server\n',
        'from mcp.server.lowlevel import Server\n\ndef build():\n    ' + _MARK + '    server = Server("demo")\n'
        '    return server\n',
    ),
]

NOOP = [
    ('from mcp.server.fastmcp import FastMCP\nmcp = FastMCP("Demo")\n', "tests/test_server.py"),
    'from fastmcp import FastMCP\nmcp = FastMCP("Demo")\n',
    'from mcp.server.lowlevel import Server\nserver = Server("demo", version="1.2.0")\n',
    'from mcp.server.lowlevel import Server\nserver = Server("demo", "1.2.0")\n',
    'from mcp.server.fastmcp import FastMCP\nmcp = FastMCP(**settings)\n',
    'from mcp.server.mcpserver import MCPServer\nmcp = MCPServer("Demo")\n',
]
