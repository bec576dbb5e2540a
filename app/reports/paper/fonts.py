"""The embedded font of every print-out: DejaVu Sans, shipped inside the package.

Shipping the font (with its licence, fonts/LICENSE-DejaVu.txt) means a name with an
apostrophe or an accented letter prints the same on every machine, whatever fonts
Windows has.  reportlab embeds only the glyphs used (a subset), so files stay small.
"""

from __future__ import annotations

import threading
from importlib.resources import files

SANS = "RekamSans"
SANS_BOLD = "RekamSans-Bold"
COND = "RekamSansCondensed"          # tables: more characters per column
COND_BOLD = "RekamSansCondensed-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    COND: "DejaVuSansCondensed.ttf",
    COND_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces with reportlab once per process (thread-safe: print runs in a worker)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab import rl_config
        from reportlab.lib.fonts import addMapping

        # Compressed streams stay binary: ASCII85 would only make them a quarter bigger and slower.
        rl_config.useA85 = 0
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = files("app.reports.paper") / "fonts"
        for name, filename in _FILES.items():
            with (folder / filename).open("rb") as fh:
                pdfmetrics.registerFont(TTFont(name, fh))
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(COND, 0, 0, COND)
        addMapping(COND, 1, 0, COND_BOLD)
        _registered = True


def bold(font: str) -> str:
    return {SANS: SANS_BOLD, COND: COND_BOLD}.get(font, font)
