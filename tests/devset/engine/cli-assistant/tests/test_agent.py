import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from servers import build_catalog_server, build_notes_server, running

import mcp.types as types
from shellpilot.agent import Agent, error_result
from shellpilot.hub import ServerHub
from shellpilot.llm import RuleBasedModel


async def test_agent_plans_runs_and_summarises_tools() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ServerHub() as hub:
            await hub.attach("notes", r1, w1)
            await hub.attach("catalog", r2, w2)
            agent = Agent(hub, RuleBasedModel())

            specs = {spec["name"]: spec for spec in agent.function_specs()}
            assert specs["notes__search_notes"]["hints"] == {"readOnly": True, "openWorld": False}
            assert specs["catalog__lookup_album"]["returns"]["properties"]["kind"] == {"type": "string"}
            assert specs["catalog__explode"]["parameters"] == {"type": "object", "properties": {}}

            turn = await agent.ask("please search_notes query=oat")
            assert [run.call.name for run in turn.runs] == ["notes__search_notes"]
            assert turn.runs[0].call.arguments == {"query": "oat"}
            assert '"oat milk"' in turn.answer
            assert turn.failed_tools == []

            lookup = await agent.ask("lookup_film id=42 please")
            record = lookup.runs[0].record()
            assert record["result"]["structuredContent"] == {"id": 42, "kind": "film"}
            assert record["result"]["isError"] is False

            wire = [m.to_wire() for m in lookup.messages]
            assert wire[2]["toolCalls"][0]["name"] == "catalog__lookup_film"
            assert wire[3]["toolCallId"] == wire[2]["toolCalls"][0]["id"] and wire[3]["isError"] is False

            nothing = await agent.ask("tell me a joke")
            assert nothing.runs == [] and nothing.answer.startswith("I have no tool")


async def test_agent_turns_failures_into_tool_errors() -> None:
    async with running(build_notes_server()) as (r1, w1), running(build_catalog_server()) as (r2, w2):
        async with ServerHub() as hub:
            await hub.attach("notes", r1, w1)
            await hub.attach("catalog", r2, w2)
            agent = Agent(hub, tool_timeout=0.1, retries=1, backoff=0.01)

            divided = await agent.ask('/call notes__strict_divide {"a": 4, "b": 0}')
            assert divided.failed_tools == ["notes__strict_divide"]
            assert divided.answer.startswith("error: Error executing tool strict_divide")

            exploded = await agent.ask("/call explode")
            assert exploded.runs[0].result.isError and "catalog exploded" in exploded.answer

            ghost = await agent.ask("/call ghost_tool {}")
            assert ghost.answer == "error: no such tool: ghost_tool"

            slow = await agent.ask(f"/call sleepy {json.dumps({'seconds': 1})}")
            run = slow.runs[0]
            assert run.attempts == 2 and run.result.isError
            assert "did not answer within 0.1s" in run.rendered.text

            progress = await agent.ask("/call catalog__lookup_book " + json.dumps({"id": 1}))
            assert progress.runs[0].progress == [(1.0, 1.0, "done")]

    err = error_result("boom")
    assert isinstance(err.content[0], types.TextContent) and err.content[0].text == "boom"
