"""F1: a short Indonesian help page for the screen in use, shown inside the program, offline.

The pages are HTML files shipped in the package (app/ui/help/, listed in pyproject's
package-data so a wheel carries them), read through importlib.resources.  A screen's
page is named after its window's object name (``client_form.html`` for the entry
form); a screen without its own page gets the main window's.  Another screen gets
help by adding its file: nothing to register.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

DEFAULT_TOPIC = "main_window"


def _folder():
    return resources.files("app.ui") / "help"


def topics() -> list[str]:
    """Every screen that has a page of its own."""
    return sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".html"))


def page_html(topic: str) -> str:
    """The page of ``topic``, else the main window's."""
    folder = _folder()
    page = folder / f"{topic}.html"
    if not page.is_file():
        page = folder / f"{DEFAULT_TOPIC}.html"
    return page.read_text(encoding="utf-8")


def topic_of(widget: QWidget | None) -> str:
    """The help topic of the window a widget is in: the first window up the chain with a page."""
    known = set(topics())
    w = widget
    while w is not None:
        window = w.window()
        if window.objectName() in known:
            return window.objectName()
        w = window.parentWidget()
    return DEFAULT_TOPIC


class HelpDialog(QDialog):
    """One help page, with links between pages (``topic:NAME``)."""

    def __init__(self, topic: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(QCoreApplication.translate("HelpDialog", "Help — Rekam UPT"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("HelpDialog", "Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.show_topic(topic)
        self.resize(640, 560)

    def show_topic(self, topic: str) -> None:
        self.topic = topic
        self.browser.setHtml(page_html(topic))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() == "topic":
            self.show_topic(url.path() or url.host())


def show_help(parent: QWidget | None, topic: str | None = None) -> HelpDialog:
    """Open the help of ``topic`` (else of the window ``parent`` is in), beside the screen it explains."""
    dialog = HelpDialog(topic or topic_of(parent), parent)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    return dialog


def install_help(widget: QWidget) -> QShortcut:
    """F1 in this window (and its dialogs, which forward none of their own) opens its page."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), widget)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: show_help(widget, topic_of(widget)))
    return shortcut
