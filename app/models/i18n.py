"""Language of the texts the domain layer shows to people.

The window translates its own strings with Qt; the domain layer cannot use Qt, so
each message it shows carries its Indonesian and English text side by side and
this module picks one.  Texts that reach paper (print-outs, the calculator's
breakdown) are always Indonesian and do not go through here.
"""

from __future__ import annotations

_language = "id"


def set_language(language: str) -> None:
    """Choose "id" (default) or "en" for messages from the domain layer."""
    global _language
    _language = "en" if language == "en" else "id"


def language() -> str:
    return _language


def tr(id_text: str, en_text: str, /, **values: object) -> str:
    """Return the message in the current language with ``values`` filled in."""
    text = en_text if _language == "en" else id_text
    return text.format(**values) if values else text
