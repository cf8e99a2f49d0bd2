"""Configuration parsing and how it reaches the FastMCP settings."""

from __future__ import annotations

from unittest import mock

from starlette.routing import Mount, Route

from mcp.server.fastmcp import FastMCP

from ledgerd import cli
from ledgerd.config import ConfigError, PathLayout, ServerConfig, parse_tokens
from tests.harness import make_server

ENV = {
    "LEDGERD_HOST": "0.0.0.0",
    "LEDGERD_PORT": "9100",
    "LEDGERD_MOUNT_PATH": "ledger/",
    "LEDGERD_STREAMABLE_HTTP_PATH": "rpc",
    "LEDGERD_TRANSPORT": "http",
    "LEDGERD_STATELESS_HTTP": "yes",
    "LEDGERD_JSON_RESPONSE": "1",
    "LEDGERD_LOG_LEVEL": "warning",
    "LEDGERD_ALLOWED_HOSTS": "ledger.internal:*, localhost:*",
    "LEDGERD_TOKENS": "tok-a=ops:ledger:read+ledger:write,tok-b=dash:ledger:read",
}


def test_env_and_layout() -> None:
    config = ServerConfig.from_env(ENV).validate()
    assert (config.host, config.port, config.transport) == ("0.0.0.0", 9100, "streamable-http")
    assert config.stateless_http and config.json_response
    assert config.log_level == "WARNING"
    assert config.allowed_hosts == ["ledger.internal:*", "localhost:*"]
    assert config.tokens["tok-a"].scopes == ("ledger:read", "ledger:write")

    layout = config.layout()
    assert isinstance(layout, PathLayout)
    assert layout.root == "/ledger"
    assert layout.mcp == "/ledger/rpc"
    assert layout.messages == "/ledger/messages/"
    assert layout.health == "/ledger/healthz"

    described = config.describe()
    assert described["serverInfo"]["name"] == "ledgerd"
    assert described["transport"]["streamableHttpPath"] == "/ledger/rpc"
    assert described["auth"]["clientIds"] == ["dash", "ops"]
    assert described["capabilities"]["tools"]["listChanged"] is False

    # Platform-provided PORT is only a fallback.
    assert ServerConfig.from_env({"PORT": "7000"}).port == 7000
    assert ServerConfig.from_env({"PORT": "7000", "LEDGERD_PORT": "7001"}).port == 7001


def test_bad_values_are_rejected() -> None:
    for env in ({"LEDGERD_PORT": "eighty"}, {"LEDGERD_TRANSPORT": "carrier-pigeon"}, {"LEDGERD_DEBUG": "maybe"}):
        try:
            ServerConfig.from_env(env)
        except ConfigError:
            pass
        else:
            raise AssertionError(f"{env} should not parse")
    try:
        parse_tokens("no-equals-sign")
    except ConfigError as exc:
        assert "missing" in str(exc)
    try:
        ServerConfig(transport="sse", stateless_http=True).validate()
    except ConfigError as exc:
        assert "stateless" in str(exc)
    else:
        raise AssertionError("sse + stateless must be rejected")
    assert cli.main(["--port", "0"], environ={}) == 2


def test_constructor_settings_wiring() -> None:
    mcp, _ = make_server(
        host="0.0.0.0",
        port=9300,
        mount_path="/books",
        sse_path="/events",
        message_path="/inbox",
        streamable_http_path="/stream",
        stateless_http=True,
        json_response=True,
        log_level="DEBUG",
        debug=True,
    )
    settings = mcp.settings
    assert (settings.host, settings.port) == ("0.0.0.0", 9300)
    assert settings.mount_path == "/books"
    assert settings.sse_path == "/events"
    assert settings.message_path == "/inbox/"
    assert settings.streamable_http_path == "/stream"
    assert settings.stateless_http is True and settings.json_response is True
    assert settings.log_level == "DEBUG" and settings.debug is True
    # Binding to all interfaces does not turn on DNS rebinding protection by itself.
    assert settings.transport_security is None
    assert settings.auth is None

    loopback, _ = make_server(allowed_hosts=["ledger.internal:8443"])
    security = loopback.settings.transport_security
    assert security is not None and security.allowed_hosts == ["ledger.internal:8443"]
    assert security.allowed_origins == ["http://ledger.internal:8443"]

    assert mcp.name == "ledgerd"
    assert mcp.instructions is not None and "double-entry" in mcp.instructions
    assert mcp.website_url == "https://ledgerd.example.com"


def test_cli_overrides_env_and_runs_transport() -> None:
    argv = ["--transport", "sse", "--port", "9444", "--mount-path", "/tenant-a", "--log-level", "error", "--standalone"]
    env = {"LEDGERD_PORT": "9100", "LEDGERD_HOST": "127.0.0.1", "LEDGERD_DEBUG": "true"}
    with mock.patch.object(FastMCP, "run") as run:
        assert cli.main(argv, environ=env) == 0
    run.assert_called_once_with(transport="sse", mount_path="/tenant-a")

    config, mcp, args = cli.prepare(argv, env)
    assert args.standalone is True
    assert config.port == 9444 and mcp.settings.port == 9444
    assert mcp.settings.mount_path == "/tenant-a"
    assert mcp.settings.log_level == "ERROR"
    assert mcp.settings.debug is True

    with mock.patch.object(FastMCP, "run") as run:
        assert cli.main(["--transport", "streamable-http", "--stateless", "--standalone"], environ={}) == 0
    run.assert_called_once_with(transport="streamable-http")

    with mock.patch("uvicorn.run") as uv_run:
        assert cli.main(["-t", "streamable-http", "-p", "9555", "--host", "0.0.0.0"], environ={}) == 0
    _, kwargs = uv_run.call_args
    assert (kwargs["host"], kwargs["port"], kwargs["log_level"]) == ("0.0.0.0", 9555, "info")


def test_sse_app_respects_mount_and_message_paths() -> None:
    mcp, _ = make_server(transport="sse", mount_path="/tenant-b", sse_path="/stream", message_path="/post")
    app = mcp.sse_app(mcp.settings.mount_path)
    paths = {route.path for route in app.routes if isinstance(route, Route | Mount)}
    assert "/stream" in paths
    assert "/post" in paths  # Mount strips the trailing slash
    assert mcp.settings.mount_path == "/tenant-b"
    assert mcp._normalize_path(mcp.settings.mount_path, mcp.settings.message_path) == "/tenant-b/post/"
