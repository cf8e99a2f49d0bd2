"""Outbound HTTP: the upstream status-page probe and chat-bot event payloads.

Uses a blocking ``httpx.Client``; callers may inject a transport (tests use
``httpx.MockTransport``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

logger = logging.getLogger("syncdesk.outbound")

RETRYABLE_STATUS = {429, 502, 503, 504}


@dataclass
class StatusReport:
    indicator: str
    description: str
    components: dict[str, str] = field(default_factory=dict)

    def summary(self) -> str:
        degraded = sorted(name for name, state in self.components.items() if state != "operational")
        tail = f" (degraded: {', '.join(degraded)})" if degraded else ""
        return f"{self.indicator}: {self.description}{tail}"


class StatusProbe:
    def __init__(
        self,
        url: str,
        *,
        transport: httpx.BaseTransport | None = None,
        attempts: int = 3,
        backoff: float = 0.05,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.url = url
        self._client = httpx.Client(transport=transport, timeout=httpx.Timeout(3.0), follow_redirects=True)
        self.attempts = attempts
        self.backoff = backoff
        self._sleep = sleep

    def close(self) -> None:
        self._client.close()

    def fetch(self) -> StatusReport:
        for attempt in range(1, self.attempts + 1):
            try:
                response = self._client.get(self.url, headers={"Accept": "application/json"})
                if response.status_code in RETRYABLE_STATUS and attempt < self.attempts:
                    logger.info("status probe attempt %d got %d", attempt, response.status_code)
                    self._sleep(self.backoff * attempt)
                    continue
                response.raise_for_status()
            except httpx.TransportError as exc:
                if attempt == self.attempts:
                    raise
                logger.info("status probe attempt %d failed: %s", attempt, exc)
                self._sleep(self.backoff * attempt)
                continue
            payload = response.json()
            components = {c["name"]: c.get("status", "unknown") for c in payload.get("components", [])}
            status = payload.get("status", {})
            return StatusReport(status.get("indicator", "unknown"), status.get("description", ""), components)
        raise httpx.HTTPError(f"status probe gave up after {self.attempts} attempts")


def ticket_event(kind: str, ticket: dict[str, Any], *, actor: str | None = None) -> dict[str, Any]:
    """Payload for the chat bot; it expects camelCase keys and a resource URI."""
    return {
        "eventType": f"ticket.{kind}",
        "resourceUri": ticket.get("uri"),
        "mimeType": "application/json",
        "ticketId": ticket.get("ticketId"),
        "actor": actor,
        "payload": ticket,
    }
