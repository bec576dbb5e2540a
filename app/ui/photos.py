"""A person's photo: read from a file and made small with Qt before it reaches the operation, and shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap

from app.models.errors import UserInputError

# Small enough to keep 100,000 persons' photos in one file; large enough for a card at 300 dpi (3 × 4 cm).
PHOTO_WIDTH, PHOTO_HEIGHT = 240, 320
QUALITY = 85


def jpeg_from_file(path: str | Path) -> bytes:
    """The photo in a file (JPEG, PNG, BMP ...), turned upright, cropped to 3:4 and resized, as JPEG bytes."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone's EXIF orientation
    image = reader.read()
    if image.isNull():
        raise UserInputError(QCoreApplication.translate("Photos", "This file is not a picture that can be read: %1")
                             .replace("%1", reader.errorString()), field="photo", code="not_image")
    return jpeg_from_image(image)


def jpeg_from_image(image: QImage) -> bytes:
    target = PHOTO_WIDTH / PHOTO_HEIGHT
    w, h = image.width(), image.height()
    if w / h > target:  # too wide: keep the middle
        cw = int(h * target)
        image = image.copy((w - cw) // 2, 0, cw, h)
    else:  # too tall: keep the top, where the face is
        ch = int(w / target)
        image = image.copy(0, 0, w, ch)
    image = image.scaled(PHOTO_WIDTH, PHOTO_HEIGHT, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_RGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", QUALITY)
    return bytes(data)


def pixmap(jpeg: bytes | None, width: int, height: int) -> QPixmap | None:
    """The photo scaled to fit ``width`` × ``height``, or None."""
    if not jpeg:
        return None
    image = QImage.fromData(jpeg, "JPG")
    if image.isNull():
        return None
    return QPixmap.fromImage(image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                          Qt.TransformationMode.SmoothTransformation))
