"""Tenant bookkeeping. Pure Python: no MCP imports, used by the server and by the billing job."""

from __future__ import annotations

import secrets
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


class TenantError(Exception):
    """Base class for registry errors."""


class UnknownTenant(TenantError):
    pass


class QuotaExceeded(TenantError):
    pass


@dataclass(frozen=True)
class Plan:
    name: str
    seats: int
    monthly_requests: int
    price_cents: int


PLANS: dict[str, Plan] = {
    "starter": Plan("starter", seats=5, monthly_requests=10_000, price_cents=0),
    "team": Plan("team", seats=25, monthly_requests=250_000, price_cents=4_900),
    "enterprise": Plan("enterprise", seats=500, monthly_requests=5_000_000, price_cents=99_000),
}


@dataclass
class AuditEntry:
    tenant_id: str
    day: str
    action: str
    actor: str
    ok: bool = True

    def to_dict(self) -> dict[str, Any]:
        # The audit export format predates tenantd and mirrors the old JSON-RPC dashboard.
        return {"tenantId": self.tenant_id, "day": self.day, "action": self.action, "actor": self.actor, "isError": not self.ok}


@dataclass
class Tenant:
    id: str
    name: str
    plan: str = "starter"
    seats: int = 1
    members: list[str] = field(default_factory=list)
    key_version: int = 1
    requests_this_month: int = 0

    @property
    def plan_info(self) -> Plan:
        return PLANS[self.plan]

    @property
    def remaining_requests(self) -> int:
        return max(self.plan_info.monthly_requests - self.requests_this_month, 0)


class TenantRegistry:
    def __init__(self) -> None:
        self._tenants: dict[str, Tenant] = {}
        self._audit: dict[str, list[AuditEntry]] = defaultdict(list)

    @classmethod
    def with_demo_data(cls) -> TenantRegistry:
        registry = cls()
        registry.add(Tenant("acme", "Acme Corp", plan="team", seats=3, members=["ada@acme.test", "bob@acme.test"]))
        registry.add(Tenant("globex", "Globex", plan="starter", seats=2, members=["hank@globex.test"]))
        registry.add(Tenant("initech", "Initech", plan="enterprise", seats=40))
        registry.audit("acme", "provisioned", actor="system", day="2024-05-01")
        registry.audit("acme", "seats:3", actor="ada@acme.test", day="2024-05-02")
        return registry

    def add(self, tenant: Tenant) -> None:
        self._tenants[tenant.id] = tenant

    def get(self, tenant_id: str) -> Tenant:
        try:
            return self._tenants[tenant_id]
        except KeyError:
            raise UnknownTenant(tenant_id) from None

    def ids(self, prefix: str = "") -> list[str]:
        return sorted(t for t in self._tenants if t.startswith(prefix))

    def page(self, cursor: str | None = None, limit: int = 2) -> dict[str, Any]:
        ids = self.ids()
        start = ids.index(cursor) + 1 if cursor in ids else 0
        chunk = ids[start : start + limit]
        more = start + limit < len(ids)
        return {"items": chunk, "nextCursor": chunk[-1] if more and chunk else None}

    def record_request(self, tenant_id: str, count: int = 1) -> Tenant:
        tenant = self.get(tenant_id)
        if tenant.requests_this_month + count > tenant.plan_info.monthly_requests:
            raise QuotaExceeded(f"{tenant_id} exhausted {tenant.plan_info.monthly_requests} monthly requests")
        tenant.requests_this_month += count
        return tenant

    def set_seats(self, tenant_id: str, seats: int) -> Tenant:
        tenant = self.get(tenant_id)
        if seats < len(tenant.members):
            raise QuotaExceeded(f"{tenant_id} has {len(tenant.members)} members; cannot shrink to {seats} seats")
        if seats > tenant.plan_info.seats:
            raise QuotaExceeded(f"plan {tenant.plan} allows at most {tenant.plan_info.seats} seats")
        tenant.seats = seats
        return tenant

    def invite(self, tenant_id: str, email: str) -> Tenant:
        tenant = self.get(tenant_id)
        if email in tenant.members:
            return tenant
        if len(tenant.members) >= tenant.seats:
            raise QuotaExceeded(f"{tenant_id} reached its seat limit of {tenant.seats}")
        tenant.members.append(email)
        return tenant

    def rotate_key(self, tenant_id: str) -> tuple[int, str]:
        tenant = self.get(tenant_id)
        tenant.key_version += 1
        return tenant.key_version, f"tnd_{tenant.id}_{secrets.token_hex(8)}"

    def audit(self, tenant_id: str, action: str, *, actor: str, day: str | None = None, ok: bool = True) -> None:
        day = day or time.strftime("%Y-%m-%d", time.gmtime())
        self._audit[tenant_id].append(AuditEntry(tenant_id, day, action, actor, ok))

    def audit_days(self, tenant_id: str) -> list[str]:
        return sorted({e.day for e in self._audit.get(tenant_id, [])})

    def audit_for(self, tenant_id: str, day: str) -> list[AuditEntry]:
        return [e for e in self._audit.get(tenant_id, []) if e.day == day]
