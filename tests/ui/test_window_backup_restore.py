"""Back up and restore from the window, through the session's operations (issue 8, "Untested").

Berkas › Cadangkan sekarang writes the backup in a read task on a connection of its own;
Berkas › Pulihkan closes every connection of the window, lets app.operations.session
replace the file, and binds the window again to the restored data, logged in.
"""

from __future__ import annotations

from pathlib import Path

from conftest import PASSWORD, TODAY
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFileDialog
from safety_data import add_client, populate
from uikit import make_window, on_modal

from app.models import backup, crypto, storage
from app.models.queries import Queries
from app.operations import officers
from app.models.domain import OfficerInput
from app.ui import backup_dialogs


def test_back_up_now_writes_an_encrypted_backup_of_this_database_in_the_background(qtbot, db, tmp_path,
                                                                                   monkeypatch):
    populate(db, 3)
    window = make_window(qtbot, db, PASSWORD, TODAY)
    target = tmp_path / "flashdisk" / "cadangan.rkbak"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    told: list[str] = []
    monkeypatch.setattr(backup_dialogs, "inform", lambda _parent, _title, text: told.append(text))

    def accept(dialog: QDialog) -> None:
        assert dialog.findChild(QCheckBox, "encrypt_check").isChecked()  # encrypted unless asked not to
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(accept, name="backup_options")
    window.backup_now()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told == [f"Cadangan ditulis ke {target} (terenkripsi)."]
    assert crypto.is_encrypted(target)
    assert crypto.header_database_id(target) == storage.database_id(db)
    info = backup.inspect_backup(target, PASSWORD)
    assert info.persons == 3


def test_restore_replaces_the_data_and_the_window_follows_logged_in(qtbot, db, tmp_path, monkeypatch):
    populate(db, 3)
    earlier = backup.backup_to(db, tmp_path / "cadangan.sqlite3")
    add_client(db, 3), add_client(db, 4)  # two more persons after the backup
    window = make_window(qtbot, db, PASSWORD, TODAY)
    assert window.model.rowCount() == 5
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(earlier), ""))
    monkeypatch.setattr(backup_dialogs, "confirm", lambda *_a, **_k: True)
    told: list[str] = []
    monkeypatch.setattr(backup_dialogs, "inform", lambda _parent, _title, text: told.append(text))

    def choose(dialog: QDialog) -> None:
        dialog._choose_file()
        dialog.accept()

    on_modal(choose, name="restore_dialog")
    window.restore_backup()
    assert told and "dipulihkan" in told[0]
    assert window.model.rowCount() == 3  # the window reads the restored file
    assert Queries(window.db).everyone() == 3
    # Still logged in: a change is written and signed by the restored file's trail.
    window.ops.call(lambda w: officers.add_officer(w, OfficerInput(name="Agus Salim",
                                                                   nip="197901022005011003")))
    assert "Agus Salim" in [o["name"] for o in Queries(window.db).officers()]
    # The file replaced was kept first, as a backup beside the others.
    assert any(e.reason == "sebelum-pulih" for e in backup.list_backups(Path(window.session.path)))
