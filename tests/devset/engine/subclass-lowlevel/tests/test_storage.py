"""Plain storage and settings behaviour (no protocol involved)."""

from __future__ import annotations

from docstore.settings import ServerSettings
from docstore.storage import DocumentStore, InvalidCursor, decode_cursor, encode_cursor, seed_documents


def test_store_pages_and_tree() -> None:
    store = DocumentStore(seed_documents())
    page = store.page(None, 3)
    assert [d.key for d in page.items] == ["assets/logo", "guides/getting-started", "guides/subscriptions"]
    assert page.nextCursor is not None
    assert page.as_json()["nextCursor"] == page.nextCursor
    assert decode_cursor(page.nextCursor) == (3, store.fingerprint)
    rest = store.page(page.nextCursor, 3)
    assert rest.nextCursor is None and "nextCursor" not in rest.as_json()

    store.put("notes", "extra", title="Extra", body="x")
    try:
        store.page(page.nextCursor, 3)
    except InvalidCursor:
        pass
    else:
        raise AssertionError("cursor should be stale after the key set changed")

    tree = store.tree()
    assert dict(tree.walk())["notes"] == ["extra", "meeting-2024-05"]
    assert set(tree.root.children) == {"assets", "guides", "notes"}
    assert encode_cursor(0, "x") != encode_cursor(1, "x")


def test_settings_from_environment() -> None:
    settings = ServerSettings.from_env(
        {
            "DOCSTORE_TRANSPORT": "streamable-http",
            "DOCSTORE_HOST": "0.0.0.0",
            "DOCSTORE_PORT": "9100",
            "DOCSTORE_JSON_RESPONSE": "yes",
            "DOCSTORE_STATELESS": "1",
            "DOCSTORE_LOG_LEVEL": "debug",
            "DOCSTORE_ALLOWED_HOSTS": "docs.example.com, api.example.com",
        }
    )
    assert settings.transport == "streamable-http"
    assert settings.bind_address == "0.0.0.0:9100"
    assert settings.json_response and settings.stateless_http
    assert settings.log_level == "DEBUG"
    assert settings.allowed_hosts == ["docs.example.com", "api.example.com"]
    assert not settings.is_loopback
    assert settings.with_overrides(port=9200, host=None).port == 9200
    assert settings.describe()["stateless"] is True
