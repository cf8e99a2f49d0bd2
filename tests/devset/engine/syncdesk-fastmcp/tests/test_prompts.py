from __future__ import annotations

import json
import os
import sys

from mcp.types import EmbeddedResource, PromptReference, TextContent, TextResourceContents

sys.path.insert(0, os.path.dirname(__file__))

from support import connected, fresh_settings  # noqa: E402

from syncdesk.server import mcp  # noqa: E402


async def test_prompt_listing_declares_arguments() -> None:
    async with connected() as session:
        listing = await session.list_prompts()

    prompts = {p.name: p for p in listing.prompts}
    assert set(prompts) == {"triage_ticket", "escalation_note", "customer_reply", "handover"}
    assert prompts["triage_ticket"].title == "Triage a ticket"
    args = {a.name: a.required for a in prompts["customer_reply"].arguments or []}
    assert args == {"requester": True, "tone": False, "macro": False}
    # the injected context is not an argument
    assert [a.name for a in prompts["escalation_note"].arguments or []] == ["ticket_id", "reason"]


async def test_prompts_render_messages_with_context() -> None:
    async with connected() as session:
        triage = await session.get_prompt("triage_ticket", {"ticket_id": "2"})
        assert [m.role for m in triage.messages] == ["user", "assistant", "user"]
        opening = triage.messages[0].content
        assert isinstance(opening, TextContent)
        assert "2FA device lost" in opening.text
        assert "within 15 minutes" in opening.text

        missing = await session.get_prompt("triage_ticket", {"ticket_id": "404"})
        assert len(missing.messages) == 1

        note = await session.get_prompt("escalation_note", {"ticket_id": "5", "reason": "customer impact"})
        attached = note.messages[1].content
        assert isinstance(attached, EmbeddedResource)
        record = attached.resource
        assert isinstance(record, TextResourceContents)
        assert record.mimeType == "application/json"
        assert record.uri.host == "infra"
        assert json.loads(record.text)["subject"] == "API latency spikes"

        reply = await session.get_prompt("customer_reply", {"requester": "Cy", "tone": "formal"})
        first, second = reply.messages
        assert isinstance(first.content, TextContent) and "no contractions" in first.content.text
        assert isinstance(second.content, TextContent)
        assert second.content.text == "Hi Cy, thanks for reaching out to the support team."

        done = await session.complete(PromptReference(type="ref/prompt", name="handover"), {"name": "queue", "value": "in"})
        assert done.completion.values == ["infra"]


async def test_server_methods_called_directly() -> None:
    fresh_settings()
    chime = await mcp.call_tool("ticket_chime", {"priority": "low"})
    # unstructured tools come back as a bare content sequence
    assert isinstance(chime, list | tuple) and chime[0].type == "audio"

    macro = await mcp.call_tool("render_macro", {"name": "waiting", "requester": "Ana", "sla": "4 hours"})
    blocks = macro[0] if isinstance(macro, tuple) else macro
    assert isinstance(blocks, list | tuple)
    texts = [b.text for b in blocks if isinstance(b, TextContent)]
    assert texts == ["We're still looking into this and will update you within 4 hours."]

    contents = list(await mcp.read_resource("kb://accounts/two-factor"))
    assert contents[0].mime_type == "text/markdown"
    assert isinstance(contents[0].content, str) and "Never disable it over chat." in contents[0].content

    handover = await mcp.get_prompt("handover", {"queue": "billing"})
    message = handover.messages[0]
    assert message.role == "user"
    assert isinstance(message.content, TextContent) and "billing queue" in message.content.text

    listed = await mcp.list_tools()
    assert next(t for t in listed if t.name == "ticket_chime").inputSchema["properties"]["priority"]["default"] == "normal"
