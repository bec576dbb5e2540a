"""What killed runs leave behind is removed at the next start, and plaintext copies stay in our own folder.

Issue 7, "Smaller" and "Silent failures": a killed demo left ``<db>.demo-tmp`` and a
killed restore a hidden ``.<db>.pulih-*.tmp`` (a full plaintext copy) for up to a
day; the read-only fallback put a plaintext copy in the system's temp folder.  Only
files that are provably ours and not in use are removed: never while the
database's lock is held, never another process's live work folder, never a file
that merely looks similar.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import PASSWORD
from safety_data import populate

import app.cli
from app.cli import common
from app.leftovers import DEMO_TEMP_SUFFIX, remove_leftovers
from app.lockfile import DatabaseLock
from app.models import paths, storage
from app.models.errors import OperationError
from app.models.storage import Database
from app.operations.auth import set_initial_password

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "data.sqlite3"
    db = Database.open(path, create=True)
    set_initial_password(db, PASSWORD)
    populate(db, 3)
    db.close()
    return path


def leftovers_of(db: Path) -> list[Path]:
    """The files a killed demo and a killed restore leave, as those write them."""
    made = [Path(str(db) + DEMO_TEMP_SUFFIX), Path(str(db) + DEMO_TEMP_SUFFIX + "-journal"),
            db.with_name(f".{db.name}.pulih-k9x2ab1q.tmp"), db.with_name(f".{db.name}.pulih-k9x2ab1q.tmp-wal")]
    for path in made:
        path.write_bytes(b"SQLite format 3\x00 salinan polos")
    return made


def test_the_demo_writes_the_temporary_name_that_is_removed():
    from app.operations import demo

    assert demo.TEMP_SUFFIX == DEMO_TEMP_SUFFIX


def test_leftovers_of_killed_runs_are_removed_at_the_next_command(database, capsys, monkeypatch, password_env):
    monkeypatch.setattr(common, "is_interactive", lambda: False)
    made = leftovers_of(database)
    similar = [database.with_name("data.sqlite3.demo-tmp.catatan"), database.with_name(".lain.pulih-x.tmp"),
               database.with_name("pulih-data.tmp")]
    for path in similar:
        path.write_bytes(b"bukan milik kita")
    status = app.cli.run(["check", "--db", str(database)])
    assert status == 0, capsys.readouterr()
    assert not any(p.exists() for p in made)
    assert all(p.read_bytes() == b"bukan milik kita" for p in similar)
    assert not Path(str(database) + ".lock").exists()


def test_nothing_is_removed_while_a_run_holds_the_database(database):
    made = leftovers_of(database)
    with DatabaseLock(database):  # a demo or restore at work: these may be its files
        assert remove_leftovers(database) == []
        assert all(p.exists() for p in made)
    assert sorted(remove_leftovers(database)) == sorted(made)
    assert not any(p.exists() for p in made)


def test_the_default_and_demo_files_in_the_data_folder_are_looked_at_too(private_data_dir):
    for name in (paths.DEFAULT_DB_NAME, paths.DEMO_DB_NAME):
        Path(private_data_dir / (name + DEMO_TEMP_SUFFIX)).write_bytes(b"x")
    removed = remove_leftovers(None)
    assert sorted(p.name for p in removed) == sorted(n + DEMO_TEMP_SUFFIX for n in
                                                     (paths.DEFAULT_DB_NAME, paths.DEMO_DB_NAME))


def test_nothing_to_remove_creates_nothing(tmp_path, monkeypatch):
    data = tmp_path / "belum-ada"
    monkeypatch.setenv("REKAM_UPT_DATA_DIR", str(data))
    assert remove_leftovers(tmp_path / "x.sqlite3") == []
    assert list(tmp_path.iterdir()) == []  # neither the data folder nor a lock file


# -- the private work folder: plaintext copies ---------------------------------------------------

KEEPER = """
import sys, time
from app.models import paths
folder = paths.work_dir()
(folder / "salinan.sqlite3").write_bytes(b"polos")
print(folder, flush=True)
if sys.argv[1] == "wait":
    sys.stdin.read()
else:
    import os, signal
    os.kill(os.getpid(), signal.SIGKILL)
"""


def keeper(how: str) -> tuple[subprocess.Popen, Path]:
    proc = subprocess.Popen([sys.executable, "-c", KEEPER, how], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    folder = Path(proc.stdout.readline().strip())
    return proc, folder


def test_a_killed_process_work_folder_is_swept_a_live_one_is_not(private_data_dir):
    alive, live_folder = keeper("wait")
    dead, dead_folder = keeper("kill")
    dead.wait(timeout=30)
    try:
        assert live_folder.parent == dead_folder.parent == private_data_dir / "tmp"
        assert (dead_folder / "salinan.sqlite3").exists()
        removed = remove_leftovers(None)
        assert removed == [dead_folder]
        assert not dead_folder.exists() and not Path(str(dead_folder) + ".lock").exists()
        assert (live_folder / "salinan.sqlite3").read_bytes() == b"polos"
    finally:
        alive.stdin.close()
        alive.wait(timeout=30)
        for proc in (alive, dead):
            proc.stdout.close()
    assert not live_folder.exists()  # removed by its own process at exit
    assert os.stat(private_data_dir / "tmp").st_mode & 0o777 == 0o700


def test_the_read_only_fallback_copy_stays_in_our_folder_and_goes_on_close(database, monkeypatch):
    """A WAL file in a folder SQLite cannot write: the copy is made in the work folder, never in /tmp."""
    db = Database.open(database)
    db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    from safety_data import add_client
    add_client(db, 50)  # committed, still only in the -wal
    copy_of_wal = Path(str(database) + "-wal").read_bytes()
    assert copy_of_wal
    system_temp = set(os.listdir(tempfile.gettempdir()))
    real_connect = sqlite3.connect

    def no_shm(database_uri, *args, **kwargs):
        if isinstance(database_uri, str) and "mode=ro" in database_uri and "hanya-baca-" not in database_uri \
                and "immutable" not in database_uri:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database_uri, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(storage.sqlite3, "connect", no_shm)
        reader = storage.connect(database, readonly=True)
    try:
        assert reader.execute("SELECT count(*) FROM persons").fetchone()[0] == 4
        copies = list(paths.work_dir().glob("hanya-baca-*"))
        assert [c.name for c in copies if c.suffix == ".sqlite3"]
        assert os.stat(paths.work_dir()).st_mode & 0o777 == 0o700
        assert set(os.listdir(tempfile.gettempdir())) - system_temp == set()
    finally:
        reader.close()
    assert list(paths.work_dir().iterdir()) == []
    db.close()


# -- the lock itself ---------------------------------------------------------------------------

def test_the_lock_is_taken_once_given_back_once_and_leaves_no_file(tmp_path):
    path = tmp_path / "data.sqlite3"
    first = DatabaseLock(path)
    first.acquire()
    first.acquire()  # held already: not counted twice
    assert first.is_held and Path(str(path) + ".lock").read_text().split("\n")[0] == str(os.getpid())
    other = DatabaseLock(tmp_path / "." / "data.sqlite3")  # another name of the same file
    with pytest.raises(OperationError) as caught:
        other.acquire()
    assert caught.value.code == "locked"
    assert caught.value.message == ("Basis data ini sedang dibuka oleh Rekam UPT lain (proses "
                                    f"{os.getpid()} di {os.uname().nodename}). Tutup program itu dahulu.")
    first.release()
    assert not first.is_held and not Path(str(path) + ".lock").exists()
    with other:
        assert other.is_held
    assert not Path(str(path) + ".lock").exists()
