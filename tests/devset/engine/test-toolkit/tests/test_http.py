from __future__ import annotations

from mcp.server.fastmcp import Context, FastMCP

from wiretest import ToolkitSettings, result_text
from wiretest.http import StaticBearer, serve_http


def build_echo_app() -> FastMCP:
    app = FastMCP("http-echo")

    @app.tool()
    async def whoami(ctx: Context) -> str:
        request = ctx.request_context.request
        if request is None:
            return "anonymous"
        return request.headers.get("authorization", "anonymous")

    @app.tool()
    def shout(text: str) -> str:
        return text.upper()

    return app


async def test_streamable_http_round_trip_over_asgi() -> None:
    settings = ToolkitSettings.from_env({"WIRETEST_PORT": "9123", "WIRETEST_STATELESS_HTTP": "no"})
    assert settings.base_url == "http://127.0.0.1:9123/mcp"
    bearer = StaticBearer("secret-token")
    app = build_echo_app()

    async with serve_http(app, settings, headers={"X-Trace": "wiretest"}, auth=bearer) as conn:
        assert conn.init.serverInfo.name == "http-echo"
        session_id = conn.get_session_id()
        assert session_id is not None and len(session_id) >= 16
        who = await conn.session.call_tool("whoami", {})
        loud = await conn.session.call_tool("shout", {"text": "quiet please"})

    assert result_text(who) == "Bearer secret-token"
    assert result_text(loud) == "QUIET PLEASE"
    assert loud.structuredContent == {"result": "QUIET PLEASE"}
    assert app.settings.port == 9123 and app.settings.json_response is True
    assert ("POST", "/mcp", 200) in conn.exchanges
    assert "POST" in bearer.signed


def test_settings_from_environment() -> None:
    settings = ToolkitSettings.from_env(
        {"WIRETEST_HOST": "localhost", "WIRETEST_JSON_RESPONSE": "0", "WIRETEST_REDACT_KEYS": "a, b"},
        read_timeout=1.5,
    )
    assert settings.transport_options() == {
        "host": "localhost",
        "port": 8765,
        "streamable_http_path": "/mcp",
        "json_response": False,
        "stateless_http": False,
    }
    assert settings.redact_keys == ("a", "b")
    assert settings.with_overrides(port=1).base_url == "http://localhost:1/mcp"
