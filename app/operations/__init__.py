"""Operations: every change a person can make, shared by the window and the command line.

Each operation runs in one transaction, writes its audit entry, and returns an
``OpChanges`` saying what it changed so views can decide whether to refresh
(changes are announced, not polled).  Nothing here imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpChanges:
    """What an operation changed."""

    persons: frozenset[int] = frozenset()
    officers: bool = False
    settings: bool = False
    lists: bool = False       # group membership or counts may have changed
    everything: bool = False  # a restore, a new file: reload all
    # wajib lapor (issue 10): visits, excuses, steps, notes or photos changed: the "Perlu perhatian"
    # counts, the check-in panel, timelines and the dashboard follow; the table's rows do not change.
    reporting: bool = False

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(self.persons | other.persons, self.officers or other.officers,
                         self.settings or other.settings, self.lists or other.lists,
                         self.everything or other.everything, self.reporting or other.reporting)

    @property
    def any(self) -> bool:
        return bool(self.persons or self.officers or self.settings or self.lists or self.everything
                    or self.reporting)


@dataclass(frozen=True)
class OpResult:
    """An operation's outcome: what changed, and the id of what it created, if any."""

    changes: OpChanges = field(default_factory=OpChanges)
    id: int | None = None
    info: dict = field(default_factory=dict)
