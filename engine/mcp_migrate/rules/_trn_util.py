"""Shared names for the transport rules."""

SHC = "mcp.client.streamable_http"
OLD_CLIENT = SHC + ".streamablehttp_client"
NEW_CLIENT = SHC + ".streamable_http_client"
CLIENTS = (OLD_CLIENT, NEW_CLIENT)
TRANSPORT = SHC + ".StreamableHTTPTransport"
CLIENT_MOVED = ("headers", "timeout", "sse_read_timeout", "auth", "httpx_client_factory")


def mentions(ctx, *qualnames) -> bool:
    """The file imports or references one of `qualnames` (an import alone counts)."""
    import ast

    from ..resolver import canonical

    if ctx.references(*qualnames):
        return True
    wanted = {canonical(q) for q in qualnames}
    for imp in ctx.walk(ast.ImportFrom):
        if imp.level == 0 and imp.module and any(canonical(imp.module + "." + a.name) in wanted for a in imp.names):
            return True
    return False
