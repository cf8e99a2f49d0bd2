from .. import sdk
from ..context import PythonContext
from ..framework import rule

ANCHOR = "streamablehttp_client-removed"
CLIENT_MOVED = ("headers", "timeout", "sse_read_timeout", "auth", "httpx_client_factory")
HOW = ("build an `httpx2.AsyncClient(headers=..., timeout=httpx2.Timeout(30, read=300), auth=..., "
       "follow_redirects=True)`, pass it as `http_client=` and close it (`async with http_client:`)")


@rule(
    code="TRN001",
    title="`streamablehttp_client` removed",
    anchor=ANCHOR,
    fix_class="safe",
    summary="""
        Renames `streamablehttp_client` to `streamable_http_client` (imports, references, patch targets).
        Calls passing `headers=`, `timeout=`, `sse_read_timeout=`, `auth=` or `httpx_client_factory=`
        (or more than the URL positionally) get a marker: those settings move to an `httpx2.AsyncClient`
        passed as `http_client=`.
    """,
    why="""
        `ImportError: cannot import name 'streamablehttp_client' from 'mcp.client.streamable_http'`;
        the new function takes only `url`, `http_client=` and `terminate_on_close=`.
    """,
    example="""
         from mcp import ClientSession
        -from mcp.client.streamable_http import streamablehttp_client
        +from mcp.client.streamable_http import streamable_http_client


         async def main(url: str) -> None:
        -    async with streamablehttp_client(url) as (read, write, _):
        +    async with streamable_http_client(url) as (read, write, _):
                 async with ClientSession(read, write) as session:
                     await session.initialize()
    """,
    v1_names=[sdk.STREAMABLEHTTP_CLIENT] + [sdk.STREAMABLEHTTP_CLIENT + "(%s)" % k for k in CLIENT_MOVED],
    v2_names=[sdk.STREAMABLE_HTTP_CLIENT, sdk.STREAMABLE_HTTP_CLIENT + "(http_client)"],
)
def check(ctx: PythonContext):
    for call in ctx.calls(*sdk.STREAMABLE_HTTP_CLIENTS):
        moved = [k.arg for k in call.keywords if k.arg in CLIENT_MOVED]
        if len(call.args) > 1 or moved or any(k.arg is None for k in call.keywords):
            names = ", ".join("`%s=`" % m for m in moved) or "the extra arguments"
            ctx.manual(call, "`streamable_http_client()` takes only `url`, `http_client=`, `terminate_on_close=`: "
                             "for %s %s" % (names, HOW))
    ctx.rename_symbol(sdk.STREAMABLEHTTP_CLIENT, "streamable_http_client",
                      "`streamablehttp_client` is `streamable_http_client` in v2")
