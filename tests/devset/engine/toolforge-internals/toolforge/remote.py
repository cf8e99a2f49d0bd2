"""Fetch plugin manifests from a registry over HTTP."""

from __future__ import annotations

import logging
from collections.abc import Generator
from typing import Any

import httpx
from pydantic import AnyUrl

from mcp.server.fastmcp.resources.types import HttpResource

from toolforge.manifest import ManifestError, PluginManifest
from toolforge.plugins import Plugin, plugin_from_manifest

# The registry client logs one line per request at INFO; keep our logs readable.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)


class RegistryError(ManifestError):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class BearerToken(httpx.Auth):
    def __init__(self, token: str) -> None:
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request


class RemoteManifestSource:
    def __init__(
        self, base_url: str, *, token: str | None = None, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.auth = BearerToken(token) if token else None
        self.transport = transport

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url,
            auth=self.auth,
            transport=self.transport,
            timeout=httpx.Timeout(10.0, read=30.0),
            follow_redirects=True,
            headers={"Accept": "application/json"},
        )

    async def _get_json(self, client: httpx.AsyncClient, path: str, **params: Any) -> Any:
        try:
            response = await client.get(path, params={k: v for k, v in params.items() if v is not None})
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise RegistryError(f"registry answered {exc.response.status_code} for {path}", exc.response.status_code)
        except httpx.TransportError as exc:
            raise RegistryError(f"registry unreachable: {exc}") from exc
        return response.json()

    async def names(self) -> list[str]:
        out: list[str] = []
        cursor: str | None = None
        async with self.client() as client:
            while True:
                page = await self._get_json(client, "/plugins", cursor=cursor)
                out.extend(page.get("items", []))
                cursor = page.get("nextCursor")
                if not cursor:
                    return out

    async def fetch(self, name: str) -> PluginManifest:
        async with self.client() as client:
            data = await self._get_json(client, f"/plugins/{name}.json")
        if not isinstance(data, dict):
            raise RegistryError(f"manifest for {name} is not an object")
        return PluginManifest.from_dict(data)

    async def load_plugins(self, *names: str) -> list[Plugin]:
        return [plugin_from_manifest(await self.fetch(n)) for n in names or await self.names()]

    def index_resource(self) -> HttpResource:
        """The registry index as a resource, fetched lazily when read."""
        return HttpResource(uri=AnyUrl("registry://index"), name="registry-index", url=f"{self.base_url}/plugins")
