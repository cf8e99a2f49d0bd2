"""Framework pieces that do not involve MCP at all."""

from __future__ import annotations

import anyio

from appdeck import JSON, Dropdown, Layout, Number, Progress
from appdeck.components import paginate
from appdeck.config import ServerSettings
from tests.demo_apps import build_demo_app


def test_settings_from_env_and_public_view() -> None:
    env = {"APPDECK_HOST": "0.0.0.0", "APPDECK_PORT": "9000", "APPDECK_MCP_PATH": "/agents/mcp"}
    settings = ServerSettings.from_env({**env, "APPDECK_JSON_RESPONSE": "yes"}, stateless_http=True)
    assert settings.host == "0.0.0.0" and settings.port == 9000 and not settings.is_local
    assert settings.json_response and settings.stateless_http
    assert settings.url("/x") == "http://0.0.0.0:9000/x"
    public = settings.to_public_dict()
    assert public["streamableHttpPath"] == "/agents/mcp"
    assert public["host"] == "0.0.0.0" and public["port"] == 9000


def test_components_layout_root_and_listing_cursor() -> None:
    number = Number("Times", minimum=1, precision=0)
    outer, row = Layout("main"), Layout("inputs")
    outer.add(row)
    row.add(number)
    row.add(Dropdown("Color", choices=["red", "green", "grey"]))
    outer.add(JSON("out"))
    assert number.root is outer and row.root is outer
    assert [c.name for c in outer.walk()] == ["times", "color", "out"]
    assert number.api_info()["inputSchema"] == {"type": "integer", "minimum": 1}

    page = paginate([{"name": str(i)} for i in range(5)], None, 2)
    assert page.to_json() == {"endpoints": [{"name": "0"}, {"name": "1"}], "nextCursor": "2"}
    info = build_demo_app(ServerSettings(page_size=100)).api_info()
    assert "nextCursor" not in info
    assert "audit_log" not in [e["name"] for e in info["endpoints"]]


def test_predict_without_mcp_injects_progress() -> None:
    app = build_demo_app()
    progress = Progress(total=10)

    async def main() -> list[object]:
        return await app.predict("slow_count", {"steps": 2}, progress=progress)

    assert anyio.run(main) == ["counted to 2"]
    assert progress.updates == [(0.5, "step 1"), (1.0, "step 2")]
    assert app.history[-1]["ok"] is True
