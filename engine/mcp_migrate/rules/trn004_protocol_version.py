import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamablehttptransportprotocol_version-attribute-removed"
OLD = sdk.STREAMABLE_HTTP + ".MCP_PROTOCOL_VERSION"


@rule(
    code="TRN004",
    title="`StreamableHTTPTransport.protocol_version` attribute removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Rewrites `from mcp.client.streamable_http import MCP_PROTOCOL_VERSION` to `from mcp.shared.inbound
        import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION` (on a line of its own below the import
        when that imports other names too), and marks `transport.protocol_version` reads: use
        `session.protocol_version` instead.
    """,
    why="""
        `ImportError: cannot import name 'MCP_PROTOCOL_VERSION' from 'mcp.client.streamable_http'`;
        `AttributeError: 'StreamableHTTPTransport' object has no attribute 'protocol_version'`.
    """,
    example="""
        -from mcp.client.streamable_http import MCP_PROTOCOL_VERSION
        +from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as MCP_PROTOCOL_VERSION

         headers = {MCP_PROTOCOL_VERSION: "2025-06-18"}
    """,
    v1_names=[OLD, sdk.STREAMABLE_HTTP_TRANSPORT],
    v2_names=["mcp.shared.inbound.MCP_PROTOCOL_VERSION_HEADER"],
)
def check(ctx: PythonContext):
    for imp in ctx.walk(ast.ImportFrom):
        if imp.module != sdk.STREAMABLE_HTTP or imp.level:
            continue
        alias = next((a for a in imp.names if a.name == "MCP_PROTOCOL_VERSION"), None)
        if alias is None:
            continue
        moved = "from mcp.shared.inbound import MCP_PROTOCOL_VERSION_HEADER as %s" % (alias.asname or alias.name)
        if len(imp.names) == 1 and ctx.text[ctx.span(imp)[0] : ctx.span(imp)[1]].count("\n") == 0:
            edits = [ctx.replace(imp, moved)]
        else:  # the other names stay; the constant gets its own import line below
            nl = ctx.index.newline()
            text = ctx.index.indentation(imp.lineno) + moved + nl
            if imp.end_lineno < ctx.index.line_count:
                added = ctx.insert(ctx.index.line_start(imp.end_lineno + 1), text)
            else:  # the file's last line, maybe without its newline
                added = ctx.insert(len(ctx.text), ("" if ctx.text.endswith(("\n", "\r")) else nl) + text)
            edits = [ctx.drop_import_alias(alias), added]
        if None not in edits:
            ctx.fix(imp, "`MCP_PROTOCOL_VERSION` is `mcp.shared.inbound.MCP_PROTOCOL_VERSION_HEADER` in v2", edits)
        else:
            ctx.manual(
                imp,
                "import `MCP_PROTOCOL_VERSION_HEADER` from `mcp.shared.inbound` instead of "
                "`MCP_PROTOCOL_VERSION` from `mcp.client.streamable_http`",
            )
    for node in ctx.attribute_uses(sdk.STREAMABLE_HTTP_TRANSPORT, "protocol_version"):
        ctx.manual(
            node,
            "the transport no longer tracks the protocol version: read `session.protocol_version` "
            "(or `client.protocol_version`)",
        )
