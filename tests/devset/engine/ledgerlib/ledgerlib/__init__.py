"""ledgerlib: a small double-entry bookkeeping library.

The MCP server in ``ledgerlib.mcp_server`` is optional and only imported on demand.
"""

from .config import LedgerConfig, load_config
from .db import Ledger, Page
from .money import Money, parse_amount

__all__ = ["Ledger", "LedgerConfig", "Money", "Page", "load_config", "parse_amount"]
__version__ = "3.8.1"
