"""Tool middleware.

A middleware is ``(fn) -> fn`` and must keep the tool's signature readable, because FastMCP
builds the argument schema from it. Middlewares that need the request ``Context`` get one:
if the tool declares a ``Context`` parameter it is reused, otherwise a hidden keyword-only
parameter is appended to the signature so FastMCP injects it for us.
"""

from __future__ import annotations

import functools
import inspect
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeAlias

from mcp.server.fastmcp import Context
from mcp.server.fastmcp.exceptions import ToolError
from mcp.server.fastmcp.utilities.context_injection import find_context_parameter
from mcp.shared.exceptions import McpError
from mcp.types import INTERNAL_ERROR, ErrorData

from toolforge.state import AuditRecord, state_from

ToolFn: TypeAlias = Callable[..., Any]
Middleware: TypeAlias = Callable[[ToolFn], ToolFn]
AnyContext: TypeAlias = Context[Any, Any, Any]
Around: TypeAlias = Callable[[AnyContext | None, str, ToolFn, dict[str, Any]], Awaitable[Any]]

INJECTED_CTX = "forge_ctx"


def live(ctx: AnyContext | None) -> AnyContext | None:
    """Return ``ctx`` only if it is backed by a request that is actually in flight."""
    if ctx is None:
        return None
    try:
        ctx.request_context
    except ValueError:
        return None
    return ctx


async def _invoke(fn: ToolFn, kwargs: dict[str, Any]) -> Any:
    result = fn(**kwargs)
    return await result if inspect.isawaitable(result) else result


def with_context(around: Around) -> Middleware:
    """Turn an ``around(ctx, tool_name, call, kwargs)`` coroutine into a middleware."""

    def middleware(fn: ToolFn) -> ToolFn:
        declared = find_context_parameter(fn)
        ctx_name = declared or INJECTED_CTX

        @functools.wraps(fn)
        async def wrapper(**kwargs: Any) -> Any:
            ctx = kwargs[ctx_name] if declared else kwargs.pop(ctx_name, None)
            return await around(ctx, getattr(fn, "__name__", "tool"), fn, kwargs)

        if declared is None:
            sig = inspect.signature(fn, eval_str=True)
            params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in sig.parameters.values()]
            params.append(inspect.Parameter(INJECTED_CTX, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Context))
            setattr(wrapper, "__signature__", sig.replace(parameters=params))
            wrapper.__annotations__ = {**getattr(fn, "__annotations__", {}), INJECTED_CTX: Context}
        return wrapper

    return middleware


async def _audit(ctx: AnyContext | None, name: str, call: ToolFn, kwargs: dict[str, Any]) -> Any:
    ctx = live(ctx)
    state = state_from(ctx)
    started = time.perf_counter()
    if ctx is not None:
        await ctx.debug(f"-> {name}")
    try:
        result = await _invoke(call, kwargs)
    except Exception as exc:
        if ctx is not None:
            if state is not None:
                state.record(AuditRecord(name, False, (time.perf_counter() - started) * 1000, ctx.request_id, str(exc)))
            await ctx.error(f"{name} failed: {exc}")
        raise
    if ctx is not None and state is not None:
        state.record(AuditRecord(name, True, (time.perf_counter() - started) * 1000, ctx.request_id))
    return result


audited: Middleware = with_context(_audit)
"""Record every call in ``ForgeState.audit`` and mirror start/failure to the client log."""


def progress(total: float, message: str = "working") -> Middleware:
    """Report 0/total before and total/total after the tool body."""

    async def around(ctx: AnyContext | None, name: str, call: ToolFn, kwargs: dict[str, Any]) -> Any:
        ctx = live(ctx)
        if ctx is None:
            return await _invoke(call, kwargs)
        await ctx.report_progress(0, total, message=f"{name}: {message}")
        result = await _invoke(call, kwargs)
        await ctx.report_progress(total, total, message=f"{name}: done")
        return result

    return with_context(around)


def guarded(*expected: type[Exception], code: int = INTERNAL_ERROR) -> Middleware:
    """Expected exceptions become ToolError; anything else becomes a protocol-level McpError."""

    def middleware(fn: ToolFn) -> ToolFn:
        @functools.wraps(fn)
        async def wrapper(**kwargs: Any) -> Any:
            try:
                return await _invoke(fn, kwargs)
            except (ToolError, McpError):
                raise
            except expected as exc:
                raise ToolError(str(exc)) from exc
            except Exception as exc:
                raise McpError(ErrorData(code=code, message=f"internal failure: {type(exc).__name__}")) from exc

        return wrapper

    return middleware


def apply(fn: ToolFn, middlewares: Sequence[Middleware]) -> ToolFn:
    """Apply middlewares so that the first one listed ends up outermost."""
    for mw in reversed(middlewares):
        fn = mw(fn)
    return fn
