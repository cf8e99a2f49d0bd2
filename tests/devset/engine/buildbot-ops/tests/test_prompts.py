from __future__ import annotations

from mcp.shared.exceptions import McpError
from mcp.types import EmbeddedResource, TextContent, TextResourceContents

from tests.support import connect, reset_state, seed_builds


async def test_triage_prompt_embeds_build_log() -> None:
    reset_state()
    [build_id] = seed_builds("billing", 1, fail_every=1)
    async with connect() as session:
        listing = await session.list_prompts()
        result = await session.get_prompt("triage_build", {"build_id": build_id})
        unknown = await session.get_prompt("triage_build", {"build_id": "billing-404"})
        try:
            await session.get_prompt("triage_build", {"build_id": build_id, "pipeline": "api-gateway"})
        except McpError as exc:
            assert "belongs to billing" in exc.error.message
        else:
            raise AssertionError("pipeline mismatch should be rejected")

    triage = next(p for p in listing.prompts if p.name == "triage_build")
    assert triage.title == "Triage a failed build" and triage.arguments is not None
    assert [(a.name, a.required) for a in triage.arguments] == [("build_id", True), ("pipeline", False)]
    assert listing.nextCursor is None

    assert [m.role for m in result.messages] == ["user", "user", "assistant"]
    first = result.messages[0].content
    assert isinstance(first, TextContent) and "Failed steps: test." in first.text
    embedded = result.messages[1].content
    assert isinstance(embedded, EmbeddedResource) and isinstance(embedded.resource, TextResourceContents)
    assert embedded.resource.mimeType == "text/plain"
    assert embedded.resource.uri.path == f"/{build_id}/log"
    assert "==> test [failed]" in embedded.resource.text
    assert "does not exist" in str(unknown.messages[0].content.model_dump()["text"])
