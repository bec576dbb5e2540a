"""The wajib lapor migration keeps the visits already stored, after a backup."""

from __future__ import annotations

from datetime import date

from lapor_data import VISITS, file_before_wajib_lapor

from app.models import backup
from app.models.queries import Queries
from app.models.schema import SCHEMA_VERSION
from app.models.storage import Database


def test_the_migration_keeps_every_visit_and_derives_its_period(tmp_path):
    path = file_before_wajib_lapor(tmp_path / "lama.sqlite3")
    db = Database.open(path)
    try:
        assert db.user_version() == SCHEMA_VERSION
        rows = db.query("SELECT program_id, report_date, kind, working, note, period_no, removed_at FROM wajib_lapor"
                        " ORDER BY id")
        assert [(r["program_id"], r["report_date"]) for r in rows] == [
            (n, d) for n in (1, 2, 3) for d in VISITS[: 2 + n]]
        assert {(r["kind"], r["working"], r["note"], r["removed_at"]) for r in rows} == {
            ("office", "unknown", "hadir", None)}
        assert rows[0]["period_no"] == 6  # June 2026, guidance from December 2025
        # Months before the first stored visit were on paper: recorded from June 2026 on.
        assert db.get_setting("reporting")["recorded_since"] == "2026-06-01"
        q = Queries(db)
        assert q.attendance(date(2026, 6, 1), date(2026, 10, 31), program_ids=[1], today=date(2026, 11, 22)).due == 5
        assert db.scalar("SELECT count(*) FROM reporting") == 3
    finally:
        db.close()
    made = [p.name for p in backup.paths.backup_dir_for(path).iterdir()]
    assert any("migrasi" in name for name in made), made
