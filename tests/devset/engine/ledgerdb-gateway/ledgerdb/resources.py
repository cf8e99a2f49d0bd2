"""Resources: the schema, the trial balance, accounts and journal entries."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import mcp.types as types
from mcp.server.lowlevel.helper_types import ReadResourceContents
from pydantic import AnyUrl

from ledgerdb.errors import resource_not_found
from ledgerdb.pagination import paginate
from ledgerdb.store import SCHEMA, LedgerStore, UnknownAccount

if TYPE_CHECKING:
    from ledgerdb.server import LedgerServer

JSON = "application/json"

STATIC_RESOURCES = [
    types.Resource(
        uri=AnyUrl("ledger://schema"),
        name="schema",
        title="Database schema",
        description="CREATE TABLE statements for the ledger database.",
        mimeType="text/x-sql",
    ),
    types.Resource(
        uri=AnyUrl("ledger://trial-balance"),
        name="trial-balance",
        title="Trial balance",
        mimeType=JSON,
        annotations=types.Annotations(audience=["assistant"], priority=0.8),
    ),
]

TEMPLATES = [
    types.ResourceTemplate(
        uriTemplate="ledger://accounts/{account_id}",
        name="account",
        description="One account with its current balance.",
        mimeType=JSON,
    ),
    types.ResourceTemplate(
        uriTemplate="ledger://entries/{entry_id}",
        name="entry",
        description="A journal entry and its postings.",
        mimeType=JSON,
    ),
]


def _json(payload: Any) -> list[ReadResourceContents]:
    return [ReadResourceContents(content=json.dumps(payload, indent=2, sort_keys=True), mime_type=JSON)]


def account_resources(store: LedgerStore) -> list[types.Resource]:
    return [
        types.Resource(uri=AnyUrl(f"ledger://accounts/{account_id}"), name=f"account:{account_id}", mimeType=JSON)
        for account_id in store.account_ids()
    ]


def read_ledger_uri(store: LedgerStore, uri: AnyUrl) -> list[ReadResourceContents]:
    if uri.scheme != "ledger":
        raise resource_not_found(uri)
    segments = [part for part in (uri.path or "").split("/") if part]
    match uri.host, segments:
        case "schema", []:
            return [ReadResourceContents(content=SCHEMA.strip(), mime_type="text/x-sql")]
        case "trial-balance", []:
            return _json(store.trial_balance())
        case "accounts", [account_id]:
            try:
                return _json(store.get_account(account_id))
            except UnknownAccount:
                raise resource_not_found(uri) from None
        case "entries", [entry_id] if entry_id.isdigit():
            entry = store.get_entry(int(entry_id))
            if entry is not None:
                return _json(entry)
        case _:
            pass
    raise resource_not_found(uri)


def register_resources(server: LedgerServer) -> None:
    @server.list_resources()
    async def list_resources(request: types.ListResourcesRequest) -> types.ListResourcesResult:
        cursor = request.params.cursor if request.params is not None else None
        everything = STATIC_RESOURCES + account_resources(server.state.store)
        page, next_cursor = paginate(everything, cursor, server.settings.page_size, "resources")
        return types.ListResourcesResult(resources=page, nextCursor=next_cursor)

    @server.list_resource_templates()
    async def list_resource_templates() -> list[types.ResourceTemplate]:
        return TEMPLATES

    @server.read_resource()
    async def read_resource(uri: AnyUrl) -> Iterable[ReadResourceContents]:
        return read_ledger_uri(server.state.store, uri)

    @server.subscribe_resource()
    async def subscribe_resource(uri: AnyUrl) -> None:
        ctx = server.request_context
        read_ledger_uri(ctx.lifespan_context.store, uri)  # refuse subscriptions to unknown URIs
        ctx.lifespan_context.subscriptions.subscribe(uri, ctx.session)

    @server.unsubscribe_resource()
    async def unsubscribe_resource(uri: AnyUrl) -> None:
        ctx = server.request_context
        ctx.lifespan_context.subscriptions.unsubscribe(uri, ctx.session)
