"""Policy guards for FastMCP tools."""

from toolguard._sdk import Context, FastMCP
from toolguard.cache import ResultCache
from toolguard.guards import GuardDenied, cached, rate_limit, require_scopes
from toolguard.identity import Caller, resolve_caller
from toolguard.ratelimit import TokenBucket
from toolguard.server import GuardedFastMCP

__all__ = [
    "Caller",
    "Context",
    "FastMCP",
    "GuardDenied",
    "GuardedFastMCP",
    "ResultCache",
    "TokenBucket",
    "cached",
    "rate_limit",
    "require_scopes",
    "resolve_caller",
]
__version__ = "0.6.2"
