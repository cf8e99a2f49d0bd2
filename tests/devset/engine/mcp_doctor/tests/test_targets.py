"""Target parsing and transport selection (SDK transports patched out)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from unittest import mock

import anyio

from mcp import StdioServerParameters
from mcp_doctor.connect import open_transport
from mcp_doctor.targets import Target, parse_header, parse_target


def test_parse_targets() -> None:
    t = parse_target("stdio:uvx mcp-server-git --repository .")
    assert t == Target("stdio", command="uvx", args=("mcp-server-git", "--repository", "."))
    assert t.label == "uvx mcp-server-git --repository ."
    h = parse_target("https://tools.example.com/mcp", ["Authorization: Bearer abc", "X-Team: ops"])
    assert h.kind == "http" and h.headers == {"Authorization": "Bearer abc", "X-Team": "ops"}
    assert parse_target("sse+http://localhost:8000/sse").kind == "sse"
    assert parse_target("node build/index.js").command == "node"
    assert parse_header("A:b:c") == ("A", "b:c")


def test_stdio_target_builds_server_parameters() -> None:
    seen: list[StdioServerParameters] = []

    @asynccontextmanager
    async def fake_stdio(params: StdioServerParameters) -> AsyncIterator[tuple[Any, Any]]:
        seen.append(params)
        yield "r", "w"

    async def main() -> None:
        with mock.patch("mcp_doctor.connect.stdio_client", fake_stdio):
            async with open_transport(parse_target("stdio:python -m srv --port 0")) as streams:
                assert streams == ("r", "w")

    anyio.run(main)
    assert seen[0].command == "python" and seen[0].args == ["-m", "srv", "--port", "0"]


def test_http_target_passes_headers() -> None:
    fake = mock.MagicMock()
    fake.return_value.__aenter__ = mock.AsyncMock(return_value=("r", "w", lambda: "sid-1"))
    fake.return_value.__aexit__ = mock.AsyncMock(return_value=None)

    async def main() -> None:
        with mock.patch("mcp_doctor.connect.streamablehttp_client", fake):
            async with open_transport(parse_target("https://x/mcp", ["Authorization: Bearer t"])) as streams:
                assert streams == ("r", "w")

    anyio.run(main)
    fake.assert_called_once_with("https://x/mcp", headers={"Authorization": "Bearer t"}, timeout=10)
