"""Shared test set-up: offscreen Qt, a private data folder and a fresh database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# (Defined in tests/testenv.py, so that tests/ui/conftest.py can re-export the same values.)
from testenv import INSTALLED_SCRYPT_N, PASSWORD, TEST_SCRYPT_N, TODAY  # noqa: E402, F401


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder, so nothing touches the real one."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("REKAM_UPT_DATA_DIR", str(data))
    monkeypatch.delenv("REKAM_UPT_PASSWORD", raising=False)
    from app.models.i18n import set_language
    set_language("id")
    return data


@pytest.fixture(autouse=True)
def cheap_login_scrypt(monkeypatch):
    """Logins at a test cost, and no audit key left unlocked by an earlier test."""
    from app.models import security, storage

    monkeypatch.setattr(security, "LOGIN_SCRYPT_N", TEST_SCRYPT_N)
    monkeypatch.setattr(storage, "_UNLOCKED_KEYS", {})


@pytest.fixture(autouse=True)
def cheap_backup_key(monkeypatch):
    """A low scrypt cost for the backup key (2**10 instead of the shipped 2**17), so tests stay fast.

    Only the module constant changes, for this process; the cost travels in each
    file's header, so decryption follows it.  tests/models/test_crypto.py runs the
    shipped cost where it asserts it.
    """
    from app.models import crypto
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 10)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "uji.sqlite3"


@pytest.fixture
def db(db_path):
    """A fresh, empty Rekam UPT database with the password set, logged in (its audit key unlocked)."""
    from app.models.storage import Database
    from app.operations.auth import set_initial_password

    database = Database.open(db_path, create=True)
    set_initial_password(database, PASSWORD)
    yield database
    database.close()


@pytest.fixture
def password_env(monkeypatch):
    monkeypatch.setenv("REKAM_UPT_PASSWORD", PASSWORD)
    return PASSWORD
