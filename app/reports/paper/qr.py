"""QR modules of a short text, the same matrix as reportlab's encoder with mask 0, computed quicker.

reportlab's ``qrencoder`` builds every code from nothing: the finder, timing and format
patterns, the data positions, the Reed-Solomon generator polynomial (a product of
``ecCount`` factors) and a recursive polynomial division.  For a batch of cards of the same
version all but the data are the same, so here they are made once per version and kept:
the function-pattern matrix, the data positions with their mask bits, the generator.  The
data stream still comes from reportlab's segment classes (number, alphanumeric, byte), and
the error correction is the same arithmetic over GF(256) with log tables.  The tests
compare the matrix with ``QRCode.makeImpl(False, 0)`` for many texts.
"""

from __future__ import annotations

import functools
from itertools import zip_longest

from reportlab.graphics.barcode import qrencoder as _q

LEVEL = _q.QRErrorCorrectLevel.M
MASK = 0          # one fixed mask: all are valid, scoring the eight is most of the encoder's cost
PAD = (0xEC, 0x11)
EXP = _q.EXP_TABLE
LOG = _q.LOG_TABLE
BITS = tuple(tuple(bool(b >> (7 - i) & 1) for i in range(8)) for b in range(256))


class _Bits:
    """What reportlab's segments write into: ``put(num, length)``, kept as one integer."""

    __slots__ = ("value", "length")

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length


@functools.lru_cache(maxsize=64)
def _generator(ec_count: int) -> tuple[int, ...]:
    """The Reed-Solomon generator's coefficients after the leading 1, as exponents (log)."""
    poly = [1]
    for i in range(ec_count):
        factor = EXP[i % 255]
        out = [0] * (len(poly) + 1)
        for j, a in enumerate(poly):
            out[j] ^= a
            if a:
                out[j + 1] ^= EXP[(LOG[a] + LOG[factor]) % 255]
        poly = out
    return tuple(LOG[a] for a in poly[1:])


def _remainder(data: list[int], ec_count: int) -> list[int]:
    """``data`` times x^ec_count modulo the generator: the block's error-correction bytes."""
    gen = _generator(ec_count)
    rest = [0] * ec_count
    for byte in data:
        factor = byte ^ rest[0]
        rest = rest[1:]
        rest.append(0)
        if factor:
            lf = LOG[factor]
            for j, g in enumerate(gen):
                rest[j] ^= EXP[(g + lf) % 255]
    return rest


@functools.lru_cache(maxsize=8)
def _layout(version: int) -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int, bool], ...],
                                   tuple[tuple[int, int], ...]]:
    """(the function-pattern rows, the data positions (row, col, mask bit) in order, the RS blocks)."""
    qr = _q.QRCode(version, LEVEL)
    n = qr.moduleCount = version * 4 + 17
    qr.modules = [[False] * n for _ in range(n)]
    qr.setupPositionProbePattern(0, 0)
    qr.setupPositionProbePattern(n - 7, 0)
    qr.setupPositionProbePattern(0, n - 7)
    qr.setupPositionAdjustPattern()
    qr.setupTimingPattern()
    qr.setupTypeInfo(False, MASK)
    if version >= 7:
        qr.setupTypeNumber(False)
    mask = _q.QRUtil.getMask(MASK)
    positions = tuple((row, col, bool(mask(row, col))) for col, row in qr.dataPosIterator())
    blocks = tuple((b.totalCount, b.dataCount) for b in _q.QRRSBlock.getRSBlocks(version, LEVEL))
    return tuple(tuple(bool(m) for m in row) for row in qr.modules), positions, blocks


def _codewords(qr: _q.QRCode, blocks: tuple[tuple[int, int], ...]) -> list[int]:
    """The data and error-correction codewords, interleaved as reportlab's createData does."""
    total = sum(d for _t, d in blocks) * 8
    bits = _Bits()
    for segment in qr.dataList:
        segment.write(bits, qr.version)
    if bits.length > total:
        raise ValueError(f"code length overflow. ({bits.length} > {total})")
    if bits.length + 4 <= total:
        bits.put(0, 4)
    if bits.length % 8:
        bits.put(0, 8 - bits.length % 8)
    raw = bits.value.to_bytes(bits.length // 8, "big") if bits.length else b""
    data = list(raw)
    k = 0
    while len(data) < total // 8:
        data.append(PAD[k % 2])
        k += 1
    dc, ec = [], []
    offset = 0
    for count, dcount in blocks:
        part = data[offset:offset + dcount]
        offset += dcount
        dc.append(part)
        ec.append(_remainder(part, count - dcount))
    return [x for group in (zip_longest(*dc), zip_longest(*ec)) for column in group for x in column
            if x is not None]


def qr_modules(text: str) -> list[list[bool]]:
    """The module rows of ``text`` (error correction M, mask 0), top row first."""
    qr = _q.QRCode(None, LEVEL)
    qr.addData(text)
    qr.version = qr.calculate_version()
    fixed, positions, blocks = _layout(qr.version)
    words = _codewords(qr, blocks)
    bits = [bit for w in words for bit in BITS[w]]
    bits += [False] * (len(positions) - len(bits))   # the remainder bits are light (then masked)
    modules = [list(row) for row in fixed]
    for (row, col, m), dark in zip(positions, bits):
        modules[row][col] = dark != m
    return modules
