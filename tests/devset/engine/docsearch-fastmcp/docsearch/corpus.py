"""In-memory documentation corpus with a small TF-IDF search.

Pure Python, no MCP imports: the web app's JSON API uses this module directly.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

_WORD = re.compile(r"[a-z0-9]+")
_HEADING = re.compile(r"^##\s+(.+)$", re.MULTILINE)


def tokenize(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def slugify(text: str) -> str:
    return "-".join(tokenize(text))


@dataclass
class Page:
    slug: str
    title: str
    section: str
    body: str
    updated: date
    tags: list[str] = field(default_factory=lambda: [])
    mimeType: str = "text/markdown"

    def anchors(self) -> list[str]:
        return [slugify(h) for h in _HEADING.findall(self.body)]

    def section_text(self, anchor: str) -> str | None:
        parts = re.split(r"^##\s+", self.body, flags=re.MULTILINE)
        for part in parts[1:]:
            heading, _, rest = part.partition("\n")
            if slugify(heading) == anchor:
                return f"## {heading}\n{rest.strip()}"
        return None


@dataclass
class Hit:
    page: Page
    score: float
    snippet: str


@dataclass
class FeedbackEntry:
    slug: str
    helpful: bool
    rating: int
    comment: str
    client: str


@dataclass
class ServerAddress:
    """Where the docs site itself is served (not the MCP endpoint)."""

    host: str = "127.0.0.1"
    port: int = 8080
    scheme: str = "http"

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"


class DocCorpus:
    def __init__(self, pages: Iterable[Page]) -> None:
        self._pages = {p.slug: p for p in pages}
        self._tf = {slug: Counter(tokenize(p.title + " " + p.body)) for slug, p in self._pages.items()}
        df: Counter[str] = Counter()
        for counts in self._tf.values():
            df.update(counts.keys())
        n = len(self._pages) or 1
        self._idf = {term: math.log(1 + n / freq) for term, freq in df.items()}
        self.feedback: list[FeedbackEntry] = []

    def __len__(self) -> int:
        return len(self._pages)

    def get(self, slug: str) -> Page:
        return self._pages[slug]

    def pages(self) -> list[Page]:
        return sorted(self._pages.values(), key=lambda p: (p.section, p.slug))

    def sections(self) -> dict[str, int]:
        return dict(Counter(p.section for p in self._pages.values()))

    def slugs(self, prefix: str = "") -> list[str]:
        return sorted(s for s in self._pages if s.startswith(prefix))

    def search(self, query: str, limit: int = 5, section: str | None = None) -> list[Hit]:
        terms = tokenize(query)
        hits: list[Hit] = []
        for slug, counts in self._tf.items():
            page = self._pages[slug]
            if section and page.section != section:
                continue
            total = sum(counts.values()) or 1
            score = sum((counts[t] / total) * self._idf.get(t, 0.0) for t in terms)
            if page.title.lower().find(query.lower()) >= 0:
                score *= 1.5
            if score > 0:
                hits.append(Hit(page, round(score, 4), self.snippet(page, terms)))
        hits.sort(key=lambda h: (-h.score, h.page.slug))
        return hits[:limit]

    @staticmethod
    def snippet(page: Page, terms: list[str], width: int = 80) -> str:
        text = " ".join(page.body.split())
        lowered = text.lower()
        positions = [lowered.find(t) for t in terms if lowered.find(t) >= 0]
        start = max(0, min(positions) - width // 4) if positions else 0
        chunk = text[start : start + width]
        return ("…" if start else "") + chunk + ("…" if start + width < len(text) else "")

    def listing(self, cursor: str | None = None, page_size: int = 3) -> dict[str, object]:
        """Paged listing for the web app's /api/pages endpoint."""
        ordered = [p.slug for p in self.pages()]
        start = ordered.index(cursor) if cursor in ordered else 0
        window = ordered[start : start + page_size]
        nxt = ordered[start + page_size] if start + page_size < len(ordered) else None
        return {"items": window, "nextCursor": nxt, "isError": False, "total": len(ordered)}

    def record_feedback(self, entry: FeedbackEntry) -> None:
        if entry.slug not in self._pages:
            raise KeyError(entry.slug)
        self.feedback.append(entry)

    def average_rating(self, slug: str) -> float | None:
        ratings = [f.rating for f in self.feedback if f.slug == slug]
        return sum(ratings) / len(ratings) if ratings else None


_DEFAULT_PAGES = [
    Page(
        "getting-started",
        "Getting started",
        "guides",
        "Install the Acme CLI and log in.\n\n## Install\nRun `pip install acme-cli`.\n\n## Log in\n"
        "Use `acme login` with your workspace token.",
        date(2025, 3, 2),
        ["cli", "install"],
    ),
    Page(
        "webhooks",
        "Webhooks",
        "reference",
        "Webhooks deliver events over HTTPS.\n\n## Signing\nEvery delivery carries an HMAC signature header.\n\n"
        "## Retries\nFailed webhook deliveries are retried with exponential backoff for 24 hours.",
        date(2025, 5, 11),
        ["events", "http"],
    ),
    Page(
        "rate-limits",
        "Rate limits",
        "reference",
        "The API allows 600 requests per minute per token.\n\n## Headers\nResponses include X-RateLimit-Remaining.\n\n"
        "## Bursts\nShort bursts above the limit are queued, not rejected.",
        date(2025, 1, 20),
        ["api"],
    ),
    Page(
        "sso-setup",
        "Single sign-on setup",
        "admin",
        "Connect your identity provider with SAML or OIDC.\n\n## SAML\nUpload the metadata XML.\n\n## OIDC\n"
        "Register Acme as a confidential client and paste the issuer URL.",
        date(2025, 6, 1),
        ["security", "sso"],
    ),
    Page(
        "webhook-testing",
        "Testing webhooks locally",
        "guides",
        "Use `acme tunnel` to forward webhook events to localhost.\n\n## Replay\nReplay any past event from the dashboard.",
        date(2025, 5, 30),
        ["events", "cli"],
    ),
]


def load_default_corpus() -> DocCorpus:
    return DocCorpus(_DEFAULT_PAGES)
