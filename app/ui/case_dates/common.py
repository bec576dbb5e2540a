"""What the parts of the case dates dialog share: one case's dates as read, colours, builders.

``CaseDates`` is what the dialog reads after every change and hands to each tab, so
no tab reads the database and all of them show the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from app.models import calculator as calc
from app.models.dates import from_iso
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.ui.widgets import DateField, setup_list_table

DATE_KEYS = calc.DATE_KEYS
# The dates an SK or a Lapas's release papers state (domain.md rule 12).
OFFICIAL_KEYS = ("expiry", "one_third", "half", "two_thirds", "parole_date", "parole_supervision_end",
                 "conditional_leave_start", "conditional_leave_end", "leave_before_release_start")

ROLE_ID = Qt.ItemDataRole.UserRole

OVERRIDE_COLOUR = "#8a5300"
DIFFERS_COLOUR = "#b00020"
SAME_COLOUR = "#2e7d32"
NOTE_STYLE = f"color: {OVERRIDE_COLOUR};"


@dataclass(frozen=True)
class CaseDates:
    """One case's dates, ledger and interruptions as stored, plus the calculator's answer.

    ``dates`` is None when nothing can be computed (life sentence, no detention start,
    stored input the calculator now refuses); ``note`` then says why.
    """

    case: dict[str, Any]
    dates: calc.SentenceDates | None
    note: str
    overridden: dict[str, tuple[date, str]]
    official: dict[str, date]
    official_source: str
    remissions: list[dict[str, Any]]
    interruptions: list[dict[str, Any]]

    def effective(self, key: str) -> date | None:
        """The date in force (after overrides)."""
        if self.dates is not None:
            return self.dates.date_of(key)
        return from_iso(self.case[key])

    def computed(self, key: str) -> date | None:
        """The calculator's date, before any override."""
        if self.dates is not None:
            return self.dates.computed.get(key)
        return from_iso(self.case[f"calc_{key}"])

    @property
    def child(self) -> bool:
        return self.case["client_class"] == "anak"


def replaced_fields(error: RekamError, aliases: dict[str, str]) -> RekamError:
    """The same errors with the calculator's or an operation's field names turned into the
    names of a form's fields, so each message lands beside the field it is about."""
    errors = error.errors if isinstance(error, ValidationErrors) else [error]
    moved = [UserInputError(e.message, field=aliases.get(e.field or "", e.field), code=e.code)
             for e in errors]
    return ValidationErrors(moved)


def date_field(name: str) -> DateField:
    field = DateField(object_name=name)
    field.edit.setMinimumWidth(105)  # "30-09-2027" stays readable when the hint is long
    return field


def list_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    setup_list_table(table)
    return table


def selected_id(table: QTableWidget) -> Any:
    """The id kept on the selected row of a list, None when no row is selected."""
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(ROLE_ID) if item else None
