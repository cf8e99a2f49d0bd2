"""Writing batch results."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from fanout.runner import JobOutcome


def outcome_record(outcome: JobOutcome) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": outcome.job.id,
        "server": outcome.job.server,
        "tool": outcome.job.tool,
        "status": outcome.status,
        "attempts": outcome.attempts,
        "elapsed_ms": round(outcome.elapsed * 1000, 1),
    }
    if outcome.tags:
        record["tags"] = outcome.tags
    if outcome.error is not None:
        record["error"] = {"message": outcome.error, "code": outcome.error_code}
    if outcome.result is not None:
        # keep the wire shape so downstream tools can re-read it as a CallToolResult
        record["result"] = outcome.result.model_dump(mode="json", exclude_none=True)
        if outcome.result.structuredContent is not None:
            record["data"] = outcome.result.structuredContent
    return record


def write_jsonl(outcomes: Iterable[JobOutcome], path: str | Path) -> int:
    count = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for outcome in outcomes:
            fh.write(json.dumps(outcome_record(outcome), ensure_ascii=False) + "\n")
            count += 1
    return count


def summarize(outcomes: Iterable[JobOutcome], stream: TextIO) -> Counter[str]:
    items = list(outcomes)
    counts = Counter(o.status for o in items)
    slowest = sorted(items, key=lambda o: o.elapsed, reverse=True)[:3]
    stream.write(
        f"{len(items)} jobs: {counts['ok']} ok, {counts['tool_error']} tool errors, "
        f"{counts['failed']} failed, {counts['skipped']} skipped\n"
    )
    for o in slowest:
        flag = " (isError)" if o.result is not None and o.result.isError else ""
        stream.write(f"  {o.job.id:<20} {o.elapsed:7.2f}s  attempts={o.attempts}{flag}\n")
    return counts
