"""Prompt templates."""

from __future__ import annotations

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts.base import AssistantMessage, Message, UserMessage

from ledgerd.server import AppContext


def register_prompts(mcp: FastMCP[AppContext]) -> None:
    @mcp.prompt(title="Monthly review")
    def monthly_review(account: str, month: str) -> list[Message]:
        """Walk through one account's entries for a month."""
        return [
            UserMessage(f"Review account {account} for {month}. Flag entries without a memo."),
            AssistantMessage("I'll start by reading the account resource and its balance."),
            UserMessage(f"Then summarise anything unusual in {month} in three bullet points."),
        ]

    @mcp.prompt(name="explain-entry")
    async def explain_entry(entry_id: str, ctx: Context) -> str:
        """Explain why an entry was posted."""
        app: AppContext = ctx.request_context.lifespan_context
        entry = app.store.entry(int(entry_id))
        if entry is None:
            return f"Entry {entry_id} does not exist; ask the user for a valid id."
        return (
            f"Entry {entry.id} moved {entry.amount} {app.config.currency} on account {entry.account} "
            f"in {entry.period} with memo {entry.memo!r}. Explain its likely business purpose."
        )
