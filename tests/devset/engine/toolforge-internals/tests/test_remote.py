from __future__ import annotations

import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(__file__))

import httpx  # noqa: E402

from mcp.types import Resource  # noqa: E402
from toolforge import ForgeHarness, ServerForge  # noqa: E402
from toolforge.manifest import page  # noqa: E402
from toolforge.remote import RegistryError, RemoteManifestSource  # noqa: E402

CLOCK_TOOL = {"name": "clock_now", "inputSchema": {"type": "object", "properties": {"tz": {"type": "string"}}}}
DICE_TOOL = {
    "name": "dice_roll",
    "inputSchema": {"type": "object", "properties": {"sides": {"type": "integer"}}, "required": ["sides"]},
    "reply": "rolled a d{sides}",
}
REGISTRY: dict[str, dict[str, Any]] = {
    "clock": {"name": "clock", "version": "0.1.0", "tools": [{**CLOCK_TOOL, "reply": "12:00 {tz}"}]},
    "dice": {"name": "dice", "version": "2.0.0", "tools": [DICE_TOOL], "resources": [{"uri": "dice://faces", "text": "1-6"}]},
    "zeta": {"name": "zeta", "version": "0.0.1"},
}


def registry_transport(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("Authorization") != "Bearer s3cret":
            return httpx.Response(401, json={"error": "unauthorized"})
        path = request.url.path
        if path == "/plugins":
            return httpx.Response(200, json=page(sorted(REGISTRY), request.url.params.get("cursor")))
        if path == "/plugins/moved.json":
            return httpx.Response(302, headers={"Location": "/plugins/clock.json"})
        name = path.removeprefix("/plugins/").removesuffix(".json")
        if name in REGISTRY:
            return httpx.Response(200, content=json.dumps(REGISTRY[name]).encode())
        return httpx.Response(404, json={"error": "no such plugin"})

    return httpx.MockTransport(handler)


async def test_registry_plugins_install_and_run() -> None:
    seen: list[httpx.Request] = []
    source = RemoteManifestSource("https://registry.test/", token="s3cret", transport=registry_transport(seen))
    assert await source.names() == ["clock", "dice", "zeta"]
    assert [r.url.params.get("cursor") for r in seen] == [None, "2"]
    assert (await source.fetch("moved")).name == "clock"

    mcp = ServerForge("remote", dependencies=["httpx"]).use(*await source.load_plugins("clock", "dice")).build()
    mcp.add_resource(source.index_resource())
    harness = ForgeHarness(mcp)
    assert await harness.call_raw("clock_now", {"tz": "UTC"}) == "12:00 UTC"
    assert (await harness.call("dice_roll", {"sides": 20})).text == "rolled a d20"
    assert await harness.read_text("dice://faces") == "1-6"

    listed: list[Resource] = await mcp.list_resources()
    index = next(r for r in listed if str(r.uri) == "registry://index")
    assert index.mimeType == "application/json" and index.name == "registry-index"

    for src, name, status in [(source, "ghost", 404), (RemoteManifestSource("https://registry.test"), "clock", 401)]:
        src.transport = registry_transport(seen)
        try:
            await src.fetch(name)
        except RegistryError as exc:
            assert exc.status == status and str(status) in str(exc)
        else:
            raise AssertionError(f"fetching {name} should fail with {status}")


async def test_registry_unreachable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    source = RemoteManifestSource("https://down.test", token="t", transport=httpx.MockTransport(refuse))
    try:
        await source.fetch("clock")
    except RegistryError as exc:
        assert exc.status is None and "unreachable" in str(exc)
        assert isinstance(exc.__cause__, httpx.ConnectError)
    else:
        raise AssertionError("fetch should fail when the registry is down")
