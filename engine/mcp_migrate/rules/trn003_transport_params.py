from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamablehttptransport-parameters-removed"
PARAMS = ("headers", "timeout", "sse_read_timeout", "auth")


@rule(
    code="TRN003",
    title="`StreamableHTTPTransport` parameters removed",
    anchor=ANCHOR,
    fix_class="manual",
    summary="""
        Marks `StreamableHTTPTransport(...)` calls passing `headers`, `timeout`, `sse_read_timeout` or
        `auth` (by keyword or position): v2 takes only the URL; configure them on the `httpx2.AsyncClient`.
    """,
    why="""
        `TypeError: StreamableHTTPTransport.__init__() got an unexpected keyword argument 'headers'`.
    """,
    example="""
         from mcp.client.streamable_http import StreamableHTTPTransport

        +# mcp-migrate: TRN003 `StreamableHTTPTransport(url)` takes only the URL: set headers, timeouts and auth on the `httpx2.AsyncClient` instead https://py.sdk.modelcontextprotocol.io/v2/migration/#streamablehttptransport-parameters-removed
         transport = StreamableHTTPTransport("https://example.com/mcp", headers={"Authorization": "Bearer t"})
    """,
    v1_names=[sdk.STREAMABLE_HTTP_TRANSPORT + ".__init__(%s)" % p for p in PARAMS],
    v2_names=[sdk.STREAMABLE_HTTP_TRANSPORT],
)
def check(ctx: PythonContext):
    for call in ctx.calls(sdk.STREAMABLE_HTTP_TRANSPORT):
        if len(call.args) > 1 or any(k.arg in PARAMS or k.arg is None for k in call.keywords):
            ctx.manual(
                call,
                "`StreamableHTTPTransport(url)` takes only the URL: set headers, timeouts and auth "
                "on the `httpx2.AsyncClient` instead",
            )
