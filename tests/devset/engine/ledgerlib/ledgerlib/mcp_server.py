"""Optional MCP front-end: ``pip install ledgerlib[mcp]`` then ``ledger-mcp``."""

from __future__ import annotations

from datetime import date

from mcp.server.fastmcp import Context, FastMCP
from mcp.types import CallToolResult, TextContent, ToolAnnotations

from .config import load_config
from .db import Ledger
from .money import parse_amount

config = load_config()
ledger = Ledger(config.database, read_only=config.read_only)

mcp = FastMCP(
    "ledger",
    instructions=f"Bookkeeping in {config.base_currency}. Entries must balance.",
    host=config.server.host,
    port=config.server.port,
    json_response=config.server.json_response,
    stateless_http=config.server.stateless_http,
)


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def list_accounts(cursor: str | None = None) -> dict[str, object]:
    page = ledger.list_accounts(cursor)
    return {"accounts": page.items, "next": page.nextCursor}


@mcp.tool(annotations=ToolAnnotations(readOnlyHint=True))
def balance(account: str, until: str | None = None) -> str:
    when = date.fromisoformat(until) if until else None
    return ledger.balance(account, config.base_currency, when).format()


@mcp.tool(annotations=ToolAnnotations(destructiveHint=False, idempotentHint=False))
async def post_entry(memo: str, lines: dict[str, str], ctx: Context, booked_on: str | None = None) -> CallToolResult:
    """Post a balanced entry. `lines` maps account code -> signed amount, e.g. {"1000": "-12.50"}."""
    parsed = [(acct, parse_amount(amount, config.base_currency)) for acct, amount in lines.items()]
    result = ledger.post(date.fromisoformat(booked_on) if booked_on else date.today(), memo, parsed)
    if result.isError:
        await ctx.warning(f"rejected entry: {result.message}")
        return CallToolResult(content=[TextContent(type="text", text=result.message)], isError=True)
    for warning in result.warnings:
        await ctx.info(warning)
    return CallToolResult(
        content=[TextContent(type="text", text=f"posted entry {result.entryId}")],
        structuredContent={"entry_id": result.entryId, "warnings": result.warnings},
        _meta={"ledger/db": str(config.database)},
    )


@mcp.resource("ledger://entries/{since}", mime_type="application/json")
def entries_since(since: str) -> list[dict[str, str]]:
    return list(ledger.iter_entries(date.fromisoformat(since)))


def main() -> None:
    import sys

    transport = sys.argv[1] if len(sys.argv) > 1 else "stdio"
    if transport == "sse":
        mcp.settings.mount_path = config.server.mount_path
        mcp.run("sse")
    elif transport == "http":
        mcp.run("streamable-http")
    else:
        mcp.run()


if __name__ == "__main__":
    main()
