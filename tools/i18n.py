"""Keep the translations in step with the source: the .ts file is where translators work.

    .venv/bin/python tools/i18n.py update          # lupdate: add new strings (unfinished), drop vanished ones
    .venv/bin/python tools/i18n.py unfinished      # list what still needs an Indonesian text
    .venv/bin/python tools/i18n.py fill FILE.json  # set translations from {"source": "terjemahan"}
    .venv/bin/python tools/i18n.py release         # lrelease: write the .qm the program loads

Source strings are English; Indonesian is the default language and must be complete
(tests/test_translations.py fails on any unfinished entry or a stale .qm).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The same lookup as the program's (app.ui.application), so the tool edits the files the
# program loads.  They must be this checkout's resources/ (an editable install): writing
# the .ts into an installed copy would lose the translators' work.
RESOURCES = Path(str(files("app.resources")))
if not RESOURCES.resolve().is_relative_to(ROOT.resolve()):
    raise RuntimeError(f"app.resources is {RESOURCES}, not this checkout's resources/:"
                       " run .venv/bin/pip install -e '.[test]' first")
TS = RESOURCES / "i18n" / "rekam_upt_id.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def lupdate(ts: Path = TS) -> None:
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-target-language", "id_ID", "-silent"], cwd=ROOT, check=True)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], cwd=ROOT, check=True)


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) \
                    or not (translation.text or "").strip():
                out.append((name or "", message.findtext("source") or ""))
    return out


def fill(mapping: dict[str, str], ts: Path = TS) -> int:
    tree = ET.parse(ts)
    done = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is not None and translation.get("type") == "unfinished" and source in mapping:
            translation.text = mapping[source]
            del translation.attrib["type"]
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                  '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    ts.write_text(text, encoding="utf-8")
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "unfinished"
    if command == "update":
        lupdate()
        print(f"{len(unfinished())} unfinished")
    elif command == "unfinished":
        for context, source in unfinished():
            print(f"{context}\t{source}")
    elif command == "fill":
        mapping = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"filled {fill(mapping)}; {len(unfinished())} unfinished")
    elif command == "release":
        lrelease()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
