"""Chat-ops webhook used to announce disruptive actions."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import httpx

log = logging.getLogger(__name__)


@dataclass
class WebhookNotifier:
    """Posts short announcements to the on-call channel.

    With no ``url`` configured the notifier only keeps the messages in memory,
    which is what local runs and tests rely on.
    """

    url: str | None = None
    transport: httpx.AsyncBaseTransport | None = None
    sent: list[dict[str, Any]] = field(default_factory=list)
    _client: httpx.AsyncClient | None = field(default=None, init=False, repr=False)

    async def start(self) -> None:
        if self.url is not None or self.transport is not None:
            self._client = httpx.AsyncClient(
                transport=self.transport,
                timeout=httpx.Timeout(5.0, connect=2.0),
                headers={"User-Agent": "opsdeck-notifier/1.0"},
            )

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def announce(self, text: str, **fields: Any) -> bool:
        payload = {"text": text, "fields": fields}
        self.sent.append(payload)
        if self._client is None:
            return False
        try:
            response = await self._client.post(self.url or "http://chatops.invalid/hook", json=payload)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("webhook delivery failed: %s", exc)
            return False
        return True
