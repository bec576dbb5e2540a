"""Where Rekam UPT keeps its files (platformdirs), created readable by the owner only."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


APP_DIR_NAME = "RekamUPT"
DEFAULT_DB_NAME = "rekam-upt.sqlite3"
DEMO_DB_NAME = "rekam-upt-demo.sqlite3"


def data_dir() -> Path:
    """The user data folder; REKAM_UPT_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("REKAM_UPT_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs  # only here: not needed when a file is given with --db

        path = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    return ensure_private_dir(path)


def ensure_private_dir(path: Path) -> Path:
    if not path.exists():
        path.mkdir(parents=True, mode=0o700, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def backup_dir_for(db_path: Path) -> Path:
    """Automatic backups of one database file, in the user data folder.

    Two files with the same name in different folders get different backup folders.
    """
    resolved = str(Path(db_path).resolve())
    tag = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    return ensure_private_dir(data_dir() / "cadangan" / f"{Path(db_path).stem}-{tag}")
