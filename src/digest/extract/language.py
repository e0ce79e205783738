"""Language from the text with an offline identifier, checked against what the page declares."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Enough text to be sure; more only costs time.
_SAMPLE_CHARS = 3000
# Below this much text the identifier guesses; a declared language is then worth more.
_SHORT_TEXT = 200
_URLS = re.compile(r"https?://\S+|\S+@\S+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def primary_subtag(code: str | None) -> str | None:
    """'en-US' -> 'en'; None for an empty or malformed code."""
    if not code:
        return None
    head = re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]
    return head if re.fullmatch(r"[a-z]{2}", head) else None


def identify(text: str, declared: str | None = None) -> tuple[str | None, str]:
    """The text's ISO 639-1 language and how it was decided ('langid', 'html lang', ...)."""
    declared = primary_subtag(declared)
    sample = _URLS.sub(" ", text[:_SAMPLE_CHARS]).strip()
    if not sample:
        return (declared, "html lang") if declared else (None, "none")
    # The identifier knows a few languages by ISO 639-3 codes only; the contract is 639-1.
    ranked = [(c, p) for c, p in _identifier().rank(sample) if len(c) == 2]
    best, confidence = ranked[0]
    if declared is None or declared == best:
        return best, "langid"
    # <html lang> is often a template default ("en" on a German page), so it only wins when
    # the identifier has too little text to judge or itself finds the declaration plausible.
    declared_score = dict(ranked).get(declared, 0.0)
    if len(sample) < _SHORT_TEXT and not (confidence > 0.8 and declared_score < 0.01):
        return declared, "html lang"
    if confidence < 0.6 and declared_score > 0.25:
        return declared, "html lang"
    return best, "langid"
