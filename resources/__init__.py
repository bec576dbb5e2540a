"""The data files the program loads at run time: translations (``i18n/``), later icons and fonts.

This folder stays at the top of the repository; the build installs it as the package
``app.resources`` (setup.py maps it, pyproject.toml lists its data files), so the
installed program, an editable install and the PyInstaller folder all find the files
the same way: ``importlib.resources.files("app.resources")``.
"""
