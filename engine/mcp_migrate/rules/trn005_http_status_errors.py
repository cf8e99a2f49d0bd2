import ast

from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors"
STATUS = ("httpx.HTTPStatusError", "httpx2.HTTPStatusError")
ERRORS = (sdk.MCP_ERROR,)


@rule(
    code="TRN005",
    title="Streamable HTTP: non-2xx responses now surface as per-request JSON-RPC errors",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks `except httpx.HTTPStatusError` / `except* httpx.HTTPStatusError` handlers around a
        `streamable_http_client` context (dead code in v2) and comparisons of an error code with the
        positive literal `32600` in files using the streamable HTTP client (v2 reports `-32600`).
    """,
    why="""
        Silent: v2 answers HTTP status failures with an `MCPError` from the one failing call and keeps
        the connection open, so these handlers never run and the session-expiry check never matches.
    """,
    example="""
         import httpx

         from mcp.client.streamable_http import streamable_http_client


         async def main(url: str) -> None:
        +    # mcp-migrate: TRN005 HTTP status errors no longer escape the `streamable_http_client` context in v2: each failing call raises `MCPError` (e.g. `-32603`, `-32600 Session terminated`); catch it around the calls instead https://py.sdk.modelcontextprotocol.io/v2/migration/#streamable-http-non-2xx-responses-now-surface-as-per-request-json-rpc-errors
             try:
                 async with streamable_http_client(url) as (read, write, _):
                     print(read, write)
             except httpx.HTTPStatusError:
                 pass
    """,
    v1_names=list(sdk.STREAMABLE_HTTP_CLIENTS) + list(ERRORS),
    v2_names=["mcp.MCPError", "mcp.types.INVALID_REQUEST"],
)
def check(ctx: PythonContext):
    if not ctx.mentions(*sdk.STREAMABLE_HTTP_CLIENTS) and not any(_fragment_client(ctx, c) for c in ctx.walk(ast.Call)):
        return
    for t in ctx.tries():
        if not _wraps_client(ctx, t):
            continue
        for h in t.handlers:
            types = h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]
            if any(x is not None and ctx.is_ref(x, *STATUS) for x in types):
                ctx.manual(
                    h,
                    "HTTP status errors no longer escape the `streamable_http_client` context in v2: "
                    "each failing call raises `MCPError` (e.g. `-32603`, `-32600 Session terminated`); "
                    "catch it around the calls instead",
                )
    for cmp in ctx.walk(ast.Compare):
        sides = [cmp.left] + list(cmp.comparators)
        if any(
            isinstance(s, ast.Constant) and s.value == 32600 and not isinstance(s.value, bool) for s in sides
        ) and any(isinstance(s, ast.Attribute) and s.attr == "code" for s in sides):
            ctx.manual(
                cmp,
                "v2 reports a terminated session as `MCPError(-32600, 'Session terminated')`: compare "
                "`exc.code == INVALID_REQUEST` (from `mcp.types`) and the message, not `32600`",
            )


def _wraps_client(ctx, t):
    for stmt in t.body:
        for n in ast.walk(stmt):
            if isinstance(n, ast.Call) and (
                ctx.is_ref(n.func, *sdk.STREAMABLE_HTTP_CLIENTS) or _fragment_client(ctx, n)
            ):
                return True
    return False


def _fragment_client(ctx, call):
    """Guide-style fragments call the client without importing it."""
    f = call.func
    return isinstance(f, ast.Name) and f.id in ("streamable_http_client", "streamablehttp_client") and ctx.is_unbound(f)
