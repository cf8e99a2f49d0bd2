"""In-process registry of named datasets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from datatools.frames import Frame


class DatasetNotFound(KeyError):
    def __init__(self, name: str, available: list[str]):
        super().__init__(name)
        self.available = available


@dataclass
class Dataset:
    name: str
    frame: Frame
    source: str = "inline"
    description: str = ""
    version: int = 1


class DatasetStore:
    def __init__(self) -> None:
        self._items: dict[str, Dataset] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[Dataset]:
        return iter(sorted(self._items.values(), key=lambda d: d.name))

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> list[str]:
        return sorted(self._items)

    def get(self, name: str) -> Dataset:
        if name not in self._items:
            raise DatasetNotFound(name, self.names())
        return self._items[name]

    def put(self, name: str, frame: Frame, *, source: str = "inline", description: str = "") -> Dataset:
        previous = self._items.get(name)
        version = previous.version + 1 if previous else 1
        self._items[name] = Dataset(name, frame, source, description or (previous.description if previous else ""), version)
        return self._items[name]

    def replace_frame(self, name: str, frame: Frame) -> Dataset:
        ds = self.get(name)
        ds.frame, ds.version = frame, ds.version + 1
        return ds

    def remove(self, name: str) -> Dataset:
        return self._items.pop(self.get(name).name)

    def complete(self, prefix: str) -> list[str]:
        return [n for n in self.names() if n.startswith(prefix)]

    @classmethod
    def from_catalog(cls, data_dir: Path) -> DatasetStore:
        store = cls()
        catalog = data_dir / "catalog.json"
        for entry in json.loads(catalog.read_text(encoding="utf-8"))["datasets"] if catalog.exists() else []:
            text = (data_dir / entry["file"]).read_text(encoding="utf-8")
            store.put(entry["name"], Frame.from_csv(text), source=entry["file"], description=entry.get("description", ""))
        return store
