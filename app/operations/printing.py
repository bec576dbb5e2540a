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
