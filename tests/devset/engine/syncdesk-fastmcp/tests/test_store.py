from __future__ import annotations

import sqlite3
import tempfile
import threading
from pathlib import Path

from syncdesk.outbound import ticket_event
from syncdesk.settings import join_url_path, load_settings
from syncdesk.store import StoreError, TicketStore, decode_cursor, encode_cursor, with_retry


def _store() -> TicketStore:
    clock = iter(range(1_700_000_000, 1_700_100_000))
    store = TicketStore.open(":memory:", clock=lambda: float(next(clock)))
    store.seed_demo()
    return store


def test_store_pages_with_opaque_cursors() -> None:
    store = _store()
    first = store.list(limit=2)
    assert [t.id for t in first.items] == [1, 2]
    assert first.next_cursor is not None and decode_cursor(first.next_cursor) == 2
    wire = store.list(cursor=first.next_cursor, limit=10).to_wire()
    assert [t["ticketId"] for t in wire["items"]] == [3, 4, 5]
    assert wire["nextCursor"] is None
    assert [t.id for t in store.iter_queue("billing")] == [3, 4]
    assert encode_cursor(42) != "42"
    try:
        store.list(cursor="bogus")
    except StoreError as exc:
        assert "malformed cursor" in str(exc)
    else:
        raise AssertionError("expected a cursor error")


def test_store_updates_comments_and_stats() -> None:
    store = _store()
    store.assign(1, "sam")
    store.set_status(1, "pending")
    store.add_comment(1, "sam", "asked for a screenshot")
    snap = store.snapshot(1)
    assert snap["assignee"] == "sam" and snap["status"] == "pending"
    assert [c["text"] for c in snap["comments"]] == ["asked for a screenshot"]
    assert store.stats("support") == {"open": 1, "pending": 1, "closed": 0}
    assert store.root is None


def test_retry_backs_off_on_locked_database() -> None:
    attempts: list[int] = []
    sleeps: list[float] = []

    def flaky() -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "ok"

    assert with_retry(flaky, retries=5, delay=0.01, sleep=sleeps.append) == "ok"
    assert sleeps == [0.01, 0.02]

    def always_locked() -> None:
        raise sqlite3.OperationalError("database is locked")

    try:
        with_retry(always_locked, retries=2, delay=0.0, sleep=lambda _: None)
    except StoreError as exc:
        assert "still locked after 2 retries" in str(exc)
    else:
        raise AssertionError("expected StoreError")

    # a lock held by another connection for a moment is waited out
    root = Path(tempfile.mkdtemp())
    store = TicketStore.open(root / "desk.db", retries=3, retry_delay=0.01)
    assert store.root == root
    blocker = sqlite3.connect(root / "desk.db", timeout=0, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.1, blocker.rollback)
    release.start()
    assert store.seed_demo() == 5
    release.join()
    blocker.close()
    store.close()


def test_settings_and_event_payloads_without_mcp() -> None:
    settings = load_settings(
        {
            "SYNCDESK_HOST": "0.0.0.0",
            "SYNCDESK_PORT": "9100",
            "SYNCDESK_LOG_LEVEL": "warning",
            "SYNCDESK_QUEUES": "support, vip",
            "SYNCDESK_STATELESS": "yes",
            "SYNCDESK_DATA_DIR": "/srv/syncdesk",
        }
    )
    assert (settings.host, settings.port, settings.log_level) == ("0.0.0.0", 9100, "WARNING")
    assert settings.queues == ("support", "vip") and settings.stateless_http is True
    assert settings.paths.database == Path("/srv/syncdesk/syncdesk.sqlite3")
    view = settings.public_view()
    assert view["streamableHttpPath"] == "/mcp" and view["statelessHttp"] is True
    assert join_url_path("/legacy/", "/messages/") == "/legacy/messages/"
    assert join_url_path("/", "sse") == "/sse"
    try:
        load_settings({"SYNCDESK_LOG_LEVEL": "chatty"})
    except ValueError as exc:
        assert "invalid log level" in str(exc)
    else:
        raise AssertionError("expected ValueError")

    event = ticket_event("escalated", _store().get(2).to_wire(), actor="sam")
    assert event["eventType"] == "ticket.escalated"
    assert event["resourceUri"] == "tickets://support/2"
    assert event["mimeType"] == "application/json"
    assert event["payload"]["priority"] == "urgent"
