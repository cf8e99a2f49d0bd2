"""Article storage. Plain Python: no MCP imports here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

_FRONT_MATTER = re.compile(r"^---\n(.*?)\n---\n", re.DOTALL)


@dataclass
class Article:
    slug: str
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    updated: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def summary(self, width: int = 160) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= width else text[: width - 1] + "…"


class ArticleRepository:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._cache: dict[str, Article] = {}

    def _load(self, path: Path) -> Article:
        raw = path.read_text(encoding="utf-8")
        title = path.stem.replace("-", " ").title()
        tags: list[str] = []
        match = _FRONT_MATTER.match(raw)
        if match:
            for line in match.group(1).splitlines():
                key, _, value = line.partition(":")
                if key.strip() == "title":
                    title = value.strip()
                elif key.strip() == "tags":
                    tags = [t.strip() for t in value.split(",") if t.strip()]
            raw = raw[match.end():]
        stat = path.stat()
        return Article(
            slug=path.stem,
            title=title,
            body=raw,
            tags=tags,
            updated=datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc),
        )

    def all(self) -> list[Article]:
        if not self.root.exists():
            return list(self._cache.values())
        for path in sorted(self.root.glob("*.md")):
            if path.stem not in self._cache:
                self._cache[path.stem] = self._load(path)
        return list(self._cache.values())

    def get(self, slug: str) -> Article | None:
        for article in self.all():
            if article.slug == slug:
                return article
        return None

    def search(self, query: str, limit: int = 10) -> list[Article]:
        terms = [t.lower() for t in query.split() if t]
        scored: list[tuple[int, Article]] = []
        for article in self.all():
            haystack = f"{article.title} {article.body} {' '.join(article.tags)}".lower()
            score = sum(haystack.count(t) for t in terms)
            if score:
                scored.append((score, article))
        scored.sort(key=lambda pair: pair[0], reverse=True)
        return [a for _, a in scored[:limit]]

    def put(self, article: Article) -> None:
        self._cache[article.slug] = article
