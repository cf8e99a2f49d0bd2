from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
from starlette.types import ASGIApp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import child_pythonpath  # noqa: E402

from mcp.server.fastmcp import Context, FastMCP  # noqa: E402
from mcp.server.session import ServerSession  # noqa: E402
from mcp.shared._httpx_utils import McpHttpClientFactory  # noqa: E402

from deskmate import HostApp, parse_config  # noqa: E402
from deskmate.registry import ToolEntry  # noqa: E402
from deskmate.transports import TransportFactory  # noqa: E402


async def _allow(entry: ToolEntry, arguments: dict[str, Any]) -> bool:
    return True


def tracker_server() -> FastMCP:
    tracker = FastMCP("tracker", host="127.0.0.1", port=8931, stateless_http=True, json_response=True)

    @tracker.tool()
    async def whoami(ctx: Context[ServerSession, None]) -> dict[str, str | None]:
        request = ctx.request_context.request
        assert request is not None
        headers = request.headers
        return {"team": headers.get("x-team"), "authorization": headers.get("authorization"), "server": ctx.fastmcp.name}

    @tracker.tool()
    def open_issues(label: str = "bug") -> list[str]:
        return [f"{label}-{n}" for n in (101, 102)]
    return tracker


def asgi_client_factory(app: ASGIApp) -> McpHttpClientFactory:
    def factory(
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        auth: httpx.Auth | None = None,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            headers=headers,
            timeout=timeout or httpx.Timeout(30, read=300),
            auth=auth,
            follow_redirects=True,
        )

    return factory


async def test_streamable_http_server_with_headers_and_token() -> None:
    tracker = tracker_server()
    app = tracker.streamable_http_app()
    assert tracker.settings.stateless_http and tracker.settings.port == 8931
    config = parse_config(
        {
            "mcpServers": {
                "tracker": {
                    "url": "http://127.0.0.1:8931/mcp",
                    "headers": {"X-Team": "${TEAM}"},
                    "timeout": 10,
                    "bearerTokenEnv": "DESKMATE_TEST_TRACKER_TOKEN",
                }
            }
        },
        environ={"TEAM": "platform"},
    )
    os.environ["DESKMATE_TEST_TRACKER_TOKEN"] = "s3cret"
    try:
        async with tracker.session_manager.run():
            opener = TransportFactory(http_client_factory=asgi_client_factory(app))
            async with HostApp(config, opener=opener, confirm=_allow) as host:
                conn = host.connections["tracker"]
                assert conn.describe()["transport"] == "streamable-http"
                assert conn.session_id is None  # stateless servers do not hand out sessions
                who = await host.call_tool("tracker__whoami")
                issues = await host.call_tool("tracker__open_issues", {"label": "ux"})
    finally:
        del os.environ["DESKMATE_TEST_TRACKER_TOKEN"]

    assert who.structured == {"team": "platform", "authorization": "Bearer s3cret", "server": "tracker"}
    assert issues.structured == {"result": ["ux-101", "ux-102"]}


async def test_stdio_builtin_server_gets_env_and_cwd() -> None:
    with tempfile.TemporaryDirectory() as workdir, tempfile.TemporaryFile("w+") as errlog:
        config = parse_config(
            {
                "mcpServers": {
                    "builtins": {
                        "command": sys.executable,
                        "args": ["-m", "deskmate.builtin_server"],
                        "env": {"PYTHONPATH": child_pythonpath(), "DESKMATE_PROFILE": "${PROFILE}"},
                        "cwd": workdir,
                        "autoApprove": ["scratch_write"],
                    }
                }
            },
            environ={"PROFILE": "ci"},
        )
        async with HostApp(config, opener=TransportFactory(errlog=errlog), confirm=_allow) as host:
            conn = host.connections["builtins"]
            assert conn.server_info.name == "deskmate-builtins"
            who = await host.call_tool("builtins__whoami")
            wrote = await host.call_tool("builtins__scratch_write", {"slot": "a", "text": "hello"})
            again = await host.call_tool("builtins__scratch_write", {"slot": "a", "text": " world", "append": True})
            cleared = await host.call_tool("builtins__scratch_clear")
            about = await host.resources.open(conn, "deskmate://about")
            prompt = (await host.prompts.choices(conn))[0]

    assert who.structured is not None and (who.structured["cwd"], who.structured["profile"]) == (str(Path(workdir).resolve()), "ci")
    assert wrote.text == "hello" and again.text == "hello world"
    assert cleared.text == "1" and cleared.progress == [(1, 1, "clearing a")]
    assert about[0].text is not None and '"app": "deskmate"' in about[0].text
    assert prompt.title == "Explain a scratch note" and prompt.required_arguments == ["slot"]
    assert host.services.logs.render() == [
        "INFO      builtins: scratch slot a now has 5 characters",
        "INFO      builtins: scratch slot a now has 11 characters",
        "WARNING   builtins/scratch: cleared 1 scratch slots",
    ]
