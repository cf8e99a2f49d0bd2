"""Handshake details, checked with a hand-built in-memory session."""

from __future__ import annotations

from datetime import timedelta

import anyio
from mcp.client.session import ClientSession
from mcp.shared.memory import create_client_server_memory_streams
from mcp.shared.version import SUPPORTED_PROTOCOL_VERSIONS
from mcp.types import LATEST_PROTOCOL_VERSION

from formflow.autofill import ScriptedResponder
from formflow.client import FormflowClient
from formflow.server import mcp
from tests.harness import CLIENT_INFO


async def test_initialize_reports_server_identity() -> None:
    responder = ScriptedResponder()
    server = mcp._mcp_server
    async with create_client_server_memory_streams() as (client_streams, server_streams):
        async with anyio.create_task_group() as tg:
            tg.start_soon(lambda: server.run(*server_streams, server.create_initialization_options()))
            async with ClientSession(
                *client_streams,
                read_timeout_seconds=timedelta(seconds=5),
                elicitation_callback=responder.on_elicit,
                client_info=CLIENT_INFO,
            ) as session:
                init = await session.initialize()
                client = FormflowClient(session, init)
                caps = session.get_server_capabilities()

                assert client.server_name == "formflow"
                assert init.instructions is not None
                assert init.instructions.startswith("Formflow runs interactive forms")
                assert init.protocolVersion == LATEST_PROTOCOL_VERSION
                assert init.protocolVersion in SUPPORTED_PROTOCOL_VERSIONS
                assert init.serverInfo.version
                assert caps is not None and caps.tools is not None and caps.prompts is not None
                assert caps.resources is not None and caps.resources.subscribe is False
                assert caps.logging is not None
                assert caps.completions is not None
            tg.cancel_scope.cancel()
