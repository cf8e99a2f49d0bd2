from __future__ import annotations

from docsearch.corpus import DocCorpus, FeedbackEntry, load_default_corpus, slugify, tokenize


def test_search_ranking_sections_and_feedback() -> None:
    corpus = load_default_corpus()
    assert tokenize("Rate-Limits: 600/min") == ["rate", "limits", "600", "min"]
    assert slugify("Log in") == "log-in"
    hits = corpus.search("webhook", limit=3)
    assert [h.page.slug for h in hits] == ["webhook-testing", "webhooks"]
    assert corpus.search("webhook retries", section="reference")[0].page.slug == "webhooks"
    assert corpus.get("getting-started").anchors() == ["install", "log-in"]
    assert corpus.get("rate-limits").section_text("bursts") == "## Bursts\nShort bursts above the limit are queued, not rejected."
    corpus.record_feedback(FeedbackEntry("webhooks", True, 5, "", "c1"))
    corpus.record_feedback(FeedbackEntry("webhooks", False, 2, "typo", "c2"))
    assert corpus.average_rating("webhooks") == 3.5
    assert corpus.average_rating("sso-setup") is None
    assert len(DocCorpus([])) == 0
