"""In-memory model of the editor's open documents (no MCP imports)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

_LANGS = {".py": "python", ".ts": "typescript", ".js": "javascript", ".md": "markdown", ".json": "json"}
_MIME = {
    "python": "text/x-python",
    "typescript": "text/typescript",
    "javascript": "text/javascript",
    "markdown": "text/markdown",
    "json": "application/json",
}
_SYMBOL_PATTERNS = {
    "python": re.compile(r"^[ \t]*(?:async\s+)?(def|class)\s+([A-Za-z_]\w*)", re.M),
    "typescript": re.compile(r"^[ \t]*(?:export\s+)?(function|class|interface)\s+([A-Za-z_]\w*)", re.M),
    "javascript": re.compile(r"^[ \t]*(?:export\s+)?(function|class)\s+([A-Za-z_]\w*)", re.M),
}


@dataclass(frozen=True)
class Symbol:
    name: str
    kind: str
    path: str
    line: int


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    severity: str  # "error" | "warning" | "info"
    message: str


@dataclass
class Document:
    path: str
    text: str
    version: int = 1
    dirty: bool = False
    language: str = field(init=False)

    def __post_init__(self) -> None:
        self.language = _LANGS.get(PurePosixPath(self.path).suffix, "plaintext")

    @property
    def uri(self) -> str:
        return "file://" + self.path

    @property
    def mime_type(self) -> str:
        return _MIME.get(self.language, "text/plain")

    def symbols(self) -> list[Symbol]:
        pattern = _SYMBOL_PATTERNS.get(self.language)
        if pattern is None:
            return []
        out: list[Symbol] = []
        for match in pattern.finditer(self.text):
            line = self.text.count("\n", 0, match.start()) + 1
            out.append(Symbol(name=match.group(2), kind=match.group(1), path=self.path, line=line))
        return out

    def diagnostics(self, max_line_length: int = 100) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        for n, line in enumerate(self.text.splitlines(), start=1):
            if len(line) > max_line_length:
                found.append(Diagnostic(self.path, n, "warning", f"line too long ({len(line)} > {max_line_length})"))
            if "TODO" in line or "FIXME" in line:
                found.append(Diagnostic(self.path, n, "info", line.strip()))
            if line.rstrip() != line:
                found.append(Diagnostic(self.path, n, "info", "trailing whitespace"))
        if self.language == "python" and self.text.count("(") != self.text.count(")"):
            found.append(Diagnostic(self.path, 1, "error", "unbalanced parentheses"))
        return found


class Workspace:
    def __init__(self, root: str = "/") -> None:
        self.root = root.rstrip("/") or "/"
        self.documents: dict[str, Document] = {}

    def open(self, path: str, text: str, version: int = 1) -> Document:
        doc = Document(path=path, text=text, version=version)
        self.documents[path] = doc
        return doc

    def change(self, path: str, text: str, version: int) -> Document:
        doc = self.documents[path]
        if version <= doc.version:
            raise ValueError(f"stale change for {path}: version {version} <= {doc.version}")
        doc.text = text
        doc.version = version
        doc.dirty = True
        return doc

    def save(self, path: str) -> Document:
        doc = self.documents[path]
        doc.dirty = False
        return doc

    def close(self, path: str) -> Document | None:
        return self.documents.pop(path, None)

    def get(self, path: str) -> Document:
        return self.documents[path]

    def find_symbol(self, query: str, limit: int = 20) -> list[Symbol]:
        q = query.lower()
        hits = [s for d in self.documents.values() for s in d.symbols() if q in s.name.lower()]
        hits.sort(key=lambda s: (not s.name.lower().startswith(q), s.name, s.path))
        return hits[:limit]

    def paths_starting_with(self, prefix: str) -> list[str]:
        return sorted(p for p in self.documents if p.startswith(prefix))
