"""Rekam UPT: offline records for one Indonesian corrections unit."""

__version__ = "0.1.0"
APP_NAME = "Rekam UPT"
APP_SLUG = "rekam-upt"
