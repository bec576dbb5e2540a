"""What this computer remembers about the window: recent files, columns, splitter sizes, folded sections.

These belong to the workstation and the person at it, not to a database file (an officer
who opens the demo keeps their columns), so they live in an INI file in the user data
folder (``jendela.ini``) rather than in the database, and are written without an
operation or an audit entry: nothing in them is a record.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from app.models.paths import data_dir

FILE_NAME = "jendela.ini"
RECENT_LIMIT = 8


def _settings() -> QSettings:
    return QSettings(str(data_dir() / FILE_NAME), QSettings.Format.IniFormat)


def get(key: str, default: Any = None) -> Any:
    return _settings().value(key, default)


def get_list(key: str) -> list[str]:
    """A list of texts (QSettings gives a bare string for a one-item list, None for none)."""
    value = _settings().value(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def get_ints(key: str) -> list[int]:
    try:
        return [int(v) for v in get_list(key)]
    except ValueError:
        return []


def put(key: str, value: Any) -> None:
    settings = _settings()
    settings.setValue(key, value)
    settings.sync()


# -- recent files ---------------------------------------------------------------------------
def recent_files() -> list[dict[str, Any]]:
    """The database files opened lately, newest first: {"path": Path, "demo": bool}."""
    out = []
    demos = set(get_list("files/recent_demo"))
    for text in get_list("files/recent"):
        out.append({"path": Path(text), "demo": text in demos})
    return out


def remember_file(path: Path, *, demo: bool) -> None:
    text = str(Path(path).resolve())
    paths = [text] + [p for p in get_list("files/recent") if p != text]
    demos = [p for p in get_list("files/recent_demo") if p != text] + ([text] if demo else [])
    paths = paths[:RECENT_LIMIT]
    settings = _settings()  # both keys in one write
    settings.setValue("files/recent", paths)
    settings.setValue("files/recent_demo", [p for p in demos if p in paths])
    settings.sync()


def forget_file(path: Path) -> None:
    text = str(Path(path).resolve())
    put("files/recent", [p for p in get_list("files/recent") if p != text])
    put("files/recent_demo", [p for p in get_list("files/recent_demo") if p != text])
