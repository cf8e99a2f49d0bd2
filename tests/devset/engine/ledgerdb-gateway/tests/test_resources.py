"""Resources, templates, subscriptions, prompts and completions."""

from __future__ import annotations

import json

import mcp.types as types
from mcp.shared.exceptions import McpError
from pydantic import AnyUrl

from ledgerdb.client import LedgerClient, NotificationInbox
from ledgerdb.errors import RESOURCE_NOT_FOUND, describe
from ledgerdb.testing import connected, temp_settings


async def test_resources_are_listed_and_readable() -> None:
    async with connected(temp_settings(page_size=3)) as (_, session):
        client = LedgerClient(session)
        page = await session.list_resources()
        resources = list(page.resources)
        while page.nextCursor is not None:
            page = await session.list_resources(cursor=page.nextCursor)
            resources.extend(page.resources)
        uris = [str(r.uri) for r in resources]
        assert uris[:3] == ["ledger://schema", "ledger://trial-balance", "ledger://accounts/bank"]
        assert len(uris) == 10

        account = resources[2]
        assert account.uri.host == "accounts" and account.uri.path == "/bank"
        assert account.mimeType == "application/json"

        bank = await client.read_json("ledger://accounts/bank")
        assert bank == {"id": "bank", "name": "Operating bank account", "kind": "asset", "currency": "EUR", "balanceCents": 380_000}

        schema = await session.read_resource(AnyUrl("ledger://schema"))
        contents = schema.contents[0]
        assert isinstance(contents, types.TextResourceContents)
        assert contents.mimeType == "text/x-sql"
        assert "CREATE TABLE IF NOT EXISTS postings" in contents.text
        assert contents.uri == AnyUrl("ledger://schema")


async def test_missing_resource_is_a_protocol_error() -> None:
    async with connected() as (_, session):
        for uri in ("ledger://accounts/petty-cash", "ledger://entries/999", "https://example.com/ledger"):
            try:
                await session.read_resource(AnyUrl(uri))
            except McpError as exc:
                assert exc.error.code == RESOURCE_NOT_FOUND
                assert exc.error.data == {"uri": str(AnyUrl(uri))}
                assert describe(exc).startswith(f"[{RESOURCE_NOT_FOUND}] Resource not found")
            else:
                raise AssertionError(f"{uri} should not resolve")


async def test_templates_and_completions() -> None:
    async with connected() as (_, session):
        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == [
            "ledger://accounts/{account_id}",
            "ledger://entries/{entry_id}",
        ]
        ref = types.ResourceTemplateReference(type="ref/resource", uri=templates.resourceTemplates[0].uriTemplate)
        done = await session.complete(ref, {"name": "account_id", "value": "r"})
        assert done.completion.values == ["receivables", "rent"]
        assert done.completion.hasMore is False

        everything = await session.complete(ref, {"name": "account_id", "value": ""})
        assert everything.completion.total == 8 and everything.completion.hasMore is True

        prompt_ref = types.PromptReference(type="ref/prompt", name="reconcile_account")
        assets = await session.complete(prompt_ref, {"name": "account_id", "value": ""})
        assert assets.completion.values == ["bank", "cash", "receivables"]

        nothing = await session.complete(prompt_ref, {"name": "statement_balance", "value": "1"})
        assert nothing.completion.values == [] and nothing.completion.total is None


async def test_prompts_are_paginated_and_render() -> None:
    async with connected() as (_, session):
        first = await session.list_prompts()
        assert [p.name for p in first.prompts] == ["reconcile_account"]
        rest = await session.list_prompts(cursor=first.nextCursor)
        assert [p.name for p in rest.prompts] == ["month_end_close"] and rest.nextCursor is None
        assert first.prompts[0].arguments is not None and first.prompts[0].arguments[0].required

        prompt = await session.get_prompt("reconcile_account", {"account_id": "bank", "statement_balance": "380000"})
        assert prompt.description == "Reconcile Operating bank account"
        embedded = prompt.messages[1].content
        assert isinstance(embedded, types.EmbeddedResource)
        assert isinstance(embedded.resource, types.TextResourceContents)
        assert embedded.resource.uri.host == "accounts"
        assert json.loads(embedded.resource.text)["balanceCents"] == 380_000


async def test_subscribers_are_told_about_updates() -> None:
    inbox = NotificationInbox()
    async with connected(message_handler=inbox) as (server, session):
        init_caps = session.get_server_capabilities()
        assert init_caps is not None and init_caps.resources is not None
        assert init_caps.resources.subscribe is True

        client = LedgerClient(session)
        watched = await client.watch_account("cash")
        await session.subscribe_resource(AnyUrl("ledger://trial-balance"))
        assert server.subscriptions.subscribers(watched) == 1

        await client.call(
            "post_entry",
            {"memo": "Till float", "postings": [{"account": "cash", "amount_cents": 5_000}, {"account": "bank", "amount_cents": -5_000}]},
        )
        updated = await inbox.wait_for_update()
        assert updated == ["ledger://accounts/cash", "ledger://trial-balance"]

        opened = await client.call("open_account", {"id": "petty-cash", "name": "Petty cash", "kind": "asset"})
        assert opened["balanceCents"] == 0 and inbox.list_changed == 1

        await session.unsubscribe_resource(watched)
        assert server.subscriptions.subscribers(watched) == 0
        try:
            await session.subscribe_resource(AnyUrl("ledger://accounts/ghost"))
        except McpError as exc:
            assert exc.error.code == RESOURCE_NOT_FOUND
        else:
            raise AssertionError("subscribing to an unknown account should fail")
    assert inbox.errors == []
