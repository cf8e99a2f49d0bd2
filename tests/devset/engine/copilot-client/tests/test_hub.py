from __future__ import annotations

import os
import sys
from datetime import timedelta
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mcp.types as types  # noqa: E402
from fixture_server import build_workspace_server  # noqa: E402
from mcp.client.session_group import ClientSessionParameters, StreamableHttpParameters  # noqa: E402
from mcp.shared.memory import create_connected_server_and_client_session  # noqa: E402
from support import make_callbacks  # noqa: E402

from copilot.config import load_config  # noqa: E402
from copilot.hub import AssistantHub, MacroStep, ToolTimeout, ToolUnavailable  # noqa: E402


async def test_hub_namespaces_tools_and_runs_macros() -> None:
    callbacks = make_callbacks()
    async with (
        create_connected_server_and_client_session(build_workspace_server("ws")) as ws_session,
        create_connected_server_and_client_session(build_workspace_server("notes")) as notes_session,
    ):
        async with AssistantHub(callbacks) as hub:
            await hub.attach("ws", ws_session, types.Implementation(name="ws", version="1"))
            await hub.attach("notes", notes_session, types.Implementation(name="notes", version="1"))
            names = [s.qualified_name for s in hub.tool_specs()]
            assert "ws.count_lines" in names and "notes.count_lines" in names

            invocation = await hub.invoke("notes.count_lines", {"text": "one two three"})
            assert invocation.ok and invocation.data == {"lines": 1, "words": 3}
            assert hub.history[-1].spec.server == "notes"

            results = await hub.run_macro(
                [MacroStep("ws.count_lines", {"text": "x"}), MacroStep("ws.explode", {}), MacroStep("ws.slow", {"seconds": 9})]
            )
            assert [r.isError for r in results] == [False, True]

            caps = hub.capabilities("ws")
            assert caps is not None and caps.tools is not None and caps.prompts is not None


async def test_hub_timeouts_and_unknown_tools() -> None:
    async with create_connected_server_and_client_session(build_workspace_server("ws")) as session:
        async with AssistantHub(make_callbacks(), default_timeout=timedelta(seconds=5)) as hub:
            await hub.attach("ws", session, types.Implementation(name="ws", version="1"))
            try:
                await hub.invoke("ws.slow", {"seconds": 5}, timeout=timedelta(milliseconds=50))
            except ToolTimeout as exc:
                assert exc.waited == timedelta(milliseconds=50)
                assert "ws.slow did not answer within 0.05s" in str(exc)
            else:
                raise AssertionError("expected a timeout")
            try:
                await hub.invoke("ws.rm_rf", {})
            except ToolUnavailable:
                pass
            else:
                raise AssertionError("expected ToolUnavailable")


async def test_connect_all_passes_sdk_parameters() -> None:
    config = load_config(
        '{"defaults": {"readTimeoutSeconds": 45}, "servers": {'
        '"issues": {"url": "https://issues.acme.test/mcp"},'
        '"broken": {"command": "does-not-exist"}}}'
    )
    hub = AssistantHub(make_callbacks())

    async def fake_connect(server_params: object, session_params: ClientSessionParameters) -> object:
        if isinstance(server_params, StreamableHttpParameters):
            return mock.MagicMock(name="issues-session")
        raise FileNotFoundError("does-not-exist")

    with mock.patch.object(hub.group, "connect_to_server", side_effect=fake_connect) as connect:
        failed = await hub.connect_all(config)

    assert failed == ["broken"]
    server_params, session_params = connect.await_args_list[0].args
    assert isinstance(server_params, StreamableHttpParameters)
    assert session_params.read_timeout_seconds == timedelta(seconds=45)
    assert session_params.client_info is not None and session_params.client_info.name == "copilot-ide"
    assert session_params.list_roots_callback is not None
    assert set(hub.sessions) == {"issues"}
