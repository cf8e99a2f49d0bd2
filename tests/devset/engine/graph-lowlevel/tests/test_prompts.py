"""Prompts and argument completion."""

from __future__ import annotations

import json

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session

from tests.support import make_graph


async def test_prompt_listing_and_rendering() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        compare = next(p for p in (await session.list_prompts()).prompts if p.name == "compare_entities")
        assert [(a.name, a.required) for a in compare.arguments or []] == [("left", True), ("right", True), ("focus", False)]

        summary = await session.get_prompt("summarize_entity", {"name": "Charles Babbage"})
        assert summary.description == "Summary of Charles Babbage"
        first = summary.messages[0].content
        assert isinstance(first, types.EmbeddedResource) and isinstance(first.resource, types.TextResourceContents)
        assert first.resource.mimeType == "application/json"
        assert json.loads(first.resource.text)["entityType"] == "person"

        compared = await session.get_prompt("compare_entities", {"left": "London", "right": "Analytical Engine"})
        assert [m.role for m in compared.messages] == ["user", "assistant"]
        reply = compared.messages[1].content
        assert isinstance(reply, types.TextContent)
        assert reply.text == "Known path: London -> Ada Lovelace -> Charles Babbage -> Analytical Engine"


async def test_completion_for_prompts_and_templates() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        entity_ref = types.ResourceTemplateReference(type="ref/resource", uri="graph://entities/{name}")
        assert (await session.complete(entity_ref, {"name": "name", "value": "an"})).completion.values == ["Analytical Engine"]

        kinds_ref = types.ResourceTemplateReference(type="ref/resource", uri="graph://kinds/{kind}")
        kinds = await session.complete(kinds_ref, {"name": "kind", "value": "p"})
        assert kinds.completion.values == ["person", "place"] and kinds.completion.hasMore is False

        prompt_ref = types.PromptReference(type="ref/prompt", name="compare_entities")
        right = await session.complete(prompt_ref, {"name": "right", "value": "a"}, {"left": "Ada Lovelace"})
        assert right.completion.values == ["Analytical Engine"] and right.completion.total == 1

        other_ref = types.ResourceTemplateReference(type="ref/resource", uri="graph://unknown/{x}")
        nothing = await session.complete(other_ref, {"name": "x", "value": ""})
        assert nothing.completion.values == [] and nothing.completion.hasMore is None
