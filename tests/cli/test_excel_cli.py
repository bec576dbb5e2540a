"""`rekam-upt import` and `rekam-upt export`: exit statuses, what they print, what they write and record."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
import pytest

from conftest import TODAY
from excel_fixtures import MESSY_EXPECTED, messy_register, seed_messy_database
from app.cli import run


def _run(capsys, *argv):
    status = run([*argv, "--today", TODAY.isoformat()] if argv[0] in ("import", "export") else list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


@pytest.fixture
def seeded(db, password_env):
    ids = seed_messy_database(db)
    db.checkpoint()
    return ids


def counts(db):
    return {t: db.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("persons", "cases", "programs", "audit_log")}


def test_import_reports_created_matched_decisions_and_rejections_and_writes_the_rejected_rows(db, seeded, tmp_path,
                                                                                               capsys):
    source = messy_register(tmp_path)
    status, out, err = _run(capsys, "import", str(source), "--db", str(db.path), "--json")
    assert status == 0, err
    data = json.loads(out)
    for key in ("created", "matched", "decide", "rejected", "new"):
        assert data[key] == MESSY_EXPECTED[key], key
    assert [d["row"] for d in data["decisions"]] == [11]
    assert data["officers_missing"] == ["Rahmat Hidayat"]
    rejected = openpyxl.load_workbook(data["rejected_file"]).active
    rows = [r for r in rejected.iter_rows(values_only=True)]
    header = rows[2]
    assert header[-2:] == ("Baris asal", "Alasan ditolak")
    reasons = {r[-2]: r[-1] for r in rows[3:] if r[-2]}
    assert sorted(reasons) == [7, 11, 12, 14, 15]
    assert reasons[11].startswith("perlu keputusan")


def test_import_in_words_and_the_second_run_changes_nothing(db, seeded, tmp_path, capsys):
    source = messy_register(tmp_path)
    status, out, _ = _run(capsys, "import", str(source), "--db", str(db.path))
    assert status == 0
    assert "4 baris dibuat, 2 cocok dengan data yang ada, 1 perlu keputusan, 4 ditolak" in out
    assert "baris 11: perlu keputusan" in out and "baris 7:" in out and "31 Februari 1990" in out
    before = counts(db)
    status, out, _ = _run(capsys, "import", str(source), "--db", str(db.path))
    assert status == 0 and "0 baris dibuat, 6 cocok" in out
    assert counts(db) == before


def test_dry_run_writes_nothing_and_create_officers_creates_them(db, seeded, tmp_path, capsys):
    source = messy_register(tmp_path)
    before = counts(db)
    status, out, _ = _run(capsys, "import", str(source), "--db", str(db.path), "--dry-run")
    assert status == 0 and out.startswith("Uji impor")
    assert counts(db) == before
    assert not list(tmp_path.glob("*ditolak*"))
    status, out, _ = _run(capsys, "import", str(source), "--db", str(db.path), "--create-officers", "--json")
    assert json.loads(out)["new"]["officers"] == 1
    assert db.scalar("SELECT COUNT(*) FROM officers WHERE name = 'Rahmat Hidayat'") == 1


def test_a_saved_mapping_is_used_for_a_file_whose_columns_are_not_recognised(db, seeded, tmp_path, capsys):
    sheet = tmp_path / "aneh.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Nama", "Kode Identitas", "Hari Lahir"])
    wb.active.append(["Andi Wijaya", "3522010101990006", "01-01-1999"])
    wb.save(sheet)
    mapping = tmp_path / "pemetaan.json"
    mapping.write_text(json.dumps({"rekam_upt_mapping": 1, "columns": {
        "Nama": "name", "Kode Identitas": "nik", "Hari Lahir": "birth_date"}}), encoding="utf-8")
    status, out, _ = _run(capsys, "import", str(sheet), "--db", str(db.path), "--mapping", str(mapping), "--json",
                          "--save-mapping", str(tmp_path / "lagi.json"))
    assert status == 0 and json.loads(out)["new"]["persons"] == 1
    assert json.loads((tmp_path / "lagi.json").read_text(encoding="utf-8"))["columns"]["Kode Identitas"] == "nik"


def test_a_bad_file_is_refused_with_exit_2_before_the_password_is_asked(db, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("REKAM_UPT_PASSWORD", raising=False)
    bad = tmp_path / "bukan.xlsx"
    bad.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    before = counts(db)
    status, _, err = _run(capsys, "import", str(bad), "--db", str(db.path))
    assert status == 2 and "bukan lembar kerja" in err
    assert counts(db) == before


def test_export_writes_the_workbook_records_it_and_refuses_to_overwrite_without_replace(db, seeded, tmp_path, capsys):
    target = tmp_path / "laporan.xlsx"
    status, out, err = _run(capsys, "export", "--db", str(db.path), "--month", "2026-11", "--out", str(target),
                            "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["sheets"] == ["Rekap", "Per PK", "Per Jenis Kejahatan", "Data Klien"] and data["persons"] == 1
    entry = db.query("SELECT after FROM audit_log WHERE operation = 'ekspor excel'")[0]
    after = json.loads(entry["after"])
    assert (after["what"], after["persons"], after["path"]) == ("laporan bulanan 2026-11", 1, str(target.resolve()))
    status, _, err = _run(capsys, "export", "--db", str(db.path), "--month", "2026-11", "--out", str(target))
    assert status == 2 and "--replace" in err
    status, _, _ = _run(capsys, "export", "--db", str(db.path), "--month", "2026-11", "--out", str(target),
                        "--replace", "--without-nik")
    assert status == 0
    ws = openpyxl.load_workbook(target)["Data Klien"]
    assert "NIK" not in [c.value for c in ws[6]]


def test_export_never_writes_over_the_database_and_warns_on_removable_media(db, seeded, tmp_path, capsys,
                                                                            monkeypatch):
    status, _, err = _run(capsys, "export", "--db", str(db.path), "--month", "2026-11", "--out", str(db.path),
                          "--replace")
    assert status == 2 and ("basis data" in err or ".xlsx" in err)
    from app.models import media
    monkeypatch.setattr(media, "is_removable", lambda path: True)
    status, _, err = _run(capsys, "export", "--db", str(db.path), "--month", "2026-11",
                          "--out", str(tmp_path / "usb.xlsx"))
    assert status == 0 and "media lepas-pasang" in err and "tidak terenkripsi" in err


@pytest.mark.parametrize("month", ["2026-13", "11-2026", "2026/11"])
def test_a_bad_month_is_refused(db, seeded, tmp_path, capsys, month):
    status, _, err = _run(capsys, "export", "--db", str(db.path), "--month", month, "--out", str(tmp_path / "x.xlsx"))
    assert status == 2 and "Bulan tidak valid" in err
    assert not (tmp_path / "x.xlsx").exists()
    assert date(2026, 11, 1)
