"""End-to-end: HTTP request -> Starlette app -> ClientSession -> in-memory FastMCP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

import anyio
import httpx

from restbridge.app import create_app
from restbridge.config import UpstreamConfig
from restbridge.upstreams import UpstreamPool
from tests.fixtures import build_calc, memory_session


@asynccontextmanager
async def bridge(timeout: timedelta | None = None, expose: list[str] | None = None) -> AsyncIterator[httpx.AsyncClient]:
    async with UpstreamPool() as pool:
        async with memory_session(build_calc(), timeout=timeout) as session:
            await pool.attach(UpstreamConfig(name="calc", command="unused", expose=expose), session)
            app = create_app(pool, title="test bridge")
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bridge") as client:
                yield client


def test_openapi_document_lists_tools() -> None:
    async def main() -> None:
        async with bridge() as client:
            doc = (await client.get("/openapi.json")).json()
            assert doc["info"]["title"] == "test bridge"
            add = doc["paths"]["/u/calc/tools/add"]["post"]
            assert add["operationId"] == "calc__add"
            assert add["summary"] == "Add two numbers"
            assert add["x-read-only"] is True
            schema = add["requestBody"]["content"]["application/json"]["schema"]
            assert set(schema["properties"]) == {"a", "b"}
            assert add["x-mcp-tool"]["name"] == "add"
            assert add["x-mcp-tool"]["annotations"]["readOnlyHint"] is True
            quote = doc["paths"]["/u/calc/tools/quote"]["post"]
            result_schema = quote["responses"]["200"]["content"]["application/json"]["schema"]
            assert "symbol" in result_schema["properties"]["result"]["properties"]
            assert "/u/calc/resources" in doc["paths"]
            assert doc["tags"][0]["description"].startswith("calc-upstream ")

    anyio.run(main)


def test_call_tool_returns_structured_result() -> None:
    async def main() -> None:
        async with bridge() as client:
            resp = await client.post("/u/calc/tools/add", json={"a": 2, "b": 3})
            assert resp.status_code == 200, resp.text
            body = resp.json()
            assert body["result"] == {"result": 5}
            assert body["content"] == [{"type": "text", "text": "5"}]

            resp = await client.post("/u/calc/tools/quote", json={"symbol": "abc"})
            assert resp.json()["result"] == {"symbol": "ABC", "price": 12.5, "currency": "EUR"}

            resp = await client.post("/u/calc/tools/pixel")
            assert resp.json()["content"][0] == {"type": "image", "mimeType": "image/png", "bytes": 70}

    anyio.run(main)


def test_tool_errors_and_unknown_names() -> None:
    async def main() -> None:
        async with bridge(expose=["add", "explode"]) as client:
            resp = await client.post("/u/calc/tools/explode", json={"reason": "disk on fire"})
            assert resp.status_code == 422
            assert "disk on fire" in resp.json()["error"]

            resp = await client.post("/u/calc/tools/quote", json={"symbol": "x"})
            assert resp.status_code == 404, "quote is not exposed"
            resp = await client.post("/u/nowhere/tools/add", json={})
            assert resp.status_code == 404

            upstreams = (await client.get("/upstreams")).json()["upstreams"]
            assert upstreams[0]["tools"] == ["add", "explode"]
            assert upstreams[0]["prompts"] is True
            assert upstreams[0]["protocol"] == "2025-11-25"

    anyio.run(main)


def test_timeout_maps_to_gateway_timeout() -> None:
    async def main() -> None:
        async with bridge(timeout=timedelta(seconds=0.3)) as client:
            resp = await client.post("/u/calc/tools/slow", json={"seconds": 3})
            assert resp.status_code == 504
            assert "Timed out" in resp.json()["error"]
            fast = await client.post("/u/calc/tools/add", json={"a": 1, "b": 1})
            assert fast.status_code == 200

    anyio.run(main)


def test_resources_and_prompts() -> None:
    async def main() -> None:
        async with bridge() as client:
            resp = await client.get("/u/calc/resources", params={"uri": "calc://constants/pi"})
            assert resp.status_code == 200
            item = resp.json()["contents"][0]
            assert item == {"uri": "calc://constants/pi", "mimeType": "text/plain", "text": "3.14159"}

            missing = await client.get("/u/calc/resources", params={"uri": "calc://constants/tau"})
            assert missing.status_code == 502

            bad = await client.get("/u/calc/resources", params={"uri": "not a uri"})
            assert bad.status_code == 400

            prompt = await client.post("/u/calc/prompts/explain", json={"expression": "2+2"})
            message = prompt.json()["messages"][0]
            assert message["role"] == "user"
            assert "2+2" in message["content"]["text"]

    anyio.run(main)
