"""The built program carries its data files: the wheel holds the .qm, and the program finds it there.

resources/ sits at the top of the repository, outside the ``app`` folder, and is
installed as the package ``app.resources``.  A build that forgot it would still pass
every other test (they run from the source tree) while the installed window lost its
Indonesian.  So this builds the wheel from a copy of the checkout (the repository gets
no build/ or *.egg-info), looks inside it, installs it into a folder of its own and
asks the program's own translation lookup, in a process that cannot see the source
tree, to translate a window string.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
QM = "app/resources/i18n/rekam_upt_id.qm"


def _checkout_files() -> list[str]:
    """What a fresh clone would hold (tracked files, and new ones not ignored)."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         cwd=REPO, check=True, capture_output=True, text=True).stdout
    return [name for name in out.split("\0") if name and (REPO / name).is_file()]


def _repository_state() -> dict[str, float]:
    """Top-level entries and the egg-info's files with their times: a build in the tree changes these."""
    state = {p.name: 0.0 for p in REPO.iterdir()}
    for info in REPO.glob("*.egg-info"):
        state.update({str(f.relative_to(REPO)): f.stat().st_mtime for f in info.rglob("*")})
    return state


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel, folder it was installed into), built once for this module."""
    root = tmp_path_factory.mktemp("packaging")
    source, wheels, site = root / "source", root / "wheels", root / "site"
    for name in _checkout_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    before = _repository_state()
    # Offline and with the test environment's setuptools: the suite must not need a registry.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "--quiet", "--wheel-dir", str(wheels), str(source)],
                   cwd=root, check=True, capture_output=True, text=True, timeout=600)
    assert _repository_state() == before, "building the wheel changed the repository tree"
    (wheel,) = wheels.glob("rekam_upt-*.whl")
    # A pure-Python wheel installs by unpacking it.
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return wheel, site


def test_the_wheel_carries_the_compiled_translations(built):
    wheel, _site = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert QM in names, sorted(n for n in names if not n.endswith(".py"))
        assert archive.read(QM) == (REPO / "resources" / "i18n" / "rekam_upt_id.qm").read_bytes()
    # Only what the program loads: the translators' sources stay out.
    assert not [n for n in names if n.endswith(".ts")]
    # Every file under resources/ that the program may load ships (icons and fonts when they come).
    shipped = {str(p.relative_to(REPO / "resources")) for p in (REPO / "resources").rglob("*")
               if p.is_file() and p.suffix not in (".ts", ".pyc") and "__pycache__" not in p.parts}
    assert {f"app/resources/{name}" for name in shipped} <= names


def test_the_wheel_holds_every_package_of_the_source(built):
    wheel, _site = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    packages = {str(p.parent.relative_to(REPO)) for p in (REPO / "app").rglob("__init__.py")}
    missing = sorted(p for p in packages if f"{p}/__init__.py" not in names)
    assert not missing, f"packages left out of the wheel: {missing}"
    assert "app/resources/__init__.py" in names


def test_the_installed_program_loads_indonesian_from_its_own_package(built, tmp_path):
    _wheel, site = built
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import json, sys\n"
        "from importlib.resources import files\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import app\n"
        "from app.ui.application import Translations, i18n_dir\n"
        "qapp = QApplication([])\n"
        "Translations(qapp).use('id')\n"
        "print(json.dumps({'app': app.__file__, 'resources': str(files('app.resources')),\n"
        "                  'qm': str(i18n_dir() / 'rekam_upt_id.qm'),\n"
        "                  'name': QCoreApplication.translate('PersonTableModel', 'Name'),\n"
        "                  'born': QCoreApplication.translate('PersonTableModel', 'Born')}))\n",
        encoding="utf-8")
    # Only the installed folder on the path, run from elsewhere: the source tree is out of reach
    # (the editable install's finder is only asked after the path has answered).
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(probe)], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("app", "resources", "qm"):
        assert Path(found[key]).resolve().is_relative_to(site.resolve()), (key, found[key])
        assert not Path(found[key]).resolve().is_relative_to(REPO.resolve()), (key, found[key])
    assert (found["name"], found["born"]) == ("Nama", "Lahir")
