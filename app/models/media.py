"""Whether a path lies on removable media (a USB stick, a memory card): no Qt, for the command line too.

An exported workbook is not encrypted, so writing one there gets a warning (issue 12).
The window's backup dialog has the same rule (app/ui/backup_dialogs.is_removable).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def is_removable(path: Path | str) -> bool:
    """True when ``path`` (a file or folder, existing or not) is on removable media."""
    target = Path(os.path.realpath(Path(path).expanduser()))
    if sys.platform.startswith("win"):
        import ctypes

        try:
            return ctypes.windll.kernel32.GetDriveTypeW(target.drive + "\\") == 2  # DRIVE_REMOVABLE
        except (AttributeError, OSError):
            return False
    text = str(target)
    if text.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/")):
        return True
    return _linux_removable(target)


def _linux_removable(target: Path) -> bool:
    """The block device under the mount point holding ``target`` says removable=1 (Linux sysfs)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, device = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("/dev/"):
            point = parts[1].replace("\\040", " ")
            if (str(target) == point or str(target).startswith(point.rstrip("/") + "/")) and len(point) > len(best):
                best, device = point, parts[0]
    if not device:
        return False
    name = Path(os.path.realpath(device)).name
    for candidate in (name, name.rstrip("0123456789"), name.split("p")[0] if name.startswith("nvme") else name):
        flag = Path("/sys/block") / candidate / "removable"
        try:
            return flag.read_text().strip() == "1"
        except OSError:
            continue
    return False
