from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from support import connect  # noqa: E402

import httpx  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from datatools.__main__ import parse_args  # noqa: E402
from datatools.asgi import build_app  # noqa: E402
from datatools.client import BearerAuth, DataToolsClient, ToolCallFailed, describe_server, tool_catalog  # noqa: E402
from datatools.config import ServerConfig  # noqa: E402


async def test_client_wrapper_round_trip() -> None:
    async with connect() as conn:
        summary = describe_server(conn.init)
        assert summary["name"] == "data-tools"
        assert summary["latestProtocol"] and summary["supported"]
        assert summary["instructions"].startswith("Tools for exploring tabular datasets")
        assert summary["completions"] and summary["prompts"]
        assert conn.init.serverInfo.websiteUrl == "https://example.org/data-tools"

        client = DataToolsClient(conn.session)
        tools = await client.list_all_tools()
        catalog = {entry["name"]: entry for entry in tool_catalog(tools)}
        assert len(catalog) == 12
        assert "inputSchema" in catalog["head"]
        assert "outputSchema" in catalog["describe"]
        assert "outputSchema" not in catalog["plot_histogram"]
        assert catalog["drop_dataset"]["annotations"]["destructiveHint"] is True
        assert catalog["load_csv"]["title"] == "Load CSV"

        info = await client.call("load_csv", {"name": "pets", "csv_text": "kind,legs\ncat,4\nbird,2\n"})
        assert info["uri"] == "dataset://pets/csv"
        mime, body = await client.read(info["uri"])
        assert mime == "text/csv" and isinstance(body, str) and body.startswith("kind,legs")
        _, index = await client.read("datasets://index")
        assert [d["name"] for d in json.loads(index)["datasets"]] == ["penguins", "pets", "sales"]

        names, more = await client.complete_dataset("pe")
        assert names == ["penguins", "pets"] and more is False
        assert await client.complete_column("compare_columns", "pets", "l") == ["legs"]

        templates = await client.resource_templates()
        assert templates["chart://{name}/{column}"] == "image/png"

        try:
            await client.call("describe", {"dataset": "missing"})
        except ToolCallFailed as exc:
            assert exc.tool == "describe"
            assert exc.result is not None and exc.result.isError
            assert "Unknown dataset: missing" in str(exc)
        else:
            raise AssertionError("expected ToolCallFailed")

        uri = await client.watch("pets")
        await client.call("append_rows", {"dataset": "pets", "rows": [{"kind": "fish", "legs": 0}]})
        assert conn.notifications.updated == [str(uri)]
        await client.unwatch(uri)


def test_bearer_auth_flow() -> None:
    auth = BearerAuth("s3cret")
    request = httpx.Request("POST", "http://localhost:8765/mcp")
    flow = auth.auth_flow(request)
    sent = next(flow)
    assert sent.headers["Authorization"] == "Bearer s3cret"
    try:
        flow.send(httpx.Response(200, request=sent))
    except StopIteration:
        pass

    remote = BearerAuth("s3cret").auth_flow(httpx.Request("GET", "http://data.example.org/mcp"))
    try:
        next(remote)
    except httpx.UnsupportedProtocol as exc:
        assert "refusing" in str(exc)
    else:
        raise AssertionError("credentials must not go over plain http to remote hosts")


def test_asgi_app_health_routes() -> None:
    config = ServerConfig(host="0.0.0.0", port=9000, allowed_hosts=("testserver",), stateless_http=True)
    app = build_app(config)
    client = TestClient(app)
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {
        "status": "ok",
        "server": "data-tools",
        "streamableHttpPath": "/mcp",
        "statelessHttp": True,
        "bind": "0.0.0.0:9000",
    }


def test_cli_arguments() -> None:
    args = parse_args(["--transport", "sse", "--port", "9001", "--mount-path", "/tools"])
    assert args.transport == "sse" and args.port == 9001 and args.mount_path == "/tools"
    assert parse_args([]).transport is None
