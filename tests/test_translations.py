"""Indonesian is complete and the compiled .qm matches its .ts."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402


def test_every_string_in_the_window_has_an_indonesian_translation(tmp_path):
    ts = tmp_path / "rekam_upt_id.ts"
    shutil.copy(i18n.TS, ts)
    i18n.lupdate(ts)  # what the source asks for now, merged with what is translated
    missing = i18n.unfinished(ts)
    assert not missing, f"{len(missing)} unfinished Indonesian entries, e.g. {missing[:5]}; run tools/i18n.py update"
    assert ts.read_text(encoding="utf-8") == i18n.TS.read_text(encoding="utf-8"), \
        "the committed .ts is not what lupdate makes from the source: run tools/i18n.py update"


def test_compiled_translations_are_up_to_date(tmp_path):
    # A fresh checkout gives every file the same age, so compare contents, not times.
    qm = tmp_path / "rekam_upt_id.qm"
    i18n.lrelease(i18n.TS, qm)
    assert i18n.QM.exists(), "resources/i18n/rekam_upt_id.qm is missing: run tools/i18n.py release"
    assert qm.read_bytes() == i18n.QM.read_bytes(), "the .qm is older than its .ts: run tools/i18n.py release"
