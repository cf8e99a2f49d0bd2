from mcp.server.fastmcp import Context, FastMCP


def register(mcp: FastMCP) -> None:
    @mcp.tool()
    def audit_log(ctx: Context) -> list[str]:
        """Everything that changed since startup."""
        return list(ctx.request_context.lifespan_context.audit)

    @mcp.tool()
    async def server_status() -> dict[str, object]:
        ctx = mcp.get_context()
        state = ctx.request_context.lifespan_context
        return {
            "server": ctx.fastmcp.name,
            "notes": len(state.store.all()),
            "request": ctx.request_id,
            "port": mcp.settings.port,
        }
