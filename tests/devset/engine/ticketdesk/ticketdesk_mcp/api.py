"""Thin async client for the TicketDesk REST API (v3)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import httpx
from pydantic import BaseModel, Field


class Ticket(BaseModel):
    id: str
    subject: str
    status: str
    priority: str = "normal"
    team: str | None = None
    assignee: str | None = None
    requester_email: str
    body: str = ""
    attachments: list[dict[str, Any]] = Field(default_factory=list)


class TicketDeskAPIError(RuntimeError):
    def __init__(self, status_code: int, detail: str) -> None:
        super().__init__(f"TicketDesk API {status_code}: {detail}")
        self.status_code = status_code


@dataclass
class TicketDeskClient:
    base_url: str
    token: str
    timeout: float = 20.0

    def __post_init__(self) -> None:
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {self.token}", "User-Agent": "ticketdesk-mcp/2.3"},
            timeout=self.timeout,
        )

    @classmethod
    def from_env(cls) -> "TicketDeskClient":
        return cls(os.environ.get("TICKETDESK_URL", "https://api.ticketdesk.example/v3"), os.environ["TICKETDESK_TOKEN"])

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = await self._http.request(method, path, **kwargs)
            response.raise_for_status()
        except httpx.HTTPStatusError as exc:
            raise TicketDeskAPIError(exc.response.status_code, exc.response.text[:200]) from exc
        return response.json() if response.content else None

    async def search(self, query: str, status: str, limit: int) -> list[Ticket]:
        data = await self._request("GET", "/tickets", params={"q": query, "status": status, "limit": limit})
        return [Ticket.model_validate(t) for t in data["items"]]

    async def get(self, ticket_id: str) -> Ticket:
        return Ticket.model_validate(await self._request("GET", f"/tickets/{ticket_id}"))

    async def update(self, ticket_id: str, **fields: Any) -> Ticket:
        return Ticket.model_validate(await self._request("PATCH", f"/tickets/{ticket_id}", json=fields))

    async def comment(self, ticket_id: str, body: str, internal: bool) -> None:
        await self._request("POST", f"/tickets/{ticket_id}/comments", json={"body": body, "internal": internal})

    async def teams(self) -> list[str]:
        return [t["slug"] for t in await self._request("GET", "/teams")]

    async def queue_stats(self, team: str) -> dict[str, int]:
        return await self._request("GET", f"/teams/{team}/stats")