"""Prompt deck definitions (no MCP imports)."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ArgumentSpec:
    name: str
    description: str = ""
    required: bool = True
    default: str | None = None
    choices: tuple[str, ...] = ()


@dataclass
class PromptSpec:
    name: str
    template: str
    description: str = ""
    title: str | None = None
    system: str | None = None
    arguments: list[ArgumentSpec] = field(default_factory=list)
    tags: tuple[str, ...] = ()
    version: int = 1

    def placeholders(self) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(self.template) if f}

    def render(self, values: dict[str, str]) -> str:
        merged = {a.name: a.default for a in self.arguments if a.default is not None}
        merged.update(values)
        missing = [a.name for a in self.arguments if a.required and a.name not in merged]
        if missing:
            raise KeyError(f"{self.name}: missing arguments {', '.join(missing)}")
        for arg in self.arguments:
            if arg.choices and merged.get(arg.name) not in arg.choices:
                raise ValueError(f"{self.name}: {arg.name} must be one of {', '.join(arg.choices)}")
        return self.template.format_map({k: v for k, v in merged.items() if v is not None})


class PromptLibrary:
    def __init__(self, specs: list[PromptSpec] | None = None) -> None:
        self._specs: dict[str, PromptSpec] = {}
        for spec in specs or []:
            self.add(spec)

    def add(self, spec: PromptSpec, *, replace: bool = False) -> None:
        if spec.name in self._specs and not replace:
            raise KeyError(f"prompt {spec.name!r} already exists")
        unknown = spec.placeholders() - {a.name for a in spec.arguments}
        if unknown:
            raise ValueError(f"{spec.name}: template uses undeclared arguments {sorted(unknown)}")
        self._specs[spec.name] = spec

    def get(self, name: str) -> PromptSpec:
        return self._specs[name]

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    def __iter__(self):
        return iter(sorted(self._specs.values(), key=lambda s: s.name))

    def __len__(self) -> int:
        return len(self._specs)

    def names(self, prefix: str = "") -> list[str]:
        return sorted(n for n in self._specs if n.startswith(prefix))

    @classmethod
    def from_toml(cls, path: str | Path) -> PromptLibrary:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        return cls([_spec_from_table(name, table) for name, table in data.get("prompts", {}).items()])


def _spec_from_table(name: str, table: dict[str, Any]) -> PromptSpec:
    args = [
        ArgumentSpec(
            name=a["name"],
            description=a.get("description", ""),
            required=a.get("required", "default" not in a),
            default=a.get("default"),
            choices=tuple(a.get("choices", ())),
        )
        for a in table.get("arguments", [])
    ]
    return PromptSpec(
        name=name,
        template=table["template"],
        description=table.get("description", ""),
        title=table.get("title"),
        system=table.get("system"),
        arguments=args,
        tags=tuple(table.get("tags", ())),
        version=int(table.get("version", 1)),
    )


def default_library() -> PromptLibrary:
    return PromptLibrary(
        [
            PromptSpec(
                name="commit_message",
                title="Commit message",
                description="Write a commit message for a change.",
                template="Write a {style} commit message for this change:\n\n{change}",
                system="You write concise commit messages.",
                arguments=[
                    ArgumentSpec("change", "What changed"),
                    ArgumentSpec("style", "Message style", required=False, default="conventional",
                                 choices=("conventional", "plain", "gitmoji")),
                ],
                tags=("git",),
            ),
            PromptSpec(
                name="code_review",
                title="Code review",
                description="Review a diff with a given focus.",
                template="Review the following diff, focusing on {focus}.\n\n{diff}",
                arguments=[
                    ArgumentSpec("diff", "Unified diff"),
                    ArgumentSpec("focus", "Review focus", required=False, default="correctness",
                                 choices=("correctness", "security", "performance", "style")),
                ],
                tags=("review",),
            ),
            PromptSpec(
                name="incident_summary",
                description="Summarize an incident timeline for a status page.",
                template="Summarize this incident for {audience}:\n\n{timeline}",
                arguments=[
                    ArgumentSpec("timeline", "Raw timeline"),
                    ArgumentSpec("audience", "Who reads it", choices=("customers", "engineers", "executives")),
                ],
                tags=("ops",),
            ),
        ]
    )
