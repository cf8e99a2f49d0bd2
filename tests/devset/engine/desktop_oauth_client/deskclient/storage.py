"""File-backed TokenStorage: one JSON file per server."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import anyio
from mcp.client.auth import TokenStorage
from mcp.shared.auth import OAuthClientInformationFull, OAuthToken


def default_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(Path.home(), ".config")
    return Path(base) / "deskclient"


class FileTokenStorage(TokenStorage):
    def __init__(self, server_url: str, directory: Path | None = None):
        self.server_url = server_url
        key = hashlib.sha256(server_url.encode()).hexdigest()[:16]
        self.path = (directory or default_dir()) / f"{key}.json"
        self._lock = anyio.Lock()

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
        os.chmod(tmp, 0o600)
        tmp.replace(self.path)

    async def get_tokens(self) -> OAuthToken | None:
        raw = self._load().get("tokens")
        return OAuthToken.model_validate(raw) if raw else None

    async def set_tokens(self, tokens: OAuthToken) -> None:
        async with self._lock:
            data = self._load()
            data["tokens"] = tokens.model_dump(mode="json", exclude_none=True)
            self._save(data)

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        raw = self._load().get("client")
        return OAuthClientInformationFull.model_validate(raw) if raw else None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        async with self._lock:
            data = self._load()
            data["client"] = client_info.model_dump(mode="json", exclude_none=True)
            self._save(data)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
