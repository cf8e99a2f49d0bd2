"""Tool catalogue and the tools/call dispatcher."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import mcp.types as types
from mcp.server.lowlevel.server import CombinationContent, StructuredContent, UnstructuredContent
from mcp.shared.exceptions import McpError
from mcp.shared.progress import ProgressContext
from pydantic import AnyUrl, ValidationError

from ledgerdb.errors import invalid_params
from ledgerdb.pagination import paginate
from ledgerdb.store import LedgerError, PostingBatch, UnbalancedEntry

if TYPE_CHECKING:
    from ledgerdb.server import LedgerServer

ToolOutput = UnstructuredContent | StructuredContent | CombinationContent | types.CallToolResult
ToolHandler = Callable[["LedgerServer", dict[str, Any]], Awaitable[ToolOutput]]

_POSTING_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"account": {"type": "string"}, "amount_cents": {"type": "integer"}},
    "required": ["account", "amount_cents"],
}


def _tool(
    name: str,
    description: str,
    input_schema: dict[str, Any],
    output_schema: dict[str, Any] | None = None,
    *,
    title: str | None = None,
    **hints: bool,
) -> types.Tool:
    return types.Tool(
        name=name,
        title=title,
        description=description,
        inputSchema=input_schema,
        outputSchema=output_schema,
        annotations=types.ToolAnnotations.model_validate(hints),
        execution=types.ToolExecution(taskSupport=types.TASK_FORBIDDEN),
    )


def _object(required: list[str], **properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required}


TOOLS: list[types.Tool] = [
    _tool(
        "query",
        "Run a SELECT against the ledger database. Write statements are rejected.",
        {**_object(["sql"], sql={"type": "string"}, params={"type": "array"}, maxRows={"type": "integer", "minimum": 1}),
         "additionalProperties": False},
        _object(
            ["columns", "rows", "rowCount", "truncated"],
            columns={"type": "array", "items": {"type": "string"}},
            rows={"type": "array"},
            rowCount={"type": "integer"},
            truncated={"type": "boolean"},
        ),
        title="Run a read-only SQL query",
        readOnlyHint=True,
        openWorldHint=False,
    ),
    _tool(
        "post_entry",
        "Post a balanced journal entry. Positive amounts debit, negative amounts credit.",
        _object(
            ["memo", "postings"],
            memo={"type": "string", "minLength": 1},
            postings={"type": "array", "items": _POSTING_SCHEMA, "minItems": 2},
        ),
        _object(["entryId", "accounts"], entryId={"type": "integer"}, accounts={"type": "array", "items": {"type": "string"}}),
        title="Post a journal entry",
        readOnlyHint=False,
        destructiveHint=False,
        idempotentHint=False,
    ),
    _tool(
        "account_balance",
        "Current balance of one account, in cents.",
        _object(["account"], account={"type": "string"}),
        _object(
            ["account", "balanceCents", "currency"],
            account={"type": "string"},
            balanceCents={"type": "integer"},
            currency={"type": "string"},
        ),
        readOnlyHint=True,
    ),
    _tool(
        "trial_balance",
        "Balances of every account; reports progress per account when asked to.",
        _object([]),
        readOnlyHint=True,
        idempotentHint=True,
    ),
    _tool(
        "void_entry",
        "Mark a journal entry as void. Its postings stop counting towards balances.",
        _object(["entryId"], entryId={"type": "integer", "minimum": 1}),
        destructiveHint=True,
        idempotentHint=False,
    ),
    _tool(
        "open_account",
        "Create a new account in the chart of accounts.",
        _object(
            ["id", "name", "kind"],
            id={"type": "string", "pattern": "^[a-z][a-z0-9_-]*$"},
            name={"type": "string"},
            kind={"enum": ["asset", "liability", "equity", "income", "expense"]},
            currency={"type": "string", "minLength": 3, "maxLength": 3},
        ),
        destructiveHint=False,
    ),
]


def account_uri(account_id: str) -> AnyUrl:
    return AnyUrl(f"ledger://accounts/{account_id}")


async def _log(server: LedgerServer, level: types.LoggingLevel, data: Any) -> None:
    ctx = server.request_context
    if ctx.lifespan_context.wants(level):
        await ctx.session.send_log_message(
            level=level, data=data, logger="ledgerdb.tools", related_request_id=ctx.request_id
        )


async def _query(server: LedgerServer, args: dict[str, Any]) -> StructuredContent:
    state = server.state
    max_rows = min(int(args.get("maxRows", state.settings.max_rows)), state.settings.max_rows)
    result = state.store.run_select(args["sql"], args.get("params") or [], max_rows=max_rows)
    await _log(server, "debug", {"sql": args["sql"], "rows": len(result.rows)})
    return result.as_payload()


async def _post_entry(server: LedgerServer, args: dict[str, Any]) -> CombinationContent:
    state = server.state
    try:
        batch = PostingBatch.model_validate(args["postings"])
    except ValidationError as exc:
        raise invalid_params(f"invalid postings: {exc.errors()[0]['msg']}") from exc
    entry_id = state.store.post(batch, memo=args["memo"], actor=server.actor())
    touched = [account_uri(a) for a in batch.accounts()] + [AnyUrl("ledger://trial-balance")]
    notified = await state.subscriptions.publish(touched)
    await _log(server, "info", {"event": "entry_posted", "entryId": entry_id, "notified": notified})
    link = types.ResourceLink(
        type="resource_link",
        uri=AnyUrl(f"ledger://entries/{entry_id}"),
        name=f"entry-{entry_id}",
        mimeType="application/json",
    )
    content: list[types.ContentBlock] = [types.TextContent(type="text", text=f"Posted entry {entry_id}"), link]
    return content, {"entryId": entry_id, "accounts": batch.accounts()}


async def _account_balance(server: LedgerServer, args: dict[str, Any]) -> StructuredContent:
    account = server.state.store.get_account(args["account"])
    return {"account": account["id"], "balanceCents": account["balanceCents"], "currency": account["currency"]}


async def _trial_balance(server: LedgerServer, args: dict[str, Any]) -> types.CallToolResult:
    ctx = server.request_context
    rows = ctx.lifespan_context.store.trial_balance()
    if ctx.meta is not None and ctx.meta.progressToken is not None:
        tracker = ProgressContext(ctx.session, ctx.meta.progressToken, total=len(rows))
        for row in rows:
            await tracker.progress(1, message=row["account"])
    total = sum(row["balanceCents"] for row in rows)
    lines = [f"{row['account']:<12} {row['balanceCents']:>12}" for row in rows]
    return types.CallToolResult(
        content=[types.TextContent(type="text", text="\n".join(lines))],
        structuredContent={"accounts": rows, "totalCents": total, "balanced": total == 0},
        isError=False,
    )


async def _void_entry(server: LedgerServer, args: dict[str, Any]) -> UnstructuredContent:
    state = server.state
    accounts = state.store.void(int(args["entryId"]))
    await state.subscriptions.publish([account_uri(a) for a in accounts])
    return [types.TextContent(type="text", text=f"Voided entry {args['entryId']}; affected: {', '.join(accounts)}")]


async def _open_account(server: LedgerServer, args: dict[str, Any]) -> StructuredContent:
    account = server.state.store.open_account(args["id"], args["name"], args["kind"], args.get("currency", "EUR"))
    await server.request_context.session.send_notification(
        types.ServerNotification(types.ResourceListChangedNotification())
    )
    return account


HANDLERS: dict[str, ToolHandler] = {
    "query": _query,
    "post_entry": _post_entry,
    "account_balance": _account_balance,
    "trial_balance": _trial_balance,
    "void_entry": _void_entry,
    "open_account": _open_account,
}


def register_tools(server: LedgerServer) -> None:
    @server.list_tools()
    async def list_tools(request: types.ListToolsRequest) -> types.ListToolsResult:
        if request is None:
            # The SDK refreshes its tool cache (used for schema validation) with no request.
            return types.ListToolsResult(tools=list(TOOLS))
        cursor = request.params.cursor if request.params is not None else None
        page, next_cursor = paginate(TOOLS, cursor, server.settings.page_size, "tools")
        return types.ListToolsResult(tools=page, nextCursor=next_cursor)

    @server.call_tool()
    async def call_tool(name: str, arguments: dict[str, Any]) -> ToolOutput:
        handler = HANDLERS.get(name)
        if handler is None:
            raise McpError(types.ErrorData(code=types.METHOD_NOT_FOUND, message=f"Unknown tool: {name}"))
        try:
            return await handler(server, arguments)
        except UnbalancedEntry as exc:
            raise invalid_params(str(exc), imbalance=exc.imbalance) from exc
        except LedgerError as exc:
            await _log(server, "warning", {"tool": name, "error": str(exc)})
            raise

