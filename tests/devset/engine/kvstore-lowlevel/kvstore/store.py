"""The storage engine: namespaces of versioned entries with optional TTLs."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Value = str | bytes


@dataclass
class Entry:
    value: Value
    version: int
    expires_at: float | None = None

    @property
    def is_binary(self) -> bool:
        return isinstance(self.value, bytes)


class KVStore:
    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._data: dict[str, dict[str, Entry]] = {}

    @classmethod
    def seeded(cls, clock: Callable[[], float] = time.time) -> KVStore:
        store = cls(clock)
        store.set("users", "alice", '{"name": "Alice", "role": "admin"}')
        store.set("users", "bob", '{"name": "Bob", "role": "viewer"}')
        store.set("users", "amir", '{"name": "Amir", "role": "viewer"}')
        store.set("config", "feature.dark_mode", "on")
        store.set("config", "retries", "3")
        store.set("blobs", "favicon", b"\x00\x01\x02\x03ICO")
        return store

    def _live(self, namespace: str) -> dict[str, Entry]:
        entries = self._data.get(namespace, {})
        now = self._clock()
        for key in [k for k, e in entries.items() if e.expires_at is not None and e.expires_at <= now]:
            del entries[key]
        return entries

    def namespaces(self) -> list[str]:
        return sorted(ns for ns in self._data if self._live(ns))

    def has_namespace(self, namespace: str) -> bool:
        return bool(self._live(namespace))

    def get(self, namespace: str, key: str) -> Entry | None:
        return self._live(namespace).get(key)

    def set(self, namespace: str, key: str, value: Value, ttl: float | None = None) -> Entry:
        entries = self._data.setdefault(namespace, {})
        previous = self._live(namespace).get(key)
        entry = Entry(
            value=value,
            version=(previous.version + 1) if previous else 1,
            expires_at=self._clock() + ttl if ttl else None,
        )
        entries[key] = entry
        return entry

    def delete(self, namespace: str, key: str) -> Entry:
        entries = self._live(namespace)
        if key not in entries:
            raise KeyError(f"{namespace}/{key} does not exist")
        return entries.pop(key)

    def incr(self, namespace: str, key: str, by: int = 1) -> int:
        entry = self.get(namespace, key)
        current = 0
        if entry is not None:
            if entry.is_binary or not str(entry.value).lstrip("-").isdigit():
                raise ValueError(f"{namespace}/{key} does not hold an integer")
            current = int(entry.value)
        self.set(namespace, key, str(current + by))
        return current + by

    def scan(self, namespace: str, prefix: str = "") -> Iterator[tuple[str, Entry]]:
        for key in sorted(self._live(namespace)):
            if key.startswith(prefix):
                yield key, self._data[namespace][key]

    def drop(self, namespace: str) -> int:
        return len(self._data.pop(namespace, {}))

    def size(self) -> int:
        return sum(len(self._live(ns)) for ns in list(self._data))
