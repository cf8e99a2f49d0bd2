from ..deps.context import DepsContext
from ..framework import rule


@rule(
    code="PKG003",
    title="`httpx` and `httpx-sse` replaced by `httpx2`",
    anchor="httpx-and-httpx-sse-replaced-by-httpx2",
    fix_class="manual",
    summary="""
        Marks `httpx` and `httpx-sse` dependencies in a project that depends on `mcp`: the SDK now
        uses `httpx2` and no longer installs either.
    """,
    why="""
        Objects handed to the SDK (`http_client=`, `auth=`, a custom `httpx_client_factory`) must be
        `httpx2` types; `except httpx.ConnectError` silently stops matching; `httpx-sse` helpers map to
        `httpx2.EventSource`. Keep `httpx` only if your own code still imports it.
    """,
    example="""
         [project]
         name = "weather-server"
         dependencies = [
             "mcp>=1.28",
        +    # mcp-migrate: PKG003 mcp v2 uses `httpx2`, not `httpx`: objects passed to the SDK must be `httpx2` types; keep `httpx` only if your own code imports it, or port it to `httpx2` https://py.sdk.modelcontextprotocol.io/v2/migration/#httpx-and-httpx-sse-replaced-by-httpx2
             "httpx>=0.27",
        +    # mcp-migrate: PKG003 mcp v2 dropped `httpx-sse`: use `httpx2.EventSource` / `AsyncClient.sse()` and remove this dependency https://py.sdk.modelcontextprotocol.io/v2/migration/#httpx-and-httpx-sse-replaced-by-httpx2
             "httpx-sse>=0.4",
         ]
    """,
    kinds=("pyproject", "requirements", "setup_cfg", "setup_py"),
)
def check(ctx: DepsContext):
    if not ctx.depends_on("mcp"):
        return
    for req in ctx.requirements():
        if req.name == "httpx":
            ctx.manual(
                req,
                "mcp v2 uses `httpx2`, not `httpx`: objects passed to the SDK must be `httpx2` "
                "types; keep `httpx` only if your own code imports it, or port it to `httpx2`",
            )
        elif req.name == "httpx-sse":
            ctx.manual(
                req,
                "mcp v2 dropped `httpx-sse`: use `httpx2.EventSource` / `AsyncClient.sse()` and remove this dependency",
            )
