"""The Print menu of the main window: its actions, installed at start-up without loading printing.

What each action opens (the options dialogs, the print-outs, the preview) lives in
app/ui/print_actions.py and is imported the first time an action is used: reportlab and
the paper layouts are not on the window's start-up path (bench/bench_window.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu


def _run(name: str, window: Any, *args: Any) -> None:
    from app.ui import print_actions

    getattr(print_actions, name)(window, *args)


def install_print_menu(window: Any, before: Any = None) -> QMenu:
    """Add the Print menu (before ``before``, the Help menu's action) with its actions and shortcuts."""
    menu = QMenu(QCoreApplication.translate("PrintMenu", "&Print"), window)
    menu.setObjectName("print_menu")
    actions = [
        ("act_print_cards", QCoreApplication.translate("PrintMenu", "Guidance &cards of a month…"),
         lambda: _run("_cards_of_month", window), "Ctrl+Shift+P"),
        ("act_print_card", QCoreApplication.translate("PrintMenu", "Guidance card of &this client…"),
         lambda: _run("_card_of_client", window), None),
        ("act_print_agreement", QCoreApplication.translate("PrintMenu", "Guidance &agreement of this client…"),
         lambda: _run("_agreement", window), None),
        None,
        ("act_print_list", QCoreApplication.translate("PrintMenu", "&Reporting list of a month…"),
         lambda: _run("_list", window, "wajib-lapor"), None),
        ("act_print_log", QCoreApplication.translate("PrintMenu", "Today's reporting &log…"),
         lambda: _run("_list", window, "harian"), None),
        None,
        ("act_print_register", QCoreApplication.translate("PrintMenu", "Register &pembimbingan…"),
         lambda: _run("_register", window, "pembimbingan"), None),
        ("act_print_klaper", QCoreApplication.translate("PrintMenu", "&Klaper (name index)…"),
         lambda: _run("_register", window, "klaper"), None),
        ("act_print_register_b", QCoreApplication.translate("PrintMenu", "Register &B (convicts)…"),
         lambda: _run("_register", window, "b"), None),
        None,
        ("act_print_sheet", QCoreApplication.translate("PrintMenu", "&Date sheet of this client…"),
         lambda: _run("_sheet", window), None),
        None,
        ("act_paper_settings", QCoreApplication.translate("PrintMenu", "&Letterhead and print-outs…"),
         lambda: _run("_paper_settings", window), None),
    ]
    window.print_actions = {}
    for item in actions:
        if item is None:
            menu.addSeparator()
            continue
        name, text, slot, shortcut = item
        action = window._action(name, text, slot, shortcut)
        menu.addAction(action)
        window.print_actions[name] = action
    bar = window.menuBar()
    if before is not None:
        bar.insertMenu(before, menu)
    else:
        bar.addMenu(menu)
    return menu

