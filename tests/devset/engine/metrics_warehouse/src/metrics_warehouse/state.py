"""Lifespan state shared by all handlers."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import db
from .config import WarehouseSettings, get_settings

if TYPE_CHECKING:
    from mcp.server.fastmcp import FastMCP


@dataclass
class WarehouseState:
    conn: sqlite3.Connection
    settings: WarehouseSettings
    query_count: int = 0
    recent_queries: list[str] = field(default_factory=list)


@asynccontextmanager
async def warehouse_lifespan(server: FastMCP[WarehouseState]) -> AsyncIterator[WarehouseState]:
    settings = get_settings()
    conn = db.connect(settings.database_path)
    if settings.seed_demo_data:
        db.seed_demo(conn)
    try:
        yield WarehouseState(conn=conn, settings=settings)
    finally:
        conn.close()
