"""The graph model and settings on their own (no protocol involved)."""

from __future__ import annotations

from kgraph.config import Settings
from kgraph.graph import GraphStore, UnknownEntity, decode_cursor, paginate
from tests.support import seeded_store


def test_paths_and_neighbourhood() -> None:
    store = seeded_store()
    assert store.shortest_path("London", "Analytical Engine") == [
        "London",
        "Ada Lovelace",
        "Charles Babbage",
        "Analytical Engine",
    ]
    tree = store.neighbourhood("Charles Babbage", depth=1)
    assert tree.root.name == "Charles Babbage"
    assert sorted(c.root.name for c in tree.children) == ["Ada Lovelace", "Analytical Engine", "Difference Engine"]
    assert {c.edge for c in tree.children} == {"designed", "~collaborated_with"}
    assert len(list(store.neighbourhood("London", depth=3).walk())) == 5

    assert store.delete_entity("Charles Babbage") == 3
    assert store.shortest_path("London", "Analytical Engine") is None
    try:
        store.get("Charles Babbage")
    except UnknownEntity as exc:
        assert str(exc) == "unknown entity: Charles Babbage"
    else:
        raise AssertionError("deleted entity still present")


def test_pagination_and_documents() -> None:
    store = seeded_store()
    first = paginate(store.entities(), None, 2)
    assert [e.name for e in first["items"]] == ["Ada Lovelace", "Analytical Engine"]
    assert decode_cursor(first["nextCursor"]) == 2
    last = paginate(store.entities(), first["nextCursor"], 10)
    assert last["nextCursor"] is None and len(last["items"]) == 3

    document = store.to_document()
    assert document["mimeType"] == "application/json"
    assert {"from": "Ada Lovelace", "to": "London", "relationType": "lived_in"} in document["relations"]
    clone = GraphStore.from_document(document)
    assert clone.to_document()["entities"] == document["entities"]
    assert clone.names_with_prefix("a") == ["Ada Lovelace", "Analytical Engine"]


def test_settings_from_env() -> None:
    env = {"KGRAPH_HOST": "0.0.0.0", "KGRAPH_PORT": "9100", "KGRAPH_JSON_RESPONSE": "yes", "KGRAPH_TRANSPORT": "http"}
    settings = Settings.from_env(env | {"KGRAPH_ALLOWED_HOSTS": "graph.internal:*, 10.0.0.5:9100"})
    assert (settings.host, settings.port) == ("0.0.0.0", 9100)
    assert settings.json_response and not settings.stateless_http
    assert settings.allowed_hosts == ["graph.internal:*", "10.0.0.5:9100"]
    assert settings.base_url == "http://0.0.0.0:9100/mcp"
    tweaked = settings.with_overrides(port=9200, host=None)
    assert (tweaked.host, tweaked.port, tweaked.describe()["jsonResponse"]) == ("0.0.0.0", 9200, True)
