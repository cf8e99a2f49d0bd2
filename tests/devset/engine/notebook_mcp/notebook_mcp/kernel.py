"""A minimal in-process stand-in for a Jupyter kernel."""

from __future__ import annotations

import contextlib
import io
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class CellOutput:
    stdout: str = ""
    result: str | None = None
    error: str | None = None


@dataclass
class Cell:
    index: int
    source: str
    outputs: list[CellOutput] = field(default_factory=list)
    execution_count: int | None = None


@dataclass
class Notebook:
    path: Path
    cells: list[Cell] = field(default_factory=list)
    namespace: dict[str, Any] = field(default_factory=dict)
    counter: int = 0

    @property
    def name(self) -> str:
        return self.path.stem

    def add_cell(self, source: str, index: int | None = None) -> Cell:
        self.cells.insert(len(self.cells) if index is None else index, Cell(index=-1, source=source))
        for i, c in enumerate(self.cells):
            c.index = i
        return self.cells[len(self.cells) - 1 if index is None else index]

    def run(self, index: int) -> CellOutput:
        cell = self.cells[index]
        self.counter += 1
        cell.execution_count = self.counter
        out, buffer = CellOutput(), io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                exec(cell.source, self.namespace)
            out.result = repr(self.namespace["_"]) if "_" in self.namespace else None
        except Exception:
            out.error = traceback.format_exc(limit=3)
        out.stdout = buffer.getvalue()
        cell.outputs = [out]
        return out

    def variables(self) -> dict[str, str]:
        return {k: type(v).__name__ for k, v in self.namespace.items() if not k.startswith("_")}


class KernelRegistry:
    def __init__(self) -> None:
        self.notebooks: dict[str, Notebook] = {}

    def open(self, path: Path) -> Notebook:
        return self.notebooks.setdefault(path.stem, Notebook(path=path))

    def get(self, name: str) -> Notebook:
        return self.notebooks[name]
