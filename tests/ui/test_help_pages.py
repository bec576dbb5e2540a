"""F1 help pages: one per screen, Indonesian, offline, and carried by the wheel (issue 9)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from app.ui.help_pages import DEFAULT_TOPIC, HelpDialog, page_html, topic_of, topics

REPO = Path(__file__).resolve().parents[2]
# The screens an officer meets every day each have their own page.
SCREENS = {"main_window", "client_form", "duplicate_dialog", "nik_reason_dialog", "status_dialog",
           "case_dates_dialog", "officers_dialog", "preferences_dialog", "office_settings_dialog", "bin_dialog",
           "history_dialog", "audit_log_dialog"}


def test_every_daily_screen_has_a_page_in_indonesian_with_no_link_out_of_the_program():
    assert SCREENS <= set(topics())
    for topic in topics():
        html = page_html(topic)
        assert html.startswith("<h2>"), topic
        assert "http" not in html, topic  # offline: nothing to fetch
        for english in (" the ", " and ", " with "):
            assert english not in html, (topic, english)
        for link in [part.split('"')[0] for part in html.split('href="topic:')[1:]]:
            assert link in topics(), (topic, link)


def test_a_screen_without_its_own_page_gets_the_main_windows(qtbot):
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    dialog.setObjectName("a_new_screen")
    qtbot.addWidget(dialog)
    assert topic_of(dialog) == DEFAULT_TOPIC
    assert page_html("a_new_screen") == page_html(DEFAULT_TOPIC)


def test_links_between_pages_open_the_other_page(qtbot):
    from PySide6.QtCore import QUrl

    dialog = HelpDialog("main_window")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Panduan — Rekam UPT"
    dialog.browser.anchorClicked.emit(QUrl("topic:client_form"))
    assert dialog.topic == "client_form" and "Formulir klien" in dialog.browser.toPlainText()


def test_the_wheel_carries_the_help_pages_and_an_install_reads_them(tmp_path):
    pages = sorted(p.name for p in (REPO / "app/ui/help").glob("*.html"))
    assert pages
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".*_cache", "out", "screens"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"),
                            str(source)], capture_output=True, text=True, timeout=600, check=False, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("rekam_upt-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert {f"app/ui/help/{name}" for name in pages} <= names
        archive.extractall(tmp_path / "installed")
    probe = ("import sys, app.ui.help_pages as h; assert h.__file__.startswith(sys.argv[1]);"
             " print(len(h.topics()), h.page_html('client_form')[:25])")
    ran = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "installed")], capture_output=True, text=True,
                         timeout=120, check=False, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(tmp_path / "installed")})
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split()[0] == str(len(pages)) and "Formulir klien" in ran.stdout
