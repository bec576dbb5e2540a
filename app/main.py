"""Entry point: ``rekam-upt`` opens the window; ``rekam-upt <command>`` works without one."""

from __future__ import annotations

import os
import sys

from app.models.i18n import tr


def _no_display() -> bool:
    """True on Linux/BSD when no display is reachable (Qt would abort with a platform error)."""
    if sys.platform.startswith(("win", "darwin")):
        return False
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from app.cli import is_command, run

    if is_command(argv) or any(a in ("-h", "--help") for a in argv):
        return run(argv)
    if _no_display():
        sys.stderr.write(tr(
            "Tidak ada layar (DISPLAY/WAYLAND_DISPLAY tidak disetel): jendela Rekam UPT tidak bisa dibuka. "
            "Perintah tanpa jendela tetap bisa dipakai, mis. 'rekam-upt check --db BERKAS'.",
            "No display (DISPLAY/WAYLAND_DISPLAY not set): the Rekam UPT window cannot open. "
            "Commands without a window still work, e.g. 'rekam-upt check --db FILE'.") + "\n")
        return 2
    from app.ui.application import run_window

    return run_window(argv)


if __name__ == "__main__":
    sys.exit(main())
