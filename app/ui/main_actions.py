"""The main window's actions: menus, toolbar and shortcuts, each with a tooltip that explains it.

A table, so that every action has its explanation (issue 9: a tooltip that only repeats
the button's label tells nothing) and main_window.py stays under 1,000 lines.  The texts
keep the MainWindow translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QWidget

Key = QKeySequence.StandardKey

# (attribute, object name, label, window method, shortcut, what it does)
ACTIONS: tuple[tuple[str, str, str, str, QKeySequence.StandardKey | str | None, str], ...] = (
    ("act_add", "act_add_client", QT_TRANSLATE_NOOP("MainWindow", "&New client…"), "add_client", Key.New,
     QT_TRANSLATE_NOOP("MainWindow", "Enter a person with their case and program on one form")),
    ("act_edit", "act_edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit identity…"), "edit_person", "F2",
     QT_TRANSLATE_NOOP("MainWindow", "Change the name, NIK, address … of the person chosen in the table")),
    ("act_add_case", "act_add_case", QT_TRANSLATE_NOOP("MainWindow", "Add a &case…"), "add_case", None,
     QT_TRANSLATE_NOOP("MainWindow", "A further case (and program) for the person chosen")),
    ("act_delete", "act_delete", QT_TRANSLATE_NOOP("MainWindow", "Move to &bin…"), "delete_person", Key.Delete,
     QT_TRANSLATE_NOOP("MainWindow", "Move the person chosen to the bin, from which they can be restored")),
    ("act_bin", "act_bin", QT_TRANSLATE_NOOP("MainWindow", "B&in…"), "open_bin", None,
     QT_TRANSLATE_NOOP("MainWindow", "What was moved to the bin, to restore it")),
    ("act_history", "act_history", QT_TRANSLATE_NOOP("MainWindow", "&History of this person…"), "show_history",
     "Ctrl+H", QT_TRANSLATE_NOOP("MainWindow", "Every change to the person chosen: when, by whom, from what to what")),
    ("act_audit", "act_audit", QT_TRANSLATE_NOOP("MainWindow", "&Audit log…"), "show_audit_log", None,
     QT_TRANSLATE_NOOP("MainWindow", "Every change in this file, newest first")),
    ("act_officers", "act_officers", QT_TRANSLATE_NOOP("MainWindow", "&Officers (PK)…"), "manage_officers", "Ctrl+K",
     QT_TRANSLATE_NOOP("MainWindow", "Add, change or deactivate the supervising officers (PK), move a caseload")),
    ("act_office", "act_office", QT_TRANSLATE_NOOP("MainWindow", "&Office…"), "edit_office", None,
     QT_TRANSLATE_NOOP("MainWindow", "The unit's name, head of office and logo for print-outs")),
    ("act_prefs", "act_prefs", QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), "edit_preferences", "Ctrl+,",
     QT_TRANSLATE_NOOP("MainWindow", "Language, screen lock, backups, register numbers and the rules of "
                                     "computation")),
    ("act_password", "act_password", QT_TRANSLATE_NOOP("MainWindow", "Change &password…"), "change_password", None,
     QT_TRANSLATE_NOOP("MainWindow", "Choose a new password for the program")),
    ("act_lock", "act_lock", QT_TRANSLATE_NOOP("MainWindow", "&Lock the screen"), "lock", "Ctrl+L",
     QT_TRANSLATE_NOOP("MainWindow", "Hide the data until the password is given again")),
    ("act_search", "act_search", QT_TRANSLATE_NOOP("MainWindow", "&Find"), "focus_search", Key.Find,
     QT_TRANSLATE_NOOP("MainWindow", "Put the cursor in the search box")),
    ("act_backup", "act_backup", QT_TRANSLATE_NOOP("MainWindow", "&Back up now…"), "backup_now", "Ctrl+B",
     QT_TRANSLATE_NOOP("MainWindow", "Copy the whole file now, for example to a USB disk (encrypted there)")),
    ("act_restore", "act_restore", QT_TRANSLATE_NOOP("MainWindow", "&Restore from a backup…"), "restore_backup", None,
     QT_TRANSLATE_NOOP("MainWindow", "Replace this file's data by a backup; the current file is kept aside")),
    ("act_open", "act_open", QT_TRANSLATE_NOOP("MainWindow", "&Open…"), "open_file", Key.Open,
     QT_TRANSLATE_NOOP("MainWindow", "Open another Rekam UPT file")),
    ("act_demo", "act_demo", QT_TRANSLATE_NOOP("MainWindow", "Open the &demo"), "open_demo", None,
     QT_TRANSLATE_NOOP("MainWindow", "A separate file with made-up data, to try the program")),
    ("act_main_db", "act_main_db", QT_TRANSLATE_NOOP("MainWindow", "Back to the &real data"), "open_main_database",
     None, QT_TRANSLATE_NOOP("MainWindow", "Leave the demo and open your unit's own file")),
    ("act_quit", "act_quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", Key.Quit,
     QT_TRANSLATE_NOOP("MainWindow", "Close the program (a backup is made first)")),
    ("act_help", "act_help", QT_TRANSLATE_NOOP("MainWindow", "&Guide to this screen"), "show_help", Key.HelpContents,
     QT_TRANSLATE_NOOP("MainWindow", "A short guide to the screen in use")),
    ("act_about", "act_about", QT_TRANSLATE_NOOP("MainWindow", "&About and data protection"), "about", None,
     QT_TRANSLATE_NOOP("MainWindow", "The program's version, where the file is, and how the data is protected")),
    ("act_refresh", "act_refresh", QT_TRANSLATE_NOOP("MainWindow", "Re&fresh"), "refresh", Key.Refresh,
     QT_TRANSLATE_NOOP("MainWindow", "Read the lists and counts again")),
    # -- issue 12: Excel out and in --
    ("act_import", "act_import_excel", QT_TRANSLATE_NOOP("MainWindow", "&Import from Excel…"), "import_excel",
     "Ctrl+I", QT_TRANSLATE_NOOP("MainWindow", "Bring the unit's old spreadsheets in: a preview comes before "
                                               "anything is saved, and a whole import can be undone")),
    ("act_export_list", "act_export_list", QT_TRANSLATE_NOOP("MainWindow", "E&xport this list to Excel…"),
     "export_list", "Ctrl+E", QT_TRANSLATE_NOOP("MainWindow", "The persons the table shows now, with its columns, "
                                                              "as a workbook")),
    ("act_monthly", "act_monthly_report", QT_TRANSLATE_NOOP("MainWindow", "&Monthly report (Excel)…"),
     "monthly_report", "Ctrl+M", QT_TRANSLATE_NOOP("MainWindow", "The month's workbook for the regional office "
                                                               "and Ditjenpas")),
    ("act_capacity", "act_capacity", QT_TRANSLATE_NOOP("MainWindow", "&Capacity per register class…"),
     "edit_capacity", None, QT_TRANSLATE_NOOP("MainWindow", "How many a Lapas or Rutan can hold per register "
                                                            "class, for the occupancy sheet")),
)

# Menus: title and the actions in it (None: a separator; "recent": the recent files submenu).
MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), "file_menu",
     ("act_open", "recent", None, "act_backup", "act_restore", None, "act_import", "act_export_list", "act_monthly",
      None, "act_demo", "act_main_db", None, "act_quit")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Data"), "data_menu",
     ("act_add", "act_edit", "act_add_case", "act_delete", None, "act_bin", "act_history", "act_audit", None,
      "act_search", "act_refresh")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Officers"), "officers_menu", ("act_officers",)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Settings"), "settings_menu",
     ("act_office", "act_capacity", "act_prefs", None, "act_password", "act_lock")),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), "help_menu", ("act_help", "act_about")),
)
TOOLBAR = ("act_add", "act_edit", "act_officers", "act_backup", "act_lock")


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def make_action(window, name: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    """One action of ``window``; its tooltip explains it and names its shortcut."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_actions(window) -> None:
    """The actions as ``window.act_*``, the menus, and the toolbar (``window.search_holder``)."""
    for attribute, name, text, method, shortcut, tip in ACTIONS:
        slot = getattr(window, method)
        setattr(window, attribute, make_action(window, name, _t(text), slot, shortcut, _t(tip)))
    bar = window.menuBar()
    for title, menu_name, entries in MENUS:
        menu = bar.addMenu(_t(title))
        menu.setObjectName(menu_name)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            elif entry == "recent":
                window.recent_menu = QMenu(_t(QT_TRANSLATE_NOOP("MainWindow", "Recent &files")), menu)
                window.recent_menu.setObjectName("recent_menu")
                window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
                menu.addMenu(window.recent_menu)
            else:
                menu.addAction(getattr(window, entry))
    tools = QToolBar(_t(QT_TRANSLATE_NOOP("MainWindow", "Main")))
    tools.setObjectName("main_toolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for attribute in TOOLBAR:
        tools.addAction(getattr(window, attribute))
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tools.addWidget(spacer)
    window.search_holder = tools
    window.addToolBar(tools)
