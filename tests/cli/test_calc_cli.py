"""``rekam-upt calc`` through the dispatcher (app.cli.run) with captured output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import app.cli

WORKED = ["calc", "--start", "2024-03-01", "--sentence", "3y",
          "--remission", "2025-08-17:2m:umum", "--remission", "2025-12-25:1m:khusus",
          "--today", "2026-01-15"]


@pytest.fixture(autouse=True)
def only_calc(monkeypatch: pytest.MonkeyPatch) -> None:
    # The dispatcher imports every command module; other commands are written by
    # other people at the same time, so these tests load calc alone.
    monkeypatch.setattr(app.cli, "COMMANDS", {"calc": app.cli.COMMANDS["calc"]})


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict]:
    status = app.cli.run(argv + ["--json"])
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1, captured.out
    return status, json.loads(lines[0])


def test_worked_example_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, data = run_json(capsys, WORKED)
    assert status == 0
    assert data["ok"] is True
    expected = {
        "expiry_initial": "2027-03-01", "expiry": "2026-12-01", "one_third": "2025-02-24",
        "half": "2025-08-17", "two_thirds": "2025-12-21", "parole_eligible": True,
        "parole_date": "2025-12-21", "parole_supervision_end": "2027-12-01",
        "conditional_leave_eligible": False, "conditional_leave_start": None,
        "conditional_leave_end": None, "leave_before_release_start": "2026-11-01",
        "assimilation_date": "2025-08-17",
    }
    assert {k: data[k] for k in expected} == expected
    assert set(data) == set(expected) | {"ok", "breakdown", "conditions"}
    assert all(set(s) == {"key", "label", "value", "rule", "source"} for s in data["breakdown"])
    assert data["conditions"]


def test_text_mode_prints_an_indonesian_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.cli.run(WORKED) == 0
    out = capsys.readouterr().out
    assert "1 Desember 2026" in out
    assert "21 Desember 2025" in out
    assert "24 Februari 2025" in out
    assert "Ekspirasi awal" in out and "1 Maret 2027" in out
    assert "Rincian perhitungan" in out and "KUHP Pasal 97" in out
    assert "2025-12-01" not in out  # dates are written the Indonesian way
    # The value column of the table (before the breakdown) is aligned.
    table = out.split("Rincian perhitungan")[0]
    rows = re.finditer(r"^  (\S.*?)\s{2,}(\S.*)$", table, re.M)
    columns = {m.start(2) - m.start(0) for m in rows}
    assert len(columns) == 1
    assert "Berhak PB" in table and "ya" in table


def test_bad_duration_is_exit_2_with_one_line_on_stderr(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert app.cli.run(["calc", "--start", "2024-03-01", "--sentence", "3x"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "3x" in captured.err and "Lama pidana tidak valid" in captured.err


def test_error_with_json_is_a_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    status, data = run_json(capsys, ["calc", "--start", "2024-03-01", "--sentence", "3x"])
    assert status == 2
    assert data["ok"] is False
    assert data["exit_status"] == 2
    assert "3x" in data["error"]["message"]


@pytest.mark.parametrize("argv, text", [
    (["--start", "2024-03-01", "--sentence", "3y", "--today", "2024-02-01"], "hari ini"),
    (["--start", "2024-03-01", "--sentence", "3y", "--remission", "2027-03-02:1m:umum"],
     "ekspirasi awal"),
    (["--start", "2025-02-30", "--sentence", "3y"], "2025-02-30"),
    (["--start", "2024-03-01", "--sentence", "3y", "--city-detention-days", "-5"], "negatif"),
    (["--start", "2024-03-01", "--sentence", "3y", "--house-detention-days", "abc"], "abc"),
    (["--start", "2024-03-01", "--sentence", "3y", "--fine", "-1"], "negatif"),
    (["--start", "2024-03-01", "--sentence", "3y", "--remission", "2025-08-17"], "Remisi"),
    (["--start", "2024-03-01", "--sentence", "3y", "--remission", "2025-08-17:2m:bonus"],
     "bonus"),
    (["--start", "2024-03-01", "--sentence", "3y", "--remission", "2025-08-17:0d"], "nol"),
    (["--start", "2024-03-01", "--sentence", "3y", "--interruption", "2024-05-01"],
     "Penangguhan"),
    (["--start", "2024-03-01", "--sentence", "3y",
      "--interruption", "2024-05-10:2024-05-01"], "Penangguhan"),
    (["--start", "2024-03-01"], "Lama pidana wajib"),
    (["--sentence", "3y"], "--start"),
    (["--start", "2024-03-01", "--life", "--sentence", "3y"], "seumur hidup"),
    (["--start", "2024-03-01", "--sentence", "3y", "--month-end", "nearest"], "nearest"),
    (["--start", "2024-03-01", "--sentence", "3y", "--override", "release=2026-01-01"],
     "release"),
    (["--start", "9999-06-01", "--sentence", "1y", "--today", "9999-12-31"], "jangkauan"),
    (["--start", "9999-01-01", "--sentence", "11m", "--today", "9999-12-31",
      "--interruption", "9999-02-01:9999-03-31"], "jangkauan"),
    (["--start", "9998-01-01", "--sentence", "1y6m", "--today", "9999-12-31"], "jangkauan"),
])
def test_bad_input_is_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                             text: str) -> None:
    assert app.cli.run(["calc", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert text in captured.err


def test_life_sentence_has_no_dates(capsys: pytest.CaptureFixture[str]) -> None:
    status, data = run_json(capsys, ["calc", "--start", "2024-03-01", "--life",
                                     "--today", "2026-01-01"])
    assert status == 0
    assert data["expiry"] is None and data["parole_eligible"] is False
    assert "seumur hidup" in data["breakdown"][0]["rule"]


def test_options_reach_the_calculator(capsys: pytest.CaptureFixture[str]) -> None:
    # Officer's 2/3 moves PB; the remission total from an SK replaces the ledger.
    _, data = run_json(capsys, WORKED + ["--override", "two_thirds=2026-11-15"])
    assert data["parole_date"] == "2026-11-15"
    assert data["leave_before_release_start"] == "2026-11-15"
    assert any(s["key"] == "override:two_thirds" for s in data["breakdown"])
    _, data = run_json(capsys, ["calc", "--start", "2024-03-01", "--sentence", "3y",
                                "--remission-total", "3m", "--today", "2026-01-01"])
    assert data["expiry"] == "2026-12-01" and data["half"] == "2025-08-23"
    # 31 Jan + 1 month: 28 Feb (clamp, the default) or 3 Mar (overflow).
    base = ["calc", "--start", "2025-01-31", "--sentence", "1m", "--today", "2025-02-01"]
    assert run_json(capsys, base)[1]["expiry_initial"] == "2025-02-28"
    assert run_json(capsys, base + ["--month-end", "overflow"])[1]["expiry_initial"] == \
        "2025-03-03"
    # Unpaid fine: the subsider is served after the expiry.
    _, data = run_json(capsys, ["calc", "--start", "2024-03-01", "--sentence", "1y",
                                "--fine", "5000000", "--subsider", "3m", "--fine-unpaid",
                                "--today", "2026-01-01"])
    assert data["expiry"] == "2025-06-01" and data["expiry_initial"] == "2025-03-01"
    # Credit, a child, consecutive sentences, an interruption, an offence.
    _, data = run_json(capsys, ["calc", "--start", "2024-03-01", "--sentence", "6m",
                                "--sentence", "6m", "--city-detention-days", "50",
                                "--house-detention-days", "10", "--child",
                                "--interruption", "2024-04-01:2024-04-13",
                                "--offence", "Terorisme", "--today", "2026-01-01"])
    assert data["expiry_initial"] == "2025-03-01"  # 1 Mar 2025 - 13 credit + 13 out
    assert data["parole_date"] == data["half"]
    assert any("deradikalisasi" in c for c in data["conditions"])


def test_calc_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    cwd, home = tmp_path / "cwd", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    monkeypatch.chdir(cwd)
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                "XDG_STATE_HOME", "APPDATA", "LOCALAPPDATA"):
        monkeypatch.setenv(var, str(home))
    monkeypatch.setenv("REKAM_UPT_DATA_DIR", str(home / "data"))  # the program's data folder
    assert app.cli.run(WORKED) == 0
    assert app.cli.run(WORKED + ["--json"]) == 0
    assert app.cli.run(["calc", "--start", "2024-03-01", "--sentence", "3x"]) == 2
    capsys.readouterr()
    assert list(cwd.iterdir()) == []
    assert list(home.iterdir()) == []


# --- impossible or overflowing input: exit 2, one line naming the limit, also in JSON ----

BASE = ["calc", "--start", "2024-03-01", "--sentence", "1y", "--today", "2026-01-01"]


def run_both(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[str, str]:
    """The error line in text mode (stderr, nothing on stdout) and in JSON mode."""
    assert app.cli.run(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in captured.err
    status, data = run_json(capsys, argv)
    assert status == 2 and data["ok"] is False and data["exit_status"] == 2
    assert data["error"]["message"] == lines[0]
    return lines[0], data["error"]["message"]


@pytest.mark.parametrize("extra, limit", [
    (["--remission-total", "3000y"], "Paling banyak 364 hari"),
    (["--remission-total", "2y"], "Paling banyak 364 hari"),
    (["--remission-total", "365d"], "Paling banyak 364 hari"),
    (["--remission-total", "999999999d"], "paling banyak 99.999"),
    (["--remission-total", "9" * 5000 + "d"], "paling banyak 99.999"),
    (["--sentence", "999999999y"], "paling banyak 99.999"),
    (["--sentence", "99999y"], "setelah tahun 9999"),
    (["--city-detention-days", "9" * 5000], "paling banyak 9.999"),
    (["--house-detention-days", "10000"], "paling banyak 9.999"),
    (["--fine", "1" + "0" * 15], "paling banyak 999.999.999.999.999"),
    (["--subsider", "100000m"], "paling banyak 99.999"),
    (["--remission", "2024-08-17:999999999d"], "paling banyak 99.999"),
])
def test_overflow_is_exit_2_naming_the_limit(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             extra: list[str], limit: str) -> None:
    monkeypatch.chdir(tmp_path)
    line, _ = run_both(capsys, BASE + extra)
    assert limit in line
    assert list(tmp_path.iterdir()) == []  # calc writes nothing, even on failure


def test_remission_total_that_reaches_the_sentence_is_refused_with_its_numbers(
        capsys: pytest.CaptureFixture[str]) -> None:
    line, _ = run_both(capsys, BASE + ["--remission-total", "2y"])
    assert line.startswith("Jumlah remisi dari SK 720 hari")
    assert "365 hari" in line and "tanggal mulai ditahan" in line
    # One day less than the sentence is still a case: the expiry is the day after the start.
    _, data = run_json(capsys, BASE + ["--remission-total", "364d"])
    assert data["expiry"] == "2024-03-02"


def test_three_thousand_identical_remissions_are_refused(
        capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["calc", "--start", "2024-03-01", "--sentence", "10y", "--today", "2026-01-01"]
    argv += ["--remission", "2025-08-17:1d:umum"] * 3000
    line, _ = run_both(capsys, argv)
    assert "3000 kali" in line


def test_a_date_past_9999_names_its_real_cause(capsys: pytest.CaptureFixture[str]) -> None:
    line, _ = run_both(capsys, ["calc", "--start", "9000-01-01", "--sentence", "999y",
                                "--today", "9999-01-01"])
    assert line.startswith("Akhir masa percobaan PB di luar jangkauan")
    assert "ekspirasi 9999-01-01 + 1 tahun" in line
    assert "9999-01-01 + 1y" not in line
    line, _ = run_both(capsys, ["calc", "--start", "9999-06-01", "--sentence", "1y",
                                "--today", "9999-12-31"])
    assert line.startswith("Ekspirasi awal di luar jangkauan: 9999-06-01 + 1y")
    line, _ = run_both(capsys, ["calc", "--start", "9999-01-01", "--sentence", "11m",
                                "--interruption", "9999-02-01:9999-03-31",
                                "--today", "9999-12-31"])
    assert line.startswith("Ekspirasi awal di luar jangkauan: 9999-01-01 + 11m + 59 hari")
    line, _ = run_both(capsys, ["calc", "--start", "9999-01-01", "--sentence", "6m",
                                "--fine", "1000", "--subsider", "7m", "--fine-unpaid",
                                "--today", "9999-12-31"])
    assert line.startswith("Ekspirasi dengan subsider di luar jangkauan")


def test_capped_dates_are_marked_in_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["calc", "--start", "2024-03-01", "--sentence", "3y", "--remission-total", "400d",
            "--today", "2026-01-01"]
    assert app.cli.run(argv) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.strip().startswith("2/3 masa pidana"))
    assert "25 Januari 2026" in row and "dibatasi pada ekspirasi" in row
    assert "PERINGATAN" in out and "19 Februari 2026 → 25 Januari 2026" in out
    _, data = run_json(capsys, argv)
    assert any(s["key"] == "fractions_capped" for s in data["breakdown"])


@pytest.mark.parametrize("digit", ["٣", "३", "３"])
@pytest.mark.parametrize("option, value", [
    ("--start", "202{d}-03-01"), ("--sentence", "{d}y"), ("--today", "2026-01-0{d}"),
    ("--remission", "2025-08-1{d}:2m"), ("--remission", "2025-08-17:{d}m"),
    ("--remission-total", "{d}m"), ("--interruption", "2024-05-0{d}:2024-05-10"),
    ("--city-detention-days", "{d}0"), ("--house-detention-days", "1{d}"),
    ("--fine", "{d}000"), ("--subsider", "{d}m"), ("--override", "expiry=2026-0{d}-01"),
])
def test_only_ascii_digits_are_accepted(capsys: pytest.CaptureFixture[str], option: str,
                                        value: str, digit: str) -> None:
    argv = ["calc", "--start", "2024-03-01", "--sentence", "3y", "--today", "2026-01-15"]
    if option in ("--start", "--sentence", "--today"):
        i = argv.index(option)
        argv[i + 1] = value.format(d=digit)
    else:
        argv += [option, value.format(d=digit)]
    line, _ = run_both(capsys, argv)
    assert "hanya angka 0-9 yang diterima" in line and f"'{digit}'" in line
