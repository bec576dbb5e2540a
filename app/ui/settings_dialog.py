"""Settings: the office (what print-outs say about the unit) and the program's preferences.

``OfficeSettingsDialog`` holds the unit's name and kind, address, head of office
with NIP, operator and logo; the first start shows it as step 2 with "Skip for now".
``PreferencesDialog`` holds language, idle lock, paper, backups, the register-number
pattern and the sentence-calculation choices.  Changing a calculation choice
recomputes every case, which can take seconds, so that runs in a worker with its
own connection to the database (app.ui.tasks).
"""

from __future__ import annotations

import base64
from datetime import date
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import calculator as calc
from app.models.errors import RekamError, UserInputError, ValidationErrors
from app.models.paths import backup_dir_for
from app.models.storage import Database
from app.operations import OpChanges, OpResult, settings
from app.operations.clients import DEFAULT_REGISTER_PATTERN, format_register
from app.operations.sentence import calc_settings
from app.ui.labels import UNIT_KIND_CODES, unit_kind_label
from app.ui.ops import Cancelled, InlineOps, Ops, run_long
from app.ui.widgets import (
    ERROR_STYLE,
    HINT_STYLE,
    ErrorLabel,
    FieldErrors,
    confirm,
    field_holder,
    inform,
    note,
    show_error,
)

LOGO_MAX_PX = 256
PREVIEW_PX = 96
IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif"


def logo_data_uri(image: QImage) -> str:
    """The image scaled down to at most 256 px a side, as a PNG data URI.

    Stored inside the settings so a copied database keeps its letterhead; the size
    limit keeps the settings row small.
    """
    if image.width() > LOGO_MAX_PX or image.height() > LOGO_MAX_PX:
        image = image.scaled(LOGO_MAX_PX, LOGO_MAX_PX, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return "data:image/png;base64," + base64.b64encode(bytes(data)).decode("ascii")


def image_from_data_uri(uri: str) -> QImage:
    """The image of a stored logo; a null image when there is none or it cannot be read."""
    image = QImage()
    if uri.startswith("data:") and "," in uri:
        try:
            image.loadFromData(base64.b64decode(uri.split(",", 1)[1]))
        except ValueError:
            return QImage()
    return image


# -- the office ---------------------------------------------------------------------------

class OfficeSettingsDialog(QDialog):
    """The unit as print-outs show it (letterhead, signature block, logo)."""

    def __init__(self, db: Database, *, first_run: bool = False, parent: QWidget | None = None,
                 ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("office_settings_dialog")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.first_run = first_run
        self.errors = FieldErrors()
        self.logo = ""
        self.result_op: OpResult | None = None
        self.setWindowTitle(self.tr("First start — step 2 of 2: your office") if first_run
                            else self.tr("Office"))
        layout = QVBoxLayout(self)
        if first_run:
            intro = QLabel(self.tr("Step 2 of 2: tell the program about your office. Print-outs (registers, "
                                   "guidance cards, reports) use these details in the letterhead and the signature "
                                   "block. You can skip this now and fill it in later under Settings > Office."))
            intro.setObjectName("first_run_intro")
            intro.setWordWrap(True)
            font = intro.font()
            font.setPointSizeF(font.pointSizeF() * 1.05)
            intro.setFont(font)
            layout.addWidget(intro)
            layout.addSpacing(8)

        self.unit_name_edit = self._line("unit_name_edit", self.tr("e.g. Bapas Kelas II Bojonegoro"))
        self.unit_kind_combo = QComboBox()
        self.unit_kind_combo.setObjectName("unit_kind_combo")
        for code in UNIT_KIND_CODES:
            self.unit_kind_combo.addItem(unit_kind_label(code), code)
        self.address_edit = self._line("address_edit", self.tr("street, number, postcode"))
        self.city_edit = self._line("city_edit", self.tr("city used before the date when signing"))
        self.head_name_edit = self._line("head_name_edit", self.tr("name with degrees"))
        self.head_nip_edit = self._line("head_nip_edit", self.tr("18 digits"))
        self.head_nip_edit.setMaxLength(26)
        self.operator_name_edit = self._line("operator_name_edit", self.tr("who enters the data on this computer"))

        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #bbb; background: white; color: #777;")
        self.choose_logo_button = QPushButton(self.tr("Choose image…"))
        self.choose_logo_button.setObjectName("choose_logo_button")
        self.choose_logo_button.setAutoDefault(False)
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove logo"))
        self.remove_logo_button.setObjectName("remove_logo_button")
        self.remove_logo_button.setAutoDefault(False)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button, 0, Qt.AlignmentFlag.AlignLeft)
        logo_buttons.addWidget(self.remove_logo_button, 0, Qt.AlignmentFlag.AlignLeft)
        logo_buttons.addWidget(note(self.tr("PNG or JPG; scaled down to %1 px.").replace("%1", str(LOGO_MAX_PX))))
        logo_buttons.addStretch(1)
        logo_row = QWidget()
        h = QHBoxLayout(logo_row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.logo_preview)
        h.addLayout(logo_buttons, 1)

        def err(field: str) -> ErrorLabel:
            return self.errors.add(field, ErrorLabel(object_name=field.replace(".", "_") + "_error"))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Unit name"), field_holder(self.unit_name_edit, err("office.unit_name")))
        form.addRow(self.tr("Kind of unit"), field_holder(self.unit_kind_combo, err("office.unit_kind")))
        form.addRow(self.tr("Address"), field_holder(self.address_edit, err("office.address")))
        form.addRow(self.tr("City"), field_holder(self.city_edit, err("office.city")))
        form.addRow(self.tr("Head of office"), field_holder(self.head_name_edit, err("office.head_name")))
        form.addRow(self.tr("NIP of the head"), field_holder(self.head_nip_edit, err("office.head_nip")))
        form.addRow(self.tr("Operator"), field_holder(
            self.operator_name_edit, err("office.operator_name"),
            self.tr("Recorded with every change in the audit trail.")))
        form.addRow(self.tr("Logo"), field_holder(logo_row, err("office.logo")))
        layout.addLayout(form)
        if not first_run:
            layout.addWidget(note(self.tr("Print-outs (registers, guidance cards, reports) use these details in the "
                                           "letterhead and the signature block.")))
        self.errors.general = ErrorLabel(self, object_name="office_general_error")
        layout.addWidget(self.errors.general)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        save = buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("save_button")
        save.setDefault(True)
        if first_run:
            skip = buttons.addButton(self.tr("Skip for now"), QDialogButtonBox.ButtonRole.RejectRole)
            skip.setObjectName("skip_button")
        else:
            cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
            cancel.setObjectName("cancel_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()
        self.resize(620, 500 if first_run else 440)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _load(self) -> None:
        values = settings.office(self.db)
        self.unit_name_edit.setText(values.get("unit_name") or "")
        index = self.unit_kind_combo.findData(values.get("unit_kind") or "bapas")
        self.unit_kind_combo.setCurrentIndex(max(index, 0))
        self.address_edit.setText(values.get("address") or "")
        self.city_edit.setText(values.get("city") or "")
        self.head_name_edit.setText(values.get("head_name") or "")
        self.head_nip_edit.setText(values.get("head_nip") or "")
        self.operator_name_edit.setText(values.get("operator_name") or "")
        self.set_logo(values.get("logo") or "")

    # -- the logo ------------------------------------------------------------------
    def set_logo(self, uri: str) -> None:
        self.logo = uri
        image = image_from_data_uri(uri) if uri else QImage()
        if image.isNull():
            self.logo = ""
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo"))
        else:
            pixmap = QPixmap.fromImage(image).scaled(
                PREVIEW_PX - 4, PREVIEW_PX - 4, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
            self.logo_preview.setPixmap(pixmap)
        self.remove_logo_button.setEnabled(bool(self.logo))

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Images (%1)").replace("%1", IMAGE_FILTER))
        if not path:
            return
        image = QImage(path)
        label = self.errors.labels["office.logo"]
        if image.isNull():
            label.show_message(self.tr("This file is not an image the program can read."))
            return
        label.show_message("")
        self.set_logo(logo_data_uri(image))

    def remove_logo(self) -> None:
        self.set_logo("")

    # -- saving ------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {"unit_name": self.unit_name_edit.text(), "unit_kind": self.unit_kind_combo.currentData(),
                "address": self.address_edit.text(), "city": self.city_edit.text(),
                "head_name": self.head_name_edit.text(), "head_nip": self.head_nip_edit.text(),
                "operator_name": self.operator_name_edit.text(), "logo": self.logo}

    def accept(self) -> None:
        self.errors.clear()
        try:
            values = self.values()
            self.result_op = self.ops.call(lambda db: settings.save_office(db, values))
        except RekamError as err:
            fields = self.errors.show(err)
            if "office.head_nip" in fields:
                self.head_nip_edit.setFocus()
            return
        super().accept()


# -- preferences --------------------------------------------------------------------------

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))
PLACEHOLDERS = ("{seq}", "{seq3}", "{seq4}", "{program}", "{year}", "{month}", "{roman_month}")


class PreferencesDialog(QDialog):
    """General, backups, register numbers and sentence calculation; ``changes`` after exec()."""

    # The recompute's outcome, re-emitted so it always lands in the GUI thread (see recompute()).

    def __init__(self, db: Database, *, parent: QWidget | None = None, ops: Ops | None = None):
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.db = db
        self.ops = ops or InlineOps(db, self)
        self.changes = OpChanges()
        self.errors = FieldErrors()
        self.task: Callable[[], None] | None = None  # cancels the recompute under way
        self.setWindowTitle(self.tr("Preferences"))
        self.prefs = settings.preferences(db)
        self.stored_pattern = str(db.get_setting("register_pattern") or DEFAULT_REGISTER_PATTERN)
        self.stored_calc = calc_settings(db)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("preferences_tabs")
        self.general_tab = self._general_tab()
        self.backup_tab = self._backup_tab()
        self.register_tab = self._register_tab()
        self.calc_tab = self._calc_tab()
        self.tabs.addTab(self.general_tab, self.tr("General"))
        self.tabs.addTab(self.backup_tab, self.tr("Backups"))
        self.tabs.addTab(self.register_tab, self.tr("Register numbers"))
        self.tabs.addTab(self.calc_tab, self.tr("Sentence calculation"))

        self.errors.general = ErrorLabel(self, object_name="preferences_general_error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setObjectName("save_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.update_register_example()
        self.resize(820, 540)

    def _err(self, field: str) -> ErrorLabel:
        return self.errors.add(field, ErrorLabel(object_name=field.replace(".", "_") + "_error"))

    # -- tabs --------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        # Each language is named in itself, so a person can find theirs whatever is showing now.
        for code, name in LANGUAGES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(self.prefs["language"]), 0))
        form.addRow(self.tr("Language"), field_holder(
            self.language_combo, self._err("preferences.language"),
            self.tr("Applies fully after the program is closed and opened again.")))
        self.idle_lock_spin = QSpinBox()
        self.idle_lock_spin.setObjectName("idle_lock_spin")
        self.idle_lock_spin.setRange(1, 240)
        self.idle_lock_spin.setSuffix(self.tr(" minutes"))
        self.idle_lock_spin.setValue(_int(self.prefs["idle_lock_minutes"], 10, 1, 240))
        self.idle_lock_spin.setMaximumWidth(160)
        form.addRow(self.tr("Lock the screen after"), field_holder(
            self.idle_lock_spin, self._err("preferences.idle_lock_minutes"),
            self.tr("without keyboard or mouse input; the password unlocks it (1–240 minutes).")))
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper_combo")
        self.paper_combo.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.paper_combo.addItem(self.tr("F4 (215 × 330 mm)"), "F4")
        self.paper_combo.setCurrentIndex(max(self.paper_combo.findData(self.prefs["paper"]), 0))
        form.addRow(self.tr("Paper for print-outs"), field_holder(self.paper_combo, self._err("preferences.paper")))
        return page

    def _backup_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.backup_daily_check = QCheckBox(self.tr("Make an automatic backup once a day"))
        self.backup_daily_check.setObjectName("backup_daily_check")
        self.backup_daily_check.setChecked(bool(self.prefs["backup_daily"]))
        form.addRow("", self.backup_daily_check)
        self.backup_keep_spin = QSpinBox()
        self.backup_keep_spin.setObjectName("backup_keep_spin")
        self.backup_keep_spin.setRange(1, 100)
        self.backup_keep_spin.setValue(_int(self.prefs["backup_keep"], 10, 1, 100))
        self.backup_keep_spin.setMaximumWidth(120)
        form.addRow(self.tr("Keep the last"), field_holder(
            self.backup_keep_spin, self._err("preferences.backup_keep"),
            self.tr("automatic backups (daily and at exit), 1–100; older ones are deleted. Backups made with "
                      "File > Back up now are not touched.")))
        self.backup_dir_edit = QLineEdit(str(backup_dir_for(self.db.path)))
        self.backup_dir_edit.setObjectName("backup_dir_edit")
        self.backup_dir_edit.setReadOnly(True)
        self.backup_dir_edit.setCursorPosition(0)
        self.copy_backup_dir_button = QPushButton(self.tr("Copy"))
        self.copy_backup_dir_button.setObjectName("copy_backup_dir_button")
        self.copy_backup_dir_button.setToolTip(self.tr("Copy the folder's path to the clipboard"))
        self.copy_backup_dir_button.setAutoDefault(False)
        self.copy_backup_dir_button.clicked.connect(self.copy_backup_dir)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.backup_dir_edit, 1)
        h.addWidget(self.copy_backup_dir_button)
        self.copied_label = QLabel()
        self.copied_label.setObjectName("copied_label")
        self.copied_label.setStyleSheet(HINT_STYLE)
        self.copied_label.hide()
        folder = field_holder(row)
        folder.layout().addWidget(self.copied_label)
        folder.layout().addWidget(note(self.tr("Copy backups to another disk or a flash drive now and then: a "
                                                "backup on the same computer does not survive a broken disk.")))
        form.addRow(self.tr("Backup folder"), folder)
        return page

    def _register_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr("New programs get the next register number from this pattern. Numbers already "
                                  "given do not change.")))
        form = QFormLayout()
        self.register_pattern_edit = QLineEdit(self.stored_pattern)
        self.register_pattern_edit.setObjectName("register_pattern_edit")
        self.register_pattern_edit.textChanged.connect(self.update_register_example)
        form.addRow(self.tr("Pattern"),
                    field_holder(self.register_pattern_edit, self._err("settings.register_pattern")))
        self.register_example_label = QLabel()
        self.register_example_label.setObjectName("register_example_label")
        self.register_example_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Example"), self.register_example_label)
        v.addLayout(form)
        rows = (("{seq}", self.tr("sequence number in the year: 7")),
                ("{seq3}", self.tr("sequence number with 3 digits: 007")),
                ("{seq4}", self.tr("sequence number with 4 digits: 0007")),
                ("{program}", self.tr("program code: PB, CB, CMB …")),
                ("{year}", self.tr("year: 2026")),
                ("{month}", self.tr("month as two digits: 03")),
                ("{roman_month}", self.tr("month in Roman numerals: III")))
        help_form = QFormLayout()
        help_form.setHorizontalSpacing(16)
        for placeholder, text in rows:
            button = QPushButton(placeholder)
            button.setObjectName("insert_" + placeholder.strip("{}"))
            button.setToolTip(self.tr("Insert into the pattern"))
            button.setAutoDefault(False)
            button.clicked.connect(self.on_placeholder_clicked)
            help_form.addRow(button, QLabel(text))
        v.addWidget(QLabel(self.tr("Placeholders (click to insert):")))
        v.addLayout(help_form)
        v.addStretch(1)
        return page

    def _calc_tab(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        explanation = note(self.tr("These choices are where the law is silent or official print-outs differ. "
                                   "Changing one recomputes the dates of every case; "
                                   "with many cases this takes a few seconds."))
        v.addWidget(explanation)
        # A grid (setting | choice | explanation) in a scroll area: the Indonesian labels and
        # explanations are long and must wrap rather than be cut off.
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 4, 8, 4)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(2, 1)
        self.calc_widgets: dict[str, QComboBox | QSpinBox] = {}
        choice_names = {
            # In the officer's words: the stored codes (ceil, clamp ...) are not shown (issue 9).
            "ceil": self.tr("round up"), "floor": self.tr("round down"),
            "round": self.tr("to the nearest day (half a day up)"), "clamp": self.tr("the last day of that month"),
            "overflow": self.tr("on into the next month"),
        }
        row = 0
        for name, value in self.stored_calc.to_dict().items():
            spec = calc.SETTING_LABELS.get(name, {})
            widget: QComboBox | QSpinBox
            if "values" in spec:
                widget = QComboBox()
                widget.setObjectName(f"calc_{name}_combo")
                for choice in spec["values"]:
                    widget.addItem(choice_names.get(choice, choice), choice)
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget = QSpinBox()
                widget.setObjectName(f"calc_{name}_spin")
                low, high = spec.get("range", (0, 100000))
                widget.setRange(low, high)
                widget.setValue(int(value))
                widget.setMinimumWidth(90)
            self.calc_widgets[name] = widget
            label = QLabel(spec.get("label") or name)
            label.setWordWrap(True)
            label.setMinimumWidth(220)
            label.setBuddy(widget)
            help_label = QLabel(spec.get("help", ""))
            help_label.setWordWrap(True)
            help_label.setStyleSheet(HINT_STYLE)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(help_label, row, 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._err(f"calc.{name}"), row + 1, 1, 1, 2)
            grid.setRowMinimumHeight(row + 1, 6)
            row += 2
        grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setObjectName("calc_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        # Let the tab's own background show through, as on the other tabs.
        scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        v.addWidget(scroll, 1)
        self.calc_defaults_button = QPushButton(self.tr("Restore the defaults"))
        self.calc_defaults_button.setObjectName("calc_defaults_button")
        self.calc_defaults_button.setAutoDefault(False)
        self.calc_defaults_button.clicked.connect(self.restore_calc_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calc_defaults_button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        return page

    # -- live parts --------------------------------------------------------------------
    def copy_backup_dir(self) -> None:
        QGuiApplication.clipboard().setText(self.backup_dir_edit.text())
        self.copied_label.setText(self.tr("Copied. Paste it into the file manager's address bar."))
        self.copied_label.show()

    def on_placeholder_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.insert_placeholder(button.text())

    def insert_placeholder(self, placeholder: str) -> None:
        self.register_pattern_edit.insert(placeholder)
        self.register_pattern_edit.setFocus()

    def update_register_example(self) -> None:
        pattern = self.register_pattern_edit.text().strip() or DEFAULT_REGISTER_PATTERN
        today = date.today()
        try:
            first = format_register(pattern, 7, "PB", today.year, today.month)
            second = format_register(pattern, 8, "CB", today.year, today.month)
        except (KeyError, IndexError, ValueError):
            self.register_example_label.setStyleSheet(ERROR_STYLE)
            self.register_example_label.setText(self.tr("The pattern has an unknown placeholder or a stray brace."))
            return
        if "{seq" not in pattern:
            self.register_example_label.setStyleSheet(ERROR_STYLE)
            self.register_example_label.setText(
                self.tr("%1 — every number would be the same: add {seq}.").replace("%1", first))
            return
        self.register_example_label.setStyleSheet("font-weight: bold;")
        self.register_example_label.setText(f"{first}   ·   {second}")

    def restore_calc_defaults(self) -> None:
        for name, value in calc.CalcSettings().to_dict().items():
            widget = self.calc_widgets[name]
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            else:
                widget.setValue(int(value))

    # -- values ------------------------------------------------------------------------
    def preference_values(self) -> dict[str, Any]:
        return {"language": self.language_combo.currentData(), "idle_lock_minutes": self.idle_lock_spin.value(),
                "paper": self.paper_combo.currentData(), "backup_keep": self.backup_keep_spin.value(),
                "backup_daily": self.backup_daily_check.isChecked()}

    def calc_values(self) -> dict[str, Any]:
        return {name: (w.currentData() if isinstance(w, QComboBox) else w.value())
                for name, w in self.calc_widgets.items()}

    def calc_input(self) -> calc.CalcSettings:
        try:
            return calc.CalcSettings(**self.calc_values())
        except UserInputError as err:
            # The calculator names the setting without a prefix; the form keys it as calc.<name>.
            raise UserInputError(err.message, field=f"calc.{err.field}" if err.field else None) from None

    # -- saving ------------------------------------------------------------------------
    def _show(self, err: RekamError) -> None:
        fields = self.errors.show(err)
        tab_of = {"preferences.language": self.general_tab, "preferences.idle_lock_minutes": self.general_tab,
                  "preferences.paper": self.general_tab, "preferences.backup_keep": self.backup_tab,
                  "settings.register_pattern": self.register_tab}
        for f in fields:
            tab = tab_of.get(f) or (self.calc_tab if f.startswith("calc.") else None)
            if tab is not None:
                self.tabs.setCurrentWidget(tab)
                break

    def accept(self) -> None:
        if self.task is not None:
            return
        self.errors.clear()
        try:
            # Everything is checked before anything is stored, so a refusal leaves no half-saved state.
            new_calc = self.calc_input()
            prefs = self.preference_values()
            pattern = self.register_pattern_edit.text().strip() or DEFAULT_REGISTER_PATTERN
            if pattern != self.stored_pattern:
                self.changes = self.changes | self.ops.call(
                    lambda db: settings.save_register_pattern(db, pattern)).changes
                self.stored_pattern = pattern
            if any(self.prefs.get(k) != v for k, v in prefs.items()):
                self.changes = self.changes | self.ops.call(lambda db: settings.save_preferences(db, prefs)).changes
                self.prefs = {**self.prefs, **prefs}
        except ValidationErrors as err:
            self._show(err)
            return
        except RekamError as err:
            self._show(ValidationErrors([err]) if isinstance(err, UserInputError) else err)
            return
        if new_calc != self.stored_calc:
            self.recompute(new_calc)
            return
        super().accept()

    def recompute(self, new_calc: calc.CalcSettings) -> None:
        """Store the calculation choices and recompute every case, through the write worker."""
        # Translated here: progress arrives from the worker's reports, not from widgets.
        step_text = self.tr("Recomputing case %1 of %2…")

        def work(db: Database, progress) -> Any:
            return settings.save_calc_settings(
                db, new_calc, progress=lambda done, total: progress(
                    done, total, step_text.replace("%1", str(done)).replace("%2", str(total))))

        self.tabs.setEnabled(False)
        self.buttons.setEnabled(False)
        self.task = run_long(self, self.ops, self.tr("Recomputing the dates of every case…"), work,
                             self.on_recomputed)

    def on_recomputed(self, result: Any, error: BaseException | None) -> None:
        self.task = None
        self.tabs.setEnabled(True)
        self.buttons.setEnabled(True)
        # The writer changed the settings on its own connection: drop this one's cached copy so
        # the next read (and the next recompute in this window) sees the new choices.
        self.db.invalidate_settings()
        if isinstance(error, Cancelled):
            inform(self, self.tr("Not changed"),
                   self.tr("Cancelled: the calculation choices and all dates are as they were."))
            return
        if error is not None:
            if isinstance(error, UserInputError) and error.field:
                self._show(error)
            else:
                show_error(self, error if isinstance(error, RekamError) else RekamError(str(error)),
                           self.tr("Not saved"))
            return
        self.stored_calc = calc_settings(self.db)
        self.changes = self.changes | result.changes | OpChanges(everything=True)
        inform(self, self.tr("Dates recomputed"),
               self.tr("The dates of %1 cases were recomputed with the new choices.")
               .replace("%1", str(result.info.get("recomputed", 0))))
        super().accept()

    def reject(self) -> None:
        if self.task is not None:
            return  # the progress dialog's Cancel stops the work; closing now would lose its result
        if self._unsaved() and not confirm(self, self.tr("Discard changes?"),
                                           self.tr("The changes in these preferences are not saved."),
                                           yes=self.tr("Discard"), no=self.tr("Keep editing"), destructive=True):
            return
        super().reject()

    def _unsaved(self) -> bool:
        if any(self.prefs.get(k) != v for k, v in self.preference_values().items()):
            return True
        if (self.register_pattern_edit.text().strip() or DEFAULT_REGISTER_PATTERN) != self.stored_pattern:
            return True
        return self.calc_values() != self.stored_calc.to_dict()


def _int(value: Any, default: int, low: int, high: int) -> int:
    """A stored number for a spin box: a damaged or out-of-range value falls back to the default."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default
