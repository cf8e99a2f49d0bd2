from __future__ import annotations

import json
import os
import sys
from datetime import timedelta

import anyio
from pydantic import AnyUrl

sys.path.insert(0, os.path.dirname(__file__))

from support import config_tree, open_gateway  # noqa: E402

import mcp.types as types  # noqa: E402
from mcp.client.session import ClientSession  # noqa: E402
from mcp.shared.memory import create_client_server_memory_streams  # noqa: E402

from confgate import create_gateway  # noqa: E402
from confgate.client import GatewayClient, NotificationRecorder  # noqa: E402


async def test_capabilities() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            caps = h.session.get_server_capabilities()
            assert caps is not None and caps.resources is not None
            assert (caps.resources.subscribe, caps.resources.listChanged) == (True, True)
            assert caps.prompts is not None and caps.prompts.listChanged is True
            assert caps.tools is not None and caps.tools.listChanged is False
            assert caps.logging is not None and caps.completions is not None
            assert caps.experimental == {"confgate": {"writes": True}}
            assert h.client.supports_subscriptions()
        opts = create_gateway(root).create_initialization_options()
        assert (opts.server_name, opts.server_version) == ("confgate", "0.9.2")
        assert opts.instructions is not None and "lookup_key" in opts.instructions


async def test_subscribe_then_write_notifies() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            await h.session.subscribe_resource(AnyUrl("config://files/app.json"))
            await h.session.subscribe_resource(AnyUrl("config://merged/prod"))
            assert h.server.state.hub.watched() == ["config://files/app.json", "config://merged/prod"]

            result = await h.session.call_tool("write_key", {"path": "app.json", "key": "features.beta", "value": True})
            assert result.structuredContent == {"path": "app.json", "previous": False, "notified": 2}
            assert h.recorder.updated == ["config://files/app.json", "config://merged/prod"]
            assert json.loads((root / "app.json").read_text())["features"]["beta"] is True

            await h.session.unsubscribe_resource(AnyUrl("config://files/app.json"))
            h.recorder.updated.clear()
            await h.session.call_tool("write_key", {"path": "app.json", "key": "service.port", "value": 9090})
            assert h.recorder.updated == ["config://merged/prod"]


async def test_logging_level_controls_client_logs() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            await h.session.call_tool("lookup_key", {"path": "app.json", "key": "service.name"})
            assert h.logs == []
            await h.session.set_logging_level("debug")
            await h.session.call_tool("lookup_key", {"path": "app.json", "key": "service.name"})
            assert [(log.level, log.logger) for log in h.logs] == [("debug", "confgate")]
            assert h.logs[0].data == {"tool": "lookup_key", "path": "app.json", "key": "service.name", "found": True}
            assert h.recorder.logs[0].data == h.logs[0].data
            await h.session.set_logging_level("error")
            await h.session.call_tool("write_key", {"path": "app.json", "key": "x", "value": 1})
            assert len(h.logs) == 1


async def test_two_clients_share_subscriptions() -> None:
    with config_tree() as root:
        server = create_gateway(root)
        events = NotificationRecorder()
        async with (
            create_client_server_memory_streams() as (watcher_streams, watcher_server),
            create_client_server_memory_streams() as (writer_streams, writer_server),
            anyio.create_task_group() as tg,
        ):
            for streams in (watcher_server, writer_server):
                tg.start_soon(server.run, streams[0], streams[1], server.create_initialization_options(), True)
            timeout = timedelta(seconds=5)
            async with (
                ClientSession(*watcher_streams, read_timeout_seconds=timeout, message_handler=events) as watcher,
                ClientSession(*writer_streams, read_timeout_seconds=timeout) as writer,
            ):
                init = await watcher.initialize()
                assert (init.serverInfo.name, init.protocolVersion) == ("confgate", types.LATEST_PROTOCOL_VERSION)
                await writer.initialize()
                assert server.state.connections == 2

                await watcher.subscribe_resource(AnyUrl("config://env/prod/database.toml"))
                await GatewayClient(writer).call("write_key", {"path": "app.json", "key": "owner", "value": "team-a"})
                assert events.updated == []

                (root / "envs" / "prod" / "database.toml").write_text("[pool]\nsize = 64\n")
                assert (await GatewayClient(writer).call("reload_catalog"))["changed"] == ["envs/prod/database.toml"]
                with anyio.fail_after(5):
                    await events.changed.wait()
                assert events.updated == ["config://env/prod/database.toml"]
            tg.cancel_scope.cancel()


async def test_client_progress_is_recorded() -> None:
    with config_tree() as root:
        async with open_gateway(root) as h:
            await h.session.send_progress_notification("apply-42", 3, total=4, message="applied 3 of 4 files")
            with anyio.fail_after(5):
                while "apply-42" not in h.server.state.client_progress:
                    await anyio.sleep(0.01)
            assert h.server.state.client_progress["apply-42"] == 0.75
