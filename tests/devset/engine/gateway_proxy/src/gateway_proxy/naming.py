"""Name mangling for re-exported tools and prompts."""

DEFAULT_SEPARATOR = "__"


def join_name(upstream: str, name: str, separator: str = DEFAULT_SEPARATOR) -> str:
    return f"{upstream}{separator}{name}"


def split_name(qualified: str, separator: str = DEFAULT_SEPARATOR) -> tuple[str, str]:
    """Split ``upstream__tool`` into its parts.

    Raises ValueError when the name carries no upstream prefix.
    """
    upstream, sep, name = qualified.partition(separator)
    if not sep or not upstream or not name:
        raise ValueError(f"{qualified!r} is not a gateway name (expected 'upstream{separator}name')")
    return upstream, name


def describe(upstream: str, description: str | None) -> str:
    base = (description or "").strip()
    return f"[{upstream}] {base}" if base else f"[{upstream}]"
