"""Score one tool call against its case's expectations."""

from __future__ import annotations

from dataclasses import dataclass, field

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    EmbeddedResource,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
)

from .cases import Case


@dataclass
class CaseVerdict:
    passed: bool
    reasons: list[str] = field(default_factory=list)
    text: str = ""
    attachments: list[str] = field(default_factory=list)


def flatten(result: CallToolResult) -> tuple[str, list[str]]:
    """Concatenate text blocks and list everything else as attachments."""
    texts: list[str] = []
    attachments: list[str] = []
    for block in result.content:
        match block:
            case TextContent(text=text):
                texts.append(text)
            case ImageContent() | AudioContent():
                attachments.append(f"{block.type}:{block.mimeType}")
            case ResourceLink():
                attachments.append(f"link:{block.uri} ({block.mimeType or 'unknown'})")
            case EmbeddedResource(resource=TextResourceContents() as res):
                texts.append(res.text)
                attachments.append(f"embedded:{res.uri}")
            case EmbeddedResource(resource=BlobResourceContents() as res):
                attachments.append(f"blob:{res.uri} {res.mimeType}")
    return "\n".join(texts), attachments


def score(case: Case, result: CallToolResult | None, error_code: int | None, timed_out: bool) -> CaseVerdict:
    if result is None:
        reason = "timed out" if timed_out else f"protocol error {error_code}"
        return CaseVerdict(passed=case.expect_error and not timed_out, reasons=[reason])

    text, attachments = flatten(result)
    verdict = CaseVerdict(passed=True, text=text, attachments=attachments)

    if result.isError != case.expect_error:
        verdict.passed = False
        verdict.reasons.append(f"isError={result.isError}, expected {case.expect_error}")
    if case.expect_text and case.expect_text not in text:
        verdict.passed = False
        verdict.reasons.append(f"missing text {case.expect_text!r}")
    if case.expect_keys:
        structured = result.structuredContent or {}
        missing = [k for k in case.expect_keys if k not in structured]
        if missing:
            verdict.passed = False
            verdict.reasons.append(f"structuredContent lacks {missing}")
    if result.meta and result.meta.get("deprecated"):
        verdict.reasons.append("server marked tool deprecated")
    return verdict
