from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import anyio

sys.path.insert(0, str(Path(__file__).resolve().parent))

from servers import notes_server  # noqa: E402
from support import InMemoryOpener, memory_config  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.context import RequestContext  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from mcp.shared.message import SessionMessage  # noqa: E402

from deskmate import HostApp  # noqa: E402
from deskmate.callbacks import HostServices, ServerCallbacks  # noqa: E402
from deskmate.forms import FormModel, FormValidationError, ScriptedPresenter  # noqa: E402
from deskmate.registry import ToolEntry  # noqa: E402


async def _allow(entry: ToolEntry, arguments: dict[str, Any]) -> bool:
    return True


async def test_sampling_honours_model_preferences() -> None:
    services = HostServices.headless()
    callbacks = ServerCallbacks("notes", services)
    async with create_connected_server_and_client_session(notes_server(), sampling_callback=callbacks.sampling) as s:
        result = await s.call_tool("summarize", {"name": "groceries"})
        services.approvals.allow_sampling = False
        refused = await s.call_tool("summarize", {"name": "groceries"})
    assert not result.isError and refused.isError
    assert isinstance(result.content[0], types.TextContent)
    assert result.content[0].text == "stub-haiku-1|maxTokens|[stub-haiku-1] milk, eggs,"

    params = callbacks.sampling_requests[0]
    assert (params.maxTokens, params.systemPrompt, params.includeContext) == (3, "You write terse summaries.", "thisServer")
    prefs = params.modelPreferences
    assert prefs is not None and prefs.speedPriority == 0.9
    assert services.llm.calls[0]["system"] == "You write terse summaries."


async def test_elicitation_renders_a_form() -> None:
    presenter = ScriptedPresenter([{"destination": "~/export", "max_items": "25"}, "decline"])
    services = HostServices.headless()
    services.presenter = presenter
    host = HostApp(memory_config("notes"), services=services, opener=InMemoryOpener({"notes": notes_server()}), confirm=_allow)
    async with host:
        results = [(await host.call_tool("notes__configure_export")).structured for _ in range(3)]

    assert results == [
        {"status": "configured", "destination": "~/export", "include_drafts": False, "max_items": 25},
        {"status": "declined"},
        {"status": "cancelled"},
    ]
    form = presenter.shown[0]
    assert (form.title, form.source) == ("Where should the notes be exported?", "notes")
    assert [(f.key, f.kind, f.required) for f in form.fields] == [
        ("destination", "string", True),
        ("include_drafts", "boolean", False),
        ("max_items", "integer", False),
    ]
    assert form.field("max_items").maximum == 100

    color = FormModel.from_schema(
        "Pick",
        {"properties": {"color": {"enum": ["r", "g"], "enumNames": ["Red", "Green"]}}, "required": ["color"]},
    )
    assert color.field("color").choices == [("r", "Red"), ("g", "Green")]
    try:
        color.submit({"color": "blue"})
    except FormValidationError as exc:
        assert set(exc.problems) == {"color"}
    else:
        raise AssertionError("invalid answers accepted")


async def test_roots_follow_open_workspaces() -> None:
    services = HostServices.headless()
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        config = memory_config("notes", workspaces=[first])
        host = HostApp(config, services=services, opener=InMemoryOpener({"notes": notes_server()}), confirm=_allow)
        async with host:
            await services.workspaces.open(second, label="second")
            outcome = await host.call_tool("notes__index_workspaces")
            assert outcome.structured == {
                "result": [f"{Path(first).name}={Path(first).resolve()}", f"second={Path(second).resolve()}"]
            }
            roots = services.workspaces.as_roots()
            owner = services.workspaces.owner_of(f"{roots[1].uri}/src/main.py")
            assert roots[1].uri.scheme == "file" and owner is not None and owner.label == "second"
            await services.workspaces.close(first)
            assert len(services.workspaces.as_roots()) == 1

    [item] = services.progress.items.values()
    assert item.history == [1, 2] and item.message == "indexing second" and item.done
    assert services.logs.render() == ["INFO      notes: indexed 2 workspaces"]
    assert "roots" in services.feed.kinds("notes")


async def test_url_elicitation_and_raw_message_handler() -> None:
    opened: list[str] = []

    async def open_url(url: str) -> bool:
        opened.append(url)
        return True

    services = HostServices.headless()
    services.open_url = open_url
    callbacks = ServerCallbacks("billing", services)
    to_server, _reader = anyio.create_memory_object_stream[SessionMessage](1)
    _writer, from_server = anyio.create_memory_object_stream[SessionMessage | Exception](1)
    context = RequestContext[ClientSession, Any](
        request_id=7, meta=None, session=ClientSession(from_server, to_server), lifespan_context=None
    )
    params = types.ElicitRequestURLParams(message="Sign in", url="https://billing.example/login", elicitationId="el-1")
    result = await callbacks.elicitation(context, params)
    assert isinstance(result, types.ElicitResult) and result.action == "accept"
    assert opened == ["https://billing.example/login"]

    complete = types.ElicitCompleteNotificationParams(elicitationId="el-1")
    await callbacks.on_message(types.ServerNotification(types.ElicitCompleteNotification(params=complete)))
    progress = types.ProgressNotificationParams(progressToken="sync", progress=5, total=10)
    await callbacks.on_message(types.ServerNotification(types.ProgressNotification(params=progress)))
    await callbacks.on_message(RuntimeError("pipe closed"))

    assert services.url_elicitations["el-1"].completed
    assert services.progress.items[("billing", "sync")].fraction == 0.5
    assert services.feed.kinds("billing") == ["elicitation", "transport-error"]
    assert callbacks.inbound_methods == ["notifications/elicitation/complete", "notifications/progress"]
