from __future__ import annotations

import contextlib
import io
import json
from unittest import mock

from mcp.server.fastmcp import FastMCP

from buildops.cli import apply_config, build_parser, main, resolve_config, serve
from buildops.config import ListenConfig


def test_flags_override_environment() -> None:
    env = {
        "BUILDOPS_TRANSPORT": "streamable-http",
        "BUILDOPS_HOST": "0.0.0.0",
        "BUILDOPS_PORT": "9100",
        "BUILDOPS_ALLOWED_HOSTS": "ci-ops.internal, ci-ops.internal:9100",
        "BUILDOPS_JSON_RESPONSE": "yes",
    }
    args = build_parser().parse_args(["serve", "--port", "9200", "--path", "api/mcp/", "--stateless"])
    cfg = resolve_config(args, env)

    assert (cfg.transport, cfg.host, cfg.port) == ("streamable-http", "0.0.0.0", 9200)
    assert cfg.streamable_http_path == "/api/mcp"
    assert cfg.json_response is True and cfg.stateless_http is True
    assert cfg.allowed_hosts == ["ci-ops.internal", "ci-ops.internal:9100"]
    assert cfg.validate() == []
    assert cfg.public_url() == "http://0.0.0.0:9200/api/mcp"

    bad = ListenConfig(transport="sse", host="10.1.2.3", port=70000, stateless_http=True, log_level="chatty")
    problems = bad.normalised().validate()
    assert len(problems) == 4 and any("requires at least one --allow-host" in p for p in problems)


def test_apply_config_updates_server_settings() -> None:
    server: FastMCP = FastMCP("scratch")
    assert server.settings.host == "127.0.0.1" and server.settings.transport_security is not None

    cfg = ListenConfig(
        transport="streamable-http",
        host="0.0.0.0",
        port=9300,
        streamable_http_path="/ops",
        json_response=True,
        stateless_http=True,
        log_level="DEBUG",
        allowed_hosts=["ci-ops.internal:9300"],
    )
    apply_config(server, cfg.normalised())

    settings = server.settings
    assert (settings.host, settings.port, settings.streamable_http_path) == ("0.0.0.0", 9300, "/ops")
    assert settings.json_response and settings.stateless_http
    assert settings.debug is True and settings.log_level == "DEBUG"
    assert settings.transport_security is not None
    assert settings.transport_security.allowed_hosts == ["ci-ops.internal:9300"]
    assert settings.transport_security.allowed_origins == ["https://ci-ops.internal"]

    public = FastMCP("public")
    apply_config(public, ListenConfig(transport="sse", host="0.0.0.0", mount_path="/ci").normalised())
    assert public.settings.mount_path == "/ci"
    assert public.settings.transport_security is not None
    assert public.settings.transport_security.enable_dns_rebinding_protection is False


def test_serve_and_config_commands() -> None:
    server: FastMCP = FastMCP("scratch")
    with mock.patch.object(FastMCP, "run") as run:
        serve(server, ListenConfig(transport="sse", mount_path="/ci").normalised())
        serve(server, ListenConfig(transport="streamable-http").normalised())
    assert run.call_args_list == [mock.call(transport="sse", mount_path="/ci"), mock.call(transport="streamable-http")]

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["config", "-t", "sse", "--port", "9400", "--mount-path", "ci", "--log-level", "warning"], env={})
    assert code == 0
    data = json.loads(out.getvalue())
    assert (data["mount_path"], data["log_level"], data["problems"]) == ("/ci", "WARNING", [])
    assert data["url"] == "http://127.0.0.1:9400/ci/sse"

    with contextlib.redirect_stderr(err):
        code = main(["serve", "--host", "0.0.0.0", "--transport", "streamable-http"], env={})
    assert code == 2 and "requires at least one --allow-host" in err.getvalue()
