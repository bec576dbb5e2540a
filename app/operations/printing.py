"""Recording print-outs: personal data that left the program on paper or in a file (issue 11).

Printing reads; it changes nothing but this record.  Once a document has been sent to
a printer or saved, ``record_output`` writes one audit entry saying what it was, how
many persons it named, and where it went (UU 27/2022: who saw which personal data).
A guidance card also stamps its program (``card_printed_at``, ``card_print_count``), so
"cards never printed" can be chosen and a second print says PENGGANTI; a letter is
entered on its client's history (the audit entry carries the person).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.models.storage import Database, id_ranges, now_text
from app.operations import OpChanges, OpResult

# For a document about one person the entry is on that person's history.
_ONE = 1


def record_output(db: Database, *, document: str, kind: str, person_ids: Iterable[int], target: str,
                  pages: int = 0, card_program_ids: Iterable[int] = (), replacement: bool = False,
                  details: dict[str, Any] | None = None) -> OpResult:
    """One audit entry for a printed or saved document; cards also stamp their programs.

    ``kind``: "cetak" (sent to a printer) or "simpan" (saved as a file); ``target`` is the
    printer's name or the file's path.  One transaction.
    """
    persons = sorted(set(int(p) for p in person_ids))
    cards = [int(p) for p in card_program_ids]
    after: dict[str, Any] = {"document": document, "to": target, "persons": len(persons),
                             "person_ids": id_ranges(persons), "pages": pages}
    if cards:
        after["cards"] = len(cards)
        if replacement:
            after["replacement"] = True
    if details:
        after.update(details)
    operation = "cetak dokumen" if kind == "cetak" else "simpan dokumen"
    with db.transaction() as conn:
        if cards:
            stamp = now_text()
            conn.executemany("UPDATE programs SET card_printed_at = ?, card_print_count = card_print_count + 1"
                             " WHERE id = ?", [(stamp, pid) for pid in cards])
        db.audit(operation, "document", None, after=after,
                 person_id=persons[0] if len(persons) == _ONE else None)
    # Only the details of one person show what was printed; a batch changes no view.
    changed = frozenset(persons) if len(persons) == _ONE else frozenset()
    return OpResult(OpChanges(persons=changed), info={"persons": len(persons), "cards": len(cards)})


def save_paper_settings(db: Database, values: dict[str, Any]) -> OpResult:
    """The letterhead lines, the office's phone and e-mail, the head's rank and title, the legal
    basis kinds: settings row "paper" (the office dialog keeps the rest of the letterhead)."""
    from app.models.errors import UserInputError, ValidationErrors
    from app.models.i18n import tr
    from app.reports.paper.base import paper_settings

    current = paper_settings(db)
    clean = dict(current)
    for key in ("phone", "email", "head_rank", "head_title"):
        if key in values:
            clean[key] = " ".join(str(values[key] or "").split())
    errors = []
    if "letterhead" in values:
        lines = [" ".join(str(line).split()) for line in values["letterhead"] or []]
        clean["letterhead"] = [line for line in lines if line]
        if len(clean["letterhead"]) > 6:
            errors.append(UserInputError(tr("Kop surat paling banyak 6 baris.", "At most 6 letterhead lines."),
                                         field="paper.letterhead"))
    if "basis_kinds" in values:
        kinds, seen = [], set()
        for code, label in values["basis_kinds"] or []:
            code, label = " ".join(str(code).split()), " ".join(str(label).split())
            if not code or not label:
                errors.append(UserInputError(tr("Setiap jenis dasar hukum perlu kode dan nama (kode = nama).",
                                                "Each legal basis kind needs a code and a name (code = name)."),
                                             field="paper.basis_kinds"))
                break
            if code in seen:
                errors.append(UserInputError(tr("Kode dasar hukum {c} dipakai dua kali.",
                                                "Legal basis code {c} is used twice.", c=code),
                                             field="paper.basis_kinds"))
                break
            seen.add(code)
            kinds.append([code, label])
        clean["basis_kinds"] = kinds
    if clean.get("email") and "@" not in clean["email"]:
        errors.append(UserInputError(tr("Alamat pos-el tidak valid.", "The e-mail address is not valid."),
                                     field="paper.email"))
    if errors:
        raise ValidationErrors(errors)
    with db.transaction():
        db.set_setting("paper", clean)
        db.audit("ubah pengaturan cetak", "settings", None, before=current, after=clean)
    return OpResult(OpChanges(settings=True))
