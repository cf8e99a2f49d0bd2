import pytest

from gateway_proxy import join_name, split_name
from gateway_proxy.naming import describe


def test_round_trip():
    assert split_name(join_name("alpha", "do_thing")) == ("alpha", "do_thing")


def test_custom_separator():
    assert join_name("a", "b", ".") == "a.b"
    assert split_name("a.b.c", ".") == ("a", "b.c")


@pytest.mark.parametrize("bad", ["plain", "__tool", "alpha__"])
def test_rejects_unprefixed(bad):
    with pytest.raises(ValueError):
        split_name(bad)


def test_describe():
    assert describe("alpha", "Adds numbers") == "[alpha] Adds numbers"
    assert describe("alpha", None) == "[alpha]"
