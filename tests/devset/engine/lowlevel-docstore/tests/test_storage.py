from __future__ import annotations

from docstore.config import DocstoreSettings, level_rank
from docstore.seed import seed_store
from docstore.storage import DocumentNotFound, DocumentStore, InvalidCursor, paginate


def test_storage_and_settings_without_mcp() -> None:
    store = seed_store(DocumentStore())
    page = paginate(store.documents(), None, 5, scope="*")
    assert page.to_dict()["nextCursor"] == page.next_cursor
    rest = paginate(store.documents(), page.next_cursor, 5, scope="*")
    assert len(page.items) + len(rest.items) == 8 and "nextCursor" not in rest.to_dict()
    for bad in ("garbage!", "eyJvIjoxLCJzIjoibm90ZXMifQ"):  # malformed, and a cursor from another scope
        try:
            paginate(store.documents(), bad, 3, scope="*")
        except InvalidCursor:
            continue
        raise AssertionError(f"{bad} must be rejected")

    doc, score = store.search("security policy")[0]
    assert doc.key == "handbook/security.md" and score == 1.5
    manifest = store.export_manifest()
    assert manifest["isError"] is False and manifest["root"] == str(store.root) == "/srv/docstore"
    assert manifest["entries"][0]["path"] == "/srv/docstore/assets/pixel.png"
    assert manifest["entries"][0]["mimeType"] == "image/png"
    store.delete("notes", "weekly-01.txt")
    try:
        store.get("notes", "weekly-01.txt")
    except DocumentNotFound as exc:
        assert str(exc) == "no document 'weekly-01.txt' in collection 'notes'"

    env = {"DOCSTORE_PORT": "9100", "DOCSTORE_TRANSPORT": "http", "DOCSTORE_LOG_LEVEL": "WARN", "DOCSTORE_STATELESS": "1"}
    settings = DocstoreSettings.from_env(env)
    assert (settings.http.host, settings.http.port, settings.transport) == ("127.0.0.1", 9100, "streamable-http")
    assert settings.log_level == "warning" and level_rank("debug") < level_rank(settings.log_level)
    assert settings.to_wire()["http"]["statelessHttp"] is True
