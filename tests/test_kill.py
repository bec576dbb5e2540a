"""Crash safety: a process SIGKILLed at random moments never leaves a half-done operation.

A child process (tests/kill_child.py, no Qt) edits, backs up, restores, migrates,
creates (and, once it exists, generates demo data) in a loop and says on stdout
when each operation begins and commits.  The parent waits until its writes have
begun, sleeps a random short time, kills it with SIGKILL, and checks the files:
integrity_check ok, and every operation whole or absent.  At least 200 kills in
all; the summary says how many landed inside an open transaction (most must).
Two scenarios run side by side to stay within a few minutes on two cores.
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import PASSWORD
from demo_records import demo_records
from safety_data import dump_tables, populate

from app.models import backup, crypto
from app.models.schema import SCHEMA_VERSION
from app.models.storage import Database
from app.operations.auth import login, set_initial_password
from app.operations.checks import check_database

REPO = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("kill_child.py")
MIN_KILLS = 200
HEAVY_ROWS = 150_000
DEMO_CLIENTS = 300


@dataclass
class Kill:
    lines: list[str]
    delay: float

    @property
    def inside(self) -> bool:
        """The last word before death was 'begin': killed inside an open transaction."""
        marks = [w for w in self.lines if w in ("begin", "commit")]
        return bool(marks) and marks[-1] == "begin"

    @property
    def commits(self) -> int:
        return self.lines.count("commit")


@dataclass
class Tally:
    name: str
    kills: int = 0
    inside: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, kill: Kill) -> None:
        self.kills += 1
        self.inside += kill.inside


def run_and_kill(args: list[str], delay: float) -> Kill:
    """Start the child, wait for 'ready', sleep ``delay``, SIGKILL it, collect what it said."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    lines: list[str] = []
    ready: queue.Queue[bool] = queue.Queue()

    def read() -> None:
        for raw in proc.stdout:  # type: ignore[union-attr]
            word = raw.strip()
            lines.append(word)
            if word == "ready":
                ready.put(True)
        ready.put(False)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        started = ready.get(timeout=60)
    except queue.Empty:
        started = False
    if not started:
        proc.kill()
        proc.wait()
        raise AssertionError(f"child {args[0]} did not start: {proc.stderr.read()}")  # type: ignore[union-attr]
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    reader.join(timeout=60)
    err = proc.stderr.read()  # type: ignore[union-attr]
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL, f"child {args[0]} ended by itself ({proc.returncode}): {err}"
    return Kill(lines, delay)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def new_database(path: Path, clients: int) -> Path:
    db = Database.open(path, create=True)
    set_initial_password(db, PASSWORD)
    populate(db, clients)
    db.close()
    return path


def assert_sound(path: Path) -> None:
    """Opens, passes integrity_check and every consistency check (the keyed audit trail included)."""
    db = Database.open(path)
    try:
        assert db.scalar("PRAGMA integrity_check") == "ok"
        login(db, PASSWORD)
        assert check_database(db) == []
    finally:
        db.close()


def assert_backups_whole(folder: Path, expected: dict | None = None) -> None:
    """Every file under a final name is a whole backup; only hidden temp files may be partial."""
    for item in folder.iterdir():
        if item.name.startswith(".") and ".tmp" in item.name:
            continue  # a temporary file of the killed write, never under a final name
        if item.name.endswith(".rkupt"):
            plain = item.with_name("." + item.name + ".check")
            crypto.decrypt_file(item, plain, PASSWORD)
            try:
                assert integrity(plain) == "ok"
                if expected is not None:
                    assert dump_tables(plain) == expected
            finally:
                plain.unlink()
            continue
        assert item.name.endswith(".sqlite3"), item.name
        assert integrity(item) == "ok", item
        if expected is not None:
            assert dump_tables(item) == expected, item


# -- scenarios -----------------------------------------------------------------------------

def scenario_edit(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("edit")
    path = new_database(work / "edit.sqlite3", 5)
    for _ in range(kills):
        db = Database.open(path)
        persons_before = db.scalar("SELECT count(*) FROM persons")
        audit_before = db.scalar("SELECT count(*) FROM audit_log")
        db.close()
        kill = run_and_kill(["edit", str(path)], rng.uniform(0.0, 0.25))
        tally.add(kill)
        db = Database.open(path)
        try:
            assert db.scalar("PRAGMA integrity_check") == "ok"
            audit_after = db.scalar("SELECT count(*) FROM audit_log")
            # One audit entry per operation: all that said "commit", plus at most the one
            # that committed in the instant before it could say so.
            assert audit_after - audit_before in (kill.commits, kill.commits + 1)
            assert db.scalar("SELECT count(*) FROM persons") >= persons_before
            # Whole: every person has a case, a program, grouping rows and its audit entry.
            assert db.scalar(
                "SELECT count(*) FROM persons p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)"
                " OR NOT EXISTS (SELECT 1 FROM programs g WHERE g.person_id = p.id)"
                " OR NOT EXISTS (SELECT 1 FROM facts f WHERE f.person_id = p.id)"
                " OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.operation = 'tambah klien'"
                "                AND a.entity_id = p.id)") == 0
            assert db.scalar(
                "SELECT count(*) FROM remissions r WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
                " WHERE a.operation = 'tambah remisi' AND a.entity_id = r.id)") == 0
            assert check_database(db) == []  # audit chain, grouping rows, sentence dates
        finally:
            db.close()
    tally.notes.append(f"{Database.open(path).scalar('SELECT count(*) FROM persons')} persons at the end")
    return tally


def scenario_backup(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("backup")
    path = new_database(work / "sumber.sqlite3", 30)
    expected = dump_tables(path)
    out = work / "flashdisk"
    out.mkdir()
    for _ in range(kills):
        kill = run_and_kill(["backup", str(path), str(out), PASSWORD], rng.uniform(0.0, 0.5))
        tally.add(kill)
        assert_backups_whole(out, expected)
        assert_backups_whole(backup.paths.backup_dir_for(path), expected)
        assert integrity(path) == "ok"
    return tally


def scenario_restore(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("restore")
    source_a = new_database(work / "a.sqlite3", 8)
    source_b = new_database(work / "b.sqlite3", 14)
    db = Database.open(source_a)
    plain = backup.backup_to(db, work / "a-cadangan.sqlite3")
    db.close()
    db = Database.open(source_b)
    sealed = backup.backup_to(db, work / "b-cadangan.rkupt", password_for_encryption=PASSWORD)
    db.close()
    state_a = dump_tables(plain)
    state_b = dump_tables(source_b)
    target = work / "rekam-upt.sqlite3"
    backup.restore_database(target, plain)
    seen = set()
    for _ in range(kills):
        kill = run_and_kill(["restore", str(target), str(plain), str(sealed), PASSWORD], rng.uniform(0.0, 0.6))
        tally.add(kill)
        assert_sound(target)  # opening also finishes SQLite's own recovery of the killed write
        state = dump_tables(target)
        # Entirely the old database or entirely the new one, never a mixture.
        assert state in (state_a, state_b)
        seen.add("a" if state == state_a else "b")
        assert_backups_whole(backup.paths.backup_dir_for(target))
        leftovers = [p.name for p in work.iterdir() if p.name.startswith(".rekam-upt.sqlite3.")]
        assert all(".tmp" in name for name in leftovers), leftovers
    tally.notes.append(f"target ended as {sorted(seen)}")
    return tally


def scenario_migration(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("migration")
    pristine = new_database(work / "v1.sqlite3", 20)
    original = dump_tables(pristine)
    file = work / "migrasi.sqlite3"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(file) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, file)
        shutil.rmtree(backup.paths.backup_dir_for(file), ignore_errors=True)

    # How long the whole upgrade takes, so the kills spread over all of it.
    fresh()
    probe, duration = run_and_kill_after_done(["migration", str(file), str(HEAVY_ROWS)])
    assert probe.commits == 2, probe.lines  # the backup, then the migration step
    check_migrated(file, original, whole=True)
    tally.notes.append(f"one upgrade takes {duration:.2f} s")
    for _ in range(kills):
        fresh()
        kill = run_and_kill(["migration", str(file), str(HEAVY_ROWS)], rng.uniform(0.0, duration * 0.9))
        tally.add(kill)
        check_migrated(file, original, whole=None)
        for item in backup.paths.backup_dir_for(file).iterdir():
            if item.name.endswith(".sqlite3"):  # the migrasi backup, if it got its name, is whole
                assert integrity(item) == "ok"
                assert dump_tables(item) == original
    return tally


def run_and_kill_after_done(args: list[str]) -> tuple[Kill, float]:
    """Run a one-shot child until it says 'done', then kill it: how long from 'ready' to 'done'."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    lines = []
    ready_at = done_at = time.monotonic()
    for raw in proc.stdout:  # type: ignore[union-attr]
        lines.append(raw.strip())
        if lines[-1] == "ready":
            ready_at = time.monotonic()
        if lines[-1] == "done":
            done_at = time.monotonic()
            break
    proc.kill()
    proc.wait()
    proc.stdout.close()  # type: ignore[union-attr]
    err = proc.stderr.read()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert "done" in lines, err
    return Kill(lines, 0.0), done_at - ready_at


def check_migrated(file: Path, original: dict, *, whole: bool | None) -> None:
    """Version 1 untouched, or version 2 with every row of the heavy step: nothing in between."""
    assert integrity(file) == "ok"
    conn = sqlite3.connect(file)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        marked = conn.execute("SELECT count(*) FROM persons WHERE search LIKE '% v2'").fetchone()[0]
        persons = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
        if version == SCHEMA_VERSION + 1:
            assert conn.execute("SELECT count(*) FROM v2_notes").fetchone()[0] == HEAVY_ROWS
            assert marked == persons
        else:
            assert version == SCHEMA_VERSION and whole is not True
            assert "v2_notes" not in tables and marked == 0
    finally:
        conn.close()
    if version == SCHEMA_VERSION:
        assert dump_tables(file) == original


def scenario_upgrade(work: Path, rng: random.Random, kills: int) -> Tally:
    """The real wajib lapor migration on a file from before it: untouched, or upgraded with every visit."""
    from lapor_data import BEFORE, file_before_wajib_lapor

    tally = Tally("upgrade (wajib lapor)")
    pristine = file_before_wajib_lapor(work / "sebelum.sqlite3", clients=40)
    original = dump_tables(pristine)
    visits = original["wajib_lapor"]
    file = work / "naik.sqlite3"

    def fresh() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(file) + suffix).unlink(missing_ok=True)
        shutil.copyfile(pristine, file)
        shutil.rmtree(backup.paths.backup_dir_for(file), ignore_errors=True)

    fresh()
    _probe, duration = run_and_kill_after_done(["upgrade", str(file)])
    for _ in range(kills):
        fresh()
        tally.add(run_and_kill(["upgrade", str(file)], rng.uniform(0.0, duration)))
        assert integrity(file) == "ok"
        conn = sqlite3.connect(file)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > BEFORE:
                kept = conn.execute("SELECT id, program_id, report_date, officer_id, note, created_at FROM wajib_lapor"
                                    " ORDER BY rowid").fetchall()
                assert kept == visits
                assert conn.execute("SELECT count(*) FROM reporting").fetchone()[0] == 40
                assert conn.execute("SELECT count(*) FROM wajib_lapor WHERE period_no IS NULL").fetchone()[0] == 0
        finally:
            conn.close()
        if version == BEFORE:
            assert dump_tables(file) == original
    return tally


def scenario_create(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("create")
    for k in range(kills):
        folder = work / f"baru-{k:03d}"
        folder.mkdir()
        kill = run_and_kill(["create", str(folder)], rng.uniform(0.0, 0.12))
        tally.add(kill)
        for item in sorted(folder.glob("*.sqlite3")):
            # Whatever the moment of death, the program can open (or finish creating) it.
            db = Database.open(item, create=True)
            try:
                assert db.scalar("PRAGMA integrity_check") == "ok"
                assert db.user_version() == SCHEMA_VERSION
                assert db.scalar("SELECT count(*) FROM program_kinds") == 10
            finally:
                db.close()
        shutil.rmtree(folder)
    return tally


def scenario_demo(work: Path, rng: random.Random, kills: int) -> Tally:
    tally = Tally("demo")
    path = work / "demo.sqlite3"
    _probe, duration = run_and_kill_after_done(["demo", str(path), str(DEMO_CLIENTS), PASSWORD])
    # Each run salts the password afresh and stamps its trail entries: the records are what repeat.
    expected = demo_records(path)
    assert len(expected["persons"]) == DEMO_CLIENTS
    tally.notes.append(f"one demo of {DEMO_CLIENTS} clients takes {duration:.2f} s")
    for k in range(kills):
        if k % 2:  # half the time onto an existing demo (--replace backs it up first)
            path.unlink(missing_ok=True)
        kill = run_and_kill(["demo", str(path), str(DEMO_CLIENTS), PASSWORD], rng.uniform(0.0, duration))
        tally.add(kill)
        if path.exists():
            # The old file or the whole demo, never a part of one.
            assert_sound(path)
            assert demo_records(path) == expected
        assert_backups_whole(backup.paths.backup_dir_for(path))
    return tally


# (scenario, kills): at least 200 without the demo's.
PLAN: list[tuple[Callable[[Path, random.Random, int], Tally], int]] = [
    (scenario_edit, 80), (scenario_migration, 35), (scenario_backup, 35), (scenario_restore, 35),
    (scenario_create, 25), (scenario_demo, 20), (scenario_upgrade, 20),
]


@pytest.mark.slow
def test_kill_at_random_moments_leaves_every_operation_whole_or_absent(tmp_path, capsys):
    seed = int(os.environ.get("REKAM_UPT_KILL_SEED", random.randrange(1 << 30)))
    started = time.monotonic()

    def run(index: int) -> Tally:
        scenario, kills = PLAN[index]
        work = Path(tempfile.mkdtemp(dir=tmp_path, prefix=scenario.__name__ + "-"))
        return scenario(work, random.Random(seed + index), kills)

    with ThreadPoolExecutor(max_workers=2) as pool:
        tallies = list(pool.map(run, range(len(PLAN))))
    elapsed = time.monotonic() - started
    total = sum(t.kills for t in tallies)
    inside = sum(t.inside for t in tallies)
    lines = [(f"kill test (seed {seed}): {total} kills in {elapsed:.0f} s, {inside} inside an open "
             f"transaction ({100 * inside / total:.0f}%)")]
    lines += [f"  {t.name}: {t.kills} kills, {t.inside} inside" + "".join(f"; {n}" for n in t.notes)
              for t in tallies]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert total >= MIN_KILLS
    assert inside > total / 2, "most kills must land inside an open transaction"
