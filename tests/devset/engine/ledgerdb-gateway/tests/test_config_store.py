"""Settings and storage, without any MCP traffic."""

from __future__ import annotations


from ledgerdb.config import GatewaySettings
from ledgerdb.pagination import decode_cursor, paginate
from ledgerdb.store import LedgerStore, PostingBatch, ReadOnlyViolation, UnbalancedEntry


def test_settings_from_environment() -> None:
    env = {
        "LEDGERDB_HOST": "0.0.0.0",
        "LEDGERDB_PORT": "9100",
        "LEDGERDB_STATELESS": "yes",
        "LEDGERDB_JSON_RESPONSE": "0",
        "LEDGERDB_TRANSPORT": "streamable-http",
        "LEDGERDB_ALLOWED_HOSTS": "ledger.internal:9100, ledger.internal",
    }
    settings = GatewaySettings.from_env(env, port=9200)
    assert settings.host == "0.0.0.0" and settings.port == 9200
    assert settings.stateless is True and settings.json_response is False
    assert settings.public_url == "http://0.0.0.0:9200/mcp"
    assert settings.host_allowlist() == ["ledger.internal:9100", "ledger.internal"]
    try:
        GatewaySettings.from_env({"LEDGERDB_TRANSPORT": "sse"})
    except ValueError as exc:
        assert "unsupported transport" in str(exc)
    else:
        raise AssertionError("sse is not a supported transport")


def test_store_pages_and_guards() -> None:
    store = LedgerStore.open(":memory:", seed=True)
    page = store.list_accounts(offset=0, limit=5)
    assert [a["id"] for a in page["items"]] == ["bank", "capital", "cash", "payables", "receivables"]
    assert page["nextCursor"] == 5
    assert store.list_accounts(offset=5, limit=5)["nextCursor"] is None

    batch = PostingBatch.model_validate([{"account": "cash", "amount_cents": 10}, {"account": "sales", "amount_cents": -10}])
    assert batch.imbalance() == 0 and [p.account for p in batch.root] == ["cash", "sales"]
    try:
        store.post(PostingBatch.model_validate([{"account": "cash", "amount_cents": 3}, {"account": "sales", "amount_cents": -1}]), memo="x")
    except UnbalancedEntry as exc:
        assert exc.imbalance == 2
    try:
        store.run_select("SELECT * FROM accounts; DROP TABLE accounts")
    except ReadOnlyViolation:
        pass
    assert store.count_accounts() == 8

    items, cursor = paginate(list(range(7)), None, 3, "demo")
    assert items == [0, 1, 2] and cursor is not None and decode_cursor(cursor, "demo") == 3
