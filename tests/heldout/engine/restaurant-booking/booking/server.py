"""Restaurant booking MCP server: elicitation + sampling heavy."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime

from mcp.server.elicitation import AcceptedElicitation, DeclinedElicitation
from mcp.server.fastmcp import Context, FastMCP
from mcp.server.fastmcp.exceptions import FastMCPError, ToolError
from mcp.server.session import ServerSession
from mcp.types import LoggingLevel

from .models import RESTAURANTS, AlternativeDate, ConfirmBooking, Reservation, Seating
from .sampling import polish_note, suggest_cuisine


@dataclass
class BookingState:
    reservations: dict[str, Reservation] = field(default_factory=dict)
    log_level: LoggingLevel = "info"

    def booked_seats(self, slug: str, at: datetime) -> int:
        return sum(r.party_size for r in self.reservations.values() if r.restaurant == slug and r.at == at)


@asynccontextmanager
async def lifespan(server: FastMCP[BookingState]) -> AsyncIterator[BookingState]:
    yield BookingState()


mcp: FastMCP[BookingState] = FastMCP("booking", lifespan=lifespan)


class FullyBooked(FastMCPError):
    pass


def state(ctx: Context[ServerSession, BookingState]) -> BookingState:
    return ctx.request_context.lifespan_context


@mcp._mcp_server.set_logging_level()
async def set_logging_level(level: LoggingLevel) -> None:
    ctx = mcp.get_context()
    ctx.request_context.lifespan_context.log_level = level


@mcp.tool()
async def book_table(
    restaurant: str,
    when: datetime,
    party_size: int,
    ctx: Context[ServerSession, BookingState],
    seating: Seating = Seating.INDOOR,
) -> str:
    """Book a table. Asks the user to confirm and for a name."""
    venue = RESTAURANTS.get(restaurant)
    if venue is None:
        raise ToolError(f"unknown restaurant {restaurant!r}; try one of {sorted(RESTAURANTS)}")

    st = state(ctx)
    if not venue.is_open_at(when.time()) or st.booked_seats(venue.slug, when) + party_size > venue.seats:
        await ctx.log(level="warning", message=f"{venue.slug} unavailable at {when:%Y-%m-%d %H:%M}")
        alt = await ctx.elicit(
            message=f"{venue.name} has no table for {party_size} at {when:%H:%M}. Try another date?",
            schema=AlternativeDate,
        )
        if alt.action == "accept" and alt.data.check_alternative and alt.data.alternative_date:
            when = datetime.combine(datetime.fromisoformat(alt.data.alternative_date).date(), when.time())
        else:
            raise FullyBooked(f"{venue.name} is fully booked")

    answer = await ctx.elicit(
        message=f"Book {venue.name} for {party_size} on {when:%a %d %b at %H:%M} ({seating.value})?",
        schema=ConfirmBooking,
    )
    if isinstance(answer, DeclinedElicitation):
        return "Booking declined."
    if not isinstance(answer, AcceptedElicitation) or not answer.data.confirm:
        return "Booking cancelled."

    notes = await polish_note(ctx.session, answer.data.notes)
    reservation = Reservation(
        id=uuid.uuid4().hex[:8],
        restaurant=venue.slug,
        party_size=party_size,
        at=when,
        name=answer.data.name,
        seating=seating,
        notes=notes,
    )
    st.reservations[reservation.id] = reservation
    await ctx.info(f"booked {reservation.id}", extra={"restaurant": venue.slug})
    await ctx.session.send_resource_list_changed()
    return f"Booked! Reference {reservation.id} for {reservation.name}."


@mcp.tool()
async def cancel_booking(reference: str) -> str:
    """Cancel a reservation by reference, after asking the user."""
    ctx = mcp.get_context()
    st: BookingState = ctx.request_context.lifespan_context
    reservation = st.reservations.get(reference)
    if reservation is None:
        raise ToolError(f"no reservation {reference}")
    result = await ctx.session.elicit_form(
        message=f"Really cancel {reference} ({reservation.name}, {reservation.at:%d %b %H:%M})?",
        requestedSchema={
            "type": "object",
            "properties": {"confirm": {"type": "boolean", "title": "Cancel it"}},
            "required": ["confirm"],
        },
        related_request_id=ctx.request_id,
    )
    if result.action != "accept" or not (result.content or {}).get("confirm"):
        return "Kept the reservation."
    del st.reservations[reference]
    return f"Cancelled {reference}."


@mcp.tool()
async def recommend(mood: str, ctx: Context) -> str:
    """Recommend a restaurant for a mood, using the client's model."""
    await ctx.debug(f"recommend requested by client {ctx.client_id}")
    cuisines = sorted({r.cuisine for r in RESTAURANTS.values()})
    pick = await suggest_cuisine(ctx.session, mood, cuisines)
    if pick is None:
        return "No strong opinion - all of them are great."
    venue = next(r for r in RESTAURANTS.values() if r.cuisine == pick)
    return f"Try {venue.name} ({venue.cuisine})."


if __name__ == "__main__":
    mcp.run()
