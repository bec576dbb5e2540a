"""Helpers for the print-out tests: a demo file, PDFs read back with their text and positions."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import datetime
from pathlib import Path

import pdfplumber

from app.models.storage import Database
from app.operations.auth import login
from conftest import PASSWORD, TODAY

NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 9, 30)
REGISTER_RE = re.compile(r"\b\d+/[A-Z]+/\d{4}\b")


def demo_db(folder: Path, clients: int = 300, unit_kind: str = "bapas") -> Database:
    """A small demo file (made by the demo's own code), opened and logged in."""
    from app.operations.demo import generate_demo

    path = folder / f"demo-{unit_kind}.sqlite3"
    generate_demo(path, clients=clients, seed=3, today=TODAY, password=PASSWORD, unit_kind=unit_kind, workers=0)
    db = Database.open(path)
    login(db, PASSWORD)
    return db


def pdf_pages(data: bytes) -> list[dict]:
    """Each page's size, text, characters (with positions) and drawn lines."""
    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            pages.append({"width": float(page.width), "height": float(page.height),
                          "text": page.extract_text() or "", "chars": page.chars, "lines": page.lines,
                          "rects": page.rects, "words": page.extract_words(keep_blank_chars=False)})
    return pages


def render_png(data: bytes, folder: Path, page: int = 1, dpi: int = 200) -> Path:
    pdf = folder / "page.pdf"
    pdf.write_bytes(data)
    prefix = folder / f"page{page}"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True)
    return prefix.with_suffix(".png")


def vertical_rules(page: dict) -> list[float]:
    """x of the table's vertical rules on a page (cell borders)."""
    xs = {round(ln["x0"], 1) for ln in page["lines"] if abs(ln["x0"] - ln["x1"]) < 0.01}
    for r in page["rects"]:
        xs.update({round(r["x0"], 1), round(r["x1"], 1)})
    return sorted(xs)


def cell_around(page: dict, x: float) -> tuple[float, float]:
    rules = vertical_rules(page)
    left = max(v for v in rules if v <= x)
    right = min(v for v in rules if v > x)
    return left, right


def card_texts(data: bytes) -> list[str]:
    """The text of each card in print order: on a landscape sheet of two, the left one, then the right."""
    texts = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            if page.width > page.height:
                for box in ((0, 0, page.width / 2, page.height), (page.width / 2, 0, page.width, page.height)):
                    text = page.crop(box).extract_text() or ""
                    if "KARTU BIMBINGAN" in text:
                        texts.append(text)
            else:
                texts.append(page.extract_text() or "")
    return texts
