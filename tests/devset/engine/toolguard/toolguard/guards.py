"""Decorators that wrap FastMCP tool functions with policy checks.

Each decorator keeps the wrapped function's signature (``functools.wraps``), so
FastMCP still builds the input schema from the original parameters and still
injects the ``Context`` argument.
"""

from __future__ import annotations

import functools
import inspect
import typing
from typing import Any, Awaitable, Callable, TypeVar

from toolguard._sdk import PERMISSION_DENIED, RATE_LIMITED, Context, ErrorData, McpError
from toolguard.cache import ResultCache
from toolguard.identity import Caller, resolve_caller
from toolguard.ratelimit import TokenBucket
from toolguard.settings import get_settings

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])


class GuardDenied(McpError):
    """Raised when a guard refuses a call; carries a JSON-RPC style error."""

    def __init__(self, code: int, message: str, data: dict[str, Any] | None = None) -> None:
        super().__init__(ErrorData(code=code, message=message, data=data))
        self.code = code


def context_param(fn: Callable[..., Any]) -> str:
    """Name of the parameter annotated with ``Context``."""
    hints = typing.get_type_hints(fn)
    for name, hint in hints.items():
        origin = typing.get_origin(hint) or hint
        if inspect.isclass(origin) and issubclass(origin, Context):
            return name
    raise TypeError(f"{fn.__qualname__} needs a `ctx: Context` parameter to be guarded")


def _ctx(kwargs: dict[str, Any], name: str) -> Context:
    ctx = kwargs.get(name)
    if not isinstance(ctx, Context):
        raise RuntimeError("guarded tool called without a request context")
    return ctx


def require_scopes(*scopes: str) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        ctx_name = context_param(fn)

        @functools.wraps(fn)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = _ctx(kwargs, ctx_name)
            caller = resolve_caller(ctx)
            if caller.client_id in get_settings().admin_clients:
                return await fn(*args, **kwargs)
            missing = [s for s in scopes if not caller.has(s)]
            if missing:
                await ctx.log(
                    level="warning",
                    message=f"denied {fn.__name__} for {caller.client_id}: missing {', '.join(missing)}",
                    logger_name="toolguard",
                )
                raise GuardDenied(
                    PERMISSION_DENIED,
                    f"caller '{caller.client_id}' lacks scope(s): {', '.join(missing)}",
                    {"missing": missing, "tool": fn.__name__},
                )
            return await fn(*args, **kwargs)

        return typing.cast(F, wrapper)

    return decorate


def rate_limit(per_minute: int | None = None, *, burst: int | None = None, bucket: TokenBucket | None = None) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        ctx_name = context_param(fn)
        limiter = bucket or TokenBucket(per_minute or get_settings().default_per_minute, burst)

        @functools.wraps(fn)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = _ctx(kwargs, ctx_name)
            caller: Caller = resolve_caller(ctx)
            allowed, retry_after = limiter.try_acquire(caller.client_id, fn.__name__)
            if not allowed:
                await ctx.warning(f"rate limit hit for {caller.client_id} on {fn.__name__}")
                raise GuardDenied(
                    RATE_LIMITED,
                    f"rate limit exceeded, retry in {retry_after:.1f}s",
                    {"retry_after": round(retry_after, 2)},
                )
            return await fn(*args, **kwargs)

        wrapper.limiter = limiter  # type: ignore[attr-defined]
        return typing.cast(F, wrapper)

    return decorate


def cached(ttl: float | None = None, *, cache: ResultCache | None = None, per_caller: bool = True) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        ctx_name = context_param(fn)
        store = cache or ResultCache()
        lifetime = ttl if ttl is not None else get_settings().default_ttl

        @functools.wraps(fn)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = _ctx(kwargs, ctx_name)
            who = resolve_caller(ctx).client_id if per_caller else "*"
            arguments = {k: v for k, v in kwargs.items() if k != ctx_name}
            key = ResultCache.key_for(fn.__name__, who, arguments)
            hit, value = store.get(key)
            if hit:
                await ctx.debug(f"cache hit for {fn.__name__}")
                return value
            value = await fn(*args, **kwargs)
            store.put(key, value, lifetime)
            return value

        wrapper.cache = store  # type: ignore[attr-defined]
        return typing.cast(F, wrapper)

    return decorate
