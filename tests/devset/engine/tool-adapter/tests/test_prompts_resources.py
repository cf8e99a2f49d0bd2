from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from pydantic import AnyUrl
from servers import PNG_1PX, build_weather_server

from mcp import McpError
from mcp.shared.memory import create_connected_server_and_client_session
from toolbridge import get_mcp_resource, load_mcp_prompt, load_mcp_resources
from toolbridge.prompts import PromptNotFoundError, complete_prompt_argument, complete_resource_argument, list_prompts
from toolbridge.resources import list_resource_templates, list_resources, read_template


async def test_prompts_load_as_chat_messages() -> None:
    async with create_connected_server_and_client_session(build_weather_server()._mcp_server) as session:
        infos = {p.name: p for p in await list_prompts(session)}
        brief = infos["forecast_brief"]
        assert brief.description == "Brief the assistant on a city."
        assert brief.arguments == ["city", "tone"] and brief.required == ["city"]

        messages = await load_mcp_prompt(session, "forecast_brief", arguments={"city": "Lima", "tone": "cheerful"})
        assert [m.role for m in messages] == ["user", "assistant"]
        assert messages[0].text == "Give a cheerful forecast briefing for Lima."

        try:
            await load_mcp_prompt(session, "no_such_prompt")
        except PromptNotFoundError as exc:
            assert exc.args == ("no_such_prompt",)
        else:
            raise AssertionError("unknown prompt should raise")

        values, has_more = await complete_prompt_argument(session, "forecast_brief", "city", "l")
        assert values == ["lima", "lisbon"] and has_more is True
        values, has_more = await complete_prompt_argument(session, "forecast_brief", "city", "os")
        assert values == ["oslo"] and has_more is False
        assert await complete_resource_argument(session, "weather://cities/{city}/summary", "city", "lo") == ["london"]


async def test_resources_load_as_blobs() -> None:
    async with create_connected_server_and_client_session(build_weather_server()._mcp_server) as session:
        listed = await list_resources(session)
        by_uri = {str(r.uri): r for r in listed}
        assert set(by_uri) == {"weather://readme", "weather://stations.json", "weather://logo.png"}
        assert by_uri["weather://readme"].mimeType == "text/markdown"
        assert all(r.uri.scheme == "weather" for r in listed)

        blobs = {b.uri: b for b in await load_mcp_resources(session)}
        assert blobs["weather://readme"].as_text().startswith("# Weather server")
        assert blobs["weather://stations.json"].mime_type == "application/json"
        logo = blobs["weather://logo.png"]
        assert not logo.is_text and logo.data == PNG_1PX
        assert logo.metadata["scheme"] == "weather" and logo.metadata["host"] == "logo.png"
        assert logo.as_part().type == "image"

        templates = await list_resource_templates(session)
        assert [t.uriTemplate for t in templates] == ["weather://cities/{city}/summary"]
        parts = await read_template(session, "city_summary", {"city": "oslo"})
        assert parts[0].text == "Oslo is usually mild." and parts[0].uri == "weather://cities/oslo/summary"

        direct = await get_mcp_resource(session, AnyUrl("weather://cities/lima/summary"))
        assert direct[0].as_text() == "Lima is usually mild."

        try:
            await load_mcp_resources(session, uris=["weather://missing"], skip_errors=False)
        except McpError as exc:
            assert exc.error.code == 0
            assert "Unknown resource" in exc.error.message
        else:
            raise AssertionError("missing resource should raise")
        assert await load_mcp_resources(session, uris=["weather://missing", "weather://readme"]) != []
