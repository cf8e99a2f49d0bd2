"""Resources and completions served by ledgerd."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import AnyUrl

from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.resources import FileResource, TextResource
from mcp.types import (
    Annotations,
    Completion,
    CompletionArgument,
    CompletionContext,
    PromptReference,
    ResourceTemplateReference,
)

from ledgerd.server import AppContext
from ledgerd.store import LedgerStore

ASSETS = Path(__file__).resolve().parent / "assets"

ABOUT = """\
# ledgerd

Double-entry ledger exposed over MCP.

* `ledger://accounts` lists the chart of accounts
* `ledger://accounts/{code}` shows one account with its entries
* `ledger://policy` is the posting policy document
"""

ACCOUNT_TEMPLATE = "ledger://accounts/{code}"


def register_resources(mcp: FastMCP[AppContext], store: LedgerStore) -> None:
    mcp.add_resource(
        TextResource(
            uri=AnyUrl("ledger://about"),
            name="about",
            title="About ledgerd",
            text=ABOUT,
            mime_type="text/markdown",
            annotations=Annotations(audience=["user", "assistant"], priority=0.2),
        )
    )
    mcp.add_resource(
        FileResource(
            uri=AnyUrl("ledger://policy"),
            name="posting-policy",
            path=ASSETS / "posting-policy.json",
            mime_type="application/json",
            description="Rules every posted entry must satisfy",
        )
    )

    @mcp.resource("ledger://accounts", name="accounts", mime_type="application/json")
    def chart_of_accounts() -> str:
        """The chart of accounts, first page."""
        app = mcp.get_context().request_context.lifespan_context
        return json.dumps(app.store.page_accounts(limit=app.config.page_size))

    @mcp.resource(ACCOUNT_TEMPLATE, name="account", mime_type="application/json")
    async def account_detail(code: str, ctx: Context) -> str:
        """One account with its balance and entries."""
        acct = store.account(code)
        await ctx.debug(f"rendering account {code}")
        return json.dumps(
            {
                "code": acct.code,
                "title": acct.title,
                "kind": acct.kind,
                "balance": str(store.balance(code)),
                "entries": [e.as_row() for e in store.entries(code)],
                "closedPeriods": sorted(acct.closed_periods),
            }
        )

    @mcp.completion()
    async def complete(
        ref: PromptReference | ResourceTemplateReference,
        argument: CompletionArgument,
        context: CompletionContext | None,
    ) -> Completion | None:
        codes: list[str] = []
        if isinstance(ref, ResourceTemplateReference) and ref.uri == ACCOUNT_TEMPLATE and argument.name == "code":
            codes = store.account_codes(argument.value)
        elif isinstance(ref, PromptReference) and argument.name == "account":
            codes = store.account_codes(argument.value)
        elif isinstance(ref, PromptReference) and argument.name == "month":
            year = (context.arguments or {}).get("year", "2024") if context else "2024"
            codes = [f"{year}-{m:02d}" for m in range(1, 13) if f"{m:02d}".startswith(argument.value)]
        else:
            return None
        return Completion(values=codes[:10], total=len(codes), hasMore=len(codes) > 10)
