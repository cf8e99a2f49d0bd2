"""End-to-end tests against the in-memory field-notes server."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from mcp import McpError, types

from agentwire.cache import ToolListCache
from agentwire.callbacks import AgentCallbacks, ProgressLog, SamplingPolicy
from agentwire.messages import AudioPart, EchoModel, FilePart, ImagePart, LinkPart, TextPart, Transcript
from agentwire.testing import WireTap, call_locally, in_memory_toolkit
from tests.servers import FieldState, build_server


async def test_tool_results_convert_to_framework_messages() -> None:
    async with in_memory_toolkit(build_server()) as toolkit:
        tools = {t.name: t for t in await toolkit.list_tools()}
        assert tools["forecast"].outputSchema is not None
        assert tools["forecast"].annotations is not None and tools["forecast"].annotations.readOnlyHint

        forecast = await toolkit.call("forecast", {"city": "Tromso"}, tool_call_id="t1")
        assert forecast.artifact == {"city": "Tromso", "high_c": 21.5, "conditions": "overcast"}

        image = (await toolkit.call("snapshot")).parts[0]
        assert isinstance(image, ImagePart) and image.mimeType == "image/png"
        audio = (await toolkit.call("chime")).parts[0]
        assert isinstance(audio, AudioPart) and audio.mimeType == "audio/wav"

        notes = await toolkit.call("attach_notes", {"topic": "birds"})
        text, doc, blob = notes.parts
        assert isinstance(text, TextPart) and text.text == "Notes on birds"
        assert isinstance(doc, FilePart) and doc.uri == "notes://birds" and doc.mimeType == "text/markdown"
        assert isinstance(blob, FilePart) and blob.is_binary and blob.uri == "file:///data/birds.bin"

        link = (await toolkit.call("find_docs", {"query": "gulls"})).parts[0]
        assert isinstance(link, LinkPart) and link.name == "Field guide"
        assert link.uri == "https://docs.example.com/guide?q=gulls" and link.size == 2048

        wiped = await toolkit.call("wipe", {"target": "/"})
        assert wiped.isError and "refusing to wipe /" in wiped.text
        locked = await toolkit.call("locked")
        assert locked.isError and "vault is locked" in locked.text


async def test_sampling_elicitation_and_roots_go_through_callbacks() -> None:
    answers: list[str] = []

    async def approve(message: str, schema: dict[str, Any]) -> dict[str, Any] | None:
        answers.append(message)
        assert schema["properties"]["keep_days"]["type"] == "integer"
        return {"confirm": True, "keep_days": "7"}

    with tempfile.TemporaryDirectory() as tmp:
        model = EchoModel("agent-model")
        callbacks = AgentCallbacks(
            "field-notes",
            model=model,
            policy=SamplingPolicy(allowed_models=("tiny",)),
            roots=[Path(tmp)],
            elicitation_handler=approve,
        )
        async with in_memory_toolkit(build_server(), callbacks=callbacks) as toolkit:
            summary = await toolkit.call("summarize", {"text": "gulls nest on cliffs"})
            assert summary.text == "echo: gulls nest on cliffs [tiny/endTurn]"
            assert model.calls[0][0].text == "Summarise tersely."

            archived = await toolkit.call("archive", {"path": "/srv/old"})
            assert archived.text == "archived /srv/old for 7d (cleanup)"
            assert answers == ["Archive /srv/old?"]

            listing = await toolkit.call("workspace")
            assert listing.artifact is not None
            (entry,) = listing.artifact["result"]
            assert entry == f"{Path(tmp).name}:{Path(tmp).resolve().as_posix()}"


async def test_progress_logging_and_log_level() -> None:
    state = FieldState()
    callbacks = AgentCallbacks("field-notes")
    async with in_memory_toolkit(build_server(state), callbacks=callbacks) as toolkit:
        progress = ProgressLog()
        done = await toolkit.call("crunch", {"steps": 3}, progress=progress)
        assert done.text == "done"
        assert progress.updates == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]
        assert progress.fraction == 1.0
        logs = [payload for kind, payload in callbacks.events if kind == "log"]
        assert logs == [("info", "crunched 3 steps"), ("warning", "crunch is deprecated")]

        await toolkit.set_log_level("debug")
        assert state.log_levels == ["debug"]


async def test_tool_list_changes_invalidate_the_cache() -> None:
    cache = ToolListCache()
    callbacks = AgentCallbacks("field-notes", cache=cache)
    async with in_memory_toolkit(build_server(), callbacks=callbacks) as toolkit:
        before = {t.name for t in await toolkit.list_tools()}
        assert "double" not in before and cache.get("field-notes") is not None

        assert (await toolkit.call("unlock_extras")).text == "unlocked"
        assert ("tools_changed", None) in callbacks.events
        assert cache.get("field-notes") is None

        after = {t.name for t in await toolkit.list_tools()}
        assert after - before == {"double"}
        doubled = await toolkit.call("double", {"n": 21})
        assert doubled.artifact == {"result": 42}


async def test_timeouts_are_retried_once() -> None:
    state = FieldState()
    async with in_memory_toolkit(build_server(state)) as toolkit:
        reply = await toolkit.call("flaky", {"key": "k1"}, timeout=timedelta(seconds=0.2))
        assert reply.text == "k1 ok after 2"
        assert state.attempts == {"k1": 2}

        toolkit.max_retries = 0
        failed = await toolkit.call("flaky", {"key": "k2"}, timeout=timedelta(seconds=0.2))
        assert failed.isError and failed.artifact == {"code": 408}


async def test_resources_prompts_and_completions() -> None:
    async with in_memory_toolkit(build_server(), run_id="run-7") as toolkit:
        (config,) = await toolkit.list_resources()
        assert (config.scheme, config.host, config.mime_type) == ("config", "agent", "application/json")
        (part,) = await toolkit.read("config://agent")
        assert part.text == '{"mode": "survey"}'

        try:
            await toolkit.read("config://missing")
        except McpError as exc:
            assert exc.error.code == 0 and "Unknown resource" in exc.error.message
        else:
            raise AssertionError("missing resource was readable")

        assert await toolkit.list_templates() == {"note": "notes://{topic}"}
        (note,) = await toolkit.read("notes://ferns")
        assert note.text == "# ferns\nnothing yet" and note.mimeType == "text/markdown"

        (prompt,) = await toolkit.list_prompts()
        assert prompt.name == "research_brief" and prompt.arguments and prompt.arguments[0].required
        brief = await toolkit.load_prompt("research_brief", {"topic": "owls"})
        assert [m.role for m in brief] == ["system", "user", "assistant", "user"]

        assert await toolkit.suggest("notes://{topic}", "topic", "b") == ["birds", "bison", "beetles"]
        assert (await toolkit.call("whoami")).text == "field-notes:run-7"
        assert await toolkit.ping() >= 0.0

        transcript = Transcript(brief)
        assert len(transcript) == 4 and transcript.last is not None and transcript.last.text == "Northern coast."


async def test_wire_frames_and_local_calls() -> None:
    server = build_server()
    tap = WireTap()
    async with tap.session(server) as session:
        listed = await session.list_tools()
        assert listed.nextCursor is None
        await session.send_ping()

    assert tap.methods == ["initialize", "notifications/initialized", "tools/list", "ping"]
    assert tap.frames[0]["params"]["protocolVersion"] == types.LATEST_PROTOCOL_VERSION
    assert tap.frames[0]["params"]["clientInfo"]["name"] == "mcp"
    assert tap.frames[-1] == {"jsonrpc": "2.0", "id": 2, "method": "ping"}

    local = await call_locally(server, "forecast", {"city": "Oslo"})
    assert local.structuredContent == {"city": "Oslo", "high_c": 21.5, "conditions": "overcast"}
    blocked = await call_locally(server, "wipe", {"target": "/etc"})
    assert blocked.isError
