"""Background tasks (Celery-style registry) that delegate work to the MCP worker.

    python -m task_runner.tasks reports.render 42 --fmt pdf
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from .mcp_client import MCPToolError, PortalClient, call_tool

logger = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])
REGISTRY: dict[str, Callable[..., Any]] = {}


def task(name: str, max_retries: int = 0) -> Callable[[F], F]:
    def decorator(fn: F) -> F:
        def run(*args: Any, **kwargs: Any) -> Any:
            for attempt in range(max_retries + 1):
                try:
                    return fn(*args, **kwargs)
                except MCPToolError as exc:
                    if attempt == max_retries:
                        raise
                    logger.warning("task %s retry %d after %s", name, attempt + 1, exc)
            return None

        REGISTRY[name] = run
        return fn

    return decorator


@task("reports.render", max_retries=1)
def render_report(report_id: int, fmt: str = "csv") -> dict[str, Any]:
    result = call_tool("render_report", {"report_id": report_id, "fmt": fmt})
    logger.info("rendered report %s -> %s", report_id, result["path"])
    return result


@task("crm.enrich")
def enrich_contacts(emails: list[str]) -> list[dict[str, Any]]:
    enriched: list[dict[str, Any]] = []
    with PortalClient() as client:
        if "lookup_contact" not in client.tools():
            raise MCPToolError("lookup_contact", "worker does not expose lookup_contact")
        for email in emails:
            try:
                enriched.append(client.call("lookup_contact", {"email": email}))
            except MCPToolError as exc:
                logger.error("lookup failed for %s: %s", email, exc)
    return enriched


@task("numbers.sum")
def sum_numbers(numbers: list[float]) -> float:
    return call_tool("sum_numbers", {"numbers": numbers}, use_cache=True)["total"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Run a task synchronously")
    parser.add_argument("task", choices=sorted(REGISTRY))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--fmt", default="csv")
    ns = parser.parse_args(argv)
    if ns.task == "reports.render":
        print(REGISTRY[ns.task](int(ns.args[0]), fmt=ns.fmt))
    elif ns.task == "numbers.sum":
        print(REGISTRY[ns.task]([float(a) for a in ns.args]))
    else:
        print(REGISTRY[ns.task](ns.args))


if __name__ == "__main__":
    main()
