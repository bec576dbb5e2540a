"""A guard that proves a Python process opens no network connection (sys.addaudithook).

``prelude(log)`` is Python source to put first in a child process (``python -c``):
it installs an audit hook that, on any network audit event (a socket connect,
bind or send, a name lookup, urllib/http/ftp/smtp...), appends the event to
``log`` and raises, so the attempt also fails.  ``events(log)`` reads them back.
``command(args, log)`` runs ``rekam-upt ARGS`` under the guard; the window session
can use ``prelude`` with its own code.

Audit hooks see what Python code does (the standard library raises these events);
Qt's own C++ networking would not show here, which is why the window must not load
QtNetwork at all.
"""

from __future__ import annotations

import json
import socket
import sys
import textwrap
from pathlib import Path

NETWORK_EVENTS = (
    "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
    "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.getnameinfo",
    "urllib.Request", "http.client.connect", "http.client.send", "ftplib.connect",
    "smtplib.connect", "poplib.connect", "imaplib.open", "nntplib.connect", "telnetlib.Telnet.open",
    "webbrowser.open",
)
# socket.__new__ is an event too: creating an internet socket at all is flagged.
INTERNET_FAMILIES = tuple(int(f) for f in (socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)))


def prelude(log: Path | str) -> str:
    """Python source that installs the guard; run it before anything else in the child."""
    return textwrap.dedent(f"""\
        import sys as _ng_sys
        def _ng_install():
            import json
            log, watched, families = {str(log)!r}, frozenset({NETWORK_EVENTS!r}), {INTERNET_FAMILIES!r}
            def hook(event, args):
                if event == "socket.__new__":
                    if not (len(args) > 1 and args[1] in families):
                        return
                elif event not in watched:
                    return
                with open(log, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps([event, repr(args)[:300]]) + "\\n")
                raise RuntimeError("netguard: no network allowed (" + event + ")")
            _ng_sys.addaudithook(hook)
        _ng_install()
        del _ng_install
        """)


def command(args: list[str], log: Path | str, *, setup: str = "", python: str = sys.executable) -> list[str]:
    """The argv of ``rekam-upt ARGS`` run under the guard (``setup``: extra source after it)."""
    code = prelude(log) + setup + textwrap.dedent("""\
        import sys
        from app.main import main
        sys.exit(main(sys.argv[1:]))
        """)
    return [python, "-c", code, *[str(a) for a in args]]


def events(log: Path | str) -> list[tuple[str, str]]:
    """What the guard caught, in order (empty when the log was never written)."""
    path = Path(log)
    if not path.exists():
        return []
    return [tuple(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]
