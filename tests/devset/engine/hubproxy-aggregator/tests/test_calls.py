from __future__ import annotations

from pydantic import AnyUrl

import mcp.types as types

from tests.harness import Downstream, build_rig, connect, structured, text_of


async def test_proxied_calls_return_upstream_results() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        echoed = await session.call_tool("alpha.echo", {"text": "hello hub"})
        added = await session.call_tool("alpha.add", {"a": 2, "b": 3})
        memo = await session.call_tool("beta.lookup", {"key": "todo"})

    assert not echoed.isError and text_of(echoed) == "hello hub"
    assert structured(added) == {"sum": 5}
    assert structured(memo) == {"key": "todo", "text": "buy milk"}


async def test_upstream_failures_become_error_results() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        results = {
            "disk on fire": await session.call_tool("alpha.fail", {"reason": "disk on fire"}),
            "beta exploded": await session.call_tool("beta.explode", {}),
            "no memo named 'nope'": await session.call_tool("beta.lookup", {"key": "nope"}),
            "'key' is a required property": await session.call_tool("beta.lookup", {}),
            "Unknown tool": await session.call_tool("gamma.anything", {}),
        }

    for expected, result in results.items():
        assert result.isError and expected in text_of(result), (expected, text_of(result))


async def test_progress_logs_and_sampling_are_relayed() -> None:
    rig = build_rig()
    downstream = Downstream()
    async with connect(rig, downstream) as session:
        crunched = await session.call_tool("alpha.crunch", {"steps": 3}, progress_callback=downstream.on_progress)
        summary = await session.call_tool("alpha.summarize", {"text": "The quarterly numbers are in"})

    assert text_of(crunched) == "crunched 3"
    assert downstream.progress == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
    relayed = [log for log in downstream.logs if log.logger and log.logger.startswith("alpha")]
    assert [(log.level, log.data) for log in relayed] == [("info", f"crunched {n}") for n in (1, 2, 3)]

    assert text_of(summary) == "summary of The quarterly (fake-llm-1, endTurn)"
    [request] = downstream.sampled
    assert (request.systemPrompt, request.maxTokens) == ("Summarize in one line.", 64)
    assert request.metadata == {"hubUpstream": "alpha"}


async def test_elicitation_and_roots_are_relayed() -> None:
    rig = build_rig()
    downstream = Downstream()
    async with connect(rig, downstream) as session:
        accepted = await session.call_tool("alpha.book_slot", {"day": "monday"})
        downstream.elicit_action = "decline"
        declined = await session.call_tool("alpha.book_slot", {"day": "tuesday"})
        roots = await session.call_tool("alpha.client_roots", {})

    assert (text_of(accepted), text_of(declined)) == ("booked monday for 3", "declined")
    first = downstream.elicited[0]
    assert isinstance(first, types.ElicitRequestFormParams)
    assert first.message == "[alpha] Book the meeting room on monday?"
    assert set(first.requestedSchema["properties"]) == {"attendees", "confirm"}
    assert structured(roots) == {"result": ["file:///work/project"]}


async def test_upstream_timeout_is_reported() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        result = await session.call_tool("alpha.slow", {"seconds": 3})
        status = await session.call_tool("hub.status", {})

    assert result.isError and "timed out" in text_of(result)
    assert structured(status)["upstreams"]["alpha"]["timeouts"] == 1


async def test_list_changes_and_updates_reach_downstream() -> None:
    rig = build_rig()
    downstream = Downstream()
    async with connect(rig, downstream) as session:
        before = {t.name for t in (await session.list_tools()).tools}
        await session.call_tool("alpha.enable_extras", {})
        after = {t.name for t in (await session.list_tools()).tools}
        extra = await session.call_tool("alpha.extra", {"word": "hub"})
        await session.call_tool("beta.store", {"key": "groceries", "text": "eggs"})
        resources = {str(r.uri) for r in (await session.list_resources()).resources}
        await session.subscribe_resource(AnyUrl("memo://beta/todo"))
        await session.call_tool("beta.touch", {"key": "todo"})
        await session.unsubscribe_resource(AnyUrl("memo://beta/todo"))

    assert "alpha.extra" not in before and "alpha.extra" in after and text_of(extra) == "HUB"
    assert "memo://beta/groceries" in resources
    kinds = [type(n) for n in downstream.notifications]
    assert types.ToolListChangedNotification in kinds and types.ResourceListChangedNotification in kinds
    [update] = [n for n in downstream.notifications if isinstance(n, types.ResourceUpdatedNotification)]
    assert (update.params.uri.host, update.params.uri.path) == ("beta", "/todo")
    assert rig.beta.subscribed == set()


async def test_logging_level_is_forwarded() -> None:
    rig = build_rig()
    async with connect(rig) as session:
        await session.set_logging_level("debug")
        status = structured(await session.call_tool("hub.status", {}))

    assert rig.alpha.levels == ["debug"]
    assert status["hub"]["logLevel"] == "debug"
    assert status["upstreams"]["beta"]["resourceHosts"] == ["memo://beta"]
