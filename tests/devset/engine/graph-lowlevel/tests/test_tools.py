"""Tool listing and tool calls over an in-memory connection."""

from __future__ import annotations

import mcp.types as types
from mcp.shared.memory import create_connected_server_and_client_session
from pydantic import AnyUrl

from kgraph.client import GraphClient, snapshot
from tests.support import make_graph, text_of


async def test_list_tools_schemas_and_annotations() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        client = GraphClient(session)
        tools = await client.tool_index()
        create = tools["create_entities"]
        assert create.inputSchema["required"] == ["entities"]
        assert create.outputSchema is not None and "created" in create.outputSchema["properties"]
        assert create.execution is not None and create.execution.taskSupport == types.TASK_FORBIDDEN
        delete = tools["delete_entity"].annotations
        assert delete is not None and delete.destructiveHint is True and delete.readOnlyHint is False
        hints = {name: tool.annotations for name, tool in tools.items() if tool.annotations is not None}
        assert sorted(name for name, hint in hints.items() if hint.readOnlyHint) == ["search_nodes", "shortest_path"]

        caps = session.get_server_capabilities()
        assert caps is not None and caps.resources is not None and caps.resources.subscribe is True
        assert caps.tools is not None and caps.logging is not None and caps.completions is not None


async def test_create_entities_structured_with_progress() -> None:
    graph = make_graph()
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    entities = [
        {"name": "Alan Turing", "entityType": "person", "observations": ["Bletchley Park"]},
        {"name": "London", "entityType": "place"},
        {"name": "Bombe", "entityType": "machine"},
    ]
    async with create_connected_server_and_client_session(graph.server) as session:
        result = await GraphClient(session).call("create_entities", {"entities": entities}, on_progress=on_progress)
    assert result.isError is False
    assert result.structuredContent == {"created": ["Alan Turing", "Bombe"], "skipped": ["London"]}
    assert '"created"' in text_of(result)
    assert [u[0] for u in updates] == [1.0, 2.0, 3.0]
    assert updates[-1][1:] == (3.0, "processed Bombe")


async def test_tool_failures_are_reported_as_error_results() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        unknown = await session.call_tool("drop_everything", {})
        assert unknown.isError and "Unknown tool" in text_of(unknown)

        invalid = await session.call_tool("create_entities", {"entities": []})
        assert invalid.isError and text_of(invalid).startswith("Input validation error")

        missing = await session.call_tool("delete_entity", {"name": "Nobody"})
        assert missing.isError and "no entity named 'Nobody'" in text_of(missing)

        path = await session.call_tool("shortest_path", {"source": "London", "target": "Difference Engine"})
        assert path.structuredContent == {
            "path": ["London", "Ada Lovelace", "Charles Babbage", "Difference Engine"],
            "hops": 3,
        }
        graph.store.add_entity("Island", "place")
        lonely = await session.call_tool("shortest_path", {"source": "London", "target": "Island"})
        assert lonely.isError and "not connected" in text_of(lonely)

        deleted = await session.call_tool("delete_entity", {"name": "Difference Engine"})
        assert not deleted.isError and "1 relation(s)" in text_of(deleted)


async def test_search_links_and_snapshot() -> None:
    graph = make_graph()
    async with create_connected_server_and_client_session(graph.server) as session:
        result = await session.call_tool("search_nodes", {"query": "engine", "limit": 5})
    links = [block for block in result.content if isinstance(block, types.ResourceLink)]
    assert [link.name for link in links] == ["Analytical Engine", "Charles Babbage", "Difference Engine"]
    assert all(link.uri.scheme == "graph" and link.uri.host == "entities" for link in links)
    assert links[0].uri == AnyUrl("graph://entities/Analytical%20Engine")

    record = snapshot(result)
    assert record["structuredContent"] == {"matches": [link.name for link in links], "total": 3}
    assert record["isError"] is False
    assert record["content"][1]["mimeType"] == "application/json"


async def test_observations_tuple_and_relations_progress() -> None:
    graph = make_graph()
    seen: list[float] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        seen.append(progress)

    relations = [
        {"from": "Charles Babbage", "to": "London", "relationType": "lived_in"},
        {"from": "Analytical Engine", "to": "Difference Engine", "relationType": "succeeded"},
    ]
    async with create_connected_server_and_client_session(graph.server) as session:
        client = GraphClient(session)
        observations = {"name": "London", "observations": ["on the Thames", "capital of England"]}
        assert await client.structured("add_observations", observations) == {"entity": "London", "added": ["on the Thames"]}

        result = await client.call("create_relations", {"relations": relations}, on_progress=on_progress)
        assert result.structuredContent is None and seen == [1.0, 2.0]
        assert text_of(result).splitlines()[1] == "Analytical Engine -succeeded-> Difference Engine"
    assert [c.root.name for c in graph.store.neighbourhood("London").children] == ["Ada Lovelace", "Charles Babbage"]
