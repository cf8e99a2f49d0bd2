"""Namespacing rules for names and URIs exposed by the bridge.

Tools and prompts become ``<prefix>.<name>``. Resource URIs get the prefix
folded into the scheme: ``notes://inbox`` from the ``nt`` upstream is published
as ``nt+notes://inbox``, so templates such as ``nt+notes://item/{id}`` stay
expandable by clients.
"""

from __future__ import annotations

from pydantic import AnyUrl


class NamespaceError(LookupError):
    """A name or URI that does not carry a bridge prefix."""


def qualify(prefix: str, name: str) -> str:
    return f"{prefix}.{name}"


def split_qualified(qualified: str) -> tuple[str, str]:
    prefix, sep, name = qualified.partition(".")
    if not sep or not prefix or not name:
        raise NamespaceError(f"{qualified!r} is not a bridged name")
    return prefix, name


def wrap_uri(prefix: str, uri: AnyUrl) -> AnyUrl:
    return AnyUrl(f"{prefix}+{uri}")


def unwrap_uri(uri: AnyUrl) -> tuple[str, AnyUrl]:
    prefix, sep, scheme = uri.scheme.partition("+")
    if not sep or not scheme:
        raise NamespaceError(f"{uri} is not a bridged resource URI")
    return prefix, AnyUrl(str(uri)[len(prefix) + 1 :])


def unwrap_template(template: str) -> tuple[str, str]:
    prefix, sep, rest = template.partition("+")
    if not sep or "://" not in rest:
        raise NamespaceError(f"{template!r} is not a bridged URI template")
    return prefix, rest
