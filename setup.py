"""Build glue that pyproject.toml cannot express: resources/ installed as the package app.resources.

setuptools' ``packages.find`` names packages after their folders, so it cannot find
``app.resources`` in a folder called ``resources``; an explicit list would silently
drop every package added later.  So the packages are found here, and the one mapped
folder is added.  Everything else about the build is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["app", "app.*"]), "app.resources"],
    package_dir={"app.resources": "resources"},
)
