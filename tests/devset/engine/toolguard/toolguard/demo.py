"""Demo billing server used in the README and the tests.

    mcp run toolguard/demo.py
"""

from __future__ import annotations

import anyio
from pydantic import BaseModel, Field

from toolguard._sdk import Context, ServerSession, ToolError
from toolguard.server import GuardedFastMCP

INVOICES: dict[str, list[float]] = {
    "acme": [120.0, 80.5, 42.25],
    "globex": [999.99],
    "initech": [],
}


class InvoiceSummary(BaseModel):
    customer: str
    count: int
    total: float = Field(description="Sum of open invoices")


class RefundConfirmation(BaseModel):
    confirm: bool = Field(description="Issue the refund?")
    reason: str = Field(default="", description="Reason shown on the credit note")


def build_demo() -> GuardedFastMCP:
    mcp = GuardedFastMCP("billing-demo", "Billing lookups and refunds for support agents.")

    @mcp.guard_tool(scopes=["billing:read"], ttl=60, read_only=True, title="Invoice total")
    async def invoice_total(customer: str, ctx: Context[ServerSession, object]) -> InvoiceSummary:
        """Sum of a customer's open invoices."""
        if customer not in INVOICES:
            raise ToolError(f"unknown customer {customer!r}")
        await ctx.info(f"summing invoices for {customer}")
        rows = INVOICES[customer]
        return InvoiceSummary(customer=customer, count=len(rows), total=round(sum(rows), 2))

    @mcp.guard_tool(scopes=["billing:write"], per_minute=2)
    async def refund(customer: str, amount: float, ctx: Context) -> str:
        """Refund an amount after the agent confirms."""
        answer = await ctx.elicit(f"Refund {amount:.2f} to {customer}?", schema=RefundConfirmation)
        if answer.action != "accept" or not answer.data.confirm:
            return "refund cancelled"
        INVOICES.setdefault(customer, []).append(-amount)
        return f"refunded {amount:.2f} to {customer} ({answer.data.reason or 'no reason'})"

    @mcp.guard_tool(scopes=["billing:admin"])
    async def recompute(ctx: Context) -> dict[str, float]:
        """Recompute all balances, reporting progress."""
        totals: dict[str, float] = {}
        names = sorted(INVOICES)
        for i, name in enumerate(names, start=1):
            totals[name] = round(sum(INVOICES[name]), 2)
            await ctx.report_progress(i, len(names), message=name)
            await anyio.sleep(0)
        return totals

    @mcp.tool()
    async def whoami(ctx: Context) -> dict[str, object]:
        """Echo the identity toolguard sees for this request."""
        from toolguard.identity import resolve_caller

        caller = resolve_caller(ctx)
        return {"client_id": caller.client_id, "scopes": sorted(caller.scopes), "source": caller.source}

    @mcp.tool()
    def health() -> str:
        return "ok"

    return mcp


mcp = build_demo()

if __name__ == "__main__":
    mcp.run()
