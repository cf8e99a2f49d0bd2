from __future__ import annotations

import base64
import json
import os
import sys

import anyio
from mcp.shared.exceptions import McpError
from mcp.types import (
    BlobResourceContents,
    ResourceTemplateReference,
    SubscribeRequest,
    TextResourceContents,
    UnsubscribeRequest,
)
from pydantic import AnyUrl

sys.path.insert(0, os.path.dirname(__file__))

from support import connected  # noqa: E402

from syncdesk import imaging  # noqa: E402
from syncdesk.deskclient import DeskEvents, read_json, read_resource  # noqa: E402
from syncdesk.server import mcp  # noqa: E402


async def test_static_resources_are_listed_with_types() -> None:
    async with connected() as session:
        listing = await session.list_resources()

    by_name = {r.name: r for r in listing.resources}
    assert {"about", "sla-policy", "logo", "macros", "kb-index", "upstream-status", "queues", "transport"} <= set(
        by_name
    )
    assert by_name["about"].mimeType == "text/markdown"
    assert by_name["about"].title == "About this desk"
    assert by_name["logo"].mimeType == "image/png"
    assert by_name["kb-index"].mimeType == "application/json"
    assert by_name["upstream-status"].mimeType == "application/json"
    sla = by_name["sla-policy"]
    assert sla.uri.scheme == "desk"
    assert sla.uri.host == "policies"
    assert sla.uri.path == "/sla"
    assert by_name["about"].annotations is not None
    assert by_name["about"].annotations.priority == 0.3


async def test_file_directory_and_function_resources() -> None:
    async with connected() as session:
        sla = await session.read_resource(AnyUrl("desk://policies/sla"))
        blob = sla.contents[0]
        # application/json files are shipped as blobs
        assert isinstance(blob, BlobResourceContents)
        assert blob.mimeType == "application/json"
        targets = json.loads(base64.b64decode(blob.blob))["targets"]
        assert targets["urgent"]["firstResponseMinutes"] == 15

        logo = await read_resource(session, "desk://brand/logo.png")
        assert isinstance(logo, bytes) and imaging.is_png(logo)

        macros = await read_resource(session, "desk://macros")
        assert isinstance(macros, str) and macros.startswith("greeting:")

        index = await read_json(session, "desk://kb/index")
        assert sorted(index["files"]) == [
            "accounts/reset-password.md",
            "accounts/two-factor.md",
            "billing/refunds.md",
        ]

        queues = await read_json(session, "desk://queues")
        assert queues["billing"] == {"open": 2, "pending": 0, "closed": 0}

        transport = await read_json(session, "desk://transport")
        assert transport["streamableHttpPath"] == "/mcp"
        assert transport["jsonResponse"] is True

        about = await session.read_resource(AnyUrl("desk://about"))
        text = about.contents[0]
        assert isinstance(text, TextResourceContents)
        assert str(text.uri) == "desk://about"
        assert "Queues: support, billing, infra" in text.text


async def test_ticket_templates_with_several_params() -> None:
    async with connected() as session:
        templates = await session.list_resource_templates()
        uris = sorted(t.uriTemplate for t in templates.resourceTemplates)
        assert uris == [
            "kb://{section}/{slug}",
            "reports://{queue}/{year}/{month}",
            "tickets://{queue}/{ticket_id}",
            "tickets://{queue}/{ticket_id}/comments/{page}",
        ]

        record = await read_json(session, "tickets://billing/3")
        assert record["ticketId"] == 3 and record["subject"] == "Refund for annual plan"

        for n in range(7):
            await session.call_tool("comment_ticket", {"ticket_id": 3, "author": "sam", "text": f"note {n}"})
        page2 = await read_json(session, "tickets://billing/3/comments/2")
        assert [c["text"] for c in page2] == ["note 5", "note 6"]

        article = await read_resource(session, "kb://billing/refunds")
        assert isinstance(article, str) and article.startswith("# Refund policy")

        import time

        now = time.gmtime()
        report = await read_json(session, f"reports://support/{now.tm_year}/{now.tm_mon}")
        assert report["opened"] == 2
        assert report["byPriority"] == {"high": 1, "urgent": 1}

        try:
            await session.read_resource(AnyUrl("tickets://support/3"))
        except McpError as exc:
            assert "Error creating resource from template" in exc.error.message
        else:
            raise AssertionError("ticket 3 is not in the support queue")


async def test_subscribers_hear_about_comment_updates() -> None:
    handlers = mcp._mcp_server.request_handlers
    assert SubscribeRequest in handlers and UnsubscribeRequest in handlers
    events = DeskEvents()
    async with connected(message_handler=events) as session:
        await session.subscribe_resource(AnyUrl("tickets://infra/5"))
        result = await session.call_tool("comment_ticket", {"ticket_id": 5, "author": "ops", "text": "rolled back"})
        assert not result.isError
        with anyio.fail_after(2):
            while not events.updated or not events.list_changed:
                await anyio.sleep(0.01)
        await session.unsubscribe_resource(AnyUrl("tickets://infra/5"))
        await session.call_tool("comment_ticket", {"ticket_id": 5, "author": "ops", "text": "fixed"})
        await anyio.sleep(0.05)

    assert [str(u) for u in events.updated] == ["tickets://infra/5"]
    assert events.updated_hosts() == ["infra"]
    assert events.list_changed == 2
    assert not events.errors


async def test_completion_for_template_and_prompt_arguments() -> None:
    async with connected() as session:
        queues = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="tickets://{queue}/{ticket_id}"),
            {"name": "queue", "value": "b"},
        )
        assert queues.completion.values == ["billing"]
        assert queues.completion.hasMore is False

        ids = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="tickets://{queue}/{ticket_id}"),
            {"name": "ticket_id", "value": ""},
            context_arguments={"queue": "support"},
        )
        assert ids.completion.values == ["1", "2"]
        assert ids.completion.total == 2

        sections = await session.complete(
            ResourceTemplateReference(type="ref/resource", uri="kb://{section}/{slug}"),
            {"name": "section", "value": ""},
        )
        assert sections.completion.values == ["accounts", "billing"]
