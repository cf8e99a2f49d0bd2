"""The FastMCP server exposed by the orders web app."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from pathlib import Path

from pydantic import AnyUrl
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from mcp.server.auth.middleware.auth_context import get_access_token
from mcp.server.elicitation import AcceptedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.prompts import base
from mcp.server.fastmcp.resources import FileResource
from mcp.server.session import ServerSession
from mcp.shared.exceptions import McpError
from mcp.types import (
    INVALID_PARAMS,
    Completion,
    CompletionArgument,
    CompletionContext,
    ErrorData,
    LoggingLevel,
    PromptReference,
    ResourceTemplateReference,
    ToolAnnotations,
)

from .auth import DevOAuthProvider, auth_settings, token_verifier
from .models import AppState, ExportSummary, LineItem, Order, RefundDecision

DEV_MODE = os.environ.get("ORDERS_DEV", "0") == "1"
EXPORT_DIR = os.environ.get("ORDERS_EXPORT_DIR", "/var/lib/orders/exports")


@asynccontextmanager
async def orders_lifespan(server: FastMCP[AppState]) -> AsyncIterator[AppState]:
    state = AppState()
    state.orders["A-1001"] = Order(
        order_id="A-1001",
        customer="ada@example.com",
        status="shipped",
        created_at=datetime(2025, 3, 1, tzinfo=timezone.utc),
        items=[LineItem(sku="KB-01", quantity=1, unit_price=89.0)],
    )
    state.audit_log.append(f"{server.name} started")
    try:
        yield state
    finally:
        state.audit_log.append("stopped")


mcp = FastMCP(
    "orders",
    "Tools for looking up, exporting and refunding customer orders.",
    website_url="https://orders.example.com",
    auth_server_provider=DevOAuthProvider() if DEV_MODE else None,
    token_verifier=None if DEV_MODE else token_verifier(),
    auth=auth_settings(DEV_MODE),
    lifespan=orders_lifespan,
    host="0.0.0.0",
    port=int(os.environ.get("PORT", "8080")),
    streamable_http_path="/",
    sse_path="/sse",
    message_path="/messages/",
    json_response=True,
    log_level="INFO",
)

OrdersContext = Context[ServerSession, AppState]


def _state(ctx: OrdersContext) -> AppState:
    return ctx.request_context.lifespan_context


@mcp.tool(title="Look up an order", annotations=ToolAnnotations(readOnlyHint=True))
async def get_order(order_id: str, ctx: OrdersContext) -> Order:
    """Return a single order by id."""
    await ctx.info(f"looking up order {order_id}")
    order = _state(ctx).orders.get(order_id)
    if order is None:
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"unknown order {order_id!r}"))
    return order


@mcp.tool()
async def export_orders(status: str, ctx: OrdersContext) -> ExportSummary:
    """Write all orders with the given status to a JSON lines file."""
    orders = [o for o in _state(ctx).orders.values() if o.status == status]
    destination = os.path.join(EXPORT_DIR, f"orders-{status}.jsonl")
    exported = 0
    for i, order in enumerate(orders, start=1):
        await ctx.report_progress(i, len(orders), message=f"exporting {order.order_id}")
        exported += 1
    await ctx.log(level="info", message=f"exported {exported} orders", logger_name="orders.export")
    return {"exported": exported, "skipped": 0, "destination": destination}


@mcp.tool()
async def refund_order(order_id: str, ctx: OrdersContext) -> str:
    """Refund an order after the user confirms."""
    order = _state(ctx).orders.get(order_id)
    if order is None:
        return f"No order {order_id}"
    result = await ctx.elicit(f"Refund {order.total} to {order.customer}?", schema=RefundDecision)
    if isinstance(result, AcceptedElicitation) and result.data.confirm:
        order.status = "refunded"
        _state(ctx).audit_log.append(f"refund {order_id} by {ctx.client_id or 'anonymous'}: {result.data.reason}")
        return f"Refunded {order_id}"
    return "Refund cancelled"


@mcp.tool(structured_output=True)
def shipping_quote(weight_kg: float, country: str = "US") -> dict[str, float | str]:
    """Quote shipping for a parcel (pure function, also used by the REST API)."""
    base_rate = 4.5 if country == "US" else 12.0
    return {"country": country, "price": round(base_rate + 1.25 * weight_kg, 2), "currency": "USD"}


@mcp.tool()
async def whoami(ctx: OrdersContext) -> dict[str, str | None]:
    """Describe the caller: OAuth identity and MCP client."""
    token = get_access_token()
    params = ctx.session.client_params
    return {
        "subject": token.subject if token else None,
        "oauth_client": token.client_id if token else None,
        "mcp_client": params.clientInfo.name if params else None,
        "protocol": str(params.protocolVersion) if params else None,
        "request_id": ctx.request_id,
    }


@mcp.tool()
async def audit_tail(lines: int = 20) -> list[str]:
    """Return the most recent audit log entries."""
    ctx = mcp.get_context()
    return ctx.request_context.lifespan_context.audit_log[-lines:]


@mcp.resource("orders://{order_id}", mime_type="application/json")
def order_resource(order_id: str) -> str:
    """Raw order JSON."""
    return json.dumps({"order_id": order_id, "href": f"https://orders.example.com/o/{order_id}"})


mcp.add_resource(
    FileResource(
        uri=AnyUrl("file:///srv/orders/logo.png"),
        name="logo",
        path=Path("/srv/orders/logo.png"),
        mime_type="image/png",
        is_binary=True,
    )
)


@mcp.prompt(title="Refund review")
def refund_review(order_id: str, tone: str = "neutral") -> list[base.Message]:
    return [
        base.UserMessage(f"Review order {order_id} for refund eligibility. Use a {tone} tone."),
        base.AssistantMessage("I'll check the order status and line items first."),
    ]


@mcp.completion()
async def complete_order_ids(
    ref: PromptReference | ResourceTemplateReference,
    argument: CompletionArgument,
    context: CompletionContext | None,
) -> Completion | None:
    if argument.name != "order_id":
        return None
    if isinstance(ref, ResourceTemplateReference) and ref.uri != "orders://{order_id}":
        return None
    known = ["A-1001", "A-1002", "B-2001"]
    matches = [o for o in known if o.startswith(argument.value)]
    return Completion(values=matches, total=len(matches), hasMore=False)


@mcp._mcp_server.set_logging_level()  # pyright: ignore[reportPrivateUsage]
async def set_level(level: LoggingLevel) -> None:
    ctx = mcp._mcp_server.request_context  # pyright: ignore[reportPrivateUsage]
    state: AppState = ctx.lifespan_context
    state.log_level = level


@mcp._mcp_server.subscribe_resource()  # pyright: ignore[reportPrivateUsage]
async def subscribe(uri: AnyUrl) -> None:
    if uri.scheme != "orders":
        raise McpError(ErrorData(code=INVALID_PARAMS, message=f"cannot subscribe to {uri}"))


@mcp.custom_route("/healthz", methods=["GET"])
async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok", "server": mcp.name, "json_response": mcp.settings.json_response})
