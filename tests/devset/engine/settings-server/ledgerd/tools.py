"""Tools exposed by ledgerd."""

from __future__ import annotations

import json
from typing import Any

import anyio
from pydantic import AnyUrl, BaseModel, Field

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.elicitation import AcceptedElicitation, CancelledElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import INVALID_PARAMS, EmbeddedResource, ErrorData, TextResourceContents, ToolAnnotations

from ledgerd.auth import current_principal
from ledgerd.server import AppContext
from ledgerd.store import StoreError, quantize

LedgerContext = Context[ServerSession, AppContext]

READ_ONLY = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
WRITES = ToolAnnotations(readOnlyHint=False, destructiveHint=False, idempotentHint=False, openWorldHint=False)


class PeriodCloseConfirmation(BaseModel):
    confirm: bool = Field(description="Close the period and lock its entries")
    note: str = Field(default="", description="Optional note for the audit log")


def account_uri(code: str) -> AnyUrl:
    return AnyUrl(f"ledger://accounts/{code}")


def _unknown_account(code: str) -> McpError:
    return McpError(ErrorData(code=INVALID_PARAMS, message=f"Unknown account {code}", data={"account": code}))


def register_tools(mcp: FastMCP[AppContext]) -> None:
    @mcp.tool(annotations=READ_ONLY, title="Account balance")
    async def balance(account: str, ctx: LedgerContext) -> dict[str, Any]:
        """Current balance of one account."""
        app = ctx.request_context.lifespan_context
        if not app.store.has_account(account):
            raise _unknown_account(account)
        amount = app.store.balance(account)
        await ctx.debug(f"balance lookup for {account}")
        return {"account": account, "balance": str(amount), "currency": app.config.currency}

    @mcp.tool(annotations=WRITES, title="Post entry")
    async def post_entry(account: str, amount: float, memo: str, ctx: LedgerContext) -> dict[str, Any]:
        """Post a single entry to an account and notify subscribers."""
        app = ctx.request_context.lifespan_context
        if quantize(amount) == 0:
            raise ToolError("amount must be non-zero")
        if not app.store.has_account(account):
            raise _unknown_account(account)
        try:
            entry = await app.store.post(account, amount, memo)
        except StoreError as exc:
            await ctx.error(str(exc))
            raise ToolError(str(exc)) from exc
        await ctx.info(f"posted #{entry.id} to {account}")
        await ctx.session.send_resource_updated(account_uri(account))
        return {"entryId": entry.id, "period": entry.period, "balance": str(app.store.balance(account))}

    @mcp.tool(annotations=READ_ONLY)
    async def reconcile(accounts: list[str], ctx: LedgerContext) -> str:
        """Recompute balances for several accounts, reporting progress per account."""
        app = ctx.request_context.lifespan_context
        meta = ctx.request_context.meta
        wants_progress = meta is not None and meta.progressToken is not None
        total = len(accounts)
        lines: list[str] = []
        for done, code in enumerate(accounts, start=1):
            if app.store.has_account(code):
                lines.append(f"{code}: {app.store.balance(code)}")
            else:
                await ctx.log(level="warning", message=f"skipping unknown account {code}", logger_name="ledgerd.reconcile")
                lines.append(f"{code}: unknown")
            if wants_progress:
                await ctx.report_progress(done, total, message=f"reconciled {code}")
            await anyio.sleep(0)
        return "\n".join(lines)

    @mcp.tool(annotations=WRITES, title="Close period")
    async def close_period(account: str, period: str, ctx: LedgerContext) -> str:
        """Lock a period after asking the user for confirmation."""
        app = ctx.request_context.lifespan_context
        if not app.store.has_account(account):
            raise _unknown_account(account)
        answer = await ctx.elicit(
            message=f"Close {period} for account {account}? Entries in this period become read-only.",
            schema=PeriodCloseConfirmation,
        )
        match answer:
            case AcceptedElicitation(data=data) if data.confirm:
                locked = app.store.close_period(account, period)
                await ctx.info(f"closed {period} for {account} ({locked} entries) {data.note}".strip())
                return f"closed {period}: {locked} entries locked"
            case AcceptedElicitation():
                return "not confirmed; nothing changed"
            case DeclinedElicitation():
                return "declined; nothing changed"
            case CancelledElicitation():
                return "cancelled"

    @mcp.tool(annotations=READ_ONLY)
    async def account_report(account: str, ctx: LedgerContext) -> str:
        """Render a short plain-text report from the account resource."""
        contents = await ctx.read_resource(account_uri(account))
        parts: list[str] = []
        for item in contents:
            payload = item.content if isinstance(item.content, str) else item.content.decode()
            data = json.loads(payload)
            parts.append(f"{data['title']} ({data['code']}): {data['balance']} over {len(data['entries'])} entries")
        return "\n".join(parts)

    @mcp.tool(annotations=READ_ONLY)
    def whoami() -> dict[str, Any]:
        """Describe the calling client and this request."""
        ctx = mcp.get_context()
        token = get_access_token()
        return {
            "clientId": ctx.client_id,
            "requestId": ctx.request_id,
            "server": ctx.fastmcp.name,
            "principal": current_principal(),
            "authenticated": token is not None,
        }

    @mcp.tool(annotations=READ_ONLY)
    async def server_settings(ctx: LedgerContext) -> dict[str, Any]:
        """Expose the effective transport settings (useful when debugging deployments)."""
        settings = ctx.fastmcp.settings
        return {
            "host": settings.host,
            "port": settings.port,
            "mountPath": settings.mount_path,
            "ssePath": settings.sse_path,
            "messagePath": settings.message_path,
            "streamableHttpPath": settings.streamable_http_path,
            "statelessHttp": settings.stateless_http,
            "jsonResponse": settings.json_response,
            "logLevel": settings.log_level,
            "clientLogLevel": ctx.request_context.lifespan_context.client_log_level,
        }

    @mcp.tool(annotations=READ_ONLY, structured_output=False)
    async def entry_document(entry_id: int, ctx: LedgerContext) -> EmbeddedResource:
        """Return one entry as an embedded JSON document."""
        entry = ctx.request_context.lifespan_context.store.entry(entry_id)
        if entry is None:
            raise ToolError(f"no entry {entry_id}")
        return EmbeddedResource(
            type="resource",
            resource=TextResourceContents(
                uri=AnyUrl(f"ledger://entries/{entry_id}"),
                mimeType="application/json",
                text=json.dumps(entry.as_row()),
            ),
        )
