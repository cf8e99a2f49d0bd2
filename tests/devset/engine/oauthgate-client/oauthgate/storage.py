"""Token storage backends for :class:`mcp.client.auth.OAuthClientProvider`."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
from pydantic import AnyUrl, ValidationError

from mcp.client.auth import TokenStorage
from mcp.shared.auth import (
    InvalidRedirectUriError,
    OAuthClientInformationFull,
    OAuthClientMetadata,
    OAuthToken,
)
from mcp.shared.auth_utils import resource_url_from_server_url

logger = logging.getLogger(__name__)

_FILE_VERSION = 2


class FileTokenStorage:
    """Persists tokens and client registrations for one server in a shared JSON file.

    The file is keyed by the canonical resource URL so that several servers can
    share it. Writes are atomic (temp file + rename) and serialised with a lock.
    """

    def __init__(self, path: str | os.PathLike[str], server_url: str):
        self.path = Path(path).expanduser()
        self.server_url = server_url
        self.key = resource_url_from_server_url(server_url)
        self._lock = anyio.Lock()

    # --- TokenStorage protocol -------------------------------------------------

    async def get_tokens(self) -> OAuthToken | None:
        entry = await self._read_entry()
        raw = entry.get("tokens")
        if not raw:
            return None
        try:
            return OAuthToken.model_validate(raw)
        except ValidationError:
            logger.warning("discarding unreadable tokens for %s", self.key)
            return None

    async def set_tokens(self, tokens: OAuthToken) -> None:
        async with self._lock:
            data = await self._load()
            entry = data["servers"].setdefault(self.key, {})
            entry["tokens"] = tokens.model_dump(mode="json", exclude_none=True)
            entry["obtained_at"] = time.time()
            await self._save(data)

    async def get_client_info(self) -> OAuthClientInformationFull | None:
        entry = await self._read_entry()
        raw = entry.get("client_info")
        if not raw:
            return None
        try:
            return OAuthClientInformationFull.model_validate(raw)
        except ValidationError:
            logger.warning("discarding unreadable client registration for %s", self.key)
            return None

    async def set_client_info(self, client_info: OAuthClientInformationFull) -> None:
        async with self._lock:
            data = await self._load()
            entry = data["servers"].setdefault(self.key, {})
            entry["client_info"] = client_info.model_dump(mode="json", exclude_none=True)
            await self._save(data)

    # --- extras --------------------------------------------------------------------

    async def clear(self, *, keep_registration: bool = True) -> None:
        async with self._lock:
            data = await self._load()
            entry = data["servers"].get(self.key)
            if entry is None:
                return
            entry.pop("tokens", None)
            entry.pop("obtained_at", None)
            if not keep_registration:
                entry.pop("client_info", None)
            if not entry:
                del data["servers"][self.key]
            await self._save(data)

    async def expires_at(self) -> float | None:
        entry = await self._read_entry()
        tokens = entry.get("tokens") or {}
        obtained = entry.get("obtained_at")
        expires_in = tokens.get("expires_in")
        if obtained is None or expires_in is None:
            return None
        return float(obtained) + float(expires_in)

    async def is_expired(self, skew: float = 30.0) -> bool:
        deadline = await self.expires_at()
        return deadline is not None and time.time() + skew >= deadline

    async def known_servers(self) -> list[str]:
        data = await self._load()
        return sorted(data["servers"])

    # --- file plumbing -------------------------------------------------------------

    async def _read_entry(self) -> dict[str, Any]:
        data = await self._load()
        return data["servers"].get(self.key, {})

    async def _load(self) -> dict[str, Any]:
        def read() -> dict[str, Any]:
            if not self.path.exists():
                return {"version": _FILE_VERSION, "servers": {}}
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            data.setdefault("servers", {})
            return data

        return await anyio.to_thread.run_sync(read)

    async def _save(self, data: dict[str, Any]) -> None:
        data["version"] = _FILE_VERSION

        def write() -> None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tokens-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2, sort_keys=True)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)

        await anyio.to_thread.run_sync(write)


class MemoryTokenStorage:
    """Process-local storage, handy for short-lived CLI invocations and tests."""

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


def as_token_storage(storage: FileTokenStorage | MemoryTokenStorage) -> TokenStorage:
    return storage


def preregistered_client(
    client_id: str,
    redirect_uri: str,
    *,
    client_secret: str | None = None,
    scope: str | None = None,
) -> OAuthClientInformationFull:
    """Build a registration record for servers that do not support DCR."""
    return OAuthClientInformationFull(
        client_id=client_id,
        client_secret=client_secret,
        redirect_uris=[AnyUrl(redirect_uri)],
        token_endpoint_auth_method="client_secret_post" if client_secret else "none",
        grant_types=["authorization_code", "refresh_token"],
        scope=scope,
    )


def registration_request_for(client_info: OAuthClientInformationFull) -> OAuthClientMetadata:
    """A stored registration doubles as the metadata we would register with."""
    return client_info


def registration_is_current(
    stored: OAuthClientInformationFull | None,
    wanted: OAuthClientMetadata,
) -> bool:
    """Decide whether a stored registration can be reused for the wanted metadata."""
    if stored is None or not stored.client_id:
        return False
    if stored.client_secret_expires_at and stored.client_secret_expires_at < time.time():
        return False
    for uri in wanted.redirect_uris or []:
        try:
            stored.validate_redirect_uri(uri)
        except InvalidRedirectUriError:
            return False
    return True


def redirect_hosts(metadata: OAuthClientMetadata) -> list[str]:
    return sorted({uri.host or "" for uri in metadata.redirect_uris or []})
