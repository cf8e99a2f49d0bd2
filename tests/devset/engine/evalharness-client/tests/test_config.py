from __future__ import annotations

import json
import tempfile
from pathlib import Path

import httpx

from evalharness.cases import CaseSuite, load_suite
from evalharness.config import HarnessSettings, SettingsError, load_settings
from evalharness.transports import BearerTokenAuth, make_client_factory

SUITE_JSON = """[
  {"id": "a1", "toolName": "add", "arguments": {"a": 1, "b": 2}, "tags": ["math"]},
  {"id": "d0", "toolName": "divide", "tags": ["math", "errors"], "expect": {"isError": true, "errorCode": -32602}},
  {"id": "img", "toolName": "badge", "timeoutSeconds": 2.5, "expect": {"mimeType": "image/png"}}
]"""


def test_settings_layering() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "harness.json"
        config = {"transport": "streamable-http", "host": "evals.local", "port": 9100, "headers": {"X-Team": "e"}}
        path.write_text(json.dumps(config))
        settings = load_settings(path, environ={"EVALHARNESS_PORT": "9200", "EVALHARNESS_LOG_LEVEL": "debug"})
    assert settings.url == "http://evals.local:9200/mcp"
    assert (settings.port, settings.log_level, settings.json_response) == (9200, "DEBUG", False)
    assert settings.headers == {"X-Team": "e"}
    assert HarnessSettings().merged({"transport": "sse", "port": 8001}).url == "http://127.0.0.1:8001/sse"
    for bad in ({"port": 70000}, {"transport": "pigeon"}, {"hostname": "x"}, {"readTimeoutSeconds": 0}):
        try:
            HarnessSettings().merged(bad)
        except SettingsError:
            continue
        raise AssertionError(f"accepted {bad}")


def test_suite_files_use_dashboard_keys() -> None:
    suite = load_suite(SUITE_JSON)
    assert [c.id for c in suite.root] == ["a1", "d0", "img"]
    assert suite.get("d0").expect.is_error and suite.get("d0").expect.error_code == -32602
    assert suite.get("img").timeout_seconds == 2.5
    assert [c.id for c in suite.tagged("errors").root] == ["d0"]
    exported = suite.to_dashboard()
    assert exported[1]["expect"] == {"isError": True, "errorCode": -32602}
    assert CaseSuite.model_validate(exported).root[2].expect.mime_type == "image/png"


async def test_http_plumbing_without_network() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        status = 401 if request.headers["Authorization"] == "Bearer stale" else 200
        return httpx.Response(status, headers={"mcp-session-id": "sess-1"})

    auth = BearerTokenAuth("stale", refresh=lambda: "fresh")
    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
        assert client.get("https://mcp.example.test/mcp").status_code == 200
    assert seen == ["Bearer stale", "Bearer fresh"] and auth.refreshes == 1

    session_ids: list[str] = []
    async with make_client_factory(session_ids)(headers={"X-Run": "7"}, timeout=httpx.Timeout(5.0)) as client:
        assert client.headers["User-Agent"] == "evalharness/0.9" and client.headers["X-Run"] == "7"
        assert client.follow_redirects and client.timeout.read == 5.0
        for hook in client.event_hooks["response"]:
            await hook(httpx.Response(200, headers={"mcp-session-id": "sess-1"}))
            await hook(httpx.Response(200, headers={"mcp-session-id": "sess-1"}))
    assert session_ids == ["sess-1"]

