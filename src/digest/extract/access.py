"""Whether a page declares itself behind a paywall (schema.org `isAccessibleForFree`).

Publishers that want search engines to index their paywalled articles declare it, in JSON-LD
(on the article, or on the parts of it in `hasPart`) or in microdata. We only read what the
page declares: guessing a paywall from the look of a page would mark free articles.
"""

from __future__ import annotations

from collections.abc import Iterator

from digest.extract.page import ParsedPage

_PROPERTY = "isaccessibleforfree"
_NESTED = ("hasPart", "mainEntity", "mainEntityOfPage", "isPartOf")


def find_paywalled(page: ParsedPage) -> bool | None:
    """True when the page declares isAccessibleForFree false, False when true, else None."""
    declared = [*_json_ld_values(page), *_microdata_values(page)]
    flags = [flag for flag in (_as_bool(v) for v in declared) if flag is not None]
    if not flags:
        return None
    # A free article with one paywalled part is still behind a paywall for the reader.
    return not all(flags)


def _json_ld_values(page: ParsedPage) -> Iterator[object]:
    seen: set[int] = set()

    def walk(obj: object, depth: int) -> Iterator[object]:
        obj = page.resolve(obj)
        if depth > 4 or id(obj) in seen:
            return
        if isinstance(obj, list):
            for part in obj:
                yield from walk(part, depth + 1)
            return
        if not isinstance(obj, dict):
            return
        seen.add(id(obj))
        for key, value in obj.items():
            if str(key).lower() == _PROPERTY:
                yield value
        for key in _NESTED:
            if key in obj:
                yield from walk(obj[key], depth + 1)

    for article in page.articles():
        yield from walk(article, 0)


def _microdata_values(page: ParsedPage) -> Iterator[object]:
    for element in page.tree.iter():
        props = str(element.get("itemprop") or "").lower().split()
        if _PROPERTY not in props:
            continue
        for attr in ("content", "href", "value"):
            if element.get(attr) is not None:
                yield element.get(attr)
                break
        else:
            yield element.text_content()


def _as_bool(value: object) -> bool | None:
    """schema.org booleans as pages write them: true, "False", "https://schema.org/True"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, list) and len(value) == 1:
        return _as_bool(value[0])
    if not isinstance(value, str):
        return None
    word = value.strip().rstrip("/").rsplit("/", 1)[-1].lower()
    return {"true": True, "false": False}.get(word)
