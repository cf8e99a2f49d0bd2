"""Prompts for common bookkeeping chores, and argument completion."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from ledgerdb.errors import invalid_params
from ledgerdb.pagination import paginate
from ledgerdb.store import UnknownAccount

if TYPE_CHECKING:
    from ledgerdb.server import LedgerServer

MAX_COMPLETIONS = 5
PROMPT_PAGE_SIZE = 1

PROMPTS = [
    types.Prompt(
        name="reconcile_account",
        title="Reconcile an account",
        description="Compare the ledger balance of an account with a bank statement.",
        arguments=[
            types.PromptArgument(name="account_id", description="Ledger account id", required=True),
            types.PromptArgument(name="statement_balance", description="Balance on the statement, in cents"),
        ],
    ),
    types.Prompt(
        name="month_end_close",
        description="Checklist for closing a month.",
        arguments=[types.PromptArgument(name="month", description="YYYY-MM", required=True)],
    ),
]


def _recent_months(today: date, count: int = 12) -> list[str]:
    months: list[str] = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def _user(text: str) -> types.PromptMessage:
    return types.PromptMessage(role="user", content=types.TextContent(type="text", text=text))


def register_prompts(server: LedgerServer) -> None:
    @server.list_prompts()
    async def list_prompts(request: types.ListPromptsRequest) -> types.ListPromptsResult:
        cursor = request.params.cursor if request.params is not None else None
        page, next_cursor = paginate(PROMPTS, cursor, PROMPT_PAGE_SIZE, "prompts")
        return types.ListPromptsResult(prompts=page, nextCursor=next_cursor)

    @server.get_prompt()
    async def get_prompt(name: str, arguments: dict[str, str] | None) -> types.GetPromptResult:
        args = arguments or {}
        store = server.state.store
        if name == "reconcile_account":
            account_id = args.get("account_id", "")
            try:
                account = store.get_account(account_id)
            except UnknownAccount as exc:
                raise invalid_params(str(exc), argument="account_id") from exc
            embedded = types.EmbeddedResource(
                type="resource",
                resource=types.TextResourceContents(
                    uri=AnyUrl(f"ledger://accounts/{account_id}"), mimeType="application/json", text=json.dumps(account)
                ),
            )
            statement = args.get("statement_balance")
            ask = f"The bank statement says {statement} cents." if statement else "Ask me for the statement balance."
            return types.GetPromptResult(
                description=f"Reconcile {account['name']}",
                messages=[
                    _user(f"Reconcile ledger account {account_id!r}. {ask}"),
                    types.PromptMessage(role="user", content=embedded),
                ],
            )
        if name == "month_end_close":
            month = args.get("month") or _recent_months(date.today(), 1)[0]
            return types.GetPromptResult(
                messages=[
                    _user(f"Close the books for {month}."),
                    _user("Check the trial balance resource ledger://trial-balance and list unbalanced accounts."),
                ]
            )
        raise McpError(types.ErrorData(code=types.INVALID_PARAMS, message=f"Unknown prompt: {name}"))

    @server.completion()
    async def complete(
        ref: types.PromptReference | types.ResourceTemplateReference,
        argument: types.CompletionArgument,
        context: types.CompletionContext | None,
    ) -> types.Completion | None:
        store = server.state.store
        candidates: list[str]
        if isinstance(ref, types.ResourceTemplateReference):
            if ref.uri == "ledger://accounts/{account_id}" and argument.name == "account_id":
                candidates = store.account_ids(argument.value)
            else:
                return None
        elif ref.name == "reconcile_account" and argument.name == "account_id":
            candidates = [a for a in store.account_ids(argument.value) if store.get_account(a)["kind"] == "asset"]
        elif ref.name == "month_end_close" and argument.name == "month":
            candidates = [m for m in _recent_months(date.today()) if m.startswith(argument.value)]
        else:
            return None
        return types.Completion(
            values=candidates[:MAX_COMPLETIONS],
            total=len(candidates),
            hasMore=len(candidates) > MAX_COMPLETIONS,
        )
