"""In-memory knowledge graph: entities, observations and typed relations.

Pure data structure, no protocol code.  The document format mirrors the JSON
the original Node memory server wrote (``entityType``, ``relationType``), so
existing exports load as-is.
"""

from __future__ import annotations

import base64
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


class GraphError(Exception):
    pass


class UnknownEntity(GraphError, KeyError):
    def __str__(self) -> str:
        return f"unknown entity: {self.args[0]}"


@dataclass
class Entity:
    name: str
    kind: str
    observations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "entityType": self.kind, "observations": list(self.observations)}


@dataclass(frozen=True)
class Relation:
    source: str
    relation: str
    target: str

    def to_dict(self) -> dict[str, str]:
        return {"from": self.source, "to": self.target, "relationType": self.relation}


@dataclass
class TraversalTree:
    """Breadth-first neighbourhood of an entity; ``root`` is the start node."""

    root: Entity
    edge: str | None = None
    children: list[TraversalTree] = field(default_factory=list)

    def walk(self) -> Iterator[Entity]:
        yield self.root
        for child in self.children:
            yield from child.walk()


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        prefix, _, offset = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        prefix, offset = "", ""
    if prefix != "o" or not offset.isdigit():
        raise ValueError(f"malformed cursor {cursor!r}")
    return int(offset)


def paginate(items: list[Any], cursor: str | None, page_size: int) -> dict[str, Any]:
    """Slice ``items``; the result uses the same keys as the wire format."""
    start = decode_cursor(cursor)
    end = min(start + page_size, len(items))
    return {"items": items[start:end], "nextCursor": encode_cursor(end) if end < len(items) else None}


class GraphStore:
    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._relations: set[Relation] = set()
        self._listeners: list[Callable[[str, str], None]] = []
        self.revision = 0

    def on_change(self, listener: Callable[[str, str], None]) -> None:
        self._listeners.append(listener)

    def _changed(self, kind: str, name: str) -> None:
        self.revision += 1
        for listener in self._listeners:
            listener(kind, name)

    def __len__(self) -> int:
        return len(self._entities)

    def __contains__(self, name: object) -> bool:
        return name in self._entities

    def add_entity(self, name: str, kind: str, observations: Iterable[str] = ()) -> Entity:
        if name in self._entities:
            raise GraphError(f"entity {name!r} already exists")
        self._entities[name] = entity = Entity(name, kind, [o for o in observations if o])
        self._changed("entity.created", name)
        return entity

    def get(self, name: str) -> Entity:
        if name not in self._entities:
            raise UnknownEntity(name)
        return self._entities[name]

    def entities(self, kind: str | None = None) -> list[Entity]:
        items = sorted(self._entities.values(), key=lambda e: e.name.lower())
        return [e for e in items if kind is None or e.kind == kind]

    def kinds(self) -> list[str]:
        return sorted({e.kind for e in self._entities.values()})

    def add_observations(self, name: str, observations: Iterable[str]) -> list[str]:
        entity = self.get(name)
        added = [o for o in observations if o and o not in entity.observations]
        entity.observations.extend(added)
        if added:
            self._changed("entity.updated", name)
        return added

    def delete_entity(self, name: str) -> int:
        del self._entities[self.get(name).name]
        dropped = {r for r in self._relations if name in (r.source, r.target)}
        self._relations -= dropped
        self._changed("entity.deleted", name)
        return len(dropped)

    def relate(self, source: str, relation: str, target: str) -> Relation:
        rel = Relation(self.get(source).name, relation, self.get(target).name)
        if rel not in self._relations:
            self._relations.add(rel)
            self._changed("relation.created", source)
        return rel

    def relations(self, name: str | None = None) -> list[Relation]:
        rels = sorted(self._relations, key=lambda r: (r.source, r.relation, r.target))
        return [r for r in rels if name is None or name in (r.source, r.target)]

    def _adjacent(self, name: str) -> Iterator[tuple[str, str]]:
        for rel in self.relations(name):
            yield (rel.relation, rel.target) if rel.source == name else (f"~{rel.relation}", rel.source)

    def search(self, query: str) -> list[Entity]:
        needle = query.lower().strip()
        return [
            e for e in self.entities() if needle and any(needle in t.lower() for t in (e.name, e.kind, *e.observations))
        ]

    def names_with_prefix(self, prefix: str) -> list[str]:
        return [e.name for e in self.entities() if e.name.lower().startswith(prefix.lower())]

    def neighbourhood(self, name: str, depth: int = 1) -> TraversalTree:
        tree = TraversalTree(root=self.get(name))
        seen = {name}
        frontier: deque[tuple[TraversalTree, int]] = deque([(tree, 0)])
        while frontier:
            node, level = frontier.popleft()
            for edge, other in self._adjacent(node.root.name) if level < depth else ():
                if other not in seen:
                    seen.add(other)
                    node.children.append(child := TraversalTree(root=self.get(other), edge=edge))
                    frontier.append((child, level + 1))
        return tree

    def shortest_path(self, source: str, target: str) -> list[str] | None:
        previous: dict[str, str | None] = {self.get(source).name: None}
        queue = deque([source])
        while queue:
            current = queue.popleft()
            if current == self.get(target).name:
                path = [current]
                while (step := previous[path[-1]]) is not None:
                    path.append(step)
                return path[::-1]
            for _, other in self._adjacent(current):
                if other not in previous:
                    previous[other] = current
                    queue.append(other)
        return None

    def to_document(self) -> dict[str, Any]:
        return {
            "mimeType": "application/json",
            "revision": self.revision,
            "entities": [e.to_dict() for e in self.entities()],
            "relations": [r.to_dict() for r in self.relations()],
        }

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> GraphStore:
        store = cls()
        for raw in document.get("entities", []):
            store.add_entity(raw["name"], raw.get("entityType", "thing"), raw.get("observations", []))
        for raw in document.get("relations", []):
            store.relate(raw["from"], raw["relationType"], raw["to"])
        return store
