"""Token storage backends for :class:`mcp.client.auth.OAuthClientProvider`."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import anyio

from mcp.client.auth import TokenStorage
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken


class InMemoryTokenStorage(TokenStorage):
    """Keeps tokens for the lifetime of the process."""

    def __init__(
        self,
        tokens: OAuthToken | None = None,
        client_info: OAuthClientInformationFull | None = None,
    ):
        self.tokens = tokens
        self.client_info = client_info
        self.writes = 0

    async def get_tokens(self) -> OAuthToken | None:
        return self.tokens

    async def set_tokens(self, tokens: OAuthToken) -> None:
        self.tokens = tokens
        self.writes += 1

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        return self.client_info

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        self.client_info = client_info
        self.writes += 1


class FileTokenStorage(TokenStorage):
    """One JSON file for all servers: ``{"servers": {url: {"tokens": ..., "client": ...}}}``."""

    def __init__(self, path: str | os.PathLike[str], server_url: str):
        self.path = Path(path)
        self.server_url = server_url.rstrip("/")
        self._lock = anyio.Lock()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"servers": {}}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return {"servers": {}}
        data.setdefault("servers", {})
        return data

    def _entry(self) -> dict[str, Any]:
        return self._load()["servers"].get(self.server_url, {})

    async def _update(self, key: str, value: dict[str, Any] | None) -> None:
        async with self._lock:
            data = self._load()
            entry = data["servers"].setdefault(self.server_url, {})
            if value is None:
                entry.pop(key, None)
            else:
                entry[key] = value
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
            os.chmod(tmp, 0o600)
            tmp.replace(self.path)

    async def get_tokens(self) -> OAuthToken | None:
        raw = self._entry().get("tokens")
        return OAuthToken.model_validate(raw) if raw else None

    async def set_tokens(self, tokens: OAuthToken) -> None:
        await self._update("tokens", tokens.model_dump(mode="json", exclude_none=True))

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        raw = self._entry().get("client")
        return OAuthClientInformationFull.model_validate(raw) if raw else None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        await self._update("client", client_info.model_dump(mode="json", exclude_none=True))

    async def forget(self) -> None:
        await self._update("tokens", None)
        await self._update("client", None)

    def known_servers(self) -> list[str]:
        return sorted(self._load()["servers"])
