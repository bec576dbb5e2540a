"""The window's tests run as officers see it: with the Indonesian translator installed.

A test marked ``@pytest.mark.english`` runs with the English source strings instead
(the second language), so both stay driven.
"""

from __future__ import annotations

import pytest

# `from conftest import PASSWORD` in a test of this folder finds this module: the same values.
from testenv import INSTALLED_SCRYPT_N, PASSWORD, TEST_SCRYPT_N, TODAY  # noqa: F401


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "english: run this window test in English (no translator)")


@pytest.fixture(autouse=True)
def collect_in_gui_thread(qapp):
    """As the program does (app/ui/gc_guard.py): while a window test runs, the cycle collector runs
    only from the GUI thread's timer, never in the count worker or a read task.  (After it, with the
    workers stopped, the collector is on again for the tests of other folders.)"""
    import gc

    from app.ui.gc_guard import install

    install(qapp)
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def window_language(request, qapp):
    """Indonesian by default, as the program starts; English for tests marked ``english``."""
    from app.models.i18n import set_language
    from app.ui.application import Translations

    translations = Translations(qapp)
    language = "en" if request.node.get_closest_marker("english") else "id"
    translations.use(language)
    # (A new Translations starts as English, so use("en") alone would leave the no-Qt texts
    # and the dates in the language of the test before.)
    set_language(language)
    yield language
    translations.use("en")
    set_language("id")
