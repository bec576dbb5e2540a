"""The entry form's two questions about a person: a NIK that disagrees, and a likely duplicate.

Both need the officer's reason before anything unusual is saved (issue 9): the
operation (app/operations/clients.py) refuses a second person beside a look-alike
without one, and these dialogs say why and show what to compare.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.models.dates import format_date, from_iso
from app.models.domain import PersonInput
from app.models.identity import normalise_digits
from app.models.queries import Queries
from app.models.storage import Database
from app.ui.labels import status_label
from app.ui.widgets import HINT_STYLE, ErrorLabel, date_text, keep_dates_whole, note

DIFFERS_BACKGROUND = QColor("#fff3cd")


class NikReasonDialog(QDialog):
    """The NIK disagrees with the birth date or sex: the officer confirms with a reason."""

    def __init__(self, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("nik_reason_dialog")
        self.setWindowTitle(self.tr("Check the NIK"))
        layout = QVBoxLayout(self)
        text = QLabel(keep_dates_whole("\n".join(f"• {p}" for p in problems)))
        text.setObjectName("nik_problems_label")
        text.setWordWrap(True)
        layout.addWidget(text)
        explanation = note(self.tr("The civil registry does not reissue a NIK when a birth date is corrected. "
                                   "If the NIK is right as written, say why (e.g. 'as on the KTP; birth date "
                                   "corrected by court ruling')."), name="nik_reason_note")
        layout.addWidget(explanation)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("nik_reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("Reason"))
        layout.addWidget(self.reason_edit)
        self.error = ErrorLabel(self, object_name="nik_reason_error")
        # The line keeps its room while empty: the text above never has to make way for it.
        self.error.setMinimumHeight(self.error.fontMetrics().lineSpacing() * 2)
        self.error.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error.show()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("NIK is right, save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("nik_confirm_button")
        back = buttons.addButton(self.tr("Go back and correct"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("nik_back_button")
        back.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason_edit.textChanged.connect(self._on_reason_edited)
        self.setMinimumWidth(520)
        self.reason_edit.setFocus()

    def _on_reason_edited(self, _text: str) -> None:
        if self.reason():
            self.error.setText("")

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.setText(self.tr("Write the reason first."))
            self.reason_edit.setFocus()
            return
        super().accept()


def _sex(code: str | None) -> str:
    from PySide6.QtCore import QCoreApplication
    if code == "L":
        return QCoreApplication.translate("DuplicateDialog", "Male")
    if code == "P":
        return QCoreApplication.translate("DuplicateDialog", "Female")
    return ""


class DuplicateDialog(QDialog):
    """A similar person exists: compare side by side, then use them (enter once) or create a new person.

    A new person needs a reason ("Buat orang baru" stays disabled until one is written);
    one NIK always belongs to one person, so a same-NIK match can only be used.
    """

    USE_EXISTING, CREATE_NEW = 2, 3

    def __init__(self, candidates: list[dict[str, Any]], parent: QWidget | None = None, *,
                 entered: PersonInput | None = None, db: Database | None = None):
        super().__init__(parent)
        self.setObjectName("duplicate_dialog")
        self.setWindowTitle(self.tr("This person may already be registered"))
        self.candidates = candidates
        self.entered = entered or PersonInput()
        self.queries = Queries(db) if db is not None else None
        self.same_nik = any(c["reason"] == "nik" for c in candidates)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("A person with the same NIK, or the same name and date of birth, is already "
                               "registered. Compare them: fields that differ are marked. If it is the same "
                               "person, add the case to them (each person is entered once)."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.list = QListWidget()
        self.list.setObjectName("duplicate_list")
        for c in candidates:
            why = self.tr("same NIK") if c["reason"] == "nik" else self.tr("same name and date of birth")
            where = self.tr(" — in the bin") if c.get("deleted_at") else ""
            text = f"{c['name']}  ·  {c['nik'] or '–'}  ·  {format_date(from_iso(c['birth_date']))}  ({why}){where}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.list.addItem(item)
        # One look-alike needs no list to choose from; several do.
        self.list.setVisible(len(candidates) > 1)
        self.list.setMaximumHeight(self.list.sizeHintForRow(0) * min(len(candidates), 4) + 8)
        layout.addWidget(self.list)

        self.compare = QTableWidget(0, 2)
        self.compare.setObjectName("duplicate_compare")
        self.compare.setHorizontalHeaderLabels([self.tr("Already registered"), self.tr("What you entered")])
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compare.setWordWrap(True)
        self.compare.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compare.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # As tall as its rows: the decision below stays in view, with no empty grey under the table.
        self.compare.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.compare.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.compare.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.compare)
        self.differs_label = QLabel()
        self.differs_label.setObjectName("duplicate_differs_label")
        self.differs_label.setWordWrap(True)
        self.differs_label.setStyleSheet("color: #8a5300; font-weight: bold;")
        layout.addWidget(self.differs_label)

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("duplicate_reason_edit")
        self.reason_edit.setPlaceholderText(self.tr("Why is this a different person? (needed for a new person)"))
        self.reason_hint = QLabel()
        self.reason_hint.setObjectName("duplicate_reason_hint")
        self.reason_hint.setStyleSheet(HINT_STYLE)
        self.reason_hint.setWordWrap(True)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_hint)

        row = QHBoxLayout()
        use = QPushButton(self.tr("Use the existing person"))
        use.setObjectName("use_existing_button")
        use.setDefault(True)
        self.new_button = QPushButton(self.tr("Create a new person"))
        self.new_button.setObjectName("create_new_button")
        cancel = QPushButton(self.tr("Back to the form"))
        cancel.setObjectName("duplicate_cancel_button")
        row.addWidget(use)
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        use.clicked.connect(lambda: self.done(self.USE_EXISTING))
        self.new_button.clicked.connect(self._create_new)
        cancel.clicked.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_new_button)
        self.list.currentRowChanged.connect(self._show_candidate)
        self.list.setCurrentRow(0)
        self._show_candidate(0)
        self._update_new_button()
        if self.same_nik:
            self.reason_edit.setEnabled(False)
        self.resize(780, min(self.sizeHint().height() + 20, 700))

    # -- the comparison --------------------------------------------------------------------
    def _existing(self, candidate: dict[str, Any]) -> dict[str, Any]:
        full = self.queries.person(candidate["id"]) if self.queries is not None else None
        return {**candidate, **(full or {})}

    def _programs_text(self, person_id: int) -> str:
        if self.queries is None:
            return ""
        lines = []
        for p in self.queries.programs_of(person_id):
            period = f"{date_text(from_iso(p['start_date']), '–')} – {date_text(from_iso(p['end_date']), '–')}"
            lines.append(f"{p['kind_code']} {p['register_number'] or ''} · {status_label(p['status'])} · {period}")
        return "\n".join(lines) or self.tr("no program")

    def rows(self, candidate: dict[str, Any]) -> list[tuple[str, str, str]]:
        """(field, existing, entered) for the comparison table."""
        e, p = self._existing(candidate), self.entered
        return [
            (self.tr("Name"), e.get("name") or "", " ".join(p.name.split())),
            (self.tr("Alias"), e.get("alias") or "", p.alias.strip()),
            (self.tr("NIK"), e.get("nik") or "", normalise_digits(p.nik)),
            (self.tr("Sex"), _sex(e.get("sex")), _sex(p.sex)),
            (self.tr("Place of birth"), e.get("birth_place") or "", p.birth_place.strip()),
            (self.tr("Date of birth"), format_date(from_iso(e.get("birth_date")), ""), format_date(p.birth_date, "")),
            (self.tr("Nationality"), e.get("nationality") or "", p.nationality.strip()),
            (self.tr("Address"), e.get("address") or "", p.address.strip()),
            (self.tr("Phone"), e.get("phone") or "", p.phone.strip()),
            (self.tr("Programs"), self._programs_text(candidate["id"]), self.tr("(the new case)")),
        ]

    def _show_candidate(self, index: int) -> None:
        if not 0 <= index < len(self.candidates):
            return
        candidate = self.candidates[index]
        rows = self.rows(candidate)
        self.compare.setRowCount(len(rows))
        bold = QFont(self.compare.font())
        bold.setBold(True)
        self.differing: list[str] = []
        for r, (label, existing, entered) in enumerate(rows):
            header = QTableWidgetItem(label)
            self.compare.setVerticalHeaderItem(r, header)
            # Both filled and different: worth a look.  (An empty side says nothing either way.)
            differs = (r < len(rows) - 1 and bool(existing) and bool(entered)
                       and existing.casefold() != entered.casefold())
            for c, text in enumerate((existing, entered)):
                item = QTableWidgetItem(text or "–")
                if differs:
                    item.setBackground(QBrush(DIFFERS_BACKGROUND))
                    item.setFont(bold)
                    item.setToolTip(self.tr("Differs from the other side"))
                self.compare.setItem(r, c, item)
            if differs:
                header.setText("≠ " + label)
                header.setFont(bold)
                self.differing.append(label)
        if candidate["reason"] == "nik":
            text = self.tr("Same NIK: one NIK belongs to one person, so the case can only be added to the "
                           "person already registered.")
        elif self.differing:
            text = self.tr("Same name and date of birth, but these differ: %1.").replace(
                "%1", ", ".join(self.differing))
        else:
            text = self.tr("Same name and date of birth; nothing entered differs.")
        if candidate.get("deleted_at"):
            text += " " + self.tr("That person is in the bin: using them brings them back.")
        self.differs_label.setText(text)

    # -- deciding ----------------------------------------------------------------------------
    def _update_new_button(self, *_args: object) -> None:
        self.new_button.setEnabled(not self.same_nik and bool(self.reason()))
        if self.same_nik:
            self.new_button.setToolTip(self.tr("One NIK belongs to one person."))
            self.reason_hint.setText(self.tr("A second person with the same NIK cannot be created."))
        elif not self.reason():
            self.new_button.setToolTip(self.tr("Write first why this is a different person."))
            self.reason_hint.setText(self.tr("A new person needs a reason, kept in the record and its history "
                                             "(e.g. 'another person: different parents and address')."))
        else:
            self.new_button.setToolTip(self.tr("Save a second, separate person with this reason."))
            self.reason_hint.setText("")

    def _create_new(self) -> None:
        if self.same_nik or not self.reason():
            return
        self.done(self.CREATE_NEW)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def reason(self) -> str:
        return self.reason_edit.text().strip()
