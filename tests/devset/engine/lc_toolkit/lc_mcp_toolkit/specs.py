"""Framework-side tool/prompt specs. Deliberately independent of the MCP SDK."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Literal

ArgType = Literal["string", "integer", "number", "boolean", "array", "object", "any"]


@dataclass
class ArgSpec:
    name: str
    type: ArgType = "any"
    description: str = ""
    required: bool = False
    default: Any = None
    enum: list[Any] | None = None


@dataclass
class ToolOutput:
    """What an agent sees after a tool runs."""

    text: str
    artifacts: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] | None = None
    failed: bool = False


@dataclass
class ToolSpec:
    name: str
    description: str
    args: list[ArgSpec]
    return_direct: bool = False
    read_only: bool = False
    display_name: str | None = None
    output_fields: list[str] = field(default_factory=list)
    server: str = ""
    coroutine: Callable[..., Awaitable[ToolOutput]] | None = None
    tags: set[str] = field(default_factory=set)

    def signature(self) -> str:
        parts: list[str] = []
        for a in self.args:
            piece = f"{a.name}: {a.type}"
            if not a.required:
                piece += " = ..."
            parts.append(piece)
        return f"{self.name}({', '.join(parts)})"

    async def ainvoke(self, **kwargs: Any) -> ToolOutput:
        if self.coroutine is None:
            raise RuntimeError(f"tool {self.name} has no bound coroutine")
        missing = [a.name for a in self.args if a.required and a.name not in kwargs]
        if missing:
            return ToolOutput(text=f"missing arguments: {', '.join(missing)}", failed=True)
        return await self.coroutine(**kwargs)


@dataclass
class ChatTurn:
    role: Literal["system", "human", "ai"]
    text: str
    attachments: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class PromptTemplateSpec:
    name: str
    description: str
    input_variables: list[str]
    required_variables: list[str]
    server: str = ""
    render: Callable[[dict[str, str]], Awaitable[list[ChatTurn]]] | None = None
