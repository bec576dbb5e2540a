"""The domain and report layers import no Qt, so the command line and the kill test stay light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_reports_and_operations_do_not_import_qt_or_the_ui():
    offenders = []
    for folder in ("app/models", "app/reports", "app/operations"):
        for path in (ROOT / folder).rglob("*.py"):
            bad = {n for n in _imports(path) if n.startswith(("PySide6", "shiboken6", "app.ui", "app.lockfile"))}
            if bad:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert not offenders


def test_importing_every_domain_module_loads_no_qt():
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts) for folder in ("app/models", "app/reports",
               "app/operations") for p in (ROOT / folder).rglob("*.py")]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
