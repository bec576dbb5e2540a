"""The command-line face of Rekam UPT: ``rekam-upt <command>``.

Every command calls the same operations as the window.  A command prints one
clear line on failure (or one JSON object with ``--json``) and exits 0 on
success, 2 on bad input, 1 on other failures.  It never waits for input unless
it runs on a terminal.

Each command lives in its own module with ``add_arguments(parser)`` and
``run(args, out) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys

from app.cli.common import Output, add_common_arguments
from app.leftovers import remove_leftovers
from app.models.errors import RekamError, UserInputError
from app.models.i18n import tr

# name -> (module, one-line help in Indonesian)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("app.cli.demo", "isi berkas baru dengan data demo sintetis"),
    "calc": ("app.cli.calc", "hitung tanggal ekspirasi, 1/3, 1/2, 2/3, PB, CB, CMB"),
    "check": ("app.cli.check", "periksa keutuhan dan konsistensi basis data"),
    "backup": ("app.cli.backup", "cadangkan basis data ke sebuah berkas"),
    "restore": ("app.cli.restore", "pulihkan basis data dari berkas cadangan"),
    # --- printing (issue 11) ---
    "cards": ("app.cli.cards", "cetak kartu bimbingan (sebulan atau satu klien) ke PDF"),
    "letter": ("app.cli.letter", "cetak surat panggilan, teguran atau usulan pencabutan seorang klien ke PDF"),
    "register": ("app.cli.register", "cetak register pembimbingan, klaper atau register B ke PDF"),
    "list": ("app.cli.lists", "cetak daftar wajib lapor bulanan atau buku harian wajib lapor ke PDF"),
    "sheet": ("app.cli.sheet", "cetak lembar perhitungan tanggal pidana seorang klien ke PDF"),
    # wajib lapor (issue 10)
    "checkin": ("app.cli.checkin", "catat wajib lapor (kunjungan) atau izin tidak lapor"),
    "attention": ("app.cli.attention", "kelompok Perlu perhatian: jumlah dan nomor register"),
    # -- issue 12: Excel out and in --
    "import": ("app.cli.importer", "impor register lama (xlsx, xls, ods, csv) ke basis data"),
    "export": ("app.cli.export", "tulis laporan bulanan Excel untuk Kanwil dan Ditjenpas"),
}


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def __init__(self, *args, **kwargs) -> None:
        # No abbreviations: "--password SECRET" must not pass as "--password-file SECRET".
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UserInputError(tr("Argumen salah: {m}", "Bad arguments: {m}", m=_without_values(message)))


# argparse repeats unknown arguments in its message; a value there may be a secret
# typed where it does not belong, so only the option names are shown.
_UNRECOGNIZED = "unrecognized arguments: "
# Options the program knows whose name mentions a password: they name a file, not the secret.
_PASSWORD_FILE_OPTIONS = ("--password-file", "--backup-password-file")
_PASSWORDISH = re.compile(r"^--?(?:[\w-]*(?:password|passphrase|passwd|sandi|secret)[\w-]*|pass|pw|pwd)(?:=|$)",
                          re.IGNORECASE)


def _without_values(message: str) -> str:
    if not message.startswith(_UNRECOGNIZED):
        return message
    names = [word.split("=", 1)[0] for word in message[len(_UNRECOGNIZED):].split() if word.startswith("-")]
    return tr("argumen tidak dikenal: {n} (nilai tidak ditampilkan)",
              "unrecognized arguments: {n} (values not shown)", n=" ".join(names) or "?")


def refuse_password_arguments(argv: list[str]) -> None:
    """A password given as an argument (``--password SECRET``) is refused without repeating it:
    an argument shows in the process list and the shell's history."""
    for arg in argv:
        if arg == "--":
            break
        name = arg.split("=", 1)[0]
        if _PASSWORDISH.match(arg) and name not in _PASSWORD_FILE_OPTIONS:
            raise UserInputError(tr(
                "Argumen salah: kata sandi tidak diterima sebagai argumen ({o}, nilainya tidak "
                "ditampilkan), karena argumen terlihat di daftar proses. Setel REKAM_UPT_PASSWORD "
                "atau gunakan --password-file BERKAS.",
                "Bad arguments: a password is not accepted as an argument ({o}, its value not shown), "
                "because arguments show in the process list. Set REKAM_UPT_PASSWORD or use "
                "--password-file FILE.",
                o=name), code="password_argument")


def command_name(argv: list[str]) -> str | None:
    """The command named in ``argv`` (options may come before it), or None."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--db", "--password-file"):
            skip_next = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def is_command(argv: list[str]) -> bool:
    """True when ``argv`` names a command (the window opens otherwise)."""
    return command_name(argv) in COMMANDS


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; only the named command's module is imported (the others stay unloaded)."""
    parser = _Parser(prog="rekam-upt", description="Rekam UPT")
    add_common_arguments(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if only is None or name == only:
            module = importlib.import_module(module_name)
            add_common_arguments(p, top_level=False)
            module.add_arguments(p)
            p.set_defaults(_module=module)
    return parser


def run(argv: list[str]) -> int:
    """Run one command; return its exit status."""
    want_json = "--json" in argv
    out = Output(json_mode=want_json)
    try:
        refuse_password_arguments(argv)
        args = build_parser(command_name(argv)).parse_args(argv)
        out.json_mode = bool(getattr(args, "json", False))
        if getattr(args, "command", None) is None:
            raise UserInputError(tr("Perintah tidak dikenal.", "Unknown command."))
        remove_leftovers(getattr(args, "db", None))  # what killed runs left, if no one is using it
        return int(args._module.run(args, out) or 0)
    except RekamError as err:
        return out.error(err)
    except KeyboardInterrupt:
        return out.error(RekamError(tr("Dibatalkan.", "Cancelled.")))


def main(argv: list[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)
