"""Resources, templates and subscriptions."""

from __future__ import annotations

import base64
import gzip
import json

import anyio
import mcp.types as types
from mcp.shared.exceptions import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl

from kgraph.catalog import EXPORT_URI, SNAPSHOT_URI, SUMMARY_URI, entity_uri
from kgraph.client import GraphClient, NotificationCollector
from tests.support import eventually, make_graph


async def test_resource_listing_is_paginated() -> None:
    graph = make_graph(page_size=2)
    async with create_connected_server_and_client_session(graph.server) as session:
        first = await session.list_resources()
        assert [r.uri for r in first.resources[:3]] == [SUMMARY_URI, EXPORT_URI, SNAPSHOT_URI]
        assert len(first.resources) == 5 and first.nextCursor is not None
        second = await session.list_resources(cursor=first.nextCursor)
        assert [r.name for r in second.resources] == ["Charles Babbage", "Difference Engine"]

        entities = [r for r in await GraphClient(session).all_resources() if r.uri.host == "entities"]
        assert len(entities) == 5 and entities[0].uri == entity_uri("Ada Lovelace")
        assert entities[0].mimeType == "application/json"
        try:
            await session.list_resources(cursor="not-a-cursor")
        except McpError as exc:
            assert exc.error.code == types.INVALID_PARAMS
        else:
            raise AssertionError("bad cursor accepted")

        templates = await session.list_resource_templates()
        assert [t.uriTemplate for t in templates.resourceTemplates] == ["graph://entities/{name}", "graph://kinds/{kind}"]


async def test_read_text_and_binary_resources() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        summary = (await session.read_resource(SUMMARY_URI)).contents[0]
        assert isinstance(summary, types.TextResourceContents) and summary.mimeType == "text/markdown"
        assert "- **machine**: Analytical Engine, Difference Engine" in summary.text

        packed = (await session.read_resource(AnyUrl("graph://snapshot"))).contents[0]
        assert isinstance(packed, types.BlobResourceContents) and packed.mimeType == "application/gzip"
        assert len(json.loads(gzip.decompress(base64.b64decode(packed.blob)))["entities"]) == 5

        record = (await session.read_resource(entity_uri("Ada Lovelace"))).contents[0]
        assert isinstance(record, types.TextResourceContents)
        assert record.uri == AnyUrl("graph://entities/Ada%20Lovelace")
        assert record.meta == {"revision": graph.store.revision}
        assert {"from": "Ada Lovelace", "to": "London", "relationType": "lived_in"} in json.loads(record.text)["relations"]

        machines = await GraphClient(session).read_text(AnyUrl("graph://kinds/machine"))
        assert machines.splitlines() == ["Analytical Engine", "Difference Engine"]


async def test_unknown_resources_raise_protocol_errors() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        for uri in ("graph://entities/Nobody", "file:///etc/hosts"):
            try:
                await session.read_resource(AnyUrl(uri))
            except McpError as exc:
                assert exc.error.code == types.INVALID_PARAMS
                assert isinstance(exc.error.data, dict) and exc.error.data["uri"] == uri
            else:
                raise AssertionError(f"{uri} should not resolve")


async def test_subscriptions_receive_updates() -> None:
    graph = make_graph()
    collector = NotificationCollector()
    ada = entity_uri("Ada Lovelace")
    async with create_connected_server_and_client_session(graph.server, message_handler=collector) as session:
        await session.subscribe_resource(ada)
        await session.call_tool("add_observations", {"name": "Ada Lovelace", "observations": ["Countess of Lovelace"]})
        assert await collector.wait_for_update() == [str(ada)]
        assert graph.subscriptions.subscribers(ada)

        await session.call_tool("create_entities", {"entities": [{"name": "Mary Somerville", "entityType": "person"}]})
        await eventually(lambda: collector.list_changed == 1)

        await session.unsubscribe_resource(ada)
        await session.call_tool("add_observations", {"name": "Ada Lovelace", "observations": ["poet's daughter"]})
        with anyio.move_on_after(0.2):
            await collector.wait_for_update()
        assert collector.updated == [str(ada)] and not collector.errors
