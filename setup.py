"""Build glue that pyproject.toml cannot express: resources/ installed as the package app.resources.

setuptools' ``packages.find`` names packages after their folders, so it cannot find
``app.resources`` in a folder called ``resources``; an explicit list would silently
drop every package added later.  So the packages are found here: app and its
subpackages, and resources/ with each of its folders (i18n/, later icons/ and fonts/),
which setuptools wants listed because they hold files the program loads.  Which files
ship is in pyproject.toml; everything else about the build is there too.
"""

from setuptools import find_namespace_packages, find_packages, setup

RESOURCE_FOLDERS = find_namespace_packages(where="resources", exclude=["__pycache__", "*.__pycache__"])

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources",
              *(f"app.resources.{folder}" for folder in RESOURCE_FOLDERS)],
    package_dir={"app.resources": "resources"},
)
