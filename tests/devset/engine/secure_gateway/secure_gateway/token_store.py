from __future__ import annotations

import json
import os
from pathlib import Path

import anyio
from mcp.client.auth import TokenStorage
from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
from pydantic import AnyUrl

# Clients registered by hand in the identity provider before DCR was enabled.
PRE_REGISTERED: dict[str, OAuthClientInformationFull] = {
    "https://reports.internal.example/mcp": OAuthClientInformationFull(
        client_id="reports-cli",
        client_secret=None,
        token_endpoint_auth_method="client_secret_post",
        redirect_uris=[AnyUrl("http://localhost:3030/callback")],
        grant_types=["authorization_code", "refresh_token"],
        scope="reports:read reports:export",
    )
}


class FileTokenStorage(TokenStorage):
    """Stores tokens and the DCR record in ~/.cache/secure-gateway/<server>.json (0600)."""

    def __init__(self, server_url: str, directory: Path | None = None) -> None:
        self.server_url = server_url
        safe = server_url.replace("://", "_").replace("/", "_").strip("_")
        self.path = (directory or Path.home() / ".cache" / "secure-gateway") / f"{safe}.json"
        self._lock = anyio.Lock()

    def _read(self) -> dict[str, dict[str, object]]:
        if not self.path.exists():
            return {}
        return json.loads(self.path.read_text())

    def _write(self, data: dict[str, dict[str, object]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data, indent=2))
        os.chmod(self.path, 0o600)

    async def get_tokens(self) -> OAuthToken | None:
        async with self._lock:
            raw = self._read().get("tokens")
        return OAuthToken.model_validate(raw) if raw else None

    async def set_tokens(self, tokens: OAuthToken) -> None:
        async with self._lock:
            data = self._read()
            data["tokens"] = tokens.model_dump(mode="json", exclude_none=True)
            self._write(data)

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        if self.server_url in PRE_REGISTERED:
            return PRE_REGISTERED[self.server_url]
        async with self._lock:
            raw = self._read().get("client")
        return OAuthClientInformationFull.model_validate(raw) if raw else None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        if not isinstance(client_info, OAuthClientMetadata) or not client_info.redirect_uris:
            raise ValueError("registration response is missing redirect_uris")
        async with self._lock:
            data = self._read()
            data["client"] = client_info.model_dump(mode="json", exclude_none=True)
            self._write(data)
