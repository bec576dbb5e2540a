"""Merge the Indonesian translations of another branch's .ts into this one (after a git merge).

    .venv/bin/python tools/merge_ts.py OTHER.ts [OTHER2.ts ...]

Git cannot merge the translation file line by line when two branches added strings.  Take
one side (git checkout --ours), run ``tools/i18n.py update`` so every string of the merged
source is listed, then this fills each unfinished entry whose context and source text the
other file translates; ``tools/i18n.py unfinished`` then lists only what nobody translated.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import i18n  # noqa: E402


def translations(ts: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "").strip() if translation is not None else ""
            if text and translation.get("type") != "unfinished":
                found[(name, message.findtext("source") or "")] = translation.text
    return found


def merge(others: list[Path], ts: Path = i18n.TS) -> int:
    known: dict[tuple[str, str], str] = {}
    for other in others:
        known.update(translations(other))
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            text = known.get((name, message.findtext("source") or ""))
            if text:
                translation.text = text
                del translation.attrib["type"]
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    print(f"filled {merge([Path(p) for p in sys.argv[1:]])}")
